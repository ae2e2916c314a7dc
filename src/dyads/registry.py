"""Named registries that built-ins and plugins fill alike (spaCy-style).

A registry maps a name (``"jsonl"``, ``"dyads.rules.v1"``) to an object. Other
packages add entries through the entry-point group ``dyads_<registry name>``;
built-in readers, exporters and engines register themselves the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Generic, TypeVar

from dyads.errors import UnknownNameError

T = TypeVar("T")


class Registry(Generic[T]):
    """A named collection of implementations, e.g. ``exporters.get("gdelt")``."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._entries: dict[str, T] = {}
        self._plugins_loaded = False

    def register(self, name: str) -> Callable[[T], T]:
        """Decorator: ``@exporters.register("csv")``."""

        def decorate(obj: T) -> T:
            self._entries[name] = obj
            return obj

        return decorate

    def get(self, name: str) -> T:
        """The entry called ``name``; the error lists the valid names."""
        self._load_plugins()
        try:
            return self._entries[name]
        except KeyError:
            raise UnknownNameError(
                f"Unknown {self.name} '{name}'; available: {', '.join(self.names())}"
            ) from None

    def names(self) -> list[str]:
        self._load_plugins()
        return sorted(self._entries)

    def _load_plugins(self) -> None:
        if self._plugins_loaded:
            return
        self._plugins_loaded = True
        for ep in entry_points(group=f"dyads_{self.name}"):
            self._entries.setdefault(ep.name, ep.load())
