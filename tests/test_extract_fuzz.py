"""Any bytes in, a full record out: extract_article on mutilated real pages never raises."""

from __future__ import annotations

import logging
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscrawler.extract import RECORD_KEYS, extract_article
from tests.test_extract_article import dede_page

REALPAGES = Path(__file__).resolve().parents[2] / "shared" / "realpages" / "zh-portals" / "tests"
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
URL = "http://www.example.cn/a/shehui/2016/0712/1.html"


def _seed_pages() -> list[bytes]:
    """The inline DedeCms page (UTF-8 and GBK) plus a few real pages when shared/ is there."""
    pages = [dede_page().encode("utf-8"), dede_page(charset="gb2312").encode("gbk")]
    for name in ("people/1.html", "163/9.html", "gsc/1.html", "zsnews/1.html"):
        path = REALPAGES / name
        if path.exists():
            pages.append(path.read_bytes()[:120_000])
    return pages


SEEDS = _seed_pages()
CLOSING_TAG_RE = re.compile(rb"</[a-zA-Z0-9]+\s*>")
CHARSET_RE = re.compile(rb"charset=[\"']?[\w-]+", re.IGNORECASE)
CHARSETS = [b"utf-8", b"gb2312", b"gbk", b"big5", b"utf-16", b"iso-8859-1", b"x-bogus", b""]


@st.composite
def mutated_pages(draw) -> bytes:
    page = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(
            ["truncate", "delete", "insert", "drop_closing", "double_html", "charset", "splice"]))
        if kind == "truncate":
            page = page[: draw(st.integers(0, len(page)))]
        elif kind == "delete" and page:
            start = draw(st.integers(0, len(page) - 1))
            page = page[:start] + page[start + draw(st.integers(1, 400)):]
        elif kind == "insert":
            at = draw(st.integers(0, len(page)))
            page = page[:at] + draw(st.binary(min_size=1, max_size=64)) + page[at:]
        elif kind == "drop_closing":
            keep = draw(st.integers(2, 5))
            page = CLOSING_TAG_RE.sub(
                lambda m, k=keep: b"" if hash(m.start()) % k == 0 else m.group(0), page)
        elif kind == "double_html":
            at = draw(st.integers(0, len(page)))
            page = page[:at] + b"</html></body></html>" + page[at:]
        elif kind == "charset":
            charset = draw(st.sampled_from(CHARSETS))
            page = CHARSET_RE.sub(b"charset=" + charset, page, count=1)
        elif kind == "splice":
            other = draw(st.sampled_from(SEEDS))
            page = page[: len(page) // 2] + other[len(other) // 2:]
    return page


class _Failures(logging.Handler):
    """Collects the last-resort guard's log records: the guard must not be what saves us."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


FAILURES = _Failures()
logging.getLogger("newscrawler.extract.article").addHandler(FAILURES)


def assert_record(record: dict) -> None:
    assert not FAILURES.records, FAILURES.records[0].getMessage()
    assert list(record) == list(RECORD_KEYS)
    assert record["url"] == URL
    assert isinstance(record["body"], str)
    assert isinstance(record["section"], list) and isinstance(record["images"], list)
    assert isinstance(record["tags"], list)
    assert record["crawled_at"] == "2026-11-26T12:00:00+08:00"
    assert record["date_precision"] in (None, "day", "minute", "second")
    assert (record["published_at"] is None) == (record["date_precision"] is None)
    for key in ("title", "source", "author", "editor", "summary", "published_at"):
        assert record[key] is None or isinstance(record[key], str)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_pages(), st.sampled_from([None, "gbk", "utf-8", "latin-1", "bogus"]))
def test_mutated_real_pages_never_raise(page: bytes, http_encoding: str | None) -> None:
    assert_record(extract_article(page, URL, now=NOW, http_encoding=http_encoding))


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_binary_garbage(page: bytes) -> None:
    assert_record(extract_article(page, URL, now=NOW))


def test_edge_inputs() -> None:
    for page in (b"", b" ", b"\x00" * 100, b"</html>" * 5, b"<html>", b"<?xml version='1.0'?>",
                 b"<html><body><p>" * 3000, "<p>\ud800</p>".encode("utf-8", "surrogatepass"),
                 b"\xef\xbb\xbf", b"<title></title>", None):
        assert_record(extract_article(page, URL, now=NOW))  # type: ignore[arg-type]
