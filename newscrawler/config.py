"""Start-up validation: every project setting and spider argument, checked in one place.

A cron job that starts with a misspelt argument or a setting of the wrong type must not crawl
the wrong thing or die halfway with a traceback. ``scrapy crawl`` and ``scrapy schedule``
(`newscrawler.commands`) call `check_settings`, `check_arguments` and `check_state` before
anything starts; each raises `ConfigError` with ONE line that names the setting or argument,
the value and what is expected, which the commands print before exiting with code 1.

The rules are data: `SETTINGS` holds a `Spec` (type, range, allowed values) per setting, so a
new setting is checked by adding one line. A project setting with no spec is not checked;
Scrapy's own settings are left to Scrapy. `ARGUMENTS` lists the spider's ``-a`` arguments; an
unknown one is an error (``-a strat_url=…`` must not crawl something else).
"""

from __future__ import annotations

import math
import os
import sqlite3
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError
from scrapy.utils.project import inside_project

from newscrawler.state import sqlite_path

TRUE_WORDS = ("1", "true", "yes")
FALSE_WORDS = ("0", "false", "no")


class ConfigError(UsageError):
    """A bad setting, argument or state: the message is the one line an operator reads."""


@dataclass(frozen=True)
class Spec:
    """What one setting or argument accepts.

    ``kind``: ``int``, ``float``, ``bool``, ``str``, ``list`` (a list or a comma-separated
    string), ``url`` (http(s)), ``redis`` (a redis:// URL), ``profile`` (a bundled profile
    name or a JSON file); ``low``/``high``: inclusive range for numbers; ``choices``: allowed
    values; ``optional``: None (or an empty string) is allowed.
    """

    kind: str
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    optional: bool = False


# Every setting newscrawler adds (newscrawler/settings.py). One line per setting.
SETTINGS: dict[str, Spec] = {
    "FEED_DIR": Spec("str"),
    "STATE_URI": Spec("str"),
    "STATE_NAMESPACE": Spec("str"),
    "PORTAL_PROFILE": Spec("profile", optional=True),
    "SAMPLE_PORTAL_ARTICLES": Spec("int", 1, 100_000),
    "SAMPLE_PORTAL_EDITION": Spec("str", choices=("utf-8", "gbk")),
    "INCREMENTAL_OVERLAP_PAGES": Spec("int", 0),
    "LEDGER_PENDING_MAX_ATTEMPTS": Spec("int", 0),
    "LEDGER_RECHECK_WINDOW_HOURS": Spec("float", 0),
    "LEDGER_RECHECK_INTERVAL_MINUTES": Spec("float", 0),
    "LEDGER_RECHECK_CONDITIONAL": Spec("bool"),
    "LEDGER_NEAR_DUPLICATE_DISTANCE": Spec("int", 0, 64),
    "LEDGER_NEAR_DUPLICATE_RESEMBLANCE": Spec("float", 0, 1),
    "LEDGER_NEAR_DUPLICATE_MIN_CHARS": Spec("int", 0),
    "HEALTH_MAX_ERROR_RATIO": Spec("float", 0, 1),
    "HEALTH_MIN_FIELD_COVERAGE": Spec("float", 0, 1),
    "HEALTH_MIN_ITEMS": Spec("int", 0),
    "HEALTH_MIN_LISTED_RATIO": Spec("float", 0, 1),
    "HEALTH_MAX_OFFSITE_RATIO": Spec("float", 0, 1),
    "REPORTS_KEEP_EMPTY": Spec("int", 0),
    "NEWSCRAWLER_CONTACT": Spec("str"),
    "REDIS_URL": Spec("redis", optional=True),
    "SCALEOUT_HEARTBEAT_SECONDS": Spec("float", 0.01),
    "SCALEOUT_WORKER_TIMEOUT": Spec("float", 0.01),
    "SCALEOUT_POLL_SECONDS": Spec("float", 0.01),
    "SCALEOUT_MAX_WAIT_SECONDS": Spec("float", 0),
    "ROBUST_SAME_HOST_ONLY": Spec("bool"),
    "ROBUST_HTML_CONTENT_TYPES": Spec("list"),
    "ROBUST_RETRY_AFTER_MAX": Spec("float", 0),
    "ROBUST_RETRY_BACKOFF_BASE": Spec("float", 0),
    "ROBUST_RETRY_BACKOFF_MAX": Spec("float", 0),
}

