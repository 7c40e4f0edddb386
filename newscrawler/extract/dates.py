"""Dates as DedeCms pages print them, turned into aware datetimes with a precision.

DedeCms prints Beijing time with no zone marker, in a handful of numeric forms
(dedecms-portals.md §4): ``Y-m-d H:i``, ``Y-m-d``, ``Y-m-d H:i:s``, ``y-m-d``, ``Y/m/d``,
``Y.m.d``, ``Y年m月d日`` and, on listings, the year-less ``m-d``. Those take the fast path: one
regular expression, a few integer checks, microseconds; so do Taiwan's dates in the Republic of
China's calendar (``107-10-16``, ``民國107年10月16日``). Relative forms (``3小时前``,
``昨天 10:30``) are computed from ``now``. Anything else goes to dateparser, pinned to Chinese
and to the profile's timezone, which costs about a millisecond.

Two dateparser traps are avoided on purpose (news-crawler-survey.md §4): it reads ``07-12`` as
2007-12, and it happily returns dates in the future. Here a year-less date is the most recent
past occurrence, and a date after ``now`` is rejected.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

PRECISIONS = ("day", "minute", "second")
#: Older "dates" are version numbers, phone numbers or ids, not publication dates.
MIN_YEAR = 1980

#: Zones a page names with the time, before it (``2012年12月10日, 格林尼治标准时间10:41``, BBC
#: 中文; ``2017-09-10 HKT 15:00``, RTHK) or after it (``2023.01.18 10:46 ET``, RFA; ``08:05 GMT``),
#: as IANA zones: ``ET`` is New York's time, daylight saving or not. ``CST`` is left out: China's
#: or America's Central, nobody can tell.
ZONE_NAMES = {
    "格林尼治标准时间": "UTC", "格林尼治时间": "UTC", "格林威治标准时间": "UTC",
    "格林威治时间": "UTC",
    "北京时间": "Asia/Shanghai", "北京時間": "Asia/Shanghai", "台北时间": "Asia/Taipei",
    "臺北時間": "Asia/Taipei", "台北時間": "Asia/Taipei", "香港时间": "Asia/Hong_Kong",
    "香港時間": "Asia/Hong_Kong", "美东时间": "America/New_York", "美東時間": "America/New_York",
    "东京时间": "Asia/Tokyo", "東京時間": "Asia/Tokyo", "新加坡时间": "Asia/Singapore",
}
ZONE_ABBREVIATIONS = {
    "GMT": "UTC", "UTC": "UTC", "HKT": "Asia/Hong_Kong", "ET": "America/New_York",
    "EST": "America/New_York", "EDT": "America/New_York", "PT": "America/Los_Angeles",
    "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles", "JST": "Asia/Tokyo",
    "KST": "Asia/Seoul", "SGT": "Asia/Singapore", "MYT": "Asia/Kuala_Lumpur",
    "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney", "BST": "Europe/London",
    "CET": "Europe/Paris", "CEST": "Europe/Paris",
}
_ABBREVIATION = "(?:" + "|".join(sorted(ZONE_ABBREVIATIONS, key=len, reverse=True)) + ")"
#: Time of day after a date: ``10:30``, ``10:30:45``, ``10时30分``, ISO ``T10:30:45.123+08:00``,
#: ``(16:31)``; its zone as an offset or a name (``ZONE_NAMES``), before or after; a weekday
#: may stand between the date and the time (``2024-01-02 星期二 10:00``).
_TIME = (
    r"(?:(?:\s*(?:星期|周|週|禮拜|礼拜)[一二三四五六日天])?"
    r"\s*(?:T|[,，]|\s|\s?(?<=\s)[-–](?=\s))?\s*(?P<zone>"
    + "|".join(ZONE_NAMES) + "|" + _ABBREVIATION + r"(?![A-Za-z]))?"
    r"\s*[(（]?(?P<ampm>上午|下午|中午|晚上|凌晨|早上)?"
    r"\s*(?P<H>\d{1,2})\s*[:：时点點]\s*(?P<M>\d{1,2})分?"
    r"(?:\s*[:：]\s*(?P<S>\d{1,2})秒?|(?<=分)\s*(?P<S2>\d{1,2})秒)?(?:\.\d+)?"
    r"(?:\s*(?P<ampm2>[AaPp]\.?[Mm]\.?)(?![A-Za-z]))?"
    r"(?:(?P<tz>Z|[+-]\d{2}:?\d{2})|\s*[(（]?(?P<zone2>" + _ABBREVIATION + r")"
    r"(?P<utc>(?<=GMT|UTC)[+-]\d{1,2}(?::?\d{2})?)?(?![A-Za-z]))?)?"
)
PM_WORDS = frozenset({"下午", "晚上"})
#: ``2016-07-12``, ``16-07-12``, ``2016/7/12``, ``2016.07.12``, ``2016年07月12日`` (+ time).
FULL_DATE_RE = re.compile(
    r"(?<![\d.])(?P<y>\d{4}|\d{2})\s*(?P<sep>[-/.年])\s*(?P<m>\d{1,2})\s*(?:(?P=sep)|月)\s*"
    r"(?P<d>\d{1,2})(?!\d)\s*日?" + _TIME
)
#: The longest text that may print a date and nothing else (a heading's ``<small>`` or
#: ``<span>`` child holding ``2018-08-01 10:32``).
MAX_DATE_ALONE = 60


def is_date_alone(text: str | None) -> bool:
    """Does ``text`` print one full date (time allowed) and nothing else, perhaps in brackets
    (``( 2020年09月29日 )``)? Such an element inside a headline's element is the header's
    date, not a part of the headline."""
    return bool(text) and len(text) <= MAX_DATE_ALONE and \
        FULL_DATE_RE.fullmatch(text.strip(DATE_BRACKETS)) is not None


#: Brackets a date printed alone may stand in (``[2010-07-20]``, ``（2019-09-24）``,
#: ``( 2020年09月29日 )``), with the spaces inside them.
DATE_BRACKETS = "()（）[]【】 \u3000\t\n"


#: Year last: ``12-07-2016`` (d-m-Y, some DedeCms image-list templates) and ``7/5/2005 9:23:57
#: PM`` (m/d/Y, the en-US default of ASP.NET sites); either order when one slot exceeds 12.
DMY_DATE_RE = re.compile(
    r"(?<![\d.])(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)" + _TIME
)
#: English month names: ``01 Dec 2025 10:56`` (day first) and ``Dec 1, 2025`` (month first).
MONTHS = {name: number for number, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}
_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
EN_DATE_RE = re.compile(
    r"(?<![\w])(?:(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>\d{4})|"
    + _MONTH.replace("mon", "mon2") + r"\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4}))"
    + _TIME, re.IGNORECASE,
)
ENGLISH_MONTH_RE = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
#: The month first with a Chinese month word and the year last, English style (``8月 20, 2017``:
#: Hexo's and Jekyll's zh-CN date format ``MMM D, YYYY``).
MONTH_WORD_FIRST_RE = re.compile(
    r"(?<![\d一二三四五六七八九十])(?P<m>\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月\s*"
    r"(?P<d>\d{1,2})\s*[,，]\s*(?P<y>\d{4})(?!\d)" + _TIME
)
#: Chinese numerals: month words (``十月 2, 2020``: WordPress's zh-CN ``F j, Y``) and the
#: months and days of a signed-off date (``二○一○年五月二十四日``), read by ``_han_number``.
HAN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _han_number(text: str) -> int:
    """``二十四`` → 24, ``十`` → 10, ``十二`` → 12, ``五`` → 5, digits as they are; -1 for
    anything else."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return HAN_DIGITS.get(text, -1) if len(text) == 1 else -1
    tens, _, units = text.partition("十")
    return (HAN_DIGITS.get(tens, -1) if tens else 1) * 10 + HAN_DIGITS.get(units, 0)


