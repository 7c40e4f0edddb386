"""``scrapy schedule``: run a crawl on a cron schedule, for hosts without cron (containers).

``scrapy schedule portal --cron "*/10 * * * *" -a start_url=http://… -s STATE_URI=…``

Each due time starts ``scrapy crawl`` as a child process with the same ``-a``/``-s``/``-o``
options (a Twisted reactor cannot be restarted, and a crash stays contained), waits for it
and logs its exit code. A run that overlaps later due times is not stacked: the missed
times are counted and logged, and the next run starts at the next due time after it ends
(the run lock would refuse a second concurrent run anyway). ``--max-runs N`` stops after N
runs (for tests and one-off backfills). Exit code: that of the last run.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from datetime import datetime

from croniter import croniter
from scrapy.commands import BaseRunSpiderCommand
from scrapy.exceptions import UsageError
from scrapy.utils.log import configure_logging

logger = logging.getLogger(__name__)


def child_command(spider: str, opts) -> list[str]:
    """The ``scrapy crawl`` command line that one scheduled run executes."""
    command = [sys.executable, "-m", "scrapy", "crawl", spider]
    for name, value in opts.spargs.items():
        command += ["-a", f"{name}={value}"]
    for pair in opts.set:
        command += ["-s", pair]
    for target in opts.output or []:
        command += ["-o", target]
    for target in opts.overwrite_output or []:
        command += ["-O", target]
    return command


class Command(BaseRunSpiderCommand):
    requires_project = True
    requires_crawler_process = False

    def syntax(self) -> str:
        return "[options] <spider> --cron EXPRESSION"

    def short_desc(self) -> str:
        return "Run a spider on a cron schedule (for hosts without cron)"

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument("--cron", metavar="EXPR", required=True,
                            help='cron expression, e.g. "*/10 * * * *" (6th field: seconds)')
        parser.add_argument("--max-runs", type=int, default=0,
                            help="stop after this many runs (default: run forever)")

    def run(self, args: list[str], opts) -> None:
        if len(args) != 1:
            raise UsageError("give exactly one spider name, e.g. scrapy schedule portal --cron …")
        if not croniter.is_valid(opts.cron):
            raise UsageError(f"--cron {opts.cron!r} is not a valid cron expression")
        configure_logging(self.settings)
        command = child_command(args[0], opts)
        schedule = croniter(opts.cron, datetime.now().astimezone())
        runs = 0
        while not opts.max_runs or runs < opts.max_runs:
            due = schedule.get_next(datetime)
            time.sleep(max(0.0, (due - datetime.now().astimezone()).total_seconds()))
            runs += 1
            logger.info("Scheduled run %d (due %s): %s", runs, due.isoformat(), " ".join(command))
            started = time.monotonic()
            self.exitcode = subprocess.call(command)
            logger.info("Run %d ended with exit code %d after %.1f s", runs, self.exitcode,
                        time.monotonic() - started)
            missed = 0
            now = datetime.now().astimezone()
            while schedule.get_next(datetime) <= now:
                missed += 1
            schedule.get_prev(datetime)  # step back: the next get_next() is the first future time
            if missed:
                logger.warning("Run %d overran %d scheduled time(s); they were skipped", runs,
                               missed)
