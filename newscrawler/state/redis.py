"""Redis state store: one article state shared by every worker of a scaled-out crawl.

Same contract as `SQLiteStateStore`; only the storage and the lock differ.

Keys (``P`` = ``<STATE_NAMESPACE>:state:``):

- ``P article:<key>`` – JSON of one `ArticleState`: `get_many` is one
  ``MGET`` per 500 keys;
- ``P fp:<fingerprint>`` – set of article keys with that exact content;
- ``P simhash:keys`` / ``P simhash:log`` – every write's article key (a list) and its SimHash
  (16 hex digits appended to one string), in write order: a worker reads only the tail it
  has not seen (`simhash_log`) and searches all SimHashes exactly, in memory;
- ``P dropped`` – hash key → JSON of a `DroppedArticle`;
- ``P claim:<fingerprint>`` – ``key url`` of the first article to claim that content
  (``SET NX``: one atomic step, so two workers cannot both deliver a same-content pair);
- ``P recent:<host>`` – sorted set of article keys scored by published time (epoch seconds);
- ``P count`` – hash host → number of articles; ``P count:all`` – the total;
- ``P pending`` – hash url → JSON {host, reason, attempts}; ``P pending:<host>`` – set of urls;
- ``P meta`` – hash of small named values.

Writes that touch several keys run as one Lua script, so a killed worker never leaves an
article half-indexed, and two workers writing the same article cannot interleave.

**Lock.** Workers share this state on purpose, so the run lock cannot live in Redis: it only
stops a second process of the *same worker* (cron starting it again while it still runs).
It is a local `filelock` file, released by the OS when its process dies; the scale-out
extension points it at ``FEED_DIR/.worker.lock`` (`set_lock_file`), i.e. one worker = one
feed folder on one machine. Without that, a file in the temp folder keyed by the Redis URI,
namespace and working directory is used.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import redis
from filelock import FileLock

from newscrawler.state.base import ArticleState, DroppedArticle, StateStore

CHUNK = 500

# ARGV: prefix, key, host, record JSON, fingerprint, simhash hex, published score or '',
#       simhash decimal (as the record JSON holds it)
_PUT = """
local p, key, host = ARGV[1], ARGV[2], ARGV[3]
local akey = p .. 'article:' .. key
local old = redis.call('GET', akey)
local logged = false
if old then
  local o = cjson.decode(old)
  redis.call('SREM', p .. 'fp:' .. o.fingerprint, key)
  redis.call('ZREM', p .. 'recent:' .. host, key)
  logged = o.simhash == ARGV[8]
else
  redis.call('HINCRBY', p .. 'count', host, 1)
  redis.call('INCR', p .. 'count:all')
end
redis.call('SET', akey, ARGV[4])
redis.call('SADD', p .. 'fp:' .. ARGV[5], key)
if not logged then  -- a re-check that changed nothing does not grow the log
  redis.call('RPUSH', p .. 'simhash:keys', key)
  redis.call('APPEND', p .. 'simhash:log', ARGV[6])
end
redis.call('HDEL', p .. 'dropped', key)
if ARGV[7] ~= '' then
  redis.call('ZADD', p .. 'recent:' .. host, ARGV[7], key)
end
return 1
"""

# ARGV: prefix, url, host, reason
_ADD_PENDING = """
local p, url = ARGV[1], ARGV[2]
local attempts = 1
local old = redis.call('HGET', p .. 'pending', url)
if old then
  local o = cjson.decode(old)
  attempts = o.attempts + 1
  if o.host ~= ARGV[3] then redis.call('SREM', p .. 'pending:' .. o.host, url) end
end
redis.call('HSET', p .. 'pending', url,
  cjson.encode({host = ARGV[3], reason = ARGV[4], attempts = attempts}))
