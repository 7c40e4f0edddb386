"""Run real ``scrapy crawl portal`` processes against sample portals on 127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.warm_scrapy import run_scrapy

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SCRAPY = [sys.executable, "-m", "scrapy"]
# Politeness off for loopback tests: AutoThrottle would only slow them down.
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=INFO"]


def crawl_command(start_url: str | None, work: Path, *extra: str) -> list[str]:
    """The ``scrapy crawl portal`` command line for a crawl whose files live under ``work``."""
    args = [*SCRAPY, "crawl", "portal"]
    if start_url:
        args += ["-a", f"start_url={start_url}"]
    args += ["-s", f"STATE_URI={work / 'state.sqlite'}", "-s", f"FEED_DIR={work / 'feeds'}"]
    return [*args, *FAST, *extra]


def run_crawl(start_url: str | None, work: Path, *extra: str, timeout: float = 240,
              env: dict | None = None) -> subprocess.CompletedProcess:
    """Run one crawl to its end and return the finished process (output captured): a
    ``scrapy`` process forked from a warm one (``tests/warm_scrapy.py``)."""
    return run_scrapy(crawl_command(start_url, work, *extra)[len(SCRAPY):], PROJECT_ROOT,
                      timeout, env)


def _oldest_first(paths) -> list[Path]:
    """By the time written: names alone misorder runs in one second (``x-2.jsonl``)."""
    return sorted(paths, key=lambda p: (p.stat().st_mtime_ns, p.name))


def feed_files(work: Path) -> list[Path]:
    """The complete feed files of ``work``'s FEED_DIR, oldest first."""
    return _oldest_first((work / "feeds").glob("*.jsonl"))


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_feeds(work: Path) -> list[dict]:
    """Every record of every complete feed file of ``work``."""
    return [record for path in feed_files(work) for record in read_jsonl(path)]


def reports(work: Path) -> list[dict]:
    paths = _oldest_first((work / "feeds").glob("*.report.json"))
    return [json.loads(p.read_text("utf-8")) for p in paths]


def env_with_project() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    return env
