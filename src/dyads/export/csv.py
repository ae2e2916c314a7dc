"""CSV: one flat row per event, with the first mention's evidence.

The flat layout (:data:`FLAT_COLUMNS`) is shared with Parquet, so a spreadsheet
and a data frame see the same columns. Mentions beyond the first are counted
(``num_mentions``), not listed; the JSONL export keeps them all.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

from dyads.store.records import EventRecord, flat_columns

from . import Exporter, exporters

FLAT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"),
    ("date", "date"),
    ("source_code", "string"),
    ("source_name", "string"),
    ("source_country", "string"),
    ("source_sector", "string"),
    ("target_code", "string"),
    ("target_name", "string"),
    ("target_country", "string"),
    ("target_sector", "string"),
    ("code", "string"),
    ("root", "string"),
    ("quad_class", "int"),
    ("goldstein", "float"),
    ("plover", "string"),
    ("plover_mode", "string"),
    ("modality", "string"),
    ("place_name", "string"),
    ("place_country", "string"),
    ("place_lat", "float"),
    ("place_lon", "float"),
    ("place_feature", "string"),
    ("place_reason", "string"),
    ("num_mentions", "int"),
    ("num_documents", "int"),
    ("num_sources", "int"),
    ("coder", "string"),
    ("document_id", "string"),
    ("url", "string"),
    ("sentence_index", "int"),
    ("trigger_text", "string"),
    ("sentence_text", "string"),
    ("rule_id", "string"),
    ("confidence", "float"),
)
"""Column name and type of the flat layout, in order."""


def flat_row(record: EventRecord) -> dict[str, Any]:
    """One event as a flat dict of :data:`FLAT_COLUMNS`."""
    row = flat_columns(record)
    row.update(
        id=record.id,
        num_mentions=record.num_mentions,
        num_documents=record.num_documents,
        num_sources=record.num_sources,
    )
    first = record.first_mention
    event = first.event if first else None
    row.update(
        document_id=event.document_id if event else None,
        url=first.document_url if first else None,
        sentence_index=event.sentence_index if event else None,
        trigger_text=first.trigger_text if first else None,
        sentence_text=first.sentence_text if first else None,
        rule_id=event.evidence.rule_id if event else None,
        confidence=event.evidence.confidence if event else None,
    )
    return row


def write_csv(records: Iterable[EventRecord], stream: IO[str]) -> int:
    names = [name for name, _ in FLAT_COLUMNS]
    writer = csv.DictWriter(stream, fieldnames=names, lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(flat_row(record))
        count += 1
    return count


exporters.register("csv")(
    Exporter("csv", write_csv, ".csv", description="one flat row per event")
)
