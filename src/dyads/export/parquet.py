"""Parquet (pyarrow): the flat CSV columns with their types, written in row groups.

Events stream into row groups of :data:`ROW_GROUP` rows, so an export of
millions of events never holds them all in memory.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from dyads.store.records import EventRecord

from . import Exporter, exporters
from .csv import FLAT_COLUMNS, flat_row

ROW_GROUP = 50_000
_TYPES = {
    "string": pa.string(),
    "date": pa.date32(),
    "int": pa.int64(),
    "float": pa.float64(),
}
SCHEMA = pa.schema([(name, _TYPES[kind]) for name, kind in FLAT_COLUMNS])


def write_parquet(records: Iterable[EventRecord], stream: IO[Any]) -> int:
    count = 0
    with pq.ParquetWriter(stream, SCHEMA) as writer:
        rows: list[dict[str, Any]] = []
        for record in records:
            rows.append(flat_row(record))
            if len(rows) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(rows, schema=SCHEMA))
                count += len(rows)
                rows = []
        if rows or count == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=SCHEMA))
            count += len(rows)
    return count


exporters.register("parquet")(
    Exporter(
        "parquet",
        write_parquet,
        ".parquet",
        binary=True,
        description="flat typed columns (pyarrow)",
    )
)
