"""`dyads explain`: CAMEO, PLOVER and actor codes in words, through the CLI group."""

from __future__ import annotations

from click.testing import CliRunner

from dyads.cli import cli
from dyads.errors import UnknownNameError
from dyads.events.ontology import Ontology


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["explain", *args])


def test_explain_cameo_code_gives_quad_goldstein_plover_and_triggers() -> None:
    result = _run("042")
    assert result.exit_code == 0, result.output
    code = Ontology.load().cameo("042")
    assert code.name in result.output
    assert "verbal cooperation" in result.output
    assert f"{code.goldstein:+.1f}" in result.output
    assert f"{code.plover}, mode {code.plover_mode}" in result.output
    assert "visit" in result.output.split("triggers", 1)[1]


def test_explain_root_lists_narrower_codes() -> None:
    result = _run("19")
    assert result.exit_code == 0
    assert "material conflict" in result.output
    assert "190, 191" in result.output


def test_explain_plover_type_in_any_case() -> None:
    result = _run("sanction")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("PLOVER SANCTION")
    assert "material conflict" in result.output
    assert "163" in result.output and "discontinue" in result.output


def test_explain_actor_code_composes_country_and_sector() -> None:
    result = _run("KSVCOP", "FRAMIL")
    assert result.exit_code == 0, result.output
    kosovo, france = result.output.split("\n\n")
    assert "kosovo" in kosovo.lower() and "police" in kosovo.lower()
    assert "France" in france and "military" in france


def test_explain_igo_code() -> None:
    result = _run("IGOWSTNAT")
    assert result.exit_code == 0, result.output
    assert "North Atlantic" in result.output


def test_explain_several_codes_at_once() -> None:
    result = _run("057", "SRBGOV")
    assert result.exit_code == 0, result.output
    assert "Sign formal agreement" in result.output and "Serbia" in result.output


def test_unknown_cameo_code_names_close_matches() -> None:
    result = _run("0433")
    assert isinstance(result.exception, UnknownNameError)
    assert "043" in str(result.exception)
    assert result.output == ""


def test_misspelt_plover_type_is_suggested() -> None:
    result = _run("ASAULT")
    assert isinstance(result.exception, UnknownNameError)
    assert "ASSAULT" in str(result.exception)


def test_unknown_actor_root_is_an_error() -> None:
    result = _run("XQZGOV")
    assert isinstance(result.exception, UnknownNameError)
    assert "XQZ" in str(result.exception)


def test_main_turns_unknown_code_into_one_line(capsys) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from dyads.cli import main

    with pytest.raises(SystemExit) as info:
        main(["explain", "999"])
    assert info.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: Unknown CAMEO code '999'") and err.count("\n") == 1
