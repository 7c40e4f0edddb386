"""The header's date (``newscrawler/extract/meta.py``): which copy of the headline it follows,
what a date label's value must look like, and a printed time beating a day from ``<meta>``."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from newscrawler.extract import extract_article
from newscrawler.extract.dates import is_date_alone
from newscrawler.extract.page_title import clean_page_title
from newscrawler.extract.title import could_be_headline

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
URL = "http://news.example.cn/a/1.html"
TEXT = "这是一篇足够长的新闻正文，用来让正文抽取器确认这里就是文章的主体内容。" * 6
TITLE = "一个足够长的新闻标题在这里"


def test_a_label_whose_value_is_a_place_gives_no_date() -> None:
    """``发布于：北京市`` (a place) then body text with ``5月20日``: the day in the text is not
    the publish date; the printed date before the label is."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<h1>{TITLE}</h1><div class="info"><span>2024-05-20 06:48</span> 发布于： 北京市</div>
<div class="article"><p>北京时间5月20日，{TEXT}</p></div></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert record["published_at"] == "2024-05-20T06:48:00+08:00"
    only_place = html.replace(b"<span>2024-05-20 06:48</span>", b"")
    assert extract_article(only_place, URL, now=NOW)["published_at"] is None


def test_the_copy_of_the_headline_that_a_date_follows() -> None:
    """A sticky top bar repeats the <h1>; the date sits under the second copy."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}_示例网</title>
<meta name="publishdate" content="2024-05-13"></head><body>
<div class="topNav"><h1 class="article_title">{TITLE}</h1><div>分享到： 链接已复制</div></div>
<div class="nav">首页 新闻中心 推荐阅读 热门 排行 视频 图片 专题 评论 English LANGUAGE</div>
<div class="nav">{"导航链接 " * 60}</div>
<h1>{TITLE}</h1><div class="inform"><p>2024-05-13 13:48</p><p>来源：中国网</p></div>
<div class="article"><p>{TEXT}</p></div></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert (record["published_at"], record["date_precision"]) == (
        "2024-05-13T13:48:00+08:00", "minute")


def test_a_labelled_line_gives_the_time_of_a_day_from_meta() -> None:
    """The page prints no date under its headline; ``<meta>`` gives the day, and a labelled
    line below the article gives that day's time (youth.cn prints it in a share box)."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title>
<meta name="publishdate" content="2024-05-13"></head><body>
<p class="pbt">{TITLE}</p><div class="article"><p>{TEXT}</p><p>{TEXT}</p><p>{TEXT}</p></div>
<p class="pwz">发稿时间：2024-05-13 06:03:00 来源：中国青年报</p></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert (record["published_at"], record["date_precision"]) == (
        "2024-05-13T06:03:00+08:00", "second")
    other_day = html.replace(b"2024-05-13 06:03:00", b"2024-05-12 06:03:00")
    record = extract_article(other_day, URL, now=NOW)  # another day: not this page's time
    assert (record["published_at"], record["date_precision"]) == (
        "2024-05-13T00:00:00+08:00", "day")


def test_a_title_printed_whole_is_not_cut_to_its_column_name() -> None:
    """``<title>栏目 | 标题</title>`` with no site name: the page prints all of it over the
    article (and the date under it), so the first part is the column, not the headline."""
    whole = "书记市长这一周 | 奋马扬鞭争春色，“虎”力全开向未来"
    html = f"""<html><head><meta charset="utf-8"><title>{whole}</title></head><body>
<div class="nav">首页 新闻</div><div class="tit2">{whole}</div>
<div class="box-text-time"><span>2022-02-13 20:04:17</span></div>
<div class="box-text"><p>{TEXT}</p></div></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert record["title"] == whole
    assert record["published_at"] == "2022-02-13T20:04:17+08:00"
    cut = html.replace(f'<div class="tit2">{whole}</div>'.encode(), b"")
    assert extract_article(cut, URL, now=NOW)["title"] == "书记市长这一周"  # nothing says more


def test_the_headline_printed_in_a_plain_block_is_where_the_header_starts() -> None:
    """No heading tag or title class: the element printing the ``<title>``'s headline is the
    heading, and the date in the ``<span>`` under it is the page's (yangtse)."""
    headline = "著名戏曲导演沈斌去世 享年74岁"
    html = f"""<html><head><meta charset="utf-8"><title>{headline}_扬子晚报网</title></head>
<body><ul class="nav"><li><a href="/a">{headline}</a></li></ul>
<div class="tit2">{headline}</div><div class="box-text-time"><span>2022-02-13 23:37</span></div>
<div class="box-text"><p>{TEXT}</p></div></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert (record["title"], record["published_at"]) == (headline, "2022-02-13T23:37:00+08:00")
    linked = html.replace(f'<div class="tit2">{headline}</div>'.encode(), b"")
    assert extract_article(linked, URL, now=NOW)["published_at"] is None  # a list's link


def test_a_title_cut_at_a_bare_hyphen_finds_the_printed_headline_and_its_header() -> None:
    """``<title>标题-新派网-新派客户端</title>``: a hyphen without spaces is no separator in
    general (``道奇3-2战胜游骑兵``), but the part the page prints whole is the headline, and
    the header after it holds the byline (wfcmw)."""
    headline = "新派锐评丨三维联动协同发力 潍坊立体交通网擘画发展新图景"
    html = f"""<html><head><meta charset="utf-8"><title>{headline}-新派网-新派客户端</title></head>
<body><div class="page-title">{headline}</div>
<div class="page-tips"><span>2025-12-18 20:58:59</span>
<span>编辑：韩佳</span></div><article><p>三维联动协同发力</p><p>□新派特约评论员 齐晓军 闫轶哲</p>
<section><p>{TEXT}</p><p>{TEXT}</p></section></article></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert (record["title"], record["author"]) == (headline, "齐晓军、闫轶哲")
    sport = "MLB-巴恩斯延长局再见安打 道奇3-2战胜游骑兵"
    html = f"""<html><head><meta charset="utf-8"><title>{sport}</title></head><body>
<h1>{sport}</h1><div class="article"><p>{TEXT}</p></div></body></html>""".encode()
    assert extract_article(html, URL, now=NOW)["title"] == sport


def test_a_linked_copy_of_the_headline_is_not_its_twin() -> None:
    """An e-paper's page index links the article by its headline; the header after that list
    (the edition's masthead) is not the article's."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<table><tr><td class="black"><a href="./content_1.htm">{TITLE}</a></td></tr></table>
<div>第A04版：小记者训练营 2022年02月12日</div>
<table><tr><td class="font01">{TITLE}</td></tr></table>
<div class="article"><p>{TEXT}</p></div></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert record["published_at"] is None and record["author"] is None


def test_an_empty_share_bar_does_not_use_up_the_header() -> None:
    """Hundreds of spaces of indentation in icon links between the headline and the date
    (rfi) are not text: the date line after them is still the header's, and beats <meta>."""
    bar = '<div class="shares">' + ("\n" + " " * 40 + '<a href="#"></a>') * 12 + "</div>"

    def published(printed: str, machine: str) -> str:
        html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title>
