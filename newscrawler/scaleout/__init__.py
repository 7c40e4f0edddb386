"""Scale-out: several ``scrapy crawl portal`` workers share one crawl through Redis.

Turned on by one setting, ``REDIS_URL`` (or a ``redis://`` ``STATE_URI``), through
`newscrawler.scaleout.addon.ScaleOutAddon`, which is always listed in ``ADDONS`` and does
nothing when neither is set: single-machine SQLite mode stays exactly as it is and the
``redis`` / ``scrapy-redis`` packages are only imported when scale-out is on.

- `addon` – the switch: scheduler, duplicate filter, state, middleware, extension;
- `scheduler` – scrapy-redis' Scheduler, joined to a run, ending by itself;
- `queue` – the reliable priority queue (popped requests stay in flight until acknowledged);
- `dupefilter` – the per-run duplicate filter, keyed by article identity;
- `run` – the run in Redis (workers, heartbeats, in-flight sets, end of run) as Lua scripts;
- `acks` – acknowledges finished requests;
- `lock` – the per-worker run lock (``FEED_DIR/.worker.lock``).

See ``docs/scaleout.md``.
"""

from __future__ import annotations

from typing import Any

REDIS_SCHEMES = ("redis://", "rediss://", "unix://")


def is_redis_uri(value: Any) -> bool:
    """True for a Redis connection URL."""
    return isinstance(value, str) and value.strip().startswith(REDIS_SCHEMES)


def shared_url(settings: Any) -> str | None:
    """The Redis URL that turns scale-out on: ``REDIS_URL``, else a Redis ``STATE_URI``."""
    url = settings.get("REDIS_URL")
    if url:
        return str(url).strip()
    state = settings.get("STATE_URI")
    return str(state).strip() if is_redis_uri(state) else None