#: C's ``asctime`` form, the time between the day and the year (``Thu Oct 26 12:27:01 2017``:
#: PTT and other BBS-born sites); read as ``Oct 26, 2017 12:27:01``.
CTIME_RE = re.compile(
    r"(?<![\w])(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?P<md>[a-z]{3,9}\.?\s+\d{1,2})\s+"
    r"(?P<time>\d{1,2}:\d{2}(?::\d{2})?)\s+(?P<y>\d{4})(?!\d)", re.IGNORECASE,
)
#: Year-less ``07-12``, ``7月12日``, ``07/12`` (+ time), as on home and list pages.
MONTH_DAY_RE = re.compile(
    r"(?<![\d.:/-])(?P<m>\d{1,2})\s*[-/月]\s*(?P<d>\d{1,2})(?![\d.:/-])\s*日?" + _TIME
)
#: A time printed right before the date it belongs to (searched ending where the date starts).
TIME_BEFORE_RE = re.compile(
    r"(?<![\d:.])(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?\s*[|｜,，]?\s*\Z"
)
#: A calendar badge under a headline: the day in one element, the year and month in the next
#: (``<div class=day>21</div><div class=year>2024年02月</div>``), read as ``21 2024年02月``.
BADGE_DATE_RE = re.compile(
    r"(?<![\d.:/-])(?P<d>\d{1,2})\s+(?P<y>\d{4})\s*(?:年\s*(?P<m>\d{1,2})\s*月|[-/.](?P<m2>\d{1,2}))"
    r"(?![\d日号.:/-])"
)
#: A bare Unix timestamp (a template printing ``[field:pubdate/]`` without a format).
TIMESTAMP_RE = re.compile(r"^\s*(1\d{9})\s*$")

