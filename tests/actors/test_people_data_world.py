"""Sanity checks for the Africa / Asia / Middle East / Oceania people files."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

PEOPLE_DIR = Path(__file__).resolve().parents[2] / "src" / "dyads" / "data" / "actors" / "people"
FILES = ["africa.yaml", "asia.yaml", "middle-east.yaml", "oceania.yaml"]
ISO3 = re.compile(r"^[A-Z]{3}$")


def _load(name: str) -> list[dict]:
    with (PEOPLE_DIR / name).open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, list) and data, f"{name} must be a non-empty YAML list"
    return data


@pytest.fixture(scope="module")
def people() -> dict[str, list[dict]]:
    return {name: _load(name) for name in FILES}


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def test_ids_unique_across_world_files(people):
    seen: dict[str, str] = {}
    for name, entries in people.items():
        for person in entries:
            pid = person["id"]
            assert pid not in seen, f"duplicate id {pid!r} in {name} and {seen[pid]}"
            seen[pid] = name


@pytest.mark.parametrize("name", FILES)
def test_entries_well_formed(people, name):
    for person in people[name]:
        pid = person.get("id")
        assert pid and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", pid), pid
        assert person.get("name"), pid
        assert isinstance(person.get("aliases", []), list), pid
        assert ISO3.match(str(person.get("country", ""))), f"{pid}: bad country"
        roles = person.get("roles")
        assert roles, f"{pid}: no roles"
        for role in roles:
            assert role.get("code"), f"{pid}: role without code"
            # CAMEO-style code: ISO3 (or IGO) followed by 3-letter segments, e.g. ISRGOV, IGOAFRAFU.
            assert re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})+", role["code"]), f"{pid}: bad code {role['code']}"
            assert role.get("start") is not None, f"{pid}: role without start"
            start = _as_date(role["start"])
            end = role.get("end")
            if end is not None:
                assert start <= _as_date(end), f"{pid}: start after end in {role}"
