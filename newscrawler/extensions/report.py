"""The run report: ``FEED_DIR/<time>.report.json`` beside each run's feed.

Counts (pages, articles delivered, dropped by reason), errors with their URLs, the health
verdict (`newscrawler.extensions.health`), duration and the feed file. Written for every run,
empty ones included (``"feed": null``), so cron users can tell "nothing new" from "broken".
"""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path

from scrapy import signals

from newscrawler.extensions.health import assess
from newscrawler.feeds import feed_dir

logger = logging.getLogger(__name__)


def _by_prefix(stats: dict, prefix: str) -> dict[str, int]:
    return {k[len(prefix) :]: v for k, v in sorted(stats.items()) if k.startswith(prefix)}


class RunReport:
    """Write the run report and put the health verdict into the stats."""

    def __init__(self, crawler):
        self.crawler = crawler
        crawler.signals.connect(self.spider_closed, signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def build(self, spider, reason: str) -> dict:
        stats = self.crawler.stats.get_stats()
        unhealthy = assess(stats, self.crawler.settings)
        if getattr(self.crawler, "feed_failure", None):  # set by the article ledger
            unhealthy.append(f"feed: {self.crawler.feed_failure}")
        self.crawler.stats.set_value("health/reasons", unhealthy)
        start = stats.get("start_time")
        end = datetime.now(UTC)
        return {
            "spider": spider.name,
            "portal": getattr(spider, "home", None),
            "mode": stats.get("crawl/mode"),
            "finish_reason": reason,
            "healthy": not unhealthy,
            "unhealthy_reasons": unhealthy,
            "started_at": start.isoformat(timespec="seconds") if start else None,
            "finished_at": end.isoformat(timespec="seconds"),
            "duration_seconds": round((end - start).total_seconds(), 3) if start else None,
            "feed": stats.get("feed/path"),
            "articles_delivered": stats.get("dedup/delivered", 0),
            "requests": stats.get("downloader/request_count", 0),
            "pages": _by_prefix(stats, "crawl/pages/"),
            "dropped": {
                **_by_prefix(stats, "validate/dropped/"),
                **_by_prefix(stats, "dedup/dropped/"),
            },
            "skipped_links": _by_prefix(stats, "dedup/skipped/"),
            "errors": _by_prefix(stats, "crawl/failed/reason/"),
            "failed_urls": getattr(spider, "failures", []),
            "recovered_items": stats.get("delivery/recovered_items", 0),
            "stats": {k: v for k, v in stats.items() if isinstance(v, int | float | str)},
        }

    def spider_closed(self, spider, reason: str) -> None:
        report = self.build(spider, reason)
        try:
            path = self.write(report)
        except OSError as exc:
            path = None
            logger.error("Cannot write the run report: %s", exc)
        level = logging.INFO if report["healthy"] else logging.ERROR
        logger.log(
            level, "Run %s: %d article(s) delivered, %s; report %s",
            "healthy" if report["healthy"] else "UNHEALTHY", report["articles_delivered"],
            "; ".join(report["unhealthy_reasons"]) or "no problems", path,
        )

    def write(self, report: dict) -> Path:
        """Write ``report`` beside the run's feed, never over an earlier one."""
        folder = feed_dir(self.crawler.settings)
        if report["feed"]:
            name = Path(report["feed"]).name.removesuffix(".jsonl")
        else:
            name = datetime.now(UTC).strftime("%Y-%m-%dT%H-%M-%S+00-00")
        path, n = folder / f"{name}.report.json", 1
        while path.exists():  # two runs in one second: never overwrite an earlier report
            n += 1
            path = folder / f"{name}-{n}.report.json"
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str), "utf-8")
        os.replace(tmp, path)
        self.crawler.stats.set_value("report/path", str(path))
        return path
