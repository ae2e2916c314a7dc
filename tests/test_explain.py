"""`dyads.explain.explain`: the library call behind `dyads explain`."""

from __future__ import annotations

import pytest

from dyads.errors import DyadsError, UnknownNameError
from dyads.events.ontology import Ontology
from dyads.explain import _gazetteer_countries, explain


def test_explain_every_cameo_code() -> None:
    for code in Ontology.load().codes():
        text = explain(code.code)
        assert text.startswith(f"CAMEO {code.code}: {code.name}")
        assert code.plover in text


def test_explain_every_plover_type_lists_its_codes() -> None:
    for name, kind in Ontology.load().plover_types().items():
        text = explain(name.lower())
        assert text.startswith(f"PLOVER {name}")
        assert all(code in text for code in kind["cameo_codes"])  # type: ignore[attr-defined]


def test_explain_trims_and_accepts_lower_case_actor_codes() -> None:
    assert explain(" srbgov ").startswith("Actor SRBGOV")


def test_explain_triggers_come_from_the_verb_dictionary() -> None:
    triggers = explain("051").split("triggers", 1)[1]
    assert "praise" in triggers


@pytest.mark.parametrize("code", ["", "4.2", "KSV GOV", "0433", "ZZZGOV"])
def test_explain_unknown_code_is_one_sentence(code: str) -> None:
    with pytest.raises(UnknownNameError) as info:
        explain(code)
    assert isinstance(info.value, DyadsError)
    message = str(info.value)
    assert "\n" not in message and message.count(". ") == 0


def test_gazetteer_fallback_knows_countries_and_kosovo() -> None:
    countries = _gazetteer_countries()
    assert countries["SRB"].startswith("Serbia")
    assert countries["KSV"].startswith("Kosovo")
