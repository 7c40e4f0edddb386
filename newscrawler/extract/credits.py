"""Who the end of the article text credits: the closing byline.

Many Chinese pages credit the writer only after the story: ``（记者 张三）`` ending the last
paragraph (also when page furniture follows on lines of its own: ``【我要纠错】责任编辑：…``),
a short credit line (``中青报·中青网记者 魏其濛 来源：中国青年报``, ``作者︱春春``, ``文字：X Y``),
bare names in brackets (``…。（刘芳 于婉珈 黄芳芳）``), or Taiwan TV's glued
``（民視新聞陳韻平、郭文海台北報導）``. A single bracketed name (``…拿出行动了。（聂舒翼）``,
``（袁源）`` on a line of its own) is a signature: the writer's, unless the page prints it as
its editor's, which ``author_choice.find_author`` checks. Photo captions printed after the
credit are passed over. Names are read with ``names.py``'s rules (what a name is, who is never an
author); these are the last places ``author_choice.find_author`` looks before ``<meta>``.
"""

from __future__ import annotations

import re

from newscrawler.extract import authors, names, rules
from newscrawler.extract.authors import BYLINE_LABELS, LABEL_SEP, NAMES_RUN
from newscrawler.extract.dates import FULL_DATE_RE
from newscrawler.extract.names import HAN
from newscrawler.extract.text import collapse

#: ``（记者 张三）`` ending the text.
CLOSING_RE = re.compile(
    rf"[（(][^()（）]{{0,20}}?(?:{BYLINE_LABELS}){LABEL_SEP}" + NAMES_RUN + r"\s*[)）]\s*$"
)
#: The writer and their affiliation in brackets ending the text (``（林红，作者单位：中国人民大学
#: 国际关系学院）``, ``（张三，作者系…研究员）``, ``(陆忠伟作者系…原院长)``, ``(王宁，中国比较文学
#: 学会会长，上海交通大学人文学院院长)``).
NAME_AND_AFFILIATION_RE = re.compile(
    rf"[（(](?:作者\s*[:：]\s*)?(?P<name>[{HAN}]{{2,3}})"
    rf"(?:[，,、]\s*(?:作者单位|单位|作者系|系)|作者系|作者单位)"
    r"[:：]?[^()（）]{2,100}[)）]$"
    rf"|[（(](?P<titled>[{HAN}]{{2,3}})[\s，,、]+[{HAN}，,、]{{2,40}}?(?:{'|'.join(rules.JOB_TITLES)})"
    r"[)）]$"
)
#: Roles in brackets ending the text, the text's writer first (``（文 莫涛 编辑 韩小强）``).
TEXT_ROLE_END_RE = re.compile(
    rf"[（(]\s*文\s+(?P<name>[{HAN}]{{2,3}})\s+(?:编辑|責編|责编|摄影|攝影|摄|图)[^()（）]{{0,20}}[)）]$")
#: A desk's news mark and its writers in brackets after the last sentence, the dateline a
#: district's site prints at the end (``…服务需求。白云时事讯（全碧芳）``).
DESK_NEWS_END_RE = re.compile(
    rf"[。！？”」]\s*[{HAN}]{{2,10}}讯\s*[（(]"
    rf"(?P<names>[{HAN}]{{2,3}}(?:[ 、][{HAN}]{{2,3}}){{0,4}})[)）]$")
#: The text's role, perhaps with the pictures', then its writers, in brackets ending the text
#: (``…美好生活需要。(文/图 刘玺东 易赛楠)``, ``（图/文 张三）``, ``（文 李四）``).
TEXT_ROLES_NAMES_END_RE = re.compile(
    r"[（(]\s*(?:(?:图|圖)\s*[/／]\s*)?(?:文字|撰文|文)(?:\s*[/／]\s*(?:图|圖|摄影|攝影|摄|攝))?\s+"
    rf"(?P<names>[{HAN}]{{2,3}}(?:[ 、][{HAN}]{{2,3}}){{0,4}})\s*[)）]$")
