"""The phrase trie against the dictionary's own phrase tables."""

from __future__ import annotations

from spacy.strings import hash_string

from dyads.actors import load_actors
from dyads.actors.phrase_index import PhraseIndex


def _ids(words: list[str]) -> list[int]:
    return [hash_string(w) for w in words]


def test_phrase_index_gives_every_phrase_at_a_token_longest_first() -> None:
    actors = load_actors()
    index = PhraseIndex(actors)
    words = ["the", "united", "states", "said"]
    lower = _ids(words)
    found = index.at(lower, lower, 1)
    assert [size for size, _, _ in found] == sorted(
        (n for n in (1, 2) if tuple(words[1 : 1 + n]) in actors.phrases),
        reverse=True,
    )
    size, entries, chosen = found[0]
    assert entries == actors.phrases[("united", "states")]
    assert chosen == actors.choose(entries, None)
    assert 1 in index.starts(lower, lower)


def test_phrase_index_matches_acronyms_only_as_written() -> None:
    index = PhraseIndex(load_actors())
    assert index.at(_ids(["us"]), _ids(["US"]), 0)
    assert not index.at(_ids(["us"]), _ids(["us"]), 0)
