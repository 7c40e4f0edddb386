"""The header's date (``newscrawler/extract/meta.py``): which copy of the headline it follows,
what a date label's value must look like, and a printed time beating a day from ``<meta>``."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from newscrawler.extract import extract_article

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
    html = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title>
<meta name="publishdate" content="2024-05-13"></head><body>
<p class="pbt">{TITLE}</p><p class="pwz">发稿时间：2024-05-13 06:03:00 来源：中国青年报</p>
<div class="article"><p>{TEXT}</p></div></body></html>""".encode()
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
