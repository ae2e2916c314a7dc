"""The event ontology: CAMEO codes with QuadClass, Goldstein and their PLOVER type.

Three package-data tables in ``dyads/data/ontologies/`` hold the facts, built
from the vetted reference tables (see ``docs/ontology.md`` for every choice):

- ``cameo.tsv``: the 317 CAMEO codes (1.1b3 plus ICEWS's 1213) with root,
  parent, QuadClass (01-05 / 06-08 / 09-13 / 14-20) and Goldstein value;
- ``cameo_plover.tsv``: one row per CAMEO code, its PLOVER type and mode, and
  a note wherever dyads decided between contradicting sources;
- ``plover.tsv``: the 16 PLOVER types with quad, base score and modes.

The tables are data, not Python literals, so that ``dyads check`` and users
can read and validate them (STYLE rule 8).
"""

from __future__ import annotations

import csv
import difflib
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

from dyads.errors import DataFileError, UnknownNameError

_FOLDER = "data/ontologies"


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code and everything the coder attaches to an event with it."""

    code: str
    name: str
    root: str
    parent: str | None
    quad_class: int
    goldstein: float
    plover: str
    plover_mode: str | None


def _read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a package TSV file; a broken file is a :class:`DataFileError`."""
    path = resources.files("dyads").joinpath(f"{_FOLDER}/{name}")
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError) as exc:
        raise DataFileError(f"Ontology file {name} cannot be read: {exc}") from None
    reader = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    return list(reader)


def _modes(field: str) -> dict[str, float | None]:
    """Parse ``visit:4,phone:1.5,vandalize`` into ``{mode: score or None}``."""
    modes: dict[str, float | None] = {}
    for item in filter(None, field.split(",")):
        name, _, score = item.partition(":")
        modes[name] = float(score) if score else None
    return modes


class Ontology:
    """CAMEO codes and PLOVER types, loaded once from the package tables."""

    def __init__(
        self, codes: dict[str, CameoCode], plover: dict[str, dict[str, object]]
    ) -> None:
        self._codes = codes
        self._plover = plover

    @classmethod
    @functools.lru_cache(maxsize=1)
    def load(cls) -> Ontology:
        """The built-in ontology, parsed on first use and shared (read-only)."""
        mapping = {r["cameo_code"]: r for r in _read_tsv("cameo_plover.tsv")}
        codes: dict[str, CameoCode] = {}
        for row in _read_tsv("cameo.tsv"):
            code = row["code"]
            if code not in mapping:
                raise DataFileError(f"CAMEO code {code} has no row in cameo_plover.tsv")
            plover = mapping[code]
            codes[code] = CameoCode(
                code=code,
                name=row["name"],
                root=row["root"],
                parent=row["parent"] or None,
                quad_class=int(row["quad_class"]),
                goldstein=float(row["goldstein"]),
                plover=plover["plover_type"],
                plover_mode=plover["plover_mode"] or None,
            )
        types: dict[str, dict[str, object]] = {}
        for row in _read_tsv("plover.tsv"):
            modes = _modes(row["modes"])
            types[row["type"]] = {
                "type": row["type"],
                "quad": int(row["quad"]),
                "score": float(row["score"]),
                "requires_recipient": row["requires_recipient"] == "yes",
                "modes": list(modes),
                "mode_scores": modes,
                "description": row["description"],
                "cameo_codes": [
                    c.code for c in codes.values() if c.plover == row["type"]
                ],
            }
        unknown = {c.plover for c in codes.values()} - set(types)
        if unknown:
            raise DataFileError(
                f"cameo_plover.tsv names PLOVER types missing from plover.tsv: "
                f"{', '.join(sorted(unknown))}"
            )
        return cls(codes, types)

    def cameo(self, code: str) -> CameoCode:
        """The CAMEO code ``code`` (string with leading zeros, e.g. ``"042"``)."""
        try:
            return self._codes[code]
        except KeyError:
            hint = _suggest(code, self._codes) or "; codes run from 01 to 20, e.g. 042"
            raise UnknownNameError(f"Unknown CAMEO code '{code}'{hint}") from None

    def codes(self) -> list[CameoCode]:
        """Every CAMEO code in code order (roots before their children)."""
        return list(self._codes.values())

    def plover_types(self) -> dict[str, dict[str, object]]:
        """PLOVER type -> ``{quad, score, modes, mode_scores, description, ...}``."""
        return self._plover

    def plover_type(self, name: str) -> dict[str, object]:
        """One PLOVER type by name (any case), with the CAMEO codes mapped to it."""
        try:
            return self._plover[name.upper()]
        except KeyError:
            raise UnknownNameError(
                f"Unknown PLOVER type '{name}'{_suggest(name.upper(), self._plover)}"
            ) from None


def _suggest(name: str, known: Mapping[str, object]) -> str:
    """``"; did you mean 042, 043?"`` for a near miss, ``""`` when nothing is close."""
    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    if not close and name.isdigit():
        close = [k for k in known if k.startswith(name[:2])][:3]
    return f"; did you mean {', '.join(close)}?" if close else ""
