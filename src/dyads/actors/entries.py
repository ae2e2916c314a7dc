"""Actor entries, and how each kind of data file becomes entries and phrases.

An :class:`ActorEntry` is one thing a phrase can name: a country, a capital used
for its government, an organisation or one of its bodies, a named group, a
person, or a sector word. People (and some groups) carry dated roles, and the
event date picks the code (see #2: Stoltenberg codes as NATO until 2024-10-01).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from dyads.actors.codes import Code
from dyads.model import Actor

#: (entry, names matched in any case, names matched only in exactly this case)
Built = tuple["ActorEntry", list[str], list[str]]


@dataclass(frozen=True, slots=True)
class Role:
    """A dated role: the code a person speaks for from ``start`` until ``end``.

    ``end`` is exclusive: it is the day the successor took office, so that the
    outgoing and incoming holders never overlap. ``None`` means open.
    """

    code: str
    title: str | None
    start: dt.date | None
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (
            self.end is None or day < self.end
        )


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One dictionary entry; ``id`` is ``<file kind>/<key>`` (``agents/hamas``)."""

    id: str
    kind: str
    code: str
    name: str
    country: str | None
    sector: str | None
    roles: tuple[Role, ...] = ()
    gender: str | None = None

    def role_on(self, day: dt.date | None) -> Role | None:
        """The role held on ``day``; undated, the role held now, else the latest."""
        if not self.roles:
            return None
        if day is not None:
            covering = [r for r in self.roles if r.covers(day)]
            return max(covering, key=_role_order) if covering else None
        current = [r for r in self.roles if r.end is None]
        return max(current or self.roles, key=_role_order)

    def actor_on(self, day: dt.date | None) -> Actor | None:
        """The actor this entry codes as on ``day`` (``None``: the date is unknown).

        A person outside every role is an elite of their country (``NORELI``);
        a group outside its dated roles keeps its own code.
        """
        if not self.roles:
            return Actor(self.code, self.name, self.country, self.sector)
        role = self.role_on(day)
        if role is None:
            if self.kind == "person":
                return Actor(
                    f"{self.country or '---'}ELI", self.name, self.country, "ELI"
                )
            return Actor(self.code, self.name, self.country, self.sector)
        code = Code.parse(role.code)
        return Actor(role.code, self.name, code.country, code.sector)

    def in_office(self, day: dt.date | None) -> bool:
        """Whether a dated role covers ``day`` (undated: whether one is open)."""
        if day is None:
            return any(r.end is None for r in self.roles)
        return any(r.covers(day) for r in self.roles)


def _role_order(role: Role) -> tuple[dt.date, dt.date]:
    return (role.start or dt.date.min, role.end or dt.date.max)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _roles(raw: list[dict[str, Any]] | None) -> tuple[Role, ...]:
    return tuple(
        Role(r["code"], r.get("title"), _date(r.get("start")), _date(r.get("end")))
        for r in raw or ()
    )


def countries(data: list[dict[str, Any]]) -> Iterator[Built]:
    """A country, and one capital entry per capital or seat (coded ``<ISO3>GOV``)."""
    for c in data:
        code = c["code"]
        names = [
            c["name"],
            *c.get("names", []),
            *c.get("adjectives", []),
            *c.get("demonyms", []),
        ]
        entry = ActorEntry(f"countries/{code}", "country", code, c["name"], code, None)
        yield entry, names, c.get("cased", [])
        for capital in c.get("capitals", []):
            entry_id = f"capitals/{code}-{slug(capital.removeprefix('the '))}"
            yield (
                ActorEntry(entry_id, "capital", f"{code}GOV", capital, code, "GOV"),
                [capital],
                [],
            )


def igos(data: list[dict[str, Any]]) -> Iterator[Built]:
    """An organisation, and its bodies and missions (coded as the parent by default)."""
    for org in data:
        code = org["code"]
        names = [org["name"], *org.get("names", []), *org.get("adjectives", [])]
        entry = ActorEntry(f"igos/{code}", "igo", code, org["name"], None, None)
        yield entry, names, org.get("cased", [])
        for body in org.get("bodies", []):
            entry_id = f"igos/{code}/{slug(body['name'])}"
            body_code = body.get("code", code)
            entry = ActorEntry(entry_id, "igo", body_code, body["name"], None, None)
            yield entry, [body["name"], *body.get("names", [])], body.get("cased", [])


def regions(data: list[dict[str, Any]]) -> Iterator[Built]:
    for r in data:
        entry = ActorEntry(
            f"regions/{r['code']}", "region", r["code"], r["name"], None, None
        )
        names = [r["name"], *r.get("names", []), *r.get("adjectives", [])]
        yield entry, names, r.get("cased", [])


def agents(data: list[dict[str, Any]]) -> Iterator[Built]:
    for a in data:
        entry = ActorEntry(
            f"agents/{a['id']}",
            "agent",
            a["code"],
            a["name"],
            a["country"],
            a["sector"],
            _roles(a.get("roles")),
        )
        names, cased = _short_acronyms_cased([a["name"], *a.get("names", [])])
        yield entry, names, [*cased, *a.get("cased", [])]


def _short_acronyms_cased(names: list[str]) -> tuple[list[str], list[str]]:
    """Split off acronyms of up to three letters, which match only as written.

    "GIA", "IRA" and "ETA" written in lower case are other words or people's
    names ("Tran Xuan Gia", "Ira"); longer acronyms ("Farc", "Nato") are often
    written with one capital by the press and keep matching in any case.
    """
    short = [n for n in names if n.isupper() and n.isalpha() and len(n) <= 3]
    return [n for n in names if n not in short], short


def sectors(data: list[dict[str, Any]]) -> Iterator[Built]:
    for s in data:
        entry = ActorEntry(
            f"sectors/{s['code']}", "sector", s["code"], s["label"], None, s["code"]
        )
        yield entry, [*s["words"], *s.get("titles", [])], []


def people(data: list[dict[str, Any]]) -> Iterator[Built]:
    for p in data:
        roles = _roles(p["roles"])
        probe = ActorEntry("", "person", "", p["name"], p["country"], None, roles)
        current = probe.role_on(None)
        code = current.code if current else f"{p['country']}ELI"
        entry = ActorEntry(
            f"people/{p['id']}",
            "person",
            code,
            p["name"],
            p["country"],
            None,
            roles,
            p.get("gender"),
        )
        yield entry, [p["name"], *p.get("aliases", [])], []


#: schema name -> builder, in the order the index is built
BUILDERS: dict[str, Callable[[list[dict[str, Any]]], Iterator[Built]]] = {
    "sectors": sectors,
    "countries": countries,
    "regions": regions,
    "igos": igos,
    "agents": agents,
    "people": people,
}
