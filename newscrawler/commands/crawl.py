"""``scrapy crawl`` with exit codes a cron job can act on.

Scrapy's own ``crawl`` exits 0 whatever happened once the spider started. This subclass
keeps its behaviour and options and only chooses the exit code:

- 0: the run was healthy;
- 1: the crawl could not start (bad arguments or settings; Scrapy's own rule);
- 2: the run finished but was unhealthy (see `newscrawler.extensions.health`);
- 75 (EX_TEMPFAIL): another run with the same state is running; nothing was done.
"""

from __future__ import annotations

import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError

from newscrawler.spiders.portal import validate_start_url

EXIT_UNHEALTHY = 2
EXIT_LOCKED = 75


class Command(ScrapyCrawlCommand):
    def short_desc(self) -> str:
        return "Run a spider (exit code 2 if the run was unhealthy, 75 if already running)"

    def run(self, args: list[str], opts) -> None:
        if len(args) != 1:
            raise UsageError("give exactly one spider name, e.g. scrapy crawl portal")
        start_url = opts.spargs.get("start_url")
        if start_url is not None:
            validate_start_url(start_url)
        assert self.crawler_process
        crawler = self._create_crawler(args[0])
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        if getattr(crawler, "lock_failure", None):
            sys.stderr.write(f"newscrawler: not started: {crawler.lock_failure}\n")
            self.exitcode = EXIT_LOCKED
        elif self.crawler_process.bootstrap_failed:
            self.exitcode = 1
        else:
            reasons = crawler.stats.get_value("health/reasons") or []
            if reasons:
                sys.stderr.write("newscrawler: unhealthy run: " + "; ".join(reasons) + "\n")
                self.exitcode = EXIT_UNHEALTHY
