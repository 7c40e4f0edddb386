"""Profile a full crawl: where the crawler's CPU time goes, by component.

What: a full crawl of the sample portal (default 5,000 articles, politeness lifted, fresh
state, portal in its own process) sampled by py-spy (``pip install py-spy``), out of process,
100 times a second, active samples only (idle waits in the reactor are not counted). Each
sample is charged to the component of the innermost frame that belongs to one:

dates (our dates.py, dateparser) · extraction (the rest of newscrawler/extract except
listing) · links (listing.py, urls.py: sections, list entries, article pages) · SimHash and
content hash (fingerprints.py) · SQLite state (newscrawler/state, sqlite3) · feed writes
(feeds.py, Scrapy's feed exporter and JSON encoder) · pipelines (clean, validate, dedup
Python code) · spider and extensions (our other Scrapy code) · framework (everything else:
Scrapy, Twisted, parsel, lxml called by Scrapy, the interpreter).

Output: the component table, the top functions by own time, and the raw collapsed stacks
(``--out``, default ``profile.txt``; ``--flamegraph profile.svg`` also writes an SVG in a second
crawl, since py-spy writes one format per run).

Run: ``python bench/profile.py [--articles 5000]``; ``--quick`` for a smoke run.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from _common import (
    FAST_SETTINGS,
    PYTHON,
    ROOT,
    Portal,
    arg_parser,
    clean_env,
    machine,
    settings_args,
    table,
)
from _common import workdir as make_workdir

# (component, pattern on "function (file:line)"), checked innermost frame first.
COMPONENTS = [
    ("dates", r"newscrawler/extract/dates\.py|/dateparser/|/dateutil/|/regex/"),
    ("links (listing, urls)", r"newscrawler/extract/listing\.py|newscrawler/urls\.py"),
    ("extraction", r"newscrawler/extract/"),
    ("SimHash + content hash", r"newscrawler/fingerprints\.py"),
    ("SQLite state", r"newscrawler/state/|/sqlite3/"),
    ("feed writes", r"newscrawler/feeds\.py|scrapy/extensions/feedexport\.py|scrapy/exporters\.py"
                    r"|/json/encoder\.py"),
    ("pipelines (clean, validate, dedup)", r"newscrawler/pipelines/"),
    ("spider, extensions", r"newscrawler/spiders/|newscrawler/extensions/"),
]
_COMPILED = [(name, re.compile(pattern)) for name, pattern in COMPONENTS]
_FRAME = re.compile(r"^(.*) \((.*?)(?::\d+)?\)$")


def component(frames: list[str]) -> str:
    for frame in reversed(frames):  # innermost first
        for name, pattern in _COMPILED:
            if pattern.search(frame):
                return name
    return "framework (Scrapy, Twisted, lxml via Scrapy, interpreter)"


def parse_raw(path: Path) -> list[tuple[list[str], int]]:
    samples = []
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if stack and count.isdigit():
            # skip the process/thread prefix frames py-spy may add
            samples.append(([f for f in stack.split(";") if "(" in f], int(count)))
    return samples


def short(frame: str) -> str:
    match = _FRAME.match(frame)
    if not match:
        return frame
    func, file = match.groups()
    for marker in ("site-packages/", "/work/main/", "lib/python3.11/"):
        if marker in file:
            file = file.split(marker, 1)[1]
    return f"{func} ({file})"


def crawl_under_pyspy(url: str, work: Path, out: Path, fmt: str, rate: int) -> None:
    pyspy = shutil.which("py-spy") or str(Path(PYTHON).parent / "py-spy")
    crawl = [PYTHON, "-m", "scrapy", "crawl", "portal", "-a", f"start_url={url}",
             "-s", f"STATE_URI={work / 'state.sqlite'}", "-s", f"FEED_DIR={work / 'feeds'}",
             *settings_args(FAST_SETTINGS)]
    cmd = [pyspy, "record", "--rate", str(rate), "--format", fmt, "-o", str(out), "--", *crawl]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=clean_env())
    shutil.rmtree(work, ignore_errors=True)
    if proc.returncode not in (0, 2) or not out.exists():
        raise RuntimeError(f"py-spy failed ({proc.returncode}): {proc.stderr[-2000:]}")


def main(argv: list[str] | None = None) -> int:
    parser = arg_parser(__doc__)
    parser.add_argument("--articles", type=int, default=5000, help="portal size (default 5000)")
    parser.add_argument("--rate", type=int, default=100, help="samples per second (default 100)")
    parser.add_argument("--out", type=Path, default=Path("profile.txt"),
                        help="collapsed stacks file (default profile.txt)")
    parser.add_argument("--flamegraph", type=Path, default=None,
                        help="also write an SVG flame graph (a second crawl) to this file")
    parser.add_argument("--top", type=int, default=25, help="functions listed (default 25)")
    parser.add_argument("--quick", action="store_true", help="smoke mode: 150 articles")
    args = parser.parse_args(argv)
    if args.quick:
        args.articles = 150
    print(f"profile: full crawl of a {args.articles}-article portal under py-spy "
          f"({args.rate} Hz); {machine()}", flush=True)
    with Portal(args.articles) as portal:
        crawl_under_pyspy(portal.url, make_workdir("profile"), args.out.resolve(), "raw",
                          args.rate)
    if args.flamegraph:
        with Portal(args.articles) as portal:
            crawl_under_pyspy(portal.url, make_workdir("profile"), args.flamegraph.resolve(),
                              "flamegraph", args.rate)

    samples = parse_raw(args.out)
    total = sum(n for _, n in samples)
    by_component: Counter = Counter()
    own: Counter = Counter()
    inclusive: Counter = Counter()
    for frames, n in samples:
        by_component[component(frames)] += n
        if frames:
            own[short(frames[-1])] += n
        for frame in {short(f) for f in frames if "newscrawler/" in f}:
            inclusive[frame] += n
    print(f"\n{total} active samples ({total / args.rate:.1f} s of CPU in the crawl process)\n")
    print(table(["component", "samples", "% of CPU"],
                [[name, n, f"{100 * n / total:.1f}%"] for name, n in by_component.most_common()]))
    print(f"\ntop {args.top} functions by own time:")
    print(table(["function (file)", "samples", "% own"],
                [[f, n, f"{100 * n / total:.1f}%"] for f, n in own.most_common(args.top)]))
    print(f"\ntop {args.top} newscrawler functions by inclusive time:")
    print(table(["function (file)", "samples", "% inclusive"],
                [[f, n, f"{100 * n / total:.1f}%"]
                 for f, n in inclusive.most_common(args.top)]))
    print(f"\ncollapsed stacks: {args.out}" + (f"; flame graph: {args.flamegraph}"
                                               if args.flamegraph else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
