"""Unit tests of newscrawler/middlewares: failure names, Retry-After, redirects, content types."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from scrapy import Request
from scrapy.core.downloader import Slot
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    NotConfigured,
    ResponseDataLossError,
    StopDownload,
)
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

import newscrawler.settings as project
from newscrawler.middlewares.content import HtmlOnlyMiddleware
from newscrawler.middlewares.failures import (
    RefusedRequest,
    counts_as_failure,
    failure_reason,
    is_transient,
)
from newscrawler.middlewares.guard import RedirectGuardMiddleware
from newscrawler.middlewares.retry_after import (
    RetryAfterMiddleware,
    SlotHolds,
    parse_retry_after,
)

URL = "http://127.0.0.1:8000/a/guoji/2026/0704/2.html"
ROBUST = {k: getattr(project, k) for k in dir(project)
          if k.startswith(("ROBUST_", "RETRY_", "REDIRECT_"))}


def _crawler(**overrides):
    """A bare crawler with the project's robustness settings (no extensions: no state lock)."""
    crawler = get_crawler(settings_dict={**ROBUST, **overrides})
    crawler.stats.open_spider()
    return crawler


def _failure(exc: Exception) -> Failure:
    return Failure(exc)


@pytest.mark.parametrize("exc,reason", [
    (HttpError(Response(URL, status=503), "x"), "http_503"),
    (HttpError(Response(URL, status=404), "x"), "http_404"),
    (IgnoreRequest("Forbidden by robots.txt"), "robots_disallowed"),
    (IgnoreRequest("Filtered offsite request to 'x'"), "offsite"),
    (RefusedRequest("x", "non_html"), "non_html"),
    (DownloadTimeoutError("Getting x took longer than 2 seconds."), "timeout"),
    (DownloadCancelledError("Cancelling download of x: expected response size"), "too_large"),
    (CannotResolveHostError("x"), "dns_error"),
    (DownloadConnectionRefusedError("x"), "connection_refused"),
    (ResponseDataLossError(), "data_loss"),
    (DownloadFailedError("[<Failure twisted.internet.error.ConnectionDone: Connection was"
                         " closed cleanly.>]"), "connection_closed"),
    (DownloadFailedError("[<Failure twisted.internet.error.ConnectionLost: Connection to the"
                         " other side was lost in a non-clean fashion.>]"), "connection_lost"),
    (ValueError("x"), "ValueError"),
])
def test_failure_reason_names(exc, reason):
    assert failure_reason(_failure(exc)) == reason


def test_transient_permanent_and_not_failures():
    for reason in ("http_500", "http_502", "http_503", "http_429", "http_408", "timeout",
                   "connection_lost", "connection_closed", "data_loss", "dns_error"):
        assert is_transient(reason) and counts_as_failure(reason)
    for reason in ("http_404", "http_410", "http_403", "non_html", "too_large",
                   "redirect_loop", "too_many_redirects", "redirect_offsite"):
        assert not is_transient(reason) and counts_as_failure(reason)
    for reason in ("robots_disallowed", "offsite", "bad_scheme", "redirect_duplicate"):
        assert not is_transient(reason) and not counts_as_failure(reason)


def test_parse_retry_after():
    now = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    assert parse_retry_after(b"120") == 120.0
    assert parse_retry_after(" 0 ") == 0.0
    assert parse_retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True),
                             now=now) == 30.0
    assert parse_retry_after(format_datetime(now - timedelta(hours=1), usegmt=True),
                             now=now) == 0.0
    for bad in (None, b"", b"soon", b"-5", b"1.5e3"):
        assert parse_retry_after(bad) is None


def _retry_after_mw(**overrides) -> RetryAfterMiddleware:
    return RetryAfterMiddleware.from_crawler(_crawler(
        ROBUST_RETRY_AFTER_MAX=10, ROBUST_RETRY_BACKOFF_BASE=0.5, ROBUST_RETRY_BACKOFF_MAX=3,
        RETRY_TIMES=5, **overrides))


def test_retry_after_sets_the_wait_of_the_coming_retry():
    mw = _retry_after_mw()
    request = Request(URL)
    assert mw.wait_for(request, Response(URL, status=503, headers={"Retry-After": "7"})) == 7.0
    assert mw.wait_for(request, Response(URL, status=503, headers={"Retry-After": "0"})) == 0.5
    assert mw.wait_for(request, Response(URL, status=200, headers={"Retry-After": "7"})) is None
    assert mw.stats.get_value("robust/retry_after/honoured") == 2


def test_switched_off_with_retries():
    with pytest.raises(NotConfigured):
        _retry_after_mw(RETRY_ENABLED=False)


def test_too_long_retry_after_is_left_for_the_next_run():
    mw = _retry_after_mw()
    request = Request(URL)
    response = Response(URL, status=429, headers={"Retry-After": "3600"})
    assert mw.wait_for(request, response) is None
    assert request.meta["dont_retry"] is True
    assert mw.stats.get_value("robust/retry_after/too_long") == 1


