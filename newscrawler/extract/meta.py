"""The article's meta line: date, source, author, editor, in every wording of dedecms-portals §5.2.

The meta line is read where the article puts it, right after its heading (``header.py`` says
where that text is), because sidebars and list boxes on the same page carry dates of other
articles; ``meta_line.py`` reads its labels.
When the page has no meta line the fallbacks are, in order: date/source elements, ``<meta>`` tags,
JSON-LD, a labelled value anywhere on the page, the publish time an inline script holds
(``embedded.py``), and finally the ``/YYYY/MMDD/`` in the URL (day precision).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta, timezone
from functools import lru_cache
from itertools import islice
from urllib.parse import urlsplit

from lxml import etree

from newscrawler.extract import rules
from newscrawler.extract.authors import writing_roles_as_label
from newscrawler.extract.credits import posting_line
from newscrawler.extract.dates import (
    FULL_DATE_RE,
    ParsedDate,
    get_timezone,
    han_numeral_dates,
    is_date_alone,
    parse_badge_date,
    parse_date,
    parse_full_date,
    parse_short_header_date,
)
from newscrawler.extract.embedded import founder_date, jsonld_date, script_date
from newscrawler.extract.header import (
    date_in_another_form,
    header_zone,
    in_comment_box,
    squeezed_length,
    zone_after,
)
from newscrawler.extract.index import PageIndex
from newscrawler.extract.meta_line import (
    EVENT_LABEL_REACH,
    MAX_META_TEXT,
    clean_value,
    ends_with_event_label,
    parse_labelled,
)
from newscrawler.extract.profile import DEFAULT_PROFILE, Profile
from newscrawler.extract.text import (
    all_text,
    collapse,
    in_link,
    printed_before,
    shown_text_of,
    text_of,
)

#: Words of date and source labels, simplified and traditional (``來源``, ``發佈``): the text
#: nodes holding one are read by the page-wide fallback (``_labelled_elements``).
LABEL_WORDS = (
    "来源", "时间", "日期", "发布", "发表", "出处", "來源", "時間", "發布", "發佈", "發表",
    "编辑于", "編輯於", "输入", "輸入",
)
LABEL_WORDS_UTF8 = tuple((word, word.encode("utf-8")) for word in LABEL_WORDS)
#: Author labels worth a page-wide scan when only the author is missing ("记者" is in most
#: news text, so it alone does not pay for the scan).
PAGE_AUTHOR_LABELS = ("作者", "撰文", "撰稿")
INLINE_LABEL_TAGS = frozenset({"small", "strong", "span", "b", "em", "font", "label", "i"})
MAX_LABELLED_ELEMENTS = 8
#: A ``<meta>`` date stated in UTC (``Z``, ``+00:00``), which may reveal a site abroad's zone.
UTC_SUFFIX_RE = re.compile(r"\d(?:Z|[+-]00:?00)\s*$")
#: Any other offset a ``<meta>`` date states (``2025-02-07T11:05:18+09:00``).
OFFSET_SUFFIX_RE = re.compile(r"\d(?P<sign>[+-])(?P<h>\d{2}):?(?P<m>\d{2})\s*$")
#: The widest offset a printed wall clock may be in, as told by a machine date (minutes).
MAX_OFFSET_MINUTES = 14 * 60
MIDNIGHT = time(0, 0)
#: An update label right before a date (``更新 / 2023…``, ``Updated: 2023…``), and how much of
#: the header is searched for a date that is not an update's.
UPDATED_BEFORE_RE = re.compile(
    r"(?:更新|Updated?|最后修改|最後修改)[\s/:：︰|于於]*\Z", re.IGNORECASE)
MAX_ZONE_DATE_SCAN = 500
#: A reprint's credit of its original, in the text's last lines: the date follows it.
REPRINT_RE = re.compile(r"(?:原载|原載|刊于|刊於|原文刊登于)于?\s*《[^》]{1,20}》\s*(?=\d)")
REPRINT_LINES = 3
#: An opening dateline is one of the text's first lines, and short.
OPENING_DATE_LINES = 2
MAX_OPENING_DATE_LINE = 60
#: A date line above the headline is short, and may be in English (blog themes).
MAX_DATE_ABOVE = 60
DATE_ABOVE_LANGUAGES = ("zh", "en")
#: Han characters of a date line that are not the date's own: a label at most (发布时间).
OTHER_HAN_RE = re.compile(r"[\u4e00-\u9fff](?<![年月日时分秒星期周])")
MAX_DATE_ABOVE_WORDS = 4


FIELDS = ("date", "source", "author", "editor")
@dataclass
class Meta:
    """Meta-line fields; ``element`` is the meta line's container when one was identified."""

    date: ParsedDate | None = None
    source: str | None = None
    author: str | None = None
    editor: str | None = None
    element: etree._Element | None = None
    #: The text after the heading (``header_zone``), where bylines and the date sit.
    zone: str = ""
    #: The first full date in ``zone``, where the header's bylines are read around.
    zone_date: re.Match[str] | None = None
    #: An author labelled in a meta line away from the heading (``来源：X 作者：Y`` at the
    #: foot): trusted after the header's and the text's own bylines.
    page_author: str | None = None
    #: The date is only the one the URL holds (``/2018/0112/``): a date the text prints at its
    #: start or end (a notice's sign-off) is the page's own and beats it.
    date_from_url: bool = False

    def missing(self) -> list[str]:
        return [name for name in FIELDS if getattr(self, name) is None]

    def merge(self, values: dict) -> None:
        for name, value in values.items():
            if getattr(self, name) is None and value is not None:
                setattr(self, name, value)


