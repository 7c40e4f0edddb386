"""Deduplicate records within a run and across runs, and remember what was delivered.

An article is the same article when any of these match, checked in this order and counted
in the stats by reason (``dedup/dropped/<reason>``):

- ``same_article`` – the same identity (DedeCms ``aid``, or canonical URL) in this run;
- ``unchanged`` – delivered in an earlier run with the same content (an edit check that
  found no edit);
- ``same_content`` – the exact title+body of another article (a copy under another URL);
- ``near_duplicate`` – the same story reposted with small edits: a body within
  ``NEAR_DUPLICATE_DISTANCE`` SimHash bits of another *and* whose shingle sets resemble
  each other at ``NEAR_DUPLICATE_RESEMBLANCE`` or more (`newscrawler.fingerprints`: the
  SimHash alone calls unrelated articles on one topic duplicates, and that would lose them).

An article delivered before whose content changed goes out again with ``version`` + 1.

Delivery: the state is written in the ``item_scraped`` handler, which runs after the feed
exporter (an extension, connected before any pipeline) has written the item's line, so
"in the state" implies "in a feed file" and a crash in between re-delivers, never loses.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import DropItem

from newscrawler.fingerprints import (
    bands,
    content_hash,
    hamming,
    resemblance,
    shingle_hashes,
    simhash_of,
    sketch_of,
)
from newscrawler.state import ArticleState, state_for
from newscrawler.urls import article_key


def _now_iso() -> str:
    """The local time now, ISO 8601 with offset (the state's timestamps)."""
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


class NearIndex:
    """In-memory SimHash band index of this run's articles: (key, simhash, sketch)."""

    def __init__(self) -> None:
        self._bands: list[dict[int, list[tuple[str, int, bytes]]]] = [{}, {}, {}, {}]

    def add(self, key: str, value: int, sketch: bytes) -> None:
        for table, band in zip(self._bands, bands(value), strict=True):
            table.setdefault(band, []).append((key, value, sketch))

    def candidates(self, value: int) -> list[tuple[str, int, bytes]]:
        found: list[tuple[str, int, bytes]] = []
        for table, band in zip(self._bands, bands(value), strict=True):
            found.extend(table.get(band, ()))
        return found


class DedupPipeline:
    """Drop duplicates, set ``version``, write the state once the item is in the feed."""

    def __init__(self, crawler: Any):
        self.crawler = crawler
        self.stats = crawler.stats
        settings = crawler.settings
        self.max_distance = settings.getint("NEAR_DUPLICATE_DISTANCE")
        self.min_chars = settings.getint("NEAR_DUPLICATE_MIN_CHARS")
        self.min_resemblance = settings.getfloat("NEAR_DUPLICATE_RESEMBLANCE")
        self.keys: set[str] = set()
        self.fingerprints: dict[str, str] = {}
        self.near = NearIndex()
        self.ready: dict[int, ArticleState] = {}  # id(item) -> state to write once scraped
        crawler.signals.connect(self.item_scraped, signals.item_scraped)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self) -> None:
        self.store = state_for(self.crawler)

    def _drop(self, reason: str, url: str, other: str | None = None) -> DropItem:
        self.stats.inc_value(f"dedup/dropped/{reason}")
        self.store.clear_pending(url)
        detail = f" (same as {other})" if other else ""
        level = "DEBUG" if reason in ("unchanged", "same_article") else "INFO"
        return DropItem(f"{reason}: {url}{detail}", log_level=level)

    def _near_match(self, key: str, value: int, sketch: bytes, text_len: int) -> str | None:
        if text_len < self.min_chars or not value:
            return None
        stored = [(s.key, s.simhash, s.sketch) for s in self.store.near_candidates(value)]
        for other, other_value, other_sketch in [*self.near.candidates(value), *stored]:
            if (
                other != key
                and hamming(value, other_value) <= self.max_distance
                and resemblance(sketch, other_sketch) >= self.min_resemblance
            ):
                return other
        return None

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        url, body = adapter["url"], adapter["body"]
        key = article_key(url)
        if key in self.keys:
            raise self._drop("same_article", url)
        fingerprint = content_hash(adapter["title"], body)
        previous = self.store.get(key)
        if previous is not None and previous.fingerprint == fingerprint:
            self.keys.add(key)
            previous.last_seen = _now_iso()
            self.store.put(previous)  # checked now: the next edit check waits RECHECK_INTERVAL
            raise self._drop("unchanged", url)
        other = self.fingerprints.get(fingerprint) or self.store.find_fingerprint(fingerprint)
        if other is not None and other != key:
            raise self._drop("same_content", url, other)
        hashes = shingle_hashes(body)
        value, sketch = simhash_of(hashes), sketch_of(hashes)
        other = None if previous is not None else self._near_match(key, value, sketch, len(body))
        if other is not None:
            raise self._drop("near_duplicate", url, other)
        now = _now_iso()
        version = previous.version + 1 if previous is not None else 1
        adapter["version"] = version
        if previous is not None:
            self.stats.inc_value("dedup/changed")
        self.keys.add(key)
        self.fingerprints[fingerprint] = key
        self.near.add(key, value, sketch)
        self.ready[id(item)] = ArticleState(
            key=key, url=url, fingerprint=fingerprint, simhash=value,
            published_at=adapter.get("published_at"),
            first_seen=previous.first_seen if previous is not None else now,
            last_seen=now, version=version, sketch=sketch,
        )
        return item

    def item_scraped(self, item: Any, response: Any = None, spider: Any = None) -> None:
        """The feed has the item's line now: record the article as delivered."""
        state = self.ready.pop(id(item), None)
        if state is None:
            return
        self.store.put(state)
        self.store.clear_pending(state.url)
        self.stats.inc_value("dedup/delivered")
