"""newscrawler.middlewares.refresh: Scrapy's meta refresh behind a byte test, same decisions."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy import Request
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from newscrawler.middlewares.refresh import QuickMetaRefreshMiddleware, may_refresh
from newscrawler.portal import build_site

REALPAGES = Path(__file__).resolve().parents[2] / "shared" / "realpages"
URL = "http://127.0.0.1:8000/a/guonei/2024/0101/1.html"
REFRESH = b'<html><head><meta http-equiv="refresh" content="0;url=/a/x/2.html"></head></html>'


def _pages() -> list[bytes]:
    made = [
        REFRESH,
        REFRESH.upper(),
        b"<html><head><title>t</title></head><body>" + "正文".encode() * 5000 + b"</body></html>",
        b"<html><head></head><body><p>refresh the page</p></body></html>",  # the word, no tag
        b"<html><noscript><meta http-equiv='refresh' content='0;url=/n.html'></noscript></html>",
        b"<html><head><meta http-equiv='refresh' content='120;url=/late.html'></head></html>",
        "<html><head><meta http-equiv='refresh' content='0;url=/u16.html'></head></html>"
        .encode("utf-16"),
        (b"<!-- " + b"x" * 20000 + b" --><meta http-equiv='refresh' content='0;url=/far.html'>"),
    ]
    portal = []
    for edition, variant in [("utf-8", "default"), ("gbk", "v40"), ("utf-8", "c2")]:
        site = build_site(12, edition=edition, variant=variant)
        portal += list(site.pages_for("http://127.0.0.1:8000").values())[:15]
    real = sorted(REALPAGES.rglob("*.htm*"))[:60]  # saved real pages, when shared/ is there
    return made + portal + [p.read_bytes() for p in real]


def _decision(mw, body: bytes) -> str | None:
    request = Request(URL)
    response = HtmlResponse(URL, body=body, request=request)
    result = mw.process_response(request, response)
    return result.url if isinstance(result, Request) else None


def test_byte_test_finds_every_spelling_and_skips_pages_without_the_word():
    assert may_refresh(REFRESH) and may_refresh(REFRESH.upper())
    assert may_refresh("<meta http-equiv='refresh'>".encode("utf-16-le"))  # NUL bytes
    assert not may_refresh(b"<html><head><title>news</title></head><body>text</body></html>")
    assert not may_refresh(b"x" * 20000 + b"refresh")  # beyond the 4,096 characters looked at


def test_same_decisions_as_scrapys_middleware():
    crawler = get_crawler(settings_dict={"METAREFRESH_MAXDELAY": 100})
    ours = QuickMetaRefreshMiddleware.from_crawler(crawler)
    scrapys = MetaRefreshMiddleware.from_crawler(crawler)
    pages = _pages()
    assert len(pages) > 50
    decisions = [(_decision(ours, body), _decision(scrapys, body)) for body in pages]
    assert all(mine == theirs for mine, theirs in decisions), decisions
    redirected = [mine for mine, _ in decisions if mine]
    assert "http://127.0.0.1:8000/a/x/2.html" in redirected  # the plain case does redirect
    assert len(redirected) >= 3


def test_scrapys_switch_still_turns_it_off():
    crawler = get_crawler(settings_dict={"METAREFRESH_ENABLED": False})
    with pytest.raises(NotConfigured):
        QuickMetaRefreshMiddleware.from_crawler(crawler)
