"""What a writer's name is: the tests every byline reader shares.

A byline, a closing credit or a ``<meta>`` value holds names among media, labels, job titles,
places and markup. This module decides which tokens are names: 2-4 Han characters that are no
medium (``新京报``, ``rules.MEDIA_SUFFIXES``), label, job title or organisation (``西部证券``),
a 2-character name padded with a space (``王 观``, joined), a short run of Latin words, and
where nothing else can be meant (a label's whole value), a pen name (``海是天的倒影``) or a
blog's handle (``老D``). ``has_surname`` is the stricter test for a bare word no label vouches
for. Names are returned in print order, joined with ``、`` (``join``). ``authors.py`` and
``credits.py`` find where bylines are; they read the names with these rules.
"""

from __future__ import annotations

import re

from newscrawler.extract import rules

#: Han characters, as a regex character-class range.
HAN = "\u4e00-\u9fff"
#: A Chinese personal name, or one padded to three characters (``王 观``).
HAN_NAME_RE = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
#: A handle a blog signs with: letters, digits and Han characters (``老D``, ``Hc杂谈君``).
HANDLE_RE = re.compile(r"^(?=.*[A-Za-z\u4e00-\u9fff])[\w\u4e00-\u9fff]{1,12}$")
#: A date inside a run of word characters (``黑龙江日报10月25日讯``, a paper's dateline opening
#: the body): no handle has one.
DATE_IN_RUN_RE = re.compile(r"\d{1,4}[年月]\d{1,2}[月日]")
#: An organisation, then a separator, then the rest of a credit's value.
ORGANISATION_FIRST_RE = re.compile(
    r"^[\u4e00-\u9fffA-Za-z]{2,20}?(?:" + "|".join(rules.ORGANISATION_ENDS)
    + r")(?:\s*[，,、/／]\s*|\s+)(?P<rest>.+)$")
#: A pen name: five to eight Han characters (a name is two to four).
PEN_NAME_RE = re.compile(r"^[\u4e00-\u9fff]{5,8}$")
LATIN_NAME_RE = re.compile(r"^[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,3}$")
#: A foreign name written in Han characters, its parts joined by a middle dot (``马克·洛伊滕艾格``,
#: ``凯尔・奈特``).
TRANSLITERATED_NAME_RE = re.compile(rf"^[{HAN}]{{1,6}}(?:[·•・][{HAN}]{{1,8}}){{1,2}}$")
_TITLES = "|".join(rules.JOB_TITLES)
#: ``…研究部部长、研究员徐占忱``, ``武汉大学历史学院郭伦``, ``北京大学教授 张三``: the name right
#: after the last job title or organisation, ending the credit.
NAME_AFTER_TITLE_RE = re.compile(
    rf"(?:{_TITLES}|{'|'.join(rules.ORGANISATION_ENDS)})\s*(?P<name>[{HAN}·]{{2,3}})$"
)
#: ``方敏北京大学经济学院教授``: a name, then an affiliation from a place, ending in a title.
NAME_BEFORE_AFFILIATION_RE = re.compile(
    rf"^(?P<name>[{HAN}]{{2,3}}?)(?:{'|'.join(rules.PLACES)})[{HAN}]*(?:{_TITLES})$"
)
#: A comma between two names (``朴姝颖，包志明``), not one a sentence goes on after (``杨晓君 孔雀，
#: 被认为是百鸟之王``: the value ran into the text).
NAME_COMMA_RE = re.compile(rf"(?<=[{HAN}]{{2}})[，,](?=[{HAN}]{{2,3}}(?:$|[，,、\s]))")
#: Words after the names that end the run (``北京报道``, ``摄``) and are not names themselves.
NAME_STOP_RE = re.compile(rf"(?:{'|'.join(rules.AUTHOR_NAME_STOPS)})$")
#: A note in brackets after a labelled value, closed or cut off by the value's end
#: (``作者：张三（北京大学教授）``).
BRACKET_NOTE_END_RE = re.compile(r"\s*[（(][^（()）]*[)）]?\s*$")
LATIN_VALUE_RE = re.compile(r"^[A-Za-z][A-Za-z .'-]{0,39}$")  # no digits: L_204531 is an id
#: Every meta-line label (``发表于``, ``来源``, ``点击``): never a name.
LABEL_WORDS = frozenset(label for group in rules.LABELS.values() for label in group) | \
    frozenset(rules.POSTED_LABELS + rules.FILED_LABELS)
PHOTO_WORDS = ("摄", "图", "攝", "圖")
#: Photo credits that are not names (``通讯员供图``), and photo words that label the names after
#: them (``摄影 朱丽萍 李丹``).
PHOTO_CREDITS = frozenset({"供图", "供圖", "配图", "配圖"})
PHOTO_LABELS = frozenset({"摄影", "攝影"})
#: Words a photo word starts that credit no photograph (``图文``: pictures and text).
NOT_PHOTO_WORDS = ("图文", "圖文")
#: A Han token ending like this is a medium, a label or a job title, not a name.
NOT_NAME_ENDINGS = (rules.MEDIA_SUFFIXES + rules.LABEL_ENDINGS + rules.JOB_TITLES
                    + rules.ORGANISATION_ENDS)
