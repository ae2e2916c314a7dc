"""Writing batches: documents once, events with their mentions, rejections."""

from __future__ import annotations

import datetime as dt

from dyads.model import Coded, Document, Reason, Rejection
from dyads.store import EventFilter, open_store

DAY = dt.date(2023, 6, 5)


def _coded(make_event, document_id, text, source, target, code="042", day=DAY):  # type: ignore[no-untyped-def]
    document = Document(document_id, text, day, url=f"https://{document_id}.example/r")
    event = make_event(document_id, source, target, code, day.isoformat(), text=text)
    return Coded(document, events=(event,))


def _snapshot(store):  # type: ignore[no-untyped-def]
    return {
        table: store.rows(
            f"SELECT * EXCLUDE (rowid) FROM (SELECT *, rowid FROM {table}) ORDER BY id"
        )
        for table in ("documents", "events", "mentions", "rejections")
    }


def test_add_twice_leaves_the_store_unchanged(tmp_path, make_event):
    results = [
        _coded(make_event, "a", "Osmani met Stoltenberg.", "KSVGOV", "IGOWSTNAT"),
        Rejection("empty.txt", Reason.EMPTY, "no text", "empty.txt"),
    ]
    with open_store(tmp_path / "s.duckdb") as store:
        store.add(results)
        before = _snapshot(store)
        counts = store.add(results)
        assert counts.skipped == 1 and counts.coded == 0
        assert _snapshot(store) == before


def test_add_stores_identical_text_once(tmp_path, make_event):
    text = "Osmani met Stoltenberg."
    with open_store(tmp_path / "s.duckdb") as store:
        store.add([_coded(make_event, "a", text, "KSVGOV", "IGOWSTNAT")])
        counts = store.add([_coded(make_event, "b", text, "KSVGOV", "IGOWSTNAT")])
        assert counts.rejections_by_reason == {"duplicate": 1}
        assert store.counts()["documents"] == 1
        assert store.counts()["mentions"] == 1


def test_add_joins_reports_and_counts_them(tmp_path, make_event):
    with open_store(tmp_path / "s.duckdb") as store:
        store.add(
            [_coded(make_event, "a", "Osmani met Stoltenberg.", "KSVGOV", "IGOWSTNAT")]
        )
        store.add(
            [
                _coded(
                    make_event,
                    "b",
                    "Stoltenberg received Osmani.",
                    "IGOWSTNAT",
                    "KSVGOV",
                )
            ]
        )
        (event,) = store.events()
        assert (event.num_mentions, event.num_documents, event.num_sources) == (2, 2, 2)
        assert [m.event.document_id for m in event.mentions] == ["a", "b"]
        assert event.mentions[0].join_reason == "new event"
        assert event.mentions[1].join_reason.startswith(f"joins {event.id}")
        assert event.mentions[1].sentence_text == "Stoltenberg received Osmani."


def test_add_rejection_keeps_its_document(tmp_path):
    document = Document("sq", "Presidentja Osmani u prit sot në takim.", DAY)
    rejection = Rejection("sq", Reason.LANGUAGE_NOT_SUPPORTED, "sq", "sq.txt", document)
    with open_store(tmp_path / "s.duckdb") as store:
        store.add([rejection])
        assert store.document("sq") == document
        assert store.rejection_counts() == {"language_not_supported": 1}


def test_events_filters_by_actor_date_and_code(tmp_path, make_event):
    later = dt.date(2023, 9, 1)
    with open_store(tmp_path / "s.duckdb") as store:
        store.add(
            [
                _coded(
                    make_event, "a", "Osmani met Stoltenberg.", "KSVGOV", "IGOWSTNAT"
                ),
                _coded(
                    make_event,
                    "b",
                    "Vucic accused Kurti.",
                    "SRBGOV",
                    "KSVGOV",
                    "112",
                    later,
                ),
            ]
        )
        assert {e.code for e in store.events(EventFilter.build(actor="srb"))} == {"112"}
        assert {
            e.code for e in store.events(EventFilter.build(since="2023-08-01"))
        } == {"112"}
        assert {e.code for e in store.events(EventFilter.build(code="04"))} == {"042"}
        assert len(list(store.events(EventFilter.build(actor="KSV")))) == 2
        assert len(list(store.events(limit=1))) == 1