RELATIVE_UNITS = {
    "秒": ("seconds", "second"),
    "分钟": ("minutes", "minute"),
    "分鐘": ("minutes", "minute"),
    "分": ("minutes", "minute"),
    "小时": ("hours", "minute"),
    "小時": ("hours", "minute"),
    "个小时": ("hours", "minute"),
    "天": ("days", "day"),
    "日": ("days", "day"),
    "周": ("weeks", "day"),
    "星期": ("weeks", "day"),
}
RELATIVE_RE = re.compile(
    r"(?P<n>\d+|半)\s*(?P<unit>秒|分钟|分鐘|分|个小时|小时|小時|天|日|周|星期)\s*[以之]?前"
)
#: ``今天``/``昨天``/``前天`` with an optional time of day; not a word they start
#: (``今天是``, a clock widget's "today is"; ``今日头条``, a brand; ``昨日重现``).
RELATIVE_DAY_RE = re.compile(
    r"(?P<word>今天|今日|昨天|昨日|前天)(?![\u4e00-\u9fff])\s*(?:(?P<H>\d{1,2})\s*[:：]\s*(?P<M>\d{2})"
    r"(?:\s*[:：]\s*(?P<S>\d{2}))?)?"
)
RELATIVE_DAY_OFFSETS = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2}
JUST_NOW_RE = re.compile(r"刚刚|刚才|just now", re.IGNORECASE)
#: Text worth handing to dateparser: it must at least contain a digit or a date word.
#: What the fast paths do not read and dateparser does: a span counted back from now in months
#: or years (``10 个月前``), or, in a profile's other languages, any text with a word and a digit
#: (``3 weeks ago``, ``20 novembre 2019``). A bare duration (``9分钟``), a month without a day
#: (``2018年9月``) or digits among words (``2499元起``) are no dates: dateparser made wrong ones
#: of them, at 70 ms a call (a fifth of all extraction time on the benchmark's pages).
DATEPARSER_SPAN_RE = re.compile(r"\d+\s*(?:个|個)?\s*(?:年|月|周|週|星期)\s*(?:以|之)?前")
DATEPARSER_WORDS_RE = re.compile(r"[A-Za-z]{3,}\.?\s*\d|\d\s*[A-Za-z]{3,}")


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A parsed date: ``value`` is timezone-aware; ``precision`` says how much of it is real."""

    value: datetime
    precision: str
    #: Day and month were read in an assumed order (``06/02/2022``: both could be either).
    order_guessed: bool = False
    #: The page printed no year (``1月21日``): the year is the latest that is not in the future.
    year_guessed: bool = False

    def isoformat(self) -> str:
        return self.value.isoformat(timespec="seconds")


@lru_cache(maxsize=64)
def get_timezone(name: str) -> tzinfo:
    """ZoneInfo for a name (cached: ZoneInfo lookups are not free)."""
    return ZoneInfo(name)


def _aware_now(now: datetime | None, tz: tzinfo) -> datetime:
    if now is None:
        return datetime.now(tz)
    if now.tzinfo is None:
        return now.replace(tzinfo=tz)
    return now


def _year(text: str, now: datetime) -> int:
    """Four-digit year from ``2016`` or ``16`` (two digits: this century unless in the future)."""
    year = int(text)
    if year < 100:
        year += 2000
        if year > now.year:
            year -= 100
    return year


def _build(
    year: int, month: int, day: int, match: re.Match[str], tz: tzinfo
) -> ParsedDate | None:
    """Datetime and precision from a matched date (and optional time); None when invalid."""
    hour, minute = match.group("H"), match.group("M")
    second = match.group("S") or match.group("S2")
    try:
        if hour is None:
            return ParsedDate(datetime(year, month, day, tzinfo=tz), "day")
        hour_value = int(hour)
        if match.group("ampm") in PM_WORDS and hour_value < 12:
            hour_value += 12
        suffix = (match.group("ampm2") or "").lower()
        if suffix.startswith("p") and hour_value < 12:
            hour_value += 12
        elif suffix.startswith("a") and hour_value == 12:
            hour_value = 0
        value = datetime(year, month, day, hour_value, int(minute), int(second or 0), tzinfo=tz)
    except ValueError:
        try:  # a bad time of day (the 1T template's "m-d H:m" bug) still leaves a good day
            return ParsedDate(datetime(year, month, day, tzinfo=tz), "day")
        except ValueError:
            return None
    return ParsedDate(_in_zone(value, match, tz), "second" if second is not None else "minute")


def _in_zone(value: datetime, match: re.Match[str], tz: tzinfo) -> datetime:
    """``value`` (the printed wall-clock time) in the zone the page names: a zone named for
    readers (``HKT``, ``ET``, ``格林尼治标准时间``) is kept, the page's own offset; a numeric
    offset, mostly machine data (``…Z`` in a script), is converted to the portal's ``tz``."""
    offset = match.group("tz") or match.group("utc")
    if offset:
        return _apply_offset(value, offset).astimezone(tz)
    name = match.group("zone") or match.group("zone2")
    if name:
        return value.replace(tzinfo=get_timezone(ZONE_NAMES.get(name) or ZONE_ABBREVIATIONS[name]))
    return value


