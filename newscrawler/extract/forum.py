"""The writer of a forum thread's first post: the poster its user card names.

Forum software (Discuz!, phpwind, SpaceBuilder, Yahoo's 雅虎社区) prints each post in a row
whose side cell is the poster's card: the name first, then an avatar and the account's
standing (``等级：``, ``积分：235``, ``发帖：2``, ``注册日期：``). The first post is marked
``楼主`` (the thread's starter). Its card is the nearest one around the marker, printed
before it (a card after it is a reply's), and its first text is the name. Nothing here runs
on a page that never prints ``楼主``.
"""

from __future__ import annotations

import re

from lxml import etree

from newscrawler.extract import rules
from newscrawler.extract.index import PageIndex
from newscrawler.extract.names import signed_name
from newscrawler.extract.text import visible_length

#: Text nodes that mark the thread's first post.
_STARTER = etree.XPath("//body//text()[contains(., $marker)]")
#: Levels climbed from the marker to the post that holds the card.
POST_DEPTH = 8
#: How many of a card's labels of standing it must print, at least.
MIN_STANDING_LABELS = 2
_STANDING_RE = re.compile("|".join(rules.FORUM_STANDING_LABELS))
#: The most characters a user card prints (whitespace not counted).
MAX_CARD_TEXT = 200


def first_poster(root: etree._Element, index: PageIndex) -> str | None:
    """The name on the user card of the post marked ``楼主``, if the page is such a thread."""
    if not index.may_contain(rules.FORUM_STARTER_MARK):
        return None
    for text in _STARTER(root, marker=rules.FORUM_STARTER_MARK)[:3]:
        if len(text.strip()) > len(rules.FORUM_STARTER_MARK) + 2:
            continue  # a sentence using the word, not the floor's mark
        mark = post = text.getparent()
        for _ in range(POST_DEPTH):
            if post is None:
                break
            card = _user_card(post)
            if card is not None:  # the starter's card comes before the post it marks
                return _name_on(card) if _before(card, mark) else None
            post = post.getparent()
    return None


def _before(element: etree._Element, other: etree._Element) -> bool:
    """Does ``element`` start before ``other`` in document order?"""
    for node in element.getroottree().iter():
        if node is element:
            return True
        if node is other:
            return False
    return False


def _user_card(post: etree._Element) -> etree._Element | None:
    """The innermost element of the post printing the account's standing, if any."""
    found = None
    for element in post.iter("td", "div", "dl", "ul"):
        text = "".join(element.itertext())
        if visible_length(text) <= MAX_CARD_TEXT and \
                len(set(_STANDING_RE.findall(text))) >= MIN_STANDING_LABELS:
            found = element  # document order: keep the innermost of a nested run
        elif found is not None:
            break
    return found if found is not None and _card_top(found) is not None else None


def _card_top(card: etree._Element) -> str | None:
    for text in card.itertext():
        if text.strip():
            return text.strip()
    return None


def _name_on(card: etree._Element) -> str | None:
    """The card's name: its first text, or the first text of the box above its standing."""
    box = card
    for _ in range(3):  # the name may sit in the card's own first cell, above the stats
        top = _card_top(box)
        if top and not _STANDING_RE.search(top):
            return signed_name(top)
        parent = box.getparent()
        if parent is None:
            break
        box = parent
    return None
