"""Where the headline is when the ``<title>`` confirms no heading: the page's ``<title>``
names its site or section, or it has none, so the headline is found by where it stands.

``labelled_headline`` is a headline printed after its label (a forum's ``主题：``, a BBS's
``标  题:``); ``heading_before`` is the heading-like element right above the body's text, at
the top of the text's own box or before it; ``emphasised_before_text`` the bold or centered
line before the text on pages from before headings were tags; ``headline_atop`` the text's
first line over a date line. ``article.py`` tries them in that order after ``title.extract_title``.
"""

from __future__ import annotations

import re

from lxml import etree

from newscrawler.extract import rules
from newscrawler.extract.dates import FULL_DATE_RE
from newscrawler.extract.header import header_zone
from newscrawler.extract.index import PageIndex
from newscrawler.extract.meta_line import is_meta_line
from newscrawler.extract.text import in_link, text_of
from newscrawler.extract.title import (
    HEADING_TAGS,
    LINKS_PRINTING,
    MAX_TITLE_LENGTH,
    META_AFTER_BREAK,
    could_be_headline,
    is_site_badge,
    without_date_child,
)

#: A headline's label at the start of a line (``<b>主题：</b> 标题``, ``标  题: 标题``), and the
#: text nodes it may be in; a date must follow within the header's reach.
LABELLED_TITLE_RE = re.compile(
    r"(?:^|\n)[ \t\u3000]*(?:标|主|標)[ \t\u3000]*题[ \t\u3000]*[:：][ \t\u3000]*(?P<title>[^\n]*)")
_LABEL_TEXTS = etree.XPath("//body//text()[contains(., '题:') or contains(., '题：')]")
MAX_LABEL_TEXTS = 5
LABELLED_DATE_REACH = 160
#: A class that names a heading (``<td class=bt_title>``, ``<div class="about_title">``).
HEADING_CLASS_RE = re.compile(r"title|heading|headline", re.IGNORECASE)


def heading_before(container: etree._Element, levels: int = 3) -> tuple[str, etree._Element] | None:
    """The nearest heading-like element above the body's text: a heading tag or an element
    whose class names a title (``<td class=bt_title>`` in the row above the text's), at the
    top of the body container (``<div class="about_title">`` before its paragraphs) or
    before it (a few levels up).

    For pages whose ``<title>`` names the section or site rather than the article
    (``新闻动态--学会官网``): the article's heading is then the one right above its text. A box
    heading that repeats a link of the page (``<h3>联系我们</h3>`` over a sidebar, the menu
    linking ``联系我们``) names a section, not the article, and is passed over, as is a heading
    that is a list's entry (a menu's ``<li><h3>``) or inside a link (a share button's pop-up,
    ``<a class="icon-wechat"><div><h4>微信扫一扫：分享</h4>``).
    """
    for candidate in reversed(_above_first_paragraph(container)):  # nearest the text first
        found = _heading_text(candidate)
        if found is not None:
            return found, candidate
    node = container
    for _ in range(levels):
        for sibling in node.itersiblings(preceding=True):
            if not isinstance(sibling.tag, str):
                continue
            for candidate in [sibling, *list(sibling.iter())[:0:-1]]:  # itself, then nearest first
                if not isinstance(candidate.tag, str):
                    continue
                found = _heading_text(candidate)
                if found is not None:
                    return found, candidate
        node = node.getparent()
        if node is None:
            break
    return None


def _above_first_paragraph(container: etree._Element) -> list[etree._Element]:
    """The heading-like elements at the top of the container, before any other text (a
    caption, a paragraph, a related-articles box after them all stop the search), in order."""
    found: list[etree._Element] = []
    if container.tag in ("body", "html"):
        return found  # the page's top, not a text box's: the <title> decides there
    stack = list(reversed(container))
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str):
            continue
        if _is_heading_like(element):
            found.append(element)  # its own text is the heading's
        elif (element.text or "").strip():
            break
        else:
            stack.extend(reversed(element))
        if (element.tail or "").strip():
            break
    return found


def _is_heading_like(element: etree._Element) -> bool:
    return element.tag in HEADING_TAGS or bool(HEADING_CLASS_RE.search(element.get("class") or ""))


def _heading_text(candidate: etree._Element) -> str | None:
    """The headline a heading-like element prints, if it may be the article's."""
    if not _is_heading_like(candidate):
        return None
    text = rules.PAGE_MARKER_RE.sub("", without_date_child(candidate, text_of(candidate)))
    if not (4 <= len(text) <= MAX_TITLE_LENGTH and could_be_headline(text)) \
            or is_site_badge(candidate) or _in_list_item(candidate) or _inside_link(candidate) \
            or _repeats_a_link(candidate, text) or is_meta_line(text):
        return None  # is_meta_line: <h3>标题</h3><h5>发布时间：… 来源：… 字号：大 | 中 | 小</h5>
    return text


def _repeats_a_link(heading: etree._Element, text: str) -> bool:
    """Does a link elsewhere on the page print the heading's text (the menu's ``联系我们``
    over a box headed so)? The heading's own link (``<h3><a>标题</a></h3>``) does not count."""
    own = set(heading.iter("a"))
    return any(link not in own for link in LINKS_PRINTING(heading, text=" ".join(text.split())))


