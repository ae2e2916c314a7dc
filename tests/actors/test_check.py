"""Checks on actor data that a schema cannot express, run on small folders we write."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyads.check import check


def _problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, "utf-8")
    report = check([tmp_path])
    return [
        str(p) for p in report.problems if str(tmp_path) in str(p) or "phrase" in str(p)
    ]


def test_check_reports_duplicate_codes_within_a_file(tmp_path: Path) -> None:
    igos = (
        "- {code: IGOXXXAAA, name: Alpha Pact}\n- {code: IGOXXXAAA, name: Beta Pact}\n"
    )
    (problem,) = _problems(tmp_path, {"igos.yaml": igos})
    assert "duplicate code IGOXXXAAA" in problem


def test_check_reports_unknown_country_codes(tmp_path: Path) -> None:
    agents = (
        "- {id: ghost, code: ZZZREBGHF, name: Ghost Front, country: ZZZ, sector: REB}\n"
    )
    problems = _problems(tmp_path, {"agents.yaml": agents})
    assert any("unknown country code ZZZ" in p for p in problems)


def test_check_reports_a_code_that_does_not_match_its_country(tmp_path: Path) -> None:
    agents = (
        "- {id: misfiled, code: SRBREBMIS, name: Misfiled, country: KSV, sector: REB}\n"
    )
    (problem,) = _problems(tmp_path, {"agents.yaml": agents})
    assert "does not start with its country KSV" in problem


@pytest.mark.parametrize(
    ("roles", "expected"),
    [
        (
            "[{code: SRBGOV, title: President, start: 2020-05-01, end: 2019-01-01}]",
            "not after its start",
        ),
        (
            "[{code: SRBGOV, title: President, start: 2010-01-01, end: 2015-01-01},"
            " {code: IGOWSTNAT, title: Envoy, start: 2014-01-01, end: null}]",
            "overlap from 2014-01-01",
        ),
        (
            "[{code: IGOZZZZZZ, title: Envoy, start: 2010-01-01, end: null}]",
            "no organisation",
        ),
    ],
)
def test_check_reports_bad_role_dates_and_codes(
    tmp_path: Path, roles: str, expected: str
) -> None:
    person = f"- {{id: pat-test, name: Pat Testperson, country: SRB, roles: {roles}}}\n"
    problems = _problems(tmp_path, {"people/test.yaml": person})
    assert any(expected in p for p in problems), problems


def test_check_allows_overlapping_roles_with_the_same_code(tmp_path: Path) -> None:
    roles = (
        "[{code: SRBGOV, title: Prime Minister, start: 2010-01-01, end: 2015-01-01},"
        " {code: SRBGOV, title: Foreign Minister, start: 2012-01-01, end: 2014-01-01}]"
    )
    person = f"- {{id: pat-test, name: Pat Testperson, country: SRB, roles: {roles}}}\n"
    assert _problems(tmp_path, {"people/test.yaml": person}) == []


def test_check_reports_an_alias_that_hides_a_country(tmp_path: Path) -> None:
    person = (
        "- {id: jordan-test, name: Jordan Testperson, aliases: [Jordan], country: USA,"
        " roles: [{code: USAGOV, title: Senator, start: 2010-01-01, end: null}]}\n"
    )
    problems = _problems(tmp_path, {"people/test.yaml": person})
    assert any("phrase 'jordan' names 2 actors" in p for p in problems), problems


def test_check_reports_schema_problems_with_entry_and_field(tmp_path: Path) -> None:
    countries = "- {code: KOSOVO, name: Kosovo}\n"
    (problem,) = _problems(tmp_path, {"countries.yaml": countries})
    assert "entry 1 (KOSOVO).code" in problem


def test_check_reports_unreadable_yaml_without_raising(tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path, {"agents.yaml": "- {id: broken, code: [\n"})
    assert "not valid YAML" in problem
