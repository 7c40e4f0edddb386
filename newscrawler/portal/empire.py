"""EmpireCMS (帝国CMS) 7.x replicas of the sample portal: "empire-static" and "empire-dynamic".

Why: EmpireCMS is the other CMS family common on Chinese news portals. Evidence
(``docs/cms-portals.md``, EmpireCMS 7.5 source): static articles ``/{classpath}/{newspath}/
{filename}.html`` with newspath ``Y-m-d`` and filename = id (``sys_ReturnBqTitleLink``), page N
``{id}_{N}.html`` (``sys_ShowTextPage``); static lists ``/{classpath}/index.html``,
``index_{n}.html`` (``sys_ShowListMorePage``: ``<a title="Total record">&nbsp;<b>N</b> </a>``,
current page in ``<b>``, 首页/上一页/下一页/尾页); dynamic lists ``/e/action/ListInfo/?classid=N``
(``eReturnRewriteClassUrl``) paged by ``page1()`` with a 0-based ``?page=K&classid=N`` on
``/e/action/ListInfo/index.php``; dynamic articles ``/e/action/ShowInfo.php?classid=N&id=M``
(showdt=2, ``eReturnRewriteInfoUrl``) paged by ``InfoUsePage`` with ``&page=K`` (0-based). The
article template is the default news template: ``<h1>`` title,
``<td class="info_text">时间：…&nbsp;&nbsp;来源：…&nbsp;&nbsp;作者：…</td>``, body in ``td#text``.
"""

from __future__ import annotations

from . import content
from .model import Article, Category
from .othercms import OtherScheme, OtherTheme
from .templates import NL, attr


class EmpireStaticScheme(OtherScheme):
    """Lists ``/shehui/xinwenredian/`` (+ ``index_2.html``), articles
    ``/shehui/xinwenredian/2026-11-20/12.html``."""

    family = "empire"
    arcdir = ""
    robots = None

    def list_page(self, cat: Category, page: int, total: int) -> str:
        d = self.cat_dir(cat)
        return f"{d}/" if page == 1 else f"{d}/index_{page}.html"

    def list_targets(self, cat: Category, page: int, total: int) -> list[str]:
        d = self.cat_dir(cat)
        return [f"{d}/index.html" if page == 1 else f"{d}/index_{page}.html"]

    def list_link(self, cat: Category, page: int) -> str:
        """``$dolink.$dofile[_n].html``: page 1 is ``index.html``."""
        d = self.cat_dir(cat)
        return f"{d}/index.html" if page == 1 else f"{d}/index_{page}.html"

    def article_stem(self, art: Article) -> str:
        return f"{self.cat_dir(self.site.cat(art.tid))}/{art.senddate:%Y-%m-%d}/{art.aid}"

    def pages(self, art: Article, page: int, total: int, href) -> str:
        return text_pages(page, total, href)

    def list_pages(self, cat: Category, page: int, total_pages: int, total: int) -> str:
        return list_more_pages(total, page, total_pages, lambda n: self.list_link(cat, n))


class EmpireDynamicScheme(EmpireStaticScheme):
    """Dynamic lists and articles under ``/e/action/`` (page numbers 0-based)."""

    LIST = "/e/action/ListInfo/index.php"
    dynamic_paths = frozenset({"/e/action/ListInfo/", LIST, "/e/action/ListInfo.php",
                               "/e/action/ShowInfo.php"})

    def section(self, cat: Category) -> str:
        return f"/e/action/ListInfo/?classid={cat.tid}"

    def cover(self, cat: Category) -> str:
        return self.section(cat)

    def list_page(self, cat: Category, page: int, total: int) -> str:
        return self.section(cat) if page == 1 else self.list_link(cat, page)

    def list_link(self, cat: Category, page: int) -> str:
        return f"{self.LIST}?page={page - 1}&classid={cat.tid}"

    def list_targets(self, cat: Category, page: int, total: int) -> list[str]:
        # e/action/ListInfo.php is the same script (ListInfo/index.php includes its code)
        targets = [self.list_link(cat, page),
                   f"/e/action/ListInfo.php?classid={cat.tid}&page={page - 1}"]
        return [self.section(cat), *targets] if page == 1 else targets

    def article(self, art: Article, page: int = 1) -> str:
        base = f"/e/action/ShowInfo.php?classid={art.tid}&id={art.aid}"
        return base if page == 1 else f"{base}&page={page - 1}"

    def article_targets(self, art: Article, page: int) -> list[str]:
        targets = [self.article(art, page)]
        return [*targets, f"{targets[0]}&page=0"] if page == 1 else targets

    def pages(self, art: Article, page: int, total: int, href) -> str:
        return page1(total, 1, page, lambda n: f"{self.article(art, 1)}&page={n - 1}",
                     "Page")

    def list_pages(self, cat: Category, page: int, total_pages: int, total: int) -> str:
        size = self.site.page_size
        return page1(total, size, page, lambda n: self.list_link(cat, n), "Total record")


