"""A meta line read: the labelled date, source, author and editor in one run of text.

Labels are matched on the flattened text (so ``<small>时间:</small>2016-07-12 10:30<small>来源:
</small>X`` and full-width colons, U+3000 or &nbsp; separators and glued values all read the
same), and each value runs to the next label (``rules.LABELS``, every wording of
dedecms-portals §5.2). A writer's label after another's adds its names (``记者：张三
实习生：李四``). ``meta.py`` decides where a meta line is; this module reads one.
"""

from __future__ import annotations

import re
from datetime import datetime

from newscrawler.extract import authors, names, rules
from newscrawler.extract.dates import parse_date
from newscrawler.extract.profile import Profile
from newscrawler.extract.text import collapse, visible_length

#: Meta-line containers longer than this are page sections, not meta lines.
MAX_META_TEXT = 400
#: In a meta line, text before the first label and after each label is short (``is_meta_line``).
MAX_META_LEAD = 10


MAX_META_VALUE = 30


#: Separators of the items of a meta line, and the longest value of a colon-less label.
META_SEPARATORS = "|丨｜┊"


META_SEPARATOR_RE = re.compile(f"[{META_SEPARATORS}]")


MAX_BARE_VALUE = 20


def _label_regex() -> re.Pattern[str]:
    labels = sorted(
        {label for group in rules.LABELS.values() for label in group}, key=len, reverse=True
    )
    branches = [
        rf"(?<![\u4e00-\u9fff]){re.escape(label)}" if len(label) == 1 else re.escape(label)
        for label in labels
    ]
    return re.compile(rf"(?P<label>{'|'.join(branches)})\s*(?P<colon>[:：︰])?\s*")


LABEL_RE = _label_regex()


FIELD_OF_LABEL = {label: name for name, group in rules.LABELS.items() for label in group}


#: Where a source/author/editor value ends when no other label follows it.
VALUE_END_RE = re.compile(r"\s(?![A-Za-z])|[|丨｜┊]|\s{2,}")


UNOPENED_CLOSE_RE = re.compile(r"^([^(（)）]*)[)）]")


VALUE_STRIP = " \t()（）[]【】<>《》「」:：︰,，;；.。·-—"


#: A bracketed heading followed by more text where a value should be.
HEADING_AFTER_LABEL_RE = re.compile(r"^【[^】]{1,20}】\s*\S")


def clean_value(raw: str) -> str | None:
    """A source/author/editor value: first word-ish run, without brackets; None if empty/未知."""
    value = collapse(raw)
    if HEADING_AFTER_LABEL_RE.match(value):
        return None  # 作者： 【团队经验与资源】 品牌零售：…: an empty label, then a heading
    close = UNOPENED_CLOSE_RE.match(value)
    if close:  # the bracket the label stood in closes here (（报告出品方/作者：X，Y） AI加速…)
        value = close.group(1)
    match = VALUE_END_RE.search(value)
    if match:
        value = value[: match.start()]
    value = value.strip(VALUE_STRIP)
    if value in rules.EMPTY_VALUES or len(value) > 40:
        return None
    return value


def _bare_label(text: str, match: re.Match[str]) -> bool:
    """A colon-less label in a ``|``-separated meta line: ``发表于 … | 来源 CSDN | …``.

    Only where nothing else can be meant: the label starts the text or follows a separator,
    a space follows it, and a short value runs from it to the next separator or the end.
    """
    before = text[: match.start()]
    after_text = bool(before.strip()) and before.rstrip()[-1] not in META_SEPARATORS
    if after_text and not (match.group("label") in rules.COLONLESS_AFTER_TEXT and
                           before[-1:].isspace()):
        return False
    if match.end() == match.end("label") or match.end() == len(text):
        return False  # glued to the next word ("来源于…"), or nothing after it
    value, *rest = META_SEPARATOR_RE.split(text[match.end():], 1)
    if after_text and not rest:
        return False  # after a sentence, only a value a separator ends: 作者 Jun10ng |
    if match.group("label") in rules.COLONLESS_AFTER_TEXT and not after_text and \
            REVERSED_ITEM_RE.search(before):
        return False  # 小雨 | 作者 原理 | 来源: a credit printed value first (WeChat)
    return 0 < visible_length(value) <= MAX_BARE_VALUE


#: A lone word (no digit) then a separator right before a label: that label's value, printed
#: first (``小雨 | 作者``).
REVERSED_ITEM_RE = re.compile(rf"(?:^|\s)[^\s\d{META_SEPARATORS}]{{1,8}}\s*[{META_SEPARATORS}]\s*$")


def ends_with_event_label(text: str) -> bool:
    """Does ``text`` end with an event's time label, a colon allowed (``面试时间：``,
    ``报名截止日期：``, ``活动时间``)? What follows times the event the text announces, not the
    page: a bare ``时间``/``日期`` after one of ``rules.EVENT_TIME_PREFIXES``."""
    text = text.rstrip(" :：︰")
    return text.endswith(rules.BARE_TIME_LABELS) and text[-4:-2] in EVENT_TIME_PREFIXES


