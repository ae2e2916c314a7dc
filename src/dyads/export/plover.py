"""PLOVER JSON Lines records, as the PLOVER manual's "Data Fields" chapter defines.

Required fields: ``id``, ``date`` (``YYYY-MM-DD`` string), ``actor`` and
``event`` (arrays). An event without a date cannot be a valid record and is
left out (it stays in the other exports). Choices (docs/export.md):

- Reciprocal events (meetings, 036/04x/057) list both sides in ``actor`` and no
  ``recipient``, as the manual asks; other events put the target in ``recipient``.
- Entity ``code`` is the top-level code: the ISO3 country, ``UNO``/``EUR``/``IGO``/
  ``NGO``/``MNC``/``IMG`` for non-state actors, Kosovo ``KOS`` as in the manual;
  it is left out when the country is unknown (dyads ``---``).
  ``sector`` follows PLOVER's sector list (CAMEO MED -> JRN, HLH -> MED; INS and
  SEP dropped).
- ``event_scale`` is the PLOVER score of the mode (or of the type without one);
  the CAMEO Goldstein value is kept as the provider field ``goldstein``, and the
  dyads modality as ``dyads_modality`` (the manual's auxiliary modes go to
  ``context`` only for non-asserted events).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from dyads.model import Actor, Modality
from dyads.store.merge import is_reciprocal
from dyads.store.records import EventRecord, MentionRecord

from . import Exporter, exporters

REQUIRED = ("id", "date", "actor", "event")
_GROUPS = {
    "IGOUNO": "UNO",
    "IGOEU": "EUR",
    "IGO": "IGO",
    "NGO": "NGO",
    "MNC": "MNC",
    "IMG": "IMG",
}
_CODES = {"KSV": "KOS"}
_SECTORS = {"MED": "JRN", "HLH": "MED", "INS": None, "SEP": None}
_AUXILIARY = {
    Modality.NEGATED: "negation",
    Modality.FUTURE: "future",
    Modality.HYPOTHETICAL: "hypothetical",
    Modality.HISTORICAL: "historical",
}


def entity(actor: Actor, text: str | None) -> dict[str, Any]:
    """A PLOVER entity object for a dyads actor."""
    code = next((v for k, v in _GROUPS.items() if actor.code.startswith(k)), None)
    if code is None:
        country = actor.country or actor.code[:3]
        code = _CODES.get(country, country)
    sector = actor.sector
    if sector is not None:
        sector = _SECTORS.get(sector, sector)
    item: dict[str, Any] = {"identifier_text": actor.name, "dyads_code": actor.code}
    if code.isalpha():  # "---" (country unknown) has no PLOVER code
        item["code"] = code
    if sector:
        item["sector"] = sector
    if text:
        item["entity_text"] = text
    return item


def _score(record: EventRecord) -> float | None:
    from dyads.events.ontology import Ontology

    try:
        kind = Ontology.load().plover_type(record.plover)
    except Exception:  # noqa: BLE001 - a type outside the ontology has no score
        return None
    scores: dict[str, float | None] = kind["mode_scores"]  # type: ignore[assignment]
    if record.plover_mode and scores.get(record.plover_mode) is not None:
        return scores[record.plover_mode]
    return kind["score"]  # type: ignore[return-value]


def plover_record(record: EventRecord) -> dict[str, Any]:
    """One event as a PLOVER record (see the module docstring for the choices)."""
    first: MentionRecord | None = record.first_mention
    source = entity(record.source, first.source_text if first else None)
    target = (
        entity(record.target, first.target_text if first else None)
        if record.target
        else None
    )
    out: dict[str, Any] = {
        "id": record.id,
        "has_event": True,
        "date": record.date.isoformat() if record.date else None,
        "actor": [source],
        "event": [record.plover],
        "quad_code": record.quad_class,
    }
    if target is not None:
        if is_reciprocal(record.code):
            out["actor"].append(target)
        else:
            out["recipient"] = [target]
    if record.plover_mode:
        out["mode"] = [record.plover_mode]
    if record.modality in _AUXILIARY:
        out["context"] = [_AUXILIARY[record.modality]]
    score = _score(record)
    if score is not None:
        out["event_scale"] = score
    if record.place is not None:
        place = record.place
        out["event_loc"] = {
            "extracted_place": place.reason.split("'")[1]
            if "'" in place.reason
            else place.name,
            "resolved_place": place.name,
            "lat": place.latitude,
            "lon": place.longitude,
            "country_code": _CODES.get(place.country or "", place.country),
            "resolution": {"facility": 5, "city": 4, "region": 2}.get(place.feature, 1),
        }
    if first is not None:
        event = first.event
        out["event_text"] = [first.trigger_text]
        out["text_info"] = {
            "sequence": event.sentence_index + 1,
            "start": event.evidence.sentence.start,
            "end": event.evidence.sentence.end,
        }
        out["cite_info"] = {
            k: v
            for k, v in {
                "citation": event.document_id,
                "url": first.document_url,
                "title": first.document_title,
                "language": first.document_lang,
                "publication": first.document_source,
                "coder": record.coder,
                "codebook": "CAMEO 1.1b3 via cameo_plover.tsv",
            }.items()
            if v
        }
    out["coder"] = record.coder
    out["goldstein"] = record.goldstein
    out["cameo_code"] = record.code
    out["dyads_modality"] = record.modality.value
    out["num_mentions"] = record.num_mentions
    return out


def validator() -> Any:
    """A validator of PLOVER records (data/reference/plover-record.schema.json)."""
    from importlib import resources

    import jsonschema

    path = resources.files("dyads.data.reference").joinpath("plover-record.schema.json")
    return jsonschema.Draft202012Validator(json.loads(path.read_text("utf-8")))


def write_plover(records: Iterable[EventRecord], stream: IO[str]) -> int:
    count = 0
    for record in records:
        if record.date is None:
            continue
        stream.write(json.dumps(plover_record(record), ensure_ascii=False) + "\n")
        count += 1
    return count


exporters.register("plover")(
    Exporter(
        "plover", write_plover, ".plover.jsonl", description="PLOVER JSONL records"
    )
)
