"""Writers printed beside the header's date, with no label: the name, pen name, poster or
account right before it (``陈斌 2018年06月08日08:12``, ``Jancd 发表于 2023-06-10``, ``小希
2023-06-02``), the names right after it (``2019-09-24 09:10 张三 李四``), and a Latin name that is
all the header prints before it (``Paolo Confino 2023-11-18``).

Newspapers label their bylines; blogs, platforms and many portals print the writer in the slot
next to the date instead, and the slot is what says it is a writer. ``authors.py`` reads the
labelled bylines, ``header_slots.py`` the unlabelled writers at the header's start, and
``names.py`` says whether a word can be a name.
"""

from __future__ import annotations

import re

from newscrawler.extract import rules
from newscrawler.extract.dates import DATE_BRACKETS
from newscrawler.extract.names import (
    HAN,
    LATIN_NAME_RE,
    MAX_AUTHORS,
    MEDIUM_ENDINGS,
    TRANSLITERATED_NAME_RE,
    has_surname,
    is_name,
    join,
    signed_name,
)

#: Two or three capitalised words, all the header holds before its date (``Paolo Confino``).
LATIN_OPENING_NAME_RE = re.compile(r"^[A-Z][a-z'-]+(?: [A-Z][a-z'.-]+){1,2}$")

#: A journal's title and issue in a header (``《求是》2017/7``, ``《瞭望》2020年第12期``).
PUBLICATION_ISSUE_RE = re.compile(r"^《[^》]{1,15}》[\d/.年第期-]*$")

#: A transliterated foreign name, then its Latin form, right before the date (BBC 中文).
TRANSLITERATED_THEN_LATIN_RE = re.compile(
    r"(?:^|(?<=\s))(?P<name>[\u4e00-\u9fff]{1,6}[·•・][\u4e00-\u9fff]{1,8})\s*"
    r"[A-Z][a-z'-]+(?: [A-Z][a-z'.-]+){1,2}$"
)

#: A job title glued to the name, the header's last item before the date (``心理咨询师熊玲``).
TITLE_THEN_NAME_RE = re.compile(
    r"(?:^|(?<=\s))[\u4e00-\u9fff]{0,6}(?:" + "|".join(rules.BYLINE_JOB_TITLES)
    + r")(?P<name>[\u4e00-\u9fff]{2,3})$"
)

#: A pen name alone before a header date: two or three Han characters (four are as often a
#: desk: ``央视科教``).
LONE_WORD_RE = re.compile(r"^[\u4e00-\u9fff]{2,3}$")

#: A handle alone before a header date: letters first, then letters, digits, ``_`` or ``-``.
LONE_HANDLE_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{2,19}$")

#: A poster's name, account or handle, then the label a forum or blog prints before its date
#: (``Jancd 发表于 2023-06-10 12:47``, ``爱国的张浩予 发表于 …``: rustcc, Discuz!).
POSTER_BEFORE_DATE_RE = re.compile(
    r"(?:^|(?<=\s))(?P<who>[^\s:：|｜/／()（）]{2,20})(?:\s*(?:" + "|".join(rules.POSTED_LABELS)
    + r")\s*[:：]?|\s+(?:已于|于|於)"  # CSDN: 中草药z 于 2024-05-12 09:24:57 发布
    + r"|\s*(?:[(（]\s*\d{1,3}级\s*[)）])?\s*(?:楼主|樓主))\s*$"  # hupu: X (34级) 楼主
)

#: ``By Andy`` right before a poster's last name (``By Andy Guo 发表于 …``).
BY_FIRST_NAME_RE = re.compile(r"(?:^|(?<=\s))[Bb]y\s+(?P<first>[A-Z][a-z'-]+)$")
#: What the poster's word may not follow: a label (``译者 夏雪 发布于``), a colon.
POSTER_NOT_AFTER = (rules.LABELS["author"] + rules.LABELS["editor"] + rules.LABELS["source"]
                    + rules.TRANSLATOR_LABELS + (":", "："))

