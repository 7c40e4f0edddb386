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
_WITH_CLASS = etree.XPath("//*[@class]")
_WITH_ID = etree.XPath("//*[@id]")


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


class PageIndex:
    """Class-token and id index of a tree, in document order."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.by_class: dict[str, list[etree._Element]] = {}
        self.by_id: dict[str, list[etree._Element]] = {}
        for node in _WITH_CLASS(root):  # XPath selects in C; Python only sees tagged elements
            for token in node.get("class").split():
                self.by_class.setdefault(token, []).append(node)
        for node in _WITH_ID(root):
            self.by_id.setdefault(node.get("id"), []).append(node)

    def _first_part(self, part: Part) -> list[etree._Element]:
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
