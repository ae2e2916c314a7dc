"""A small on-disk cache for derived data, keyed by a hash of what it derives from.

Reading the shipped dictionaries means parsing about a megabyte of YAML and
tokenising thousands of names with spaCy, which takes over a second; the
results only change when the files change. They are kept as JSON under
``$DYADS_CACHE_DIR`` (default ``$XDG_CACHE_HOME/dyads``, else
``~/.cache/dyads``), one file per key. The cache is an optimisation only: a
folder that cannot be written, or an entry that cannot be read, is ignored and
the value is computed again.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
_VERSION = "1"


def cache_dir() -> Path:
    explicit = os.environ.get("DYADS_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "dyads"


def key(*parts: str | bytes) -> str:
    """A cache key: SHA-256 over the parts and the cache format version."""
    digest = hashlib.sha256(_VERSION.encode())
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def cached(kind: str, cache_key: str, compute: Callable[[], T]) -> T:
    """The JSON value stored under ``kind/cache_key``; computed and stored if absent."""
    path = cache_dir() / kind / f"{cache_key}.json"
    try:
        return json.loads(path.read_text("utf-8"))  # type: ignore[no-any-return]
    except (OSError, ValueError):
        pass
    value = compute()
    _store(path, value)
    return value


def _store(path: Path, value: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(value, ensure_ascii=False), "utf-8")
        tmp.replace(path)
    except OSError:
        return
