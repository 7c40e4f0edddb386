"""Feed storage for ``FEED_DIR``: one JSON-lines file per run, complete or invisible.

``FEEDS = {"feeddir:%(time)s.jsonl": {...}}`` (the default) writes each run's feed to
``FEED_DIR/<time>.jsonl``, but under ``<time>.jsonl.part`` until the run ends: a consumer
that reads every ``*.jsonl`` never sees half a file. Each line is handed to the OS as soon
as it is written, and the file is locked (``flock``) while its run lives, so if the run is
killed the next run can tell the orphan from a live file and finish delivering it
(`newscrawler.extensions.delivery`). A run with no items writes no file.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO, Any

PART_SUFFIX = ".part"


def feed_dir(settings: Any) -> Path:
    """The folder of per-run feeds, created if missing."""
    path = Path(settings.get("FEED_DIR")).expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


def safe_name(name: str) -> str:
    """A feed file name taken from a URI: a bare name, never a path out of ``FEED_DIR``."""
    if not name or "/" in name or "\\" in name or name.startswith(".") or "\x00" in name:
        raise ValueError(f"feed name {name!r} must be a plain file name inside FEED_DIR")
    return name


def unique_path(path: Path) -> Path:
    """``path``, or ``name-2.jsonl``, ``name-3.jsonl``… if a file of that name exists."""
    candidate, n = path, 1
    while candidate.exists() or Path(str(candidate) + PART_SUFFIX).exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


class LineFlushingFile:
    """A binary file whose every write reaches the OS at once (survives kill -9)."""

    def __init__(self, path: Path):
        self.path = path
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self.closed = False

    def write(self, data: bytes) -> int:
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        return len(data)

    def flush(self) -> None:
        """Writes are unbuffered; nothing to flush."""

    def fsync(self) -> None:
        os.fsync(self._fd)

    def close(self) -> None:
        if not self.closed:
            os.close(self._fd)
            self.closed = True


class FeedDirStorage:
    """Scrapy feed storage for the ``feeddir:`` scheme (see module docstring)."""

    def __init__(self, uri: str, *, feed_options: dict[str, Any] | None = None, crawler=None):
        self.name = safe_name(uri.split(":", 1)[1])
        self.crawler = crawler
        self.final_path: Path | None = None

    @classmethod
    def from_crawler(cls, crawler, uri: str, *, feed_options: dict[str, Any] | None = None):
        return cls(uri, feed_options=feed_options, crawler=crawler)

    def open(self, spider: Any) -> IO[bytes]:
        folder = feed_dir(self.crawler.settings)
        self.final_path = unique_path(folder / self.name)
        part = Path(str(self.final_path) + PART_SUFFIX)
        self.crawler.stats.set_value("feed/path", str(self.final_path))
        return LineFlushingFile(part)  # type: ignore[return-value]

    def store(self, file: IO[bytes]) -> None:
        assert self.final_path is not None
        file.fsync()  # type: ignore[attr-defined]
        part = Path(file.path)  # type: ignore[attr-defined]
        os.replace(part, self.final_path)  # atomic: the .jsonl appears complete
        file.close()
        self.crawler.stats.set_value("feed/complete", True)
        return None
