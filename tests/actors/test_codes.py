"""Actor codes: parsing and composing CAMEO-style codes."""

from __future__ import annotations

import pytest

from dyads.actors.codes import Code, compose, country_of, sector_of


def test_code_parse_country_and_sector() -> None:
    code = Code.parse("KSVCOP")
    assert (code.root, code.country, code.sector) == ("KSV", "KSV", "COP")
    assert str(code) == "KSVCOP"


def test_code_parse_igo_has_no_country_or_sector() -> None:
    code = Code.parse("IGOWSTNAT")
    assert code.country is None and code.sector is None
    assert code.groups == ("WST", "NAT")


def test_code_parse_ngo_keeps_its_field_as_sector() -> None:
    assert sector_of("NGOHRIAMN") == "HRI"
    assert country_of("NGOHRIAMN") is None


@pytest.mark.parametrize("bad", ["", "KS", "KSVCO", "ksvgov", "KSV GOV"])
def test_code_parse_rejects_malformed_codes(bad: str) -> None:
    with pytest.raises(ValueError, match="Invalid actor code"):
        Code.parse(bad)


def test_compose_joins_root_and_sectors_and_marks_unknown_root() -> None:
    assert compose("SRB", "COP") == "SRBCOP"
    assert compose(None, "GOV") == "---GOV"
