"""Turn stored rows back into records: events with their mentions and evidence.

Reads stream in pages, so exporting millions of events holds one page of
events (and their mentions) in memory at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dyads.model import Actor, Event, Evidence, Mention, Modality, Place, TextSpan

from .filters import EventFilter
from .records import CODE_FIELDS, EventRecord, MentionRecord

PAGE = 2000

_MENTIONS_SQL = """
WITH chosen AS ({chosen})
SELECT m.*, d.url AS document_url, d.title AS document_title,
       d.source AS document_source, d.lang AS document_lang,
       length(d.text) AS document_length
FROM chosen c JOIN mentions m ON m.event_id = c.id
LEFT JOIN documents d ON d.id = m.document_id
ORDER BY c.date NULLS LAST, c.id, m.rowid
"""


def rows_to_dicts(cursor: Any) -> list[dict[str, Any]]:
    """A DuckDB result as a list of column-name dicts."""
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _actor(row: dict[str, Any], role: str) -> Actor | None:
    code = row[f"{role}_code"]
    if code is None:
        return None
    return Actor(
        code, row[f"{role}_name"] or code, row[f"{role}_country"], row[f"{role}_sector"]
    )


def _place(row: dict[str, Any]) -> Place | None:
    if row["place_name"] is None:
        return None
    return Place(
        name=row["place_name"],
        country=row["place_country"],
        latitude=row["place_lat"],
        longitude=row["place_lon"],
        reason=row["place_reason"] or "",
        feature=row["place_feature"] or "place",
    )


def _span(row: dict[str, Any], name: str) -> TextSpan | None:
    start, end = row[f"{name}_start"], row[f"{name}_end"]
    return None if start is None or end is None else TextSpan(start, end)


def _mention(row: dict[str, Any], role: str) -> Mention | None:
    actor, span = _actor(row, role), _span(row, role)
    if actor is None:
        return None
    return Mention(
        span or TextSpan(0, 0), row["sentence_index"], actor, row[f"{role}_rule"] or ""
    )


def mention_from_row(row: dict[str, Any]) -> MentionRecord:
    """A stored mention, with the coder's Event rebuilt from its columns."""
    source = _mention(row, "source")
    assert source is not None  # source_code is NOT NULL
    trigger, sentence = _span(row, "trigger"), _span(row, "sentence")
    assert trigger is not None and sentence is not None
    event = Event(
        id=row["id"],
        document_id=row["document_id"],
        sentence_index=row["sentence_index"],
        source=source,
        target=_mention(row, "target"),
        modality=Modality(row["modality"]),
        evidence=Evidence(
            trigger=trigger,
            sentence=sentence,
            rule_id=row["rule_id"],
            dictionary_entries=tuple(row["dictionary_entries"] or ()),
            confidence=row["confidence"] if row["confidence"] is not None else 0.5,
            attributed_to=_span(row, "attributed"),
        ),
        date=row["date"],
        place=_place(row),
        coder=row["coder"] or "",
        **{name: row[name] for name in CODE_FIELDS},
    )
    return MentionRecord(
        event=event,
        event_id=row["event_id"],
        join_reason=row["join_reason"],
        trigger_text=row["trigger_text"] or "",
        sentence_text=row["sentence_text"] or "",
        source_text=row["source_text"] or "",
        target_text=row["target_text"],
        attributed_text=row["attributed_text"],
        document_url=row["document_url"],
        document_title=row["document_title"],
        document_source=row["document_source"],
        document_lang=row["document_lang"],
        document_length=row["document_length"],
    )


def event_from_row(
    row: dict[str, Any], mentions: tuple[MentionRecord, ...]
) -> EventRecord:
    """A stored event with the given mentions."""
    source = _actor(row, "source")
    assert source is not None
    return EventRecord(
        id=row["id"],
        date=row["date"],
        source=source,
        target=_actor(row, "target"),
        modality=Modality(row["modality"]),
        place=_place(row),
        num_mentions=row["num_mentions"],
        num_documents=row["num_documents"],
        num_sources=row["num_sources"],
        coder=row["coder"] or "",
        mentions=mentions,
        **{name: row[name] for name in CODE_FIELDS},
    )


def _stream(cursor: Any) -> Iterator[dict[str, Any]]:
    names = [column[0] for column in cursor.description]
    while rows := cursor.fetchmany(PAGE):
        for row in rows:
            yield dict(zip(names, row, strict=True))


def event_records(
    con: Any, filters: EventFilter, limit: int | None, offset: int, with_mentions: bool
) -> Iterator[EventRecord]:
    """Events passing ``filters`` ordered by date and id, with their mentions.

    Two sorted queries stream side by side, events and their mentions in the same
    order, and are walked together: one sort each, however many events (paging
    with OFFSET, or a lookup per page, would repeat the work per page).
    """
    where, params = filters.sql("events")
    window = f" LIMIT {int(limit)}" if limit is not None else ""
    if offset:
        window += f" OFFSET {int(offset)}"
    chosen = f"SELECT * FROM events WHERE {where} ORDER BY date NULLS LAST, id{window}"
    events_cursor, mentions_cursor = con.cursor(), con.cursor()
    try:
        events_cursor.execute(chosen, params)
        pending: dict[str, Any] | None = None
        mentions: Iterator[dict[str, Any]] = iter(())
        if with_mentions:
            mentions_cursor.execute(_MENTIONS_SQL.format(chosen=chosen), params)
            mentions = _stream(mentions_cursor)
            pending = next(mentions, None)
        for row in _stream(events_cursor):
            found: list[MentionRecord] = []
            while pending is not None and pending["event_id"] == row["id"]:
                found.append(mention_from_row(pending))
                pending = next(mentions, None)
            yield event_from_row(row, tuple(found))
    finally:
        events_cursor.close()
        mentions_cursor.close()