def _apply_offset(value: datetime, offset: str) -> datetime:
    """``Z``, ``+08:00``, ``+0800`` or ``+8``/``-5:30`` (after ``GMT``/``UTC``)."""
    if offset == "Z":
        return value.replace(tzinfo=UTC)
    sign = -1 if offset[0] == "-" else 1
    digits = offset[1:].replace(":", "")
    hours, minutes = (digits, "0") if len(digits) <= 2 else (digits[:-2], digits[-2:])
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    return value.replace(tzinfo=timezone(sign * delta))


def _not_future(parsed: ParsedDate | None, now: datetime) -> ParsedDate | None:
    if parsed is None:
        return None
    if parsed.precision == "day":
        return parsed if parsed.value.date() <= now.astimezone(parsed.value.tzinfo).date() else None
    return parsed if parsed.value <= now else None


#: A date in the Republic of China's calendar, as Taiwan's government prints it (``日期：
#: 107-10-16``, ``民國107年10月16日``): year 1 is 1912. Bare, only a three-digit year of 100 to
#: 149 (2011-2060) is read, so that ``107-10-16`` is no month and day.
ROC_DATE_RE = re.compile(
    r"(?<!\d)(?:(?:民國|民国)\s*(?P<era>\d{1,3})|(?P<bare>1[0-4]\d))\s*(?:年|[-/.])\s*"
    r"(?P<m>1[0-2]|0?[1-9])\s*(?:月|[-/.])\s*(?P<d>3[01]|[12]\d|0?[1-9])(?:\s*日)?(?!\d)"
)
ROC_YEAR_ONE = 1911


def _parse_roc(text: str, tz: tzinfo, now: datetime) -> ParsedDate | None:
    """A Republic of China date (``ROC_DATE_RE``), with the time printed after it, if any."""
    match = ROC_DATE_RE.search(text)
    if match is None:
        return None
    year = int(match.group("era") or match.group("bare")) + ROC_YEAR_ONE
    day = f"{year}-{int(match.group('m')):02d}-{int(match.group('d')):02d}"
    return _parse_full(day + text[match.end():], tz, now)