redis.call('SADD', p .. 'pending:' .. ARGV[3], url)
return attempts
"""

# ARGV: prefix, url
_CLEAR_PENDING = """
local p, url = ARGV[1], ARGV[2]
local old = redis.call('HGET', p .. 'pending', url)
if not old then return 0 end
redis.call('SREM', p .. 'pending:' .. cjson.decode(old).host, url)
redis.call('HDEL', p .. 'pending', url)
return 1
"""


def published_score(value: str | None) -> float | None:
    """Epoch seconds of an ISO 8601 time (naive means UTC), or None when absent or unreadable."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def _encode(state: ArticleState) -> str:
    return json.dumps(
        {
            "url": state.url, "fingerprint": state.fingerprint, "simhash": str(state.simhash),
            "published_at": state.published_at, "first_seen": state.first_seen,
            "last_seen": state.last_seen, "version": state.version,
            "sketch": state.sketch.hex(), "list_date": state.list_date, "etag": state.etag,
            "last_modified": state.last_modified, "feed": state.feed,
        },
        ensure_ascii=False,
    )


def _decode(key: str, raw: str) -> ArticleState:
    data = json.loads(raw)
    return ArticleState(
        key=key, url=data["url"], fingerprint=data["fingerprint"], simhash=int(data["simhash"]),
        published_at=data["published_at"], first_seen=data["first_seen"],
        last_seen=data["last_seen"], version=int(data["version"]),
        sketch=bytes.fromhex(data.get("sketch", "")), list_date=data.get("list_date"),
        etag=data.get("etag"), last_modified=data.get("last_modified"), feed=data.get("feed"),
    )


