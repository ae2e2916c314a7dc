"""The Dask engine codes like the local one, in order, and survives a killed worker."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from dyads.config import Settings
from dyads.engines import get_engine
from dyads.engines.distributed import DaskEngine, coders_loaded, local_cluster
from dyads.errors import ConfigError
from dyads.model import Coded, Document

pytestmark = pytest.mark.issue(5)

BENCH = Path(__file__).resolve().parents[2] / "bench"
DOCUMENTS = 300


def _newsgen():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("newsgen", BENCH / "newsgen.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def records() -> list[dict[str, str]]:
    """A few hundred generated wire stories (bench/newsgen.py, fixed seed)."""
    return list(_newsgen().corpus(DOCUMENTS))


@pytest.fixture(scope="module")
def documents(records) -> list[Document]:  # type: ignore[no-untyped-def]
    return [
        Document(r["id"], r["text"], dt.date.fromisoformat(r["date"]), title=r["title"])
        for r in records
    ]


@pytest.fixture(scope="module")
def local_results(coder, documents):  # type: ignore[no-untyped-def]
    """The corpus coded in process, as the local engine codes it."""
    return list(coder.code_documents(documents))


def _event_rows(results) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    """Every field of every event (ids, spans, codes, evidence, places), in order."""
    return [
        dataclasses.astuple(event)
        for result in results
        if isinstance(result, Coded)
        for event in result.events
    ]


def _settings(tmp_path: Path, **values: object) -> Settings:
    return Settings().replace(db=str(tmp_path / "events.duckdb"), **values)


def _kill_busy_worker(client) -> int:  # type: ignore[no-untyped-def]
    """SIGKILL a worker process that is coding a partition right now; its pid."""
    pids = client.run(os.getpid)
    busy = [address for address, keys in client.processing().items() if keys]
    pid = pids[(busy or list(pids))[0]]
    os.kill(pid, signal.SIGKILL)
    return pid


def _snapshot(path: Path) -> dict[str, list[dict[str, object]]]:
    """Every stored row but run bookkeeping, to compare two stores."""
    from dyads.store import open_store

    tables = {
        "documents": "SELECT * EXCLUDE (first_run) FROM documents ORDER BY id",
        "events": "SELECT * EXCLUDE (first_run) FROM events ORDER BY id",
        "mentions": "SELECT * EXCLUDE (run_id) FROM mentions ORDER BY id",
        "rejections": "SELECT * EXCLUDE (run_id) FROM rejections ORDER BY id",
    }
    with open_store(path, read_only=True) as store:
        return {name: store.rows(sql) for name, sql in tables.items()}


def _write_jsonl(records, path: Path) -> Path:  # type: ignore[no-untyped-def]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return path


def test_get_engine_finds_dask_without_starting_a_cluster(tmp_path):
    engine = get_engine("dask", _settings(tmp_path), workers=2)
    assert isinstance(engine, DaskEngine)
    assert engine.client is None
    assert list(engine.run([])) == []
    assert engine.client is None
    assert not (tmp_path / ".dyads-scratch").exists()


def test_importing_the_dask_engine_does_not_import_dask():
    code = (
        "import sys, dyads.engines.distributed; "
        "print([m for m in ('dask', 'distributed') if m in sys.modules])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_dask_engine_rejects_scheduler_and_workers_together(tmp_path):
    with pytest.raises(ConfigError, match="either a scheduler address or"):
        DaskEngine(_settings(tmp_path), scheduler="tcp://127.0.0.1:8786", workers=2)


def test_dask_engine_rejects_empty_partitions(tmp_path):
    with pytest.raises(ConfigError, match="partition_size"):
        DaskEngine(_settings(tmp_path, partition_size=0), workers=1)


@pytest.mark.slow
def test_dask_engine_codes_like_the_local_engine(tmp_path, documents, local_results):
    # 40 is not a multiple of batch_size: partitions need not line up with batches.
    seen: list[tuple[int, int]] = []
    engine = DaskEngine(
        _settings(tmp_path, partition_size=40),
        workers=2,
        progress=lambda done, sent: seen.append((done, sent)),
    )
    results, loads = [], {}
    for result in engine.run(documents):
        results.append(result)
        if len(results) == DOCUMENTS:  # the cluster is still up
            loads = engine.client.run(coders_loaded)
    assert list(loads.values()) == [1, 1]  # 8 partitions, one model load per worker
    assert [r.document.id for r in results] == [d.id for d in documents]
    assert len(_event_rows(local_results)) > DOCUMENTS
    assert _event_rows(results) == _event_rows(local_results)
    assert results == local_results
    assert seen[-1] == (DOCUMENTS, DOCUMENTS)
    assert engine.client is None
    assert not (tmp_path / ".dyads-scratch").exists()


@pytest.mark.slow
def test_dask_engine_reports_a_model_the_workers_cannot_load(tmp_path, documents):
    engine = DaskEngine(_settings(tmp_path, model="no_such_model"), workers=1)
    with pytest.raises(ConfigError, match="no_such_model"):
        next(iter(engine.run(documents)))
    assert engine.client is None
    assert not (tmp_path / ".dyads-scratch").exists()


@pytest.mark.slow
def test_dask_engine_retries_the_partitions_of_a_killed_worker(
    tmp_path, documents, local_results
):
    engine = DaskEngine(_settings(tmp_path, partition_size=10), workers=2, window=4)
    results = []
    killed: list[int] = []
    for result in engine.run(documents):
        results.append(result)
        if len(results) == 15:
            killed.append(_kill_busy_worker(engine.client))
        if len(results) == DOCUMENTS:  # the cluster is still up: who is there now
            assert engine.client is not None
            alive = engine.client.run(os.getpid).values()
    assert killed and killed[0] not in alive
    assert len(results) == DOCUMENTS
    assert results == local_results


@pytest.mark.slow
def test_ingest_on_a_cluster_that_loses_a_worker_stores_what_local_stores(
    tmp_path, records
):
    from distributed import Client

    from dyads.store import open_store
    from dyads.store.ingest import ingest

    corpus = _write_jsonl(records, tmp_path / "corpus.jsonl")
    clean = _settings(tmp_path / "clean")
    (tmp_path / "clean").mkdir()
    with open_store(clean.db) as store:
        ingest([corpus], store, clean, "local")

    crashed = _settings(tmp_path / "crashed", partition_size=10)
    (tmp_path / "crashed").mkdir()
    killed: list[int] = []
    with (
        local_cluster(2, tmp_path / "scratch") as cluster,
        Client(cluster) as client,
        open_store(crashed.db) as store,
    ):

        def kill_once(report) -> None:  # type: ignore[no-untyped-def]
            if not killed and report.done >= 25:
                killed.append(_kill_busy_worker(client))

        report = ingest(
            [corpus],
            store,
            crashed,
            "dask",
            kill_once,
            scheduler=cluster.scheduler_address,
        )
    assert killed
    assert report.coded == DOCUMENTS
    assert _snapshot(crashed.db) == _snapshot(clean.db)


@pytest.mark.slow
def test_ingest_command_runs_on_local_dask_workers(tmp_path, records, cli):
    corpus = _write_jsonl(records[:60], tmp_path / "corpus.jsonl")
    local_db, dask_db = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    cli("ingest", str(corpus), "--db", str(local_db))
    result = cli(
        "ingest",
        str(corpus),
        "--db",
        str(dask_db),
        "--engine",
        "dask",
        "--workers",
        "2",
        "--worker-memory",
        "1500MiB",
    )
    assert result.exit_code == 0, result.output
    assert _snapshot(dask_db) == _snapshot(local_db)
    assert not (tmp_path / ".dyads-scratch").exists()
