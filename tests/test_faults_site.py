"""Site-wide and list-page faults, end to end, over three ``scrapy crawl`` runs.

These faults take whole groups of articles with them, so they get a portal of their own:

- robots.txt disallows the ``/a/keji/`` section: never fetched, reported as
  ``robots_disallowed``, not a failure, never pending;
- list page 3 of 新闻热点 answers 404: reported, not pending, and it does not keep the
  backfill from completing (else every later run would walk the whole portal again);
- list page 2 of 法治 answers 503 in run 1: pending, the backfill stays incomplete, and run 2
  brings its articles;
- list page 2 of 股市 is empty (its articles are still listed by the parent section 财经);
- list page 2 of 国际 paginates to itself: fetched once, no loop.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newscrawler.portal import PortalServer, build_site
from newscrawler.portal import faults as F
from newscrawler.urls import article_key
from tests.crawl_helpers import feed_files, read_jsonl, reports, run_crawl
from tests.test_faults import FAST_FAULTS

DISALLOWED = "/a/keji/"
LIST_404 = "/a/shehui/xinwenredian/list_5_3.html"
LIST_503 = "/a/shehui/fazhi/list_6_2.html"
LIST_EMPTY = "/a/caijing/gushi/list_7_2.html"
LIST_SELF = "/a/guoji/list_2_2.html"
AFFECTED = (DISALLOWED, "/a/shehui/xinwenredian/", "/a/shehui/fazhi/")


def _pending(work: Path) -> set[str]:
    with sqlite3.connect(work / "state.sqlite") as db:
        return {row[0] for row in db.execute("SELECT url FROM pending")}


@pytest.fixture(scope="module")
def crawls(tmp_path_factory):
    work = tmp_path_factory.mktemp("fault-site")
    site = build_site(articles=120)
    runs, logs, pending = [], [], []
    with PortalServer(site) as server:
        faults = F.install(server)
        faults.add("/robots.txt", F.robots(DISALLOWED))
        faults.add(LIST_404, F.not_found())
        faults.add(LIST_503, F.status(503))
        faults.add(LIST_EMPTY, F.rewrite(F.empty_list()))
        faults.add(LIST_SELF, F.self_page(LIST_SELF))
        for run in range(3):
            if run == 1:
                faults.heal(LIST_503)
            server.reset_log()
            runs.append(run_crawl(server.url, work, *FAST_FAULTS, timeout=120))
            logs.append(server.requests())
            pending.append(_pending(work))
        truth = {r["url"]: r for r in site.ground_truth(server.url)}
        base = server.url
    feeds = [read_jsonl(path) for path in feed_files(work)]
    return {"runs": runs, "logs": logs, "pending": pending, "truth": truth, "base": base,
            "feeds": feeds, "reports": reports(work), "site": site}


def test_runs_finish_healthy(crawls):
    for process in crawls["runs"]:
        assert process.returncode == 0, process.stderr[-3000:]
        assert "Traceback" not in process.stderr
    assert [r["mode"] for r in crawls["reports"]] == ["full", "full", "incremental"]


def test_disallowed_section_is_never_fetched_nor_failed_nor_pending(crawls):
    for log in crawls["logs"]:
        assert not [target for target in log if target.startswith(DISALLOWED)]
    report = crawls["reports"][0]
    refused = [f for f in report["failed_urls"] if f["reason"] == "robots_disallowed"]
    assert refused and all(f["url"].startswith(crawls["base"] + DISALLOWED) for f in refused)
    assert report["errors"]["robots_disallowed"] == len(refused)
    assert not any(url.startswith(crawls["base"] + DISALLOWED)
                   for pending in crawls["pending"] for url in pending)
    delivered = {r["url"] for feed in crawls["feeds"] for r in feed}
    assert not any(url.startswith(crawls["base"] + DISALLOWED) for url in delivered)


def test_list_404_is_reported_not_pending_and_does_not_block_the_backfill(crawls):
    url = crawls["base"] + LIST_404
    for report in crawls["reports"][:2]:  # full runs walk every list page
        assert {"kind": "list", "url": url, "reason": "http_404"} in report["failed_urls"]
    assert all(url not in pending for pending in crawls["pending"])
    assert crawls["reports"][1]["stats"]["crawl/failed/list"] == 1  # counted for health …
    assert crawls["reports"][2]["mode"] == "incremental"  # … but the backfill was complete


def test_list_503_is_pending_keeps_backfill_open_and_heals_next_run(crawls):
    url = crawls["base"] + LIST_503
    first = crawls["reports"][0]
    assert {"kind": "list", "url": url, "reason": "http_503"} in first["failed_urls"]
    assert url in crawls["pending"][0]
    assert url not in crawls["pending"][1]
    assert crawls["logs"][1].count(LIST_503) == 1
    fazhi = {u for u in crawls["truth"] if u.startswith(crawls["base"] + "/a/shehui/fazhi/")}
    delivered = {r["url"] for feed in crawls["feeds"] for r in feed}
    assert fazhi <= delivered
    assert fazhi - {r["url"] for r in crawls["feeds"][0]}, "page 2 articles came in run 1?"


def test_empty_and_self_paginating_list_pages(crawls):
    first = crawls["reports"][0]["stats"]
    assert first["crawl/list/empty"] >= 1
    assert crawls["logs"][0].count(LIST_SELF) == 1  # no loop on a page that links itself
    assert crawls["logs"][0].count(LIST_EMPTY) == 1


def test_unaffected_articles_arrive_in_run_1_exactly_once(crawls):
    base = crawls["base"]
    expected = {u for u in crawls["truth"]
                if not any(u.startswith(base + prefix) for prefix in AFFECTED)}
    run1 = [r["url"] for r in crawls["feeds"][0]]
    assert expected <= set(run1)
    # by article identity: an article whose list pages were refused may come by its
    # /plus/view.php copy (robots.txt allows that one), but never twice
    everything = [article_key(r["url"]) for feed in crawls["feeds"] for r in feed]
    assert len(everything) == len(set(everything))
    assert set(everything) <= {article_key(u) for u in crawls["truth"]}


@pytest.mark.parametrize("fault", ["503", "reset"])
def test_unavailable_robots_txt_means_stay_out_this_run_and_come_back_next(tmp_path, fault):
    """RFC 9309 §2.3.1.4: robots.txt unreachable by a server or network error = disallow all."""
    site = build_site(articles=12)
    with PortalServer(site) as server:
        faults = F.install(server)
        faults.add("/robots.txt", F.status(503) if fault == "503" else F.reset())
        first = run_crawl(server.url, tmp_path, *FAST_FAULTS, timeout=120)
        log = server.requests()
        faults.clear()
        second = run_crawl(server.url, tmp_path, *FAST_FAULTS, timeout=120)
        truth = {r["url"] for r in site.ground_truth(server.url)}
    assert set(log) == {"/robots.txt"}  # nothing but robots.txt (and its retries)
    assert first.returncode == 2  # unhealthy: the portal could not be crawled
    report = reports(tmp_path)[0]
    assert report["errors"]["robots_unavailable"] >= 1
    assert report["stats"]["robust/robots/unavailable"] == 1
    assert second.returncode == 0, second.stderr[-3000:]
    assert {r["url"] for r in read_jsonl(feed_files(tmp_path)[-1])} == truth


def test_missing_robots_txt_means_no_rules(tmp_path):
    site = build_site(articles=12)
    with PortalServer(site) as server:
        F.install(server).add("/robots.txt", F.not_found())
        process = run_crawl(server.url, tmp_path, *FAST_FAULTS, timeout=120)
        truth = {r["url"] for r in site.ground_truth(server.url)}
    assert process.returncode == 0, process.stderr[-3000:]
    assert {r["url"] for r in read_jsonl(feed_files(tmp_path)[0])} == truth
