"""Parse the publication dates that sources give, without ever inventing one.

A document's date anchors every relative date in its text ("on Tuesday"), so
a wrong date is worse than none: a value that does not parse gives ``None``,
and the reader logs a note (see #2, #3).
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

_COMPACT = re.compile(r"\d{8}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

EARLIEST = dt.date(1800, 1, 1)
"""Dates before this are typos or placeholders (``0000-00-00``), not news."""


def parse_date(value: object) -> dt.date | None:
    """A calendar date from a source's date field, or ``None`` if it does not parse.

    Accepts ``YYYY-MM-DD``, ``YYYYMMDD`` (string or integer), ISO 8601
    datetimes (``2023-06-01T10:00:00Z``; the date as written, not converted
    to UTC), RFC 822 dates as feeds and mail write them, and ``date`` or
    ``datetime`` objects.
    """
    if isinstance(value, dt.datetime):
        return _plausible(value.date())
    if isinstance(value, dt.date):
        return _plausible(value)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        if _COMPACT.fullmatch(text):
            return _plausible(dt.datetime.strptime(text, "%Y%m%d").date())
        if _ISO_DATE.match(text):
            if len(text) == 10:
                return _plausible(dt.date.fromisoformat(text))
            return _plausible(dt.datetime.fromisoformat(text).date())
    except ValueError:
        return None
    try:
        return _plausible(parsedate_to_datetime(text).date())
    except (TypeError, ValueError, IndexError):
        return None


def _plausible(date: dt.date) -> dt.date | None:
    return date if date >= EARLIEST else None
