"""Dates a page keeps in its scripts (``newscrawler/extract/embedded.py``): read only when the
visible page gives none, the first full date under a publish-time key, never a made-up one."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from newscrawler.extract import extract_article
from newscrawler.extract.embedded import script_date

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
URL = "http://news.example.cn/a/1.html"
TEXT = "这是一篇足够长的新闻正文，用来让正文抽取器确认这里就是文章的主体内容。" * 4


def page(header: str, script: str) -> bytes:
    return f"""<html><head><meta charset="utf-8"><title>一个足够长的新闻标题_示例网</title>
<script>{script}</script></head><body><h1>一个足够长的新闻标题</h1><div class="meta">{header}</div>
<div class="article-content"><p>{TEXT}</p></div></body></html>""".encode()


@pytest.mark.parametrize(("script", "expected", "precision"), [
    ("var ARTICLE = {pubtime: '2018-06-12 08:29'};", "2018-06-12T08:29:00+08:00", "minute"),
    ('window.DATA = {"ptime" : \'2019-12-10 07:57:40\'};', "2019-12-10T07:57:40+08:00", "second"),
    ("var publishdate = '2019-09-26 12:11:00';", "2019-09-26T12:11:00+08:00", "second"),
    ('{"newsTime":"2019-09-07 08:05:32","title":"x"}', "2019-09-07T08:05:32+08:00", "second"),
    ("var pubtime='2020-10-04';", "2020-10-04T00:00:00+08:00", "day"),
    ('{"publish_time": "2019-09-04T14:18:34Z"}', "2019-09-04T22:18:34+08:00", "second"),
    ('var ct = "1530244130";', "2018-06-29T11:48:50+08:00", "second"),  # WeChat, seconds
    ("var create_time = '1530244130' * 1;", "2018-06-29T11:48:50+08:00", "second"),
])
def test_publish_time_in_script_data(script: str, expected: str, precision: str) -> None:
    record = extract_article(page("来源：示例网", script), URL, now=NOW)
    assert (record["published_at"], record["date_precision"]) == (expected, precision)


@pytest.mark.parametrize("script", [
    "var updatetime = '2018-06-12 08:29';",  # not a publish time
    "var newspubtimeline = '2018-06-12 08:29';",  # a longer key that only contains one
    "var pubtime = '';",
    "var pubtime = 'not a date at all';",
    "var pubtime = '2099-01-01 08:00';",  # the future
    'var act = "1530244130";',  # a longer key that only ends like one
    'var ct = "4102444800";',  # 2100: the future
    'var ct = "153024413";',  # too short for a time in seconds
])
def test_no_date_from_other_script_values(script: str) -> None:
    record = extract_article(page("来源：示例网", script), URL, now=NOW)
    assert record["published_at"] is None


def test_the_printed_date_beats_the_script() -> None:
    html = page("2018-06-13 18:22 来源：示例网", "var pubtime='2017-01-01 08:00';")
    record = extract_article(html, URL, now=NOW)
    assert record["published_at"] == "2018-06-13T18:22:00+08:00"


def test_printed_day_takes_the_time_of_the_same_day_from_the_script() -> None:
    same = page("2018年06月13日 来源：示例网", "var pubtime='2018-06-13 18:22:53';")
    assert extract_article(same, URL, now=NOW)["published_at"] == "2018-06-13T18:22:53+08:00"
    other = page("2018年06月13日 来源：示例网", "var pubtime='2018-06-14 08:00';")
    record = extract_article(other, URL, now=NOW)
    assert (record["published_at"], record["date_precision"]) == (
        "2018-06-13T00:00:00+08:00", "day")


def test_first_full_date_wins_and_bad_input_gives_none() -> None:
    source = b"<script>a = {pubtime: 'x'}; b = {pubtime: '2018-06-12'}; c = {pubtime: '2017-01-01'}"
    assert script_date(source, "Asia/Shanghai", NOW).value.date().isoformat() == "2018-06-12"
    assert script_date(None, "Asia/Shanghai", NOW) is None
    assert script_date(b"no scripts pubtime: '2018-06-12'", "Asia/Shanghai", NOW) is None
    assert script_date(b"<script>pubtime: '2018-06-12\xff\xfe'", "Asia/Shanghai", NOW) is not None
    assert script_date(b"<script>x.pubtime = '2018-06-12'", "Asia/Shanghai", NOW) is not None
    assert script_date(b"<script>x_pubtime = '2018-06-12'", "Asia/Shanghai", NOW) is None


def epaper(properties: str, masthead: str = "") -> bytes:
    """A Founder e-paper article page: the issue date only in the masthead and the closing
    property comment, nothing dated near the headline."""
    return f"""<html><head><meta charset="utf-8"><title>一个足够长的新闻标题</title></head><body>
