"""Group and occupation nouns take the CAMEO sector that sectors.yaml documents."""

from __future__ import annotations

import pytest

from dyads.actors.context import resolve_context


def _codes(coder, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Each actor's words in ``text`` and the code it takes."""
    doc = coder.nlp(text)
    found = resolve_context(doc, coder.matcher.match(doc, None))
    return {doc[f.start : f.end].text: f.actor.code for f in found.all()}


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        (
            "Kenyan doctors and nurses went on strike over unpaid wages.",
            "Kenyan doctors",
            "KENHLH",
        ),
        (
            "Physicians in Sudan warned that fuel would run out.",
            "Physicians in Sudan",
            "SDNHLH",
        ),
        (
            "South African miners clashed with police at the mine.",
            "South African miners",
            "ZAFLAB",
        ),
        ("Polish workers blocked the border crossing.", "Polish workers", "POLLAB"),
        ("Indian farmers marched on New Delhi.", "Indian farmers", "INDAGR"),
        ("Afghan tribal elders met the governor.", "Afghan tribal elders", "AFGELI"),
        ("Iranian clerics condemned the decision.", "Iranian clerics", "IRNREL"),
        ("A Nigerian priest was kidnapped on Sunday.", "Nigerian priest", "NGAREL"),
        (
            "Russian hackers attacked the election commission.",
            "Russian hackers",
            "RUSCRM",
        ),
        (
            "Chinese warships entered the strait on Monday.",
            "Chinese warships",
            "CHNMIL",
        ),
        ("Turkish lawyers protested against the arrests.", "Turkish lawyers", "TURJUD"),
        (
            "Egyptian human rights organisations criticised the law.",
            "Egyptian human rights organisations",
            "EGYHRI",
        ),
        (
            "Colombian state television broadcast the speech.",
            "Colombian state television",
            "COLMED",
        ),
        (
            "Serbian students blocked the bridge in Novi Sad.",
            "Serbian students",
            "SRBEDU",
        ),
        ("Malian militiamen attacked the village.", "Malian militiamen", "MLIINS"),
    ],
)
def test_sector_words_compose_with_their_country(coder, text, words, code) -> None:  # type: ignore[no-untyped-def]
    assert _codes(coder, text).get(words) == code


def test_gunmen_whose_group_is_not_named_are_unidentified_armed_forces(coder) -> None:  # type: ignore[no-untyped-def]
    codes = _codes(
        coder, "Gunmen killed three villagers in northern Nigeria on Sunday."
    )
    assert codes.get("Gunmen") == "NGAUAF"


def test_workers_are_labour_not_civilians(coder) -> None:  # type: ignore[no-untyped-def]
    codes = _codes(coder, "Greek dock workers walked off the job in Piraeus.")
    assert codes.get("Greek dock workers") == "GRCLAB"


def test_a_speaker_of_parliament_is_the_legislature(coder) -> None:  # type: ignore[no-untyped-def]
    codes = _codes(coder, "The Georgian Parliament Speaker signed the bill.")
    assert "GEOLEG" in codes.values()
