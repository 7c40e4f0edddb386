"""extract_article on portal pages broken the way ``newscrawler.portal.faults`` breaks them.

The end-to-end fault matrix (``tests/test_faults.py``) crawls these pages; here the extraction
itself is pinned, without Scrapy: a page with every ``</p></div></li></td>`` missing and one
with a stray ``</body></html>`` before the body give the record of the intact page, and an
article whose body container is empty gives an empty body (so the validator drops it), never
its meta line, its intro or sidebar text.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from newscrawler.extract import extract_article
from newscrawler.extract.article import parse_html
from newscrawler.extract.meta_line import is_meta_line
from newscrawler.portal import build_site
from newscrawler.portal import faults as F
from newscrawler.portal.variants import THEMES

BASE = "http://127.0.0.1:8000"
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
ARTICLE = re.compile(r"^/a/.+/\d+\.html$")  # first pages of articles, not list pages
EMPTY_CONTENT = re.compile(rb'(<div class="content">).*?(</div>\s*<div class="dede_pages">)',
                           re.S)


@pytest.fixture(scope="module")
def site():
    return build_site(articles=12)


def _articles(site) -> list[str]:
    truth = {r["url"] for r in site.ground_truth(BASE)}
    return [p for p in site.paths() if ARTICLE.match(p) and BASE + p in truth]


def _extract(html: bytes, path: str) -> dict:
    return extract_article(html, BASE + path, now=NOW)


@pytest.mark.parametrize("transform", [F.malformed(), F.stray_html_end()],
                         ids=["malformed_unclosed_tags", "stray_html_end"])
def test_broken_markup_gives_the_intact_record(site, transform) -> None:
    paths = _articles(site)
    assert paths
    for path in paths:
        html = site.pages[path]
        broken = transform(html)
        assert broken != html
        assert _extract(broken, path) == _extract(html, path), path


def test_unclosed_tags_keep_the_breadcrumb(site) -> None:
    truth = {r["url"]: r for r in site.ground_truth(BASE)}
    for path in _articles(site):
        record = _extract(F.malformed()(site.pages[path]), path)
        assert record["section"] == truth[BASE + path]["section"], path
        assert record["section"]


def test_stray_end_tags_keep_the_body(site) -> None:
    truth = {r["url"]: r for r in site.ground_truth(BASE)}
    path = next(p for p in _articles(site) if "dede_pages" in site.pages[p].decode("latin-1")
                and b"_2.html" not in site.pages[p])  # a one-page article: the whole body
    record = _extract(F.stray_html_end()(site.pages[path]), path)
    assert record["body"] == truth[BASE + path]["body"]
    assert record["editor"] == truth[BASE + path]["editor"]


def test_content_after_a_premature_html_end_is_kept_in_order() -> None:
    root = parse_html(b"<html><body><p>one</p></body></html>\n<div>two</div>tail"
                      b"<html><body><p>three</p></body></html>")
    body = root.find("body")
    assert [n.text for n in body] == ["one", "two", "three"]
    assert body[1].tail == "tail"


def test_control_characters_after_html_end_do_not_raise() -> None:
    root = parse_html(b"<html><body><p>a</p></body></html>x\x01y<div>b</div>")
    assert "".join(root.find("body").itertext()) == "axyb"


@pytest.mark.parametrize("variant", sorted(THEMES))
def test_empty_body_is_empty_not_the_meta_line(variant: str) -> None:
    site = build_site(articles=12, variant=variant)
    emptied_pages = 0
    for path in _articles(site):
        html = site.pages[path]
        emptied = F.without_body()(html)
        record = _extract(emptied, path)
        assert record["title"]
        if b'<div class="content"></div>' in emptied:
            emptied_pages += 1
            assert record["body"] == "", (path, record["body"])
        else:  # this theme's body is elsewhere: only the intro and description are gone
            assert record["body"] == _extract(html, path)["body"], path
    assert emptied_pages or variant != "default"


def test_empty_body_with_intro_left_is_not_the_intro(site) -> None:
    for path in _articles(site):
        emptied = EMPTY_CONTENT.sub(rb"\1\2", site.pages[path])
        assert emptied != site.pages[path]
        assert _extract(emptied, path)["body"] == "", path


@pytest.mark.parametrize("text", [
    "时间:2026-07-21 22:47来源:中国新闻网 作者:李华 点击: 次",
    "日期：2026-08-14 22:22:54",
    "发布时间：2016-07-12 10:30:00 来源：本站原创 作者：admin 点击：123次",
])
def test_meta_lines_are_recognised(text: str) -> None:
    assert is_meta_line(text)


@pytest.mark.parametrize("text", [
    "来源：新华社。记者从国务院新闻办公室获悉，今年以来各地区各部门认真贯彻落实党中央决策部署，"
    "经济运行总体平稳、稳中有进。",
    "千灯加快转型升级创新发展步伐,不断提升发展含金量。",
    "",
])
def test_prose_is_not_a_meta_line(text: str) -> None:
    assert not is_meta_line(text)


def test_control_characters_in_a_swallowing_breadcrumb_do_not_raise():
    """lxml keeps control characters from the parser but refuses them through its API."""
    from newscrawler.extract import extract_article
    from newscrawler.extract.sections import trail_of

    page = ("<html><body><div class='position'>当前位置：\x01<a href='/'>首页</a> &gt; "
            "<a href='/a/x/'>社会</a><div><h1>标题</h1><p>正文第一段。</p></body></html>")
    record = extract_article(page.encode(), "http://h/a/x/2026/1120/1.html")
    assert record["title"] == "标题"
    from lxml import etree

    node = etree.fromstring("<div>a\x01b<span>x</span><p>z</p></div>", etree.HTMLParser())
    trail = trail_of(node.find(".//div"))
    assert trail.text == "ab" and [c.tag for c in trail] == ["span"]
