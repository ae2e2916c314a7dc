"""Write coded documents and rejections into the store, one transaction per batch.

A batch goes in as Arrow tables (one ``INSERT ... SELECT`` per table), not row by
row: DuckDB inserts columns fast and rows slowly, and the store must cost at most
a tenth of coding time (issue #3). A batch is all or nothing, so a run killed
mid-batch leaves the store as it was after the previous batch.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from dyads.model import Coded, Document, Event, Reason, Rejection

from . import merge
from .records import flat_columns

_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://([^/?#]+)", re.IGNORECASE)


def content_hash(text: str) -> str:
    """Hash of a document's text: identical content is stored once."""
    return hashlib.blake2b(
        text.encode("utf-8", "surrogatepass"), digest_size=16
    ).hexdigest()


def rejection_id(rejection: Rejection, occurrence: int = 0) -> str:
    """Deterministic id: re-reading the same input finds the same rejection."""
    parts = (
        rejection.document_id,
        rejection.reason.value,
        rejection.source or "",
        str(occurrence),
    )
    return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=12).hexdigest()


def sql_list(values: Iterable[str]) -> str:
    """A literal ``('a', 'b')`` list: DuckDB answers ``IN`` on literals from its
    indexes, where a list parameter means a full scan (15x slower at 1M rows)."""
    quoted = ["'" + v.replace("'", "''") + "'" for v in values]
    return "(" + (", ".join(quoted) or "NULL") + ")"


def stored_documents(
    con: Any, ids: Iterable[str], hashes: Iterable[str]
) -> tuple[set[str], dict[str, str]]:
    """Which of ``ids`` are stored, and the stored id of each of ``hashes`` found."""
    rows = con.execute(
        f"SELECT id, content_hash FROM documents WHERE id IN {sql_list(ids)} "
        f"UNION ALL SELECT id, content_hash FROM documents "
        f"WHERE content_hash IN {sql_list(hashes)}"
    ).fetchall()
    return {row[0] for row in rows}, {row[1]: row[0] for row in rows}


def source_key(document: Document) -> str:
    """Who published a document, for ``num_sources``: URL host, else source, else id."""
    match = _HOST.match(document.url or "")
    return match.group(1).lower() if match else (document.source or document.id)


@dataclass(slots=True)
class BatchCounts:
    """What one batch added; the ingest loop sums these into the run's row."""

    coded: int = 0
    rejected: int = 0
    skipped: int = 0
    events: int = 0
    mentions: int = 0
    rejections_by_reason: dict[str, int] = field(default_factory=dict)


def _document_row(
    document: Document, digest: str, status: str, run_id: int
) -> dict[str, Any]:
    return {
        "id": document.id,
        "content_hash": digest,
        "text": document.text,
        "title": document.title,
        "url": document.url,
        "date": document.date,
        "lang": document.lang,
        "source": document.source,
        "translations": list(document.translations),
        "status": status,
        "first_run": run_id,
    }


def _mention_row(
    event: Event, document: Document, assignment: merge.Assignment, run_id: int
) -> dict[str, Any]:
    text = document.text
    row = flat_columns(event)
    evidence = event.evidence
    spans = {
        "source": event.source.span,
        "target": event.target.span if event.target else None,
        "trigger": evidence.trigger,
        "sentence": evidence.sentence,
        "attributed": evidence.attributed_to,
    }
    for name, span in spans.items():
        row[f"{name}_start"] = span.start if span else None
        row[f"{name}_end"] = span.end if span else None
        row[f"{name}_text"] = span.text(text) if span else None
    row.update(
        id=event.id,
        event_id=assignment.event_id,
        document_id=event.document_id,
        sentence_index=event.sentence_index,
        source_rule=event.source.rule,
        target_rule=event.target.rule if event.target else None,
        rule_id=evidence.rule_id,
        dictionary_entries=list(evidence.dictionary_entries),
        confidence=evidence.confidence,
        source_key=source_key(document),
        join_reason=assignment.join_reason,
        run_id=run_id,
    )
    return row


def _event_row(
    event: Event, assignment: merge.Assignment, run_id: int, release: str
) -> dict[str, Any]:
    row = flat_columns(event)
    row.update(
        id=assignment.event_id,
        match_key=merge.match_key(event),
        match_day=merge.match_day(merge.match_key(event), event.date, release),
        num_mentions=1,
        num_documents=1,
        num_sources=1,
        first_mention_id=event.id,
        first_document_id=event.document_id,
        first_run=run_id,
    )
    return row