<div class="masthead"><span id="paperdate">{masthead}</span></div>
<h2 id="Title">一个足够长的新闻标题</h2><founder-content><p>{TEXT}</p></founder-content>
</body></html>
<!--{properties}-->""".encode()


@pytest.mark.parametrize("properties", [
    "enpproperty <date>2022-02-13 00:00:00:0</date><author></author><title>x</title>/enpproperty",
    "mpproperty <founder-date>\n2022-02-13\n</founder-date>\n<founder-author>\n</founder-author>",
    "enpproperty <founder-date>2022-02-13 23:59:59</founder-date><founder-papername>江西日报"
    "</founder-papername><founder-type>1</founder-type>",
])
def test_founder_epaper_issue_date_at_day_precision(properties: str) -> None:
    record = extract_article(epaper(properties), URL, now=NOW)
    assert (record["published_at"], record["date_precision"]) == (
        "2022-02-13T00:00:00+08:00", "day")


@pytest.mark.parametrize(("properties", "expected"), [
    ("enpproperty <articleid>6904177</articleid><date>2022-09-21 08:00:00:0</date>"
     "<author>崔璨</author>", ("2022-09-21T08:00:00+08:00", "second")),
    ("enpproperty <articleid>9475452</articleid><date>2020-01-06 06:00:00.0</date>",
     ("2020-01-06T06:00:00+08:00", "second")),
])
def test_founder_news_site_filing_time(properties: str, expected: tuple[str, str]) -> None:
    """A Founder news site's comment (南方+, 上海热线) files the story at a time of day, which
    its script prints under the headline; an e-paper's issue date stays a day."""
    record = extract_article(epaper(properties), URL, now=NOW)
    assert (record["published_at"], record["date_precision"]) == expected


def test_founder_dates_outside_the_property_comment_are_not_read() -> None:
    record = extract_article(epaper("footer <date>2022-02-13</date>"), URL, now=NOW)
    assert record["published_at"] is None
    undated = epaper("enpproperty <date></date><author></author>/enpproperty")
    assert extract_article(undated, URL, now=NOW)["published_at"] is None


@pytest.mark.parametrize("script_type", ["application/ld+json", "application/ld&#x2B;json"])
def test_json_ld_whose_type_and_offset_are_html_escaped(script_type: str) -> None:
    """cnblogs (ASP.NET) escapes the ``+`` of its JSON-LD's type and of the offset in its
    seven-digit ``datePublished``; the page prints the date only in its footer."""
    data = ('{"@context": "https://schema.org", "@type": "BlogPosting", '
            '"datePublished": "2022-05-29T20:20:00.0000000&#x2B;08:00"}')
    html = f"""<html><head><meta charset="utf-8"><title>第十三周作业 - 徐涛 - 博客园</title>
<script type="{script_type}">{data}</script></head><body><h1>第十三周作业</h1>
<div class="post"><p>{TEXT}</p></div></body></html>""".encode()
    assert extract_article(html, URL, now=NOW)["published_at"] == "2022-05-29T20:20:00+08:00"


FOUNDER_PAGE = """<html><head><meta charset="utf-8"><title>《中国教育报》电子版</title></head><body>
<div class="tit03">2020年05月01日 星期五</div><table>
<tr><td class="title2"></td></tr><tr><td class="title1">季自军：用心“玩”出疫情防控新花样</td></tr>
<tr><td class="title2">上海交通大学辅导员季自军</td></tr><tr><td class="title3">{byline}</td></tr>
</table><div id="ozoom"><p>{text}</p><p>{text}</p></div></body></html>
<!--mpproperty <founder-date> 2020-05-01 </founder-date> <founder-author> 本报记者 任朝霞
</founder-author> <founder-title>季自军：用心“玩”出疫情防控新花样 </founder-title>
<founder-subtitle>上海交通大学辅导员季自军</founder-subtitle> /mpproperty-->"""


def test_a_founder_e_paper_declares_its_headline_and_byline() -> None:
    """Founder (方正) e-paper pages title themselves with the paper's name and stack a kicker,
    the headline, a subtitle and the byline in ``td.title1/2/3``; their property comment
    declares the headline and the byline, as a government page's ``ArticleTitle`` does."""
    printed = extract_article(FOUNDER_PAGE.format(byline="本报记者 任朝霞", text=TEXT).encode(),
                              URL, now=NOW)
    assert printed["title"] == "季自军：用心“玩”出疫情防控新花样"
    assert printed["published_at"] == "2020-05-01T00:00:00+08:00"
    unprinted = extract_article(FOUNDER_PAGE.format(byline="", text=TEXT).encode(), URL, now=NOW)
    assert unprinted["author"] == "任朝霞"  # declared only