<meta property="article:published_time" content="{machine}"></head><body>
<article><h1>{TITLE}</h1>{bar}<div class="t-content__dates">发表时间： {printed}</div>
<div class="article"><p>{TEXT}</p></div></article></body></html>"""
        return extract_article(html.encode(), URL, now=NOW)["published_at"]

    assert published("2022-02-06 13:48", "2022-02-06T05:48:06+08:00") == \
        "2022-02-06T13:48:00+08:00"
    # the page abroad: its printed wall clock is the UTC instant at +01:00 (Paris), and the
    # day/month order of 06/02/2022 is the one the machine date agrees with
    assert published("06/02/2022 - 13:48", "2022-02-06T12:48:06+00:00") == \
        "2022-02-06T13:48:00+01:00"
    # a stray Z on the printed wall clock is not a zone; the portal's own offset is no news
    assert published("2022-02-06 13:48", "2022-02-06T13:48:00Z") == "2022-02-06T13:48:00+08:00"
    assert published("2022-02-06 13:48", "2022-02-06T05:48:00+00:00") == \
        "2022-02-06T13:48:00+08:00"
    assert published("2022-02-06 13:48", "2022-02-06T11:48:00+08:00") == \
        "2022-02-06T13:48:00+08:00"  # a time in the portal's offset: an update, not a zone


def test_a_midnight_time_element_takes_the_time_it_prints() -> None:
    """``<time datetime="2018/09/16 00:00">2018年09月16日 15:31</time>``: a template that
    formats the attribute from the day alone (chinatimes)."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<h1>{TITLE}</h1><p>{TEXT}</p><div class="article"><p>{TEXT}</p><p>{TEXT}</p></div>
<time datetime="2018/09/16 00:00">2018年09月16日 15:31</time></body></html>"""
    record = extract_article(html.encode(), URL, now=NOW)
    assert record["published_at"] == "2018-09-16T15:31:00+08:00"
    midnight = html.replace("15:31", "00:00")
    assert extract_article(midnight.encode(), URL, now=NOW)["published_at"] == \
        "2018-09-16T00:00:00+08:00"


def test_a_row_whose_cell_has_a_title_class_heads_the_text() -> None:
    """``<title>`` names only the site; the headline is the ``td.bt_title`` in the row above
    the text's, and a "next article" box is never the headline."""
    html = f"""<html><head><meta charset="utf-8"><title>北医新闻网_(新闻)</title></head><body>
<table><tr><td class="bt_title">李简——新外科运动向我们走来</td></tr><tr><td><br></td></tr>
<tr><td><div class="bt_content"><p>{TEXT}</p><p>{TEXT}</p></div></td></tr></table>
</body></html>""".encode()
    assert extract_article(html, URL, now=NOW)["title"] == "李简——新外科运动向我们走来"
    nav = html.replace(b'class="bt_title">', b'class="adjacent-post-title">\xe4\xb8\x8b\xe4\xb8'
                       b'\x80\xe7\xaf\x87 :</td><td>')
    assert extract_article(nav, URL, now=NOW)["title"] != "下一篇 :"


@pytest.mark.parametrize(("title_tag", "headline_html", "expected"), [
    # <title> names nothing: the emphasised, centered line before the text is the headline
    ("显示", "<p align='center'><font color=darkblue><strong>犬儒病(上)</strong></font></p>",
     "犬儒病(上)"),
    ("谢谢您访问〖关注中国中心〗",
     '<table><tr><td align="center"><b><br><font size="3" color="blue">茉莉：我是怎样卷入八九民运的'
     "</b></font><br></td></tr></table>", "茉莉：我是怎样卷入八九民运的"),
    # no <title> at all; a class that names a heading
    ("", '<div class="Heading"> 广汽回应现代合资内幕 全面合作项目即将展开 </div>',
     "广汽回应现代合资内幕 全面合作项目即将展开"),
    # the site first in <title>: the part the page prints is the headline
    ("多维博客 » 播客热潮迅速蔓延 挑逗传统传媒业",
     '<p><a href="/">多维博客</a></p><P align=center><FONT size=5>播客热潮迅速蔓延 挑逗传统传媒业'
     "</FONT></P>", "播客热潮迅速蔓延 挑逗传统传媒业"),
])
def test_headlines_of_pages_without_heading_tags(title_tag: str, headline_html: str,
                                                 expected: str) -> None:
    head = f"<title>{title_tag}</title>" if title_tag else ""
    html = f"""<html><head><meta charset="utf-8">{head}</head><body>
<div><a href="/">首页</a> <a href="/news">新闻</a></div>{headline_html}
<table><tr><td class="Content"><p>{TEXT}</p><p>{TEXT}</p></td></tr></table></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["title"] == expected


def test_the_bold_headline_above_a_text_that_starts_after_a_bold_desk_name() -> None:
    """大公网湖南: the headline in ``<p><b>…</b></p>``, a meta line whose source is in bold,
    then a text whose first paragraph opens with the desk in bold (``<p><strong>大公网</strong>
    怀化9月27日讯…``) and has bold subheadings further down: the text starts in that tail."""
    headline = "提高医疗教育水平，助力五郎溪村脱贫"
    html = f"""<html><head><meta charset="utf-8">
<title>【精准脱贫在三湘】{headline} 大公网湖南</title></head><body>
<div class="md" id="name"><p><b>{headline}</b></p></div>
<div><p><span>时间：2019/9/27 15:58:31</span> | 来源：<b>大公网湖南</b></p></div>
<div class="main"><p> <strong>大公网</strong>怀化9月27日讯（记者李颖）{TEXT}</p>
<p> <strong>改善医疗条件，提升医疗服务能力</strong></p><p>{TEXT}</p></div></body></html>"""
    record = extract_article(html.encode(), URL, now=NOW)
    assert record["title"] == headline
    assert record["published_at"] == "2019-09-27T15:58:31+08:00"


def test_an_e_paper_title_naming_the_page_names_no_story() -> None:
    """贵州日报's e-paper: ``<title>贵州日报 -15版:文化遗产-2018年03月07日</title>``, the page's
    other stories linked beside, the headline in an ``<h2>`` between an empty ``<h3>`` and a
    hidden ``<h4>``."""
    headline = "乡愁以文化遗产为载体进行表达"
    html = f"""<html><head><meta charset="utf-8"><title>
        贵州日报
        -15版:文化遗产-2018年03月07日</title></head><body>
<div class="list"><a href="Articel15009JQ.htm">保护文化遗产,就是保护文化尊严与文化认同</a>
<a href="Articel15010JQ.htm">{headline}</a></div>
<h3> </h3><h2> {headline} </h2><h4 style="display: none"> </h4>
<div id="ozoom"><p>{TEXT}</p><p>{TEXT}</p></div></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["title"] == headline


def test_a_hidden_count_glued_to_the_date_above_the_headline() -> None:
    """福布斯中文网: ``<p class="s"><span class="view hide">1859</span><span>2019年10月14日
    </span></p>`` over the ``<h2>``: the hidden view count is not read into the date's year."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}-福布斯中国</title></head><body>
<div class="article-detail"><div class="info"><p class="s"><span class="view hide">1859</span><span
>2019年10月14日</span></p><h2 class="title">{TITLE}</h2></div>
<div class="con"><p>{TEXT}</p><p>{TEXT}</p></div></div></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["published_at"] == \
        "2019-10-14T00:00:00+08:00"


def test_a_date_line_right_above_the_headline() -> None:
    """A blog theme prints the post's date over its title, in English; an edition's masthead
    over the headline is not a date line."""
    def published(above: str) -> str | None:
        html = f"""<html><head><meta charset="utf-8"><title>博客 » {TITLE}</title></head><body>
