"""Dyad x period series: event counts per QuadClass, Goldstein and PLOVER scores.

The store does the heavy part (one ``GROUP BY`` over events, see
:func:`dyads.store.queries.relation_counts`); this module turns its small rows
into one :class:`SeriesPoint` per period, with empty periods filled in so that a
chart's x axis is time and not "periods that happened to have events".

Periods start on the first day of the month, quarter or year, and on Monday for
weeks (ISO weeks, as DuckDB's ``date_trunc('week', ...)``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dyads.errors import ConfigError
from dyads.store.queries import FREQUENCIES

__all__ = [
    "FREQUENCIES",
    "SeriesPoint",
    "build_series",
    "period_label",
    "period_start",
    "periods",
    "plover_score",
]


def _check(freq: str) -> None:
    if freq not in FREQUENCIES:
        raise ConfigError(
            f"Unknown frequency '{freq}'; available: {', '.join(FREQUENCIES)}"
        )


def period_start(day: dt.date, freq: str) -> dt.date:
    """The first day of the period of length ``freq`` that holds ``day``."""
    _check(freq)
    if freq == "day":
        return day
    if freq == "week":
        return day - dt.timedelta(days=day.weekday())
    if freq == "month":
        return day.replace(day=1)
    if freq == "quarter":
        return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return dt.date(day.year, 1, 1)


def _next(start: dt.date, freq: str) -> dt.date:
    if freq == "day":
        return start + dt.timedelta(days=1)
    if freq == "week":
        return start + dt.timedelta(days=7)
    if freq == "year":
        return dt.date(start.year + 1, 1, 1)
    months = 1 if freq == "month" else 3
    index = start.month - 1 + months
    return dt.date(start.year + index // 12, index % 12 + 1, 1)


def period_label(start: dt.date, freq: str) -> str:
    """A readable name: 2023-06-05, 2023-W23, 2023-06, 2023-Q2, 2023."""
    _check(freq)
    if freq == "day":
        return start.isoformat()
    if freq == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if freq == "month":
        return f"{start.year}-{start.month:02d}"
    if freq == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return str(start.year)


def periods(first: dt.date, last: dt.date, freq: str) -> list[dt.date]:
    """Start days of every period from the one holding ``first`` to ``last``."""
    start, end = period_start(first, freq), period_start(last, freq)
    found = []
    while start <= end:
        found.append(start)
        start = _next(start, freq)
    return found


@functools.lru_cache(maxsize=1)
def _plover_table() -> Mapping[str, Mapping[str, Any]]:
    from dyads.events.ontology import Ontology

    return Ontology.load().plover_types()


def plover_score(plover: str | None, mode: str | None = None) -> float:
    """The PLOVER intensity of a type (and mode, when the mode has its own score).

    Unknown or missing types score 0: an event the ontology cannot place adds
    nothing rather than stopping a series (the data-file tests keep the
    CAMEO-PLOVER map total, so this only happens with foreign stores).
    """
    if not plover:
        return 0.0
    entry = _plover_table().get(plover.upper())
    if entry is None:
        return 0.0
    modes = entry.get("mode_scores") or {}
    assert isinstance(modes, Mapping)
    by_mode = modes.get(mode) if mode else None
    return float(by_mode if by_mode is not None else entry["score"])


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """What one dyad did in one period, counted by events (not mentions)."""

    start: dt.date
    end: dt.date
    period: str
    events: int
    quad_classes: tuple[int, int, int, int]
    goldstein_sum: float
    plover_score_sum: float

    @property
    def goldstein_mean(self) -> float | None:
        return self.goldstein_sum / self.events if self.events else None

    @property
    def cooperation(self) -> int:
        """Events in QuadClass 1 (verbal) and 2 (material cooperation)."""
        return self.quad_classes[0] + self.quad_classes[1]

    @property
    def conflict(self) -> int:
        """Events in QuadClass 3 (verbal) and 4 (material conflict)."""
        return self.quad_classes[2] + self.quad_classes[3]


def build_series(
    rows: Iterable[Mapping[str, Any]],
    freq: str,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[SeriesPoint]:
    """Series points from :func:`~dyads.store.queries.relation_counts` rows.

    A row holds ``start``, ``quad_class``, ``events``, ``goldstein_sum`` and
    either ``plover`` and ``plover_mode`` (scored here) or ``plover_score_sum``.

    The series runs from ``since`` (else the first period with events) to
    ``until`` (else the last one); periods without events are zero points.
    """
    _check(freq)
    totals: dict[dt.date, dict[str, Any]] = {}
    for row in rows:
        start = row["start"]
        bucket = totals.setdefault(
            start, {"quads": [0, 0, 0, 0], "goldstein": 0.0, "plover": 0.0, "n": 0}
        )
        count = int(row["events"])
        quad = row["quad_class"]
        if quad in (1, 2, 3, 4):
            bucket["quads"][quad - 1] += count
        bucket["n"] += count
        bucket["goldstein"] += float(row["goldstein_sum"] or 0.0)
        if "plover_score_sum" in row:  # already scored (the server's index)
            bucket["plover"] += float(row["plover_score_sum"])
        else:
            bucket["plover"] += count * plover_score(row["plover"], row["plover_mode"])
    first = since or (min(totals) if totals else None)
    last = until or (max(totals) if totals else None)
    if first is None or last is None or first > last:
        return []
    points = []
    for start in periods(first, last, freq):
        found = totals.get(start)
        end = _next(start, freq) - dt.timedelta(days=1)
        if found is None:
            points.append(
                SeriesPoint(
                    start, end, period_label(start, freq), 0, (0, 0, 0, 0), 0.0, 0.0
                )
            )
            continue
        bucket = found
        quads = bucket["quads"]
        points.append(
            SeriesPoint(
                start=start,
                end=end,
                period=period_label(start, freq),
                events=bucket["n"],
                quad_classes=(quads[0], quads[1], quads[2], quads[3]),
                goldstein_sum=round(bucket["goldstein"], 6),
                plover_score_sum=round(bucket["plover"], 6),
            )
        )
    return points
