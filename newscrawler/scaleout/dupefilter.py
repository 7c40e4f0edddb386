"""The shared duplicate filter: scrapy-redis' set of fingerprints, one per run, by article.

- **Per run.** The set lives under the run's key and is dropped with the run
  (`newscrawler.scaleout.run`), never on a worker's close: the next cron run must be able to
  fetch the list pages again, and a worker leaving early must not make the others refetch.
- **By article.** A request for page 1 of an article (the spider marks it with the
  ``article_reason`` meta key) is fingerprinted by the article's identity
  (`newscrawler.urls.article_key`), not its URL: ``/a/…/123.html``, ``/special/arc-123.html``
  and ``/plus/view.php?aid=123`` are one article, fetched once across all workers. In one
  process the spider's own ``scheduled`` set does this; across workers only Redis can.
"""

from __future__ import annotations

from scrapy import Request
from scrapy_redis.dupefilter import RFPDupeFilter

from newscrawler.urls import article_key

ARTICLE_META = "article_reason"


class RunDupeFilter(RFPDupeFilter):
    """`scrapy_redis.dupefilter.RFPDupeFilter` keyed by run and by article (see module doc)."""

    def request_fingerprint(self, request: Request) -> str:
        if ARTICLE_META in request.meta:
            return "article:" + article_key(request.url)
        return super().request_fingerprint(request)

    def close(self, reason: str = "") -> None:
        """Keep the set: it belongs to the run, which outlives this worker."""
