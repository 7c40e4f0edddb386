"""Values a page keeps in its source but not in its visible tree: JSON-LD and inline script data.

``<script>`` elements are dropped before the tree is read (``rules.DROP_TAGS``), so these are
read from the page source (UTF-8 bytes) with regular expressions, and only when the visible
page did not give the value: they are the last resort before the URL.

Script data is where many portals keep an article's publish time when a script prints it:
``pubtime: '2018-06-12'`` (sina), ``"ptime" : '2019-12-10 07:57:40'`` (xinhuanet),
``publish_time: '…'`` (toutiao), ``"newsTime":"…"`` (ifeng), ``publishdate = '…'`` (stcn),
``pubtime='…'`` (cjn, cmse); the keys are ``rules.SCRIPT_DATE_KEYS``. The first such key whose
value is a full date wins: the article's own data object comes before any list of related ones.
A time in seconds since 1970 is read last, after ``rules.SCRIPT_EPOCH_KEYS`` (WeChat's
``var ct = "1700000000"``).

Newspaper e-paper editions built on Founder's (方正) system, which many Chinese dailies use, end
each article page with a comment of its properties (``<!--enpproperty <founder-date>2017-10-09
…</founder-date><founder-papername>江西日报…``, ``<!--mpproperty <founder-date>…`` or
``<!--enpproperty <date>2022-02-13 00:00:00:0</date>…``): the issue's date, which the page
prints in its masthead, far from the headline.
"""

from __future__ import annotations

import html
import re
from datetime import datetime

from newscrawler.extract import rules
from newscrawler.extract.dates import ParsedDate, parse_date, parse_full_date
from newscrawler.extract.text import collapse

#: How a JSON-LD ``<script type>`` reads in the source, plain or HTML-escaped (one literal
#: search: ``re`` finds the ``ld`` prefix faster than a bytes ``in`` finds the whole word).
JSONLD_TYPE_RE = re.compile(rb"ld(?:\+|&#x2[bB];|&#43;)json")
#: JSON-LD's ``datePublished`` and ``author`` (its ``name`` when it is an object).
JSONLD_DATE_RE = re.compile(rb'"datePublished"\s*:\s*"([^"]{6,40})"')
JSONLD_AUTHOR_RE = re.compile(
    rb'"author"\s*:\s*(?:\[\s*)?(?:\{[^{}]*?"name"\s*:\s*"([^"]{1,60})"|"([^"]{1,60})")'
)
#: A date-like script value (``: '2018-06-12 08:29'``, ``= "2019-09-04T14:18:34Z"``), and the
#: publish-time key that must end the text right before it. Two steps because one expression
#: that starts with the keys costs ten times more: it is tried at every byte of the page.
SCRIPT_VALUE_RE = re.compile(rb"""[:=]\s*["'](\d{4}[^"'<>\n]{4,36})["']""")
SCRIPT_KEY_RE = re.compile(
    rb"""(?:^|[^\w$-])["']?(?:""" + b"|".join(k.encode() for k in rules.SCRIPT_DATE_KEYS)
    + rb""")["']?\s*$""",
    re.IGNORECASE,
)
KEY_WINDOW = 24
#: A publish time in seconds since 1970 (``var ct = "1700000000";``), and the epoch key that
#: must end the text right before it: two steps, as for the date values above.
SCRIPT_EPOCH_VALUE_RE = re.compile(rb"""[:=]\s*["']?(1\d{9})(?![\d.])""")
SCRIPT_EPOCH_KEY_RE = re.compile(
    rb"""(?:^|[^\w$.-])(?:""" + b"|".join(k.encode() for k in rules.SCRIPT_EPOCH_KEYS)
    + rb""")["']?\s*$"""
)
#: Where a Founder e-paper page's property comment starts, and the issue date in it (its time,
#: when there is one, is a filler: ``23:59:59``, ``00:00:00:0``).
FOUNDER_PROPERTIES_RE = re.compile(rb"<!--\s*(?:enp|mp)property\s")
FOUNDER_DATE_RE = re.compile(
    rb"<(founder-date|date)>\s*(\d{4}-\d{1,2}-\d{1,2})(?:\s+(\d{1,2}:\d{2}(?::\d{2})?))?"
    rb"[^<]{0,20}</(?:founder-date|date)>"
)
#: The time an e-paper's issue date carries: midnight (``<date>2022-02-13 00:00:00:0``).
MIDNIGHT_RE = re.compile(rb"^0?0:00(?::00)?$")
#: Script values read before giving up (a page of related-article objects has many).
MAX_SCRIPT_VALUES = 5


