"""The sample portal as an object: routing, lazy per-base-URL rendering, ground truth, mutations.

Why: the server, the CLI and the tests all need "the bytes at this path" and "what a perfect
crawler should extract". ``Site`` owns the model (categories + articles) and answers both. Pages
embed the host (breadcrumb home link, the ``//`` multi-site nav link, RSS links), so they are
rendered lazily per base URL and cached; a mutation (``publish``/``edit``) drops the cache, exactly
like a DedeCms "update HTML" run rewrites the affected files.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlsplit

from . import content, generate, static, truth
from .model import CATEGORIES, CST, DEFAULT_NOW, Article, Category
from .portals import VARIANTS
from .response import LazyPages, Response

DEFAULT_BASE_URL = "http://127.0.0.1:8000"
_SLASHES = re.compile("/{2,}")


def _query_key(target: str) -> tuple:
    """A dynamic target with its parameters in any order: (path, sorted parameters)."""
    path, _, query = target.partition("?")
    return _SLASHES.sub("/", path), tuple(sorted(parse_qsl(query, keep_blank_values=True)))
CACHE_SIZE = 4096  # rendered responses kept (oldest dropped first); rendering takes ~0.4 ms
class Site:
    """A generated DedeCms 5.7 portal. Build with ``build_site``; see the module docstring."""

    def __init__(self, articles: list[Article], edges: dict[str, int], *, edition: str,
                 seed: int, variant: str, now: datetime, page_size: int = 10):
        if edition not in ("utf-8", "gbk"):
            raise ValueError(f"edition must be 'utf-8' or 'gbk', not {edition!r}")
        if variant not in VARIANTS:
            raise ValueError(f"variant must be one of {sorted(VARIANTS)}, not {variant!r}")
        self.edition, self.seed, self.variant, self.now = edition, seed, variant, now
        self.theme_class = VARIANTS[variant].theme
        self.scheme = VARIANTS[variant].scheme(self)
        self.page_size = page_size
        self.edge_cases = dict(edges)  # name → aid, see generate.EDGE_CASES
        self.articles = {a.aid: a for a in articles}
        self.categories = {c.tid: c for c in CATEGORIES}
        self._lock = threading.RLock()
        self._invalidate()

    # ----------------------------------------------------------------- model queries (templates)
    @property
    def charset(self) -> str:
        return "gb2312" if self.edition == "gbk" else "utf-8"

    def cat(self, tid: int) -> Category:
        return self.categories[tid]

    def chain(self, tid: int) -> list[Category]:
        out = []
        while tid:
            out.insert(0, self.categories[tid])
            tid = self.categories[tid].parent
        return out

    def children(self, tid: int) -> list[Category]:
        return [c for c in self.categories.values() if c.parent == tid]

    def top_categories(self) -> list[Category]:
        return self.children(0)

    def path(self, art: Article, page: int = 1) -> str:
        """Target (root-relative path, with a query on dynamic portals) of an article page."""
        return self.scheme.article(art, page)

    def newest(self, tid: int | None, limit: int | None = None) -> list[Article]:
        """Articles of ``tid`` and its sub-categories (cfg_list_son), newest first by pubdate."""
        arts = self._ordered if tid is None else self._by_tid[tid]
        return arts if limit is None else arts[:limit]

    def listed(self, tid: int) -> list[Article]:
        """What the list pages of ``tid`` show, in the portal's list order."""
        if self.scheme.list_order == "id":
            return sorted(self._by_tid[tid], key=lambda a: -a.aid)
        return self._by_tid[tid]

    def prev_next(self, art: Article) -> tuple[Article | None, Article | None]:
        same = self._siblings[art.tid]
        i = self._sibling_pos[art.aid]
        prev = self.articles[same[i - 1]] if i > 0 else None
        nxt = self.articles[same[i + 1]] if i + 1 < len(same) else None
        return prev, nxt

    def hot_articles(self) -> list[Article]:
        return [a for a in self.newest(5) if "h" in a.flags][:6]

    def ranked_articles(self) -> list[Article]:
        return self._ranked

    def special_articles(self) -> list[Article]:
        return [self.articles[self.edge_cases[n]] for n in generate.SPECIAL_COPIES
                if n in self.edge_cases]

    def view_php_article(self) -> Article | None:
        aid = self.edge_cases.get(generate.VIEW_PHP)
        return self.articles[aid] if aid else None

    # ----------------------------------------------------------------- routing and rendering
    def _invalidate(self) -> None:
        with self._lock:
            self.scheme.prepare()
            self._ordered = sorted(self.articles.values(), key=lambda a: (a.pubdate, a.aid),
                                   reverse=True)
            self._by_tid: dict[int, list[Article]] = {t: [] for t in self.categories}
            for a in self._ordered:
                for c in self.chain(a.tid):
                    self._by_tid[c.tid].append(a)
            self._siblings: dict[int, list[int]] = {t: [] for t in self.categories}
            self._sibling_pos: dict[int, int] = {}
            for aid in sorted(self.articles):
                same = self._siblings[self.articles[aid].tid]
                self._sibling_pos[aid] = len(same)
                same.append(aid)
            self._ranked = sorted(self._ordered, key=lambda a: -a.clicks)[:10]
            self._routes: dict[str, tuple] | None = None
            self._queries: dict[tuple, tuple] = {}
            self._cache: dict[tuple[str, str], Response] = {}

    def routes(self) -> dict[str, tuple]:
        """Every servable path → (kind, args). Built once per site state."""
        with self._lock:
            if self._routes is None:
                self._routes = self._build_routes()
            return self._routes

    def _build_routes(self) -> dict[str, tuple]:
        r: dict[str, tuple] = {"/index.html": ("home",)}
        if self.scheme.robots is not None:
            r["/robots.txt"] = ("robots",)
        dede = self.scheme.family == "dedecms"
        if dede:
            r["/data/sitemap.html"] = ("map", False)
            r["/data/rssmap.html"] = ("map", True)
            for cat in self.categories.values():
                r[f"/data/rss/{cat.tid}.xml"] = ("rss", cat.tid)
        self.scheme.routes(r, self.pages_of)
        for art in self.articles.values():
            for page in art.pages:
                for src in content.blocks_images(page):
                    if src.startswith("/"):
                        r[src] = ("image",)
            if content.litpic(art.pages[0]):
                r[content.litpic(art.pages[0])] = ("image",)
        if dede:
            for art in self.special_articles():
                if self.scheme.special(art).startswith("/special/"):
                    r[self.scheme.special(art)] = ("article", art.aid, 1)
        self._queries = {_query_key(t): route for t, route in r.items() if "?" in t}
        return r

    def pages_of(self, total: int) -> int:
        """Number of list pages for ``total`` articles (at least 1)."""
        return max(1, math.ceil(total / self.page_size))

    def paths(self) -> list[str]:
        """All paths with content (directory index URLs ``/a/x/`` are served too)."""
        return sorted(self.routes())

    def render(self, path: str, base_url: str = DEFAULT_BASE_URL) -> Response | None:
        """The response for ``path`` (may include a query) as served at ``base_url``, or None."""
        key = (base_url, path)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        with self._lock:
            resp = self._render(path, urlsplit(base_url).netloc)
            if resp is not None:
                if len(self._cache) >= CACHE_SIZE:  # bounded: a 10,000-article site is ~110 MB
                    del self._cache[next(iter(self._cache))]
                self._cache[key] = resp
            return resp

    def _render(self, target: str, host: str) -> Response | None:
        path, _, query = target.partition("?")
        path = _SLASHES.sub("/", path)  # nginx merge_slashes: "//a/guoji/" is "/a/guoji/"
        if query and (location := self.scheme.redirect(path, query)):
            return Response(301, b"", "text/html", location)
        if query:
            self.routes()
            route = self._queries.get(_query_key(target))
            if route is not None:  # a dynamic page: PHP answers with a charset
                html = self._page_html(route, host)
                return Response(200, self._encode(html), f"text/html; charset={self.charset}")
            if path in self.scheme.dynamic_paths:
                return None
        if path in ("/", "") or path.endswith("/"):
            path += "index.html"
        if path == "/index.php" and self.scheme.family == "dedecms":
            return Response(301, b"", "text/html", "/index.html")
        if path == "/plus/count.php":
            aid = dict(p.partition("=")[::2] for p in query.split("&")).get("aid", "0")
            art = self.articles.get(int(aid)) if aid.isdigit() else None
            js = f"document.write('{art.clicks if art else 0}');"
            return Response(200, js.encode("ascii"), f"text/html; charset={self.charset}")
        if path == "/plus/view.php":
            aid = dict(p.partition("=")[::2] for p in query.split("&")).get("aid", "")
            if aid.isdigit() and int(aid) in self.articles:
                html = self._theme(host).article_page(self.articles[int(aid)], 1)
                return Response(200, self._encode(html), f"text/html; charset={self.charset}")
            return None
        route = self.routes().get(path)
        if route is None:
            if f"{path}/index.html" in self.routes():
                return Response(301, b"", "text/html", f"{path}/")
            return None
        kind = route[0]
        if kind == "robots":
            return Response(200, self.scheme.robots, "text/plain")
        if kind == "image":
            return Response(200, static.PIXEL, "image/jpeg")  # by extension, as nginx does
        body = self._encode(self._page_html(route, host), broken=self._broken(route))
        return Response(200, body, "text/xml" if kind == "rss" else "text/html")

    def _theme(self, host: str):
        return self.theme_class(self, host)

    def _page_html(self, route: tuple, host: str) -> str:
        theme, kind = self._theme(host), route[0]
        if kind == "home":
            return theme.home_page()
        if kind == "map":
            return theme.map_page(route[1])
        if kind == "rss":
            items = sorted(self.newest(route[1]), key=lambda a: -a.aid)[:50]  # ORDER BY id DESC
            return theme.rss(self.cat(route[1]), items)
        if kind == "cover":
            return theme.cover_page(self.cat(route[1]))
        if kind == "list":
            cat, page = self.cat(route[1]), route[2]
            arts = self.listed(cat.tid)
            pages = max(1, math.ceil(len(arts) / self.page_size))
            items = arts[(page - 1) * self.page_size: page * self.page_size]
            return theme.list_page(cat, page, items, pages, len(arts))
        if kind == "article":
            return theme.article_page(self.articles[route[1]], route[2])
        return getattr(theme, f"{kind}_page")(*route[1:])  # a variant's own pages (mobile)

    def _broken(self, route: tuple) -> bool:
        return (self.edition == "gbk" and route[0] == "article" and route[2] == 2
                and route[1] == self.edge_cases.get("two_pages"))

    def _encode(self, html: str, broken: bool = False) -> bytes:
        return static.encode(html, self.edition, broken)

    @property
    def pages(self) -> Mapping[str, bytes]:
        """path → bytes as served at ``DEFAULT_BASE_URL`` (see ``pages_for``)."""
        return self.pages_for(DEFAULT_BASE_URL)

    def pages_for(self, base_url: str) -> Mapping[str, bytes]:
        return LazyPages(self, base_url)

    # ----------------------------------------------------------------- ground truth
    def ground_truth(self, base_url: str = DEFAULT_BASE_URL) -> list[dict]:
        """One record per distinct article, in aid order (schema minus crawled_at, version)."""
        return truth.records(self, base_url)

    # ----------------------------------------------------------------- mutations
    def publish(self, n: int, section: int | str | None = None) -> list[int]:
        """Add ``n`` articles newer than all others (within the hour before ``now``)."""
        tid = self._section_tid(section)
        with self._lock:
            latest = max(a.pubdate for a in self.articles.values())
            start = max(self.now - timedelta(minutes=50), latest + timedelta(seconds=1))
            aids = []
            for i in range(n):
                aid = max(self.articles) + 1
                art = generate.new_article(aid, tid, self.seed, start + timedelta(seconds=37 * i))
                self.articles[aid] = art
                aids.append(aid)
            self._invalidate()
            return aids

    def repost(self, aid: int, section: int | str | None = None, exact: bool = False) -> int:
        """Publish a copy of article ``aid`` under a new aid, as portals repost (转载) stories.

        ``exact=False`` gives a near-duplicate: a new title and one added sentence;
        ``exact=True`` the very same title and body. Either way the copy is the same story,
        so the ground truth leaves it out: a correct crawl delivers the original only.
        """
        tid = self._section_tid(section)
        with self._lock:
            original = self.articles[aid]
            latest = max(a.pubdate for a in self.articles.values())
            when = max(self.now - timedelta(minutes=40), latest + timedelta(seconds=1))
            copy_aid = max(self.articles) + 1
            pages = [list(page) for page in original.pages]
            title = original.title
            if not exact:
                title = f"{original.title}(转载)"
                pages[-1].append(("p", "本文转载自合作媒体,内容有删改。"))
            self.articles[copy_aid] = replace(
                original, aid=copy_aid, tid=tid or original.tid, title=title, pubdate=when,
                senddate=when, pages=pages, extra={**original.extra, "duplicate_of": aid},
            )
            self._invalidate()
            return copy_aid

    def edit(self, aid: int, republish: bool = False) -> None:
        """Change an article's body: append a dated update paragraph to its last page.

        ``republish=True`` also gives it a new 发布时间 (``pubdate``), as an editor saving it
        with the current time does: it moves to the top of its list pages with the new date,
        under the same URL (DedeCms names the file from ``senddate``, which stays).
        """
        with self._lock:
            art = self.articles[aid]
            if republish:
                latest = max(a.pubdate for a in self.articles.values())
                art.pubdate = max(self.now - timedelta(minutes=30), latest + timedelta(seconds=1))
            art.edits += 1
            art.pages[-1].append(("p", f"(更新{art.edits})记者从有关部门获悉,上述工作已进入"
                                       f"第{art.edits + 1}阶段,后续进展本台将持续关注。"))
            if republish:
                latest = max(a.pubdate for a in self.articles.values())
                art.pubdate = max(self.now - timedelta(minutes=30), latest + timedelta(seconds=1))
            self._invalidate()

    def _section_tid(self, section: int | str | None) -> int | None:
        if section is None:
            return None
        for c in self.categories.values():
            if section in (c.tid, c.name, c.dir, c.dir.rsplit("/", 1)[-1]):
                if c.ispart:
                    raise ValueError(f"section {section!r} is a cover channel (no list)")
                return c.tid
        raise ValueError(f"unknown section {section!r}")


def build_site(articles: int = 60, edition: str = "utf-8", seed: int = 0,
               variant: str = "default", now: datetime | None = None,
               page_size: int = 10) -> Site:
    """Build the deterministic sample portal (``articles`` includes the seed article)."""
    if articles < 1:
        raise ValueError("articles must be >= 1")
    now = now or DEFAULT_NOW
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    now = now.astimezone(CST).replace(microsecond=0)
    arts, edges = generate.generate_articles(articles, seed, now)
    return Site(arts, edges, edition=edition, seed=seed, variant=variant, now=now,
                page_size=page_size)
