"""The run history: the run reports in ``FEED_DIR``, read back as one row per run.

Every run writes ``FEED_DIR/<time>.report.json`` (`newscrawler.extensions.report`); this
module reads them, oldest first, into `Run` rows for ``scrapy runs`` (a table) and its
``--html`` page (`newscrawler.plots`). Articles per section are counted from the run's feed
file when it is still there (the report has no sections); a report that does not parse is
skipped with a warning, so one damaged file does not hide the others.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newscrawler.pipelines.validate import field_coverage

logger = logging.getLogger(__name__)

NO_SECTION = "(none)"


@dataclass
class Run:
    """One run, as its report tells it."""

    report: Path
    started_at: str
    mode: str
    healthy: bool
    articles: int
    requests: int
    duration: float
    errors: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)
    coverage: dict[str, float] = field(default_factory=dict)  # field -> share of records
    sections: dict[str, int] = field(default_factory=dict)  # top section -> articles
    unhealthy: list[str] = field(default_factory=list)

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())


def sections_of(feed: Path | None) -> dict[str, int]:
    """Articles per top-level section in a feed file (empty if the file is gone)."""
    if feed is None or not feed.is_file():
        return {}
    counts: Counter[str] = Counter()
    with feed.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            try:
                section = json.loads(line).get("section") or []
            except ValueError:
                continue
            counts[section[0] if section else NO_SECTION] += 1
    return dict(counts)


def read_run(path: Path) -> Run:
    """One report file → `Run` (raises ``ValueError``/``KeyError`` if it is not a report)."""
    data = json.loads(path.read_text("utf-8"))
    feed = data.get("feed")
    feed_path = None
    if feed:
        feed_path = Path(feed)
        if not feed_path.is_file():  # moved with its folder: look beside the report
            feed_path = path.with_name(feed_path.name)
    return Run(
        report=path,
        started_at=data.get("started_at") or data["finished_at"],
        mode=data.get("mode") or "-",
        healthy=bool(data["healthy"]),
        articles=int(data.get("articles_delivered") or 0),
        requests=int(data.get("requests") or 0),
        duration=float(data.get("duration_seconds") or 0.0),
        errors=dict(data.get("errors") or {}),
        dropped=dict(data.get("dropped") or {}),
        pages=dict(data.get("pages") or {}),
        coverage=field_coverage(data.get("stats") or {}),
        sections=sections_of(feed_path),
        unhealthy=list(data.get("unhealthy_reasons") or []),
    )


def load_runs(folder: Path, last: int | None = None) -> list[Run]:
    """The runs whose reports are in ``folder``, oldest first; only the ``last`` N if given."""
    runs = []
    for path in folder.glob("*.report.json"):
        try:
            runs.append(read_run(path))
        except (ValueError, KeyError, TypeError, OSError) as exc:
            logger.warning("Skipping %s: not a run report (%s)", path, exc)
    runs.sort(key=_run_order)
    return runs[-last:] if last else runs


def _run_order(run: Run) -> tuple[str, int, str]:
    """Runs by start, those of one second by when their report was written: the names alone
    misorder them (``<time>-2.report.json`` sorts before ``<time>.report.json``)."""
    try:
        written = run.report.stat().st_mtime_ns
    except OSError:
        written = 0
    return run.started_at, written, run.report.name


def table(runs: list[Run]) -> str:
    """A plain-text table of the runs, one line each, oldest first."""
    header = ("started", "mode", "healthy", "articles", "requests", "errors", "duration")
    rows = [header] + [
        (r.started_at, r.mode, "yes" if r.healthy else "NO", str(r.articles), str(r.requests),
         str(r.error_count), f"{r.duration:.1f}s")
        for r in runs
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) if i < 3 else cell.rjust(w)
                       for i, (cell, w) in enumerate(zip(row, widths, strict=True))).rstrip()
             for row in rows]
    return "\n".join(lines) + "\n"