<div class="top"><P> {above} </p><P align=center><FONT size=5>{TITLE}</FONT></p></div>
<div class="article"><p>{TEXT}</p><p>{TEXT}</p><p>{TEXT}</p></div></body></html>"""
        return extract_article(html.encode(), URL, now=NOW)["published_at"]

    assert published("Saturday, September 10th, 2005 &nbsp; 10:56 am") == \
        "2005-09-10T10:56:00+08:00"
    assert published("第A04版：小记者训练营 2022年02月12日") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("李简——新外科运动向我们走来", True),
    ("相關文章", False),  # a box's heading
    ("下一篇 :", False),
    ("当前位置:", False),  # a breadcrumb's label in <strong>, on a page that lost its title
    ("2014-12-17 (16:31)", False),  # span.newsheadlinetime: a date, not a headline
    ("2019年中国人文地理学术年会在重庆举行", True),  # a year in a headline is fine
])
def test_what_could_be_a_headline(text: str, expected: bool) -> None:
    assert could_be_headline(text) is expected


@pytest.mark.parametrize(("title_tag", "og_title"), [
    ("廉署貪污舉報今年跌11% - 星島日報網頁", ""),
    (" - 星島日報網頁", "廉署貪污舉報今年跌11%- 星島日報網頁"),  # no headline in <title>
])
def test_a_headline_printed_loose_after_an_element(title_tag: str, og_title: str) -> None:
    """``</form>廉署貪污舉報今年跌11% (港聞) <span class="newsheadlinetime">2014-12-17 (16:31)``:
    the headline is a tail text in a cell, not an element; the header starts after it."""
    og = f"<meta property='og:title' content='{og_title}'/>" if og_title else ""
    html = f"""<html><head><meta charset="utf-8"><title>{title_tag}</title>{og}</head><body>
<table><tr><td><form><select><option>港聞新聞</option></select></form> 廉署貪污舉報今年跌11% (港聞)
<span class="newsheadlinetime"><br>2014-12-17 (16:31) </span></td></tr>
<tr><td class="bodytext"><p>{TEXT}</p><p>{TEXT}</p></td></tr></table></body></html>"""
    record = extract_article(html.encode(), URL, now=NOW)
    assert (record["title"], record["published_at"]) == (
        "廉署貪污舉報今年跌11%", "2014-12-17T16:31:00+08:00")


def test_the_top_of_the_text_when_nothing_marks_the_headline() -> None:
    """``<title>`` is the site's name and no element marks the headline: the text's first line
    over a date line is the headline, and that date the page's (bcc); an opening dateline
    dates a page that prints no other date (newtalk)."""
    html = f"""<html><head><meta charset="utf-8"><title>中國廣播公司全球資訊網</title></head><body>
<div class="news"><p>強烈大陸冷氣團明發威 愈晚愈冷</p><p>2014/12/11 18:58 報導</p>
<p>{TEXT}</p><p>{TEXT}</p></div></body></html>"""
    record = extract_article(html.encode(), URL, now=NOW)
    assert (record["title"], record["published_at"]) == (
        "強烈大陸冷氣團明發威 愈晚愈冷", "2014-12-11T18:58:00+08:00")
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<h1>{TITLE}</h1><div class="news"><p>新頭殼newtalk2014.10.24 金名/高雄報導</p>
<p>{TEXT}</p><p>{TEXT}</p></div></body></html>"""
    record = extract_article(html.encode(), URL, now=NOW)
    assert (record["published_at"], record["author"]) == ("2014-10-24T00:00:00+08:00", "金名")


def test_a_day_first_time_element_read_the_way_the_page_publish_time_agrees() -> None:
    """``<time datetime="01/12/2025 11:44">`` on a Singapore site is 1 December: the
    ``cXenseParse:recs:publishtime`` tag of SPH's pages (zaobao, 8world) says so."""
    def published(machine: str) -> str | None:
        head = f'<meta name="cXenseParse:recs:publishtime" content="{machine}"/>' if machine else ""
        html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title>{head}</head><body>
<h1>{TITLE}</h1><div class="article"><p>{TEXT}</p><p>{TEXT}</p></div>
<div class="article-time"><time class="time" datetime="01/12/2025 11:44">01/12/2025 11:44</time>
</div></body></html>"""
        return extract_article(html.encode(), URL, now=NOW)["published_at"]

    assert published("2025-12-01T10:56:00+08:00") == "2025-12-01T11:44:00+08:00"
    assert published("") == "2025-01-12T11:44:00+08:00"  # nothing says otherwise: month first


@pytest.mark.parametrize(("badge", "expected"), [
    ('<div class="day">21</div><div class="year">2024年02月</div>', "2024-02-21T00:00:00+08:00"),
    ("<span>5</span><span>2023-11</span>", "2023-11-05T00:00:00+08:00"),
    ("<span>31</span><span>2023-11</span>", None),  # no such day
    ("<span>阅读 21</span><span>2024年02月19日</span>", "2024-02-19T00:00:00+08:00"),
    ("<span>第 3 版</span>", None),
])
def test_a_calendar_badge_under_the_headline(badge: str, expected: str | None) -> None:
    """A badge prints the day big and the year and month under it, in two elements."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<div class="news"><h5>{TITLE}</h5><div class="data">{badge}</div>
<div class="text"><p>{TEXT}</p><p>{TEXT}</p></div></div></body></html>"""
    record = extract_article(html.encode(), URL, now=NOW)
    assert record["published_at"] == expected
    assert record["date_precision"] == ("day" if expected else None)


def test_the_heading_og_title_names_when_the_title_tag_is_the_site() -> None:
    """Sing Pao: ``<title>`` is the paper's name, ``og:title`` wraps the headline, which the
    page prints in ``td.news_title`` above its date; the lead's emphasised line is no title."""
    headline = "郵票 車票 場刊 小冊子 紙品收藏見證香港文化"
    html = f"""<html><head><meta charset="utf-8"><title>成報 SING PAO DAILY NEWS</title>
<meta property="og:title" content="成報新聞({headline})"/></head><body><table>
<tr><td class="news_title">{headline}</td></tr><tr><td class="date">發佈日期 : 2017-09-10</td></tr>
<tr><td><table><tr><td><div><div><div><div><font><b>吳貴龍正籌備推出第八本書，主題是李小龍。</b>
</font><p>{TEXT}</p><p>{TEXT}</p></div></div></div></div></td>
<td><a href="/1">熱門新聞：港股今日收市</a><a href="/2">天氣：明日有雨</a></td></tr></table>
</td></tr></table></body></html>"""
    record = extract_article(html.encode(), URL, now=NOW)
    assert (record["title"], record["published_at"]) == (headline, "2017-09-10T00:00:00+08:00")


