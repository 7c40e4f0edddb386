"""What the PHPCMS v9 and EmpireCMS 7.x replicas share: page assembly from a few fragments.

Why: the two CMS families render the same four page kinds (home, channel cover, list, article)
from their own templates (``phpcms.py``, ``empire.py``). This base holds the common assembly
and the ground-truth policy (``own_meta``: the family's article template decides which fields
show, not the DedeCms ``meta_style``); the subclasses supply the markup fragments.
"""

from __future__ import annotations

from .content import cn_substr
from .model import SITE_NAME, Article, Category
from .schemes import Scheme
from .templates import NL, Theme, attr


class OtherScheme(Scheme):
    """Base for other families: no /data/ maps, no /special/ copies, list order by pubdate."""

    family = "other"

    def cover(self, cat: Category) -> str:
        """Target of a channel cover page (a category with sub-categories)."""
        return f"{self.cat_dir(cat)}/index.html"

    def routes(self, r: dict[str, tuple], pages_of) -> None:
        site = self.site
        for cat in site.categories.values():
            if cat.ispart:
                r[self.cover(cat)] = ("cover", cat.tid)
                continue
            total = len(site.newest(cat.tid))
            for n in range(1, pages_of(total) + 1):
                for target in self.list_targets(cat, n, total):
                    r[target] = ("list", cat.tid, n)
        for art in site.articles.values():
            for page in range(1, len(art.pages) + 1):
                for target in self.article_targets(art, page):
                    r[target] = ("article", art.aid, page)

    def list_targets(self, cat: Category, page: int, total: int) -> list[str]:
        """Every target that serves list page ``page`` (the linked one first)."""
        return [self.list_page(cat, page, total)]

    def article_targets(self, art: Article, page: int) -> list[str]:
        return [self.article(art, page)]


class OtherTheme(Theme):
    """Page assembly for another CMS family; subclasses write the fragments."""

    own_meta = True
    meta_fields: tuple[str, ...] = ("source", "author")
    date_precision = "second"
    shows_editor = False
    list_titlelen = 60

    # fragments ------------------------------------------------------------------------------
    def page_title(self, title: str, cat: Category | None = None) -> str:
        return f"{title} - {SITE_NAME}"

    def top(self, title: str, keywords: str = "", description: str = "",
            cat: Category | None = None) -> str:
        raise NotImplementedError

    def bottom(self) -> str:
        raise NotImplementedError

    def block(self, cat: Category, items: list[Article]) -> str:
        raise NotImplementedError

    def list_body(self, cat: Category, page: int, items: list[Article], total_pages: int,
                  total: int) -> str:
        raise NotImplementedError

    def article_body(self, art: Article, page: int) -> str:
        raise NotImplementedError

    def related(self, art: Article) -> list[Article]:
        """延伸阅读/相关信息: the newest other articles of the same category."""
        return [a for a in self.ctx.newest(art.tid) if a.aid != art.aid][:5]

    # pages ----------------------------------------------------------------------------------
    def home_page(self) -> str:
        blocks = NL.join(self.block(c, self.ctx.newest(c.tid, 8))
                         for c in self.ctx.top_categories())
        return NL.join([self.top(SITE_NAME, "中国国际新闻台,新闻", "权威、及时、专业的新闻资讯"),
                        blocks, self.bottom()])

    def cover_page(self, cat: Category) -> str:
        blocks = NL.join(self.block(c, self.ctx.newest(c.tid, 8))
                         for c in self.ctx.children(cat.tid))
        return NL.join([self.top(self.page_title(cat.name), cat.name, cat.name, cat),
                        self.crumbs(cat), blocks, self.bottom()])

    def list_page(self, cat: Category, page: int, items: list[Article], total_pages: int,
                  total: int) -> str:
        return NL.join([self.top(self.page_title(cat.name), cat.name, cat.name, cat),
                        self.list_body(cat, page, items, total_pages, total), self.bottom()])

    def article_page(self, art: Article, page: int) -> str:
        cat = self.ctx.cat(art.tid)
        return NL.join([self.top(self.page_title(art.title, cat), ",".join(art.keywords),
                                 attr(art.description), cat),
                        self.article_body(art, page), self.bottom()])

    def crumbs(self, cat: Category) -> str:
        raise NotImplementedError

    def short(self, art: Article, width: int = 40) -> str:
        return cn_substr(art.title, width)
