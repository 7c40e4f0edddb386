"""Every configuration of the sample portal, crawled over HTTP with no profile, twice.

Each variant is the same model behind another CMS configuration (naming rule, folders, dynamic
or rewritten URLs, mobile copy, other CMS families: ``python -m newscrawler.portal serve
--variant …`` lists them). The crawler is told nothing about it: the first run must deliver
every article once with every field right (so no sidebar text in a body), and a second run,
after new articles were published, exactly the new ones, knowing the portal's URL shapes from
the state (no shape counted as new).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from newscrawler.portal import PortalServer, build_site
from tests.crawl_helpers import feed_files, read_feeds, read_jsonl, reports, run_crawl

try:  # the catalogue of URL-scheme variants (newscrawler/portal/portals.py)
    from newscrawler.portal.portals import VARIANTS
except ImportError:  # template variants only
    from newscrawler.portal.variants import THEMES as VARIANTS

SHANGHAI = ZoneInfo("Asia/Shanghai")
ARTICLES = 30
NEW = 3


def _mismatches(got: dict, truth: dict, variant: str = "") -> list:
    return [
        (url.rsplit("/", 1)[-1], field, got[url].get(field), value)
        for url, want in truth.items() if url in got
        for field, value in want.items()
        if got[url].get(field) != value
    ]


def _ok(process, variant: str) -> bool:
    return process.returncode == 0


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_variant_first_and_incremental_runs_match_the_ground_truth(tmp_path, variant):
    site = build_site(articles=ARTICLES, variant=variant,
                      now=datetime.now(SHANGHAI) - timedelta(minutes=5))
    with PortalServer(site) as server:
        first = run_crawl(server.url, tmp_path, "-s", "LEDGER_RECHECK_WINDOW_HOURS=0")
        truth = {r["url"]: r for r in site.ground_truth(server.url)}
        site.publish(NEW)
        second = run_crawl(server.url, tmp_path, "-s", "LEDGER_RECHECK_WINDOW_HOURS=0")
        truth2 = {r["url"]: r for r in site.ground_truth(server.url)}
    assert _ok(first, variant), first.stderr[-3000:]
    records = read_jsonl(feed_files(tmp_path)[0])
    urls = [r["url"] for r in records]
    assert len(urls) == len(set(urls)), "an article was delivered twice"
    got = {r["url"]: r for r in records}
    assert set(got) == set(truth), (sorted(set(got) - set(truth))[:5],
                                    sorted(set(truth) - set(got))[:5])
    assert not _mismatches(got, truth, variant), _mismatches(got, truth, variant)[:10]

    assert _ok(second, variant), second.stderr[-3000:]
    new = {url: record for url, record in truth2.items() if url not in truth}
    assert len(new) == NEW
    run2 = read_jsonl(feed_files(tmp_path)[-1])
    assert {r["url"] for r in run2} == set(new)
    assert not _mismatches({r["url"]: r for r in run2}, new, variant)
    assert len(read_feeds(tmp_path)) == ARTICLES + NEW  # the union: every article once
    stats = reports(tmp_path)[-1]["stats"]
    assert stats["discovery/shapes/articles"] >= 1
    assert "discovery/shapes/articles_new" not in stats  # run 2 knew the shapes


def test_a_portal_that_changes_its_naming_rule_is_noticed_and_not_delivered_again(tmp_path):
    now = datetime.now(SHANGHAI) - timedelta(minutes=5)
    with PortalServer(build_site(articles=20, now=now)) as server:  # {typedir}/{Y}/{MD}/{aid}
        port = int(server.url.rsplit(":", 1)[1])
        first = run_crawl(server.url, tmp_path, "-s", "LEDGER_RECHECK_WINDOW_HOURS=0")
    assert first.returncode == 0, first.stderr[-3000:]
    renamed = build_site(articles=20, variant="dede-aid", now=now)  # now {typedir}/{aid}.html
    renamed.publish(2)
    with PortalServer(renamed, port=port) as server:
        second = run_crawl(server.url, tmp_path, "-s", "LEDGER_RECHECK_WINDOW_HOURS=0")
        truth = {r["url"]: r for r in renamed.ground_truth(server.url)}
    assert second.returncode == 0, second.stderr[-3000:]
    run2 = read_jsonl(feed_files(tmp_path)[-1])
    assert len(run2) == 2  # the renamed articles are the same articles (same aid)
    assert not _mismatches({r["url"]: r for r in run2}, {r["url"]: truth[r["url"]] for r in run2})
    stats = reports(tmp_path)[-1]["stats"]
    assert stats["discovery/shapes/articles_new"] >= 1
    assert "URL shapes not seen in earlier runs" in second.stderr
