"""Keep every request on the portal, and make redirects that go wrong fail with a name.

Why: Scrapy's ``OffsiteMiddleware`` compares host *names* only, so a link or a redirect to
``http://127.0.0.1:OTHERPORT/`` (another service on the same machine) passes it; Scrapy also
has ``file://``, ``ftp://``, ``s3://`` and ``data:`` download handlers. And a redirect that
leads off the portal, back to where it started or to a page already fetched is dropped at
scheduling time without calling the request's errback: the article would vanish from the
run without a trace. Here such requests fail through the errback with a reason
(`newscrawler.middlewares.failures`), so they are counted and reported.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy import Request, signals
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from twisted.python.failure import Failure
from w3lib.url import canonicalize_url, safe_url_string

from newscrawler.middlewares.failures import RefusedRequest
from newscrawler.urls import host_port

REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
WEB_SCHEMES = frozenset({"http", "https"})


def portal_host(crawler: Any) -> str | None:
    """The ``host[:port]`` the spider crawls (``spider.host``), or None: no restriction."""
    spider = getattr(crawler, "spider", None)
    host = getattr(spider, "host", None)
    return host.lower() if isinstance(host, str) and host else None


class SameSiteMiddleware:
    """Refuse any request that is not http(s) on the portal's own host and port.

    Stats: ``robust/refused/offsite``, ``robust/refused/bad_scheme``. The request's errback
    gets a `RefusedRequest` (reason ``offsite`` / ``bad_scheme``).
    """

    def __init__(self, crawler: Any):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> SameSiteMiddleware:
        if not crawler.settings.getbool("ROBUST_SAME_HOST_ONLY"):
            raise NotConfigured("ROBUST_SAME_HOST_ONLY is off")
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        scheme = urlsplit(request.url).scheme.lower()
        if scheme not in WEB_SCHEMES:
            self._refuse(request, "bad_scheme", f"scheme {scheme!r} is not http(s)")
        host = portal_host(self.crawler)
        if host is not None and host_port(request.url) != host:
            self._refuse(request, "offsite", f"{host_port(request.url)!r} is not {host!r}")

    def _refuse(self, request: Request, reason: str, why: str) -> None:
        self.crawler.stats.inc_value(f"robust/refused/{reason}")
        raise RefusedRequest(f"Refused {request.url}: {why}", reason)


class RedirectGuardMiddleware:
    """Name the redirects Scrapy would loop on, drop silently or follow off the portal.

    Runs on the response before ``RedirectMiddleware``. Reasons (errback, stats
    ``robust/redirect/<reason>``): ``redirect_loop`` (back to a URL of its own chain),
    ``too_many_redirects`` (more than ``REDIRECT_MAX_TIMES``), ``redirect_offsite`` (another
    host or port), ``redirect_bad_scheme`` (``file:``, ``javascript:``…), and
    ``redirect_duplicate`` (to a page this run already fetched: Scrapy's duplicate filter
    drops it without calling the errback, so the signal ``request_dropped`` is watched).
    """

    def __init__(self, crawler: Any):
        self.crawler = crawler
        self.max_times = crawler.settings.getint("REDIRECT_MAX_TIMES")
        crawler.signals.connect(self.request_dropped, signal=signals.request_dropped)

    @classmethod
    def from_crawler(cls, crawler: Any) -> RedirectGuardMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        if (
            response.status not in REDIRECT_CODES
            or b"Location" not in response.headers
            or request.meta.get("dont_redirect")
        ):
            return response
        location = safe_url_string(response.headers[b"Location"])
        target = urljoin(request.url, location)
        scheme = urlsplit(target).scheme.lower()
        if scheme not in WEB_SCHEMES:
            self._refuse(request, "redirect_bad_scheme", target)
        if host_port(target) != host_port(request.url):
            self._refuse(request, "redirect_offsite", target)
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if canonicalize_url(target) in {canonicalize_url(url) for url in chain}:
            self._refuse(request, "redirect_loop", target)
        if request.meta.get("redirect_times", 0) >= self.max_times:
            self._refuse(request, "too_many_redirects", target)
        return response

    def _refuse(self, request: Request, reason: str, target: str) -> None:
        self.crawler.stats.inc_value(f"robust/redirect/{reason}")
        raise RefusedRequest(f"{reason}: {request.url} redirects to {target}", reason)

    def request_dropped(self, request: Request, spider: Any = None) -> None:
        """A redirect to a page already fetched: tell the errback instead of vanishing."""
        if not request.meta.get("redirect_urls") or request.errback is None:
            return
        self.crawler.stats.inc_value("robust/redirect/redirect_duplicate")
        failure = Failure(RefusedRequest(
            f"redirect_duplicate: {request.meta['redirect_urls'][0]} redirects to"
            f" {request.url}, already fetched in this run", "redirect_duplicate"))
        failure.request = request  # type: ignore[attr-defined]
        request.errback(failure)