#: The last word before a header date (up to a space or a mark of the header's items).
WORD_BEFORE_DATE_RE = re.compile(r"(?:^|(?<=[\s|｜丨·•]))(?P<word>[^\s:：|｜丨·•/／]{2,20})$")

#: A reporter's name, the title after it, and maybe the upload verb, before the header date.
NAME_THEN_TITLE_END_RE = re.compile(
    r"(?:^|(?<=\s))(?P<name>[\u4e00-\u9fff]{2,3})\s*(?:记者|記者)(?:\s*/?\s*(?:上传|上傳))?$"
)

#: A reading time's items after the header date (``13 分钟``, ``5分钟阅读``).
READING_TIME_RE = re.compile(r"^(?:\d{1,3}|\d{0,3}\s*(?:分钟|分鐘)(?:阅读|閱讀)?)$")

#: A follow button's word printed between an account and the date.
FOLLOW_BUTTON_END_RE = re.compile(r"\s*[+＋]?\s*(?:关注|關注|订阅|訂閱)\s*$")

#: Marks between a header's writer and its date (``龚进辉 · 2025/11/28``, a Hugo theme's
#: dot operator: ``陈华 ⋅ 2021-04-23``).
DATE_LEAD_MARKS = " \u3000·•⋅・|｜丨"

#: A name ending the text before the header date, not glued to other Han text.
NAME_AT_END_RE = re.compile(
    rf"(?:^|(?<=[\s|丨｜]))(?P<name>[{HAN}·]{{2,3}}|[{HAN}] [{HAN}])$"
)

#: The newspaper and the bracket an e-paper prints between its writer and the date (``邹广文
#: 《 光明日报 》（ 2014年02月13日 02 版）``, the People's Daily group's e-papers).
MEDIUM_AND_BRACKET_END_RE = re.compile(r"\s*《[^《》]{1,20}》\s*[（(]\s*$")

#: The last space-separated token of a text.
LAST_TOKEN_RE = re.compile(r"(?:^|(?<=[\s\u3000]))(?P<token>\S+)$")

#: ``石佳/中国青年报 2019-09-24``: a writer, a slash, the medium, right before the date.
NAME_SLASH_MEDIUM_RE = re.compile(
    rf"(?:^|(?<=[\s|丨｜]))(?P<name>[{HAN}·]{{2,4}})\s*[/／]\s*[{HAN}\w]{{2,12}}$"
)

#: An English theme's ``by X on`` or ``by X |`` before the date (``by PinesCheng on
#: 2020-01-02``, ``by 金菩提網友 | 4 月 14, 2020``).
BY_ON_RE = re.compile(
    r"(?:^|(?<=\s))(?:[Bb]y|[Pp]osted by)\s+(?P<who>[^\s|｜]{2,20}(?: [^\s|｜]{2,20})?)"
    r"(?:\s+on|\s*[|｜])$"
)

#: ``谢康玉 未来消费APP 2020年12月31日``: a writer, then the medium, right before the date.
NAME_THEN_MEDIUM_RE = re.compile(
    rf"(?:^|(?<=[\s|丨｜]))(?P<name>[{HAN}]{{2,3}})\s+(?P<medium>[{HAN}\w]{{2,12}})$"
)

#: ``上報快訊／范姜佳鈺 2020年03月12日``: the medium, a slash, the writer, right before the date.
MEDIUM_SLASH_NAME_RE = re.compile(
    rf"(?:^|(?<=[\s|丨｜]))[{HAN}\w]{{3,12}}\s*[/／]\s*(?P<name>[{HAN}·]{{2,4}})$"
)

