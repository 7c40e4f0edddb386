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
