"""Refuse answers that are not web pages (a PDF or an image where an article was expected).

Why: the spider parses every response as HTML. A PDF "article" would be parsed into an
empty record, dropped by validation as "missing title" and so misreported; an image would
be decoded as text. Here it fails with the reason ``non_html`` instead, and the body is not
even downloaded when the headers already say what it is (``StopDownload`` on
``headers_received``).

Setting: ``ROBUST_HTML_CONTENT_TYPES`` (media types accepted). A response without a
Content-Type (or ``application/octet-stream``) is accepted unless its first bytes are a
known binary signature. robots.txt and requests with ``meta["accept_any_content"]`` are
left alone. Stats: ``robust/refused/non_html``.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request, signals
from scrapy.exceptions import StopDownload
from scrapy.http import Response

from newscrawler.middlewares.failures import RefusedRequest

BINARY_SIGNATURES = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b",
                     b"RIFF", b"\x00\x00\x01\x00", b"ID3", b"OggS")
UNTYPED = frozenset({"", "application/octet-stream"})


def media_type(response_or_headers: Any) -> str:
    """The bare media type of a Content-Type header (``text/html``), lower case."""
    headers = getattr(response_or_headers, "headers", response_or_headers)
    raw = headers.get(b"Content-Type") or b""
    return raw.decode("latin-1").split(";", 1)[0].strip().lower()


class HtmlOnlyMiddleware:
    """Fail 2xx responses that are not HTML with the reason ``non_html``."""

    def __init__(self, crawler: Any):
        self.crawler = crawler
        self.accepted = {t.lower() for t in crawler.settings.getlist("ROBUST_HTML_CONTENT_TYPES")}
        crawler.signals.connect(self.headers_received, signal=signals.headers_received)

    @classmethod
    def from_crawler(cls, crawler: Any) -> HtmlOnlyMiddleware:
        return cls(crawler)

    def _exempt(self, request: Request) -> bool:
        meta = request.meta
        return bool(meta.get("dont_obey_robotstxt") or meta.get("accept_any_content"))

    def _declared_foreign(self, ctype: str) -> bool:
        return ctype not in UNTYPED and ctype not in self.accepted

    def headers_received(self, headers: Any, body_length: Any, request: Request,
                         spider: Any = None) -> None:
        """Stop downloading a body the headers already declare foreign."""
        if not self._exempt(request) and self._declared_foreign(media_type(headers)):
            raise StopDownload(fail=False)

    def process_response(self, request: Request, response: Response) -> Response:
        if not 200 <= response.status < 300 or self._exempt(request):
            return response
        ctype = media_type(response)
        foreign = self._declared_foreign(ctype) or (
            ctype in UNTYPED and response.body.lstrip()[:8].startswith(BINARY_SIGNATURES))
        if foreign:
            self.crawler.stats.inc_value("robust/refused/non_html")
            raise RefusedRequest(
                f"non_html: {response.url} is {ctype or 'untyped binary'}, not a web page",
                "non_html")
        return response
