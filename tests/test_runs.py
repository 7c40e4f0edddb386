"""``scrapy runs``: the run history table, and its HTML page opened in a real headless Chromium.

Three real crawls of the sample portal (a full run, an incremental one with new articles,
one with the portal gone) make the reports; the command reads them. The page is opened in
Chromium (Debian's ``chromium`` + ``chromium-driver``, driven by selenium) with no network
use allowed by its flags, and the plots are checked point by point.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from collections import Counter

import pytest

from newscrawler.history import NO_SECTION, load_runs, table
from newscrawler.portal import PortalServer, build_site
from tests.crawl_helpers import PROJECT_ROOT, feed_files, read_jsonl, run_crawl
from tests.warm_scrapy import run_scrapy

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--host-resolver-rules=MAP * ~NOTFOUND"]  # and no name resolves: no network at all


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    """A FEED_DIR with three runs' reports and feeds (and one damaged report)."""
    work = tmp_path_factory.mktemp("runs")
    site = build_site(articles=30)
    with PortalServer(site) as server:
        url = server.url
        assert run_crawl(url, work).returncode == 0
        site.publish(4)
        assert run_crawl(url, work).returncode == 0
    assert run_crawl(url, work, "-s", "RETRY_TIMES=0").returncode == 2  # the portal is gone
    (work / "feeds" / "zz-broken.report.json").write_text("{not json", "utf-8")
    return work


def reports(work, damaged: str) -> list[dict]:
    """The run reports, oldest first, without the damaged one."""
    paths = [p for p in (work / "feeds").glob("*.report.json") if p.name != damaged]
    paths.sort(key=lambda p: p.stat().st_mtime_ns)  # runs of one second: by when written
    found = [json.loads(p.read_text("utf-8")) for p in paths]
    return sorted(found, key=lambda r: r["started_at"])  # stable: the order above stays


def runs_command(work, *args: str) -> subprocess.CompletedProcess:
    return run_scrapy(["runs", "-s", f"FEED_DIR={work / 'feeds'}", *args], PROJECT_ROOT, 60)


def test_table_of_the_last_runs(history):
    done = runs_command(history)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["started", "mode", "healthy", "articles", "requests", "errors",
                                "duration"]
    expected = reports(history, damaged="zz-broken.report.json")
    assert len(lines) == 1 + len(expected) == 4  # the damaged report is skipped
    for line, report in zip(lines[1:], expected, strict=True):
        started, mode, healthy, articles, requests, errors, duration = line.split()
        assert started == report["started_at"] and mode == report["mode"]
        assert healthy == ("yes" if report["healthy"] else "NO")
        assert int(articles) == report["articles_delivered"]
        assert int(requests) == report["requests"]
        assert int(errors) == sum(report["errors"].values())
    assert [line.split()[2] for line in lines[1:]] == ["yes", "yes", "NO"]
    assert "zz-broken.report.json" in done.stderr  # said why it was skipped
    last_two = runs_command(history, "-n", "2").stdout.splitlines()
    assert last_two[1:] == lines[2:]


def test_history_counts_sections_from_the_feeds(history):
    runs = load_runs(history / "feeds")
    for run, path in zip(runs[:2], feed_files(history), strict=True):
        expected = Counter((r["section"] or [NO_SECTION])[0] for r in read_jsonl(path))
        assert run.sections == dict(expected)
    assert runs[2].sections == {} and runs[2].coverage == {}  # nothing delivered
    assert table(runs).count("\n") == 4


def _driver():
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        pytest.skip(
            "HTML history test SKIPPED LOUDLY: chromium and chromium-driver are not installed "
            "(apt-get install -y chromium chromium-driver; .ci/run does it)"
        )
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={tempfile.mkdtemp(prefix='chromium-')}"]:
        options.add_argument(flag)
    return webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))


def test_html_page_renders_every_plot_in_headless_chromium_with_no_network(history, tmp_path):
    target = tmp_path / "runs.html"
    done = runs_command(history, "--html", str(target))
    assert done.returncode == 0, done.stderr[-2000:]
    html = target.read_text("utf-8")
    # self-contained: nothing to load (no scripts, links, images, imports, external URLs)
    assert not re.search(r"<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import|https?:",
                         html, re.I)
    runs = load_runs(history / "feeds")
    driver = _driver()
    try:
        driver.get(target.as_uri())
        charts = driver.execute_script("""
            return [...document.querySelectorAll('figure')].map(f => ({
              title: f.querySelector('figcaption').textContent,
              series: Object.fromEntries([...f.querySelectorAll('g.series')].map(g => [
                g.dataset.series,
                [...g.querySelectorAll('circle')].filter(c => {
                  const box = c.getBoundingClientRect(); return box.width > 0 && box.height > 0;
                }).length])),
              width: f.querySelector('svg').getBoundingClientRect().width,
            }));""")
        fetched = driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)")
    finally:
        driver.quit()
    assert fetched == [], "the page fetched something"
    by_title = {c["title"]: c for c in charts}
    assert list(by_title) == [
        "Articles delivered per run", "Articles per section", "Requests and errors by reason",
        "Duration", "Field coverage (share of records)",
    ]
    assert all(c["width"] > 0 for c in charts)
    n = len(runs)
    assert by_title["Articles delivered per run"]["series"] == {"articles": n}
    assert by_title["Duration"]["series"] == {"duration": n}
    sections = {s for r in runs for s in r.sections}
    assert len(sections) > 1
    assert by_title["Articles per section"]["series"] == {s: n for s in sections}
    traffic = by_title["Requests and errors by reason"]["series"]
    assert traffic["requests"] == n
    errors = {e for r in runs for e in r.errors}
    assert errors and {k for k in traffic if k != "requests"} == {f"error: {e}" for e in errors}
    assert all(v == n for v in traffic.values())
    with_records = sum(1 for r in runs if r.coverage)
    coverage = by_title["Field coverage (share of records)"]["series"]
    assert "published_at" in coverage and set(coverage.values()) == {with_records} == {2}


def test_runs_started_in_one_second_keep_their_order(tmp_path):
    """Two runs in one second: the report extension names the second ``<time>-2.report.json``,
    which sorts before ``<time>.report.json`` by name; the history orders them as they ran."""
    stamp = "2026-12-04T05-12-14+00-00"
    for n, (name, articles) in enumerate([(f"{stamp}.report.json", 30),
                                          (f"{stamp}-2.report.json", 4)]):
        path = tmp_path / name
        path.write_text(json.dumps({"started_at": "2026-12-04T05:12:14+00:00", "healthy": True,
                                    "finished_at": "2026-12-04T05:12:15+00:00",
                                    "articles_delivered": articles, "feed": None}), "utf-8")
        os.utime(path, ns=(1_000_000_000 * (n + 1), 1_000_000_000 * (n + 1)))
    assert [run.articles for run in load_runs(tmp_path)] == [30, 4]
