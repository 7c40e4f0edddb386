"""Who wrote the article: bylines in the header and at the top (or foot) of the text.

Chinese news pages credit writers in a handful of ways that the meta-line labels alone miss:
a name printed right before the date under the headline (``陈斌 2018年06月08日08:12``), an
opening byline (``本报记者 张三``, ``新华社记者 李四 王五``, ``每经记者 X 实习记者 Y``), the
reporter in brackets after the dateline (``新华社北京6月13日电（记者闫子敏）``, ``人民网北京6月1日电
（朱江）``), ``X/文`` or ``文/X``, and a closing credit (``（记者 张三）``). This module reads them,
in that order of trust, and returns the names in print order joined with ``、`` (the record's
``author`` stays one string, as ``schema/article.schema.json`` has it).

What is never an author: an editor (``编辑``/``责任编辑``, see ``meta.py``), a photographer
(``X 摄``), a medium or site (``新京报``, ``新浪综合``: ``rules.MEDIA_SUFFIXES``), markup
(``size="20"``) or a label. A name is 2-4 Han characters (a 2-character name padded with a
space, ``王 观``, is joined) or a short run of Latin words.
"""

from __future__ import annotations

import re

from newscrawler.extract import rules

#: A Chinese personal name, or one padded to three characters (``王 观``).
HAN_NAME_RE = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
LATIN_NAME_RE = re.compile(r"^[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,3}$")
_HAN = "\u4e00-\u9fff"
#: Where a run of names after a byline label ends.
NAMES_RUN = (
    rf"(?P<names>[{_HAN}·]{{1,4}}(?:[ \u3000、]+[{_HAN}·]{{1,4}}){{0,5}})"
    r"(?=[\s\u3000)）】\]|丨｜/]|摄|$)"
)
#: Opening bylines: a reporter label, then the names (``本报记者 张三 李四``).
BYLINE_RE = re.compile(
    rf"(?:{'|'.join(rules.AUTHOR_BYLINE_LABELS)})\s*[:：]?\s*" + NAMES_RUN
)
#: ``（记者闫子敏）`` / ``（朱江）`` right after a dateline ``…电``, and closing credits.
DATELINE_RE = re.compile(
    rf"电\s*[（(]\s*(?:(?:{'|'.join(rules.AUTHOR_BYLINE_LABELS)})\s*[:：]?\s*)?"
    + NAMES_RUN + r"\s*[)）]"
)
CLOSING_RE = re.compile(
    rf"[（(][^()（）]{{0,20}}?(?:{'|'.join(rules.AUTHOR_BYLINE_LABELS)})\s*[:：]?\s*"
    + NAMES_RUN + r"\s*[)）]\s*$"
)
#: ``张三/文``, ``文/张三``, ``文｜张三``.
SLASH_WEN_RE = re.compile(
    rf"(?:^|\s)(?P<before>[{_HAN}]{{2,4}})\s*[/／]\s*文(?![{_HAN}])|"
    rf"(?<![{_HAN}])文\s*[/／|｜]\s*(?P<after>[{_HAN}]{{2,4}})(?![{_HAN}])"
)
#: Words after the names that end the run (``北京报道``, ``摄``) and are not names themselves.
NAME_STOP_RE = re.compile(rf"(?:{'|'.join(rules.AUTHOR_NAME_STOPS)})$")
#: A name ending the text before the header date, not glued to other Han text.
NAME_AT_END_RE = re.compile(
    rf"(?:^|(?<=[\s|丨｜]))(?P<name>[{_HAN}·]{{2,3}}|[{_HAN}] [{_HAN}])$"
)
#: ``第一财经日报 周艾琳``, ``来源：经济参考报 王静文``: a medium, then its writer's name alone.
MEDIUM_BYLINE_RE = re.compile(
    rf"(?:^|[\s:：|])(?:[{_HAN}\w]{{1,10}}?(?:{'|'.join(rules.BYLINE_MEDIA_ENDS)}))\s+"
    rf"(?P<names>[{_HAN}]{{2,3}}(?:[ 、][{_HAN}]{{2,3}})?)\s"
)
LATIN_VALUE_RE = re.compile(r"^[A-Za-z][\w .'-]{0,39}$")
#: Every meta-line label (``发表于``, ``来源``, ``点击``): never a name.
LABEL_WORDS = frozenset(label for group in rules.LABELS.values() for label in group)
PHOTO_WORDS = ("摄", "图")
#: How much of the text's start (characters) is searched for an opening byline.
OPENING_CHARS = 240
CLOSING_CHARS = 120
MAX_AUTHORS = 6
SEPARATOR = "、"


