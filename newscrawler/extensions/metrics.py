"""Prometheus metrics of the last run, as a file for node_exporter's textfile collector.

A cron job has no ``/metrics`` endpoint to scrape; node_exporter's textfile collector reads
``*.prom`` files from a folder instead. At the end of every run this extension writes
``METRICS_TEXTFILE_DIR/METRICS_TEXTFILE_NAME`` in the Prometheus text exposition format,
atomically (a temporary file in the same folder, then a rename), so the collector never
reads half a file. Off unless ``METRICS_TEXTFILE_DIR`` is set (``NotConfigured``).

``METRICS_TEXTFILE_NAME`` (default ``newscrawler.prom``) may contain ``%(spider)s`` and
``%(portal)s`` (host, ``:`` → ``_``): give each portal its own file when several share a
folder. Every series has the labels ``spider`` and ``portal``. The series (gauges, the
values of the last run; README "Monitoring" has alert rules):

- ``newscrawler_last_run_timestamp_seconds``, ``…_duration_seconds``;
- ``newscrawler_last_run_success`` (1: healthy and finished), ``…_exit_code`` (the cron
  exit code the health verdict gives: 0 or 2), ``newscrawler_last_success_timestamp_seconds``
  (carried over from the previous file when this run failed);
- ``newscrawler_last_run_unhealthy{reason}`` (``unreachable``, ``errors``, ``coverage:<field>``);
- ``newscrawler_last_run_articles_delivered``, ``…_requests``, ``…_pages{kind}``,
  ``…_dropped{reason}``, ``…_errors{reason}``;
- ``newscrawler_last_run_field_coverage{field}`` (share of valid records that have the field;
  a sudden drop is a template change).

Stats: ``metrics/path``.
"""

from __future__ import annotations

import os
import re
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import NotConfigured

from newscrawler.commands.crawl import exit_code
from newscrawler.extensions.health import assess
from newscrawler.pipelines.validate import field_coverage

PREFIX = "newscrawler_"
# name -> (help text); every series is a gauge holding the value of the last run
HELP = {
    "last_run_timestamp_seconds": "When the last run ended (Unix time).",
    "last_run_duration_seconds": "How long the last run took.",
    "last_run_success": "1 if the last run finished and was healthy, else 0.",
    "last_run_exit_code": "Exit code of the last run: 0 healthy, 2 unhealthy, 130/143 interrupted.",
    "last_success_timestamp_seconds": "When the last successful run ended (Unix time).",
    "last_run_unhealthy": "Why the last run was unhealthy (1 per reason).",
    "last_run_articles_delivered": "Articles delivered to the feed by the last run.",
    "last_run_requests": "Requests the last run sent.",
    "last_run_pages": "Pages the last run handled, by kind.",
    "last_run_dropped": "Records the last run dropped, by reason.",
    "last_run_errors": "Pages that failed after retries in the last run, by reason.",
    "last_run_field_coverage": "Share of the last run's valid records that have the field.",
}
_LAST_SUCCESS = re.compile(
    rf"^{PREFIX}last_success_timestamp_seconds(?:{{[^}}]*}})?\s+([0-9.eE+]+)\s*$", re.M
)


def unhealthy_reasons(crawler: Any) -> list[str]:
    """Why this run is unhealthy (empty: healthy): the verdict of ``crawler.run_health``."""
    health = getattr(crawler, "run_health", None)
    if health is not None:
        return health.verdict()
    return assess(crawler.stats.get_stats(), crawler.settings)  # RunHealth switched off


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _labels(labels: dict[str, str]) -> str:
    inner = ",".join(f'{k}="{_escape(str(v))}"' for k, v in labels.items())
    return "{" + inner + "}"


def _by_prefix(stats: dict, prefix: str) -> dict[str, float]:
    return {k[len(prefix):]: v for k, v in sorted(stats.items())
            if k.startswith(prefix) and isinstance(v, int | float)}


def exposition(samples: dict[str, list[tuple[dict[str, str], float]]]) -> str:
    """Samples by metric name (without prefix) → Prometheus text exposition format."""
    lines = []
    for name, series in samples.items():
        full = PREFIX + name
        lines.append(f"# HELP {full} {HELP[name]}")
        lines.append(f"# TYPE {full} gauge")
        lines += [f"{full}{_labels(labels)} {float(value)!r}" for labels, value in series]
    return "\n".join(lines) + "\n"


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it into place."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide it from node_exporter's user
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class TextfileMetrics:
    """Write the last run's metrics for node_exporter (see module docstring)."""

    def __init__(self, crawler: Any, folder: Path, name: str):
        self.crawler = crawler
        self.folder = folder
        self.name = name
        crawler.signals.connect(self.spider_closed, signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Any) -> TextfileMetrics:
        folder = crawler.settings.get("METRICS_TEXTFILE_DIR")
        if not folder:
            raise NotConfigured("METRICS_TEXTFILE_DIR is not set")
        name = crawler.settings.get("METRICS_TEXTFILE_NAME") or "newscrawler.prom"
        return cls(crawler, Path(folder), name)

    def path_for(self, spider: Any) -> Path:
        portal = urlsplit(getattr(spider, "home", None) or "").netloc.replace(":", "_")
        return self.folder / (self.name % {"spider": spider.name, "portal": portal or "none"})

    def samples(self, spider: Any, reason: str, previous_success: float | None) -> dict:
        stats = self.crawler.stats.get_stats()
        unhealthy = unhealthy_reasons(self.crawler)
        end = datetime.now(UTC)
        start = stats.get("start_time")
        success = not unhealthy and reason == "finished"
        base = {"spider": spider.name,
                "portal": urlsplit(getattr(spider, "home", None) or "").netloc}

        def one(value: float, **labels: str) -> tuple[dict[str, str], float]:
            return {**base, **labels}, value

        last_success = end.timestamp() if success else previous_success
        samples = {
            "last_run_timestamp_seconds": [one(end.timestamp())],
            "last_run_duration_seconds": [one((end - start).total_seconds() if start else 0)],
            "last_run_success": [one(1 if success else 0)],
            "last_run_exit_code": [one(exit_code(self.crawler, unhealthy))],
            "last_success_timestamp_seconds": [one(last_success)] if last_success else [],
            "last_run_unhealthy": [one(1, reason=r.split(": ")[0])
                                   for r in unhealthy],
            "last_run_articles_delivered": [one(stats.get("dedup/delivered", 0))],
            "last_run_requests": [one(stats.get("downloader/request_count", 0))],
            "last_run_pages": [one(v, kind=k) for k, v in
                               _by_prefix(stats, "crawl/pages/").items()],
            "last_run_dropped": [one(v, reason=k) for k, v in {
                **_by_prefix(stats, "validate/dropped/"),
                **_by_prefix(stats, "dedup/dropped/"),
            }.items()],
            "last_run_errors": [one(v, reason=k) for k, v in
                                _by_prefix(stats, "crawl/failed/reason/").items()],
            "last_run_field_coverage": [
                one(share, field=field) for field, share in field_coverage(stats).items()],
        }
        return {name: series for name, series in samples.items() if series}

    def spider_closed(self, spider: Any, reason: str) -> None:
        path = self.path_for(spider)
        path.parent.mkdir(parents=True, exist_ok=True)
        previous = None
        if path.exists():
            found = _LAST_SUCCESS.search(path.read_text("utf-8", errors="replace"))
            previous = float(found.group(1)) if found else None
        write_atomically(path, exposition(self.samples(spider, reason, previous)))
        self.crawler.stats.set_value("metrics/path", str(path))
