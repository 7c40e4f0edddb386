"""Incremental runs: run 2 brings exactly what was published or edited since run 1, and
costs requests in proportion to the number of sections, not to the size of the portal."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from newscrawler.portal import PortalServer, build_site
from tests.crawl_helpers import feed_files, read_feeds, read_jsonl, reports, run_crawl

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _leaf_sections(site) -> int:
    return sum(1 for c in site.categories.values() if not c.ispart)


@pytest.fixture
def portal():
    site = build_site(articles=120, now=datetime.now(SHANGHAI) - timedelta(minutes=5))
    with PortalServer(site) as server:
        yield site, server


def _recheck_hours(truth: list[dict], newest_n: int) -> float:
    """A recheck window that covers exactly the ``newest_n`` most recent articles."""
    dates = sorted((datetime.fromisoformat(r["published_at"]) for r in truth
                    if r["published_at"]), reverse=True)
    cutoff = dates[newest_n - 1] - timedelta(seconds=1)
    return (datetime.now(SHANGHAI) - cutoff).total_seconds() / 3600


def test_second_run_emits_only_new_and_edited_articles(portal, tmp_path):
    site, server = portal
    first = run_crawl(server.url, tmp_path)
    assert first.returncode == 0, first.stderr[-3000:]
    truth = {r["url"]: r for r in site.ground_truth(server.url)}
    assert {r["url"] for r in read_feeds(tmp_path)} == set(truth)
    run1_requests = len(server.requests())

    window = _recheck_hours(list(truth.values()), newest_n=3)
    newest = max(truth.values(), key=lambda r: r["published_at"] or "")
    edited_aid = int(newest["url"].rsplit("/", 1)[1].split(".")[0])
    site.edit(edited_aid)
    new_aids = site.publish(4)
    oldest = min(truth.values(), key=lambda r: r["published_at"] or "9")
    old_aid = int(oldest["url"].rsplit("/", 1)[1].split(".")[0])
    site.repost(old_aid, section="国际")  # the same story again, lightly edited
    site.repost(old_aid + 1, section="股市", exact=True)  # a verbatim copy
    server.reset_log()

    second = run_crawl(server.url, tmp_path, "-s", f"LEDGER_RECHECK_WINDOW_HOURS={window}",
                        "-s", "LEDGER_RECHECK_INTERVAL_MINUTES=0")
    assert second.returncode == 0, second.stderr[-3000:]
    run2 = read_jsonl(feed_files(tmp_path)[-1])
    truth2 = {r["url"]: r for r in site.ground_truth(server.url)}
    new_urls = {u for u in truth2 if u not in truth}
    assert len(new_urls) == len(new_aids) == 4
    assert {r["url"] for r in run2} == new_urls | {newest["url"]}
    for record in run2:
        want = truth2[record["url"]]
        assert {k: record[k] for k in want} == want
        assert record["version"] == (2 if record["url"] == newest["url"] else 1)

    run2_requests = server.requests()
    list_requests = [p for p in run2_requests if "list_" in p or p.endswith("/")]
    sections = _leaf_sections(site)
    assert len(list_requests) <= 3 * (sections + 4)  # landing + overlap page per section
    assert len(run2_requests) < run1_requests / 2
    report = reports(tmp_path)[-1]
    assert report["mode"] == "incremental"
    assert report["articles_delivered"] == 5
    assert report["dropped"].get("unchanged", 0) >= 1  # rechecked, not edited
    assert report["dropped"]["near_duplicate"] == 1
    assert report["dropped"]["same_content"] == 1


def test_unchanged_portal_gives_an_empty_run_without_a_feed_file(portal, tmp_path):
    site, server = portal
    assert run_crawl(server.url, tmp_path).returncode == 0
    server.reset_log()
    again = run_crawl(server.url, tmp_path, "-s", "LEDGER_RECHECK_WINDOW_HOURS=0")
    assert again.returncode == 0, again.stderr[-3000:]
    assert len(feed_files(tmp_path)) == 1  # the empty run wrote no feed
    report = reports(tmp_path)[-1]
    assert report["articles_delivered"] == 0 and report["feed"] is None and report["healthy"]
    assert not [p for p in server.requests() if p.endswith(".html") and "/20" in p
                and "list_" not in p]  # no article fetched


def test_full_flag_walks_everything_but_delivers_nothing_twice(portal, tmp_path):
    site, server = portal
    assert run_crawl(server.url, tmp_path).returncode == 0
    server.reset_log()
    full = run_crawl(server.url, tmp_path, "-a", "full=1")
    assert full.returncode == 0
    lists = {p for p in server.requests() if "list_" in p}
    assert len(lists) >= _leaf_sections(site)  # every list page walked again
    assert len(feed_files(tmp_path)) == 1
    assert reports(tmp_path)[-1]["mode"] == "full"
