"""``extract_article``: one article page (bytes) in, one record (dict) out, never an exception.

Pure: no Scrapy, no network, no clock unless ``now`` is omitted. The steps are in the order they
depend on each other: decode, parse, read head data (``<title>``, ``<meta>``), find the heading,
read the meta line after it, then take the body (which removes furniture from the tree, so it
comes last).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import datetime
from functools import cache
from urllib.parse import urljoin, urlsplit

from lxml import etree

from newscrawler.extract import authors, beside_date, credits, header_slots, names, rules
from newscrawler.extract.author_markup import (
    NO_MARKS,
    AuthorMarks,
    author_marks,
    copyright_author,
    label_cell_author,
    marked_author,
    microdata_author,
    not_filed_under,
    profile_linked,
    unlinked,
)
from newscrawler.extract.body import Body, extract_body, find_containers
from newscrawler.extract.dates import get_timezone
from newscrawler.extract.embedded import jsonld_author
from newscrawler.extract.encoding import decode_html
from newscrawler.extract.index import PageIndex, wanted_keys
from newscrawler.extract.meta import (
    Meta,
    date_of_opening_lines,
    date_of_reprint,
    extract_meta,
    first_tag,
    header_zone,
    meta_tags,
    squeezed_length,
)
from newscrawler.extract.meta_line import is_meta_line
from newscrawler.extract.page_title import printed_title
from newscrawler.extract.profile import DEFAULT_PROFILE, Profile
from newscrawler.extract.text import all_text, collapse
from newscrawler.extract.title import (
    emphasised_before_text,
    extract_section,
    extract_title,
    heading_before,
    headline_atop,
)

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


def find_author(
    meta: Meta, body: Body, tags: dict[str, str], root: etree._Element, source: bytes | None,
    title: str | None = None, url: str = "", after: Callable[[], str] = str,
    microdata: str | None = None, cell: str | None = None, marks: AuthorMarks = NO_MARKS,
    index: PageIndex | None = None,
) -> str | None:
    """The writers, most trustworthy credit first (``authors.py``, ``credits.py``): a
    labelled author in the meta line, a theme's author markup (hCard, ``rel="author"``), a
    name right before the header date, a labelled byline in the header text, bare names right
    after the header date, a Latin name that is all the header prints before its date, a
    byline at the start of the body or on a line of its own among its first lines, a name
    alone under the headline, a closing credit, a credit the body left out as furniture
    right after the text (``文章来源：…‧报道：X``), a bracketed signature ending the text, a
    labelled author in a meta line elsewhere on the page, a pen name the meta line labels, and
    last JSON-LD's or ``<meta name="author">``'s when it is not the site. A signature and a
    meta line's author elsewhere are dropped when the page prints them as its editor.

    A CMS account (``admin``), labelled (DedeCms's ``作者：admin``) or in a theme's markup
    (WordPress's ``Posted by admin``), is kept as printed, as the sample portal's contract has
    it, unless a byline opens the text's first line (``本站讯（记者刘晓艳文并图）``)."""
    found = _credited(meta, body, tags, root, source, title, url, after, microdata, cell, marks,
                      index)
    if found and found.lower() in rules.PLACEHOLDER_ACCOUNTS and body.lines:
        return authors.opening_byline(body.lines[0], bare=True) or found  # 本站讯（记者X）
    return found


def _credited(
    meta: Meta, body: Body, tags: dict[str, str], root: etree._Element, source: bytes | None,
    title: str | None, url: str, after: Callable[[], str], microdata: str | None,
    cell: str | None, marks: AuthorMarks, index: PageIndex | None,
) -> str | None:
    found = names.clean_author(meta.author) or cell or marked_author(root, source, marks, index)
    if found:
        return found
    site = cache(lambda: _site_name(root, tags, title, url))  # built once, only if needed
    zone, date = meta.zone, meta.zone_date
    if zone:
        if date:
            found = beside_date.name_before_date(zone, date.start()) or \
                beside_date.poster_before_date(zone, date.start()) or \
                unlinked(root, beside_date.lone_word_before_date(zone, date.start())) or \
                profile_linked(root, beside_date.word_before_date(zone, date.start()))
        found = found or authors.reversed_credit(zone) or authors.opening_byline(zone) or \
            authors.marked_names(zone) or header_slots.names_before_slash(zone) or \
            header_slots.poster_posted_in(zone) or header_slots.posted_by(zone)
        if not found and date:
            after_date = beside_date.names_after_date(zone, date.end(), site())
            found = not_filed_under(root, after_date) or \
                beside_date.latin_name_opening(zone, date.start(), site())
        found = found or authors.latin_byline(zone) or \
            credits.credit_group(zone[:HEADER_CREDITS_CHARS])  # 供稿：… 张帆 摄影：… 编辑：…
        if found:
            return found
    text = body.text
    found = authors.reversed_credit(text) or authors.opening_byline(text, bare=True) or \
        authors.report_line(body.lines) or \
        authors.name_under_headline(body.lines, title, meta.zone) or \
        credits.closing_credit(text)
    if found:
        return found
    editors = (meta.editor, body.editor, tags.get("editor"))
    found = credits.furniture_credit(after()) or copyright_author(index) or \
        _not_the_editor(credits.closing_signature(text), editors, source) or \
        _not_the_editor(names.clean_author(meta.page_author), editors, source) or \
        names.pen_name(meta.author) or names.signed_name(meta.author or "") or \
        header_slots.account_card(meta.zone)
    # last: an account, labelled (作者：影视风向标, 作者：昇腾AI) or on a platform's card
    if found:
        return found
    declared = jsonld_author(source) or microdata
    tag = declared or first_tag(tags, rules.META_AUTHOR_NAMES, collapse)
    if tag and tag != meta.source and not _names_the_host(tag, url) and \
            tag.lower() not in site().lower():  # nor the medium
        found = names.clean_author(tag) or authors.opening_byline(tag)  # 記者X／即時報導
        if not found and declared and not rules.MEDIUM_INSIDE_RE.search(tag):
            found = names.signed_name(tag)  # a Person's account: 超级电影迷1973, 飘飞的胸毛
        if found and zone:
            found = authors.with_names_after(found, zone)  # <meta> names the first writer
        return _not_the_editor(found, editors, source)
    return None


def _text_after(printed: str, lines: list[str], containers: list[etree._Element]) -> str:
    """What the body's last container printed (before cleaning) after the article's last line,
    then the page text right after the container: where the credits the body leaves out as
    page furniture are (``文章来源：…‧报道：黄翠娴``, ``作者： 记者王敬照 编辑： 王华军`` in the
    next cell). Built only when the author is still unknown by then."""
    if not printed or not lines or not containers:
        return ""
    printed = collapse(printed)
    key = lines[-1][-TAIL_KEY_CHARS:]
    at = printed.rfind(key)
    inside = printed[at + len(key):] if at >= 0 else ""
    return inside + " " + header_zone(containers[-1], FOLLOWING_CHARS, squeezed_length)


#: How much of the header is read for a group of credits.
HEADER_CREDITS_CHARS = 100
#: Characters of the body's last line looked for in its container's text, and of the page
#: text after the container read for a credit.
TAIL_KEY_CHARS = 12
FOLLOWING_CHARS = 120


def _not_the_editor(
    names: str | None, editors: tuple[str | None, ...], source: bytes | None
) -> str | None:
    """``names`` unless the page calls that person its editor.

    CMSs fill ``<meta name="author">`` and an empty ``作者`` slot with whoever published the
    page: the editor, who the page names after ``责任编辑``/``责编``/``编辑`` or in
    ``<meta name="editor">`` (gmw, china.com.cn, chinanews pages)."""
    if not names:
        return None
    if names in editors:
        return None
    if source and _printed_as_editor(names, source):
        return None
    return names


def _printed_as_editor(name: str, source: bytes) -> bool:
    """Does an editor label stand before any place the page source prints ``name``?

    Searched backwards from each occurrence of the name (a bytes ``find``) rather than with
    one pattern over the whole page: a pattern led by an alternation of labels is tried at
    every byte of a page of a few hundred KB."""
    needle = name.encode("utf-8")
    at = source.find(needle)
    while at != -1:
        after = source[at + len(needle):at + len(needle) + 1]
        if not (after and 0xE4 <= after[0] <= 0xE9) and EDITOR_LABEL_BEFORE.search(
                source, max(0, at - EDITOR_LABEL_REACH), at):
            return True
        at = source.find(needle, at + 1)
    return False


def _names_the_host(value: str, url: str) -> bool:
    """Does a Latin author value name the site's host (``Reuters Editorial`` on
    cn.reuters.com, ``BBC News`` on www.bbc.com)? The medium's desk, not a writer."""
    try:
        labels = set((urlsplit(url).hostname or "").split("."))
    except ValueError:
        return False
    return any(word in labels for word in re.findall(r"[a-z]{3,}", value.lower()))


def _site_name(root: etree._Element, tags: dict[str, str], title: str | None, url: str) -> str:
    """What the page says its site is called: the ``<title>`` around the headline
    (``标题_财经频道_和讯网``), ``og:site_name`` and the host (``www.chinanews.com``)."""
    page_title = collapse(root.findtext(".//title") or "")
    if title:
        page_title = page_title.replace(title, " ")
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        host = ""
    return " ".join((page_title, tags.get("og:site_name") or "", host))


#: An editor label, then any tags, ending where the name starts: ``责任编辑：<b>X</b>``,
#: ``【编辑:X】``. Searched in the UTF-8 source; no Han character may follow the name (a UTF-8
#: Han character starts with one of the bytes 0xE4-0xE9).
EDITOR_LABEL_BEFORE = re.compile(
    ("(?:" + "|".join(rules.LABELS["editor"]) + r")\s*(?::|：)?\s*(?:<[^>]*>\s*)*\Z")
    .encode("utf-8")
)
#: How many bytes before the name the label may start (label, colon and the tags between).
EDITOR_LABEL_REACH = 600


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
    tags = meta_tags(root)
    base = _base_url(root, url)
    marks = author_marks(source)  # its author class tokens join the index's keys
    index = PageIndex(root, INDEX_KEYS[0] | frozenset(marks.classes), INDEX_KEYS[1], source=source)
    title, heading = extract_title(root, index, profile)
    section, breadcrumb = extract_section(root, index, profile)
    containers = find_containers(root, index, profile)
    if heading is None and containers and not profile.title_selectors:
        # <title> confirmed no heading: take the heading right above the body instead, or
        # the emphasised line before the text on a page without heading tags
        found = heading_before(containers[0]) or emphasised_before_text(root)
        if found is not None:
            title, heading = found
    meta: Meta = extract_meta(root, index, url, heading, profile, now)
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
    if meta.date is None:
        meta.date = date_of_opening_lines(body.lines, profile.timezone, now) or \
            date_of_reprint(body.lines, profile.timezone, now)
    summary = collapse(tags.get("description")) or None
    author = find_author(meta, body, tags, root, index.source, title, url,
                         lambda: _text_after(printed, body.lines, containers), microdata,
                         cell, marks, index)
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
