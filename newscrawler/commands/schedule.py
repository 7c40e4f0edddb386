"""``scrapy schedule``: run a crawl on a cron schedule, for hosts without cron (containers).

``scrapy schedule portal --cron "*/10 * * * *" -a start_url=http://… -s STATE_URI=…``

Each due time starts ``scrapy crawl`` as a child process with the same ``-a``/``-s``/``-o``
options (a Twisted reactor cannot be restarted, and a crash stays contained), waits for it
and logs its exit code. A run that overlaps later due times is not stacked: the missed
times are counted and logged, and the next run starts at the next due time after it ends
(the run lock would refuse a second concurrent run anyway). ``--max-runs N`` stops after N
runs (for tests and one-off backfills).

- Everything a run would refuse (the cron expression, ``-a start_url``, settings, the state;
  `newscrawler.config`) is checked before the first run: one line, exit code 1.
- SIGINT (Ctrl-C) or SIGTERM (``docker stop``) stops the schedule after the current run; a
  second one passes the signal on to the run, which stops at once (gracefully: its feed and
  report are written), and the schedule ends with it.
- Exit code: 130/143 when stopped by SIGINT/SIGTERM, else that of the last run.
- Reports of runs that delivered nothing are pruned to the newest ``REPORTS_KEEP_EMPTY``
  (by each run, `newscrawler.extensions.report`), so a schedule every minute does not fill
  the disk.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import time
from datetime import datetime

from croniter import croniter
from scrapy.commands import BaseRunSpiderCommand
from scrapy.exceptions import UsageError
from scrapy.spiderloader import get_spider_loader
from scrapy.utils.log import configure_logging

from newscrawler.commands.crawl import EXIT_INTERRUPTED, check_start, refuse
from newscrawler.config import ConfigError

logger = logging.getLogger(__name__)
POLL_SECONDS = 0.2  # how often a wait between runs looks for a stop request


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


class Stop:
    """SIGINT/SIGTERM: the first asks to stop after the run, the second passes it on."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self.child: subprocess.Popen | None = None
        self.forwarded = False

    def install(self) -> None:
        for signum in EXIT_INTERRUPTED:
            signal.signal(signum, self.handle)

    def handle(self, signum: int, _frame) -> None:  # no logging here: see the run loop
        if self.signum is None:
            self.signum = signum
            return
        if self.child is not None and self.child.poll() is None:
            self.forwarded = True
            try:
                self.child.send_signal(signum)
            except ProcessLookupError:
                pass


class Command(BaseRunSpiderCommand):
    requires_project = True
    requires_crawler_process = False

    def syntax(self) -> str:
        return "[options] <spider> --cron EXPRESSION"

    def short_desc(self) -> str:
        return "Run a spider on a cron schedule (for hosts without cron)"

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument("--cron", metavar="EXPR",  # required, checked in check(): exit 1
                            help='cron expression, e.g. "*/10 * * * *" (6th field: seconds)')
        parser.add_argument("--max-runs", type=int, default=0,
                            help="stop after this many runs (default: run forever)")

    def process_options(self, args: list[str], opts) -> None:
        try:
            super().process_options(args, opts)
        except UsageError as exc:
            sys.exit(refuse(exc, self.settings))

    def check(self, args: list[str], opts) -> None:
        if len(args) != 1:
            raise ConfigError("give exactly one spider name, e.g. scrapy schedule portal --cron …")
        if not opts.cron:
            raise ConfigError('--cron is missing: e.g. --cron "*/10 * * * *"')
        if not croniter.is_valid(opts.cron):
            raise ConfigError(
                f"--cron {opts.cron!r} is not a valid cron expression: expected five fields"
                ' (a sixth for seconds), e.g. --cron "*/10 * * * *"'
            )
        if opts.max_runs < 0:
            raise ConfigError(f"--max-runs {opts.max_runs} is not valid: expected 0 or more")
        names = sorted(get_spider_loader(self.settings).list())
        check_start(args[0], names, opts.spargs, self.settings)

    def run(self, args: list[str], opts) -> None:
        try:
            self.check(args, opts)
        except ConfigError as exc:
            self.exitcode = refuse(exc, self.settings)
            return
        configure_logging(self.settings)
        stop = Stop()
        stop.install()
        command = child_command(args[0], opts)
        schedule = croniter(opts.cron, datetime.now().astimezone())
        runs = 0
        while not opts.max_runs or runs < opts.max_runs:
            due = schedule.get_next(datetime)
            logger.info("Next run due %s", due.isoformat())  # what the schedule waits for
            while stop.signum is None and datetime.now().astimezone() < due:
                wait = (due - datetime.now().astimezone()).total_seconds()
                time.sleep(max(0.0, min(POLL_SECONDS, wait)))
            if stop.signum is not None:
                break
            runs += 1
            logger.info("Scheduled run %d (due %s): %s", runs, due.isoformat(), " ".join(command))
            started = time.monotonic()
            stop.child = subprocess.Popen(command)
            self.exitcode = stop.child.wait()
            stop.child = None
            logger.info("Run %d ended with exit code %d after %.1f s", runs, self.exitcode,
                        time.monotonic() - started)
            if stop.signum is not None:
                break
            missed = 0
            now = datetime.now().astimezone()
            while schedule.get_next(datetime) <= now:
                missed += 1
            schedule.get_prev(datetime)  # step back: the next get_next() is the first future time
            if missed:
                logger.warning("Run %d overran %d scheduled time(s); they were skipped", runs,
                               missed)
        if stop.signum is not None:
            name = signal.Signals(stop.signum).name
            how = "passed on to the run" if stop.forwarded else "after the current run"
            logger.info("Schedule stopped by %s (%s) after %d run(s)", name, how, runs)
            self.exitcode = EXIT_INTERRUPTED[stop.signum]
