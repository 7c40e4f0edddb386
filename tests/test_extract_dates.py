"""parse_date: every form DedeCms prints, the year-less trap, relative dates, never the future."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscrawler.extract import ParsedDate, extract_article, parse_date
from newscrawler.extract.dates import parse_short_header_date

SH = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=SH)


def iso(text: str, now: datetime = NOW, **kwargs) -> tuple[str, str] | None:
    parsed = parse_date(text, now=now, **kwargs)
    return (parsed.value.isoformat(), parsed.precision) if parsed else None


@pytest.mark.parametrize(("text", "expected", "precision"), [
    ("2016-07-12", "2016-07-12T00:00:00+08:00", "day"),
    ("2016-07-12 10:30", "2016-07-12T10:30:00+08:00", "minute"),
    ("2016-07-12 10:30:45", "2016-07-12T10:30:45+08:00", "second"),
    ("2016年07月12日 10:30", "2016-07-12T10:30:00+08:00", "minute"),
    ("2016年7月12日", "2016-07-12T00:00:00+08:00", "day"),
    ("2016年07月12日10:30", "2016-07-12T10:30:00+08:00", "minute"),
    ("2016-07-12 星期二 10:30", "2016-07-12T10:30:00+08:00", "minute"),  # a weekday between
    ("2024年5月22日週三 上午8:21", "2024-05-22T08:21:00+08:00", "minute"),
    ("2016年7月12日 周二", "2016-07-12T00:00:00+08:00", "day"),
    ("2016年7月12日 下午3:05", "2016-07-12T15:05:00+08:00", "minute"),
    ("2016/7/12", "2016-07-12T00:00:00+08:00", "day"),
    ("2016/07/12 08:05", "2016-07-12T08:05:00+08:00", "minute"),
    ("2016.07.12", "2016-07-12T00:00:00+08:00", "day"),
    ("16-07-12", "2016-07-12T00:00:00+08:00", "day"),
    ("16-07-11 09:01", "2016-07-11T09:01:00+08:00", "minute"),
    ("12-07-2016", "2016-07-12T00:00:00+08:00", "day"),
    ("[2013-05-01 10:20:30]", "2013-05-01T10:20:30+08:00", "second"),
    ("(2016-09-23)", "2016-09-23T00:00:00+08:00", "day"),
    ("1468290645", "2016-07-12T10:30:45+08:00", "second"),
    ("2016-07-12T10:30:45Z", "2016-07-12T18:30:45+08:00", "second"),
    ("2016-07-12T10:30:45.123+08:00", "2016-07-12T10:30:45+08:00", "second"),
])
def test_numeric_forms(text: str, expected: str, precision: str) -> None:
    assert iso(text) == (expected, precision)


@pytest.mark.parametrize(("text", "expected", "precision"), [
    ("发布时间：2016-07-12", "2016-07-12T00:00:00+08:00", "day"),
    ("发布时间：2016-07-12 08:30", "2016-07-12T08:30:00+08:00", "minute"),
    ("时间:2016-07-12 10:30来源:中国国际新闻台", "2016-07-12T10:30:00+08:00", "minute"),
    ("日期：2016-07-12 10:30:45 点击次数：", "2016-07-12T10:30:45+08:00", "second"),
    ("发表于 2016-07-12", "2016-07-12T00:00:00+08:00", "day"),
    ("发表于：2016-07-12 10:30 阅读量：", "2016-07-12T10:30:00+08:00", "minute"),
    ("更新时间: (2016-09-23)", "2016-09-23T00:00:00+08:00", "day"),
    ("发布日期：2016年07月12日 10:30", "2016-07-12T10:30:00+08:00", "minute"),
    ("时间：\u30002016-07-12\xa0\xa010:30", "2016-07-12T10:30:00+08:00", "minute"),
])
def test_labelled_and_glued(text: str, expected: str, precision: str) -> None:
    assert iso(text) == (expected, precision)


@pytest.mark.parametrize(("text", "now", "expected"), [
    ("07-12 08:30", NOW, "2026-07-12T08:30:00+08:00"),  # dateparser alone says 2007-12
    ("07-12", NOW, "2026-07-12T00:00:00+08:00"),
    ("12-30 08:30", NOW, "2025-12-30T08:30:00+08:00"),  # not 2012-11-30, not the future
    ("12-30", datetime(2027, 1, 2, 9, 0, tzinfo=SH), "2026-12-30T00:00:00+08:00"),
    ("11-26 11:00", NOW, "2026-11-26T11:00:00+08:00"),
    ("11-26 13:00", NOW, "2025-11-26T13:00:00+08:00"),  # an hour ahead: last year's
    ("7月12日", NOW, "2026-07-12T00:00:00+08:00"),
    ("12月30日 10:00", NOW, "2025-12-30T10:00:00+08:00"),
    ("02-29", datetime(2025, 3, 1, tzinfo=SH), "2024-02-29T00:00:00+08:00"),
])
def test_year_less_is_most_recent_past(text: str, now: datetime, expected: str) -> None:
    parsed = parse_date(text, now=now)
    assert parsed is not None and parsed.value.isoformat() == expected


@pytest.mark.parametrize(("text", "expected", "precision"), [
    ("刚刚", "2026-11-26T12:00:00+08:00", "minute"),
    ("5分钟前", "2026-11-26T11:55:00+08:00", "minute"),
    ("半小时前", "2026-11-26T11:30:00+08:00", "minute"),
    ("3小时前", "2026-11-26T09:00:00+08:00", "minute"),
    ("3天前", "2026-11-23T00:00:00+08:00", "day"),
    ("1周前", "2026-11-19T00:00:00+08:00", "day"),
    ("昨天 10:30", "2026-11-25T10:30:00+08:00", "minute"),
    ("今天 09:15", "2026-11-26T09:15:00+08:00", "minute"),
    ("前天", "2026-11-24T00:00:00+08:00", "day"),
    ("发布于 3小时前", "2026-11-26T09:00:00+08:00", "minute"),
])
def test_relative_forms(text: str, expected: str, precision: str) -> None:
    assert iso(text) == (expected, precision)


def test_dateparser_slow_path() -> None:
    assert iso("3个月前") is not None
    assert parse_date("Jul 12, 2016", now=NOW, languages=("en",)).value.date().isoformat() \
        == "2016-07-12"


@pytest.mark.parametrize("text", [
    "2027-01-01", "2026-11-27", "2026-11-26 12:01", "今天 13:00", "", "   ", "星期二", "无", "abc",
    "2016-13-45", "0755-12345678", "版本 1.2.3", None,
])
def test_rejects_future_and_non_dates(text) -> None:
    assert parse_date(text, now=NOW) is None


def test_today_is_not_future_at_day_precision() -> None:
    assert iso("2026-11-26") == ("2026-11-26T00:00:00+08:00", "day")


def test_timezone_argument_and_default_now() -> None:
    parsed = parse_date("2016-07-12 10:30", tz="UTC")
    assert parsed.value.isoformat() == "2016-07-12T10:30:00+00:00"
    assert parse_date("刚刚").value <= datetime.now(SH)
    naive = parse_date("3天前", now=datetime(2026, 11, 26, 12, 0))
    assert naive.value.isoformat() == "2026-11-23T00:00:00+08:00"


def test_bad_time_of_day_keeps_the_day() -> None:
    # 1T template bug date('m-d H:m') can print 10:07 for 10:30 in July; 25:61 is junk
    assert iso("2016-07-12 25:61") == ("2016-07-12T00:00:00+08:00", "day")


def test_common_forms_take_the_fast_path() -> None:
    """The forms news pages print most are read without dateparser, whose call costs about a
    hundred times the fast path's (speed is measured by ``bench/extraction.py``, not asserted
    here: these machines are noisy)."""
    texts = ["2016-07-12 10:30", "时间:2016-07-12 10:30来源:", "07-12", "2016年07月12日",
             "16-07-12", "2016/7/12 上午10:30", "3小时前", "昨天 10:30"]
    for text in texts:
        fast = parse_date(text, now=NOW, use_dateparser=False)
        assert fast is not None and fast == parse_date(text, now=NOW), text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.datetimes(min_value=datetime(2000, 1, 1),
                                          max_value=datetime(2035, 1, 1)))
def test_never_future_never_raises(text: str, now: datetime) -> None:
    aware_now = now.replace(tzinfo=SH)
    parsed = parse_date(text, now=aware_now)
    if parsed is not None:
        assert isinstance(parsed, ParsedDate)
        assert parsed.precision in ("day", "minute", "second")
        assert parsed.value.tzinfo is not None
        if parsed.precision == "day":
            assert parsed.value.date() <= aware_now.date()
        else:
            assert parsed.value <= aware_now + timedelta(seconds=0)


@pytest.mark.parametrize(("text", "expected", "precision"), [
    ("2022-02-13 20:04:17", "2022-02-13T20:04:17+08:00", "second"),
    ("2003-5-29 09:07", "2003-05-29T09:07:00+08:00", "minute"),
    ("发表于: 2005-07-31 12:30", "2005-07-31T12:30:00+08:00", "minute"),
    ("2005年1月2日", "2005-01-02T00:00:00+08:00", "day"),
    ("2018年06月12日08:29 来源：人民网", "2018-06-12T08:29:00+08:00", "minute"),
    ("2016年07月12日 15时30分", "2016-07-12T15:30:00+08:00", "minute"),
    ("2016-07-12 上午 9:05", "2016-07-12T09:05:00+08:00", "minute"),
    ("2016-07-12 晚上8:05", "2016-07-12T20:05:00+08:00", "minute"),
    # AM/PM after the time, and the year-last en-US order of ASP.NET pages (month first)
    ("7/5/2005 9:23:57 PM", "2005-07-05T21:23:57+08:00", "second"),
    ("7/5/2005 9:23 AM", "2005-07-05T09:23:00+08:00", "minute"),
    ("12/25/2005 12:05:01 AM", "2005-12-25T00:05:01+08:00", "second"),
    ("2016-07-12 12:30 PM", "2016-07-12T12:30:00+08:00", "minute"),
    ("2016-07-12 10:30 pm", "2016-07-12T22:30:00+08:00", "minute"),
    ("2016-07-12 10:30 Amazon", "2016-07-12T10:30:00+08:00", "minute"),
    # year last with '-' or '.': day first, unless the month slot cannot be a month
    ("12-07-2016", "2016-07-12T00:00:00+08:00", "day"),
    ("07-25-2016", "2016-07-25T00:00:00+08:00", "day"),
    ("25/12/2005", "2005-12-25T00:00:00+08:00", "day"),
    # the page's own offset wins over the portal's zone
    ("2018-06-14T02:19:31+00:00", "2018-06-14T10:19:31+08:00", "second"),
    # a dash between the day and the time (RFI: ``06/02/2022 - 13:48``)
    ("2016-07-12 - 10:30", "2016-07-12T10:30:00+08:00", "minute"),
    ("2016-07-12 – 10:30", "2016-07-12T10:30:00+08:00", "minute"),
    # English month names, day first or month first (8world, blog themes)
    ("01 Dec 2025 10:56", "2025-12-01T10:56:00+08:00", "minute"),
    ("Saturday, September 10th, 2005 10:56 am", "2005-09-10T10:56:00+08:00", "minute"),
    ("Dec 1, 2025", "2025-12-01T00:00:00+08:00", "day"),
    # the time in brackets (singtao: ``2014-12-17 (16:31)``)
    ("2014-12-17 (16:31)", "2014-12-17T16:31:00+08:00", "minute"),
    ("2014-12-17（16:31）", "2014-12-17T16:31:00+08:00", "minute"),
])
def test_forms_of_other_sites(text: str, expected: str, precision: str) -> None:
    assert iso(text, use_dateparser=False) == (expected, precision)


def test_time_zone_of_the_portal_when_the_page_gives_none() -> None:
    parsed = parse_date("2016-07-12 10:30", tz="Europe/Berlin", now=NOW)
    assert parsed is not None and parsed.isoformat() == "2016-07-12T10:30:00+02:00"


@pytest.mark.parametrize(("text", "expected"), [
    # BBC 中文
    ("更新时间 2012年12月10日, 格林尼治标准时间10:41 - GMT", "2012-12-10T10:41:00+00:00"),
    ("Wednesday, 20 November 2019 08:05 GMT", "2019-11-20T08:05:00+00:00"),
    ("2017-09-10 HKT 15:00", "2017-09-10T15:00:00+08:00"),  # RTHK
    ("2023.01.18 10:46 ET", "2023-01-18T10:46:00-05:00"),  # RFA, winter
    ("2023.07.18 10:46 ET", "2023-07-18T10:46:00-04:00"),  # and summer
    ("Monday, November 18, 2019, 04:05 pm PT", "2019-11-18T16:05:00-08:00"),
    ("2019-11-20 08:05 (UTC-5)", "2019-11-20T21:05:00+08:00"),  # numeric: the portal's zone
    ("2019-11-20 08:05 (GMT+08:00)", "2019-11-20T08:05:00+08:00"),
    ("2019-11-20 08:05 UTC+5:30", "2019-11-20T10:35:00+08:00"),
    ("2019-11-20 北京时间08:05", "2019-11-20T08:05:00+08:00"),
    ("2019-11-20 08:05 GMTX", "2019-11-20T08:05:00+08:00"),  # not a zone
    ("2019-11-20 08:05 ETF", "2019-11-20T08:05:00+08:00"),
])
def test_a_zone_the_page_names(text: str, expected: str) -> None:
    """The printed time in the zone the page names: kept in a zone named for readers, a
    numeric offset converted to the portal's zone."""
    parsed = parse_date(text, now=NOW, use_dateparser=False)
    assert parsed is not None and parsed.isoformat() == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("2023年8月3日 晚上11点28分", "2023-08-03T23:28:00+08:00"),  # RCI
    ("2023年8月3日 下午3点5分", "2023-08-03T15:05:00+08:00"),
    ("2023年8月3日3点钟", "2023-08-03T00:00:00+08:00"),  # no minute: no time
])
def test_hours_written_with_dian(text: str, expected: str) -> None:
    parsed = parse_date(text, now=NOW, use_dateparser=False)
    assert parsed is not None and parsed.isoformat() == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("13:58 2017/10/24", "2017-10-24T13:58:00+08:00"),  # HKET
    ("12:30 | 2017-10-24", "2017-10-24T12:30:00+08:00"),
    ("13:58:07 2017/10/24", "2017-10-24T13:58:07+08:00"),
    ("v1.12:30 2017-10-24", "2017-10-24T00:00:00+08:00"),  # a version, not a time
    ("25:30 2017-10-24", "2017-10-24T00:00:00+08:00"),  # no such time
    ("13:58 2017/10/24 10:00", "2017-10-24T10:00:00+08:00"),  # the date's own time wins
])
def test_a_time_printed_before_its_date(text: str, expected: str) -> None:
    parsed = parse_date(text, now=NOW, use_dateparser=False)
    assert parsed is not None and parsed.isoformat() == expected


