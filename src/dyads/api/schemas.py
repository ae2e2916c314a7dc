"""Request and response models of the REST API (pydantic lives only here).

The models double as the OpenAPI document at ``/openapi.json``, which the fuzz
tests read to generate requests, so every field says what it holds. The
``from_*`` helpers turn the plain rows of :mod:`dyads.store.queries` into
models; nothing else in the API knows column names.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field

Frequency = Literal["day", "week", "month", "quarter", "year"]
ModalityName = Literal["asserted", "negated", "future", "hypothetical", "historical"]
MAX_TEXT = 1_000_000


class Error(BaseModel):
    """The one shape of every error the API returns."""

    ok: Literal[False] = False
    error: str = Field(description="One sentence saying what went wrong.")
    status: int = Field(
        description="The HTTP status, repeated for clients that lose it."
    )
    detail: list[dict[str, Any]] | None = Field(
        default=None, description="Per-field problems of an invalid request."
    )


class PlaceOut(BaseModel):
    name: str
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    reason: str | None = None


class EventOut(BaseModel):
    """One real-world event (however many documents report it)."""

    id: str
    date: dt.date | None
    source: str
    source_name: str | None
    target: str | None
    target_name: str | None
    code: str
    root: str
    quad_class: int | None
    goldstein: float | None
    plover: str | None
    plover_mode: str | None
    modality: str
    place: PlaceOut | None
    num_mentions: int
    num_documents: int
    num_sources: int
    first_document_id: str
    sentence_text: str | None = Field(
        default=None, description="Sentence of the first mention (the evidence)."
    )
    trigger_text: str | None = None


class SpanOut(BaseModel):
    """Character offsets into the document's text, and the words they cover."""

    start: int
    end: int
    text: str | None


class ActorSpanOut(SpanOut):
    code: str
    name: str | None
    rule: str | None


class MentionOut(BaseModel):
    """One coded instance of an event, with the words that support it."""

    id: str
    event_id: str
    document_id: str
    document_title: str | None = None
    sentence_index: int
    date: dt.date | None
    code: str
    modality: str
    source: ActorSpanOut
    target: ActorSpanOut | None
    trigger: SpanOut
    sentence: SpanOut
    attributed_to: SpanOut | None
    rule_id: str
    dictionary_entries: list[str]
    confidence: float | None
    join_reason: str


class EventDetail(EventOut):
    ok: Literal[True] = True
    mentions: list[MentionOut]


class EventPage(BaseModel):
    ok: Literal[True] = True
    total: int
    limit: int
    offset: int
    items: list[EventOut]


class ActorOut(BaseModel):
    code: str
    name: str | None
    as_source: int
    as_target: int
    events: int


class ActorList(BaseModel):
    ok: Literal[True] = True
    items: list[ActorOut]


class DyadOut(BaseModel):
    """A directed pair of actors with its counts and cooperation-conflict index."""

    source: str
    source_name: str | None
    target: str
    target_name: str | None
    events: int
    cooperation: int
    conflict: int
    goldstein_mean: float | None
    first: dt.date | None
    last: dt.date | None
    index: float
    index_low: float
    index_high: float


class DyadList(BaseModel):
    ok: Literal[True] = True
    items: list[DyadOut]


class PeriodOut(BaseModel):
    period: str
    start: dt.date
    end: dt.date
    events: int
    quad1: int
    quad2: int
    quad3: int
    quad4: int
    cooperation: int
    conflict: int
    goldstein_sum: float
    goldstein_mean: float | None
    plover_score_sum: float
    index: float
    index_low: float
    index_high: float
    index_raw: float | None
    shift: Literal["up", "down"] | None


class RelationOut(BaseModel):
    ok: Literal[True] = True
    source: str
    target: str | None
    both: bool
    freq: Frequency
    modalities: list[str]
    events: int
    index: float
    index_low: float
    index_high: float
    periods: list[PeriodOut]
    shifts: list[str]


class DocumentOut(BaseModel):
    ok: Literal[True] = True
    id: str
    title: str | None
    url: str | None
    date: dt.date | None
    lang: str | None
    source: str | None
    translations: list[str]
    status: str
    text: str
    mentions: list[MentionOut]
    rejections: list[dict[str, Any]]


class OverviewOut(BaseModel):
    ok: Literal[True] = True
    counts: dict[str, Any]
    top_dyads: list[DyadOut]
    latest: list[EventOut]