def default_lock_file(uri: str, namespace: str) -> Path:
    """The lock file used when no worker folder was given: per URI, namespace and cwd."""
    digest = hashlib.sha1(f"{uri}|{namespace}|{os.getcwd()}".encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"newscrawler-{digest}.lock"


class RedisStateStore(StateStore):
    """`StateStore` in Redis, shared by the workers of a scaled-out crawl (see module doc)."""

    def __init__(self, uri: str, namespace: str = "newscrawler"):
        self.uri = uri
        self.namespace = namespace or "newscrawler"
        self.prefix = f"{self.namespace}:state:"
        self._redis = redis.Redis.from_url(uri, decode_responses=True)
        self._put = self._redis.register_script(_PUT)
        self._add_pending = self._redis.register_script(_ADD_PENDING)
        self._clear_pending = self._redis.register_script(_CLEAR_PENDING)
        self._lock = FileLock(str(default_lock_file(uri, self.namespace)))

    # -- lock ----------------------------------------------------------------------------------

    @property
    def lock_file(self) -> str:
        return str(self._lock.lock_file)

    def set_lock_file(self, path: str | Path) -> None:
        """Key the run lock to this worker (its ``FEED_DIR``); only before `acquire_lock`."""
        if self._lock.is_locked:
            raise RuntimeError("the run lock is held; cannot move it")
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = FileLock(str(path))

    def _locked_message(self) -> str:
        return (
            f"another crawl is running as this worker (lock file {self._lock.lock_file});"
            " other workers sharing the Redis state are fine, a second copy of this one is not"
        )

    def close(self) -> None:
        self.release_lock()
        self._redis.close()

    # -- articles ------------------------------------------------------------------------------

    def get_many(self, keys: Iterable[str]) -> dict[str, ArticleState]:
        keys = list(dict.fromkeys(keys))
        found: dict[str, ArticleState] = {}
        for start in range(0, len(keys), CHUNK):
            chunk = keys[start : start + CHUNK]
            values = self._redis.mget([self.prefix + "article:" + key for key in chunk])
            for key, raw in zip(chunk, values, strict=True):
                if raw is not None:
                    found[key] = _decode(key, raw)
        return found

    def put(self, state: ArticleState) -> None:
        host = state.key.split("/", 1)[0]
        score = published_score(state.published_at)
        self._put(args=[
            self.prefix, state.key, host, _encode(state), state.fingerprint,
            f"{state.simhash:016x}", "" if score is None else repr(score), str(state.simhash),
        ])

    def find_fingerprint(self, fingerprint: str) -> str | None:
        keys = self._redis.smembers(self.prefix + "fp:" + fingerprint)
        return min(keys) if keys else None

    def simhash_log(self, after: int) -> tuple[np.ndarray, np.ndarray]:
        # refs are 1-based positions in the log; the string grows by 16 hex digits a write
        raw = self._redis.getrange(self.prefix + "simhash:log", after * 16, -1) or ""
        raw = raw[: len(raw) - len(raw) % 16]  # a write in progress: its digits come next time
        values = np.frombuffer(bytes.fromhex(raw), dtype=">u8").astype(np.uint64)
        return np.arange(after + 1, after + 1 + values.size, dtype=np.int64), values

    def states_by_ref(self, refs: Iterable[int]) -> dict[int, ArticleState]:
        refs = [int(ref) for ref in refs]  # numpy ints are no Redis values
        pipe = self._redis.pipeline(transaction=False)
        for ref in refs:
            pipe.lindex(self.prefix + "simhash:keys", ref - 1)
        keys = dict(zip(refs, pipe.execute(), strict=True))
        states = self.get_many(k for k in keys.values() if k is not None)
        return {ref: states[key] for ref, key in keys.items() if key in states}

    def claim_content(self, fingerprint: str, key: str, url: str) -> str:
        name = self.prefix + "claim:" + fingerprint
        self._redis.set(name, f"{key} {url}", nx=True)
        owner_key, _, owner_url = (self._redis.get(name) or f"{key} {url}").partition(" ")
        return url if owner_key == key else owner_url

    def put_dropped(self, dropped: DroppedArticle) -> None:
        self._redis.hset(self.prefix + "dropped", dropped.key, json.dumps(asdict(dropped)))

    def dropped_many(self, keys: Iterable[str]) -> dict[str, DroppedArticle]:
        keys = list(dict.fromkeys(keys))
        found: dict[str, DroppedArticle] = {}
        for start in range(0, len(keys), CHUNK):
            chunk = keys[start : start + CHUNK]
            for key, raw in zip(chunk, self._redis.hmget(self.prefix + "dropped", chunk),
                                strict=True):
                if raw is not None:
                    found[key] = DroppedArticle(**json.loads(raw))
        return found

    def recent(self, host: str, since: str) -> list[ArticleState]:
        floor = published_score(since)
        if floor is None:
            raise ValueError(f"recent(): since={since!r} is not an ISO 8601 time")
        keys = self._redis.zrevrangebyscore(self.prefix + "recent:" + host, "+inf", floor)
        found = self.get_many(keys)
        return [found[key] for key in keys if key in found]

    def count(self, host: str | None = None) -> int:
        if host is None:
            return int(self._redis.get(self.prefix + "count:all") or 0)
        return int(self._redis.hget(self.prefix + "count", host) or 0)

    # -- pending pages and meta ----------------------------------------------------------------

    def add_pending(self, host: str, url: str, reason: str) -> None:
        self._add_pending(args=[self.prefix, url, host, reason])

    def pending(self, host: str, max_attempts: int | None = None) -> list[str]:
        urls = sorted(self._redis.smembers(self.prefix + "pending:" + host))
        if max_attempts is None or not urls:
            return urls
        rows = self._redis.hmget(self.prefix + "pending", urls)
        return [
            url for url, row in zip(urls, rows, strict=True)
            if row is not None and json.loads(row).get("attempts", 1) < max_attempts
        ]

    def clear_pending(self, url: str) -> None:
        self._clear_pending(args=[self.prefix, url])

    def get_meta(self, name: str) -> str | None:
        return self._redis.hget(self.prefix + "meta", name)

    def set_meta(self, name: str, value: str) -> None:
        self._redis.hset(self.prefix + "meta", name, value)
