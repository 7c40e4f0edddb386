"""Back off a busy host before a retry: exponential backoff, or the server's ``Retry-After``.

Why: Scrapy's ``RetryMiddleware`` retries at once and ignores ``Retry-After``, so a portal
that says "busy, come back in 30 s" (503/429) is hit again within milliseconds, three
times, and the page is lost. Sleeping inside a middleware is no cure: the busy host keeps
receiving every other request meanwhile, and the sleepers, invisible to the downloader slot,
hold ``CONCURRENT_REQUESTS`` places while the scheduler keeps handing out that host's
requests. So, as Scrapy's AutoThrottle does, the host's **downloader slot** is delayed
instead: it sends nothing before the "not before" time, other slots (hosts) are untouched.
Requests waiting in the slot's queue still count towards ``CONCURRENT_REQUESTS`` (as with
any download delay), but they count in the slot too, so ``DownloaderAwarePriorityQueue``
(Scrapy's default) hands out other hosts' requests first.

- ``Retry-After`` (seconds or an HTTP date) on a response whose status is in
  ``RETRY_HTTP_CODES`` is honoured up to ``ROBUST_RETRY_AFTER_MAX`` seconds; a longer wait
  is not retried in this run (``dont_retry``): the page fails, goes to the pending table,
  and the next run fetches it, which is the polite reading of "come back in an hour";
- otherwise retry N waits ``ROBUST_RETRY_BACKOFF_BASE * 2 ** (N - 1)`` seconds, at most
  ``ROBUST_RETRY_BACKOFF_MAX`` (also after the exceptions ``RETRY_EXCEPTIONS`` retries);
- nothing waits when ``RetryMiddleware`` will not retry (``dont_retry``, retries used up).

How a slot is held: see ``SlotHolds``. The decision is taken on the ``response_downloaded``
signal, before the downloader picks the slot's next request, so not one more request slips
through.
AutoThrottle also listens to that signal: it never lowers the delay on a non-200 answer but
does on every 200 from the same host, so after each response the hold is imposed again (our
receiver is connected after AutoThrottle's: extensions are built before the downloader and
its middlewares). A longer hold extends a shorter one. After an exception (timeout, reset)
the hold starts in ``process_exception``: the downloader may have sent one more request to
that host in between.

Stats: ``robust/retry_after/honoured``, ``robust/retry_after/too_long``,
``robust/retry_wait/count``, ``robust/retry_wait/seconds``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from time import monotonic
from typing import Any

from scrapy import Request, signals
from scrapy.core.downloader import Slot
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.asyncio import CallLaterResult, call_later
from scrapy.utils.misc import load_object


def parse_retry_after(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header value, or None if absent/invalid."""
    if value is None:
        return None
    text = (value.decode("latin-1") if isinstance(value, bytes) else value).strip()
    if not text:
        return None
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


#: Delay given to a slot without one while it is held: the downloader ignores
#: ``lastseen`` when the delay is 0. A millisecond, put back when the hold ends.
HELD_MIN_DELAY = 0.001


@dataclass
class Hold:
    """One resting slot: until when, and its delay from before the hold."""

    slot: Slot
    not_before: float
    delay: float
    timer: CallLaterResult | None = None


class SlotHolds:
    """"Send nothing to this slot before time T", kept on the slots of a downloader.

    The downloader sends a slot's next request once ``now >= lastseen + delay`` (the delay
    jittered by ``±jitter``). So the slot is made to look as if its last request had left
    just early enough for the next one to be due at T, even with the shortest jitter:
    ``lastseen = T - delay * (1 - jitter)``. The delay itself is left alone (AutoThrottle's
    to tune), and once the next request leaves, ``lastseen`` is true again: nothing to undo,
    and no timer the downloader set meanwhile to undo either (raising ``slot.delay`` instead
    would leave a timer set for the old ``lastseen`` plus the long delay).
    """

    def __init__(self, slots: dict[str, Slot]):
        self.slots = slots
        self.holds: dict[str, Hold] = {}

    def hold(self, key: str, seconds: float, now: float | None = None) -> Hold | None:
        """Let slot ``key`` send nothing for ``seconds`` from ``now``."""
        slot = self.slots.get(key)
        if slot is None:
            return None
        not_before = (monotonic() if now is None else now) + seconds
        hold = self.holds.get(key)
        if hold is None or hold.slot is not slot:
            hold = self.holds[key] = Hold(slot, not_before, slot.delay)
        hold.not_before = max(hold.not_before, not_before)
        self.impose(key)
        return hold

    def impose(self, key: str) -> None:
        """(Re)apply the hold of ``key``, if any: AutoThrottle may have lowered the delay."""
        hold = self.holds.get(key)
        if hold is None:
            return
        slot = hold.slot
        slot.delay = max(slot.delay, HELD_MIN_DELAY)
        shortest = max(0.0, slot.delay * (1 - slot.jitter))
        slot.lastseen = max(slot.lastseen, hold.not_before - shortest)

    def release(self, key: str, now: float | None = None) -> float:
        """Forget the hold of ``key`` if it is over; else return the seconds still left."""
        hold = self.holds.get(key)
        if hold is None:
            return 0.0
        left = hold.not_before - (monotonic() if now is None else now)
        if left > 0:
            return left
        del self.holds[key]
        if hold.slot.delay == HELD_MIN_DELAY:
            hold.slot.delay = hold.delay
        return 0.0


