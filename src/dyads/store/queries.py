"""Named read queries shared by the CLI, the REST API and the dashboard.

Each function takes an open :class:`~dyads.store.Store` and returns plain rows
(dicts), so the same question gets the same answer everywhere (see #4). They
only read, which is what lets the server run them on read-only connections.

Filters build on :class:`~dyads.store.EventFilter` (dates, actor, code, root,
modality) and add two that only reads need: a :class:`Dyad` (source and target
code prefixes, directed or both ways) and a place (name or country).

Everything counts *events* (one row per real-world event), never mentions, so a
meeting reported by five articles counts once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dyads.errors import ConfigError

from .filters import EventFilter

if TYPE_CHECKING:
    from . import Store

FREQUENCIES = ("day", "week", "month", "quarter", "year")
"""Period lengths that series and relations can be cut into."""

ORDERS = {
    "date": "date NULLS LAST, id",
    "-date": "date DESC NULLS LAST, id",
    "mentions": "num_mentions DESC, date DESC NULLS LAST, id",
}
"""Orders the events list accepts, by name."""

_CODE = re.compile(r"[A-Z0-9-]{1,32}")
_COOPERATIVE = "quad_class IN (1, 2)"
_CONFLICTUAL = "quad_class IN (3, 4)"


def _prefix(code: str | None, name: str) -> str | None:
    if code is None or code == "":
        return None
    clean = code.strip().upper()
    if not _CODE.fullmatch(clean):
        raise ConfigError(
            f"Actor {name} '{code}' is not a code prefix such as KSV, IGOWSTNAT "
            "or ---CRM"
        )
    return clean


@dataclass(frozen=True, slots=True)
class Dyad:
    """Who acts on whom: code prefixes (``KSV`` matches KSVGOV and KSVCOP).

    ``target`` ``None`` means the source against everyone; ``both`` also counts
    events in the other direction (target on source).
    """

    source: str
    target: str | None = None
    both: bool = False

    @classmethod
    def build(cls, source: str, target: str | None = None, both: bool = False) -> Dyad:
        """A dyad from loose strings; a code with spaces or symbols is a ConfigError."""
        clean_source = _prefix(source, "source")
        if clean_source is None:
            raise ConfigError("A dyad needs a source actor code prefix such as KSV")
        return cls(clean_source, _prefix(target, "target"), both)

    @property
    def label(self) -> str:
        arrow = "<->" if self.both else "->"
        return f"{self.source} {arrow} {self.target or '*'}"

    def sql(self, table: str = "events") -> tuple[str, list[Any]]:
        """A ``WHERE`` clause selecting this dyad's events, and its parameters."""

        def one_way(first: str, second: str | None) -> tuple[str, list[Any]]:
            if second is None:
                return f"starts_with({table}.source_code, ?)", [first]
            return (
                f"(starts_with({table}.source_code, ?) AND "
                f"starts_with(coalesce({table}.target_code, ''), ?))",
                [first, second],
            )

        clause, params = one_way(self.source, self.target)
        if not self.both:
            return clause, params
        if self.target is None:
            back = f"starts_with(coalesce({table}.target_code, ''), ?)"
            return f"({clause} OR {back})", [*params, self.source]
        other, more = one_way(self.target, self.source)
        return f"({clause} OR {other})", [*params, *more]


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Everything the events list can filter on (each part optional)."""

    filters: EventFilter = EventFilter()
    dyad: Dyad | None = None
    place: str | None = None

    def sql(self, table: str = "events") -> tuple[str, list[Any]]:
        where, params = self.filters.sql(table)
        clauses = [where]
        if self.dyad is not None:
            clause, more = self.dyad.sql(table)
            clauses.append(clause)
            params = [*params, *more]
        if self.place:
            clauses.append(
                f"(lower({table}.place_name) = lower(?) "
                f"OR upper({table}.place_country) = upper(?))"
            )
            params = [*params, self.place, self.place]
        return " AND ".join(clauses), params


def count_events(store: Store, query: EventQuery) -> int:
    """How many events pass ``query``."""
    where, params = query.sql()
    row = store.connection.execute(
        f"SELECT count(*) FROM events WHERE {where}", params
    ).fetchone()
    return int(row[0])


def list_events(
    store: Store,
    query: EventQuery,
    limit: int = 50,
    offset: int = 0,
    order: str = "date",
) -> list[dict[str, Any]]:
    """One page of event rows passing ``query``, each with its first evidence."""
    if order not in ORDERS:
        raise ConfigError(f"Unknown order '{order}'; available: {', '.join(ORDERS)}")
    where, params = query.sql()
    rows = store.rows(
        f"SELECT * FROM events WHERE {where} ORDER BY {ORDERS[order]} "
        f"LIMIT {int(limit)} OFFSET {int(offset)}",
        params,
    )
    return attach_evidence(store, rows)


def events_by_id(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """Event rows with these ids, in the order given, each with its first evidence."""
    if not ids:
        return []
    placeholders = ", ".join("?" * len(ids))
    found = {
        row["id"]: row
        for row in store.rows(f"SELECT * FROM events WHERE id IN ({placeholders})", ids)
    }
    return attach_evidence(store, [found[i] for i in ids if i in found])


def attach_evidence(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add the sentence and trigger of each event's first mention to its row."""
    if not rows:
        return rows
    wanted = [row["first_mention_id"] for row in rows]
    first = {
        row["id"]: row
        for row in store.rows(
            "SELECT id, sentence_text, trigger_text FROM mentions "
            f"WHERE id IN ({', '.join('?' * len(wanted))})",
            wanted,
        )
    }
    for row in rows:
        mention = first.get(row["first_mention_id"], {})
        row["sentence_text"] = mention.get("sentence_text")
        row["trigger_text"] = mention.get("trigger_text")
    return rows


