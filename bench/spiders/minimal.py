"""The minimal spider: the same link rules as the CrawlSpider baseline, and only a title.

What Scrapy and the sample portal's server can do with almost no work per page: the
framework + server headroom above any crawler on this machine.

``scrapy runspider bench/spiders/minimal.py -a start_url=http://127.0.0.1:PORT/``
"""

from __future__ import annotations

from urllib.parse import urlsplit

from scrapy.linkextractors import LinkExtractor
from scrapy.spiders import CrawlSpider, Rule

SECTIONS = r"/a/[a-z/]+/(list_\d+_\d+\.html)?$"
ARTICLES = r"/a/[a-z/]+/\d{4}/\d{4}/\d+(_\d+)?\.html$"


class MinimalSpider(CrawlSpider):
    name = "minimal"
    rules = (
        Rule(LinkExtractor(allow=SECTIONS), follow=True),
        Rule(LinkExtractor(allow=ARTICLES), callback="parse_article"),
    )

    def __init__(self, start_url: str = "http://127.0.0.1:8000/", *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.start_urls = [start_url]
        self.allowed_domains = [urlsplit(start_url).hostname]

    def parse_article(self, response):
        yield {"url": response.url, "title": response.css("title::text").get()}
