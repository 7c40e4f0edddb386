"""The article state interface: what a crawl remembers between runs.

One small interface (`StateStore`) with two record types, so the SQLite store of a single
machine and the Redis store of a scaled-out crawl are interchangeable behind ``STATE_URI``:

- `ArticleState`: a delivered article. Written only once its line is in a feed file (the
  article ledger, `newscrawler.ledger`, confirms that), so "in the state" means "delivered";
- `DroppedArticle`: an article fetched and dropped as a copy of another, remembered with the
  reason so that later runs do not fetch it again.

Nothing outside `newscrawler.ledger` reads or writes a store: the ledger owns the rules.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from filelock import FileLock, Timeout


@dataclass
class ArticleState:
    """What is remembered of one delivered article."""

    key: str  # canonical identity, see newscrawler.urls.article_key
    url: str
    fingerprint: str  # exact content hash (title + body)
    simhash: int  # 64-bit near-duplicate fingerprint
    published_at: str | None
    first_seen: str  # ISO 8601, first delivery
    last_seen: str  # ISO 8601, last time the crawler saw it
    version: int = 1
    sketch: bytes = b""  # bottom-k resemblance sketch of the body (fingerprints.sketch_of)
    list_date: str | None = None  # the date its list entry showed when it was last fetched
    etag: str | None = None  # validators of its page 1, for conditional re-checks
    last_modified: str | None = None
    feed: str | None = None  # the feed file whose line delivered it (ledger.recovery)


@dataclass
class DroppedArticle:
    """An article fetched and not delivered because it copies another one."""

    key: str
    url: str
    reason: str  # same_content | near_duplicate
    duplicate_of: str  # URL of the delivered article it copies
    list_date: str | None
    dropped_at: str  # ISO 8601


class StateLocked(RuntimeError):
    """Another run holds the state: a second cron run must not start."""


class StateStore(ABC):
    """Persistent seen-store of delivered articles."""

    @abstractmethod
    def get_many(self, keys: Iterable[str]) -> dict[str, ArticleState]:
        """The states of those of ``keys`` that were delivered before."""

    def get(self, key: str) -> ArticleState | None:
        """The state of one article, or None."""
        return self.get_many([key]).get(key)

    @abstractmethod
    def put(self, state: ArticleState) -> None:
        """Insert or replace the state of one delivered article (durable on return)."""

    @abstractmethod
    def find_fingerprint(self, fingerprint: str) -> str | None:
        """Key of a delivered article with exactly this content, or None."""

    @abstractmethod
    def simhash_log(self, after: int) -> tuple[np.ndarray, np.ndarray]:
        """(refs, SimHashes) of the articles written after ref ``after``, in write order.

        Two numpy arrays (int64 refs, uint64 values), never Python lists: the ledger loads the
        whole log of a large state once a run (16 bytes an article).

        A ref is a store-specific integer that only grows (a SQLite rowid, a position in a
        Redis list), so a reader that keeps the last ref it saw reads only what is new. An
        article written twice appears twice; `states_by_ref` tells which entry is current.
        """

    @abstractmethod
    def states_by_ref(self, refs: Iterable[int]) -> dict[int, ArticleState]:
        """The current states behind ``refs`` (entries superseded by a rewrite are left out)."""

    @abstractmethod
    def claim_content(self, fingerprint: str, key: str, url: str) -> str:
        """Atomically claim ``fingerprint`` for article ``key``; the URL of its owner.

        The first article to claim a content owns it, even before it is delivered: two
        workers judging two copies at the same instant cannot both deliver.
        """

    @abstractmethod
    def put_dropped(self, dropped: DroppedArticle) -> None:
        """Remember an article dropped as a copy of another."""

    @abstractmethod
    def dropped_many(self, keys: Iterable[str]) -> dict[str, DroppedArticle]:
        """The dropped records of those of ``keys`` that were dropped before."""

    @abstractmethod
    def recent(self, host: str, since: str) -> list[ArticleState]:
        """Articles of ``host`` published at or after ``since`` (ISO 8601), for edit checks."""

    @abstractmethod
    def count(self, host: str | None = None) -> int:
        """Number of delivered articles (of one host, or all)."""

    @abstractmethod
    def add_pending(self, host: str, url: str, reason: str) -> None:
        """Remember a page that failed, so the next run fetches it again."""

    @abstractmethod
    def pending(self, host: str, max_attempts: int | None = None) -> list[str]:
        """Pages of ``host`` that failed in earlier runs and are not delivered yet.

        With ``max_attempts``, pages that already failed that many times are left out:
        a page that answers 503 for weeks is given up, not fetched every ten minutes.
        """

    @abstractmethod
    def clear_pending(self, url: str) -> None:
        """Forget a failed page once it has been fetched (and, for articles, delivered)."""

    @abstractmethod
    def get_meta(self, name: str) -> str | None:
        """A small named value (e.g. whether a portal's backfill completed)."""

    @abstractmethod
    def set_meta(self, name: str, value: str) -> None:
        """Store a small named value."""

    # The run lock is a lock file (filelock) that the OS releases when its process dies, so
    # a killed run never blocks the next. Stores set ``_lock`` and say who holds it.
    _lock: FileLock

    def _locked_message(self) -> str:
        return f"another crawl is running (lock file {self._lock.lock_file})"

    def acquire_lock(self) -> None:
        """Take the run lock or raise `StateLocked` at once (never waits)."""
        try:
            self._lock.acquire(timeout=0)
        except Timeout as exc:
            raise StateLocked(self._locked_message()) from exc

    def release_lock(self) -> None:
        """Give the run lock back."""
        if self._lock.is_locked:
            self._lock.release(force=True)

    @abstractmethod
    def close(self) -> None:
        """Release resources (and the lock, if held)."""
