"""URL schemes of the sample portal: where each page lives and how pages link to each other.

Why: a real portal's URLs come from its admin's settings (DedeCms naming rules, category
folders, static or dynamic lists, rewrite, multi-site) or from another CMS's conventions. The
model (categories, articles) and therefore the ground truth do not change with them, so a scheme is
a small object the ``Site`` asks "what is the URL of this list page / article page" and "which
URLs do I serve". Evidence for every rule: ``docs/cms-portals.md``.

A scheme answers with *targets*: a root-relative path, with a query for dynamic pages
(``/plus/view.php?aid=12``). ``href`` turns a target into the link text a page writes
(``cfg_multi_site`` makes it absolute). ``routes`` lists every target the server answers and what
it shows; the ``Site`` also accepts a dynamic target with its parameters in another order.
"""

from __future__ import annotations

import random

from . import pagination, static
from .model import Article, Category

# Syllables for the custom file names of ``dede-slug`` (admins type pinyin: "qiandeng-sannian").
SYLLABLES = ("an ba bei ben bian bo cai chang cheng chu da dang de dong du fa fang fei feng fu "
             "gai gang gong guo hai hang he hong hua huan hui ji jia jian jiang jin jing ju kai "
             "ke kuai lan li lian liang lin long lu ma min ming nan neng ping qi qian qiang qing "
             "quan ren rong shan shang she shen sheng shi shou shu si tai tian tong wan wang wei "
             "wen xi xia xian xiang xin xing xu xue yang ye yi ying yong you yu yuan yun zai zhan "
             "zheng zhi zhong zhou zhu zi zong").split()


class Scheme:
    """DedeCms 5.7 static site: the default naming rule ``{typedir}/{Y}/{M}{D}/{aid}.html``.

    Subclasses change one setting each (see ``VARIANTS`` in ``variants.py``).
    """

    family = "dedecms"
    arcdir = "/a"  # cfg_arcdir: the folder the category folders live in ("" = site root)
    multi_site = False  # cfg_multi_site=Y with a cfg_basehost ending in "/": http://host//path
    dynamic_paths: frozenset[str] = frozenset()  # PHP entry points: unknown queries there 404
    list_order = "pubdate"  # DedeCms sortrank; "id" = PHPCMS list.html ORDER BY id DESC
    robots: bytes | None = static.ROBOTS_TXT  # None: no robots.txt (404)

    def __init__(self, site):
        self.site = site

    # ----------------------------------------------------------------- where things live
    def cat_dir(self, cat: Category) -> str:
        """The category folder (``typedir``): ``/a/shehui/xinwenredian`` by default."""
        return self.arcdir + cat.dir[len("/a"):]

    def section(self, cat: Category) -> str:
        """Target of a category link (nav, breadcrumb, "更多"): the folder (cfg_typedir_df=Y)."""
        return f"{self.cat_dir(cat)}/"

    def list_page(self, cat: Category, page: int, total: int) -> str:
        """Target of list page ``page`` (1-based) of a category with ``total`` articles."""
        return f"{self.cat_dir(cat)}/list_{cat.tid}_{page}.html"

    def article_stem(self, art: Article) -> str:
        """Article file path without ``.html`` (``GetFileName``), dated by the senddate."""
        d = art.senddate
        return f"{self.cat_dir(self.site.cat(art.tid))}/{d:%Y}/{d:%m%d}/{art.aid}"

    def article(self, art: Article, page: int = 1) -> str:
        stem = self.article_stem(art)
        return f"{stem}.html" if page == 1 else f"{stem}_{page}.html"

    def redirect(self, path: str, query: str) -> str | None:
        """Location of a 301 the portal answers for ``path?query``, if any."""
        return None

    def special(self, art: Article) -> str:
        """Target of the article's topic (专题) copy: ``GetFileName`` with no category rule."""
        return f"/special/arc-{art.aid}.html"

    def href(self, target: str, host: str) -> str:
        """The link a page writes for ``target``."""
        return f"http://{host}/{target}" if self.multi_site else target

    # ----------------------------------------------------------------- pagination links
    def list_links(self, cat: Category, page: int, total_pages: int, total: int,
                   option: bool = True) -> str:
        """``{dede:pagelist}`` of a static list page (relative ``list_{tid}_{n}.html``)."""
        return pagination.list_pages(cat.tid, page, total_pages, total, option=option)

    def article_links(self, art: Article, page: int) -> str:
        """``{dede:pagebreak/}`` of a static article (relative ``{stem}_{n}.html``)."""
        name = self.article_stem(art).rsplit("/", 1)[1]
        return pagination.article_pages(name, page, len(art.pages))

    # ----------------------------------------------------------------- what is served
    def prepare(self) -> None:
        """Called whenever the articles change (assign file names, etc.)."""

    def routes(self, r: dict[str, tuple], pages_of) -> None:
        """Add every list, cover and article target to ``r`` (target → route)."""
        site = self.site
        for cat in site.categories.values():
            if cat.ispart:
                r[f"{self.cat_dir(cat)}/index.html"] = ("cover", cat.tid)
                continue
            total = len(site.newest(cat.tid))
            for n in range(1, pages_of(total) + 1):
                r[self.list_page(cat, n, total)] = ("list", cat.tid, n)
            r[f"{self.cat_dir(cat)}/index.html"] = ("list", cat.tid, 1)  # copy of list_{tid}_1
        for art in site.articles.values():
            for page in range(1, len(art.pages) + 1):
                r[self.article(art, page)] = ("article", art.aid, page)


