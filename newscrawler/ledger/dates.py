"""The date a list page prints next to an article, as a comparable string.

DedeCms moves an article to the top of its list pages with a new date when an editor saves it
again (``pubdate`` is reset on save), so a list entry dated later than what was recorded for a
known article means "republished: fetch it again". List pages print that date at day
(``2016-07-12``, ``07-12``, ``16-07-11``) or minute precision; the result keeps the precision
shown, so it is compared with a recorded ISO 8601 time on the common prefix only.
"""

from __future__ import annotations

import re
from datetime import date

_LIST_DATE = re.compile(
    r"(?:(?P<y>\d{4}|\d{2})[-/.年])?(?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})日?"
    r"(?:\s*(?P<H>\d{1,2}):(?P<M>\d{2}))?",
    re.ASCII,
)


def list_moment(text: str | None, today: date) -> str | None:
    """``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM`` from a list entry's date text, or None.

    A date without a year is taken in ``today``'s year, or the year before when that would
    put it in the future (a list seen on 2 January showing ``12-31``).

    >>> list_moment("2016-7-12", date(2026, 1, 1)), list_moment("12-31 09:05", date(2026, 1, 2))
    ('2016-07-12', '2025-12-31T09:05')
    """
    match = _LIST_DATE.search(text or "")
    if not match:
        return None
    month, day = int(match["m"]), int(match["d"])
    year = match["y"]
    if year is None:
        number = today.year if (month, day) <= (today.month, today.day) else today.year - 1
    else:
        number = int(year) + (2000 if len(year) == 2 else 0)
    try:
        moment = date(number, month, day).isoformat()
    except ValueError:
        return None
    if match["H"] is not None and int(match["H"]) < 24:
        moment += f"T{int(match['H']):02d}:{match['M']}"
    return moment


def is_later(shown: str | None, recorded: str | None) -> bool:
    """True when the list's date ``shown`` is after the ``recorded`` one, at the coarser
    precision of the two (ISO 8601 strings of one time zone compare as text)."""
    if not shown or not recorded:
        return False
    common = min(len(shown), len(recorded), 16)
    return shown[:common] > recorded[:common]
