"""Who wrote the article: bylines in the header and at the top of the text.

Chinese news pages credit writers in a handful of ways that the meta-line labels alone miss:
a name printed right before the date under the headline (``陈斌 2018年06月08日08:12``), an
opening byline (``本报记者 张三``, ``新华社记者 李四 王五``, ``每经记者 X 实习记者 Y``), the
reporter in brackets after the dateline (``新华社北京6月13日电（记者闫子敏）``,
``人民网北京6月1日电（朱江）``), ``X/文`` or ``文/X``; ``credits.py`` reads the closing credit
(``（记者 张三）``). This module reads them, in that order of trust, and returns the names in
print order joined with ``、`` (the record's ``author`` stays one string, as
``schema/article.schema.json`` has it).

What is never an author: an editor (``编辑``/``责任编辑``, see ``meta.py``), a photographer
(``X 摄``), a medium or site, markup or a label. What a name is (2-4 Han characters, a short
run of Latin words, a labelled pen name) is ``names.py``'s to say; this module says where
bylines are.
"""

from __future__ import annotations

import re

from newscrawler.extract import rules
from newscrawler.extract.names import (
    HAN,
    HAN_NAME_RE,
    LATIN_NAME_RE,
    MAX_AUTHORS,
    MEDIUM_ENDINGS,
    SEPARATOR,
    clean_author,
    has_surname,
    is_name,
    join,
    names_before_place,
    signed_name,
    split_names,
    surnamed_names,
)
from newscrawler.extract.text import compare_key

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
#: A poster's name, account or handle, then the label a forum or blog prints before its date
#: (``Jancd 发表于 2023-06-10 12:47``, ``爱国的张浩予 发表于 …``: rustcc, Discuz!).
POSTER_BEFORE_DATE_RE = re.compile(
    r"(?:^|(?<=\s))(?P<who>[^\s:：|｜/／()（）]{2,20})(?:\s*(?:" + "|".join(rules.POSTED_LABELS)
    + r")\s*[:：]?|\s+(?:已于|于|於)"  # CSDN: 中草药z 于 2024-05-12 09:24:57 发布
    + r"|\s*(?:[(（]\s*\d{1,3}级\s*[)）])?\s*(?:楼主|樓主))\s*$"  # hupu: X (34级) 楼主
)
#: What the poster's word may not follow: a label (``译者 夏雪 发布于``), a colon.
POSTER_NOT_AFTER = (rules.LABELS["author"] + rules.LABELS["editor"] + rules.LABELS["source"]
                    + rules.TRANSLATOR_LABELS + (":", "："))