def _parse_full(text: str, tz: tzinfo, now: datetime) -> ParsedDate | None:
    """The first date with a year in ``text``, year first, year last or with an English month,
    whichever is printed first (``7/5/2005 9:23:57 PM …【看中国2005年07月03日报道】`` is July
    5th)."""
    found = [date for date in (_first_year_first(text, tz, now), _first_year_last(text, tz, now),
                               _first_english(text, tz), _first_month_word_first(text, tz))
             if date is not None]
    return _not_future(min(found, key=lambda date: date[0])[1], now) if found else None


def _first_english(text: str, tz: tzinfo) -> tuple[int, ParsedDate] | None:
    if not ENGLISH_MONTH_RE.search(text):  # the common case costs one scan
        return None
    ctime = CTIME_RE.search(text)
    if ctime:
        found = _first_english(f"{ctime['md']}, {ctime['y']} {ctime['time']}", tz)
        if found:
            return ctime.start(), found[1]
    for match in EN_DATE_RE.finditer(text):
        month = MONTHS[(match.group("mon") or match.group("mon2")).lower()]
        day = int(match.group("d") or match.group("d2"))
        year = int(match.group("y") or match.group("y2"))
        parsed = _build(year, month, day, match, tz) if year >= MIN_YEAR else None
        if parsed is not None:
            return match.start(), parsed
    return None


def _first_month_word_first(text: str, tz: tzinfo) -> tuple[int, ParsedDate] | None:
    if "月" not in text:
        return None
    for match in MONTH_WORD_FIRST_RE.finditer(text):
        year = int(match.group("y"))
        month = _han_number(match.group("m"))
        parsed = _build(year, month, int(match.group("d")), match, tz) if year >= MIN_YEAR else None
        if parsed is not None:
            return match.start(), parsed
    return None


def _first_year_first(text: str, tz: tzinfo, now: datetime) -> tuple[int, ParsedDate] | None:
    for match in FULL_DATE_RE.finditer(text):
        month, day = int(match.group("m")), int(match.group("d"))
        year = _year(match.group("y"), now)
        if year < MIN_YEAR or (len(match.group("y")) == 2 and match.group("sep") == "年"):
            continue
        parsed = _build(year, month, day, match, tz)
        if parsed is not None:
            return _with_time_before(text, match.start(), parsed)
    return None


def _with_time_before(text: str, start: int, parsed: ParsedDate) -> tuple[int, ParsedDate]:
    """A day whose time is printed before it (``13:58 2017/10/24``, HKET) takes that time."""
    if parsed.precision != "day" or start < 4:
        return start, parsed
    match = TIME_BEFORE_RE.search(text, max(0, start - 14), start)
    if match is None:
        return start, parsed
    second = match.group("S")
    try:
        value = parsed.value.replace(hour=int(match.group("H")), minute=int(match.group("M")),
                                     second=int(second or 0))
    except ValueError:
        return start, parsed
    return match.start(), ParsedDate(value, "second" if second else "minute")


def _first_year_last(text: str, tz: tzinfo, now: datetime) -> tuple[int, ParsedDate] | None:
    for match in DMY_DATE_RE.finditer(text):
        year = int(match.group("y"))
        first, second = int(match.group("a")), int(match.group("b"))
        month_first = match.group("sep") == "/"
        if (month_first and first > 12) or (not month_first and second > 12):
            month_first = not month_first
        month, day = (first, second) if month_first else (second, first)
        parsed = _build(year, month, day, match, tz)
        if parsed is not None and year >= MIN_YEAR:
            if first <= 12 and second <= 12 and first != second:
                parsed = replace(parsed, order_guessed=True)
            return match.start(), parsed
    return None


def _parse_month_day(text: str, tz: tzinfo, now: datetime) -> ParsedDate | None:
    """``07-12 08:30``: the most recent occurrence that is not after ``now``."""
    for match in MONTH_DAY_RE.finditer(text):
        month, day = int(match.group("m")), int(match.group("d"))
        local_now = now.astimezone(tz)
        for year in (local_now.year, local_now.year - 1):
            parsed = _build(year, month, day, match, tz)
            if parsed is None:
                continue
            parsed = _not_future(parsed, now)
            if parsed is not None:
                return replace(parsed, year_guessed=True)
        # Feb 29 with neither year a leap year, or the 13th month: try the next match.
    return None


