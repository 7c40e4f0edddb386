"""Feed storages whose every line is on disk before the article counts as delivered.

- ``FEEDS = {"feeddir:%(time)s.jsonl": {...}}`` (the default) writes each run's feed to
  ``FEED_DIR/<time>.jsonl``, under ``<time>.jsonl.part`` until the run ends: a consumer that
  reads every ``*.jsonl`` never sees half a file. The file is locked (``flock``) while its run
  lives, so the next run can tell a killed run's orphan from a live file and finish it
  (`newscrawler.ledger.recovery`). A run with no items writes no file.
- ``-o``/``-O`` paths (``file:`` and bare paths) get the same line-at-a-time file in place of
  Scrapy's buffered one, which kept lines in memory that ``kill -9`` then lost.

Both hand out a `LineFile`: each write goes to the OS at once, and a write that fails (disk
full, read-only) cuts the file back to the end of the last line the ledger confirmed, so no
published file ever holds a torn line, and the file refuses further writes. The article
ledger (`newscrawler.ledger.confirm`) reads ``writes`` and ``error`` to decide whether an item
reached every feed.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO, Any

from scrapy.extensions.feedexport import FileFeedStorage

PART_SUFFIX = ".part"


def feed_dir(settings: Any) -> Path:
    """The folder of per-run feeds, created if missing (OSError if it cannot be)."""
    path = Path(settings.get("FEED_DIR")).expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


def writable_folder(folder: Path) -> str | None:
    """Why files cannot be created in ``folder`` (created if missing), or None if they can."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".newscrawler-probe-{os.getpid()}"
        probe.write_bytes(b"\n")
        probe.unlink()
    except OSError as exc:
        return f"{folder}: {exc.strerror or exc}"
    return None


def published_name(path: Path) -> str:
    """The path a feed file is published under (``x.jsonl`` for ``x.jsonl.part``)."""
    text = str(path)
    return text[: -len(PART_SUFFIX)] if text.endswith(PART_SUFFIX) else text


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


class LineFile:
    """A binary file whose writes reach the OS at once, and never leave a torn line."""

    def __init__(self, path: Path, *, truncate: bool = False, lock: bool = False):
        self.path = path
        flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if truncate else os.O_APPEND)
        self._fd = os.open(path, flags, 0o644)
        if lock:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self.confirmed_size = os.lseek(self._fd, 0, os.SEEK_END)
        self.writes = 0  # successful write() calls
        self.error: str | None = None
        self.closed = False

    def write(self, data: bytes) -> int:
        if self.error is not None:
            raise OSError(f"{self.path}: no more writes after an earlier failure ({self.error})")
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self._fd, view):]
        except OSError as exc:
            self.error = exc.strerror or str(exc)
            self._cut_back()
            raise
        self.writes += 1
        return len(data)

    def _cut_back(self) -> None:
        """Drop whatever follows the last confirmed line (a torn or unconfirmed line)."""
        try:
            os.ftruncate(self._fd, self.confirmed_size)
            os.lseek(self._fd, self.confirmed_size, os.SEEK_SET)
        except OSError:
            pass

    def confirm(self) -> None:
        """Everything written so far belongs to records the ledger recorded as delivered."""
        self.confirmed_size = os.lseek(self._fd, 0, os.SEEK_CUR)

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
        self.error: str | None = None  # why open() failed, for the ledger's report

    @classmethod
    def from_crawler(cls, crawler, uri: str, *, feed_options: dict[str, Any] | None = None):
        return cls(uri, feed_options=feed_options, crawler=crawler)

    def target(self) -> Path:
        """The folder this storage writes into."""
        return Path(self.crawler.settings.get("FEED_DIR")).expanduser()

    def open(self, spider: Any) -> IO[bytes]:
        try:
            folder = feed_dir(self.crawler.settings)
            self.final_path = unique_path(folder / self.name)
            part = Path(str(self.final_path) + PART_SUFFIX)
            handle = LineFile(part, lock=True)
        except OSError as exc:
            self.error = f"{self.target()}: {exc.strerror or exc}"
            raise
        self.crawler.stats.set_value("feed/path", str(self.final_path))
        return handle  # type: ignore[return-value]

    def store(self, file: IO[bytes]) -> None:
        assert self.final_path is not None
        file.fsync()  # type: ignore[attr-defined]
        part = Path(file.path)  # type: ignore[attr-defined]
        os.replace(part, self.final_path)  # atomic: the .jsonl appears complete
        file.close()
        self.crawler.stats.set_value("feed/complete", True)
        return None


class LineFileFeedStorage(FileFeedStorage):
    """Scrapy's storage for ``-o``/``-O`` paths, writing through a `LineFile`."""

    error: str | None = None

    def target(self) -> Path:
        return Path(self.path).parent

    def open(self, spider: Any) -> IO[bytes]:
        try:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            return LineFile(Path(self.path), truncate=self.write_mode == "wb")  # type: ignore[return-value]
        except OSError as exc:
            self.error = f"{self.path}: {exc.strerror or exc}"
            raise

    def store(self, file: IO[bytes]) -> None:
        file.fsync()  # type: ignore[attr-defined]
        file.close()
        return None
