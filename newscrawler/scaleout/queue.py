"""The shared request queue: scrapy-redis' priority queue, made reliable.

scrapy-redis pops a request by deleting it from the queue, so a worker killed while fetching
it loses it. Here a pop *moves* the request into the worker's in-flight set in the same Lua
script (`RunCoordinator.pop`); the worker acknowledges it once finished, and the in-flight set
of a worker that stops answering goes back to the queue (`newscrawler.scaleout.run`).
"""

from __future__ import annotations

from scrapy import Request
from scrapy_redis.queue import PriorityQueue

from newscrawler.scaleout.run import RunCoordinator


class ReliablePriorityQueue(PriorityQueue):
    """`scrapy_redis.queue.PriorityQueue` whose pops are acknowledged (see module doc)."""

    def __init__(self, server, spider, key: str, coordinator: RunCoordinator, serializer=None):
        super().__init__(server, spider, key, serializer=serializer)
        self.coordinator = coordinator
        self.inflight: dict[Request, bytes] = {}  # popped, not yet acknowledged

    def pop(self, timeout: int = 0) -> Request | None:
        data = self.coordinator.pop()
        if data is None:
            return None
        request = self._decode_request(data)
        self.inflight[request] = data
        return request

    def ack(self, requests: list[Request]) -> None:
        """These requests are finished (response handled, its items delivered)."""
        members = [m for r in requests if (m := self.inflight.pop(r, None)) is not None]
        self.coordinator.ack(members)

    def forget_inflight(self) -> None:
        """Everything popped is finished (the engine went idle): drop the local bookkeeping."""
        self.inflight.clear()
