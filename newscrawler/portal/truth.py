"""Ground truth: the record a perfect crawl of the sample portal yields for each article.

Why: end-to-end tests and benchmarks compare the crawler's feed with these records. They are
computed from the site model (never by parsing the HTML), with the same conventions the
extractor must follow:

- ``url``: page-1 URL under ``base_url``, as the list pages link it, with ``//`` runs merged and
  query parameters sorted (``/special/``, ``view.php`` and ``/m/`` copies are not articles);
- ``title``: full title, no ``_中国国际新闻台`` suffix, no ``(N)``;
- ``section``: category names below 主页, outermost first;
- ``source``/``author``: ``None`` when empty, ``未知`` or not on the page (the seed's meta line
  has no 作者, the ``日期：`` only line has neither); a template with no author field gives
  the reporter a byline in the body names (``记者 王静 报道``), as a reader would;
- ``published_at``: the *displayed* date in Beijing time, ISO 8601 with ``+08:00``; a date-only
  page gives ``T00:00:00`` and ``date_precision`` "day" ("minute" for ``H:i``, "second" for
  ``H:i:s``);
- ``body``: every page's paragraphs, sub-headings (``<p><strong>``) and ``<center>`` captions, one
  per line joined by ``\\n``; entities decoded; ``<p>&nbsp;</p>`` spacers dropped; whitespace runs
  (incl. NBSP) collapsed to one space, stripped, leading U+3000 indent stripped; never
  ``(责任编辑：…)``; images give no line;
- ``images``: absolute URLs of the body ``<img>`` of all pages, document order, no repeats;
- ``tags``: meta keywords split on ``,``; ``summary``: page-1 meta description or ``None``;
- ``editor``: the 责任编辑 name (``admin``);
- other CMS families (``Theme.own_meta``) show the fields and date precision of their own article
  template, whatever the article's DedeCms ``meta_style``.
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from . import content
from .model import Article

FORMATS = {"day": "%Y-%m-%d", "minute": "%Y-%m-%d %H:%M", "second": "%Y-%m-%d %H:%M:%S"}
ABSENT = ("", "未知")
_SLASHES = re.compile("/{2,}")


def canonical(url: str) -> str:
    """``url`` with ``//`` runs in the path merged and query parameters sorted."""
    parts = urlsplit(url)
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return urlunsplit((parts.scheme, parts.netloc, _SLASHES.sub("/", parts.path), query, ""))


def record(site, art: Article, base_url: str) -> dict:
    """The expected record of one article (fields in schema order, minus crawled_at/version)."""
    base = base_url.rstrip("/") + "/"
    lines = [line for page in art.pages for line in content.blocks_text(page)]
    images: list[str] = []
    for page in art.pages:
        for src in content.blocks_images(page):
            url = urljoin(base, src)
            if url not in images:
                images.append(url)
    theme = site.theme_class
    if theme.own_meta:
        precision = theme.date_precision
        shows_source, shows_author = "source" in theme.meta_fields, "author" in theme.meta_fields
        editor = art.editor if theme.shows_editor else None
    else:
        precision, editor = art.precision, art.editor
        shows_source, shows_author = art.shows_source, art.shows_author
    when = datetime.strptime(art.pubdate.strftime(FORMATS[precision]), FORMATS[precision])
    return {
        "url": canonical(urljoin(base, site.path(art).lstrip("/"))),
        "title": art.title,
        "section": [c.name for c in site.chain(art.tid)],
        "source": art.source if shows_source and art.source not in ABSENT else None,
        "author": (art.author if shows_author and art.author not in ABSENT
                   else None if shows_author else art.extra.get("byline")),
        "published_at": when.replace(tzinfo=art.pubdate.tzinfo).isoformat(),
        "body": "\n".join(lines),
        "images": images,
        "tags": list(art.keywords),
        "summary": art.description or None,
        "editor": editor or None,
        "date_precision": precision,
    }


def records(site, base_url: str) -> list[dict]:
    """One record per distinct article, in aid order."""
    return [
        record(site, site.articles[aid], base_url)
        for aid in sorted(site.articles)
        if "duplicate_of" not in site.articles[aid].extra  # reposts: the original is the record
    ]
