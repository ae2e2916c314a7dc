"""`dyads ingest`: counts and rejection reasons at the end; re-runs add nothing."""

from __future__ import annotations

from pathlib import Path

from dyads.store import open_store

DATA = Path(__file__).parents[1] / "data"


def test_ingest_reports_counts_and_reasons_then_skips_on_rerun(cli, tmp_path):
    db = str(tmp_path / "cli.duckdb")
    sources = [str(DATA / "corpora" / "news.jsonl"), str(DATA / "texts")]
    first = cli("ingest", *sources, "--db", db, "--commit-every", "3")
    assert first.exit_code == 0, first.output
    assert "Read " in first.output and " rejected" in first.output
    assert "Rejected documents" in first.output  # the table of reasons
    assert "committed batch 1:" in first.output  # one log line per batch off a terminal
    with open_store(db, read_only=True) as store:
        counts = store.counts()
        run = store.rows("SELECT * FROM runs")[0]
    assert run["n_coded"] + run["n_rejected"] == run["n_read"]
    assert run["coder"] == "dyads.rules.v1" and run["dictionaries_hash"]
    again = cli("ingest", *sources, "--db", db)
    assert again.exit_code == 0, again.output
    assert f"{run['n_coded']} already stored" in again.output
    with open_store(db, read_only=True) as store:
        assert store.counts() == {**counts, "runs": 2}


def test_ingest_missing_source_is_one_error_line(tmp_path):
    import subprocess
    import sys

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "dyads",
            "ingest",
            str(tmp_path / "absent.txt"),
            "--db",
            str(tmp_path / "x.duckdb"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr.strip().startswith("Error:") and "absent.txt" in done.stderr