#: A newspaper's edition note after a closing credit (``（ 2020年05月30日 01 版）``).
EDITION_NOTE_RE = re.compile(
    r"\s*[（(]\s*(?:《[^》]{1,12}》)?\s*\d{4}年\d{1,2}月\d{1,2}日[^()（）]{0,12}[)）]\s*$")
#: Taiwan TV's closing credit, ending the text: the medium, the reporters and the place
#: glued together (``…不二法門。（民視新聞陳韻平、郭文海台北報導）``).
GLUED_CREDIT_RE = re.compile(
    rf"[（(](?P<medium>[{HAN}\w]{{1,8}}?(?:{'|'.join(rules.BYLINE_MEDIA_ENDS + rules.TV_ENDS)}))"
    rf"(?P<glued>[{HAN}、 ]{{2,30}}?)(?:報導|报道|報道)[)）]$"
)
#: A source label, then an author label, in one closing line (``本文来自微信公众号：修远基金会（ID：
#: xiuyuanjijinhui），作者：赵静蓉``): the writer's credit even after a comma.
SOURCE_THEN_AUTHOR_RE = re.compile(
    r"(?:来源|來源|来自|來自)[^:：]{0,8}[:：].{0,40}?(?:作者|記者|记者)\s*[:：]")
#: A closing credit line for the text's writers with a word that is no byline label elsewhere
#: (``文字：张涵博 杨天宇 许雯`` beside ``图片来源于网络``; ``文字`` alone is a common word).
#: The writers may follow their paper and a job title, and come with a note in brackets
#: (``采写：南都记者 子衿(除署名外)``).
TEXT_BY_RE = re.compile(
    rf"^(?:文字|采写|採寫)\s*[:：︰]\s*(?:[{HAN}]{{0,6}}?(?:记者|記者)\s*)?"
    rf"(?P<names>[{HAN}·]{{1,4}}(?:[ \u3000、]+[{HAN}·]{{1,4}}){{0,5}})(?=[\s(（]|$)"
)
#: Bare names in brackets right after the last sentence of the text, two or more (``…无处可躲。
#: （刘芳 于婉珈 黄芳芳）``); one name there is a signature (``SIGNATURE_END_RE``).
BRACKETED_NAMES_END_RE = re.compile(
    rf"[。！？”」](?:[（(])(?P<names>[{HAN}]{{2,3}}(?:[ 、][{HAN}]{{2,3}}){{1,4}})[)）]$"
)
#: One bare name in brackets right after the last sentence: how commentaries and short reports
#: are signed (``…拿出行动了。（聂舒翼）``).
SIGNATURE_END_RE = re.compile(rf"[。！？”」]\s*[（(](?P<name>[{HAN}](?: ?[{HAN}]){{1,2}})[)）]$")
#: Characters a bracket doubles that sign no name: the end and sequel marks (``（完）``).
NOT_DOUBLED_NAMES = "完续續待图圖摄攝上中下"
#: A name signing a closing, alone on its line, and what may follow the date under it.
SIGNED_NAME_RE = re.compile(rf"^[{HAN}]{{2,4}}$")
WEEKDAY_CHARS = " 星期周週礼拜禮拜一二三四五六日天"
#: The same signature on a line of its own (``（袁源）``).
SIGNATURE_LINE_RE = re.compile(rf"^[（(](?P<name>[{HAN}](?: ?[{HAN}]){{1,2}})[)）]$")
#: A closing line that is nothing but bracketed names, two or more (``（刘芳 于婉珈）``).
BRACKETED_NAMES_RE = re.compile(
    rf"^[（(](?P<names>[{HAN}]{{2,3}}(?:[ 、][{HAN}]{{2,3}}){{1,3}})[)）]$"
)
#: A line of bare names, perhaps padded (``王  倩 宋晓华``).
BARE_NAMES_LINE_RE = re.compile(rf"^[{HAN}]{{1,3}}(?:[ \u3000]+[{HAN}]{{1,3}}){{1,7}}$")
#: A credit group: several ``label：value`` items in one closing line or bracket
#: (``（供稿：校团委 撰稿：曹家炜 摄影：闫晓彤 编辑：李梦童）``,
#: ``星洲日报‧报道：黄翠娴‧2016.12.29``, ``文 案：王楚岳 排 版：张梦轩``); its writers are the
#: values of its writer labels.
GROUP_ITEM_RE = re.compile(
    rf"(?P<label>[{HAN}]{{1,6}})\s*[:：︰]\s*(?P<value>[^:：︰]*?)"
    rf"(?=[\s‧·•|｜]*(?:[{HAN}]{{1,6}}\s*[:：︰]|[)）]?$))"
)
WRITER_LABELS = frozenset({
    "作者", "撰稿", "撰文", "采写", "採寫", "文", "文字", "文案", "记者", "記者", "报道", "報道",
    "報導", "执笔", "執筆", "撰稿人", "通讯员", "通訊員", "实习生", "實習生", "见习记者",
    "实习记者",
})
#: A paper and its reporters in brackets after the last sentence
#: (``…欠条事宜。(新安晚报 焦雪、向凯)``).
MEDIUM_AND_NAMES_END_RE = re.compile(
    rf"[。！？”」]\s*[（(][{HAN}]{{2,8}}?(?:{'|'.join(rules.BYLINE_MEDIA_ENDS)})\s+"
    rf"(?P<names>[{HAN}]{{2,3}}(?:[ 、][{HAN}]{{2,3}}){{0,4}})[)）]$"
)
#: A desk and its reporters right after the text, where the body left them as furniture
#: (东方网's ``<div class="gj_xg">东方网教育频道 陈乐 秦嘉莹</div>``); two names at least, since
#: one surnamed word (``相关``) may start the furniture after a channel's name.
MEDIUM_AND_NAMES_AFTER_RE = re.compile(
    rf"^[{HAN}\w]{{1,12}}?(?:{'|'.join(rules.BYLINE_MEDIA_ENDS + ('频道', '頻道'))})\s+"
    rf"(?P<names>[{HAN}]{{2,3}}(?:\s+[{HAN}]{{2,3}}){{0,4}})(?=\s|$)")
