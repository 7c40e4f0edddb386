"""Wait before a retry: exponential backoff, or the server's ``Retry-After`` if it sent one.

Why: Scrapy's ``RetryMiddleware`` retries at once and ignores ``Retry-After``, so a portal
that says "busy, come back in 30 s" (503/429) is hit again within milliseconds, three
times, and the page is lost. Here the retried request waits in ``process_request`` with an
``await`` (the reactor keeps serving every other request meanwhile):

- ``Retry-After`` (seconds or an HTTP date) on a response whose status is in
  ``RETRY_HTTP_CODES`` is honoured up to ``ROBUST_RETRY_AFTER_MAX`` seconds; a longer wait
  is not retried in this run (``dont_retry``): the page fails, goes to the pending table,
  and the next run fetches it, which is the polite reading of "come back in an hour";
- otherwise retry N waits ``ROBUST_RETRY_BACKOFF_BASE * 2 ** (N - 1)`` seconds, at most
  ``ROBUST_RETRY_BACKOFF_MAX``.

Stats: ``robust/retry_after/honoured``, ``robust/retry_after/too_long``,
``robust/retry_wait/count``, ``robust/retry_wait/seconds``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy import Request
from scrapy.http import Response
from scrapy.utils.asyncio import sleep

WAIT_KEY = "robust_retry_after"
WAITED_KEY = "robust_waited_for_retry"


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


class RetryAfterMiddleware:
    """Delay retried requests (see module docstring); sits just above ``RetryMiddleware``."""

    def __init__(self, crawler: Any):
        settings = crawler.settings
        self.stats = crawler.stats
        self.codes = {int(code) for code in settings.getlist("RETRY_HTTP_CODES")}
        self.max_wait = settings.getfloat("ROBUST_RETRY_AFTER_MAX")
        self.base = settings.getfloat("ROBUST_RETRY_BACKOFF_BASE")
        self.cap = settings.getfloat("ROBUST_RETRY_BACKOFF_MAX")

    @classmethod
    def from_crawler(cls, crawler: Any) -> RetryAfterMiddleware:
        return cls(crawler)

    def backoff(self, retry: int) -> float:
        """Seconds to wait before retry number ``retry`` (1, 2, …) without Retry-After."""
        return min(self.cap, self.base * 2 ** max(0, retry - 1))

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status not in self.codes or request.meta.get("dont_retry"):
            return response
        seconds = parse_retry_after(response.headers.get(b"Retry-After"))
        if seconds is None:
            return response
        if seconds > self.max_wait:
            self.stats.inc_value("robust/retry_after/too_long")
            request.meta["dont_retry"] = True  # fail now; the next run fetches it
        else:
            self.stats.inc_value("robust/retry_after/honoured")
            request.meta[WAIT_KEY] = seconds  # copied into the retry by RetryMiddleware
        return response

    async def process_request(self, request: Request) -> None:
        retry = request.meta.get("retry_times", 0)
        if not retry or request.meta.get(WAITED_KEY) == retry:
            return None
        request.meta[WAITED_KEY] = retry  # a redirect of this retry does not wait again
        wait = max(request.meta.pop(WAIT_KEY, 0.0), self.backoff(retry))
        if wait > 0:
            self.stats.inc_value("robust/retry_wait/count")
            self.stats.inc_value("robust/retry_wait/seconds", round(wait, 3))
            await sleep(wait)
        return None
