"""stdin: JSON Lines when the first line is a JSON object, else one text."""

from __future__ import annotations

import io
from pathlib import Path

from dyads.config import Settings
from dyads.ingest.stdin import read_stdin
from dyads.model import Document, Reason, Rejection

DATA = Path(__file__).parent.parent / "data"


def test_read_stdin_json_lines() -> None:
    raw = (DATA / "corpora/news.jsonl").read_bytes()
    items = list(read_stdin("-", Settings(), io.BytesIO(b"\n" + raw)))
    assert len(items) == sum(1 for line in raw.splitlines() if line.strip())
    assert items[0][0] == "line 2"
    assert isinstance(items[0][1], Document) and items[0][1].id == "ks-2023-001"
    assert isinstance(items[2][1], Rejection) and items[2][1].reason is Reason.MALFORMED


def test_read_stdin_text_is_one_document() -> None:
    raw = (DATA / "texts/01-brussels-talks.txt").read_bytes()
    ((where, item),) = read_stdin("-", Settings(), io.BytesIO(raw))
    assert where == "<stdin>"
    assert isinstance(item, Document)
    assert item.text.startswith("EU mediator") and item.source == "<stdin>"


def test_read_stdin_empty_is_one_rejection_later() -> None:
    ((_, item),) = read_stdin("-", Settings(), io.BytesIO(b""))
    assert isinstance(item, Document) and item.text == ""
