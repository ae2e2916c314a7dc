"""Aggregation: dyad x period series and how relations between actors change.

The stage's entry function is :func:`relation`; :func:`build_series` and
:func:`balance` are its parts, public because the API and tests use them.
"""

from __future__ import annotations

from .relations import Balance, Relation, RelationPoint, balance, flag_shifts, relation
from .series import FREQUENCIES, SeriesPoint, build_series, plover_score

__all__ = [
    "FREQUENCIES",
    "Balance",
    "Relation",
    "RelationPoint",
    "SeriesPoint",
    "balance",
    "build_series",
    "flag_shifts",
    "plover_score",
    "relation",
]
