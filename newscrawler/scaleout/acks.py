"""Acknowledge a popped request once it is finished, so a dead worker's losses stay small.

A request is finished when its callback's output has been consumed (new requests are in the
Redis queue, ``engine.crawl`` is synchronous) and every item it yielded has left the item
pipelines (scraped, dropped or failed: the feed line and the state are written). Until then
it stays in the worker's in-flight set in Redis, and goes back to the queue if the worker
dies. Requests this middleware does not see finish (errbacks, redirects, ignored requests)
are acknowledged together when the engine goes idle (`ScaleOutScheduler.spider_idle`).

Acknowledging waits until *no* item is in the pipelines, not only this response's items:
cheaper than tracking items one by one, and still never early.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from scrapy import Request, signals
from scrapy.http import Response

from newscrawler.scaleout.scheduler import scheduler_for


class AckMiddleware:
    """Spider middleware at the engine end of the chain (see module docstring)."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.items_open = 0
        self.finished: list[Request] = []
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(self.item_done, signal)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_spider_output(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        async for output in result:
            if output is not None and not isinstance(output, Request):
                self.items_open += 1
            yield output
        if response.request is not None:
            self.finished.append(response.request)
            self._flush()

    def item_done(self, *args: Any, **kwargs: Any) -> None:
        self.items_open = max(0, self.items_open - 1)
        self._flush()

    def _flush(self) -> None:
        if self.items_open or not self.finished:
            return
        scheduler = scheduler_for(self.crawler)
        if scheduler is not None:
            scheduler.ack(self.finished)
        self.finished = []
