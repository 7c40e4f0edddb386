"""The ``portal`` spider: a DedeCms news portal, section by section, newest first.

``scrapy crawl portal -a start_url=http://portal/ [-a full=1] [-a profile=NAME]``, or
``scrapy crawl portal -a demo=1`` for the bundled sample portal. Arguments are checked by
`newscrawler.config` (unknown names and malformed values are refused).

- Sections come from the home page navigation and ``/data/sitemap.html``; channel (cover)
  pages lead to their sub-sections. Links are told apart by page structure
  (``newscrawler.extract.structure``); the article URL shapes learned from list blocks are kept
  in the state (``discovery_shapes:<host>``), so a later run knows them from its first page and
  counts shapes it had not seen (``discovery/shapes/articles_new``: the portal changed its
  rules).
- List pages are walked newest first. In an incremental run a section stops once
  ``INCREMENTAL_OVERLAP_PAGES`` list pages in a row held nothing new; ``-a full=1`` (and the
  very first run against a portal) walks every page.
- Each article is fetched once per run (by its DedeCms ``aid``); its pages 2..N are fetched in
  turn and merged into one record whose ``url`` is page 1. ``/special/arc-N.html`` and
  ``/plus/view.php?aid=N`` copies are only fetched, at the end, for ids no list page gave.
- Which articles to fetch, which pages failed before and which articles are due a re-check
  is the article ledger's call (`newscrawler.ledger`): this spider only navigates.
- With ``-a demo=1`` (and no ``start_url``) the bundled sample portal is served on 127.0.0.1
  and crawled; with neither, the crawl is refused: a misspelt argument never crawls the demo.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, UsageError
from scrapy.http import Response

from newscrawler.config import check_arguments
from newscrawler.discovery import ShapeBook, url_shape
from newscrawler.extensions.health import list_page_parsed
from newscrawler.extract import extract_article, load_profile
from newscrawler.extract.listing import ListPage, article_page_urls, parse_list
from newscrawler.middlewares.failures import counts_as_failure, failure_reason, is_transient
from newscrawler.scaleout.addon import SCHEDULER as SCALEOUT_SCHEDULER
from newscrawler.urls import (
    article_key,
    canonical_url,
    first_page_url,
    is_article_url,
    is_copy_url,
)


def validate_start_url(start_url: str) -> str:
    """The home page URL to crawl, or a UsageError that says what is wrong with it."""
    parts = urlsplit(start_url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(
            f"start_url {start_url!r} is not an http(s) URL of a portal home page,"
            " e.g. -a start_url=http://news.example.com/"
        )
    return canonical_url(start_url)


def http_charset(response: Response) -> str | None:
    """The charset parameter of the Content-Type header, if the server sent one."""
    value = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
    for part in value.split(";")[1:]:
        name, _, charset = part.strip().partition("=")
        if name == "charset" and charset:
            return charset.strip("\"' ")
    return None


def _static_names(page: ListPage) -> bool:
    """True unless the page's list blocks name articles by dynamic URLs only (a dynamic portal
    or section, where ``/plus/view.php?aid=N`` is the article's own name, not a copy)."""
    return not page.block_shapes or any(
        not is_copy_url(example) for example in page.block_shapes.values())


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(
        self,
        start_url: str | None = None,
        full: str | None = None,
        profile: str | None = None,
        demo: str | None = None,
        **kwargs: Any,
    ):
        given = {"start_url": start_url, "full": full, "profile": profile, "demo": demo}
        args = check_arguments({k: v for k, v in given.items() if v is not None} | kwargs)
        super().__init__()
        self.start_url = validate_start_url(args["start_url"]) if args["start_url"] else None
        self.job = args["_job"]  # the scrapyd job id, when scrapyd started this run
        self.full = bool(args["full"])
        self.demo = bool(args["demo"])
        self.profile_name = args["profile"]
        self.scheduled: set[str] = set()  # article keys requested in this run
        # other URLs met for an already requested article, tried if the first one is gone
        self.alternates: dict[str, dict[str, None]] = {}
        self.dead_urls: set[str] = set()  # article URLs that failed for good in this run
        self.deferred: dict[str, str] = {}  # key -> special/dynamic copy URL, fetched last
        self.walk_all = self.full
        self.list_pages_lost = 0  # list pages that failed transiently: the walk is incomplete
        self.book: ShapeBook | None = None  # URL shapes learned for this portal (state)
        self.sections_requested: set[str] = set()
        self.sample_server = None
        self.failures: list[dict[str, str]] = []  # for the run report

    @classmethod
    def update_settings(cls, settings) -> None:
        """Write to ``FEED_DIR`` (``DEFAULT_FEEDS``) unless -o/-O or FEEDS names a feed."""
        super().update_settings(settings)
        if not settings.getdict("FEEDS"):
            settings.set("FEEDS", settings.getdict("DEFAULT_FEEDS"), priority="spider")

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.overlap = settings.getint("INCREMENTAL_OVERLAP_PAGES")
        spider.profile = load_profile(spider.profile_name or settings.get("PORTAL_PROFILE"))
        crawler.signals.connect(spider.on_idle, signals.spider_idle)
        crawler.signals.connect(spider.on_closed, signals.spider_closed)
        return spider

    # -- start ---------------------------------------------------------------------------------

    def _serve_sample_portal(self) -> str:
        """Serve the bundled sample portal on 127.0.0.1 and return its home URL."""
        from newscrawler.portal import PortalServer, build_site

        settings = self.crawler.settings
        site = build_site(
            articles=settings.getint("SAMPLE_PORTAL_ARTICLES"),
            edition=settings.get("SAMPLE_PORTAL_EDITION"),
        )
        self.sample_server = PortalServer(site).start()
        self.logger.info("-a demo=1: crawling the sample portal at %s", self.sample_server.url)
        return canonical_url(self.sample_server.url + "/")

    async def start(self) -> AsyncIterator[scrapy.Request]:
        home = self.start_url or self._serve_sample_portal()
        self.home = home
        self.host = urlsplit(home).netloc
        self.allowed_domains = [urlsplit(home).hostname]
        self.ledger = self.crawler.ledger
        if not self.walk_all and not self.ledger.backfill_done(self.host):
            self.walk_all = True  # no complete backfill of this portal yet: walk everything
        stats = self.crawler.stats
        stats.set_value("crawl/mode", "full" if self.walk_all else "incremental")
        yield scrapy.Request(home, self.parse_home, priority=100, errback=self.list_failed)
        yield scrapy.Request(
            urljoin(home, "/data/sitemap.html"), self.parse_sitemap, priority=90,
            errback=self.optional_failed,
        )
        for order in self.ledger.start_orders(self.host, self._now()):
            stats.inc_value(f"crawl/start/{order.reason}")
            if not self._is_article_url(order.url):
                for request in self._section_requests([order.url]):
                    yield request
            elif (key := article_key(order.url)) not in self.scheduled:
                self.scheduled.add(key)
                yield self._article_request(order.url, order.reason, order.headers)

    def _now(self) -> datetime:
        return datetime.now(ZoneInfo(self.profile.timezone))

    # -- navigation ----------------------------------------------------------------------------

    def _shapes(self) -> ShapeBook:
        """The URL shapes learned for this portal, loaded from the state on first use."""
        if self.book is None:
            self.book = ShapeBook.from_json(self.ledger.portal_memory(self._shapes_key()))
        return self.book

    def _shapes_key(self) -> str:
        return f"discovery_shapes:{self.host}"

    def _is_article_url(self, url: str) -> bool:
        """An article by a learned shape; else by the URL forms that name an article id."""
        book, shape = self._shapes(), url_shape(canonical_url(url))
        return shape in book.articles or (shape not in book.lists and is_article_url(url))

    def _parse_page(self, response: Response) -> ListPage:
        """Structure of a home, sitemap or list page; its list-block shapes are learned."""
        book = self._shapes()
        page = parse_list(response.body, response.url, frozenset(book.articles), self.profile)
        for shape, example in page.block_shapes.items():
            if book.learn("article", shape, example):
                self.logger.info("Learned article URL shape %s (e.g. %s)", shape, example)
        if (shape := page.pagination.template_shape()) is not None:
            book.learn("list", shape, page.pagination.pages[max(page.pagination.pages)])
        return page

    def _section_requests(self, urls: list[str]) -> list[scrapy.Request]:
        requests = []
        for url in urls:
            if urlsplit(url).netloc != self.host or url in self.sections_requested:
                continue
            self.sections_requested.add(url)
            requests.append(
                scrapy.Request(url, self.parse_section, priority=50, errback=self.list_failed))
        return requests

    def parse_home(self, response: Response):
        self.crawler.stats.inc_value("crawl/pages/home")
        page = self._parse_page(response)
        yield from self._section_requests(page.subsection_urls)
        links = [entry.url for entry in page.entries] + list(page.other_articles)
        self.crawler.signals.send_catch_log(list_page_parsed, response=response, entries=links,
                                            kind="home")
        yield from self._article_candidates(
            [(entry.url, entry.date_text) for entry in page.entries]
            + [(url, None) for url in page.other_articles], _static_names(page))

    def parse_sitemap(self, response: Response):
        self.crawler.stats.inc_value("crawl/pages/sitemap")
        yield from self._section_requests(self._parse_page(response).subsection_urls)

    def parse_section(self, response: Response, stale: int = 0, paged: bool = False):
        """A section landing or list page: schedule new articles, then decide on paging.

        ``stale`` counts the list pages in a row (this one excluded) that held nothing new;
        ``paged`` is true for pages reached through pagination rather than as a landing.
        """
        stats = self.crawler.stats
        stats.inc_value("crawl/pages/list")
        self.ledger.list_page_fetched(canonical_url(response.url))  # if it failed before
        self.sections_requested.add(canonical_url(response.url))
        page = self._parse_page(response)
        self.crawler.signals.send_catch_log(
            list_page_parsed, response=response, entries=[entry.url for entry in page.entries])
        yield from self._section_requests(page.subsection_urls)
        if not page.entries:
            stats.inc_value("crawl/list/empty")
        requests = list(self._article_candidates(
            [(entry.url, entry.date_text) for entry in page.entries], _static_names(page)))
        yield from requests
        if self.walk_all:
            if not paged:  # a landing page fans out to every list page of its section at once
                for url in page.page_urls:
                    yield self._list_request(url, stale=0)
            return
        stale = 0 if requests else stale + 1
        if page.next_url and stale <= self.overlap:
            yield self._list_request(page.next_url, stale=stale)
        elif page.next_url:
            stats.inc_value("crawl/list/stopped_early")

    def _list_request(self, url: str, stale: int) -> scrapy.Request:
        return scrapy.Request(
            url, self.parse_section, cb_kwargs={"stale": stale, "paged": True}, priority=40,
            errback=self.list_failed,
        )

    def _article_candidates(self, entries: list[tuple[str, str | None]], static: bool = True):
        """Requests for the articles among ``entries`` (url, list date text) that the ledger
        wants and this run has not requested yet.

        The DedeCms copies among them (``is_copy_url``) are kept for the end; ``static`` is
        False for a page of a dynamic portal or section, whose ``/plus/view.php`` links are the
        articles' own names.

        Links skipped here are counted by reason: ``dedup/skipped/requested`` (same article
        id or URL already requested in this run), ``dedup/skipped/copy`` (a /special/ or
        /plus/view.php copy, kept for the end); the ledger counts the known ones.
        """
        stats = self.crawler.stats
        fresh: dict[str, tuple[str, str | None]] = {}
        for url, date_text in entries:
            if url in self.dead_urls:
                continue
            key = article_key(url)
            if key in self.scheduled or key in fresh:
                stats.inc_value("dedup/skipped/requested")
                self.alternates.setdefault(key, {}).setdefault(url, None)
                continue
            if is_copy_url(url, static):
                held = self.deferred.get(key)  # a dynamic name beats /special/arc-N.html
                if held is None or is_copy_url(held, False) and not is_copy_url(url, False):
                    self.deferred[key] = url
                stats.inc_value("dedup/skipped/copy")
                continue
            fresh[key] = (url, date_text)
        wanted = self.ledger.to_fetch(list(fresh.values()), self._now().date()) if fresh else []
        for url, reason in wanted:
            self.scheduled.add(article_key(url))
            yield self._article_request(url, reason)

    def _article_request(self, url: str, reason: str = "new",
                         headers: dict[str, str] | None = None) -> scrapy.Request:
        meta: dict[str, Any] = {"article_reason": reason}
        if headers:  # a conditional re-check: 304 Not Modified is an answer, not an error
            meta["handle_httpstatus_list"] = [304]
        return scrapy.Request(
            url, self.parse_article, errback=self.article_failed, priority=10, meta=meta,
            headers=headers,
        )

    # -- articles ------------------------------------------------------------------------------

    def _extract(self, response: Response) -> dict:
        return extract_article(
            response.body, response.url, profile=self.profile, now=self._now(),
            http_encoding=http_charset(response),
        )

    def parse_article(self, response: Response):
        if response.status == 304:
            self.crawler.stats.inc_value("crawl/pages/not_modified")
            self.ledger.not_modified(first_page_url(response.url))
            return
        self.crawler.stats.inc_value("crawl/pages/article")
        self.ledger.fetched(first_page_url(response.url), response.headers)
        record = self._extract(response)
        record["url"] = first_page_url(response.url)
        rest = article_page_urls(response.body, response.url)
        if not rest:
            yield record
            return
        self.crawler.stats.inc_value("crawl/articles/multipage")
        yield self._page_request(record, rest)

    def _page_request(self, record: dict, rest: list[str]) -> scrapy.Request:
        return scrapy.Request(
            rest[0], self.parse_article_page, cb_kwargs={"record": record, "rest": rest[1:]},
            errback=self.article_failed, priority=20, meta={"article_url": record["url"]},
        )

    def parse_article_page(self, response: Response, record: dict, rest: list[str]):
        """Page N of a multi-page article: append its body and images, then go on or emit."""
        self.crawler.stats.inc_value("crawl/pages/article_page")
        part = self._extract(response)
        if part["body"]:
            record["body"] = "\n".join(filter(None, [record["body"], part["body"]]))
        record["images"] = list(dict.fromkeys([*record["images"], *part["images"]]))
        if rest:
            yield self._page_request(record, rest)
        else:
            yield record

    # -- failures: counted, logged, and remembered for the next run ---------------------------

    def _failure_reason(self, failure) -> str:
        return failure_reason(failure)  # names: newscrawler/middlewares/failures.py

    def _remember_failure(self, url: str, reason: str) -> str:
        """Transient failures are retried next run (the ledger's pending pages); others not."""
        transient = is_transient(reason)
        self.ledger.failed(self.host, url, transient)
        return "it will be retried next run" if transient else "not retried"

    @staticmethod
    def _requested_url(request) -> str:
        """The URL we asked for, before any redirect (a failure may happen further on)."""
        return request.meta.get("redirect_urls", [request.url])[0]

    def _alternate_request(self, failed_url: str) -> scrapy.Request | None:
        """Another URL met for the same article id, to try when ``failed_url`` is gone.

        One article is requested once, by the first URL met for its id; if that link was a
        bad one (a stale date path, say) the article must not be lost with it.
        """
        failed = canonical_url(failed_url)
        self.dead_urls.add(failed)
        key = article_key(failed_url)
        urls = self.alternates.get(key, {})
        while urls:
            url = next(iter(urls))
            del urls[url]
            if canonical_url(url) not in self.dead_urls:
                self.crawler.stats.inc_value("crawl/articles/alternate_url")
                return self._article_request(url, reason="alternate")
        self.scheduled.discard(key)  # a link met later may still bring the article
        return None

    def article_failed(self, failure):
        request = failure.request
        url = request.meta.get("article_url") or first_page_url(self._requested_url(request))
        reason = self._failure_reason(failure)
        if "article_url" not in request.meta and not is_transient(reason):
            alternate = self._alternate_request(self._requested_url(request))
            if alternate is not None:
                self.crawler.stats.inc_value(f"crawl/failed/reason/{reason}")
                self.logger.info("Article link %s failed (%s); trying %s for the same article",
                                 request.url, reason, alternate.url)
                return alternate
        stats = self.crawler.stats
        if counts_as_failure(reason):  # not robots.txt refusals and the like
            stats.inc_value("crawl/failed/article")
        self.failures.append(
            {"kind": "article", "url": self._requested_url(request), "reason": reason})
        stats.inc_value(f"crawl/failed/reason/{reason}")
        retry = self._remember_failure(url, reason)
        self.logger.warning(
            "Article %s not delivered (%s while fetching %s); %s", url, reason, request.url, retry,
        )

    def list_failed(self, failure):
        reason = self._failure_reason(failure)
        stats = self.crawler.stats
        if counts_as_failure(reason):  # not robots.txt refusals and the like
            stats.inc_value("crawl/failed/list")
        if is_transient(reason):  # only these make the backfill incomplete (the ledger's rule)
            self.list_pages_lost += 1
        requested = self._requested_url(failure.request)
        self.failures.append({"kind": "list", "url": requested, "reason": reason})
        stats.inc_value(f"crawl/failed/reason/{reason}")
        retry = self._remember_failure(canonical_url(requested), reason)
        self.logger.warning("List page %s failed (%s); %s", requested, reason, retry)

    def optional_failed(self, failure):
        self.crawler.stats.inc_value("crawl/optional_missing")
        self.logger.info("Optional page %s unavailable (%s)", failure.request.url,
                         self._failure_reason(failure))

    # -- end of run ----------------------------------------------------------------------------

    def on_idle(self):
        """Fetch the special/dynamic copies whose article no list page gave us, then close.

        In a scaled-out run the scheduler decides when instead (`release_held`): only once no
        worker has work left, so that a copy never beats its article's own name held by a
        worker that died (its requests come back to the queue after a timeout).
        """
        if self.crawler.settings.get("SCHEDULER") != SCALEOUT_SCHEDULER and self.release_held():
            raise DontCloseSpider

    def holds_requests(self) -> bool:
        """Copies are waiting for the end of the run (`release_held`)."""
        return bool(self.deferred)

    def release_held(self) -> bool:
        """Crawl the deferred copies whose article is still wanted; True if any were."""
        if not self.deferred:
            return False
        deferred, self.deferred = self.deferred, {}
        pending = [(u, None) for k, u in deferred.items() if k not in self.scheduled]
        wanted = self.ledger.to_fetch(pending, self._now().date()) if pending else []
        for url, _reason in wanted:
            self.scheduled.add(article_key(url))
            self.crawler.stats.inc_value("crawl/articles/from_copy")
            self.crawler.engine.crawl(self._article_request(url, reason="copy"))
        return bool(wanted)

    def _save_shapes(self) -> None:
        """Keep the learned shapes; count (and say) the ones a known portal had not shown."""
        stats, book = self.crawler.stats, self.book
        stats.set_value("discovery/shapes/articles", len(book.articles))
        stats.set_value("discovery/shapes/lists", len(book.lists))
        for kind, shapes in book.changes().items():
            if shapes:
                stats.set_value(f"discovery/shapes/{kind}", len(shapes))
                self.logger.warning(
                    "The portal shows URL shapes not seen in earlier runs (%s): %s",
                    kind, ", ".join(shapes))
        self.ledger.remember_portal(self._shapes_key(), book.to_json())

    def on_closed(self, spider, reason):
        """Keep the learned URL shapes; stop the sample portal (the ledger records a complete
        backfill)."""
        if self.book is not None:
            self._save_shapes()
        if self.sample_server is not None:
            self.sample_server.stop()
