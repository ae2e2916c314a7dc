"""Ingest: read any source into Documents or Rejections, losing nothing.

:func:`read` picks a reader from the ``readers`` registry by suffix or URL
scheme, runs every document through :func:`dyads.ingest.clean.check` and
turns a second document with an id already seen into a ``duplicate``
Rejection. Every record read comes out as exactly one Document or one
Rejection, so that "coded + rejected = read" holds for any input (see #3).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from dyads.config import Settings
from dyads.errors import InputError
from dyads.ingest import csv, feed, html, jsonl, stdin, text, wordpress  # noqa: F401
from dyads.ingest.clean import check, content_hash, decode
from dyads.ingest.readers import Item, Reader, known_suffixes, reader_for, readers
from dyads.model import Document, Reason, Rejection

__all__ = ["Reader", "check", "content_hash", "decode", "read", "readers"]

log = logging.getLogger("dyads.ingest")
# Notes (an unparseable date) are logged; the library never prints them itself.
log.addHandler(logging.NullHandler())


def read(
    sources: Iterable[str | Path], settings: Settings | None = None
) -> Iterator[Document | Rejection]:
    """Documents and Rejections from files, folders, feed URLs or ``-`` (stdin).

    Sources are checked before anything is read, so a typo in the last of
    ten paths fails at once rather than after an hour of work.

    Args:
        sources: paths of files or folders (read recursively, in sorted
            order), ``http(s)://`` feed URLs, or ``-`` for standard input.
        settings: limits such as ``max_chars``; ``Settings.load()`` if omitted.

    Raises:
        InputError: a source does not exist or no reader reads its kind.
    """
    settings = settings or Settings.load()
    if isinstance(sources, (str, Path)):
        sources = [sources]  # one path, not an iterable of characters
    plan = [job for source in sources for job in _plan(str(source))]
    return _read(plan, settings)


def _plan(source: str) -> list[tuple[Reader, str]]:
    """The (reader, path) jobs for one source; folders expand to their files."""
    if source == "-":
        return [(readers.get("stdin"), source)]
    if "://" in source:
        reader = reader_for(source)
        if reader is None:
            raise InputError(
                f"No reader for URL '{source}'; only http(s) feeds are read"
            )
        return [(reader, source)]
    path = Path(source)
    if path.is_dir():
        files = sorted(
            (p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)),
            key=lambda p: p.relative_to(path).parts,
        )
        return [(reader_for(str(f)) or _UNKNOWN, str(f)) for f in files]
    if not path.exists():
        raise InputError(f"Input '{source}' does not exist")
    reader = reader_for(source)
    if reader is None and not path.suffix:
        reader = readers.get("text")
    if reader is None:
        raise InputError(
            f"No reader for '{source}'; known suffixes: {', '.join(known_suffixes())}"
        )
    return [(reader, source)]


def _hidden(path: Path, root: Path) -> bool:
    """Dot-files and dot-folders (.git, .DS_Store) inside a folder are not inputs."""
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _unknown(source: str, settings: Settings) -> Iterator[Item]:
    detail = f"no reader for this file; known suffixes: {', '.join(known_suffixes())}"
    yield source, Rejection(source, Reason.UNREADABLE, detail, source)


_UNKNOWN = Reader("unknown", (), _unknown)


def _read(
    plan: list[tuple[Reader, str]], settings: Settings
) -> Iterator[Document | Rejection]:
    seen: dict[str, tuple[str, str]] = {}  # id -> (source, where) first seen
    for reader, source in plan:
        for where, item in _guarded(reader, source, settings):
            if isinstance(item, Rejection):
                yield item
                continue
            first = seen.get(item.id)
            if first is None:
                seen[item.id] = (source, where)
                yield check(item, settings)
                continue
            first_source, first_where = first
            if first_source != source and first_where != first_source:
                first_where = f"{first_source} {first_where}"
            detail = f"{where}: duplicate id {item.id}, first seen at {first_where}"
            checked = check(item, settings)  # the copy kept is normalised too
            kept = checked if isinstance(checked, Document) else checked.document
            yield Rejection(item.id, Reason.DUPLICATE, detail, item.source, kept)


def _guarded(reader: Reader, source: str, settings: Settings) -> Iterator[Item]:
    """A reader's items; a source with none, or whose reader fails, gives a Rejection.

    Readers handle the failures they expect. This is the last net, so that a
    bug or an unforeseen failure in one file of a large folder is recorded
    and reading goes on with the next file.
    """
    count = 0
    try:
        for count, item in enumerate(reader.read(source, settings), start=1):  # noqa: B007
            yield item
    except Exception as exc:  # noqa: BLE001 - see docstring
        log.exception("reader %s failed on %s", reader.name, source)
        detail = f"after {count} records: reader {reader.name} failed: {exc}"
        yield source, Rejection(source, Reason.UNREADABLE, detail, source)
        return
    if count == 0:  # an empty file or feed is reported, not silently skipped
        yield source, Rejection(source, Reason.EMPTY, "no records in source", source)