@pytest.mark.parametrize(("header", "expected"), [
    # zaobao: the update first, then the publication, each after its word
    ("赵世楚 更新 / 2023年11月24日 6:57 PM 发布 / 2023年11月24日 5:47 PM",
     "2023-11-24T17:47:00+08:00"),
    ("更新时间：2023-11-24 18:57 发布时间：2023-11-24 17:47", "2023-11-24T17:47:00+08:00"),
    ("发布时间：2023-11-24 17:47 更新时间：2023-11-24 18:57", "2023-11-24T17:47:00+08:00"),
    ("更新 2011-06-03 8:24 AM", "2011-06-03T08:24:00+08:00"),  # only an update: it is the date
])
def test_the_publication_beats_the_update_printed_before_it(header: str, expected: str) -> None:
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<h1>{TITLE}</h1><div class="info">{header}</div><div class="text"><p>{TEXT}</p></div>
</body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["published_at"] == expected


def test_a_date_a_sentence_goes_on_after_is_the_storys() -> None:
    """jiemian's header date is printed by a script; the header text then runs into the story,
    whose ``2018年5月15日，鸟巢，…`` is no publication date. A date printed in another form
    before it still is (``@ 08-24-2013``, then ``1967年8月24日，…``)."""
    def published(header: str) -> str | None:
        html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<div class="article"><h1>{TITLE}</h1><div class="info">{header}</div><p>{TEXT}</p></div>
</body></html>"""
        return extract_article(html.encode(), URL, now=NOW)["published_at"]

    assert published("龚进辉 · <span data-article-publish-time='1764295588'></span> 2018年又陷入"
                     "至暗时刻。 2018年5月15日，鸟巢，锤子科技万众期待的产品终于揭开面纱") is None
    assert published("熱血編輯部 @ 08-24-2013 / 1 year ago 1967年8月24日，林彬駕駛私家車") == \
        "2013-08-24T00:00:00+08:00"
    assert published("2018年5月15日 10:20 来源：新华网") == "2018-05-15T10:20:00+08:00"


def test_a_header_date_past_hundreds_of_spaces_of_indentation() -> None:
    """xinminweekly's template indents its meta line so deeply that the date falls outside the
    header zone as the source counts it; with nothing else dating the page, it is still read.
    A date that a sentence goes on after is the story's, never the page's."""
    pad = "\n" + " " * 60

    def html(date_line: str) -> bytes:
        return f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<h2 class="title">{TITLE}</h2><div class="info"><span>{pad}<span>{pad}来源：新民周刊{pad}
<font>撰稿：徐   枫</font>{pad}</span>{pad}<img src="t.png">{pad}{date_line}{pad}</span></div>
<article><p>{TEXT}</p></article></body></html>""".encode()

    record = extract_article(html("2023-05-31 08:58"), URL, now=NOW)
    assert record["published_at"] == "2023-05-31T08:58:00+08:00"
    assert extract_article(html("2023年5月31日，鸟巢，"), URL, now=NOW)["published_at"] is None


def test_a_twin_heading_dates_the_page_when_the_first_ones_date_is_the_storys() -> None:
    """jiemian prints its header twice: the first copy's date is filled in by a script, so the
    first date after it is the story's (``2018年5月15日，鸟巢，…``); the immersive-reading copy
    prints the page's date."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<div class="main"><h1>{TITLE}</h1><p class="date"></p>
<div class="article"><p>2018年5月15日，鸟巢，锤子科技万众期待的产品终于发布。{TEXT}</p></div></div>
<ul class="related"><li>2025-12-14 11:29 另一篇文章</li></ul>
<div class="immersive"><h1>{TITLE}</h1>
<p><span>龚进辉</span> <span>2025/11/28 10:06</span></p></div>
</body></html>""".encode()
    assert extract_article(html, URL, now=NOW)["published_at"] == "2025-11-28T10:06:00+08:00"


def test_a_page_without_any_title_takes_its_first_headline_heading() -> None:
    """A crawler's own HTML around the article (no <title>, no og:title): the <h3> over the
    date line is the headline, and it is not repeated as the body's first line."""
    headline = "学校举办关爱自闭症儿童徒步活动"
    html = f"""<html><meta charset='UTF-8'><body><h3>{headline}</h3>
<p>发布日期：2017-05-10| 阅读次数：</p><p>{TEXT}</p><p>{TEXT}</p></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert record["title"] == headline and not record["body"].startswith(headline)
    titled = html.replace(b"<body>", "<title>另一个标题_示例网</title><body>".encode())
    assert extract_article(titled, URL, now=NOW)["title"] != headline  # <title> decides


def test_markup_printed_as_text_is_not_part_of_the_title() -> None:
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}_示例网</title></head><body>
<h1>{TITLE} &lt;BR&gt;</h1><div class="article"><p>{TEXT}</p></div></body></html>""".encode()
    assert extract_article(html, URL, now=NOW)["title"] == TITLE


def test_a_reprint_dated_by_its_original_at_its_end() -> None:
    """No date near the headline, and the text ends by naming where and when it first ran."""
    def html(ending: str) -> bytes:
        return f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<h1>{TITLE}</h1><div class="article"><p>{TEXT}</p><p>{TEXT}</p><p>{TEXT}</p><p>{ending}</p>
</div></body></html>""".encode()

    record = extract_article(html("（作者：北京大学教授 尚俊杰）原载于《光明日报》2019年5月28日"),
                             URL, now=NOW)
    assert (record["published_at"], record["date_precision"]) == (
        "2019-05-28T00:00:00+08:00", "day")
    story = html("2019年5月28日，他在北京说。")
    assert extract_article(story, URL, now=NOW)["published_at"] is None


def test_a_header_that_only_indentation_and_comments_precede() -> None:
    """CSDN's 2020 template follows the headline with hundreds of characters of indentation
    and comments (``<!--文章类型-->``) before any text: the header as the source counts it is
    empty, so it is read as the page prints it, for every field. A year-less archive link
    elsewhere (``7-3``) never dates the page."""
    pad = "\n" + " " * 60
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}_前端小智-CSDN博客</title></head>
<body><div class="archive"><a href="/2020/07">7-3</a></div><div class="article-header">
<h1 class="title-article">{TITLE}</h1></div>{pad}<div class="article-info-box">{pad}
<!--文章类型-->{pad}<!--原创-->{pad}<img src="original.png">{pad}<!--翻译-->{pad}<!--转载-->
{pad}<div class="bar-content">{pad}<a class="follow-nickName" href="https://me.csdn.net/qq4">
前端小智</a>{pad}<span class="time">2020-07-02 08:25:00</span>{pad}<span>495</span></div></div>
<article><p>{TEXT}</p></article></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert record["published_at"] == "2020-07-02T08:25:00+08:00"
    assert record["author"] == "前端小智"


@pytest.mark.parametrize(("under_headline", "expected"), [
    # a related document's date under the headline: the disclosure table's date is the record's
    ("访问量：1632 关联稿件： 图文解读：《统计公报》 2023-07-12", "2023-05-11T00:00:00+08:00"),
    # a labelled publish time under the headline comes first (lishui: 成文日期 is the writing)
    ("发布时间：2023-10-23 08:59 浏览次数： 信息来源：市府办", "2023-10-23T08:59:00+08:00"),
])
def test_a_government_page_s_disclosure_table(under_headline: str, expected: str) -> None:
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<div class="xxgk"><dl><dd><label><font>索\u2002引\u2002号：</font></label>
<div>014742224A/2023-0043406</div></dd><dd><label><font>生成日期：</font></label>
<div>2023-05-11</div></dd><dd><label><font>责任部门：</font></label><div>统计局</div></dd></dl></div>
<h1>{TITLE}</h1><div class="info">{under_headline}</div>
<article><p>{TEXT}</p></article></body></html>""".encode()
    assert extract_article(html, URL, now=NOW)["published_at"] == expected


