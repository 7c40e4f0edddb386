"""newscrawler.urls: canonical forms and identities of DedeCms URLs."""

import pytest

from newscrawler.urls import (
    article_id,
    article_key,
    article_page_number,
    canonical_url,
    first_page_url,
    is_article_url,
    is_copy_url,
    is_list_url,
    is_mobile_url,
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


@pytest.mark.parametrize(
    ("url", "aid"),
    [
        ("http://h/guonei/1723.html", 1723),  # {typedir}/{aid}.html
        ("http://h//keji/shuju/1714_2.html", 1714),
        ("http://h/html/guonei/20160712/88.html", 88),  # {typedir}/{Y}{M}{D}/{aid}.html
        ("http://h/plus/view-88-1.html", 88),  # DedeCms rewrite
        ("http://h/index.php?m=content&c=index&a=show&catid=6&id=88&page=2", 88),  # PHPCMS
        ("http://h/html/2016/guonei_0712/88.html", 88),
        ("http://h/e/action/ShowInfo.php?classid=2&id=88", 88),  # EmpireCMS
        ("http://h/guonei/2016-07-12/88.html", 88),
        ("http://h/guonei/zhongguo-jingji.html", None),  # a pinyin file name names no id
        ("http://h/plus/list.php?tid=5&PageNo=2", None),
        ("http://h/index.php?m=content&c=index&a=lists&catid=6", None),
    ],
)
def test_article_id_in_every_cms_form(url, aid):
    assert article_id(url) == aid


def test_every_name_of_one_article_meets_in_its_key():
    names = ["http://h/guonei/1723.html", "http://h/special/arc-1723.html",
             "http://h/plus/view.php?aid=1723&pageno=3", "http://h//guonei/1723_2.html",
             "http://h/m/view.php?aid=1723", "http://h/plus/view-1723-1.html"]
    assert {article_key(url) for url in names} == {"h/aid/1723"}


def test_a_slug_article_is_known_by_its_page_one_url():
    slug_page_2 = "http://h/guonei/zhongguo-jingji_2.html"
    assert article_key(slug_page_2) == "h/url/guonei/zhongguo-jingji.html"
    assert article_key("http://h/?p=12") == "h/url/?p=12"  # WordPress: p is the post, not a page


def test_pages_of_dynamic_articles_fold_into_page_one():
    url = "http://h/index.php?m=content&c=index&a=show&catid=6&id=9&page=2"
    assert article_page_number(url) == 2
    assert first_page_url(url) == "http://h/index.php?a=show&c=index&catid=6&id=9&m=content"


def test_pages_of_rewritten_articles_fold_into_page_one():
    assert article_page_number("http://h/plus/view-9-3.html") == 3
    assert first_page_url("http://h//plus/view-9-3.html") == "http://h/plus/view-9-1.html"
    assert article_key("http://h/plus/view-9-3.html") == article_key("http://h/a/9.html")


def test_copies_and_mobile_pages():
    assert is_copy_url("http://h//special/arc-5.html")
    assert is_copy_url("http://h/plus/view.php?aid=5")
    assert is_copy_url("http://h/plus/view-5-1.html")
    assert not is_copy_url("http://h/plus/view-5-1.html", static=False)  # a dynamic portal
    assert is_copy_url("http://h/special/arc-5.html", static=False)
    assert not is_copy_url("http://h/guonei/5.html")
    assert is_mobile_url("http://h/m/view.php?aid=5")
    assert is_mobile_url("http://h//wap/guonei/5.html")
    assert not is_mobile_url("http://h/media/5.html")
    assert not is_mobile_url("http://h/m")
