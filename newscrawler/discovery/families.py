"""Which CMS built a portal, from the marks its pages carry (for ``scrapy probe``).

Why: the family tells a user where to look when detection needs help (docs/cms-portals.md
has each family's URL rules with evidence). Nothing in the crawl depends on it: links are told
apart by page structure. A family is recognised by its ``<meta name="generator">`` (strong) or
by URL and markup marks its templates leave (``/plus/count.php``, ``/e/action/``,
``index.php?m=content``, ``wp-content``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    name: str
    generator: re.Pattern[str]
    marks: tuple[tuple[str, re.Pattern[str]], ...]  # (what it is, pattern in the page)


def _marks(*pairs: tuple[str, str]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((label, re.compile(pattern, re.IGNORECASE)) for label, pattern in pairs)


FAMILIES = (
    Family("DedeCms", re.compile(r"dede|织梦", re.IGNORECASE), _marks(
        ("/plus/ scripts", r"/plus/(?:count|view|list|search|digg_ajax)\.php"),
        ("list_<tid>_<n>.html pages", r"list_\d+_\d+\.html"),
        ("dede_pages pagination", r"class=[\"']?dede_pages"),
        ("/templets/ folder", r"/templets/"),
        ("DedeCms footer", r"Power(?:ed)? by DedeCms"),
    )),
    Family("PHPCMS", re.compile(r"phpcms", re.IGNORECASE), _marks(
        ("index.php?m=content", r"index\.php\?m=content"),
        ("/statics/ folder", r"/statics/(?:js|css|images)/"),
        ("api.php?op=count", r"api\.php\?op=count"),
    )),
    Family("EmpireCMS", re.compile(r"empirecms|帝国", re.IGNORECASE), _marks(
        ("/e/action/ scripts", r"/e/action/(?:ListInfo|ShowInfo)\.php"),
        ("/e/public/ scripts", r"/e/(?:public|search|member|data)/"),
        ("/d/file/ uploads", r"/d/file/"),
        ("/skin/ folder", r"/skin/[\w-]+/"),
    )),
    Family("WordPress", re.compile(r"wordpress", re.IGNORECASE), _marks(
        ("wp-content", r"/wp-content/"),
        ("wp-includes", r"/wp-includes/"),
        ("wp-json", r"/wp-json/"),
    )),
)
GENERATOR_RE = re.compile(
    r"<meta[^>]+name=[\"']?generator[\"']?[^>]*content=[\"']([^\"']*)"
    r"|<meta[^>]+content=[\"']([^\"']*)[\"'][^>]*name=[\"']?generator",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Detection:
    family: str
    evidence: tuple[str, ...]


def detect_family(pages: list[str]) -> Detection | None:
    """The family whose marks the pages (decoded HTML) carry most, with what was seen."""
    text = "\n".join(pages)
    best: Detection | None = None
    best_score = 0
    generators = [a or b for a, b in GENERATOR_RE.findall(text)]
    for family in FAMILIES:
        evidence = [f"generator {g!r}" for g in generators if family.generator.search(g)]
        score = 3 * len(evidence)
        for label, pattern in family.marks:
            if pattern.search(text):
                evidence.append(label)
                score += 1
        if score > best_score:
            best, best_score = Detection(family.name, tuple(evidence)), score
    return best
