"""The DedeCms 5.7 SP2 mobile copy (``/m/``) of the sample portal ("dede-mobile" variant).

Why: 5.7 SP2 ships ``m/index.php``, ``m/list.php?tid=N`` and ``m/view.php?aid=N`` with their own
``*_m.htm`` templates (Amaze UI), and every desktop template points at them
(``<meta http-equiv="mobile-agent" content="format=xhtml;url=/m/view.php?aid=N">`` plus a UA
redirect script). A crawler that follows the footer's 移动端 link finds every article a second
time under another URL; the ground truth keeps the desktop URL only. Markup follows
``templets/default/article_article_m.htm`` and ``list_default_m.htm``: relative ``view.php?aid=``
links, ``GetPageListDM``/``GetPagebreakDM`` pagination, and the SP2 bug that makes the mobile
下一篇 link point at the *previous* article.
"""

from __future__ import annotations

from . import content, pagination
from .listing import PortalTheme
from .model import SITE_NAME, Article, Category
from .schemes import Scheme
from .templates import COUNT_JS, NL


class MobileScheme(Scheme):
    """The default static site plus ``/m/index.php``, ``/m/list.php``, ``/m/view.php``."""

    dynamic_paths = frozenset({"/m/list.php", "/m/view.php"})

    def routes(self, r: dict[str, tuple], pages_of) -> None:
        super().routes(r, pages_of)
        r["/m/index.php"] = r["/m/index.html"] = ("m_home",)  # "/m/" is served by index.php
        for cat in self.site.categories.values():
            total = len(self.site.newest(cat.tid))
            r[f"/m/list.php?tid={cat.tid}"] = ("m_list", cat.tid, 1)
            for n in range(1, pages_of(total) + 1):
                r[f"/m/list.php?tid={cat.tid}&TotalResult={total}&PageNo={n}"] = (
                    "m_list", cat.tid, n)
        for art in self.site.articles.values():
            r[f"/m/view.php?aid={art.aid}"] = ("m_article", art.aid, 1)
            for page in range(2, len(art.pages) + 1):
                r[f"/m/view.php?aid={art.aid}&pageno={page}"] = ("m_article", art.aid, page)