def has_json_ld(source: bytes | None) -> bool:
    """Does the page hold JSON-LD? Its type may be HTML-escaped (ASP.NET's ``application/
    ld&#x2B;json``, cnblogs), and so may its values' ``+``."""
    return bool(source) and JSONLD_TYPE_RE.search(source) is not None


def jsonld_date(source: bytes | None, tz: str, now: datetime) -> ParsedDate | None:
    """JSON-LD's ``datePublished``."""
    if not has_json_ld(source):
        return None
    match = JSONLD_DATE_RE.search(source)
    if match:
        value = html.unescape(match.group(1).decode("utf-8", "replace"))
        return parse_date(value, tz=tz, now=now)
    return None


def jsonld_author(source: bytes | None) -> str | None:
    """The first ``author`` (its ``name`` when it is an object) of the page's JSON-LD."""
    if not has_json_ld(source):
        return None
    match = JSONLD_AUTHOR_RE.search(source)
    if not match:
        return None
    return collapse((match.group(1) or match.group(2)).decode("utf-8", "replace")) or None


def script_date(source: bytes | None, tz: str, now: datetime) -> ParsedDate | None:
    """The publish time an inline script holds (``pubtime: '2018-06-12 08:29'``), if any."""
    if not source or b"<script" not in source:
        return None
    count = 0
    for match in SCRIPT_VALUE_RE.finditer(source):
        if not SCRIPT_KEY_RE.search(source, max(0, match.start() - KEY_WINDOW), match.start()):
            continue
        parsed = parse_full_date(match.group(1).decode("utf-8", "replace"), tz=tz, now=now)
        if parsed is not None:
            return parsed
        count += 1
        if count >= MAX_SCRIPT_VALUES:
            break
    for match in SCRIPT_EPOCH_VALUE_RE.finditer(source):
        if SCRIPT_EPOCH_KEY_RE.search(source, max(0, match.start() - KEY_WINDOW), match.start()):
            return parse_date(match.group(1).decode("ascii"), tz=tz, now=now)
    return None


def founder_property(source: bytes | None, name: str) -> str | None:
    """A value a Founder e-paper page's property comment declares (``<founder-title>``,
    ``<founder-author>本报记者 任朝霞</founder-author>``), or a Founder news site's headline
    (``<!--enpproperty <articleid>…<title>标题</title>``, 开屏新闻): what the paper's system
    filed, which the page's ``<title>`` (the paper's name) does not give."""
    properties = _founder_properties(source)
    if properties is None:
        return None
    closing = source.find(b"-->", properties.end())
    comment = source[properties.end():closing if closing != -1 else None]
    tags = [b"founder-" + name.encode("ascii")]
    if name in NEWS_SITE_PROPERTIES:
        tags.append(name.encode("ascii"))  # the news site's form: <title>
    for tag in tags:
        start = comment.find(b"<" + tag + b">")
        end = comment.find(b"</" + tag + b">", start) if start != -1 else -1
        if end != -1 and end - start <= MAX_FOUNDER_VALUE:
            return collapse(comment[start + len(tag) + 2:end].decode("utf-8", "replace")) or None
    return None


def _founder_properties(source: bytes | None) -> re.Match[bytes] | None:
    """Where a Founder e-paper page's property comment starts, if the page has one."""
    if not source:
        return None
    return FOUNDER_PROPERTIES_RE.search(source, max(0, len(source) - FOUNDER_TAIL))


#: Where the property comment is: the page's last bytes, after ``</html>`` (a search of the
#: tail only, since every page without a headline or writer would pay for a whole scan).
FOUNDER_TAIL = 16384
#: What a Founder news site's comment declares without the e-paper's ``founder-`` prefix and
#: is read: its ``<title>``. Its ``<author>`` is who filed the story (中国网's 辛闻, printed
#: nowhere on the page), not a writer the page credits.
NEWS_SITE_PROPERTIES = frozenset({"title"})
#: The longest property value read (a title or a byline, not an article).
MAX_FOUNDER_VALUE = 400


def founder_date(source: bytes | None, tz: str, now: datetime) -> ParsedDate | None:
    """The date in a Founder page's property comment: an e-paper's issue date at day
    precision (``<founder-date>``, its time meaningless: 江西日报's is 23:59:59; the news
    site form's is midnight), a news site's filing time with it (``<date>2022-09-21
    08:00:00:0</date>``, 南方+, whose script prints ``2022-09-21 08:00``)."""
    properties = _founder_properties(source)
    match = properties and FOUNDER_DATE_RE.search(source, properties.end())
    if not match:
        return None
    tag, day, time = match.groups()
    if tag == b"date" and time and not MIDNIGHT_RE.match(time):
        return parse_full_date(f"{day.decode('ascii')} {time.decode('ascii')}", tz=tz, now=now)
    return parse_full_date(day.decode("ascii"), tz=tz, now=now)
