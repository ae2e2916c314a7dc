"""The actor dictionary: shipped data compiled into a phrase index, on real text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dyads.actors import ActorDictionary, load_actors
from dyads.errors import DataFileError


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return load_actors()


def _codes(actors: ActorDictionary, text: str) -> set[str]:
    return {e.code for e in actors.lookup(text)}


def test_dictionary_has_every_un_member_and_kosovo(actors: ActorDictionary) -> None:
    countries = [e for e in actors.entries.values() if e.kind == "country"]
    assert len(countries) >= 240
    assert actors.entries["countries/KSV"].name == "Kosovo"
    un = [f for f in actors.files if f.kind == "countries"]
    assert un, "countries.yaml is loaded"


def test_dictionary_capitals_and_seats_code_as_government(
    actors: ActorDictionary,
) -> None:
    assert _codes(actors, "Belgrade") == {"SRBGOV"}
    assert _codes(actors, "Washington") == {"USAGOV"}
    assert _codes(actors, "the Kremlin") == {"RUSGOV"}
    assert _codes(actors, "Pristina") == {"KSVGOV"}


def test_dictionary_brussels_stands_for_the_eu(actors: ActorDictionary) -> None:
    assert _codes(actors, "Brussels") == {"IGOEUREEC"}


def test_dictionary_names_adjectives_and_demonyms_name_the_country(
    actors: ActorDictionary,
) -> None:
    for text in ("Serbia", "Serbian", "Serbs", "Republic of Serbia"):
        assert _codes(actors, text) == {"SRB"}, text
    for text in ("Kosovo", "Kosovar", "Republic of Kosovo"):
        assert _codes(actors, text) == {"KSV"}, text


def test_dictionary_acronyms_that_are_words_match_only_in_capitals(
    actors: ActorDictionary,
) -> None:
    assert _codes(actors, "US") == {"USA"}
    assert _codes(actors, "U.S.") == {"USA"}
    assert _codes(actors, "us") == set()
    assert _codes(actors, "WHO") == {"IGOUNOHLHWHO"}
    assert _codes(actors, "who") == set()
    assert _codes(actors, "let") == set()  # LeT, Lashkar-e-Taiba
    assert _codes(actors, "amnesty") == set()  # Amnesty International


def test_dictionary_has_at_least_80_organisations_with_phoenix_codes(
    actors: ActorDictionary,
) -> None:
    igos = {
        e.code
        for e in actors.entries.values()
        if e.kind == "igo" and e.id.count("/") == 1
    }
    assert len(igos) >= 80
    assert {"IGOWSTNAT", "IGOEUREEC", "IGOUNO", "IGOAFRAFU", "IGOEUROSC"} <= igos


def test_dictionary_bodies_and_missions_code_as_their_parent(
    actors: ActorDictionary,
) -> None:
    assert _codes(actors, "KFOR") == {"IGOWSTNAT"}
    assert _codes(actors, "Kosovo Force") == {"IGOWSTNAT"}
    assert _codes(actors, "EULEX") == {"IGOEUREEC"}
    assert _codes(actors, "UN Security Council") == {"IGOUNO"}
    assert _codes(actors, "NATO Secretary General") == {"IGOWSTNAT"}


def test_dictionary_named_groups_carry_country_and_sector(
    actors: ActorDictionary,
) -> None:
    (hamas,) = actors.lookup("Hamas")
    assert (hamas.country, hamas.sector) == ("PSE", "REB")
    (houthis,) = actors.lookup("Ansar Allah")
    assert houthis.id == "agents/houthis"
    (amnesty,) = actors.lookup("Amnesty International")
    assert amnesty.code.startswith("NGO")


def test_dictionary_group_code_follows_the_event_date(actors: ActorDictionary) -> None:
    (taliban,) = actors.lookup("Taliban")
    assert taliban.actor_on(dt.date(2019, 5, 1)).code == "AFGINSTAL"  # type: ignore[union-attr]
    assert taliban.actor_on(dt.date(2023, 5, 1)).code == "AFGGOV"  # type: ignore[union-attr]


def test_dictionary_sector_words_and_titles(actors: ActorDictionary) -> None:
    assert _codes(actors, "police officers") == {"COP"}
    assert _codes(actors, "journalists") == {"MED"}
    assert actors.titles[("president",)] == "GOV"
    assert actors.titles[("foreign", "minister")] == "GOV"
    assert ("secretary", "general") in actors.org_titles


def test_dictionary_phrases_line_up_with_spacy_tokens(
    actors: ActorDictionary, nlp
) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(
        "Guinea-Bissau thanked the U.S. and Côte d'Ivoire, and Al-Qaeda's leaders."
    )
    lowers = tuple(t.lower_ for t in doc)
    for name in ("Guinea-Bissau", "U.S.", "Côte d'Ivoire", "Al-Qaeda"):
        tokens = next(iter(actors.phrases.keys() & {_tokens_of(nlp, name)}), None)
        assert tokens is not None, name
        assert _contains(lowers, tokens), name


def _tokens_of(nlp, text: str) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    return tuple(t.lower_ for t in nlp.tokenizer(text))


def _contains(seq: tuple[str, ...], sub: tuple[str, ...]) -> bool:
    return any(seq[i : i + len(sub)] == sub for i in range(len(seq)))


PERSON = """
- id: ana-example
  name: Ana Example
  aliases: [Example]
  country: SRB
  gender: f
  roles:
    - {code: SRBGOV, title: Foreign Minister, start: 2010-01-01, end: 2014-06-01}
    - {code: IGOWSTNAT, title: Deputy Secretary, start: 2016-03-01, end: 2020-03-01}
