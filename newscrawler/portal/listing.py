"""List pages, the home page, the sitemap and RSS of the default template ("default" variant).

Why: these are the pages a crawler walks to discover articles, so their link forms matter most:
list pages newest first with DedeCms pagination (``list_{tid}_{n}.html``, relative hrefs), home
blocks with ``m-d`` dates and truncated titles, ``/special/arc-{aid}.html`` and ``/plus/view.php``
links, categories-only sitemap, RSS with ``Y-m-d`` pubDate. ``PortalTheme`` is the full default
theme; variants subclass it.
"""

from __future__ import annotations

from .content import cn_substr, litpic
from .model import SITE_NAME, Article, Category
from .templates import NL, Theme, attr


class PortalTheme(Theme):
    """Default theme: article page (``Theme``) plus list, home, sitemap and RSS pages."""

    # ----------------------------------------------------------------- list pages
    def list_item(self, art: Article, cat: Category) -> str:
        acat = self.ctx.cat(art.tid)
        intro = f"{art.description}..." if art.description else ""
        thumb = litpic(art.pages[0])
        preview = (f"<a href='{self.art_href(art)}' class='preview'><img src='{thumb}'/></a>"
                   if thumb else "")
        return NL.join([
            f"<li>{preview}",
            f"[<b><a href='{self.cat_href(acat)}'>{acat.name}</a></b>] "
            f'<a href="{self.art_href(art)}" class="title">'
            f"{cn_substr(art.title, self.list_titlelen)}</a>",
            f'<span class="info"><small>日期：</small>{art.pubdate:%Y-%m-%d %H:%M:%S} '
            f"<small>点击：</small>{art.clicks} <small>好评：</small>0 </span>",
            f'<p class="intro">{intro}</p>', "</li>"])

    def list_box(self, items: list[Article], cat: Category) -> str:
        rows = NL.join(self.list_item(a, cat) for a in items)
        return f'<div class="listbox">{NL}<ul class="e2">{NL}{rows}{NL}</ul>{NL}</div>'

    def list_pagination(self, cat: Category, page: int, total_pages: int, total: int) -> str:
        links = self.scheme.list_links(cat, page, total_pages, total)
        return f'<div class="dede_pages">{NL}<ul class="pagelist">{NL}{links}</ul>{NL}</div>'

    def position_title(self, cat: Category) -> str:
        return "  /  ".join(c.name for c in self.ctx.chain(cat.tid))

    def category_sidebar(self, cat: Category) -> str:
        top = self.ctx.chain(cat.tid)[0]
        kids = self.ctx.children(top.tid) or [top]
        this = " class='thisclass'"
        links = "".join(
            f"<li><a href='{self.cat_href(c)}'{this if c.tid == cat.tid else ''}>{c.name}</a></li>"
            for c in kids)
        return (f'<div class="listbox mt1"><dl class="tbox"><dt><strong>栏目列表</strong></dt>'
                f'<dd><ul class="d6">{links}</ul></dd></dl></div>')

    def list_page(self, cat: Category, page: int, items: list[Article], total_pages: int,
                  total: int) -> str:
        return NL.join([
            self.head(f"{self.position_title(cat)}_{SITE_NAME}", cat.name, cat.name),
            '<body class="articlelist">', self.nav(self.ctx.chain(cat.tid)[0].tid),
            '<div class="w960 center clear mt1">', '<div class="pleft">', self.breadcrumb(cat),
            self.list_box(items, cat), self.list_pagination(cat, page, total_pages, total),
            "</div>", self.category_sidebar(cat), self.sidebars(), "</div>", self.footer(),
            "</body>", "</html>"])

    def cover_page(self, cat: Category) -> str:
        """``index_article.htm`` of an ``ispart=1`` channel: one block per sub-section."""
        blocks = []
        for child in self.ctx.children(cat.tid):
            blocks.append(self.channel_block(child, self.ctx.newest(child.tid, 8)))
        return NL.join([
            self.head(f"{cat.name}_{SITE_NAME}", cat.name, cat.name), '<body class="channel">',
            self.nav(cat.tid), '<div class="w960 center clear mt1">', '<div class="pleft">',
            self.breadcrumb(cat), '<div class="listbox">', NL.join(blocks), "</div>", "</div>",
            self.sidebars(), "</div>", self.footer(), "</body>", "</html>"])

    # ----------------------------------------------------------------- home page
    def dated_item(self, art: Article, path: str | None = None) -> str:
        return (f"<li><span>{art.pubdate:%m-%d}</span><a href=\"{path or self.art_href(art)}\" "
                f'title="{attr(art.title)}">{cn_substr(art.title, self.home_titlelen)}</a></li>')

    def channel_block(self, cat: Category, items: list[Article]) -> str:
        rows = "".join(self.dated_item(a) for a in items)
        href = self.cat_href(cat)
        return (f"<dl class=\"tbox\"><dt><strong><a href='{href}'>{cat.name}</a></strong>"
                f"<span class=\"more\"><a href='{href}'>更多...</a></span></dt>{NL}"
                f'<dd><ul class="d1 ico3">{rows}</ul></dd></dl>')

    def home_page(self) -> str:
        ctx = self.ctx
        newest = ctx.newest(None, 10)
        head = newest[0] if newest else None
        top = self.art_href(head) if head else ""
        onenews = (f'<div class="onenews"><h2><a href="{top}">{head.title}</a></h2>'
                   f'<p>{head.description}...<a href="{top}">[查看全文]</a></p></div>'
                   if head else "")
        latest = "".join(f'<li><a href="{self.art_href(a)}">'
                         f"{cn_substr(a.title, self.home_titlelen)}</a></li>" for a in newest)
        special = "".join(self.dated_item(a, self.scheme.href(self.scheme.special(a), self.host))
                          for a in ctx.special_articles())
        view = ctx.view_php_article()
        recommend = (f'<li><a href="/plus/view.php?aid={view.aid}">{view.title}</a></li>'
                     if view else "")
        channels = NL.join(self.channel_block(c, ctx.newest(c.tid, 8))
                           for c in ctx.top_categories())
        return NL.join([
            self.head(SITE_NAME, "中国国际新闻台,新闻,国际,财经,科技",
                      "中国国际新闻台:权威、及时、专业的新闻资讯"),
            '<body class="index">', self.nav(), '<div class="w960 center clear mt1">',
            '<div class="pleft">', '<div class="bignews">', onenews,
            "<div class='newarticle'>最新文章</div>", f'<ul class="c2 ico1">{latest}</ul>',
            "</div>", '<div class="latestnews"><dl class="tbox light"><dt class="light">'
            f'<strong>特别推荐</strong></dt>{NL}<dd class="light"><ul class="d2 ico2">{special}'
            "</ul></dd></dl></div>",
            '<div class="listbox">', channels, "</div>", "</div>",
            '<div class="pright"><div class="commend mt1"><dl class="tbox light"><dt class="light">'
            f'<strong>推荐内容</strong></dt><dd class="light"><ul class="d4">{recommend}</ul></dd>'
            "</dl></div></div>", "</div>",
            '<div class="flink w960 center clear"><dl class="tbox"><dt><strong>友情链接</strong>'
            '</dt><dd><ul class="f5"><li><a href="http://www.dedecms.com" target="_blank">织梦CMS'
            '</a></li><li><a href="http://news.example.cn/" target="_blank">新闻网</a></li></ul>'
            "</dd></dl></div>", self.footer(), "</body>", "</html>"])

    # ----------------------------------------------------------------- maps and feeds
    def map_page(self, rss: bool) -> str:
        boxes = []
        for top in self.ctx.top_categories():
            href = (lambda c: f"/data/rss/{c.tid}.xml") if rss else self.cat_href
            kids = "".join(f"<li><a href='{href(c)}'>{c.name}</a></li>\n\t\t"
                           for c in self.ctx.children(top.tid))
            boxes.append(f"<div class=\"linkbox\">\r\n<h3><a href='{href(top)}'>{top.name}</a>"
                         f"</h3>\t<ul class=\"f6\">\t\t\r{kids}\t\n</ul></div>")
        label = "RSS订阅" if rss else "网站地图"
        return NL.join([
            self.head(f"{SITE_NAME}_{label}"), "<body>",
            f'<div class="sp-title"><h2>{label}</h2><a href="/">返回首页</a></div>',
            NL.join(boxes), self.footer(), "</body>", "</html>"])

    def rss(self, cat: Category, items: list[Article]) -> str:
        rows = []
        for a in items:
            rows.append(
                f"<item>{NL}<title><![CDATA[{a.title}]]></title>{NL}"
                f"<link>http://{self.host}{self.ctx.path(a)}</link>{NL}"
                f"<description><![CDATA[{a.description}]]></description>{NL}"
                f"<pubDate>{a.pubdate:%Y-%m-%d}</pubDate>{NL}"
                f"<category>{self.ctx.cat(a.tid).name}</category>{NL}"
                f"<author>{a.author or '秩名'}</author>{NL}"
                f"<comments>{a.source or SITE_NAME}</comments>{NL}</item>")
        return NL.join([
            f'<?xml version="1.0" encoding="{self.ctx.charset}" ?>', "", '<rss version="2.0">',
            "<channel>", f"<title>{cat.name}</title>",
            f"<link>http://{self.host}{self.scheme.section(cat)}</link>",
            f"<description>{self.position_title(cat)}</description>", "<language>zh-cn</language>",
            "<generator><![CDATA[Power by DedeCms]]></generator>",
            "<webmaster>admin@example.cn</webmaster>", NL.join(rows), "</channel>", "</rss>"])
