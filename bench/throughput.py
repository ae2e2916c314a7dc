"""Throughput of dyads: spaCy parsing alone versus coding end to end, in one run.

Prints sentences per CPU second for both (and the best wall times), their ratio
(the issue asks for >= 0.8: coding may add at most a quarter to the parse),
events found and peak memory.

    .venv/bin/python bench/throughput.py --docs 1000
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from newsgen import corpus  # noqa: E402

from dyads.config import Settings  # noqa: E402
from dyads.model import Coded, Document  # noqa: E402
from dyads.nlp import parse  # noqa: E402
from dyads.pipeline import Coder  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument(
        "--rounds", type=int, default=3, help="alternating rounds of each"
    )
    args = parser.parse_args()
    records = list(corpus(args.docs))
    documents = [Document(id=r["id"], text=r["text"]) for r in records]
    coder = Coder(Settings())
    sentences = sum(1 for d in parse(coder.nlp, [documents[0].text]) for _ in d.sents)
    coder.code_text(documents[0].text)  # warm caches of both paths
    parse_times, code_times, parse_cpu, code_cpu = [], [], [], []
    events = 0
    for _ in range(args.rounds):
        start, cpu = time.perf_counter(), time.process_time()
        sentences = sum(
            1
            for d in parse(coder.nlp, (d.text for d in documents), 64)
            for _ in d.sents
        )
        parse_times.append(time.perf_counter() - start)
        parse_cpu.append(time.process_time() - cpu)
        start, cpu = time.perf_counter(), time.process_time()
        events = sum(
            len(r.events)
            for r in coder.code_documents(documents)
            if isinstance(r, Coded)
        )
        code_times.append(time.perf_counter() - start)
        code_cpu.append(time.process_time() - cpu)
    # CPU time of this process is what the ratio is read from: wall time on a
    # shared 2-core machine moves with whatever else runs there.
    parse_rate = sentences / min(parse_cpu)
    code_rate = sentences / min(code_cpu)
    print(
        f"wall time (best)     parse {min(parse_times):.2f} s, "
        f"end to end {min(code_times):.2f} s"
    )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents            {len(documents)}")
    print(f"sentences            {sentences}")
    print(f"events (all modal.)  {events}")
    print(f"parse only           {parse_rate:8.1f} sentences per CPU second")
    print(f"dyads end to end     {code_rate:8.1f} sentences per CPU second")
    print(f"ratio end-to-end/parse {code_rate / parse_rate:.3f}  (goal >= 0.8)")
    print(f"peak memory (RSS)    {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
