"""State at scale: the SQLite seen-store with 1,000,000 articles, and a crawl's memory against it.

What:
- fill: a ``SQLiteStateStore`` database with N articles (default 1,000,000) spread over 100
  portals, with realistic keys (``host/aid/<aid>``), URLs, 128-bit content hashes, random
  64-bit SimHashes, publication dates over three years; its size on disk;
- lookups through the store's own methods, as the crawler calls them: ``get_many`` in batches
  of 10 (a list page) and 40 (a home page), half of the keys known; ``get`` (the dedup
  pipeline, once per article); ``find_fingerprint``; the exact near-duplicate search (load
  every SimHash with ``simhash_log``, then one numpy scan per article,
  `newscrawler.fingerprints.HammingIndex`); ``put`` (one commit per delivered article);
- the crawler's peak memory (RSS) during a real crawl of a 1,000-article sample portal with
  ``STATE_URI`` pointing at the big database, side by side with the same crawl on an empty
  state. Peak RSS is the process's ``VmHWM`` from /proc (read until it exits), and Scrapy's
  ``memusage/max`` (sampled every 0.5 s here).

How the fill stays fast: rows are inserted in one transaction with ``executemany`` into the
store's own table before its indexes exist, then the store's schema creates the indexes.

Run: ``python bench/state_scale.py [--articles 1000000] [--crawl-articles 1000]``;
``--quick`` for a smoke run.
"""

from __future__ import annotations

import random
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

from _common import (
    FAST_SETTINGS,
    PYTHON,
    ROOT,
    Portal,
    arg_parser,
    clean_env,
    machine,
    parse_stats,
    settings_args,
    table,
    workdir,
)

from newscrawler.fingerprints import HammingIndex
from newscrawler.state.base import ArticleState
from newscrawler.state.sqlite import SCHEMA, SQLiteStateStore

HOSTS = [f"news{n:03d}.example.cn" for n in range(100)]
SECTIONS = ["guoji", "guonei", "shehui", "caijing/gushi", "keji/hulianwang", "tiyu", "yule"]


def signed(value: int) -> int:
    return value - (1 << 64) if value >= 1 << 63 else value


def rows(count: int, rng: random.Random):
    """``count`` article rows in the store's column order, deterministic for a seed."""
    start = datetime(2023, 11, 26, 8, 0)
    for i in range(count):
        host, aid = HOSTS[i % len(HOSTS)], i // len(HOSTS) + 1
        published = start + timedelta(seconds=i * 94)  # three years of publishing
        day = published.strftime("%Y/%m%d")
        url = f"http://{host}/a/{SECTIONS[aid % len(SECTIONS)]}/{day}/{aid}.html"
        simhash = rng.getrandbits(64)
        when = published.isoformat(timespec="seconds") + "+08:00"
        yield (f"{host}/aid/{aid}", host, url, f"{rng.getrandbits(128):032x}", signed(simhash),
               when, when, when, 1, rng.randbytes(128),  # 128-byte sketch
               when[:10], None, None, None)  # list date, etag, last-modified, feed


