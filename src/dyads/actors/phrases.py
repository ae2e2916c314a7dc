"""Turn dictionary names into the token sequences that spaCy will produce for them.

The actor index is keyed by lower-cased token tuples, so a name must be split
exactly as spaCy's English tokenizer splits running text ("Osmani-Sadriu" ->
``osmani - sadriu``, "U.S." -> ``u.s.``). Tokenising tens of thousands of names
through spaCy costs about a second, so names made only of letters and spaces
take a fast path (a plain split), which gives the same tokens unless a word is
one of the tokenizer's special cases ("cannot"); those, and every name with
punctuation, go through the real tokenizer.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from dyads.cache import cached, key

Tokens = tuple[str, ...]
_ARTICLES = {"the"}
#: names already split in this process: a pure memo (the split of a name never changes)
_MEMO: dict[str, list[str]] = {}


@functools.lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import spacy

    return spacy.blank("en").tokenizer


@functools.lru_cache(maxsize=1)
def _special_words() -> frozenset[str]:
    """Letter-only words that spaCy's tokenizer exceptions split ("cannot", "gonna")."""
    rules = _tokenizer().rules or {}
    return frozenset(k.lower() for k, v in rules.items() if k.isalpha() and len(v) > 1)


def _is_plain(text: str) -> bool:
    words = text.split(" ")
    return all(w.isalpha() for w in words)


def tokenize(names: Iterable[str], cache: bool = True) -> dict[str, Tokens]:
    """Each name's lower-cased tokens, a leading "the" dropped ("the Kremlin").

    Results are cached on disk by the set of names and the spaCy version (see
    :mod:`dyads.cache`), so that a warm load does not even import spaCy, and
    memoised in the process, so that a second dictionary with a few extra
    names splits only those.
    """
    names = list(names)
    unique = sorted({" ".join(n.split()) for n in names} - _MEMO.keys())
    if not cache or len(unique) < 100:
        _MEMO.update(_split(unique))
    else:
        _MEMO.update(
            cached(
                "tokens",
                key(_spacy_version(), "\n".join(unique)),
                lambda: _split(unique),
            )
        )
    return {name: _drop_article(tuple(_MEMO[" ".join(name.split())])) for name in names}


def _spacy_version() -> str:
    from importlib.metadata import version

    return version("spacy")


def _split(unique: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    slow: list[str] = []
    special = _special_words()
    for name in unique:
        lowered = name.lower().split(" ")
        if _is_plain(name) and not special.intersection(lowered):
            out[name] = lowered
        else:
            slow.append(name)
    if slow:
        for name, doc in zip(slow, _tokenizer().pipe(slow), strict=True):
            out[name] = [t.lower_ for t in doc if not t.is_space]
    return out


def tokenize_exact(names: Iterable[str], cache: bool = True) -> dict[str, Tokens]:
    """Each name's tokens as written (for acronyms matched in exact case, "WHO")."""
    unique = sorted(set(names))

    def split() -> dict[str, list[str]]:
        docs = _tokenizer().pipe(unique)
        return {
            n: [t.text for t in d if not t.is_space]
            for n, d in zip(unique, docs, strict=True)
        }

    if not cache:
        exact = split()
    else:
        exact = cached(
            "tokens", key(_spacy_version(), "exact", "\n".join(unique)), split
        )
    return {n: tuple(exact[n]) for n in unique}


def _drop_article(tokens: Tokens) -> Tokens:
    if len(tokens) > 1 and tokens[0] in _ARTICLES:
        return tokens[1:]
    return tokens
