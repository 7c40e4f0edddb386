"""The setup a user would otherwise write: a plain Scrapy ``CrawlSpider`` + trafilatura.

LinkExtractor rules follow the portal's sections and list pages and hand every article page
to ``trafilatura.bare_extraction`` (body and metadata: title, date, author). No state, no
deduplication beyond Scrapy's request fingerprints, no multi-page merging.

``scrapy runspider bench/spiders/crawlspider_trafilatura.py -a start_url=http://127.0.0.1:PORT/``
"""

from __future__ import annotations

from urllib.parse import urlsplit

import trafilatura
from scrapy.linkextractors import LinkExtractor
from scrapy.spiders import CrawlSpider, Rule

SECTIONS = r"/a/[a-z/]+/(list_\d+_\d+\.html)?$"
ARTICLES = r"/a/[a-z/]+/\d{4}/\d{4}/\d+(_\d+)?\.html$"


class TrafilaturaCrawlSpider(CrawlSpider):
    name = "crawlspider_trafilatura"
    rules = (
        Rule(LinkExtractor(allow=SECTIONS), follow=True),
        Rule(LinkExtractor(allow=ARTICLES), callback="parse_article"),
    )

    def __init__(self, start_url: str = "http://127.0.0.1:8000/", *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.start_urls = [start_url]
        self.allowed_domains = [urlsplit(start_url).hostname]

    def parse_article(self, response):
        doc = trafilatura.bare_extraction(response.body, url=response.url, with_metadata=True)
        if doc is None:
            return
        yield {
            "url": response.url, "title": doc.title, "author": doc.author,
            "published_at": doc.date, "body": doc.text, "tags": doc.tags,
        }