def test_backoff_without_retry_after_and_no_wait_without_a_retry():
    mw = _retry_after_mw()
    busy = Response(URL, status=503)
    waits = [mw.wait_for(Request(URL, meta={"retry_times": t} if t else {}), busy)
             for t in (0, 1, 2, 3, 4, 5)]
    assert waits == [0.5, 1.0, 2.0, 3.0, 3.0, None]  # capped at MAX; retries used up: none
    assert mw.wait_for(Request(URL, meta={"dont_retry": True}), busy) is None
    assert mw.wait_for(Request(URL, meta={"max_retry_times": 0}), busy) is None


def _slots() -> dict[str, Slot]:
    return {"a": Slot(concurrency=2, delay=0.5, jitter=0.5)}


def _next_send(slot: Slot) -> float:
    """The earliest time the downloader sends the slot's next request (shortest jitter)."""
    return slot.lastseen + slot.delay * (1 - slot.jitter)


def test_a_hold_keeps_the_slot_quiet_until_not_before():
    slots = _slots()
    slots["a"].lastseen = 100.0  # the last request left at t=100
    holds = SlotHolds(slots)
    holds.hold("a", 2.0, now=101.0)
    assert _next_send(slots["a"]) == 103.0
    assert (slots["a"].delay, slots["a"].jitter) == (0.5, 0.5)  # left to AutoThrottle
    holds.hold("a", 1.0, now=101.5)  # a shorter hold does not shorten it
    assert _next_send(slots["a"]) == 103.0
    holds.hold("a", 4.0, now=101.5)  # a longer one extends it
    assert _next_send(slots["a"]) == 105.5
    assert holds.release("a", now=103.0) == 2.5  # not over yet
    assert holds.release("a", now=105.5) == 0.0 and not holds.holds
    assert holds.hold("gone", 1.0) is None  # no such slot: nothing to hold


def test_a_slot_without_delay_gets_one_while_held():
    slots = {"a": Slot(concurrency=2, delay=0.0, jitter=0.5)}
    holds = SlotHolds(slots)
    holds.hold("a", 2.0, now=50.0)
    assert slots["a"].delay > 0  # with delay 0 the downloader does not look at lastseen
    assert _next_send(slots["a"]) == 52.0
    holds.release("a", now=52.0)
    assert slots["a"].delay == 0.0


def test_autothrottle_does_not_shorten_a_hold():
    from scrapy.extensions.throttle import AutoThrottle

    crawler = _crawler(AUTOTHROTTLE_ENABLED=True, AUTOTHROTTLE_TARGET_CONCURRENCY=2.0)
    throttle = AutoThrottle(crawler)
    throttle.mindelay, throttle.maxdelay = 0.0, 60.0
    slots = _slots()
    holds = SlotHolds(slots)
    holds.hold("a", 30.0, now=10.0)
    throttle._adjust_delay(slots["a"], 0.01, Response(URL, status=200))  # a fast 200
    assert _next_send(slots["a"]) < 40.0  # AutoThrottle alone would send early...
    holds.impose("a")  # ...the middleware, listening after it, holds the slot again
    assert _next_send(slots["a"]) == 40.0


def _redirect(request: Request, location: str, status: int = 302) -> Response:
    return Response(request.url, status=status, headers={"Location": location})


@pytest.mark.parametrize("location,reason", [
    (URL, "redirect_loop"),
    ("/a/guoji/2026/0704/2.html#x", "redirect_loop"),
    ("http://127.0.0.2:8000/a/", "redirect_offsite"),
    ("http://127.0.0.1:8001/a/", "redirect_offsite"),
    ("//example.com/a/", "redirect_offsite"),
    ("file:///etc/passwd", "redirect_bad_scheme"),
])
def test_redirect_guard_names_bad_redirects(location, reason):
    mw = RedirectGuardMiddleware.from_crawler(_crawler())
    request = Request(URL)
    with pytest.raises(RefusedRequest) as refused:
        mw.process_response(request, _redirect(request, location))
    assert refused.value.reason == reason


def test_redirect_guard_counts_hops_and_lets_good_redirects_through():
    mw = RedirectGuardMiddleware.from_crawler(_crawler(REDIRECT_MAX_TIMES=2))
    request = Request(URL)
    assert mw.process_response(request, _redirect(request, "/next")).status == 302
    tired = Request(URL, meta={"redirect_times": 2, "redirect_urls": ["http://127.0.0.1:8000/a",
                                                                      "http://127.0.0.1:8000/b"]})
    with pytest.raises(RefusedRequest) as refused:
        mw.process_response(tired, _redirect(tired, "/c"))
    assert refused.value.reason == "too_many_redirects"
    ok = HtmlResponse(URL, body=b"<html></html>")
    assert mw.process_response(request, ok) is ok


