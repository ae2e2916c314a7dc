"""The verb and event-noun dictionary files: schema, ids, codes, coverage and lemmas."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from dyads.datafiles import data_dir, read, validate
from dyads.events.ontology import Ontology

if TYPE_CHECKING:
    from spacy.language import Language

Index = dict[tuple[str, str], list[dict[str, Any]]]
VERB_FILES = sorted((data_dir() / "verbs").glob("*.yaml"))


def _entries() -> list[tuple[Path, dict[str, Any]]]:
    return [(path, entry) for path in VERB_FILES for entry in read(path)]


@pytest.fixture(scope="module")
def by_trigger() -> Index:
    index: Index = defaultdict(list)
    for _, entry in _entries():
        index[(entry.get("pos", "verb"), entry["lemma"])].append(entry)
    return index


def test_one_file_per_root() -> None:
    assert [p.name[:2] for p in VERB_FILES] == [f"{n:02d}" for n in range(1, 21)]


@pytest.mark.parametrize("path", VERB_FILES, ids=lambda p: p.name)
def test_verb_file_validates_and_holds_its_root(path: Path) -> None:
    entries = read(path)
    assert validate(entries, "verbs") == []
    assert entries, f"{path.name} has no entries"
    assert {e["code"][:2] for e in entries} == {path.name[:2]}


def test_dictionary_is_broad() -> None:
    """Recall depends on breadth: every root has generic words and phrases."""
    entries = [entry for _, entry in _entries()]
    assert len(entries) >= 1000
    for root in {e["code"][:2] for e in entries}:
        mine = [e for e in entries if e["code"].startswith(root)]
        assert len(mine) >= 20, root
        generic = [e for e in mine if not (e.get("objects") or e.get("prep"))]
        assert generic, root


def test_ids_are_unique() -> None:
    ids = [entry["id"] for _, entry in _entries()]
    assert len(ids) == len(set(ids))


def test_every_code_exists_in_the_ontology() -> None:
    ontology = Ontology.load()
    for path, entry in _entries():
        assert ontology.cameo(entry["code"]).root == path.name[:2]


def test_every_three_digit_code_has_a_trigger() -> None:
    used = {entry["code"] for _, entry in _entries()}
    three = [c.code for c in Ontology.load().codes() if len(c.code) == 3]
    assert [c for c in three if c not in used] == []


def test_same_trigger_never_gives_two_codes(by_trigger: Index) -> None:
    """Two entries the coder cannot tell apart must agree (no overlapping objects)."""
    for entries in by_trigger.values():
        seen: dict[tuple[object, ...], str] = {}
        for entry in entries:
            frame = (
                entry.get("particle"),
                entry.get("prep"),
                entry.get("passive", "any"),
            )
            for obj in entry.get("objects") or [None]:
                code = seen.setdefault((*frame, obj), entry["code"])
                assert code == entry["code"], (entry["id"], obj, code)


@pytest.mark.parametrize(
    ("lemma", "pos", "code_prefix"),
    [
        ("say", "verb", "01"),
        ("visit", "verb", "042"),
        ("host", "verb", "043"),
        ("receive", "verb", "043"),
        ("discuss", "verb", "04"),
        ("negotiate", "verb", "046"),
        ("praise", "verb", "051"),
        ("thank", "verb", "051"),
        ("apologize", "verb", "055"),
        ("forgive", "verb", "056"),
        ("accuse", "verb", "112"),
        ("condemn", "verb", "11"),
        ("threaten", "verb", "13"),
        ("intimidate", "verb", "13"),
        ("urge", "verb", "02"),
        ("demand", "verb", "10"),
        ("reject", "verb", "12"),
        ("sanction", "verb", "163"),
        ("arrest", "verb", "173"),
        ("kill", "verb", "18"),
        ("protest", "verb", "14"),
        ("attack", "verb", "19"),
        ("attack", "noun", "19"),
        ("aggression", "noun", "19"),
        ("deploy", "verb", "15"),
        ("mediate", "verb", "045"),
        ("support", "verb", "05"),
        ("cooperate", "verb", "06"),
        ("shell", "verb", "194"),
        ("meeting", "noun", "04"),
    ],
)
def test_generic_entry(
    by_trigger: Index, lemma: str, pos: str, code_prefix: str
) -> None:
    generic = [
        e
        for e in by_trigger[(pos, lemma)]
        if not (e.get("particle") or e.get("prep") or e.get("objects"))
    ]
    assert len(generic) == 1 and generic[0]["code"].startswith(code_prefix)


@pytest.mark.parametrize(
    ("lemma", "constraint", "code_prefix"),
    [
        ("express", {"objects": "gratitude"}, "051"),
        ("express", {"objects": "concern"}, "012"),
        ("call", {"prep": "for"}, "02"),
        ("call", {"prep": "on"}, "02"),
        ("hold", {"objects": "talk"}, "04"),
        ("sign", {"objects": "agreement"}, "057"),
        ("impose", {"objects": "sanction"}, "163"),
        ("release", {"objects": "prisoner"}, "0841"),
        ("reaffirm", {"objects": "commitment"}, "03"),
        ("commit", {"prep": "to"}, "03"),
        ("call", {"particle": "off", "objects": "strike"}, "082"),
        ("step", {"particle": "up", "objects": "pressure"}, "100"),
    ],
)
def test_phrase_entry(
    by_trigger: Index, lemma: str, constraint: dict[str, str], code_prefix: str
) -> None:
    def fits(entry: dict[str, Any]) -> bool:
        for key in ("particle", "prep", "objects"):
            got, want = entry.get(key), constraint.get(key)
            if want is None and got:
                return False  # an extra constraint: a more specific phrase
            if want is not None and not (
                want in got if isinstance(got, list) else got == want
            ):
                return False
        return True

    matches = [e for e in by_trigger[("verb", lemma)] if fits(e)]
    assert matches
    assert all(e["code"].startswith(code_prefix) for e in matches), matches


# Real sentences: the lemma spaCy gives each marked word must be a dictionary lemma.
SENTENCES = [
    ("The EU imposed new sanctions on Russia.", "sanctions", "noun"),
    ("The two delegations held talks in Geneva.", "talks", "noun"),
    ("Serbia criticised the decision of the court.", "criticised", "verb"),
    ("Germany recognised Kosovo in 2008.", "recognised", "verb"),
    ("The minister apologised to the victims' families.", "apologised", "verb"),
    ("Rebels shelled the town overnight.", "shelled", "verb"),
    ("Gunmen kidnapped two aid workers on Monday.", "kidnapped", "verb"),
    ("Police detained dozens of protesters.", "detained", "verb"),
    ("The president thanked NATO for its support.", "thanked", "verb"),
    ("She expressed her gratitude to the allies.", "gratitude", "noun"),
    ("He accused Belgrade of destabilising the north.", "accused", "verb"),
    ("Moscow threatened Kyiv with retaliation.", "threatened", "verb"),
    ("The army deployed troops to the border.", "deployed", "verb"),
    ("The UN condemned the airstrikes on the hospital.", "airstrikes", "noun"),
    ("Thousands protested against the government in Belgrade.", "protested", "verb"),
    ("The leaders met in Brussels on Tuesday.", "met", "verb"),
    ("Japan pledged aid to the flood victims.", "pledged", "verb"),
    ("Iran rejected the proposal.", "rejected", "verb"),
    ("The attack killed three soldiers.", "killed", "verb"),
    ("They signed a trade agreement in Tokyo.", "signed", "verb"),
    ("Russia's aggression against Ukraine continues.", "aggression", "noun"),
    ("The envoy visited Pristina last week.", "visited", "verb"),
    ("The king received the ambassador at the palace.", "received", "verb"),
    ("Ankara mediated between the two sides.", "mediated", "verb"),
    ("The two countries agreed to cooperate on energy.", "cooperate", "verb"),
    ("Hamas released four hostages.", "released", "verb"),
    ("Washington urged restraint.", "urged", "verb"),
    ("The opposition demanded new elections.", "demanded", "verb"),
    ("Investigators probed the bombing.", "probed", "verb"),
    ("The navy blockaded the port.", "blockaded", "verb"),
    ("The meeting with Stoltenberg addressed security.", "meeting", "noun"),
    ("Both sides violated the ceasefire.", "ceasefire", "noun"),
    ("France mobilised reservists.", "mobilised", "verb"),
    ("Troops withdrew from the village.", "withdrew", "verb"),
    ("The court convicted the former minister.", "convicted", "verb"),
    ("Dock workers staged a strike at the port.", "staged", "verb"),
    ("Russia waged war on Ukraine.", "waged", "verb"),
    ("The regulator fined the broadcaster.", "fined", "verb"),
    ("Both sides hoped for a settlement.", "hoped", "verb"),
]


@pytest.mark.parametrize(
    ("sentence", "word", "pos"), SENTENCES, ids=[s[1] for s in SENTENCES]
)
def test_lemmas_match_the_spacy_model(
    nlp: Language, by_trigger: Index, sentence: str, word: str, pos: str
) -> None:
    token = next(t for t in nlp(sentence) if t.text == word)
    lemmas = {lemma for (p, lemma) in by_trigger if p == pos}
    objects = {
        o for es in by_trigger.values() for e in es for o in e.get("objects") or ()
    }
    assert token.lemma_.lower() in lemmas | (objects if pos == "noun" else set())
