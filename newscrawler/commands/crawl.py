"""``scrapy crawl`` with exit codes a cron job can act on.

Scrapy's own ``crawl`` exits 0 whatever happened once the spider started, and 2 (its usage
error) for a bad argument. This subclass keeps its behaviour and options, checks everything
before the crawl starts (`newscrawler.config`) and chooses the exit code:

- 0 (`EXIT_HEALTHY`): the run was healthy;
- 1 (`EXIT_USAGE`): the crawl could not start: a bad or unknown argument, a setting of the
  wrong type or out of range, an unknown profile, a state that cannot be opened or is damaged,
  no spider name. One line on stderr says what and what is expected; no traceback unless
  ``-s LOG_LEVEL=DEBUG``;
- 2 (`EXIT_UNHEALTHY`): the run finished but was unhealthy (``crawler.run_health``,
  `newscrawler.extensions.health`);
- 75 (`EXIT_LOCKED`, EX_TEMPFAIL): another run with the same state is running; nothing done;
- 130 / 143 (`EXIT_INTERRUPTED`, 128 + the signal number): stopped by SIGINT (Ctrl-C) or
  SIGTERM; what it delivered is in its feed, the next run goes on from there.
"""

from __future__ import annotations

import logging
import signal
import sys
import traceback

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError

from newscrawler.config import ConfigError, check_arguments, check_settings, check_state
from newscrawler.state import StateLocked

EXIT_HEALTHY = 0
EXIT_USAGE = 1
EXIT_UNHEALTHY = 2
EXIT_LOCKED = 75
EXIT_INTERRUPTED = {signal.SIGINT: 130, signal.SIGTERM: 143}

PORTAL_SPIDER = "portal"


def exit_code(crawler, reasons: list[str]) -> int:
    """The exit code of a run that ran: interrupted (130/143), unhealthy (2) or healthy (0).

    One rule for the command and for the exit code the metrics report
    (`newscrawler.extensions.metrics`). ``reasons``: the health verdict (empty: healthy).
    """
    health = getattr(crawler, "run_health", None)
    if health is not None and health.interrupted:
        signum = getattr(crawler, "stop_signal", None) or signal.SIGINT
        return EXIT_INTERRUPTED.get(signum, 128 + int(signum))
    return EXIT_UNHEALTHY if reasons else EXIT_HEALTHY


def refuse(exc: BaseException, settings) -> int:
    """Print the one line of a usage error (and its traceback at DEBUG); the exit code."""
    if str(settings.get("LOG_LEVEL", "")).upper() == "DEBUG":
        traceback.print_exception(exc)
    sys.stderr.write(f"newscrawler: {exc}\n")
    return EXIT_USAGE


def check_start(spider: str, spider_names: list[str], arguments: dict, settings) -> None:
    """Everything `newscrawler.config` can check before a run of ``spider`` starts."""
    if spider not in spider_names:
        raise ConfigError(f"no spider named {spider!r}: this project has {', '.join(spider_names)}")
    check_settings(settings)
    if spider == PORTAL_SPIDER:
        check_arguments(arguments, settings)
    check_state(settings)


class _QuietStartErrors(logging.Filter):
    """Drop the traceback Scrapy/asyncio log for a start-up refusal we report in one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, StateLocked | ConfigError)


class Command(ScrapyCrawlCommand):
    def syntax(self) -> str:
        return "[options] portal -a start_url=URL | portal -a demo=1"

    def short_desc(self) -> str:
        return "Run a spider (exit 1 usage, 2 unhealthy, 75 already running, 130/143 stopped)"

    def process_options(self, args: list[str], opts) -> None:
        try:
            super().process_options(args, opts)
        except UsageError as exc:  # e.g. -a without '=': Scrapy would exit 2, "unhealthy"
            sys.exit(refuse(exc, self.settings))

    def run(self, args: list[str], opts) -> None:
        assert self.crawler_process
        try:
            if len(args) != 1:
                raise ConfigError("give exactly one spider name, e.g. scrapy crawl portal"
                                  " -a start_url=http://news.example.com/")
            names = sorted(self.crawler_process.spider_loader.list())
            check_start(args[0], names, opts.spargs, self.settings)
        except ConfigError as exc:
            self.exitcode = refuse(exc, self.settings)
            return
        if str(self.settings.get("LOG_LEVEL")).upper() != "DEBUG":
            # a failed start is logged by asyncio ("Task exception was never retrieved") or
            # Twisted; the crawler replaces the root handler, so filter at those loggers
            for name in ("asyncio", "twisted"):
                logging.getLogger(name).addFilter(_QuietStartErrors())
        crawler = self._create_crawler(args[0])
        self._record_stop_signal(crawler)
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        self.exitcode = self._exit_code(crawler)

    def _record_stop_signal(self, crawler) -> None:
        """Remember which signal stopped the crawl (SIGINT 130, SIGTERM 143).

        Scrapy installs its shutdown handler when the reactor (or loop) starts, from these
        attributes of the process; the wrapper only notes the signal, then lets Scrapy stop
        gracefully as always (a second signal still stops it at once).
        """
        process = self.crawler_process
        for name in ("_signal_shutdown", "_signal_shutdown_reactorless"):
            original = getattr(process, name, None)
            if original is None:
                continue

            def noting(signum, frame, _original=original):
                if getattr(crawler, "stop_signal", None) is None:
                    crawler.stop_signal = signum
                _original(signum, frame)

            setattr(process, name, noting)

    def _exit_code(self, crawler) -> int:
        lock_failure = getattr(crawler, "lock_failure", None)
        if lock_failure:
            sys.stderr.write(f"newscrawler: not started: {lock_failure}\n")
            return EXIT_LOCKED
        if self.crawler_process.bootstrap_failed:
            return EXIT_USAGE
        health = getattr(crawler, "run_health", None)
        reasons = health.verdict() if health is not None else []  # RunHealth off: no verdict
        code = exit_code(crawler, reasons)
        if code != EXIT_HEALTHY:
            how = "interrupted" if code != EXIT_UNHEALTHY else "unhealthy"
            sys.stderr.write(f"newscrawler: {how} run: " + "; ".join(reasons) + "\n")
        return code
