"""Did the item's line reach every feed? The question the ledger asks before "delivered".

Scrapy's feed exporter writes an item in its ``item_scraped`` handler, and Scrapy logs and
swallows what that handler raises: a state write hooked on ``item_scraped`` alone would record
articles whose line never reached a file. So the ledger, connected after the exporter, looks
at each feed slot that accepts the item: its file must be one of ours (`newscrawler.feeds`),
must have taken a write for this item, and must not have failed. Feeds of other storages
(stdout, S3…) cannot say; they are trusted, and a warning says so at start.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from scrapy.extensions.feedexport import FeedExporter
from scrapy.extensions.postprocessing import PostProcessingManager

from newscrawler.feeds import LineFile, LineFileFeedStorage, published_name, writable_folder

logger = logging.getLogger(__name__)


def _file(slot: Any) -> Any:
    file = getattr(slot, "file", None)
    return file.file if isinstance(file, PostProcessingManager) else file


class FeedWatch:
    """Per-item delivery confirmation over the feed exporter's slots."""

    def __init__(self, crawler: Any):
        self.crawler = crawler
        self._seen: dict[int, int] = {}  # id(LineFile) -> writes already confirmed
        self.last_feed: str | None = None  # the file the last confirmed item went to
        self._found: list[FeedExporter] | None = None

    def _exporter(self) -> FeedExporter | None:
        """Scrapy's feed exporter of this crawl (looked up once: asked for every item)."""
        if self._found is None:
            extensions = getattr(self.crawler, "extensions", None)  # absent outside a crawl
            self._found = [e for e in getattr(extensions, "middlewares", ())
                           if isinstance(e, FeedExporter)]
        return self._found[0] if self._found else None

    def preflight(self) -> str | None:
        """Why a feed of this run cannot be written at all (checked before any fetch)."""
        exporter = self._exporter()
        if exporter is None:
            return None
        for slot in exporter.slots:
            target = getattr(slot.storage, "target", None)
            if target is None:
                logger.warning("Feed %s cannot confirm its writes: its articles are recorded"
                               " as delivered once exported", slot.uri)
                continue
            problem = writable_folder(target())
            if problem is not None:
                return f"cannot write feed {slot.uri}: {problem}"
        return None

    def local_files(self) -> list[tuple[Path, bool]]:
        """(path, overwrite) of the ``-o``/``-O`` files of this run."""
        exporter = self._exporter()
        slots = exporter.slots if exporter is not None else []
        return [
            (Path(slot.storage.path).resolve(), slot.storage.write_mode == "wb")
            for slot in slots if isinstance(slot.storage, LineFileFeedStorage)
        ]

    def confirm(self, item: Any) -> str | None:
        """None when every feed that takes ``item`` wrote it; else what went wrong."""
        exporter = self._exporter()
        self.last_feed = None
        if exporter is None:
            return None
        for slot in exporter.slots:
            if not slot.filter.accepts(item):
                continue
            file = _file(slot)
            if file is None:
                why = getattr(slot.storage, "error", None) or "the file could not be opened"
                return f"feed {slot.uri}: {why}"
            if not isinstance(file, LineFile):
                continue
            if file.error is not None:
                return f"feed {file.path}: {file.error}"
            if file.writes == self._seen.get(id(file), 0):
                return f"feed {file.path}: the item was not written"
            self._seen[id(file)] = file.writes
            file.confirm()
            self.last_feed = self.last_feed or published_name(file.path)
        return None