def _page_links(page: int, total: int, url, page_line: int) -> str:
    """The links EmpireCMS's three pagers share: 首页/上一页, a window of numbers starting two
    before the current page, 下一页/尾页."""
    out = ""
    if page != 1:
        out += f'<a href="{url(1)}">首页</a>&nbsp;<a href="{url(page - 1)}">上一页</a>'
    start = max(page - 2, 1)
    for i in range(start, min(total, start + page_line - 1) + 1):
        out += f"&nbsp;<b>{i}</b>" if i == page else f'&nbsp;<a href="{url(i)}">{i}</a>'
    if page != total:
        out += f'&nbsp;<a href="{url(page + 1)}">下一页</a>&nbsp;<a href="{url(total)}">尾页</a>'
    return out


def list_more_pages(num: int, page: int, total_pages: int, url, page_line: int = 10) -> str:
    """``sys_ShowListMorePage``: static list pagination ('' when everything fits one page)."""
    if total_pages <= 1:
        return ""
    return (f'<a title="Total record">&nbsp;<b>{num}</b> </a>&nbsp;&nbsp;'
            + _page_links(page, total_pages, url, page_line))


def text_pages(page: int, total: int, url, page_line: int = 6) -> str:
    """``sys_ShowTextPage``: static article pagination (``{id}_{n}.html``)."""
    if total <= 1:
        return ""
    return (f'<a title="Page">&nbsp;<b>{page}</b>/<b>{total}</b> </a>&nbsp;&nbsp;'
            + _page_links(page, total, url, page_line))