def fill(path: Path, count: int, seed: int) -> float:
    """Create the database with ``count`` articles; returns seconds taken."""
    start = time.perf_counter()
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    tables = [s for s in SCHEMA.split(";") if s.strip() and "CREATE INDEX" not in s]
    db.executescript(";".join(tables) + ";")
    db.execute("BEGIN")
    db.executemany("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   rows(count, random.Random(seed)))
    db.execute("COMMIT")
    db.executescript(SCHEMA)  # the indexes, built once over the filled table
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return time.perf_counter() - start


def timed(func, items) -> tuple[float, int]:
    """(microseconds per call, calls) of ``func`` over ``items``."""
    start = time.perf_counter()
    n = 0
    for item in items:
        func(item)
        n += 1
    return 1e6 * (time.perf_counter() - start) / max(n, 1), n


def lookups(path: Path, count: int, calls: int, seed: int) -> list[list]:
    rng = random.Random(seed + 1)
    store = SQLiteStateStore(path)

    def key(known: bool) -> str:
        i = rng.randrange(count) if known else count + rng.randrange(count)
        return f"{HOSTS[i % len(HOSTS)]}/aid/{i // len(HOSTS) + 1}"

    def batches(size: int):
        return [[key(rng.random() < 0.5) for _ in range(size)] for _ in range(calls)]

    known = [key(True) for _ in range(calls)]
    rowids = ",".join(str(rng.randrange(1, count + 1)) for _ in range(calls))
    fingerprints = [r[0] for r in store._db.execute(
        f"SELECT fingerprint FROM articles WHERE rowid IN ({rowids})")]
    fingerprints += [f"{rng.getrandbits(128):032x}" for _ in range(calls)]
    simhashes = [rng.getrandbits(64) for _ in range(calls)]
    results = []
    start = time.perf_counter()
    index = HammingIndex()
    index.extend(*reversed(store.simhash_log(0)))
    results.append(["simhash_log(0): load every SimHash (once a run)", 1,
                    1e6 * (time.perf_counter() - start), "-"])
    for name, func, items in [
        ("get_many, batches of 10 (a list page), half known", store.get_many, batches(10)),
        ("get_many, batches of 40 (a home page), half known", store.get_many, batches(40)),
        ("get (dedup, per article), known", store.get, known),
        ("find_fingerprint, half known", store.find_fingerprint, fingerprints),
        ("near-duplicate search within 10 bits (numpy scan)", lambda v: index.within(v, 10),
         simhashes),
    ]:
        micros, n = timed(func, items)
        results.append([name, n, micros, 1e6 / micros])
    now = datetime.now().astimezone().isoformat(timespec="seconds")
    states = [ArticleState(f"bench.example.cn/aid/{i}", f"http://bench.example.cn/{i}.html",
                           f"{rng.getrandbits(128):032x}", rng.getrandbits(64), now, now, now,
                           sketch=rng.randbytes(128))
              for i in range(min(calls, 2000))]
    micros, n = timed(store.put, states)
    results.append(["put (one commit per delivered article)", n, micros, 1e6 / micros])
    near_sizes = [len(index.within(s, 10)) for s in simhashes[:200]]
    store.close()
    results.append(["(candidates within 10 bits per call, mean)", len(near_sizes),
                    sum(near_sizes) / len(near_sizes), "-"])
    return results


def peak_rss_crawl(state: Path, articles: int, work: Path, timeout: float) -> dict:
    """Crawl a fresh portal with ``state``; peak RSS (VmHWM, memusage/max) and run figures."""
    settings = {**FAST_SETTINGS, "MEMUSAGE_CHECK_INTERVAL_SECONDS": "0.5"}
    with Portal(articles) as portal:
        args = [PYTHON, "-m", "scrapy", "crawl", "portal", "-a", f"start_url={portal.url}",
                "-s", f"STATE_URI={state}", "-s", f"FEED_DIR={work / 'feeds'}",
                *settings_args(settings)]
        log_path = work / "crawl.log"
        with log_path.open("w") as log:
            proc = subprocess.Popen(args, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                    env=clean_env())
            hwm, deadline = 0, time.monotonic() + timeout
            status = Path(f"/proc/{proc.pid}/status")
            while proc.poll() is None:
                try:
                    match = re.search(r"VmHWM:\s+(\d+) kB", status.read_text())
                    hwm = max(hwm, int(match.group(1))) if match else hwm
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    proc.kill()
                    raise RuntimeError("crawl timed out")
                time.sleep(0.05)
    stats = parse_stats(log_path.read_text())
    if proc.returncode not in (0, 2) or not stats:
        raise RuntimeError(f"crawl failed ({proc.returncode}), see {log_path}")
    return {"vmhwm": hwm / 1024, "memusage": stats.get("memusage/max", 0) / 2**20,
            "items": int(stats.get("item_scraped_count", 0)),
            "seconds": stats.get("elapsed_time_seconds", 0.0),
            "pps": stats.get("response_received_count", 0) / stats.get("elapsed_time_seconds", 1)}


def main(argv: list[str] | None = None) -> int:
    parser = arg_parser(__doc__)
    parser.add_argument("--articles", type=int, default=1_000_000, help="articles in the state")
    parser.add_argument("--crawl-articles", type=int, default=1000, help="portal crawled")
    parser.add_argument("--calls", type=int, default=5000, help="calls per lookup kind")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=1800, help="crawl timeout, seconds")
    parser.add_argument("--keep", action="store_true", help="keep the database (path printed)")
    parser.add_argument("--quick", action="store_true",
                        help="smoke mode: 20,000 articles, 100-article crawl, 500 calls")
    args = parser.parse_args(argv)
    if args.quick:
        args.articles, args.crawl_articles, args.calls = 20_000, 100, 500
    print(f"state at scale: {args.articles:,} articles in SQLite, crawl of a "
          f"{args.crawl_articles:,}-article portal; {machine()}", flush=True)
    work = workdir("state")
    path = work / "big" / "state.sqlite"
    path.parent.mkdir()
    seconds = fill(path, args.articles, args.seed)
    size = sum(p.stat().st_size for p in path.parent.glob("state.sqlite*"))
    print(f"\nfill: {args.articles:,} articles in {seconds:.1f} s "
          f"({args.articles / seconds:,.0f} rows/s); on disk {size / 2**20:,.1f} MB "
          f"({size / args.articles:,.0f} bytes per article)\n", flush=True)
    # The crawls run before the lookups: a child forked from this process after the lookups
    # loaded every SimHash would start with that memory in its ``ru_maxrss``, which Scrapy's
    # ``memusage/max`` reports (VmHWM, read from /proc, is the crawl's own).
    runs = []
    for label, state in [("empty state", work / "empty" / "state.sqlite"),
                         (f"{args.articles:,} articles in the state", path)]:
        state.parent.mkdir(exist_ok=True)
        crawl_work = workdir("state-crawl")
        run = peak_rss_crawl(state, args.crawl_articles, crawl_work, args.timeout)
        shutil.rmtree(crawl_work, ignore_errors=True)
        runs.append(run)
        runs[-1]["label"] = label
        print(f"  crawl with {label}: peak RSS {run['vmhwm']:.1f} MB", flush=True)
    print()
    print(table(["lookup", "calls", "µs per call", "calls/s"],
                lookups(path, args.articles, args.calls, args.seed)))
    print()
    print(table(["crawl of the portal", "items", "seconds", "pages/s", "peak RSS MB (VmHWM)",
                 "memusage/max MB"],
                [[r["label"], r["items"], r["seconds"], r["pps"], r["vmhwm"], r["memusage"]]
                 for r in runs]))
    big = runs[-1]["vmhwm"]
    print(f"\ntarget peak RSS < 300 MB with {args.articles:,} articles in the state: "
          f"{big:.1f} MB -> {'met' if big < 300 else 'NOT met'}")
    if args.keep:
        print(f"database kept: {path}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
