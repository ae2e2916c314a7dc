"""dyads: political event data from news and press releases, with evidence.

The public API is small and cheap to import: heavy libraries (spaCy, DuckDB,
Dask, FastAPI) load only when a function that needs them runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from dyads.about import __version__ as __version__
from dyads.config import Settings as Settings
from dyads.errors import DyadsError as DyadsError
from dyads.model import Actor as Actor
from dyads.model import Coded as Coded
from dyads.model import Document as Document
from dyads.model import Event as Event
from dyads.model import Evidence as Evidence
from dyads.model import Mention as Mention
from dyads.model import Modality as Modality
from dyads.model import Place as Place
from dyads.model import Reason as Reason
from dyads.model import Rejection as Rejection
from dyads.model import Sentence as Sentence
from dyads.model import TextSpan as TextSpan

if TYPE_CHECKING:
    from dyads.pipeline import Coder


def load(settings: Settings | None = None, **overrides: Any) -> Coder:
    """A reusable coder: loads the spaCy pipeline and the dictionaries once."""
    from dyads.pipeline import Coder

    return Coder(settings or Settings.load(**overrides))


_default_coder: Coder | None = None


def code(text: str, date: dt.date | str | None = None) -> list[Event]:
    """Code one English text into events (all modalities; see ``Event.modality``).

    A convenience over :func:`load`; the coder is built on first use and kept.
    """
    global _default_coder
    if _default_coder is None:
        _default_coder = load()
    return _default_coder.code_text(text, date=date)


def read(*sources: str) -> Iterator[Document | Rejection]:
    """Read documents from files, folders, URLs or ``-`` (stdin)."""
    from dyads.ingest import read as _read

    return _read(sources)


def explain(code: str) -> str:
    """What a CAMEO event code, PLOVER type or actor code means."""
    from dyads.explain import explain as _explain

    return _explain(code)


def code_documents(documents: Iterable[Document]) -> Iterator[Coded | Rejection]:
    """Code many documents with the default coder, in batches."""
    global _default_coder
    if _default_coder is None:
        _default_coder = load()
    return _default_coder.code_documents(documents)


__all__ = [
    "Actor",
    "Coded",
    "Document",
    "DyadsError",
    "Event",
    "Evidence",
    "Mention",
    "Modality",
    "Place",
    "Reason",
    "Rejection",
    "Sentence",
    "Settings",
    "TextSpan",
    "__version__",
    "code",
    "code_documents",
    "explain",
    "load",
    "read",
]
