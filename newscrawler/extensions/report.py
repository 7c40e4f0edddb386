"""The run report: ``FEED_DIR/<time>.report.json`` beside each run's feed.

Counts (pages, articles delivered, dropped by reason), errors with their URLs, the health
verdict (``crawler.run_health``, `newscrawler.extensions.health`), duration and the feed file.
Written for every run, empty ones included (``"feed": null``), so cron users can tell "nothing
new" from "broken". Reports of runs that delivered nothing are kept for the newest
``REPORTS_KEEP_EMPTY`` such runs (a schedule every minute would otherwise leave 1,440 a day);
reports of runs that delivered articles are always kept.
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


def prune_empty_reports(folder: Path, keep: int) -> int:
    """Delete all but the newest ``keep`` reports of runs that delivered nothing; how many.

    A report with a feed file beside it (same name) delivered articles and is not read.
    """
    feeds = {p.name.removesuffix(".jsonl") for p in folder.glob("*.jsonl")}
    candidates = [p for p in folder.glob("*.report.json")
                  if p.name.removesuffix(".report.json") not in feeds]
    candidates.sort(key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)
    seen = removed = 0
    for path in candidates:
        try:
            empty = not json.loads(path.read_text("utf-8")).get("articles_delivered")
        except (OSError, ValueError, AttributeError):
            continue  # not ours to judge
        if empty:
            seen += 1
            if seen > keep:
                path.unlink(missing_ok=True)
                removed += 1
    return removed


class RunReport:
    """Write the run report (the verdict comes from ``crawler.run_health``)."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.keep_empty = crawler.settings.getint("REPORTS_KEEP_EMPTY")
        crawler.signals.connect(self.spider_closed, signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def build(self, spider, reason: str) -> dict:
        health = getattr(self.crawler, "run_health", None)
        stats = self.crawler.stats.get_stats()
        unhealthy = health.verdict() if health else assess(stats, self.crawler.settings)
        start = stats.get("start_time")
        end = datetime.now(UTC)
        return {
            "spider": spider.name,
            "portal": getattr(spider, "home", None),
            "mode": stats.get("crawl/mode"),
            "finish_reason": reason,
            "healthy": not unhealthy,
            "unhealthy_reasons": unhealthy,
            "interrupted": bool(health and health.interrupted),
            "health": health.summary() if health else None,
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
        if not report["articles_delivered"]:
            removed = prune_empty_reports(folder, self.keep_empty)
            self.crawler.stats.set_value("report/pruned_empty", removed)
        return path
