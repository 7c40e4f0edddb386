"""Text out of lxml elements: whitespace rules and block-to-line serialisation.

One place decides what a "line" of body text is (a paragraph, a heading, a list item, a ``<br>``
break), so the body, the meta line and the tests all agree on it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

#: Whitespace as news pages use it: ASCII, U+3000 ideographic space, &nbsp;, zero-width ones.
SPACE_RE = re.compile(r"[\s\u3000\xa0\u200b\u200c\u200d\u2060\ufeff]+")
#: Zero-width characters, which ``str.split()`` does not count as whitespace.
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")

#: Elements that start a new line of text.
BLOCK_TAGS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr",
     "table", "tbody", "thead", "tfoot", "center", "blockquote", "section", "article", "pre",
     "figure", "figcaption", "header", "footer", "main", "aside", "nav", "hr", "address",
     "caption", "form", "fieldset", "details", "summary", "body", "html", "td", "th"}
)


def collapse(text: str | None) -> str:
    """Collapse every run of whitespace (incl. U+3000 and &nbsp;) to one space and strip."""
    if not text:
        return ""
    for char in ZERO_WIDTH:  # replace() and `in` run in C; translate() with a dict does not
        if char in text:
            text = text.replace(char, " ")
    return " ".join(text.split())  # str.split() knows U+3000 and &nbsp;


_COMPARE_DROP_RE = re.compile(r"[\s\W_]+", re.UNICODE)


def compare_key(text: str) -> str:
    """Text as headlines are compared: no whitespace, no punctuation, lower case."""
    return _COMPARE_DROP_RE.sub("", text).lower()


def visible_length(text: str) -> int:
    """Number of non-whitespace characters (what text-density measures count)."""
    return len("".join(text.split()))


def _is_element(node: object) -> bool:
    return isinstance(getattr(node, "tag", None), str)


def all_text(element: etree._Element) -> str:
    """All text under an element, as ``"".join(element.itertext())`` gives it (no tail of the
    element itself), serialised by libxml2 in C: three times faster on a page's containers,
    which the scorer and the cleaner measure over and over."""
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


def text_of(element: etree._Element) -> str:
    """All text under an element (no tails of the element itself), whitespace collapsed."""
    try:
        return collapse(all_text(element))
    except (ValueError, TypeError):
        return ""


def printed_before(
    node: etree._Element, text: Callable[[etree._Element], str] = text_of,
) -> etree._Element | None:
    """The element before ``node`` that prints something by ``text`` (``text_of``, or
    ``shown_text_of`` to pass over what a style hides): not a comment, an empty anchor or a
    ``<meta>``."""
    before = node.getprevious()
    while before is not None and not (isinstance(before.tag, str) and text(before)):
        before = before.getprevious()
    return before


def shown_text_of(element: etree._Element) -> str:
    """``text_of`` without the text of descendants a style or a hiding class hides: a
    headline ``<div>`` holding a hidden ``<div style="display:none">0</div>`` flag shows the
    headline alone, 福布斯中文网's date line ``<span class="view hide">1859</span><span>
    2019年10月14日</span>`` the date alone."""
    if element.find(".//*[@style]") is None and element.find(".//*[@class]") is None:
        return text_of(element)
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text and _is_element(node):
            parts.append(node.text)
        for child in node:
            if _is_element(child) and not hidden_by_style(child) and \
                    not HIDING_CLASSES.intersection((child.get("class") or "").lower().split()):
                walk(child)
            if child.tail:
                parts.append(child.tail)
    walk(element)
    return collapse("".join(parts))


def in_hidden(element: etree._Element) -> bool:
    """Is the element, or any element around it, hidden by its style? Templates keep copies of
    the headline and the date for their statistics scripts in ``display:none`` blocks (TRS's
    网脉 ``<div id="NewsArticleTitle" style="display:none">``): no reader sees them."""
    if hidden_by_style(element):
        return True
    return any(hidden_by_style(ancestor) for ancestor in element.iterancestors())


def in_link(element: etree._Element) -> bool:
    """Is ``element`` a link, inside one, or holding one? Lists and "related" boxes name
    articles through links; a page prints its own headline as plain text. An ``<a>`` without
    ``href`` links nowhere (HTML's placeholder link): 椰视频 prints its headline in one."""
    if _is_link(element) or element.find(".//a[@href]") is not None:
        return True
    return any(_is_link(ancestor) for ancestor in element.iterancestors())


def _is_link(element: etree._Element) -> bool:
    return element.tag == "a" and element.get("href") is not None


def class_and_id(element: etree._Element) -> str:
    """The element's class and id, lower-cased, as one string ("" for the many elements that
    have neither: most tests of a page's furniture by name stop there)."""
    cls, ident = element.get("class"), element.get("id")
    return f"{cls or ''} {ident or ''}".lower() if cls or ident else ""


def hidden_by_style(element: etree._Element) -> bool:
    """Does the element's own style hide it (``display:none``, ``visibility:hidden``, or
    ``font-size:0``, the SEO heading that holds the ``<title>``'s words)? Hidden text is not
    what a reader sees, neither in the body nor as the headline."""
    style = element.get("style")
    if not style:
        return False
    style = style.replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style or \
        HIDING_FONT_SIZE_RE.search(style) is not None


def hidden_by_class(element: etree._Element, depth: int = 4) -> bool:
    """Is the element, or one of its ``depth`` nearest ancestors, hidden by a class that themes
    and CSS frameworks use for that (Avada's ``vcard rich-snippet-hidden`` around the
    uploader's account, Bootstrap's ``d-none`` and ``sr-only``)?"""
    node: etree._Element | None = element
    for _ in range(depth + 1):
        if node is None:
            return False
        if HIDING_CLASSES.intersection((node.get("class") or "").lower().split()):
            return True
        node = node.getparent()
    return False


#: Class names that hide what they are on (not ``overflow-hidden``, which clips).
HIDING_CLASSES = frozenset({"hidden", "rich-snippet-hidden", "visually-hidden", "sr-only",
                            "screen-reader-text", "d-none", "hide", "is-hidden"})
#: ``font-size:0``, ``font-size:0px`` (not ``font-size:0.8em``).
HIDING_FONT_SIZE_RE = re.compile(r"font-size:0(?:px|pt|em|rem)?(?:;|$|!)")


def block_lines(element: etree._Element) -> list[str]:
    """The element's text as lines: one per paragraph, heading, list item or ``<br>`` run.

    Whitespace inside a line is collapsed; empty lines are dropped. Nested blocks
    (``<p><p>…</p></p>``) give one line per innermost run of text, not duplicates.
    """
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            line = collapse("".join(current))
            if line:
                lines.append(line)
            current.clear()

    for event, node in etree.iterwalk(element, events=("start", "end")):
        tag = node.tag if _is_element(node) else None
        if event == "start":
            if tag is None:
                continue
            if tag == "br" or tag in BLOCK_TAGS:
                flush()
            if node.text and tag is not None:
                current.append(node.text)
        else:
            if tag in BLOCK_TAGS:
                flush()
            elif tag == "td" or tag == "th":
                current.append(" ")
            if node is not element and node.tail:
                current.append(node.tail)
    flush()
    return lines


def remove_keep_tail(element: etree._Element) -> None:
    """Remove an element from its tree, keeping the text that follows it (its tail)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)
