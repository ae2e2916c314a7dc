"""Event places from the sentence, then the title or dateline, never invented."""

from __future__ import annotations

import pytest

from dyads.model import Document, Sentence, TextSpan
from dyads.resolve.places import PlaceResolver


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver.load()


def _resolve(resolver, text, sentence=None, **document):  # type: ignore[no-untyped-def]
    document = Document(document.pop("id", "doc"), text, **document)
    sentence = sentence or text
    start = text.index(sentence)
    return resolver.resolve(
        document, Sentence(document.id, 0, TextSpan(start, start + len(sentence)))
    )


def test_resolve_facility_in_sentence(resolver):
    place = _resolve(
        resolver, "Osmani was received by Stoltenberg at the NATO headquarters."
    )
    assert place.name == "NATO headquarters"
    assert place.country == "BEL"
    assert place.feature == "facility"
    assert place.reason == "sentence: 'at the NATO headquarters' (facility)"
    assert 50 < place.latitude < 51 and 4 < place.longitude < 5


def test_resolve_city_by_name_or_local_spelling(resolver):
    for spelling in ("Pristina", "Prishtina"):
        place = _resolve(resolver, f"The talks took place in {spelling} on Monday.")
        assert (place.name, place.country, place.feature) == ("Pristina", "KSV", "city")


def test_resolve_country_uses_kosovo_code(resolver):
    place = _resolve(resolver, "Elections were held in Kosovo.")
    assert (place.name, place.country) == ("Kosovo", "KSV")


def test_resolve_actor_is_not_a_place(resolver):
    assert (
        _resolve(resolver, "The White House said Kosovo's institutions will cooperate.")
        is None
    )


def test_resolve_region_of_the_document_country(resolver, seed_text):
    sentence = next(s for s in seed_text.split(". ") if "north of the country" in s)
    title = seed_text.splitlines()[0]
    place = _resolve(resolver, seed_text, sentence, title=title)
    assert place.country == "KSV"
    assert place.feature == "region"
    assert "in the north of the country" in place.reason


def test_resolve_prefers_the_sentence_over_the_title(resolver):
    text = "Talks were held at the White House."
    place = _resolve(resolver, text, title="Leaders meet in Berlin")
    assert place.name == "White House"


def test_resolve_falls_back_to_title_then_dateline(resolver):
    place = _resolve(resolver, "The two leaders met.", title="Leaders meet in Berlin")
    assert (place.name, place.reason) == ("Berlin", "title: 'in Berlin' (city)")
    text = "PRISTINA, June 5 (Reuters) - The two leaders met."
    place = _resolve(resolver, text, "The two leaders met.", id="wire")
    assert (place.name, place.country) == ("Pristina", "KSV")
    assert place.reason.startswith("dateline:")


def test_resolve_without_any_place_is_none(resolver):
    assert _resolve(resolver, "The two leaders discussed cooperation.") is None


def test_resolve_place_of_a_visit(resolver):
    place = _resolve(resolver, "Croatia's prime minister visited Sarajevo on Monday.")
    assert (place.name, place.country) == ("Sarajevo", "BIH")
    assert place.reason == "sentence: 'visited Sarajevo' (city)"


def test_resolve_country_acronyms_match_in_capitals_only(resolver):
    place = _resolve(resolver, "Talks were held in the UK on Friday.")
    assert (place.name, place.country) == ("United Kingdom", "GBR")
    assert _resolve(resolver, "Talks were held in the U.S. capital.").country == "USA"
    assert _resolve(resolver, "They told us in Us Weekly.") is None


def test_resolve_the_town_of_a_named_place(resolver):
    place = _resolve(resolver, "A mine exploded near the town of Samarra on Friday.")
    assert place is not None and place.country == "IRQ"
    place = _resolve(resolver, "Crowds gathered in the Iraqi city of Kirkuk.")
    assert place is not None and place.country == "IRQ"


def test_resolve_central_part_of_a_city(resolver):
    place = _resolve(resolver, "A bomb exploded in central Baghdad on Monday.")
    assert place is not None and place.country == "IRQ"
