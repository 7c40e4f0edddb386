"""``extract_article``: one article page (bytes) in, one record (dict) out, never an exception.

Pure: no Scrapy, no network, no clock unless ``now`` is omitted. The steps are in the order they
depend on each other: decode, parse, read head data (``<title>``, ``<meta>``), find the heading,
read the meta line after it, then take the body (which removes furniture from the tree, so it
comes last).
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import datetime
from functools import cache
from urllib.parse import urljoin

from lxml import etree

from newscrawler.extract import rules
from newscrawler.extract.author_choice import Evidence, find_author, text_after
from newscrawler.extract.author_markup import author_marks, label_cell_author, microdata_author
from newscrawler.extract.authors import writing_roles_as_label
from newscrawler.extract.body import Body, extract_body, find_containers
from newscrawler.extract.dates import get_timezone
from newscrawler.extract.encoding import decode_html
from newscrawler.extract.headline_fallbacks import (
    emphasised_before_text,
    heading_before,
    headline_atop,
    labelled_headline,
)
from newscrawler.extract.index import PageIndex, wanted_keys
from newscrawler.extract.meta import (
    Meta,
    date_of_opening_lines,
    date_of_posting,
    date_of_reprint,
    date_of_sign_off,
    extract_meta,
    meta_tags,
)
from newscrawler.extract.meta_line import is_meta_line
from newscrawler.extract.page_title import printed_title
from newscrawler.extract.profile import DEFAULT_PROFILE, Profile
from newscrawler.extract.sections import extract_section
from newscrawler.extract.text import all_text, collapse
from newscrawler.extract.title import extract_title

logger = logging.getLogger(__name__)

#: Keys of the record, in feed order (the schema's order, without ``version``).
RECORD_KEYS = (
    "url", "title", "section", "source", "author", "published_at", "body", "images", "tags",
    "summary", "crawled_at", "editor", "date_precision",
)
TAG_SPLIT = str.maketrans({"，": ","})
INDEX_KEYS = wanted_keys(rules.ALL_SELECTORS)
CONTROL_CHARS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def parse_html(text: str | bytes) -> etree._Element:
    """An lxml tree for any text (or UTF-8 bytes); an empty document when there is nothing."""
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                              no_network=True, recover=True)
    data = text if isinstance(text, bytes) else text.encode("utf-8", errors="replace")
    try:
        root = etree.fromstring(data, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if root is None or not isinstance(root.tag, str):
        root = etree.fromstring(b"<html><head></head><body></body></html>", parser)
    if root.getnext() is not None:
        try:
            _adopt_after_end(root)
        except ValueError:  # text lxml will not set: keep what was moved so far
            pass
    return root


def _drop_archive_toolbar(root: etree._Element) -> None:
    """Remove the toolbar the Wayback Machine puts at the top of an archived copy (its
    ``COLLECTED BY`` heading, capture dates and links are the archive's, not the page's)."""
    for node in _ARCHIVE_TOOLBAR(root):
        parent = node.getparent()
        if parent is not None:
            parent.remove(node)


_ARCHIVE_TOOLBAR = etree.XPath(
    " | ".join(f"//*[@id='{toolbar}']" for toolbar in rules.ARCHIVE_TOOLBAR_IDS))


def _adopt_after_end(root: etree._Element) -> None:
    """Move what follows a premature ``</html>`` back into the page's ``<body>``.

    A stray ``</body></html>`` in the middle of a page (a template include gone wrong) makes
    libxml2 put the rest of the page into a second ``<html>`` element, a sibling of the root
    that nobody would search: the article text would be lost. Its content, or its ``<body>``'s
    when it has one, is appended to the root's ``<body>`` in document order (so junk after a
    real ``</html>``, usually statistics scripts, lands at the end of the body, where the
    dropped tags and the scorer ignore it). Costs nothing on a well-formed page (no sibling).
    """
    body = root.find("body")
    if body is None:
        body = etree.SubElement(root, "body")
    for sibling in list(root.itersiblings()):
        if not isinstance(sibling.tag, str):
            continue
        _append_text(body, sibling.text)
        sibling.text = None
        for child in list(sibling):
            if child.tag == "body":
                _append_text(body, child.text)
                for grandchild in list(child):
                    body.append(grandchild)  # moves it, with its tail
                _append_text(body, child.tail)
            elif child.tag == "head":
                _append_text(body, child.tail)
            else:
                body.append(child)


def _append_text(parent: etree._Element, text: str | None) -> None:
    """Add ``text`` at the end of ``parent``'s content."""
    if not text:
        return
    text = CONTROL_CHARS_RE.sub("", text)  # libxml2 reads them, lxml refuses to set them
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _base_url(root: etree._Element, url: str) -> str:
    """The page URL, or its ``<base href>`` resolved against it."""
    for node in root.iter("base"):
        href = (node.get("href") or "").strip()
        if href:
            try:
                return urljoin(url, href)
            except ValueError:
                return url
    return url


