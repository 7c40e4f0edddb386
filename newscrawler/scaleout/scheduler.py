"""The scale-out scheduler: scrapy-redis' Scheduler, fitted to Scrapy 2.19 and to cron runs.

What it changes in `scrapy_redis.scheduler.Scheduler` (0.9.1), and why:

- **Runs.** On open the worker joins the portal's open run in Redis (or opens one) and uses
  that run's queue and duplicate filter (`newscrawler.scaleout.run`); nothing is flushed on
  close, because the run belongs to all its workers, and the last one out deletes it.
- **Requests as data.** Queue entries are JSON (`newscrawler.scaleout.codec`), not pickles:
  a shared Redis cannot run code on a worker; entries that do not parse are dropped and
  counted (``scaleout/queue/rejected``).
- **Reliable pops.** `ReliablePriorityQueue`: popped requests stay in Redis until finished;
  `newscrawler.scaleout.acks` acknowledges them, and an idle engine acknowledges the rest.
- **Runs end by themselves.** On ``spider_idle`` the worker marks itself idle and asks the run
  whether it is done (queue empty, every live worker idle). If not, it raises
  ``DontCloseSpider`` and polls every ``SCALEOUT_POLL_SECONDS``: new work wakes it, a done run
  closes it, and after ``SCALEOUT_MAX_WAIT_SECONDS`` of waiting it leaves anyway. Workers
  without a heartbeat for ``SCALEOUT_WORKER_TIMEOUT`` seconds are dead; their in-flight
  requests go back to the queue. Nobody idles forever, and no ``MAX_IDLE_TIME`` guess is needed.
- **Last resorts go last.** A spider with a ``holds_requests()``/``release_held()`` pair (the
  portal spider's deferred article copies) is marked *holding* while idle; the run answers
  *release* once no worker is busy and the queue is empty, and only then are they crawled.
  Released on a worker's own first idle, a copy could beat its article's own name still in
  flight on a worker that died, whose requests come back only after the timeout.
- **Scrapy 2.19.** No ``spider=`` argument to stats calls (deprecated since 2.14), no
  ``from_settings`` construction, no reliance on ``start_requests`` (the spider's
  ``async def start()`` output goes through `enqueue_request` like any request).

Run-wide facts are put into the stats before the spider sees ``spider_closed``:
``scaleout/run_incomplete`` (why this run may have missed something: a worker died or left
mid-run, or list pages failed on any worker; the spider then does not record a complete
backfill) and ``scaleout/run_home_pages`` (home pages fetched by all workers, for the
health check).
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import time
import weakref
from collections import deque
from urllib.parse import urlsplit

import scrapy_redis
from scrapy import Request, signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.asyncio import create_looping_call
from scrapy.utils.defer import deferred_from_coro
from scrapy_redis.connection import get_redis_from_settings
from scrapy_redis.scheduler import Scheduler

from newscrawler.scaleout import codec
from newscrawler.scaleout.dupefilter import RunDupeFilter
from newscrawler.scaleout.queue import ReliablePriorityQueue
from newscrawler.scaleout.run import RunCoordinator

logger = logging.getLogger(__name__)

# The overrides below follow scrapy-redis 0.9.1's internals (pinned in pyproject's extras).
VERIFIED_SCRAPY_REDIS = "0.9.1"

_SCHEDULERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def scheduler_for(crawler) -> ScaleOutScheduler | None:
    """The scale-out scheduler of this crawl, once the engine has built it."""
    return _SCHEDULERS.get(crawler)


def worker_name() -> str:
    """A name unique to this process: host, pid and a random tag."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


