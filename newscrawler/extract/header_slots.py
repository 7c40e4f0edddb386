"""Unlabelled writers read from the slot the header gives them, not from a label.

Blogs, platforms, columns and Taiwan's magazines print the writer where a newspaper prints
its ``记者`` label, with no label at all: first thing under the headline, before a slash and
an affiliation (``◎陳方隅／密西根州立大學政治所博士候選人``, ``涵柳／vintage vibe 時尚簡史``),
before the words that say the post went up (``东寻 发布在 AIGC``, ``由 安言 发布``), or before
the counts of a platform's author card (``Maggie媺琪 粉丝： 18 文章： 2``), or with an e-mail
address after it (``Lîm Tsú-thuàn <dannypsnl@gmail.com>``). The slot, not the word, says it is
a writer; ``names.py`` still says whether the word can be a name.
``beside_date.py`` holds the readers right before and after the header's date, ``authors.py``
the labelled bylines.
"""

from __future__ import annotations

import re

from newscrawler.extract import rules
from newscrawler.extract.names import HAN, has_surname, is_name, join, signed_name

#: How much of the header's start is read for a writer in its slot.
SLOT_CHARS = 160
#: ``◎陳方隅／密西根州立大學…``: a name, a full-width slash (or any slash after a mark) and
#: what the writer is or writes for; one such entry per writer.
NAME_SLASH_RE = re.compile(
    rf"(?:^|(?<=\s))(?P<mark>[◎●■□○⊙]\s*)?(?P<name>[{HAN}·]{{2,5}})\s*(?P<slash>／|/)\s*(?=\S)"
)
#: A word and another slash: a trail of sections (``首頁／國際／亞洲``), not an affiliation.
TRAIL_RE = re.compile(r"[^\s／/]{1,8}\s*[／/]")
#: The longest affiliation between two writers' entries.
MAX_AFFILIATION = 40
#: ``东寻 发布在 AIGC``: a poster, then where the post was filed (WordPress-style themes).
POSTED_IN_RE = re.compile(r"^(?P<who>[^\s:：|]{2,20})\s*(?:发布在|發佈在|发表在|發表在)\s*\S")
#: ``由 安言 发布`` (Typecho, WordPress zh-CN): the poster between 由 and the verb.
POSTED_BY_RE = re.compile(
    r"(?:^|(?<=\s))由\s*(?P<who>[^\s:：|]{2,20})\s*(?:发布|發布|发表|發表|撰写|撰寫)"
)
#: ``By 黑日白月 ·``, ``By:MK``: an English theme's byline word before a Han name, or before a
#: handle after a colon, between separators (a Latin name after a bare ``By`` is read with
#: English bylines, where ``By X Opinion`` has more capitalised words than the name).
BY_NAME_RE = re.compile(
    r"(?:^|(?<=[\s·|｜]))(?:[Pp]osted [Bb]y|[Ww]ritten [Bb]y|[Bb]y|BY)"
    r"(?:\s*[:：]\s*(?P<handle>[A-Za-z][\w.-]{1,20})(?! [A-Z][a-z])|"  # not By: Ilana Muhlstein
    r"\s+(?P<name>[\u4e00-\u9fff·]{2,8}))(?=\s*(?:[·|｜,，]|$)|\s)"
)
#: ``Lîm Tsú-thuàn <dannypsnl@gmail.com>``: a name and its address in angle brackets, as a
#: mail header or a commit prints its author (a community site's post header).
NAME_EMAIL_RE = re.compile(
    r"^(?P<who>[^\W\d_][\w.'-]*(?: [^\W\d_][\w.'-]*){0,3})\s*<\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*>"
)
#: ``Maggie媺琪 粉丝： 18 文章： 2 关注``: an account, then the counts a platform's author
#: card shows (followers, posts, likes).
ACCOUNT_CARD_RE = re.compile(
    r"(?:^|(?<=[\s·|]))(?P<who>[^\s:：|·]{2,20})\s*(?:粉丝|粉絲|关注者|關注者|文章数|文章數|文章|"
    r"帖子数|获赞|獲讚|作品)\s*[:：]?\s*\d"
)