def event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event row with its mentions (each with evidence spans and texts)."""
    found = store.rows("SELECT * FROM events WHERE id = ?", [event_id])
    if not found:
        return None
    row = found[0]
    row["mentions"] = store.rows(
        "SELECT m.*, d.title AS document_title, d.url AS document_url, "
        "d.date AS document_date FROM mentions m "
        "LEFT JOIN documents d ON d.id = m.document_id "
        "WHERE m.event_id = ? ORDER BY m.rowid",
        [event_id],
    )
    return row


def document(store: Store, document_id: str) -> dict[str, Any] | None:
    """One stored document with the mentions coded in it and its rejections."""
    found = store.rows(
        "SELECT id, title, url, date, lang, source, translations, status, text, "
        "first_run FROM documents WHERE id = ?",
        [document_id],
    )
    if not found:
        return None
    row = found[0]
    row["mentions"] = store.rows(
        "SELECT * FROM mentions WHERE document_id = ? "
        "ORDER BY sentence_start, trigger_start, id",
        [document_id],
    )
    row["rejections"] = store.rows(
        "SELECT reason, detail, source FROM rejections WHERE document_id = ?",
        [document_id],
    )
    return row


def actors(
    store: Store, prefix: str | None = None, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """Actor codes with their name and how often they act and are acted on."""
    clean = _prefix(prefix, "prefix")
    where = "WHERE starts_with(code, ?)" if clean else ""
    return store.rows(
        f"""
        WITH sides AS (
            SELECT source_code AS code, source_name AS name, 1 AS src, 0 AS tgt
            FROM events
            UNION ALL
            SELECT target_code, target_name, 0, 1 FROM events
            WHERE target_code IS NOT NULL
        )
        SELECT code, any_value(name) AS name, sum(src)::BIGINT AS as_source,
               sum(tgt)::BIGINT AS as_target, count(*) AS events
        FROM sides {where}
        GROUP BY code ORDER BY events DESC, code
        LIMIT {int(limit)} OFFSET {int(offset)}
        """,
        [clean] if clean else [],
    )


def top_dyads(
    store: Store, query: EventQuery | None = None, limit: int = 20
) -> list[dict[str, Any]]:
    """Directed dyads with the most events, with cooperative and conflict counts."""
    where, params = (query or EventQuery()).sql()
    return store.rows(
        f"""
        SELECT source_code AS source, any_value(source_name) AS source_name,
               target_code AS target, any_value(target_name) AS target_name,
               count(*) AS events,
               count(*) FILTER (WHERE {_COOPERATIVE}) AS cooperation,
               count(*) FILTER (WHERE {_CONFLICTUAL}) AS conflict,
               avg(goldstein) AS goldstein_mean,
               min(date) AS first, max(date) AS last
        FROM events WHERE target_code IS NOT NULL AND {where}
        GROUP BY source_code, target_code
        ORDER BY events DESC, source, target LIMIT {int(limit)}
        """,
        params,
    )


def relation_counts(
    store: Store, dyad: Dyad, freq: str, filters: EventFilter | None = None
) -> list[dict[str, Any]]:
    """Events of ``dyad`` per period, QuadClass and PLOVER type and mode.

    The rows are small (periods x types), so the aggregation package can turn
    them into series and scores without reading events one by one.
    """
    if freq not in FREQUENCIES:
        raise ConfigError(
            f"Unknown frequency '{freq}'; available: {', '.join(FREQUENCIES)}"
        )
    where, params = EventQuery(filters or EventFilter(), dyad).sql()
    return store.rows(
        f"""
        SELECT date_trunc('{freq}', date)::DATE AS start, quad_class, plover,
               plover_mode, count(*) AS events, sum(goldstein) AS goldstein_sum
        FROM events WHERE date IS NOT NULL AND {where}
        GROUP BY ALL ORDER BY start
        """,
        params,
    )


def overview(store: Store) -> dict[str, Any]:
    """Store totals and the span of event dates, for the dashboard's front page."""
    counts = store.counts()
    row = store.connection.execute(
        f"SELECT min(date), max(date), count(*) FILTER (WHERE {_COOPERATIVE}), "
        f"count(*) FILTER (WHERE {_CONFLICTUAL}), "
        "count(DISTINCT source_code) FROM events"
    ).fetchone()
    first, last, cooperation, conflict, sources = row
    return {
        **counts,
        "first_date": first,
        "last_date": last,
        "cooperation": int(cooperation),
        "conflict": int(conflict),
        "source_actors": int(sources),
    }


def network(
    store: Store, query: EventQuery | None = None, limit: int = 60
) -> dict[str, list[dict[str, Any]]]:
    """The busiest actor pairs as edges, and the actors they join as nodes."""
    edges = top_dyads(store, query, limit)
    nodes: dict[str, dict[str, Any]] = {}
    for edge in edges:
        for side in ("source", "target"):
            code = edge[side]
            node = nodes.setdefault(
                code, {"code": code, "name": edge[f"{side}_name"], "events": 0}
            )
            node["events"] += edge["events"]
    return {"nodes": list(nodes.values()), "edges": edges}
