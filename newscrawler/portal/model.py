"""Data model of the sample portal: categories (DedeCms ``arctype``), articles (``archives``).

Why: templates and ground truth both read these records; nothing here knows about HTML.
The category tree is data (``CATEGORIES``), in DedeCms creation order so tids are realistic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

CST = timezone(timedelta(hours=8))  # cfg_cli_time = 8: every DedeCms date is Beijing time
SITE_NAME = "中国国际新闻台"
DEFAULT_NOW = datetime(2026, 11, 20, 12, 0, tzinfo=CST)


@dataclass(frozen=True)
class Category:
    """One ``arctype`` row. ``ispart=1`` is a cover channel (no list pages)."""

    tid: int
    name: str
    dir: str  # e.g. "/a/shehui/xinwenredian"
    parent: int = 0
    ispart: int = 0
    weight: float = 0.0  # share of generated articles (leaf sections only)


# (tid, name, dir, parent, ispart, weight)
CATEGORIES: tuple[Category, ...] = (
    Category(1, "社会", "/a/shehui", 0, 1),
    Category(2, "国际", "/a/guoji", 0, 0, 0.20),
    Category(3, "财经", "/a/caijing", 0, 0),
    Category(4, "科技", "/a/keji", 0, 0),
    Category(5, "新闻热点", "/a/shehui/xinwenredian", 1, 0, 0.34),
    Category(6, "法治", "/a/shehui/fazhi", 1, 0, 0.14),
    Category(7, "股市", "/a/caijing/gushi", 3, 0, 0.16),
    Category(8, "理财", "/a/caijing/licai", 3, 0, 0.0),  # only the few edge-case articles
    Category(9, "互联网", "/a/keji/hulianwang", 4, 0, 0.16),
    Category(10, "数码", "/a/keji/shuma", 4, 0, 0.0),  # empty leaf section
)


@dataclass
class Article:
    """One article. ``pages`` is a list of block lists (see ``content``); page 1 first.

    ``meta_style`` picks the meta line wording: "std" (``时间: Y-m-d H:i``), "seed"
    (``来源: X 发布时间:Y-m-d``), "d40" (full-width ``来源：``/``发布时间：``, date only),
    "dateonly" (``日期：Y-m-d H:i:s``, no source or author).
    """

    aid: int
    tid: int
    title: str
    pubdate: datetime
    senddate: datetime
    source: str
    author: str
    keywords: list[str]
    description: str
    pages: list[list[tuple[str, str]]]
    meta_style: str = "std"
    clicks: int = 0
    flags: str = ""
    editor: str = "admin"
    edits: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def precision(self) -> str:
        return {"seed": "day", "d40": "day", "dateonly": "second"}.get(self.meta_style, "minute")

    @property
    def shows_source(self) -> bool:
        return self.meta_style != "dateonly"

    @property
    def shows_author(self) -> bool:
        return self.meta_style not in ("dateonly", "seed")

    def date_text(self) -> str:
        """The displayed pubdate, in the article's own precision."""
        fmt = {"day": "%Y-%m-%d", "minute": "%Y-%m-%d %H:%M", "second": "%Y-%m-%d %H:%M:%S"}
        return self.pubdate.strftime(fmt[self.precision])

    def file_stem(self, cat: Category) -> str:
        """Path without ``.html``: ``{typedir}/{Y}/{M}{D}/{aid}`` from the *senddate*."""
        return f"{cat.dir}/{self.senddate:%Y}/{self.senddate:%m%d}/{self.aid}"

    def url_path(self, cat: Category, page: int = 1) -> str:
        stem = self.file_stem(cat)
        return f"{stem}.html" if page == 1 else f"{stem}_{page}.html"