#: A byline after the last sentence of the paragraph, unbracketed (``…浓情厚谊。 见习记者 丁超禺``).
BYLINE_AFTER_SENTENCE_RE = re.compile(
    rf"[。！？”」]\s*[{HAN}]{{0,6}}?(?:{BYLINE_LABELS}){LABEL_SEP}" + NAMES_RUN + r"\s*$"
)
#: A bracketed group of credits ending the last paragraph.
GROUP_END_RE = re.compile(r"[（(](?P<group>[^()（）]{6,100})[)）]$")
#: Who supplied the text (``供稿：设计艺术学院 张帆``): its writer when no writer's label is in the
#: group; with one, a unit (``供稿：校团委 撰稿：曹家炜``).
CONTRIBUTOR_LABELS = frozenset({"供稿"})
#: A two-character label padded to four widths (``文 案：``, ``排 版：``).
SPACED_LABEL_RE = re.compile(rf"(?<![{HAN}])([{HAN}])[ \u3000]([{HAN}])(?=\s*[:：︰])")
#: A label glued to the value before it (``见习记者 丁超禺责任编辑：syz``, ``RUKY责任编辑：``).
GLUED_LABEL_RE = re.compile(
    r"(?<=[^\s:：︰])(?<!责任)(?<!責任)(?<!值班)"  # 值班编辑： (the editor on duty) is one label
    r"(?=(?:责任编辑|責任編輯|责编|責編|编辑|編輯|审核|審核|校对|校對|摄影|攝影|排版)"
    r"\s*[:：︰])"
)
#: The writer's credit before a reprint notice, at the end of a blog's text (``原创文章，作者：老D，
#: 如若转载，请注明出处：…``).
REPRINT_NOTICE_CREDIT_RE = re.compile(
    r"作者\s*[:：]\s*(?P<name>[^\s,，:：。]{1,20})[,，]\s*(?:如若转载|如需转载|转载请|未经)"
)
#: How much of the page text after the article's last line is read for a credit.
FURNITURE_CREDIT_CHARS = 120
WRITER_LABEL_RE = re.compile("(?:" + "|".join(sorted(WRITER_LABELS, key=len, reverse=True))
                             + r")\s*[:：︰]")
