"""JSON Lines with evidence: one event per line, each mention with its words.

This is dyads' own, lossless layout: everything the store holds about an
event, so that a reader can check every event against the text it came from.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from dyads.model import Actor, Place, TextSpan
from dyads.store.records import CODE_FIELDS, EventRecord, MentionRecord

from . import Exporter, exporters


def actor_dict(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {
        "code": actor.code,
        "name": actor.name,
        "country": actor.country,
        "sector": actor.sector,
    }


def place_dict(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "name": place.name,
        "country": place.country,
        "lat": place.latitude,
        "lon": place.longitude,
        "feature": place.feature,
        "reason": place.reason,
    }


def _span(
    span: TextSpan | None, text: str | None, **extra: Any
) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": text, **extra}


def mention_dict(mention: MentionRecord) -> dict[str, Any]:
    """A mention with its evidence spans (offsets into the document) and texts."""
    event, evidence = mention.event, mention.event.evidence
    target = event.target
    return {
        "id": event.id,
        "document_id": event.document_id,
        "sentence_index": event.sentence_index,
        "date": event.date.isoformat() if event.date else None,
        "code": event.code,
        "modality": event.modality.value,
        "source": _span(
            event.source.span,
            mention.source_text,
            rule=event.source.rule,
            actor=actor_dict(event.source.actor),
        ),
        "target": _span(
            target.span,
            mention.target_text,
            rule=target.rule,
            actor=actor_dict(target.actor),
        )
        if target
        else None,
        "trigger": _span(evidence.trigger, mention.trigger_text),
        "sentence": _span(evidence.sentence, mention.sentence_text),
        "attributed_to": _span(evidence.attributed_to, mention.attributed_text),
        "rule_id": evidence.rule_id,
        "dictionary_entries": list(evidence.dictionary_entries),
        "confidence": evidence.confidence,
        "place": place_dict(event.place),
        "join_reason": mention.join_reason,
        "document": {
            "url": mention.document_url,
            "title": mention.document_title,
            "source": mention.document_source,
            "lang": mention.document_lang,
        },
    }


def event_dict(record: EventRecord) -> dict[str, Any]:
    """An event as a JSON-ready dict, mentions included.

    ``document_id``, ``sentence_index``, ``confidence`` and ``evidence`` repeat
    the first (earliest) mention at the top level, so that a reader who wants
    one row per event (``dyads code`` output, see #2) needs no nesting.
    """
    first = mention_dict(record.mentions[0]) if record.mentions else {}
    return {
        "id": record.id,
        "document_id": first.get("document_id"),
        "sentence_index": first.get("sentence_index"),
        "confidence": first.get("confidence"),
        "evidence": {
            key: first.get(key)
            for key in (
                "sentence",
                "source",
                "target",
                "trigger",
                "attributed_to",
                "rule_id",
                "dictionary_entries",
            )
        }
        if first
        else None,
        "date": record.date.isoformat() if record.date else None,
        "source": actor_dict(record.source),
        "target": actor_dict(record.target),
        **{name: getattr(record, name) for name in CODE_FIELDS},
        "modality": record.modality.value,
        "place": place_dict(record.place),
        "num_mentions": record.num_mentions,
        "num_documents": record.num_documents,
        "num_sources": record.num_sources,
        "coder": record.coder,
        "mentions": [mention_dict(m) for m in record.mentions],
    }


def write_jsonl(records: Iterable[EventRecord], stream: IO[str]) -> int:
    count = 0
    for record in records:
        stream.write(json.dumps(event_dict(record), ensure_ascii=False) + "\n")
        count += 1
    return count


exporters.register("jsonl")(
    Exporter("jsonl", write_jsonl, ".jsonl", description="events with evidence")
)
