"""Write events in the layouts users' tools read: one module per format.

``write(events, "out.tsv", "gdelt", since="2023-01-01")`` filters the events
(the same filters as ``dyads events``, see :class:`dyads.store.EventFilter`)
and hands them to the exporter registered under the format's name. Built-in
exporters register exactly as a plugin would (entry-point group
``dyads_exporters``): ``jsonl``, ``csv``, ``parquet``, ``gdelt``,
``gdelt-mentions``, ``plover``, ``icews``.

Events are store records (:class:`dyads.store.EventRecord`, with their mentions
and evidence) or the coder's own :class:`dyads.model.Event` objects, which are
exported one event per mention (matching needs the store).
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from dyads.model import Document, Event
from dyads.registry import Registry
from dyads.store.filters import EventFilter
from dyads.store.records import EventRecord, records_from_events


@dataclass(frozen=True, slots=True)
class Exporter:
    """A format: ``write(records, stream) -> rows``, on a text or binary stream."""

    name: str
    write: Callable[[Iterable[EventRecord], IO[Any]], int]
    suffix: str
    binary: bool = False
    description: str = ""


exporters: Registry[Exporter] = Registry("exporters")

_BUILTIN = ("jsonl", "csv", "parquet", "gdelt", "plover", "icews")


def get_exporter(name: str) -> Exporter:
    """The exporter called ``name``; the error lists the valid names."""
    import importlib

    for module in _BUILTIN:
        importlib.import_module(f"dyads.export.{module}")
    return exporters.get(name)


def formats() -> list[str]:
    """Names of every registered format."""
    get_exporter("jsonl")
    return exporters.names()


def _records(
    events: Iterable[EventRecord | Event], documents: Mapping[str, Document] | None
) -> Iterator[EventRecord]:
    for item in events:
        if isinstance(item, EventRecord):
            yield item
        else:
            yield from records_from_events([item], documents)


def write(
    events: Iterable[EventRecord | Event],
    path_or_stream: str | Path | IO[Any],
    format: str,
    documents: Mapping[str, Document] | None = None,
    **filters: Any,
) -> int:
    """Write ``events`` that pass ``filters`` in ``format``; returns rows written.

    Args:
        events: store records, or coded events (then pass ``documents`` so that
            evidence texts can be cut from them).
        path_or_stream: a file path (created or replaced) or an open stream
            (text, or binary for ``parquet``).
        format: a registered exporter name (:func:`formats`).
        documents: documents by id, for coded events' evidence texts.
        **filters: ``since``, ``until``, ``actor``, ``code``, ``root``, ``modality``.
    """
    exporter = get_exporter(format)
    check = EventFilter.build(**filters)
    records = (r for r in _records(events, documents) if check.accepts(r))
    with _open(path_or_stream, exporter.binary) as stream:
        return exporter.write(records, stream)


@contextlib.contextmanager
def _open(target: str | Path | IO[Any], binary: bool) -> Iterator[IO[Any]]:
    if not isinstance(target, (str, Path)):
        yield target
        return
    if binary:
        with open(target, "wb") as stream:
            yield stream
    else:
        with open(target, "w", encoding="utf-8", newline="") as stream:
            yield stream


def to_text(events: Iterable[EventRecord | Event], format: str, **filters: Any) -> str:
    """The export as a string (for text formats): handy in notebooks and tests."""
    buffer = io.StringIO()
    write(events, buffer, format, **filters)
    return buffer.getvalue()
