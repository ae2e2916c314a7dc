"""Event filters mean the same in SQL (the store) and in Python (the exporters)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from dyads.errors import ConfigError
from dyads.model import Coded, Document
from dyads.store import EventFilter, open_store

EVENTS = [
    ("a", "KSVGOV", "IGOWSTNAT", "042", "2023-06-05", "asserted"),
    ("b", "SRBGOV", "KSVGOV", "112", "2023-06-20", "asserted"),
    ("c", "SRBMIL", None, "190", "2023-07-01", "negated"),
    ("d", "USAGOV", "SRBGOV", "0871", None, "future"),
]


@pytest.fixture(scope="module")
def stored(tmp_path_factory, make_event):  # type: ignore[no-untyped-def]
    results = []
    for doc_id, source, target, code, date, modality in EVENTS:
        text = f"Report {doc_id} of an event."
        day = dt.date.fromisoformat(date) if date else None
        event = make_event(
            doc_id, source, target, code, date, text=text, modality=modality
        )
        results.append(Coded(Document(doc_id, text, day), events=(event,)))
    path = tmp_path_factory.mktemp("filters") / "f.duckdb"
    with open_store(path) as store:
        store.add(results)
        yield store


FILTERS = [
    {"since": "2023-06-10"},
    {"until": "2023-06-30"},
    {"actor": "SRB"},
    {"actor": "srbmil"},
    {"code": "1"},
    {"code": "08"},
    {"root": "19"},
    {"modality": "asserted"},
    {"modality": ["negated", "future"]},
    {"since": "2023-06-01", "actor": "KSV", "modality": "asserted"},
]


@pytest.mark.parametrize("values", FILTERS, ids=str)
def test_filter_sql_and_python_agree(stored, values):
    chosen = EventFilter.build(**values)
    everything = list(stored.events())
    in_python = {e.id for e in everything if chosen.accepts(e)}
    in_sql = {e.id for e in stored.events(chosen)}
    assert in_sql == in_python


def test_empty_filter_lets_everything_through(stored):
    assert len(list(stored.events(EventFilter.build()))) == len(EVENTS)


def test_filter_combinations_narrow_down(stored):
    for first, second in itertools.combinations(FILTERS[:7], 2):
        if set(first) & set(second):
            continue
        both = {e.id for e in stored.events(EventFilter.build(**first, **second))}
        alone = {e.id for e in stored.events(EventFilter.build(**first))}
        assert both <= alone


def test_filter_rejects_bad_values():
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        EventFilter.build(since="last week")
    with pytest.raises(ConfigError, match="available: asserted"):
        EventFilter.build(modality="maybe")
