"""The article body: pick the container, strip the furniture in it, serialise it as lines.

The container comes from the profile's selectors, then the DedeCms rules
(``rules.BODY_CONTAINERS``), then the structural scorer (``scoring.py``) for templates nobody
described. Inside it, boxes that are never text (digg, share, pagination, prev/next, ads) are
removed by class/id, link lists by link density, and the ``(责任编辑：…)`` note is taken
out of the text and kept as the editor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import etree

from newscrawler.extract import rules
from newscrawler.extract.index import PageIndex
from newscrawler.extract.profile import Profile
from newscrawler.extract.scoring import final_score, link_density, rank
from newscrawler.extract.text import (
    SPACE_RE,
    all_text,
    block_lines,
    class_and_id,
    collapse,
    hidden_by_style,
    remove_keep_tail,
    visible_length,
)

#: A rule container must hold at least this much non-link text to be believed.
MIN_RULE_TEXT = 20
#: ... and no more links than this (a generic ``div.content`` can be a page wrapper).
MAX_RULE_LINK_DENSITY = 0.35
#: A rule container unrelated to the scorer's pick must score this share of the pick's score.
RULE_SCORE_RATIO = 0.8
LINK_LIST_TAGS = frozenset({"ul", "ol", "dl", "div", "table", "p", "section"})
#: Lists and boxes inside the body with at least this link density are "related links".
LINK_LIST_DENSITY = 0.6
EDITOR_LINE_RE = re.compile(
    r"^[(（\[【]?\s*(?:责任编辑|责编|编辑)\s*[:：︰]\s*(?P<name>[^)）\]】]{1,30}?)\s*[)）\]】]?$"
)


@dataclass
class Body:
    """What the body step found: text lines, image URLs, the editor note, the container."""

    lines: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    editor: str | None = None
    containers: list[etree._Element] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _length(node: etree._Element) -> int:
    return visible_length(all_text(node))


def _plausible(node: etree._Element) -> bool:
    if _length(node) < MIN_RULE_TEXT and node.find(".//img") is None:
        return False
    return link_density(node) <= MAX_RULE_LINK_DENSITY


def find_containers(
    root: etree._Element, index: PageIndex, profile: Profile
) -> list[etree._Element]:
    """Body container(s): profile selectors, then DedeCms rules, then structure."""
    for xpath in profile.xpaths("body_selectors"):
        found = [n for n in xpath(root) if isinstance(n, etree._Element)]
        if found:
            return [max(found, key=_length)]
    ruled = None
    for selector in rules.BODY_CONTAINERS:
        found = [n for n in index.select(selector) if _plausible(n)]
        if found:
            ruled = max(found, key=_length)
            break
    scored, top_score, raw = rank(root)
    scored = [n for n in scored if not _is_summary(n)]
    if ruled is None:
        return scored
    return [ruled] if _agrees(ruled, scored, top_score, raw) else scored


def _is_summary(node: etree._Element) -> bool:
    """Is the node the summary box (``div.intro``) by its own class or id?"""
    return _names_summary(class_and_id(node))


def _names_summary(names: str) -> bool:
    return bool(names) and any(token in rules.SUMMARY_TOKENS for token in names.split())


def _agrees(
    ruled: etree._Element, scored: list[etree._Element], top_score: float,
    raw: dict[etree._Element, float],
) -> bool:
    """Does the rule's container hold the text the scorer found (or score nearly as well)?

    Class names like ``content`` are common on every kind of site; on a page that is not a
    DedeCms template the rule may hit a sidebar box. The rule wins when it contains, or is
    inside, what the structural scorer picked, or scores nearly as well on the same scale.
    """
    if not scored:
        return True
    for node in scored:
        if node is ruled or _is_descendant(node, ruled) or _is_descendant(ruled, node):
            return True
    return final_score(ruled, raw) >= RULE_SCORE_RATIO * top_score


def _is_noise(node: etree._Element, names: str) -> bool:
    """Furniture by its tag, its class or id (``names``) or a hidden style."""
    if node.tag in rules.NOISE_TAGS:
        return True
    if names and rules.NOISE_ATTR_RE.search(names.strip()):
        return True
    return hidden_by_style(node)


def clean_container(
    container: etree._Element, exclude: list[etree._Element], profile: Profile
) -> None:
    """Remove furniture inside the body container, in place."""
    total = max(_length(container), 1)
    doomed: list[etree._Element] = []
    for xpath in profile.xpaths("remove_selectors"):
        doomed.extend(n for n in xpath(container) if isinstance(n, etree._Element))
    doomed.extend(n for n in exclude if n is not None and n is not container
                  and _is_descendant(n, container))
    stack = list(reversed(container))
    while stack:  # depth-first, not descending into what is already doomed
        node = stack.pop()
        if not isinstance(node.tag, str):
            continue
        names = class_and_id(node)
        if (_is_noise(node, names) or _names_summary(names)) and _length(node) < 0.5 * total:
            doomed.append(node)
        elif node.tag in LINK_LIST_TAGS and _is_link_list(node, total):
            doomed.append(node)
        elif len(node):
            stack.extend(reversed(node))
    for node in doomed:
        if node.getparent() is not None and not _is_descendant(container, node):
            remove_keep_tail(node)


def _is_descendant(node: etree._Element, ancestor: etree._Element) -> bool:
    parent = node.getparent()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.getparent()
    return False


def _is_link_list(node: etree._Element, total: int) -> bool:
    anchors = node.iter("a")
    if next(anchors, None) is None or next(anchors, None) is None:
        return False
    length = _length(node)
    return length < 0.5 * total and link_density(node) >= LINK_LIST_DENSITY


def clean_lines(lines: list[str], title: str | None) -> tuple[list[str], str | None]:
    """Drop furniture lines and the editor note; return (lines, editor)."""
    editor = None
    kept: list[str] = []
    for line in lines:
        note = rules.EDITOR_NOTE_RE.search(line)
        if note:
            editor = editor or collapse(note.group("name")) or None
            line = collapse(rules.EDITOR_NOTE_RE.sub("", line))
        line = collapse(rules.PAGEBREAK_MARK_RE.sub("", line))
        match = EDITOR_LINE_RE.match(line)
        if match:
            editor = editor or collapse(match.group("name")) or None
            continue
        if not line or rules.NOISE_LINE_RE.match(line):
            continue
        kept.append(line)
    if kept and title and collapse(kept[0]) == collapse(title):
        kept.pop(0)
    return kept, editor


def body_images(containers: list[etree._Element], base_url: str) -> list[str]:
    """Absolute http(s) URLs of the images in the body, in order, without repeats."""
    seen: dict[str, None] = {}
    for container in containers:
        for img in container.iter("img"):
            for attr in rules.IMAGE_ATTRS:
                src = (img.get(attr) or "").strip()
                if src and not src.startswith("data:"):
                    break
            else:
                continue
            try:
                absolute = urljoin(base_url, SPACE_RE.sub("", src))
            except ValueError:
                continue
            if absolute.startswith(("http://", "https://")):
                seen.setdefault(absolute, None)
    return list(seen)


def extract_body(
    containers: list[etree._Element],
    base_url: str,
    profile: Profile,
    *,
    title: str | None = None,
    exclude: list[etree._Element] | None = None,
) -> Body:
    """Clean and serialise the body containers (``find_containers``); modifies the tree.

    A container that is (inside) an excluded element, such as the meta line the scorer may
    pick on a page whose body container is empty, is no body.
    """
    exclude = exclude or []
    containers = [c for c in containers
                  if not any(c is n or _is_descendant(c, n) for n in exclude)]
    if not containers:
        return Body()
    lines: list[str] = []
    for container in containers:
        clean_container(container, exclude, profile)
        lines.extend(block_lines(container))
    lines, editor = clean_lines(lines, title)
    return Body(lines, body_images(containers, base_url), editor, containers)
