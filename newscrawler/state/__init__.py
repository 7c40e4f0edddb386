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

__all__ = [
    "ArticleState", "DroppedArticle", "StateLocked", "StateStore", "open_state", "sqlite_path",
    "state_for",
]

_STORES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def sqlite_path(uri: str) -> Path | None:
    """The SQLite file a ``STATE_URI`` names, or None when it names a Redis server.

    ValueError (saying what is expected) for an empty URI or another scheme. One reading of
    the URI for the store and for the start-up check (`newscrawler.config.check_state`).
    """
    uri = str(uri or "").strip()
    if not uri:
        raise ValueError("empty: expected a file path, sqlite:///path or redis://host")
    if uri.startswith(("redis://", "rediss://", "unix://")):
        return None
    if uri.startswith("sqlite://"):
        uri = uri[len("sqlite://") :]
    elif "://" in uri:
        raise ValueError(f"unsupported scheme {uri.split('://', 1)[0]!r}; expected a file path,"
                         " sqlite:///path or redis://host")
    return Path(uri).expanduser()


def open_state(uri: str, *, namespace: str = "newscrawler") -> StateStore:
    """Open the store named by ``uri``; a bad URI gets a clear ValueError."""
    try:
        path = sqlite_path(uri)
    except ValueError as exc:
        raise ValueError(f"STATE_URI {uri!r}: {exc}") from None
    if path is None:
        from newscrawler.state.redis import RedisStateStore

        return RedisStateStore(str(uri).strip(), namespace=namespace)
    from newscrawler.state.sqlite import SQLiteStateStore

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
