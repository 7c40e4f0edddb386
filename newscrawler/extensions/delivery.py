"""The delivery ledger: one run at a time, and every article delivered exactly once.

- **Lock.** On start it takes the state's run lock; a second run with the same state exits
  at once (`newscrawler.commands.crawl` turns this into exit code 75 and a clear message).
  The OS drops the lock when a process dies, so a killed run never blocks the next.
- **Recovery.** A run killed with ``kill -9`` leaves ``FEED_DIR/<time>.jsonl.part`` behind.
  The next run cuts a torn last line off, records every article in it as delivered (the
  state write may have been lost with the process), and renames it to ``.jsonl``: nothing
  a killed run wrote is lost, and nothing in it is delivered twice.

Stats: ``delivery/recovered_files``, ``delivery/recovered_items``.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
from datetime import datetime
from pathlib import Path

from scrapy import signals

from newscrawler.feeds import PART_SUFFIX, feed_dir
from newscrawler.fingerprints import content_hash, shingle_hashes, simhash_of, sketch_of
from newscrawler.state import ArticleState, StateLocked, state_for
from newscrawler.urls import article_key

logger = logging.getLogger(__name__)

def _complete_lines(path: Path) -> list[bytes]:
    """The complete lines of a feed file; a torn last line (no newline) is cut off the file."""
    data = path.read_bytes()
    end = data.rfind(b"\n") + 1
    if end < len(data):
        with path.open("r+b") as handle:
            handle.truncate(end)
    return [line for line in data[:end].splitlines() if line.strip()]


def _is_orphan(path: Path) -> bool:
    """True when no live process holds the file's lock (its writer is gone)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)
    return True


class DeliveryLedger:
    """Lock the state, finish killed runs' feeds, release the lock at the end."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.store = state_for(crawler)
        try:
            self.store.acquire_lock()
        except StateLocked as exc:
            crawler.lock_failure = str(exc)  # read by the crawl command: exit code 75
            raise
        crawler.signals.connect(self.spider_opened, signals.spider_opened)
        crawler.signals.connect(self.engine_stopped, signals.engine_stopped)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def spider_opened(self, spider) -> None:
        folder = feed_dir(self.crawler.settings)
        for part in sorted(folder.glob(f"*.jsonl{PART_SUFFIX}")):
            if _is_orphan(part):
                self.recover(part)

    def recover(self, part: Path) -> None:
        """Record a killed run's articles as delivered and publish its feed file."""
        stats = self.crawler.stats
        lines = _complete_lines(part)
        now = datetime.now().astimezone().isoformat(timespec="seconds")
        keys = {}
        for line in lines:
            try:
                record = json.loads(line)
                keys[article_key(record["url"])] = record
            except (ValueError, KeyError, TypeError):
                stats.inc_value("delivery/recovered_bad_lines")
        known = self.store.get_many(keys)
        for key, record in keys.items():
            version = int(record.get("version") or 1)
            if key in known and known[key].version >= version:
                continue
            body, title = record.get("body") or "", record.get("title") or ""
            hashes = shingle_hashes(body)
            self.store.put(ArticleState(
                key=key, url=record["url"], fingerprint=content_hash(title, body),
                simhash=simhash_of(hashes), sketch=sketch_of(hashes),
                published_at=record.get("published_at"),
                first_seen=known[key].first_seen if key in known else now, last_seen=now,
                version=version,
            ))
            self.store.clear_pending(record["url"])
        final = Path(str(part)[: -len(PART_SUFFIX)])
        if lines:
            os.replace(part, final)
        else:
            part.unlink()
        stats.inc_value("delivery/recovered_files")
        stats.inc_value("delivery/recovered_items", len(lines))
        logger.warning(
            "Recovered %d article(s) from %s, left by a run that was killed; published as %s",
            len(lines), part.name, final.name if lines else "(nothing: empty)",
        )

    def engine_stopped(self) -> None:
        self.store.close()
