"""Throughput of dyads: spaCy parsing alone versus coding end to end, in one run.

Prints sentences per second for both, their ratio (the issue asks for >= 0.8:
coding may add at most a quarter to the parse), events found and peak memory.

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
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds of each")
    args = parser.parse_args()
    records = list(corpus(args.docs))
    documents = [Document(id=r["id"], text=r["text"]) for r in records]
    coder = Coder(Settings())
    sentences = sum(1 for d in parse(coder.nlp, [documents[0].text]) for _ in d.sents)
    coder.code_text(documents[0].text)  # warm caches of both paths
    parse_times, code_times = [], []
    events = 0
    for _ in range(args.rounds):
        start = time.perf_counter()
        sentences = sum(1 for d in parse(coder.nlp, (d.text for d in documents), 64) for _ in d.sents)
        parse_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        events = sum(len(r.events) for r in coder.code_documents(documents) if isinstance(r, Coded))
        code_times.append(time.perf_counter() - start)
    parse_rate = sentences / min(parse_times)
    code_rate = sentences / min(code_times)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents            {len(documents)}")
    print(f"sentences            {sentences}")
    print(f"events (all modal.)  {events}")
    print(f"parse only           {parse_rate:8.1f} sentences/s")
    print(f"dyads end to end     {code_rate:8.1f} sentences/s")
    print(f"ratio end-to-end/parse {code_rate / parse_rate:.3f}  (goal >= 0.8)")
    print(f"peak memory (RSS)    {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