class NetworkNode(BaseModel):
    code: str
    name: str | None
    events: int


class NetworkOut(BaseModel):
    ok: Literal[True] = True
    nodes: list[NetworkNode]
    edges: list[DyadOut]


class CodeRequest(BaseModel):
    """A text to code; nothing is stored."""

    text: str = Field(min_length=1, max_length=MAX_TEXT)
    date: dt.date | None = Field(default=None, description="The text's date.")


class CodedEventOut(BaseModel):
    id: str
    date: dt.date | None
    source: ActorSpanOut
    target: ActorSpanOut | None
    code: str
    root: str
    quad_class: int
    goldstein: float
    plover: str
    plover_mode: str | None
    modality: str
    trigger: SpanOut
    sentence: SpanOut
    rule_id: str
    confidence: float
    place: PlaceOut | None


class CodeResponse(BaseModel):
    ok: Literal[True] = True
    events: list[CodedEventOut]


class DocumentIn(BaseModel):
    """A document to ingest; without ``id`` its content hash is its id."""

    id: str | None = Field(default=None, min_length=1, max_length=2000)
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    date: dt.date | None = None
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=200)


class IngestRequest(BaseModel):
    documents: list[DocumentIn] = Field(min_length=1, max_length=1000)


class IngestResponse(BaseModel):
    ok: Literal[True] = True
    ids: list[str]
    coded: int
    rejected: int
    skipped: int
    events: int
    mentions: int
    rejections_by_reason: dict[str, int]


# -- rows to models ---------------------------------------------------------------


def _place(row: dict[str, Any]) -> PlaceOut | None:
    if row.get("place_name") is None:
        return None
    return PlaceOut(
        name=row["place_name"],
        country=row.get("place_country"),
        latitude=row.get("place_lat"),
        longitude=row.get("place_lon"),
        reason=row.get("place_reason"),
    )


def event_from_row(row: dict[str, Any]) -> dict[str, Any]:
    """An ``events`` row (plus its first evidence) as EventOut fields."""
    return {
        "id": row["id"],
        "date": row["date"],
        "source": row["source_code"],
        "source_name": row["source_name"],
        "target": row["target_code"],
        "target_name": row["target_name"],
        "code": row["code"],
        "root": row["root"],
        "quad_class": row["quad_class"],
        "goldstein": row["goldstein"],
        "plover": row["plover"],
        "plover_mode": row["plover_mode"],
        "modality": row["modality"],
        "place": _place(row),
        "num_mentions": row["num_mentions"],
        "num_documents": row["num_documents"],
        "num_sources": row["num_sources"],
        "first_document_id": row["first_document_id"],
        "sentence_text": row.get("sentence_text"),
        "trigger_text": row.get("trigger_text"),
    }


def _span(row: dict[str, Any], name: str) -> SpanOut | None:
    if row.get(f"{name}_start") is None:
        return None
    return SpanOut(
        start=row[f"{name}_start"], end=row[f"{name}_end"], text=row[f"{name}_text"]
    )


def _actor(row: dict[str, Any], role: str) -> ActorSpanOut | None:
    if row.get(f"{role}_code") is None:
        return None
    return ActorSpanOut(
        code=row[f"{role}_code"],
        name=row.get(f"{role}_name"),
        rule=row.get(f"{role}_rule"),
        start=row.get(f"{role}_start") or 0,
        end=row.get(f"{role}_end") or 0,
        text=row.get(f"{role}_text"),
    )


def mention_from_row(row: dict[str, Any]) -> MentionOut:
    """A ``mentions`` row as a MentionOut."""
    source = _actor(row, "source")
    trigger, sentence = _span(row, "trigger"), _span(row, "sentence")
    assert source is not None and trigger is not None and sentence is not None
    return MentionOut(
        id=row["id"],
        event_id=row["event_id"],
        document_id=row["document_id"],
        document_title=row.get("document_title"),
        sentence_index=row["sentence_index"],
        date=row["date"],
        code=row["code"],
        modality=row["modality"],
        source=source,
        target=_actor(row, "target"),
        trigger=trigger,
        sentence=sentence,
        attributed_to=_span(row, "attributed"),
        rule_id=row["rule_id"],
        dictionary_entries=list(row["dictionary_entries"] or ()),
        confidence=row["confidence"],
        join_reason=row["join_reason"],
    )
