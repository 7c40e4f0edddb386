"""End to end: ``scrapy crawl portal`` over HTTP against both editions of the sample portal.

The crawl must reproduce the portal's ground truth exactly: every article once, every field.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from newscrawler.portal import PortalServer, build_site
from tests.crawl_helpers import feed_files, read_feeds, read_jsonl, reports, run_crawl

SCHEMA = json.loads(
    (Path(__file__).parents[1] / "newscrawler" / "schema" / "article.schema.json").read_text()
)
FIELD_ORDER = list(SCHEMA["properties"])
SEED_TITLE = "提升服务含金量 铸就“金千灯”"


@pytest.fixture(scope="module", params=["utf-8", "gbk"])
def crawled(request, tmp_path_factory):
    """One full crawl of a 60-article portal of each edition; (site, base_url, work, process)."""
    site = build_site(articles=60, edition=request.param)
    work = tmp_path_factory.mktemp(f"crawl-{request.param}")
    with PortalServer(site) as server:
        process = run_crawl(server.url + "/", work)
        truth = site.ground_truth(server.url)
    return truth, work, process


def test_crawl_matches_ground_truth_field_by_field(crawled):
    truth, work, process = crawled
    assert process.returncode == 0, process.stderr[-3000:]
    records = read_feeds(work)
    urls = [r["url"] for r in records]
    assert len(urls) == len(set(urls)), "an article was emitted twice"
    got = {r["url"]: r for r in records}
    expected = {r["url"]: r for r in truth}
    assert set(got) == set(expected)
    for url, want in expected.items():
        for field, value in want.items():
            assert got[url][field] == value, (url, field)
        assert got[url]["version"] == 1


def test_seed_article_is_exactly_the_seed(crawled):
    _truth, work, _process = crawled
    seed = next(r for r in read_feeds(work) if r["title"] == SEED_TITLE)
    assert seed["section"] == ["社会", "新闻热点"]
    assert seed["source"] == "中国国际新闻台"
    assert seed["published_at"] == "2016-07-12T00:00:00+08:00"
    assert seed["date_precision"] == "day"
    seed_text = (Path(__file__).parents[2] / "shared" / "seed" / "portal-article-page.txt")
    if seed_text.exists():
        text = seed_text.read_text("utf-8")
        article = text[text.index("发布时间:2016-07-12") :].split("\n", 1)[1]
        article = article[: article.index("    新闻热点")]
        paragraphs = [line.strip() for line in article.splitlines() if line.strip()]
        assert seed["body"].split("\n") == paragraphs
    for furniture in ("资讯排行", "Power by DedeCms", "返回顶部", "责任编辑", "上一篇", "顶一下"):
        assert furniture not in seed["body"]


def test_feed_is_schema_valid_utf8_jsonl_in_field_order(crawled):
    _truth, work, _process = crawled
    files = feed_files(work)
    assert len(files) == 1
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\+00-00\.jsonl", files[0].name)
    raw = files[0].read_text("utf-8")
    assert "\\u" not in raw and "新闻" in raw  # Chinese written as is
    assert not list((work / "feeds").glob("*.part"))
    for record in read_jsonl(files[0]):
        jsonschema.validate(record, SCHEMA)
        assert list(record) == FIELD_ORDER
        assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", record["crawled_at"])


def test_run_report_beside_the_feed(crawled):
    truth, work, _process = crawled
    (report,) = reports(work)
    assert report["healthy"] is True and report["unhealthy_reasons"] == []
    assert report["articles_delivered"] == len(truth)
    assert report["feed"] == str(feed_files(work)[0])
    assert report["mode"] == "full" and report["finish_reason"] == "finished"
    assert report["pages"]["article"] >= len(truth)
    # /special/arc-N.html and /plus/view.php?aid=N copies, and articles linked from several
    # pages (home, parent and child lists), were recognised and not fetched again
    assert report["skipped_links"]["copy"] >= 1
    assert report["skipped_links"]["requested"] >= len(truth) // 2


def test_dash_O_writes_the_named_file(tmp_path):
    site = build_site(articles=12)
    with PortalServer(site) as server:
        out = tmp_path / "out.jsonl"
        process = run_crawl(server.url, tmp_path, "-O", str(out))
        truth = site.ground_truth(server.url)
    assert process.returncode == 0, process.stderr[-3000:]
    assert sorted(r["url"] for r in read_jsonl(out)) == sorted(r["url"] for r in truth)
    assert feed_files(tmp_path) == []  # -O replaces the per-run feed


def test_demo_crawls_the_bundled_sample_portal(tmp_path):
    process = run_crawl(None, tmp_path, "-a", "demo=1", "-s", "SAMPLE_PORTAL_ARTICLES=25")
    assert process.returncode == 0, process.stderr[-3000:]
    assert "crawling the sample portal at http://127.0.0.1:" in process.stderr
    records = read_feeds(tmp_path)
    assert len(records) == len(build_site(articles=25).ground_truth()) == 25
    assert any(r["title"] == SEED_TITLE for r in records)


@pytest.mark.parametrize("bad", ["ftp://example.com/", "not a url", "http:///path"])
def test_bad_start_url_is_a_clear_usage_error(tmp_path, bad):
    process = run_crawl(bad, tmp_path)
    assert process.returncode == 1
    assert "start_url=" in process.stderr and "expected an http(s) URL" in process.stderr
    assert "Traceback" not in process.stderr
