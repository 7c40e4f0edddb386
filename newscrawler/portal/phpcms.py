"""PHPCMS v9 replicas of the sample portal: "phpcms-static" and "phpcms-dynamic".

Why: PHPCMS v9 runs many Chinese government and news sites. Evidence (``docs/cms-portals.md``):
URL rules from ``install/main/phpcms_db.sql`` (``phpcms_urlrule``): category rule 1
``{$categorydir}{$catdir}/index.html|{$categorydir}{$catdir}/{$page}.html``, show rule 11
``{$year}/{$catdir}_{$month}{$day}/{$id}.html|…/{$id}_{$page}.html``, both under
``html_root = /html``; dynamic rules 6 and 16
``index.php?m=content&c=index&a=lists&catid={$catid}[&page={$page}]`` and
``index.php?m=content&c=index&a=show&catid={$catid}&id={$id}[&page={$page}]``, written with
``APP_PATH`` (absolute). Lists are ``ORDER BY id DESC`` (``content/list.html``); pagination is
``pages()`` (global.func.php) for lists and ``content_pages()`` for articles; the article
template (``content/show.html``) puts the date and 来源 *inside* the ``<h1>`` and shows no author.
"""

from __future__ import annotations

from urllib.parse import quote

from . import content, static
from .model import SITE_NAME, Article, Category
from .othercms import OtherScheme, OtherTheme
from .templates import NL, attr