#: Latin names in capitals, comma-separated, right before the header date (``DAVID E. SANGER,
#: STEVEN LEE MYERS 2023年9月13日``: the Chinese editions of foreign papers); mixed case only
#: after ``By`` (``Updated On`` is not a name).
_CAPS_NAME = r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){1,3}"
_LATIN_NAME = r"[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){1,3}"
LATIN_NAMES_AT_END_RE = re.compile(
    rf"(?:^|(?<=\s))(?P<names>{_CAPS_NAME}(?:(?:,| and|、) ?{_CAPS_NAME}){{0,5}})$|"
    rf"(?:^|(?<=\s))By (?P<by>{_LATIN_NAME}(?:(?:,| and|、) ?{_LATIN_NAME}){{0,5}})$"
)

#: Separators between the items printed after the header date.
HEADER_ITEM_SPLIT_RE = re.compile(r"[\s\u3000|丨｜]+")

#: How much text after the header date is read for names, and how many items (a source, a
#: medium) may come before them.
AFTER_DATE_CHARS = 80

AFTER_DATE_SKIPS = 3


def latin_name_opening(zone: str, date_start: int, site: str) -> str | None:
    """A Latin name that is all the header prints before its date (``Paolo Confino
    2023-11-18``): Chinese editions of foreign titles print their writers so. Not a medium
    (``China Daily 2023-11-18``): no word of ``rules.LATIN_MEDIA_WORDS``, not the site's name."""
    before = _before_date(zone, date_start).strip()
    if not LATIN_OPENING_NAME_RE.match(before) or \
            set(before.lower().split()) & rules.LATIN_MEDIA_WORDS:
        return None
    return None if before.replace(" ", "").lower() in site.replace(" ", "").lower() else before


def _before_date(zone: str, date_start: int) -> str:
    """The header's text before its date, without the marks and the follow button between a
    platform's account and the date (``维舟 +关注 2020-07-03 15:39``, thepaper's 澎湃号)."""
    return FOLLOW_BUTTON_END_RE.sub("", zone[:date_start].rstrip(DATE_LEAD_MARKS)) \
        .rstrip(DATE_LEAD_MARKS)


def name_before_date(zone: str, date_start: int) -> str | None:
    """The header form ``陈斌 2018年06月08日08:12`` (or ``石佳/中国青年报 2019-09-24``,
    ``邹广文 《 光明日报 》（ 2014年02月13日``,
    ``上報快訊／范姜佳鈺 2020年03月12日``, ``DAVID E. SANGER, STEVEN LEE MYERS 2023年9月13日``):
    a lone name right before the date, not part of a labelled value
    (``来源于新京报 2017-06-23``)."""
    before = MEDIUM_AND_BRACKET_END_RE.sub("", _before_date(zone, date_start))
    match = NAME_SLASH_MEDIUM_RE.search(before)
    if match and before.endswith(MEDIUM_ENDINGS):
        name = match.group("name")
        head = before[: match.start("name")].rstrip()
        return name if is_name(name) and not head.endswith(rules.AUTHOR_LABEL_ENDS) else None
    match = BY_ON_RE.search(zone[:date_start].rstrip(" \u3000"))
    if match:  # by PinesCheng on 2020-01-02: an English blog theme's byline
        return signed_name(match.group("who")) or \
            (match.group("who") if is_name(match.group("who")) else None)
    match = NAME_THEN_MEDIUM_RE.search(before)
    if match and match.group("medium").endswith(MEDIUM_ENDINGS) and \
            is_name(match.group("name")) and has_surname(match.group("name")) and \
            match.group("name") not in rules.HEADER_NOT_NAMES and \
            not before[: match.start("name")].rstrip().endswith(rules.AUTHOR_LABEL_ENDS):
        return match.group("name")  # 谢康玉 未来消费APP 2020年12月31日; not 编辑：王伟 新华网
    match = LATIN_NAMES_AT_END_RE.search(before)
    if match:
        run = match.group("names") or match.group("by")
        names = [n.strip() for n in re.split(r",|、| and ", run) if n.strip()]
        return join(names) if all(is_name(n) for n in names) else None
    match = MEDIUM_SLASH_NAME_RE.search(before)
    if match and before[: match.start("name")].rstrip(" /／").endswith(MEDIUM_ENDINGS):
        name = match.group("name")
        return name if is_name(name) and name not in rules.HEADER_NOT_NAMES else None
    match = TRANSLITERATED_THEN_LATIN_RE.search(before)
    if match:  # 希拉·莱文Shira Levine 2017年1月30日: the Chinese form is the byline
        return match.group("name")
    match = TITLE_THEN_NAME_RE.search(before)
    if match and is_name(match.group("name")):  # 心理咨询师熊玲 2018/03/05
        return match.group("name")
    match = NAME_THEN_TITLE_END_RE.search(before)
    if match and is_name(match.group("name")) and has_surname(match.group("name")):
        return match.group("name")  # 金炯九 记者 上传 2025.02.07 11:05
    match = NAME_AT_END_RE.search(before)
    if not match:
        return None
    name = match.group("name").replace(" ", "")
    if not is_name(name) or not has_surname(name):
        return None  # a bare word before the date is a name only with a surname (收集 is not)
    names, head = _names_running_back(before[: match.start("name")].rstrip(), name)
    if head.endswith(rules.AUTHOR_LABEL_ENDS) and \
            not head.rstrip(":：︰ ").endswith(rules.AUTHOR_BYLINE_LABELS):
        return None  # 来源：新京报 2017-06-23: a source's name
    return join(names)