#: A telephone number with its area code (``新闻热线:0514-87863284``).
HOTLINE_RE = re.compile(r"(?:热线|熱線|电话|電話)\s*[:：]?\s*\(?0\d{2,3}\)?-?\d{7,8}")
CLOSING_CHARS = 120
#: A closing byline line is short and has no sentence before its label; the last
#: ``CLOSING_LINES`` lines are read (a credit, then a "more news" link and a source line).
CLOSING_LINE_CHARS = 40
CLOSING_CREDIT_CHARS = 100
CLOSING_LINES = 3
#: Photo captions that may follow the closing credit: a caption mark (``▲昨多1印傭…``) or a
#: photographer's credit ending the line (``…宿舍。（梁偉榮攝）``).
CAPTION_RE = re.compile(r"^\s*[▲△▼►]|[（(][^()（）]{0,16}[摄攝][)）]\s*$")
MAX_CLOSING_CAPTIONS = 6
#: A self-media account's call to follow it, printed after the credits (``长按二维码关注``,
#: ``一起分享上体生活的点滴``, ``点击阅读原文``): short lines passed over like captions.
FOLLOW_PROMPT_RE = re.compile(
    r"^.{0,16}(?:二维码|二維碼|关注|關注|扫码|掃碼|阅读原文|閱讀原文|分享).{0,16}$"
)

#: The desk's sign-off lines after the credit, one role a line (开屏新闻: ``责任编辑 刘自学`` /
#: ``责任校对 何丹`` / ``主编 武熙智`` / ``终审 编委 李荣``): passed over like captions, so that the
#: credit above them is still among the last lines.
STAFF_LABELS = sorted({
    *rules.LABELS["editor"], "责任校对", "責任校對", "值班编辑", "值班編輯", "校对", "校對", "审核",
    "審核", "审校", "審校", "初审", "初審", "复审", "複審", "终审", "終審", "主编", "主編", "编委",
    "編委", "签发", "簽發", "监制", "監製",
}, key=len, reverse=True)
STAFF_LINE_RE = re.compile(
    rf"^(?:(?:{'|'.join(STAFF_LABELS)})[\s:：︰]*)+[{HAN}](?: ?[{HAN}]){{1,3}}"
    rf"(?:[ 、，,][{HAN}](?: ?[{HAN}]){{1,3}}){{0,3}}$"
)


#: A writer's slash credit in the brackets ending a paragraph (``（新发现 康斯坦丁/文）``,
#: ``（文/张三）``): ``authors.slash_credit`` reads the names.
BRACKETED_SLASH_END_RE = re.compile(
    r"[（(](?P<credit>[^（）()]{1,30}[/／][^（）()]{0,12})[）)]\s*$"
)


def closing_credit(text: str) -> str | None:
    """``（记者 张三）`` ending the article text, or one of its last short lines that is a
    credit (``中青报·中青网记者 魏其濛 来源：中国青年报``, ``作者︱春春``, ``（刘芳 于婉珈）``,
    ``(作者：方敏北京大学经济学院教授)``) before the page's trailing furniture
    (``更多精彩内容请进入理论频道``), or a list of related stories under its heading
    (``相關新聞：`` / headlines, which the body keeps)."""
    text = _without_related_list(text)
    found = _paragraph_end_credit(text)
    if found:
        return found
    lines, paragraph = _closing_lines(text)
    for line in lines:  # a short last sentence may end with the credit too (…的城！（评论员 X Y）)
        found = _credit_line(line) or _paragraph_end_credit(line)
        if found:
            return found
    found = _credit_lines(lines) or _label_over_name(lines) or _credit_run_on(lines) or \
        (_bare_names_line(lines[0]) if lines and paragraph is not lines[0] else None)
    if found:
        return found
    return _paragraph_end_credit(paragraph) if paragraph else None  # furniture after it skipped


