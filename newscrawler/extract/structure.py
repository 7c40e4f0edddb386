"""Page structure: which links of a page are articles, pages of a list, and sections.

Why: a portal's admin chooses its URL rules (docs/cms-portals.md), so links cannot be told
apart by one URL scheme. They can by what the page does with them:

- a *list block* is a run of sibling links with the same markup path and the same URL shape
  whose texts are headlines (``MIN_BLOCK_LINKS`` or more, ``MIN_TITLE_CHARS`` long on average):
  its shape is one of the portal's article rules (``ShapeBook`` keeps them across runs);
- a *pagination block* is the element holding the most links labelled with a page number or
  首页/上一页/下一页/末页 (``PAGE_LABELS``), often with ``共N页``; two numbered links give the
  template of every page's URL;
- a *navigation block* is a run of sibling links with short texts (``MAX_NAV_CHARS``); its
  links, directory links and known dynamic list URLs (``LIST_URL_HINTS``) are sections;
- links in page furniture (sidebars, header, footer: ``FURNITURE_CLASSES``) are articles but
  not a list page's entries; footer links are never sections.

Everything here takes a parsed tree and returns plain data; the rules are the named constants.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from lxml import etree

from newscrawler.discovery.shapes import is_directory_shape, url_shape
from newscrawler.extract.index import CLASS_VALUES, ID_VALUES
from newscrawler.urls import canonical_url, is_article_url, is_mobile_url

MIN_BLOCK_LINKS = 3  # distinct URLs in a list block
MIN_TITLE_CHARS = 5  # a headline is at least this long (Chinese characters count one each)
MAX_NAV_CHARS = 8  # navigation entries are short: 社会, 国际新闻, 新闻热点
MIN_NAV_CHARS = 2
# A web page's file name (a navigation link to anything else is not a section)
PAGE_LEAF_RE = re.compile(r"(?:/|\.(?:s?html?|php|aspx?|jsp))$", re.IGNORECASE)
SIGNATURE_DEPTH = 3  # ancestors of a link that make its markup path

PAGE_LABELS = {
    "首页": "first", "第一页": "first", "上一页": "prev", "上页": "prev", "前一页": "prev",
    "下一页": "next", "下页": "next", "后一页": "next", "末页": "last", "尾页": "last",
    "最后一页": "last", "最末页": "last", "next": "next", "prev": "prev", "previous": "prev",
    "first": "first", "last": "last", "»": "next", "«": "prev", "›": "next", "‹": "prev",
    ">": "next", "<": "prev", ">>": "last", "<<": "first", "下一頁": "next", "上一頁": "prev",
    "next page": "next", "previous page": "prev", "older posts": "next", "newer posts": "prev",
    "older entries": "next", "newer entries": "prev",
}
# Arrows and brackets around a label: "下一页>", "« Older Entries", "[末页]"
LABEL_TRIM = "[]【】()（） \t»«›‹><→←"
# "2", "[2]", "第2页", and WordPress's "页 2" / "Page 2" (a screen-reader prefix)
PAGE_NUMBER_RE = re.compile(
    r"^[\[(（]?\s*(?:第|页|page)?\s*(\d{1,5})\s*页?\s*[\])）]?$", re.IGNORECASE)
PAGE_COUNT_RE = re.compile(r"共\s*(\d{1,5})\s*页")
# Elements that wrap one pagination link: the block is the first ancestor not among them.
INLINE_TAGS = frozenset({"a", "li", "span", "b", "strong", "em", "font", "i", "u", "small",
                         "label", "option", "select", "dd", "td"})
# Page furniture: whole class tokens, ids and tags whose links are not a list's entries.
FURNITURE_CLASSES = frozenset({"pright", "sidebar", "side", "right", "footer", "header", "flink",
                               "aside", "nav", "menu", "hot", "rank"})
FURNITURE_IDS = frozenset({"navMenu", "nav", "menu", "header", "footer", "sidebar"})
FURNITURE_TAGS = frozenset({"aside", "footer", "header", "nav"})
IN_ARTICLE_TAGS = frozenset({"header", "footer"})
POST_TAGS = ("article", "main")
FOOTER_CLASSES = frozenset({"footer", "flink", "copyright", "foot", "bottom"})
XML_SPACE_RE = re.compile(r"[ \t\r\n]+")
# Same-site links that are never sections (utility pages of DedeCms, PHPCMS, EmpireCMS, WordPress).
NON_SECTION_RE = re.compile(
    r"^/(?:plus/(?!list[.-])|data/|tags?\.php|member/|e/(?!action/ListInfo)|special/?$"
    r"|uploads/|templets/|include/|static/|api/|wp-(?:admin|login|content)|feed/?$|search)"
    r"|\.(?:xml|txt|css|js|jpe?g|png|gif|pdf|zip|rar|docx?|xlsx?|pptx?|mp[34]|swf|exe)$"
    r"|[?&](?:m=(?!content)|a=(?!lists))",
    re.IGNORECASE,
)
# Dynamic list pages a CMS names by script (a prior: a sub-section linked once is still found).
LIST_URL_HINTS = re.compile(
    r"/plus/list\.php\?(?:.*&)?tid=\d+|/plus/list-\d+(?:-\d+)*\.html$|[?&]a=lists\b"
    r"|/e/action/ListInfo(?:\.php|/(?:index\.php)?)\?",
    re.IGNORECASE,
)
ASSET_RE = re.compile(
    r"\.(?:jpe?g|png|gif|bmp|webp|css|js|pdf|zip|rar|7z|docx?|xlsx?|pptx?|mp[34]|swf|exe|apk)$",
    re.IGNORECASE,
)
NON_HTTP_PREFIXES = ("javascript:", "mailto:", "tel:", "#", "data:", "ftp:")
_DIGIT_SPLIT = re.compile(r"(\d+)")

#: All text under an element: what lxml.html's ``text_content()`` is, for plain elements.
text_content = etree.XPath("string()", smart_strings=False)


@dataclass(slots=True)
class Link:
    """One same-site link of a page, with what structure needs to know about it."""

    url: str  # canonical
    element: etree._Element
    text: str
    shape: str
    signature: str  # markup path: the link's tag and class and those of its ancestors
    furniture: bool = False
    footer: bool = False


@dataclass
class Pagination:
    """A list's (or an article's) pagination block, made complete from its template."""

    pages: dict[int, str] = field(default_factory=dict)  # page number -> canonical URL
    current: int = 1
    last: int = 1
    next_url: str | None = None
    urls: frozenset[str] = frozenset()  # every URL the block linked, the current page's too

    def template_shape(self) -> str | None:
        """The shape of the pages after the first (what the probe shows)."""
        later = [url for number, url in sorted(self.pages.items()) if number >= 2]
        return url_shape(later[0]) if later else None


@dataclass
class Structure:
    """What a page's structure says about its links."""

    articles: list[Link] = field(default_factory=list)  # article links, page order, unique
    block_shapes: dict[str, str] = field(default_factory=dict)  # list-block shape -> example
    pagination: Pagination = field(default_factory=Pagination)
    sections: list[str] = field(default_factory=list)


