"""Read the YAML and TSV files that hold dictionaries; check them against schemas.

Every data file says which JSON Schema validates it by where it lives, so that
one checker serves actors, verbs and ontologies alike (see #2): a file
``<folder>/<stem>.yaml`` is validated by ``schemas/<stem>.schema.json`` when that
exists, else by the schema named after the nearest enclosing folder that has one
(``actors/people/europe.yaml`` -> ``people.schema.json``, ``verbs/03-agree.yaml``
-> ``verbs.schema.json``). The same rule applies to the extra folders a user lists
in the ``dictionaries`` setting. A file with no schema is listed, not validated.

YAML is read with two of YAML 1.1's implicit conversions turned off: dates stay
ISO strings (the schemas check their form; the loaders parse them), and only
``true``/``false`` are booleans, so Norway's ISO code ``NO`` stays a string.
"""

from __future__ import annotations

import csv
import functools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from dyads.cache import cached, key
from dyads.errors import DataFileError

SUFFIXES = (".yaml", ".yml", ".tsv")
_BOOL_TAG = "tag:yaml.org,2002:bool"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_BOOL_RE = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class _Loader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
    """Safe YAML loader without date conversion and with only true/false as booleans."""


_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, rx) for tag, rx in resolvers if tag not in {_BOOL_TAG, _TIMESTAMP_TAG}
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL_TAG, _BOOL_RE, list("tTfF"))


def data_dir() -> Path:
    """The folder of the built-in data files (package data)."""
    return Path(str(files("dyads") / "data"))


def schema_dir() -> Path:
    return data_dir() / "schemas"


@dataclass(frozen=True, slots=True)
class DataFile:
    """A data file found under a root folder, and the schema that validates it."""

    path: Path
    root: Path
    kind: str | None

    @property
    def name(self) -> str:
        """Path relative to its root, e.g. ``actors/people/europe.yaml``."""
        return self.path.relative_to(self.root).as_posix()

    @property
    def display(self) -> str:
        """What messages call the file: built-ins relative to the package data."""
        if self.root == data_dir():
            return f"dyads/data/{self.name}"
        return str(self.path)


def schema_names() -> set[str]:
    """Names of the shipped schemas (``countries``, ``people``, ``verbs`` ...)."""
    return {
        p.name.removesuffix(".schema.json") for p in schema_dir().glob("*.schema.json")
    }


def schema_kind(path: Path, root: Path) -> str | None:
    """The schema that validates ``path``: its stem, else its nearest folder's name."""
    known = schema_names()
    stem = path.name.split(".")[0]
    if stem in known:
        return stem
    for folder in path.relative_to(root).parents:
        if folder.name in known:
            return folder.name
    return None


def data_files(extra_folders: Sequence[str | Path] = ()) -> list[DataFile]:
    """Every data file: the built-ins first, then each extra folder in order."""
    found: list[DataFile] = []
    for root in (data_dir(), *(Path(f) for f in extra_folders)):
        if not root.is_dir():
            raise DataFileError(
                f"Dictionary folder {root} does not exist or is not a folder"
            )
        for path in sorted(root.rglob("*")):
            if path.suffix not in SUFFIXES or not path.is_file():
                continue
            if root == data_dir() and path.parent.name == "schemas":
                continue
            found.append(DataFile(path, root, schema_kind(path, root)))
    return found


def read(path: Path) -> Any:
    """The content of a YAML file, or a TSV file as a list of row dicts.

    Parsed YAML is cached as JSON by content hash (see :mod:`dyads.cache`):
    YAML parsing is most of the time it takes to load the dictionaries.
    """
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"Cannot read data file {path}: {exc}") from None
    if path.suffix == ".tsv":
        return list(
            csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
        )
    return cached("yaml", key(raw), lambda: _parse_yaml(text, path))


def _parse_yaml(text: str, path: Path) -> Any:
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader subclass
    except yaml.YAMLError as exc:
        raise DataFileError(f"Data file {path} is not valid YAML: {exc}") from None
    return [] if data is None else data  # a file of comments only is an empty list


@functools.cache
def _validator(kind: str) -> Any:
    import jsonschema

    schema = json.loads((schema_dir() / f"{kind}.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def validate(data: Any, kind: str) -> list[str]:
    """Schema problems of ``data`` as one-line messages, first problem first."""
    messages = []
    for error in sorted(_validator(kind).iter_errors(data), key=lambda e: list(e.path)):
        messages.append(f"{_where(data, list(error.path))}{error.message}")
    return messages


def _where(data: Any, path: list[Any]) -> str:
    if not path:
        return ""
    where = f"entry {path[0] + 1}" if isinstance(path[0], int) else str(path[0])
    if (
        isinstance(path[0], int)
        and isinstance(data, list)
        and isinstance(data[path[0]], dict)
    ):
        entry = data[path[0]]
        label = entry.get("id") or entry.get("code") or entry.get("name")
        if label:
            where += f" ({label})"
    rest = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path[1:])
    return f"{where}{rest}: "


def read_valid(data_file: DataFile) -> Any:
    """Read a data file and raise :class:`DataFileError` on its first schema problem."""
    data = read(data_file.path)
    if data_file.kind is not None:
        problems = validate(data, data_file.kind)
        if problems:
            raise DataFileError(
                f"{data_file.display} does not match the {data_file.kind} schema: "
                f"{problems[0]} (run `dyads check` for every problem)"
            )
    return data


def of_kind(found: Iterable[DataFile], *kinds: str) -> list[DataFile]:
    """The files validated by one of ``kinds``, in the order given."""
    return [f for f in found if f.kind in kinds]
