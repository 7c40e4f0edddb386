"""Template variants of the sample portal (spec §5): the same articles in other real-world markup.

Why: a crawler tuned to the 5.7 default template breaks on real portals, so the replica can wear
the markup of three real families. Each variant overrides only the fragments its original
changes; the model and therefore the ground truth are identical in meaning across variants
(every variant shows the same title, source, author, date text, body and images).

- ``nw``: News-Web (V57_GBK_SP1 portal): ``div.arc``, ``div.title > h1``, meta
  ``来源：X   作者：Y 人气：<script/> 发布时间：D`` (date last), breadcrumb ``<h2 class="lc">``
  with no label, an empty home anchor and absolute ``http://HOST//a/...`` links, list
  ``div.chunlist > ul`` (5 items per ``ul``, date ``<span>`` after the link), list pagination
  ``div.page > div.pagelist > ul`` without the select, article pagination ``div.pagebreak`` with
  bare ``<li>``.
- ``c2``: commercial template (templated-cms2): ``h1`` title, ``当前位置：`` full-width breadcrumb,
  ``来源：X　　作者：Y　　发布时间：D`` with U+3000 gaps, body in ``div.detail_con > div > span >
  span`` font spans, list ``li > span.STYLE1 > a.title`` with ``y-m-d`` dates (``16-07-11``).
- ``v40``: DedeCms 4.0 default: table layout, ``<b>`` title in a ``td``, plain ``<td>`` body,
  ``来源：X 作者：Y 发布时间：D``, ``当前位置：`` breadcrumb (``首页`` home link) ending in
  ``文章内容`` on article pages, 4.0 pagination without ``<li>``
  (``共3页: 上一页 1 <a href='123_2.html'>[2]</a> …``).
"""

from __future__ import annotations

from . import content, pagination
from .content import cn_substr
from .listing import PortalTheme
from .model import Article, Category
from .templates import COUNT_JS, NL, attr


def meta_fields(art: Article) -> list[tuple[str, str]]:
    """What the meta line shows for this article: ("source"|"author"|"date", value) pairs."""
    fields = []
    if art.shows_source:
        fields.append(("source", art.source))
    if art.shows_author:
        fields.append(("author", art.author))
    fields.append(("date", art.date_text()))
    return fields


def _body_html(art: Article, page: int) -> str:
    return content.blocks_html(art.pages[page - 1]) + f"(责任编辑：{art.editor})"


class NewsWebTheme(PortalTheme):
    name = "nw"
    box_class = "arc"

    def breadcrumb(self, cat: Category, article: bool = False) -> str:
        trail = "".join(f"<a href='http://{self.host}/{self.cat_href(c)}'>{c.name}</a> > "
                        for c in self.ctx.chain(cat.tid))
        return (f"<div class=\"lc\"><h2 class=\"lc\"><a href='http://{self.host}//'></a> > "
                f"{trail}</h2></div>")

    def title_block(self, art: Article) -> str:
        return f'<div class="title"><h1>{art.title}</h1></div>'

    def meta_line(self, art: Article) -> str:
        values = dict(meta_fields(art))
        parts = []
        if "source" in values:
            parts.append(f"来源：{values['source']}   ")
        if "author" in values:
            parts.append(f"作者：{values['author']} ")
        parts.append(f"人气：{COUNT_JS.format(aid=art.aid)} 发布时间：{values['date']}")
        return f'<div class="info">{"".join(parts)}</div>'

    def intro(self, art: Article) -> str:
        return f'<div class="des">{art.description}</div>' if art.description else ""

    def article_pagination(self, art: Article, page: int) -> str:
        links = pagination.article_pages_bare(art.aid, page, len(art.pages))
        return f'<div class="pagebreak">{links}</div>'

    def list_box(self, items: list[Article], cat: Category) -> str:
        uls = []
        for start in range(0, len(items), 5):
            rows = "".join(
                f'<li><p><a href="{self.art_href(a)}" title="{attr(a.title)}" target="_blank">'
                f"{cn_substr(a.title, self.list_titlelen)}</a></p><span>{a.pubdate:%Y-%m-%d}"
                "</span></li>" for a in items[start:start + 5])
            uls.append(f"<ul>{rows}</ul>")
        return f'<div class="chunlist">{NL}{NL.join(uls)}{NL}</div>'

    def list_pagination(self, cat: Category, page: int, total_pages: int, total: int) -> str:
        links = pagination.list_pages(cat.tid, page, total_pages, total, option=False)
        return (f'<div class="page"><div class="pagelist"><ul>{links.replace(NL, " ").strip()}'
                "</ul></div></div>")


