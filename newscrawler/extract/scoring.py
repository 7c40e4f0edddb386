"""Find the main text of a page nobody wrote a rule for, by its structure alone.

Article text comes in runs of paragraphs full of punctuation and nearly free of links; page
furniture comes in short, link-heavy snippets. So every paragraph-like node (a ``<p>``, a cell, or
an element with enough text directly inside it, as in ``text<br><br>text`` layouts) scores by its
length and punctuation and hands that score to its parent and, halved, to its grandparent. The
container with the best score, discounted by its link density, holds the article; siblings that
are themselves article-like are kept with it (bodies split over several ``<div>``\\s).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from newscrawler.extract import rules
from newscrawler.extract.text import all_text, class_and_id, visible_length

#: Punctuation that marks running prose (Chinese and Western).
PUNCT_RE = re.compile(r"[，。！？；、,.;!?：:]")
#: Nodes whose own text counts as a paragraph.
PARAGRAPH_TAGS = frozenset({"p", "pre", "td", "blockquote", "li", "dd", "section", "div",
                            "article", "span", "font", "center"})
#: Nodes that may hold the article.
CONTAINER_TAGS = frozenset({"div", "td", "article", "section", "main", "body", "table", "tbody",
                            "center", "font", "span", "blockquote", "p", "dd", "li", "ul"})
#: Ancestors whose text is never article text.
SKIP_ANCESTOR_TAGS = frozenset({"a", "nav", "aside", "footer", "header", "option", "label", "h1",
                                "h2", "h3", "button", "select"})
FURNITURE_TAGS = frozenset({"nav", "aside", "footer"})
#: A paragraph must have at least this many characters (CJK or Latin) to score.
MIN_PARAGRAPH = 12
#: Best raw scores whose link density is computed (the only costly measure).
CANDIDATES = 12
#: How much of a top candidate's score a sibling needs to be kept with it.
SIBLING_RATIO = 0.3
MIN_SIBLING_SCORE = 10.0
SIBLING_MAX_LINK_DENSITY = 0.35


def _direct_text(node: etree._Element) -> str:
    """Text directly inside ``node`` (its text and its children's tails)."""
    parts = [node.text or ""]
    for child in node:
        if child.tail:
            parts.append(child.tail)
    return "".join(parts)


def link_density(node: etree._Element) -> float:
    """Share of the node's text that sits inside links."""
    total = visible_length(all_text(node))
    if not total:
        return 1.0
    linked = sum(visible_length(all_text(a)) for a in node.iter("a"))
    return min(1.0, linked / total)


def _paragraph_score(text: str) -> float:
    length = visible_length(text)
    if length < MIN_PARAGRAPH:
        return 0.0
    return 1.0 + len(PUNCT_RE.findall(text)) + min(length / 40.0, 5.0)


def _in_skipped(node: etree._Element) -> bool:
    parent = node.getparent()
    depth = 0
    while parent is not None and depth < 6:
        if parent.tag in SKIP_ANCESTOR_TAGS:
            return True
        parent = parent.getparent()
        depth += 1
    return False


def score_containers(root: etree._Element) -> dict[etree._Element, float]:
    """Raw (link-blind) scores of the parents and grandparents of paragraph-like nodes."""
    scores: dict[etree._Element, float] = {}
    for node in root.iter(*PARAGRAPH_TAGS):
        if node.tag in ("p", "pre", "blockquote"):
            text = all_text(node)
        else:
            text = _direct_text(node)
        if len(text) < MIN_PARAGRAPH:  # most nodes: no need to count their whitespace
            continue
        score = _paragraph_score(text)
        if not score or _in_skipped(node):
            continue
        parent = node.getparent()
        if node.tag not in ("p", "pre", "blockquote", "span", "font"):
            scores[node] = scores.get(node, 0.0) + score  # text directly inside a div/td
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0.0) + score
        grandparent = parent.getparent()
        if grandparent is not None:
            scores[grandparent] = scores.get(grandparent, 0.0) + score / 2
    return scores


def is_furniture(node: etree._Element, depth: int = 4) -> bool:
    """Is the node a footer, sidebar, comment box …, or inside one (a few levels up)?"""
    attrs = class_and_id(node)
    if node.tag in FURNITURE_TAGS or (attrs and rules.FURNITURE_ATTR_RE.search(attrs)):
        return True
    node = node.getparent()
    while node is not None and depth > 1:
        if node.tag in FURNITURE_TAGS:
            return True
        for token in class_and_id(node).split():
            if token in rules.FURNITURE_ANCESTOR_TOKENS or token.startswith(
                    rules.FURNITURE_ANCESTOR_PREFIXES):
                return True
        node = node.getparent()
        depth -= 1
    return False


