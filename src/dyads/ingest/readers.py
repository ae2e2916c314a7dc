"""The readers registry: one reader per source format, chosen by suffix or scheme.

A reader turns one source (a file path, a URL, ``-``) into located items:
``(where, Document | Rejection)`` pairs, where ``where`` says where in the
source the item was found ("line 17", a file path). :func:`dyads.ingest.read`
uses ``where`` to report duplicates, then drops it. Readers do not call
:func:`dyads.ingest.clean.check`; ``read`` does, once, for every reader.

Built-in readers register themselves exactly as a plugin does through the
``dyads_readers`` entry-point group (see STYLE.md, rule 8)::

    readers.register("markdown")(Reader("markdown", (".md",), read_markdown))
"""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

from dyads.config import Settings
from dyads.ingest.clean import decode
from dyads.model import Document, Reason, Rejection
from dyads.registry import Registry

Item = tuple[str, Document | Rejection]
"""Where an item was found in its source, and the item."""

ReadFunction = Callable[[str, Settings], Iterator[Item]]


@dataclass(frozen=True, slots=True)
class Reader:
    """A named reader and what it reads.

    Attributes:
        name: the registry name ("jsonl").
        suffixes: file suffixes it reads, with the dot (".jsonl", ".jsonl.gz").
        read: ``read(source, settings)`` yielding :data:`Item` pairs.
        schemes: URL schemes it reads ("https").
    """

    name: str
    suffixes: tuple[str, ...]
    read: ReadFunction
    schemes: tuple[str, ...] = ()


readers: Registry[Reader] = Registry("readers")


def reader_for(source: str) -> Reader | None:
    """The reader for a URL by its scheme, for a path by its longest matching suffix."""
    lowered = source.lower()
    if "://" in lowered:
        scheme = lowered.split("://", 1)[0]
        for name in readers.names():
            if scheme in readers.get(name).schemes:
                return readers.get(name)
        return None
    best: Reader | None = None
    best_length = 0
    for name in readers.names():
        reader = readers.get(name)
        for suffix in reader.suffixes:
            if lowered.endswith(suffix) and len(suffix) > best_length:
                best, best_length = reader, len(suffix)
    return best


def known_suffixes() -> list[str]:
    """Every suffix some reader reads, sorted (for error messages)."""
    return sorted({s for n in readers.names() for s in readers.get(n).suffixes})


def open_binary(source: str) -> BinaryIO:
    """Open a file for reading bytes, decompressing it when its name ends in .gz."""
    if source.lower().endswith(".gz"):
        return cast(BinaryIO, gzip.open(source, "rb"))
    return Path(source).open("rb")


def read_decoded(source: str) -> str | Rejection:
    """A whole (small) file as text, or why it cannot be read or decoded."""
    try:
        raw = Path(source).read_bytes()
    except OSError as exc:
        detail = f"cannot read file: {exc.strerror or exc}"
        return Rejection(source, Reason.UNREADABLE, detail, source)
    return decode(raw, source)
