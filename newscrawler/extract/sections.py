"""The sections a page files the article under, from its breadcrumb trail.

The trail is found by a profile's selectors, by its label (``当前位置：``, ``您的位置``) or by the
class names templates give it (``rules.BREADCRUMB_SELECTORS``); its links below the home page
are the sections, outermost first. A trail that swallowed the rest of the page (an unclosed
tag) is cut to its start (``trail_of``).
"""

from __future__ import annotations

import re
from copy import deepcopy
from urllib.parse import urlsplit

from lxml import etree

from newscrawler.extract import rules
from newscrawler.extract.index import PageIndex
from newscrawler.extract.profile import Profile
from newscrawler.extract.text import BLOCK_TAGS, collapse, text_of

#: Text naming the reader's place (``当前位置：``), where a trail without a class starts.
BREADCRUMB_TEXT_XPATH = etree.XPath("//text()[contains(., '位置')]")
#: Breadcrumb elements longer than this hold more than the trail.
MAX_BREADCRUMB_TEXT = 300
#: Paths of a site's home page, the trail's first link, which names no section.
HOME_PATHS = frozenset({"", "/", "/index.html", "/index.htm", "/index.php", "/index.shtml", "//"})


def _breadcrumb_elements(
    root: etree._Element, index: PageIndex, profile: Profile
) -> list[etree._Element]:
    found: list[etree._Element] = []
    for xpath in profile.xpaths("section_selectors"):
        found.extend(n for n in xpath(root) if isinstance(n, etree._Element))
    texts = []
    if index.may_contain("位置"):
        texts = [t for t in BREADCRUMB_TEXT_XPATH(root)
                 if any(w in t for w in rules.BREADCRUMB_WORDS)]
    for text in texts[:3]:
        node = text.getparent()
        if node is None:
            continue
        if node.tag in ("strong", "span", "small", "b", "em", "font", "label", "i") and \
                node.getparent() is not None:
            node = node.getparent()
        found.append(node)
    found.extend(index.select_any(rules.BREADCRUMB_SELECTORS, limit=3))
    return found


def is_home(href: str | None, relative: bool = False) -> bool:
    """Does ``href`` lead to the site's home page? With ``relative``, ``index.html`` and
    ``./`` count too (a site copy's masthead links its home page relatively)."""
    if href is None:
        return False
    try:
        path = urlsplit(href.strip()).path
    except ValueError:
        return False
    if relative and not path.startswith("/"):
        path = "/" + path.lstrip("./")
    return path in HOME_PATHS


def section_names(node: etree._Element) -> list[str]:
    """Category names in a breadcrumb element, outermost first, without home or labels."""
    anchors = [a for a in node.iter("a") if a.find(".//a") is None]
    names: list[str] = []
    if anchors:
        for index, anchor in enumerate(anchors):
            name = rules.BREADCRUMB_LABEL_RE.sub("", text_of(anchor))
            if index == 0 and is_home(anchor.get("href")):
                continue
            if name not in rules.BREADCRUMB_SKIP:
                names.append(name)
        return names
    text = rules.BREADCRUMB_LABEL_RE.sub("", text_of(node))
    dangling = bool(rules.BREADCRUMB_SPLIT_RE.search(text[-2:])) if text else False
    for part in rules.BREADCRUMB_SPLIT_RE.split(text):
        part = collapse(part)
        if part and part not in rules.BREADCRUMB_SKIP:
            names.append(part)
    if len(names) > 1 and not dangling:
        names.pop()  # a trail without a dangling ">" ends with the page itself
    return names


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def trail_of(node: etree._Element) -> etree._Element:
    """A detached copy of the breadcrumb trail at the start of ``node``: its text and inline
    children up to the first block element.

    For a breadcrumb that swallowed the rest of the page: with its ``</div>`` missing (or
    any unclosed tag), the parser nests everything after the trail inside it.
    """
    trail = etree.Element(node.tag)
    # the parser keeps control characters that lxml's API refuses to set: drop them
    trail.text = _NOT_XML.sub("", node.text) if node.text else node.text
    for child in node:
        if isinstance(child.tag, str) and child.tag in BLOCK_TAGS:
            break
        trail.append(deepcopy(child))  # with its tail: the ">" after an anchor
    return trail


def extract_section(
    root: etree._Element, index: PageIndex, profile: Profile
) -> tuple[list[str], etree._Element | None]:
    """(breadcrumb names below home, breadcrumb element or None).

    A breadcrumb element too long to be one is cut to the trail at its start (``trail_of``),
    which must have a separator (``>``); the element returned is then that detached copy, so
    nothing of the page is excluded from the body.
    """
    for node in _breadcrumb_elements(root, index, profile):
        if len(text_of(node)) > MAX_BREADCRUMB_TEXT:
            node = trail_of(node)
            text = text_of(node)
            if len(text) > MAX_BREADCRUMB_TEXT or not rules.BREADCRUMB_SPLIT_RE.search(text):
                continue  # not a trail of sections either
        names = [n for n in section_names(node) if len(n) <= 40]
        if names:
            return names, node
    return [], None