def _bare_names_line(line: str) -> str | None:
    """The text's last line when it is nothing but two or more names with common surnames,
    a two-character one padded to three widths (海外网's ``王  倩 宋晓华``): the reporters,
    printed without a label as papers sign a report."""
    if not BARE_NAMES_LINE_RE.match(line):
        return None
    found = names.split_names(line)  # joins 王 倩
    if len(found) < 2 or "".join(found) != "".join(line.split()):
        return None  # one name, or the run stopped at a word that is none
    return names.surnamed_names(" ".join(found))


def _without_related_list(text: str) -> str:
    """The text without a list of related stories ending it: a heading of
    ``rules.NOT_HEADLINES`` (``相關新聞：``, ``相關閱讀``) on a line of its own, then only
    headline-long lines (星島頭條, 點新聞)."""
    lines = text.rstrip().split("\n")
    for index in range(len(lines) - 1, max(len(lines) - MAX_RELATED_LINES - 2, 0), -1):
        if lines[index].strip().rstrip(":：") in rules.NOT_HEADLINES:
            if all(len(line) <= MAX_RELATED_HEADLINE for line in lines[index + 1:]):
                return "\n".join(lines[:index])
            break
    return text


#: The most lines a related list may have, and the longest headline in it.
MAX_RELATED_LINES = 12
MAX_RELATED_HEADLINE = 60
#: The longest name alone on a line that a credit's label on the line before may name.
MAX_BARE_NAME = 3


def _label_over_name(lines: list[str]) -> str | None:
    """A credit broken over the text's last two lines, its label ending one and the name alone
    on the last (``现代快报+/ZAKER南京记者`` / ``胡玉梅``, an e-paper's), ``lines`` last first."""
    name = lines[0] if lines else ""
    if len(lines) < 2 or len(name) > MAX_BARE_NAME or not names.is_name(name) or \
            not names.has_surname(name) or not lines[1].endswith(rules.AUTHOR_BYLINE_LABELS):
        return None
    return _credit_line(f"{lines[1]} {lines[0]}")


def _credit_run_on(lines: list[str]) -> str | None:
    """A labelled credit whose affiliation runs on to the last line (``作者：…医疗队队员、`` /
    ``仁济医院呼吸科主治医师 查琼芳``), ``lines`` last first: the line before ends in a list
    mark."""
    if len(lines) < 2 or not lines[1].endswith(RUN_ON_MARKS) or \
            not authors.CREDIT_VALUE_RE.search(lines[1]):
        return None
    return _credit_line(lines[1] + lines[0])


#: Marks a credit's line ends with when its value goes on to the next line.
RUN_ON_MARKS = ("、", "，", ",")


def _credit_lines(lines: list[str]) -> str | None:
    """The writers of a group of credits printed one to a line (``文 案：X`` / ``排 版：Y`` /
    ``指导老师：Z``), ``lines`` last first."""
    labelled = [line for line in reversed(lines) if ":" in line or "：" in line]
    return credit_group(" ".join(labelled)) if len(labelled) >= 2 else None


