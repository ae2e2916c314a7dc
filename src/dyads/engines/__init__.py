"""Engines run a coder over documents: in process (``local``) or on a Dask cluster.

An engine takes settings and an iterable of documents and yields one
``Coded | Rejection`` per document, in input order, so that every engine gives
the same results (see #5).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from dyads.config import Settings
from dyads.model import Coded, Document, Rejection
from dyads.registry import Registry


class Engine(Protocol):
    """What every engine offers."""

    def run(self, documents: Iterable[Document]) -> Iterator[Coded | Rejection]: ...


engines: Registry[type[Engine]] = Registry("engines")


def get_engine(name: str, settings: Settings, **options: object) -> Engine:
    """Build the engine called ``name`` (``local``, ``dask``) with these settings."""
    # Built-ins register on import; neither module imports dask at import time.
    import dyads.engines.distributed  # noqa: F401
    import dyads.engines.local  # noqa: F401

    return engines.get(name)(settings, **options)  # type: ignore[call-arg]
