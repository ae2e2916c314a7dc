"""`dyads code` and the Python API on real text and on bad input (issue 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dyads.model import Coded, Document, Reason, Rejection

TEXT = "Serbian police arrested two Albanian journalists near the border on Tuesday."


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "dyads", *args],
        input=stdin,
        capture_output=True,
        timeout=300,
    )


def test_code_prints_jsonl_with_evidence(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text(TEXT, "utf-8")
    out = _run("code", str(source), "--format", "jsonl", "--date", "2024-05-09")
    assert out.returncode == 0, out.stderr.decode()
    records = [json.loads(line) for line in out.stdout.decode().splitlines()]
    assert records
    fields = {
        "document_id",
        "sentence_index",
        "source",
        "target",
        "code",
        "root",
        "quad_class",
        "goldstein",
        "plover",
        "date",
        "modality",
        "confidence",
    }
    assert fields <= set(records[0])
    assert records[0]["date"] == "2024-05-07"  # "on Tuesday" in a Thursday release


def test_code_reads_stdin_jsonl_and_keeps_ids() -> None:
    line = json.dumps({"id": "wire-17", "text": TEXT, "date": "2024-05-07"})
    out = _run("code", "-", "--format", "jsonl", stdin=line.encode())
    assert out.returncode == 0, out.stderr.decode()
    assert {json.loads(x)["document_id"] for x in out.stdout.decode().splitlines()} == {
        "wire-17"
    }


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x00\x01\x02\xff\xfe" * 200, "binary"),
        (
            "Priština and Beograd: Vučić met Kurti. ".encode() * 3
            + b"\xff\xfe \xc3\x28",
            "invalid_encoding",
        ),
        (
            (
                "Presidentja Osmani u takua me Sekretarin e Përgjithshëm të NATO-s "
                "në Bruksel dhe falënderoi aleancën për kontributin e saj në paqe."
            ).encode(),
            "language_not_supported",
        ),
    ],
)
def test_code_bad_input_is_rejected_with_a_reason(
    tmp_path: Path, payload: bytes, reason: str
) -> None:
    source = tmp_path / "bad.txt"
    source.write_bytes(payload)
    out = _run("code", str(source), "--format", "jsonl")
    assert out.returncode == 0
    assert b"Traceback" not in out.stderr
    assert reason in out.stderr.decode(), out.stderr.decode()


@pytest.mark.slow
def test_code_five_megabyte_document_is_rejected_not_crashed(tmp_path: Path) -> None:
    source = tmp_path / "huge.txt"
    source.write_text((TEXT + " ") * (5_000_000 // (len(TEXT) + 1) + 1), "utf-8")
    out = _run("code", str(source))
    assert out.returncode == 0
    assert b"Traceback" not in out.stderr
    assert "too_long" in out.stderr.decode()


def test_code_missing_path_is_one_line_error() -> None:
    out = _run("code", "no/such/file.txt")
    assert out.returncode == 1
    lines = out.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ")


def test_code_missing_model_is_one_line_error(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text(TEXT, "utf-8")
    out = _run("code", str(source), "--model", "no_such_spacy_model")
    assert out.returncode == 1
    lines = out.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "no_such_spacy_model" in lines[0]


def test_code_documents_gives_one_result_per_document(coder) -> None:  # type: ignore[no-untyped-def]
    documents = [
        Document("a", TEXT),
        Document("b", ""),
        Document("c", "x" * (coder.settings.max_chars + 1)),
        Document(
            "d",
            "Der deutsche Außenminister traf heute in Berlin seinen Amtskollegen "
            "aus Frankreich, um über die Lage in der Ukraine zu sprechen.",
        ),
    ]
    results = list(coder.code_documents(documents))
    assert [
        r.document.id if isinstance(r, Coded) else r.document_id for r in results
    ] == list("abcd")
    assert isinstance(results[0], Coded) and results[0].events
    reasons = [r.reason for r in results[1:] if isinstance(r, Rejection)]
    assert reasons == [Reason.EMPTY, Reason.TOO_LONG, Reason.LANGUAGE_NOT_SUPPORTED]


def test_public_code_function_returns_events() -> None:
    import dyads

    events = dyads.code(
        "Japan signed a trade agreement with Vietnam.", date="2024-01-02"
    )
    assert any(e.source.actor.code == "JPNGOV" and e.root == "05" for e in events)