def _absolute(base: str, origin: str, href: str) -> str:
    """``urljoin(base, href)``, with the two shapes links nearly always have done fast."""
    if href.startswith(("http://", "https://")) and "/." not in href:
        return href
    if href.startswith("/") and not href.startswith("//") and "/." not in href:
        return origin + href  # root-relative: the page's scheme://host[:port] + path
    return urljoin(base, href)


def raw_links(doc, url: str):
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


def _marked(doc) -> tuple[set, set]:
    """The <a> elements inside page furniture, and those inside a footer.

    Found from the attribute values, not by visiting every element: a list page of a big
    section carries a hundred ``<option>`` elements in its page-jump menu.
    """
    furniture: set = set()
    footer: set = set()
    for value in CLASS_VALUES(doc):
        tokens = XML_SPACE_RE.split(value)
        if not FURNITURE_CLASSES.isdisjoint(tokens):
            furniture.update(value.getparent().iter("a"))
        if not FOOTER_CLASSES.isdisjoint(tokens):
            footer.update(value.getparent().iter("a"))
    for value in ID_VALUES(doc):
        if value in FURNITURE_IDS:
            furniture.update(value.getparent().iter("a"))
    for element in doc.iter(*FURNITURE_TAGS):
        post = next(element.iterancestors(*POST_TAGS), None)
        if element.tag in IN_ARTICLE_TAGS and post is not None:
            continue  # an HTML5 post's own <header>/<footer> (WordPress lists), not the page's
        links = list(element.iter("a"))
        furniture.update(links)
        if element.tag == "footer":
            footer.update(links)
    return furniture, footer


def _signature(a) -> str:
    parts = []
    node = a
    for _ in range(SIGNATURE_DEPTH + 1):
        if node is None:
            break
        cls = node.get("class")
        parts.append(f"{node.tag}.{cls.split()[0]}" if cls and cls.strip() else str(node.tag))
        node = node.getparent()
    return "<".join(parts)