def _paragraph_end_credit(text: str) -> str | None:
    """The credit a paragraph ends with: ``…孙梅君说。（记者 陈晨）``, a writer with an
    affiliation (``（林红，作者单位：…）``), Taiwan TV's glued
    ``（民視新聞陳韻平、郭文海台北報導）``, or two or more bare names with common surnames after
    the last sentence (``…无处可躲。（刘芳 于婉珈 黄芳芳）``)."""
    end = text[-CLOSING_CHARS:].rstrip()
    match = CLOSING_RE.search(end)
    if match:
        return names.join(names.split_names(match.group("names")))
    match = NAME_AND_AFFILIATION_RE.search(end)
    name = match and (match.group("name") or match.group("titled"))
    if name and names.is_name(name):
        return name
    match = TEXT_ROLE_END_RE.search(end)
    if match and names.is_name(match.group("name")):
        return match.group("name")
    for regex in (DESK_NEWS_END_RE, TEXT_ROLES_NAMES_END_RE):
        match = regex.search(end)
        found = names.join(names.split_names(match.group("names"))) if match else None
        if found:
            return found
    match = GLUED_CREDIT_RE.search(end)
    if match:
        found = names.names_before_place(match.group("glued"))
        if found:
            return found
    match = MEDIUM_AND_NAMES_END_RE.search(end)
    found = names.surnamed_names(match.group("names")) if match else None
    if found:
        return found
    match = BYLINE_AFTER_SENTENCE_RE.search(end)
    if match:
        found = names.join(names.split_names(match.group("names")))
        if found:
            return found
    match = GROUP_END_RE.search(end)
    found = credit_group(match.group("group")) if match else None
    if found:
        return found
    match = REPRINT_NOTICE_CREDIT_RE.search(text[-CLOSING_CHARS * 2:])
    found = names.signed_name(match.group("name")) if match else None
    if found:
        return found
    match = BRACKETED_SLASH_END_RE.search(end)  # …伤士气啊（新发现 康斯坦丁/文）
    found = authors.slash_credit(match.group("credit")) if match else None
    if found:
        return found
    match = BRACKETED_NAMES_END_RE.search(end)
    return names.surnamed_names(match.group("names")) if match else None


def closing_signature(text: str) -> str | None:
    """The one bare name in brackets that ends the text, or its last paragraph, or that is one
    of its last lines, before trailing furniture lines (``…拿出行动了。（聂舒翼）``,
    ``（袁源）``). Less sure than a credit: an editor signs short reports the same way
    (``（郭旭）`` after ``【责任编辑：郭旭】``), which the caller checks."""
    lines, paragraph = _closing_lines(text)
    for line in lines:
        match = SIGNATURE_LINE_RE.match(line)
        if match:
            return _signature_name(match.group("name"))
    followed = paragraph is not None and not text.rstrip().endswith(paragraph)  # by lines
    for end in (text, paragraph if followed else None):
        match = SIGNATURE_END_RE.search(end[-CLOSING_CHARS:].rstrip()) if end else None
        if match:
            return _signature_name(match.group("name"))
    return _signed_and_dated(lines)


def _signed_and_dated(lines: list[str]) -> str | None:
    """A letter's or a blog's closing (落款): the writer's name alone on a line, then the
    date alone on the last (``小波`` / ``2011年12月31日星期六``); ``lines`` last first."""
    if len(lines) < 2 or not SIGNED_NAME_RE.match(lines[1]):
        return None
    date = FULL_DATE_RE.match(lines[0])
    if date is None or lines[0][date.end():].strip(WEEKDAY_CHARS):
        return None
    return lines[1] if names.is_name(lines[1]) else None


def _signature_name(signed: str) -> str | None:
    """The name a bracketed signature gives: one with a common surname, its two characters
    maybe set apart to the width of three (``（钟 欣）``), or a doubled pen name (``（辰辰）``)."""
    name = signed.replace(" ", "")
    if len(name) == 2 and name[0] == name[1] and name[0] not in NOT_DOUBLED_NAMES and \
            names.is_name(name):
        return name
    return names.surnamed_names(name)