def _parse_relative(text: str, tz: tzinfo, now: datetime) -> ParsedDate | None:
    local_now = now.astimezone(tz)
    if JUST_NOW_RE.search(text):
        return ParsedDate(local_now.replace(second=0, microsecond=0), "minute")
    match = RELATIVE_RE.search(text)
    if match:
        unit, precision = RELATIVE_UNITS[match.group("unit")]
        amount = 0.5 if match.group("n") == "半" else int(match.group("n"))
        value = local_now - timedelta(**{unit: amount})
        return ParsedDate(_truncate(value, precision), precision)
    match = RELATIVE_DAY_RE.search(text)
    if match:
        day = (local_now - timedelta(days=RELATIVE_DAY_OFFSETS[match.group("word")])).date()
        return _not_future(_at(day, match, tz), now)
    return None


def _at(day: date, match: re.Match[str], tz: tzinfo) -> ParsedDate | None:
    hour, minute, second = match.group("H"), match.group("M"), match.group("S")
    try:
        if hour is None:
            return ParsedDate(datetime(day.year, day.month, day.day, tzinfo=tz), "day")
        value = datetime(day.year, day.month, day.day, int(hour), int(minute), int(second or 0),
                         tzinfo=tz)
    except ValueError:
        return None
    return ParsedDate(value, "second" if second else "minute")


def _truncate(value: datetime, precision: str) -> datetime:
    if precision == "day":
        return value.replace(hour=0, minute=0, second=0, microsecond=0)
    if precision == "minute":
        return value.replace(second=0, microsecond=0)
    return value.replace(microsecond=0)


def _parse_formats(
    text: str, formats: tuple[str, ...], tz: tzinfo, now: datetime
) -> ParsedDate | None:
    """Explicit ``strptime`` formats from a portal profile."""
    for fmt in formats:
        try:
            value = datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
        precision = "second" if "%S" in fmt else "minute" if "%M" in fmt else "day"
        return _not_future(ParsedDate(value.replace(tzinfo=tz), precision), now)
    return None


def _parse_with_dateparser(
    text: str, tz_name: str, now: datetime, languages: tuple[str, ...]
) -> ParsedDate | None:
    """The slow path: dateparser, pinned so it neither guesses languages nor the future."""
    import dateparser  # imported lazily: it costs ~0.3 s and the fast path rarely needs it

    settings = {
        "TIMEZONE": tz_name,
        "RETURN_AS_TIMEZONE_AWARE": True,
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": now.astimezone(get_timezone(tz_name)).replace(tzinfo=None),
    }
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = dateparser.parse(text[:200], languages=list(languages), settings=settings)
    except Exception:
        return None
    if value is None:
        return None
    value = value.astimezone(get_timezone(tz_name))
    precision = "day" if (value.hour, value.minute, value.second) == (0, 0, 0) else "minute"
    if value.second:
        precision = "second"
    return _not_future(ParsedDate(value, precision), now)


#: A date written in Chinese numerals, as official documents sign off (``二○一○年五月二十四日``,
#: ``二〇二三年十月十二日``): four digits of a year, then a month and a day in tens and units.
_HAN_DIGIT = "〇○零ＯO一二三四五六七八九"
HAN_NUMERAL_DATE_RE = re.compile(
    rf"(?P<y>[{_HAN_DIGIT}]{{4}})\s*年\s*(?P<m>[十{_HAN_DIGIT}]{{1,2}})\s*月\s*"
    rf"(?P<d>[十{_HAN_DIGIT}]{{1,3}})\s*日")


def han_numeral_dates(text: str) -> str:
    """``text`` with its dates in Chinese numerals written in digits (``2010年5月24日``)."""
    def digits(match: re.Match[str]) -> str:
        year = "".join(str(HAN_DIGITS[c]) for c in match.group("y"))
        month, day = _han_number(match.group("m")), _han_number(match.group("d"))
        return f"{year}年{month}月{day}日" if 0 < month <= 12 and 0 < day <= 31 else match[0]
    return HAN_NUMERAL_DATE_RE.sub(digits, text)