@pytest.mark.parametrize(("text", "guessed"), [
    ("06/02/2022", True), ("7/5/2005 9:23 AM", True), ("25/12/2005", False),
    ("05/05/2005", False), ("2016-07-12", False),
])
def test_an_order_of_day_and_month_that_is_a_guess_is_flagged(text: str, guessed: bool) -> None:
    """Both slots of ``06/02/2022`` could be the month: the reading is a guess, which a
    machine-readable date on the page may settle (``meta.agreeing``)."""
    parsed = parse_date(text, now=NOW, use_dateparser=False)
    assert parsed is not None and parsed.order_guessed is guessed


def test_the_date_printed_first_wins_whatever_its_order() -> None:
    """``7/5/2005 9:23:57 PM`` before a year-first date later in the text is the date."""
    text = "发布日期： 7/5/2005 9:23:57 PM 我是怎样… 【看中国2005年07月03日报道】"
    parsed = parse_date(text, now=NOW)
    assert parsed is not None and parsed.isoformat() == "2005-07-05T21:23:57+08:00"
    parsed = parse_date("2005年07月03日 7/5/2005", now=NOW)
    assert parsed is not None and parsed.isoformat() == "2005-07-03T00:00:00+08:00"


@pytest.mark.parametrize(("header", "expected"), [
    ("3小时前 来源：示例网", ("2026-11-26T09:00:00+08:00", "minute")),
    ("来源：示例网 昨天 10:00", ("2026-11-25T10:00:00+08:00", "minute")),
    ("刚刚 | 示例网", ("2026-11-26T12:00:00+08:00", "minute")),
    ("张三 07-12 08:30 阅读 100", ("2026-07-12T08:30:00+08:00", "minute")),
    ("3天前，他来到这里", None),  # words of a sentence
    ("今日头条 推荐", None),
    ("新华社北京6月13日电 记者", None),  # a dateline, glued to its place
])
def test_a_relative_or_year_less_date_printed_as_a_header_item(
        header: str, expected: tuple[str, str] | None) -> None:
    parsed = parse_short_header_date(header, now=NOW)
    assert ((parsed.value.isoformat(), parsed.precision) if parsed else None) == expected