def _published_in(zone: str, tz: str, now: datetime) -> ParsedDate | None:
    """The header's first whole date, passing over an update's (``更新 / 2023年11月24日 6:57 PM
    发布 / 2023年11月24日 5:47 PM``: 5:47 PM) and one that a sentence goes on after (jiemian,
    whose header date a script prints: ``2018年5月15日，鸟巢，…`` is the story's); the first
    update when there is nothing else."""
    first = parse_full_date(zone, tz=tz, now=now)
    lead = FULL_DATE_RE.search(zone)
    if first is None:
        return first
    if lead is None:  # printed in another form: ``By X Updated 十二月 31, 2025`` is an update's
        return _not_updated_in_another_form(zone, first, tz, now)
    in_story = _in_sentence(zone, lead.end()) or _after_sentence(zone, lead.start()) or \
        _after_event_label(zone, lead.start())
    if (not in_story and not _marked_updated(zone, lead.start())) or \
            parse_full_date(zone[: lead.start()], tz=tz, now=now) is not None:
        return first  # (or it is printed in another form before: ``@ 08-24-2013``)
    for match in FULL_DATE_RE.finditer(zone, lead.end(), MAX_ZONE_DATE_SCAN):
        if not _marked_updated(zone, match.start()) and not _in_sentence(zone, match.end()) \
                and not _after_event_label(zone, match.start()):
            parsed = parse_full_date(zone[match.start():], tz=tz, now=now)
            if parsed is not None:
                return parsed
    return None if in_story else first


def _not_updated_in_another_form(
    zone: str, first: ParsedDate, tz: str, now: datetime,
) -> ParsedDate | None:
    """The header's date printed month or day first that no update label marks (``Updated:
    18 Nov 2019 9:38 pm | Posted: 18 Nov 2019 8:11 pm``: 8:11 pm), None when the only one is
    an update's (the post's date is then looked for elsewhere: above the headline, in
    ``<meta>``)."""
    start = 0
    for _ in range(MAX_OTHER_FORM_DATES):
        found = date_in_another_form(zone[start:], among_han=False)
        if found is None:
            return first if start == 0 else None
        if not _marked_updated(zone, start + found.start()):
            return first if start == 0 else parse_full_date(zone[start + found.start():],
                                                            tz=tz, now=now)
        start += found.end()
    return None


#: Dates printed in another form tried in a header before giving up.
MAX_OTHER_FORM_DATES = 3


def _in_sentence(text: str, end: int) -> bool:
    """Does a sentence go on right after the date ending at ``end`` (``2018年5月15日，鸟巢``), or
    end with it (``…调查时点为2019年10月31日。``)? A header's date stands on its own."""
    return text[end:end + 1] in ("，", ",", "。")


def _after_sentence(text: str, start: int) -> bool:
    """Is the date starting at ``start`` inside a sentence, right after a preposition
    (``…消费电子展于2016年9月2日-7日在德国…``, a page whose text follows the headline with no
    header)? A header prints its date after a label (``更新于``), a mark or a space."""
    return text[start - 1:start] in STORY_DATE_LEADS and \
        not text[max(0, start - 4):start].endswith(DATE_LABELS_WITH_LEAD)