def _tags(keywords: str | None) -> list[str]:
    if not keywords:
        return []
    return [t for t in (collapse(part) for part in keywords.translate(TAG_SPLIT).split(",")) if t]


def _now(now: datetime | None, profile: Profile) -> datetime:
    zone = get_timezone(profile.timezone)
    if now is None:
        return datetime.now(zone)
    return now if now.tzinfo is not None else now.replace(tzinfo=zone)


def empty_record(url: str, crawled_at: str) -> dict:
    """The record of a page with nothing in it: every key present, nothing guessed."""
    return {
        "url": url, "title": None, "section": [], "source": None, "author": None,
        "published_at": None, "body": "", "images": [], "tags": [], "summary": None,
        "crawled_at": crawled_at, "editor": None, "date_precision": None,
    }


def extract_article(
    html: bytes,
    url: str,
    *,
    profile: Profile | None = None,
    now: datetime | None = None,
    http_encoding: str | None = None,
) -> dict:
    """Extract one article record from a page's raw bytes (see docs/CONTRACTS.md).

    Missing fields are None or empty; deciding whether the record is good enough is the
    validator's job downstream.
    """
    profile = profile or DEFAULT_PROFILE
    current = _now(now, profile)
    crawled_at = current.isoformat(timespec="seconds")
    try:
        return _extract(html, url, profile, current, http_encoding, crawled_at)
    except Exception:  # a page must never take the crawl down; log it and deliver what we know
        logger.exception("extraction failed for %s", url)
        return empty_record(url, crawled_at)


def _extract(
    html: bytes, url: str, profile: Profile, now: datetime, http_encoding: str | None,
    crawled_at: str,
) -> dict:
    source = decode_html(html or b"", http_encoding).encode("utf-8", errors="replace")
    root = parse_html(source)
    etree.strip_elements(root, *rules.DROP_TAGS, with_tail=False)
    if rules.ARCHIVE_TOOLBAR_MARK in source:
        _drop_archive_toolbar(root)
    tags = meta_tags(root)
    base = _base_url(root, url)
    marks = author_marks(source)  # its author class tokens join the index's keys
    index = PageIndex(root, INDEX_KEYS[0] | frozenset(marks.classes), INDEX_KEYS[1], source=source)
    title, heading = extract_title(root, index, profile, tags)
    section, breadcrumb = extract_section(root, index, profile)
    containers = find_containers(root, index, profile)
    if heading is None and containers and not profile.title_selectors:
        # <title> confirmed no heading: take the heading right above the body instead, or
        # the emphasised line before the text on a page without heading tags
        labelled = labelled_headline(root, index)  # 主题：标题 (a forum's, a BBS's)
        found = labelled if labelled is not None and labelled[1] is not None else \
            heading_before(containers[0]) or emphasised_before_text(root)
        if found is not None:
            title, heading = found
        if labelled is not None:
            title = labelled[0]  # printed inside a block of header lines: the header stays
    meta: Meta = extract_meta(root, index, url, heading, profile, now, tags)
    if heading is not None and heading.tag == "br" and heading.getparent() is not None:
        heading = heading.getparent()  # <h1>标题<br><font>byline</font></h1>: all of it is header
    exclude = [n for n in (heading, breadcrumb, meta.element) if n is not None]
    printed = all_text(containers[-1]) if containers else ""  # before cleaning
    microdata = cell = None
    if meta.author is None:  # read before cleaning drops the links and meta cells they are in
        microdata = microdata_author(root, marks)
        cell = label_cell_author(root, index.source)
    body = extract_body(containers, base, profile, title=title, exclude=exclude)
    if body.lines and not body.images and is_meta_line(collapse(" ".join(body.lines))):
        body = Body()  # an empty body container, and the fallback found only the meta line
    if heading is None and not profile.title_selectors:
        title = headline_atop(body.lines) or title  # 标题 / 2014/12/11 18:58 報導 / 正文
    after = cache(lambda: text_after(printed, body.lines, containers))
    if meta.date is None or meta.date_from_url:  # a date the text prints beats the URL's
        meta.date = date_of_opening_lines(body.lines, profile.timezone, now) or \
            date_of_reprint(body.lines, profile.timezone, now) or \
            date_of_sign_off(body.lines, profile.timezone, now) or \
            date_of_posting(body.lines, after(), profile.timezone, now) or meta.date
    summary = collapse(tags.get("description")) or None
    credited = replace(body, lines=[writing_roles_as_label(line) for line in body.lines])
    author = find_author(Evidence(
        meta, credited, tags, root, index, title, url,
        after=after,
        microdata=microdata, cell=cell, marks=marks))
    record = empty_record(url, crawled_at)
    record.update(
        title=printed_title(title),
        section=section,
        source=meta.source,
        author=author,
        published_at=meta.date.isoformat() if meta.date else None,
        body=body.text,
        images=body.images,
        tags=_tags(tags.get("keywords")),
        summary=summary,
        editor=meta.editor or body.editor,
        date_precision=meta.date.precision if meta.date else None,
    )
    return record