def link_text(a) -> str:
    return a.get("title") or " ".join(text_content(a).split())


@lru_cache(maxsize=16384)
def _followable(canon: str) -> tuple[str, bool]:
    """(host, followable): mobile copies and files that are no web page are not followed."""
    netloc = urlsplit(canon).netloc
    return netloc, not is_mobile_url(canon) and ASSET_RE.search(urlsplit(canon).path) is None


def page_links(doc, url: str) -> list[Link]:
    """The page's same-site, non-mobile, non-asset links, in page order."""
    netloc = urlsplit(url).netloc
    furniture, footer = _marked(doc)
    links = []
    for absolute, a in raw_links(doc, url):
        canon = canonical_url(absolute)
        host, followable = _followable(canon)
        if host != netloc or not followable:
            continue
        links.append(Link(canon, a, link_text(a), url_shape(canon), _signature(a),
                          a in furniture, a in footer))
    return links


# -- pagination ---------------------------------------------------------------------------------

def _page_label(text: str) -> tuple[str, int] | None:
    """("num", N) for a page number link, (kind, 0) for 首页/上一页/下一页/末页, else None."""
    if not text or len(text) > 16:
        return None
    match = PAGE_NUMBER_RE.match(text)
    if match:
        return "num", int(match.group(1))
    kind = PAGE_LABELS.get(text.lower()) or PAGE_LABELS.get(text.strip(LABEL_TRIM).lower())
    return (kind, 0) if kind else None


def _block_of(element):
    node = element.getparent()
    while node is not None and node.tag in INLINE_TAGS:
        node = node.getparent()
    return node


def _template(numbered: dict[int, str]) -> tuple[list[str], int, int] | None:
    """(URL split at digit runs, index of the page number's run, URL number - page number)."""
    groups: dict[tuple, list[tuple[int, list[str]]]] = defaultdict(list)
    for number, url in numbered.items():
        if number >= 2:
            tokens = _DIGIT_SPLIT.split(url)
            groups[tuple(tokens[0::2])].append((number, tokens))
    if not groups:
        return None
    members = max(groups.values(), key=len)
    tokens = members[0][1]
    for position in range(len(tokens) - 2, 0, -2):
        offsets = {int(t[position]) - n for n, t in members}
        if len(offsets) == 1 and (offset := offsets.pop()) in (0, -1):
            return tokens, position, offset
    return None


def _fill(template: tuple[list[str], int, int], number: int) -> str:
    tokens, position, offset = template
    tokens = list(tokens)
    tokens[position] = str(number + offset)
    return "".join(tokens)


def _number_of(template, url: str) -> int | None:
    if template is None:
        return None
    tokens, position, offset = template
    other = _DIGIT_SPLIT.split(url)
    if len(other) != len(tokens) or other[0::2] != tokens[0::2]:
        return None
    return int(other[position]) - offset


def find_pagination(links: list[Link], here: str) -> Pagination:
    """The page's pagination block, completed: every page from 1 to the last one known."""
    blocks: dict = defaultdict(list)
    for link in links:
        label = _page_label(link.text)
        if label is not None:
            blocks[_block_of(link.element)].append((label, link))
    candidates = [
        (block, items) for block, items in blocks.items()
        if block is not None and (len(items) >= 2 or items[0][0][0] in ("next", "last"))
    ]
    if not candidates:
        return Pagination()
    block, items = max(candidates, key=lambda pair: len(pair[1]))
    numbered: dict[int, str] = {}
    labels: dict[str, str] = {}
    for (kind, number), link in items:
        if kind == "num":
            numbered.setdefault(number, link.url)
        else:
            labels.setdefault(kind, link.url)
    options: dict[int, str] = {}  # the DedeCms page-jump <select>: one option per page
    for option in block.iter("option"):
        match = PAGE_NUMBER_RE.match((option.text or "").strip())
        value = (option.get("value") or "").strip()
        if match and value and not value.startswith(NON_HTTP_PREFIXES):
            options.setdefault(int(match.group(1)), value)
    template = _template({n: u for n, u in numbered.items() if u != here})
    if options and template is None:  # the links alone do not show the rule: the options do
        for number, value in options.items():
            numbered.setdefault(number, canonical_url(urljoin(here, value)))
        template = _template({n: u for n, u in numbered.items() if u != here})
    urls = frozenset(numbered.values()) | frozenset(labels.values())
    inverse = {url: n for n, url in numbered.items()}
    current = inverse.get(here) or _number_of(template, here)
    if current is None and labels.get("next") in inverse:
        current = inverse[labels["next"]] - 1
    if current is None and labels.get("prev") in inverse:
        current = inverse[labels["prev"]] + 1
    current = current or 1
    last = max([current, *numbered, *options])
    scope = block.getparent() if block.getparent() is not None else block
    count = PAGE_COUNT_RE.search(text_content(scope))
    if count:
        last = max(last, int(count.group(1)))
    if "last" in labels:
        last = max(last, inverse.get(labels["last"]) or _number_of(template, labels["last"]) or 0)
    pages = {n: u for n, u in numbered.items() if u != here or n == current}
    if template is not None:
        for number in range(2, last + 1):
            pages.setdefault(number, canonical_url(_fill(template, number)))
    next_url = pages.get(current + 1)
    if next_url is None and labels.get("next") not in (None, here):
        next_url = labels["next"]
    return Pagination(pages, current, last, next_url, urls)


