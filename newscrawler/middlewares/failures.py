"""Failure classes: one stable name per way a page can fail, and what the next run does.

Why: the run report, the stats (``crawl/failed/reason/<name>``) and the retry-next-run
decision all need the same vocabulary. Scrapy's exceptions are named by the download handler
in use and Twisted's by the socket layer; operators need "timeout", "http_503",
"robots_disallowed".

Transient reasons (the server may answer next time: 5xx, 429, 408, timeouts, resets, cut
bodies, DNS, a robots.txt that could not be fetched) are remembered in the state's
``pending`` table and retried by the next run.
Permanent ones (404 and other 4xx, non-HTML answers, pages over ``DOWNLOAD_MAXSIZE``,
redirect loops, redirects off the portal) are reported but not remembered: a page that is
still linked from the list pages the next run walks is met again there, so a 404 is retried
only while it is near the top of its section, never forever. Refusals by our own policy
(``robots_disallowed``, ``offsite``, ``bad_scheme``) are not the portal's failures: reported,
never retried, not counted against the run's health; nor is ``redirect_duplicate`` (a
redirect to a page this run already fetched, e.g. ``/a/x`` → ``/a/x/``).
"""

from __future__ import annotations

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from twisted.internet import error as net_error
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

ROBOTS_MESSAGE = "Forbidden by robots.txt"  # scrapy.downloadermiddlewares.robotstxt
NOT_FAILURES = frozenset({"robots_disallowed", "offsite", "bad_scheme", "redirect_duplicate"})
TRANSIENT_EXACT = frozenset({
    "timeout", "connection_refused", "connection_lost", "connection_closed", "data_loss",
    "dns_error", "download_failed", "http_408", "http_429", "robots_unavailable",
})


class RefusedRequest(IgnoreRequest):
    """A request or response refused by one of our middlewares; ``reason`` names why."""

    reason = "refused"

    def __init__(self, message: str, reason: str | None = None):
        super().__init__(message)
        if reason is not None:
            self.reason = reason


def failure_reason(failure: Failure) -> str:
    """The failure class of ``failure`` (an errback's argument), e.g. ``http_503``."""
    exc = failure.value
    response = getattr(exc, "response", None)
    if response is not None:  # HttpError
        return f"http_{response.status}"
    if isinstance(exc, RefusedRequest):
        return exc.reason
    if isinstance(exc, IgnoreRequest):
        text = str(exc)
        if text == ROBOTS_MESSAGE:
            return "robots_disallowed"
        return "offsite" if text.startswith("Filtered offsite request") else "ignored"
    if isinstance(exc, DownloadTimeoutError | net_error.TimeoutError):
        return "timeout"
    if isinstance(exc, DownloadCancelledError):
        return "too_large"  # the only cancellation the download handlers make
    if isinstance(exc, CannotResolveHostError | net_error.DNSLookupError):
        return "dns_error"
    if isinstance(exc, DownloadConnectionRefusedError | net_error.ConnectionRefusedError):
        return "connection_refused"
    if isinstance(exc, ResponseDataLossError):
        return "data_loss"
    if isinstance(exc, DownloadFailedError | ResponseNeverReceived | ResponseFailed |
                  net_error.ConnectionLost | net_error.ConnectionDone | net_error.ConnectError):
        return _connection_reason(exc)
    return type(exc).__name__


def _connection_reason(exc: Exception) -> str:
    """Which way the connection failed; Scrapy keeps Twisted's reasons only in the message."""
    text = f"{type(exc).__name__} {exc} {exc.__cause__!r}"
    if "ConnectionDone" in text or "closed cleanly" in text:
        return "connection_closed"  # closed by the server without (all of) an answer
    if "ConnectionLost" in text or "reset" in text.lower() or "non-clean" in text:
        return "connection_lost"  # reset or dropped mid-answer
    return "download_failed"


def is_transient(reason: str) -> bool:
    """True if a page that failed for ``reason`` is worth fetching again in the next run."""
    if reason in TRANSIENT_EXACT:
        return True
    return reason.startswith("http_5")


def counts_as_failure(reason: str) -> bool:
    """False for our own policy's refusals (robots.txt, other hosts/schemes) and for
    redirects to pages already fetched: reported, but not the portal failing."""
    return reason not in NOT_FAILURES