def test_a_relative_header_date_dates_a_page_nothing_else_dates() -> None:
    text = "这是一篇足够长的新闻正文，用来让正文抽取器确认这里就是文章的主体内容。" * 4
    html = f"""<html><head><meta charset="utf-8"><title>一个足够长的新闻标题</title></head><body>
<h1>一个足够长的新闻标题</h1><div class="meta">3小时前 来源：示例网</div>
<div class="article"><p>{text}</p></div></body></html>""".encode()
    record = extract_article(html, "http://news.example.cn/a/1.html", now=NOW)
    assert record["published_at"] == "2026-11-26T09:00:00+08:00"
    dated = html.replace(b"</head>", b'<meta property="article:published_time" '
                                     b'content="2026-11-20T08:00:00+08:00"></head>')
    assert extract_article(dated, "http://news.example.cn/a/1.html", now=NOW)["published_at"] \
        == "2026-11-20T08:00:00+08:00"  # a date with a year wins: a saved page's 3小时前 is stale


@pytest.mark.parametrize(("text", "kwargs", "expected"), [
    ("10 个月前", {}, "2026-01-26T12:00:00+08:00"),  # a span in months: dateparser reads it
    ("2年前", {}, "2024-11-26T12:00:00+08:00"),
    ("3 weeks ago", {"languages": ("en",)}, "2026-11-05T12:00:00+08:00"),
    ("20 novembre 2019", {"languages": ("fr",)}, "2019-11-20T00:00:00+08:00"),
    ("9分钟", {}, None),  # a duration, not a date
    ("12小时24分钟", {}, None),
    ("2018年9月", {}, None),  # no day: the record has no month precision, and no day is invented
    ("2499元起/风冷散热技术", {}, None),  # digits among words
    ("3 weeks ago", {}, None),  # English, and the profile reads Chinese only
])
def test_what_is_handed_to_dateparser(text: str, kwargs: dict, expected: str | None) -> None:
    parsed = parse_date(text, now=NOW, **kwargs)
    assert (parsed.value.isoformat() if parsed else None) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("時間 Thu Oct 26 12:27:01 2017", "2017-10-26T12:27:01+08:00"),  # PTT's meta line
    ("Posted Mon Jan  8 09:05 2024", "2024-01-08T09:05:00+08:00"),
    ("Thu Oct 26 2017", "2017-10-26T00:00:00+08:00"),  # no time: the usual English form
])
def test_c_s_asctime_form(text: str, expected: str) -> None:
    parsed = parse_date(text, tz="Asia/Taipei", now=datetime(2026, 12, 3, tzinfo=ZoneInfo("UTC")))
    assert parsed is not None and parsed.value.isoformat() == expected


