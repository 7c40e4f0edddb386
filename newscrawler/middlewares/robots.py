"""robots.txt as RFC 9309 reads it: a server error means "stay out", not "anything goes".

Why: Scrapy's ``RobotsTxtMiddleware`` parses whatever answer ``/robots.txt`` gets, so a 503
error page has no rules and everything is allowed, and when robots.txt cannot be fetched at
all (timeout, reset) everything is allowed too. RFC 9309 §2.3.1.4 says the opposite: if
robots.txt is unreachable because of server or network errors, assume complete disallow.
A portal whose robots.txt answers 5xx is a portal in trouble; this run then fetches nothing
from it, every refused page fails with the transient reason ``robots_unavailable`` (so
pending pages stay pending) and the next run asks again. A 4xx robots.txt means there are
no rules (§2.3.1.3), as before, but its error page is not parsed as rules.

Stats: ``robust/robots/unavailable``. Replaces Scrapy's ``RobotsTxtMiddleware`` (same
priority); relies on its ``_parse_robots``/``_robots_error`` hooks (Scrapy 2.19, pinned;
``tests/test_faults_site.py`` fails if they change).
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached

from newscrawler.middlewares.failures import RefusedRequest


class _Unavailable:
    """Parser stand-in for a robots.txt that could not be had: nothing is allowed."""

    def allowed(self, url: str | bytes, user_agent: str | bytes) -> bool:
        return False


UNAVAILABLE = _Unavailable()


class RobotsRfcMiddleware(RobotsTxtMiddleware):
    """``RobotsTxtMiddleware`` with RFC 9309 error handling (see the module docstring)."""

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status >= 500:
            self._unavailable(netloc)
            return
        if response.status >= 400:
            response = response.replace(body=b"")  # "no rules", not the error page's text
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        if isinstance(exc, IgnoreRequest):  # e.g. redirected off the portal: no rules (§2.3.1.2)
            super()._robots_error(exc, netloc)
            return
        self.crawler.stats.inc_value(f"robotstxt/exception_count/{type(exc)}")
        self._unavailable(netloc)

    def _unavailable(self, netloc: str) -> None:
        self.crawler.stats.inc_value("robust/robots/unavailable")
        waiting = self._parsers[netloc]
        self._parsers[netloc] = UNAVAILABLE
        waiting.callback(UNAVAILABLE)  # type: ignore[union-attr]

    def process_request_2(self, rp: Any, request: Request) -> None:
        if rp is UNAVAILABLE:
            raise RefusedRequest(
                f"robots_unavailable: robots.txt of {urlparse_cached(request).netloc} could not"
                " be fetched;"
                f" {request.url} is not fetched in this run (RFC 9309)", "robots_unavailable")
        super().process_request_2(rp, request)