"""


def _folder(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, "utf-8")
    return tmp_path


def test_person_code_depends_on_the_event_date(tmp_path: Path) -> None:
    actors = ActorDictionary.load([_folder(tmp_path, {"people/extra.yaml": PERSON})])
    person = actors.entries["people/ana-example"]
    assert person.actor_on(dt.date(2012, 1, 1)).code == "SRBGOV"  # type: ignore[union-attr]
    assert person.actor_on(dt.date(2014, 6, 1)).code == "SRBELI"  # type: ignore[union-attr]
    assert person.actor_on(dt.date(2018, 1, 1)).code == "IGOWSTNAT"  # type: ignore[union-attr]
    assert person.actor_on(None).code == "IGOWSTNAT"  # type: ignore[union-attr]
    assert {e.id for e in actors.lookup("Example")} == {"people/ana-example"}


def test_two_dictionaries_live_side_by_side(tmp_path: Path) -> None:
    plain = load_actors()
    extended = load_actors([_folder(tmp_path, {"people/extra.yaml": PERSON})])
    assert "people/ana-example" in extended.entries
    assert "people/ana-example" not in plain.entries
    assert plain.version_hash() != extended.version_hash()
    assert load_actors() is plain  # cached per folder list


def test_extra_folder_replaces_a_builtin_entry_by_id(tmp_path: Path) -> None:
    agents = "- {id: hamas, code: PSEINSHMS, name: Hamas, country: PSE, sector: INS}\n"
    actors = load_actors([_folder(tmp_path, {"agents.yaml": agents})])
    assert {e.code for e in actors.lookup("Hamas")} == {"PSEINSHMS"}


def test_invalid_extra_file_raises_a_one_line_data_file_error(tmp_path: Path) -> None:
    bad = "- {id: x, code: lowercase, name: X, country: PSE, sector: REB}\n"
    with pytest.raises(DataFileError, match=r"agents\.yaml.*agents schema"):
        load_actors([_folder(tmp_path, {"agents.yaml": bad})])


def test_missing_extra_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="does not exist"):
        load_actors([tmp_path / "nowhere"])


def test_choose_prefers_a_person_in_office_else_the_other_entry(tmp_path: Path) -> None:
    person = PERSON.replace("aliases: [Example]", "aliases: [Example, Smederevo]")
    capital = "- {code: SRB, name: Serbia, capitals: [Smederevo]}\n"
    actors = load_actors(
        [_folder(tmp_path, {"people/extra.yaml": person, "countries.yaml": capital})]
    )
    entries = actors.lookup("Smederevo")
    assert {e.kind for e in entries} == {"person", "capital"}
    assert actors.choose(entries, dt.date(2012, 1, 1)).kind == "person"  # type: ignore[union-attr]
    assert actors.choose(entries, dt.date(2024, 1, 1)).kind == "capital"  # type: ignore[union-attr]


def test_regions_keep_longer_names_from_matching_a_country(
    actors: ActorDictionary,
) -> None:
    assert _codes(actors, "Latin America") == {"LAM"}
    assert _codes(actors, "Latin American") == {"LAM"}
    assert _codes(actors, "Western Balkans") == {"BLK"}
    assert _codes(actors, "America") == {"USA"}
    assert _codes(actors, "the West") == {"WST"}
    assert _codes(actors, "west") == set()
