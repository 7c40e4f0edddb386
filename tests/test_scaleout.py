"""Scale-out: several ``scrapy crawl portal`` workers share one crawl through a real Redis.

End to end, over HTTP on 127.0.0.1: three worker processes with their own FEED_DIR crawl the
sample portal; the union of their feeds is the ground truth, each article exactly once, also
when one worker is killed with SIGKILL mid-run. Plus the run protocol (join, reliable pop,
dead-worker recovery, end of run) and the settings switch, tested directly.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from scrapy import Request, Spider
from scrapy.settings import Settings

from newscrawler.portal import PortalServer, build_site
from newscrawler.scaleout.addon import SCHEDULER, ScaleOutAddon
from newscrawler.state import open_state
from tests.conftest_redis import namespace, redis_url  # noqa: F401 - fixtures
from tests.crawl_helpers import PROJECT_ROOT, SCRAPY

# Fast failure detection for tests (5 s: a loaded CI box may stall a worker for a second or
# two; a live worker taken for dead costs refetches). Defaults (5 s / 60 s / 1 s) are for real use.
FAST = [
    "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=INFO",
    "-s", "SCALEOUT_HEARTBEAT_SECONDS=0.5", "-s", "SCALEOUT_WORKER_TIMEOUT=5",
    "-s", "SCALEOUT_POLL_SECONDS=0.2",
]
# Slow each worker a little so that the work is really spread, and a kill lands mid-run.
SPREAD = ["-s", "CONCURRENT_REQUESTS=4", "-s", "DOWNLOAD_DELAY=0.01"]


def start_worker(start_url: str, redis: str, ns: str, folder: Path, *extra: str):
    """A ``scrapy crawl portal`` worker process; its log goes to ``folder/worker.log``."""
    folder.mkdir(parents=True, exist_ok=True)
    log = (folder / "worker.log").open("ab")
    command = [
        *SCRAPY, "crawl", "portal", "-a", f"start_url={start_url}",
        "-s", f"REDIS_URL={redis}", "-s", f"STATE_NAMESPACE={ns}",
        "-s", f"FEED_DIR={folder / 'feeds'}", *FAST, *extra,
    ]
    return subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=log, stderr=log)


def finish(process, timeout: float = 60) -> int:
    try:
        return process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise


def delivered(folder: Path) -> list[str]:
    """URLs of every record in the complete feed files of one worker."""
    urls = []
    for path in sorted((folder / "feeds").glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            urls += [json.loads(line)["url"] for line in handle if line.strip()]
    return urls


def log_of(folder: Path) -> str:
    return (folder / "worker.log").read_text("utf-8", errors="replace")


def run_keys(redis_url: str, ns: str) -> list[str]:  # noqa: F811
    import redis

    client = redis.Redis.from_url(redis_url, decode_responses=True)
    try:
        return sorted(client.scan_iter(match=f"{ns}:crawl:*:run:*"))
    finally:
        client.close()


@pytest.fixture(autouse=True, scope="module")
def _scrapy_redis():
    pytest.importorskip(
        "scrapy_redis", reason="scale-out tests SKIPPED: scrapy-redis is not installed "
        "(pip install -e '.[test]')",
    )


@pytest.fixture(scope="module")
def portal():
    site = build_site(articles=150, edition="utf-8")
    with PortalServer(site) as server:
        yield server.url + "/", {r["url"] for r in site.ground_truth(server.url)}


# -- end to end ---------------------------------------------------------------------------------


def test_three_workers_deliver_each_article_exactly_once(portal, redis_url, namespace,  # noqa: F811
                                                         tmp_path):
    start_url, truth = portal
    folders = [tmp_path / f"worker-{n}" for n in range(3)]
    workers = [start_worker(start_url, redis_url, namespace, f, *SPREAD) for f in folders]
    codes = [finish(w) for w in workers]
    for folder, code in zip(folders, codes, strict=True):
        assert code == 0, log_of(folder)[-4000:]
    per_worker = [delivered(f) for f in folders]
    counts = Counter(url for urls in per_worker for url in urls)
    assert not {u: n for u, n in counts.items() if n > 1}, "an article was delivered twice"
    assert set(counts) == truth
    assert sum(1 for urls in per_worker if urls) >= 2, "the work was not shared"
    for folder in folders:
        assert not list((folder / "feeds").glob("*.part"))
        assert "DeprecationWarning" not in log_of(folder)
        for report in (folder / "feeds").glob("*.report.json"):
            assert json.loads(report.read_text("utf-8"))["healthy"], report
    assert run_keys(redis_url, namespace) == [], "the last worker out must delete the run"
    store = open_state(redis_url, namespace=namespace)
    try:
        host = start_url.split("/")[2]
        assert store.get_meta(f"backfill_complete:{host}"), "a clean run records its backfill"
        assert store.count(host) == len(truth)
    finally:
        store.close()


@pytest.mark.parametrize("variant", ["dede-dynamic", "phpcms-dynamic", "empire-static",
                                     "wordpress"])
def test_two_workers_on_portals_of_other_shapes_deliver_each_article_once(
        variant, redis_url, namespace, tmp_path):  # noqa: F811
    """Redis mode is the same mechanism on every portal shape: dynamic URLs with queries,
    other CMS families; the shared dupefilter and the ledger key articles the same way."""
    site = build_site(articles=60, variant=variant)
    with PortalServer(site) as server:
        truth = {r["url"] for r in site.ground_truth(server.url)}
        folders = [tmp_path / f"worker-{n}" for n in range(2)]
        workers = [start_worker(server.url + "/", redis_url, namespace, f, *SPREAD)
                   for f in folders]
        codes = [finish(w) for w in workers]
    for folder, code in zip(folders, codes, strict=True):
        assert code == 0, log_of(folder)[-4000:]
    counts = Counter(url for folder in folders for url in delivered(folder))
    assert not {u: n for u, n in counts.items() if n > 1}, "an article was delivered twice"
    assert set(counts) == truth, (sorted(truth - set(counts))[:5], sorted(set(counts) - truth)[:5])
    assert run_keys(redis_url, namespace) == [], "the last worker out must delete the run"


def test_conditional_rechecks_go_through_the_shared_queue(redis_url, namespace,  # noqa: F811
                                                          tmp_path):
    """A re-check carries its validators and accepts 304 (the ledger's conditional request):
    the queue's guard on accepted status codes lets exactly that through, so in Redis mode
    an unchanged article costs a 304 as on one machine, and no request is dropped."""
    site = build_site(articles=30)
    every_article_due = ["-s", "LEDGER_RECHECK_WINDOW_HOURS=100000",
                         "-s", "LEDGER_RECHECK_INTERVAL_MINUTES=0"]
    folder = tmp_path / "worker"
    with PortalServer(site) as server:
        for _ in range(2):
            worker = start_worker(server.url + "/", redis_url, namespace, folder,
                                  *every_article_due)
            assert finish(worker) == 0, log_of(folder)[-4000:]
    last = max((folder / "feeds").glob("*.report.json"),  # by name, <t>-2 sorts before <t>
               key=lambda path: path.stat().st_mtime_ns)
    stats = json.loads(last.read_text("utf-8"))["stats"]
    assert stats.get("crawl/start/recheck", 0) >= 25, stats
    assert stats.get("crawl/pages/not_modified", 0) >= 25, stats
    assert "scaleout/queue/unserialisable" not in stats
    assert "cannot queue" not in log_of(folder)


def test_a_killed_worker_loses_nothing_and_duplicates_nothing(portal, redis_url,  # noqa: F811
                                                              namespace, tmp_path):  # noqa: F811
    start_url, truth = portal
    host = start_url.split("/")[2]
    folders = [tmp_path / f"worker-{n}" for n in range(3)]
    slow = ["-s", "CONCURRENT_REQUESTS=4", "-s", "DOWNLOAD_DELAY=0.03"]
    workers = [start_worker(start_url, redis_url, namespace, f, *slow) for f in folders]
    victim, victim_dir = workers[0], folders[0]
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and victim.poll() is None:
        parts = list((victim_dir / "feeds").glob("*.jsonl.part"))
        if parts and parts[0].read_bytes().count(b"\n") >= 5:
            break
        time.sleep(0.02)
    assert victim.poll() is None, "the victim finished before it could be killed"
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    for folder, worker in zip(folders[1:], workers[1:], strict=True):
        assert finish(worker) == 0, log_of(folder)[-4000:]
    survivors_log = log_of(folders[1]) + log_of(folders[2])
    assert "stopped answering" in survivors_log, "the survivors did not recover the dead worker"
    store = open_state(redis_url, namespace=namespace)
    try:
        assert not store.get_meta(f"backfill_complete:{host}"), (
            "a run that lost a worker must not record a complete backfill"
        )
        # The victim's cron job runs again: it publishes the feed the kill left behind.
        rerun = start_worker(start_url, redis_url, namespace, victim_dir)
        assert finish(rerun) == 0, log_of(victim_dir)[-4000:]
        assert store.get_meta(f"backfill_complete:{host}"), "the clean rerun records it"
    finally:
        store.close()
    counts = Counter(url for folder in folders for url in delivered(folder))
    assert not {u: n for u, n in counts.items() if n > 1}, "an article was delivered twice"
    assert set(counts) == truth
    assert not list((victim_dir / "feeds").glob("*.part"))
    assert run_keys(redis_url, namespace) == []


def test_a_second_copy_of_the_same_worker_is_refused(portal, redis_url, namespace,  # noqa: F811
                                                     tmp_path):
    start_url, _truth = portal
    folder = tmp_path / "worker"
    slow = ["-s", "CONCURRENT_REQUESTS=2", "-s", "DOWNLOAD_DELAY=0.05"]  # still running later
    first = start_worker(start_url, redis_url, namespace, folder, *slow)
    try:
        deadline = time.monotonic() + 20
        while not (folder / "feeds" / ".worker.lock").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)
        second = start_worker(start_url, redis_url, namespace, folder)
        assert finish(second) == 75, log_of(folder)[-3000:]
        assert first.poll() is None, "the first copy ended too early for this test"
        other = start_worker(start_url, redis_url, namespace, tmp_path / "other", *SPREAD)
        assert finish(other) == 0  # another worker (own FEED_DIR) joins the same run
        assert finish(first) == 0
    finally:
        first.kill()


# -- the run protocol, directly -----------------------------------------------------------------


class _Portal(Spider):
    name = "portal"

    def parse(self, response):  # pragma: no cover - never called
        pass

    def parse_article_page(self, response, record, rest):  # pragma: no cover - never called
        pass

    def article_failed(self, failure):  # pragma: no cover - never called
        pass

    def on_idle(self):  # pragma: no cover - a spider method that is not a page handler
        pass


def _coordinator(redis_url, ns, worker, timeout=3.0):  # noqa: F811
    import redis

    from newscrawler.scaleout.run import RunCoordinator

    server = redis.Redis.from_url(redis_url)
    return RunCoordinator(server, f"{ns}:crawl:portal:h", worker, timeout)


def _queue(coordinator, stats=None):
    from newscrawler.scaleout.queue import ReliablePriorityQueue

    return ReliablePriorityQueue(
        coordinator.server, _Portal(), coordinator.key("queue"), coordinator, stats,
    )


def test_run_protocol_recovers_a_dead_workers_requests_and_ends(redis_url, namespace):  # noqa: F811
    a, b = _coordinator(redis_url, namespace, "a"), _coordinator(redis_url, namespace, "b")
    assert a.join() == b.join() == "1"
    qa, qb = _queue(a), _queue(b)
    qa.push(Request("http://h/1", priority=1))
    qa.push(Request("http://h/2", priority=5))
    got = qb.pop()
    assert got.url == "http://h/2"  # highest priority first
    assert len(qa) == 1 and b.server.zcard(b.key("inflight:b")) == 1
    assert qa.pop().url == "http://h/1"
    qa.ack([r for r in list(qa.inflight)])
    assert a.idle(0, 1) == "wait"  # b is busy
    assert a.check() == "wait"
    b.server.zadd(b.key("beats"), {"b": 0})  # b stops answering
    assert a.check() == "work"  # b's request is back in the queue
    assert "b" in a.summary().lost
    assert qa.pop().url == "http://h/2"
    assert a.idle(0, 1) == "done"
    assert a.summary().home_pages == 1
    assert a.leave() == "dropped"
    assert b.beat() == -1  # the run is over for a late ghost too
    assert a.join() == "2"  # the next run starts afresh


def test_a_worker_that_leaves_mid_run_gives_its_requests_back(redis_url, namespace):  # noqa: F811
    a, b = _coordinator(redis_url, namespace, "a"), _coordinator(redis_url, namespace, "b")
    a.join(), b.join()
    qa = _queue(a)
    qa.push(Request("http://h/1"))
    assert qa.pop() is not None
    assert a.leave("closed (shutdown) mid-run") == "left"
    assert len(qa) == 1 and "a" in b.summary().lost
    assert b.check() == "work"


def test_when_every_worker_died_the_next_one_resumes_the_run(redis_url, namespace):  # noqa: F811
    a = _coordinator(redis_url, namespace, "a")
    a.join()
    qa = _queue(a)
    qa.push(Request("http://h/1"))
    qa.push(Request("http://h/2"))
    assert qa.pop() is not None  # a dies holding one request, one still queued
    a.server.zadd(a.key("beats"), {"a": 0})
    c = _coordinator(redis_url, namespace, "c")
    assert c.join() == a.run_id  # the next cron round joins the unfinished run
    qc = _queue(c)
    first = qc.pop()  # the one still queued
    assert qc.pop() is None
    assert c.idle(0, 0) == "work"  # a is reaped: its in-flight request is queued again
    second = qc.pop()
    assert {first.url, second.url} == {"http://h/1", "http://h/2"}
    assert c.idle(0, 0) == "done"
    assert "a" in c.summary().lost  # so no backfill flag is recorded for it


def _in_reactor_process(code: str) -> None:
    """Run ``code`` in a process of its own, under Scrapy's asyncio reactor (the scheduler
    needs it installed), and check that it got to the end: it prints ``ok`` last."""
    done = subprocess.run([sys.executable, "-c", REACTOR_PREAMBLE + code + 'print("ok")\n'],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stdout + done.stderr[-3000:]


REACTOR_PREAMBLE = """from scrapy.utils.reactor import install_reactor
install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")
"""


def test_held_requests_wait_until_no_worker_is_busy_or_dead(redis_url, namespace):  # noqa: F811
    """A holding worker (deferred article copies) is told to release them only when the queue
    is empty and no live worker is busy; a dead worker's re-queued requests come first."""
    a, b = _coordinator(redis_url, namespace, "a"), _coordinator(redis_url, namespace, "b")
    a.join(), b.join()
    qa, qb = _queue(a), _queue(b)
    qa.push(Request("http://h/list_2.html"))
    assert qb.pop() is not None  # b is busy with a list page that may name the article
    assert a.idle(0, 0, holding=True) == "wait"
    b.server.zadd(b.key("beats"), {"b": 0})  # b dies with it
    assert a.check() == "work"  # the list page comes back before any copy
    assert qa.pop().url == "http://h/list_2.html"
    assert a.idle(0, 0, holding=True) == "release"  # now, and not before
    assert a.check() == "release"  # the run is not done while a holds something
    assert a.server.hget(a.key("info"), "state") == b"open"
    assert a.idle(0, 0) == "done"  # released (or nothing wanted any more): the run ends


