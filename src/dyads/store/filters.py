"""Event filters shared by the store (as SQL) and the exporters (in Python).

One definition serves ``dyads events``, ``dyads export`` and the REST API, so a
filter means the same everywhere: ``actor`` matches the start of the source or
target actor code (``KSV`` matches ``KSVGOV``), ``code`` the start of the CAMEO
code (``04`` matches ``042``), ``root`` the two-digit root exactly, and
``modality`` one of several modalities.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dyads.errors import ConfigError
from dyads.model import Modality

from .records import EventRecord


def _date(value: dt.date | str | None, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(
            f"Filter {name} expects a YYYY-MM-DD date, got {value!r}"
        ) from None


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return; every field left ``None`` lets everything through."""

    since: dt.date | None = None
    until: dt.date | None = None
    actor: str | None = None
    code: str | None = None
    root: str | None = None
    modality: tuple[Modality, ...] | None = None

    @classmethod
    def build(
        cls,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        actor: str | None = None,
        code: str | None = None,
        root: str | None = None,
        modality: str | Iterable[str] | None = None,
    ) -> EventFilter:
        """A filter from loose values (strings from the CLI or a query string)."""
        modalities: tuple[Modality, ...] | None = None
        if modality:
            names = [modality] if isinstance(modality, str) else list(modality)
            try:
                modalities = tuple(Modality(name) for name in names)
            except ValueError:
                valid = ", ".join(m.value for m in Modality)
                raise ConfigError(
                    f"Unknown modality in {names}; available: {valid}"
                ) from None
        return cls(
            since=_date(since, "since"),
            until=_date(until, "until"),
            actor=actor.upper() if actor else None,
            code=code or None,
            root=root or None,
            modality=modalities,
        )

    def sql(self, table: str = "events") -> tuple[str, list[Any]]:
        """A ``WHERE`` clause (``TRUE`` when empty) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.since is not None:
            clauses.append(f"{table}.date >= ?")
            params.append(self.since)
        if self.until is not None:
            clauses.append(f"{table}.date <= ?")
            params.append(self.until)
        if self.actor:
            clauses.append(
                f"(starts_with({table}.source_code, ?) "
                f"OR starts_with(coalesce({table}.target_code, ''), ?))"
            )
            params += [self.actor, self.actor]
        if self.code:
            clauses.append(f"starts_with({table}.code, ?)")
            params.append(self.code)
        if self.root:
            clauses.append(f"{table}.root = ?")
            params.append(self.root)
        if self.modality:
            clauses.append(f"list_contains(?, {table}.modality)")
            params.append([m.value for m in self.modality])
        return (" AND ".join(clauses) or "TRUE"), params

    def accepts(self, event: EventRecord) -> bool:
        """Whether ``event`` passes, with the same meaning as :meth:`sql`."""
        if self.since is not None and (event.date is None or event.date < self.since):
            return False
        if self.until is not None and (event.date is None or event.date > self.until):
            return False
        if self.actor:
            codes = [event.source.code, event.target.code if event.target else ""]
            if not any(code.startswith(self.actor) for code in codes):
                return False
        if self.code and not event.code.startswith(self.code):
            return False
        if self.root and event.root != self.root:
            return False
        return not self.modality or event.modality in self.modality