def test_a_headline_in_a_title_classed_box_when_the_title_tag_is_the_site_s_name() -> None:
    """Nankai's college site prints the same ``<title>`` on every page and its headline in a
    ``div.news-detail-title``, with the date under it in the next box; of several title-classed
    boxes, the one its date follows closest (a sidebar's ``学院公告栏目`` is further)."""
    html = f"""<html><head><meta charset="utf-8"><title>计算机学院-南开大学</title></head><body>
<div class="side-title">学院公告栏目</div>
<div class="body-news"><div><div class="news-detail-title">{TITLE}</div></div>
<div class="row"><div class="row nav-bar-style"><i class="fa"></i><span>发布时间：</span>
<span>2025-02-26 14:11:37</span><span>发布人：</span><span>葛路</span></div>
<div class="body-news-detail"><p><p><span>一、实验室简介</span></p><p><span>{TEXT}</span></p>
<p><span>二、开放课题申请对象</span></p><p><span>{TEXT}</span></p></p></div></div></div>
</body></html>""".encode()
    from newscrawler.extract.article import INDEX_KEYS, parse_html
    from newscrawler.extract.index import PageIndex
    from newscrawler.extract.profile import DEFAULT_PROFILE
    from newscrawler.extract.title import extract_title

    root = parse_html(html)
    title, node = extract_title(root, PageIndex(root, *INDEX_KEYS, source=html), DEFAULT_PROFILE)
    assert title == TITLE and node is not None and node.get("class") == "news-detail-title"
    record = extract_article(html, URL, now=NOW)
    assert record["title"] == TITLE
    assert record["published_at"] == "2025-02-26T14:11:37+08:00"


def test_a_closing_edit_time_when_the_header_prints_only_a_relative_date() -> None:
    """Zhihu's columns print ``6 个月前`` under the headline and ``编辑于 2022-12-15 09:25`` after
    the text; the sentences of the text that use a label word (``…所耗费时间的平均值。``) hold
    no colon and no digit, and are passed over on the way to it."""
    sentences = "".join(f"<li>每个软件问题从发现到修复所耗费时间的平均值{'。' * i}</li>"
                        for i in range(1, 10))
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE} - 知乎</title></head><body>
<article><h1 class="Post-Title">{TITLE}</h1><div class="meta">6 个月前 · 来自专栏 测试</div>
<div class="Post-RichText"><p>{TEXT}</p><ul>{sentences}</ul><p>{TEXT}</p></div>
<div class="ContentItem-time">编辑于 2022-12-15 09:25<!-- -->・IP 属地浙江</div></article>
</body></html>""".encode()
    assert extract_article(html, URL, now=NOW)["published_at"] == "2022-12-15T09:25:00+08:00"


@pytest.mark.parametrize(("machine", "expected"), [
    # JoongAng: the <meta> states Seoul's offset, and its wall clock is the printed one
    ("2025-02-07T11:05:18+09:00", "2025-02-07T11:05:00+09:00"),
    ("2024-12-22T11:05:00-05:00", "2024-12-22T11:05:00-05:00"),
    # another time in another offset (an update): the printed time keeps the portal's zone
    ("2025-02-07T14:30:00+09:00", "2025-02-07T11:05:00+08:00"),
])
def test_a_printed_time_in_the_offset_its_meta_date_states(machine: str, expected: str) -> None:
    day = expected[:10].replace("-", ".")
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title>
<meta property="article:published_time" content="{machine}"></head><body>
<h1>{TITLE}</h1><div class="info">金炯九 记者 上传 {day} 11:05</div>
<article><p>{TEXT}</p></article></body></html>""".encode()
    assert extract_article(html, URL, now=NOW)["published_at"] == expected


def test_the_input_time_korean_papers_print() -> None:
    """Chosun Ilbo's Chinese edition prints ``输入 : 2025-02-10 10:12 | 更新 : …`` at the end."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<h1>{TITLE}</h1><div class="byline">金泰勋 朝鲜日报评论委员</div>
<article><p>{TEXT}</p><p>{TEXT}</p><p>{TEXT}</p></article>
<div class="date_info">输入 : 2025-02-10 10:12 | 更新 : 2025-02-10 11:26</div></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["published_at"] == \
        "2025-02-10T10:12:00+08:00"


def test_a_date_alone_in_an_element_of_the_heading() -> None:
    """科學月刊: ``<h3><small>2018-08-01</small>标题 <span>584 期</span></h3>``."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE} - 科學月刊</title></head><body>
<h3><small> 2018-08-01</small>{TITLE} <span class="np">584 期</span></h3>
<div class="txt"><p>{TEXT}</p></div></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert record["published_at"] == "2018-08-01T00:00:00+08:00"
    assert record["title"] == TITLE


def test_a_labelled_day_without_a_year_loses_to_the_header_s_full_date() -> None:
    """Sina Taiwan: ``北京新浪網 (2020-01-21 11:12) 分享| 日期:1月21日，凱爾特人…``: the label
    starts the story's dateline, whose year a reader takes from the date above it."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<h1>{TITLE}</h1><div class="cite">北京新浪網 (2020-01-21 11:12) 分享|</div>
<div class="article"><p>日期:1月21日，{TEXT}</p></div></body></html>""".encode()
    assert extract_article(html, URL, now=NOW)["published_at"] == "2020-01-21T11:12:00+08:00"
    alone = html.replace("北京新浪網 (2020-01-21 11:12) 分享|".encode(), "分享|".encode())
    assert extract_article(alone, URL, now=NOW)["published_at"] == "2026-01-21T00:00:00+08:00"


def test_the_headline_above_a_date_line_when_the_title_names_only_the_section() -> None:
    """东方网's special topics: ``<title>要闻-2019上海市民修身行动</title>``, no heading element,
    the headline in a styled ``<div>`` right above a line that is only the date."""
    html = f"""<html><head><meta charset="utf-8"><title>要闻-2019上海市民修身行动</title></head>
<body><div class="nav">当前位置：<a href="/">专题首页</a> >> 稿件</div>
<div class="fc pix16bhui">{TITLE}</div><div class="blank20 pix12hui fc">2019年10月8日 16:57</div>
<div class="pix14hui"><p>{TEXT}</p></div></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert record["title"] == TITLE
    assert record["published_at"] == "2019-10-08T16:57:00+08:00"
    linked = html.replace(f'<div class="fc pix16bhui">{TITLE}</div>'.encode(),
                          f'<div class="fc"><a href="/a/2.html">{TITLE}</a></div>'.encode())
    assert extract_article(linked, URL, now=NOW)["title"] != TITLE  # a related item's link


def test_the_headline_above_a_meta_line_whose_source_is_printed_before_the_date() -> None:
    """广东气象网: ``<title>综合消息</title>``, the headline in ``<p class="content-topic">``,
    then ``<p><span>广东省GD121 | </span><span>2020-04-18</span></p>``: the source before the
    date is the meta line's item, and the headline is above the whole line."""
    headline = "18-20日广东多云有雾 21-24日阴雨寒凉"
    html = f"""<html><head><meta charset="utf-8"><title>综合消息</title></head><body>
<div><span class="channel">资讯 &gt;<a href="/zx/">综合消息</a></span>
</div><div class="left-content-main"><p></p><p class="content-topic">{headline}</p>
<p class="type-time"><span class="content-type">广东省GD121 | </span>
<span class="content-time"> 2020-04-18 </span></p><p>{TEXT}</p></div></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert record["title"] == headline
    assert record["published_at"] == "2020-04-18T00:00:00+08:00"


def test_a_bracketed_date_in_the_heading_s_own_element_is_not_the_headline_s() -> None:
    """上海交通大学's notices: ``<h2>标题 <small>( 2020年09月29日 )</small> <!--…--></h2>``
    under a column heading, a ``<title>`` naming the site first."""
    html = f"""<html><head><meta charset="utf-8"><title>上海交通大学中文主页_{TITLE}_</title></head>
