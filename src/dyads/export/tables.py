"""Reference tables the exporters need: column layouts and country codes.

They are package data copied from the project's reference folder
(``data/reference/README.md`` says where each comes from) and read once.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import re
from importlib import resources
from typing import Any

# dyads writes Kosovo as KSV (as PETRARCH/Phoenix do); the FIPS table has XKX.
_ALIASES = {"KSV": "XKX", "KOS": "XKX"}


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("dyads.data.reference").joinpath(name).read_text("utf-8")
    return list(
        csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    )


@functools.cache
def columns(name: str) -> tuple[str, ...]:
    """Column names of a layout file (``gdelt2-events-columns.tsv``), in order."""
    return tuple(row["name"] for row in _rows(name))


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    """ISO3 -> (FIPS, name). Where several FIPS codes share an ISO3 (WE and GZ are
    both PSE), the first row of the table wins."""
    table: dict[str, tuple[str, str]] = {}
    for row in _rows("fips-iso3.tsv"):
        table.setdefault(row["iso3"], (row["fips"], row["name"]))
    return table


def fips(iso3: str | None) -> str:
    """FIPS 10-4 code of an ISO3 country (``KSV`` -> ``KV``); empty when unknown."""
    if not iso3:
        return ""
    return _countries().get(_ALIASES.get(iso3, iso3), ("", ""))[0]


def country_name(iso3: str | None) -> str:
    """English short name of an ISO3 country; empty when unknown."""
    if not iso3:
        return ""
    return _countries().get(_ALIASES.get(iso3, iso3), ("", ""))[1]


def numeric_id(text: str) -> int:
    """A stable positive 63-bit integer for formats whose ids are numbers."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest()) >> 1


def yyyymmdd(day: dt.date | None) -> str:
    return day.strftime("%Y%m%d") if day else ""


_CONTROL = re.compile(r"[\t\r\n]")


def tsv_line(row: dict[str, Any], names: tuple[str, ...]) -> str:
    """Values of ``row`` in ``names`` order, tab-separated; tabs and newlines in
    values become spaces (the layouts have no quoting)."""
    values = ("" if row.get(n) is None else str(row[n]) for n in names)
    return "\t".join(_CONTROL.sub(" ", v) for v in values) + "\n"
