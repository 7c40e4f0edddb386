"""Validate records: an article without a title or a body is dropped, with its reason.

Drops are counted per reason (``validate/dropped/<reason>``) and logged with the URL, so a
template change that empties every body shows up in the run report, not as a quiet feed.
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

REQUIRED = ("url", "title", "body")
COVERAGE_FIELDS = ("published_at", "source", "author", "section", "summary")


def field_coverage(stats: dict[str, Any],
                   fields: tuple[str, ...] = COVERAGE_FIELDS) -> dict[str, float]:
    """Share of a run's valid records that had each of ``fields``, from the ``fields/*``
    counters this pipeline keeps (empty: no valid record). The one reading of those counters
    for the health check, the metrics and the run history."""
    checked = stats.get("fields/checked") or 0
    if not checked:
        return {}
    return {f: (checked - stats.get(f"fields/missing/{f}", 0)) / checked for f in fields}


class ValidatePipeline:
    """Drop records missing a required field (stats: ``validate/dropped/missing_<field>``)."""

    def __init__(self, crawler: Any):
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        for name in REQUIRED:
            value = adapter.get(name)
            if not isinstance(value, str) or not value.strip():
                self.stats.inc_value(f"validate/dropped/missing_{name}")
                self.stats.inc_value("validate/dropped")
                self.crawler.ledger.invalid(str(adapter.get("url")))
                raise DropItem(f"article {adapter.get('url')} has no {name}", log_level="WARNING")
        self.stats.inc_value("fields/checked")
        for name in COVERAGE_FIELDS:
            if not adapter.get(name):
                self.stats.inc_value(f"fields/missing/{name}")
        return item