class AidScheme(Scheme):
    """Naming rule ``{typedir}/{aid}.html`` (NW: ``/domestic/1723.html``)."""

    def article_stem(self, art: Article) -> str:
        return f"{self.cat_dir(self.site.cat(art.tid))}/{art.aid}"


class YmdScheme(Scheme):
    """Naming rule ``{typedir}/{Y}{M}{D}/{aid}.html``."""

    def article_stem(self, art: Article) -> str:
        return f"{self.cat_dir(self.site.cat(art.tid))}/{art.senddate:%Y%m%d}/{art.aid}"


class SlugScheme(AidScheme):
    """Custom file names (the article form's 文件名 field): ``{typedir}/{filename}.html``.

    ``GetFileName`` puts ``filename`` in the directory of the rule, so with ``{typedir}/{aid}.html``
    the URL has no digits at all: ``/a/guoji/qiang-shan-yuan.html``.
    """

    def __init__(self, site):
        super().__init__(site)
        self.slugs: dict[int, str] = {}

    def prepare(self) -> None:
        taken = set(self.slugs.values())
        for aid in sorted(self.site.articles):
            if aid in self.slugs:
                continue
            rng = random.Random(f"portal-slug-{self.site.seed}-{aid}")
            words = [rng.choice(SYLLABLES) for _ in range(3)]
            while "-".join(words) in taken:
                words.append(rng.choice(SYLLABLES))
            self.slugs[aid] = "-".join(words)
            taken.add(self.slugs[aid])

    def article_stem(self, art: Article) -> str:
        return f"{self.cat_dir(self.site.cat(art.tid))}/{self.slugs[art.aid]}"


class RootScheme(AidScheme):
    """Category folders at the site root (cfg_arcdir empty): ``/guoji/12.html`` (NW, DL)."""

    arcdir = ""


class HtmlScheme(Scheme):
    """Category folders under ``{cmspath}/html`` (the 3.x/4.0 default cfg_arcdir)."""

    arcdir = "/html"


class BasehostScheme(Scheme):
    """cfg_multi_site=Y with cfg_basehost ``http://host/``: every link ``http://host//a/...``."""

    multi_site = True