<body><h3 class="page-title"><span>通知公告</span></h3><div class="Article">
<h2 id="ivs_title" class="Article-title">{TITLE} <small id="ivs_date" class="Article-time">
( 2020年09月29日 )</small> <!--<div class="Article-time"><span>供稿单位：档案文博管理中心</span>
</div>--></h2>
<div class="Article-content"><p>{TEXT}</p><p>{TEXT}</p></div></div></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert record["title"] == TITLE
    assert record["published_at"] == "2020-09-29T00:00:00+08:00"


def test_a_date_in_the_heading_s_own_span_is_not_the_headline_s() -> None:
    """裕渤财行: ``<h3>标题<span>2015-10-22</span></h3>``, then a text that dates an event."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}_裕渤财行</title></head><body>
<div class="content"><h3>{TITLE}<span>2015-10-22</span></h3>
<div class="text"><p>近日，公司已于2015年9月29日完成工商变更登记。{TEXT}</p></div></div>
</body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert record["title"] == TITLE
    assert record["published_at"] == "2015-10-22T00:00:00+08:00"


def test_an_issue_number_in_the_heading_s_last_element_is_left_out() -> None:
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE} - 科學月刊</title></head><body>
<h3>{TITLE} <span class="np">584 期</span></h3><div class="txt"><p>{TEXT}</p></div>
</body></html>""".encode()
    assert extract_article(html, URL, now=NOW)["title"] == TITLE


def test_a_title_naming_only_the_site_printed_beside_the_date() -> None:
    """金殿环球: ``<title>金殿环球</title>``; the headline is a title-classed box ending with a
    back button, and the site's name is printed again where a byline would be."""
    html = f"""<html><head><meta charset="utf-8"><title>金殿环球</title></head><body>
<div class="news-detail-header"><p class="title text-center">{TITLE}
<a href="javascript:window.history.back()" class="btn">返回</a></p>
<span class="small">金殿环球</span> <span class="small text-grey">2017-09-01 18:48</span></div>
<div class="news-detail-content"><p>{TEXT}</p></div></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert record["title"] == TITLE
    assert record["published_at"] == "2017-09-01T18:48:00+08:00"


def test_a_date_after_a_preposition_is_the_story_s() -> None:
    """新欧移民: the text follows the headline with no header; ``于2016年9月2日`` dates an event.
    ``更新于2020年11月20日`` is a label, not a preposition."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<h1>{TITLE}</h1><div class="content"><p>据报道，巨头将进军市场。 柏林消费电子展于2016年9月2日-7日
在德国举办。{TEXT}</p></div></body></html>""".encode()
    assert extract_article(html, URL, now=NOW)["published_at"] is None
    labelled = html.replace("柏林消费电子展于".encode(), "更新于".encode())
    assert extract_article(labelled, URL, now=NOW)["published_at"] == "2016-09-02T00:00:00+08:00"


@pytest.mark.parametrize(("raw", "expected"), [
    (f"{TITLE}-西安交通大学新闻网", TITLE),
    (f"{TITLE}-24小时-虎嗅网", TITLE),  # the channel before the site
    (f"{TITLE}-河南达丰财务官网", TITLE),
    ("2018-2019赛季总结", "2018-2019赛季总结"),  # a hyphen inside a headline
    ("中美贸易-最新进展", "中美贸易-最新进展"),  # no site's ending
])
def test_a_site_name_glued_on_by_a_hyphen(raw: str, expected: str) -> None:
    assert clean_page_title(raw)[1] == expected


def test_a_heading_going_on_with_the_page_s_keywords_is_not_the_title() -> None:
    """达丰财务: ``<title>标题-河南达丰财务官网</title>`` and an element printing
    ``标题_郑州工商注册-郑州代理记账-…``: the <title>'s headline, not the keywords run."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}-河南达丰财务官网</title></head>
<body><div id="header"><h1>{TITLE}_郑州工商注册-郑州代理记账-郑州财务公司-郑州出口退税</h1></div>
<div class="title2 tc"><span>{TITLE}</span><p>作者：达丰财务</p></div>
<div class="content"><p>{TEXT}</p></div></body></html>""".encode()
    assert extract_article(html, URL, now=NOW)["title"] == TITLE


def test_a_byline_in_small_print_after_the_heading_s_break() -> None:
    """aka.org.cn (1999): ``<h1>标题<br><font size="2">WaterBird<br><a>[返回]</a></font></h1>``;
    PHPCMS v9 prints its meta line so too. Neither is headline nor text."""
    html = f"""<html><head><meta charset="gb2312"><title>{TITLE[:7]}</title></head><body>
<table><tr><td><h1 align="center">{TITLE}<br>
<font size="2">WaterBird<br><a href="aka1-cover.html">[返回]</a></font></h1>
<p>{TEXT}</p></td></tr></table></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert record["title"] == TITLE
    assert "WaterBird" not in record["body"] and record["body"].startswith("这是一篇")


def test_a_heading_that_is_a_later_piece_of_a_title_naming_the_site_first() -> None:
    """南方周末: ``<title>南方周末 - 标题</title>``, the <h1> prints the headline; a blog's
    ``<title>文章 | 博客名</title>`` with the blog's name as a heading keeps the article."""
    html = f"""<html><head><meta charset="utf-8"><title>南方周末 - {TITLE}</title></head>
<body><article><section class="titleArea"><div id="detailContent">
<h1 class="articleHeadline clearfix">{TITLE}<span class="printBut"></span></h1>
<div class="information"><p class="relInfo"><span class="author"><em>作者：<span
class="authorTitle">南方周末记者</span> <span class="authorName">雍兴中</span> <span
class="authorTitle">南方周末实习生</span> <span class="authorName">朱亮韬</span></em></span></p>
<em class="pubTime">2014-05-15 11:11:43</em></div></div></section>
<div class="fullContent"><section id="articleContent"><p>{TEXT}</p><p>{TEXT}</p></section>
</div></article></body></html>""".encode()
    assert extract_article(html, URL, now=NOW)["title"] == TITLE
    blog = f"""<html><head><meta charset="utf-8"><title>{TITLE} | Deep Thought</title></head>
<body><h1 class="site-title">Deep Thought</h1><h2 class="post-title">{TITLE}</h2>
<div class="content"><p>{TEXT}</p></div></body></html>""".encode()
    assert extract_article(blog, URL, now=NOW)["title"] == TITLE


