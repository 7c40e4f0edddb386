"""Deduplicate records within a run and across runs: ask the ledger, drop or set ``version``.

The rules (same_article, unchanged, same_content, near_duplicate; versions after an edit) live
in one place, `newscrawler.ledger`; this pipeline only applies the ledger's verdict. Drops are
counted there (``dedup/dropped/<reason>``) and logged here with the URL they copy.
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

QUIET_REASONS = ("unchanged", "same_article")  # routine in incremental runs: DEBUG


class DedupPipeline:
    """Drop what the ledger calls a duplicate; stamp the rest with its ``version``."""

    def __init__(self, crawler: Any):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> DedupPipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        verdict = self.crawler.ledger.judge(item)
        adapter = ItemAdapter(item)
        if verdict.drop is not None:
            detail = f" (same as {verdict.duplicate_of})" if verdict.duplicate_of else ""
            level = "DEBUG" if verdict.drop in QUIET_REASONS else "INFO"
            raise DropItem(f"{verdict.drop}: {adapter['url']}{detail}", log_level=level)
        adapter["version"] = verdict.version
        return item