class DynamicScheme(Scheme):
    """Dynamic browsing: lists ``/plus/list.php?tid=N`` (category option -1, ``GetTypeUrl``),
    list page K ``/plus/list.php?tid=N&TotalResult=T&PageNo=K`` (``GetPageListDM``), articles
    ``/plus/view.php?aid=N`` (仅动态浏览, ``GetFileName``), page K ``&pageno=K``
    (``GetPagebreakDM``, relative ``view.php?...`` links)."""

    dynamic_paths = frozenset({"/plus/list.php", "/plus/view.php"})

    def dynamic(self, cat: Category) -> bool:
        return True

    def section(self, cat: Category) -> str:
        return f"/plus/list.php?tid={cat.tid}" if self.dynamic(cat) else super().section(cat)

    def list_page(self, cat: Category, page: int, total: int) -> str:
        if not self.dynamic(cat):
            return super().list_page(cat, page, total)
        if page == 1:
            return self.section(cat)
        return f"/plus/list.php?tid={cat.tid}&TotalResult={total}&PageNo={page}"

    def article(self, art: Article, page: int = 1) -> str:
        if not self.dynamic(self.site.cat(art.tid)):
            return super().article(art, page)
        return f"/plus/view.php?aid={art.aid}" + ("" if page == 1 else f"&pageno={page}")

    def special(self, art: Article) -> str:
        """A dynamic-only article (ismake=-1) has no static copy: topics link view.php too."""
        if self.dynamic(self.site.cat(art.tid)):
            return self.article(art)
        return super().special(art)

    def list_links(self, cat, page, total_pages, total, option=True) -> str:
        if not self.dynamic(cat):
            return super().list_links(cat, page, total_pages, total, option)
        return pagination.list_pages_dm(cat.tid, page, total_pages, total, "/plus/list.php")

    def article_links(self, art: Article, page: int) -> str:
        if not self.dynamic(self.site.cat(art.tid)):
            return super().article_links(art, page)
        return pagination.article_pages_dm(art.aid, page, len(art.pages))

    def routes(self, r: dict[str, tuple], pages_of) -> None:
        site = self.site
        for cat in site.categories.values():
            if not self.dynamic(cat):
                continue
            if cat.ispart:
                r[self.section(cat)] = ("cover", cat.tid)
                continue
            total = len(site.newest(cat.tid))
            for n in range(1, pages_of(total) + 1):
                r[self.list_page(cat, n, total)] = ("list", cat.tid, n)
                # "首页" links PageNo=1; list.php without TotalResult counts again: same pages
                r[f"/plus/list.php?tid={cat.tid}&TotalResult={total}&PageNo={n}"] = (
                    "list", cat.tid, n)
                r[f"/plus/list.php?tid={cat.tid}&PageNo={n}"] = ("list", cat.tid, n)
        for art in site.articles.values():
            if self.dynamic(site.cat(art.tid)):
                for page in range(1, len(art.pages) + 1):
                    r[self.article(art, page)] = ("article", art.aid, page)
        r.update(self._static_routes(pages_of))

    def _static_routes(self, pages_of) -> dict[str, tuple]:
        """The static part (mixed portals): sections that are not dynamic."""
        r: dict[str, tuple] = {}
        site = self.site
        for cat in site.categories.values():
            if self.dynamic(cat):
                continue
            if cat.ispart:
                r[f"{self.cat_dir(cat)}/index.html"] = ("cover", cat.tid)
                continue
            total = len(site.newest(cat.tid))
            for n in range(1, pages_of(total) + 1):
                r[super().list_page(cat, n, total)] = ("list", cat.tid, n)
            r[f"{self.cat_dir(cat)}/index.html"] = ("list", cat.tid, 1)
        for art in site.articles.values():
            if not self.dynamic(site.cat(art.tid)):
                for page in range(1, len(art.pages) + 1):
                    r[super().article(art, page)] = ("article", art.aid, page)
        return r


class RewriteScheme(DynamicScheme):
    """cfg_rewrite=Y: ``/plus/list-N.html``, ``list-N-T-K.html``, ``/plus/view-N-1.html``,
    ``view-N-K.html`` (the replacements in ``GetPageListDM``/``GetPagebreakDM``/``GetFileName``;
    the section link ``list-N.html`` is the usual ``.htaccess`` companion rule)."""

    dynamic_paths = frozenset()

    def section(self, cat: Category) -> str:
        return f"/plus/list-{cat.tid}.html"

    def list_page(self, cat: Category, page: int, total: int) -> str:
        return self.section(cat) if page == 1 else f"/plus/list-{cat.tid}-{total}-{page}.html"

    def article(self, art: Article, page: int = 1) -> str:
        return f"/plus/view-{art.aid}-{page}.html"

    def list_links(self, cat, page, total_pages, total, option=True) -> str:
        return pagination.rewrite_list_links(
            pagination.list_pages_dm(cat.tid, page, total_pages, total, "/plus/list.php"))

    def article_links(self, art: Article, page: int) -> str:
        return pagination.article_pages_dm(art.aid, page, len(art.pages), rewrite=True)

    def routes(self, r: dict[str, tuple], pages_of) -> None:
        site = self.site
        for cat in site.categories.values():
            if cat.ispart:
                r[self.section(cat)] = ("cover", cat.tid)
                continue
            total = len(site.newest(cat.tid))
            for n in range(1, pages_of(total) + 1):
                r[self.list_page(cat, n, total)] = ("list", cat.tid, n)
            r[f"/plus/list-{cat.tid}-{total}-1.html"] = ("list", cat.tid, 1)
        for art in site.articles.values():
            for page in range(1, len(art.pages) + 1):
                r[self.article(art, page)] = ("article", art.aid, page)


class MixedScheme(DynamicScheme):
    """Static and dynamic sections in one portal: 国际 and the 科技 channel are browsed
    dynamically (category option -1, articles 仅动态浏览), everything else is static HTML."""

    DYNAMIC_TOPS = (2, 4)

    def dynamic(self, cat: Category) -> bool:
        return self.site.chain(cat.tid)[0].tid in self.DYNAMIC_TOPS
