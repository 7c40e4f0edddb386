"""Scale-out throughput: one crawl of the sample portal by 1, 2 and 4 Redis-mode workers.

What: pages per second of a whole run (first worker started → last worker ended) and CPU per
page when N ``scrapy crawl portal -s REDIS_URL=…`` workers share one run through Redis, on
this machine. A figure, not a target: the workers, the portal and Redis share its cores.

How: for each N, a fresh portal process and a fresh key namespace; N worker processes start
together, each with its own FEED_DIR, politeness lifted as in bench/crawl.py. pages/s = all
workers' ``response_received_count`` / wall time of the run; CPU ms/page = the workers' user +
system CPU time (``wait4``) per page, and separately Redis' and the portal's (``/proc``).

Run: ``python bench/scaleout.py [--articles 2000] [--workers 1,2,4]``; ``--quick`` for a smoke
run (60 articles, 1 and 2 workers). Redis: the URL in ``NEWSCRAWLER_BENCH_REDIS_URL``, else a
private ``redis-server`` on a free loopback port.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

from _common import (
    FAST_SETTINGS,
    ROOT,
    Portal,
    arg_parser,
    machine,
    run_scrapy,
    settings_args,
    table,
    workdir,
)


def _cpu_of(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_redis(folder: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen(
        [shutil.which("redis-server") or "redis-server", "--port", str(port), "--bind",
         "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return proc, f"redis://127.0.0.1:{port}/0"
        time.sleep(0.05)
    proc.kill()
    raise RuntimeError("redis-server did not start")


def run_workers(n: int, url: str, redis_url: str, timeout: float) -> list[dict]:
    """N workers of one run, started together; their stats (with ``cpu_seconds``)."""
    namespace = f"bench-{uuid.uuid4().hex[:8]}"
    work = workdir(f"scaleout-{n}")
    results: list[dict | BaseException] = [None] * n

    def one(i: int) -> None:
        args = ["crawl", "portal", "-a", f"start_url={url}", "-s", f"REDIS_URL={redis_url}",
                "-s", f"STATE_NAMESPACE={namespace}", "-s", f"FEED_DIR={work / f'w{i}'}",
                *settings_args(FAST_SETTINGS)]
        try:
            results[i] = run_scrapy(args, ROOT, timeout)[0]
        except BaseException as exc:  # reported below
            results[i] = exc

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    shutil.rmtree(work, ignore_errors=True)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results  # type: ignore[return-value]


def main(argv: list[str] | None = None) -> int:
    parser = arg_parser(__doc__)
    parser.add_argument("--articles", type=int, default=2000, help="portal size (default 2000)")
    parser.add_argument("--workers", default="1,2,4", help="worker counts (default 1,2,4)")
    parser.add_argument("--timeout", type=float, default=1800, help="per-run timeout, seconds")
    parser.add_argument("--quick", action="store_true",
                        help="smoke mode: 60 articles, 1 and 2 workers")
    args = parser.parse_args(argv)
    if args.quick:
        args.articles, args.workers = 60, "1,2"
    counts = [int(n) for n in args.workers.split(",") if n.strip()]
    print(f"scale-out throughput: portal of {args.articles} articles, workers {counts}; "
          f"{machine()}", flush=True)
    redis_url = os.environ.get("NEWSCRAWLER_BENCH_REDIS_URL")
    redis_proc, redis_dir = None, workdir("redis")
    if not redis_url:
        redis_proc, redis_url = start_redis(redis_dir)
    rows = []
    try:
        for n in counts:
            with Portal(args.articles) as portal:
                portal_before = portal.cpu_seconds()
                redis_before = _cpu_of(redis_proc.pid) if redis_proc else float("nan")
                started = time.perf_counter()
                stats = run_workers(n, portal.url, redis_url, args.timeout)
                wall = time.perf_counter() - started
                portal_cpu = portal.cpu_seconds() - portal_before
                redis_cpu = (_cpu_of(redis_proc.pid) - redis_before) if redis_proc \
                    else float("nan")
            pages = sum(int(s.get("response_received_count", 0)) for s in stats)
            items = sum(int(s.get("item_scraped_count", 0)) for s in stats)
            cpu = sum(s["cpu_seconds"] for s in stats)
            per_worker = " ".join(str(int(s.get("response_received_count", 0))) for s in stats)
            rows.append([n, pages, items, wall, pages / wall, 1000 * cpu / max(pages, 1),
                         1000 * redis_cpu / max(pages, 1), 1000 * portal_cpu / max(pages, 1),
                         per_worker])
            print(f"  {n} worker(s): {pages} pages, {items} articles in {wall:.1f} s "
                  f"= {pages / wall:.1f} pages/s", flush=True)
    finally:
        if redis_proc is not None:
            redis_proc.terminate()
            redis_proc.wait(timeout=10)
        shutil.rmtree(redis_dir, ignore_errors=True)
    print()
    print(table(["workers", "pages", "articles", "wall s", "pages/s", "worker CPU ms/page",
                 "Redis CPU ms/page", "portal CPU ms/page", "pages per worker"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