def poster_before_date(zone: str, date_start: int) -> str | None:
    """The poster a forum or blog names before its ``发表于`` date: a name, pen name or
    account (``names.signed_name``), linked or not."""
    match = POSTER_BEFORE_DATE_RE.search(zone, 0, date_start)
    if match is None:
        return None
    head = zone[: match.start("who")].rstrip()
    if head.endswith(POSTER_NOT_AFTER):
        return None  # 作者 Shane Hastie，译者 夏雪 发布于 …: the translator, or a label's value
    first = BY_FIRST_NAME_RE.search(head)
    if first and LATIN_NAME_RE.match(f"{first.group('first')} {match.group('who')}"):
        return f"{first.group('first')} {match.group('who')}"  # By Andy Guo 发表于 2017-07-26
    return signed_name(match.group("who"))


def account_beside_date(zone: str, date_start: int, date_end: int) -> str | None:
    """The CMS account a theme prints as the post's author next to the date, with no label
    (``admin 6年前 (2017-05-19)``, ``工作技术 / admin / 1年前 (2017-05-23)``, MetInfo's
    ``2017-09-08 16:25:16 admin 82``): kept as printed, as a labelled ``作者：admin`` is. Only
    the word right before the date (past an age like ``6年前 (``) or right after it."""
    before = _words(AGE_BEFORE_DATE_RE.sub("", _before_date(zone, date_start)))
    after = _words(zone[date_end:date_end + ACCOUNT_AFTER_CHARS])
    for word in before[-1:] + after[:1]:
        if word.lower() in rules.PLACEHOLDER_ACCOUNTS:
            return word
    return None


def _words(text: str) -> list[str]:
    """The words of a meta row, without the separators between its items (``/``, ``|``)."""
    return [word for word in (token.strip("/|｜·") for token in text.split()) if word]


#: The age a theme prints before the date in brackets (``6年前 (2017-05-19)``), and how far
#: after the date an account is read.
AGE_BEFORE_DATE_RE = re.compile(r"\s*\d+\s*(?:年|个月|月|天|小时)前\s*[(（]?\s*$")
ACCOUNT_AFTER_CHARS = 12