class RetryAfterMiddleware:
    """Delay the host of a request that will be retried (see module docstring)."""

    def __init__(self, crawler: Any):
        settings = crawler.settings
        if not settings.getbool("RETRY_ENABLED"):
            raise NotConfigured("no retries, nothing to wait for")
        self.crawler = crawler
        self.stats = crawler.stats
        self.codes = {int(code) for code in settings.getlist("RETRY_HTTP_CODES")}
        self.retry_times = settings.getint("RETRY_TIMES")
        self.retry_exceptions = tuple(
            load_object(path) if isinstance(path, str) else path
            for path in settings.getlist("RETRY_EXCEPTIONS")
        )
        self.max_wait = settings.getfloat("ROBUST_RETRY_AFTER_MAX")
        self.base = settings.getfloat("ROBUST_RETRY_BACKOFF_BASE")
        self.cap = settings.getfloat("ROBUST_RETRY_BACKOFF_MAX")
        self._holds: SlotHolds | None = None
        crawler.signals.connect(self.response_downloaded, signal=signals.response_downloaded)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Any) -> RetryAfterMiddleware:
        return cls(crawler)

    @property
    def holds(self) -> SlotHolds:
        if self._holds is None:  # the engine does not exist yet when middlewares are built
            self._holds = SlotHolds(self.crawler.engine.downloader.slots)
        return self._holds

    def backoff(self, retry: int) -> float:
        """Seconds to wait before retry number ``retry`` (1, 2, …) without Retry-After."""
        return min(self.cap, self.base * 2 ** max(0, retry - 1))

    def _next_retry(self, request: Request) -> int | None:
        """The number of the retry ``RetryMiddleware`` is about to make, or None."""
        if request.meta.get("dont_retry"):
            return None
        retry = request.meta.get("retry_times", 0) + 1
        return retry if retry <= request.meta.get("max_retry_times", self.retry_times) else None

    def wait_for(self, request: Request, response: Response) -> float | None:
        """Seconds the host must rest before ``request`` is retried, or None (no retry).

        Sets ``dont_retry`` when the server asks for more than ``ROBUST_RETRY_AFTER_MAX``.
        """
        if response.status not in self.codes:
            return None
        retry = self._next_retry(request)
        if retry is None:
            return None
        seconds = parse_retry_after(response.headers.get(b"Retry-After"))
        if seconds is not None and seconds > self.max_wait:
            self.stats.inc_value("robust/retry_after/too_long")
            request.meta["dont_retry"] = True  # fail now; the next run fetches it
            return None
        if seconds is not None:
            self.stats.inc_value("robust/retry_after/honoured")
        return max(seconds or 0.0, self.backoff(retry))

    def response_downloaded(self, response: Response, request: Request, spider: Any) -> None:
        key = request.meta.get("download_slot")
        if key is None:
            return
        wait = self.wait_for(request, response)
        if wait:
            self._hold(key, wait)
        else:
            self.holds.impose(key)  # after AutoThrottle's adjustment of this very response

    def process_exception(self, request: Request, exception: Exception) -> None:
        retry = self._next_retry(request)
        key = request.meta.get("download_slot")
        if retry is not None and key is not None and isinstance(exception, self.retry_exceptions):
            self._hold(key, self.backoff(retry))
        return None

    def _hold(self, key: str, seconds: float) -> None:
        hold = self.holds.hold(key, seconds)
        if hold is None:
            return
        self.stats.inc_value("robust/retry_wait/count")
        self.stats.inc_value("robust/retry_wait/seconds", round(seconds, 3))
        if hold.timer is None:
            hold.timer = call_later(seconds, self._release, key)

    def _release(self, key: str) -> None:
        hold = self.holds.holds.get(key)
        left = self.holds.release(key)
        if hold is not None and left > 0:  # extended meanwhile (or the timer fired early)
            hold.timer = call_later(left, self._release, key)

    def spider_closed(self, spider: Any) -> None:
        if self._holds is None:
            return
        for hold in self._holds.holds.values():
            if hold.timer is not None:
                hold.timer.cancel()
        self._holds.holds.clear()
