"""CSV corpora (``.csv``, ``.csv.gz``), streamed one row at a time.

Columns are those of JSON Lines records (see :mod:`dyads.ingest.records`):
``id, text, date, url, title, lang``; only ``text`` is required, and a row
without it is a ``malformed`` Rejection. The file is decoded as UTF-8 (a
BOM, as Excel writes it, is skipped) with undecodable bytes kept as escapes,
so that one bad row is rejected and the rows after it are still read.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Iterator

from dyads.config import Settings
from dyads.ingest.readers import Item, Reader, open_binary, readers
from dyads.ingest.records import document_from_record
from dyads.model import Reason, Rejection

_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def read_csv(source: str, settings: Settings) -> Iterator[Item]:
    """Stream the rows of a CSV file with a header line."""
    # The csv module refuses fields over 128 KiB by default; articles can be
    # longer, and the length limit belongs to clean.check (too_long).
    csv.field_size_limit(max(csv.field_size_limit(), min(sys.maxsize, 2**31 - 1)))
    line_no = 1
    try:
        with open_binary(source) as raw:
            text = io.TextIOWrapper(
                raw, "utf-8-sig", errors="surrogateescape", newline=""
            )
            rows = csv.DictReader(text, strict=True)
            if rows.fieldnames is None:
                return
            while True:
                line_no = rows.line_num + 1
                try:
                    row = next(rows)
                except StopIteration:
                    return
                except csv.Error as exc:
                    yield _rejection(
                        source, line_no, Reason.MALFORMED, f"bad CSV: {exc}"
                    )
                    continue
                yield _item(row, source, line_no)
    except (OSError, EOFError, UnicodeError, csv.Error) as exc:
        detail = f"cannot read further: {exc}"
        yield _rejection(source, line_no, Reason.UNREADABLE, detail)


def _item(row: dict[str | None, str | None], source: str, line_no: int) -> Item:
    where = f"line {line_no}"
    if None in row:
        detail = f"{len(row[None] or [])} more fields than the header has"
        return _rejection(source, line_no, Reason.MALFORMED, detail)
    fields = {k: v for k, v in row.items() if k is not None}
    for name, value in fields.items():
        match = _ESCAPED_BYTE.search(value or "")
        if match:
            byte = ord(match.group()) - 0xDC00
            detail = f"invalid UTF-8 byte 0x{byte:02x} in column '{name}'"
            return _rejection(source, line_no, Reason.INVALID_ENCODING, detail)
    return where, document_from_record(fields, source, where)


def _rejection(source: str, line_no: int, reason: Reason, detail: str) -> Item:
    where = f"line {line_no}"
    return where, Rejection(f"{source}:{line_no}", reason, f"{where}: {detail}", source)


readers.register("csv")(Reader("csv", (".csv", ".csv.gz"), read_csv))
