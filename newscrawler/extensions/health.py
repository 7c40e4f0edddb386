"""Is this run healthy? The rules behind a cron run's exit code.

A run is unhealthy, and ``scrapy crawl`` exits with code 2, when:

- ``unreachable`` – the portal's home page could not be fetched;
- ``errors`` – more than ``HEALTH_MAX_ERROR_RATIO`` of the pages failed after retries;
- ``coverage:<field>`` – with at least ``HEALTH_MIN_ITEMS`` records, fewer than
  ``HEALTH_MIN_FIELD_COVERAGE`` of them had ``<field>``: most records suddenly missing a date
  or a source is the sign of a template change. A date is always expected; a source or a
  section only once an earlier run of the portal found them on most records (a WordPress
  blog that never names a source is not broken; the coverage of each run is kept in the
  ledger's memory of the portal);
- ``no articles`` – a full (or first) run ended with no article delivered or known: the
  portal is not one we can read (a WordPress site, say), or its articles are elsewhere;
- ``listed`` – a full run delivered or already knew fewer than ``HEALTH_MIN_LISTED_RATIO`` of
  the articles its list pages name (or their DedeCms ``共N页M条`` counts promise);
- ``empty lists`` – list pages were fetched but none of them named an article;
- ``offsite`` – more than ``HEALTH_MAX_OFFSITE_RATIO`` of the article links on the home and
  list pages point to another host (counted by host), which the crawl never follows;
- ``spider errors`` / ``pipeline errors`` – callbacks or pipelines raised (e.g. a damaged
  state: ``database disk image is malformed``);
- ``interrupted`` – the run was stopped by SIGINT/SIGTERM before it finished (its own exit
  code, see `newscrawler.commands.crawl`).

`RunHealth` is the one owner of the verdict: it is ``crawler.run_health``, counts what it
needs through signals (Scrapy's ``spider_error``, ``item_error``, ``spider_closed`` and this
module's `list_page_parsed`, which the spider sends), takes problems found by others through
`RunHealth.add`, and answers `RunHealth.verdict`. The verdict is never a stats key; the
counters it keeps are written to the stats (``health/*``) for the report only. The first three
rules (`assess`) still read the spider's and the validate pipeline's own counters (pages,
failures, missing fields) from the stats collector, where those components keep them.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy import signals

from newscrawler.pipelines.validate import field_coverage
from newscrawler.urls import article_key, is_article_url

COVERAGE_FIELDS = ("published_at", "source", "section")
ALWAYS_EXPECTED = ("published_at",)  # every news page shows a date

# Sent by the spider for the home page and every list page it parsed:
# ``send_catch_log(list_page_parsed, response=…, entries=[article URLs], kind="list"|"home")``.
list_page_parsed = object()

# DedeCms pagination: 共 <strong>5</strong>页<strong>97</strong>条记录
TOTAL_RE = re.compile(r"共\s*(?:<[^>]*>\s*)*(\d+)\s*(?:<[^>]*>\s*)*页\s*(?:<[^>]*>\s*)*(\d+)\s*"
                      r"(?:<[^>]*>\s*)*条")
# Absolute (or scheme-relative) links: an off-site link cannot be relative.
ABSOLUTE_HREF_RE = re.compile(rb"""href\s*=\s*["']?((?:https?:)?//[^"'\s>]+)""", re.I)
SIGNAL_NAMES = {2: "SIGINT", 15: "SIGTERM"}


def assess(stats: dict[str, Any], settings: Any,
           before: dict[str, float] | None = None) -> list[str]:
    """Reasons why the run with these stats is unhealthy (empty list: healthy).

    ``before``: the coverage an earlier run of the portal found; fields other than
    `ALWAYS_EXPECTED` are judged only if it found them at the floor or above."""
    reasons: list[str] = []
    # scale-out: one worker of the run fetches the home page for all (newscrawler.scaleout)
    if not stats.get("crawl/pages/home") and not stats.get("scaleout/run_home_pages"):
        reasons.append("unreachable: the portal's home page could not be fetched")
    failed = stats.get("crawl/failed/article", 0) + stats.get("crawl/failed/list", 0)
    fetched = sum(v for k, v in stats.items() if k.startswith("crawl/pages/"))
    if failed and failed / (failed + fetched) > settings.getfloat("HEALTH_MAX_ERROR_RATIO"):
        reasons.append(f"errors: {failed} of {failed + fetched} pages failed after retries")
    checked = stats.get("fields/checked", 0)
    if checked >= settings.getint("HEALTH_MIN_ITEMS"):
        floor = settings.getfloat("HEALTH_MIN_FIELD_COVERAGE")
        expected = [f for f in COVERAGE_FIELDS
                    if f in ALWAYS_EXPECTED or (before or {}).get(f, 0) >= floor]
        for field in expected:
            present = checked - stats.get(f"fields/missing/{field}", 0)
            if present / checked < floor:
                reasons.append(
                    f"coverage:{field}: only {present} of {checked} records have {field}"
                    " (template change?)"
                )
    return reasons


def promised_total(counts: dict[str, int]) -> int:
    """The articles ``共N页M条`` counts promise, per list folder, over a whole portal.

    A parent section's list may or may not include its sub-sections' articles (a DedeCms
    option), so a parent stands for the larger of its own count and its children's sum:
    never more than the portal can hold.
    """
    parent: dict[str, str | None] = {}
    for folder in counts:
        above = [f for f in counts if folder.startswith(f + "/")]
        parent[folder] = max(above, key=len) if above else None
    children_sum: dict[str, int] = dict.fromkeys(counts, 0)
    total = 0
    for folder in sorted(counts, key=len, reverse=True):
        value = max(counts[folder], children_sum[folder])
        if parent[folder] is None:
            total += value
        else:
            children_sum[parent[folder]] += value
    return total


def _describe(failure_or_exc: Any) -> str:
    exc = getattr(failure_or_exc, "value", failure_or_exc)
    return f"{type(exc).__name__}: {exc}"


def _is_damaged_state(failure_or_exc: Any) -> bool:
    return isinstance(getattr(failure_or_exc, "value", failure_or_exc), sqlite3.DatabaseError)


class RunHealth:
    """``crawler.run_health``: the counters, the added problems and the verdict of one run."""

    def __init__(self, crawler):
        self.crawler = crawler
        settings = crawler.settings
        self.min_listed_ratio = settings.getfloat("HEALTH_MIN_LISTED_RATIO")
        self.max_offsite_ratio = settings.getfloat("HEALTH_MAX_OFFSITE_RATIO")
        self.shared = bool(settings.get("REDIS_URL"))
        self.problems: list[str] = []
        self.listed: set[str] = set()  # article keys named by list pages
        self.promised: dict[str, int] = {}  # list folder -> its 共N页M条 count
        self.list_pages = 0
        self.offsite_links: dict[str, set[str]] = {}  # host -> article URLs not followed
        self.spider_errors: Counter[str] = Counter()
        self.item_errors: Counter[str] = Counter()
        self.damaged_state: str | None = None
        self.close_reason: str | None = None
        self.stop_signal: str | None = None
        self._known: int | None = None  # listed articles in the state, counted at close
        self._before: dict[str, float] | None = None  # field coverage of earlier runs
        crawler.run_health = self
        crawler.signals.connect(self.on_list_page, list_page_parsed)
        crawler.signals.connect(self.spider_error, signals.spider_error)
        crawler.signals.connect(self.item_error, signals.item_error)
        crawler.signals.connect(self.spider_closed, signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    # -- counters, through signals -----------------------------------------------------------

    def on_list_page(self, response, entries: list[str], kind: str = "list") -> None:
        if kind == "list":
            self.list_pages += 1
            self.listed.update(article_key(url) for url in entries)
            text = getattr(response, "text", "")
            if total := TOTAL_RE.search(text):
                folder = response.url.rsplit("/", 1)[0]
                self.promised[folder] = max(self.promised.get(folder, 0), int(total.group(2)))
        here = urlsplit(response.url).netloc.lower()
        for match in ABSOLUTE_HREF_RE.finditer(response.body):
            url = urljoin(response.url, match.group(1).decode("latin-1"))
            host = urlsplit(url).netloc.lower()
            if host and host != here and is_article_url(url):
                self.offsite_links.setdefault(host, set()).add(url)

    def spider_error(self, failure, response, spider) -> None:
        self.spider_errors[_describe(failure)] += 1
        if _is_damaged_state(failure):
            self.damaged_state = _describe(failure)

    def item_error(self, item, response, spider, failure) -> None:
        self.item_errors[_describe(failure)] += 1
        if _is_damaged_state(failure):
            self.damaged_state = _describe(failure)

    def spider_closed(self, spider, reason: str) -> None:
        self.close_reason = reason
        if reason == "shutdown":
            signum = getattr(self.crawler, "stop_signal", None)
            self.stop_signal = SIGNAL_NAMES.get(signum, f"signal {signum}") if signum else None
        self._known = self._count_known()
        self._remember_coverage()
        stats = self.crawler.stats
        stats.set_value("health/list_pages", self.list_pages)
        stats.set_value("health/listed_articles", len(self.listed))
        stats.set_value("health/listed_known", self._known)
        for host, urls in self.offsite_links.items():
            stats.set_value(f"health/offsite_links/{host}", len(urls))
        stats.set_value("health/spider_errors", sum(self.spider_errors.values()))

    def _coverage_key(self) -> str:
        return f"coverage:{getattr(self.crawler.spider, 'host', '')}"

    def _coverage_before(self) -> dict[str, float]:
        """The field coverage of the portal's last run with enough records (the ledger's)."""
        if self._before is None:
            self._before = {}
            ledger = getattr(self.crawler, "ledger", None)
            try:
                raw = ledger.portal_memory(self._coverage_key()) if ledger else None
                self._before = json.loads(raw) if raw else {}
            except Exception as exc:  # a damaged state: counted as such, not a crash
                self.damaged_state = self.damaged_state or _describe(exc)
        return self._before

    def _remember_coverage(self) -> None:
        """Keep the best coverage seen per field for the next runs: a field the portal once
        showed on most records is expected from then on."""
        before = self._coverage_before()
        stats = self.crawler.stats.get_stats()
        ledger = getattr(self.crawler, "ledger", None)
        if ledger is None or stats.get("fields/checked", 0) < self.crawler.settings.getint(
                "HEALTH_MIN_ITEMS"):
            return
        try:
            now = field_coverage(stats, COVERAGE_FIELDS)
            best = {f: max(now.get(f, 0.0), before.get(f, 0.0)) for f in COVERAGE_FIELDS}
            ledger.remember_portal(self._coverage_key(), json.dumps(best))
        except Exception as exc:
            self.damaged_state = self.damaged_state or _describe(exc)

    def _count_known(self) -> int:
        """How many of the listed articles the ledger knows (delivered or dropped, ever)."""
        if not self.listed:
            return 0
        try:
            return self.crawler.ledger.known(self.listed)
        except Exception as exc:  # a damaged state: counted as such, not a crash at close
            self.damaged_state = self.damaged_state or _describe(exc)
            return 0

    # -- the verdict ---------------------------------------------------------------------------

    def add(self, problem: str) -> None:
        """A problem found by another component (e.g. a feed that could not be written)."""
        if problem not in self.problems:
            self.problems.append(problem)

    @property
    def interrupted(self) -> bool:
        return self.close_reason == "shutdown"

    @property
    def full_run(self) -> bool:
        return bool(getattr(self.crawler.spider, "walk_all", False))

    def verdict(self) -> list[str]:
        """Every reason this run is unhealthy, in words (empty: healthy). Safe to call again."""
        stats = self.crawler.stats.get_stats()
        reasons = assess(stats, self.crawler.settings, self._coverage_before())
        if self.interrupted:
            by = f" by {self.stop_signal}" if self.stop_signal else ""
            reasons.append(f"interrupted: the run was stopped{by} before it finished")
        if self.damaged_state:
            reasons.append(
                f"state damaged: {self.damaged_state}; move the state file away to start"
                " afresh or restore a backup"
            )
        if self.spider_errors:
            reasons.append(self._errors("spider errors", "callback(s) raised", self.spider_errors))
        if self.item_errors:
            reasons.append(self._errors("pipeline errors", "item(s) failed", self.item_errors))
        reasons += self._listing_problems(stats)
        return reasons + [p for p in self.problems if p not in reasons]

    @staticmethod
    def _errors(label: str, what: str, errors: Counter[str]) -> str:
        top, count = errors.most_common(1)[0]
        return f"{label}: {sum(errors.values())} {what}, most often ({count}x) {top}"

    def _listing_problems(self, stats: dict[str, Any]) -> list[str]:
        reasons = []
        home = stats.get("crawl/pages/home") or stats.get("scaleout/run_home_pages")
        delivered = stats.get("dedup/delivered", 0)
        if self.list_pages and not self.listed:
            reasons.append(
                f"empty lists: {self.list_pages} list page(s) fetched, none named an article"
                " (not a DedeCms list template, or a profile is needed)"
            )
        if home and self.full_run and not self.interrupted and not self.shared:
            promised = max(len(self.listed), promised_total(self.promised))
            known = self._known if self._known is not None else self._count_known()
            have = max(known, delivered)
            if not delivered and not known:
                reasons.append(
                    "no articles: a full run found no article to deliver (is this a DedeCms"
                    " portal, and are its articles on this host?)"
                )
            elif promised and have < self.min_listed_ratio * promised:
                reasons.append(
                    f"listed: list pages promise {promised} articles, only {have} were"
                    " delivered or already known"
                )
        offsite = sum(len(urls) for urls in self.offsite_links.values())
        onsite = len(self.listed)
        if offsite and offsite > self.max_offsite_ratio * (offsite + onsite):
            hosts = ", ".join(
                f"{host} ({len(urls)})"
                for host, urls in sorted(self.offsite_links.items(), key=lambda kv: -len(kv[1]))
            )
            reasons.append(
                f"offsite: {offsite} article link(s) point to another host and were not"
                f" followed: {hosts}; crawl that host with -a start_url if it is the portal's"
            )
        return reasons

    @property
    def healthy(self) -> bool:
        return not self.verdict()

    def summary(self) -> dict[str, Any]:
        """The counters, for the run report."""
        return {
            "list_pages": self.list_pages,
            "listed_articles": len(self.listed),
            "listed_known": self._known,
            "promised_by_page_counts": promised_total(self.promised),
            "offsite_links": {h: len(u) for h, u in sorted(self.offsite_links.items())},
            "spider_errors": dict(self.spider_errors),
            "item_errors": dict(self.item_errors),
            "interrupted": self.interrupted,
            "stop_signal": self.stop_signal,
        }