def _insert(
    con: Any, table: str, rows: list[dict[str, Any]], *, ignore: bool = False
) -> None:
    if not rows:
        return
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    con.register("_batch", pa.Table.from_pylist(rows))
    try:
        con.execute(f"{verb} INTO {table} BY NAME SELECT * FROM _batch")
    finally:
        con.unregister("_batch")


_RECOUNT = """
UPDATE events SET num_mentions = s.n, num_documents = s.d, num_sources = s.s
FROM (
    SELECT event_id, count(*) AS n, count(DISTINCT document_id) AS d,
           count(DISTINCT source_key) AS s
    FROM mentions WHERE event_id IN {ids} GROUP BY event_id
) s
WHERE events.id = s.event_id
"""


def write_batch(
    con: Any,
    results: Sequence[Coded | Rejection],
    run_id: int,
    rejection_ids: Sequence[str | None] | None = None,
) -> BatchCounts:
    """Write one batch in one transaction; documents already stored are skipped.

    Args:
        con: a DuckDB connection (not inside a transaction).
        results: coded documents and rejections, in input order.
        run_id: the ``runs`` row these rows belong to.
        rejection_ids: one per result, the id of each rejection (the ingest loop
            numbers repeated ones); ``None`` (or no list) means
            :func:`rejection_id`.
    """
    counts = BatchCounts()
    docs = [r.document for r in results if r.document is not None]
    hashes = {d.id: content_hash(d.text) for d in docs}
    con.execute("BEGIN TRANSACTION")
    try:
        stored_ids, stored_hashes = stored_documents(con, hashes, hashes.values())
        documents: list[dict[str, Any]] = []
        rejections: list[dict[str, Any]] = []
        events: list[Event] = []
        coded: dict[str, Document] = {}
        given = list(rejection_ids or [None] * len(results))
        for result, rid in zip(results, given, strict=True):
            document = result.document
            if document is not None and document.id in stored_ids:
                if isinstance(result, Coded):
                    counts.skipped += 1
                    continue
                document = None  # a rejection is recorded; its text is there already
            if document is not None and hashes[document.id] in stored_hashes:
                result = Rejection(
                    document.id,
                    Reason.DUPLICATE,
                    f"same text as document {stored_hashes[hashes[document.id]]}",
                    document.source,
                )
            elif document is not None:
                stored_ids.add(document.id)
                stored_hashes[hashes[document.id]] = document.id
                status = "coded" if isinstance(result, Coded) else "rejected"
                documents.append(
                    _document_row(document, hashes[document.id], status, run_id)
                )
            if isinstance(result, Coded):
                counts.coded += 1
                coded[result.document.id] = result.document
                events.extend(result.events)
                continue
            rid = rid or rejection_id(result)
            rejections.append(
                {
                    "id": rid,
                    "document_id": result.document_id,
                    "reason": result.reason.value,
                    "detail": result.detail,
                    "source": result.source,
                    "run_id": run_id,
                }
            )
            by_reason = counts.rejections_by_reason
            by_reason[result.reason.value] = by_reason.get(result.reason.value, 0) + 1
            counts.rejected += 1
        _insert(con, "documents", documents)
        _insert(con, "rejections", rejections, ignore=True)
        _write_events(con, events, coded, run_id, counts)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return counts


def _write_events(
    con: Any,
    events: list[Event],
    coded: dict[str, Document],
    run_id: int,
    counts: BatchCounts,
) -> None:
    if not events:
        return
    releases = {i: merge.release_key(d) for i, d in coded.items() if d.translations}
    query = merge.candidates_sql(events, sql_list, releases)
    rows = con.execute(query).fetchall()
    assignments = merge.assign(events, merge.stored_candidates(rows), releases)
    new_events = [
        _event_row(e, a, run_id, releases.get(e.document_id, e.document_id))
        for e, a in zip(events, assignments, strict=True)
        if a.is_new
    ]
    mentions = [
        _mention_row(e, coded[e.document_id], a, run_id)
        for e, a in zip(events, assignments, strict=True)
    ]
    _insert(con, "events", new_events)
    _insert(con, "mentions", mentions)
    touched = sorted({a.event_id for a in assignments})
    con.execute(_RECOUNT.format(ids=sql_list(touched)))
    counts.events += len(new_events)
    counts.mentions += len(mentions)
