"""What the store gives back: an event with its mentions, each with its evidence.

An :class:`EventRecord` is one real-world event (one ``events`` row); its
:class:`MentionRecord` s are the coded instances that report it, each holding the
coder's own :class:`~dyads.model.Event` plus the words of its evidence. Texts are
copied into the record here, and only here, because a reader of the store (an
exporter, the REST API) no longer has the document at hand.

The exporters take these records, so ``dyads export`` (from a store) and
``dyads code`` (no store, see :func:`records_from_events`) write the same files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dyads.model import Actor, Document, Event, Modality, Place

CODE_FIELDS = ("code", "root", "quad_class", "goldstein", "plover", "plover_mode")
"""Fields an event record copies unchanged from the coder's first Event."""

PLACE_COLUMNS = {
    "place_name": "name",
    "place_country": "country",
    "place_lat": "latitude",
    "place_lon": "longitude",
    "place_reason": "reason",
    "place_feature": "feature",
}
"""Store and flat-export column -> :class:`~dyads.model.Place` attribute."""


def flat_columns(event: Event | EventRecord) -> dict[str, Any]:
    """The columns events, mentions and the flat exports share: actors, codes, place."""
    row: dict[str, Any] = {"date": event.date, "modality": event.modality.value}
    source = event.source if isinstance(event, EventRecord) else event.source.actor
    target = event.target
    if isinstance(event, Event):
        target = event.target.actor if event.target else None
    for role, actor in (("source", source), ("target", target)):
        for column in ("code", "name", "country", "sector"):
            row[f"{role}_{column}"] = getattr(actor, column) if actor else None
    row.update({name: getattr(event, name) for name in CODE_FIELDS})
    place = event.place
    for column, attribute in PLACE_COLUMNS.items():
        row[column] = getattr(place, attribute) if place else None
    row["coder"] = event.coder
    return row


@dataclass(frozen=True, slots=True)
class MentionRecord:
    """One coded instance of an event, with the words that support it."""

    event: Event
    event_id: str
    join_reason: str
    trigger_text: str
    sentence_text: str
    source_text: str
    target_text: str | None = None
    attributed_text: str | None = None
    document_url: str | None = None
    document_title: str | None = None
    document_source: str | None = None
    document_lang: str | None = None
    document_length: int | None = None


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One real-world event, however many documents report it."""

    id: str
    date: dt.date | None
    source: Actor
    target: Actor | None
    code: str
    root: str
    quad_class: int
    goldstein: float
    plover: str
    plover_mode: str | None
    modality: Modality
    place: Place | None
    num_mentions: int
    num_documents: int
    num_sources: int
    coder: str
    mentions: tuple[MentionRecord, ...] = ()

    @property
    def first_mention(self) -> MentionRecord | None:
        return self.mentions[0] if self.mentions else None


def mention_record(
    event: Event, document: Document | None, event_id: str, join_reason: str
) -> MentionRecord:
    """The record of ``event`` with its evidence texts cut from ``document``."""
    text = document.text if document is not None else ""
    target = event.target
    attributed = event.evidence.attributed_to
    return MentionRecord(
        event=event,
        event_id=event_id,
        join_reason=join_reason,
        trigger_text=event.evidence.trigger.text(text),
        sentence_text=event.evidence.sentence.text(text),
        source_text=event.source.span.text(text),
        target_text=target.span.text(text) if target is not None else None,
        attributed_text=attributed.text(text) if attributed is not None else None,
        document_url=document.url if document else None,
        document_title=document.title if document else None,
        document_source=document.source if document else None,
        document_lang=document.lang if document else None,
        document_length=len(text) if document else None,
    )


def records_from_events(
    events: Iterable[Event], documents: Mapping[str, Document] | None = None
) -> list[EventRecord]:
    """One record per coded event, without matching: what ``dyads code`` exports.

    Each event stands alone (one mention); matching reports of the same event
    needs the store (see docs/store.md).
    """
    documents = documents or {}
    records = []
    for event in events:
        mention = mention_record(
            event, documents.get(event.document_id), event.id, "not stored"
        )
        records.append(
            EventRecord(
                id=event.id,
                date=event.date,
                source=event.source.actor,
                target=event.target.actor if event.target else None,
                modality=event.modality,
                place=event.place,
                num_mentions=1,
                num_documents=1,
                num_sources=1,
                coder=event.coder,
                mentions=(mention,),
                **{name: getattr(event, name) for name in CODE_FIELDS},
            )
        )
    return records