def _closing_lines(text: str) -> tuple[list[str], str | None]:
    """The text's last lines, last first, up to its last paragraph: short lines, and credit
    lines, which run longer: bracketed with a job title, or a source line naming the writers
    (``本文来源：北青网-北京青年报 作者：温婧 赵新培 责任编辑：郭晨琦``). Photo captions after
    them are passed over. Also the last paragraph, when the lines stop at one (its end may
    carry the credit: ``…孙梅君说。（记者 陈晨）`` / ``【我要纠错】责任编辑：石璐言``)."""
    lines: list[str] = []
    tail = text.rstrip().rsplit("\n", CLOSING_LINES + MAX_CLOSING_CAPTIONS)
    while len(tail) > 1 and (CAPTION_RE.search(tail[-1]) or FOLLOW_PROMPT_RE.search(tail[-1])
                             or STAFF_LINE_RE.match(tail[-1].strip())):
        tail.pop()  # photo captions printed after the credit (Hong Kong papers' ▲ lines)
    for line in reversed(tail[-CLOSING_LINES - 1:]):
        line = EDITION_NOTE_RE.sub("", line.strip())  # …来源：中国青年报 （ 2020年05月30日 01 版）
        line = ADDRESS_RE.sub("", line)  # 作者：陳牛 https://www.patreon.com/…: no part of a credit
        if HOTLINE_RE.search(line):
            continue  # the site's news and advertising hotlines: furniture, however long
        credit = line.startswith(("（", "(")) or SOURCE_THEN_AUTHOR_RE.search(line)
        limit = CLOSING_CREDIT_CHARS if credit else CLOSING_LINE_CHARS
        if len(line) > limit:
            return lines, line
        lines.append(line)
    return lines, None


def furniture_credit(after: str) -> str | None:
    """The writers credited in the page text right after the article's last line, which the
    body left out as furniture: a group of credits (``文章来源： 星洲日报‧报道：黄翠娴``), a
    blog's credit before its reprint notice (``原创文章，作者：老D，如若转载…``) or a forum's
    line under the post (``本贴由大卫于2005年8月12日…发表``)."""
    after = collapse(after)[:FURNITURE_CREDIT_CHARS]
    match = REPRINT_NOTICE_CREDIT_RE.search(after)
    found = names.signed_name(match.group("name")) if match else posting_line_poster([], after)
    if not found:
        match = MEDIUM_AND_NAMES_AFTER_RE.match(after)
        run = match.group("names").split() if match else []
        while run and not names.surnamed_names(" ".join(run)):
            run.pop()  # 陈乐 秦嘉莹 留言板: the names stop where the next furniture starts
        found = names.surnamed_names(" ".join(run)) if len(run) >= 2 else None  # 相关 is a word
    return found or (credit_group(after) if WRITER_LABEL_RE.search(after) else None)


def posting_line(lines: list[str], after: str = "") -> re.Match[str] | None:
    """A forum's line under the post naming who posted it and when (``本贴由大卫于2005年8月12日
    16:12:21在〖心灵体操〗发表``, ``rules.POSTED_BY_RE``), among the text's last lines or in
    the page text right ``after`` them. Its date is ``meta.date_of_posting``'s."""
    return rules.POSTED_BY_RE.search(" ".join(lines[-CLOSING_LINES:]) + " " + after)


def posting_line_poster(lines: list[str], after: str = "") -> str | None:
    """The poster a forum's line under the post names (``posting_line``)."""
    match = posting_line(lines, after)
    return names.signed_name(match.group("name")) if match else None


def credit_group(text: str) -> str | None:
    """The writers a group of two or more ``label：value`` items credits, or None."""
    text = GLUED_LABEL_RE.sub(" ", SPACED_LABEL_RE.sub(r"\1\2", text))
    items = list(GROUP_ITEM_RE.finditer(text))
    if len(items) < 2:
        return None
    labels = {item.group("label") for item in items}
    writer_labels = WRITER_LABELS if labels & WRITER_LABELS else CONTRIBUTOR_LABELS
    writers: list[str] = []
    for item in items:
        if item.group("label") in writer_labels:
            value = re.split(r"[‧·•|｜(（]", item.group("value"), maxsplit=1)[0]
            found = names.split_names(value) or \
                (names.clean_author(value) or authors.opening_byline(value) or "").split(
                    names.SEPARATOR)  # 设计艺术学院 张帆, 记者王敬照
            writers += [n for n in found if n and n not in writers]
    return names.join(writers)


