"""The article ledger: the one place that knows what an article is to this crawl.

Every question about an article's standing is answered here, from the state
(`newscrawler.state`), and nothing else reads or writes that state:

- **Fetch this link?** (`to_fetch`) Yes when the article is unknown (neither delivered nor
  dropped before), or when its list entry shows a later date than recorded: DedeCms moves an
  edited article to the top of its lists with a new date (``republished``).
- **What else at start?** (`start_orders`) Pages that failed transiently in earlier runs
  (``pending``, up to ``LEDGER_PENDING_MAX_ATTEMPTS`` runs), and re-checks of articles
  published within ``LEDGER_RECHECK_WINDOW_HOURS``, each at most once per
  ``LEDGER_RECHECK_INTERVAL_MINUTES``, sent as conditional requests
  (``If-None-Match``/``If-Modified-Since``, unless ``LEDGER_RECHECK_CONDITIONAL`` is off): an
  unchanged page costs a 304 and no parsing (`not_modified`).
- **Is this record new?** (`judge`, asked by the dedup pipeline) Dropped as ``same_article``
  (this run had it), ``unchanged`` (delivered before with this content), ``same_content`` (the
  exact title+body of another article) or ``near_duplicate`` (within
  ``LEDGER_NEAR_DUPLICATE_DISTANCE`` SimHash bits *and*
  ``LEDGER_NEAR_DUPLICATE_RESEMBLANCE`` shingle resemblance of another); otherwise delivered
  as version 1, or previous version + 1 after an edit. Copies are remembered with the URL
  they copy, so no later run fetches them again.
- **Delivered?** Only the feed says so: after the feed exporter wrote the item's line, the
  ledger checks that every feed file took it (`newscrawler.ledger.confirm`) and only then
  records the article. A feed that cannot be written fails the run, and nothing unwritten is
  recorded: the next run delivers it.
- **Backfill complete?** When a run that walked every list page finished, healthy.

It is a Scrapy extension (``crawler.ledger``); it also takes the state's run lock
(``crawler.lock_failure`` says why when another run holds it) and finishes the feed files of
killed runs (`newscrawler.ledger.recovery`). Stats under ``ledger/``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.utils.defer import deferred_from_coro

from newscrawler.feeds import feed_dir
from newscrawler.fingerprints import (
    HammingIndex,
    content_hash,
    resemblance,
    shingle_hashes,
    simhash_of,
    sketch_of,
)
from newscrawler.ledger.confirm import FeedWatch
from newscrawler.ledger.dates import is_later, list_moment
from newscrawler.ledger.recovery import records_in, recover_orphans
from newscrawler.state import ArticleState, DroppedArticle, StateLocked, state_for
from newscrawler.urls import article_key

logger = logging.getLogger(__name__)


def now_iso() -> str:
    """The local time now, ISO 8601 with offset (the state's timestamps)."""
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True)
class Order:
    """A page the ledger wants fetched at the start of a run, and why."""

    url: str
    reason: str  # pending | recheck
    headers: dict[str, str] = field(default_factory=dict)  # conditional request headers


@dataclass(frozen=True)
class Verdict:
    """The ledger's answer for one record: drop it (``drop`` says why) or deliver ``version``."""

    drop: str | None = None
    duplicate_of: str | None = None
    version: int = 1