#: The last word before a header date (up to a space or a mark of the header's items).
WORD_BEFORE_DATE_RE = re.compile(r"(?:^|(?<=[\s|｜丨·•]))(?P<word>[^\s:：|｜丨·•/／]{2,20})$")
#: Taiwan papers' report credit, with the photographer's label when one person did both
#: (``報導•攝影╱楊光翔``, Apple Daily), glued to the next paragraph at times: three characters
#: are taken then, the length of most names.
REPORT_SLASH_RE = re.compile(
    rf"(?:報導|报道|採訪|采访)(?:\s*[•．・·、]\s*(?:攝影|摄影))?\s*[╱/／]\s*(?P<name>[{HAN}]{{2,3}})"
)
#: A name, a bar and the writer's label after it (``小雨 | 作者``).
REVERSED_CREDIT_RE = re.compile(
    r"(?:^|(?<=\s))(?P<name>[^\s|｜丨]{2,20})\s*[|｜丨]\s*(?:作者|撰文|文字|文)(?=\s|$)"
)
REVERSED_CREDIT_CHARS = 300
#: A reporter's name, the title after it, and maybe the upload verb, before the header date.
NAME_THEN_TITLE_END_RE = re.compile(
    r"(?:^|(?<=\s))(?P<name>[\u4e00-\u9fff]{2,3})\s*(?:记者|記者)(?:\s*/?\s*(?:上传|上傳))?$"
)
#: A reading time's items after the header date (``13 分钟``, ``5分钟阅读``).
READING_TIME_RE = re.compile(r"^(?:\d{1,3}|\d{0,3}\s*(?:分钟|分鐘)(?:阅读|閱讀)?)$")
#: A follow button's word printed between an account and the date.
FOLLOW_BUTTON_END_RE = re.compile(r"\s*[+＋]?\s*(?:关注|關注|订阅|訂閱)\s*$")
#: Marks between a header's writer and its date (``龚进辉 · 2025/11/28``).
DATE_LEAD_MARKS = " \u3000·•|｜丨"
#: A writer's Latin name after a byline label, ending at a separator or a Han character.
LATIN_BYLINE_RE = re.compile(
    r"(?:^|(?<=\s))(?:作者|撰文|文)\s*[:：/／|｜]?\s*"
    r"(?P<name>[A-Z][a-z'-]+(?: [A-Z][a-z'.-]+){1,2})(?=\s*(?:[，,、|｜/]|[\u4e00-\u9fff]|$))"
)
#: Where a run of names after a byline label ends: a space or bracket, a photo mark, the date
#: of the report (``刘昊10月6日报道``) or a compiled report (``李佳音综合报导``; before a bare
#: 报道 a place may stand, ``覃剑长沙报道``, which ``names_before_place`` tells apart).
NAMES_RUN = (
    rf"(?P<names>[{HAN}·]{{1,4}}(?:[ \u3000、]+[{HAN}·]{{1,4}}){{0,9}})"
    r"(?=[\s\u3000)）】〕\]|丨｜/／]|摄|攝|\d{1,2}月\d{1,2}日|(?:综合|綜合)(?:报道|报导|報導|報道)|$)"
)
#: The byline labels as a regex alternation.
#: (longest first: ``撰稿人`` is not ``撰稿`` and a name ``人 X``).
BYLINE_LABELS = "|".join(sorted(rules.AUTHOR_BYLINE_LABELS, key=len, reverse=True))
#: Between a byline label and the names: a colon (Hong Kong's ``︰`` too), a bar (``作者︱春春``),
#: a slash or a closing bracket (``【作者】张三``), or nothing.
LABEL_SEP = r"\s*[:：︰︱｜丨|/／】]?\s*"
#: Opening bylines: a reporter label, then the names (``本报记者 张三 李四``).
BYLINE_RE = re.compile(rf"(?:{BYLINE_LABELS}){LABEL_SEP}" + NAMES_RUN)
#: ``（记者闫子敏）`` / ``（朱江）`` right after a dateline ``…电``.
DATELINE_RE = re.compile(
    rf"电\s*[（(]\s*(?:(?:{BYLINE_LABELS}){LABEL_SEP})?" + NAMES_RUN + r"\s*[)）]"
)
#: Taiwan's dateline, the reporter's name glued to the place (``（中央社記者邱俊欽桃園19日電）``).
GLUED_DATELINE_RE = re.compile(
    rf"[（(][^()（）]{{0,8}}?(?:{BYLINE_LABELS})(?P<glued>[{HAN}]{{3,9}}?)\d{{1,2}}日[电電][)）]"
)
#: A labelled credit's whole value, job titles and affiliation included (closing lines).
CREDIT_VALUE_RE = re.compile(rf"(?:{BYLINE_LABELS}){LABEL_SEP}(?P<value>[^()（）]{{2,80}})")
#: ``张三/文``, ``文/张三``, ``文｜张三``, ``执笔/张三、李四&王五``, and after the writer's
#: organisation (``文/社区居家养老服务中心 何淼``: university news).
SLASH_WEN_RE = re.compile(
    rf"(?:^|\s)(?P<before>[{HAN}]{{2,4}})\s*[/／]\s*文(?![{HAN}])|"
    rf"(?<![{HAN}])(?:{'|'.join(rules.SLASH_AUTHOR_LABELS)})\s*[/／|｜丨]\s*"
    rf"(?:[{HAN}]{{1,16}}(?:{'|'.join(rules.ORGANISATION_ENDS)})\s+)?"
    rf"(?P<after>[{HAN}]{{2,4}}(?:(?:[、&＆]|\s+(?=[{HAN}]{{2,4}}(?![{HAN}])(?!\s*[|｜/／丨:：])))"
    rf"[{HAN}]{{2,4}}){{0,5}})(?![{HAN}])"
)
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
#: ``上報快訊／范姜佳鈺 2020年03月12日``: the medium, a slash, the writer, right before the date.
MEDIUM_SLASH_NAME_RE = re.compile(
    rf"(?:^|(?<=[\s|丨｜]))[{HAN}\w]{{3,12}}\s*[/／]\s*(?P<name>[{HAN}·]{{2,4}})$"
)
#: Taiwan's header byline without a label: ``陳冠勳 張梓嘉 溫正衡／新北 台南報導``.
NAMES_SLASH_REPORT_RE = re.compile(
    rf"(?:^|(?<=\s))(?P<names>[{HAN}·]{{2,4}}(?:[ \u3000、][{HAN}·]{{2,4}}){{0,5}})\s*[/／]"
    rf"\s*[{HAN} ]{{0,10}}?(?:報導|报道|報道)"
)
#: A name, then the writer's job as a reporter, starting the header (``関谷智 国際部記者``,
#: ``刘子维 BBC中文网记者``).
NAME_THEN_REPORTER_RE = re.compile(
    rf"^(?P<name>[{HAN}·]{{2,4}})\s+[{HAN}\w]{{0,10}}"
    r"(?:記者|记者|特派員|特派员|评论委员|評論委員|论说委员|論說委員|主笔|主筆)(?=\s|$)"
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
#: A foreign name in Chinese characters, its parts joined by a middle dot (``迈克尔•汉恩``).
TRANSLITERATED_NAME_RE = re.compile(rf"^[{HAN}]{{1,6}}[·•・][{HAN}]{{1,8}}$")
#: ``英国《金融时报》 白杰明 香港报道``: a medium, the writer's bare name, where they report from.
MEDIUM_NAME_REPORT_RE = re.compile(
    rf"(?:^|[\s:：|])[{HAN}\w《]{{1,12}}?(?:{'|'.join(rules.BYLINE_MEDIA_ENDS)})》?\s+"
    rf"(?P<names>[{HAN}]{{2,4}}(?:[ 、][{HAN}]{{2,4}}){{0,3}})\s+[{HAN}]{{0,6}}"
    r"(?:报道|報導|報道)"
)
#: ``Luning Wang 为FT中文网撰稿``: the writer, then whom they write for.
NAME_WRITES_FOR_RE = re.compile(
    rf"(?:^|\s)(?P<name>[{HAN}·•]{{2,8}}|[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){{0,3}})"
    rf"\s*为[\w{HAN}]{{1,12}}撰稿"
)
#: Between two bylines of one header: marks, spaces and a medium's name (``□ 本报``).
BYLINE_GAP = 8
BYLINE_GAP_RE = re.compile(rf"[\s\u3000□■●◎○⊙|｜/／、，,;；]*(?:本报|本報|本刊|[{HAN}]{{0,6}})")
#: More Latin names after one: ``, Mark Bennett 和 David Robinson`` (given name and surname:
#: a capitalised word after them is the next item, ``Grace Segers November 20``).
LATIN_NAMES_AFTER_RE = re.compile(
    r"(?:\s*(?:,|，|、|和|and|&)\s*[A-Z][a-z'-]+(?: [A-Z]\.)? [A-Z][A-Za-z'-]+(?![A-Za-z])){1,5}"
)
#: A whole text that is an author label, a colon and a short value (an author box's text).
LABELLED_NAMES_RE = re.compile(rf"^(?:{BYLINE_LABELS})\s*[:：︰]\s*(?P<value>[^:：︰]{{2,40}})$")
#: A reporter's name glued to "reports" (``記者鄧厚仁報道``, ``（新纪元周刊记者李佳采访报导）``):
#: nothing marks where the name ends, so it must start with a common surname.
REPORTER_REPORTS_RE = re.compile(
    rf"(?:{BYLINE_LABELS}){LABEL_SEP}(?P<name>[{HAN}]{{2,4}}?)(?:采访|採訪)?(?:报道|报导|報道|報導)"
)
#: A line that is nothing but such a credit, printed among the first lines of the text (Sing
#: Pao prints it after the lead paragraph).
REPORT_LINE_RE = re.compile(
    rf"^[（(【]?(?:本報|本报)?{REPORTER_REPORTS_RE.pattern}[)）】]?$"
)
#: Paragraphs of the text searched for one; shorter lines, photo captions printed before the
#: lead paragraph, are not counted (at most ``REPORT_LINES_READ`` lines are read).
REPORT_LINES = 4
REPORT_LINES_READ = 16
CAPTION_CHARS = 40
#: A compiler's credit on a line of its own (Reuters 中文's ``整理 李爽``): the writer of a
#: wire round-up.
COMPILED_LINE_RE = re.compile(
    rf"^(?:整理|综合整理|綜合整理)\s*[:：︰/／]?\s*(?P<names>[{HAN}]{{2,3}})$")
#: A republished account's credit, the writer after the account and a comma (``本文来自微信公众号：
#: TMT新观察（ID：tmtno520），作者：任晓宁、周应梅，题图来自：IC photo``: huxiu, 36kr, sohu).
ACCOUNT_THEN_AUTHOR_RE = re.compile(
    rf"(?:来自|来源|來自|來源)[^，,。]{{0,60}}[，,]\s*作者\s*[:：︰]\s*"
    rf"(?P<names>[{HAN}·]{{2,8}}(?:[、 ][{HAN}·]{{2,8}}){{0,5}})(?=[，,。；;\s]|$)"
)
#: A byline mark and the writers' names, nothing else on the line (``□杜亮``, ``■ 张三 李四``,
#: ``□新派特约评论员 齐晓军 闫轶哲``).
MARKED_NAMES_LINE_RE = re.compile(
    rf"^[□■◆◇●○◎⊙]\s*(?:[{HAN}]{{0,8}}(?:记者|記者|评论员|評論員|通讯员|通訊員)\s*)?"
    rf"(?P<names>[{HAN}]{{2,3}}(?:[ 、][{HAN}]{{2,3}}){{0,3}})$"
)
#: A byline mark in the header and what may stand between it and the names (``□新派特约评论员
#: 齐晓军 闫轶哲 交通是…``): the header is one run of text, so the names end at the first word
#: that is not one.
MARKED_NAMES_IN_HEADER_RE = re.compile(
    rf"[□■◆◇●○◎⊙]\s*(?:[{HAN}]{{0,8}}(?:记者|記者|评论员|評論員|通讯员|通訊員)\s*)?"
    rf"(?P<run>(?:[{HAN}]{{2,3}}(?:\s|$))+)"
)
#: Brackets a header date is printed in: ``[2010-07-20]``, ``（2019-09-24）``.
DATE_BRACKETS = "[]【】()（）"
#: Separators between the items printed after the header date.
HEADER_ITEM_SPLIT_RE = re.compile(r"[\s\u3000|丨｜]+")
#: How much text after the header date is read for names, and how many items (a source, a
#: medium) may come before them.
AFTER_DATE_CHARS = 80
AFTER_DATE_SKIPS = 3
#: ``第一财经日报 周艾琳``, ``来源：经济参考报 王静文``: a medium, then its writer's name alone.
MEDIUM_BYLINE_RE = re.compile(
    rf"(?:^|[\s:：|])(?:[{HAN}\w]{{1,10}}?(?:{'|'.join(rules.BYLINE_MEDIA_ENDS)}))\s+"
    rf"(?P<names>[{HAN}]{{2,3}}(?:[ 、][{HAN}]{{2,3}})?)\s"
)
#: How much of the text's start (characters) is searched for an opening byline.
OPENING_CHARS = 240
#: Lines at the start of the text where the headline may be printed, with a name under it.
HEADLINE_LINES = 3
SENTENCE_MARKS_RE = re.compile(r"[，。！？；,!?;]")


def latin_byline(zone: str) -> str | None:
    """A Latin writer after a byline label in the header (``作者 Shane Hastie ，译者 夏雪``):
    Chinese editions of English-language titles print their writers so."""
    match = LATIN_BYLINE_RE.search(zone[:OPENING_CHARS])
    return match.group("name") if match and is_name(match.group("name")) else None


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
    return signed_name(match.group("who"))


def lone_word_before_date(zone: str, date_start: int) -> str | None:
    """A word with no common surname that is all the header prints before its date (``小希
    2023-06-02``, ``灰烬包2022-02-24``): a pen name, or a category tag (``创业 2022-02-05``),
    which the caller tells apart (a tag is a link)."""
    before = _before_date(zone, date_start).lstrip(DATE_LEAD_MARKS)
    return before if LONE_WORD_RE.match(before) and is_name(before) else None


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


def opening_byline(text: str, *, bare: bool = False) -> str | None:
    """The byline at the start of the article text (or of the header text); ``bare`` also
    reads a medium followed by a bare name (only safe on the body's first lines)."""
    start = text[:OPENING_CHARS]
    for regex in (DATELINE_RE, BYLINE_RE) + ((MEDIUM_BYLINE_RE,) if bare else ()):
        for match in regex.finditer(start):
            if regex is BYLINE_RE and is_photo_credit(start, match):
                continue
            names = split_names(match.group("names"))
            if names:
                if regex is BYLINE_RE:
                    names += _bylines_after(start, match)
                return join(names)
    match = ACCOUNT_THEN_AUTHOR_RE.search(start)
    names = split_names(match.group("names")) if match else []
    if names:
        return join(names)
    match = MEDIUM_NAME_REPORT_RE.search(start)
    names = split_names(match.group("names")) if match else []
    if names:
        return join(names)
    match = NAME_WRITES_FOR_RE.search(start)
    name = match.group("name") if match else ""
    if name and (is_name(name) or TRANSLITERATED_NAME_RE.match(name)):
        return name
    match = NAMES_SLASH_REPORT_RE.search(start)
    if match:
        found = join(split_names(match.group("names")))
        if found:
            return found
    match = NAME_THEN_REPORTER_RE.match(start)
    if match and is_name(match.group("name")):
        return match.group("name")
    match = GLUED_DATELINE_RE.search(start)
    if match:
        name = names_before_place(match.group("glued"))
        if name:
            return name
    for match in REPORTER_REPORTS_RE.finditer(start):
        found = surnamed_names(match.group("name"))
        if found:
            return found
    match = REPORT_SLASH_RE.search(start)
    if match and has_surname(match.group("name")):
        return match.group("name")
    return slash_credit(start)


def slash_credit(text: str) -> str | None:
    """The writers of ``文/张三``, ``张三/文``, ``文丨张三``, ``执笔/张三、李四&王五``."""
    match = SLASH_WEN_RE.search(text)
    if match:
        if match.group("before"):
            return match.group("before") if is_name(match.group("before")) else None
        first, *more = split_names(re.sub("[&＆]", SEPARATOR, match.group("after"))) or [""]
        spaced = " " in match.group("after")  # then the others need a common surname: 据悉 is none
        return join([first] + [n for n in more if has_surname(n) or not spaced]) if first else None
    return None


def _bylines_after(text: str, match: re.Match[str]) -> list[str]:
    """The names of the bylines that follow one right away (``□ 本报记者 赵 丽 □ 本报见习记者
    邹星宇``: each writer under a label of their own)."""
    names: list[str] = []
    while len(names) < MAX_AUTHORS:
        gap_end = match.end("names")
        match = BYLINE_RE.search(text, gap_end, gap_end + BYLINE_GAP + 12)
        if match is None or not BYLINE_GAP_RE.fullmatch(text, gap_end, match.start()):
            break
        found = split_names(match.group("names"))
        if not found or is_photo_credit(text, match):
            break
        names += found
    return names


def with_names_after(first: str, zone: str) -> str:
    """``first`` (a Latin name from ``<meta>``) and the Latin names the header prints after it
    (``Daniel Mercer, Mark Bennett 和 David Robinson``: ABC's byline, whose ``<meta
    name="author">`` keeps the first writer only)."""
    at = zone.find(first) if LATIN_NAME_RE.match(first) else -1
    if at < 0:
        return first
    match = LATIN_NAMES_AFTER_RE.match(zone, at + len(first))
    if match is None:
        return first
    return join([first] + [n for n in re.split(r"\s*(?:,|，|、|和|and|&)\s*", match.group(0))
                           if n.strip()])


def labelled_names(text: str) -> str | None:
    """The names of a text that is nothing but an author label and them (``作者： 珍妮特``)."""
    match = LABELLED_NAMES_RE.match(text)
    if not match:
        return None
    # the names may follow the medium and its reporters' label (作者：南方周末记者 X Y); a
    # Latin name is one name (作者: Ulrike Schulze)
    value = match.group("value")
    return clean_author(value) or opening_byline(value)


def marked_names(zone: str) -> str | None:
    """Writers after a byline mark in the header (``□新派特约评论员 齐晓军 闫轶哲``), every one
    with a common surname; ``report_line`` reads the same mark on a line of its own."""
    match = MARKED_NAMES_IN_HEADER_RE.search(zone[:OPENING_CHARS])
    if match is None:
        return None
    names = []
    for token in match.group("run").split():
        if not (is_name(token) and has_surname(token)) or len(names) >= MAX_AUTHORS:
            break
        names.append(token)
    return join(names)


def report_line(lines: list[str]) -> str | None:
    """The writer of a credit line of its own among the text's first paragraphs (photo
    captions before them not counted): a reporter glued to 報道 (``記者鄧厚仁報道``), names
    after a newspaper's byline mark (``□杜亮``) or after a compiler's label (``整理 李爽``)."""
    paragraphs = 0
    for line in lines[:REPORT_LINES_READ]:
        line = line.strip()
        if len(line) > CAPTION_CHARS:
            paragraphs += 1
            if paragraphs >= REPORT_LINES:
                break
        for regex in (REPORT_LINE_RE, MARKED_NAMES_LINE_RE, COMPILED_LINE_RE):
            match = regex.match(line)
            found = match and surnamed_names(match.groupdict().get("name") or match["names"])
            if found:
                return found
    return None


def reversed_credit(text: str) -> str | None:
    """A writer credited name first, label after, at the start of the header or the text, as
    WeChat editors set it (``陈关荣 | 作者``, then ``原理 | 来源``)."""
    match = REVERSED_CREDIT_RE.search(text, 0, REVERSED_CREDIT_CHARS)
    return signed_name(match.group("name")) if match else None


def name_under_headline(lines: list[str], title: str | None, zone: str = "") -> str | None:
    """A line that is nothing but a name, right under the headline (``犬儒病(上)`` / ``胡平`` /
    ``——当代中国的精神危机``): the writer, as magazines and essay sites print it. The line above
    must be the headline printed in the text, or a part of it (``茉莉：我是怎样…`` printed as
    ``我是怎样…``), or the text must start right after the heading (``zone``), and the name
    then has a common surname."""
    if not title:
        return None
    for line in lines[:2]:  # the first, or the second after a leaked <title>
        line = line.strip()
        if line and zone.startswith(line):
            if HAN_NAME_RE.match(line) and has_surname(line) and is_name(line):
                return line
            break
    key = compare_key(title)
    for above, line in zip(lines[:HEADLINE_LINES], lines[1:HEADLINE_LINES + 1], strict=False):
        above_key = compare_key(above)
        if len(above_key) >= 4 and above_key in key:
            name = line.strip()
            return name if HAN_NAME_RE.match(name) and is_name(name) else None
    return None


def is_photo_credit(text: str, match: re.Match[str]) -> bool:
    """``新华社记者李木子 摄``: the names are followed by 摄 (a photographer)."""
    return text[match.end("names"): match.end("names") + 3].strip().startswith(("摄", "攝"))