def _credit_line(line: str) -> str | None:
    """The writers a closing line credits, or None when it is not a credit."""
    match = WRITER_IS_RE.search(line)
    found = names.clean_author(match.group("name")) if match else None
    if found:
        return found
    found = credit_group(line.strip("（()）")) if line.count("：") + line.count(":") >= 2 else None
    if found:
        return found
    line = GLUED_LABEL_RE.sub(" ", line)
    found = authors.slash_credit(line) if line[:4].startswith(rules.SLASH_AUTHOR_LABELS) or \
        authors.NAME_SLASH_WEN_START_RE.match(line) else None
    if found:
        return found
    match = BRACKETED_NAMES_RE.match(line)
    if match:
        return names.surnamed_names(match.group("names"))
    match = TEXT_BY_RE.match(line)
    if match:
        return names.join(names.split_names(match.group("names")))
    source_line = SOURCE_THEN_AUTHOR_RE.search(line) is not None  # its comma is no sentence
    match = authors.BYLINE_RE.search(line)
    if match and (source_line or not authors.SENTENCE_MARKS_RE.search(line[: match.start()])) \
            and not authors.is_photo_credit(line, match):
        found = names.join(names.split_names(match.group("names")))
        if found:
            return found
    match = authors.REPORTER_REPORTS_RE.search(line)  # 自由亚洲电台记者凯迪华盛顿报道 责编：…
    if match and not authors.SENTENCE_MARKS_RE.search(line[: match.start()]):
        found = names.surnamed_names(match.group("name")) or \
            names.names_before_place(match.group("name"))
        if found:
            return found
    match = authors.CREDIT_VALUE_RE.search(line)
    if match and not authors.SENTENCE_MARKS_RE.search(line[: match.start()]):
        value = match.group("value").strip()
        if names.LATIN_VALUE_RE.match(value):
            return names.clean_author(value)  # 原作者:albert, a blog's handle
        return names.credit_names(value)
    return None


#: A reprint's note saying who wrote it (``本文作者为 DaNmarner，原文发表于…``, solidot).
WRITER_IS_RE = re.compile(
    rf"(?:本文|本篇|此文|该文|該文)的?作者(?:为|為|是)\s*"
    rf"(?P<name>[{HAN}·]{{2,8}}?|[A-Za-z][\w.'-]{{1,30}}(?: [A-Z][\w.'-]{{1,20}})?)"
    r"\s*(?=[，,。；;（(]|$)")
#: A web address printed in a closing line.
ADDRESS_RE = re.compile(r"\s*https?://\S+")
#: A compiler's credit: who put a report together from foreign media (``（编译：csw）``,
#: ``（编译/金鹿）``, ``来源：央视网 实习编译：许双彬``, ``央视网（实习编译许双彬 报道）``). Only
#: after an opening bracket, a space or the start, and before a bracket, a separator, 报道 or
#: the end, so that prose about compilers (``编译器``) is no credit.
COMPILER_RE = re.compile(
    rf"(?:^|[\s（(]|实习|實習|见习|見習)(?:编译|編譯)\s*[:：/／]?\s*"
    rf"(?P<name>[{HAN}]{{2,3}}|[A-Za-z][A-Za-z.'-]{{1,20}})\s*(?=[|｜)）]|报道|報導|$|\s)"
)
#: Characters at each end of the text searched for one.
COMPILER_CHARS = 200


def compiler(header: str, text: str) -> str | None:
    """The compiler a report credits in its header, its opening or its closing bracket: the
    writer of a wire round-up when no one else is credited (the caller asks last)."""
    for part in (header, text[:COMPILER_CHARS], text[-COMPILER_CHARS:]):
        for match in COMPILER_RE.finditer(part):
            name = match.group("name")
            if name.isascii() or (names.is_name(name) and names.has_surname(name)):
                return name
    return None
