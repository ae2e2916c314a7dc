"""Standard input (``-``): a JSON Lines stream or one text document.

Why decide on the first non-blank line: stdin can be a pipe of millions of
records, so it must stream, and a line-by-line stream can only be judged by
what came first. If that line is a JSON object, the input is JSON Lines and
any later line that is not becomes a ``malformed`` Rejection (nothing is
lost); otherwise the whole input is one text document.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Iterator
from typing import IO

from dyads.config import Settings
from dyads.ingest.jsonl import read_lines
from dyads.ingest.readers import Item, Reader, readers
from dyads.ingest.text import document_from_bytes

SOURCE = "<stdin>"


def read_stdin(
    source: str, settings: Settings, stream: IO[bytes] | None = None
) -> Iterator[Item]:
    """Read ``stream`` (default: the process's standard input, as bytes)."""
    stream = stream if stream is not None else sys.stdin.buffer
    head: list[bytes] = []
    for line in stream:
        head.append(line)
        if line.strip():
            break
    if head and _is_json_object(head[-1]):
        yield from read_lines(itertools.chain(head, stream), SOURCE)
        return
    raw = b"".join(head) + stream.read()
    yield SOURCE, document_from_bytes(raw, SOURCE)


def _is_json_object(line: bytes) -> bool:
    stripped = line.strip()
    if not stripped.startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(stripped), dict)
    except (ValueError, RecursionError):
        return False


readers.register("stdin")(Reader("stdin", (), read_stdin))
