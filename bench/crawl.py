"""Crawl throughput: newscrawler vs `scrapy bench`, a CrawlSpider+trafilatura, a minimal spider.

What: pages per second of a full crawl of the sample portal (default 5,000 articles, its
multi-page articles included) with every pipeline on (clean, validate, dedup + SQLite state,
per-run feed, run report), compared side by side with, in the same run on the same machine:

- ``scrapy bench``: the framework's own ceiling (its link-following spider against its own
  local server, for its default 10 s), run as is from a folder outside our project;
- ``crawlspider+trafilatura`` (bench/spiders/crawlspider_trafilatura.py): what a user would
  otherwise write, a plain CrawlSpider with LinkExtractor rules and trafilatura per article;
- ``minimal`` (bench/spiders/minimal.py): the same rules and only the page title, i.e. what
  Scrapy + the portal's server allow with almost no work per page.

How: every crawl is a fresh ``scrapy`` process with fresh state, against a fresh portal
process (``python -m newscrawler.portal serve``), politeness lifted the same way for all
(AutoThrottle off, no delay, 16 concurrent requests per domain, robots.txt obeyed). Runs are
interleaved (A B C D, A B C D, ...); pages/s = ``response_received_count /
elapsed_time_seconds`` from each run's Scrapy stats; CPU ms/page = the scrapy process's user +
system CPU time (``wait4``) per page, less sensitive to the other load on the machine.
Reported: medians per setup and the median of the per-round ratios (each ratio compares runs
made minutes apart).

Run: ``python bench/crawl.py [--articles 5000] [--rounds 2]``; ``--quick`` for a smoke run.
A/B of a setting, interleaved in one run:
``--setups newscrawler,newscrawler+CONCURRENT_ITEMS=100`` (a setup name followed by one or more
``+NAME=VALUE`` is that setup with those settings added); ``--set NAME=VALUE`` adds a setting
to every setup. Before/after a change, in one run: ``--base DIR`` adds the setup
``newscrawler@base``, the crawler of another checkout (``git worktree add DIR <commit>``) run
the same way with this environment's packages.
"""

from __future__ import annotations

import shutil
import socket
import sys
import time
from pathlib import Path

from _common import (
    BENCH,
    FAST_SETTINGS,
    ROOT,
    Portal,
    arg_parser,
    machine,
    median,
    pages_per_second,
    run_scrapy,
    settings_args,
    table,
    workdir,
)

SETUPS = ("newscrawler", "crawlspider+trafilatura", "minimal", "scrapy bench")
BASELINE_FILES = {
    "crawlspider+trafilatura": BENCH / "spiders" / "crawlspider_trafilatura.py",
    "minimal": BENCH / "spiders" / "minimal.py",
}
SCRAPY_BENCH_PORT = 8998  # fixed in scrapy.utils.benchserver


def run_newscrawler(url: str, work: Path, timeout: float, extra: dict[str, str],
                    root: Path = ROOT) -> dict:
    args = ["crawl", "portal", "-a", f"start_url={url}",
            "-s", f"STATE_URI={work / 'state.sqlite'}", "-s", f"FEED_DIR={work / 'feeds'}",
            *settings_args({**FAST_SETTINGS, **extra})]
    stats, _, _ = run_scrapy(args, root, timeout)  # python -m scrapy imports root's package
    return stats


def run_baseline(name: str, url: str, work: Path, timeout: float, extra: dict[str, str]) -> dict:
    args = ["runspider", str(BASELINE_FILES[name]), "-a", f"start_url={url}",
            "-O", str(work / "items.jsonl"), *settings_args({**FAST_SETTINGS, **extra})]
    stats, _, _ = run_scrapy(args, work, timeout)  # cwd outside the project: Scrapy defaults
    return stats


