"""Codes with a dyad policy of their own, read from ``data/rules/``.

Mutual acts (``mutual.yaml``): a telephone call, negotiations or a signed
agreement involve both sides equally; the sentence only decides who is named
first, so they are coded both ways. Intransitive acts (``intransitive.yaml``):
resigning, surrendering, declaring a ceasefire need no target, and none is
invented when the text names none. Users can change either list.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from dyads.datafiles import data_files, of_kind, read_valid


def mutual_codes(extra_folders: Sequence[str | Path] = ()) -> frozenset[str]:
    """The codes of ``mutual.yaml`` (built-in and in the extra folders)."""
    return _load("mutual", tuple(str(f) for f in extra_folders))


def intransitive_codes(extra_folders: Sequence[str | Path] = ()) -> frozenset[str]:
    """The codes of ``intransitive.yaml`` (built-in and in the extra folders)."""
    return _load("intransitive", tuple(str(f) for f in extra_folders))


@functools.lru_cache(maxsize=16)
def _load(kind: str, extra: tuple[str, ...]) -> frozenset[str]:
    return frozenset(
        str(record["code"])
        for data_file in of_kind(data_files(extra), kind)
        for record in read_valid(data_file) or []
    )
