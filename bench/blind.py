"""Date, author and title on blind batches: pages from sites nobody here read while writing rules.

``bench/extraction.py`` measures on the zh-xmu held-out sites, but those pages have been seen
(BENCHMARKS.md says how). The blind batches are pages taken from public repositories by a helper
who never ran or read the extractor, labelled from the page's visible text before anything was
measured on them (convention in ``bench/blind_labels.json``). Each batch is measured once blind,
at the commit its ``measured_blind_at`` names; after that it is development data, and only a new
batch tells how the extractor does on unseen sites.

The pages themselves are not in the repository (nothing fetched from elsewhere is committed):
each label names its origin, ``owner/repo:path@commit``. ``--fetch-commands`` prints the ``git``
commands that put them under ``--pages`` (default ``../blind-pages``, beside the project) as
``<batch>/<path>``; a page a repository keeps inside another file (string literals in Java code,
a notebook's output, a JSON dump) is cut out of it by ``bench/blind_cut.py``, with the recipe its
label's ``container`` names. Metrics are
``bench/extraction.py``'s: date right at the printed precision (a date on a page that prints
none is wrong), author over the pages naming someone plus authors returned where nobody is
credited, title equal after NFKC without spaces and punctuation.
Dates are compared as wall-clock time in the page's zone (a label's ``tz``, else Beijing time):
a page abroad printing Paris time is right in any offset that names the same instant.

Run: ``python bench/blind.py [--pages DIR] [--batch N] [--tools a,b] [--per-page]``
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction import (  # noqa: E402
    TOOLS,
    author_names,
    date_right,
    normalise_tool_date,
    title_key,
)

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "bench" / "blind_labels.json"
DEFAULT_PAGES = ROOT.parent / "blind-pages"


def load(batches: list[str] | None) -> dict[str, dict]:
    data = json.loads(LABELS.read_text(encoding="utf-8"))["batches"]
    return {name: batch for name, batch in data.items() if not batches or name in batches}


def fetch_commands(batches: dict[str, dict], pages: Path) -> list[str]:
    """Shell commands that fetch every page of ``batches`` byte for byte."""
    commands = []
    for name, batch in batches.items():
        for label in batch["pages"]:
            repo, rest = label["origin"].split(":", 1)
            path, commit = rest.rsplit("@", 1)
            clone = f"/tmp/blind-src/{repo.replace('/', '+')}"
            target = pages / name / label["path"]
            cut = ""
            if "container" in label:  # the page is kept inside another file
                recipe = json.dumps(label["container"], ensure_ascii=False)
                cut = f" | python bench/blind_cut.py {shlex.quote(recipe)}"
            commands.append(
                f"[ -d {clone} ] || git clone -q --no-checkout https://github.com/{repo} {clone}; "
                f"mkdir -p {target.parent} && git -C {clone} show '{commit}:{path}'{cut} > {target}"
            )
    return commands


def score(func, batch: dict, root: Path) -> tuple[dict, list[str]]:
    """Counts for one tool on one batch, and one line per page."""
    counts = {"pages": 0, "missing": 0, "date": 0, "author": 0, "named": 0, "invented": 0,
              "title": 0}
    lines = []
    for label in batch["pages"]:
        path = root / label["path"]
        if not path.is_file():
            counts["missing"] += 1
            continue
        counts["pages"] += 1
        out = func(path.read_bytes(), label["url"])
        date = normalise_tool_date(out.get("date"), out.get("precision"),
                                   label.get("tz", "Asia/Shanghai"))
        date_ok = date_right(date, label["published"])
        got, want = author_names(out.get("author")), author_names(label["author"])
        title_ok = title_key(out.get("title")) == title_key(label["title"])
        counts["date"] += date_ok
        counts["title"] += title_ok
        if want:
            counts["named"] += 1
            counts["author"] += got == want
        elif got:
            counts["invented"] += 1
        marks = "".join(mark.upper() if ok else mark
                        for mark, ok in (("d", date_ok), ("a", got == want), ("t", title_ok)))
        lines.append(f"  {marks} {label['path']:32} date {date} (label {label['published']}) | "
                     f"author {'、'.join(got) or None} (label {label['author']})")
    return counts, lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES,
                        help="where the fetched pages are, as <batch>/<path>")
    parser.add_argument("--batch", action="append", help="batch to measure (default: all)")
    parser.add_argument("--tools", default="newscrawler",
                        help=f"comma-separated, from: {', '.join(TOOLS)}")
    parser.add_argument("--per-page", action="store_true", help="print every page's result")
    parser.add_argument("--fetch-commands", action="store_true",
                        help="print the git commands that fetch the pages, and stop")
    args = parser.parse_args()
    batches = load(args.batch)
    if args.fetch_commands:
        print("\n".join(fetch_commands(batches, args.pages)))
        return 0
    print(f"{'tool':14} {'batch':>5} {'pages':>5} {'date':>7} {'author':>7} {'invented':>8} "
          f"{'title':>7}  blind at")
    for tool in args.tools.split(","):
        for name, batch in batches.items():
            counts, lines = score(TOOLS[tool], batch, args.pages / name)
            pages = counts["pages"]
            if counts["missing"]:
                print(f"{tool:14} {name:>5} {counts['missing']} pages missing under "
                      f"{args.pages / name} (--fetch-commands)")
            if not pages:
                continue
            print(f"{tool:14} {name:>5} {pages:>5} {counts['date']:>3}/{pages:<3} "
                  f"{counts['author']:>3}/{counts['named']:<3} {counts['invented']:>8} "
                  f"{counts['title']:>3}/{pages:<3}  {batch.get('measured_blind_at', '-')}")
            if args.per_page:
                print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
