"""text: .txt files and folders, one Document per file; bad files become Rejections."""

from __future__ import annotations

from pathlib import Path

from dyads.config import Settings
from dyads.ingest import read
from dyads.ingest.clean import content_hash
from dyads.ingest.text import LOAD_LIMIT_BYTES
from dyads.model import Document, Reason, Rejection

DATA = Path(__file__).parent.parent / "data"


def test_read_text_folder_recursively_in_sorted_order() -> None:
    items = list(read([DATA / "texts"], Settings()))
    assert all(isinstance(i, Document) for i in items)
    assert [Path(i.source or "").name for i in items] == [
        "01-brussels-talks.txt",
        "02-border-closure.txt",
        "03-aid-pledge.txt",
    ]


def test_read_text_uses_content_hash_id_and_title_line() -> None:
    (doc,) = read([DATA / "texts/01-brussels-talks.txt"], Settings())
    assert isinstance(doc, Document)
    assert doc.id == content_hash(doc.text)
    assert doc.title == "EU mediator hosts Kosovo and Serbia negotiators in Brussels"
    assert doc.date is None and doc.lang == "en"


def test_read_text_without_title_line() -> None:
    (doc,) = read([DATA / "texts/02-border-closure.txt"], Settings())
    assert isinstance(doc, Document) and doc.title is None


def test_read_latin1_file_is_decoded() -> None:
    (doc,) = read([DATA / "encodings/latin1.txt"], Settings())
    assert isinstance(doc, Document)
    assert "Prishtinë" in doc.text and "Président" in doc.text


def test_read_invalid_utf8_file_is_rejected() -> None:
    (rejection,) = read([DATA / "encodings/invalid-utf8.txt"], Settings())
    assert isinstance(rejection, Rejection)
    assert rejection.reason is Reason.INVALID_ENCODING


def test_read_binary_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 4)
    (rejection,) = read([path], Settings())
    assert isinstance(rejection, Rejection)
    assert rejection.reason is Reason.BINARY


def test_read_empty_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    (rejection,) = read([path], Settings())
    assert isinstance(rejection, Rejection)
    assert rejection.reason is Reason.EMPTY


def test_read_big_text_is_read_then_rejected_too_long(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    paragraph = (DATA / "texts/02-border-closure.txt").read_text("utf-8")
    path.write_text(paragraph * (5_000_000 // len(paragraph) + 1), "utf-8")
    (rejection,) = read([path], Settings())
    assert isinstance(rejection, Rejection)
    assert rejection.reason is Reason.TOO_LONG
    assert rejection.document is not None


def test_read_huge_text_is_rejected_without_loading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(LOAD_LIMIT_BYTES + 1)  # sparse: nothing is written
    (rejection,) = read([path], Settings(max_chars=1000))
    assert isinstance(rejection, Rejection)
    assert rejection.reason is Reason.TOO_LONG
    assert f"{LOAD_LIMIT_BYTES + 1:,} bytes" in rejection.detail


def test_read_identical_files_second_is_duplicate(tmp_path: Path) -> None:
    text = (DATA / "texts/02-border-closure.txt").read_bytes()
    (tmp_path / "a.txt").write_bytes(text)
    (tmp_path / "b.txt").write_bytes(text.replace(b". ", b".  "))
    first, second = read([tmp_path], Settings())
    assert isinstance(first, Document)
    assert isinstance(second, Rejection) and second.reason is Reason.DUPLICATE
    assert str(tmp_path / "a.txt") in second.detail


def test_read_albanian_file_is_kept_but_not_coded() -> None:
    (rejection,) = read([DATA / "languages/albanian.txt"], Settings())
    assert isinstance(rejection, Rejection)
    assert rejection.reason is Reason.LANGUAGE_NOT_SUPPORTED
    assert "Albanian (sq)" in rejection.detail
    assert rejection.document is not None
