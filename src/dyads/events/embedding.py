"""Acts that are promised, asked for, demanded, refused or threatened.

CAMEO codes "X threatened to attack Y" as a threat (13x), not as an attack, and
"X will give Y a grant" as an intent to provide aid (033). The rules, one family
per governing kind, live in ``data/rules/embedding.yaml``; this module turns an
event found under such a governor (or in the future tense) into the governing
act, keeping the embedded act's actors.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dyads.datafiles import data_files, of_kind, read_valid

if TYPE_CHECKING:
    from dyads.nlp.tree import Node

_FUTURE_AUX = {"will", "shall", "'ll"}
_EMBEDDING_DEPS = {"xcomp", "ccomp", "pobj", "pcomp", "dobj", "advcl"}


@dataclass(frozen=True, slots=True)
class Family:
    """One kind of governing act and the code it gives per embedded root."""

    name: str
    governors: frozenset[str]
    codes: dict[str, str]
    quads: frozenset[int]
    future: bool
    # Modal verbs that make a reported clause this family's act: "Germany said
    # Iran must stop" is Germany's demand to Iran (see ``EmbeddingRules.by_modal``).
    modals: frozenset[str] = frozenset()

    def code_for(self, root: str) -> str:
        return self.codes.get(root, self.codes["default"])


@dataclass(frozen=True, slots=True)
class Embedding:
    """Why an event is recoded: the family and the governor token.

    ``governor`` is None when the future tense alone recodes it.
    """

    family: Family
    governor: Node | None


class EmbeddingRules:
    """The families of ``embedding.yaml``, looked up by governor lemma and quad."""

    def __init__(self, families: Sequence[Family]) -> None:
        self.families = tuple(families)

    @classmethod
    def load(cls, extra_folders: Sequence[str | Path] = ()) -> EmbeddingRules:
        return _load(tuple(str(f) for f in extra_folders))

    def named(self, name: str) -> Family | None:
        """The family called ``name`` ("reject"), if the rules define it."""
        return next((f for f in self.families if f.name == name), None)

    def by_modal(self, word: str) -> Family | None:
        """The family whose modal verb ``word`` is ("must": demand), if any."""
        for family in self.families:
            if word in family.modals:
                return family
        return None

    def find(
        self, trigger: Node, quad: int, speech: frozenset[str] = frozenset()
    ) -> Embedding | None:
        """The governing act of ``trigger``, if it is promised, threatened...

        ``speech``: verbs of saying, under which "would" is the future told in
        the past ("Iraq said it would allow inspectors back": an intent).
        """
        token = trigger
        for _ in range(3):
            if token.dep_ not in _EMBEDDING_DEPS or token.head is token:
                break
            if token.dep_ == "pobj":  # "called for the release of ..."
                token = token.head
                continue
            governor = token.head
            for family in self.families:
                if quad in family.quads and governor.lemma_.lower() in family.governors:
                    return Embedding(family, governor)
            if token.dep_ not in {"xcomp", "pcomp", "dobj"}:
                break
            # "promised to continue military aid": up through the verb that
            # carries the event noun
            token = governor
        future = _FUTURE_AUX
        if trigger.dep_ == "ccomp" and trigger.head.lemma_.lower() in speech:
            future = _FUTURE_AUX | {"would"}
        if any(c.dep_ == "aux" and c.lower_ in future for c in trigger.children):
            for family in self.families:
                if family.future and quad in family.quads:
                    return Embedding(family, None)
        return None


@functools.lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> EmbeddingRules:
    families = []
    for data_file in of_kind(data_files(extra), "embedding"):
        for record in read_valid(data_file) or []:
            families.append(
                Family(
                    name=record["family"],
                    governors=frozenset(record["governors"]),
                    codes=dict(record["codes"]),
                    quads=frozenset(record.get("quads") or (1, 2, 3, 4)),
                    future=bool(record.get("future", False)),
                    modals=frozenset(record.get("modals") or ()),
                )
            )
    return EmbeddingRules(families)