# Settings that were renamed: setting the old name is an error that names the new one (a cron
# line with ``-s RECHECK_WINDOW_HOURS=0`` must not be ignored silently after an upgrade).
RENAMED: dict[str, str] = {
    old: "LEDGER_" + old
    for old in ("PENDING_MAX_ATTEMPTS", "RECHECK_WINDOW_HOURS", "RECHECK_INTERVAL_MINUTES",
                "RECHECK_CONDITIONAL", "NEAR_DUPLICATE_DISTANCE", "NEAR_DUPLICATE_RESEMBLANCE",
                "NEAR_DUPLICATE_MIN_CHARS")
}

# The portal spider's -a arguments (newscrawler/spiders/portal.py).
ARGUMENTS: dict[str, Spec] = {
    "start_url": Spec("url", optional=True),
    "full": Spec("bool", optional=True),
    "profile": Spec("profile", optional=True),
    "demo": Spec("bool", optional=True),
    # scrapyd passes every job its id as -a _job=…; it names the job in logs, nothing more
    "_job": Spec("str", optional=True),
}

DEMO_HINT = (
    "give the portal's home page (-a start_url=http://news.example.com/), or -a demo=1 to"
    " crawl the bundled sample portal"
)


def _expected(spec: Spec) -> str:
    """What a spec accepts, in words."""
    if spec.choices:
        return "one of " + ", ".join(spec.choices)
    words = {
        "int": "a whole number", "float": "a number", "bool": "one of 1/0/true/false/yes/no",
        "str": "a non-empty text", "list": "a comma-separated list",
        "url": "an http(s) URL of a portal home page, e.g. http://news.example.com/",
        "redis": "a redis:// URL, e.g. redis://127.0.0.1:6379/0",
        "profile": "a profile name in newscrawler/profiles/ or a JSON file",
    }[spec.kind]
    if spec.low is not None and spec.high is not None:
        return f"{words} from {spec.low:g} to {spec.high:g}"
    if spec.low is not None:
        return f"{words} of at least {spec.low:g}"
    return words


def check_value(value: Any, spec: Spec) -> Any:
    """``value`` parsed as ``spec`` says; ValueError (no message needed) when it does not fit."""
    if value is None or (spec.optional and isinstance(value, str) and not value.strip()):
        if spec.optional:
            return None
        raise ValueError
    if spec.kind in ("int", "float"):
        if isinstance(value, bool):
            raise ValueError
        number = int(value) if spec.kind == "int" else float(value)
        if not math.isfinite(number):
            raise ValueError
        if (spec.low is not None and number < spec.low) or (
            spec.high is not None and number > spec.high
        ):
            raise ValueError
        return number
    if spec.kind == "bool":
        if isinstance(value, bool):
            return value
        word = str(value).strip().lower()
        if word not in TRUE_WORDS + FALSE_WORDS:
            raise ValueError
        return word in TRUE_WORDS
    if spec.kind == "list":
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        if not isinstance(value, list | tuple):
            raise ValueError
        return list(value)
    if not isinstance(value, str) or not value.strip():
        raise ValueError
    value = value.strip()
    if spec.choices and value not in spec.choices:
        raise ValueError
    if spec.kind == "url":
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError
    elif spec.kind == "redis":
        if urlsplit(value).scheme not in ("redis", "rediss", "unix"):
            raise ValueError
    elif spec.kind == "profile":
        from newscrawler.extract import load_profile

        load_profile(value)  # ValueError says what is wrong with it
    return value


def _fail(kind: str, name: str, value: Any, spec: Spec, cause: Exception) -> ConfigError:
    detail = f" ({cause})" if spec.kind == "profile" and str(cause) else ""
    return ConfigError(f"{kind} {name}={value!r} is not valid{detail}: expected {_expected(spec)}")


def check_settings(settings: Any, specs: Mapping[str, Spec] = SETTINGS) -> None:
    """Raise `ConfigError` for the first project setting that does not fit its `Spec`."""
    for old, new in RENAMED.items():
        if settings.get(old) is not None:
            raise ConfigError(f"setting {old} was renamed {new}: set {new}={settings.get(old)!r}"
                              " instead (the article ledger's settings share the LEDGER_ prefix)")
    for name, spec in specs.items():
        value = settings.get(name)
        try:
            check_value(value, spec)
        except (ValueError, TypeError) as exc:
            raise _fail("setting", name, value, spec, exc) from exc
    if settings.get("REDIS_URL") and urlsplit(str(settings.get("STATE_URI"))).scheme not in (
        "redis", "rediss", "unix",
    ):
        priority = settings.getpriority("STATE_URI") or 0
        if priority > 20:  # given on the command line, not the project default
            raise ConfigError(
                f"setting STATE_URI={settings.get('STATE_URI')!r} is a local file but REDIS_URL"
                " shares the crawl between workers: drop STATE_URI or make it a redis:// URL"
            )