def page1(num: int, line: int, page: int, url, title: str, page_line: int = 10) -> str:
    """``page1()``/``InfoUsePage()``: dynamic pagination; ``url(n)`` links 1-based page n
    (the URL itself carries the 0-based ``page=n-1``)."""
    total = -(-num // line)
    if total <= 1:
        return ""
    return (f'<a title="{title}">&nbsp;<b>{num}</b> </a>&nbsp;&nbsp;'
            + _page_links(page, total, url, page_line))


class EmpireTheme(OtherTheme):
    """EmpireCMS 7.x default templates (index, list, news content)."""

    name = "empire"

    def page_title(self, title: str, cat: Category | None = None) -> str:
        return f"{title} - Powered by EmpireCMS"

    def top(self, title, keywords="", description="", cat=None) -> str:
        nav = "".join(f'<td class="nav_global"><a href="{self.cat_href(c)}">{c.name}</a></td>'
                      for c in self.ctx.top_categories())
        return NL.join([
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
            '<html xmlns="http://www.w3.org/1999/xhtml">', "<head>",
            f'<meta http-equiv="Content-Type" content="text/html; charset={self.ctx.charset}" />',
            f"<title>{title}</title>", f'<meta name="keywords" content="{keywords}" />',
            f'<meta name="description" content="{description}" />',
            '<link href="/skin/default/css/style.css" rel="stylesheet" type="text/css" />',
            "</head>", f'<body class="{"showpage news" if cat else "homepage"}">',
            '<table width="100%" border="0" cellspacing="0" cellpadding="0" class="top">',
            '<tr><td><a href="/"><img src="/skin/default/images/logo.gif" alt="中国国际新闻台" />'
            "</a></td></tr></table>",
            '<table width="920" border="0" align="center" cellpadding="0" cellspacing="0" '
            'class="nav"><tr><td class="nav_global"><a href="/">首页</a></td>'
            f"{nav}</tr></table>",
            '<table width="100%" border="0" cellspacing="10" cellpadding="0"><tr valign="top">'])

    def bottom(self) -> str:
        return NL.join([
            "</tr></table>", '<table width="100%" border="0" cellspacing="0" cellpadding="0" '
            'class="copyright"><tr><td align="center">Powered by <strong><a href="http://www.'
            'phome.net" target="_blank">EmpireCMS</a></strong></td></tr></table>',
            "</body>", "</html>"])

    def crumbs(self, cat: Category) -> str:
        trail = "".join(f'&nbsp;>&nbsp;<a href="{self.cat_href(c)}">{c.name}</a>'
                        for c in self.ctx.chain(cat.tid))
        return ('<table width="100%" border="0" cellspacing="0" cellpadding="0" '
                'class="position"><tr><td>现在的位置：<a href="/">首页</a>'
                f"{trail}</td></tr></table>")

    def block(self, cat: Category, items: list[Article]) -> str:
        rows = "".join(f'<li><span>{a.pubdate:%m-%d}</span><a href="{self.art_href(a)}" '
                       f'title="{attr(a.title)}" target="_blank">{self.short(a, 36)}</a></li>'
                       for a in items)
        return (f'<td><div class="title"><span><a href="{self.cat_href(cat)}">更多&gt;&gt;</a>'
                f'</span><strong>{cat.name}</strong></div><ul class="text_list">{rows}</ul></td>')

    def side(self, cat: Category) -> str:
        hot = sorted(self.ctx.newest(cat.tid), key=lambda a: -a.clicks)[:10]
        rows = "".join(f'<li><a href="{self.art_href(a)}" title="{attr(a.title)}" '
                       f'target="_blank">{self.short(a, 26)}</a></li>' for a in hot)
        return (f'<td class="sider"><div class="title"><strong>点击排行</strong></div>'
                f'<ol class="rank">{rows}</ol></td>')

    def list_body(self, cat, page, items, total_pages, total) -> str:
        rows = NL.join(f'<li><span>{a.pubdate:%Y-%m-%d}</span><a href="{self.art_href(a)}" '
                       f'target="_blank">{a.title}</a></li>' for a in items)
        links = self.scheme.list_pages(cat, page, total_pages, total)
        return NL.join([
            '<td class="main">', self.crumbs(cat),
            '<table width="100%" border="0" cellspacing="0" cellpadding="0" class="box">',
            f'<tr><td><ul class="news_list">{NL}{rows}{NL}</ul></td></tr>',
            f'<tr><td class="list_page">{links}</td></tr>', "</table>", "</td>",
            self.side(cat)])

    def article_body(self, art: Article, page: int) -> str:
        cat = self.ctx.cat(art.tid)
        prev, nxt = self.ctx.prev_next(art)
        pre = f"<a href='{self.art_href(prev)}'>{prev.title}</a>" if prev else "没有了"
        nex = f"<a href='{self.art_href(nxt)}'>{nxt.title}</a>" if nxt else "没有了"
        links = self.scheme.pages(art, page, len(art.pages), lambda n: self.art_href(art, n))
        others = "".join(f'<li><a href="{self.art_href(a)}" title="{attr(a.title)}">'
                         f"{a.title}</a></li>" for a in self.related(art))
        return NL.join([
            '<td class="main">', self.crumbs(cat),
            '<table width="100%" border="0" cellspacing="0" cellpadding="0" class="box">',
            '<tr><td><table width="100%" border="0" cellpadding="0" cellspacing="0" '
            'class="title_info">',
            f"<tr><td><h1>{art.title}</h1></td></tr>",
            f'<tr><td class="info_text">时间：{art.pubdate:%Y-%m-%d %H:%M:%S}&nbsp;&nbsp;'
            f"来源：{art.source}&nbsp;&nbsp;作者：{art.author}</td></tr>", "</table>",
            '<table width="100%" border="0" cellpadding="0" cellspacing="0" class="show_text">',
            f'<tr><td id="text">{content.blocks_html(art.pages[page - 1])}',
            f'<p align="center" class="pageLink">{links}</p></td></tr>', "</table>",
            f'<script type="text/javascript" src="/e/public/ViewClick/?classid={art.tid}'
            f'&id={art.aid}&addclick=1"></script>',
            f'<div class="info_link">上一篇：{pre}<br />下一篇：{nex}</div>',
            f'<div class="title"><strong>相关信息</strong></div><ul class="text_list">{others}'
            "</ul>", "</td></tr></table>", "</td>", self.side(cat)])