class MobileTheme(PortalTheme):
    """Desktop pages that announce their mobile copy, and the mobile pages themselves."""

    name = "dede-mobile"

    # ----------------------------------------------------------------- desktop pages
    def _announce(self, page: str, mobile: str) -> str:
        """Point the head's mobile-agent meta and UA redirect at ``mobile``; add 手机版 links."""
        page = page.replace("url=/m/index.php\">", f"url={mobile}\">", 1)
        page = page.replace('window.location.href="/m/index.php"',
                            f'window.location.href="{mobile}"', 1)
        alternate = (f'<link rel="alternate" media="only screen and (max-width: 640px)" '
                     f'href="http://{self.host}{mobile}" />')
        page = page.replace("</head>", f"{alternate}{NL}</head>", 1)
        return page.replace('class="rss">RSS订阅</a>',
                            f'class="rss">RSS订阅</a>|<a href="{mobile}">手机版</a>', 1)

    def article_page(self, art: Article, page: int) -> str:
        return self._announce(super().article_page(art, page), f"/m/view.php?aid={art.aid}")

    def list_page(self, cat: Category, page: int, items: list[Article], total_pages: int,
                  total: int) -> str:
        html = super().list_page(cat, page, items, total_pages, total)
        return self._announce(html, f"/m/list.php?tid={cat.tid}")

    # ----------------------------------------------------------------- mobile pages
    def m_head(self, title: str) -> str:
        return NL.join([
            "<!DOCTYPE html>", "<html>", '<head lang="en">',
            f'<meta charset="{self.ctx.charset}">', f"<title>{title}</title>",
            '<meta name="viewport" content="width=device-width, initial-scale=1.0, '
            'minimum-scale=1.0, maximum-scale=1.0, user-scalable=no">',
            '<link rel="stylesheet" href="assets/css/amazeui.min.css" />', "</head>"])

    def m_header(self) -> str:
        links = "".join(f'<li><a href="list.php?tid={c.tid}">{c.name}</a></li>'
                        for c in self.ctx.top_categories())
        return ('<header data-am-widget="header" class="am-header am-header-default">'
                f'<h1 class="am-header-title"><a href="index.php">{SITE_NAME}</a></h1></header>'
                f'<nav class="am-menu"><ul class="am-menu-nav"><li><a href="index.php">首页</a>'
                f"</li>{links}</ul></nav>")

    def m_footer(self) -> str:
        return ('<footer class="blog-footer"><p><a href="/?pc">电脑版</a> | '
                f"&copy; {SITE_NAME}</p></footer>")

    def m_sidebar(self) -> str:
        def rows(arts: list[Article]) -> str:
            return "".join(f'<li><a href="view.php?aid={a.aid}">{content.cn_substr(a.title, 40)}'
                           "</a>\r\n</li>" for a in arts[:5])
        return NL.join([
            '<div class="am-u-md-4 blog-sidebar"><div class="am-panel-group">',
            '<section class="am-panel am-panel-default"><div class="am-panel-hd">最近关注</div>',
            f'<ul class="am-list blog-list">{rows(self.ctx.newest(None))}</ul></section>',
            '<section class="am-panel am-panel-default"><div class="am-panel-hd">热点内容</div>',
            f'<ul class="am-list blog-list">{rows(self.ctx.ranked_articles())}</ul></section>',
            "</div></div>"])

    def m_item(self, art: Article) -> str:
        return NL.join([
            '<li class="am-g am-list-item-desced">',
            f'<a href="view.php?aid={art.aid}" class="">{art.title}</a>',
            f'<div class="am-list-item-text"><b>日期：</b>{art.pubdate:%Y-%m-%d %H:%M:%S} '
            f"<b>点击：</b>{art.clicks} <b>好评：</b>0</div>",
            f'<p class="intro">{art.description}...</p>', "</li>"])

    def m_home_page(self) -> str:
        rows = NL.join(self.m_item(a) for a in self.ctx.newest(None, 10))
        return NL.join([
            self.m_head(SITE_NAME), "<body>", self.m_header(),
            '<div class="am-g am-g-fixed blog-g-fixed"><div class="am-u-md-8">',
            f'<ul class="am-list">{NL}{rows}{NL}</ul>', "</div>", self.m_sidebar(), "</div>",
            self.m_footer(), "</body>", "</html>"])

    def m_list_page(self, tid: int, page: int) -> str:
        cat = self.ctx.cat(tid)
        arts = self.ctx.newest(tid)
        size = self.ctx.page_size
        total_pages = self.ctx.pages_of(len(arts))
        rows = NL.join(self.m_item(a) for a in arts[(page - 1) * size: page * size])
        links = pagination.list_pages_dm(tid, page, total_pages, len(arts), "/m/list.php")
        return NL.join([
            self.m_head(f"{cat.name}_{SITE_NAME}"), "<body>", self.m_header(),
            '<div class="am-g am-g-fixed blog-g-fixed"><div class="am-u-md-8">',
            self.m_position(cat), f'<ul class="am-list">{NL}{rows}{NL}</ul>',
            '<div class="dede_pages"><ul data-am-widget="pagination" '
            f'class="am-pagination am-pagination-default">{links}</ul></div>',
            "</div>", self.m_sidebar(), "</div>", self.m_footer(), "</body>", "</html>"])

    def m_position(self, cat: Category) -> str:
        trail = "".join(f"<a href='list.php?tid={c.tid}'>{c.name}</a> > "
                        for c in self.ctx.chain(cat.tid))
        return f"<div class=\"am-u-md-8\"><a href='index.php'>主页</a> > {trail}</div>"

    def m_article_page(self, aid: int, page: int) -> str:
        art = self.ctx.articles[aid]
        prev, nxt = self.ctx.prev_next(art)
        pre = f"上一篇：<a href='view.php?aid={prev.aid}'>{prev.title}</a> " if prev else \
            "上一篇：没有了 "
        # SP2 bug (arc.archives.class.php GetPreNext): the mobile 下一篇 link uses the previous id
        nex = (f"下一篇：<a href='view.php?aid={prev.aid if prev else ''}'>{nxt.title}</a> "
               if nxt else "下一篇：没有了 ")
        suffix = f"({page})" if page > 1 else ""
        body = content.blocks_html(art.pages[page - 1])
        links = pagination.article_pages_dm(aid, page, len(art.pages))
        return NL.join([
            self.m_head(f"{art.title}{suffix}_{SITE_NAME}"), "<body>", self.m_header(),
            '<div class="am-g am-g-fixed blog-g-fixed">',
            self.m_position(self.ctx.cat(art.tid)), '<div class="am-u-md-8">',
            '<article class="blog-main">',
            f'<h3 class="am-article-title blog-title">{art.title}</h3>',
            f'<h4 class="am-article-meta blog-meta"><small>时间:</small>'
            f"{art.pubdate:%Y-%m-%d %H:%M}&nbsp;&nbsp;<small>来源:</small>{art.source} "
            f"&nbsp;&nbsp;<small>作者:</small>{art.author} &nbsp;&nbsp;<small>点击:</small>"
            f"{COUNT_JS.format(aid=aid)}次</h4>",
            "<div class=\"am-g blog-content\" style='padding: 10px;'><table width='100%'><tr>"
            f"<td>{body} (责任编辑：{art.editor})</td></tr></table></div>",
            f"<ul><li>{pre}</li><li>{nex}</li></ul>",
            '<div class="dede_pages"><ul data-am-widget="pagination" '
            f'class="am-pagination am-pagination-default">{links}</ul></div>',
            "</article>", "</div>", self.m_sidebar(), "</div>", self.m_footer(),
            "</body>", "</html>"])
