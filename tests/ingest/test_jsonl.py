"""jsonl: JSON Lines corpora, streamed; every line is a Document or a Rejection."""

from __future__ import annotations

import datetime as dt
import gzip
import logging
from collections import Counter
from pathlib import Path

import pytest

from dyads.config import Settings
from dyads.ingest import read
from dyads.ingest.clean import content_hash
from dyads.model import Document, Reason, Rejection

DATA = Path(__file__).parent.parent / "data"
NEWS = DATA / "corpora/news.jsonl"


def _records(path: Path) -> int:
    return sum(1 for line in path.read_bytes().splitlines() if line.strip())


def _reasons(items: list[Document | Rejection]) -> Counter[Reason]:
    return Counter(i.reason for i in items if isinstance(i, Rejection))


def test_read_jsonl_accounts_for_every_line() -> None:
    items = list(read([NEWS], Settings()))
    documents = [i for i in items if isinstance(i, Document)]
    assert len(items) == _records(NEWS)
    assert len(documents) == 5
    assert _reasons(items) == {
        Reason.MALFORMED: 3,
        Reason.DUPLICATE: 1,
        Reason.LANGUAGE_NOT_SUPPORTED: 1,
    }


def test_read_jsonl_names_the_broken_line() -> None:
    items = list(read([NEWS], Settings()))
    broken = [
        i for i in items if isinstance(i, Rejection) and "invalid JSON" in i.detail
    ]
    assert len(broken) == 1
    assert broken[0].detail.startswith("line 3: invalid JSON: Expecting ")
    assert broken[0].document_id == f"{NEWS}:3"


def test_read_jsonl_duplicate_names_first_line() -> None:
    (dup,) = [
        i
        for i in read([NEWS], Settings())
        if isinstance(i, Rejection) and i.reason is Reason.DUPLICATE
    ]
    assert dup.document_id == "ks-2023-001"
    assert dup.detail == "line 5: duplicate id ks-2023-001, first seen at line 1"


def test_read_jsonl_fields_ids_and_dates(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="dyads.ingest"):
        docs = {d.id: d for d in read([NEWS], Settings()) if isinstance(d, Document)}
    first = docs["ks-2023-001"]
    assert first.date == dt.date(2023, 6, 7)
    assert first.url == "https://example.org/news/ks-2023-001"
    assert first.title == "Prime minister meets US ambassador"
    assert first.source == str(NEWS)
    assert docs["ks-2023-002"].date == dt.date(2023, 6, 1)
    assert docs["ks-2023-002"].source == "Wire"
    assert docs["ks-2023-003"].date == dt.date(2023, 5, 26)
    assert docs["4"].date is None
    assert "'sometime in June' does not parse" in caplog.text
    no_id = [
        d
        for d in docs.values()
        if d.id not in {"ks-2023-001", "ks-2023-002", "ks-2023-003", "4"}
    ]
    assert len(no_id) == 1 and no_id[0].id == content_hash(no_id[0].text)


def test_read_jsonl_gz_same_as_plain(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(gzip.compress(NEWS.read_bytes()))
    plain = [
        (type(i), i.reason if isinstance(i, Rejection) else i.id)
        for i in read([NEWS], Settings())
    ]
    packed = [
        (type(i), i.reason if isinstance(i, Rejection) else i.id)
        for i in read([path], Settings())
    ]
    assert packed == plain


def test_read_truncated_gzip_ends_with_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "cut.ndjson.gz"
    lines = NEWS.read_bytes().splitlines(keepends=True)[:2] * 200
    path.write_bytes(gzip.compress(b"".join(lines))[:-200])
    items = list(read([path], Settings()))
    assert isinstance(items[-1], Rejection)
    assert items[-1].reason is Reason.UNREADABLE
    assert "cannot read further" in items[-1].detail


def test_read_jsonl_invalid_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = NEWS.read_bytes().splitlines(keepends=True)[0]
    path.write_bytes(good + b'{"id": "x", "text": "caf\xe9 talks"}\n')
    first, second = read([path], Settings())
    assert isinstance(first, Document)
    assert isinstance(second, Rejection) and second.reason is Reason.INVALID_ENCODING
    assert second.detail.startswith("line 2: invalid UTF-8 byte 0xe9")


@pytest.mark.slow
def test_read_50_mb_jsonl_streams(tmp_path: Path) -> None:
    import tracemalloc

    path = tmp_path / "big.jsonl"
    body = (DATA / "texts/02-border-closure.txt").read_text("utf-8").strip()
    count = 0
    with path.open("w", encoding="utf-8") as f:
        while f.tell() < 50_000_000:
            f.write(f'{{"id": "n{count}", "text": "{count}. {body}"}}\n')
            count += 1
    tracemalloc.start()
    documents = rejections = 0
    for item in read([path], Settings()):
        if isinstance(item, Document):
            documents += 1
        else:
            rejections += 1
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert documents + rejections == count
    assert rejections == 0
    assert peak < 30_000_000  # the ids seen so far, not the 50 MB of text


def test_read_jsonl_lone_surrogate_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "escapes.jsonl"
    good = NEWS.read_bytes().splitlines(keepends=True)[0]
    path.write_bytes(b'{"id": "s", "text": "Prishtin\\ud800 talks"}\n' + good)
    bad, doc = read([path], Settings())
    assert isinstance(bad, Rejection) and bad.reason is Reason.INVALID_ENCODING
    assert isinstance(doc, Document)
