"""JSON Lines corpora (``.jsonl``, ``.ndjson``, gzip-compressed too), streamed.

A corpus of millions of articles is read one line at a time, never loaded
whole. Each non-blank line is one record (see :mod:`dyads.ingest.records`);
a line that is not valid UTF-8 or not a JSON object becomes a Rejection that
names the line, and reading goes on with the next one (see #3).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator

from dyads.config import Settings
from dyads.ingest.readers import Item, Reader, open_binary, readers
from dyads.ingest.records import document_from_record
from dyads.model import Reason, Rejection


def read_jsonl(source: str, settings: Settings) -> Iterator[Item]:
    """Stream the records of a JSON Lines file; a truncated gzip ends in a Rejection."""
    line_no = 0
    try:
        with open_binary(source) as stream:
            for line_no, line in enumerate(stream, start=1):
                item = parse_line(line, line_no, source)
                if item is not None:
                    yield item
    except (OSError, EOFError, zlib.error) as exc:
        detail = f"after line {line_no}: cannot read further: {exc}"
        yield (
            f"line {line_no + 1}",
            Rejection(source, Reason.UNREADABLE, detail, source),
        )


def read_lines(lines: Iterable[bytes], source: str, start: int = 1) -> Iterator[Item]:
    """Records from lines already read (stdin), numbered from ``start``."""
    for line_no, line in enumerate(lines, start=start):
        item = parse_line(line, line_no, source)
        if item is not None:
            yield item


def parse_line(line: bytes, line_no: int, source: str) -> Item | None:
    """One line's record or Rejection; ``None`` for a blank line (not a record)."""
    where = f"line {line_no}"
    line_id = f"{source}:{line_no}"
    if not line.strip():
        return None
    try:
        text = line.decode("utf-8-sig" if line_no == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        byte, column = line[exc.start], exc.start + 1
        detail = f"{where}: invalid UTF-8 byte 0x{byte:02x} at column {column}"
        return where, Rejection(line_id, Reason.INVALID_ENCODING, detail, source)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        detail = f"{where}: invalid JSON: {exc.msg} at column {exc.colno}"
        return where, Rejection(line_id, Reason.MALFORMED, detail, source)
    except RecursionError:
        detail = f"{where}: invalid JSON: nested too deeply"
        return where, Rejection(line_id, Reason.MALFORMED, detail, source)
    if not isinstance(record, dict):
        detail = f"{where}: expected a JSON object, got {_json_type(record)}"
        return where, Rejection(line_id, Reason.MALFORMED, detail, source)
    return where, document_from_record(record, source, where)


def _json_type(value: object) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


readers.register("jsonl")(
    Reader("jsonl", (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"), read_jsonl)
)