def test_redirect_to_a_page_already_fetched_reaches_the_errback():
    crawler = _crawler()
    mw = RedirectGuardMiddleware.from_crawler(crawler)
    seen: list[Failure] = []
    dropped = Request("http://127.0.0.1:8000/", errback=seen.append,
                      meta={"redirect_urls": [URL]})
    mw.request_dropped(dropped)
    mw.request_dropped(Request("http://127.0.0.1:8000/x", errback=seen.append))  # no redirect
    assert len(seen) == 1 and failure_reason(seen[0]) == "redirect_duplicate"
    assert seen[0].request is dropped


def _html_only() -> HtmlOnlyMiddleware:
    return HtmlOnlyMiddleware.from_crawler(_crawler())


@pytest.mark.parametrize("ctype,body", [
    ("application/pdf", b"%PDF-1.4"),
    ("image/jpeg", b"\xff\xd8\xff\xe0"),
    ("", b"%PDF-1.4 ..."),
    ("application/octet-stream", b"\x89PNG\r\n"),
])
def test_non_html_is_refused(ctype, body):
    mw = _html_only()
    headers = {"Content-Type": ctype} if ctype else {}
    with pytest.raises(RefusedRequest) as refused:
        mw.process_response(Request(URL), Response(URL, headers=headers, body=body))
    assert refused.value.reason == "non_html"


@pytest.mark.parametrize("ctype", ["text/html", "text/html; charset=gbk", "application/xhtml+xml",
                                   "TEXT/HTML", ""])
def test_html_and_untyped_html_pass(ctype):
    mw = _html_only()
    headers = {"Content-Type": ctype} if ctype else {}
    response = Response(URL, headers=headers, body=b"<html>ok</html>")
    assert mw.process_response(Request(URL), response) is response


def test_robots_txt_and_errors_are_not_checked():
    mw = _html_only()
    robots = TextResponse("http://127.0.0.1:8000/robots.txt", body=b"User-agent: *",
                          headers={"Content-Type": "text/plain"})
    request = Request(robots.url, meta={"dont_obey_robotstxt": True})
    assert mw.process_response(request, robots) is robots
    error = Response(URL, status=404, headers={"Content-Type": "application/json"})
    assert mw.process_response(Request(URL), error) is error


def test_foreign_body_is_not_downloaded():
    mw = _html_only()
    with pytest.raises(StopDownload):
        mw.headers_received({b"Content-Type": b"application/pdf"}, 10**9, Request(URL))
    assert mw.headers_received({b"Content-Type": b"text/html"}, 10, Request(URL)) is None


def test_user_agent_carries_the_contact_given_on_the_command_line():
    from scrapy.settings import Settings

    from newscrawler.middlewares.useragent import contact_user_agent

    settings = Settings({k: getattr(project, k) for k in ("USER_AGENT", "NEWSCRAWLER_CONTACT")},
                        priority="project")
    assert contact_user_agent(settings) == project.USER_AGENT
    settings.set("NEWSCRAWLER_CONTACT", "ops@example.com\r\nX-Evil: 1", priority="cmdline")
    assert contact_user_agent(settings) == "newscrawler/0.1 (+ops@example.com X-Evil: 1)"
    settings.set("USER_AGENT", "mybot/2 (+https://example.com/bot)", priority="cmdline")
    assert contact_user_agent(settings) == "mybot/2 (+https://example.com/bot)"


def test_user_agent_on_the_wire(tmp_path):
    from newscrawler.portal import PortalServer, build_site
    from newscrawler.portal import faults as F
    from tests.crawl_helpers import run_crawl

    agents: list[str] = []

    def record(handler) -> None:
        agents.append(handler.headers.get("User-Agent"))
        F.not_found()(handler)
    with PortalServer(build_site(5)) as server:
        F.install(server).add("/data/sitemap.html", record)
        process = run_crawl(server.url, tmp_path, "-s", "NEWSCRAWLER_CONTACT=ops@example.com")
    assert process.returncode == 0, process.stderr[-3000:]
    assert agents == ["newscrawler/0.1 (+ops@example.com)"]


def test_politeness_and_robustness_defaults():
    assert project.ROBOTSTXT_OBEY is True and project.AUTOTHROTTLE_ENABLED is True
    assert project.NEWSCRAWLER_CONTACT in project.USER_AGENT
    assert 0 < project.DOWNLOAD_MAXSIZE <= 16 * 1024 * 1024
    assert project.RETRY_TIMES >= 1 and {429, 503}.issubset(project.RETRY_HTTP_CODES)
    assert project.ROBUST_SAME_HOST_ONLY is True
    mws = project.DOWNLOADER_MIDDLEWARES
    # responses run high to low: the guards must see them before Scrapy's own handling
    assert mws["newscrawler.middlewares.guard.RedirectGuardMiddleware"] > 600  # Redirect
    assert 550 < mws["newscrawler.middlewares.retry_after.RetryAfterMiddleware"] < 580  # Retry
    assert 550 < mws["newscrawler.middlewares.content.HtmlOnlyMiddleware"] < 590  # decompress
    assert mws["newscrawler.middlewares.guard.SameSiteMiddleware"] < 100  # before robots.txt
