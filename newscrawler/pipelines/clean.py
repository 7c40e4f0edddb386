"""Clean records: whitespace, full-width spaces, ``&nbsp;``, empty and boilerplate lines.

Extraction already returns tidy text; this pipeline is the guard that makes the feed's
promise hold whatever the extractor or a profile produced: no blank lines, no editor lines,
no stray furniture at the end of a body, no empty strings where null is meant.
"""

from __future__ import annotations

import re
from typing import Any

from itemadapter import ItemAdapter

SPACES = re.compile(r"[ \t\r\f\v\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff]+")
# Lines that are page furniture or editor notes, never article text (dedecms-portals.md §5.10).
BOILERPLATE_LINES = re.compile(
    r"^[(（\[【]?\s*(?:责任编辑|责编|编辑)\s*[:：].{0,20}[)）\]】]?$"
    r"|^-{3,}\s*分隔线\s*-{3,}$"
    r"|^(?:顶一下|踩一下|返回顶部|返回首页|打印本页|关闭窗口|分享到[:：]?.*)$"
    r"|^(?:上一篇|下一篇)[:：]"
)
NULL_WORDS = {"", "未知", "佚名", "null", "none"}


REPLACEMENT = "\ufffd"  # what decoding put where the page had bytes of no character


def clean_text(value: str) -> str:
    """One line: runs of any kind of space become one space, ends trimmed, and the
    U+FFFD marks of undecodable bytes removed (they are not text the portal wrote)."""
    return SPACES.sub(" ", value.replace(REPLACEMENT, "")).strip()


def clean_body(body: str) -> str:
    """Paragraphs one per line, cleaned, without empty or boilerplate lines."""
    lines = (clean_text(line) for line in body.splitlines())
    return "\n".join(line for line in lines if line and not BOILERPLATE_LINES.match(line))


class CleanPipeline:
    """Normalise every text field of an article record (stats: ``clean/...``)."""

    def __init__(self, crawler: Any = None):
        self.stats = crawler.stats if crawler is not None else None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        if self.stats is not None and any(
            REPLACEMENT in value for value in adapter.values() if isinstance(value, str)
        ):
            self.stats.inc_value("clean/undecodable_bytes")
        for name in ("title", "source", "author", "editor", "summary"):
            value = adapter.get(name)
            if isinstance(value, str):
                value = clean_text(value)
                adapter[name] = None if value.lower() in NULL_WORDS else value
        if isinstance(adapter.get("body"), str):
            cleaned = clean_body(adapter["body"])
            if cleaned != adapter["body"] and self.stats is not None:
                self.stats.inc_value("clean/body_changed")
            adapter["body"] = cleaned
        for name in ("tags", "section"):
            values = adapter.get(name) or []
            cleaned = [clean_text(v) for v in values if isinstance(v, str)]
            adapter[name] = list(dict.fromkeys(v for v in cleaned if v))
        return item
