"""How the relation between two actors changes: a cooperation-conflict index.

For each period, with ``c`` cooperative events (QuadClass 1-2) and ``k``
conflictual ones (QuadClass 3-4), ``n = c + k`` and ``z = 1.96``:

- the raw index is ``(c - k) / n`` in [-1, 1];
- the reported index is the centre of Wilson's score interval for the
  cooperative share, mapped to [-1, 1]: ``(c - k) / (n + z**2)``. It is the raw
  index shrunk towards 0 as if ``z**2 / 2`` (about 1.92) cooperative and as many
  conflictual events had been seen before: a single meeting does not make a
  relation "perfectly cooperative";
- the interval is Wilson's 95% interval mapped to [-1, 1]. With no events it is
  [-1, 1] (nothing is known) and it narrows as ``n`` grows.

A period is a **shift** when its index lies outside the interval of the
previous period that had events: ``up`` or ``down``. See docs/relations.md.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dyads.store.filters import EventFilter
from dyads.store.queries import Dyad, relation_counts

from .series import SeriesPoint, build_series, period_start

if TYPE_CHECKING:
    from dyads.store import Store

Z = 1.96
"""Normal quantile of the 95% interval; ``Z**2 / 2`` is the prior's weight."""


@dataclass(frozen=True, slots=True)
class Balance:
    """The cooperation-conflict index of some events, with its interval."""

    index: float
    low: float
    high: float
    raw: float | None

    @property
    def width(self) -> float:
        return self.high - self.low


def balance(cooperation: int, conflict: int, z: float = Z) -> Balance:
    """The shrunk index and Wilson interval of ``cooperation`` vs ``conflict``."""
    if cooperation < 0 or conflict < 0:
        raise ValueError("Event counts cannot be negative")
    n = cooperation + conflict
    z2 = z * z
    share = cooperation / n if n else 0.5
    centre = (cooperation + z2 / 2) / (n + z2)
    half = z / (n + z2) * math.sqrt(n * share * (1 - share) + z2 / 4)
    low, high = max(0.0, centre - half), min(1.0, centre + half)
    return Balance(
        index=round(2 * centre - 1, 6),
        low=round(2 * low - 1, 6),
        high=round(2 * high - 1, 6),
        raw=round((cooperation - conflict) / n, 6) if n else None,
    )


@dataclass(frozen=True, slots=True)
class RelationPoint:
    """One period of a relation: its series figures, balance and shift flag."""

    point: SeriesPoint
    balance: Balance
    shift: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A flat row (for CSV, JSON and the API)."""
        p, b = self.point, self.balance
        return {
            "period": p.period,
            "start": p.start.isoformat(),
            "end": p.end.isoformat(),
            "events": p.events,
            "quad1": p.quad_classes[0],
            "quad2": p.quad_classes[1],
            "quad3": p.quad_classes[2],
            "quad4": p.quad_classes[3],
            "cooperation": p.cooperation,
            "conflict": p.conflict,
            "goldstein_sum": p.goldstein_sum,
            "goldstein_mean": (
                round(p.goldstein_mean, 6) if p.goldstein_mean is not None else None
            ),
            "plover_score_sum": p.plover_score_sum,
            "index": b.index,
            "index_low": b.low,
            "index_high": b.high,
            "index_raw": b.raw,
            "shift": self.shift,
        }


COLUMNS = tuple(
    RelationPoint(
        SeriesPoint(dt.date.min, dt.date.min, "", 0, (0, 0, 0, 0), 0.0, 0.0),
        balance(0, 0),
    ).to_dict()
)
"""Column names of a relation's rows, in order."""


@dataclass(frozen=True, slots=True)
class Relation:
    """A dyad's series over time, with the index and flagged shifts."""

    dyad: Dyad
    freq: str
    points: tuple[RelationPoint, ...]
    modalities: tuple[str, ...]

    @property
    def shifts(self) -> list[RelationPoint]:
        return [p for p in self.points if p.shift]

    @property
    def total(self) -> Balance:
        """The balance over the whole series."""
        return balance(
            sum(p.point.cooperation for p in self.points),
            sum(p.point.conflict for p in self.points),
        )

    def rows(self) -> list[dict[str, Any]]:
        return [p.to_dict() for p in self.points]

    def to_dict(self) -> dict[str, Any]:
        """The whole relation as JSON-ready data."""
        total = self.total
        return {
            "source": self.dyad.source,
            "target": self.dyad.target,
            "both": self.dyad.both,
            "freq": self.freq,
            "modalities": list(self.modalities),
            "events": sum(p.point.events for p in self.points),
            "index": total.index,
            "index_low": total.low,
            "index_high": total.high,
            "periods": self.rows(),
            "shifts": [p.point.period for p in self.shifts],
        }


def flag_shifts(points: Sequence[SeriesPoint]) -> tuple[RelationPoint, ...]:
    """Balance each period and flag those whose index leaves the last interval."""
    flagged = []
    previous: Balance | None = None
    for point in points:
        current = balance(point.cooperation, point.conflict)
        shift = None
        if previous is not None and point.cooperation + point.conflict:
            if current.index > previous.high:
                shift = "up"
            elif current.index < previous.low:
                shift = "down"
        flagged.append(RelationPoint(point, current, shift))
        if point.cooperation + point.conflict:
            previous = current
    return tuple(flagged)


def relation(
    store: Store,
    source: str,
    target: str | None = None,
    *,
    freq: str = "month",
    both: bool = False,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    modality: Iterable[str] | None = ("asserted",),
    counter: Callable[[Dyad, str, EventFilter], list[dict[str, Any]]] | None = None,
) -> Relation:
    """The relation of ``source`` towards ``target`` (or everyone) over time.

    Actors are code prefixes (``KSV`` covers KSVGOV and KSVCOP). Only asserted
    events count by default: a threat to meet is not a meeting. ``counter``
    replaces the SQL that groups the events (the server's in-memory index
    passes its own, see :mod:`dyads.api.index`).
    """
    dyad = Dyad.build(source, target, both)
    period_start(dt.date.today(), freq)  # an unknown frequency fails before any work
    modalities = tuple(modality) if modality else ()
    filters = EventFilter.build(since=since, until=until, modality=modalities or None)
    if counter is None:
        rows = relation_counts(store, dyad, freq, filters)
    else:
        rows = counter(dyad, freq, filters)
    series = build_series(rows, freq, filters.since, filters.until)
    return Relation(dyad, freq, flag_shifts(series), modalities)
