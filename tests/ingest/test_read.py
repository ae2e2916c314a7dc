"""read(): picks readers, checks every document, reports duplicates and bad paths."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dyads.config import Settings
from dyads.errors import InputError
from dyads.ingest import read
from dyads.model import Document, Reason, Rejection

DATA = Path(__file__).parent.parent / "data"


def test_read_missing_path_raises_input_error_at_once(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        read([DATA / "texts", tmp_path / "nope.jsonl"], Settings())


def test_read_unknown_suffix_raises_input_error(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7")
    with pytest.raises(InputError, match="known suffixes: .*\\.jsonl"):
        read([path], Settings())


def test_read_unknown_suffix_inside_folder_is_a_rejection(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text((DATA / "texts/02-border-closure.txt").read_text())
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("ignored")
    doc, rejection = read([tmp_path], Settings())
    assert isinstance(doc, Document)
    assert isinstance(rejection, Rejection) and rejection.reason is Reason.UNREADABLE


def test_read_file_without_suffix_is_text(tmp_path: Path) -> None:
    path = tmp_path / "RELEASE"
    path.write_text((DATA / "texts/02-border-closure.txt").read_text())
    (doc,) = read([path], Settings())
    assert isinstance(doc, Document)


def test_read_duplicates_across_sources(tmp_path: Path) -> None:
    copy = tmp_path / "copy.jsonl"
    copy.write_bytes((DATA / "corpora/news.jsonl").read_bytes().splitlines()[0] + b"\n")
    *_, last = read([DATA / "corpora/news.jsonl", copy], Settings())
    assert isinstance(last, Rejection) and last.reason is Reason.DUPLICATE
    assert f"first seen at {DATA / 'corpora/news.jsonl'} line 1" in last.detail


def test_read_unsupported_url_scheme_raises_input_error() -> None:
    with pytest.raises(InputError, match="only http"):
        read(["ftp://example.org/feed.xml"], Settings())


def test_read_duplicate_keeps_the_normalised_copy(tmp_path: Path) -> None:
    path = tmp_path / "twice.jsonl"
    text = (DATA / "texts/02-border-closure.txt").read_text("utf-8")
    line = json.dumps({"id": "x", "text": text.replace(" ", "  ")})
    path.write_text(f"{line}\n{line}\n", "utf-8")
    first, second = read([path], Settings())
    assert isinstance(first, Document)
    assert isinstance(second, Rejection) and second.document == first


def test_read_stdin_from_a_real_process() -> None:
    code = (
        "from dyads.ingest import read\n"
        "for item in read(['-']):\n"
        "    print(type(item).__name__, getattr(item, 'reason', ''))\n"
    )
    news = (DATA / "corpora/news.jsonl").read_bytes()
    result = subprocess.run(
        [sys.executable, "-c", code], input=news, capture_output=True, check=True
    )
    lines = result.stdout.decode().splitlines()
    assert len(lines) == sum(1 for line in news.splitlines() if line.strip())
    assert lines.count("Document ") == 5


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", Reason.EMPTY),
        ("empty.jsonl", Reason.EMPTY),
        ("empty.csv", Reason.EMPTY),
        ("empty.html", Reason.EMPTY),
        ("empty.rss", Reason.MALFORMED),
        ("empty.json", Reason.MALFORMED),
    ],
)
def test_read_empty_file_is_one_rejection(
    tmp_path: Path, name: str, reason: Reason
) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    (rejection,) = read(path, Settings())
    assert isinstance(rejection, Rejection)
    assert rejection.reason is reason
    assert rejection.document_id == str(path)


def test_read_feed_without_entries_is_reported_empty(tmp_path: Path) -> None:
    path = tmp_path / "quiet.rss"
    path.write_text('<rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    (rejection,) = read([path], Settings())
    assert isinstance(rejection, Rejection) and rejection.reason is Reason.EMPTY
    assert rejection.detail == "no records in source"