def _in_list_item(heading: etree._Element) -> bool:
    """Is the heading an entry of a list (``<li><h3><a>联系我们</a></h3></li>``, a menu)?"""
    parent = heading.getparent()
    return parent is not None and (parent.tag == "li" or (
        parent.tag == "a" and parent.getparent() is not None and parent.getparent().tag == "li"))


def _inside_link(heading: etree._Element) -> bool:
    """Is the heading inside a link (a teaser, a share button's pop-up)?"""
    return any(ancestor.tag == "a" for ancestor in heading.iterancestors())


#: Tags an emphasised headline is printed with, on pages whose ``<title>`` does not name it.
EMPHASIS_TAGS = frozenset({"b", "strong", "font", "big"})
BLOCKS_OF_A_HEADLINE = frozenset({"p", "div", "td", "center", "span", "font", "b", "strong"})
#: The text starts at the first text node this long: a headline comes before it.
TEXT_START_CHARS = 50
MAX_EMPHASISED_TITLE = 80


def emphasised_before_text(root: etree._Element) -> tuple[str, etree._Element] | None:
    """The last emphasised short block before the article's text starts: centered, or all in
    bold or a ``<font>`` (``<p align=center><font><strong>犬儒病(上)</strong></font></p>``). For
    pages from before headings were tags, whose ``<title>`` is the site's (``显示``,
    ``谢谢您访问…``) or missing. Never a link, page furniture, or a line with a date or label."""
    body = root.find("body")
    if body is None:
        return None
    found: tuple[str, etree._Element] | None = None
    for event, node in etree.iterwalk(body, events=("start", "end")):
        if event == "end":  # the text may start in a tail (<p><strong>大公网</strong>怀化…讯)
            if node.tail and len(node.tail.strip()) >= TEXT_START_CHARS:
                break
            continue
        if not isinstance(node.tag, str):
            continue
        if node.text and len(node.text.strip()) >= TEXT_START_CHARS:
            break
        if node.tag not in BLOCKS_OF_A_HEADLINE or not _emphasised(node):
            continue
        text = text_of(node)
        if 4 <= len(text) <= MAX_EMPHASISED_TITLE and not in_link(node) and \
                could_be_headline(text) and not META_AFTER_BREAK.search(text) and \
                not BRACKETED_LABEL_RE.match(text) and not _in_meta_line(node, text):
            found = (text, node)
    return found


def _in_meta_line(node: etree._Element, text: str) -> bool:
    """Is ``node`` a value printed in bold inside a dated meta line (``时间：2019/9/27 15:58:31
    | 来源：<b>大公网湖南</b>``)?"""
    parent = node.getparent()
    line = text_of(parent) if parent is not None else text
    return line != text and FULL_DATE_RE.search(line) is not None


#: A label in brackets opening the text in bold (``<strong>[编者按]</strong>``, ``【导读】``).
BRACKETED_LABEL_RE = re.compile(r"^[\[【〔(（][^\]】〕)）]{1,8}[\]】〕)）]$")


def headline_atop(lines: list[str]) -> str | None:
    """The text's first line when it is a headline over a date line (``強烈大陸冷氣團明發威`` /
    ``2014/12/11 18:58 報導`` / text): the universal shape of an article's top, for pages
    where neither ``<title>`` (the site's name) nor any element marks the headline."""
    if len(lines) < 3:
        return None
    first = lines[0].strip()
    if not 4 <= len(first) <= MAX_EMPHASISED_TITLE or first.endswith(("。", "！", "？", ".")):
        return None
    date = FULL_DATE_RE.match(lines[1].strip())
    return first if date is not None and could_be_headline(first) else None


def _emphasised(node: etree._Element) -> bool:
    """Centered, or its text all inside one bold/font element."""
    style = (node.get("style") or "").replace(" ", "").lower()
    if (node.get("align") or "").lower() == "center" or "text-align:center" in style:
        return bool(text_of(node))
    if node.tag in EMPHASIS_TAGS:
        return True
    inner = [child for child in node if isinstance(child.tag, str) and child.tag != "br"]
    return len(inner) == 1 and inner[0].tag in EMPHASIS_TAGS and \
        text_of(inner[0]) == text_of(node) and not (node.text or "").strip()


def labelled_headline(
    root: etree._Element, index: PageIndex,
) -> tuple[str, etree._Element | None] | None:
    """The headline a forum or BBS prints after its label (央视论坛's ``<b>主题：</b> 你知道…``,
    饮水思源's ``标  题: [最新]…``) when a date follows within the header: the page's
    ``<title>`` there names only the board. The label's element is the header's start, unless
    the label's line is inside a block of header lines (the BBS's ``<pre>``, whose writer is
    printed above it): the header is then not moved."""
    if not index.may_contain("题:", "题："):
        return None
    for text in _LABEL_TEXTS(root)[:MAX_LABEL_TEXTS]:
        match = LABELLED_TITLE_RE.search(text)
        if match is None:
            continue
        owner = text.getparent()
        title = match.group("title").strip()
        if not title and owner is not None and not text.is_tail:
            title = (owner.tail or "").strip().split("\n")[0].strip()  # <b>主题：</b> 标题
        if owner is None or not 4 <= len(title) <= MAX_TITLE_LENGTH or \
                not could_be_headline(title):
            continue
        after = text[match.end():] + " " + header_zone(owner, LABELLED_DATE_REACH)
        if FULL_DATE_RE.search(after[:LABELLED_DATE_REACH]):
            return title, None if text.is_tail else owner
    return None

