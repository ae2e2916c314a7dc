"""GDELT 2.0 event table (61 columns) and mentions table (16 columns).

Tab-separated, no header, columns in the codebook's order (read from
``data/reference/gdelt2-*-columns.tsv``), as GDELT's own ``.export.CSV`` and
``.mentions.CSV`` files are; pandas reads them with ``names=`` those columns.

Choices where dyads has no GDELT value (docs/export.md):
``GLOBALEVENTID`` is a stable 63-bit hash of the event id; ``DATEADDED`` and
``EventTimeDate`` are the event date at 00:00:00 (GDELT's is the crawl time,
which would make exports differ run to run); ``AvgTone`` and ``MentionDocTone``
are empty (no tone is computed); the actors' own geography is empty (dyads
places the action, not each actor); geo columns use FIPS 10-4 country codes
(``KSV`` -> ``KV``) and the ADM1 column holds the FIPS country code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import IO, Any

from dyads.model import Actor, Place
from dyads.store.records import EventRecord, MentionRecord

from . import Exporter, exporters
from .tables import columns, country_name, fips, numeric_id, tsv_line, yyyymmdd

EVENT_COLUMNS = columns("gdelt2-events-columns.tsv")
MENTION_COLUMNS = columns("gdelt2-mentions-columns.tsv")
_GROUPS = ("IGO", "NGO", "IMG", "MNC")
_INDIRECT_RULES = {"pronoun", "definite-title", "context", "title"}


def _actor(prefix: str, actor: Actor | None) -> dict[str, Any]:
    if actor is None:
        return {}
    country = actor.country or ""
    rest = (
        actor.code[len(country) :] if country and actor.code.startswith(country) else ""
    )
    sectors = actor.sector or rest
    types = [sectors[i : i + 3] for i in range(0, len(sectors), 3)][:3]
    group = (
        actor.code[-3:]
        if actor.code.startswith(_GROUPS) and len(actor.code) > 3
        else ""
    )
    values = {
        "Code": actor.code,
        "Name": actor.name.upper(),
        "CountryCode": country,
        "KnownGroupCode": group,
    }
    values.update({f"Type{i}Code": code for i, code in enumerate(types, 1)})
    return {f"{prefix}{key}": value for key, value in values.items()}


def _geo(place: Place | None) -> dict[str, Any]:
    if place is None:
        return {}
    code = fips(place.country)
    local = place.feature in {"city", "facility"}
    kind = (3 if code == "US" else 4) if local else 1
    country = country_name(place.country)
    full = f"{place.name}, {country}" if local and country else place.name
    values = {
        "Type": kind,
        "FullName": full,
        "CountryCode": code,
        "ADM1Code": code,
        "Lat": place.latitude,
        "Long": place.longitude,
        "FeatureID": code if kind == 1 else "",
    }
    return {f"ActionGeo_{key}": value for key, value in values.items()}


def _added(record: EventRecord) -> str:
    day = yyyymmdd(record.date)
    return f"{day}000000" if day else ""


def event_row(record: EventRecord) -> dict[str, Any]:
    """One event as GDELT event-table values by column name."""
    day = record.date
    first = record.first_mention
    row: dict[str, Any] = {
        "GLOBALEVENTID": numeric_id(record.id),
        "SQLDATE": yyyymmdd(day),
        "MonthYear": day.strftime("%Y%m") if day else "",
        "Year": day.year if day else "",
        "FractionDate": f"{day.year + (day.month * 30 + day.day) / 365:.4f}"
        if day
        else "",
        "IsRootEvent": int(first is not None and first.event.sentence_index == 0),
        "EventCode": record.code,
        "EventBaseCode": record.code[:3],
        "EventRootCode": record.root,
        "QuadClass": record.quad_class,
        "GoldsteinScale": record.goldstein,
        "NumMentions": record.num_mentions,
        "NumSources": record.num_sources,
        "NumArticles": record.num_documents,
        "DATEADDED": _added(record),
        "SOURCEURL": (first.document_url or first.event.document_id) if first else "",
    }
    row.update(_actor("Actor1", record.source))
    row.update(_actor("Actor2", record.target))
    row.update(_geo(record.place))
    return row


def source_name(mention: MentionRecord) -> str:
    match = re.match(r"^[a-z]+://([^/]+)", mention.document_url or "")
    return match.group(1) if match else (mention.document_source or "")


def mention_row(record: EventRecord, mention: MentionRecord) -> dict[str, Any]:
    """One mention as GDELT mentions-table values by column name."""
    event = mention.event
    indirect = any(
        m is not None and (m.rule in _INDIRECT_RULES or m.antecedent is not None)
        for m in (event.source, event.target)
    )
    lang = (mention.document_lang or "en").lower()
    return {
        "GLOBALEVENTID": numeric_id(record.id),
        "EventTimeDate": _added(record),
        "MentionTimeDate": f"{yyyymmdd(event.date)}000000" if event.date else "",
        "MentionType": 1 if mention.document_url else 2,
        "MentionSourceName": source_name(mention),
        "MentionIdentifier": mention.document_url or event.document_id,
        "SentenceID": event.sentence_index + 1,
        "Actor1CharOffset": event.source.span.start,
        "Actor2CharOffset": event.target.span.start if event.target else -1,
        "ActionCharOffset": event.evidence.trigger.start,
        "InRawText": 0 if indirect else 1,
        "Confidence": round(event.evidence.confidence * 100),
        "MentionDocLen": mention.document_length or "",
        "MentionDocTranslationInfo": "" if lang.startswith("en") else f"srclc:{lang}",
    }


def write_events(records: Iterable[EventRecord], stream: IO[str]) -> int:
    count = 0
    for record in records:
        stream.write(tsv_line(event_row(record), EVENT_COLUMNS))
        count += 1
    return count


def write_mentions(records: Iterable[EventRecord], stream: IO[str]) -> int:
    count = 0
    for record in records:
        for mention in record.mentions:
            stream.write(tsv_line(mention_row(record, mention), MENTION_COLUMNS))
            count += 1
    return count


exporters.register("gdelt")(
    Exporter("gdelt", write_events, ".export.CSV", description="GDELT 2.0 event table")
)
exporters.register("gdelt-mentions")(
    Exporter(
        "gdelt-mentions",
        write_mentions,
        ".mentions.CSV",
        description="GDELT 2.0 mentions table",
    )
)