def port_free(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def run_scrapy_bench(work: Path, seconds: float, timeout: float, extra: dict[str, str]) -> dict:
    for _ in range(60):  # someone else's `scrapy bench` may hold its fixed port for a while
        if port_free(SCRAPY_BENCH_PORT):
            break
        time.sleep(1)
    else:
        raise RuntimeError(f"port {SCRAPY_BENCH_PORT} (scrapy bench's server) stays busy")
    settings = {**FAST_SETTINGS, **extra, "CLOSESPIDER_TIMEOUT": str(seconds)}
    settings.pop("ROBOTSTXT_OBEY")  # as `scrapy bench` runs: its server has no robots.txt
    stats, _, _ = run_scrapy(["bench", *settings_args(settings)], work, timeout)
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = arg_parser(__doc__)
    parser.add_argument("--articles", type=int, default=5000, help="portal size (default 5000)")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds (default 2)")
    parser.add_argument("--bench-seconds", type=float, default=10,
                        help="duration of each scrapy bench run (default 10, its own)")
    parser.add_argument("--timeout", type=float, default=1800, help="per-run timeout, seconds")
    parser.add_argument("--setups", default=",".join(SETUPS),
                        help=f"comma-separated setups to run, each optionally followed by"
                             f" +NAME=VALUE settings (default: all of {', '.join(SETUPS)})")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="an extra Scrapy setting for every setup (repeatable)")
    parser.add_argument("--base", type=Path, metavar="DIR",
                        help="another checkout of newscrawler, run as setup newscrawler@base")
    parser.add_argument("--redis-workers", metavar="N,N,...",
                        help="instead: Redis mode with these worker counts (e.g. 1,2,4), one"
                             " run each on a portal of --articles (bench/scaleout.py)")
    parser.add_argument("--quick", action="store_true",
                        help="smoke mode: 150 articles, 1 round, 2 s scrapy bench")
    args = parser.parse_args(argv)
    if args.redis_workers:  # one home for the scale-out measurement: scaleout.py
        import scaleout

        return scaleout.main(["--workers", args.redis_workers, "--articles",
                              str(args.articles), "--timeout", str(args.timeout),
                              *(["--quick"] if args.quick else [])])
    if args.quick:
        args.articles, args.rounds, args.bench_seconds = 150, 1, 2
    setups = [name.strip() for name in args.setups.split(",") if name.strip()]
    specs = {name: _setup_spec(parser, name) for name in setups}  # name -> (kind, settings)
    if args.base is not None:
        if not (args.base / "newscrawler" / "__init__.py").exists():
            parser.error(f"--base {args.base}: no newscrawler checkout there")
        setups.insert(1, "newscrawler@base")
        specs["newscrawler@base"] = ("newscrawler@base", {})
    if "newscrawler" not in setups:
        parser.error("--setups needs newscrawler (the ratios are against it)")
    extra = dict(_setting(parser, item) for item in args.set)
    print(f"crawl throughput: portal of {args.articles} articles, {args.rounds} interleaved "
          f"round(s); {machine()}" + (f"; extra settings {extra}" if extra else ""), flush=True)

    runs: list[dict] = []
    for round_no in range(1, args.rounds + 1):
        for setup in setups:
            work = workdir("crawl")
            server_cpu = float("nan")
            kind, settings = specs[setup][0], {**extra, **specs[setup][1]}
            if kind == "scrapy bench":
                stats = run_scrapy_bench(work, args.bench_seconds, args.timeout, settings)
            else:
                with Portal(args.articles) as portal:
                    cpu_before = portal.cpu_seconds()  # the portal's own start-up
                    if kind == "newscrawler":
                        stats = run_newscrawler(portal.url, work, args.timeout, settings)
                    elif kind == "newscrawler@base":
                        stats = run_newscrawler(portal.url, work, args.timeout, settings,
                                                root=args.base.resolve())
                    else:
                        stats = run_baseline(kind, portal.url, work, args.timeout, settings)
                    server_cpu = portal.cpu_seconds() - cpu_before
            shutil.rmtree(work, ignore_errors=True)
            run = {
                "round": round_no, "setup": setup,
                "pages": int(stats.get("response_received_count", 0)),
                "items": int(stats.get("item_scraped_count", 0)),
                "seconds": stats.get("elapsed_time_seconds", 0.0),
                "pps": pages_per_second(stats),
                "rss": stats.get("memusage/max", 0) / 2**20,
                "cpu_ms": 1000 * stats["cpu_seconds"] / max(stats["response_received_count"], 1),
                "server_ms": 1000 * server_cpu / max(stats["response_received_count"], 1),
            }
            runs.append(run)
            print(f"  round {round_no} {setup:<24} {run['pages']:>6} pages "
                  f"{run['seconds']:>7.1f} s {run['pps']:>7.1f} pages/s", flush=True)

    print()
    print(table(["round", "setup", "pages", "items", "seconds", "pages/s", "CPU ms/page",
                 "portal CPU ms/page", "peak RSS MB"],
                [[r["round"], r["setup"], r["pages"], r["items"], r["seconds"], r["pps"],
                  r["cpu_ms"], "-" if r["server_ms"] != r["server_ms"] else r["server_ms"],
                  r["rss"]] for r in runs]))

    def pps(setup: str, round_no: int | None = None) -> list[float]:
        return [r["pps"] for r in runs
                if r["setup"] == setup and round_no in (None, r["round"])]

    def cpu(setup: str) -> float:
        return median([r["cpu_ms"] for r in runs if r["setup"] == setup])

    ours = median(pps("newscrawler"))
    print()
    rows = []
    for setup in setups:
        per_round = [pps("newscrawler", n)[0] / pps(setup, n)[0]
                     for n in range(1, args.rounds + 1)]
        rows.append([setup, median(pps(setup)), f"x{ours / median(pps(setup)):.2f}",
                     f"x{median(per_round):.2f}", " ".join(f"{v:.2f}" for v in per_round),
                     cpu(setup), f"x{cpu(setup) / cpu('newscrawler'):.2f}"])
    print(table(["setup", "median pages/s", "newscrawler / setup (medians)",
                 "median of per-round ratios", "per-round ratios", "median CPU ms/page",
                 "setup CPU / newscrawler CPU"], rows))
    print("(CPU ms/page: user+system time of the scrapy process per page received; for scrapy"
          " bench it includes its own server process, which it starts and reaps)")
    print()
    targets = [("scrapy bench", 1.2), ("crawlspider+trafilatura", 4.0)]
    for setup, want in [(name, want) for name, want in targets if name in setups]:
        got = median([pps("newscrawler", n)[0] / pps(setup, n)[0]
                      for n in range(1, args.rounds + 1)])
        verdict = "met" if got >= want else "NOT met"
        print(f"target newscrawler >= {want}x {setup}: x{got:.2f} -> {verdict}")
    return 0


def _setup_spec(parser, name: str) -> tuple[str, dict[str, str]]:
    """``minimal+CONCURRENT_ITEMS=100`` -> ("minimal", {"CONCURRENT_ITEMS": "100"})."""
    for kind in sorted(SETUPS, key=len, reverse=True):  # "crawlspider+trafilatura" has a "+"
        if name == kind:
            return kind, {}
        if name.startswith(kind + "+"):
            return kind, dict(_setting(parser, item) for item in name[len(kind) + 1:].split("+"))
    parser.error(f"--setups: unknown setup {name!r} (known: {', '.join(SETUPS)})")


def _setting(parser, item: str) -> tuple[str, str]:
    name, sep, value = item.partition("=")
    if not sep or not name.strip():
        parser.error(f"--set wants NAME=VALUE, got {item!r}")
    return name.strip(), value


if __name__ == "__main__":
    sys.exit(main())
