"""The ledger's incremental rules over real crawls: republished edits are fetched again,
re-checks are conditional (304s), and copies dropped once are never fetched again."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from newscrawler.portal import PortalServer, build_site
from tests.crawl_helpers import feed_files, read_feeds, read_jsonl, reports, run_crawl

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def portal():
    site = build_site(articles=60, now=datetime.now(SHANGHAI) - timedelta(minutes=5))
    with PortalServer(site) as server:
        yield site, server


def _aid(url: str) -> int:
    return int(url.rsplit("/", 1)[1].split(".")[0].split("_")[0])


def _article_fetches(server) -> list[str]:
    return [p for p in server.requests() if "/20" in p and "list_" not in p]


def test_an_edit_republished_with_a_new_date_is_delivered_as_version_2(portal, tmp_path):
    site, server = portal
    assert run_crawl(server.url, tmp_path).returncode == 0
    truth = {r["url"]: r for r in site.ground_truth(server.url)}
    oldest = min(truth.values(), key=lambda r: r["published_at"])  # deep in its list pages
    site.edit(_aid(oldest["url"]), republish=True)
    server.reset_log()
    # no re-check window: only the list page's new date can bring the edit
    second = run_crawl(server.url, tmp_path, "-s", "LEDGER_RECHECK_WINDOW_HOURS=0")
    assert second.returncode == 0, second.stderr[-3000:]
    run2 = read_jsonl(feed_files(tmp_path)[-1])
    assert [(r["url"], r["version"]) for r in run2] == [(oldest["url"], 2)]
    want = {r["url"]: r for r in site.ground_truth(server.url)}[oldest["url"]]
    assert run2[0]["body"] == want["body"] and run2[0]["published_at"] == want["published_at"]
    assert reports(tmp_path)[-1]["stats"]["ledger/republished"] == 1
    server.reset_log()
    third = run_crawl(server.url, tmp_path, "-s", "LEDGER_RECHECK_WINDOW_HOURS=0")
    assert third.returncode == 0
    assert _article_fetches(server) == []  # the new list date is recorded: not fetched again


def test_rechecks_are_conditional_and_an_edit_without_a_new_date_is_caught(portal, tmp_path):
    site, server = portal
    assert run_crawl(server.url, tmp_path).returncode == 0
    truth = {r["url"]: r for r in site.ground_truth(server.url)}
    newest = sorted(truth.values(), key=lambda r: r["published_at"], reverse=True)[:6]
    edited = newest[0]["url"]
    site.edit(_aid(edited))  # same date: the list page shows nothing new
    fifth, sixth = (datetime.fromisoformat(r["published_at"]) for r in newest[4:6])
    cutoff = fifth - (fifth - sixth) / 2  # the newest five, with room for the clock to move
    hours = (datetime.now(SHANGHAI) - cutoff).total_seconds() / 3600
    window = ["-s", f"LEDGER_RECHECK_WINDOW_HOURS={hours}",
              "-s", "LEDGER_RECHECK_INTERVAL_MINUTES=0"]
    server.reset_log()
    second = run_crawl(server.url, tmp_path, *window)
    assert second.returncode == 0, second.stderr[-3000:]
    run2 = read_jsonl(feed_files(tmp_path)[-1])
    assert [(r["url"], r["version"]) for r in run2] == [(edited, 2)]
    report = reports(tmp_path)[-1]
    rechecked = report["stats"]["crawl/start/recheck"]
    assert rechecked == 5
    # every unchanged article answered 304 Not Modified: nothing parsed, nothing dropped
    assert report["pages"]["not_modified"] == rechecked - 1
    assert report["pages"]["article"] == 1
    assert report["dropped"].get("unchanged", 0) == 0


def test_a_no_change_run_fetches_no_article_even_with_copies_on_the_portal(portal, tmp_path):
    site, server = portal
    assert run_crawl(server.url, tmp_path).returncode == 0
    ordered = sorted(site.ground_truth(server.url), key=lambda r: r["published_at"])
    for record in ordered[:3]:
        site.repost(_aid(record["url"]))  # near-duplicates of delivered articles
    for record in ordered[3:6]:
        site.repost(_aid(record["url"]), exact=True)  # the same content under a new id
    second = run_crawl(server.url, tmp_path, "-s", "LEDGER_RECHECK_WINDOW_HOURS=0")
    assert second.returncode == 0, second.stderr[-3000:]
    assert {r["url"] for r in read_feeds(tmp_path)} == {r["url"] for r in site.ground_truth(
        server.url)}
    dropped = reports(tmp_path)[-1]["dropped"]
    assert dropped["near_duplicate"] == 3 and dropped["same_content"] == 3
    for _ in range(2):
        server.reset_log()
        again = run_crawl(server.url, tmp_path, "-s", "LEDGER_RECHECK_WINDOW_HOURS=0")
        assert again.returncode == 0, again.stderr[-3000:]
        assert _article_fetches(server) == []  # the six copies are remembered, not fetched
        assert reports(tmp_path)[-1]["skipped_links"]["dropped"] >= 6  # links, on several pages


def test_list_dates_keep_their_precision_and_compare_on_the_common_prefix():
    from datetime import date

    from newscrawler.ledger.dates import is_later, list_moment

    today = date(2026, 1, 2)
    assert list_moment("2016-7-12", today) == "2016-07-12"
    assert list_moment("[16-07-11]", today) == "2016-07-11"
    assert list_moment("2016年7月12日 10:30", today) == "2016-07-12T10:30"
    assert list_moment("12-31", today) == "2025-12-31"  # no year, and not in the future
    assert list_moment("01-02", today) == "2026-01-02"
    assert list_moment("2016-13-40", today) is None and list_moment(None, today) is None
    assert is_later("2016-07-13", "2016-07-12T23:59:00+08:00")
    assert not is_later("2016-07-12", "2016-07-12T10:30:00+08:00")  # same day: not later
    assert is_later("2016-07-12T10:31", "2016-07-12T10:30:00+08:00")
    assert not is_later(None, "2016-07-12") and not is_later("2016-07-12", None)
