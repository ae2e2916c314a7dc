"""The in-process engine: one coder, documents in batches, in order (the default)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from dyads.config import Settings
from dyads.engines import engines
from dyads.model import Coded, Document, Rejection


@engines.register("local")
class LocalEngine:
    """Codes documents in this process with one :class:`dyads.pipeline.Coder`."""

    def __init__(self, settings: Settings, **options: object) -> None:
        from dyads.pipeline import Coder

        self.settings = settings
        self.coder = Coder(settings)

    def run(self, documents: Iterable[Document]) -> Iterator[Coded | Rejection]:
        return self.coder.code_documents(documents)
