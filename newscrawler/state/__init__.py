"""Where a crawl's memory lives, chosen by the ``STATE_URI`` setting.

- a path, or ``sqlite:///abs/path.sqlite``: `SQLiteStateStore` (the default,
  ``.newscrawler/state.sqlite`` under the project folder);
- ``redis://host:port/db``: `RedisStateStore`, shared by every worker of a scaled-out crawl.

`state_for(crawler)` gives every component of one crawl (spider, pipelines, extensions) the
same open store.
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import TYPE_CHECKING

from newscrawler.state.base import ArticleState, DroppedArticle, StateLocked, StateStore

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

__all__ = ["ArticleState", "DroppedArticle", "StateLocked", "StateStore", "open_state", "state_for"]

_STORES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def open_state(uri: str, *, namespace: str = "newscrawler") -> StateStore:
    """Open the store named by ``uri``; a bad URI gets a clear ValueError."""
    if not uri or not str(uri).strip():
        raise ValueError("STATE_URI is empty: give a file path, sqlite:///path or redis://host")
    uri = str(uri).strip()
    if uri.startswith(("redis://", "rediss://", "unix://")):
        from newscrawler.state.redis import RedisStateStore

        return RedisStateStore(uri, namespace=namespace)
    if uri.startswith("sqlite://"):
        uri = uri[len("sqlite://") :]
    elif "://" in uri:
        raise ValueError(f"STATE_URI {uri!r}: unsupported scheme (use a path, sqlite:// or redis://)")
    from newscrawler.state.sqlite import SQLiteStateStore

    path = Path(uri).expanduser()
    if path.exists() and path.is_dir():
        raise ValueError(f"STATE_URI {uri!r} is a directory; name a file such as state.sqlite")
    return SQLiteStateStore(path)


def state_for(crawler: Crawler) -> StateStore:
    """The one store of this crawl, opened from its ``STATE_URI`` on first use."""
    store = _STORES.get(crawler)
    if store is None:
        settings = crawler.settings
        store = open_state(settings.get("STATE_URI"), namespace=settings.get("STATE_NAMESPACE"))
        _STORES[crawler] = store
    return store
