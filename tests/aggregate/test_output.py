"""Writing a relation as CSV, JSON and a PNG chart."""

from __future__ import annotations

import csv
import json

import pytest

from dyads.aggregate import relation
from dyads.aggregate.output import write_relation
from dyads.aggregate.relations import COLUMNS
from dyads.errors import ConfigError


@pytest.fixture(scope="module")
def found(dashboard_db):  # type: ignore[no-untyped-def]
    from dyads.store import open_store

    with open_store(dashboard_db, read_only=True) as store:
        return relation(store, "KSV", "SRB", freq="month", both=True)


def test_csv_has_every_period_and_column(found, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write_relation(found, tmp_path / "r.csv")
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == COLUMNS
    assert [r["period"] for r in rows] == [p.point.period for p in found.points]
    assert sum(int(r["events"]) for r in rows) == found.to_dict()["events"] > 0


def test_json_matches_the_relation(found, tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(write_relation(found, tmp_path / "r.JSON").read_text("utf-8"))
    assert data == json.loads(json.dumps(found.to_dict()))
    assert data["both"] is True and data["freq"] == "month"


def test_png_is_an_image(found, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write_relation(found, tmp_path / "r.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_unknown_suffix_names_the_valid_ones(found, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError, match=r"\.csv, \.json, \.png"):
        write_relation(found, tmp_path / "r.xlsx")