def names_before_slash(zone: str) -> str | None:
    """The writers a header opens with, each before a slash and an affiliation or column
    (``◎陳方隅／…候選人 ◎林倢／NGO工作者``, ``涵柳／vintage vibe 時尚簡史 2023/12/02``).

    Only at the header's start, and the entries must follow each other; an unmarked entry
    needs the full-width slash Taiwan's bylines use, and a name without a common surname must
    be the first thing the header prints."""
    found: list[str] = []
    at = 0
    head = zone[:SLOT_CHARS]
    for match in NAME_SLASH_RE.finditer(head):
        lead = head[at:match.start()]
        if (found and not _one_entry(lead)) or (not found and lead.strip()):
            break
        name = match.group("name")
        if not match.group("mark") and match.group("slash") != "／":
            break
        if not is_name(name) or name in rules.HEADER_NOT_NAMES or \
                (not has_surname(name) and match.start() > 0) or TRAIL_RE.match(head, match.end()):
            break
        found.append(name)
        at = match.end()
    return join(found)


def _one_entry(lead: str) -> bool:
    """Is ``lead`` one entry's affiliation (short, no sentence), between two writers?"""
    return len(lead) <= MAX_AFFILIATION and not re.search(r"[，。！？；]", lead)


#: ``甘肃省定西市渭源县中医医院 秦林``: the writer's organisation, a space and the name, first thing
#: under the headline (contributions to party, theory and school sites). Four characters at
#: least and no bare ``所``: a tag list's ``深交所 王建军`` names an exchange and its head.
_ORGANISATION_WORDS = "|".join(end for end in rules.ORGANISATION_ENDS if len(end) > 1)
AFFILIATED_NAME_RE = re.compile(
    rf"^(?=[{HAN}]{{4}})[{HAN}]{{2,30}}?(?:{_ORGANISATION_WORDS})\s+(?P<name>[{HAN}]{{2,3}})(?=\s|$)"
)


def affiliated_name(zone: str) -> str | None:
    """The writer a header opens with after their organisation (``甘肃省定西市渭源县中医医院
    秦林``): a name with a common surname."""
    match = AFFILIATED_NAME_RE.match(zone)
    name = match.group("name") if match else None
    return name if name and has_surname(name) and is_name(name) else None


def poster_posted_in(zone: str) -> str | None:
    """The poster a header opens with before ``发布在`` and the section (``东寻 发布在
    AIGC``): a name, a pen name or an account."""
    match = POSTED_IN_RE.match(zone)
    return signed_name(match.group("who")) if match else None


def posted_by(zone: str) -> str | None:
    """The poster a header names as ``由 X 发布`` (``于 2020-05-06 由 安言 发布``, ``文章作者 由
    majianyu 发布日期 十月 2, 2020``), or as an English theme does, after ``By`` (linuxtoy's
    ``2016-03-28 · By 黑日白月 · Posted in Embedded``, x-berry's ``In: VPN By:MK``): a name, a
    pen name or an account."""
    match = POSTED_BY_RE.search(zone[:SLOT_CHARS])
    if match:
        return signed_name(match.group("who"))
    match = BY_NAME_RE.search(zone[:SLOT_CHARS])
    return signed_name(match.group("handle") or match.group("name")) if match else None


def account_card(zone: str) -> str | None:
    """The account a platform's author card names before its counts (``Maggie媺琪 粉丝： 18
    文章： 2 关注``, bilibili; ``X 粉丝 1.2万``): the poster, printed where a paper prints
    its byline."""
    match = ACCOUNT_CARD_RE.search(zone[:SLOT_CHARS])
    return signed_name(match.group("who")) if match else None


def name_with_email(zone: str) -> str | None:
    """The writer a header opens with, followed by an e-mail address in angle brackets
    (``Lîm Tsú-thuàn <dannypsnl@gmail.com>``): the name, without the address."""
    match = NAME_EMAIL_RE.match(zone)
    return match.group("who") if match else None
