"""The DedeCms 5.7 default template set ("default" variant) for the sample portal.

Why a class: variants (``variants.py``) differ from this one only in a few fragments (title element,
meta line, breadcrumb, body container, list markup, pagination). Each fragment is a method, so a
variant overrides just what its real-world template does differently. Pages are assembled from
lines joined with CRLF, as DedeCms templates are stored. ``ctx`` is the ``Site`` (read-only here).
"""

from __future__ import annotations

from html import escape

from . import content
from .model import SITE_NAME, Article, Category

NL = "\r\n"
COUNT_JS = ('<script src="/plus/count.php?view=yes&aid={aid}&mid=1" type=\'text/javascript\' '
            'language="javascript"></script>')


def attr(text: str) -> str:
    return escape(text, quote=True)


class Theme:
    """DedeCms 5.7 SP2 default style (templets/default), with the portal's own footer."""

    name = "default"
    box_class = "viewbox"
    # Ground-truth policy (truth.py): DedeCms templates show what the article's meta_style says;
    # another CMS's template shows its own fields (own_meta=True) in one date precision.
    own_meta = False
    meta_fields: tuple[str, ...] = ("source", "author")
    date_precision = "second"
    shows_editor = True
    list_titlelen = 60
    home_titlelen = 34

    def __init__(self, ctx, host: str):
        self.ctx, self.host = ctx, host
        self.scheme = ctx.scheme

    def art_href(self, art: Article, page: int = 1) -> str:
        """The link to an article page, as the portal's URL scheme writes it."""
        return self.scheme.href(self.ctx.path(art, page), self.host)

    def cat_href(self, cat: Category) -> str:
        """The link to a category (nav, breadcrumb, "更多")."""
        return self.scheme.href(self.scheme.section(cat), self.host)

    # ----------------------------------------------------------------- shared chrome
    def head(self, title: str, keywords: str = "", description: str = "") -> str:
        return NL.join([
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
            '<html xmlns="http://www.w3.org/1999/xhtml">', "<head>",
            f'<meta http-equiv="Content-Type" content="text/html; charset={self.ctx.charset}" />',
            f"<title>{title}</title>",
            f'<meta name="keywords" content="{keywords}" />',
            f'<meta name="description" content="{description}" />',
            '<meta http-equiv="mobile-agent" content="format=xhtml;url=/m/index.php">',
            '<script type="text/javascript">if(window.location.toString().indexOf('
            '\'pref=padindex\') != -1){}else{if(/AppleWebKit.*Mobile/i.test(navigator.userAgent)'
            ' || (/MIDP|SymbianOS'
            '|NOKIA|SAMSUNG|LG|NEC|TCL|Alcatel|BIRD|DBTEL|Dopod|PHILIPS|HAIER|LENOVO|MOT-|Nokia|'
            'SonyEricsson|SIE-|Amoi|ZTE/.test(navigator.userAgent))){if(window.location.href.'
            'indexOf("?mobile")<0){try{if(/Android|Windows Phone|webOS|iPhone|iPod|BlackBerry/i.'
            'test(navigator.userAgent)){window.location.href="/m/index.php";}}catch(e){}}}}</script>',
            '<link href="/templets/default/style/dedecms.css" rel="stylesheet" media="screen" '
            'type="text/css" />',
            "</head>"])

    def nav(self, current_top: int = 0) -> str:
        items = ["<li><a href='/'><span>主页</span></a></li>"]
        for cat in self.ctx.top_categories():
            href = self.cat_href(cat)
            if cat.tid == 2 and not self.scheme.multi_site:  # one cfg_basehost "//" link
                href = f"http://{self.host}/{href}"
            hover = " class='hover'" if cat.tid == current_top else ""
            items.append(f"<li{hover}><a href='{href}' ><span>{cat.name}</span></a></li>")
        return NL.join([
            '<div class="header_top"><div class="w960 center">',
            '<span class="time">中国国际新闻台 —— 权威 及时 专业</span>',
            '<div class="toplinks"><a href="/plus/heightsearch.php" target="_blank">高级搜索</a>|'
            '<a href="/data/sitemap.html" target="_blank">网站地图</a>|<a href="/tags.php">TAG标签'
            '</a><a href="/data/rssmap.html" class="rss">RSS订阅</a></div>',
            "</div></div>", '<div class="header">',
            f'<div class="top w960 center"><div class="title"><h1><a href="http://{self.host}">'
            f'<img src="/templets/default/images/logo.gif" height="54" width="216" '
            f'alt="{SITE_NAME}"/></a></h1></div></div>',
            '<div class="module blue mT10 wrapper w963"><div class="top">',
            '<div id="navMenu"><ul>', NL.join(items), "</ul></div>",
            '<div class="search"><form name="formsearch" action="/plus/search.php">'
            '<input type="hidden" name="kwtype" value="0" /><input name="q" type="text" '
            'class="search-keyword" id="search-keyword" value="在这里搜索..." />'
            '<button type="submit" class="search-submit">搜索</button></form>',
            "<div class=\"tags\"><h4>热门标签:</h4><ul><li>"
            "<a href='/tags.php?/%E6%B0%91%E7%94%9F/'>民生</a></li>"
            "<li><a href='/tags.php?/%E7%BB%8F%E6%B5%8E/'>经济</a></li></ul></div>",
            "</div>", "</div></div>", "</div>"])

    def footer(self) -> str:
        return NL.join([
            '<div class="footer w960 center mt1 clear">', '<div class="footer_left"></div>',
            '<div class="footer_body">', '<p class="footer_link"><a href="/about/">网站简介</a> - '
            '<a href="/about/job.html">诚聘英才</a> - <a href="/about/zjcx.html">证件查询</a> - '
            '<a href="/about/ad.html">广告服务</a> - <a href="/about/contact.html">联系我们</a> - '
            '<a href="/?pc">电脑版</a> - <a href="/m/index.php">移动端</a></p>',
            f'<div class="copyright">Copyright &copy; 2017 {SITE_NAME} 版权所有 '
            '<a href="http://www.dedecms.com" target="_blank">Power by DedeCms</a></div>',
            f"<p class=\"notice\">本台所刊登的{SITE_NAME}各种新闻﹑信息和各种专题专栏资料,"
            f"均为{SITE_NAME}所有,未经协议授权禁止下载使用。</p>",
            "</div>", '<div class="footer_right"></div>', "</div>",
            '<div id="gotop"><a href="#top" title="返回顶部">返回顶部</a></div>'])

    def breadcrumb(self, cat: Category, article: bool = False) -> str:
        trail = "".join(f"<a href='{self.cat_href(c)}'>{c.name}</a> > "
                        for c in self.ctx.chain(cat.tid))
        return (f"<div class=\"place\"><strong>当前位置:</strong> <a href='http://{self.host}/'>"
                f"主页</a> > {trail}</div>")

    def sidebars(self) -> str:
        hot = "".join(
            f'<li><a href="{self.art_href(a)}" title="{attr(a.title)}">'
            f"{content.cn_substr(a.title, 32)}</a></li>" for a in self.ctx.hot_articles())
        rank = "".join(
            f'<li><span><a href="{self.art_href(a)}" title="{attr(a.title)}">'
            f"{content.cn_substr(a.title, 28)}</a></span><b>{a.pubdate:%Y-%m-%d %H:%M:%S}</b></li>"
            for a in self.ctx.ranked_articles())
        return NL.join([
            '<div class="pright">', '<div class="commend mt1"><dl class="tbox light">',
            '<dt class="light"><strong>新闻热点</strong></dt>',
            f'<dd class="light"><ul class="c1 ico2">{hot}</ul></dd>', "</dl></div>",
            '<div class="hot mt1"><dl class="tbox light">',
            '<dt class="light"><strong>资讯排行</strong></dt>',
            f'<dd class="light"><ul class="c1 ico2">{rank}</ul></dd>', "</dl></div>", "</div>"])

    # ----------------------------------------------------------------- article page
    def title_block(self, art: Article) -> str:
        return f'<div class="title"><h2>{art.title}</h2></div>'

    def meta_values(self, art: Article) -> tuple[str, str, str]:
        return art.date_text(), art.source, art.author

    def meta_line(self, art: Article) -> str:
        date, src, author = self.meta_values(art)
        js = COUNT_JS.format(aid=art.aid)
        if art.meta_style == "seed":
            body = f"<small>来源:</small> {src} <small>发布时间:</small>{date}"
        elif art.meta_style == "d40":
            body = f"来源：{src} 作者：{author} 发布时间：{date}"
        elif art.meta_style == "dateonly":
            body = f"<small>日期：</small>{date}"
        else:
            body = (f"<small>时间:</small>{date}<small>来源:</small>{src} "
                    f"<small>作者:</small>{author} <small>点击:</small>{NL}{js} 次")
        return f'<div class="info"> {body}</div>'

    def intro(self, art: Article) -> str:
        return f'<div class="intro">{art.description}</div>' if art.description else ""

    def body_block(self, art: Article, page: int) -> str:
        html = content.blocks_html(art.pages[page - 1])
        return (f"<div class=\"content\">{NL}<table width='100%'>{NL}<tr>{NL}<td>{NL}{html}"
                f"(责任编辑：{art.editor})</td>{NL}</tr>{NL}</table>{NL}</div>")

    def article_pagination(self, art: Article, page: int) -> str:
        links = self.scheme.article_links(art, page)
        return f'<div class="dede_pages">{NL}<ul class="pagelist">{NL}{links}{NL}</ul>{NL}</div>'

    def prev_next(self, art: Article) -> str:
        prev, nxt = self.ctx.prev_next(art)
        pre = (f"上一篇：<a href='{self.art_href(prev)}'>{prev.title}</a> " if prev
               else "上一篇：没有了 ")
        nex = (f"下一篇：<a href='{self.art_href(nxt)}'>{nxt.title}</a> " if nxt
               else "下一篇：没有了 ")
        return (f'<div class="context">{NL}<ul>{NL}<li>{pre}</li>{NL}<li>{nex}</li>{NL}</ul>'
                f"{NL}</div>")

    def article_box(self, art: Article, page: int) -> str:
        """Opening of the article container: title, meta line, intro, body, pagination."""
        return NL.join([
            f'<div class="{self.box_class}">', self.title_block(art), self.meta_line(art),
            self.intro(art), self.body_block(art, page), self.article_pagination(art, page)])

    def article_main(self, art: Article, page: int) -> str:
        cat = self.ctx.cat(art.tid)
        return NL.join([
            '<div class="pleft">', self.breadcrumb(cat, article=True), self.article_box(art, page),
            '<div class="newdigg" id="newdigg"><div class="diggbox digg_good" '
            f"onmousemove=\"this.style.backgroundPosition='left bottom';\" onclick=\"javascript:"
            f"postDigg('good',{art.aid})\"><div class=\"digg_act\">顶一下</div>"
            '<div class="digg_num">(0)</div></div><div class="diggbox digg_bad" '
            f'onclick="javascript:postDigg(\'bad\',{art.aid})"><div class="digg_act">踩一下</div>'
            '<div class="digg_num">(0)</div></div></div>',
            '<div class="boxoff"><strong>------分隔线----------------------------</strong></div>',
            '<div class="handle">', self.prev_next(art),
            '<div class="actbox"><ul><li id="act-fav"><a href="/plus/stow.php?aid='
            f'{art.aid}" target="_blank">收藏</a></li><li id="act-err">'
            f'<a href="/plus/erraddsave.php?aid={art.aid}&title={attr(art.title)}" '
            'target="_blank">挑错</a></li>'
            f'<li id="act-pus"><a href="/plus/recommend.php?aid={art.aid}" target="_blank">推荐</a>'
            '</li><li id="act-pnt"><a href="#" onClick="window.print();">打印</a></li></ul></div>',
            "</div>", "</div>", "</div>"])

    def page_description(self, art: Article, page: int) -> str:
        if page == 1:
            return attr(art.description)
        return attr(content.plain_description(art.pages[page - 1]))

    def article_page(self, art: Article, page: int) -> str:
        suffix = f"({page})" if page > 1 else ""
        top = self.ctx.chain(art.tid)[0].tid
        return NL.join([
            self.head(f"{art.title}{suffix}_{SITE_NAME}", ",".join(art.keywords),
                      self.page_description(art, page)),
            '<body class="articleview">', self.nav(top),
            '<div class="w960 center clear mt1">', self.article_main(art, page),
            self.sidebars(), "</div>", self.footer(), "</body>", "</html>"])
