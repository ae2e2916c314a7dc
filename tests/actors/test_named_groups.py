"""Organisations and armed movements of past decades, in sentences as news has them."""

from __future__ import annotations

import datetime as dt

import pytest

from dyads.actors.context import resolve_context


def _codes(coder, text: str, day: dt.date | None = None) -> dict[str, str]:  # type: ignore[no-untyped-def]
    doc = coder.nlp(text)
    found = resolve_context(doc, coder.matcher.match(doc, day))
    return {doc[f.start : f.end].text: f.actor.code for f in found.all()}


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        (
            "Tamil Tigers attacked a navy base near Trincomalee.",
            "Tamil Tigers",
            "LKAREBLTT",
        ),
        (
            "The LTTE accused the government of violating the truce.",
            "LTTE",
            "LKAREBLTT",
        ),
        ("RUF rebels released the hostages on Tuesday.", "RUF rebels", "SLEREBRUF"),
        ("The MILF signed a peace deal with Manila.", "MILF", "PHLREBMIL"),
        ("The NPFL shelled Monrovia overnight.", "NPFL", "LBRREBNPF"),
        ("ETA claimed responsibility for the car bomb.", "ETA", "ESPREBETA"),
        ("The IRA announced a ceasefire on Wednesday.", "IRA", "GBRREBIRA"),
        (
            "The Lord's Resistance Army abducted dozens of children.",
            "Lord's Resistance Army",
            "UGAREBLRA",
        ),
        (
            "Shining Path guerrillas ambushed an army patrol.",
            "Shining Path guerrillas",
            "PERREBSPH",
        ),
    ],
)
def test_armed_movements_of_past_decades_are_named(coder, text, words, code) -> None:  # type: ignore[no-untyped-def]
    assert _codes(coder, text).get(words) == code


def test_a_movement_that_became_a_state_army_codes_by_the_date(coder) -> None:  # type: ignore[no-untyped-def]
    text = "The SPLA accused Khartoum of bombing villages."
    assert _codes(coder, text, dt.date(1998, 5, 2)).get("SPLA") == "SDNREBSPL"
    assert _codes(coder, text, dt.date(2012, 4, 10)).get("SPLA") == "SSDMIL"


def test_a_rebel_movement_turned_party_codes_by_the_date(coder) -> None:  # type: ignore[no-untyped-def]
    text = "UNITA accused the MPLA of fraud."
    assert _codes(coder, text, dt.date(1999, 1, 5)).get("UNITA") == "AGOREBUNI"
    assert _codes(coder, text, dt.date(2008, 9, 7)).get("UNITA") == "AGOPTYUNI"


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        ("ECOMOG troops recaptured Freetown on Friday.", "ECOMOG troops", "IGOWAFWAS"),
        ("UNAMSIL deployed more peacekeepers to Kailahun.", "UNAMSIL", "IGOUNO"),
        ("UNPROFOR commanders protested the shelling.", "UNPROFOR", "IGOUNO"),
        (
            "The Organisation of African Unity called for a ceasefire.",
            "Organisation of African Unity",
            "IGOAFRAFU",
        ),
        ("The CSCE sent observers to Chechnya.", "CSCE", "IGOEUROSC"),
        (
            "SFOR troops arrested a war crimes suspect near Foca.",
            "SFOR troops",
            "IGOWSTNAT",
        ),
        (
            "The Special Court for Sierra Leone indicted him.",
            "Special Court for Sierra Leone",
            "IGOUNOJUDWCT",
        ),
        ("The Warsaw Pact condemned the decision.", "Warsaw Pact", "IGOEEUWAR"),
        (
            "The European Economic Community imposed sanctions on Iraq.",
            "European Economic Community",
            "IGOEUREEC",
        ),
        ("The UNODC reported record opium harvests.", "UNODC", "IGOUNOCOPODC"),
    ],
)
def test_international_bodies_and_missions_are_named(coder, text, words, code) -> None:  # type: ignore[no-untyped-def]
    assert _codes(coder, text).get(words) == code


def test_the_matcher_reads_a_groups_dated_roles(coder) -> None:  # type: ignore[no-untyped-def]
    text = "The Taliban closed girls' schools in Kandahar."
    assert _codes(coder, text, dt.date(1998, 3, 1)).get("Taliban") == "AFGINSTAL"
    assert _codes(coder, text, dt.date(2022, 3, 1)).get("Taliban") == "AFGGOV"
