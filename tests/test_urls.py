"""newscrawler.urls: canonical forms and identities of DedeCms URLs."""

import pytest

from newscrawler.urls import (
    article_id,
    article_key,
    article_page_number,
    canonical_url,
    first_page_url,
    is_article_url,
    is_list_url,
    same_site,
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://H.com//a/shehui//xinwenredian/", "http://h.com/a/shehui/xinwenredian/"),
        ("http://h.com/a/shehui/index.html", "http://h.com/a/shehui/"),
        ("http://h.com:80/a/1.html#top", "http://h.com/a/1.html"),
        ("http://h.com:8080/a/1.html", "http://h.com:8080/a/1.html"),
        ("http://h.com/a/1.html?utm_source=x&spm=1.2&b=2&a=1", "http://h.com/a/1.html?a=1&b=2"),
        ("http://h.com", "http://h.com/"),
    ],
)
def test_canonical_url_folds_dedecms_quirks(url, expected):
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    ("url", "aid"),
    [
        ("http://h/a/shehui/xinwenredian/2016/0712/123.html", 123),
        ("http://h/a/shehui/xinwenredian/2016/0712/123_3.html", 123),
        ("http://h/special/arc-123.html", 123),
        ("http://h/special/arc-123_2.html", 123),
        ("http://h/plus/view.php?aid=123&pageno=2", 123),
        ("http://h//plus/view.php?aid=123", 123),
        ("http://h/a/shehui/list_1_2.html", None),
        ("http://h/a/shehui/", None),
        ("http://h/plus/view.php?aid=abc", None),
    ],
)
def test_article_id(url, aid):
    assert article_id(url) == aid
    assert is_article_url(url) is (aid is not None)


def test_all_copies_of_an_article_share_one_key():
    forms = [
        "http://h/a/shehui/xinwenredian/2016/0712/123.html",
        "http://h//a/shehui/xinwenredian/2016/0712/123_2.html",
        "http://h/special/arc-123.html",
        "http://h/plus/view.php?aid=123",
    ]
    assert {article_key(u) for u in forms} == {"h/aid/123"}
    assert article_key("http://other/special/arc-123.html") == "other/aid/123"


def test_first_page_and_page_number():
    assert first_page_url("http://h//a/x/2016/0712/9_3.html") == "http://h/a/x/2016/0712/9.html"
    assert article_page_number("http://h/a/x/2016/0712/9_3.html") == 3
    assert article_page_number("http://h/a/x/2016/0712/9.html") == 1
    assert article_page_number("http://h/plus/view.php?aid=9&pageno=2") == 2
    assert first_page_url("http://h/plus/view.php?aid=9&pageno=2") == "http://h/plus/view.php?aid=9"


def test_list_urls_and_same_site():
    assert is_list_url("http://h/a/shehui/list_5_12.html")
    assert not is_list_url("http://h/a/shehui/")
    hosts = frozenset({"127.0.0.1:8000"})
    assert same_site("http://127.0.0.1:8000/a/", hosts)
    assert not same_site("http://127.0.0.1:9000/a/", hosts)
    assert not same_site("javascript:alert(1)", hosts)
    assert not same_site("mailto:x@127.0.0.1:8000", hosts)


def test_full_width_digits_are_not_an_article_path():
    assert article_id("http://h/a/guoji/２０２６/０７０４/2.html") is None
    assert article_id("http://h/plus/view.php?aid=１２") is None
