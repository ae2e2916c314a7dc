"""The ingest loop: read sources, skip what is stored, code the rest, commit in batches.

Every record read ends as exactly one of: coded, rejected (with a reason), or
already stored (skipped before coding, so a re-run costs reading, not parsing).
``coded + rejected + skipped == read`` for every run, and on a fresh store
``coded + rejected == read`` (see #3).

Crash safety comes from the batches: ``settings.commit_every`` results go in one
transaction, and a document counts as stored only once its batch committed. A
run killed at any point loses only the batches in flight (the one being
filled and at most three handed to the store thread); running the same
command again skips what was committed and codes the rest, in the same order,
so the store ends as a clean run leaves it (event ids included).

Coding goes through an engine (``local`` or ``dask``, see :mod:`dyads.engines`);
the gate that skips stored documents runs inside the engine's input iterator and
uses its own cursor, so an engine may pull documents from another thread.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import queue
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyads.config import Settings
from dyads.model import Coded, Document, Reason, Rejection

from . import Store
from .writer import BatchCounts, content_hash, rejection_id, stored_documents

if TYPE_CHECKING:
    from dyads.engines import Engine

LOOKAHEAD = 256


@dataclass(slots=True)
class IngestReport:
    """Running totals of one ingest; the progress callback receives it as it grows."""

    run_id: int
    read: int = 0
    coded: int = 0
    rejected: int = 0
    skipped: int = 0
    events: int = 0
    mentions: int = 0
    batches: int = 0
    rejections_by_reason: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.monotonic)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    @property
    def done(self) -> int:
        return self.coded + self.rejected + self.skipped

    def add(self, counts: BatchCounts) -> None:
        self.coded += counts.coded
        self.rejected += counts.rejected
        self.skipped += counts.skipped
        self.events += counts.events
        self.mentions += counts.mentions
        self.rejections_by_reason.update(counts.rejections_by_reason)


class _Gate:
    """Lets through only documents that are new; everything else is accounted for."""

    def __init__(self, store: Store, report: IngestReport) -> None:
        self.cursor = store.connection.cursor()
        self.report = report
        self.pending: deque[tuple[Rejection, str]] = deque()
        self.seen: set[int] = set()  # 64-bit fingerprints of ids and texts read
        self.occurrences: Counter[tuple[str, str, str]] = Counter()

    def reject(self, rejection: Rejection) -> None:
        key = (rejection.document_id, rejection.reason.value, rejection.source or "")
        number = self.occurrences[key]
        self.occurrences[key] += 1
        self.pending.append((rejection, rejection_id(rejection, number)))

    def documents(self, items: Iterable[Document | Rejection]) -> Iterator[Document]:
        chunk: list[Document | Rejection] = []
        for item in items:
            with self.report.lock:
                self.report.read += 1
            chunk.append(item)
            if len(chunk) >= LOOKAHEAD:
                yield from self._sift(chunk)
                chunk = []
        yield from self._sift(chunk)

    def _sift(self, chunk: Sequence[Document | Rejection]) -> Iterator[Document]:
        docs = [d for d in chunk if isinstance(d, Document)]
        hashes = {id(d): content_hash(d.text) for d in docs}
        stored_ids, stored_hashes = stored_documents(
            self.cursor, [d.id for d in docs], hashes.values()
        )
        for item in chunk:
            if isinstance(item, Rejection):
                self.reject(item)
                continue
            digest = hashes[id(item)]
            marks = (_fingerprint("id", item.id), _fingerprint("text", digest))
            again = marks[0] in self.seen or marks[1] in self.seen
            self.seen.update(marks)
            if again:
                self.reject(
                    Rejection(
                        item.id,
                        Reason.DUPLICATE,
                        "id or text already read in this run",
                        item.source,
                    )
                )
            elif item.id in stored_ids:
                with self.report.lock:
                    self.report.skipped += 1
            elif digest in stored_hashes:
                self.reject(
                    Rejection(
                        item.id,
                        Reason.DUPLICATE,
                        f"same text as stored document {stored_hashes[digest]}",
                        item.source,
                    )
                )
            else:
                yield item


def ingest(
    sources: Sequence[str | Path],
    store: Store,
    settings: Settings | None = None,
    engine: str | Engine = "local",
    progress: Callable[[IngestReport], None] | None = None,
    **engine_options: Any,
) -> IngestReport:
    """Read ``sources``, code what is new through ``engine``, and store it all.

    Args:
        sources: files, folders, feed URLs or ``-``, as :func:`dyads.ingest.read` takes.
        store: an open, writable store.
        settings: ``commit_every`` sets the batch size; the rest goes to the engine.
        engine: a registered engine name (``local``, ``dask``), or an engine
            already built (anything with ``run(documents)``), to reuse its coder.
        progress: called with the running report after every stored batch and
            every coded document (keep it cheap).
        **engine_options: passed to the engine (``workers``, ``scheduler``...).

    Raises:
        InputError: a source does not exist or cannot be read at all.
        StoreError: the store is read-only.
    """
    from dyads.engines import get_engine
    from dyads.ingest import read

    settings = settings or Settings.load()
    items = read(sources, settings)  # checks every source before any work
    if not isinstance(engine, str):
        return _run(
            sources, items, store, settings, engine, type(engine).__name__, progress
        )
    runner = get_engine(engine, settings, **engine_options)
    try:
        return _run(sources, items, store, settings, runner, engine, progress)
    finally:
        close = getattr(runner, "close", None)
        if close is not None:
            close()  # a Dask engine stops the cluster it started


def _run(
    sources: Sequence[str | Path],
    items: Iterable[Document | Rejection],
    store: Store,
    settings: Settings,
    runner: Engine,
    engine_name: str,
    progress: Callable[[IngestReport], None] | None,
) -> IngestReport:
    coder = getattr(runner, "coder", None)
    public = {k: v for k, v in dataclasses.asdict(settings).items() if k != "api_token"}
    run_id = store.start_run(
        coder=getattr(coder, "version", None),
        dictionaries_hash=getattr(coder, "dictionaries_hash", None),
        engine=engine_name,
        settings=json.dumps(public, default=str, sort_keys=True),
        sources=[str(s) for s in sources],
    )
    report = IngestReport(run_id)
    gate = _Gate(store, report)
    writer = _Writer(store, report, progress)
    batch: list[Coded | Rejection] = []
    ids: list[str | None] = []

    def flush() -> None:
        while gate.pending:
            rejection, rid = gate.pending.popleft()
            batch.append(rejection)
            ids.append(rid)
        if batch:
            writer.put(list(batch), list(ids))
            batch.clear()
            ids.clear()

    try:
        for result in runner.run(gate.documents(items)):
            batch.append(result)
            ids.append(None)
            if len(batch) + len(gate.pending) >= settings.commit_every:
                flush()
            elif progress is not None:
                progress(report)
        flush()
    finally:
        writer.close()  # commits every batch handed over, even on Ctrl-C
    store.finish_run(run_id, _totals(report), report.read)
    if progress is not None:
        progress(report)
    return report


class _Writer:
    """Stores batches on a thread of its own, in order, while coding goes on.

    DuckDB works without the GIL, so a batch is written while the next one is
    parsed; at most two batches wait, which bounds memory. The first error stops
    the writing and is raised in the ingesting thread.
    """

    def __init__(
        self,
        store: Store,
        report: IngestReport,
        progress: Callable[[IngestReport], None] | None,
    ) -> None:
        self.store, self.report, self.progress = store, report, progress
        self.queue: queue.Queue[tuple[list[Coded | Rejection], list[str | None]] | None]
        self.queue = queue.Queue(maxsize=2)
        self.error: BaseException | None = None
        self.thread = threading.Thread(
            target=self._loop, name="dyads-store", daemon=True
        )
        self.thread.start()

    def put(self, batch: list[Coded | Rejection], ids: list[str | None]) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put((batch, ids))

    def close(self) -> None:
        self.queue.put(None)
        self.thread.join()
        if self.error is not None:
            raise self.error

    def _loop(self) -> None:
        report = self.report
        while (item := self.queue.get()) is not None:
            if self.error is not None:
                continue
            try:
                counts = self.store.add(item[0], report.run_id, item[1])
                with report.lock:
                    report.add(counts)
                    report.batches += 1
                self.store.finish_run(
                    report.run_id, _totals(report), report.read, finished=False
                )
                if self.progress is not None:
                    self.progress(report)
            except BaseException as exc:  # noqa: BLE001 - raised again in close()
                self.error = exc


def _fingerprint(kind: str, value: str) -> int:
    """64 bits of hash: a run remembers each document in ~140 bytes (id and text),
    1.4 GB for ten million, about a third of keeping the strings; a false
    duplicate needs a 64-bit collision."""
    digest = hashlib.blake2b(
        value.encode("utf-8", "surrogatepass"), digest_size=8, person=kind.encode()
    )
    return int.from_bytes(digest.digest())


def _totals(report: IngestReport) -> BatchCounts:
    return BatchCounts(
        report.coded,
        report.rejected,
        report.skipped,
        report.events,
        report.mentions,
        dict(report.rejections_by_reason),
    )
