"""The verb and event-noun dictionary: YAML entries compiled into a lookup by lemma.

Entries live in ``data/verbs/NN-<root>.yaml`` (one file per CAMEO root) and in
the ``verbs/`` folder of each folder named by the ``dictionaries`` setting; they
are read and validated by :mod:`dyads.datafiles` like every other data file. An
entry names a trigger lemma and, optionally, a particle, a preposition and
object lemmas that must be present; the coder prefers the entry with the most
constraints satisfied, so a generic "say" and a specific "express gratitude"
live side by side.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dyads.datafiles import data_files, of_kind, read_valid
from dyads.errors import DataFileError


@dataclass(frozen=True, slots=True)
class VerbEntry:
    """One dictionary entry: a trigger and the CAMEO code it signals."""

    id: str
    code: str
    lemma: str
    pos: str = "verb"
    particle: str | None = None
    prep: str | None = None
    objects: frozenset[str] = frozenset()
    passive: str = "any"
    specificity: int = field(init=False, repr=False, compare=False)
    """How many constraints the entry adds to its bare lemma (set from the
    others: the coder reads it for every candidate entry of every trigger)."""

    def __post_init__(self) -> None:
        specificity = (
            (self.particle is not None)
            + (self.prep is not None)
            + (2 if self.objects else 0)
        )
        object.__setattr__(self, "specificity", specificity)


@dataclass(frozen=True)
class VerbDictionary:
    """Entries indexed by (part of speech, lemma), plus a hash of the files read."""

    by_lemma: dict[tuple[str, str], tuple[VerbEntry, ...]]
    hash: str
    _ranked: dict[tuple[str, str], tuple[VerbEntry, ...]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        ranked = {
            key: tuple(sorted(entries, key=lambda e: -e.specificity))
            for key, entries in self.by_lemma.items()
        }
        object.__setattr__(self, "_ranked", ranked)

    @classmethod
    def load(cls, extra_folders: Sequence[str | Path] = ()) -> VerbDictionary:
        return _load(tuple(str(f) for f in extra_folders))

    def entries(self, pos: str, lemma: str) -> tuple[VerbEntry, ...]:
        return self.by_lemma.get((pos, lemma), ())

    def ranked(self, pos: str, lemma: str) -> tuple[VerbEntry, ...]:
        """The entries of ``entries``, most specific first, else in file order.

        The coder takes the most specific entry a sentence satisfies, so in
        this order the first one satisfied is the answer and the rest need no
        checking (sorted once here, not for every trigger).
        """
        return self._ranked.get((pos, lemma), ())

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_lemma.values())


@functools.lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> VerbDictionary:
    digest = hashlib.sha256()
    index: dict[tuple[str, str], list[VerbEntry]] = {}
    for data_file in of_kind(data_files(extra), "verbs"):
        digest.update(data_file.name.encode() + data_file.path.read_bytes())
        for record in read_valid(data_file) or []:
            entry = _entry(record, data_file.path)
            index.setdefault((entry.pos, entry.lemma), []).append(entry)
    return VerbDictionary({k: tuple(v) for k, v in index.items()}, digest.hexdigest())


def _entry(record: object, path: Path) -> VerbEntry:
    if not isinstance(record, dict) or not {"id", "code", "lemma"} <= record.keys():
        raise DataFileError(
            f"Verb file {path}: entry {record!r} needs id, code and lemma"
        )
    for key in ("prep", "particle"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise DataFileError(
                f"Verb file {path}: entry {record['id']!r} has {key} {record[key]!r}; "
                "write it as a quoted string (YAML reads bare on/off/yes/no as "
                "booleans)"
            )
    return VerbEntry(
        id=str(record["id"]),
        code=str(record["code"]),
        lemma=str(record["lemma"]).lower(),
        pos=str(record.get("pos") or "verb"),
        particle=record.get("particle") or None,
        prep=record.get("prep") or None,
        objects=frozenset(str(o).lower() for o in record.get("objects") or ()),
        passive=str(record.get("passive") or "any"),
    )
