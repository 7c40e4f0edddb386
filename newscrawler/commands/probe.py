"""``scrapy probe <home url>``: what the crawler would make of a portal, in a few seconds.

Fetches a handful of pages with the project's settings (robots.txt, User-Agent, AutoThrottle,
same-site guard) but no feed, state or pipelines, and prints the CMS family, the sections, how
list pages paginate, the article URL shapes learned (an example each) and one extracted record
(``newscrawler.discovery.probe``). Exit code 0 when the home page was read, 1 otherwise (a bad
URL, an unreachable portal), with one line on stderr saying why.

``-a profile=NAME|PATH`` probes with a profile, to check the patterns it pins.
"""

from __future__ import annotations

import sys

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from newscrawler.discovery.probe import Findings, ProbeSpider, report
from newscrawler.spiders.portal import validate_start_url

# No feed, no state, no pipelines, no scale-out; only warnings on the console.
PROBE_SETTINGS = {
    "ITEM_PIPELINES": {},
    "EXTENSIONS": {"newscrawler.ledger.ArticleLedger": None,
                   "newscrawler.extensions.report.RunReport": None},
    "FEEDS": {},
    "ADDONS": {},
    "LOG_LEVEL": "CRITICAL",  # the report and one line of error; -s LOG_LEVEL=INFO for more
    "CLOSESPIDER_TIMEOUT": 60,
}
PROBE_PRIORITY = 35  # above the project's settings, below -s on the command line


class Command(ScrapyCommand):
    requires_project = True

    def syntax(self) -> str:
        return "[options] <home url>"

    def short_desc(self) -> str:
        return "Fetch a few pages of a portal and print what the crawler finds"

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument("-a", dest="spargs", action="append", default=[], metavar="NAME=VALUE",
                            help="probe argument: profile=NAME|PATH")

    def process_options(self, args: list[str], opts) -> None:
        super().process_options(args, opts)
        for name, value in PROBE_SETTINGS.items():
            self.settings.set(name, value, priority=PROBE_PRIORITY)

    def run(self, args: list[str], opts) -> None:
        if len(args) != 1:
            raise UsageError("give exactly one home page URL, e.g. scrapy probe http://news.example.com/")
        try:
            home = validate_start_url(args[0])
            spargs = dict(arg.split("=", 1) for arg in opts.spargs if "=" in arg)
            unknown = sorted(set(spargs) - {"profile"})
            if unknown:
                raise UsageError(f"unknown probe argument(s) {unknown}; allowed: profile")
        except UsageError as exc:
            sys.stderr.write(f"newscrawler probe: {exc}\n")
            self.exitcode = 1
            return
        findings = Findings(home)
        process = self.crawler_process
        assert process is not None
        try:
            process.crawl(ProbeSpider, start_url=home, findings=findings,
                          profile=spargs.get("profile"))
        except ValueError as exc:  # a bad profile
            sys.stderr.write(f"newscrawler probe: {exc}\n")
            self.exitcode = 1
            return
        process.start()
        if not findings.home_fetched:
            reason = findings.error or "no answer"
            sys.stderr.write(f"newscrawler probe: could not read the home page {home} ({reason})\n")
            self.exitcode = 1
            return
        print(report(findings))
