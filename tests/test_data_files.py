"""Every shipped data file validates against its schema and passes `dyads check`."""

from __future__ import annotations

import json

import pytest

from dyads.check import check
from dyads.datafiles import data_files, schema_dir


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return check()


def test_every_schema_is_valid_json_schema() -> None:
    import jsonschema

    for path in sorted(schema_dir().glob("*.schema.json")):
        jsonschema.Draft202012Validator.check_schema(
            json.loads(path.read_text("utf-8"))
        )


def test_every_actor_file_has_a_schema() -> None:
    actor_files = [f for f in data_files() if f.name.startswith("actors/")]
    assert actor_files
    assert [f.name for f in actor_files if f.kind is None] == []


@pytest.mark.parametrize("name", sorted({f.name for f in data_files() if f.kind}))
def test_shipped_file_has_no_problems(report, name: str) -> None:  # type: ignore[no-untyped-def]
    problems = [str(p) for p in report.problems if p.file.endswith(name)]
    assert problems == []


def test_shipped_actor_phrases_name_one_actor_each(report) -> None:  # type: ignore[no-untyped-def]
    assert [str(p) for p in report.problems if p.file == "actors"] == []
