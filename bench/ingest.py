"""Ingest into the store against coding alone, on the same generated corpus (#3).

    .venv/bin/python bench/ingest.py [--docs 1000] [--rounds 5] [--commit-every 200]

Prints documents per second of ``dyads code`` (read + code, no store) and of
``dyads ingest`` (read + skip check + code + match + store, into a fresh store),
and their ratio, which must be at least 0.9: storing costs at most a tenth. The
ratio is given on wall-clock time and on this process's CPU time; on a busy
machine the CPU ratio is the steadier of the two.
Both use one coder, loaded before timing; they run in turn (``--rounds``), and
the faster run of each counts, so a cold cache or a busy machine does not
decide. Also prints the peak memory.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
from pathlib import Path

ACTORS = [
    "Kosovo President Vjosa Osmani",
    "NATO Secretary General Jens Stoltenberg",
    "Serbian President Aleksandar Vucic",
    "EU foreign policy chief Josep Borrell",
    "Kosovo Prime Minister Albin Kurti",
    "US Secretary of State Antony Blinken",
    "German Chancellor Olaf Scholz",
    "Russian President Vladimir Putin",
    "Ukrainian President Volodymyr Zelensky",
    "French President Emmanuel Macron",
]
VERBS = [
    "met",
    "held talks with",
    "criticized",
    "accused",
    "praised",
    "visited",
    "called on",
    "thanked",
    "condemned",
    "signed an agreement with",
]
CITIES = ["Brussels", "Pristina", "Belgrade", "Berlin", "Washington", "Kyiv", "Paris"]
FILLER = (
    "The meeting addressed security developments in the region and the need "
    "for continued cooperation. Officials said further talks were planned."
)


def write_corpus(path: Path, n: int, seed: int = 3) -> Path:
    """``n`` news-like records of four sentences, dated over two months."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            a, b = rng.sample(ACTORS, 2)
            c, d = rng.sample(ACTORS, 2)
            text = (
                f"{a} {rng.choice(VERBS)} {b} in {rng.choice(CITIES)} on Monday. "
                f"{FILLER} {c} {rng.choice(VERBS)} {d}. Report number {i}."
            )
            day = f"2023-{6 + i % 2:02d}-{1 + i % 28:02d}"
            out.write(
                json.dumps(
                    {
                        "id": f"b{i}",
                        "text": text,
                        "date": day,
                        "url": f"https://site{i % 13}.example/{i}",
                    }
                )
                + "\n"
            )
    return path


def main() -> None:
    from dyads.config import Settings
    from dyads.engines import get_engine
    from dyads.ingest import read
    from dyads.model import Document
    from dyads.store import open_store
    from dyads.store.ingest import ingest

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--commit-every", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    settings = Settings.load(commit_every=args.commit_every)
    folder = Path(tempfile.mkdtemp(prefix="dyads-bench-"))
    corpus = write_corpus(folder / "corpus.jsonl", args.docs)
    engine = get_engine("local", settings)
    warm = write_corpus(folder / "warm.jsonl", 20, seed=1)
    with open_store(folder / "warm.duckdb") as target:  # loads spaCy, DuckDB, Arrow
        ingest([warm], target, settings, engine=engine)

    def cpu() -> float:  # this process's CPU seconds, all threads
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    def code() -> tuple[float, float]:  # what `dyads code` does: read, then code
        wall, used = time.perf_counter(), cpu()
        items = (d for d in read([corpus], settings) if isinstance(d, Document))
        for _ in engine.run(items):
            pass
        return time.perf_counter() - wall, cpu() - used

    def store(run: int) -> tuple[float, float, dict[str, int]]:
        with open_store(folder / f"bench-{run}.duckdb") as target:
            wall, used = time.perf_counter(), cpu()
            ingest([corpus], target, settings, engine=engine)
            return time.perf_counter() - wall, cpu() - used, target.counts()

    code_runs, ingest_runs = [], []
    for run in range(args.rounds):  # interleaved, so load on the machine hits both
        code_runs.append(code())
        wall, used, counts = store(run)
        ingest_runs.append((wall, used))
    code_wall, ingest_wall = (
        min(r[0] for r in code_runs),
        min(r[0] for r in ingest_runs),
    )
    code_cpu, ingest_cpu = min(r[1] for r in code_runs), min(r[1] for r in ingest_runs)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = args.docs
    print(
        f"corpus: {n} documents, commit_every={settings.commit_every}, "
        f"best of {args.rounds} rounds"
    )
    print(f"store: {counts['events']} events, {counts['mentions']} mentions")
    print(
        f"dyads code   (no store): {n / code_wall:8.1f} docs/s "
        f"({n / code_cpu:.1f} per CPU second)"
    )
    print(
        f"dyads ingest (store):    {n / ingest_wall:8.1f} docs/s "
        f"({n / ingest_cpu:.1f} per CPU second)"
    )
    print(
        f"ratio ingest/code: {code_wall / ingest_wall:.3f} wall clock, "
        f"{code_cpu / ingest_cpu:.3f} CPU (must be >= 0.9)"
    )
    print(f"peak memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
