"""Key the shared state's run lock to this worker: its ``FEED_DIR`` on this machine.

In scale-out mode several workers share the Redis state on purpose, so the run lock
(`StateStore.acquire_lock`, taken by the article ledger, `newscrawler.ledger`) must
not be global. What it must stop is a second copy of the *same* worker, e.g. cron starting it
again while the last run still runs: two processes writing and recovering the same feed
folder. So the lock is ``FEED_DIR/.worker.lock``, a `filelock` file the OS releases when its
process dies. This extension runs before the ledger (order 5 < 10) to point the store at it.
"""

from __future__ import annotations

from newscrawler.feeds import feed_dir
from newscrawler.state import state_for

LOCK_NAME = ".worker.lock"


class WorkerLock:
    """Extension: ``state.set_lock_file(FEED_DIR/.worker.lock)`` for a shared state."""

    def __init__(self, crawler):
        store = state_for(crawler)
        if hasattr(store, "set_lock_file"):
            store.set_lock_file(feed_dir(crawler.settings) / LOCK_NAME)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)