YEARLESS_PAGE = """<html><head><meta charset="utf-8"><title>交大团队培育葡萄新品种</title></head>
<body><h1>交大团队培育葡萄新品种</h1><div class="info">来源：中国教育报 {printed}</div>
<div class="article"><p>{text}</p><p>{text}</p></div></body></html>"""


@pytest.mark.parametrize(("url", "printed", "expected"), [
    # the URL's date names the printed month and day: its year is the page's
    ("https://m.example.cn/middle/2020/0817/content_31857376_1.html", "08-17 13:16",
     "2020-08-17T13:16:00+08:00"),
    ("http://app.example.cn/zx/tt/201908/t20190814_1272359.html", "08-14",  # TRS WCM naming
     "2019-08-14T00:00:00+08:00"),
    # another day in the URL: the URL's (it has a year); none: the latest such day that is
    # not in the future
    ("https://m.example.cn/middle/2020/0816/content_31857376_1.html", "08-17 13:16",
     "2020-08-16T00:00:00+08:00"),
    ("https://m.example.cn/content_31857376_1.html", "08-17 13:16", "2026-08-17T13:16:00+08:00"),
])
def test_a_year_less_date_takes_the_year_of_the_url_s_date(url: str, printed: str,
                                                           expected: str) -> None:
    text = "这是一篇足够长的新闻正文，用来让正文抽取器确认这里就是文章的主体内容。" * 4
    html = YEARLESS_PAGE.format(printed=printed, text=text)
    assert extract_article(html.encode(), url, now=NOW)["published_at"] == expected


