"""The page index's presence test (``newscrawler/extract/index.py``): ``may_contain`` gates
costly searches, so a wrong False would silently skip a rule and a wrong True only costs time."""

from __future__ import annotations

import pytest

from newscrawler.extract.article import parse_html
from newscrawler.extract.index import PageIndex


def index_of(html: str) -> PageIndex:
    source = html.encode("utf-8")
    return PageIndex(parse_html(source), source=source)


@pytest.mark.parametrize(("words", "expected"), [
    (("位置",), True),
    (("楼主", "位置"), True),  # any of the words
    (("楼主",), False),
    (("楼主", "发信人"), False),
    (("author",), True),
    (("a.b",), False),  # a word, not a pattern: the dot is literal
    ((), False),
    (("作者", "撰文", "撰稿", "位置"), True),  # more than two words are searched one by one
    (("作者", "撰文", "撰稿", "a.b"), False),
])
def test_may_contain_any_of_the_words(words: tuple[str, ...], expected: bool) -> None:
    index = index_of('<html><body><div class="author">当前位置：首页</div></body></html>')
    assert index.may_contain(*words) is expected


def test_a_page_without_han_text_skips_han_words_and_an_unknown_source_may_hold_all() -> None:
    english = index_of('<html><body><p class="byline">By Jane Doe</p></body></html>')
    assert english.may_contain("作者") is False
    assert english.may_contain("作者", "byline") is True
    unknown = PageIndex(parse_html(b"<html><body></body></html>"))
    assert unknown.may_contain("作者") is True