def parse_full_date(text: str, *, tz: str = "Asia/Shanghai", now: datetime | None = None
                    ) -> ParsedDate | None:
    """Only dates with a year (no year-less, relative or dateparser forms): for scanning free
    text, where ``7月12日`` or ``3天前`` are more likely story content than a timestamp."""
    if not text:
        return None
    try:
        zone = get_timezone(tz)
        return _parse_full(text[:500], zone, _aware_now(now, zone))
    except Exception:
        return None


def parse_short_header_date(text: str, *, tz: str = "Asia/Shanghai", now: datetime | None = None
                            ) -> ParsedDate | None:
    """A relative or year-less date printed as an item of its own near the start of a page's
    header (``3小时前``, ``昨天 10:00``, ``刚刚``, ``07-12 08:30``), resolved against ``now``.

    Only as an item: what stands before it is the start, a space or a label's colon, and what
    follows is a space, a separator or the end. ``3天前，他…`` and ``今日头条`` are words of a
    sentence, not a timestamp (``parse_full_date`` explains why free text needs a year)."""
    head = (text or "")[:SHORT_DATE_REACH]
    zone = get_timezone(tz)
    current = _aware_now(now, zone)
    for regex, parse in ((JUST_NOW_RE, _parse_relative), (RELATIVE_RE, _parse_relative),
                         (RELATIVE_DAY_RE, _parse_relative), (MONTH_DAY_RE, _parse_month_day)):
        for match in regex.finditer(head):
            before = head[match.start() - 1: match.start()]
            after = head[match.end(): match.end() + 1]
            if (not before or before in ITEM_BEFORE) and (not after or after in ITEM_AFTER):
                try:
                    return parse(head[match.start(): match.end()], zone, current)
                except Exception:
                    return None
    return None


#: How far into the header a relative or year-less date is looked for, and what may stand
#: around it for it to be an item of the header rather than words of a sentence.
SHORT_DATE_REACH = 80
ITEM_BEFORE = frozenset(" \u3000:：[【(（|｜丨·/")
ITEM_AFTER = frozenset(" \u3000]】)）|｜丨·/")


def parse_badge_date(text: str, *, tz: str = "Asia/Shanghai", now: datetime | None = None
                     ) -> ParsedDate | None:
    """A date printed as a calendar badge (day, then year and month), at day precision."""
    match = BADGE_DATE_RE.search(text[:500]) if text else None
    if match is None:
        return None
    zone = get_timezone(tz)
    try:
        value = datetime(int(match.group("y")), int(match.group("m") or match.group("m2")),
                         int(match.group("d")), tzinfo=zone)
    except ValueError:
        return None
    if value.year < MIN_YEAR:
        return None
    return _not_future(ParsedDate(value, "day"), _aware_now(now, zone))


def parse_date(
    text: str,
    *,
    tz: str = "Asia/Shanghai",
    now: datetime | None = None,
    formats: tuple[str, ...] = (),
    languages: tuple[str, ...] = ("zh",),
    use_dateparser: bool = True,
) -> ParsedDate | None:
    """Parse one date as a news page prints it; None when there is none or it lies in the future.

    ``text`` may carry labels and neighbours (``发布时间：2016-07-12 10:30来源:``): the first date
    in it wins. Naive times are in ``tz``; relative and year-less forms are resolved against
    ``now`` (default: the current time).

    >>> parse_date("时间:2016-07-12 10:30来源:").isoformat()
    '2016-07-12T10:30:00+08:00'
    """
    if not text or not isinstance(text, str):
        return None
    try:
        zone = get_timezone(tz)
        current = _aware_now(now, zone)
        text = text[:500]
        stamp = TIMESTAMP_RE.match(text)
        if stamp:
            value = datetime.fromtimestamp(int(stamp.group(1)), zone)
            return _not_future(ParsedDate(value, "second"), current)
        for parse in (_parse_full, _parse_roc, _parse_month_day, _parse_relative):
            parsed = parse(text, zone, current)
            if parsed is not None:
                return parsed
        if formats:
            parsed = _parse_formats(text, formats, zone, current)
            if parsed is not None:
                return parsed
        if use_dateparser and (DATEPARSER_SPAN_RE.search(text) or (
                set(languages) - {"zh"} and DATEPARSER_WORDS_RE.search(text))):
            return _parse_with_dateparser(text, tz, current, languages)
    except Exception:
        return None
    return None
