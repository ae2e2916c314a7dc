"""`dyads relations`: a table on stdout and CSV, JSON or PNG files."""

from __future__ import annotations

import json

import pytest

from dyads.cli import main

pytestmark = pytest.mark.issue(4)


def test_relations_prints_a_table_and_writes_json(cli, dashboard_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "ksv-srb.json"
    result = cli(
        "relations",
        "KSV",
        "SRB",
        "--both",
        "--freq",
        "quarter",
        "--db",
        str(dashboard_db),
        "-o",
        str(out),
    )
    assert result.exit_code == 0, result.output
    assert "KSV <-> SRB per quarter" in result.output
    data = json.loads(out.read_text("utf-8"))
    assert data["source"] == "KSV" and data["target"] == "SRB" and data["both"]
    assert data["events"] > 0
    for period in data["periods"]:
        if period["events"]:
            assert period["period"] in result.output


@pytest.mark.parametrize("suffix", ["csv", "png"])
def test_relations_writes_csv_and_png(cli, dashboard_db, tmp_path, suffix) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / f"r.{suffix}"
    result = cli(
        "relations", "KSV", "IGOWSTNAT", "--db", str(dashboard_db), "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0


def test_relations_errors_are_one_line(dashboard_db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exit_info:
        main(
            [
                "relations",
                "KSV",
                "SRB",
                "--db",
                str(dashboard_db),
                "-o",
                str(tmp_path / "r.txt"),
            ]
        )
    assert exit_info.value.code == 1
    assert capsys.readouterr().err.startswith("Error: Cannot write a relation")
    with pytest.raises(SystemExit):
        main(["relations", "KSV", "--db", str(tmp_path / "missing.duckdb")])
    assert "does not exist" in capsys.readouterr().err
