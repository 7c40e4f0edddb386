"""Per-portal extraction profiles: a little declarative JSON instead of code.

The default profile (``load_profile(None)``) works on every DedeCms template without overrides;
a portal whose template moves things around gets a JSON file in ``newscrawler/profiles/`` (or
anywhere, by path) with only the keys it needs:

    {"name": "example", "timezone": "Asia/Shanghai",
     "body_selectors": ["div.news-text"], "title_selectors": ["h1.t"],
     "meta_selectors": ["div.about"], "remove_selectors": ["div.share-box"],
     "date_formats": ["%d/%m/%Y"],
     "article_url_patterns": ["/news/\\d+\\.shtml$"], "list_url_patterns": ["/news/p\\d+/$"]}

``article_url_patterns`` and ``list_url_patterns`` (Python regexes searched in the canonical
URL) pin what page-structure detection got wrong: with article patterns set, only matching
links are articles; a link matching a list pattern is a section, never an article.

Selectors are CSS (or XPath when they start with ``/`` or ``(``); profile selectors are tried
before the built-in DedeCms rules. Unknown keys, bad selectors and unknown time zones are
rejected with ``ValueError`` at load time, not discovered halfway through a crawl.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lxml import etree

SELECTOR_KEYS = (
    "body_selectors", "title_selectors", "meta_selectors", "section_selectors", "remove_selectors",
)
PATTERN_KEYS = ("article_url_patterns", "list_url_patterns")


@dataclass(frozen=True)
class Profile:
    """How to read one portal. Every field has a default that suits DedeCms portals."""

    name: str = "default"
    timezone: str = "Asia/Shanghai"
    body_selectors: tuple[str, ...] = ()
    title_selectors: tuple[str, ...] = ()
    meta_selectors: tuple[str, ...] = ()
    section_selectors: tuple[str, ...] = ()
    remove_selectors: tuple[str, ...] = ()
    date_formats: tuple[str, ...] = ()
    date_languages: tuple[str, ...] = ("zh",)
    article_url_patterns: tuple[str, ...] = ()
    list_url_patterns: tuple[str, ...] = ()
    #: Compiled XPath for each selector key (derived, not part of the JSON).
    compiled: dict[str, tuple[etree.XPath, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError, TypeError) as exc:
            raise ValueError(f"profile {self.name!r}: unknown timezone {self.timezone!r}") from exc
        for key in SELECTOR_KEYS:
            self.compiled[key] = tuple(_compile(self.name, key, s) for s in getattr(self, key))
        for key in PATTERN_KEYS:
            patterns = getattr(self, key)
            self.compiled[key] = tuple(_compile_regex(self.name, key, p) for p in patterns)

    def xpaths(self, key: str) -> tuple[etree.XPath, ...]:
        return self.compiled.get(key, ())

    @property
    def article_patterns(self) -> tuple[re.Pattern[str], ...]:
        return self.compiled.get("article_url_patterns", ())

    @property
    def list_patterns(self) -> tuple[re.Pattern[str], ...]:
        return self.compiled.get("list_url_patterns", ())


def _compile_regex(profile: str, key: str, pattern: str) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern.strip():
        raise ValueError(f"profile {profile!r}: {key} must hold non-empty strings")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"profile {profile!r}: bad pattern in {key}: {pattern!r}") from exc


def _compile(profile: str, key: str, selector: str) -> etree.XPath:
    """An lxml XPath for a CSS or XPath selector; ValueError when it is not valid."""
    if not isinstance(selector, str) or not selector.strip():
        raise ValueError(f"profile {profile!r}: {key} must hold non-empty strings")
    try:
        if selector.lstrip().startswith(("/", "(")):
            return etree.XPath(selector)
        from cssselect import GenericTranslator

        return etree.XPath(GenericTranslator().css_to_xpath(selector))
    except Exception as exc:
        raise ValueError(f"profile {profile!r}: bad selector in {key}: {selector!r}") from exc


def profile_from_dict(data: dict, *, name: str = "custom") -> Profile:
    """Build a profile from parsed JSON, rejecting unknown keys and wrong types."""
    if not isinstance(data, dict):
        raise ValueError(f"profile {name!r}: expected a JSON object")
    allowed = {f.name for f in fields(Profile)} - {"compiled"}
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ValueError(f"profile {name!r}: unknown key(s) {unknown}; allowed: {sorted(allowed)}")
    values: dict = {"name": data.get("name", name)}
    for key, value in data.items():
        if key in ("name", "timezone"):
            if not isinstance(value, str):
                raise ValueError(f"profile {name!r}: {key} must be a string")
            values[key] = value
        else:
            if isinstance(value, str) or not isinstance(value, list | tuple):
                raise ValueError(f"profile {name!r}: {key} must be a list of strings")
            if not all(isinstance(item, str) for item in value):
                raise ValueError(f"profile {name!r}: {key} must be a list of strings")
            values[key] = tuple(value)
    return Profile(**values)


def load_profile(name_or_path: str | None) -> Profile:
    """The default profile (None), a bundled one by name, or a JSON file by path."""
    if name_or_path is None or name_or_path == "default":
        return DEFAULT_PROFILE
    path = Path(name_or_path)
    if path.suffix == ".json" or path.exists():
        if not path.is_file():
            raise ValueError(f"profile file not found: {name_or_path}")
        text = path.read_text(encoding="utf-8")
        name = path.stem
    else:
        bundled = resources.files("newscrawler") / "profiles" / f"{name_or_path}.json"
        if not bundled.is_file():
            raise ValueError(f"no profile named {name_or_path!r} in newscrawler/profiles/")
        text = bundled.read_text(encoding="utf-8")
        name = name_or_path
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"profile {name!r}: invalid JSON: {exc}") from exc
    return profile_from_dict(data, name=name)


DEFAULT_PROFILE = Profile()
