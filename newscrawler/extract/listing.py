"""Pure parsing of the pages a crawl walks through: home, sitemap, section and list pages.

The article page itself is `article.py`'s job; this module answers the spider's questions
"which sections are there", "which articles does this list page hold, with which dates",
"which list pages follow" and "which other pages does this article have".

Links are recognised by what DedeCms makes them look like (dedecms-portals.md §1, §5.6,
§5.7), not by the container they sit in: templates change containers all the time, the URL
rules stay. Containers only serve to tell the list proper from sidebars.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml import etree

from newscrawler.extract.encoding import decode_html
from newscrawler.extract.index import CLASS_VALUES, ID_VALUES
from newscrawler.urls import article_id, canonical_url, is_article_url

# Footers link "about us" folders that look like sections but are not news channels.
FOOTER_XPATH = (
    "ancestor-or-self::*[contains(concat(' ', normalize-space(@class), ' '), ' footer ')"
    " or contains(@class, 'footer_') or contains(@class, 'copyright')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' flink ') or self::footer]"
)
# Elements whose links are page furniture, not the list proper (sidebars, header, footer):
# tags, ids and whole class tokens. Their links are collected into a set once per page.
# (Walking up from each link cost ~25 µs a link, an XPath per link ~110 µs, and an XPath
# predicate finding the furniture ~1 ms a page: XPath predicates are slow on HTML trees.)
FURNITURE_CLASSES = frozenset({"pright", "sidebar", "side", "right", "footer", "header", "flink"})
FURNITURE_TAGS = frozenset({"aside", "footer", "header", "nav"})
XML_SPACE_RE = re.compile(r"[ \t\r\n]+")  # what normalize-space() splits class tokens on
BARE_LIST_NAME_RE = re.compile(r"list_\d+_\d+\.html?")
LIST_PAGE_RE = re.compile(r"(?:^|/)list_(?P<tid>\d+)_(?P<page>\d+)\.html?$")
PAGE_COUNT_RE = re.compile(r"共\s*(\d+)\s*页")
LIST_DATE_RE = re.compile(
    r"(?:\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|(?<!\d)\d{1,2}-\d{1,2})(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
)
NON_HTTP_PREFIXES = ("javascript:", "mailto:", "tel:", "#", "data:", "ftp:")


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
    subsection_urls: list[str] = field(default_factory=list)


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


#: All text under an element: what lxml.html's ``text_content()`` is, for plain elements.
_text_content = etree.XPath("string()", smart_strings=False)


def _absolute(base: str, origin: str, href: str) -> str:
    """``urljoin(base, href)``, with the two shapes DedeCms links nearly always have done fast."""
    if href.startswith(("http://", "https://")) and "/." not in href:
        return href
    if href.startswith("/") and not href.startswith("//") and "/." not in href:
        return origin + href  # root-relative: the page's scheme://host[:port] + path
    return urljoin(base, href)


def _links(doc, url: str):
    """(absolute url without fragment, element) for every followable <a href>, in page order."""
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    for a in doc.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.lower().startswith(NON_HTTP_PREFIXES):
            continue
        absolute = _absolute(url, origin, href.replace("\\", "/"))
        if not absolute.startswith(("http://", "https://")):
            if urlsplit(absolute).scheme.lower() not in ("http", "https"):
                continue
        yield absolute.split("#", 1)[0], a


def _link_text(a) -> str:
    return " ".join(_text_content(a).split())


def _is_section_url(url: str, home: str) -> bool:
    """A category URL: a directory (``/a/shehui/``) or its ``index.html`` on the same site."""
    parts, home_parts = urlsplit(url), urlsplit(home)
    if parts.netloc.lower() != home_parts.netloc.lower() or parts.query:
        return False
    path = re.sub(r"/{2,}", "/", parts.path)
    if path in ("/", "/index.html", "/index.htm", "/index.php"):
        return False
    first = path.strip("/").split("/", 1)[0]
    if first in ("plus", "data", "tags.php", "member", "special", "uploads", "m", "templets"):
        return False
    return path.endswith("/") or path.endswith("/index.html")


def section_urls(html: bytes | str, url: str) -> list[str]:
    """Canonical URLs of the sections linked from a home, sitemap or channel page."""
    doc = _doc(html, url)
    seen: dict[str, None] = {}
    for link, a in _links(doc, url):
        if _is_section_url(link, url) and not a.xpath(FOOTER_XPATH):
            seen.setdefault(canonical_url(link), None)
    return list(seen)


def article_links(html: bytes | str, url: str) -> list[str]:
    """Every article-shaped link on a page (canonical), furniture included, in page order."""
    doc = _doc(html, url)
    seen: dict[str, None] = {}
    netloc = urlsplit(url).netloc
    for link, _a in _links(doc, url):
        if is_article_url(link) and urlsplit(link).netloc == netloc:
            seen.setdefault(canonical_url(link), None)
    return list(seen)


def _furniture_links(doc) -> set:
    """The <a> elements inside page furniture (a sidebar, header, footer, nav).

    Found from the attribute values and the furniture tags, not by visiting every element:
    a list page of a big section carries a hundred ``<option>`` elements in its page-jump menu.
    """
    found: set = set()
    for value in CLASS_VALUES(doc):
        if not FURNITURE_CLASSES.isdisjoint(XML_SPACE_RE.split(value)):
            found.update(value.getparent().iter("a"))
    for value in ID_VALUES(doc):
        if value == "navMenu":
            found.update(value.getparent().iter("a"))
    for element in doc.iter(*FURNITURE_TAGS):
        found.update(element.iter("a"))
    return found


def _entry_date(a) -> str | None:
    """The date printed next to a list entry: in its <li>/<dd>/<tr>, or the element around it."""
    node = a
    for _ in range(3):
        node = node.getparent()
        if node is None:
            return None
        match = LIST_DATE_RE.search(_text_content(node))
        if match:
            return match.group(0).strip()
        if node.tag in ("li", "dd", "tr", "dl"):
            return None
    return None


def parse_list(html: bytes | str, url: str) -> ListPage:
    """Parse a section landing or list page: its entries, pagination and sub-sections."""
    doc = _doc(html, url)
    page = ListPage()
    here = canonical_url(url)
    here_dir = here.rsplit("/", 1)[0] + "/"
    current = LIST_PAGE_RE.search(urlsplit(here).path)
    current_no = int(current["page"]) if current else 1
    tid = current["tid"] if current else None
    seen: set[str] = set()
    pages: dict[int, str] = {}
    subsections: dict[str, None] = {}
    furniture = _furniture_links(doc)
    netloc = urlsplit(url).netloc
    for link, a in _links(doc, url):
        canon = canonical_url(link)
        in_furniture = a in furniture
        if is_article_url(link) and not in_furniture:
            if urlsplit(link).netloc == netloc and canon not in seen:
                seen.add(canon)
                title = a.get("title") or _link_text(a)
                page.entries.append(ListEntry(canon, title, _entry_date(a)))
            continue
        match = LIST_PAGE_RE.search(urlsplit(canon).path)
        if match and canon.startswith(here_dir) and (tid is None or match["tid"] == tid):
            tid = match["tid"]
            pages[int(match["page"])] = canon
            continue
        if (
            not in_furniture
            and _is_section_url(link, url)
            and canon.startswith(here_dir)
            and canon != here_dir
        ):
            subsections.setdefault(canon, None)
    for option in doc.iter("option"):
        value = option.get("value") or ""
        match = LIST_PAGE_RE.search(value)
        if match and (tid is None or match["tid"] == tid):
            if BARE_LIST_NAME_RE.fullmatch(value):  # the usual <select>: a file name in here_dir
                pages[int(match["page"])] = here_dir + value
            else:
                pages[int(match["page"])] = canonical_url(urljoin(url, value))
    count = PAGE_COUNT_RE.search(_text_content(doc))
    last = max([current_no, *pages]) if pages else current_no
    if count:
        last = max(last, int(count.group(1)))
    if tid is not None and last > 1:
        for number in range(1, last + 1):
            pages.setdefault(number, f"{here_dir}list_{tid}_{number}.html")
    page.page_urls = [pages[n] for n in sorted(pages) if n != current_no]
    page.next_url = pages.get(current_no + 1)
    page.last_page = last
    page.subsection_urls = list(subsections)
    return page


def article_page_urls(html: bytes | str, url: str) -> list[str]:
    """URLs of pages 2..N of the multi-page article whose page ``url`` is, in page order.

    DedeCms names them ``<aid>_N.html`` next to page 1 (§2.6); the pagination wrapper varies
    (``ul.pagelist``, ``div.pagebreak``, bare text in 4.0) so only the names are trusted.
    """
    aid = article_id(url)
    if aid is None:
        return []
    if isinstance(html, bytes) and f"{aid}_".encode("ascii") not in html:
        return []  # no "<aid>_N.html" link can be on the page: a one-page article, no parse
    pattern = re.compile(rf"(?:^|/)(?:arc-)?{aid}_(\d+)\.html?$")
    doc = _doc(html, url)
    found: dict[int, str] = {}
    for link, _a in _links(doc, url):
        match = pattern.search(urlsplit(link).path)
        if match and int(match.group(1)) > 1:
            found.setdefault(int(match.group(1)), canonical_url(link))
    return [found[n] for n in sorted(found)]
