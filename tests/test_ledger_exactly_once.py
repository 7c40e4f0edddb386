"""Exactly once where several writers meet (the scale-out state in Redis, and SQLite):
content claims, and the reconciliation of a killed worker's feed file."""

from __future__ import annotations

import json

import pytest
from scrapy.exceptions import DropItem

from newscrawler.ledger import ArticleLedger
from newscrawler.ledger.recovery import recover_orphans
from newscrawler.pipelines.dedup import DedupPipeline
from newscrawler.state import state_for
from tests.conftest import make_crawler
from tests.conftest_redis import namespace, redis_url  # noqa: F401 - fixtures
from tests.test_pipelines import record


def worker(tmp_path, name: str, **settings):
    """One worker: its own FEED_DIR (and so its own run lock), the shared state of
    ``settings``; its extensions, the ledger among them, are built as in a crawl."""
    crawler = make_crawler(FEED_DIR=str(tmp_path / name), **settings)
    assert isinstance(crawler.ledger, ArticleLedger)
    return crawler, crawler.ledger


def test_two_workers_judging_a_same_content_pair_at_once_deliver_one(
        tmp_path, redis_url, namespace):  # noqa: F811 - fixtures
    shared = {"STATE_URI": redis_url, "STATE_NAMESPACE": namespace}
    first, _ = worker(tmp_path, "a", **shared)
    second, _ = worker(tmp_path, "b", **shared)
    original, copy = record(), record(url="http://h/a/x/2026/1120/2.html")
    kept = DedupPipeline(first).process_item(original)  # judged, its line not yet written
    with pytest.raises(DropItem, match="same_content"):
        DedupPipeline(second).process_item(copy)  # the other worker, at the same moment
    first.ledger.item_scraped(kept)
    assert state_for(second).get("h/aid/1").url == original["url"]
    dropped = state_for(second).dropped_many(["h/aid/2"])["h/aid/2"]
    assert dropped.duplicate_of == original["url"]
    for crawler in (first, second):
        state_for(crawler).close()


@pytest.fixture(params=["sqlite", "redis"])
def state(request, tmp_path):
    if request.param == "sqlite":
        return {"STATE_URI": str(tmp_path / "state.sqlite")}
    return {"STATE_URI": request.getfixturevalue("redis_url"),
            "STATE_NAMESPACE": request.getfixturevalue("namespace")}


def test_a_killed_workers_line_that_another_worker_delivered_is_left_out(tmp_path, state):
    """Worker a wrote article 1's line and was killed before recording it; worker b fetched
    article 1 again and delivered it. Worker a's next run publishes its file without it."""
    crawler, ledger = worker(tmp_path, "a", **state)
    elsewhere = str(tmp_path / "b" / "run.jsonl")
    assert ledger.record_recovered(record(), elsewhere)  # b's delivery
    (tmp_path / "a").mkdir(exist_ok=True)
    part = tmp_path / "a" / "killed.jsonl.part"
    mine = record(url="http://h/a/x/2026/1120/7.html", body=record()["body"] + "\n第七篇")
    part.write_text(json.dumps(record()) + "\n" + json.dumps(mine) + "\n", "utf-8")
    recover_orphans(tmp_path / "a", crawler.stats, ledger.record_recovered)
    published = tmp_path / "a" / "killed.jsonl"
    assert [json.loads(line)["url"] for line in published.read_text("utf-8").splitlines()] == [
        mine["url"]]
    assert not part.exists()
    assert ledger.store.get("h/aid/7").feed == str(published)
    assert ledger.store.get("h/aid/1").feed == elsewhere
    assert crawler.stats.get_value("delivery/recovered_duplicates") == 1
    # a line of its own whose state write did happen before the kill stays in the file
    assert ledger.record_recovered(mine, str(published))
    state_for(crawler).close()
