"""The event ontology: each CAMEO code has a quad, a Goldstein value, a PLOVER type."""

from __future__ import annotations

import pytest

from dyads.errors import DyadsError, UnknownNameError
from dyads.events.ontology import CameoCode, Ontology


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load()


def test_load_is_cached() -> None:
    assert Ontology.load() is Ontology.load()


def test_codes_cover_cameo_and_icews(ontology: Ontology) -> None:
    codes = ontology.codes()
    roots = [c for c in codes if len(c.code) == 2]
    assert len(codes) == len({c.code for c in codes}) == 317
    assert [r.code for r in roots] == [f"{n:02d}" for n in range(1, 21)]
    assert ontology.cameo("1213").parent == "121"  # the ICEWS-only code is kept


def test_every_code_maps_to_quad_goldstein_and_plover(ontology: Ontology) -> None:
    types = ontology.plover_types()
    for code in ontology.codes():
        assert code.quad_class in (1, 2, 3, 4), code
        assert -10.0 <= code.goldstein <= 10.0, code
        assert code.plover in types, code
        modes = types[code.plover]["modes"]
        assert code.plover_mode is None or code.plover_mode in modes, code


def test_code_hierarchy_is_consistent(ontology: Ontology) -> None:
    for code in ontology.codes():
        assert code.code.startswith(code.root)
        if len(code.code) == 2:
            assert code.parent is None
        else:
            parent = ontology.cameo(code.parent or "")
            assert code.code.startswith(parent.code)
            assert parent.quad_class == code.quad_class


@pytest.mark.parametrize(
    ("code", "quad"),
    [
        ("01", 1),
        ("057", 1),
        ("06", 2),
        ("0874", 2),
        ("09", 3),
        ("112", 3),
        ("13", 3),
        ("14", 4),
        ("141", 4),
        ("163", 4),
        ("173", 4),
        ("190", 4),
        ("2042", 4),
    ],
)
def test_quad_class_follows_the_root_split(
    ontology: Ontology, code: str, quad: int
) -> None:
    assert ontology.cameo(code).quad_class == quad


def test_goldstein_follows_the_cameo_meaning(ontology: Ontology) -> None:
    # Phoenix keeps 0.5B1 numbering for these keys; the table uses the 1.1b3 meaning.
    assert ontology.cameo("016").goldstein < 0  # deny responsibility
    assert ontology.cameo("163").goldstein == pytest.approx(-8.0)  # impose sanctions
    assert ontology.cameo("042").goldstein == pytest.approx(1.9)
    assert ontology.cameo("057").goldstein == pytest.approx(8.0)
    assert ontology.cameo("190").goldstein == pytest.approx(-10.0)
    assert all(c.goldstein > 0 for c in ontology.codes() if c.quad_class == 2)
    assert all(c.goldstein < 0 for c in ontology.codes() if c.quad_class == 4)


def test_documented_plover_choices(ontology: Ontology) -> None:
    assert ontology.cameo("20").plover == "ASSAULT"  # not the cue table's FIGHT
    assert ontology.cameo("163").plover == "SANCTION"
    assert ontology.plover_types()["SANCTION"]["quad"] == 4
    assert ontology.plover_types()["ACCUSE"]["score"] == -3.0
    assert ontology.cameo("0813").plover == "CONCEDE"
    assert ontology.cameo("0871").plover == "RETREAT"
    assert ontology.cameo("0211").plover == ontology.cameo("021").plover == "REQUEST"
    assert ontology.cameo("186").plover_mode == "targeted"


def test_plover_types_list_their_cameo_codes(ontology: Ontology) -> None:
    types = ontology.plover_types()
    assert len(types) == 16
    assert "042" in types["CONSULT"]["cameo_codes"]  # type: ignore[operator]
    assert types["CONSULT"]["mode_scores"]["visit"] == 4.0  # type: ignore[index]
    assert ontology.plover_type("assault") is types["ASSAULT"]
    mapped = {c for t in types.values() for c in t["cameo_codes"]}  # type: ignore[attr-defined]
    assert mapped == {c.code for c in ontology.codes()}


def test_unknown_code_names_close_matches(ontology: Ontology) -> None:
    with pytest.raises(UnknownNameError, match="0433.*043") as info:
        ontology.cameo("0433")
    assert isinstance(info.value, DyadsError)
    assert str(info.value).count(".") <= 1  # one sentence
    with pytest.raises(UnknownNameError, match="asault.*ASSAULT"):
        ontology.plover_type("asault")


def test_cameo_code_is_frozen(ontology: Ontology) -> None:
    code = ontology.cameo("042")
    assert isinstance(code, CameoCode)
    with pytest.raises(AttributeError):
        code.goldstein = 0.0  # type: ignore[misc]
