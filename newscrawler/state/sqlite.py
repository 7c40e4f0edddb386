"""SQLite state store: the default, one file per portal or per crawl deployment.

WAL mode with ``synchronous=NORMAL``: a committed row survives the process being killed
(kill -9), which is the failure cron crawls meet; one commit per delivered article keeps
"in the state" equal to "in a feed file". The run lock is a `filelock` lock file next to
the database, released by the OS if the process dies, so a killed run never blocks the
next one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
from filelock import FileLock

from newscrawler.state.base import ArticleState, DroppedArticle, StateStore

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    key TEXT PRIMARY KEY,
    host TEXT NOT NULL,
    url TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    simhash INTEGER NOT NULL,
    published_at TEXT,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    sketch BLOB NOT NULL DEFAULT x'',
    list_date TEXT,
    etag TEXT,
    last_modified TEXT,
    feed TEXT
);
CREATE INDEX IF NOT EXISTS articles_fingerprint ON articles (fingerprint);
CREATE INDEX IF NOT EXISTS articles_recent ON articles (host, published_at);
CREATE TABLE IF NOT EXISTS claims (
    fingerprint TEXT PRIMARY KEY,
    key TEXT NOT NULL,
    url TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS dropped (
    key TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    reason TEXT NOT NULL,
    duplicate_of TEXT NOT NULL,
    list_date TEXT,
    dropped_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS pending (
    url TEXT PRIMARY KEY,
    host TEXT NOT NULL,
    reason TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
COLUMNS = (
    "key, url, fingerprint, simhash, published_at, first_seen, last_seen, version, sketch,"
    " list_date, etag, last_modified, feed"
)
# Columns added since the first release, with their definitions: older files get them.
ADDED_COLUMNS = {
    "sketch": "BLOB NOT NULL DEFAULT x''",
    "list_date": "TEXT",
    "etag": "TEXT",
    "last_modified": "TEXT",
    "feed": "TEXT",
}
# The 16-bit SimHash bands of older files: candidates are now found exactly
# (fingerprints.HammingIndex).
OLD_BAND_COLUMNS = ("band0", "band1", "band2", "band3")


_LOG_BLOCK = 65_536  # rows per fetch of the SimHash log


def _to_signed(value: int) -> int:
    """SQLite integers are signed 64-bit; store the unsigned SimHash in that range."""
    return value - (1 << 64) if value >= 1 << 63 else value


def _from_signed(value: int) -> int:
    return value + (1 << 64) if value < 0 else value


class SQLiteStateStore(StateStore):
    """`StateStore` in one SQLite file."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = FileLock(str(self.path) + ".lock")
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(SCHEMA)
        self._migrate()

    def _migrate(self) -> None:
        """Bring a state file written by an older release to this schema."""
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(articles)")}
        for name, definition in ADDED_COLUMNS.items():
            if name not in columns:
                self._db.execute(f"ALTER TABLE articles ADD COLUMN {name} {definition}")
        for name in OLD_BAND_COLUMNS:
            if name in columns:
                self._db.execute(f"DROP INDEX IF EXISTS articles_{name}")
                self._db.execute(f"ALTER TABLE articles DROP COLUMN {name}")

    def _row(self, row: tuple) -> ArticleState:
        key, url, fingerprint, simhash, published, first, last, version, sketch = row[:9]
        return ArticleState(
            key, url, fingerprint, _from_signed(simhash), published, first, last, version,
            bytes(sketch), *row[9:],
        )

    def _rows_where_in(self, select: str, column: str, values: Iterable) -> Iterator[tuple]:
        """Rows of ``select … WHERE column IN (values)``, 500 values a query (SQLite's limit
        on bound parameters)."""
        values = list(dict.fromkeys(values))
        for start in range(0, len(values), 500):
            chunk = values[start : start + 500]
            marks = ",".join("?" * len(chunk))
            yield from self._db.execute(f"{select} WHERE {column} IN ({marks})", chunk)

    def get_many(self, keys: Iterable[str]) -> dict[str, ArticleState]:
        rows = self._rows_where_in(f"SELECT {COLUMNS} FROM articles", "key", keys)
        return {row[0]: self._row(row) for row in rows}

    def put(self, state: ArticleState) -> None:
        host = state.key.split("/", 1)[0]
        self._db.execute(
            "INSERT OR REPLACE INTO articles (key, host, url, fingerprint, simhash, published_at,"
            " first_seen, last_seen, version, sketch, list_date, etag, last_modified, feed)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                state.key, host, state.url, state.fingerprint, _to_signed(state.simhash),
                state.published_at, state.first_seen, state.last_seen, state.version,
                state.sketch, state.list_date, state.etag, state.last_modified, state.feed,
            ),
        )
        self._db.execute("DELETE FROM dropped WHERE key = ?", (state.key,))

    def find_fingerprint(self, fingerprint: str) -> str | None:
        row = self._db.execute(
            "SELECT key FROM articles WHERE fingerprint = ? LIMIT 1", (fingerprint,)
        ).fetchone()
        return row[0] if row else None

    def simhash_log(self, after: int) -> tuple[np.ndarray, np.ndarray]:
        # INSERT OR REPLACE gives a rewritten row a new, higher rowid: the log only grows.
        # Read in blocks straight into numpy: a million rows as Python tuples would cost
        # ~150 MB of peak memory for 16 MB of data.
        cursor = self._db.execute(
            "SELECT rowid, simhash FROM articles WHERE rowid > ? ORDER BY rowid", (after,))
        refs, values = [np.empty(0, dtype=np.int64)], [np.empty(0, dtype=np.uint64)]
        while rows := cursor.fetchmany(_LOG_BLOCK):
            block = np.array(rows, dtype=np.int64)
            refs.append(block[:, 0].copy())
            values.append(block[:, 1].copy().view(np.uint64))  # signed -> unsigned, same bits
        return np.concatenate(refs), np.concatenate(values)

    def states_by_ref(self, refs: Iterable[int]) -> dict[int, ArticleState]:
        rows = self._rows_where_in(f"SELECT rowid, {COLUMNS} FROM articles", "rowid",
                                   [int(ref) for ref in refs])  # numpy ints are no SQL values
        return {row[0]: self._row(row[1:]) for row in rows}

    def claim_content(self, fingerprint: str, key: str, url: str) -> str:
        self._db.execute(
            "INSERT OR IGNORE INTO claims (fingerprint, key, url) VALUES (?, ?, ?)",
            (fingerprint, key, url),
        )
        row = self._db.execute(
            "SELECT key, url FROM claims WHERE fingerprint = ?", (fingerprint,)).fetchone()
        return url if row[0] == key else row[1]

    def put_dropped(self, dropped: DroppedArticle) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO dropped (key, url, reason, duplicate_of, list_date,"
            " dropped_at) VALUES (?, ?, ?, ?, ?, ?)",
            (dropped.key, dropped.url, dropped.reason, dropped.duplicate_of, dropped.list_date,
             dropped.dropped_at),
        )

    def dropped_many(self, keys: Iterable[str]) -> dict[str, DroppedArticle]:
        select = "SELECT key, url, reason, duplicate_of, list_date, dropped_at FROM dropped"
        return {row[0]: DroppedArticle(*row) for row in self._rows_where_in(select, "key", keys)}

    def recent(self, host: str, since: str) -> list[ArticleState]:
        rows = self._db.execute(
            f"SELECT {COLUMNS} FROM articles WHERE host = ? AND published_at >= ?"
            " ORDER BY published_at DESC",
            (host, since),
        )
        return [self._row(row) for row in rows]

    def count(self, host: str | None = None) -> int:
        if host is None:
            return self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        return self._db.execute("SELECT COUNT(*) FROM articles WHERE host = ?", (host,)).fetchone()[
            0
        ]

    def add_pending(self, host: str, url: str, reason: str) -> None:
        self._db.execute(
            "INSERT INTO pending (url, host, reason) VALUES (?, ?, ?) ON CONFLICT (url)"
            " DO UPDATE SET reason = excluded.reason, attempts = attempts + 1",
            (url, host, reason),
        )

    def pending(self, host: str, max_attempts: int | None = None) -> list[str]:
        limit = max_attempts if max_attempts is not None else 1 << 62
        rows = self._db.execute(
            "SELECT url FROM pending WHERE host = ? AND attempts < ? ORDER BY url", (host, limit)
        )
        return [row[0] for row in rows]

    def clear_pending(self, url: str) -> None:
        self._db.execute("DELETE FROM pending WHERE url = ?", (url,))

    def get_meta(self, name: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def set_meta(self, name: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)", (name, value))

    def _locked_message(self) -> str:
        return (
            f"another crawl is running with the state {self.path}"
            f" (lock file {self._lock.lock_file})"
        )

    def close(self) -> None:
        self.release_lock()
        self._db.close()