def check_arguments(arguments: Mapping[str, Any], settings: Any = None) -> dict[str, Any]:
    """The spider arguments parsed (``full``/``demo`` as bools), or `ConfigError`.

    Unknown names are refused; a crawl needs ``start_url`` unless the sample portal is asked
    for with ``demo=1`` (a misspelt ``start_url`` must never crawl the sample portal into a
    production feed).
    """
    unknown = sorted(set(arguments) - set(ARGUMENTS))
    if unknown:
        name = unknown[0]
        raise ConfigError(
            f"unknown spider argument -a {name}={arguments[name]!r}: known arguments are "
            + ", ".join(a for a in ARGUMENTS if not a.startswith("_"))
        )
    parsed: dict[str, Any] = {}
    for name, spec in ARGUMENTS.items():
        value = arguments.get(name)
        try:
            parsed[name] = check_value(value, spec)
        except (ValueError, TypeError) as exc:
            raise _fail("spider argument -a", name, value, spec, exc) from exc
    if parsed["start_url"] and parsed["demo"]:
        raise ConfigError("-a demo=1 crawls the sample portal: give it or -a start_url, not both")
    if not parsed["start_url"] and not parsed["demo"]:
        raise ConfigError(f"no -a start_url given: {DEMO_HINT}")
    if settings is not None and settings.get("REDIS_URL") and not parsed["start_url"]:
        raise ConfigError(
            f"setting REDIS_URL={settings.get('REDIS_URL')!r}: scale-out needs -a start_url=<portal"
            " home page>, the same for every worker"
        )
    return parsed


def check_state(settings: Any) -> None:
    """Raise `ConfigError` when the SQLite state cannot be opened or is damaged.

    A missing file is fine (a first run) if its folder can be created and written; an
    existing one must be a readable, writable SQLite database that passes
    ``PRAGMA quick_check``. Redis states are checked when the crawl connects.
    """
    uri = settings.get("STATE_URI")
    where = f"setting STATE_URI={str(uri)!r}"
    try:
        path = sqlite_path(uri)
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    if path is None or settings.get("REDIS_URL"):  # scale-out: the state is Redis's
        return
    if path.is_dir():
        raise ConfigError(f"{where} is a directory: expected a file such as state.sqlite")
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryFile(dir=path.parent):
                pass
        except OSError as exc:
            raise ConfigError(
                f"{where}: cannot create the state in {path.parent} ({exc.strerror or exc}):"
                " expected a writable folder"
            ) from exc
        return
    if not os.access(path, os.R_OK | os.W_OK):
        raise ConfigError(f"{where}: the file is not readable and writable by this user")
    try:
        with open(path, "r+b"):
            pass
        db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            result = [row[0] for row in db.execute("PRAGMA quick_check")]
        finally:
            db.close()
    except OSError as exc:
        raise ConfigError(f"{where}: cannot open the state ({exc.strerror or exc})") from exc
    except sqlite3.DatabaseError as exc:
        raise ConfigError(
            f"{where}: not a usable SQLite state ({exc}); move it away to start afresh or"
            " restore a backup"
        ) from exc
    if result != ["ok"]:
        raise ConfigError(
            f"{where}: the state is damaged (PRAGMA quick_check: {result[0]}"
            f"{f' and {len(result) - 1} more' if len(result) > 1 else ''}); move it away to"
            " start afresh or restore a backup"
        )


NOT_IN_PROJECT = (
    "not in the newscrawler folder (no scrapy.cfg here or above, no SCRAPY_SETTINGS_MODULE):"
    " cd to it first (the README's cron line does) or set SCRAPY_SETTINGS_MODULE=newscrawler"
    ".settings"
)


class OutsideCrawl(ScrapyCrawlCommand):
    """``scrapy crawl`` outside the project: one line and exit code 1.

    Registered as a ``scrapy.commands`` entry point (pyproject.toml), which Scrapy loads
    everywhere; inside our project ``COMMANDS_MODULE`` replaces it with the real command, inside
    another project it is Scrapy's own. Without it Scrapy answers "Unknown command" with exit
    code 2, which cron would read as an unhealthy run.
    """

    requires_project = False

    @property
    def requires_crawler_process(self) -> bool:  # outside: no crawler, no start-up banner
        return inside_project()

    def run(self, args: list[str], opts: Any) -> None:
        if not inside_project():
            sys.stderr.write(f"newscrawler: {NOT_IN_PROJECT}\n")
            self.exitcode = 1
            return
        super().run(args, opts)
