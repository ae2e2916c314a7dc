"""`dyads export`: the store's events in other tools' layouts."""

from __future__ import annotations

import json

import pandas as pd

from dyads.export.tables import columns


def test_export_gdelt_file_loads_with_pandas(cli, stored_db, tmp_path):
    out = tmp_path / "events.export.CSV"
    result = cli("export", "--format", "gdelt", "-o", str(out), "--db", str(stored_db))
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(
        out,
        sep="\t",
        header=None,
        names=columns("gdelt2-events-columns.tsv"),
        dtype=str,
    )
    assert len(frame) > 0 and frame.shape[1] == 61
    assert f"{len(frame)} rows written" in result.output


def test_export_plover_to_stdout_has_every_dated_event(cli, stored_db):
    from dyads.store import EventFilter, open_store

    result = cli("export", "--format", "plover", "-o", "-", "--db", str(stored_db))
    assert result.exit_code == 0, result.output
    records = [json.loads(x) for x in result.output.splitlines() if x.startswith("{")]
    from dyads.export.plover import validator

    for record in records:
        validator().validate(record)
    with open_store(stored_db, read_only=True) as store:
        dated = {
            e.id
            for e in store.events(EventFilter.build(modality="asserted"))
            if e.date is not None
        }
    assert dated and {r["id"] for r in records} == dated


def test_export_unknown_format_lists_formats(cli, stored_db, tmp_path):
    import pytest

    from dyads.errors import UnknownNameError

    with pytest.raises(UnknownNameError, match="plover"):
        cli(
            "export",
            "--format",
            "xml",
            "-o",
            str(tmp_path / "x"),
            "--db",
            str(stored_db),
        )