class ScaleOutScheduler(Scheduler):
    """Shared queue and duplicate filter of one run in Redis (see module docstring)."""

    def __init__(self, server, crawler):
        super().__init__(server, persist=True, serializer=codec)
        settings = crawler.settings
        self.crawler = crawler
        self.stats = crawler.stats
        self.namespace = settings.get("STATE_NAMESPACE") or "newscrawler"
        self.heartbeat = settings.getfloat("SCALEOUT_HEARTBEAT_SECONDS", 5.0)
        self.timeout = settings.getfloat("SCALEOUT_WORKER_TIMEOUT", 60.0)
        self.poll_seconds = settings.getfloat("SCALEOUT_POLL_SECONDS", 1.0)
        self.max_wait = settings.getfloat("SCALEOUT_MAX_WAIT_SECONDS", 1800.0)
        self.debug = settings.getbool("DUPEFILTER_DEBUG")
        self.worker = worker_name()
        self.coordinator: RunCoordinator | None = None
        self._local: deque[Request] = deque()  # popped while idle, handed to the engine
        self._waking: Request | None = None
        self._beat_loop = create_looping_call(self._beat)
        self._poll_loop = create_looping_call(self._poll)
        self._waiting_since: float | None = None
        self._started = False  # the spider's start() has run (see next_request)
        self._published = (0, 0)  # run-wide counts last shared (see ack)
        self._done = False  # the run is done; the engine is closing this worker
        self._closing = False
        crawler.signals.connect(self.spider_idle, signals.spider_idle)
        _SCHEDULERS[crawler] = self

    @classmethod
    def from_crawler(cls, crawler):
        if scrapy_redis.__version__ != VERIFIED_SCRAPY_REDIS:
            logger.warning(
                "Scale-out was verified with scrapy-redis %s, this is %s:"
                " run tests/test_scaleout.py",
                VERIFIED_SCRAPY_REDIS, scrapy_redis.__version__,
            )
        server = get_redis_from_settings(crawler.settings)
        server.ping()  # fail at start, with the connection error, if Redis is not there
        return cls(server, crawler)

    # -- open / close --------------------------------------------------------------------------

    def open(self, spider) -> None:
        self.spider = spider
        # One run per spider and portal (the add-on has checked that start_url is given).
        start_url = getattr(spider, "start_url", None)
        scope = f"{spider.name}:{urlsplit(start_url).netloc}" if start_url else spider.name
        base = f"{self.namespace}:crawl:{scope}"
        self.coordinator = RunCoordinator(self.server, base, self.worker, self.timeout)
        run_id = self.coordinator.join()
        self.queue = ReliablePriorityQueue(
            self.server, spider, self.coordinator.key("queue"), self.coordinator, self.stats,
        )
        self.df = RunDupeFilter(self.server, key=self.coordinator.key("seen"), debug=self.debug)
        self.stats.set_value("scaleout/worker", self.worker)
        self.stats.set_value("scaleout/run", f"{base}:run:{run_id}")
        logger.info(
            "Scale-out: worker %s joined run %s of %s (%d request(s) queued)",
            self.worker, run_id, base, len(self.queue),
        )
        self._beat_loop.start(self.heartbeat, now=False)

    def close(self, reason: str) -> None:
        self._closing = True
        for loop in (self._beat_loop, self._poll_loop):
            if loop.running:
                loop.stop()
        if self.coordinator is None or self.coordinator.run_id is None:
            return
        if self._waking is not None:
            self._give_back(self._waking)
        for request in self._local:
            self._give_back(request)
        self._local.clear()
        waited = self._waiting_since is not None
        try:
            summary = self.coordinator.summary()
            why = "" if reason == "finished" or waited else f"closed ({reason}) mid-run"
            self.coordinator.leave(why)
        except Exception:
            logger.exception("Scale-out: could not leave run %s cleanly", self.coordinator.run_id)
            self._incomplete(["could not reach Redis at close"])
            return
        incomplete = [f"worker {w}: {text}" for w, text in sorted(summary.lost.items())]
        if summary.lists_failed:
            incomplete.append(f"{summary.lists_failed} list page(s) failed on some worker")
        if reason != "finished":
            incomplete.append(f"this worker left before the run ended ({reason})")
        if incomplete:
            self._incomplete(incomplete)
        self.stats.set_value("scaleout/run_home_pages", summary.home_pages)

    def _incomplete(self, why: list[str]) -> None:
        """This run may have missed something: the ledger must not mark a backfill complete."""
        self.crawler.scaleout_incomplete = why
        self.stats.set_value("scaleout/run_incomplete", why)  # for the report

    def _give_back(self, request: Request) -> None:
        """A popped request this worker will not fetch goes back to the queue."""
        self.queue.push(request)
        self.queue.ack([request])

    # -- the queue -----------------------------------------------------------------------------

    def enqueue_request(self, request: Request) -> bool:
        self._started = True
        if request is self._waking:  # popped by the idle poll, handed over by engine.crawl()
            self._waking = None
            self._local.append(request)
            return True
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        try:
            self.queue.push(request)
        except codec.RejectedRequest as exc:
            self.stats.inc_value("scaleout/queue/unserialisable")
            logger.error("Scale-out: cannot queue %s as data, dropped: %s", request, exc)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        if not self._started:
            # Requests of a run in progress need the spider set up by its own start() (state,
            # portal host): take none before start() has yielded its first request.
            return None
        request = self._local.popleft() if self._local else self.queue.pop()
        if request is not None:
            self._waiting_since = None
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        return bool(self._local) or len(self.queue) > 0

    def ack(self, requests: list[Request]) -> None:
        """Requests whose response was handled and whose items were delivered.

        The run-wide counts are shared before the requests are forgotten: if this worker
        dies later, the run still knows e.g. that the home page was fetched (and if it dies
        before, the requests are fetched again by another worker, which counts them).
        """
        counts = self._counts()
        if counts != self._published:
            self.coordinator.publish(*counts)
            self._published = counts
        self.queue.ack(requests)
        self.stats.inc_value("scaleout/acked", len(requests))

    # -- end of run ----------------------------------------------------------------------------

    def _counts(self) -> tuple[int, int]:
        return (
            self.stats.get_value("crawl/failed/list", 0),
            self.stats.get_value("crawl/pages/home", 0),
        )

    def spider_idle(self, spider) -> None:
        """The engine has nothing in flight: mark this worker idle, close if the run is done."""
        if self._closing or self.coordinator is None:
            return
        self._started = True
        self.queue.forget_inflight()
        holding = self._holding()
        status = self.coordinator.idle(*self._counts(), holding=holding)
        if status == "release" and holding:
            if self._release():
                raise DontCloseSpider
            status = self.coordinator.idle(*self._counts())  # nothing held is wanted any more
        if status == "done":
            self._done = True
            logger.info("Scale-out: run %s is done; closing", self.coordinator.run_id)
            return  # the engine closes the spider ("finished")
        if self._waiting_since is None:
            self._waiting_since = time.monotonic()
        if not self._poll_loop.running:
            self._poll_loop.start(self.poll_seconds, now=status == "work")
        raise DontCloseSpider

    def _poll(self) -> None:
        """While idle: take new work, close when the run is done, leave after max wait."""
        if self._closing:
            return
        try:
            status = self.coordinator.check()
            request = self.queue.pop() if status == "work" else None
        except Exception:
            logger.exception("Scale-out: Redis poll failed; retrying")
            return
        if request is not None:
            self._poll_loop.stop()
            self._waking = request
            self.crawler.engine.crawl(request)
            if self._waking is request:  # a request_scheduled handler ignored it
                self._waking = None
                self._give_back(request)
            return
        if status == "release" and self._holding():
            if self._release():
                self._poll_loop.stop()
            else:  # nothing held is wanted any more: idle like the others
                self.coordinator.idle(*self._counts())
            return
        if status == "done":
            self._done = True
            logger.info("Scale-out: run %s is done; closing", self.coordinator.run_id)
            self._close("finished")
        elif time.monotonic() - (self._waiting_since or time.monotonic()) > self.max_wait:
            logger.warning(
                "Scale-out: waited %ss for the other workers of run %s; leaving it to them",
                self.max_wait, self.coordinator.run_id,
            )
            self._close("scaleout_wait_timeout")

    def _holding(self) -> bool:
        holds = getattr(self.spider, "holds_requests", None)
        return bool(holds and holds())

    def _release(self) -> bool:
        """Queue what the holding spider kept for the end of the run; True if anything was."""
        released = bool(self.spider.release_held())
        self.stats.inc_value("scaleout/released" if released else "scaleout/released_none")
        return released

    def _close(self, reason: str) -> None:
        if self._poll_loop.running:
            self._poll_loop.stop()
        deferred_from_coro(self.crawler.engine.close_spider_async(reason=reason))

    def _beat(self) -> None:
        if self._closing or self._done:
            return
        try:
            alive = self.coordinator.beat()
        except Exception:
            logger.exception("Scale-out: heartbeat failed; retrying")
            return
        if alive == 0:
            logger.warning(
                "Scale-out: the other workers took worker %s for dead (no heartbeat for %ss);"
                " its in-flight requests were re-queued",
                self.worker, self.timeout,
            )
        elif alive < 0 and self._waiting_since is None:
            logger.error("Scale-out: run %s ended without this worker; closing",
                         self.coordinator.run_id)
            self._close("scaleout_run_over")