def best_container(root: etree._Element) -> list[etree._Element]:
    """The element(s) most likely to hold the article text, in document order ([] if none)."""
    return rank(root)[0]


def rank(root: etree._Element) -> tuple[list[etree._Element], float, dict[etree._Element, float]]:
    """(best element(s), the best's final score, raw scores of all scored elements)."""
    raw = score_containers(root)
    if not raw:
        return [], 0.0, raw
    ranked = sorted(raw.items(), key=lambda item: item[1], reverse=True)[:CANDIDATES]
    final: dict[etree._Element, float] = {}
    best = 0.0
    for node, score in ranked:
        if score <= best:
            break  # a final score never exceeds the raw one: nothing below can win
        if node.tag not in CONTAINER_TAGS or is_furniture(node):
            continue
        final[node] = score * (1.0 - link_density(node))
        best = max(best, final[node])
    if not final:
        return [], 0.0, raw
    top = max(final, key=final.__getitem__)
    return _with_siblings(_climb(top), final[top], raw), final[top], raw


def final_score(node: etree._Element, raw: dict[etree._Element, float]) -> float:
    """A node's score on the scorer's scale (raw score discounted by link density)."""
    score = raw.get(node, 0.0)
    return score * (1.0 - link_density(node)) if score else 0.0


def _climb(top: etree._Element) -> etree._Element:
    """Move up from a wrapper that is its parent's only child with text.

    Templates wrap each block of the body (``<div class=block><div class=text>…``); the
    winner is then one block, and its real siblings, the rest of the body, are its cousins.
    """
    node = top
    while True:
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return node
        if any(c is not node and isinstance(c.tag, str) and _has_more_text(c, MIN_PARAGRAPH)
               for c in parent):
            return node
        node = parent


def _has_more_text(node: etree._Element, limit: int) -> bool:
    """``visible_length(all text of node) > limit``, reading no further than needed.

    A page's wrappers hold the sidebar and the footer too: counting all their text only
    to compare it with a dozen characters was 1.6 % of a crawl's CPU.
    """
    seen = 0
    for chunk in node.itertext():
        seen += visible_length(chunk)
        if seen > limit:
            return True
    return False


def _with_siblings(
    top: etree._Element, top_score: float, raw: dict[etree._Element, float]
) -> list[etree._Element]:
    """The top candidate and those of its siblings that look like more of the same body."""
    parent = top.getparent()
    if parent is None:
        return [top]
    threshold = max(MIN_SIBLING_SCORE, top_score * SIBLING_RATIO)
    top_classes = set((top.get("class") or "").split())
    kept = []
    for sibling in parent:
        if sibling is top:
            kept.append(sibling)
            continue
        if not isinstance(sibling.tag, str) or is_furniture(sibling, depth=1):
            continue
        if _sibling_belongs(sibling, top_classes, threshold, raw):
            kept.append(sibling)
    return kept


def _sibling_belongs(
    sibling: etree._Element, top_classes: set[str], threshold: float,
    raw: dict[etree._Element, float],
) -> bool:
    score = _subtree_score(sibling, raw)
    if not score and sibling.tag not in ("p", "h2", "h3", "h4", "blockquote", "figure"):
        if not (top_classes & set((sibling.get("class") or "").split())):
            return False
    length = visible_length(all_text(sibling))
    if not length:
        return False
    density = link_density(sibling)
    if density >= SIBLING_MAX_LINK_DENSITY:
        return False
    if score * (1.0 - density) >= threshold:
        return True
    if top_classes & set((sibling.get("class") or "").split()):
        return True  # same kind of block as the winner: more of the body
    return sibling.tag == "p" and length >= 60


def _subtree_score(node: etree._Element, raw: dict[etree._Element, float]) -> float:
    """Raw score of a node, or of its best-scored descendant wrapper when it has none."""
    score = raw.get(node, 0.0)
    if score:
        return score
    child = node
    while len(child) == 1 and isinstance(child[0].tag, str):
        child = child[0]
        score = raw.get(child, 0.0)
        if score:
            return score
    return 0.0


def text_length(nodes: Iterable[etree._Element]) -> int:
    return sum(visible_length(all_text(node)) for node in nodes)
