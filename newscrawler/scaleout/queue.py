"""The shared request queue: scrapy-redis' priority queue, made reliable and pickle-free.

scrapy-redis pops a request by deleting it from the queue, so a worker killed while fetching
it loses it. Here a pop *moves* the request into the worker's in-flight set in the same Lua
script (`RunCoordinator.pop`); the worker acknowledges it once finished, and the in-flight set
of a worker that stops answering goes back to the queue (`newscrawler.scaleout.run`).

Entries are JSON (`newscrawler.scaleout.codec`), not pickles. A popped entry that is not a
request we would have written (a pickle, garbage, a callback that is not a page handler, a
forbidden meta key) is acknowledged at once, so it never comes back, counted in
``scaleout/queue/rejected``, logged, and the next entry is popped: the crawl goes on.
"""

from __future__ import annotations

import logging

from scrapy import Request
from scrapy_redis.queue import PriorityQueue

from newscrawler.scaleout import codec
from newscrawler.scaleout.run import RunCoordinator

logger = logging.getLogger(__name__)


class ReliablePriorityQueue(PriorityQueue):
    """`scrapy_redis.queue.PriorityQueue` whose pops are acknowledged (see module doc)."""

    def __init__(self, server, spider, key: str, coordinator: RunCoordinator, stats=None):
        super().__init__(server, spider, key, serializer=codec)
        self.coordinator = coordinator
        self.stats = stats
        self.inflight: dict[Request, bytes] = {}  # popped, not yet acknowledged

    def _encode_request(self, request: Request) -> bytes:
        return codec.dumps(request.to_dict(spider=self.spider))

    def _decode_request(self, encoded_request: bytes) -> Request:
        return codec.to_request(encoded_request, self.spider)

    def pop(self, timeout: int = 0) -> Request | None:
        while (data := self.coordinator.pop()) is not None:
            try:
                request = self._decode_request(data)
            except codec.RejectedRequest as exc:
                self.coordinator.ack([data])  # dropped for good: never re-queued
                if self.stats is not None:
                    self.stats.inc_value("scaleout/queue/rejected")
                logger.error(
                    "Scale-out: dropped a queue entry that is not a request of ours (%s): %r",
                    exc, data[:120],
                )
                continue
            self.inflight[request] = data
            return request
        return None

    def ack(self, requests: list[Request]) -> None:
        """These requests are finished (response handled, its items delivered)."""
        members = [m for r in requests if (m := self.inflight.pop(r, None)) is not None]
        self.coordinator.ack(members)

    def forget_inflight(self) -> None:
        """Everything popped is finished (the engine went idle): drop the local bookkeeping."""
        self.inflight.clear()