def test_a_date_in_the_heading_beats_the_meta_tags_when_nothing_follows_the_heading() -> None:
    """``<h3>标题<span>2015-10-22 10:30</span></h3>`` with the text in a box before it: the
    printed date, not a machine date another day, and the headline without it."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title>
<meta property="article:published_time" content="2015-10-25T08:00:00+08:00"></head><body>
<div class="txt"><p>{TEXT}</p></div><h3>{TITLE}<span>2015-10-22 10:30</span></h3>
</body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert record["published_at"] == "2015-10-22T10:30:00+08:00"
    assert record["title"] == TITLE


@pytest.mark.parametrize(("text", "alone"), [
    (" 2018-08-01 ", True), ("2015年10月22日 10:30", True), ("2018-08-01 584 期", False),
    ("发布时间：2018-08-01", False), ("", False), (None, False),
])
def test_what_counts_as_a_date_alone(text: str | None, alone: bool) -> None:
    assert is_date_alone(text) is alone


@pytest.mark.parametrize("box", ['class="comments"', 'id="comment-list"', 'class="pinglun"'])
def test_the_header_ends_at_a_comment_box(box: str) -> None:
    """A page whose text is shorter than the header zone: the commenters under it, each with a
    name and a date, are no byline and no publish date. Without the box's class or id, the
    same markup would be read as the header (what the test guards against)."""
    comments = f"""<div {box}><h3>网友评论</h3><ul>
<li><span class="user">李四</span> <span class="time">2023-01-05 10:00</span><p>支持！</p></li>
<li><span class="user">王五</span> <span class="time">2023-01-05 11:00</span><p>终于开通了</p></li>
</ul></div>"""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}_示例网</title></head><body>
<div class="main"><h1>{TITLE}</h1>
<div class="content"><p>某地今日开通新公交线路，方便市民出行。</p></div>
{comments}</div></body></html>"""
    record = extract_article(html.encode(), URL, now=NOW)
    assert (record["author"], record["published_at"]) == (None, None)
    plain = html.replace(f"<div {box}>", "<div>")
    record = extract_article(plain.encode(), URL, now=NOW)
    assert (record["author"], record["published_at"]) == ("李四", "2023-01-05T10:00:00+08:00")


def test_an_update_printed_month_first_is_not_the_publish_date() -> None:
    """A header printing its dates month or day first marks the update's: the original's is
    the post's (Barron's), and when the update is the only one, the date above the headline
    is (a Hexo newspaper theme's ``星期六, 五月 3, 2025`` over ``By X Updated 十二月 31,
    2025``)."""
    text = "<p>" + "The company reported earnings on Tuesday, and the stock rose. " * 6 + "</p>"
    both = f"""<html><head><meta charset="utf-8"><title>Home Depot Stock Falls</title></head><body>
<h1>Home Depot Stock Falls</h1><div class="byline">By Al Root
Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET</div>
<div class="article">{text}</div></body></html>"""
    assert extract_article(both.encode(), URL, now=NOW)["published_at"] == \
        "2019-11-19T08:02:00-05:00"  # ET, as printed
    above = f"""<html><head><meta charset="utf-8"><title>{TITLE} | 折鸦</title></head><body>
<div class="post"><p class="date">星期六, 五月 3, 2025</p><h1>{TITLE}</h1>
<p class="by">By 折鸦夜明け前</p><p class="upd">Updated 十二月 31, 2025</p>
<div class="article"><p>{TEXT}</p></div></div></body></html>"""
    assert extract_article(above.encode(), URL, now=NOW)["published_at"] == \
        "2025-05-03T00:00:00+08:00"


@pytest.mark.parametrize(("text", "expected"), [
    ("本报记者 任朝霞", False),  # an e-paper's byline row, classed title3
    ("新华社记者 李四 王五", False),
    ("记者节：致敬新闻工作者", True),  # a headline that starts like a byline
    ("本报记者见闻：在一线", True),
])
def test_a_byline_is_no_headline(text: str, expected: bool) -> None:
    assert could_be_headline(text) is expected


@pytest.mark.parametrize("flag", ["", '<div class="isOriginal" style="display: none;">0</div>'])
def test_a_hidden_copy_of_the_headline_is_not_where_the_header_starts(flag: str) -> None:
    """宁夏新闻网 (TRS): the headline is a plain ``<div>`` (holding a hidden originality flag),
    its date line under it; at the foot, the 网脉 statistics block keeps hidden copies of the
    headline and of a broken day (``2026-38-15``). The header is the visible headline's."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}-宁夏新闻网</title></head><body>
<div class="zwbt">{TITLE}{flag}</div>
<div class="zmm"><span class="terms">2026-04-15 18:38:44</span> 来源:<a>宁夏法治报</a></div>
<div class="article"><p>{TEXT}</p><p>{TEXT}</p></div>
<div id="NewsArticleTitle" style="display:none;">{TITLE}</div>
<div id="NewsEditionName" style="display:none;">警界传真</div>
<div id="NewsArticlePubDay" style="display:none;">2026-38-15</div></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert record["title"] == TITLE
    assert record["published_at"] == "2026-04-15T18:38:44+08:00"
    assert TITLE not in record["body"]


def test_a_hidden_share_copy_above_the_headline_is_not_the_headline() -> None:
    """新华网's specials keep the headline for the share widget in a hidden ``<div>`` at the top
    of ``<body>``; the printed headline below is the header's, and stays out of the body."""
    title = "人民日报评论员：携手创造更加光明的美好未来"
    subtitle = "——四论习近平主席上合组织青岛峰会重要讲话"
    headline = f"\n{title}<br />{subtitle}\n"
    html = f"""<html><head><meta charset="utf-8"><title>{title}{subtitle}-新华网</title>
</head><body><div style="display:none" class="share-title">{headline}</div>
<div class="container cont"><div class="box"><div class="tit">{headline}</div></div>
<div class="box"><div class="info clearfix article"><div class="source">
<span class="time">2018-06-13 21:11:17</span> <span>来源：<em id="source">新华网</em></span></div>
</div></div><div class="box txtcont"><p>{TEXT}</p><p>{TEXT}</p></div></div></body></html>"""
    record = extract_article(html.encode(), URL, now=NOW)
    assert record["title"] == title + subtitle
    assert record["published_at"] == "2018-06-13T21:11:17+08:00"
    assert title not in record["body"]


def test_a_headline_in_an_anchor_without_href_heads_its_date_line() -> None:
    """椰视频 (南海网's video site) prints the headline in an ``<a>`` that links nowhere (HTML's
    placeholder link), its date line right under it."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}——椰视频</title></head><body>
<div class="player"></div><div class="v_brief"><a class="cWhite f22">{TITLE}</a></div>
<div class="v_word"><span>2026年04月15日 17:38</span> <span>来源：南海网</span>
<span>编辑：彭枭</span></div><div class="article"><p>{TEXT}</p></div></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["published_at"] == \
        "2026-04-15T17:38:00+08:00"


def test_a_date_a_sentence_ends_with_is_the_story_s() -> None:
    """国家统计局's announcement prints no date under its headline; the text's first sentence
    ends with the survey's reference day (``调查时点为2019年10月31日。``), which is not when the
    page was published."""
    html = f"""<html><head><meta charset="gb2312"><title>统计用区划代码</title></head><body>
