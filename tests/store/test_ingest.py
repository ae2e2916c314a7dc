"""The ingest loop: nothing lost, nothing twice, one event per real-world event."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import types
from pathlib import Path

import pytest

from dyads.store import open_store
from dyads.store.ingest import ingest

DATA = Path(__file__).parents[1] / "data"
LEADERS = [
    ("Kosovo President Vjosa Osmani", "NATO Secretary General Jens Stoltenberg"),
    ("Serbian President Aleksandar Vucic", "EU foreign policy chief Josep Borrell"),
    ("Kosovo Prime Minister Albin Kurti", "US Secretary of State Antony Blinken"),
    ("Albanian Prime Minister Edi Rama", "German Chancellor Olaf Scholz"),
]
CITIES = ["Brussels", "Pristina", "Belgrade", "Berlin", "Washington"]


def _engine(coder):  # type: ignore[no-untyped-def]
    """The session's real coder, as an engine (loading a second coder costs seconds)."""
    return types.SimpleNamespace(run=coder.code_documents, coder=coder)


def _snapshot(store):  # type: ignore[no-untyped-def]
    """Every stored row except run bookkeeping, for comparing two stores."""
    queries = {
        "documents": "SELECT * EXCLUDE (first_run) FROM documents ORDER BY id",
        "events": "SELECT * EXCLUDE (first_run) FROM events ORDER BY id",
        "mentions": "SELECT * EXCLUDE (run_id) FROM mentions ORDER BY id",
        "rejections": "SELECT * EXCLUDE (run_id) FROM rejections ORDER BY id",
    }
    return {name: store.rows(sql) for name, sql in queries.items()}


def write_corpus(path: Path, n: int) -> Path:
    """``n`` short news records, four or five per day, with some meetings repeated."""
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            first, second = LEADERS[i % len(LEADERS)]
            city = CITIES[(i // 3) % len(CITIES)]
            day = f"2023-06-{1 + (i // 5) % 28:02d}"
            text = (
                f"{first} met {second} in {city} on Monday, report {i}. "
                f"{second} praised the cooperation. "
                f"{first} criticized the government of Serbia."
            )
            record = {
                "id": f"doc-{i:04d}",
                "text": text,
                "date": day,
                "url": f"https://news{i % 7}.example/{i}",
            }
            out.write(json.dumps(record) + "\n")
    return path


@pytest.mark.issue(3)
def test_ingest_accounts_for_every_messy_document(tmp_path, coder, settings):
    inputs = tmp_path / "inputs"
    shutil.copytree(DATA, inputs)
    (inputs / "empty.txt").write_text("")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 8)
    lines = (DATA / "corpora" / "news.jsonl").read_text("utf-8").splitlines()
    (inputs / "more.jsonl").write_text(
        "\n".join(lines[:2] + ["{broken"] + lines[:2]) + "\n"
    )
    with open_store(tmp_path / "s.duckdb") as store:
        report = ingest([inputs], store, settings, engine=_engine(coder))
        assert report.read > 20
        assert report.coded + report.rejected == report.read
        assert report.skipped == 0
        counts = store.counts()
        assert counts["coded"] == report.coded
        assert counts["rejections"] == report.rejected
        reasons = store.rejection_counts()
        assert reasons["duplicate"] >= 2  # the repeated records of more.jsonl
        assert reasons["empty"] >= 1
        assert sum(reasons.values()) == report.rejected


@pytest.mark.issue(3)
def test_ingest_twice_leaves_the_store_unchanged(tmp_path, coder, settings):
    corpus = write_corpus(tmp_path / "c.jsonl", 12)
    with open_store(tmp_path / "s.duckdb") as store:
        first = ingest(
            [corpus, DATA / "corpora"], store, settings, engine=_engine(coder)
        )
        before = _snapshot(store)
        again = ingest(
            [corpus, DATA / "corpora"], store, settings, engine=_engine(coder)
        )
        assert _snapshot(store) == before
        assert again.coded == 0 and again.events == 0
        assert again.read == first.read
        assert again.skipped + again.rejected == again.read


@pytest.mark.issue(3)
def test_ingest_new_input_codes_only_what_is_new(tmp_path, coder, settings):
    corpus = write_corpus(tmp_path / "c.jsonl", 12)
    lines = corpus.read_text().splitlines()
    part = tmp_path / "part.jsonl"
    part.write_text("\n".join(lines[:5]) + "\n")
    with open_store(tmp_path / "s.duckdb") as store:
        ingest([part], store, settings, engine=_engine(coder))
        report = ingest([corpus], store, settings, engine=_engine(coder))
        assert (report.skipped, report.coded) == (5, 7)
        runs = store.rows("SELECT n_read, n_coded, n_skipped FROM runs ORDER BY id")
        assert runs[-1] == {"n_read": 12, "n_coded": 7, "n_skipped": 5}


@pytest.mark.issue(3)
def test_two_reports_of_one_meeting_are_one_event(tmp_path, coder, settings):
    meeting = (
        "Kosovo President Vjosa Osmani met NATO Secretary General Jens Stoltenberg "
        "at the NATO headquarters on Monday."
    )
    other_wording = (
        "Kosovo President Vjosa Osmani met with NATO chief Jens Stoltenberg in "
        "Brussels on Monday."
    )
    reports = [
        ("a", meeting, "2023-06-05"),
        ("b", other_wording, "2023-06-05"),
        ("c", meeting.replace("on Monday", "again"), "2023-09-20"),
        (
            "d",
            meeting.replace(
                "Kosovo President Vjosa Osmani", "Serbian President Aleksandar Vucic"
            ),
            "2023-06-05",
        ),
    ]
    corpus = tmp_path / "meetings.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": i, "text": t, "date": d, "url": f"https://{i}.example/r"})
            + "\n"
            for i, t, d in reports
        )
    )
    with open_store(tmp_path / "s.duckdb") as store:
        ingest([corpus], store, settings, engine=_engine(coder))
        meetings = [e for e in store.events() if e.root == "04"]
    by_documents = {
        frozenset(m.event.document_id for m in e.mentions): e for e in meetings
    }
    assert frozenset({"a", "b"}) in by_documents, meetings
    joined = by_documents[frozenset({"a", "b"})]
    assert joined.num_documents == 2 and joined.num_sources == 2
    assert joined.mentions[1].join_reason.startswith(f"joins {joined.id}")
    assert frozenset({"c"}) in by_documents  # a different day: another meeting
    assert frozenset({"d"}) in by_documents  # other actors, same day: another one