@pytest.mark.parametrize(("printed", "expected"), [
    ("04-12 10:07", "2019-04-12T10:07:00+08:00"),  # the same day: <meta>'s year, the time
    ("04-13 10:07", "2019-04-12T00:00:00+08:00"),  # another day: <meta>'s day alone
    ("", "2019-04-12T00:00:00+08:00"),
])
def test_a_year_less_time_under_the_headline_refines_meta_s_day(printed: str,
                                                                 expected: str) -> None:
    """A mobile template (m.gmw.cn's 百家号 wrap) prints ``04-12 10:07`` under the headline
    and ``<meta name="publishdate" content="2019-04-12">`` in the head, the URL no date."""
    text = "这是一篇足够长的新闻正文，用来让正文抽取器确认这里就是文章的主体内容。" * 4
    html = YEARLESS_PAGE.format(printed=printed, text=text).replace(
        "<title>", '<meta name="publishdate" content="2019-04-12"><title>')
    record = extract_article(html.encode(), "https://m.example.cn/baijia/1300296315.html",
                             now=NOW)
    assert record["published_at"] == expected


def test_a_trs_document_url_dates_a_page_that_prints_none() -> None:
    """TRS WCM names documents ``/201908/t20190814_1272359.html``: the day it was filed."""
    text = "这是一篇足够长的新闻正文，用来让正文抽取器确认这里就是文章的主体内容。" * 4
    html = YEARLESS_PAGE.format(printed="", text=text)
    record = extract_article(html.encode(), "http://www.example.gov.cn/xw/201908/t20190814_12.html",
                             now=NOW)
    assert record["published_at"] == "2019-08-14T00:00:00+08:00"