class CommercialTheme(PortalTheme):
    name = "c2"
    box_class = "detail"

    def breadcrumb(self, cat: Category, article: bool = False) -> str:
        trail = "".join(f"<a href='{self.cat_href(c)}'>{c.name}</a> > "
                        for c in self.ctx.chain(cat.tid))
        return (f"<div class=\"position\">当前位置：<a href='http://{self.host}/'>主页</a> > "
                f"{trail}</div>")

    def title_block(self, art: Article) -> str:
        return f'<div class="detail_title"><h1>{art.title}</h1></div>'

    def meta_line(self, art: Article) -> str:
        labels = {"source": "来源：", "author": "作者：", "date": "发布时间："}
        text = "\u3000\u3000".join(labels[k] + v for k, v in meta_fields(art))
        return f'<div class="detail_info">{text}</div>'

    def body_block(self, art: Article, page: int) -> str:
        return ('<div class="detail_con"><div><span style="font-size:14px;">'
                f'<span style="font-family:微软雅黑;">{NL}{_body_html(art, page)}'
                "</span></span></div></div>")

    def list_item(self, art: Article, cat: Category) -> str:
        return (f'<li><span class="STYLE1"><a href="{self.art_href(art)}" class="title">'
                f"{cn_substr(art.title, self.list_titlelen)}</a></span>"
                f'<span class="info"><small>日期：</small>{art.pubdate:%y-%m-%d}</span></li>')


class Dede40Theme(PortalTheme):
    name = "v40"

    def head(self, title: str, keywords: str = "", description: str = "") -> str:
        meta = f'<meta http-equiv="Content-Type" content="text/html; charset={self.ctx.charset}'
        return super().head(title, keywords, description).replace(f'{meta}" />', f'{meta}">')

    def breadcrumb(self, cat: Category, article: bool = False) -> str:
        trail = "".join(f"<a href='{self.cat_href(c)}'>{c.name}</a> > "
                        for c in self.ctx.chain(cat.tid))
        return (f"<table width='100%'><tr><td>当前位置：<a href='http://{self.host}/'>首页</a> > "
                f"{trail}{'文章内容' if article else ''}</td></tr></table>")

    def article_box(self, art: Article, page: int) -> str:
        values = dict(meta_fields(art))
        labels = [("source", "来源："), ("author", "作者："), ("date", "发布时间：")]
        meta = " ".join(label + values[k] for k, label in labels if k in values)
        links = pagination.article_pages_d40(art.aid, page, len(art.pages))
        return NL.join([
            "<div class=\"viewbox\">",
            "<table width='100%' border='0' cellpadding='0' cellspacing='0'>",
            f"<tr><td height='30' align='center'><b>{art.title}</b></td></tr>",
            f"<tr><td align='center'>{meta}</td></tr>",
            f"<tr><td>{NL}{_body_html(art, page)}</td></tr>",
            f"<tr><td align='center'>{links}</td></tr>", "</table>"])

    def list_box(self, items: list[Article], cat: Category) -> str:
        rows = NL.join(
            f"<tr><td>·<a href='{self.art_href(a)}'>{cn_substr(a.title, self.list_titlelen)}</a>"
            f"</td><td width='130'>{a.pubdate:%Y-%m-%d %H:%M:%S}</td></tr>" for a in items)
        return f"<table width='100%' class='list'>{NL}{rows}{NL}</table>"

    def list_pagination(self, cat: Category, page: int, total_pages: int, total: int) -> str:
        pages = pagination.list_pages_d40(cat.tid, page, total_pages, total)
        return f"<table width='100%'><tr><td align='center'>{pages}</td></tr></table>"


THEMES: dict[str, type[PortalTheme]] = {
    "default": PortalTheme, "nw": NewsWebTheme, "c2": CommercialTheme, "v40": Dede40Theme}
