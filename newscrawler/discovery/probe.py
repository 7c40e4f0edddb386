"""``scrapy probe``'s spider and report: a handful of pages, and what the crawler makes of them.

Why: before the first cron run a user wants to know whether a new portal will work, and what to
put in a profile if it will not. The probe fetches the home page, the first ``PROBE_SECTIONS``
sections, page 2 of the first paginated one and one article (the project's politeness settings
apply), then reports the CMS family, the sections, how list pages paginate, the article URL
shapes learned with an example each, and the record extracted from the article.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import scrapy
from scrapy.http import Response

from newscrawler.discovery.families import Detection, detect_family
from newscrawler.discovery.shapes import ShapeBook
from newscrawler.extract import extract_article, load_profile
from newscrawler.extract.encoding import decode_html
from newscrawler.extract.listing import parse_list
from newscrawler.middlewares.failures import failure_reason
from newscrawler.urls import first_page_url

PROBE_SECTIONS = 3
SHOWN_SECTIONS = 12


@dataclass
class Findings:
    home: str
    home_fetched: bool = False
    error: str | None = None
    family: Detection | None = None
    sections: list[str] = field(default_factory=list)
    lists: list[dict] = field(default_factory=list)
    book: ShapeBook = field(default_factory=ShapeBook)
    record: dict | None = None
    article_pages: int = 0


class ProbeSpider(scrapy.Spider):
    name = "probe"

    def __init__(self, start_url: str, findings: Findings, profile: str | None = None, **kwargs):
        super().__init__(**kwargs)
        self.home = start_url
        self.findings = findings
        self.profile = load_profile(profile)
        self.texts: list[str] = []
        self.article_requested = False
        self.page_two_requested = False

    async def start(self) -> AsyncIterator[scrapy.Request]:
        from urllib.parse import urlsplit

        self.host = urlsplit(self.home).netloc  # the same-site guard reads it
        yield scrapy.Request(self.home, self.parse_home, errback=self.home_failed)

    def _learn(self, response: Response):
        text = decode_html(response.body)
        self.texts.append(text)
        page = parse_list(text, response.url, frozenset(self.findings.book.articles), self.profile)
        for shape, example in page.block_shapes.items():
            self.findings.book.learn("article", shape, example)
        return page

    def parse_home(self, response: Response):
        self.findings.home_fetched = True
        page = self._learn(response)
        self._sections(page)
        for url in page.subsection_urls[:PROBE_SECTIONS]:
            yield scrapy.Request(url, self.parse_section, errback=self.optional_failed)
        yield from self._article(page)

    def _sections(self, page) -> None:
        known = set(self.findings.sections)
        self.findings.sections += [url for url in page.subsection_urls if url not in known]

    def parse_section(self, response: Response, paged: bool = False):
        page = self._learn(response)
        self._sections(page)
        pagination = page.pagination
        later = [url for number, url in sorted(pagination.pages.items()) if number >= 2]
        info = {"url": response.url, "entries": len(page.entries), "pages": pagination.last,
                "page_shape": pagination.template_shape(), "example": later[0] if later else None}
        self.findings.lists.append(info)
        if pagination.template_shape():
            self.findings.book.learn("list", pagination.template_shape(), info["example"])
        if page.next_url and not self.page_two_requested:
            self.page_two_requested = True
            yield scrapy.Request(page.next_url, self.parse_section, cb_kwargs={"paged": True},
                                 errback=self.optional_failed)
        yield from self._article(page)

    def _article(self, page):
        if not self.article_requested and page.entries:
            self.article_requested = True
            yield scrapy.Request(page.entries[0].url, self.parse_article,
                                 errback=self.optional_failed)

    def parse_article(self, response: Response):
        from newscrawler.extract.listing import article_page_urls

        self.texts.append(decode_html(response.body))
        record = extract_article(response.body, response.url, profile=self.profile)
        record["url"] = first_page_url(response.url)
        self.findings.record = record
        self.findings.article_pages = 1 + len(article_page_urls(response.body, response.url))

    def home_failed(self, failure):
        self.findings.error = failure_reason(failure)

    def optional_failed(self, failure):
        self.logger.info("probe: %s failed (%s)", failure.request.url, failure_reason(failure))

    def closed(self, reason):
        self.findings.family = detect_family(self.texts)


def report(findings: Findings) -> str:
    """The probe's findings as the lines ``scrapy probe`` prints."""
    lines = [f"portal    {findings.home}"]
    family = findings.family
    lines.append(
        f"family    {family.family} ({', '.join(family.evidence)})" if family
        else "family    not recognised (no generator meta, no known CMS paths)")
    shown = findings.sections[:SHOWN_SECTIONS]
    more = len(findings.sections) - len(shown)
    lines.append(f"sections  {len(findings.sections)} found"
                 + (f" (first {len(shown)})" if more > 0 else ""))
    lines += [f"          {url}" for url in shown]
    for info in findings.lists:
        how = (f"{info['pages']} pages, page N like {info['page_shape']} (e.g. {info['example']})"
               if info["page_shape"] else f"{info['pages']} page(s), no pagination template")
        lines.append(f"list      {info['url']}: {info['entries']} entries; {how}")
    if findings.book.articles:
        for shape, entry in sorted(findings.book.articles.items(),
                                   key=lambda item: -item[1]["seen"]):
            lines.append(f"article   {shape}  e.g. {entry['example']}")
    else:
        lines.append("article   no article URL pattern learned: no repeated block of headline "
                     "links was found (pin article_url_patterns in a profile)")
    if findings.record is not None:
        record = dict(findings.record)
        record["body"] = (record.get("body") or "")[:200]
        lines.append(f"record    ({findings.article_pages} page(s)) "
                     + json.dumps(record, ensure_ascii=False, default=str))
    return "\n".join(lines)
