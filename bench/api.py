"""Latency of /api/relations and /api/events over a store of a million events (#4).

    .venv/bin/python bench/api.py [--events 1000000] [--requests 200] [--keep PATH]

Builds a store in the real schema (``open_store`` applies the migrations) and
fills it with generated rows in DuckDB SQL: one event and one mention per row,
a document per ten events, actors drawn from sixty codes, CAMEO codes with
their real QuadClass, Goldstein and PLOVER type, dates over ten years. No text
is coded: this measures the reads, not the coder. It then serves the real app
with uvicorn on a free port and times requests with varied filters through
one keep-alive HTTP client, printing p50/p95/max per endpoint. The goal is a
95th percentile of at most 100 ms.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import sys
import threading
import time
from pathlib import Path
from tempfile import TemporaryDirectory

GOAL_MS = 100.0
COUNTRIES = [
    "KSV",
    "SRB",
    "USA",
    "RUS",
    "UKR",
    "FRA",
    "DEU",
    "GBR",
    "CHN",
    "TUR",
    "ALB",
    "MKD",
    "BIH",
    "HRV",
    "MNE",
]
SECTORS = ["GOV", "COP", "MIL", "CVL"]
IGOS = ["IGOWSTNAT", "IGOEUREEC", "IGOUNO", "IGOEUROSC"]


def _codes() -> list[dict[str, object]]:
    from dyads.events.ontology import Ontology

    return [
        {
            "code": c.code,
            "root": c.root,
            "quad_class": c.quad_class,
            "goldstein": c.goldstein,
            "plover": c.plover,
            "plover_mode": c.plover_mode,
        }
        for c in Ontology.load().codes()
    ]


def _fill(con, n: int) -> None:  # type: ignore[no-untyped-def]
    """Insert ``n`` generated events, mentions and documents in SQL."""
    import pyarrow as pa

    actors = [c + s for c in COUNTRIES for s in SECTORS] + IGOS
    con.register(
        "gen_actors", pa.table({"i": list(range(len(actors))), "code": actors})
    )
    codes = _codes()
    con.register(
        "gen_codes",
        pa.table(
            {
                "i": list(range(len(codes))),
                **{k: [c[k] for c in codes] for k in codes[0]},
            }
        ),
    )
    n_actors, n_codes = len(actors), len(codes)
    con.execute(f"""
        CREATE TEMP TABLE gen AS
        SELECT r AS n,
               'ev-' || lpad(r::VARCHAR, 12, '0') AS event_id,
               'me-' || lpad(r::VARCHAR, 12, '0') AS mention_id,
               'doc-' || lpad((r // 10)::VARCHAR, 10, '0') AS document_id,
               DATE '2015-01-01' + (hash(r, 'd') % 3650)::INTEGER AS date,
               (hash(r, 's') % {n_actors})::INTEGER AS s,
               ((hash(r, 's') % {n_actors}) + 1 + hash(r, 't') % ({n_actors} - 1))
                   % {n_actors} AS t,
               (hash(r, 'c') % {n_codes})::INTEGER AS c,
               CASE WHEN hash(r, 'm') % 10 = 0 THEN 'future' ELSE 'asserted' END
                   AS modality,
               (1 + hash(r, 'k') % 3)::INTEGER AS mentions
        FROM range({n}) t(r)
    """)
    columns = {
        table: dict(
            con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = ? ORDER BY ordinal_position",
                [table],
            ).fetchall()
        )
        for table in ("documents", "events", "mentions")
    }
    common = {
        "date": "g.date",
        "source_code": "sa.code",
        "source_name": "sa.code",
        "source_country": "left(sa.code, 3)",
        "source_sector": "substr(sa.code, 4)",
        "target_code": "ta.code",
        "target_name": "ta.code",
        "target_country": "left(ta.code, 3)",
        "target_sector": "substr(ta.code, 4)",
        "code": "gc.code",
        "root": "gc.root",
        "quad_class": "gc.quad_class",
        "goldstein": "gc.goldstein",
        "plover": "gc.plover",
        "plover_mode": "gc.plover_mode",
        "modality": "g.modality",
        "place_name": "CASE WHEN g.n % 4 = 0 THEN 'Brussels' END",
        "place_country": "CASE WHEN g.n % 4 = 0 THEN 'BEL' END",
        "coder": "'dyads.rules.v1'",
        "first_run": "1",
        "run_id": "1",
    }
    values = {
        "events": {
            **common,
            "id": "g.event_id",
            "match_key": "g.event_id",
            "num_mentions": "g.mentions",
            "num_documents": "1",
            "num_sources": "1",
            "first_mention_id": "g.mention_id",
            "first_document_id": "g.document_id",
        },
        "mentions": {
            **common,
            "id": "g.mention_id",
            "event_id": "g.event_id",
            "document_id": "g.document_id",
            "sentence_index": "0",
            "source_start": "0",
            "source_end": "6",
            "source_text": "sa.code",
            "source_rule": "'bench'",
            "target_start": "15",
            "target_end": "21",
            "target_text": "ta.code",
            "target_rule": "'bench'",
            "trigger_start": "7",
            "trigger_end": "14",
            "trigger_text": "'trigger'",
            "sentence_start": "0",
            "sentence_end": "22",
            "sentence_text": "sa.code || ' trigger ' || ta.code || '.'",
            "rule_id": "'bench'",
            "dictionary_entries": "['bench']",
            "confidence": "0.5",
            "join_reason": "'new event'",
        },
    }
    joins = (
        "FROM gen g JOIN gen_actors sa ON sa.i = g.s "
        "JOIN gen_actors ta ON ta.i = g.t JOIN gen_codes gc ON gc.i = g.c"
    )
    for table in ("events", "mentions"):
        select = [
            values[table].get(name, _filler(kind))
            for name, kind in columns[table].items()
        ]
        con.execute(
            f"INSERT INTO {table} ({', '.join(columns[table])}) "
            f"SELECT {', '.join(select)} {joins}"
        )
    documents = {
        "id": "document_id",
        "content_hash": "md5(document_id)",
        "text": "'Generated document ' || document_id",
        "title": "document_id",
        "date": "min(date)",
        "lang": "'en'",
        "source": "'bench'",
        "status": "'coded'",
        "first_run": "1",
    }
    select = [
        documents.get(name, _filler(kind))
        for name, kind in columns["documents"].items()
    ]
    con.execute(
        f"INSERT INTO documents ({', '.join(columns['documents'])}) "
        f"SELECT {', '.join(select)} FROM gen GROUP BY document_id"
    )
    con.execute("DROP TABLE gen")


def _filler(kind: str) -> str:
    """A value for a column this script does not know (a newer schema)."""
    if kind.endswith("[]"):
        return "[]"
    if kind in ("VARCHAR",):
        return "''"
    if kind in ("DATE", "TIMESTAMP"):
        return "NULL"
    return "0"


def _requests(count: int, seed: int) -> dict[str, list[dict[str, object]]]:
    """Varied query strings for both endpoints (same seed, same requests)."""
    rng = random.Random(seed)
    prefixes = COUNTRIES[:8] + ["IGOWSTNAT", "IGO", "KSVGOV", "SRBCOP"]
    relations, events = [], []
    for _ in range(count):
        source, target = rng.sample(prefixes, 2)
        year = rng.randint(2015, 2023)
        relations.append(
            {
                "source": source,
                "target": rng.choice([target, None]),
                "freq": rng.choice(["week", "month", "quarter", "year"]),
                "both": rng.choice(["true", "false"]),
                **rng.choice(
                    [{}, {"since": f"{year}-01-01", "until": f"{year + 1}-06-30"}]
                ),
            }
        )
        events.append(
            rng.choice(
                [
                    {},
                    {"actor": source},
                    {"dyad": f"{source},{target}", "both": "true"},
                    {"source": source, "target": target, "order": "-date"},
                    {"code": rng.choice(["04", "112", "19", "05"]), "actor": source},
                    {
                        "root": rng.choice(["04", "11", "19"]),
                        "since": f"{year}-03-01",
                        "until": f"{year}-09-30",
                    },
                    {"place": "BEL", "modality": "future"},
                    {
                        "actor": source,
                        "offset": rng.randint(0, 2000),
                        "order": "mentions",
                    },
                ]
            )
        )
    for query in relations:
        if query["target"] is None:
            del query["target"]
    return {"/api/relations": relations, "/api/events": events}


def _serve(app):  # type: ignore[no-untyped-def]
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="Build (or reuse) the store at this path instead of a temp one.",
    )
    args = parser.parse_args()

    import httpx

    from dyads.api import create_app
    from dyads.config import Settings
    from dyads.store import open_store

    with TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "bench.duckdb"
        if not path.exists():
            started = time.perf_counter()
            with open_store(path) as store:
                _fill(store.connection, args.events)
                counts = store.counts()
            print(
                f"built {path.name}: {counts['events']:,} events, "
                f"{counts['mentions']:,} mentions, {counts['documents']:,} documents "
                f"in {time.perf_counter() - started:.1f} s"
            )
        app = create_app(Settings(db=str(path)))
        server, thread, base = _serve(app)
        failed = False
        try:
            with httpx.Client(base_url=base, timeout=30) as client:
                # warm up: the connection, and the index the server builds at start
                client.get("/api/events").raise_for_status()
                client.get(
                    "/api/relations", params={"source": "KSV"}
                ).raise_for_status()
                for endpoint, queries in _requests(args.requests, 4).items():
                    times = []
                    for query in queries:
                        started = time.perf_counter()
                        response = client.get(endpoint, params=query)
                        times.append((time.perf_counter() - started) * 1000)
                        response.raise_for_status()
                    times.sort()
                    p50 = statistics.median(times)
                    p95 = times[max(0, int(round(0.95 * len(times))) - 1)]
                    verdict = "ok" if p95 <= GOAL_MS else "OVER GOAL"
                    failed |= p95 > GOAL_MS
                    print(
                        f"{endpoint:16} {len(times)} requests  p50 {p50:6.1f} ms  "
                        f"p95 {p95:6.1f} ms  max {times[-1]:6.1f} ms  "
                        f"(goal p95 <= {GOAL_MS:.0f} ms: {verdict})"
                    )
        finally:
            server.should_exit = True
            thread.join(10)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
