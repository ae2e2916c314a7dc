"""The data model: small frozen dataclasses that every stage passes along.

There is one offset system. Every span is a pair of character offsets into
``Document.text``; text is computed when asked, never copied (see STYLE.md).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass


class Modality(enum.StrEnum):
    """How the text presents an event. Only ``asserted`` events count by default."""

    ASSERTED = "asserted"
    NEGATED = "negated"
    FUTURE = "future"
    HYPOTHETICAL = "hypothetical"
    HISTORICAL = "historical"


class Reason(enum.StrEnum):
    """Closed list of reasons for which a document is not coded (stored and counted)."""

    EMPTY = "empty"
    BINARY = "binary"
    INVALID_ENCODING = "invalid_encoding"
    TOO_LONG = "too_long"
    LANGUAGE_NOT_SUPPORTED = "language_not_supported"
    DUPLICATE = "duplicate"
    MALFORMED = "malformed"
    UNPARSEABLE = "unparseable"
    UNREADABLE = "unreadable"


@dataclass(frozen=True, slots=True, order=True)
class TextSpan:
    """Half-open character offsets ``[start, end)`` into a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"Invalid span ({self.start}, {self.end})")

    def text(self, document_text: str) -> str:
        """The words this span covers in ``document_text``."""
        return document_text[self.start : self.end]

    def contains(self, other: TextSpan) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Document:
    """One input text with the metadata its source gave.

    ``id`` is the source's own id (corpus id, URL) when it has one, else a
    content hash (see :func:`dyads.ingest.clean.content_hash`).
    """

    id: str
    text: str
    date: dt.date | None = None
    url: str | None = None
    title: str | None = None
    lang: str | None = None
    source: str | None = None
    translations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document, as a span of its text."""

    document_id: str
    index: int
    span: TextSpan


@dataclass(frozen=True, slots=True)
class Actor:
    """A CAMEO-style actor: ``code`` is a country or IGO root plus sectors.

    For example ``KSVGOV``.
    """

    code: str
    name: str
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """Words in a sentence that refer to an actor, and how they were recognised.

    ``rule`` says why: ``dictionary:<entry id>``, ``apposition``, ``title``,
    ``pronoun``, ``definite-title`` and so on; ``antecedent`` is the span of the
    earlier mention this one was resolved to, when it was resolved by context.
    """

    span: TextSpan
    sentence_index: int
    actor: Actor
    rule: str
    antecedent: TextSpan | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened, and why that place was chosen."""

    name: str
    country: str | None
    latitude: float | None
    longitude: float | None
    reason: str
    feature: str = "place"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why an event was coded: the trigger words and the rule and entries that fired."""

    trigger: TextSpan
    sentence: TextSpan
    rule_id: str
    dictionary_entries: tuple[str, ...] = ()
    confidence: float = 0.5
    attributed_to: TextSpan | None = None

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"Confidence {self.confidence} is outside [0, 1]")


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, when and where, with the words that support it."""

    id: str
    document_id: str
    sentence_index: int
    source: Mention
    target: Mention | None
    code: str
    root: str
    quad_class: int
    goldstein: float
    plover: str
    plover_mode: str | None
    modality: Modality
    evidence: Evidence
    date: dt.date | None = None
    place: Place | None = None
    coder: str = "dyads.rules.v1"

    @property
    def is_asserted(self) -> bool:
        return self.modality is Modality.ASSERTED


@dataclass(frozen=True, slots=True)
class Rejection:
    """A document that could not be coded, with a reason from a closed list.

    ``document`` carries the text when there is one (a non-English release), so
    that the store keeps it; it is ``None`` when nothing readable was there.
    """

    document_id: str
    reason: Reason
    detail: str
    source: str | None = None
    document: Document | None = None


@dataclass(frozen=True, slots=True)
class Coded:
    """A coded document: its sentences, actor mentions and events."""

    document: Document
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
