"""Mutual acts: the CAMEO codes that both sides of a dyad do at once.

A telephone call, negotiations or a signed agreement involve both sides
equally; the sentence only decides who is named first. The codes live in
``data/rules/mutual.yaml`` so that users can change the policy.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from dyads.datafiles import data_files, of_kind, read_valid


def mutual_codes(extra_folders: Sequence[str | Path] = ()) -> frozenset[str]:
    """The codes of ``mutual.yaml`` (built-in and in the extra folders)."""
    return _load(tuple(str(f) for f in extra_folders))


@functools.lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> frozenset[str]:
    return frozenset(
        str(record["code"])
        for data_file in of_kind(data_files(extra), "mutual")
        for record in read_valid(data_file) or []
    )
