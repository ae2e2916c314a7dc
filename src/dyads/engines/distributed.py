"""The Dask engine: code partitions of documents on a cluster, yield them in order.

Documents are cut into partitions of ``settings.partition_size``; each partition
is one task that a worker process codes with its own cached
:class:`dyads.pipeline.Coder` (the spaCy pipeline and dictionaries load once per
process, not once per task). Results come back to the caller, the single writer
of the store, in input order, so a Dask run stores exactly what a local run
stores, event ids included (see #5).

Why the documents travel inside the task and are not scattered: the scheduler
keeps a task's arguments, so when a worker dies its partitions can be sent to
another worker; scattered data would die with the worker. At most ``window``
partitions are in flight or waiting to be yielded, so memory stays flat however
long the input is.

Dask is imported only when the engine starts, never at ``import dyads``.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyads.config import Settings
from dyads.engines import engines
from dyads.errors import ConfigError, DyadsError
from dyads.model import Coded, Document, Rejection

if TYPE_CHECKING:
    from dyads.pipeline import Coder

# distributed ships no type hints: its client and cluster are typed as Any here.
Client = Any

Result = Coded | Rejection

# One coder per worker process, keyed by its settings (see #5: load once per process).
_CODERS: dict[Settings, Coder] = {}
_LOADS: list[Settings] = []  # every coder this process built, for tests and benches


@dataclass(frozen=True, slots=True)
class CoderInfo:
    """What the store records about the coder the workers run."""

    version: str
    dictionaries_hash: str


def worker_coder(settings: Settings) -> Coder:
    """This process's coder for ``settings``, built on first use.

    Only one configuration is kept: a worker serves one run at a time, and two
    spaCy pipelines in one process would double its memory.
    """
    coder = _CODERS.get(settings)
    if coder is None:
        from dyads.pipeline import Coder

        _CODERS.clear()
        coder = _CODERS[settings] = Coder(settings)
        _LOADS.append(settings)
    return coder


def coders_loaded() -> int:
    """How many coders this process has built (one per worker per configuration)."""
    return len(_LOADS)


def code_partition(settings: Settings, documents: list[Document]) -> list[Result]:
    """Code one partition on a worker: one result per document, in order."""
    return list(worker_coder(settings).code_documents(documents))


def describe_coder(settings: Settings) -> CoderInfo:
    """Load the coder on a worker (warming it) and say which version it is."""
    coder = worker_coder(settings)
    return CoderInfo(coder.version, coder.dictionaries_hash)


@engines.register("dask")
class DaskEngine:
    """Codes documents on a Dask cluster: a LocalCluster of ``workers`` processes
    on this machine, or the running cluster whose scheduler is at ``scheduler``.

    Args:
        settings: coder settings; ``partition_size`` sets documents per task.
        scheduler: address of a running scheduler (``tcp://host:8786``).
        workers: local worker processes to start (default: one per CPU).
        memory_limit: per local worker (``"2GiB"``); Dask restarts a worker
            that outgrows it, and its partitions are retried elsewhere.
        scratch: folder for the local workers' spill space (default: a
            ``.dyads-scratch`` folder beside the store), removed after the run.
        retries: times a partition whose task raised is tried again.
        window: partitions in flight or waiting to be yielded (default: twice
            the cluster's worker threads); bounds memory.
        progress: called with ``(documents coded by the cluster, documents
            sent)`` each time a partition comes back, in any order.
    """

    def __init__(
        self,
        settings: Settings,
        scheduler: str | None = None,
        workers: int | None = None,
        memory_limit: str | int | None = "2GiB",
        scratch: str | Path | None = None,
        retries: int = 3,
        window: int | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        if scheduler and workers:
            raise ConfigError(
                "Give the dask engine either a scheduler address or a number of "
                "workers, not both"
            )
        if workers is not None and workers < 1:
            raise ConfigError(f"Dask workers must be at least 1, got {workers}")
        if settings.partition_size < 1:
            raise ConfigError(
                f"Setting 'partition_size' must be at least 1, got "
                f"{settings.partition_size}"
            )
        self.settings = settings
        # Worker processes are daemons and cannot fork spaCy's parser pool;
        # n_process does not change results, only where parsing runs. The
        # store path and API token stay here: workers never need them, and a
        # coder cached on a long-lived worker is reused by runs into any store.
        self.worker_settings = settings.replace(n_process=1, db="", api_token="")
        self.scheduler = scheduler
        self.workers = workers or (None if scheduler else os.cpu_count() or 1)
        self.memory_limit = memory_limit
        self.scratch = Path(scratch) if scratch else _default_scratch(settings.db)
        self.retries = retries
        self.window = window
        self.progress = progress
        self.client: Client | None = None
        self._cluster: Any = None
        self._scratch_dir: Path | None = None
        self._made_scratch = False
        self._info: CoderInfo | None = None

    @property
    def coder(self) -> CoderInfo:
        """The workers' coder version and dictionaries hash (starts the cluster)."""
        if self._info is None:
            self._start()
        assert self._info is not None
        return self._info

    def run(self, documents: Iterable[Document]) -> Iterator[Result]:
        """One result per document, in input order; the cluster closes at the end."""
        try:
            parts = _partitions(documents, self.settings.partition_size)
            first = next(parts, None)
            if first is not None:
                client = self._start()
                yield from self._pipeline(client, itertools.chain([first], parts))
        finally:
            self.close()

    def close(self) -> None:
        """Disconnect, stop the cluster this engine started, remove its scratch."""
        if self.client is not None:
            self.client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
        if self._scratch_dir is not None:
            shutil.rmtree(self._scratch_dir, ignore_errors=True)
            self._scratch_dir = None
            if self._made_scratch:
                with contextlib.suppress(OSError):  # still used by another run
                    self.scratch.rmdir()

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> Client:
        if self.client is not None:
            return self.client
        dask = _distributed()
        if self.scheduler:
            try:
                self.client = dask.Client(self.scheduler, timeout="30s")
            except (OSError, TimeoutError) as exc:
                raise ConfigError(
                    f"Cannot reach the Dask scheduler at {self.scheduler}: {exc}"
                ) from None
        else:
            self._made_scratch = not self.scratch.exists()
            self.scratch.mkdir(parents=True, exist_ok=True)
            self._scratch_dir = Path(tempfile.mkdtemp(prefix="dask-", dir=self.scratch))
            self._cluster = local_cluster(
                self.workers or 1, self._scratch_dir, self.memory_limit
            )
            self.client = dask.Client(self._cluster)
        try:
            self._info = self._warm(self.client)
        except BaseException:
            self.close()  # a model that will not load: leave no cluster behind
            raise
        return self.client

    def _warm(self, client: Client) -> CoderInfo:
        """Load the coder on every worker now, in parallel, and check they agree."""
        addresses = list(client.scheduler_info(n_workers=-1)["workers"]) or [None]
        futures = [
            client.submit(
                describe_coder,
                self.worker_settings,
                workers=[address] if address else None,
                allow_other_workers=address is None,
                key=f"dyads-warm-{uuid.uuid4().hex}",
                pure=False,
            )
            for address in addresses
        ]
        infos: set[CoderInfo] = set(client.gather(futures))
        if len(infos) > 1:
            raise ConfigError(
                "Dask workers run different coders or dictionaries "
                f"({', '.join(sorted(i.dictionaries_hash for i in infos))}); "
                "install the same dyads and dictionaries on every worker"
            )
        return infos.pop()

    def _pipeline(
        self, client: Client, parts: Iterator[list[Document]]
    ) -> Iterator[Result]:
        dask = _distributed()

        def capacity() -> int:
            # Asked again after every partition: workers of an adaptive
            # cluster (SLURM, Kubernetes) join after the run starts.
            return self.window or max(2, 2 * sum(client.nthreads().values()))

        window = capacity()
        run = uuid.uuid4().hex[:12]
        completed = dask.as_completed(loop=client.loop)
        index: dict[Any, int] = {}
        sizes: dict[int, int] = {}
        ready: dict[int, list[Result]] = {}
        submitted = sent = done = next_out = 0

        def submit() -> bool:
            nonlocal submitted, sent
            part = next(parts, None)
            if part is None:
                return False
            number = submitted
            submitted += 1
            future = client.submit(
                code_partition,
                self.worker_settings,
                part,
                key=f"dyads-code-{run}-{number}",
                retries=self.retries,
                pure=False,
            )
            index[future.key] = number
            sizes[number] = len(part)
            sent += len(part)
            completed.add(future)
            return True

        while submitted - next_out < window and submit():
            pass
        for future in completed:
            number = index.pop(future.key)
            try:
                ready[number] = future.result()
            except dask.KilledWorker as exc:
                raise DyadsError(
                    f"Partition {number} killed every worker that tried it: {exc}"
                ) from None
            future.release()
            window = capacity()
            done += sizes.pop(number)
            if self.progress is not None:
                self.progress(done, sent)
            while next_out in ready:
                yield from ready.pop(next_out)
                next_out += 1
                while submitted - next_out < window and submit():
                    pass


def local_cluster(
    workers: int, directory: str | Path, memory_limit: str | int | None = "2GiB"
) -> Any:
    """A LocalCluster as the engine starts it: ``workers`` single-threaded
    processes on 127.0.0.1, no dashboard, spill space in ``directory``.

    Threads share the GIL and spaCy parsing is Python-bound, so a worker is a
    process with one thread; scale with processes (see docs/cluster.md).
    """
    return _distributed().LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        # No dashboard; the scheduler's health endpoint takes a free loopback
        # port instead of trying 8787, which another program may hold.
        scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
        local_directory=str(directory),
        memory_limit=memory_limit,
        silence_logs=logging.ERROR,
    )


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ConfigError(
            "The dask engine needs dask[distributed]; install it with "
            "pip install 'dask[distributed]'"
        ) from None
    return distributed


def _partitions(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while part := list(itertools.islice(iterator, size)):
        yield part


def _default_scratch(db: str) -> Path:
    if db in ("", ":memory:"):
        return Path(tempfile.gettempdir()) / "dyads-scratch"
    return Path(db).resolve().parent / ".dyads-scratch"
