"""Where a page's header is: the text right after the headline, where its date, source and
byline are printed.

``header_zone`` is that text (a few hundred characters, crossing elements in document order);
``zone_after`` starts it at the meta line a heading holds inside itself (``split_at_meta_line``,
which gives ``title.py`` the headline before it); ``header_date`` finds the date in it,
printed year first or in another form. ``meta.py`` reads the fields there,
``author_choice.py`` the writers, ``title.py`` confirms a headline by it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from newscrawler.extract import rules
from newscrawler.extract.dates import (
    DMY_DATE_RE,
    EN_DATE_RE,
    ENGLISH_MONTH_RE,
    FULL_DATE_RE,
    MONTH_WORD_FIRST_RE,
)
from newscrawler.extract.text import class_and_id, collapse, compare_key, text_of

#: How much text after the heading is searched for the meta line.
HEADER_ZONE_CHARS = 300
WHITESPACE_RUN_RE = re.compile(r"\s{2,}")
#: How near Han text a date printed in English must be to be a Chinese header's.
EN_DATE_HAN_CHARS = 40
_HAN_RE = re.compile("[\u4e00-\u9fff]")


def header_date(zone: str) -> re.Match[str] | None:
    """Where the header's date is, in any form it prints, Han text around it or not (a title
    confirmed by the ``20 Feb 2019`` under it)."""
    return FULL_DATE_RE.search(zone) or date_in_another_form(zone, among_han=False)


def date_in_another_form(zone: str, among_han: bool = True) -> re.Match[str] | None:
    """The header's date when it is not printed year first, as the place its bylines are read
    around: month first with a Chinese month word (``孙淑敏 8月 20, 2017``, Hexo), year last
    (``yyshino 6/18/2023``, VuePress), or in English (``专访 | 苏有慧 August 14, 2020``,
    Malaysian and Singaporean WordPress themes), the last two only among Han text: an
    English page's header has its own forms (``By X Published 5:00 PM EST``)."""
    found = MONTH_WORD_FIRST_RE.search(zone[:OTHER_FORM_REACH])
    if found:
        return found
    match = DMY_DATE_RE.search(zone[:OTHER_FORM_REACH]) or \
        (EN_DATE_RE.search(zone) if ENGLISH_MONTH_RE.search(zone) else None)
    if match and (not among_han or _HAN_RE.search(
            zone, max(0, match.start() - EN_DATE_HAN_CHARS), match.end() + EN_DATE_HAN_CHARS)):
        return match
    return None


#: How far into the header a date printed month or day first is looked for.
OTHER_FORM_REACH = 80


def header_zone(
    heading: etree._Element | None, limit: int = HEADER_ZONE_CHARS,
    measure: Callable[[str], int] = len,
) -> str:
    """The first ``limit`` characters of text that follow the heading in document order, web
    addresses cut to their hosts (``without_paths``).

    An element with no text at all between the heading and the meta line (a share bar of
    icon links, rfi) adds nothing, however much indentation its source has. The zone ends at
    a comment box (``is_comment_box``): on a page whose text is shorter than the zone, its
    commenters' names and dates would otherwise pass for the byline."""
    if heading is None:
        return ""
    parts: list[str] = []
    size = 0
    node = heading
    while node is not None and size < limit:
        if node.tail:
            parts.append(node.tail)
            size += measure(node.tail)
        for sibling in node.itersiblings():
            if size >= limit:
                break
            if not isinstance(sibling.tag, str):
                continue
            if is_comment_box(sibling):
                size = limit
                break
            empty = all(text.isspace() for text in sibling.itertext())  # stops at a letter
            for text in () if empty else sibling.itertext():
                parts.append(text)
                size += measure(text)
                if size >= limit:
                    break
            if sibling.tail:
                parts.append(sibling.tail)
                size += measure(sibling.tail)
        node = node.getparent()
    return without_paths(collapse(" ".join(parts))[:limit])


def is_comment_box(element: etree._Element) -> bool:
    """Is the element a box of readers' comments (a class or id token starting with one of
    ``rules.COMMENT_BOX_PREFIXES``: ``comments``, ``comment-list``, ``pinglun``)?"""
    attrs = class_and_id(element)
    return attrs != "" and COMMENT_HINT_RE.search(attrs) is not None and \
        any(token.startswith(rules.COMMENT_BOX_PREFIXES) for token in attrs.split())


def in_comment_box(element: etree._Element) -> bool:
    """Is the element inside a box of readers' comments? A reply quoting another there prints
    ``发表于 2016-3-13 23:02 的评论`` in a ``div.info`` of its own (linux.cn): a reader's time."""
    return any(is_comment_box(ancestor) for ancestor in element.iterancestors())


#: Any of the comment box prefixes, anywhere: one search before the tokens are split.
COMMENT_HINT_RE = re.compile("|".join(rules.COMMENT_BOX_PREFIXES))


def split_at_meta_line(heading: etree._Element | None) -> tuple[str, etree._Element] | None:
    """(the headline, the child that opens the meta line), when a heading holds its meta line
    without a ``<br>`` (上海市政府's ``<h2>标题<small>2023-08-19<span>来源：解放日报</span>
    </small><div>字号：大 中 小</div></h2>``): a child starting with a full date or a labelled
    value, after a headline of some length. The header starts there, not after the heading."""
    if heading is None or not len(heading):
        return None
    parts = [heading.text or ""]
    for child in heading:
        if not isinstance(child.tag, str):
            continue
        printed = text_of(child)
        if META_CHILD_RE.match(printed):
            head = " ".join(parts)
            return (collapse(head), child) if len(compare_key(head)) >= MIN_HEAD_BEFORE_META \
                else None
        parts.append(printed + (child.tail or ""))
    return None


#: A child of the heading that opens the meta line: a full date, or a label and its colon;
#: and how long the headline before it is at least.
META_CHILD_RE = re.compile(
    r"\s*(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|"
    r"(?:来源|作者|发布时间|发布日期|时间|日期)\s*[:：])")
MIN_HEAD_BEFORE_META = 6


def zone_after(heading: etree._Element | None) -> str:
    """The header after the heading, or from the meta line the heading holds."""
    split = split_at_meta_line(heading)
    if split is not None:
        child = split[1]
        zone = collapse(text_of(child) + " " + header_zone(child))[:HEADER_ZONE_CHARS]
        return without_paths(zone)
    return header_zone(heading) or header_zone(heading, measure=squeezed_length)


def without_paths(zone: str) -> str:
    """``zone`` with each web address cut to its host. A header printing where a translation
    was taken from (linux.cn's ``编译自：http://www.theregister.co.uk/2016/02/23/intel…``)
    prints no date of its own in that path, nor anybody's name."""
    return ADDRESS_RE.sub(r"\g<host>", zone) if "http" in zone or "www." in zone else zone


#: A web address printed in the text, and its host.
ADDRESS_RE = re.compile(r"(?P<host>(?:https?://|www\.)[\w.-]+)[^\s\u3000]*", re.IGNORECASE)


def squeezed_length(text: str) -> int:
    """The length of ``text`` with each run of whitespace counted once."""
    return len(WHITESPACE_RUN_RE.sub(" ", text))
