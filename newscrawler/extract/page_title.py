"""What a page's ``<title>`` says: its whole text, the headline part without the site's or
channel's name (``标题_频道_网站``, ``南方周末 - 标题``, ``标题-24小时-虎嗅网``), and whether a
heading's text is that headline. Plain functions of strings; ``title.py`` finds the elements.
"""

from __future__ import annotations

import re

from lxml import etree

from newscrawler.extract import rules
from newscrawler.extract.dates import FULL_DATE_RE
from newscrawler.extract.text import collapse, compare_key

#: Markup printed as text: a headline whose ``<br>`` was escaped (``标题 &lt;BR&gt;``).
LITERAL_TAG_RE = re.compile(r"\s*<\s*/?\s*(?:br|p|b|i|strong|em|span)\s*/?\s*>\s*", re.IGNORECASE)
#: ``-西安交通大学新闻网`` (or ``—新闻—科学网``, with em dashes) ending a ``<title>``, the channel
#: before it, what a site's name may
#: end with besides a medium's words, and how much headline must be left.
GLUED_SITE_RE = re.compile(r"(?<!—)[-—](?P<site>[^-—\s]{2,16})$")
GLUED_CHANNEL_RE = re.compile(r"(?<!—)[-—][^-—\s]{2,6}$")
SITE_ENDINGS = ("官网", "网站", "官方网站", "门户", "博客")
MIN_TITLE_LEFT = 6
#: A first piece of the ``<title>`` shorter than this is not taken for the headline: the
#: longest piece is (``要闻 - 标题``), though a blog's may be its name (``随想 | Notes``).
MIN_TRUSTED_PIECE = 4
#: A heading going on with this many ``-``/``_``/``|`` lists the page's keywords.
KEYWORD_SPLIT_RE = re.compile(r"[-_|｜]")
MAX_SPLITS = 3
#: How much longer than the ``<title>``'s first piece a later piece printed as a heading must
#: be to be the headline.
TITLE_PART_RATIO = 2


def printed_title(title: str | None) -> str | None:
    """The headline without markup the page printed as text (``…姨母如亲生 <BR>``)."""
    if not title or "<" not in title:
        return title
    return collapse(LITERAL_TAG_RE.sub(" ", title)) or None


def title_text(root: etree._Element) -> str:
    """The ``<title>``'s text: the head's own, found by its path (a search of the whole tree
    for it cost 30 µs a page, twice), else the first anywhere (a ``<title>`` misplaced into
    the body of a broken page)."""
    node = root.find("head/title")
    if node is not None:
        return node.text or ""
    return root.findtext(".//title") or ""


#: An e-paper's page in its ``<title>``: ``-15版:文化遗产-``, ``第A03版：要闻``.
EDITION_PAGE_RE = re.compile(r"(?:^|[\s\-_|])第?[A-Z]?\d{1,3}\s*版\s*[:：]")


def clean_page_title(raw: str) -> tuple[str, str]:
    """(whole ``<title>`` without page marker, its article part without the site name).

    A ``<title>`` that starts with a separator (`` - 星島日報網頁``) has no article part: the
    template printed an empty headline before the site's name. An e-paper's ``<title>`` that
    names the issue's page (``贵州日报 -15版:文化遗产-2018年03月07日``) names no story: none."""
    whole = collapse(raw)
    if EDITION_PAGE_RE.search(whole) and FULL_DATE_RE.search(whole):
        return "", ""
    parts = rules.TITLE_SPLIT_RE.split(whole)
    if len(parts) > 1 and not parts[0]:
        return whole, ""
    parts = [p for p in parts if p]
    if not parts:
        return "", ""
    article = parts[0] if len(parts) > 1 else _without_glued_site(parts[0])
    if len(compare_key(article)) < MIN_TRUSTED_PIECE and len(parts) > 1:
        article = max(parts, key=len)
    article = rules.PAGE_MARKER_RE.sub("", article)
    whole = rules.PAGE_MARKER_RE.sub("", whole)
    return whole, collapse(article)


def _without_glued_site(title: str) -> str:
    """A ``<title>`` without the site's name glued on by an unspaced hyphen, and the channel
    before it (``标题-西安交通大学新闻网``, ``标题-24小时-虎嗅网``): a hyphen alone splits nothing,
    as headlines hold them (``2018-2019``), unless the last piece ends like a medium or site."""
    match = GLUED_SITE_RE.search(title)
    if not match or not match.group("site").endswith(rules.MEDIA_SUFFIXES + SITE_ENDINGS):
        return title
    rest = title[: match.start()]
    channel = GLUED_CHANNEL_RE.search(rest)
    if channel and len(compare_key(rest[: channel.start()])) >= MIN_TITLE_LEFT:
        rest = rest[: channel.start()]
    return rest if len(compare_key(rest)) >= MIN_TITLE_LEFT else title


def matches_title(heading: str, whole: str, article: str) -> bool:
    """Is a heading's text the ``<title>``'s headline: the article part, the start of the whole
    ``<title>``, or its full form when the ``<title>`` was truncated?"""
    h, w, a = compare_key(heading), compare_key(whole), compare_key(article)
    if not h:
        return False
    if h == a or (a and (w.startswith(h) and len(h) >= min(4, len(a)))):
        return True
    if not (a and len(a) >= 4 and h.startswith(a)):  # <title> truncated
        return False
    rest = heading[len(article):] if heading.startswith(article) else ""
    # … but not a heading that goes on with a date or the page's keywords after a separator
    # (标题 发布时间 2021-05-19, 标题_郑州工商注册-郑州代理记账-…)
    return not (FULL_DATE_RE.search(rest) or len(KEYWORD_SPLIT_RE.findall(rest)) >= MAX_SPLITS)


def is_title_part(heading: str, whole: str) -> bool:
    """Is the heading a later piece of a ``<title>`` that names the site or channel first
    (``南方周末 - 标题``)? Only a piece longer than the first one: a blog's ``文章 | 博客名``
    prints the blog's name as a heading too."""
    key = compare_key(heading)
    parts = [compare_key(part) for part in rules.TITLE_SPLIT_RE.split(whole)]
    return len(key) >= MIN_TITLE_LEFT and len(parts) > 1 and \
        len(key) > TITLE_PART_RATIO * len(parts[0]) and key in parts[1:]


def is_title_piece(heading: str, whole: str) -> bool:
    """Is the heading one whole piece of the ``<title>``, however short (``奢与简`` of ``奢与简 -
    109km is a distance.``)? The caller asks the header's date to confirm it: a section's name
    is a piece too."""
    key = compare_key(heading)
    return len(key) >= MIN_TITLE_PIECE and \
        key in (compare_key(part) for part in rules.TITLE_SPLIT_RE.split(whole))


#: Characters a piece of the ``<title>`` has at least to be read as a headline.
MIN_TITLE_PIECE = 2


def weak_title_match(heading: str, whole: str) -> bool:
    """The heading is somewhere inside ``<title>`` (may be the site name, so: weak)."""
    h = compare_key(heading)
    return len(h) >= 6 and h in compare_key(whole)