def test_a_dead_holder_is_reaped_and_its_loss_recorded(redis_url, namespace):  # noqa: F811
    a, b = _coordinator(redis_url, namespace, "a"), _coordinator(redis_url, namespace, "b")
    a.join(), b.join()
    assert a.idle(0, 0) == "wait"  # b is busy
    assert b.idle(0, 0, holding=True) == "release"
    assert a.check() == "release"  # a holds nothing: it waits for b to release
    b.server.zadd(b.key("beats"), {"b": 0})  # b dies before releasing
    assert a.check() == "done"
    assert "b" in a.summary().lost  # its copies died with it: no complete backfill


def test_the_scheduler_releases_held_copies_only_when_the_others_are_idle(
        redis_url, namespace):  # noqa: F811
    """In a process of its own: the scheduler needs Scrapy's asyncio reactor installed."""
    _in_reactor_process(f"""
import redis
from scrapy import Request
from scrapy.exceptions import DontCloseSpider
from newscrawler.scaleout.run import RunCoordinator
from newscrawler.scaleout.scheduler import ScaleOutScheduler
from tests.conftest import make_crawler
from tests.test_scaleout import _Portal

class Holder(_Portal):
    held = ["http://h/special/arc-7.html"]
    released = []
    def holds_requests(self):
        return bool(self.held)
    def release_held(self):
        self.released += self.held
        self.held = []
        return True

crawler = make_crawler(REDIS_URL={redis_url!r}, STATE_NAMESPACE={namespace!r},
                       SCALEOUT_POLL_SECONDS=3600)
scheduler = ScaleOutScheduler.from_crawler(crawler)
spider = Holder()
spider.start_url = "http://h/"
scheduler.open(spider)
other = RunCoordinator(redis.Redis.from_url({redis_url!r}),
                       scheduler.coordinator.base, "other", 60)
other.join()
other.server.hset(other.key("workers"), "other", "busy")
try:
    try:
        scheduler.spider_idle(spider)
        raise SystemExit("the run closed while another worker was busy")
    except DontCloseSpider:
        pass
    assert spider.released == [], "released while another worker was busy"
    assert other.idle(0, 0) == "release"
    try:
        scheduler.spider_idle(spider)
    except DontCloseSpider:
        pass
    assert spider.released == ["http://h/special/arc-7.html"], spider.released
    assert crawler.stats.get_value("scaleout/released") == 1
finally:
    scheduler.close("finished")
""")


