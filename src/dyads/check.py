"""``dyads check``: validate every dictionary and ontology data file.

One pass over the built-in data and the extra ``dictionaries`` folders: each
file is validated against the schema its location names (see
:mod:`dyads.datafiles`), then the actor files get the checks a schema cannot
express (:mod:`dyads.actors.check`). Problems are data, one line each; the
library raises nothing for a bad file here, so that one run lists them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyads.actors.check import Problem, check_actor_files
from dyads.actors.dictionary import ActorDictionary
from dyads.actors.entries import BUILDERS
from dyads.cache import cached, key
from dyads.datafiles import DataFile, data_files, read, schema_dir, validate
from dyads.errors import DataFileError

__all__ = ["CheckReport", "Problem", "check"]


@dataclass(frozen=True, slots=True)
class CheckReport:
    """What ``check`` looked at and what it found."""

    files: tuple[DataFile, ...]
    entries: int
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def unvalidated(self) -> tuple[DataFile, ...]:
        """Files that no schema covers (listed, not an error)."""
        return tuple(f for f in self.files if f.kind is None)


def _validate_cached(data_file: DataFile, data: Any) -> list[str]:
    """Schema problems, cached by file and schema content (validation takes seconds)."""
    schema = (schema_dir() / f"{data_file.kind}.schema.json").read_bytes()
    cache_key = key(schema, data_file.path.read_bytes())
    return cached(
        "schema-problems", cache_key, lambda: validate(data, data_file.kind or "")
    )


def check(extra_folders: Sequence[str | Path] = ()) -> CheckReport:
    """Validate the built-in data files and those in ``extra_folders``."""
    found = data_files(extra_folders)
    problems: list[Problem] = []
    valid_actor_files: list[tuple[DataFile, list[dict[str, Any]]]] = []
    entries = 0
    for data_file in found:
        try:
            data = read(data_file.path)
        except DataFileError as exc:
            problems.append(Problem(data_file.display, str(exc)))
            continue
        entries += len(data) if isinstance(data, list) else 1
        if data_file.kind is None:
            continue
        messages = _validate_cached(data_file, data)
        problems += [Problem(data_file.display, m) for m in messages]
        if not messages and data_file.kind in BUILDERS:
            valid_actor_files.append((data_file, data))
    if valid_actor_files:
        dictionary = ActorDictionary.from_files([f for f, _ in valid_actor_files])
        problems += check_actor_files(valid_actor_files, dictionary)
    return CheckReport(tuple(found), entries, tuple(problems))
