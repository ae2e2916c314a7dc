"""CAMEO-style actor codes: split them into parts and compose them.

A code is a run of three-letter groups: a root (an ISO3 country such as ``SRB``,
``IGO`` for an intergovernmental organisation, ``NGO``, ``MNC``, or ``---`` when
the country is unknown), then sectors and a group code (``SRBGOV``, ``KSVCOP``,
``IGOWSTNAT``, ``PSEREBHMS``). Only the root and the first sector matter to the
data model; the rest is kept verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNKNOWN_ROOT = "---"
NON_COUNTRY_ROOTS = frozenset({"IGO", "IMG", "NGO", "MNC", UNKNOWN_ROOT})
_CODE_RE = re.compile(r"^(?:[A-Z]{3}|---)(?:[A-Z]{3})*$")


@dataclass(frozen=True, slots=True)
class Code:
    """A parsed actor code: ``Code.parse("KSVCOP")`` -> root KSV, sector COP."""

    root: str
    groups: tuple[str, ...]

    @classmethod
    def parse(cls, code: str) -> Code:
        if not _CODE_RE.match(code):
            raise ValueError(f"Invalid actor code {code!r}; expected 3-letter groups")
        parts = [code[i : i + 3] for i in range(0, len(code), 3)]
        return cls(parts[0], tuple(parts[1:]))

    @property
    def country(self) -> str | None:
        """ISO3 country of the code, or ``None`` for IGO/NGO/MNC/unknown roots."""
        return None if self.root in NON_COUNTRY_ROOTS else self.root

    @property
    def sector(self) -> str | None:
        """First sector group (``GOV`` in ``SRBGOV``); none for IGO codes, whose
        groups name a region and the organisation rather than a sector."""
        if self.root == "IGO" or not self.groups:
            return None
        return self.groups[0]

    def __str__(self) -> str:
        return self.root + "".join(self.groups)


def is_code(text: str) -> bool:
    return bool(_CODE_RE.match(text))


def compose(root: str | None, *sectors: str) -> str:
    """``compose("SRB", "COP")`` -> ``"SRBCOP"``; an unknown root becomes ``---``."""
    return (root or UNKNOWN_ROOT) + "".join(sectors)


def country_of(code: str) -> str | None:
    return Code.parse(code).country


def sector_of(code: str) -> str | None:
    return Code.parse(code).sector
