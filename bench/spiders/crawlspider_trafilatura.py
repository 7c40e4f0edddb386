"""The setup a user would otherwise write: a plain Scrapy ``CrawlSpider`` + trafilatura.

LinkExtractor rules follow the portal's sections and list pages and hand every article page
to ``trafilatura.bare_extraction`` (body and metadata: title, date, author). No state, no
deduplication beyond Scrapy's request fingerprints, no multi-page merging.

``scrapy runspider bench/spiders/crawlspider_trafilatura.py -a start_url=http://127.0.0.1:PORT/``
"""

from __future__ import annotations

import trafilatura
from minimal import MinimalSpider  # runspider puts this folder on sys.path


class TrafilaturaCrawlSpider(MinimalSpider):
    """The minimal spider's link rules; trafilatura instead of only a title."""

    name = "crawlspider_trafilatura"

    def parse_article(self, response):
        doc = trafilatura.bare_extraction(response.body, url=response.url, with_metadata=True)
        if doc is None:
            return
        yield {
            "url": response.url, "title": doc.title, "author": doc.author,
            "published_at": doc.date, "body": doc.text, "tags": doc.tags,
        }
