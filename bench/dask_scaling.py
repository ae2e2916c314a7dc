"""Scaling of the Dask engine: docs/s with one and two workers, and their memory.

Codes the same generated corpus (bench/newsgen.py) on a LocalCluster built as
``dyads ingest --engine dask --workers N`` builds it, scaled to one worker and
then two, in alternating rounds, and prints for each the best documents per
second (cluster start and model loading are paid once per run, so they are
timed apart), the ratio of two workers to one (the issue asks for >= 1.5 on a
2-core machine), the workers' CPU time per document (equal for both: no work is
repeated) and each worker process's peak resident memory (asks for <= 1 GB).
It also checks that both give the same results as the in-process coder.

    .venv/bin/python bench/dask_scaling.py --docs 1000 --rounds 2

The figures are only as good as the machine is idle: other processes on the
same cores lower the two-worker figure most. The load average is printed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from newsgen import corpus  # noqa: E402

from dyads.config import Settings  # noqa: E402
from dyads.engines.distributed import DaskEngine, local_cluster  # noqa: E402
from dyads.model import Coded, Document, Rejection  # noqa: E402


def worker_usage() -> dict[str, float]:
    """Runs in a worker: CPU seconds so far, resident memory now (psutil), peak MB."""
    import resource

    import psutil

    process = psutil.Process()
    times = process.cpu_times()
    now = process.memory_info().rss / 2**20
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"cpu": times.user + times.system, "rss": now, "peak": max(now, peak)}


@dataclass
class Run:
    """One timed pass over the corpus: seconds, CPU seconds, peak MB per worker."""

    workers: int
    seconds: float
    cpu: float
    driver: float
    peaks: dict[str, float]
    results: list[Coded | Rejection]


def measure(
    documents: list[Document], cluster: Any, workers: int, settings: Settings
) -> Run:
    """Scale ``cluster`` to ``workers`` and code ``documents`` on it once."""
    cluster.scale(workers)
    while len(cluster.scheduler_info["workers"]) != workers:
        time.sleep(0.2)
    engine = DaskEngine(settings, scheduler=cluster.scheduler_address)
    engine.coder  # connects and loads the coder on every worker  # noqa: B018
    before = engine.client.run(worker_usage)  # type: ignore[union-attr]
    driver = time.process_time()
    results: list[Coded | Rejection] = []
    started = time.perf_counter()
    for result in engine.run(documents):
        results.append(result)
        if len(results) == len(documents):  # last one: still connected
            seconds = time.perf_counter() - started
            driver = time.process_time() - driver
            after = engine.client.run(worker_usage)  # type: ignore[union-attr]
    cpu = sum(after[w]["cpu"] - before[w]["cpu"] for w in after if w in before)
    peaks = {w: usage["peak"] for w, usage in after.items()}
    return Run(workers, seconds, cpu, driver, peaks, results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--partition-size", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds")
    parser.add_argument("--no-check", action="store_true", help="skip the local run")
    args = parser.parse_args()
    documents = [Document(r["id"], r["text"]) for r in corpus(args.docs)]
    n = len(documents)
    load_before = os.getloadavg()[0]
    runs: dict[int, list[Run]] = {1: [], 2: []}
    with TemporaryDirectory(prefix="dyads-bench-") as folder:
        settings = Settings().replace(
            db=str(Path(folder) / "bench.duckdb"), partition_size=args.partition_size
        )
        started = time.perf_counter()
        with local_cluster(1, folder) as cluster:
            startup = time.perf_counter() - started
            for _ in range(args.rounds):
                for workers in (1, 2):
                    runs[workers].append(measure(documents, cluster, workers, settings))
    print(f"documents              {n} (partitions of {args.partition_size})")
    print(f"CPUs                   {os.cpu_count()}")
    print(
        f"load average           {load_before:.1f} before, {os.getloadavg()[0]:.1f} "
        "after (other processes on these cores lower the figures)"
    )
    print(f"cluster start          {startup:.1f} s (then the coder loads per worker)")
    best = {w: min(rs, key=lambda r: r.seconds) for w, rs in runs.items()}
    peaks: dict[str, float] = {}
    for run in (r for rs in runs.values() for r in rs):
        for worker, peak in run.peaks.items():
            peaks[worker] = max(peak, peaks.get(worker, 0.0))
    for workers, run in best.items():
        label = f"{workers} worker{'s' if workers > 1 else ''}"
        times = ", ".join(f"{r.seconds:.1f}" for r in runs[workers])
        print(
            f"{label:<22} {n / run.seconds:8.1f} docs/s  (best of {times} s; "
            f"CPU {1000 * run.cpu / n:.1f} ms/doc; the workers got "
            f"{run.cpu / run.seconds:.2f} cores; driver and scheduler "
            f"{1000 * run.driver / n:.1f} ms/doc)"
        )
    ratio = best[1].seconds / best[2].seconds
    print(f"ratio 2/1 workers      {ratio:.2f}  (goal >= 1.5)")
    # Documents per CPU second, scaled to 1 and 2 full cores: what the ratio is
    # when each run gets the cores it asks for (not a measured wall time).
    per_core = {w: n / run.cpu for w, run in best.items()}
    print(
        f"ratio at 1 and 2 cores {2 * per_core[2] / per_core[1]:.2f}  "
        "(from the workers' CPU time; other load taken out)"
    )
    memory = ", ".join(f"{p:.0f}" for p in sorted(peaks.values()))
    print(f"peak RSS per worker    {memory} MB  (goal <= 1024)")
    first = runs[1][0].results
    if any(r.results != first for rs in runs.values() for r in rs):
        raise SystemExit("one and two workers coded different events")
    if not args.no_check:
        from dyads.pipeline import Coder

        coder = Coder(settings)
        started = time.perf_counter()
        local = list(coder.code_documents(documents))
        seconds = time.perf_counter() - started
        print(f"in process, no Dask    {n / seconds:8.1f} docs/s  (for reference)")
        events = sum(len(r.events) for r in local if isinstance(r, Coded))
        print(f"same as local coder    {local == first}  ({events} events)")
        if local != first:
            raise SystemExit("the Dask engine coded different events than local")


if __name__ == "__main__":
    main()