def is_name(text: str) -> bool:
    """Does ``text`` look like a person's name (not a medium, label, site or markup)?"""
    if not text or any(c in text for c in "=\"'<>:：/"):
        return False
    if HAN_NAME_RE.match(text):
        if text in rules.AUTHOR_NOT_NAMES or text in LABEL_WORDS or \
                text.endswith(rules.MEDIA_SUFFIXES) or text.endswith(rules.LABEL_ENDINGS):
            return False
        return not text.startswith(rules.AUTHOR_NOT_NAME_PREFIXES)
    return bool(LATIN_NAME_RE.match(text)) and len(text) <= 40


def split_names(run: str) -> list[str]:
    """Names of a byline run in print order; a lone character padded off its other half
    (``王 观``) is joined; the run stops at the first token that is not a name."""
    tokens = [t for t in re.split(r"[ \u3000、]+", run) if t]
    names: list[str] = []
    index = 0
    while index < len(tokens) and len(names) < MAX_AUTHORS:
        token = tokens[index]
        if len(token) == 1 and index + 1 < len(tokens) and len(tokens[index + 1]) == 1:
            token = token + tokens[index + 1]
            index += 1
        index += 1
        if token.startswith(PHOTO_WORDS):
            return []  # 李木子 摄: a photographer's credit
        if NAME_STOP_RE.search(token):
            break  # 北京报道: the byline ends here
        if token in rules.AUTHOR_CONTINUE_LABELS:
            continue  # 实习生 / 通讯员 between two names: the next one is a writer too
        if not is_name(token) or (names and len(token) > 3 and HAN_NAME_RE.match(token)):
            break  # four characters after a name: keywords (知道创宇), not a second name
        names.append(token)
    return names


def join(names: list[str]) -> str | None:
    unique = list(dict.fromkeys(names))
    return SEPARATOR.join(unique) if unique else None


def clean_author(value: str | None) -> str | None:
    """A labelled or ``<meta>`` author value, reduced to its names; None when it names none.

    A value without Han characters is kept whole when it is a plain word or name (DedeCms
    prints the account, ``admin``); markup (``size="20"``) and labels are refused."""
    if not value:
        return None
    value = value.strip()
    if not re.search(f"[{_HAN}]", value):
        if LATIN_VALUE_RE.match(value) and value.lower() not in rules.EMPTY_VALUES:
            return value
        return None
    return join(split_names(value))


def name_before_date(zone: str, date_start: int) -> str | None:
    """The header form ``陈斌 2018年06月08日08:12``: a lone name right before the date, not
    part of a labelled value (``来源于新京报 2017-06-23``)."""
    before = zone[:date_start].rstrip()
    match = NAME_AT_END_RE.search(before)
    if not match:
        return None
    name = match.group("name").replace(" ", "")
    head = before[: match.start("name")].rstrip()
    if head.endswith(rules.AUTHOR_LABEL_ENDS) or not is_name(name):
        return None
    return name


def opening_byline(text: str, *, bare: bool = False) -> str | None:
    """The byline at the start of the article text (or of the header text); ``bare`` also
    reads a medium followed by a bare name (only safe on the body's first lines)."""
    start = text[:OPENING_CHARS]
    for regex in (DATELINE_RE, BYLINE_RE) + ((MEDIUM_BYLINE_RE,) if bare else ()):
        for match in regex.finditer(start):
            if regex is BYLINE_RE and _is_photo_credit(start, match):
                continue
            names = split_names(match.group("names"))
            if names:
                return join(names)
    match = SLASH_WEN_RE.search(start)
    if match:
        name = match.group("before") or match.group("after")
        if is_name(name):
            return name
    return None


def closing_credit(text: str) -> str | None:
    """``（记者 张三）`` ending the article text."""
    match = CLOSING_RE.search(text[-CLOSING_CHARS:].rstrip())
    if match:
        return join(split_names(match.group("names")))
    return None


def _is_photo_credit(text: str, match: re.Match[str]) -> bool:
    """``新华社记者李木子 摄``: the names are followed by 摄 (a photographer)."""
    return text[match.end("names"): match.end("names") + 3].strip().startswith("摄")
