"""A forum thread's writer (``newscrawler/extract/forum.py``): the poster whose user card sits
in the post marked 楼主, and nobody when the page is no such thread."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from newscrawler.extract import extract_article

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
URL = "http://bbs.example.cn/t-48.html"
TEXT = "亲爱的老师、同学们：你们好！很高兴能有这样一个机会，与各位同学相互交流学习生活的感想。" * 4


def thread(card: str, marker: str = "楼主") -> bytes:
    """A SpaceBuilder-like thread: the poster's card in the row's side cell, then the post."""
    reply = """<tr><td class="side"><span class="user-name"><a href="u/2.html">路人甲</a></span>
<dl><dt>等级：</dt><dd>2级</dd></dl><dl><dt>发帖：</dt><dd>9</dd></dl></td>
<td class="post"><div class="meta"><strong>2楼</strong> 发表于：2012-10-21 08:00</div>
<div class="text">顶一下，写得真好。</div></td></tr>"""
    return f"""<html><head><meta charset="utf-8"><title>学习心得体会 - 示例教育网</title></head>
<body><div class="top">欢迎您，游客 | 登录 | 注册</div><h2>学习心得体会</h2>
<table class="floor"><tr><td class="side">{card}</td>
<td class="post"><div class="meta"><span><strong> {marker}</strong></span>
<em>发表于：2012-10-20 10:48</em></div><div class="text"><p>{TEXT}</p></div></td></tr>
{reply}</table></body></html>""".encode()


CARD = """<span class="user-name"><a href="u/1.html"><strong> 小小</strong></a></span>
<div class="avatar"><a href="u/1.html"><img alt="小小" src="a.png"></a></div>
<div class="info"><dl><dt>等级：</dt><dd>1级</dd></dl><dl><dt>发帖：</dt><dd>2</dd></dl>
<dl><dt>注册日期：</dt><dd>2012-10-19</dd></dl></div>"""
YAHOO_CARD = """<table><tr><td>&nbsp;<a href="/people?u=cjy52191"><b>cjy52191</b></a></td></tr>
<tr><td><img src="male.gif"></td></tr><tr><td>&nbsp;<span>级别：入学了</span></td></tr>
<tr><td>&nbsp;<span>积分：235</span></td></tr></table>"""


@pytest.mark.parametrize(("card", "expected"), [(CARD, "小小"), (YAHOO_CARD, "cjy52191")])
def test_the_first_post_s_user_card_names_the_writer(card: str, expected: str) -> None:
    record = extract_article(thread(card), URL, now=NOW)
    assert (record["author"], record["published_at"]) == \
        (expected, "2012-10-20T10:48:00+08:00")


def test_no_writer_without_the_starter_s_mark_or_a_card() -> None:
    """Without 楼主 the page is no thread as far as we know; a card printing no standing is no
    card; a sentence that uses the word is no mark."""
    assert extract_article(thread(CARD, marker="1楼"), URL, now=NOW)["author"] is None
    bare = CARD.replace("等级：", "").replace("发帖：", "").replace("注册日期：", "")
    assert extract_article(thread(bare), URL, now=NOW)["author"] is None
    sentence = thread(CARD, marker="").replace(
        TEXT.encode(), f"{TEXT}楼主说的这个问题很有代表性。".encode())
    assert extract_article(sentence, URL, now=NOW)["author"] is None


BOARD = "CCTV.com- 央视论坛 :: null"
POST_TITLE = "你知道导游为什么那么热衷于让你去各种各样的商场购物吗？"


def forum_post(label: str, after_title: str) -> bytes:
    """央视论坛's post page: the ``<title>`` names the board, a ``<b>主题：</b>`` row prints
    the headline, and the next row the writer and the time."""
    return f"""<html><head><meta charset="gbk"><title>{BOARD}</title></head><body>
<table><tr><td><h3>网闻贴吧</h3></td></tr></table>
<table><tr><td class="large"><b>{label}</b> {POST_TITLE} </td></tr>
<tr><td class="middle">{after_title}</td></tr></table>
<table><tr><td><p>{TEXT}</p></td></tr></table></body></html>""".encode("gbk")


def test_a_headline_printed_after_its_label_over_the_writer_and_time() -> None:
    byline = '<b>作者：</b><a href="u?id=1">芊草凡凡</a> &nbsp;<b>时间：</b>2005-08-22 19:13:18'
    record = extract_article(forum_post("主题：", byline), URL, now=NOW)
    assert (record["title"], record["author"], record["published_at"]) == \
        (POST_TITLE, "芊草凡凡", "2005-08-22T19:13:18+08:00")
    # Not a headline's label: a topic of something else, or a label no date follows.
    assert extract_article(forum_post("会议主题：", byline), URL, now=NOW)["title"] != POST_TITLE
    undated = forum_post("主题：", '<b>作者：</b><a href="u?id=1">芊草凡凡</a>')
    assert extract_article(undated, URL, now=NOW)["title"] != POST_TITLE


def test_a_bbs_post_s_title_line_inside_its_header_block() -> None:
    """A telnet-style BBS (饮水思源) prints 发信人, 标  题 and 发信站 as lines of one ``<pre>``
    under the board's ``<font class="title">``, which the ``<title>`` does not name: the title
    is the labelled line's, not the board's, and the writer and date are still read."""
    head = """发信人: <a href="bbsqry?userid=InnJayHee">InnJayHee</a>(跨时代), 信区: TrafficInfo
标  题: [最新]上海交通大学周边道路交通指南
发信站: 饮水思源 (2010年05月12日00:48:34 星期三), 站内信件"""
    html = f"""<html><head><meta charset="utf-8">
<title>[最新]上海交通大学周边道路交通指南 - 饮水思源</title></head><body>
<center><font class="title">饮水思源 - 文章阅读</font>[讨论区: TrafficInfo]<hr>
<table class="show_border"><tr><td><pre>{head}

{TEXT}
{TEXT}</pre></td></tr></table></center></body></html>"""
    record = extract_article(html.encode(), URL, now=NOW)
    assert (record["title"], record["author"], record["published_at"]) == \
        ("[最新]上海交通大学周边道路交通指南", "InnJayHee", "2010-05-12T00:48:34+08:00")


def test_a_thread_s_starter_labelled_under_its_title() -> None:
    """天涯论坛 prints ``楼主：cdylng 时间：2017-03-24 20:29:00`` under the thread's title; the
    replies below carry their own posters."""
    html = f"""<html><head><meta charset="utf-8"><title>我是凤凰女_情感天地_天涯论坛</title></head>
<body><h1>我是凤凰女</h1><div class="atl-info"><span>楼主：<a href="/u/1">cdylng</a></span>
<span>时间：2017-03-24 20:29:00</span></div><div class="bbs-content"><p>{TEXT}</p></div>
<div class="atl-item"><a class="js-vip-check" href="/u/2">wowkao111</a> 时间：2017-03-24 21:00:00
<div class="bbs-content">顶</div></div></body></html>"""
    record = extract_article(html.encode(), URL, now=NOW)
    assert (record["author"], record["published_at"]) == ("cdylng", "2017-03-24T20:29:00+08:00")
