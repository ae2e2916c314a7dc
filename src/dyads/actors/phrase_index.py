"""The actor dictionary's phrases keyed by spaCy string ids, walked word by word.

The matcher asks, at each token that can start a name, for the dictionary
phrases that start there, longest first. Phrases are stored here as a trie of
spaCy string ids (what ``doc.to_array`` gives), so that the question costs one
dictionary lookup per word read, with no Python string and no tuple made per
token. Phrases whose entries are all people's rivals (no person among them)
name the same entry on every day, so that choice is made once, here.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.strings import hash_string  # type: ignore[attr-defined]

from dyads.actors.dictionary import ActorDictionary, ActorEntry

Candidate = tuple[int, tuple[ActorEntry, ...], ActorEntry | None]
"""A phrase at a token: its length in tokens, its entries, and the entry they
name on any day (``None`` when a person's dates decide)."""


class _Step:
    """One word of the trie: the words that may follow it and, where a phrase
    ends here, its entries."""

    __slots__ = ("following", "entries", "chosen")

    def __init__(self) -> None:
        self.following: dict[int, _Step] = {}
        self.entries: tuple[ActorEntry, ...] = ()
        self.chosen: ActorEntry | None = None


class PhraseIndex:
    """The phrases of one :class:`ActorDictionary`, by spaCy string ids.

    ``phrases`` match in any case (by lower-case ids), ``cased_phrases``
    (acronyms such as "US", "WHO") only as written (by verbatim ids); where
    both match the same tokens, the cased entries win.
    """

    def __init__(self, dictionary: ActorDictionary) -> None:
        # Most tokens start no phrase at all, and are given up after one lookup.
        self._first_lower = {hash_string(w) for w in _first_words(dictionary.phrases)}
        self._first_cased = {
            hash_string(w) for w in _first_words(dictionary.cased_phrases)
        }
        self._lower = _trie(dictionary, dictionary.phrases)
        self._cased = _trie(dictionary, dictionary.cased_phrases)

    def starts(self, lower_ids: list[int], orth_ids: list[int]) -> list[int]:
        """Indices of the tokens that begin some phrase (one of a word, not "-")."""
        lower, cased = self._first_lower, self._first_cased
        return [
            i
            for i, (lo, orth) in enumerate(zip(lower_ids, orth_ids, strict=True))
            if lo in lower or orth in cased
        ]

    def at(self, lower_ids: list[int], orth_ids: list[int], i: int) -> list[Candidate]:
        """The phrases that start at token ``i``, longest first.

        The walk ends where neither trie goes on, so it reads no further than
        the longest phrase that starts with the token's word.
        """
        lower: dict[int, _Step] = self._lower
        cased: dict[int, _Step] = self._cased
        found: list[Candidate] = []
        for j in range(i, len(lower_ids)):
            lower_step = lower.get(lower_ids[j]) if lower else None
            cased_step = cased.get(orth_ids[j]) if cased else None
            if cased_step is not None:
                if cased_step.entries:
                    found.append((j + 1 - i, cased_step.entries, cased_step.chosen))
                elif lower_step is not None and lower_step.entries:
                    found.append((j + 1 - i, lower_step.entries, lower_step.chosen))
                cased = cased_step.following
            elif lower_step is None:
                break
            else:
                cased = {}
                if lower_step.entries:
                    found.append((j + 1 - i, lower_step.entries, lower_step.chosen))
            lower = lower_step.following if lower_step is not None else {}
        found.reverse()
        return found


def _trie(
    dictionary: ActorDictionary,
    phrases: Mapping[tuple[str, ...], tuple[ActorEntry, ...]],
) -> dict[int, _Step]:
    """``phrases`` as a trie of string ids, each end holding its entries."""
    root: dict[int, _Step] = {}
    for phrase, entries in phrases.items():
        following = root
        step = _Step()
        for word in phrase:
            step = following.setdefault(hash_string(word), _Step())
            following = step.following
        step.entries = entries
        if not any(e.kind == "person" for e in entries):
            step.chosen = dictionary.choose(entries, None)  # the same on every day
    return root


def _first_words(phrases: Mapping[tuple[str, ...], object]) -> set[str]:
    """The first words of ``phrases``; a phrase must start with a word, not "-"."""
    return {p[0] for p in phrases if p and any(ch.isalnum() for ch in p[0])}