class ArticleLedger:
    """Extension owning the article state: see the module docstring."""

    def __init__(self, crawler: Any):
        self.crawler = crawler
        self.stats = crawler.stats
        settings = crawler.settings
        self.recheck_window = timedelta(hours=settings.getfloat("LEDGER_RECHECK_WINDOW_HOURS"))
        self.recheck_interval = timedelta(
            minutes=settings.getfloat("LEDGER_RECHECK_INTERVAL_MINUTES"))
        self.recheck_conditional = settings.getbool("LEDGER_RECHECK_CONDITIONAL")
        self.pending_max_attempts = settings.getint("LEDGER_PENDING_MAX_ATTEMPTS") or None
        self.near_distance = settings.getint("LEDGER_NEAR_DUPLICATE_DISTANCE")
        self.near_min_chars = settings.getint("LEDGER_NEAR_DUPLICATE_MIN_CHARS")
        self.near_resemblance = settings.getfloat("LEDGER_NEAR_DUPLICATE_RESEMBLANCE")
        crawler.ledger = self
        crawler.lock_failure = None
        crawler.feed_failure = None
        self.store = state_for(crawler)
        try:
            self.store.acquire_lock()
        except StateLocked as exc:
            crawler.lock_failure = str(exc)
            raise
        self.feeds = FeedWatch(crawler)
        self._run_keys: set[str] = set()  # articles judged deliverable in this run
        self._run_fingerprints: dict[str, str] = {}  # content hash -> URL, this run
        self._run_articles: list[tuple[str, str, bytes]] = []  # key, url, sketch
        self._run_near = HammingIndex()  # refs: positions in _run_articles
        self._stored_near = HammingIndex()  # refs into the state
        self._stored_cursor = 0
        self._list_dates: dict[str, str] = {}  # key -> date its list entry shows now
        self._validators: dict[str, tuple[str | None, str | None]] = {}  # key -> etag, l-m
        self._ready: dict[int, ArticleState] = {}  # id(item) -> state once the feed has it
        crawler.signals.connect(self.spider_opened, signals.spider_opened)
        crawler.signals.connect(self.item_scraped, signals.item_scraped)
        crawler.signals.connect(self.spider_closed, signals.spider_closed)
        crawler.signals.connect(self.engine_stopped, signals.engine_stopped)

    @classmethod
    def from_crawler(cls, crawler: Any) -> ArticleLedger:
        return cls(crawler)

    # -- what to fetch (asked by the spider) ---------------------------------------------------

    def backfill_done(self, host: str) -> bool:
        """Has a run ever walked every list page of ``host`` to a healthy end?"""
        return bool(self.store.get_meta(f"backfill_complete:{host}"))

    def portal_memory(self, name: str) -> str | None:
        """A small value kept about the portal between runs (e.g. its learned URL shapes)."""
        return self.store.get_meta(name)

    def remember_portal(self, name: str, value: str) -> None:
        self.store.set_meta(name, value)

    def start_orders(self, host: str, now: datetime) -> list[Order]:
        """Pending pages of earlier runs, then the re-checks that are due."""
        pending = self.store.pending(host, self.pending_max_attempts)
        orders = [Order(url, "pending") for url in pending]
        since = (now - self.recheck_window).isoformat(timespec="seconds")
        checked_before = now - self.recheck_interval
        for state in self.store.recent(host, since):
            if datetime.fromisoformat(state.last_seen) > checked_before:
                self.stats.inc_value("ledger/recheck/not_due")
                continue
            headers = self._validators_of(state) if self.recheck_conditional else {}
            orders.append(Order(state.url, "recheck", headers))
        return orders

    def known(self, keys: Iterable[str]) -> int:
        """How many of the article ``keys`` were delivered or dropped, in any run."""
        keys = list(dict.fromkeys(keys))
        delivered = self.store.get_many(keys)
        return len(delivered) + len(self.store.dropped_many(k for k in keys if k not in delivered))

    @staticmethod
    def _validators_of(state: ArticleState) -> dict[str, str]:
        """Conditional request headers from what the last fetch of ``state`` answered."""
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        return headers

    def to_fetch(
        self, entries: list[tuple[str, str | None]], today: date | None = None,
    ) -> list[tuple[str, str]]:
        """(url, reason) of the articles among list ``entries`` (url, date text) to fetch.

        ``reason`` is ``new`` (never delivered nor dropped) or ``republished`` (its list entry
        is dated after what was recorded). Skips are counted: ``dedup/skipped/delivered``,
        ``dedup/skipped/dropped``. ``today`` is the portal's date, in its time zone: a list's
        year-less ``12-04`` is this year's only if the portal has reached 4 December (from
        midnight to 08:00 Beijing time, the machine's UTC date is still the day before).
        """
        today = today or datetime.now(UTC).astimezone().date()
        by_key: dict[str, tuple[str, str | None]] = {}
        for url, date_text in entries:
            key = article_key(url)
            if key in by_key:
                continue
            shown = list_moment(date_text, today)
            by_key[key] = (url, shown)
            if shown:
                self._list_dates[key] = shown
        delivered = self.store.get_many(by_key)
        dropped = self.store.dropped_many(k for k in by_key if k not in delivered)
        fetch: list[tuple[str, str]] = []
        for key, (url, shown) in by_key.items():
            known = delivered.get(key)
            if known is not None:
                recorded = known.list_date or known.published_at
                kind = "delivered"
            elif key in dropped:
                recorded, kind = dropped[key].list_date, "dropped"
            else:
                fetch.append((url, "new"))
                continue
            if is_later(shown, recorded):
                self.stats.inc_value("ledger/republished")
                fetch.append((url, "republished"))
            else:
                self.stats.inc_value(f"dedup/skipped/{kind}")
        return fetch

    def fetched(self, url: str, headers: Any) -> None:
        """Page 1 of an article arrived: keep its validators for the next re-check."""
        etag = headers.get(b"ETag")
        modified = headers.get(b"Last-Modified")
        self._validators[article_key(url)] = (
            etag.decode("latin-1") if etag else None,
            modified.decode("latin-1") if modified else None,
        )
        self.store.clear_pending(url)

    def not_modified(self, url: str) -> None:
        """A conditional re-check answered 304: checked now, nothing to parse or deliver."""
        self.stats.inc_value("ledger/recheck/not_modified")
        state = self.store.get(article_key(url))
        if state is not None:
            self.store.put(replace(state, last_seen=now_iso()))
        self.store.clear_pending(url)

    def failed(self, host: str, url: str, transient: bool) -> None:
        """A page failed: transient failures are tried again next run, others are not."""
        if transient:
            self.store.add_pending(host, url, "failed")
        else:
            self.store.clear_pending(url)  # a 404 is met again only while a list links it

    def list_page_fetched(self, url: str) -> None:
        self.store.clear_pending(url)

    # -- is this record new? (asked by the pipelines) ------------------------------------------

    def invalid(self, url: str) -> None:
        """A record the validation dropped: fetched fine, so no retry would do better."""
        self.store.clear_pending(url)

    def judge(self, item: Any) -> Verdict:
        """Drop or deliver ``item`` (see the module docstring); remembers copies it drops."""
        adapter = ItemAdapter(item)
        url, body = adapter["url"], adapter["body"]
        key = article_key(url)
        if key in self._run_keys:
            return self._dropped("same_article", url)
        fingerprint = content_hash(adapter["title"], body)
        previous = self.store.get(key)
        etag, modified = self._validators.get(key, (None, None))
        list_date = self._list_dates.get(key)
        if previous is not None and previous.fingerprint == fingerprint:
            self._run_keys.add(key)
            self.store.put(replace(  # checked now: the next re-check waits its interval
                previous, last_seen=now_iso(), list_date=list_date or previous.list_date,
                etag=etag or previous.etag, last_modified=modified or previous.last_modified,
            ))
            return self._dropped("unchanged", url)
        other = self._run_fingerprints.get(fingerprint) or self._stored_url(
            self.store.find_fingerprint(fingerprint)) or self.store.claim_content(
            fingerprint, key, url)
        if article_key(other) != key:
            return self._dropped("same_content", url, other, list_date)
        hashes = shingle_hashes(body)
        value, sketch = simhash_of(hashes), sketch_of(hashes)
        if previous is None and len(body) >= self.near_min_chars and value:
            other = self._near_match(key, value, sketch)
            if other is not None:
                return self._dropped("near_duplicate", url, other, list_date)
        now = now_iso()
        version = previous.version + 1 if previous is not None else 1
        if previous is not None:
            self.stats.inc_value("dedup/changed")
        self._run_keys.add(key)
        self._run_fingerprints[fingerprint] = url
        self._run_near.add(value, len(self._run_articles))
        self._run_articles.append((key, url, sketch))
        self._ready[id(item)] = ArticleState(
            key=key, url=url, fingerprint=fingerprint, simhash=value,
            published_at=adapter.get("published_at"),
            first_seen=previous.first_seen if previous is not None else now,
            last_seen=now, version=version, sketch=sketch, list_date=list_date,
            etag=etag, last_modified=modified,
        )
        return Verdict(version=version)

    def _stored_url(self, key: str | None) -> str | None:
        state = self.store.get(key) if key else None
        return state.url if state is not None else None

    def _dropped(self, reason: str, url: str, other: str | None = None,
                 list_date: str | None = None) -> Verdict:
        self.stats.inc_value(f"dedup/dropped/{reason}")
        self.store.clear_pending(url)
        if other is not None:  # a copy: remembered, so later runs do not fetch it again
            self.store.put_dropped(DroppedArticle(
                key=article_key(url), url=url, reason=reason, duplicate_of=other,
                list_date=list_date, dropped_at=now_iso(),
            ))
        return Verdict(drop=reason, duplicate_of=other)

    def _near_match(self, key: str, value: int, sketch: bytes) -> str | None:
        """URL of an article within the SimHash distance that also resembles this one."""
        refs, values = self.store.simhash_log(self._stored_cursor)
        if len(refs):
            self._stored_near.extend(values, refs)
            self._stored_cursor = int(refs[-1])
        for position in self._run_near.within(value, self.near_distance):
            other_key, other_url, other_sketch = self._run_articles[position]
            if other_key != key and resemblance(sketch, other_sketch) >= self.near_resemblance:
                return other_url
        refs = self._stored_near.within(value, self.near_distance)
        for state in self.store.states_by_ref(refs).values() if refs else ():
            if (
                state.key != key
                and (state.simhash ^ value).bit_count() <= self.near_distance
                and resemblance(sketch, state.sketch) >= self.near_resemblance
            ):
                return state.url
        return None

    # -- delivered: only when the feed has it --------------------------------------------------

    def item_scraped(self, item: Any, response: Any = None, spider: Any = None) -> None:
        """The feed exporter ran for ``item`` (it is connected first): record it if written."""
        state = self._ready.pop(id(item), None)
        problem = self.feeds.confirm(item)
        if problem is not None:
            self._feed_failed(problem)
            return
        if state is None:
            return
        state.feed = self.feeds.last_feed
        self.store.put(state)
        self.store.clear_pending(state.url)
        self.stats.inc_value("dedup/delivered")

    def _feed_failed(self, problem: str) -> None:
        """A feed could not take a line: fail the run now; the article stays undelivered."""
        self.stats.inc_value("ledger/undelivered")
        if self.crawler.feed_failure is not None:
            return
        self.crawler.feed_failure = problem
        health = getattr(self.crawler, "run_health", None)
        if health is not None:
            health.add(f"feed: {problem}")
        logger.error("Feed write failed: %s; stopping the run, nothing unwritten is recorded"
                     " as delivered (the next run delivers it)", problem)
        deferred_from_coro(self.crawler.engine.close_spider_async(reason="feed_failed"))

    # -- run start and end ---------------------------------------------------------------------

    def spider_opened(self, spider: Any) -> None:
        problem = self.feeds.preflight()
        if problem is not None:
            self._feed_failed(problem)
            return
        recover_orphans(feed_dir(self.crawler.settings), self.crawler.stats,
                        self.record_recovered)
        for path, overwrite in self.feeds.local_files():
            note = f"feed_open:{path}"
            offset = self.store.get_meta(note)
            if offset and path.exists():  # the last run writing this file was killed
                for record in records_in(path, int(offset), self.crawler.stats):
                    self.record_recovered(record, str(path))
            start = 0 if overwrite or not path.exists() else path.stat().st_size
            self.store.set_meta(note, str(start))

    def record_recovered(self, record: dict, feed: str) -> bool:
        """A line a killed run wrote to ``feed``: delivered, whatever its state write did.

        False when another feed file delivered that article (version) meanwhile: the line is
        a second copy, to be left out.
        """
        key = article_key(record["url"])
        known = self.store.get(key)
        version = int(record.get("version") or 1)
        if known is not None and known.version >= version:
            return known.feed in (None, feed)
        body, title = record.get("body") or "", record.get("title") or ""
        hashes = shingle_hashes(body)
        now = now_iso()
        self.store.put(ArticleState(
            key=key, url=record["url"], fingerprint=content_hash(title, body),
            simhash=simhash_of(hashes), sketch=sketch_of(hashes),
            published_at=record.get("published_at"),
            first_seen=known.first_seen if known is not None else now, last_seen=now,
            version=version, feed=feed,
        ))
        self.store.clear_pending(record["url"])
        return True

    def run_problems(self) -> list[str]:
        """Why this run must not count as a complete walk (empty: it may)."""
        problems = []
        health = getattr(self.crawler, "run_health", None)
        if health is not None:
            problems.extend(health.verdict())
        elif self.crawler.feed_failure:
            problems.append(f"feed: {self.crawler.feed_failure}")
        problems.extend(getattr(self.crawler, "scaleout_incomplete", None) or [])
        return problems

    def spider_closed(self, spider: Any, reason: str) -> None:
        """Clear the notes of open ``-o`` files; record a complete backfill: a full walk that
        finished with nothing lost."""
        for path, _overwrite in self.feeds.local_files():
            self.store.set_meta(f"feed_open:{path}", "")
        walked_all = getattr(spider, "walk_all", False) and getattr(spider, "host", None)
        if not walked_all or reason != "finished":
            return
        if getattr(spider, "list_pages_lost", 0):  # a list page failed transiently
            return
        if self.run_problems():
            return
        self.store.set_meta(f"backfill_complete:{spider.host}", now_iso())

    def engine_stopped(self) -> None:
        self.store.close()