def test_duplicate_filter_is_per_article_and_per_run(redis_url, namespace):  # noqa: F811
    import redis

    from newscrawler.scaleout.dupefilter import RunDupeFilter

    server = redis.Redis.from_url(redis_url)
    seen = RunDupeFilter(server, key=f"{namespace}:seen")
    article = {"article_reason": "new"}
    assert not seen.request_seen(Request("http://h/a/2026/1125/7.html", meta=article))
    assert seen.request_seen(Request("http://h/special/arc-7.html", meta=article))
    assert seen.request_seen(Request("http://h/plus/view.php?aid=7", meta=article))
    assert not seen.request_seen(Request("http://h/a/2026/1125/7_2.html"))  # page 2: by URL
    seen.close("finished")
    assert server.exists(f"{namespace}:seen"), "the run, not a worker, drops the filter"


# -- the switch ---------------------------------------------------------------------------------


def _settings(**values) -> Settings:
    settings = Settings()
    settings.setmodule("newscrawler.settings", priority="project")
    settings.setdict(values, priority="cmdline")
    return settings


def test_without_redis_nothing_changes_and_redis_is_not_imported(tmp_path):
    settings = _settings()
    before = {k: settings[k] for k in ("SCHEDULER", "DUPEFILTER_CLASS", "STATE_URI")}
    ScaleOutAddon().update_settings(settings)
    assert {k: settings[k] for k in before} == before
    code = (
        "import sys; from tests.conftest import make_crawler;"
        f"make_crawler(STATE_URI={str(tmp_path / 'state.sqlite')!r});"
        "bad = [m for m in ('redis', 'scrapy_redis') if m in sys.modules];"
        "sys.exit(f'imported {bad}' if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]


def test_redis_url_switches_scheduler_and_state():
    settings = _settings(REDIS_URL="redis://127.0.0.1:6379/3")
    ScaleOutAddon().update_settings(settings)
    assert settings["SCHEDULER"] == SCHEDULER
    assert settings["STATE_URI"] == "redis://127.0.0.1:6379/3"
    assert "newscrawler.scaleout.acks.AckMiddleware" in settings.getdict("SPIDER_MIDDLEWARES")
    settings = _settings(STATE_URI="redis://127.0.0.1:6379/4")
    ScaleOutAddon().update_settings(settings)
    assert settings["REDIS_URL"] == "redis://127.0.0.1:6379/4"
    assert settings["SCHEDULER"] == SCHEDULER


def test_redis_url_without_start_url_is_refused():
    class Crawler:
        spider = type("Spider", (), {"start_url": None})()

    with pytest.raises(ValueError, match="needs -a start_url"):
        ScaleOutAddon.from_crawler(Crawler()).update_settings(
            _settings(REDIS_URL="redis://127.0.0.1:6379/3")
        )


def test_redis_url_with_a_local_state_file_is_refused(tmp_path):
    settings = _settings(REDIS_URL="redis://127.0.0.1:6379/3", STATE_URI=str(tmp_path / "s"))
    with pytest.raises(ValueError, match="workers must share the state"):
        ScaleOutAddon().update_settings(settings)


# -- requests in Redis are data, never pickles --------------------------------------------------


class _Payload:
    """Unpickling this creates ``marker`` (what a hostile Redis writer would push)."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        import os

        return (os.system, (f"touch {self.marker}",))


def _crafted_pickle(marker: Path) -> bytes:
    import pickle

    payload = pickle.dumps(_Payload(marker), protocol=4)
    # the control: the payload really runs code when unpickled (in a throwaway process)
    control = marker.with_name("control")
    code = f"import pickle,sys; pickle.loads({pickle.dumps(_Payload(control), protocol=4)!r})"
    subprocess.run([sys.executable, "-c", code], check=True)
    assert control.exists(), "the crafted pickle is not effective: the test proves nothing"
    return payload


def test_requests_round_trip_as_json_with_a_multipage_record():
    from newscrawler.scaleout import codec

    spider = _Portal()
    record = {"url": "http://h/a/1.html", "title": "标题", "body": "第一页", "images": [],
              "section": ["社会"], "source": None, "version": 1}
    request = Request(
        "http://h/a/1_2.html", spider.parse_article_page, errback=spider.article_failed,
        cb_kwargs={"record": record, "rest": ["http://h/a/1_3.html"]}, priority=20,
        meta={"article_url": record["url"], "retry_times": 1}, headers={"Referer": "http://h/"},
    )
    entry = codec.dumps(request.to_dict(spider=spider))
    json.loads(entry)  # plain JSON
    back = codec.to_request(entry, spider)
    assert back.url == request.url and back.priority == 20
    assert back.callback == spider.parse_article_page and back.errback == spider.article_failed
    assert back.cb_kwargs == request.cb_kwargs and back.meta == request.meta
    assert back.headers.getlist("Referer") == [b"http://h/"] and back.body == b""


@pytest.mark.parametrize("entry, why", [
    (b"\x80\x04garbage", "not JSON"),
    (b"[1, 2]", "not a JSON object"),
    (b'{"url": "file:///etc/passwd"}', "not http"),
    (b'{"url": "http://h/", "_class": "os.system"}', "unknown field"),
    (b'{"url": "http://h/", "callback": "on_idle"}', "not a spider callback"),
    (b'{"url": "http://h/", "callback": "__init__"}', "not a spider callback"),
    (b'{"url": "http://h/", "callback": "parse_nothing"}', "not a request"),
    (b'{"url": "http://h/", "errback": "parse"}', "not a spider errback"),
    (b'{"url": "http://h/", "method": "POST"}', "method"),
    (b'{"url": "http://h/", "meta": {"proxy": "http://evil:8080"}}', "meta may not set"),
    (b'{"url": "http://h/", "meta": {"handle_httpstatus_list": [404, 500]}}',
     "meta may not set"),
    (b'{"url": "http://h/", "meta": {"handle_httpstatus_list": [304, 500]}}',
     "meta may not set"),
    (b'{"url": "http://h/", "meta": {"dont_obey_robotstxt": true}}', "meta may not set"),
    (b'{"url": "http://h/", "body": "%%%"}', "base64"),
    (b'{"url": "http://h/", "headers": {"A": "b"}}', "headers"),
])
def test_entries_that_are_not_our_requests_are_rejected(entry, why):
    from newscrawler.scaleout import codec

    with pytest.raises(codec.RejectedRequest, match=why):
        codec.to_request(entry, _Portal())


def test_a_request_that_is_not_data_is_refused_at_push():
    from newscrawler.scaleout import codec

    request = Request("http://h/", meta={"when": object()})
    with pytest.raises(codec.RejectedRequest, match="not JSON"):
        codec.dumps(request.to_dict(spider=_Portal()))


def test_queue_drops_a_crafted_pickle_without_running_it(redis_url, namespace, tmp_path):  # noqa: F811
    from scrapy.statscollectors import MemoryStatsCollector

    marker = tmp_path / "pwned"
    a = _coordinator(redis_url, namespace, "a")
    a.join()
    stats = MemoryStatsCollector(type("Crawler", (), {"settings": Settings()})())
    queue = _queue(a, stats)
    a.server.zadd(a.key("queue"), {_crafted_pickle(marker): -1000})  # popped first
    queue.push(Request("http://h/1"))
    assert queue.pop().url == "http://h/1"
    assert queue.pop() is None
    assert not marker.exists(), "the pickle was unpickled: code from Redis ran"
    assert stats.get_value("scaleout/queue/rejected") == 1
    assert a.server.zcard(a.key("inflight:a")) == 1  # only the good one; the bad one is gone


def test_a_crafted_pickle_in_the_queue_is_dropped_and_the_crawl_completes(
    portal, redis_url, namespace, tmp_path,  # noqa: F811
):
    """A hostile entry waits in the run's queue; a real worker joins, drops it, finishes."""
    start_url, truth = portal
    marker = tmp_path / "pwned"
    host = start_url.split("/")[2]
    opener = _coordinator(redis_url, namespace, "opener")
    opener.base = f"{namespace}:crawl:portal:{host}"
    opener.join()
    opener.server.zadd(opener.key("queue"), {_crafted_pickle(marker): -1000,
                                             b'{"url": "http://x/", "_class": "os.system"}': 0})
    assert opener.leave() == "left"  # the run stays open with the entries queued
    folder = tmp_path / "worker"
    worker = start_worker(start_url, redis_url, namespace, folder)
    assert finish(worker, timeout=120) == 0, log_of(folder)[-4000:]
    assert not marker.exists(), "the pickle was unpickled: code from Redis ran"
    assert set(delivered(folder)) == truth
    (report,) = (folder / "feeds").glob("*.report.json")
    stats = json.loads(report.read_text("utf-8"))["stats"]
    assert stats["scaleout/queue/rejected"] == 2
    assert stats["crawl/articles/multipage"] > 0  # partial records went through Redis as JSON
    assert "dropped a queue entry" in log_of(folder)


# -- the benchmark script still runs --------------------------------------------------------------


def test_bench_scaleout_quick_runs_and_the_workers_deliver_the_portal():
    import shutil

    if not shutil.which("redis-server"):
        pytest.skip("bench/scaleout.py smoke test SKIPPED: no redis-server on PATH")
    # through bench/crawl.py, the command issue 14 names; it runs bench/scaleout.py's main
    proc = subprocess.run([sys.executable, str(PROJECT_ROOT / "bench" / "crawl.py"),
                           "--redis-workers", "1,2", "--quick"],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    rows = [line.split("|") for line in proc.stdout.splitlines() if line.startswith("|  ")]
    assert [int(row[1]) for row in rows] == [1, 2]
    assert all(int(row[3].replace(",", "")) == 60 for row in rows), proc.stdout


def test_the_scheduler_drops_a_request_it_cannot_write_as_data(redis_url, namespace):  # noqa: F811
    """In a process of its own: the scheduler needs Scrapy's asyncio reactor installed."""
    _in_reactor_process(f"""
from scrapy import Request
from newscrawler.scaleout.scheduler import ScaleOutScheduler
from tests.conftest import make_crawler
from tests.test_scaleout import _Portal

crawler = make_crawler(REDIS_URL={redis_url!r}, STATE_NAMESPACE={namespace!r})
scheduler = ScaleOutScheduler.from_crawler(crawler)
spider = _Portal()
spider.start_url = "http://h/"
scheduler.open(spider)
try:
    assert not scheduler.enqueue_request(Request("http://h/x", meta={{"when": object()}}))
    assert scheduler.enqueue_request(Request("http://h/y", callback=spider.parse))
    assert crawler.stats.get_value("scaleout/queue/unserialisable") == 1
    assert len(scheduler.queue) == 1
finally:
    scheduler.close("finished")
""")