@pytest.mark.slow
@pytest.mark.issue(3)
def test_ingest_a_50_megabyte_document_is_rejected_not_lost(tmp_path, coder, settings):
    big = tmp_path / "big.txt"
    sentence = "Kosovo President Vjosa Osmani met NATO officials in Brussels. "
    with big.open("w") as out:
        for _ in range(50 * 1024 * 1024 // len(sentence) + 1):
            out.write(sentence)
    assert big.stat().st_size >= 50 * 1024 * 1024
    with open_store(tmp_path / "s.duckdb") as store:
        report = ingest([big], store, settings, engine=_engine(coder))
        assert (report.read, report.rejected) == (1, 1)
        assert store.rejection_counts() == {"too_long": 1}


@pytest.mark.slow
@pytest.mark.issue(3)
def test_ingest_killed_with_sigkill_then_rerun_equals_a_clean_run(
    tmp_path, coder, settings
):
    corpus = write_corpus(tmp_path / "c.jsonl", 400)
    with open_store(tmp_path / "clean.duckdb") as clean:
        ingest(
            [corpus], clean, settings.replace(commit_every=10), engine=_engine(coder)
        )
        expected = _snapshot(clean)
    db = tmp_path / "killed.duckdb"
    command = [
        sys.executable,
        "-m",
        "dyads",
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--commit-every",
        "10",
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    child = subprocess.Popen(
        command,
        cwd=tmp_path,
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    assert child.stderr is not None
    for line in child.stderr:
        if line.startswith("committed batch 3:"):
            child.send_signal(signal.SIGKILL)
            break
    child.wait(timeout=120)
    child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    with open_store(db) as store:
        partial = store.counts()["documents"]
        assert 30 <= partial < 400
        assert store.rows("SELECT finished FROM runs") == [{"finished": None}]
        report = ingest(
            [corpus], store, settings.replace(commit_every=10), engine=_engine(coder)
        )
        assert report.skipped == partial
        assert _snapshot(store) == expected
