"""Who wrote the article: the order in which every reader of a credit is trusted.

The readers live where their rule does (``authors.py`` labelled bylines, ``beside_date.py``
names next to the header's date, ``header_slots.py`` unlabelled writers in the header's slots,
``credits.py`` closing credits, ``author_markup.py`` what the markup names, ``embedded.py``
JSON-LD); this module only decides which of them speaks first, from what the page gave before
and after its body was cleaned (``Evidence``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlsplit

from lxml import etree

from newscrawler.extract import authors, beside_date, credits, header_slots, names, rules
from newscrawler.extract.author_markup import (
    NO_MARKS,
    AuthorMarks,
    author_box_name,
    copyright_author,
    icon_named,
    marked_author,
    microdata_coauthors,
    not_filed_under,
    profile_linked,
    unlinked,
    within_its_block,
)
from newscrawler.extract.body import Body
from newscrawler.extract.embedded import founder_property, jsonld_author
from newscrawler.extract.forum import first_poster
from newscrawler.extract.header import header_zone, squeezed_length
from newscrawler.extract.index import PageIndex
from newscrawler.extract.meta import Meta, first_tag
from newscrawler.extract.page_title import title_text
from newscrawler.extract.text import all_text, collapse


@dataclass
class Evidence:
    """What the page gave that a writer can be read from.

    ``microdata`` and ``cell`` are read before the body is cleaned (cleaning drops the links
    and meta cells they are in); ``after`` builds, only when asked, the text the body left out
    right after the article (``_text_after``)."""

    meta: Meta
    body: Body
    tags: dict[str, str]
    root: etree._Element
    index: PageIndex
    title: str | None = None
    url: str = ""
    after: Callable[[], str] = str
    microdata: str | None = None
    cell: str | None = None
    marks: AuthorMarks = field(default=NO_MARKS)

    @property
    def source(self) -> bytes | None:
        return self.index.source

    @cached_property
    def site(self) -> str:
        """What the page says its site is called: the ``<title>`` around the headline
        (``标题_财经频道_和讯网``), ``og:site_name`` and the host (``www.chinanews.com``).
        Built once, and only when a reader needs it."""
        page_title = collapse(title_text(self.root))
        if self.title:
            page_title = page_title.replace(self.title, " ")
        try:
            host = urlsplit(self.url).hostname or ""
        except ValueError:
            host = ""
        return " ".join((page_title, self.tags.get("og:site_name") or "", host))

    @property
    def editors(self) -> tuple[str | None, ...]:
        return (self.meta.editor, self.body.editor, self.tags.get("editor"))


def find_author(page: Evidence) -> str | None:
    """The writers, most trustworthy credit first: a labelled author in the meta line, a
    theme's author markup (hCard, ``rel="author"``), a name alone in an author box, then the
    header (``_header_credit``), the text (``_text_credit``), the credits around it
    (``_late_credit``), a forum thread's first poster (``forum.first_poster``) and last what
    the page declares in JSON-LD, microdata or ``<meta name="author">``
    (``_declared_author``); co-authors a byline declares after the first found are added
    (``microdata_coauthors``), and a round-up's reporters after the first region's
    (``authors.round_up_reporters``).

    A CMS account (``admin``), labelled (DedeCms's ``作者：admin``) or in a theme's markup
    (WordPress's ``Posted by admin``), is kept as printed, as the sample portal's contract has
    it, unless a byline opens the text's first line (``本站讯（记者刘晓艳文并图）``). A credit
    that is one of the host's names (``作者：TWNIC`` on blog.twnic.tw, ``CONAC`` before the
    date on www.conac.cn) or a Latin desk's (``Redazione``) credits the site: the next place
    is read (the reprinted story's ``本报北京6月4日电（张洋、张腾扬、赵雅娇）``). A handle in
    lower case after an author label is a person's, whose blog is named after it (``作者：
    vpsee`` on www.vpsee.com): an organisation writes its name as a name (``TWNIC``)."""
    found = next((credit for place, credit in enumerate(_credits(page)) if credit and not (
        (_is_the_host(credit, page.url) and not (place == 0 and credit.islower())) or
        _names_a_desk(credit))), None)
    if found and found.lower() in rules.PLACEHOLDER_ACCOUNTS and page.body.lines:
        return authors.opening_byline(page.body.lines[0], bare=True) or found  # 本站讯（记者X）
    if not found:
        return None
    found = authors.round_up_reporters(page.body.lines, found)
    return microdata_coauthors(page.root, found, page.marks)


def _credits(page: Evidence) -> Iterator[str | None]:
    """Each place a writer may be credited, most trustworthy first, read only when asked."""
    yield _labelled(page)
    yield page.cell
    yield marked_author(page.root, page.source, page.marks, page.index)
    yield author_box_name(page.root, page.marks, page.index, page.meta.zone)
    yield _header_credit(page)
    yield _text_credit(page)
    yield _late_credit(page)
    yield first_poster(page.root, page.index)
    yield _declared_author(page)


def _labelled(page: Evidence) -> str | None:
    """The meta line's labelled writers; when the page cut the value short (``作者：金鑫 房敏…``),
    the text's opening byline that starts with them and names more (``□本报记者 金鑫 通讯员
    房敏婕``). An uncut value stays, though the text names more (the header's byline wins)."""
    labelled = names.clean_author(page.meta.author)
    if labelled and page.body.text and _cut_short(page.meta.zone, labelled):
        opening = authors.opening_byline(page.body.text)
        if opening and opening.startswith(labelled + names.SEPARATOR):
            return opening
    if labelled and page.body.lines and _uploaded_by(page.meta.zone, labelled):
        return authors.opening_byline(page.body.lines[0]) or labelled
    return labelled


def _uploaded_by(zone: str, labelled: str) -> bool:
    """Is the labelled name the uploader's (``发布者：张晓然``, a university CMS's account)? The
    byline opening the text (``（通讯员 李洁梅）6月14日，…``) then names the writer."""
    uploader = "|".join(rules.UPLOADER_LABELS)
    return re.search(rf"(?:{uploader})\s*[:：︰]?\s*{re.escape(labelled)}", zone) is not None


def _cut_short(zone: str, labelled: str) -> bool:
    """Does the header print the labelled names' run cut short (``金鑫 房敏…``)?"""
    last = labelled.split(names.SEPARATOR)[-1]
    at = zone.find(last)
    return at >= 0 and CUT_SHORT_RE.match(zone, at + len(last)) is not None


#: A name cut short after the last whole one: a few Han characters, then an ellipsis.
CUT_SHORT_RE = re.compile(r"\s*[\u4e00-\u9fff]{0,4}(?:…|\.\.\.)")


def _header_credit(page: Evidence) -> str | None:
    """A writer in the header after the headline: a name right before its date, a labelled
    byline, bare names right after the date, a Latin name that is all the header prints
    before its date, a group of credits (``供稿：… 张帆 摄影：… 编辑：…``)."""
    zone, date = page.meta.zone, page.meta.zone_date
    if not zone:
        return None
    found = None
    if date:
        found = beside_date.name_before_date(zone, date.start()) or \
            beside_date.poster_before_date(zone, date.start()) or \
            unlinked(page.root, beside_date.lone_word_before_date(zone, date.start())) or \
            profile_linked(page.root, beside_date.word_before_date(zone, date.start())) or \
            beside_date.account_beside_date(zone, date.start(), date.end())
    found = found or authors.reversed_credit(zone) or \
        within_its_block(page.root, zone, authors.opening_byline(zone)) or \
        authors.marked_names(zone) or header_slots.names_before_slash(zone) or \
        header_slots.poster_posted_in(zone) or header_slots.posted_by(zone) or \
        header_slots.name_with_email(zone) or header_slots.affiliated_name(zone)
    if not found and date:
        after_date = beside_date.names_after_date(zone, date.end(), page.site)
        found = not_filed_under(page.root, after_date) or \
            beside_date.latin_name_opening(zone, date.start(), page.site)
    return found or authors.latin_byline(zone) or \
        credits.credit_group(zone[:HEADER_CREDITS_CHARS])


def _text_credit(page: Evidence) -> str | None:
    """A byline at the start of the text or on a line of its own among its first lines, a
    name alone under the headline, a closing credit, a forum's line naming the poster."""
    text, lines = page.body.text, page.body.lines
    return authors.reversed_credit(text) or authors.opening_byline(text, bare=True) or \
        authors.report_line(lines) or \
        authors.name_under_headline(lines, page.title, page.meta.zone) or \
        credits.closing_credit(text) or credits.posting_line_poster(lines)


def _late_credit(page: Evidence) -> str | None:
    """A credit the body left out as furniture right after the text (``文章来源：…‧报道：X``),
    a blog's copyright box, a bracketed signature ending the text, a labelled author in a
    meta line elsewhere on the page, a pen name the meta line labels, and last an account,
    labelled (``作者：影视风向标``), on a platform's card or after a person icon, and the
    compiler of a report from foreign media (``（编译/金鹿）``). A signature
    and a meta line's author elsewhere are dropped when the page prints them as its editor."""
    meta = page.meta
    return credits.furniture_credit(page.after()) or copyright_author(page.index) or \
        _not_the_editor(credits.closing_signature(page.body.text), page) or \
        _not_the_editor(names.clean_author(meta.page_author), page) or \
        names.pen_name(meta.author) or names.signed_name(meta.author or "") or \
        header_slots.account_card(meta.zone) or icon_named(page.root, page.source, meta.zone) or \
        credits.compiler(meta.zone, page.body.text)


def _declared_author(page: Evidence) -> str | None:
    """JSON-LD's or microdata's author, else ``<meta name="author">`` unless a CMS's statistics
    block holds it (``_published_by_account``), when it is neither the source, the host nor the
    site's name (the medium), nor the page's editor."""
    declared = jsonld_author(page.source) or page.microdata or \
        founder_property(page.source, "author")  # an e-paper's <founder-author>
    tag = declared or (None if _published_by_account(page.tags) else
                       first_tag(page.tags, rules.META_AUTHOR_NAMES, collapse))
    if not tag or tag == page.meta.source or _names_the_host(tag, page.url) or \
            tag.lower() in page.site.lower() or (not declared and _template_handle(tag, page)):
        return None
    found = names.clean_author(tag) or authors.opening_byline(tag)  # 記者X／即時報導
    if not found and declared and not rules.MEDIUM_INSIDE_RE.search(tag):
        found = names.signed_name(tag)  # a Person's account: 超级电影迷1973, 飘飞的胸毛
    if found and page.meta.zone:
        found = authors.with_names_after(found, page.meta.zone)  # <meta> names the first
    return _not_the_editor(found, page)


def _template_handle(tag: str, page: Evidence) -> bool:
    """Is ``<meta name="author">`` a Latin handle that a Chinese page never prints (``atarm``
    on www.ljzfin.com)? Then it names whoever built the template, not a writer: a writer's
    handle that is a byline is printed with the article."""
    if not tag.isascii() or not re.search(f"[{names.HAN}]", page.title or ""):
        return False
    body = page.root.find("body")
    return body is not None and tag not in all_text(body)


def _published_by_account(tags: dict[str, str]) -> bool:
    """Does ``<meta name="author">`` belong to a CMS's statistics block
    (``rules.CMS_STATISTICS_TAGS``)? There it names whoever published the page, mostly the
    editor (``常悦`` on tv.cctv.com, ``季爽`` on m.gmw.cn, pages that credit no writer), so it is
    no credit; a byline the page prints was read before it."""
    return rules.CMS_STATISTICS_TAGS <= tags.keys()


def text_after(printed: str, lines: list[str], containers: list[etree._Element]) -> str:
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


def _not_the_editor(name: str | None, page: Evidence) -> str | None:
    """``name`` unless the page calls that person its editor.

    CMSs fill ``<meta name="author">`` and an empty ``作者`` slot with whoever published the
    page: the editor, who the page names after ``责任编辑``/``责编``/``编辑`` or in
    ``<meta name="editor">`` (gmw, china.com.cn, chinanews pages)."""
    if not name or name in page.editors:
        return None
    if page.source and _printed_as_editor(name, page.source):
        return None
    return name


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


def _names_a_desk(value: str) -> bool:
    """Is a Latin credit a medium's, a desk's or a mission's (``Redazione``, ``U.S. Mission
    China``, ``Reuters``: each of its parts holds a word of ``rules.LATIN_MEDIA_WORDS``), not
    a writer's (``Yasemin Saplakoglu - Staff Writer`` names one)?"""
    return value.isascii() and all(
        not rules.LATIN_MEDIA_WORDS.isdisjoint(re.findall(r"[a-z]+", part))
        for part in CREDIT_PARTS_RE.split(value.lower()))


#: Between the parts of a Latin credit (``Name - Staff Writer``, ``Name | Desk``, ``A, B``).
CREDIT_PARTS_RE = re.compile(r"\s+[-–|]\s+|,\s*")


def _is_the_host(value: str, url: str) -> bool:
    """Is a Latin value one of the host's labels, whole (``TWNIC`` on blog.twnic.tw)?"""
    return value.isascii() and value.lower().replace(" ", "") in _host_labels(url)


def _names_the_host(value: str, url: str) -> bool:
    """Does a Latin author value name the site's host (``Reuters Editorial`` on
    cn.reuters.com, ``BBC News`` on www.bbc.com)? The medium's desk, not a writer."""
    labels = _host_labels(url)
    return any(word in labels for word in re.findall(r"[a-z]{3,}", value.lower()))


def _host_labels(url: str) -> set[str]:
    try:
        return set((urlsplit(url).hostname or "").split("."))
    except ValueError:
        return set()


#: An editor label, then any tags or comments, ending where the name starts:
#: ``责任编辑：<b>X</b>``, ``【编辑:X】``, TRS's ``编辑：（<!--<$[信息作者]>begin-->X``. Searched
#: in the UTF-8 source (so no character classes of Han or full-width characters); no Han
#: character may follow the name (a UTF-8 Han character starts with one of the bytes 0xE4-0xE9).
EDITOR_LABEL_BEFORE = re.compile(
    ("(?:" + "|".join(rules.LABELS["editor"]) + r")\s*(?::|：)?\s*(?:（|\()?\s*"
     r"(?:(?:<!--(?:(?!-->)[\s\S])*-->|<[^>]*>)\s*)*\Z")
    .encode("utf-8")
)
#: How many bytes before the name the label may start (label, colon and the tags between).
EDITOR_LABEL_REACH = 600
