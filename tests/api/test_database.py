"""Reads share one read-only connection; a write waits for them and is seen at once."""

from __future__ import annotations

import threading
import time

from dyads.api.database import Database
from dyads.model import Coded, Document


def test_reads_are_read_only_and_see_each_write(tmp_path, make_event) -> None:  # type: ignore[no-untyped-def]
    database = Database(tmp_path / "s.duckdb")
    database.ensure()
    with database.read() as store:
        assert store.read_only and store.counts()["events"] == 0
    assert database.index().size == 0
    text = "Osmani met Stoltenberg."
    event = make_event("d1", "KSVGOV", "IGOWSTNAT", "040", "2023-06-05", text=text)
    with database.write() as store:
        store.add([Coded(Document("d1", text), events=(event,))])
    with database.read() as store:
        assert store.counts()["events"] == 1
    assert database.index().size == 1  # rebuilt after the write
    database.close()


def test_a_write_waits_for_reads_in_flight(tmp_path) -> None:  # type: ignore[no-untyped-def]
    database = Database(tmp_path / "w.duckdb")
    database.ensure()
    order: list[str] = []

    def write() -> None:
        with database.write():
            order.append("write")

    with database.read():
        writer = threading.Thread(target=write)
        writer.start()
        time.sleep(0.2)
        order.append("read done")
    writer.join(5)
    assert order == ["read done", "write"]
    database.close()