<table><tr><td><strong>关于更新全国统计用区划代码和城乡划分代码的公告</strong></td></tr>
<tr><td>　　为更好满足2020年常规统计调查和专项调查的需要，国家统计局组织开展了2019年度统计用区划
代码和城乡划分代码更新维护工作，调查时点为2019年10月31日。目前，已完成更新维护工作,现予公布。
<br>　　{TEXT}</td></tr></table></body></html>"""
    assert extract_article(html.encode("gb18030"), URL, now=NOW)["published_at"] is None


@pytest.mark.parametrize(("title_tag", "expected"), [
    ("博雅互动公布2018年第一季度业绩", "博雅互动公布2018年第一季度业绩"),  # <title>: line 1 only
    ("博雅互动公布2018年第一季度业绩——纯利增17.7%-博雅新闻",  # <title> names both lines
     "博雅互动公布2018年第一季度业绩——纯利增17.7%"),
])
def test_a_subtitle_after_the_headline_s_break_is_not_the_headline(title_tag: str,
                                                                    expected: str) -> None:
    """博雅互动's newsroom prints ``<h1>标题<br/>纯利增17.7% …</h1>`` and its ``<title>`` names the
    first line alone: the second is a subtitle. Where ``<title>`` names both, both are kept."""
    html = f"""<html><head><meta charset="utf-8"><title>{title_tag}</title></head><body>
<h1 class="logo"><a href="/">深圳市东方博雅科技有限公司</a></h1>
<h1>博雅互动公布2018年第一季度业绩<br/>{"——" if "——" in title_tag else ""}纯利增17.7%</h1>
<div class="art_date"><span>2018 / 05 / 23</span></div>
<div class="middle"><p>{TEXT}</p><p>{TEXT}</p></div></body></html>"""
    assert extract_article(html.encode(), URL, now=NOW)["title"] == expected


def test_a_founder_news_site_declares_its_headline_in_its_property_comment() -> None:
    """开屏新闻's ``<title>`` is the app's name; its Founder CMS's comment (``<!--enpproperty
    <articleid>…<title>…</title>``) names the headline, printed in a plain ``<div>`` above
    the date line; a carousel of other stories with their dates comes first."""
    headline = "“走出一条中国特色城市现代化新路子”（总书记的人民情怀）"
    html = f"""<html><head><meta charset="utf-8"><title>开屏新闻</title></head><body>
<div class="swiper"><a href=""><div class="title clamp2">中央网信办发布关于规范管理的通知</div>
<div class="time">2026-04-13 14:34:13</div></a></div>
<div class="detailTitle">{headline}</div>
<div class="detailTime"><span>开屏新闻</span> <span>2026-04-13 14:59:39</span></div>
<div class="textCon"><!--enpcontent--><p>{TEXT}</p><p>{TEXT}</p><!--/enpcontent--><!--enpproperty
<articleid>868387</articleid><date>2026-04-13 14:59:39:0</date><author></author>
<title>{headline}</title><siteid>2</siteid>/enpproperty--></div></body></html>"""
    record = extract_article(html.encode(), URL, now=NOW)
    assert record["title"] == headline
    assert record["published_at"] == "2026-04-13T14:59:39+08:00"


def test_a_meta_line_that_indentation_pushed_out_of_the_header() -> None:
    """A share bar indented by hundreds of spaces fills the header's 300 source characters
    (tw.nextapple.com): the date and byline printed after it are still the header's, read up
    to just past the date."""
    pad = " " * 400
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<header><h1>{TITLE}</h1><div class="social">{pad}<a href="/s">分享</a>{pad}<a href="/r">我要爆料</a>
{pad}</div><div><time datetime="2024-08-12T02:47:00+08:00">2024/08/12 02:47</time>
<a href="/">壹蘋新聞網</a> / <a href="/search/author/1">呂承哲</a> 綜合報導</div></header>
<div class="post-content"><p>{TEXT}</p><p>{TEXT}</p></div></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert (record["author"], record["published_at"], record["date_precision"]) == (
        "呂承哲", "2024-08-12T02:47:00+08:00", "minute")


ZSNEWS = Path(__file__).resolve().parents[2] / "shared" / "realpages" / "zh-portals" / "tests" / \
    "zsnews" / "1.html"


@pytest.mark.skipif(not ZSNEWS.is_file(), reason="shared/realpages is not mounted")
def test_a_story_telling_a_date_past_an_indented_header_is_no_meta_line() -> None:
    """zsnews (GNE's page) indents its header past 300 characters, and the first sentence
    after it tells a date (``2019年2月27日下午，佛山…``): the publish date is the labelled
    ``发布日期：2019-03-06`` under the article, not the story's day."""
    record = extract_article(ZSNEWS.read_bytes(), "http://www.zsnews.cn/1.html", now=NOW)
    assert record["published_at"] == "2019-03-06T00:00:00+08:00"


def test_a_reader_s_labelled_time_in_a_comment_box_is_no_publish_date() -> None:
    """linux.cn prints its date unlabelled in the header; a reply in the comments quotes
    ``发表于 2016-3-13 23:02 的评论`` in a ``div.info`` of its own: a reader's time."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<h1>{TITLE}</h1><p class="xg1">作者： Marius Nestor 译者： wxy 2016-3-13 16:46 评论: 7</p>
<div class="article"><p>{TEXT}</p><p>{TEXT}</p></div>
<div id="comment"><div id="comment_ul"><dl><dd><blockquote class="replist">
<div class="info">绿色圣光 发表于 2016-3-13 23:02 的评论：</div>为什么要换回去啊？</blockquote>
</dd></dl></div></div></body></html>""".encode()
    assert extract_article(html, URL, now=NOW)["published_at"] == "2016-03-13T16:46:00+08:00"


def test_a_date_in_a_web_address_the_header_prints_is_no_date() -> None:
    """linux.cn's header prints where a translation came from, a path with a day in it,
    before its own date: ``编译自：http://www.theregister.co.uk/2016/02/23/…``."""
    source = "http://www.theregister.co.uk/2016/02/23/move_over_continuum_intel_shows_android/"
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<h1>{TITLE}</h1><div class="xg1">编译自：<a href="{source}">{source}</a></div>
<p class="xg1">作者： Tim Anderson 2016-5-28 09:25 评论: 3</p>
<div class="article"><p>{TEXT}</p><p>{TEXT}</p></div></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert (record["published_at"], record["author"]) == (
        "2016-05-28T09:25:00+08:00", "Tim Anderson")


def test_blogger_s_date_header_over_the_post_s_blocks() -> None:
    """Blogger prints the day in ``h2.date-header``, then the post's blocks, each opening
    with the next, and marks that print nothing before the ``h3`` title (www.playpcesor.com)."""
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE} - 電腦玩物</title></head><body>
<div class="blog-posts hfeed"><div class="date-outer"><h2 class="date-header"><span>
2016年11月17日 星期四</span></h2><div class="date-posts"><div class="post-outer">
<div class="post hentry"><meta content="38564685" itemprop="blogId"><a name="374"></a>
<h3 class="post-title entry-title">{TITLE}</h3><div class="post-body"><p>{TEXT}</p>
<p>{TEXT}</p></div></div></div></div></div></div></body></html>""".encode()
    record = extract_article(html, URL, now=NOW)
    assert (record["published_at"], record["date_precision"]) == (
        "2016-11-17T00:00:00+08:00", "day")
