"""An in-memory column index of the events table, for the server's hot reads.

``/api/events`` and ``/api/relations`` answer within 100 ms over a million
events (#4) because they do not scan the file per request: the server loads
the columns these reads filter, sort and sum into NumPy arrays once (strings
dictionary-encoded, so a code prefix becomes a set of small integers), and
answers from them. Only the page of events shown is read back from DuckDB.

The index means exactly what :class:`dyads.store.queries.EventQuery` means in
SQL (the tests compare both on random queries). It is rebuilt after the
server's own writes; no other process can write while the server holds its
read-only connection, so it cannot go stale.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from dyads.store.queries import ORDERS, Dyad, EventQuery

if TYPE_CHECKING:
    from dyads.store import Store
    from dyads.store.filters import EventFilter

_EPOCH = dt.date(1970, 1, 1)
_CACHED_MASKS = 32  # of one byte per event each: 32 MB for a million events
_STRINGS = (
    "source_code",
    "target_code",
    "code",
    "root",
    "plover",
    "plover_mode",
    "modality",
    "place_name",
    "place_country",
)


def _days(day: dt.date) -> int:
    return (day - _EPOCH).days


class _Labels:
    """A dictionary-encoded string column: integer codes plus their labels."""

    def __init__(self, column: pa.ChunkedArray) -> None:
        encoded = pc.dictionary_encode(column).combine_chunks()
        self.labels: list[str] = encoded.dictionary.to_pylist()
        self.codes = encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False)

    def where(self, keep: Any) -> np.ndarray:
        """Rows whose label passes ``keep``: one table lookup per row, no sort."""
        table = np.zeros(len(self.labels) + 1, dtype=bool)  # the last one is null
        table[:-1] = [bool(keep(label)) for label in self.labels]
        found: np.ndarray = table[self.codes]
        return found


class EventIndex:
    """Columns of every stored event, positions aligned across columns."""

    def __init__(self, store: Store) -> None:
        names = ", ".join(
            ("id", "date", "quad_class", "goldstein", "num_mentions", *_STRINGS)
        )
        cursor = store.connection.cursor()  # its own: the store's may hold a result
        try:
            table = cursor.sql(f"SELECT {names} FROM events").to_arrow_table()
        finally:
            cursor.close()
        self.size = table.num_rows
        self.ids = table.column("id").combine_chunks()
        dates = table.column("date").cast(pa.int32())
        self.dated = pc.is_valid(dates).to_numpy(zero_copy_only=False)
        self.days = dates.fill_null(0).to_numpy().astype(np.int64)
        self.quad = table.column("quad_class").fill_null(0).to_numpy().astype(np.int8)
        self.goldstein = (
            table.column("goldstein").fill_null(0.0).to_numpy().astype(np.float64)
        )
        self.mentions = table.column("num_mentions").to_numpy().astype(np.int64)
        self.strings = {name: _Labels(table.column(name)) for name in _STRINGS}
        self.plover_scores = self._plover_scores()
        self._orders: dict[str, np.ndarray] = {}
        self._masks: dict[tuple[str, str, Any], np.ndarray] = {}
        for order in ORDERS:  # sorted now, so that no request pays for it
            self._ranks(order)

    def _plover_scores(self) -> np.ndarray:
        from dyads.aggregate.series import plover_score

        types, modes = self.strings["plover"], self.strings["plover_mode"]
        table = np.array(
            [
                [plover_score(p, m) for m in [*modes.labels, None]]
                for p in [*types.labels, None]
            ],
            dtype=np.float64,
        ).reshape(len(types.labels) + 1, len(modes.labels) + 1)
        scores: np.ndarray = table[types.codes, modes.codes]
        return scores

    # -- filtering ----------------------------------------------------------------

    def _rows(self, column: str, test: str, value: Any) -> np.ndarray:
        """Rows whose ``column`` passes ``test`` against ``value``, cached.

        Dashboards ask the same few things again and again (the default
        modality, a handful of actors), so the last masks are kept, read-only:
        callers combine them into new arrays and never change them.
        """
        key = (column, test, value)
        found = self._masks.get(key)
        if found is None:
            keep = {
                "prefix": lambda label: label.startswith(value),
                "equal": lambda label: label == value,
                "in": lambda label: label in value,
            }[test]
            found = self.strings[column].where(keep)
            found.setflags(write=False)
            if len(self._masks) >= _CACHED_MASKS:
                self._masks.pop(next(iter(self._masks)))
            self._masks[key] = found
        return found

    def _prefix(self, column: str, prefix: str) -> np.ndarray:
        return self._rows(column, "prefix", prefix)

    def _dyad(self, dyad: Dyad) -> np.ndarray:
        def one_way(first: str, second: str | None) -> np.ndarray:
            found = self._prefix("source_code", first)
            if second is not None:
                found = found & self._prefix("target_code", second)
            return found

        found = one_way(dyad.source, dyad.target)
        if dyad.both:
            if dyad.target is None:
                found = found | self._prefix("target_code", dyad.source)
            else:
                found = found | one_way(dyad.target, dyad.source)
        return found

    def _filters(self, filters: EventFilter) -> np.ndarray | None:
        parts = []
        if filters.since is not None:
            parts.append(self.dated & (self.days >= _days(filters.since)))
        if filters.until is not None:
            parts.append(self.dated & (self.days <= _days(filters.until)))
        if filters.actor:
            parts.append(
                self._prefix("source_code", filters.actor)
                | self._prefix("target_code", filters.actor)
            )
        if filters.code:
            parts.append(self._prefix("code", filters.code))
        if filters.root:
            parts.append(self._rows("root", "equal", filters.root))
        if filters.modality:
            names = frozenset(m.value for m in filters.modality)
            parts.append(self._rows("modality", "in", names))
        return _all(parts)

    def mask(self, query: EventQuery) -> np.ndarray:
        """Which events pass ``query`` (the same meaning as ``query.sql()``)."""
        parts = [self._filters(query.filters)]
        if query.dyad is not None:
            parts.append(self._dyad(query.dyad))
        if query.place:
            lower, upper = query.place.lower(), query.place.upper()
            names = self.strings["place_name"].where(
                lambda label: label.lower() == lower
            )
            countries = self.strings["place_country"].where(
                lambda label: label.upper() == upper
            )
            parts.append(names | countries)
        found = _all(parts)
        return np.ones(self.size, dtype=bool) if found is None else found

    # -- the two hot reads ----------------------------------------------------------

    def _ranks(self, order: str) -> np.ndarray:
        """Each event's position in ``order`` (the inverse of the sort permutation)."""
        if order not in self._orders:
            ids = np.empty(self.size, dtype=np.int64)
            ids[pc.sort_indices(self.ids).to_numpy()] = np.arange(self.size)
            undated = ~self.dated
            keys = {
                "date": (ids, self.days, undated),
                "-date": (ids, -self.days, undated),
                "mentions": (ids, -self.days, undated, -self.mentions),
            }[order]
            ranks = np.empty(self.size, dtype=np.int64)
            ranks[np.lexsort(keys)] = np.arange(self.size)
            self._orders[order] = ranks
        return self._orders[order]

    def page(
        self, query: EventQuery, limit: int, offset: int, order: str = "date"
    ) -> tuple[int, list[str]]:
        """The number of events passing ``query`` and the ids of one page of them.

        Only the events that pass are ranked, and only the first ``offset +
        limit`` of them sorted (a partition first), so a narrow filter costs
        little and a broad one no more than one pass.
        """
        if order not in ORDERS:
            order = "date"
        chosen = np.flatnonzero(self.mask(query))
        total, end = len(chosen), offset + limit
        if offset >= total:
            return total, []
        ranks = self._ranks(order)[chosen]
        if end < total:
            first = np.argpartition(ranks, end - 1)[:end]
            chosen, ranks = chosen[first], ranks[first]
        picked = chosen[np.argsort(ranks)][offset:end]
        return total, self.ids.take(pa.array(picked)).to_pylist()

    def relation_counts(
        self, dyad: Dyad, freq: str, filters: EventFilter
    ) -> list[dict[str, Any]]:
        """Events, Goldstein and PLOVER score sums per period and QuadClass.

        The rows of :func:`dyads.store.queries.relation_counts` summed over PLOVER
        type and mode, with each event's PLOVER score added up here.
        """
        keep = self.mask(EventQuery(filters, dyad)) & self.dated
        where = np.flatnonzero(keep)
        starts = _period_starts(self.days[where], freq)
        if not len(where):
            return []
        first = int(starts.min())
        key = (starts - first) * 8 + self.quad[where]  # one integer per (period, quad)
        groups, inverse = np.unique(key, return_inverse=True)
        counts = np.bincount(inverse, minlength=len(groups))
        goldstein = np.bincount(
            inverse, weights=self.goldstein[where], minlength=len(groups)
        )
        plover = np.bincount(
            inverse, weights=self.plover_scores[where], minlength=len(groups)
        )
        rows = []
        for group, n, g, p in zip(
            groups.tolist(), counts, goldstein, plover, strict=True
        ):
            offset, quad = divmod(group, 8)
            rows.append(
                {
                    "start": _EPOCH + dt.timedelta(days=first + offset),
                    "quad_class": quad or None,
                    "events": int(n),
                    "goldstein_sum": float(g),
                    "plover_score_sum": float(p),
                }
            )
        return rows


def _all(parts: list[np.ndarray | None]) -> np.ndarray | None:
    """The rows in every part (``None`` parts let everything through)."""
    found: np.ndarray | None = None
    for part in parts:
        if part is not None:
            found = part if found is None else found & part
    return found


def _period_starts(days: np.ndarray, freq: str) -> np.ndarray:
    """Start day (days since 1970-01-01) of each day's period, vectorised."""
    if freq == "day":
        return days
    starts: np.ndarray
    if freq == "week":
        starts = days - (days + 3) % 7  # 1970-01-01 was a Thursday; weeks: Monday
        return starts
    as_dates = days.astype("datetime64[D]")
    if freq == "year":
        return as_dates.astype("datetime64[Y]").astype("datetime64[D]").astype(np.int64)
    months = as_dates.astype("datetime64[M]").astype(np.int64)
    if freq == "quarter":
        months = months - months % 3
    return months.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)
