"""Is this run healthy? The rules behind a cron run's exit code.

A run is unhealthy, and ``scrapy crawl`` exits with code 2, when:

- ``unreachable`` – the portal's home page could not be fetched;
- ``errors`` – more than ``HEALTH_MAX_ERROR_RATIO`` of the pages failed after retries;
- ``coverage:<field>`` – with at least ``HEALTH_MIN_ITEMS`` records, fewer than
  ``HEALTH_MIN_FIELD_COVERAGE`` of them had ``<field>``: most records suddenly missing a date
  or a source is the sign of a template change.
"""

from __future__ import annotations

from typing import Any

COVERAGE_FIELDS = ("published_at", "source", "section")


def assess(stats: dict[str, Any], settings: Any) -> list[str]:
    """Reasons why the run with these stats is unhealthy (empty list: healthy)."""
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
        for field in COVERAGE_FIELDS:
            present = checked - stats.get(f"fields/missing/{field}", 0)
            if present / checked < floor:
                reasons.append(
                    f"coverage:{field}: only {present} of {checked} records have {field}"
                    " (template change?)"
                )
    return reasons
