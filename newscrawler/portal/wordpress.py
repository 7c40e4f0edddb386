"""WordPress replicas of the sample portal: "wordpress" (pretty permalinks) and "wordpress-plain".

Why: many smaller Chinese news and government sites run WordPress with a Chinese theme. The
conventions (``docs/cms-portals.md`` §4): permalink structure ``/%year%/%monthnum%/%postname%/``
(the "month and name" setting) or the plain default ``/?p=N``; category archives
``/category/parent/child/`` paged as ``…/page/N/`` (plain: ``/?cat=N&paged=N``); a post split
by ``<!--nextpage-->`` continues at ``…/slug/2/`` (plain: ``&page=2``) with ``wp_link_pages()``;
archive pagination by ``paginate_links()`` (``a.page-numbers``, ``span.current``). The post
template is a twentyseventeen-style ``article.post`` with ``<time datetime>``, an author byline,
no 来源 and no 责任编辑; an SEO plugin writes meta keywords/description and
``article:published_time``; the theme adds a ``当前位置`` breadcrumb.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from .content import blocks_html
from .model import SITE_NAME, Article, Category
from .othercms import OtherScheme, OtherTheme
from .schemes import SlugScheme
from .templates import NL, attr


class WordpressScheme(OtherScheme):
    """Pretty permalinks: ``/2026/11/qiang-shan-yuan/``, ``/category/shehui/xinwenredian/``."""

    family = "wordpress"
    robots = b"User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n"

    def __init__(self, site):
        super().__init__(site)
        self._slugs = SlugScheme(site)

    def prepare(self) -> None:
        self._slugs.prepare()

    def cat_dir(self, cat: Category) -> str:
        return "/category" + cat.dir[len("/a"):]

    def href(self, target: str, host: str) -> str:
        return f"http://{host}{target}"  # WordPress writes every link from home_url()

    def list_page(self, cat: Category, page: int, total: int) -> str:
        return self.section(cat) + ("" if page == 1 else f"page/{page}/")

    def redirect(self, path: str, query: str) -> str | None:
        """``redirect_canonical()``: the shortlink ``/?p=N`` answers 301 to the permalink."""
        params = dict(parse_qsl(query))
        if path == "/" and set(params) == {"p"} and params["p"].isdigit():
            art = self.site.articles.get(int(params["p"]))
            return self.article(art) if art else None
        return None

    def article(self, art: Article, page: int = 1) -> str:
        # post_date fixes the URL; an edit changes post_modified only (the model's senddate)
        d = art.senddate
        stem = f"/{d:%Y}/{d:%m}/{self._slugs.slugs[art.aid]}/"
        return stem if page == 1 else f"{stem}{page}/"

    def routes(self, r: dict[str, tuple], pages_of) -> None:
        site = self.site
        for cat in site.categories.values():  # a parent category archive lists its children's
            total = len(site.newest(cat.tid))
            for n in range(1, pages_of(total) + 1):
                target = self.list_page(cat, n, total)
                r[target + "index.html" if target.endswith("/") else target] = ("list", cat.tid, n)
        for art in site.articles.values():
            for page in range(1, len(art.pages) + 1):
                target = self.article(art, page)
                r[target + "index.html" if target.endswith("/") else target] = (
                    "article", art.aid, page)


class WordpressPlainScheme(WordpressScheme):
    """The default "plain" permalinks: ``/?p=N``, ``/?cat=N&paged=K``, ``/?p=N&page=K``."""

    dynamic_paths = frozenset({"/"})

    def redirect(self, path: str, query: str) -> str | None:
        return None

    def section(self, cat: Category) -> str:
        return f"/?cat={cat.tid}"

    def list_page(self, cat: Category, page: int, total: int) -> str:
        return self.section(cat) + ("" if page == 1 else f"&paged={page}")

    def article(self, art: Article, page: int = 1) -> str:
        return f"/?p={art.aid}" + ("" if page == 1 else f"&page={page}")


class WordpressTheme(OtherTheme):
    """A Chinese twentyseventeen-style theme with an SEO plugin."""

    name = "wordpress"
    meta_fields = ("author",)

    def page_title(self, title: str, cat: Category | None = None) -> str:
        return f"{title} – {SITE_NAME}"

    def top(self, title, keywords="", description="", cat=None, extra: str = "") -> str:
        def menu(parent: int) -> str:
            items = []
            for c in self.ctx.children(parent):
                sub = menu(c.tid)
                sub = f'<ul class="sub-menu">{sub}</ul>' if sub else ""
                items.append(f'<li class="menu-item menu-item-type-taxonomy"><a href="'
                             f'{self.cat_href(c)}">{c.name}</a>{sub}</li>')
            return "".join(items)

        return NL.join([
            "<!DOCTYPE html>", '<html lang="zh-CN" class="no-js no-svg">', "<head>",
            f'<meta charset="{self.ctx.charset.upper()}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{title}</title>", f'<meta name="description" content="{description}" />',
            f'<meta name="keywords" content="{keywords}" />', extra,
            f"<link rel='stylesheet' id='twentyseventeen-style-css' href='http://{self.host}"
            "/wp-content/themes/twentyseventeen/style.css?ver=6.4' type='text/css' media='all' />",
            "</head>", '<body class="wordpress">', '<div id="page" class="site">',
            '<header id="masthead" class="site-header" role="banner">',
            f'<p class="site-title"><a href="http://{self.host}/" rel="home">{SITE_NAME}</a></p>',
            '<nav id="site-navigation" class="main-navigation" role="navigation" '
            'aria-label="顶部菜单"><ul id="top-menu" class="menu">'
            f'<li class="menu-item"><a href="http://{self.host}/">首页</a></li>{menu(0)}</ul>'
            "</nav>", "</header>", '<div class="site-content-contain"><div id="content" '
            'class="site-content"><div class="wrap">'])

    def bottom(self) -> str:
        recent = "".join(f'<li><a href="{self.art_href(a)}">{a.title}</a></li>'
                         for a in self.ctx.newest(None, 5))
        return NL.join([
            '<aside id="secondary" class="widget-area" role="complementary">',
            '<section id="recent-posts-2" class="widget widget_recent_entries">',
            f'<h2 class="widget-title">近期文章</h2><ul>{recent}</ul></section></aside>',
            "</div></div></div>", '<footer id="colophon" class="site-footer" role="contentinfo">'
            '<div class="site-info"><a href="https://cn.wordpress.org/" class="imprint">'
            "自豪地采用WordPress</a></div></footer>", "</div>", "</body>", "</html>"])

    def crumbs(self, cat: Category, tail: str = "") -> str:
        trail = "".join(f' &gt; <a href="{self.cat_href(c)}">{c.name}</a>'
                        for c in self.ctx.chain(cat.tid))
        return (f'<div class="breadcrumbs">当前位置：<a href="http://{self.host}/">首页</a>'
                f"{trail}{tail}</div>")

    def block(self, cat: Category, items: list[Article]) -> str:
        rows = "".join(self.entry(a) for a in items)
        return (f'<section class="cat-block"><h2 class="page-title"><a href="{self.cat_href(cat)}">'
                f"{cat.name}</a></h2>{rows}</section>")

    def entry(self, art: Article) -> str:
        href = self.art_href(art)
        return NL.join([
            f'<article id="post-{art.aid}" class="post-{art.aid} post type-post status-publish">',
            '<header class="entry-header"><div class="entry-meta"><span class="posted-on">'
            f'<a href="{href}" rel="bookmark"><time class="entry-date published" datetime="'
            f'{art.pubdate.isoformat()}">{art.pubdate:%Y年%m月%d日}</time></a></span></div>',
            f'<h2 class="entry-title"><a href="{href}" rel="bookmark">{art.title}</a></h2>'
            "</header>", f'<div class="entry-summary"><p>{art.description} […]</p></div>',
            "</article>"])

    def cover_page(self, cat: Category) -> str:  # never routed: parents are archives here
        return self.list_page(cat, 1, self.ctx.newest(cat.tid)[: self.ctx.page_size],
                              self.ctx.pages_of(len(self.ctx.newest(cat.tid))),
                              len(self.ctx.newest(cat.tid)))

    def paginate_links(self, cat: Category, page: int, total_pages: int, total: int) -> str:
        if total_pages <= 1:
            return ""

        def url(n: int) -> str:
            return self.scheme.href(self.scheme.list_page(cat, n, total), self.host)

        out = ([f'<a class="prev page-numbers" href="{url(page - 1)}">上一页</a>']
               if page > 1 else [])
        for n in range(1, total_pages + 1):
            if n == page:
                out.append(f'<span aria-current="page" class="page-numbers current">'
                           f'<span class="meta-nav screen-reader-text">页 </span>{n}</span>')
            elif n in (1, total_pages) or abs(n - page) <= 2:
                out.append(f'<a class="page-numbers" href="{url(n)}"><span class="meta-nav '
                           f'screen-reader-text">页 </span>{n}</a>')
            elif abs(n - page) == 3:
                out.append('<span class="page-numbers dots">&hellip;</span>')
        if page < total_pages:
            out.append(f'<a class="next page-numbers" href="{url(page + 1)}">下一页</a>')
        return ('<nav class="navigation pagination" role="navigation" aria-label="文章">'
                f'<h2 class="screen-reader-text">文章导航</h2><div class="nav-links">'
                f'{NL.join(out)}</div></nav>')

    def list_body(self, cat, page, items, total_pages, total) -> str:
        return NL.join([
            '<div id="primary" class="content-area"><main id="main" class="site-main">',
            self.crumbs(cat), f'<header class="page-header"><h1 class="page-title">分类：'
            f"<span>{cat.name}</span></h1></header>", NL.join(self.entry(a) for a in items),
            self.paginate_links(cat, page, total_pages, total), "</main></div>"])

    def link_pages(self, art: Article, page: int) -> str:
        """``wp_link_pages()`` of a post split by ``<!--nextpage-->``."""
        if len(art.pages) <= 1:
            return ""
        links = "".join(
            f'<span class="post-page-numbers current" aria-current="page">{n}</span>' if n == page
            else f'<a href="{self.art_href(art, n)}" class="post-page-numbers">{n}</a>'
            for n in range(1, len(art.pages) + 1))
        return f'<div class="page-links">页面： {links}</div>'

    def article_page(self, art: Article, page: int) -> str:
        cat = self.ctx.cat(art.tid)
        href = self.art_href(art)
        extra = NL.join([
            f'<link rel="canonical" href="{self.art_href(art, page)}" />',
            f"<link rel='shortlink' href='http://{self.host}/?p={art.aid}' />",
            f'<meta property="article:published_time" content="{art.pubdate.isoformat()}" />'])
        prev, nxt = self.ctx.prev_next(art)
        nav = "".join([
            f'<div class="nav-previous"><a href="{self.art_href(prev)}" rel="prev">上一篇：'
            f"{prev.title}</a></div>" if prev else "",
            f'<div class="nav-next"><a href="{self.art_href(nxt)}" rel="next">下一篇：'
            f"{nxt.title}</a></div>" if nxt else ""])
        tags = "".join(f'<a href="http://{self.host}/tag/{attr(k)}/" rel="tag">{k}</a>'
                       for k in art.keywords)
        body = NL.join([
            '<div id="primary" class="content-area"><main id="main" class="site-main">',
            self.crumbs(cat, " &gt; 正文"),
            f'<article id="post-{art.aid}" class="post-{art.aid} post type-post status-publish '
            f'format-standard hentry category-{cat.dir.rsplit("/", 1)[1]}">',
            '<header class="entry-header"><div class="entry-meta"><span class="posted-on">'
            f'<a href="{href}" rel="bookmark"><time class="entry-date published" datetime="'
            f'{art.pubdate.isoformat()}">{art.pubdate:%Y年%m月%d日}</time></a></span>'
            '<span class="byline"> <span class="author vcard"><a class="url fn n" href="http://'
            f'{self.host}/author/admin/">{art.author}</a></span></span></div>',
            f'<h1 class="entry-title">{art.title}</h1></header>',
            f'<div class="entry-content">{NL}{blocks_html(art.pages[page - 1])}',
            self.link_pages(art, page), "</div>",
            f'<footer class="entry-footer"><span class="cat-links"><a href="{self.cat_href(cat)}" '
            f'rel="category tag">{cat.name}</a></span><span class="tags-links">{tags}</span>'
            "</footer>", "</article>",
            f'<nav class="navigation post-navigation" role="navigation"><div class="nav-links">'
            f"{nav}</div></nav>", "</main></div>"])
        return NL.join([self.top(self.page_title(art.title), ",".join(art.keywords),
                                 attr(art.description), cat, extra), body, self.bottom()])