#: What the medium before or after a writer's slash ends with (``石佳/中国青年报``).
MEDIUM_ENDINGS = rules.MEDIA_SUFFIXES + rules.BYLINE_MEDIA_ENDS
#: Writers kept from one credit (tech blogs credit a team: seven names on meituan's; a
#: 人民日报 round-up, eighteen reporters).
MAX_AUTHORS = 20
CONTINUE_LABELS_LONGEST_FIRST = sorted(rules.AUTHOR_CONTINUE_LABELS, key=len, reverse=True)
#: Where a byline's names split: spaces and 、, and a label glued between two names
#: (``曹继军通讯员魏娜``, ``rules.GLUED_CONTINUE_LABELS``), which the names' loop passes over.
GLUED_CONTINUE_RE = re.compile(
    rf"[ \u3000、]+|(?<=[{HAN}]{{2}})({'|'.join(rules.GLUED_CONTINUE_LABELS)})(?=[{HAN}]{{2}})")
SEPARATOR = "、"
#: Punctuation a meta line prints between a value and the next label (``作者：李蕾，日期：``).
TRAILING_SEPARATORS = "，,、;；|｜ \u3000"


def is_name(text: str) -> bool:
    """Does ``text`` look like a person's name (not a medium, label, site or markup)?"""
    if not text or any(c in text for c in "=\"'<>:：︰/") or \
            text.lower() in rules.PLACEHOLDER_ACCOUNTS:
        return False
    if HAN_NAME_RE.match(text):
        return not _no_ones(text)
    if TRANSLITERATED_NAME_RE.match(text):  # 北京晚报·五色土 is a medium and its column
        return not any(_no_ones(part) for part in re.split("[·•・]", text))
    return bool(LATIN_NAME_RE.match(text)) and len(text) <= 40


def _no_ones(word: str, endings: tuple[str, ...] = NOT_NAME_ENDINGS) -> bool:
    """Is a Han ``word`` what bylines print where a name could stand, not a person: a byline
    word or column tag (``rules.AUTHOR_NOT_NAMES``), a label, a word with a medium's, label's,
    title's or organisation's ending, or one starting like a desk (``本报``, ``据``)?"""
    if word in rules.AUTHOR_NOT_NAMES or word in LABEL_WORDS or \
            word.startswith(rules.AUTHOR_NOT_NAME_PREFIXES):
        return True
    if len(word) == 2 and word[0] in rules.SURNAMES and word not in rules.SURNAMED_WORDS:
        return word in endings  # 刘会, 李院: a name, though 会 ends 协会
    if len(word) == 3 and word[0] in rules.SURNAMES and word[-1] in rules.GIVEN_NAME_ENDINGS:
        return word[1:] in rules.RECORD_WORDS  # 伍永志: a name, though 志 ends 杂志 (黄杂志 not)
    return word.endswith(endings)


def split_names(run: str) -> list[str]:
    """Names of a byline run in print order; a lone character padded off its other half
    (``王 观``) is joined; the run stops at the first token that is not a name."""
    tokens = [t for t in GLUED_CONTINUE_RE.split(NAME_COMMA_RE.sub("、", run)) if t]
    names: list[str] = []
    index = 0
    while index < len(tokens) and len(names) < MAX_AUTHORS:
        token = tokens[index]
        if len(token) == 1 and index + 1 < len(tokens) and len(tokens[index + 1]) == 1:
            token = token + tokens[index + 1]
            index += 1
        index += 1
        if token.startswith(NOT_PHOTO_WORDS):
            break  # 作者：陶凤 汤艺甜 图文拆解…: a link's heading after the names, no credit
        if token.startswith(PHOTO_WORDS) or token in PHOTO_CREDITS:
            if names and token in PHOTO_LABELS and index < len(tokens):
                break  # 记者 王诗颖 蔡娟 摄影 朱丽萍: the photographers' label ends the writers
            return []  # 李木子 摄, 通讯员供图: a photographer's credit
        stop = NAME_STOP_RE.search(token)
        if stop:  # 北京报道: the byline ends here; 文耕编译: a name glued to its role ends it
            glued = token[:stop.start()]
            if stop.group() in rules.WRITING_ROLES and HAN_NAME_RE.match(glued) and \
                    has_surname(glued) and is_name(glued) and glued not in rules.PLACES:
                names.append(glued)
            break
        if token in rules.AUTHOR_CONTINUE_LABELS:
            continue  # 实习生 / 通讯员 between two names: the next one is a writer too
        if names:
            token = _without_continue_label(token)  # 实习生尤芸茜: the label glued to the name
        if not is_name(token) or (names and len(token) > 3 and HAN_NAME_RE.match(token)):
            break  # four characters after a name: keywords (知道创宇), not a second name
        names.append(token)
    return names


def _without_continue_label(token: str) -> str:
    for label in CONTINUE_LABELS_LONGEST_FIRST:
        if token.startswith(label) and HAN_NAME_RE.match(token[len(label):]):
            return token[len(label):]
    return token


