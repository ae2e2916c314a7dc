"""The date of an event, from the document date and the words of its sentence.

A press release dated 2023-06-26 that says "on Tuesday" or "last week" dates
its events relative to its own date. A document without a date gives events
without a date: nothing is invented. An absolute date with a year ("on 12 March
2021") dates the event even when the document has none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_WEEKDAYS = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
]
_MONTH = (
    r"(january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
)
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(\d{{4}}))?", re.I
)
_MONTH_DAY = re.compile(
    rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?", re.I
)
_RELATIVE = re.compile(
    r"\b(today|tonight|this morning|this afternoon|this evening|yesterday|tomorrow|"
    r"last (?:week|month|year)|(?:on |last |this )?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    re.I,
)
_YEAR = re.compile(r"\b(?:in|since|during)\s+((?:19|20)\d{2})\b", re.I)
# Every pattern above but _RELATIVE needs a digit; most sentences have none, and
# one scan for a digit costs a tenth of the month-day search it saves.
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class DateResolution:
    """A resolved date, the words that gave it, and whether it lies in the past."""

    date: dt.date | None
    expression: str | None
    historical: bool = False


def resolve_date(sentence: str, document_date: dt.date | None) -> DateResolution:
    """Date the events of ``sentence`` given the document's own date."""
    has_digit = _DIGIT.search(sentence) is not None
    if has_digit:
        absolute = _absolute_date(sentence, document_date)
        if absolute is not None:
            return absolute
    m = _RELATIVE.search(sentence)
    if m and document_date is not None:
        return DateResolution(_relative(m.group(1).lower(), document_date), m.group(0))
    m = _YEAR.search(sentence) if has_digit else None
    if m:
        year = int(m.group(1))
        if document_date is not None and year < document_date.year - 1:
            return DateResolution(None, m.group(0), historical=True)
    return DateResolution(document_date, None)


def _absolute_date(
    sentence: str, document_date: dt.date | None
) -> DateResolution | None:
    """The first day-and-month expression that makes a date ("12 March", "May 3")."""
    for pattern, day_group, month_group, year_group in (
        (_DAY_MONTH, 1, 2, 3),
        (_MONTH_DAY, 2, 1, 3),
    ):
        m = pattern.search(sentence)
        if m:
            resolved = _absolute(m, day_group, month_group, year_group, document_date)
            if resolved is not None:
                return DateResolution(
                    resolved, m.group(0), _is_historical(resolved, document_date)
                )
    return None


def _absolute(
    m: re.Match[str],
    day_group: int,
    month_group: int,
    year_group: int,
    document_date: dt.date | None,
) -> dt.date | None:
    day = int(m.group(day_group))
    month = _MONTHS[m.group(month_group).lower().rstrip(".")]
    if m.group(year_group):
        year = int(m.group(year_group))
    elif document_date is not None:
        year = document_date.year
    else:
        return None
    try:
        resolved = dt.date(year, month, day)
    except ValueError:
        return None
    if (
        not m.group(year_group)
        and document_date is not None
        and resolved > document_date
    ):
        try:  # "on 28 December" in a January release means last December
            resolved = resolved.replace(year=year - 1)
        except ValueError:
            return None
    return resolved


def _relative(expression: str, document_date: dt.date) -> dt.date:
    if expression == "yesterday":
        return document_date - dt.timedelta(days=1)
    if expression == "tomorrow":
        return document_date + dt.timedelta(days=1)
    if expression.startswith("last week"):
        return document_date - dt.timedelta(days=7)
    if expression.startswith("last month"):
        return (document_date.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    if expression.startswith("last year"):
        return dt.date(document_date.year - 1, 1, 1)
    weekday = expression.split()[-1]
    if weekday in _WEEKDAYS:
        delta = (document_date.weekday() - _WEEKDAYS.index(weekday)) % 7
        if expression.startswith("last") and delta == 0:
            delta = 7
        return document_date - dt.timedelta(days=delta)
    return document_date


def _is_historical(day: dt.date, document_date: dt.date | None) -> bool:
    return document_date is not None and (document_date - day).days > 365
