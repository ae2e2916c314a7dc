"""Checks on actor data that a schema cannot express.

Each check returns one-line problems: duplicate codes and ids, country codes
that no country entry defines, roles that end before they start or that give a
person two different codes on the same day, role codes that name no known
organisation, and phrases that name two different actors with no date to tell
them apart (two people called "Clinton" are fine when their terms never
overlap, and so is a former minister called "Muscat" beside Oman's capital; a
person's alias equal to a country name is not).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from dyads.actors.codes import NON_COUNTRY_ROOTS, Code
from dyads.actors.dictionary import ActorDictionary
from dyads.actors.entries import ActorEntry, Role
from dyads.datafiles import DataFile


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a data file; ``str()`` is the line `dyads check` prints."""

    file: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"


Loaded = list[tuple[DataFile, list[dict[str, Any]]]]


def check_actor_files(loaded: Loaded, dictionary: ActorDictionary) -> list[Problem]:
    """Every semantic problem of the (schema-valid) actor files in ``loaded``."""
    countries = {e["code"] for f, data in loaded if f.kind == "countries" for e in data}
    igo_codes = {e.code for e in dictionary.entries.values() if e.kind == "igo"}
    problems: list[Problem] = []
    for data_file, data in loaded:
        where = data_file.display
        problems += _duplicates(where, data_file.kind, data)
        if data_file.kind == "regions":
            for e in data:
                if e["code"] in countries:
                    message = f"region {e['code']} uses a country's ISO3 code"
                    problems.append(Problem(where, message))
        for label, code in _country_refs(data_file.kind, data):
            if code not in countries:
                problems.append(Problem(where, f"{label}: unknown country code {code}"))
        if data_file.kind == "agents":
            problems += [Problem(where, m) for m in _agent_code_problems(data)]
        if data_file.kind in {"people", "agents"}:
            for entry in data:
                for message in _role_problems(entry, countries, igo_codes):
                    problems.append(Problem(where, f"{entry['id']}: {message}"))
    problems += _phrase_conflicts(dictionary)
    return problems


def _duplicates(
    where: str, kind: str | None, data: list[dict[str, Any]]
) -> Iterator[Problem]:
    keys = {
        "countries": ("code", "iso2"),
        "igos": ("code",),
        "sectors": ("code",),
        "regions": ("code",),
    }.get(kind or "", ("id",))
    for key in keys:
        counts = Counter(e[key] for e in data if key in e)
        for value, n in sorted(counts.items()):
            if n > 1:
                yield Problem(where, f"duplicate {key} {value} ({n} entries)")


def _country_refs(
    kind: str | None, data: list[dict[str, Any]]
) -> Iterator[tuple[str, str]]:
    for e in data:
        label = e.get("id") or e.get("code") or e.get("name", "?")
        if kind == "countries" and "parent" in e:
            yield f"{label}.parent", e["parent"]
        if kind in {"agents", "people"} and e.get("country"):
            yield f"{label}.country", e["country"]


def _agent_code_problems(data: list[dict[str, Any]]) -> Iterator[str]:
    """An agent's code starts with its country (or IMG/NGO/MNC) and has its sector."""
    for a in data:
        code = Code.parse(a["code"])
        label = f"{a['id']} ({a['code']})"
        if (
            a["country"]
            and code.root not in NON_COUNTRY_ROOTS
            and code.root != a["country"]
        ):
            yield f"{label}: code does not start with its country {a['country']}"
        if not a["country"] and code.root not in NON_COUNTRY_ROOTS:
            yield f"{label}: code names country {code.root} but country is null"
        if a["sector"] not in code.groups:
            yield f"{label}: code does not contain its sector {a['sector']}"


def _role_problems(
    entry: dict[str, Any], countries: set[str], igo_codes: set[str]
) -> Iterator[str]:
    roles = [
        Role(r["code"], r.get("title"), _day(r.get("start")), _day(r.get("end")))
        for r in entry.get("roles") or ()
    ]
    for i, role in enumerate(roles):
        label = f"role {i + 1} ({role.code}, {role.title or 'no title'})"
        if role.start and role.end and role.end <= role.start:
            yield f"{label} ends on {role.end}, not after its start {role.start}"
        code = Code.parse(role.code)
        if code.root == "IGO" and role.code not in igo_codes:
            yield f"{label}: no organisation in igos has code {role.code}"
        elif code.root not in NON_COUNTRY_ROOTS and code.root not in countries:
            yield f"{label}: unknown country code {code.root}"
    for a, b in _overlapping(roles):
        if a.code != b.code:
            yield (
                f"roles {a.code} ({a.title}) and {b.code} ({b.title}) overlap from "
                f"{max(a.start or dt.date.min, b.start or dt.date.min)}; the event "
                "date cannot pick one code"
            )


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _overlapping(roles: list[Role]) -> Iterator[tuple[Role, Role]]:
    for i, a in enumerate(roles):
        for b in roles[i + 1 :]:
            if _intersect(a, b):
                yield a, b


def _intersect(a: Role, b: Role) -> bool:
    start = max(a.start or dt.date.min, b.start or dt.date.min)
    end = min(a.end or dt.date.max, b.end or dt.date.max)
    return start < end


def _phrase_conflicts(dictionary: ActorDictionary) -> Iterator[Problem]:
    """Phrases naming entries with different codes that no date can tell apart."""
    for tokens, entries in sorted(dictionary.phrases.items()):
        named = [e for e in entries if e.kind != "sector"]
        if len({e.code for e in named}) < 2 or _told_apart_by_date(named):
            continue
        ids = ", ".join(e.id for e in named)
        yield Problem(
            "actors", f"phrase {' '.join(tokens)!r} names {len(named)} actors: {ids}"
        )


def _told_apart_by_date(entries: Iterable[ActorEntry]) -> bool:
    """Whether :meth:`ActorDictionary.choose` settles the phrase by the event date.

    It does when the dated entries (people, groups with roles) are never in
    office on the same day and at most one undated entry remains, which must
    not be a country or an organisation: a person whose alias is a country's
    name would hide that country whenever they hold office.
    """
    entries = list(entries)
    dated = [e for e in entries if e.roles]
    undated = [e for e in entries if not e.roles]
    if len(undated) > 1 or any(e.kind in {"country", "igo"} for e in undated):
        return False
    for i, a in enumerate(dated):
        for b in dated[i + 1 :]:
            if any(_intersect(ra, rb) for ra in a.roles for rb in b.roles):
                return False
    return True