def _after_event_label(text: str, start: int) -> bool:
    """Does an event's time label come right before the date starting at ``start``
    (``报名截止日期：2010年6月20日``)? The text's event, not the page's date."""
    return ends_with_event_label(text[max(0, start - EVENT_LABEL_REACH):start])


#: Words a date inside a sentence follows (``于2016年9月2日``, ``至2017年``).
STORY_DATE_LEADS = frozenset("于於在至从到截")
#: Date labels ending with one of those words (``更新于2020年11月20日``).
DATE_LABELS_WITH_LEAD = rules.POSTED_LABELS + (
    "更新于", "更新於", "编辑于", "編輯於", "刊于", "写于", "创建于", "发布在", "发表在", "写在")


def _marked_updated(text: str, start: int) -> bool:
    return UPDATED_BEFORE_RE.search(text, max(0, start - 12), start) is not None


#: Characters either side of a header's English date searched for Han text.
def _date_past_indentation(
    heading: etree._Element | None, zone: str, tz: str, now: datetime
) -> ParsedDate | None:
    """The header date that the source's indentation pushed out of the zone (xinminweekly's
    template indents its meta line by hundreds of spaces), when nothing else dates the page.

    The zone is measured in source characters because counting the indentation once instead
    lets more text in, and on many pages that text's sources and names are not the header's;
    so the wider zone is read for a date only, and last."""
    wide = header_zone(heading, measure=squeezed_length)
    return _published_in(wide, tz, now) if len(wide) > len(zone) else None


def _meta_line_past_indentation(heading: etree._Element, zone: str) -> str:
    """The header up to its meta line, when the source's indentation pushed the line's date out
    of the zone (tw.nextapple.com's share buttons, indented by hundreds of spaces, fill it).

    The wider zone counts each run of whitespace once; it is read only to just past its
    first date (``DATE_LINE_TAIL``): the byline printed beside the date (``2024/08/12 02:47
    壹蘋新聞網 / 呂承哲 綜合報導``) and not the text further down, whose sources and names are
    not the header's (see ``_date_past_indentation``)."""
    wide = header_zone(heading, measure=squeezed_length)
    found = FULL_DATE_RE.search(wide)
    if found is None or len(wide) <= len(zone) or STORY_GOES_ON_RE.match(wide, found.end()) \
            or _after_sentence(wide, found.start()):
        return zone
    return writing_roles_as_label(wide[:found.end() + DATE_LINE_TAIL])


#: How much of the wider zone after its date is the meta line's.
DATE_LINE_TAIL = 60
#: A story's sentence going on after a date it tells (``2019年2月27日下午，佛山…``): the article's
#: first line, which a header with no date of its own runs into.
STORY_GOES_ON_RE = re.compile(r"\s*(?:[上下中]午|凌晨|早上|晚上|晚间|夜间|[早晚])?\s*[，,。]")


def _dated_twin_zone(root: etree._Element, heading: etree._Element) -> str | None:
    """The header text of another copy of the heading that a date follows, if any.

    Pages repeat the headline (a sticky top bar's ``<h1>``, a share box) and the first copy is
    not always the one above the article; the one followed by a date is (china.com.cn). A copy
    that is a link is a list's entry for the article (an e-paper's page index), not a heading."""
    text = text_of(heading)
    for node in root.iter(heading.tag):
        if node is not heading and text_of(node) == text and not in_link(node):
            zone = header_zone(node)
            if FULL_DATE_RE.search(zone):
                return zone
    return None


def meta_tags(root: etree._Element) -> dict[str, str]:
    """``<meta>`` name/property/itemprop (lower case) → content, first occurrence wins."""
    tags: dict[str, str] = {}
    for node in root.iter("meta"):
        key = node.get("name") or node.get("property") or node.get("itemprop")
        content = node.get("content")
        if key and content is not None:
            tags.setdefault(key.strip().lower(), content)
    return tags


