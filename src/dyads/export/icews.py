"""ICEWS-style event file: the 20 tab-separated columns of the Dataverse ``.tab`` files.

With a header line (ICEWS files have one). Actors and countries are written as
names, sectors as comma-separated words, the event text as the CAMEO label, and
``Intensity`` as the event code's Goldstein value. ``Event ID`` and ``Story ID``
are stable 63-bit hashes of the dyads event and document ids; a place is written
to ``City`` when it is a city or facility, and ``District``/``Province`` are
empty (the gazetteer has no divisions).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from dyads.model import Actor
from dyads.store.records import EventRecord

from . import Exporter, exporters
from .gdelt import source_name
from .tables import columns, country_name, numeric_id, tsv_line

COLUMNS = columns("icews-columns.tsv")
SECTOR_WORDS = {
    "GOV": "Government",
    "MIL": "Military",
    "COP": "Police",
    "JUD": "Judicial",
    "LEG": "Legislative / Parliamentary",
    "OPP": "Opposition",
    "REB": "Rebel",
    "INS": "Insurgents",
    "CRM": "Criminal",
    "CVL": "Civilian",
    "MED": "Media",
    "BUS": "Business",
    "REF": "Refugees / Displaced",
    "EDU": "Education",
    "HLH": "Health",
    "LAB": "Labor",
    "ELI": "Elite",
    "SPY": "Intelligence",
    "UAF": "Unidentified Forces",
    "PTY": "Parties",
    "NGO": "Non-Governmental Organizations",
    "IGO": "International Government Organization",
    "MNC": "Multinational Corporation",
}


def _label(code: str) -> str:
    from dyads.errors import UnknownNameError
    from dyads.events.ontology import Ontology

    try:
        return Ontology.load().cameo(code).name
    except UnknownNameError:
        return ""


def _actor(prefix: str, actor: Actor | None) -> dict[str, Any]:
    if actor is None:
        return {}
    sectors = actor.sector or ""
    if actor.code.startswith(("IGO", "NGO", "MNC")):
        sectors = actor.code[:3] + sectors
    words = [
        SECTOR_WORDS.get(sectors[i : i + 3], "") for i in range(0, len(sectors), 3)
    ]
    return {
        f"{prefix} Name": actor.name,
        f"{prefix} Sectors": ",".join(w for w in words if w),
        f"{prefix} Country": country_name(actor.country),
    }


def icews_row(record: EventRecord) -> dict[str, Any]:
    """One event as ICEWS column values by column name."""
    first = record.first_mention
    place = record.place
    row: dict[str, Any] = {
        "Event ID": numeric_id(record.id),
        "Event Date": record.date.isoformat() if record.date else "",
        "Event Text": _label(record.code),
        "CAMEO Code": record.code,
        "Intensity": record.goldstein,
        "Story ID": numeric_id(first.event.document_id) if first else "",
        "Sentence Number": first.event.sentence_index + 1 if first else "",
        "Publisher": source_name(first) if first else "",
    }
    row.update(_actor("Source", record.source))
    row.update(_actor("Target", record.target))
    if place is not None:
        row.update(
            {
                "City": place.name if place.feature in {"city", "facility"} else "",
                "Country": country_name(place.country),
                "Latitude": place.latitude,
                "Longitude": place.longitude,
            }
        )
    return row


def write_icews(records: Iterable[EventRecord], stream: IO[str]) -> int:
    stream.write("\t".join(COLUMNS) + "\n")
    count = 0
    for record in records:
        stream.write(tsv_line(icews_row(record), COLUMNS))
        count += 1
    return count


exporters.register("icews")(
    Exporter("icews", write_icews, ".tab", description="ICEWS-style event TSV")
)
