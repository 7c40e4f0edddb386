"""Who wrote the article: bylines in the header and at the top of the text.

Chinese news pages credit writers in a handful of ways that the meta-line labels alone miss:
an opening byline (``本报记者 张三``, ``新华社记者 李四 王五``, ``每经记者 X 实习记者 Y``), the
reporter in brackets after the dateline (``新华社北京6月13日电（记者闫子敏）``,
``人民网北京6月1日电（朱江）``), ``X/文`` or ``文/X``; ``credits.py`` reads the closing credit
(``（记者 张三）``). This module reads them, in that order of trust, and returns the names in
print order joined with ``、`` (the record's ``author`` stays one string, as
``schema/article.schema.json`` has it).

What is never an author: an editor (``编辑``/``责任编辑``, see ``meta.py``), a photographer
(``X 摄``), a medium or site, markup or a label. What a name is (2-4 Han characters, a short
run of Latin words, a labelled pen name) is ``names.py``'s to say; this module says where
labelled bylines are. Names printed next to the header's date with no label are
``beside_date.py``'s, unlabelled writers opening the header ``header_slots.py``'s.
"""

from __future__ import annotations

import re

from newscrawler.extract import rules
from newscrawler.extract.names import (
    HAN,
    HAN_NAME_RE,
    LATIN_NAME_RE,
    MAX_AUTHORS,
    SEPARATOR,
    TRANSLITERATED_NAME_RE,
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
#: A writer's Latin name after a byline label, ending at a separator or a Han character.
LATIN_BYLINE_RE = re.compile(
    r"(?:^|(?<=\s))(?:作者|撰文|文)\s*[:：/／|｜]?\s*"
    r"(?P<name>[A-Z][a-z'-]+(?: [A-Z][a-z'.-]+){1,2})(?=\s*(?:[，,、|｜/]|[\u4e00-\u9fff]|$))"
)
#: Where a run of names after a byline label ends: a space or bracket, a photo mark, the date
#: of the report (``刘昊10月6日报道``) or a compiled report (``李佳音综合报导``; before a bare
#: 报道 a place may stand, ``覃剑长沙报道``, which ``names_before_place`` tells apart).
_CONTINUE = "|".join(sorted(rules.AUTHOR_CONTINUE_LABELS, key=len, reverse=True))
_GLUED = "|".join(rules.GLUED_CONTINUE_LABELS)
#: A byline's names: a later one may carry its own label glued on (史家民 通讯员刘静), the paper's
#: too (张蕾 孙小婷 本报见习记者 周艺珣), and the text's desk lead may follow the last one glued
#: (王辰轩 魏佳妮本报讯 近日，…).
NAMES_RUN = (
    rf"(?P<names>[{HAN}·]{{1,4}}(?:(?:[ \u3000、]+(?:(?:{_CONTINUE})[ \u3000]*)?|{_GLUED})"
    rf"[{HAN}·]{{1,4}})"
    rf"{{0,{MAX_AUTHORS - 1}}})"
    r"(?=[\s\u3000)）】〕\]|丨｜/／]|摄|攝|文并图|文並圖|\d{1,2}月\d{1,2}日|"
    r"(?:综合|綜合)(?:报道|报导|報導|報道)|(?:本报|本報|本网|本網|本刊)[讯訊]|"
    rf"{'|'.join(rules.TAKEN_FROM)}|$)"  # 作者：李弋辑自《三个世纪的跨越》
)
#: The byline labels as a regex alternation.
#: (longest first: ``撰稿人`` is not ``撰稿`` and a name ``人 X``).
BYLINE_LABELS = "|".join(sorted(rules.AUTHOR_BYLINE_LABELS, key=len, reverse=True))
#: Between a byline label and the names: a colon (Hong Kong's ``︰`` too), a bar (``作者︱春春``),
#: a slash or a closing bracket (``【作者】张三``), or nothing.
LABEL_SEP = r"\s*[:：︰︱｜丨|/／】]?\s*"
#: ``作者`` ending a longer word (``创意工作者们的社区``, ``合作者``) labels nobody.
_WORD_BEFORE = "".join(rules.WORDS_ENDING_IN_A_LABEL)
#: Opening bylines: a reporter label, then the names (``本报记者 张三 李四``).
_OPENING_LABELS = "|".join(f"(?<![{_WORD_BEFORE}]){label}" if label == "作者" else label
                           for label in BYLINE_LABELS.split("|"))
BYLINE_RE = re.compile(rf"(?:{_OPENING_LABELS}){LABEL_SEP}" + NAMES_RUN)
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
#: What follows a writer's name in a slash credit: ``/文`` (text), ``图/文`` or ``文/图``
#: (text and photos: ``郝丽娜 图/文``, ``周盼盼 文/图``, school and company news).
NAME_THEN_WRITING = r"(?:[/／]\s*文|[图圖]\s*[/／]\s*文|文\s*[/／]\s*[图圖])"
#: A closing line that starts with such a credit (``黄丹/文 施廷锋/图``).
NAME_SLASH_WEN_START_RE = re.compile(rf"^[{HAN}]{{2,4}}\s*{NAME_THEN_WRITING}(?![{HAN}])")
#: ``张三/文``, ``文/张三``, ``文｜张三``, ``执笔/张三、李四&王五``, and after the writer's
#: organisation (``文/社区居家养老服务中心 何淼``: university news).
SLASH_WEN_RE = re.compile(
    rf"(?:^|\s)(?P<before>[{HAN}]{{2,4}})\s*{NAME_THEN_WRITING}(?![{HAN}])|"
    rf"(?<![{HAN}])(?:{'|'.join(rules.SLASH_AUTHOR_LABELS)})\s*[/／|｜丨:：]\s*"
    rf"(?:[{HAN}]{{1,16}}(?:{'|'.join(rules.ORGANISATION_ENDS)})\s+)?"
    rf"(?P<after>[{HAN}]{{2,4}}(?:(?:[、&＆]|\s+(?=[{HAN}]{{2,4}}(?![{HAN}])(?!\s*[|｜/／丨:：])))"
    rf"[{HAN}]{{2,4}}){{0,5}})(?![{HAN}])"
)
#: The same label before a Latin name (福布斯中文网's translated columns: ``文/Panos
#: Mourdoukoutas``): two to four capitalised words.
SLASH_LATIN_RE = re.compile(
    rf"(?<![{HAN}])(?:{'|'.join(rules.SLASH_AUTHOR_LABELS)})\s*[/／|｜丨]\s*"
    r"(?P<name>[A-Z][a-z]+(?:[ .-][A-Z][a-z]+){1,3})(?![A-Za-z])")
#: A medium and its writer in the bracket opening a report (財訊快報's ``【財訊快報／陳孟朔】``).
BRACKETED_MEDIUM_SLASH_NAME_RE = re.compile(
    rf"(?:^|\n)\s*[【\[〔][{HAN}\w]{{1,10}}?(?:{'|'.join(rules.BYLINE_MEDIA_ENDS)})\s*[/／]\s*"
    rf"(?P<name>[{HAN}]{{2,3}})\s*[】\]〕]")
#: A paper's, site's or station's own reporter named in the lead, then what they did or when
#: (``本报记者张三从…获悉``, ``本台記者湯偉圓下午約2時在…報道``).
OWN_REPORTER_RE = re.compile(
    rf"(?:本报|本報|本台|本网|本網)(?:记者|記者)\s*"
    rf"(?P<names>[{HAN}]{{2,3}}?(?:、[{HAN}]{{2,3}}?)*)"
    r"(?=从|從|在|於|于|到|赴|前往|近日|日前|今天|今日|昨天|昨日|上午|下午|中午|晚上|获悉|獲悉|"
    r"了解到|采访|採訪|报道|報道|看到|注意到|发现|發現|[，,。])")
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
#: An opinion piece's first line: the writer's name (padded: ``王 林``), then their
#: affiliation, ending in a job title (``…上海交通大学设计学院教授``).
NAME_THEN_AFFILIATION_RE = re.compile(
    rf"^\s*(?P<name>[{HAN}](?: ?[{HAN}]){{1,2}})\s+[^\n。！？，,]{{4,80}}?"
    rf"(?:{'|'.join(rules.JOB_TITLES)})(?:\n|$)")
#: ``英国《金融时报》 白杰明 香港报道``, ``壹蘋新聞網 / 呂承哲 綜合報導``: a medium, the writer's
#: bare name, where they report from (or that the story is put together from several sources).
MEDIUM_NAME_REPORT_RE = re.compile(
    rf"(?:^|[\s:：|])[{HAN}\w《]{{1,12}}?(?:{'|'.join(rules.BYLINE_MEDIA_ENDS)})》?(?:\s*[/／]\s*|\s+)"
    rf"(?P<names>[{HAN}]{{2,4}}(?:[ 、][{HAN}]{{2,4}}){{0,3}})\s+[{HAN}]{{0,6}}"
    r"(?:报道|報導|報道)"
)
#: ``Luning Wang 为FT中文网撰稿``: the writer, then whom they write for.
NAME_WRITES_FOR_RE = re.compile(
    rf"(?:^|\s)(?P<name>[{HAN}·•]{{2,8}}|[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){{0,3}})"
    rf"\s*为[\w{HAN}]{{1,12}}撰稿"
)
#: Roles glued to the name before them (``(记者高宏菲文/摄)``): text and photos by the writer,
#: read as the ``文并图`` a byline's run of names ends at.
GLUED_ROLES_RE = re.compile(rf"(?<=[{HAN}])(?:文|图|圖)[/／](?:摄|攝|图|圖|文)")
#: Between two bylines of one header: marks, spaces and a medium's name (``□ 本报``).
BYLINE_GAP = 8
BYLINE_GAP_RE = re.compile(rf"[\s\u3000□■●◎○⊙|｜/／、，,;；]*(?:本报|本報|本刊|[{HAN}]{{0,6}})")
#: More Latin names after one: ``, Mark Bennett 和 David Robinson`` (given name and surname:
#: a capitalised word after them is the next item, ``Grace Segers November 20``).
LATIN_NAMES_AFTER_RE = re.compile(
    r"(?:\s*(?:,|，|、|和|and|&)\s*[A-Z][a-z'-]+(?: [A-Z]\.)? [A-Z][A-Za-z'-]+(?![A-Za-z])){1,5}"
)
#: A whole text that is an author label, a colon and a short value (an author box's text).
#: Roles a credit lists before one colon (``摄影、报道：``, ``文/图：``, ``图文：``), and those of
#: them that write: a list naming one credits a writer.
WRITING_ROLES = frozenset({"报道", "報道", "報導", "文字", "文", "采写", "採寫", "撰文", "撰稿",
                           "记者", "記者"})
PICTURE_ROLES = frozenset({"摄影", "攝影", "图", "圖", "图片", "圖片", "视频", "視頻", "拍摄",
                           "拍攝", "摄像", "攝像"})
ROLE_RE = re.compile("|".join(sorted(WRITING_ROLES | PICTURE_ROLES, key=len, reverse=True)))
#: Roles joined before one colon anywhere in a text (``记者/拍摄：``, ``文字/摄影：``, ``文/图：``),
#: not glued to a word before them unless the list opens with 记者 (``南海网记者/拍摄：``).
ROLE_LABEL_RE = re.compile(
    rf"(?:(?<![{HAN}])|(?=记者|記者))(?P<roles>(?:{ROLE_RE.pattern})"
    rf"(?:\s*[、/／&＆]?\s*(?:{ROLE_RE.pattern}))+)(?=\s*[:：︰])"
)
ROLE_LIST_RE = re.compile(
    rf"^(?P<roles>(?:{ROLE_RE.pattern})(?:\s*[、/／&＆和及]?\s*(?:{ROLE_RE.pattern}))+)"
    rf"\s*[:：︰]\s*(?P<value>[^:：︰]{{2,40}})$"
)
LABELLED_NAMES_RE = re.compile(rf"^(?:{BYLINE_LABELS})\s*[:：︰]\s*(?P<value>[^:：︰]{{2,40}})$")
#: A reporter's name glued to "reports" (``記者鄧厚仁報道``, ``（新纪元周刊记者李佳采访报导）``),
#: perhaps with a place between (``本报记者覃剑长沙报道``): nothing marks where the name ends, so
#: it must start with a common surname, or end where a known place starts.
REPORTER_REPORTS_RE = re.compile(
    rf"(?:{BYLINE_LABELS}){LABEL_SEP}(?P<name>[{HAN}]{{2,8}}?)(?:采访|採訪)?(?:报道|报导|報道|報導)"
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


def opening_byline(text: str, *, bare: bool = False) -> str | None:
    """The byline at the start of the article text (or of the header text); ``bare`` also
    reads a medium followed by a bare name (only safe on the body's first lines)."""
    start = GLUED_ROLES_RE.sub("文并图", text[:OPENING_CHARS])  # 记者高宏菲文/摄: as 文并图
    for regex in (DATELINE_RE, BYLINE_RE) + ((MEDIUM_BYLINE_RE,) if bare else ()):
        for match in regex.finditer(start):
            if regex is BYLINE_RE and is_photo_credit(start, match):
                continue
            names = split_names(match.group("names"))
            if names:
                if regex is BYLINE_RE:
                    names = _unlabelled_before(start, match) + names + _bylines_after(start, match)
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
    match = NAME_THEN_AFFILIATION_RE.match(start) if bare else None
    name = match.group("name").replace(" ", "") if match else ""
    if name and is_name(name) and has_surname(name):
        return name  # 王 林 中国城市规划学会…副主任委员、上海交通大学设计学院教授
    match = GLUED_DATELINE_RE.search(start)
    if match:
        name = names_before_place(match.group("glued"))
        if name:
            return name
    for match in REPORTER_REPORTS_RE.finditer(start):  # 本报记者覃剑长沙报道: a place glued on
        found = surnamed_names(match.group("name")) or names_before_place(match.group("name"))
        if found:
            return found
    match = REPORT_SLASH_RE.search(start)
    if match and has_surname(match.group("name")):
        return match.group("name")
    match = BRACKETED_MEDIUM_SLASH_NAME_RE.search(start)  # 【財訊快報／陳孟朔】
    if match and is_name(match.group("name")):
        return match.group("name")
    return slash_credit(start) or _own_reporter_in_lead(start.split("\n", 1)[0])


def _own_reporter_in_lead(lead: str) -> str | None:
    """The paper's or station's own reporter the first paragraph names as they go about the
    story (``本报记者张三从市教育局获悉``, Now 新聞's ``本台記者湯偉圓下午約2時在廣福商場平台
    報道``): nothing ends the name but the word after it, so it must have a common surname."""
    for match in OWN_REPORTER_RE.finditer(lead):
        found = match.group("names").split(SEPARATOR)
        if all(has_surname(name) and is_name(name) for name in found):
            return join(found)
    return None


def slash_credit(text: str) -> str | None:
    """The writers of ``文/张三``, ``张三/文``, ``文丨张三``, ``执笔/张三、李四&王五``."""
    match = SLASH_WEN_RE.search(text)
    if match:
        if match.group("before"):
            return match.group("before") if is_name(match.group("before")) else None
        first, *more = split_names(re.sub("[&＆]", SEPARATOR, match.group("after"))) or [""]
        spaced = " " in match.group("after")  # then the others need a common surname: 据悉 is none
        return join([first] + [n for n in more if has_surname(n) or not spaced]) if first else None
    match = SLASH_LATIN_RE.search(text)
    return match.group("name") if match else None


def _unlabelled_before(text: str, match: re.Match[str]) -> list[str]:
    """Names a desk's bracket prints before the labelled one (``中国消费者报南昌讯（胡靖  记者
    朱海）``): writers too, whose label (通讯员) the paper left out; only surnamed names."""
    lead = DESK_BRACKET_NAMES_RE.search(text, 0, match.start())
    found = surnamed_names(lead.group("names")) if lead else None
    return found.split(SEPARATOR) if found else []


#: A desk lead's bracket opening with bare names before a byline label.
DESK_BRACKET_NAMES_RE = re.compile(
    rf"(?:讯|訊|电|電)\s*[（(]\s*(?P<names>[{HAN}]{{2,3}}(?:[ \u3000、]+[{HAN}]{{2,3}}){{0,3}})"
    r"[ \u3000]+$")


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
    """The names of a text that is nothing but an author label and them (``作者： 珍妮特``), or
    a list of roles one of which is writing (``摄影、报道：王荣伟``, ``图文：X``)."""
    match = LABELLED_NAMES_RE.match(text)
    if not match:
        match = ROLE_LIST_RE.match(text)
        if not match or not any(role in WRITING_ROLES
                                for role in ROLE_RE.findall(match.group("roles"))):
            return None
    # the names may follow the medium and its reporters' label (作者：南方周末记者 X Y); a
    # Latin name is one name (作者: Ulrike Schulze)
    value = match.group("value")
    return clean_author(value) or opening_byline(value)


def writing_roles_as_label(text: str) -> str:
    """``text`` with each list of roles that one of them writes read as that writer's label:
    ``记者/拍摄：潘頔`` as ``记者：潘頔``, ``文字/摄影：X`` as ``文字：X``, ``文/图：X`` as
    ``文：X``. Video and photo stories credit the reporter who also filmed so; every byline
    reader then knows the label. A list of picture roles only (``摄影/摄像：``) stays a
    photographer's."""
    if "：" not in text and ":" not in text and "︰" not in text:
        return text
    return ROLE_LABEL_RE.sub(_writer_label, text)


def _writer_label(match: re.Match[str]) -> str:
    writing = [role for role in ROLE_RE.findall(match.group("roles")) if role in WRITING_ROLES]
    if not writing:
        return match.group(0)
    return REPORTED_AS.get(writing[0], writing[0])


#: "Reported" is a label only before the names (报道：X); after a list, the reporter's label.
REPORTED_AS = {"报道": "记者", "報道": "記者", "報導": "記者"}


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
    """``新华社记者李木子 摄``, ``实习生 宋欣然/摄`` (a caption's credit): the names are
    followed by 摄 (a photographer)."""
    return text[match.end("names"): match.end("names") + 3].strip().lstrip("/／").startswith(
        ("摄", "攝"))


#: A line that is nothing but a paper's reporter credit (``本报记者 李治国``), as a round-up
#: prints one under each region's subheading.
REPORTER_LINE_RE = re.compile(rf"^(?:本报|本報)(?:记者|記者)\s*[{HAN}][{HAN}\s、]{{1,24}}$")


def round_up_reporters(lines: list[str], found: str) -> str:
    """The writers of a round-up (``湖北：…`` / ``本报记者 柳 洁`` … ``上海：…`` / ``本报记者
    李治国``): when ``found`` is the first reporter line's credit, the reporters of the other
    reporter lines follow it in the order printed. Any other credit is returned unchanged."""
    reporter_lines = (line for line in map(str.strip, lines) if REPORTER_LINE_RE.match(line))
    credited = [names for names in (opening_byline(line, bare=True) for line in reporter_lines)
                if names]
    if len(credited) < 2 or credited[0] != found:
        return found
    return join([name for names in credited for name in names.split(SEPARATOR)][:MAX_AUTHORS])