def join(names: list[str]) -> str | None:
    unique = list(dict.fromkeys(names))
    return SEPARATOR.join(unique) if unique else None


def clean_author(value: str | None) -> str | None:
    """A labelled or ``<meta>`` author value, reduced to its names; None when it names none.

    A value without Han characters is kept whole when it is a plain word or name (DedeCms
    prints the account, ``admin``); markup (``size="20"``) and labels are refused."""
    if not value or rules.TEMPLATE_CREDIT_RE.search(value):
        return None
    value = BRACKET_NOTE_END_RE.sub("", value.strip()) or value.strip()
    value = value.rstrip(TRAILING_SEPARATORS) or value  # 作者：李蕾，日期：…: the meta line's comma
    if value.endswith(rules.GROUP_ENDINGS):
        return None  # 作者 MOSN 团队, 前端团队: a team credits no writer
    if not re.search(f"[{HAN}]", value):
        if WEB_HOST_RE.match(value):
            return None  # 原文：blog.ernest.me, where the text was taken from
        if LATIN_VALUE_RE.match(value) and value.lower() not in rules.EMPTY_VALUES:
            return value
        return None
    return join(split_names(value)) or credit_names(value) or _after_organisation(value)


#: A web host or address (``blog.ernest.me``, ``www.example.com/a``): a site, never a writer.
WEB_HOST_RE = re.compile(
    r"(?:https?://)?(?:[a-z0-9-]+\.)+(?:com|cn|net|org|me|io|info|cc|tv|co|hk|tw|mo|edu|gov|"
    r"xyz|top|site|blog|dev|app)(?:[/:?#]\S*)?$", re.IGNORECASE)


def _after_organisation(value: str) -> str | None:
    """The writers after the organisation a report credit names first (``作者：西部证券，
    李艳丽``)."""
    match = ORGANISATION_FIRST_RE.match(value)
    return join(split_names(match.group("rest"))) if match else None


def signed_name(value: str) -> str | None:
    """The name a blog signs its own credit with (``作者：老D，如若转载…``): a name, a pen name
    or a handle of letters, digits and Han characters; never a medium, a label or the CMS's
    installation account (``admin``), which no one signs with."""
    value = value.strip()
    if value.lower() in rules.PLACEHOLDER_ACCOUNTS:
        return None
    found = clean_author(value) or pen_name(value)
    if found or not HANDLE_RE.match(value) or DATE_IN_RUN_RE.search(value):
        return found
    if value in rules.AUTHOR_NOT_NAMES or value in LABEL_WORDS or \
            value.endswith(NOT_NAME_ENDINGS) or value.startswith(rules.DESK_PREFIXES):
        return None  # 本站原创: the site's own desk
    return value


def pen_name(value: str | None) -> str | None:
    """A labelled author value that is one pen name longer than a name (``作者：海是天的倒影``):
    self-media writers sign so. Only a label's whole value, a single run of Han characters
    that is no medium, desk, job title or label (``作者：中关村在线`` is the site)."""
    value = (value or "").strip()
    if not PEN_NAME_RE.match(value) or \
            _no_ones(value, NOT_NAME_ENDINGS + MEDIUM_ENDINGS + rules.PEN_NAME_NOT_ENDINGS):
        return None
    return value


def has_surname(token: str) -> bool:
    """Does ``token`` start with a common Chinese surname and leave one to three characters?"""
    for surname in rules.COMPOUND_SURNAMES:
        if token.startswith(surname):
            return 3 <= len(token) <= 4
    return token[:1] in rules.SURNAMES and 2 <= len(token) <= 3


def surnamed_names(run: str) -> str | None:
    """The names of a bare run (``刘芳 于婉珈 黄芳芳``, ``王晓、李明``) when every one is a name
    with a common surname: nothing labels them, so nothing else says they are names."""
    names = run.replace("、", " ").split()
    if names and all(is_name(n) and has_surname(n) for n in names):
        return join(names)
    return None


def credit_names(value: str) -> str | None:
    """The writer of a credit that carries a job title: ``研究员徐占忱`` (the name after the last
    title) or ``方敏北京大学经济学院教授`` (the name before an affiliation)."""
    value = value.strip()
    match = NAME_AFTER_TITLE_RE.search(value)
    if match and is_name(match.group("name")):
        return match.group("name")
    match = NAME_BEFORE_AFFILIATION_RE.match(value)
    if match and is_name(match.group("name")):
        return match.group("name")
    return None


def names_before_place(glued: str) -> str | None:
    """``陳韻平、郭文海台北`` → ``陳韻平、郭文海``, ``邱俊欽桃園`` → ``邱俊欽``: names, then the
    place they report from."""
    head = glued.strip()
    for place in rules.PLACES:
        if head.endswith(place):
            head = head[: -len(place)].strip()
            break
    else:
        return None
    names = [n for n in re.split(r"[、 ]+", head) if n]
    return join(names) if names and all(is_name(n) for n in names) else None