def date_from_url(url: str, tz: str, now: datetime) -> ParsedDate | None:
    """``/2016/0712/`` (DedeCms' default naming rule) and similar, at day precision."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    for regex in rules.URL_DATE_RES:
        match = regex.search(path)
        if match:
            text = f"{match.group('y')}-{match.group('m')}-{match.group('d')}"
            parsed = parse_date(text, tz=tz, now=now, use_dateparser=False)
            if parsed is not None:
                return parsed
    return None


def in_year_of(date: ParsedDate, dated: ParsedDate | None) -> ParsedDate:
    """A date printed without its year (``08-14``) in the year of the page's other date
    (``dated``: the URL's, ``/201908/t20190814_…``, or ``<meta>``'s) when that names the same
    month and day: a page archived years ago is not of this year, which is all a year-less
    date alone can be resolved to. ``date`` itself when the days differ."""
    if dated is None or (dated.value.month, dated.value.day) != (date.value.month,
                                                                 date.value.day):
        return date
    return replace(date, value=date.value.replace(year=dated.value.year), year_guessed=False)


def _texts(nodes: list) -> list[tuple[str, etree._Element | None]]:
    """(text, element) of short elements (or attribute strings from a profile XPath)."""
    out: list[tuple[str, etree._Element | None]] = []
    for node in nodes:
        if isinstance(node, str):
            out.append((collapse(node), None))
        elif isinstance(node, etree._Element):
            text = text_of(node)
            if text and len(text) <= MAX_META_TEXT:
                out.append((text, node))
    return out


def _profile_texts(root: etree._Element, profile: Profile) -> list:
    return _texts([n for xpath in profile.xpaths("meta_selectors") for n in xpath(root)])


def extract_meta(
    root: etree._Element, index: PageIndex, url: str, heading: etree._Element | None,
    profile: Profile, now: datetime, tags: dict[str, str] | None = None,
) -> Meta:
    """Date, source, author and editor of the article, from the most trustworthy place
    (``tags``: the page's ``meta_tags``, read here when the caller has not)."""
    tz = profile.timezone
    meta = Meta()
    for text, node in _profile_texts(root, profile):
        meta.merge(parse_labelled(text, tz, now, profile))
        meta.element = meta.element or node
        if meta.date is None:
            meta.date = parse_date(text, tz=tz, now=now, formats=profile.date_formats,
                                   languages=profile.date_languages)
    zone = meta.zone = writing_roles_as_label(zone_after(heading))  # 记者/摄影：X is 记者：X
    meta.zone_date = FULL_DATE_RE.search(zone)
    if heading is not None and (meta.zone_date is None or _in_sentence(zone, meta.zone_date.end())):
        twin = _dated_twin_zone(root, heading)
        if twin:
            zone, meta.zone, meta.zone_date = twin, twin, FULL_DATE_RE.search(twin)
    if meta.zone_date is None and heading is not None:
        zone = meta.zone = _meta_line_past_indentation(heading, zone)
        meta.zone_date = FULL_DATE_RE.search(zone)
    if meta.zone_date is None:
        meta.zone_date = date_in_another_form(zone)
    if zone:
        meta.merge(parse_labelled(zone, tz, now, profile))
        if meta.date is not None and meta.date.year_guessed:  # a label's 1月21日 loses to
            meta.date = _published_in(zone, tz, now) or meta.date  # (2020-01-21 11:12)
    if meta.missing():
        for text, node in _texts([node for node in index.select_any(
                rules.META_SELECTORS, limit=5) if not in_comment_box(node)]):
            found = parse_labelled(text, tz, now, profile)
            if found and meta.element is None and node is not None:
                meta.element = node
            meta.merge(found)
    if meta.date is None and rules.DISCLOSURE_MARK_RE.search(index.source or b""):
        meta.date = _disclosure_date(root, tz, now)  # before the header's unlabelled dates
    if meta.date is None:
        meta.date = _date_in_heading(heading, tz, now)
    if meta.date is None and zone:
        meta.date = _published_in(zone, tz, now) or parse_badge_date(zone, tz=tz, now=now)
    if meta.date is None:
        meta.date = _date_from_elements(root, index, tz, now, profile)
    tags = meta_tags(root) if tags is None else tags
    machine, machine_in_utc = _machine_date(tags, tz, now)
    if meta.date is None:
        meta.date = machine
        if machine is not None and machine.precision == "day":  # 04-12 10:07 on <meta>'s day
            meta.date = _header_date_on(machine, zone, tz, now) or machine
    if meta.date is None:
        meta.date = jsonld_date(index.source, tz, now) or _date_above(heading, tz, now)
    elif meta.date is not None and meta.date.precision == "day":
        meta.date = _with_time_from_head(meta.date, machine, index.source, tz, now)
    if meta.source is None:
        meta.source = _source_from_elements(index) or first_tag(tags, rules.META_SOURCE_NAMES)
    day_only = meta.date is not None and meta.date.precision == "day"
    if ((meta.date is None or meta.source is None or day_only) and
            index.may_contain(*LABEL_WORDS)) or \
            (meta.author is None and index.may_contain(*PAGE_AUTHOR_LABELS)):
        _read_labelled_elements(root, meta, tz, now, profile, index.source)
    if meta.date is None:
        meta.date = script_date(index.source, tz, now) or founder_date(index.source, tz, now)
        if meta.date is None:
            meta.date = date_from_url(url, tz, now)
            meta.date_from_url = meta.date is not None
            dated = meta.date and _header_date_on(meta.date, zone, tz, now)
            if dated is not None:  # the header's 08-17 13:16 on the URL's day: its time
                meta.date, meta.date_from_url = dated, False
        meta.date = meta.date or _date_past_indentation(heading, zone, tz, now) or \
            parse_short_header_date(zone, tz=tz, now=now)
    elif meta.date.precision != "day" or meta.date.order_guessed:
        meta.date = _agreeing(meta.date, machine, machine_in_utc)
    if meta.date is not None and meta.date.year_guessed:
        meta.date = in_year_of(meta.date, date_from_url(url, tz, now))
    return meta


def _disclosure_date(root: etree._Element, tz: str, now: datetime) -> ParsedDate | None:
    """The date a government page's information-disclosure table gives (``索引号 … 发文日期：
    2023-04-18``, above the headline): the record's own, before the header's unlabelled ones,
    which on these pages are a related document's (``关联稿件``) or the text's signing date. A
    labelled publish time under the headline (``发布时间：``) still comes first."""
    for text in _DISCLOSURE_LABEL_TEXT(root)[:MAX_LABELLED_ELEMENTS]:
        row = text.getparent()
        for _ in range(DISCLOSURE_ROW_DEPTH):  # label and value in cells of one row
            if row is None:
                break
            line = collapse(all_text(row))
            at = min((line.find(label) for label in rules.DISCLOSURE_DATE_LABELS
                      if label in line), default=-1)
            found = parse_full_date(line[at:at + MAX_META_TEXT], tz=tz, now=now) \
                if at >= 0 else None
            if found:
                return found
            row = row.getparent()
    return None


#: Ancestors of a disclosure label climbed to find its value (<label><font>生成日期：</font>
#: </label><div>2023-05-11</div>).
DISCLOSURE_ROW_DEPTH = 3


def _read_labelled_elements(
    root: etree._Element, meta: Meta, tz: str, now: datetime, profile: Profile,
    source: bytes | None = None,
) -> None:
    """Fill what is still missing from labelled meta lines anywhere on the page.

    A labelled author counts only in a line that also has a date or a source (a lone "作者"
    away from the heading is someone else's, a comment's or a quote's); it is kept apart, as
    ``page_author``, when the heading's meta line gave the date and source already. A day-only
    date takes the time of a labelled line that gives the same day with one.
    """
    missing = meta.date is None or meta.source is None
    for text, _node in _texts(_labelled_elements(root, source)):
        found = parse_labelled(text, tz, now, profile)
        author = found.pop("author", None)
        if "date" not in found and "source" not in found:
            continue
        if meta.date is not None:  # a day from <meta>; a line on the page may give its time
            meta.date = _refined(meta.date, found.get("date"))
        if missing:
            meta.merge(found | ({"author": author} if author else {}))
        elif author and meta.page_author is None:
            meta.page_author = author


_DISCLOSURE_LABEL_TEXT = etree.XPath(
    "//body//text()[" + " or ".join(f"contains(., '{label}')"
                                    for label in rules.DISCLOSURE_DATE_LABELS) + "]")


@lru_cache(maxsize=64)
def _label_text_xpath(words: tuple[str, ...]) -> etree.XPath:
    """Text nodes holding one of ``words``: one ``contains()`` per word the page has at all
    (each costs a pass over every text node of the page)."""
    return etree.XPath(
        "//body//text()[" + " or ".join(f"contains(., '{word}')" for word in words) + "]")


#: What a meta line's item holds besides its label: a colon or a digit (``编辑于 2022-12-15``).
META_ITEM_MARK_RE = re.compile(r"[:：︰\d]")


def _labelled_elements(root: etree._Element, source: bytes | None) -> list[etree._Element]:
    """Elements anywhere on the page whose own text has a date or source label (first few)."""
    if source is None:
        words = LABEL_WORDS
    else:  # a bytes ``in`` per word: 356 µs a zh-xmu page for all 15, an alternation's
        words = tuple(word for word, raw in LABEL_WORDS_UTF8 if raw in source)  # findall 492
    if not words:
        return []
    found: dict[etree._Element, None] = {}
    for text in _label_text_xpath(words)(root):
        parent = text.getparent()
        if text.is_tail and parent is not None:  # <a>[分享]</a>发布时间：…: the tail's box
            parent = parent.getparent()
        if parent is None or not META_ITEM_MARK_RE.search(text):
            continue  # a sentence that uses the word (…所耗费时间的平均值): no colon, no digit
        if parent.tag in INLINE_LABEL_TAGS and parent.getparent() is not None:
            parent = parent.getparent()
        if parent.tag in ("td", "th") and parent.getparent() is not None:
            parent = parent.getparent()  # a table row's cells are one line: 编辑｜来源｜作者
        found.setdefault(parent, None)
        if len(found) >= MAX_LABELLED_ELEMENTS:
            break
    return list(found)


def _date_from_elements(
    root: etree._Element, index: PageIndex, tz: str, now: datetime, profile: Profile
) -> ParsedDate | None:
    for node in [n for n in root.iter("time") if n.get("datetime")][:2]:
        parsed = _time_element_date(node, tz, now)
        if parsed is not None:
            return parsed
    for text, node in _texts(index.select_any(rules.DATE_SELECTORS, limit=3)):
        if node is not None and _in_repeated_item(node):
            continue  # a comment's or a related post's <span class="time">3小时前</span>
        parsed = parse_date(text[:80], tz=tz, now=now, formats=profile.date_formats,
                            languages=profile.date_languages)
        if parsed is not None:
            return parsed
    return None


def _in_repeated_item(node: etree._Element) -> bool:
    """Is the element in a list item whose neighbour item has one like it (the same tag and
    class)? Each comment, testimonial or related post then carries its own date; the
    article's meta list (``<ul><li>来源：…</li><li class="time">…</li></ul>``) does not."""
    item = node if node.tag == "li" else next(
        (a for a in islice(node.iterancestors(), ITEM_DEPTH) if a.tag == "li"), None)
    if item is None:
        return False
    tag, cls = node.tag, node.get("class")
    for neighbour in (item.getprevious(), item.getnext()):
        if neighbour is not None and neighbour.tag == "li" and any(
                other.get("class") == cls for other in neighbour.iter(tag)):
            return True
    return False


#: How many levels above a date element its list item may be.
ITEM_DEPTH = 4


def _date_in_heading(heading: etree._Element | None, tz: str, now: datetime
                     ) -> ParsedDate | None:
    """A date alone in an element of the heading itself (科學月刊's ``<h3><small>2018-08-01
    </small>标题</h3>``, ``<h3>标题<span>2015-10-22</span></h3>``): the header's date, before
    any date the text after the heading holds."""
    if heading is None:
        return None
    for child in (heading, *heading.iterchildren(tag=etree.Element)):
        text = text_of(child)  # <h3><small>2018-08-01</small>标题: the title may be its tail
        if is_date_alone(text):
            return parse_date(text, tz=tz, now=now)
    return None


#: How many blocks the headline may open before the date line above them (Blogger's
#: ``h2.date-header`` over ``div.date-posts > div.post-outer > div.post > h3``).
DATE_ABOVE_LEVELS = 4


def _date_above(heading: etree._Element | None, tz: str, now: datetime) -> ParsedDate | None:
    """A date printed alone right above the headline (a blog theme's ``Saturday, September
    10th, 2005 10:56 am`` over the post's title), read in Chinese or English."""
    if heading is None:
        return None
    node, above = heading, None
    for _ in range(DATE_ABOVE_LEVELS):  # the heading may be the first thing in its block
        above = printed_before(node, shown_text_of)  # (<p><font>标题), past marks that print
        # nothing (Blogger's <a name="…"></a> and <meta itemprop>)
        if above is not None or node.getparent() is None:
            break
        node = node.getparent()
    if above is None:
        return None
    text = shown_text_of(above)  # <span class="view hide">1859</span><span>2019年10月14日
    if not text or len(text) > MAX_DATE_ABOVE or in_link(above) or \
            len(OTHER_HAN_RE.findall(text)) > MAX_DATE_ABOVE_WORDS:
        return None  # an edition's masthead (第A04版：小记者训练营 2022年02月12日), not a date line
    return parse_date(text, tz=tz, now=now, languages=DATE_ABOVE_LANGUAGES)


def date_of_opening_lines(lines: list[str], tz: str, now: datetime) -> ParsedDate | None:
    """A date in the text's first short lines, when the page gives none elsewhere: the
    opening dateline (``新頭殼newtalk2014.10.24 金名/高雄報導``) or the date line under a
    headline printed as the first line (``2014/12/11 18:58 報導``)."""
    for line in lines[:OPENING_DATE_LINES]:
        if len(line) <= MAX_OPENING_DATE_LINE:
            parsed = _published_in(line, tz, now)
            if parsed is not None:
                return parsed
    return None


def date_of_sign_off(lines: list[str], tz: str, now: datetime) -> ParsedDate | None:
    """The date a notice signs off with on a line of its own among its last lines (``广东省
    通信管理局`` / ``二○一○年五月二十四日``, ``2023年4月18日``), when the page gives no date
    elsewhere: the day it was issued."""
    for line in reversed(lines[-SIGN_OFF_LINES:]):
        line = han_numeral_dates(line.strip())
        if is_date_alone(line):
            return parse_full_date(line, tz=tz, now=now)
    return None


def date_of_posting(lines: list[str], after: str, tz: str, now: datetime) -> ParsedDate | None:
    """The date a forum's line under the post gives (``本贴由大卫于2005年8月12日16:12:21在
    〖…〗发表``, ``credits.posting_line``), when the page gives no date elsewhere."""
    match = posting_line(lines, after)
    return parse_full_date(match.group("date"), tz=tz, now=now) if match else None


#: How many of the text's last lines may hold its sign-off date.
SIGN_OFF_LINES = 3


def date_of_reprint(lines: list[str], tz: str, now: datetime) -> ParsedDate | None:
    """The original publication a reprint names at its end, with its date, when the page gives
    no date elsewhere (``原载于《光明日报》2019年5月28日``, ``（原载《人民日报》2019年05月28日
    05版）``): the date the text was published."""
    for line in lines[-REPRINT_LINES:]:
        match = REPRINT_RE.search(line)
        if match:
            parsed = parse_full_date(line[match.end():], tz=tz, now=now)
            if parsed is not None:
                return parsed
    return None


def _time_element_date(node: etree._Element, tz: str, now: datetime) -> ParsedDate | None:
    """A ``<time datetime>``'s date; its printed text's time when the attribute says midnight
    (``<time datetime="2018/09/16 00:00">2018年09月16日 15:31</time>``: a template that formats
    the attribute from the day alone)."""
    parsed = parse_date(collapse(node.get("datetime"))[:80], tz=tz, now=now)
    if parsed is None or parsed.value.time() != MIDNIGHT:
        return parsed
    shown = parse_full_date(text_of(node)[:80], tz=tz, now=now)
    return _refined(ParsedDate(parsed.value, "day"), shown) if shown else parsed


def _machine_date(tags: dict[str, str], tz: str, now: datetime
                  ) -> tuple[ParsedDate | None, bool | timezone]:
    """The ``<meta>`` publication date, and whether it is stated in UTC (``Z``, ``+00:00``), or
    else the offset it states (``+09:00``)."""
    for name in rules.META_DATE_NAMES:
        value = tags.get(name.lower())
        if value:
            parsed = parse_date(value, tz=tz, now=now)
            if parsed is not None:
                if UTC_SUFFIX_RE.search(value):
                    return parsed, True
                offset = OFFSET_SUFFIX_RE.search(value)
                if offset:
                    minutes = int(offset["h"]) * 60 + int(offset["m"])
                    return parsed, timezone(timedelta(minutes=-minutes if offset["sign"] == "-"
                                                     else minutes))
                return parsed, False
    return None, False


def _with_time_from_head(
    day: ParsedDate, machine: ParsedDate | None, source: bytes | None, tz: str, now: datetime
) -> ParsedDate:
    """A day printed on the page, with the time of day when ``<meta>`` (``machine``), JSON-LD or
    script data give the same day with a time (``2016-07-12`` in the header,
    ``…T10:30:00+08:00`` in the head)."""
    finer = machine
    if finer is None or finer.precision == "day":
        finer = jsonld_date(source, tz, now) or script_date(source, tz, now)
    return _refined(day, finer)


def _header_date_on(day: ParsedDate, zone: str, tz: str, now: datetime) -> ParsedDate | None:
    """The date the header prints without a year (``04-12 10:07`` under the headline, as mobile
    and app-share templates print it) when it names ``day``'s month and day (a day from the
    URL or ``<meta>``), in ``day``'s year; ``None`` otherwise. Alone, the year-less date would be
    resolved to this year."""
    short = parse_short_header_date(zone, tz=tz, now=now) if zone else None
    if short is None or not short.year_guessed:
        return None
    dated = in_year_of(short, day)
    return None if dated is short else dated


def _refined(day: ParsedDate, other: ParsedDate | None) -> ParsedDate:
    """``other`` when ``day`` has only a day and ``other`` is that day with a time, else
    ``day``: a time from elsewhere never moves the date."""
    if day.precision == "day" and other is not None and other.precision != "day" and \
            other.value.date() == day.value.date():
        return other
    return day


def _agreeing(printed: ParsedDate, machine: ParsedDate | None,
              in_utc: bool | timezone = False) -> ParsedDate:
    """The printed date, read the way the page's machine-readable date (``<meta>``) agrees.

    Two things the printed text alone cannot tell: the order of ``06/02/2022`` (day first on
    a French site's Chinese service, month first on an American one), and the time zone of a
    printed ``13:48`` on a site abroad. When swapping day and month gives the machine date's
    day, the swap is right. When the machine date is stated in UTC (``in_utc``) and the printed
    minute is its instant's at a whole-hour offset that is neither UTC nor the portal's own,
    the printed time is in that offset (RFI: ``06/02/2022 - 13:48`` and
    ``2022-02-06T12:48:06+00:00``: Paris, +01:00). A machine date that equals the printed wall
    clock in UTC is a template's stray ``Z``, not a zone; one stated in the portal's own offset
    that differs is another time (the last update), not a zone either. One stated in another
    offset whose wall clock is the printed one gives the printed time that offset (JoongAng's
    ``上传 2025.02.07 11:05`` and ``2025-02-07T11:05:18+09:00``: Seoul).
    """
    if machine is None:
        return printed
    value = printed.value
    if printed.order_guessed:  # both slots were 12 or less, so the swap is a date
        swapped = value.replace(month=value.day, day=value.month)
        if swapped.date() == machine.value.astimezone(value.tzinfo).date() or \
                swapped.date() == machine.value.date():
            value = swapped
            printed = ParsedDate(value, printed.precision)
    if not in_utc or printed.precision == "day" or machine.precision == "day":
        return printed
    if isinstance(in_utc, timezone):  # the page's own offset, when its wall clock is printed
        own = machine.value.astimezone(in_utc)
        if own.replace(second=0, tzinfo=None) == value.replace(second=0, tzinfo=None):
            return ParsedDate(value.replace(tzinfo=in_utc), printed.precision)
        return printed
    wall = value.replace(tzinfo=None)
    utc = machine.value.astimezone(UTC).replace(tzinfo=None)
    minutes = (wall - utc).total_seconds() / 60
    offset = round(minutes / 60) * 60
    local = value.utcoffset()
    if abs(minutes - offset) >= 1 or abs(offset) > MAX_OFFSET_MINUTES or offset == 0 or \
            local is None or offset == local.total_seconds() / 60:
        return printed
    return ParsedDate(value.replace(tzinfo=timezone(timedelta(minutes=offset))),
                      printed.precision)


def _source_from_elements(index: PageIndex) -> str | None:
    for text, _node in _texts(index.select_any(rules.SOURCE_SELECTORS, limit=3)):
        found = parse_labelled(text, "UTC", datetime.now(get_timezone("UTC")), DEFAULT_PROFILE)
        value = found.get("source") if found else clean_value(text)
        if value:
            return value
    return None


def first_tag(tags: dict[str, str], names: tuple[str, ...],
              clean: Callable[[str | None], str | None] = clean_value) -> str | None:
    """The first of the ``<meta>`` tags ``names`` whose value is not empty once ``clean``ed."""
    for name in names:
        value = clean(tags.get(name.lower()))
        if value:
            return value
    return None
