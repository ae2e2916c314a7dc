"""The actor dictionary: every actor data file compiled into one phrase index.

``ActorDictionary.load()`` reads the built-in files under ``data/actors`` and
then each extra folder (the ``dictionaries`` setting), validates each file
against its schema, and indexes every name, adjective, demonym, capital, alias
and sector word by its lower-cased spaCy tokens. An entry in a later folder
replaces a built-in entry with the same id, so users can correct the shipped
data without copying it.

Nothing is global: two dictionaries built from different folders live side by
side. Loading is cached per folder list (the result must be treated as
read-only), so every coder in a process shares one index.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dyads.actors.entries import BUILDERS, ActorEntry, Role
from dyads.actors.phrases import Tokens, tokenize, tokenize_exact
from dyads.datafiles import DataFile, data_dir, data_files, of_kind, read, read_valid

__all__ = ["ActorDictionary", "ActorEntry", "Role", "load_actors"]

#: marker for titles of an international organisation's officials
IGO_TITLE = "IGO"
#: how :meth:`ActorDictionary.choose` ranks kinds when dates do not decide
KIND_ORDER = ("person", "agent", "igo", "country", "capital", "region", "sector")


class ActorDictionary:
    """Actor entries and the phrase index the matcher reads.

    Attributes:
        entries: entry id -> entry.
        phrases: lower-cased token tuple -> entries it can name (same-kind
            entries in file order; the matcher picks by kind and date).
        titles: person titles -> sector code (``("president",)`` -> ``"GOV"``).
        org_titles: titles of IGO officials (``("secretary", "general")``) ->
            ``"IGO"``; "NATO Secretary General" codes as the organisation.
        cased_phrases: acronyms that name an actor only in exactly this case
            (``("WHO",)``, ``("US",)``), keyed by the tokens as written; they are
            not in ``phrases``, because in lower case they are common words.
        max_phrase_tokens: length of the longest phrase (either index).
        files: the data files read, in order.
    """

    def __init__(
        self,
        entries: dict[str, ActorEntry],
        names: dict[str, list[str]],
        titles: dict[str, str],
        org_titles: list[str],
        files: Sequence[DataFile] = (),
        cased: dict[str, list[str]] | None = None,
    ) -> None:
        self.entries = entries
        self.files = tuple(files)
        cased = cased or {}
        every = [n for ns in names.values() for n in ns]
        tokens = tokenize([*every, *titles, *org_titles])
        phrases = _index(entries, names, tokens)
        general = entries.get("sectors/GOV")
        for title in org_titles:
            if general is not None and tokens[title] not in phrases:
                phrases[tokens[title]] = [general]
        self.phrases: dict[Tokens, tuple[ActorEntry, ...]] = {
            k: tuple(v) for k, v in phrases.items() if k
        }
        exact = _index(
            entries, cased, tokenize_exact(n for ns in cased.values() for n in ns)
        )
        self.cased_phrases: dict[Tokens, tuple[ActorEntry, ...]] = {
            k: tuple(v) for k, v in exact.items() if k
        }
        self.titles: dict[Tokens, str] = {tokens[t]: code for t, code in titles.items()}
        self.org_titles: dict[Tokens, str] = {tokens[t]: IGO_TITLE for t in org_titles}
        self.max_phrase_tokens = max(
            (len(k) for k in (*self.phrases, *self.cased_phrases)), default=1
        )

    @classmethod
    def load(cls, extra_folders: Sequence[str | Path] = ()) -> ActorDictionary:
        """The built-in actor files, then those in ``extra_folders`` (cached)."""
        key = tuple(str(Path(f).resolve()) for f in extra_folders)
        return _load(key)

    @classmethod
    def from_files(cls, found: Sequence[DataFile]) -> ActorDictionary:
        """Compile the actor files among ``found``; files of other kinds are skipped."""
        entries: dict[str, ActorEntry] = {}
        names: dict[str, list[str]] = {}
        cased: dict[str, list[str]] = {}
        titles: dict[str, str] = {}
        org_titles: list[str] = []
        used = of_kind(found, *BUILDERS)
        for data_file in sorted(used, key=lambda f: list(BUILDERS).index(f.kind or "")):
            data = _read(data_file)
            try:
                built = list(BUILDERS[data_file.kind or ""](data))
            except (KeyError, TypeError, ValueError, AttributeError):
                read_valid(data_file)  # raises DataFileError naming the first problem
                raise
            for entry, entry_names, exact_names in built:
                entries[entry.id] = entry
                names[entry.id] = entry_names
                cased[entry.id] = exact_names
            if data_file.kind == "sectors":
                titles.update({t: s["code"] for s in data for t in s.get("titles", [])})
            if data_file.kind == "igos":
                org_titles += [t for org in data for t in org.get("titles", [])]
        return cls(entries, names, titles, org_titles, used, cased)

    def choose(
        self, entries: Sequence[ActorEntry], day: dt.date | None
    ) -> ActorEntry | None:
        """The entry an ambiguous phrase names on ``day``.

        A person in office on that day wins ("Muscat" in 2015 is Malta's prime
        minister); a person out of office yields to any other entry ("Muscat" in
        2024 is Oman's capital); otherwise kinds rank person, agent, igo,
        country, capital, region, sector, then file order. `dyads check` flags the
        phrases this rule cannot settle.
        """
        if not entries:
            return None
        serving = [e for e in entries if e.kind == "person" and e.in_office(day)]
        if serving:
            return serving[0]
        others = [e for e in entries if e.kind != "person"]
        pool = others or list(entries)
        return min(
            pool, key=lambda e: KIND_ORDER.index(e.kind) if e.kind in KIND_ORDER else 99
        )

    def version_hash(self) -> str:
        """SHA-256 over the contents of the files read; the store records it per run."""
        digest = hashlib.sha256()
        for data_file in self.files:
            digest.update(data_file.name.encode())
            digest.update(data_file.path.read_bytes())
        return digest.hexdigest()

    def lookup(self, text: str) -> tuple[ActorEntry, ...]:
        """Entries that a piece of text names exactly (for tools and tests)."""
        found = self.cased_phrases.get(tokenize_exact([text], cache=False)[text], ())
        return found or self.phrases.get(tokenize([text], cache=False)[text], ())

    def __repr__(self) -> str:
        return (
            f"<ActorDictionary {len(self.entries)} entries {len(self.phrases)} phrases>"
        )


def _read(data_file: DataFile) -> Any:
    """Built-in files as they are (CI and `dyads check` validate them: schema
    validation would double the load time); users' files validated on load."""
    if data_file.root == data_dir():
        return read(data_file.path)
    return read_valid(data_file)


def _index(
    entries: dict[str, ActorEntry],
    names: dict[str, list[str]],
    tokens: dict[str, Tokens],
) -> dict[Tokens, list[ActorEntry]]:
    index: dict[Tokens, list[ActorEntry]] = {}
    for entry_id, entry_names in names.items():
        entry = entries[entry_id]
        for name in entry_names:
            bucket = index.setdefault(tokens[name], [])
            if entry not in bucket:
                bucket.append(entry)
    return index


@functools.lru_cache(maxsize=8)
def _load(extra_folders: tuple[str, ...]) -> ActorDictionary:
    return ActorDictionary.from_files(data_files(extra_folders))


def load_actors(extra_folders: Sequence[str | Path] = ()) -> ActorDictionary:
    """The actor dictionary for the built-ins plus ``extra_folders``."""
    return ActorDictionary.load(extra_folders)
