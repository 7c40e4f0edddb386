"""Incremental cost: requests and seconds of a cron run when nothing changed / 10 were published.

What: for sample portals of 1,000 and 10,000 articles, a first (full) run fills the state;
then each scheduled run is measured: nothing changed, then ``site.publish(10)``. The promise
is that a cron run costs what changed, not what the portal holds: the no-change run of the
10,000-article portal must cost no more requests than the 1,000-article one.

How: the portal is served in this process (``PortalServer``), so articles are published
between runs exactly as a DedeCms "update HTML" does, and every request it receives is
counted from its request log (cross-checked with the run report's ``requests``). Each run is
a real ``scrapy crawl portal`` process with the same state and feed folder, politeness lifted.
The portal's clock is the real time, so the newest articles fall inside
``LEDGER_RECHECK_WINDOW_HOURS`` (default 24 h) and are re-fetched to catch edits, as in production;
each one at most once per ``LEDGER_RECHECK_INTERVAL_MINUTES`` (default 120), so the runs that
follow the first one find no re-check due ("defaults"). The same runs are repeated with every
recent article re-checked on every run (interval 0, the cost of a run when re-checks are due)
and with no re-checks at all (window 0). Seconds: the run's own duration (report) and the
process wall time (with start-up).

Two costs the article ledger removes are measured in the same run:

- **copies**: ``--copies`` reposts (half near-duplicates, half exact copies) are published,
  one run drops them, and the no-change runs that follow must fetch zero article pages: the
  ledger remembers what it dropped and why;
- **re-checks**: the no-change "re-check due every run" run is repeated at once, on the same
  state and articles, with ``LEDGER_RECHECK_CONDITIONAL=False``; the ratio of response bytes and run
  seconds shows what the conditional requests (an unchanged page answers 304, nothing is
  parsed) save against fetching every re-checked page whole.

Run: ``python bench/incremental.py [--sizes 1000 10000]``; ``--quick`` for a smoke run.
"""

from __future__ import annotations

import json
import shutil
import sys
from datetime import datetime
from pathlib import Path

from _common import (
    FAST_SETTINGS,
    ROOT,
    arg_parser,
    machine,
    run_scrapy,
    settings_args,
    table,
    workdir,
)

from newscrawler.portal import CST, PortalServer, build_site

# Settings of the measured cron runs: the defaults, re-checks due on every run, no re-checks.
CONFIGS = {
    "defaults": {},
    "recheck due every run": {"LEDGER_RECHECK_INTERVAL_MINUTES": "0"},
    "no recheck": {"LEDGER_RECHECK_WINDOW_HOURS": "0"},
}
# Measured right after "no change, recheck due every run", on the same state: the same
# articles re-checked by fetching whole pages instead of conditional requests.
WHOLE_PAGES = {"LEDGER_RECHECK_INTERVAL_MINUTES": "0", "LEDGER_RECHECK_CONDITIONAL": "False"}


