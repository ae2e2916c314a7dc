"""How the server reaches the store: shared read-only reads, short-lived writes.

DuckDB lets one process hold a file for writing, and inside one process a file
cannot be open read-only and read-write at the same time. So the server keeps
one read-only connection, gives each request its own cursor (DuckDB cursors
are safe to use from one thread each), and for a write waits until no request
is reading, closes the shared connection, writes through a connection of its
own and closes it again; the next read reopens read-only and sees the change.
The in-memory :class:`~dyads.api.index.EventIndex` is dropped at each write
and rebuilt by the next read that needs it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dyads.store import Store, open_store

from .index import EventIndex


class Database:
    """The store file behind one app: ``with db.read() as store: ...``."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._shared: Store | None = None
        self._readers = 0
        self._writing = False
        self._state = threading.Condition()
        self._index: EventIndex | None = None
        self._writes = 0  # bumped by every write: an index built before it is stale
        self._index_lock = threading.Lock()

    def ensure(self) -> None:
        """Create (and migrate) the store when the file does not exist yet."""
        if self.path != ":memory:" and not Path(self.path).exists():
            with self.write():
                pass

    @contextmanager
    def read(self) -> Iterator[Store]:
        """A read-only store on its own cursor of the shared connection."""
        with self._state:
            self._state.wait_for(lambda: not self._writing)
            if self._shared is None:
                self._shared = open_store(self.path, read_only=True)
            cursor: Any = self._shared.connection.cursor()
            self._readers += 1
        try:
            yield Store(cursor, self.path, read_only=True)
        finally:
            cursor.close()
            with self._state:
                self._readers -= 1
                self._state.notify_all()

    @contextmanager
    def write(self) -> Iterator[Store]:
        """A writable store, once every read in flight has finished."""
        with self._state:
            self._state.wait_for(lambda: not self._writing and self._readers == 0)
            self._writing = True
            self._writes += 1
            if self._shared is not None:
                self._shared.close()
                self._shared = None
            self._index = None
        try:
            with open_store(self.path) as store:
                yield store
        finally:
            with self._state:
                self._writing = False
                self._state.notify_all()

    def index(self) -> EventIndex:
        """The in-memory event index, built on first use and after each write."""
        with self._index_lock:
            index = self._index
            if index is None:
                with self.read() as store:
                    with self._state:
                        writes = self._writes
                    index = EventIndex(store)
                with self._state:
                    if writes == self._writes:
                        self._index = index
            return index

    def close(self) -> None:
        """Close the shared connection (the app's shutdown)."""
        with self._state:
            if self._shared is not None:
                self._shared.close()
                self._shared = None