def lone_word_before_date(zone: str, date_start: int) -> str | None:
    """A word with no common surname that is all the header prints before its date (``小希
    2023-06-02``, ``灰烬包2022-02-24``): a pen name, or a category tag (``创业 2022-02-05``),
    which the caller tells apart (a tag is a link)."""
    before = _before_date(zone, date_start).lstrip(DATE_LEAD_MARKS)
    if LONE_HANDLE_RE.match(before) and before.lower() not in rules.LATIN_HEADER_WORDS:
        return signed_name(before)  # yyshino 6/18/2023: a blog's handle
    return before if LONE_WORD_RE.match(before) and is_name(before) and \
        before not in rules.HEADER_NOT_NAMES else None


def word_before_date(zone: str, date_start: int) -> str | None:
    """The last word the header prints before its date, when no label comes before it
    (``… 机器之心·2025年04月22日``): who it is, the caller reads from the page's links."""
    match = WORD_BEFORE_DATE_RE.search(_before_date(zone, date_start))
    if match is None or zone[: match.start()].rstrip().endswith(POSTER_NOT_AFTER):
        return None
    return match.group("word")


def _names_running_back(head: str, last: str) -> tuple[list[str], str]:
    """The names printed before ``last`` in one run (``澎湃新闻记者 陈均 实习生 王硕``,
    ``任姗姗 曹玲娟``): bare names with a common surname, across the labels that join two
    writers (实习生, 记者); and the text before the run."""
    names = [last]
    while len(names) < MAX_AUTHORS:
        match = LAST_TOKEN_RE.search(head)
        if match is None:
            break
        token = match.group("token")
        if token in rules.AUTHOR_CONTINUE_LABELS:
            pass
        elif len(token) <= 3 and is_name(token) and has_surname(token):
            names.insert(0, token)
        else:
            break
        head = head[: match.start("token")].rstrip()
    return names, head


def names_after_date(zone: str, date_end: int, site: str = "") -> str | None:
    """The header form ``2020-06-05 20:35 来源：X 张三 李四``: bare names after the date.

    Up to ``AFTER_DATE_SKIPS`` items between the date and the names are let pass when they are
    the source (a ``来源`` label and its value), a medium, a journal and its issue
    (``《求是》2017/7``) or page furniture (``我要評論``);
    the names themselves are bare, so each must look like a person's (``has_surname``, never
    page furniture such as ``字号``, never part of the ``site``'s name: ``和讯`` of ``和讯网``),
    and the first item that is not one ends the run. The bracket closing the date
    (``[2010-07-20]``) is not an item.
    """
    items = [t for t in HEADER_ITEM_SPLIT_RE.split(zone[date_end: date_end + AFTER_DATE_CHARS])
             if t.strip(DATE_BRACKETS)]
    names: list[str] = []
    skipped = 0
    after_label = False
    for item in items[:-1] if len(zone) - date_end > AFTER_DATE_CHARS else items:
        bare = item.rstrip(":：")
        if bare in rules.LABELS["editor"] or bare.startswith(rules.SHARE_WORDS):
            break  # 编辑: 曾俊菠 is the editor; 分享到东方微博… are share buttons
        if not names and READING_TIME_RE.match(item):
            continue  # swissinfo's reading time: 09:00 13 分钟 马克·洛伊滕艾格
        if not names and skipped < AFTER_DATE_SKIPS:
            if after_label or bare in rules.LABELS["source"] or bare.startswith(
                    rules.LABELS["source"]) or bare.endswith(rules.MEDIA_SUFFIXES) or \
                    bare in rules.HEADER_NOT_NAMES or PUBLICATION_ISSUE_RE.match(bare):
                after_label = bare in rules.LABELS["source"] or item.endswith((":", "："))
                skipped += 1
                continue
        person = has_surname(item) and is_name(item) or TRANSLITERATED_NAME_RE.match(item)
        if item in rules.HEADER_NOT_NAMES or not person or item in site:
            break
        names.append(item)
        if len(names) >= MAX_AUTHORS:
            break
    return join(names)
