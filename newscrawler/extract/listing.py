"""Pure parsing of the pages a crawl walks through: home, sitemap, section and list pages.

The article page itself is `article.py`'s job; this module answers the spider's questions
"which sections are there", "which articles does this list page hold, with which dates",
"which list pages follow" and "which other pages does this article have".

Links are told apart by the page's structure (``structure.py``: list blocks, the pagination
block, navigation), not by one CMS's URL scheme; the article URL shapes learned on other pages
(``known``) and a profile's pinned patterns (``pins``) recognise single links elsewhere.
Containers only serve to tell the list proper from sidebars.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree

from newscrawler.extract.encoding import decode_html
from newscrawler.extract.structure import (
    PAGE_NUMBER_RE,
    Pagination,
    analyse,
    raw_links,
    text_content,
)
from newscrawler.urls import article_page_number, canonical_url, first_page_url

LIST_DATE_RE = re.compile(
    r"(?:\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|(?<!\d)\d{1,2}-\d{1,2})(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
)
_PAGE_QUERY_RE = re.compile(rb"[?&;](?:pageno|page)=", re.IGNORECASE)
_REWRITE_STEM_RE = re.compile(r"^(view-\d+-)1$")


_SUB_PAGE_RE = re.compile(r"\d{1,3}/?")


def _sub_page(url: str, first: str) -> bool:
    """``/2016/07/slug/2/`` is page 2 of ``/2016/07/slug/`` (WordPress ``wp_link_pages``)."""
    return (first.endswith("/") and url.startswith(first)
            and _SUB_PAGE_RE.fullmatch(url[len(first):]) is not None)


def _page_name_prefix(stem: str) -> str:
    """What the file names of pages 2..N start with: ``123_`` (``123_2.html``), or
    ``view-123-`` for the DedeCms rewrite form (``view-123-2.html``)."""
    match = _REWRITE_STEM_RE.match(stem)
    return match.group(1) if match else f"{stem}_"


@dataclass(frozen=True)
class ListEntry:
    """One article as a list page shows it."""

    url: str
    title: str
    date_text: str | None = None


@dataclass
class ListPage:
    """What a section or list page offers the crawler."""

    entries: list[ListEntry] = field(default_factory=list)
    next_url: str | None = None
    page_urls: list[str] = field(default_factory=list)
    last_page: int | None = None
    #: section links found on the page (navigation, sub-section lists, directories)
    subsection_urls: list[str] = field(default_factory=list)
    #: article links outside the list proper (sidebars, header), not entries
    other_articles: list[str] = field(default_factory=list)
    #: shapes of this page's list blocks -> an example URL (what the crawler learns)
    block_shapes: dict[str, str] = field(default_factory=dict)
    pagination: Pagination = field(default_factory=Pagination)


def _doc(html: bytes | str, url: str):
    """The page's tree: plain lxml elements (lxml.html's element classes cost a lookup for
    every element touched, a tenth of a list page), the same tree libxml2 builds for both."""
    text = decode_html(html) if isinstance(html, bytes) else html
    if not text.strip():
        text = "<html></html>"
    try:
        doc = etree.fromstring(text, etree.HTMLParser(), base_url=url)
    except Exception:  # lxml refuses some inputs outright; treat as empty
        doc = None
    if doc is None:  # nothing but a comment, say
        doc = etree.fromstring("<html></html>", etree.HTMLParser(), base_url=url)
    return doc


def section_urls(html: bytes | str, url: str, known: frozenset[str] = frozenset(),
                 pins=None) -> list[str]:
    """Canonical URLs of the sections linked from a home, sitemap or channel page."""
    return analyse(_doc(html, url), url, known, pins).sections


def article_links(html: bytes | str, url: str, known: frozenset[str] = frozenset(),
                  pins=None) -> list[str]:
    """Every article link on a page (canonical), furniture included, in page order."""
    return [link.url for link in analyse(_doc(html, url), url, known, pins).articles]


def _entry_date(a) -> str | None:
    """The date printed next to a list entry: in its <li>/<dd>/<tr>, or the element around it."""
    node = a
    for _ in range(3):
        node = node.getparent()
        if node is None:
            return None
        match = LIST_DATE_RE.search(text_content(node))
        if match:
            return match.group(0).strip()
        if node.tag in ("li", "dd", "tr", "dl"):
            return None
    return None


def parse_list(html: bytes | str, url: str, known: frozenset[str] = frozenset(),
               pins=None) -> ListPage:
    """Parse a section landing or list page: its entries, pagination and sections."""
    structure = analyse(_doc(html, url), url, known, pins)
    page = ListPage(block_shapes=structure.block_shapes, pagination=structure.pagination)
    main = [link for link in structure.articles if not link.furniture]
    main_urls = {link.url for link in main}
    page.entries = [ListEntry(link.url, link.text, _entry_date(link.element)) for link in main]
    page.other_articles = [
        link.url for link in structure.articles if link.url not in main_urls
    ]
    pagination = structure.pagination
    page.page_urls = [u for n, u in sorted(pagination.pages.items()) if n != pagination.current]
    page.next_url = pagination.next_url
    page.last_page = pagination.last
    page.subsection_urls = structure.sections
    return page


def article_page_urls(html: bytes | str, url: str) -> list[str]:
    """URLs of pages 2..N of the multi-page article whose page ``url`` is, in page order.

    A page of the same article is a link whose page-1 URL is this one's (``<name>_N.html``,
    ``&pageno=N``, ``&page=N``): the pagination wrapper varies (``ul.pagelist``,
    ``div.pagebreak``, bare text in 4.0) so only the names are trusted.
    """
    first = first_page_url(url)
    if isinstance(html, bytes):
        parts = urlsplit(first)
        stem = parts.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        if parts.query:
            if not _PAGE_QUERY_RE.search(html):
                return []  # no page link can be on the page: a one-page article, no parse
        elif not stem:  # /2016/07/slug/: WordPress pages are /2016/07/slug/2/
            if parts.path.encode() + b"2" not in html:
                return []
        elif _page_name_prefix(stem).encode() not in html:
            return []
    doc = _doc(html, url)
    here = canonical_url(url)
    found: dict[int, str] = {}
    for link, a in raw_links(doc, url):
        canon = canonical_url(link)
        if canon != here and (first_page_url(link) == first or _sub_page(canon, first)):
            # the link's own number first: EmpireCMS counts &page= from 0
            label = PAGE_NUMBER_RE.match(" ".join(text_content(a).split()))
            if label:
                number = int(label.group(1))
            elif canon.startswith(first) and first.endswith("/"):
                number = int(canon[len(first):].strip("/") or 1)
            else:
                number = article_page_number(link)
            if number > 1:
                found.setdefault(number, canon)
    return [found[n] for n in sorted(found)]
