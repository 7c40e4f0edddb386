"""DedeCms knowledge as data: containers, labels and noise, with evidence in dedecms-portals.md.

Adding a template's body container or a new meta-line label is a one-line change here; the code
that applies these lives in ``body.py``, ``meta.py`` and ``article.py``.
"""

from __future__ import annotations

import re

from lxml import etree


def has_class(name: str) -> str:
    """XPath predicate: the element's class attribute contains the token ``name``."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def _xpaths(*paths: str) -> tuple[etree.XPath, ...]:
    return tuple(etree.XPath(path) for path in paths)


# --- Body ------------------------------------------------------------------------------------

#: Body containers of DedeCms templates (§5.1), most specific first. The first one holding
#: real text wins; the general scorer in ``body.py`` handles every other template.
BODY_CONTAINERS = _xpaths(
    f"//div[{has_class('content')}]/table//td[not(.//td)]",  # 5.x default, NW, DL, LAW
    f"//div[{has_class('art-content')}]",  # LAW lawyer template
    f"//div[{has_class('ny-l-zhengwen')}]",
    f"//div[{has_class('detail_text')}]",  # C4
    f"//div[{has_class('qhd-content')}]",  # C20
    f"//div[@id='con' and {has_class('con')}]",  # TA
    f"//div[{has_class('news_artticle_context')}]",  # NY
    f"//div[{has_class('dan1')}]",  # C13
    f"//div[{has_class('detail_con')}]",  # C2
    f"//div[{has_class('news-content')}]",  # C2 news template (nested <p>)
    f"//div[{has_class('d_post_content')}]",  # DL forum-like clone
    f"//div[{has_class('content')}]",  # C3: title and meta line inside, removed later
    f"//div[{has_class('arc')}]",
    "//div[@id='article_content' or @id='articleContent' or @id='article-content']",
    f"//div[{has_class('article-content')} or {has_class('article_content')}]",
    f"//div[{has_class('TRS_Editor')}]",  # TRS, the other CMS of Chinese government sites
)

#: Elements that never hold article text.
DROP_TAGS = (
    "script", "style", "noscript", "iframe", "object", "embed", "textarea", "select", "button",
    "input", "svg", "canvas", "template",
)

#: Class/id tokens of boxes around or inside the body that are not article text (§2.4, §5.10).
NOISE_SUBSTRINGS = (
    "digg", "share", "jiathis", "bshare", "pagelist", "dede_pages", "pagebreak", "comment",
    "prenext", "pre_next", "contentmidpicad", "copyright", "breadcrumb", "sidebar", "footer",
    "qrcode", "erweima", "recommend", "related", "relate_", "xiangguan", "tuijian", "paging",
    "pagination", "actbox", "boxoff", "newdigg", "bdshare", "social", "advert", "guanggao",
    "hidden", "print", "fenxiang", "login", "toolbar", "keyword",
)
NOISE_TOKENS = (
    "ad", "ads", "gg", "nav", "menu", "hot", "tool", "tools", "tags", "tag", "context", "handle",
    "vote", "page", "pages", "place", "position", "more", "rank", "top", "header", "banner",
    "link", "links", "flink", "pright", "right", "side", "aside", "footer",
)
NOISE_ATTR_RE = re.compile(
    "|".join(re.escape(s) for s in NOISE_SUBSTRINGS)
    + "|(?:^|[\\s_-])(?:" + "|".join(NOISE_TOKENS) + ")(?:$|[\\s_-])",
    re.IGNORECASE,
)
#: Elements whose tag says they are furniture.
NOISE_TAGS = frozenset({"nav", "aside", "footer", "header", "menu"})

#: Lines of text that are furniture even inside the body cell.
NOISE_LINE_RE = re.compile(
    r"^(?:上一篇|下一篇|上一页|下一页|上一条|下一条)\s*[:：]|"
    r"^[-—=_]{3,}.*分隔线|分隔线[-—=_]{3,}|"
    r"^(?:顶一下|踩一下|返回顶部|打印本页|关闭窗口|【?打印】?|【?关闭】?|收藏|挑错|推荐|"
    r"分享到[:：]?.*|共\d+页[:：]?|\(\d+\)|\d+|\s*)$"
)
#: ``(责任编辑：admin)`` and its variants, kept out of the body but read as the editor.
EDITOR_NOTE_RE = re.compile(
    r"[（(\[【]\s*(?:责任编辑|责编|编辑)\s*[:：]\s*(?P<name>[^)）\]】]*?)\s*[)）\]】]"
)
#: ``#p#分页标题#e#`` page-break markers that leak from some editors.
PAGEBREAK_MARK_RE = re.compile(r"#p#.*?#e#")

#: Lazy-loading attributes that hold the real image URL, tried before ``src``.
IMAGE_ATTRS = ("data-original", "data-src", "original", "data-lazy-src", "src", "file")

# --- Title -----------------------------------------------------------------------------------

#: Article headings (§5.4), most specific first.
TITLE_XPATHS = _xpaths(
    f"//div[{has_class('title')}]/h1",
    f"//div[{has_class('title')}]/h2",
    f"//div[{has_class('viewbox')}]//h2",
    f"//div[{has_class('news_xaingxi')}]",
    "//h1",
    f"//*[{has_class('title')} or {has_class('article-title')} or @id='title']",
    "//h2",
    "//h3",
)
#: ``<title>`` separators between the title and the site name.
TITLE_SPLIT_RE = re.compile(r"\s*(?:_|\s-\s|\||｜|\s–\s|\s—\s|--|——)\s*")
#: Page marker of page N of a multi-page article: ``标题(2)``.
PAGE_MARKER_RE = re.compile(r"\s*[(（]\d{1,3}[)）]\s*$")

# --- Breadcrumb --------------------------------------------------------------------------------

BREADCRUMB_XPATHS = _xpaths(
    f"//div[{has_class('place')}]",
    f"//*[{has_class('position')} or {has_class('location')} or {has_class('crumbs')}"
    f" or {has_class('breadcrumb')} or {has_class('bread')} or {has_class('curpos')}"
    f" or {has_class('weizhi')} or {has_class('nav_path')} or {has_class('lc')}]",
    "//*[@id='position' or @id='location' or @id='breadcrumb' or @id='crumbs']",
)
BREADCRUMB_LABEL_RE = re.compile(
    r"^\s*(?:当前位置|您的位置|您所在的位置|你的位置|你所在的位置|所在位置|位置)\s*[:：]?\s*"
)
#: Names that are not sections: home anchors and D40's literal trail end.
BREADCRUMB_SKIP = frozenset({"", "主页", "首页", "网站首页", "返回首页", "home", "Home", "HOME",
                             "文章内容", "正文", "内容", "详情", "正文内容"})
BREADCRUMB_SPLIT_RE = re.compile(r"\s*(?:>|&gt;|»|›|＞|→|/)\s*")

# --- Meta line -----------------------------------------------------------------------------------

#: Containers of the meta line (§5.2), tried before searching near the title.
META_XPATHS = _xpaths(
    f"//div[{has_class('info')}]",
    f"//*[{has_class('article-info')} or {has_class('arcinfo')} or {has_class('artinfo')}"
    f" or {has_class('article_info')} or {has_class('info')} or {has_class('meta')}"
    f" or {has_class('article-meta')} or {has_class('post-meta')} or {has_class('news_info')}"
    f" or {has_class('detail_time')} or {has_class('time')} or {has_class('date')}"
    f" or {has_class('source')} or {has_class('pubtime')} or {has_class('titBar')}]",
)
#: Elements holding just a date (C4 ``div.detail_time``, NY ``span.date``, ``<time>``).
DATE_ELEMENT_XPATHS = _xpaths(
    "//time[@datetime]/@datetime",
    f"//*[{has_class('detail_time')} or {has_class('date')} or {has_class('time')}"
    f" or {has_class('pubtime')} or {has_class('pub_time')} or {has_class('publish-time')}"
    f" or {has_class('post-time')} or @id='pubtime' or @id='pub_date' or @id='publish_time'"
    " or @id='news_time' or @id='pubtime_baidu']",
    "//time",
)
#: Elements holding just the source (a portal's "来源" link without a label).
SOURCE_ELEMENT_XPATHS = _xpaths(
    f"//*[{has_class('source')} or @id='source' or {has_class('article-source')}"
    f" or @id='source_baidu' or {has_class('ly')} or @id='ne_article_source']",
)

#: Meta-line labels by field, longest first within a field (§5.2).
LABELS = {
    "date": ("发布时间", "发布日期", "发表时间", "更新时间", "发表日期", "发稿时间", "时间", "日期",
             "发布于", "发表于", "Date"),
    "source": ("文章来源", "新闻来源", "信息来源", "稿件来源", "来源", "来自", "出处", "Source"),
    "author": ("作者", "撰文", "撰稿", "记者", "文", "Author"),
    "editor": ("责任编辑", "责编", "编辑"),
    "other": ("点击次数", "点击数", "点击", "人气", "阅读量", "阅读", "浏览次数", "浏览",
              "所属分类", "来自分类", "所属栏目", "栏目", "分类", "字体", "字号", "评论",
              "关键词", "标签", "摄影", "通讯员", "分享到", "点击量"),
}
#: Labels that take no colon when followed by a date (``发表于 2016-07-12``).
COLONLESS_DATE_LABELS = ("发布于", "发表于")
#: Values meaning "no value".
EMPTY_VALUES = frozenset({"", "未知", "佚名", "-", "无", "null", "None", "admin未知"})

#: ``<meta>`` names and properties with a publication date, in order of trust.
META_DATE_NAMES = (
    "article:published_time", "og:published_time", "og:release_date", "pubdate", "publishdate",
    "publish_date", "PubDate", "publishdate", "datePublished", "dc.date", "dc.date.issued",
    "sailthru.date", "date", "article:modified_time",
)
META_SOURCE_NAMES = ("source", "article:source", "og:source", "mediaid")
META_AUTHOR_NAMES = ("author", "article:author", "dc.creator")

#: ``/2016/0712/`` (DedeCms default rule), ``/20160712/`` and ``/2016-07/12/`` in URL paths.
URL_DATE_RES = (
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>[01]\d)(?P<d>[0-3]\d)/"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})-?(?P<m>[01]\d)-?/?(?P<d>[0-3]\d)/"),
    re.compile(r"/(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)[/_-]"),
)
