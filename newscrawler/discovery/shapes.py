"""URL shapes: a portal's URL rule, generalised from the URLs it produced, and what was learned.

Why: a portal's admin picks the naming rule (DedeCms ``{typedir}/{Y}/{M}{D}/{aid}.html``,
``{typedir}/{aid}.html``, pinyin file names, ``/plus/view.php?aid=N``, PHPCMS, EmpireCMS …), and
the crawler is told none of it. Every article of one rule has the same *shape* once the
variable parts are generalised, so the shapes of the links a list page exists to show are the
portal's article rules, and a link elsewhere (home page, sidebar) with one of those shapes is
an article too.

A shape is a string, compared for equality (cheap, and readable in the probe's output and in
the crawl state):

- the leading folders without digits (``/a/shehui/xinwenredian``: the ``{typedir}``, of any
  depth) become one ``**``; later digit-free folders become ``*``;
- ASCII digit runs become ``\\d{N}`` in folders when N is a date width (2, 4, 6, 8) else ``\\d+``,
  and ``\\d+`` in the file name (an id grows); other letters of a folder become ``[a-z]+``;
- a file name without digits (a slug) becomes ``*`` plus its extension; letters in a file name
  with digits stay (``list_\\d+_\\d+.html``, ``arc-\\d+.html``) unless glued to digits
  (``doc-[a-z]+\\d+.shtml``); script names stay (``view.php``);
- query keys stay, in canonical (sorted) order; digit values become ``\\d+``, words of up to
  8 letters stay (``m=content``, ``a=show``), other values become ``*``.

``ShapeBook`` keeps what a crawl learned (article shapes and list shapes, with an example URL
and a count each) as JSON in the crawl state, so the next run knows them from its first page
and can count the shapes that appeared or vanished (the portal changed its rules).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import parse_qsl, urlsplit

_MULTI_SLASH = re.compile(r"/{2,}")
_RUNS = re.compile(r"(?P<digits>[0-9]+)|[A-Za-z]+")
# In a file name, letters glued to digits are part of an id (sina ``doc-iihnzahi3275702``)
_LEAF_RUNS = re.compile(r"(?P<digits>[0-9]+)|[A-Za-z]+(?=[0-9])")
_WORD_VALUE = re.compile(r"[A-Za-z_]{1,8}")  # m=content, a=show; longer ones are markers
DATE_WIDTHS = frozenset({2, 4, 6, 8})
SCRIPT_EXTENSIONS = frozenset({"php", "asp", "aspx", "jsp", "cgi", "do", "action"})
_CACHE_SIZE = 16384
MAX_SHAPES = 64  # per kind, kept in the crawl state


def _has_digit(text: str) -> bool:
    return any("0" <= c <= "9" for c in text)


def _folder_shape(segment: str) -> str:
    def run(match: re.Match) -> str:
        if match["digits"] is None:
            return "[a-z]+"
        width = len(match.group(0))
        return rf"\d{{{width}}}" if width in DATE_WIDTHS else r"\d+"

    return _RUNS.sub(run, segment)


def _leaf_shape(leaf: str) -> str:
    if not leaf:
        return ""
    stem, dot, ext = leaf.rpartition(".")
    if not dot:
        stem, ext = leaf, ""
    if ext.lower() in SCRIPT_EXTENSIONS:
        return leaf
    suffix = f".{ext}" if dot else ""
    if not _has_digit(stem):
        return "*" + suffix
    return _LEAF_RUNS.sub(lambda m: r"\d+" if m["digits"] else "[a-z]+", stem) + suffix


def _value_shape(value: str) -> str:
    if value.isascii() and value.isdigit():
        return r"\d+"
    if _WORD_VALUE.fullmatch(value):
        return value
    return "*"


@lru_cache(maxsize=_CACHE_SIZE)
def url_shape(url: str) -> str:
    r"""The shape of ``url`` (pass it canonical: query keys sorted, ``index.html`` folded).

    >>> url_shape("http://h/a/shehui/xinwenredian/2016/0712/123.html")
    '/**/\\d{4}/\\d{4}/\\d+.html'
    >>> url_shape("http://h/plus/view.php?aid=123")
    '/plus/view.php?aid=\\d+'
    """
    parts = urlsplit(url)
    segments = (_MULTI_SLASH.sub("/", parts.path) or "/").split("/")[1:]
    leaf = segments.pop() if segments else ""
    out: list[str] = []
    leading = True
    script = leaf.rpartition(".")[2].lower() in SCRIPT_EXTENSIONS
    for segment in segments:
        if script:  # /plus/view.php: the folder of a script is part of its name
            out.append(segment)
        elif not _has_digit(segment):
            if not leading:
                out.append("*")
            elif not out:
                out.append("**")
        else:
            leading = False
            out.append(_folder_shape(segment))
    out.append(_leaf_shape(leaf))
    shape = "/" + "/".join(out)
    if parts.query:
        shape += "?" + "&".join(
            f"{key}={_value_shape(value)}"
            for key, value in parse_qsl(parts.query, keep_blank_values=True)
        )
    return shape


def is_directory_shape(shape: str) -> bool:
    return shape.endswith("/") and "?" not in shape


@dataclass
class ShapeBook:
    """The URL shapes learned for one portal: ``kind -> shape -> {"example", "seen"}``.

    ``articles``: shapes of the links in a page's repeated blocks of titled links;
    ``lists``: shapes of the pages reached through a pagination block.
    """

    articles: dict[str, dict] = field(default_factory=dict)
    lists: dict[str, dict] = field(default_factory=dict)
    #: shapes as they were when the run started, to tell what changed
    initial: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def learn(self, kind: str, shape: str, example: str) -> bool:
        """Count ``shape`` as seen once more; True when it was not known before."""
        table = self.articles if kind == "article" else self.lists
        entry = table.get(shape)
        if entry is None:
            if len(table) >= MAX_SHAPES:  # a portal of unruly URLs: forget the rarest
                del table[min(table, key=lambda s: table[s]["seen"])]
            table[shape] = {"example": example, "seen": 1}
            return True
        entry["seen"] += 1
        return False

    def article_shapes(self) -> frozenset[str]:
        return frozenset(self.articles)

    def to_json(self) -> str:
        return json.dumps({"articles": self.articles, "lists": self.lists},
                          ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> ShapeBook:
        """The book stored by ``to_json``; an empty one for None or a value it cannot read."""
        book = cls()
        if text:
            try:
                data = json.loads(text)
                book.articles = {str(k): dict(v) for k, v in data.get("articles", {}).items()}
                book.lists = {str(k): dict(v) for k, v in data.get("lists", {}).items()}
            except (ValueError, TypeError, AttributeError):
                book = cls()
        book.initial = {"articles": frozenset(book.articles), "lists": frozenset(book.lists)}
        return book

    def changes(self) -> dict[str, list[str]]:
        """Shapes learned in this run that the earlier runs had not seen, per kind
        (``articles_new``, ``lists_new``); kinds the earlier runs knew nothing of are left out.

        (Shapes not seen in a run say nothing: an incremental run walks a few pages.)
        """
        out: dict[str, list[str]] = {}
        for kind, table in (("articles", self.articles), ("lists", self.lists)):
            before = self.initial.get(kind, frozenset())
            if not before:
                continue
            out[f"{kind}_new"] = sorted(set(table) - before)
        return out
