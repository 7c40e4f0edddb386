"""Shared helpers of the benchmark scripts: portal processes, crawl subprocesses, stats, tables.

Every crawl is a real ``scrapy`` subprocess against a sample portal served by its own process
(``python -m newscrawler.portal serve``) on 127.0.0.1, so the numbers include everything a user
pays for. Rates are read from Scrapy's own stats dump (``response_received_count /
elapsed_time_seconds``), which every spider prints at the end of its log.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
PYTHON = sys.executable

# The crawler's own cost: politeness lifted, the same for every spider measured.
FAST_SETTINGS = {
    "AUTOTHROTTLE_ENABLED": "False",
    "DOWNLOAD_DELAY": "0",
    "CONCURRENT_REQUESTS": "16",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
    "ROBOTSTXT_OBEY": "True",
    "LOG_LEVEL": "INFO",
    "TELNETCONSOLE_ENABLED": "False",
}


def arg_parser(doc: str) -> argparse.ArgumentParser:
    """A parser whose --help shows the script's docstring: first line, then the rest."""
    lines = doc.splitlines()
    return argparse.ArgumentParser(description=lines[0], epilog="\n".join(lines[2:]),
                                   formatter_class=argparse.RawDescriptionHelpFormatter)


def settings_args(settings: dict[str, str]) -> list[str]:
    return [arg for name, value in settings.items() for arg in ("-s", f"{name}={value}")]


def clean_env() -> dict[str, str]:
    """The environment without any Scrapy project selection (baselines run outside ours)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCRAPY_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


class Portal:
    """``python -m newscrawler.portal serve --port 0`` in a child process (context manager)."""

    def __init__(self, articles: int, *extra: str):
        self.args = [PYTHON, "-m", "newscrawler.portal", "serve", "--articles", str(articles),
                     "--port", "0", *extra]
        self.proc: subprocess.Popen | None = None
        self.url = ""

    def start(self) -> Portal:
        self.proc = subprocess.Popen(self.args, cwd=ROOT, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, env=clean_env())
        line = self.proc.stdout.readline()  # "http://127.0.0.1:PORT/  (N articles, ...)"
        if not line.startswith("http://"):
            self.stop()
            raise RuntimeError(f"portal did not start: {line!r} {self.proc.stderr.read()!r}")
        self.url = line.split()[0]
        return self

    def cpu_seconds(self) -> float:
        """User + system CPU time the portal process used so far (Linux /proc)."""
        try:
            fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, AttributeError):
            return float("nan")
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def __enter__(self) -> Portal:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


_STAT_RE = re.compile(r"^ '([^']+)': (.+?),?$", re.M)


def parse_stats(log: str) -> dict[str, float]:
    """The numeric entries of the last ``Dumping Scrapy stats`` block of a log."""
    start = log.rfind("Dumping Scrapy stats:")
    if start < 0:
        return {}
    stats: dict[str, float] = {}
    for name, value in _STAT_RE.findall(log[start:]):
        try:
            stats[name] = float(value)
        except ValueError:
            continue
    return stats


def run_scrapy(args: Sequence[str], cwd: Path, timeout: float, env=None) -> tuple[dict, float, str]:
    """Run ``python -m scrapy ARGS``; return (stats, wall seconds, log). Raises on failure.

    The stats get ``cpu_seconds``: user + system CPU time of the scrapy process (and of any
    child it waited for), from ``wait4``.
    """
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen([PYTHON, "-m", "scrapy", *args], cwd=cwd, stdout=out,
                                stderr=subprocess.STDOUT, text=True, env=env or clean_env())
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        out.seek(0)
        log = out.read()
    stats = parse_stats(log)
    if proc.returncode not in (0, 2) or not stats:  # 2 = our "unhealthy run" exit code
        tail = "\n".join(log.splitlines()[-30:])
        raise RuntimeError(f"scrapy {' '.join(args[:2])} failed ({proc.returncode}):\n{tail}")
    stats["cpu_seconds"] = usage.ru_utime + usage.ru_stime
    return stats, wall, log


def pages_per_second(stats: dict) -> float:
    return stats.get("response_received_count", 0) / max(stats.get("elapsed_time_seconds", 0), 1e-9)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def workdir(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=f"newscrawler-bench-{prefix}-"))


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain Markdown table (readable in a terminal, pasteable into BENCHMARKS.md)."""
    cells = [[str(h) for h in headers]] + [[_fmt(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(cells[0], widths, strict=True)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    for row in cells[1:]:
        lines.append("| " + " | ".join(c.rjust(w) if _numeric(c) else c.ljust(w)
                                       for c, w in zip(row, widths, strict=True)) + " |")
    return "\n".join(lines)


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _numeric(text: str) -> bool:
    return bool(re.fullmatch(r"[-+x×]?[\d,.]+( ?[a-zA-Z%×]*)?", text))


def machine() -> str:
    load = os.getloadavg()
    return (f"{os.cpu_count()} CPUs, load average {load[0]:.2f} at start, Python "
            f"{sys.version.split()[0]}, commit {git_commit()}")


def git_commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                             capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "newscrawler"], cwd=ROOT,
                               capture_output=True, text=True, timeout=10).stdout.strip()
        return out + (" (+uncommitted changes in newscrawler/)" if dirty else "")
    except OSError:
        return "?"
