"""``scrapy runs``: the last runs, from the run reports in ``FEED_DIR``.

``scrapy runs [-n 20] [--html FILE] [-s FEED_DIR=…]`` prints one line per run (start time,
mode, healthy, articles, requests, errors, duration), oldest first; ``--html FILE`` also
writes one self-contained page with plots of the same runs (`newscrawler.plots`): what an
operator opens when a portal changed its template. Reads files only: no crawl, no network.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from scrapy.commands import ScrapyCommand

from newscrawler.history import load_runs, table
from newscrawler.plots import page


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_LEVEL": "WARNING"}

    def syntax(self) -> str:
        return "[options]"

    def short_desc(self) -> str:
        return "Show the last runs from the run reports in FEED_DIR (--html: a page of plots)"

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument("-n", "--last", type=int, default=20, metavar="N",
                            help="show the last N runs (default 20; 0: all)")
        parser.add_argument("--html", metavar="FILE",
                            help="also write a self-contained HTML page with plots to FILE")

    def run(self, args: list[str], opts) -> None:
        assert self.settings is not None
        folder = Path(self.settings.get("FEED_DIR")).expanduser()
        runs = load_runs(folder, opts.last or None)
        if runs:
            sys.stdout.write(table(runs))
        else:
            sys.stderr.write(f"newscrawler: no run reports in {folder}\n")
        if opts.html:
            target = Path(opts.html)
            tmp = target.with_name(target.name + ".tmp")
            tmp.write_text(page(runs, f"newscrawler: runs in {folder}"), "utf-8")
            os.replace(tmp, target)
            sys.stderr.write(f"newscrawler: wrote {target} ({len(runs)} run(s))\n")