def pages_html(num: int, curr: int, perpage: int, url, setpages: int = 10) -> str:
    """``pages($num, $curr_page, $perpage, $urlrule)``: ``url(n)`` gives page n's link."""
    if num <= perpage:
        return ""
    page = setpages + 1
    offset = -(-setpages // 2) - 1
    pages = -(-num // perpage)
    frm, to, more = curr - offset, curr + offset, 0
    if page >= pages:
        frm, to = 2, pages - 1
    else:
        if frm <= 1:
            to, frm = page - 1, 2
        elif to >= pages:
            frm, to = pages - (page - 2), pages - 1
        more = 1
    out = f'<a class="a1">{num}条</a>'
    if curr > 0:
        out += f' <a href="{url(max(curr - 1, 1))}" class="a1">上一页</a>'
        if curr == 1:
            out += " <span>1</span>"
        elif curr > 6 and more:
            out += f' <a href="{url(1)}">1</a>..'
        else:
            out += f' <a href="{url(1)}">1</a>'
    for i in range(frm, to + 1):
        out += f' <a href="{url(i)}">{i}</a>' if i != curr else f" <span>{i}</span>"
    if curr < pages:
        dots = " .." if curr < pages - 5 and more else " "
        out += (f'{dots}<a href="{url(pages)}">{pages}</a> '
                f'<a href="{url(curr + 1)}" class="a1">下一页</a>')
    else:
        out += f' <span>{pages}</span> <a href="{url(curr)}" class="a1">下一页</a>'
    return out


class PhpcmsStaticScheme(OtherScheme):
    """Generated HTML under /html: ``/html/shehui/xinwenredian/`` + ``2.html``;
    ``/html/2026/xinwenredian_1120/123.html`` + ``123_2.html``."""

    family = "phpcms"
    arcdir = "/html"
    robots = static.PHPCMS_ROBOTS_TXT
    list_order = "id"

    def list_page(self, cat: Category, page: int, total: int) -> str:
        d = self.cat_dir(cat)
        return f"{d}/" if page == 1 else f"{d}/{page}.html"

    def list_targets(self, cat: Category, page: int, total: int) -> list[str]:
        if page == 1:
            return [f"{self.cat_dir(cat)}/index.html"]
        return [self.list_page(cat, page, total)]

    def list_link(self, cat: Category, page: int) -> str:
        """``pageurl()`` of the static rule: page 1 keeps ``index.html``."""
        d = self.cat_dir(cat)
        return f"{d}/index.html" if page == 1 else f"{d}/{page}.html"

    def article_stem(self, art: Article) -> str:
        catdir = self.site.cat(art.tid).dir.rsplit("/", 1)[1]
        d = art.senddate
        return f"/html/{d:%Y}/{catdir}_{d:%m%d}/{art.aid}"


class PhpcmsDynamicScheme(PhpcmsStaticScheme):
    """Dynamic ``index.php?m=content&c=index&a=lists|show``; links are absolute (APP_PATH)."""

    dynamic_paths = frozenset({"/index.php"})

    def section(self, cat: Category) -> str:
        return f"/index.php?m=content&c=index&a=lists&catid={cat.tid}"

    def cover(self, cat: Category) -> str:
        return self.section(cat)

    def list_page(self, cat: Category, page: int, total: int) -> str:
        return self.section(cat) + ("" if page == 1 else f"&page={page}")

    def list_targets(self, cat: Category, page: int, total: int) -> list[str]:
        return [self.list_page(cat, page, total), f"{self.section(cat)}&page={page}"]

    def list_link(self, cat: Category, page: int) -> str:
        """``pageurl()`` of the dynamic rule: relative ``index.php?...``."""
        return self.list_page(cat, page, 0)[1:]

    def article(self, art: Article, page: int = 1) -> str:
        base = f"/index.php?m=content&c=index&a=show&catid={art.tid}&id={art.aid}"
        return base if page == 1 else f"{base}&page={page}"

    def article_targets(self, art: Article, page: int) -> list[str]:
        targets = [self.article(art, page)]
        return targets + [f"{targets[0]}&page=1"] if page == 1 else targets

    def href(self, target: str, host: str) -> str:
        return f"http://{host}{target}"

    def routes(self, r: dict[str, tuple], pages_of) -> None:
        super().routes(r, pages_of)
        r["/index.php"] = ("home",)


class PhpcmsTheme(OtherTheme):
    """PHPCMS v9 default template (templates/default/content/*.html)."""

    name = "phpcms"
    meta_fields = ("source",)

    def page_title(self, title: str, cat: Category | None = None) -> str:
        return f"{title} - {cat.name} - {SITE_NAME}" if cat else f"{title} - {SITE_NAME}"

    def top(self, title, keywords="", description="", cat=None) -> str:
        site = f"http://{self.host}"
        nav = "".join(f'<li class="line">|</li><li><a href="{self.cat_href(c)}"><span>{c.name}'
                      "</span></a></li>" for c in self.ctx.top_categories())
        return NL.join([
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
            '<html xmlns="http://www.w3.org/1999/xhtml">', "<head>",
            f'<meta http-equiv="Content-Type" content="text/html; charset={self.ctx.charset}" />',
            '<meta http-equiv="X-UA-Compatible" content="IE=7" />', f"<title>{title}</title>",
            f'<meta name="keywords" content="{keywords}">',
            f'<meta name="description" content="{description}">',
            '<link href="/statics/css/reset.css" rel="stylesheet" type="text/css" />',
            "</head>", "<body>", '<div class="body-top"><div class="content">',
            f'<div class="login lh24 blue"><a href="http://{self.host}/index.php?m=content&c=rss'
            '&siteid=1" class="rss ib">rss</a></div></div></div>',
            f'<div class="header"><div class="logo"><a href="{site}/"><img '
            'src="/statics/images/v9/logo.jpg" /></a></div>',
            f'<div class="nav-bar"><map><ul class="nav-site"><li><a href="{site}"><span>首页'
            f"</span></a></li>{nav}</ul></map></div></div>", '<div class="main">'])

    def bottom(self) -> str:
        return NL.join([
            "</div>", '<div class="footer"><p class="info">'
            f"Powered by <strong><a href=\"http://www.phpcms.cn\" target=\"_blank\">PHPCMS</a>"
            f"</strong> &copy; 2026 {SITE_NAME}</p></div>", "</body>", "</html>"])

    def crumbs(self, cat: Category, tail: str = "列表") -> str:
        trail = "".join(f'<a href="{self.cat_href(c)}">{c.name}</a> > '
                        for c in self.ctx.chain(cat.tid))
        return (f'<div class="crumbs"><a href="http://{self.host}">首页</a><span> > </span>'
                f"{trail} {tail}</div>")

    def block(self, cat: Category, items: list[Article]) -> str:
        rows = "".join(f'<li>·<a href="{self.art_href(a)}" target="_blank" title="{attr(a.title)}">'
                       f"{self.short(a)}</a></li>" for a in items)
        return (f'<div class="box cat-area"><h5 class="title-2"><a href="{self.cat_href(cat)}" '
                f'class="more">更多>></a>{cat.name}</h5><div class="content">'
                f'<ul class="list lh24 f14">{rows}</ul></div></div>')

    def ranks(self, cat: Category) -> str:
        arts = sorted(self.ctx.newest(cat.tid), key=lambda a: -a.clicks)[:10]
        rows = "".join(f'<li><a href="{self.art_href(a)}" target="_blank" title="{attr(a.title)}">'
                       f"{self.short(a, 28)}</a></li>" for a in arts)
        return NL.join([
            '<div class="col-auto"><div class="box">', '<h5 class="title-2">频道总排行</h5>',
            f'<ul class="content digg">{rows}</ul>', "</div></div>"])

    def list_body(self, cat, page, items, total_pages, total) -> str:
        rows = []
        for n, a in enumerate(items, 1):
            rows.append(f'\t<li><span class="rt">{a.pubdate:%Y-%m-%d %H:%M:%S}</span>·'
                        f'<a href="{self.art_href(a)}" target="_blank">{a.title}</a></li>')
            if n % 5 == 0:
                rows.append('\t<li class="bk20 hr"></li>')
        links = pages_html(total, page, self.ctx.page_size,
                           lambda n: self.scheme.list_link(cat, n))
        return NL.join([
            '<div class="col-left">', self.crumbs(cat), '<ul class="list lh24 f14">',
            NL.join(rows), "</ul>", f'<div id="pages" class="text-c">{links}</div>', "</div>",
            self.ranks(cat)])

    def content_pages(self, art: Article, page: int) -> str:
        """``content_pages()``: links from ``url->show()``, 上一页 of page 1 is page 1."""
        total = len(art.pages)
        if total <= 1:
            return ""
        out = f'<a class="a1" href="{self.art_href(art, max(page - 1, 1))}">上一页</a>'
        out += " <span>1</span>" if page == 1 else f' <a href="{self.art_href(art, 1)}">1</a>'
        for i in range(2, total):
            out += (f" <span>{i}</span>" if i == page
                    else f' <a href="{self.art_href(art, i)}">{i}</a>')
        last = self.art_href(art, total)
        if page < total:
            out += (f' <a href="{last}">{total}</a> '
                    f'<a class="a1" href="{self.art_href(art, page + 1)}">下一页</a>')
        else:
            out += f' <span>{total}</span> <a class="a1" href="{last}">下一页</a>'
        return out

    def article_body(self, art: Article, page: int) -> str:
        cat = self.ctx.cat(art.tid)
        prev, nxt = self.ctx.prev_next(art)

        def link(a: Article | None, label: str) -> str:
            if a is None:
                return f"<a href=\"javascript:alert('{label}');\">{label}</a>"
            return f'<a href="{self.art_href(a)}">{a.title}</a>'

        tags = " \t".join(f'<a href="http://{self.host}/index.php?m=content&c=tag&a=lists&tag='
                          f'{quote(k)}" class="blue">{k}</a>' for k in art.keywords)
        related = "".join(f'<li>·<a href="{self.art_href(a)}" target="_blank">{a.title}</a>'
                          f"<span>({a.pubdate:%Y-%m-%d})</span></li>" for a in self.related(art))
        summary = f'<div class="summary" >{art.description}</div>' if art.description else ""
        return NL.join([
            '<div class="col-left">', self.crumbs(cat, "正文"), '<div id="Article">',
            f"<h1>{art.title}<br />",
            f"<span>{art.pubdate:%Y-%m-%d %H:%M:%S}&nbsp;&nbsp;&nbsp;来源：{art.source}"
            '&nbsp;&nbsp;&nbsp;评论：<a href="#comment_iframe" id="comment">0</a> 点击：</span>'
            '<span id="hits"></span></h1>', summary,
            '<div class="content">', self.body_html(art, page), "</div>",
            f'<div id="pages" class="text-c">{self.content_pages(art, page)}</div>',
            f'<p style="margin-bottom:10px"><strong>相关热词搜索：</strong>{tags}</p>',
            f'<p class="f14"><strong>上一篇：</strong>{link(prev, "第一页")}<br />',
            f"<strong>下一篇：</strong>{link(nxt, '最后一页')}</p>",
            '<div class="related"><h5 class="blue">延伸阅读：</h5>',
            f'<ul class="list blue lh24 f14">{related}</ul></div>',
            f'<script language="JavaScript" src="http://{self.host}/api.php?op=count&id={art.aid}'
            '&modelid=1"></script>',
            "</div>", "</div>", self.ranks(cat)])

    def body_html(self, art: Article, page: int) -> str:
        return content.blocks_html(art.pages[page - 1])
