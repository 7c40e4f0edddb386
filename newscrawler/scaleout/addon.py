"""The scale-out switch: ``-s REDIS_URL=redis://…`` turns one crawl into a worker of many.

A Scrapy add-on, because the scheduler and duplicate filter classes must be chosen before the
settings freeze. With ``REDIS_URL`` or a ``redis://`` ``STATE_URI`` set it:

- sets ``SCHEDULER`` and ``DUPEFILTER_CLASS`` to the scale-out ones (shared queue and
  per-run duplicate filter, `newscrawler.scaleout.scheduler`);
- shares the article state: ``STATE_URI`` defaults to ``REDIS_URL`` (and ``REDIS_URL`` to a
  Redis ``STATE_URI``); a *file* ``STATE_URI`` given explicitly with ``REDIS_URL`` is refused,
  because workers that do not share the state would deliver articles twice;
- adds `AckMiddleware` (spider middleware) and the `WorkerLock` extension.

With neither set it does nothing and imports nothing from redis or scrapy-redis.
"""

from __future__ import annotations

from typing import Any

from newscrawler.scaleout import is_redis_uri, shared_url

SCHEDULER = "newscrawler.scaleout.scheduler.ScaleOutScheduler"
DUPEFILTER = "newscrawler.scaleout.dupefilter.RunDupeFilter"
ACKS = "newscrawler.scaleout.acks.AckMiddleware"
LOCK = "newscrawler.scaleout.lock.WorkerLock"
PROJECT_PRIORITY = 20  # scrapy.settings.SETTINGS_PRIORITIES["project"]


class ScaleOutAddon:
    """Scrapy add-on: turn scale-out on when a Redis URL is set (see module docstring)."""

    def __init__(self, crawler: Any = None):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> ScaleOutAddon:
        return cls(crawler)

    def update_settings(self, settings: Any) -> None:
        url = shared_url(settings)
        if not url:
            return
        spider = getattr(self.crawler, "spider", None)
        if spider is not None and hasattr(spider, "start_url") and not spider.start_url:
            raise ValueError(
                f"REDIS_URL={url}: scale-out needs -a start_url=<portal home page>, the same"
                " for every worker (without it each worker would crawl its own sample portal)"
            )
        state = settings.get("STATE_URI")
        if not is_redis_uri(state):
            if (settings.getpriority("STATE_URI") or 0) > PROJECT_PRIORITY:
                raise ValueError(
                    f"REDIS_URL={url} shares the crawl between workers, but STATE_URI={state}"
                    " is a local file: workers must share the state too (drop STATE_URI or"
                    " set it to a redis:// URL)"
                )
            settings.set("STATE_URI", url, priority=settings.getpriority("STATE_URI") or "addon")
        if not settings.get("REDIS_URL"):
            settings.set("REDIS_URL", url, priority=settings.getpriority("REDIS_URL") or "addon")
        settings.set("SCHEDULER", SCHEDULER, priority="addon")
        settings.set("DUPEFILTER_CLASS", DUPEFILTER, priority="addon")
        settings["SPIDER_MIDDLEWARES"][ACKS] = 1  # engine end: sees the final output
        settings["EXTENSIONS"][LOCK] = 5  # before DeliveryLedger (10) takes the lock