@pytest.mark.parametrize(("text", "expected"), [
    ("日期：107-10-16", "2018-10-16T00:00:00+08:00"),  # Taiwan's government: ROC year 107
    ("民國107年10月16日", "2018-10-16T00:00:00+08:00"),
    ("民国99年1月2日 10:30", "2010-01-02T10:30:00+08:00"),
    ("4年（107-110年）投入40億元", None),  # a span of years, no date
    ("1107-10-16", None),
])
def test_a_date_in_the_republic_of_china_calendar(text: str, expected: str | None) -> None:
    parsed = parse_date(text, now=NOW)
    assert (parsed.isoformat() if parsed else None) == expected


def test_a_taiwan_government_page_dated_in_the_roc_calendar() -> None:
    text = "這是一篇足夠長的新聞正文，用來讓正文抽取器確認這裡就是文章的主體內容。" * 4
    html = f"""<html><head><meta charset="utf-8"><title>台灣的AI小國大戰略</title></head><body>
<h1>台灣的AI小國大戰略</h1>
<p class="first_p"><span>日期：107-10-16</span><br>資料來源：新聞傳播處</p>
<div class="article"><p>{text}</p><p>{text}</p></div></body></html>"""
    record = extract_article(html.encode(), "https://www.ey.gov.tw/Page/1", now=NOW)
    assert record["published_at"] == "2018-10-16T00:00:00+08:00"
