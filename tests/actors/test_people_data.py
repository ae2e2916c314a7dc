"""Sanity checks for the Europe / Americas / ministers / IGO-heads people files."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

ACTORS_DIR = Path(__file__).resolve().parents[2] / "src" / "dyads" / "data" / "actors"
PEOPLE_DIR = ACTORS_DIR / "people"
FILES = sorted(path.name for path in PEOPLE_DIR.glob("*.yaml"))
# Files whose people hold one office of a government at a time; elsewhere an
# acting head of government may also be a minister, both coded ...GOV.
SINGLE_OFFICE_FILES = [
    "europe.yaml",
    "americas.yaml",
    "ministers.yaml",
    "igo-heads.yaml",
]
ISO3 = re.compile(r"^[A-Z]{3}$")
CODE = re.compile(r"^([A-Z]{3}){1,4}$")


def _load(name: str) -> list[dict]:
    with (PEOPLE_DIR / name).open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, list) and data, f"{name} must be a non-empty YAML list"
    return data


def _day(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@pytest.fixture(scope="module")
def people() -> dict[str, list[dict]]:
    return {name: _load(name) for name in FILES}


def _everyone(people: dict[str, list[dict]]) -> list[dict]:
    return [p for entries in people.values() for p in entries]


def _person(people: dict[str, list[dict]], pid: str) -> dict:
    matches = [p for p in _everyone(people) if p["id"] == pid]
    assert len(matches) == 1, pid
    return matches[0]


def test_ids_unique_across_all_people_files(people):
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
        assert person.get("roles"), f"{pid}: no roles"
        for role in person["roles"]:
            assert role.get("code") and CODE.match(role["code"]), (
                f"{pid}: bad code {role}"
            )
            assert role.get("start") is not None, f"{pid}: role without start {role}"
            start, end = _day(role["start"]), _day(role.get("end"))
            if end is not None:
                assert start < end, f"{pid}: role ends before it starts {role}"


@pytest.mark.parametrize("name", SINGLE_OFFICE_FILES)
def test_no_overlapping_roles_with_same_code(people, name):
    far = dt.date(9999, 1, 1)
    for person in people[name]:
        spans = [
            (r["code"], _day(r["start"]), _day(r.get("end")) or far)
            for r in person["roles"]
        ]
        for i, (code_a, start_a, end_a) in enumerate(spans):
            for code_b, start_b, end_b in spans[i + 1 :]:
                if code_a == code_b:
                    assert not (start_a < end_b and start_b < end_a), (
                        f"{person['id']}: overlapping {code_a} roles"
                    )


def test_igo_codes_known(people):
    igos_file = ACTORS_DIR / "igos.yaml"
    if not igos_file.exists():
        pytest.skip("igos.yaml not present")
    known = {e["code"] for e in yaml.safe_load(igos_file.read_text(encoding="utf-8"))}
    for person in _everyone(people):
        for role in person["roles"]:
            if role["code"].startswith("IGO"):
                assert role["code"] in known, (
                    f"{person['id']}: unknown IGO code {role['code']}"
                )


def test_nato_handover_stoltenberg_to_rutte(people):
    stoltenberg = _person(people, "jens-stoltenberg")
    rutte = _person(people, "mark-rutte")
    (s_nato,) = [r for r in stoltenberg["roles"] if r["code"] == "IGOWSTNAT"]
    (r_nato,) = [r for r in rutte["roles"] if r["code"] == "IGOWSTNAT"]
    assert _day(s_nato["start"]) == dt.date(2014, 10, 1)
    assert _day(s_nato["end"]) == dt.date(2024, 10, 1)
    assert _day(r_nato["start"]) == dt.date(2024, 10, 1)
    assert r_nato.get("end") is None
    assert "Stoltenberg" in stoltenberg["aliases"]


def test_every_european_and_american_country_covered(people):
    europe = {p["country"] for p in people["europe.yaml"]} | {
        r["code"][:3] for p in people["europe.yaml"] for r in p["roles"]
    }
    expected_europe = set(
        "ALB AND AUT BLR BEL BIH BGR HRV CZE DNK EST FIN FRA DEU GRC HUN ISL IRL "
        "ITA LVA LIE LTU LUX MLT MDA MCO MNE NLD MKD NOR POL PRT ROU RUS SMR SRB "
        "SVK SVN ESP SWE CHE UKR GBR KSV".split()
    )
    assert expected_europe <= europe, expected_europe - europe
    americas = {r["code"][:3] for p in people["americas.yaml"] for r in p["roles"]}
    expected_americas = set(
        "USA CAN MEX GTM BLZ HND SLV NIC CRI PAN CUB HTI DOM JAM TTO BHS BRB ATG "
        "DMA GRD KNA LCA VCT COL VEN GUY SUR ECU PER BOL BRA PRY CHL ARG URY".split()
    )
    assert expected_americas <= americas, expected_americas - americas