EVENT_TIME_PREFIXES = frozenset(rules.EVENT_TIME_PREFIXES)
#: How much text before a value an event's label takes at most (two characters, a bare
#: label, a colon and spaces).
EVENT_LABEL_REACH = 8


def parse_labelled(text: str, tz: str, now: datetime, profile: Profile) -> dict:
    """Fields found behind labels in a flattened meta-line text."""
    accepted = [
        m for m in LABEL_RE.finditer(text)
        if (m.group("colon") or m.group("label") in rules.COLONLESS_DATE_LABELS
            or (m.group("label") in rules.COLONLESS_LABELS and _bare_label(text, m)))
        and not ends_with_event_label(text[max(0, m.start() - 2):m.end("label")])
    ]
    found: dict = {}
    updated = False  # the date found so far is an update's: a publish date after it wins
    for index, match in enumerate(accepted):
        name = FIELD_OF_LABEL[match.group("label")]
        if name == "author" and name in found:
            more = text[match.end(): _end(accepted, index, text)]
            found[name] = _with_more_writers(found[name], more)
            continue
        if name == "other" or (name in found and not (name == "date" and updated)):
            continue
        if name == "date" and updated and match.group("label") in rules.UPDATE_DATE_LABELS:
            continue
        value = text[match.end(): _end(accepted, index, text)]
        if name == "date":
            if not _starts_like_a_date(value):
                continue
            parsed = parse_date(value[:60], tz=tz, now=now, formats=profile.date_formats,
                                languages=profile.date_languages)
            if parsed is not None:
                found[name] = parsed
                updated = match.group("label") in rules.UPDATE_DATE_LABELS
        else:
            cleaned = clean_value(value)
            if cleaned and match.group("label") in rules.POSTER_LABELS and \
                    cleaned.lower() in rules.PLACEHOLDER_ACCOUNTS:
                continue  # 发布者：admin: the login that posted the page, not a writer
            if cleaned and name == "author":
                cleaned = _all_names(value, cleaned) if names.clean_author(cleaned) else \
                    _byline_in(value) or cleaned
            if cleaned:
                found[name] = cleaned
    return found


def _end(accepted: list[re.Match], index: int, text: str) -> int:
    return accepted[index + 1].start() if index + 1 < len(accepted) else len(text)


def _with_more_writers(writers: str, value: str) -> str:
    """The writers so far and those of another writer's label in the same line (``记者：张三
    实习生：李四``, ``记者 张三 通讯员 李四``), in print order."""
    more = [n for n in names.split_names(collapse(value)[:MAX_META_VALUE])
            if n not in writers.split(names.SEPARATOR)]
    return names.SEPARATOR.join([writers, *more]) if more else writers


def _byline_in(value: str) -> str | None:
    """The writers of an author value that is a byline itself (``作者：南方周末记者 雍兴中 姜世离
    南方周末实习生 朱亮韬``, ``作者： 记者王敬照``): the medium and labels are not names."""
    return authors.opening_byline(collapse(value)[:MAX_BYLINE_VALUE])


#: How much of an author value is read as a byline.
MAX_BYLINE_VALUE = 80


def _all_names(value: str, first: str) -> str:
    """An author value's every name when it lists several with spaces (``作者：宋怡 杨志华``):
    ``clean_value`` stops at the first space, as a source's value must."""
    value = ROLE_NOTE_RE.sub("", collapse(value))  # 张林（实习）: the writer is an intern
    found = names.split_names(value[:MAX_META_VALUE])
    return names.SEPARATOR.join(found) if len(found) > 1 and found[0] == first else first


#: A writer's role noted in brackets after their name in an author value (``作者：曹晶磊
#: 张林（实习） 彭翔``): a writer still, the note is dropped before the names are read.
ROLE_NOTE_RE = re.compile(
    r"[（(](?:实习生?|實習生?|见习|見習|特约|特約|通讯员|通訊員|记者|記者)[)）]")


def _starts_like_a_date(value: str) -> bool:
    """A labelled date's value begins with the date (``发布于：北京市 …5月20日`` does not)."""
    head = value.lstrip(" \t\u3000:：")
    return not head or head[0].isascii() or head.startswith(rules.DATE_VALUE_WORDS)


def is_meta_line(text: str) -> bool:
    """Is ``text`` (collapsed) an article's meta line and nothing else?

    Labels with a colon (``时间:… 来源:… 作者:… 点击: 次``), little before the first, and
    only short values after each: a sentence that quotes a source has a long run of text.
    """
    if len(text) > MAX_META_TEXT:
        return False
    accepted = [m for m in LABEL_RE.finditer(text) if m.group("colon")]
    if not accepted or visible_length(text[: accepted[0].start()]) > MAX_META_LEAD:
        return False
    for index, match in enumerate(accepted):
        end = accepted[index + 1].start() if index + 1 < len(accepted) else len(text)
        if visible_length(text[match.end(): end]) > MAX_META_VALUE:
            return False
    return True