def crawl(url: str, work: Path, server: PortalServer, extra: dict[str, str], timeout: float):
    """One cron run; returns its measurements."""
    server.reset_log()
    before = set((work / "feeds").glob("*.report.json"))
    settings = {**FAST_SETTINGS, **extra}
    args = ["crawl", "portal", "-a", f"start_url={url}", "-s", f"STATE_URI={work / 'state.sqlite'}",
            "-s", f"FEED_DIR={work / 'feeds'}", *settings_args(settings)]
    stats, wall, _ = run_scrapy(args, ROOT, timeout)
    new = sorted(set((work / "feeds").glob("*.report.json")) - before)
    report = json.loads(new[-1].read_text("utf-8")) if new else {}
    log = server.requests()
    return {
        "requests": len(log),
        "report_requests": report.get("requests"),
        "articles": sum(1 for p in log if p.endswith(".html") and "/20" in p),
        "lists": sum(1 for p in log if "/list_" in p or p.endswith("/")),
        "rechecked": int(stats.get("crawl/start/recheck", 0)),
        "not_modified": int(stats.get("crawl/pages/not_modified", 0)),
        "bytes": int(stats.get("downloader/response_bytes", 0)),
        "delivered": report.get("articles_delivered", 0),
        "seconds": report.get("duration_seconds") or stats.get("elapsed_time_seconds", 0.0),
        "wall": wall,
        "mode": report.get("mode"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = arg_parser(__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000],
                        help="portal sizes in articles (default 1000 10000)")
    parser.add_argument("--publish", type=int, default=10, help="articles published (default 10)")
    parser.add_argument("--copies", type=int, default=10,
                        help="reposted copies published after the first run (default 10)")
    parser.add_argument("--timeout", type=float, default=1800, help="per-run timeout, seconds")
    parser.add_argument("--quick", action="store_true", help="smoke mode: one portal of 100")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes = [100]
    print(f"incremental cost: portals of {', '.join(map(str, args.sizes))} articles, "
          f"{args.publish} published; {machine()}", flush=True)

    rows, no_change, runs = [], {}, {}
    for size in args.sizes:
        site = build_site(articles=size, now=datetime.now(CST).replace(microsecond=0))
        work = workdir(f"incr{size}")
        with PortalServer(site) as server:
            url = server.url + "/"
            steps = [("first run (full)", None, {}),
                     (f"{args.copies} copies published", "copies", {}),
                     ("no change, copies known", None, {})]
            for name, extra in CONFIGS.items():
                steps.append((f"no change, {name}", None, extra))
                if extra == CONFIGS["recheck due every run"]:
                    steps.append(("no change, recheck due every run, whole pages", None,
                                  WHOLE_PAGES))
                steps.append((f"{args.publish} published, {name}", args.publish, extra))
            for label, publish, extra in steps:
                if publish == "copies":
                    aids = sorted(site.articles)[1 : 1 + args.copies]
                    for n, aid in enumerate(aids):
                        site.repost(aid, exact=n % 2 == 1)
                elif publish:
                    site.publish(publish)
                run = crawl(url, work, server, extra, args.timeout)
                runs[(size, label)] = run
                if label.startswith("no change"):
                    no_change[(size, label)] = run["requests"]
                rows.append([size, label, run["mode"], run["requests"], run["report_requests"],
                             run["lists"], run["articles"], run["rechecked"],
                             run["not_modified"], run["bytes"], run["delivered"],
                             run["seconds"], run["wall"]])
                print(f"  {size:>6} {label:<28} {run['requests']:>6} requests "
                      f"{run['seconds']:>7.2f} s", flush=True)
        shutil.rmtree(work, ignore_errors=True)
    print()
    print(table(["articles", "run", "mode", "requests (server log)", "requests (report)",
                 "list/section pages", "article pages", "rechecked", "304s",
                 "response bytes", "delivered",
                 "run seconds", "wall seconds (with start-up)"], rows))
    print()
    small, big = min(args.sizes), max(args.sizes)
    for name in CONFIGS:
        label = f"no change, {name}"
        a, b = no_change[(small, label)], no_change[(big, label)]
        verdict = "met" if b <= a else "NOT met"
        print(f"target no-change requests, {big} <= {small} articles ({label}): "
              f"{b} vs {a} -> {verdict}")
    for size in args.sizes:
        known = runs[(size, "no change, copies known")]["articles"]
        print(f"target no-change run with {args.copies} copies on a {size}-article portal "
              f"fetches 0 article pages: {known} -> {'met' if known == 0 else 'NOT met'}")
        cond = runs[(size, "no change, recheck due every run")]
        whole = runs[(size, "no change, recheck due every run, whole pages")]
        if whole["bytes"] and whole["seconds"]:
            print(f"re-checks of {cond['rechecked']} articles on a {size}-article portal, "
                  f"conditional vs whole pages: {cond['not_modified']} answered 304; response "
                  f"bytes x{cond['bytes'] / whole['bytes']:.2f}, run seconds "
                  f"x{cond['seconds'] / whole['seconds']:.2f} (lower is cheaper)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