# -- articles and sections ----------------------------------------------------------------------

def _is_headline(text: str) -> bool:
    return len(text) >= MIN_TITLE_CHARS


def analyse(doc, url: str, known: frozenset[str] = frozenset(), pins=None) -> Structure:
    """Classify the links of a parsed page.

    ``known``: article shapes learned on other pages; ``pins``: a profile's article and list
    URL patterns (``Profile.article_patterns``/``list_patterns``), which override detection.
    """
    here = canonical_url(url)
    links = page_links(doc, url)
    pagination = find_pagination(links, here)
    skip = pagination.urls | {here}
    groups: dict[tuple[str, str], dict[str, Link]] = defaultdict(dict)
    for link in links:
        if link.url not in skip:
            groups[(link.signature, link.shape)].setdefault(link.url, link)
    block_shapes: dict[str, str] = {}
    in_blocks: set[str] = set()
    article_pins = pins.article_patterns if pins is not None else ()
    for (_signature, shape), members in groups.items():
        if len(members) < MIN_BLOCK_LINKS:
            continue
        texts = [len(link.text) for link in members.values()]
        if sum(texts) / len(texts) < MIN_TITLE_CHARS + 1:
            continue
        if article_pins and not any(p.search(u) for p in article_pins for u in members):
            continue
        block_shapes.setdefault(shape, next(iter(members)))
        in_blocks.update(members)
    shapes = known | frozenset(block_shapes)
    structure = Structure(block_shapes=block_shapes, pagination=pagination)
    seen: dict[str, Link] = {}
    nav_groups = _nav_groups(links, skip)
    list_pins = pins.list_patterns if pins is not None else ()
    for link in links:
        if link.url in seen:
            first = seen[link.url]
            if not first.text and link.text:  # a thumbnail link first, then the headline
                first.text = link.text
            continue
        if link.url in skip:
            continue
        if article_pins:
            article = any(p.search(link.url) for p in article_pins)
        else:
            article = link.url in in_blocks or (
                _is_headline(link.text)
                and (link.shape in shapes or (not is_directory_shape(link.shape)
                                              and is_article_url(link.url)))
            )
        if article and not any(p.search(link.url) for p in list_pins):
            seen[link.url] = link
            structure.articles.append(link)
        elif _is_section(link, nav_groups, list_pins):
            seen[link.url] = link
            structure.sections.append(link.url)
    return structure


def _nav_groups(links: list[Link], skip: frozenset[str]) -> set[str]:
    """Signatures of runs of short-texted sibling links (menus, sub-section lists, sitemaps)."""
    by_signature: dict[str, dict[str, int]] = defaultdict(dict)
    for link in links:
        if link.url not in skip and link.text:
            by_signature[link.signature][link.url] = len(link.text)
    return {
        signature for signature, texts in by_signature.items()
        if len(texts) >= MIN_BLOCK_LINKS and sum(texts.values()) / len(texts) <= MAX_NAV_CHARS
    }


def _is_section(link: Link, nav_groups: set[str], list_pins) -> bool:
    if list_pins and any(p.search(link.url) for p in list_pins):
        return True
    if link.footer:
        return False
    parts = urlsplit(link.url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    if parts.path in ("/", "/index.php", "/index.htm", "/index.html") and not parts.query:
        return False
    if NON_SECTION_RE.search(target):
        return False
    if is_directory_shape(link.shape) or LIST_URL_HINTS.search(target) is not None:
        return True
    return (
        link.signature in nav_groups
        and MIN_NAV_CHARS <= len(link.text) <= MAX_NAV_CHARS
        and PAGE_LEAF_RE.search(parts.path) is not None
    )
