"""One pass over the page that answers every "elements with class X / id Y" question afterwards.

The rules in ``rules.py`` are simple selectors (``div.content``, ``#source``, ``.info``,
``div.content td:leaf``). Evaluating each of them as an XPath class predicate walks the whole page
again, dozens of times per page, and that was most of the extraction time; indexing class tokens
and ids in one walk makes each lookup a dictionary access.

Selector grammar (a deliberately small subset of CSS): parts separated by spaces (descendant),
each part ``tag``, ``.class`` (any number), ``#id`` or ``*`` combined, with an optional ``:leaf``
(no descendant with the same tag, e.g. the innermost ``td`` of nested tables).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

_PART_RE = re.compile(r"^(?P<tag>[a-zA-Z0-9*]+)?(?P<rest>(?:[.#][\w-]+)*)(?P<leaf>:leaf)?$")
_TOKEN_RE = re.compile(r"([.#])([\w-]+)")
#: Every class / id attribute value of a tree (strings that know their element): an XPath
#: without predicates is cheap, unlike one that tests each element.
CLASS_VALUES = etree.XPath("//@class")
ID_VALUES = etree.XPath("//@id")
CJK_LEAD_BYTES = tuple(bytes([b]) for b in range(0xE3, 0xEA))


@dataclass(frozen=True)
class Part:
    tag: str | None
    classes: tuple[str, ...]
    id: str | None
    leaf: bool

    def matches(self, node: etree._Element) -> bool:
        if self.tag is not None and node.tag != self.tag:
            return False
        if self.id is not None and node.get("id") != self.id:
            return False
        if self.classes:
            tokens = (node.get("class") or "").split()
            if not all(name in tokens for name in self.classes):
                return False
        if self.leaf and node.find(f".//{node.tag}") is not None:
            return False
        return True


@lru_cache(maxsize=512)
def parse_selector(selector: str) -> tuple[Part, ...]:
    """Parse a simple selector; ValueError for anything outside the small grammar."""
    parts = []
    for text in selector.split():
        match = _PART_RE.match(text)
        if not match:
            raise ValueError(f"unsupported selector part {text!r} in {selector!r}")
        tag = match.group("tag")
        classes = tuple(v for k, v in _TOKEN_RE.findall(match.group("rest")) if k == ".")
        ids = [v for k, v in _TOKEN_RE.findall(match.group("rest")) if k == "#"]
        parts.append(Part(None if tag in (None, "*") else tag.lower(), classes,
                          ids[0] if ids else None, bool(match.group("leaf"))))
    if not parts:
        raise ValueError("empty selector")
    return tuple(parts)


def wanted_keys(selectors) -> tuple[frozenset[str], frozenset[str]]:
    """(class tokens, ids) that the first parts of these selectors look up."""
    classes, ids = set(), set()
    for selector in selectors:
        first = parse_selector(selector)[0]
        if first.id is not None:
            ids.add(first.id)
        elif first.classes:
            classes.add(first.classes[0])
    return frozenset(classes), frozenset(ids)


@lru_cache(maxsize=64)
def _encoded(words: tuple[str, ...]) -> tuple[bytes, ...]:
    return tuple(word.encode("utf-8") for word in words)


#: Up to how many words ``may_contain`` searches as one alternation.
MAX_ALTERNATION_WORDS = 2


@lru_cache(maxsize=64)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[bytes]:
    """One pattern finding any of the words in UTF-8 bytes."""
    return re.compile(b"|".join(re.escape(word.encode("utf-8")) for word in words))


class PageIndex:
    """Class-token and id index of a tree, in document order.

    Only the class tokens and ids in ``classes``/``ids`` are indexed (the rules' lookups; pass
    None to index everything): pages carry tens of thousands of class tokens nobody asks for.
    """

    def __init__(self, root: etree._Element, classes: frozenset[str] | None = None,
                 ids: frozenset[str] | None = None, source: bytes | None = None) -> None:
        self.root = root
        #: The page as UTF-8, for cheap "is this word anywhere at all" tests before a search.
        self.source = source
        self._cjk: bool | None = None
        self.complete = classes is None
        self.classes, self.ids = classes, ids
        self.by_class: dict[str, list[etree._Element]] = {}
        self.by_id: dict[str, list[etree._Element]] = {}
        # Attribute strings, not elements: an element proxy is made only for the few matches.
        for value in CLASS_VALUES(root):
            for token in value.split():
                if classes is None or token in classes:
                    self.by_class.setdefault(token, []).append(value.getparent())
        for value in ID_VALUES(root):
            if ids is None or value in ids:
                self.by_id.setdefault(str(value), []).append(value.getparent())

    def may_contain(self, *words: str) -> bool:
        """False only when none of the words occurs anywhere in the page source.

        Searched in the UTF-8 bytes (searching a non-ASCII ``str`` of a few hundred KB for a
        word it lacks costs a third of a millisecond). One or two words are found by one
        compiled alternation, faster than a bytes ``in`` per word; more are found by ``in``,
        word by word: an alternation of Han words that share their lead byte (``作者``, ``撰文``,
        ``撰稿``) stops at every Han character of a Chinese page (283 µs a page on zh-xmu's,
        against 64 µs for three ``in``).
        """
        if self.source is None:
            return True
        if self._cjk is None:  # CJK characters are 3 bytes in UTF-8, led by 0xE3-0xE9
            self._cjk = any(lead in self.source for lead in CJK_LEAD_BYTES)
        wanted = words if self._cjk else tuple(word for word in words if word.isascii())
        if len(wanted) > MAX_ALTERNATION_WORDS:
            return any(word in self.source for word in _encoded(wanted))
        return bool(wanted) and _words_pattern(wanted).search(self.source) is not None

    def _first_part(self, part: Part) -> list[etree._Element]:
        if not self.complete and (
            (part.id is not None and part.id not in self.ids)
            or (part.id is None and part.classes and part.classes[0] not in self.classes)
        ):
            raise KeyError(f"selector part {part} is not indexed")
        if part.id is not None:
            candidates = self.by_id.get(part.id, [])
        elif part.classes:
            candidates = self.by_class.get(part.classes[0], [])
        elif part.tag is not None:
            candidates = list(self.root.iter(part.tag))
        else:
            candidates = list(self.root.iter(etree.Element))
        return [node for node in candidates if part.matches(node)]

    def select(self, selector: str) -> list[etree._Element]:
        """Elements matching a simple selector, in document order, without repeats."""
        parts = parse_selector(selector)
        found = self._first_part(parts[0])
        for part in parts[1:]:
            seen: dict[etree._Element, None] = {}
            for ancestor in found:
                iterator = ancestor.iter(part.tag) if part.tag else ancestor.iter(etree.Element)
                for node in iterator:
                    if node is not ancestor and part.matches(node):
                        seen.setdefault(node, None)
            found = list(seen)
        return found

    def select_any(self, selectors: tuple[str, ...], limit: int | None = None
                   ) -> list[etree._Element]:
        """Matches of several selectors, in the selectors' order, without repeats."""
        seen: dict[etree._Element, None] = {}
        for selector in selectors:
            for node in self.select(selector)[:limit]:
                seen.setdefault(node, None)
        return list(seen)
