"""The cooperation-conflict index, its interval, shifts, and relations from a store."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dyads.aggregate import balance, flag_shifts, relation
from dyads.aggregate.series import SeriesPoint
from dyads.errors import ConfigError
from dyads.model import Coded, Document

pytestmark = pytest.mark.issue(4)

counts = st.integers(min_value=0, max_value=5000)


@given(counts, counts)
def test_index_lies_in_its_interval_within_bounds(coop: int, conflict: int) -> None:
    b = balance(coop, conflict)
    assert -1.0 <= b.low <= b.index <= b.high <= 1.0
    if coop + conflict:
        assert b.raw == pytest.approx((coop - conflict) / (coop + conflict), abs=1e-6)
        assert abs(b.index) <= abs(b.raw) + 1e-9  # shrunk towards 0


@given(counts, counts)
def test_interval_narrows_as_counts_grow(coop: int, conflict: int) -> None:
    assert balance(coop * 4, conflict * 4).width <= balance(coop, conflict).width + 1e-9


def test_no_events_means_nothing_is_known() -> None:
    b = balance(0, 0)
    assert (b.index, b.low, b.high, b.raw) == (0.0, -1.0, 1.0, None)


def test_one_event_is_pulled_towards_zero() -> None:
    one, many = balance(1, 0), balance(100, 0)
    assert 0 < one.index < 0.5 < many.index
    assert one.low < 0 < many.low
    assert balance(0, 1).index == -one.index


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError):
        balance(-1, 0)


def _point(label: str, coop: int, conflict: int) -> SeriesPoint:
    day = dt.date(2023, 1, 1)
    return SeriesPoint(
        day, day, label, coop + conflict, (coop, 0, conflict, 0), 0.0, 0.0
    )


def test_shifts_are_flagged_against_the_last_period_with_events() -> None:
    flagged = flag_shifts(
        [
            _point("a", 20, 0),
            _point("b", 0, 0),
            _point("c", 0, 20),
            _point("d", 1, 0),
            _point("e", 10, 10),
        ]
    )
    # one cooperative event after twenty conflictual ones leaves their interval too
    assert [p.shift for p in flagged] == [None, None, "down", "up", None]
    back_up = flag_shifts([_point("a", 0, 30), _point("b", 30, 0)])
    assert [p.shift for p in back_up] == [None, "up"]


@pytest.fixture()
def relation_store(tmp_path, make_event):  # type: ignore[no-untyped-def]
    """Hand-made events: two reports of one meeting, later Serbian accusations."""
    from dyads.store import open_store

    text = "Osmani met Stoltenberg. Vucic accused Kosovo."

    def coded(doc_id, date, *events):  # type: ignore[no-untyped-def]
        document = Document(doc_id, text + " " + doc_id, dt.date.fromisoformat(date))
        return Coded(
            document,
            events=tuple(
                dataclasses.replace(
                    make_event(doc_id, *e, text=text, index=i),
                    quad_class=q,
                    goldstein=g,
                    plover=p,
                )
                for i, (e, q, g, p) in enumerate(events)
            ),
        )

    meeting = (("KSVGOV", "IGOWSTNAT", "040", "2023-01-10"), 1, 1.0, "CONSULT")
    store = open_store(tmp_path / "r.duckdb")
    store.add(
        [
            coded("a", "2023-01-10", meeting),
            coded("b", "2023-01-10", meeting),  # the same meeting reported again
            coded(
                "c",
                "2023-03-02",
                (("SRBGOV", "KSVGOV", "112", "2023-03-02"), 3, -2.0, "ACCUSE"),
                (("KSVCOP", "SRBCVL", "173", "2023-03-02"), 4, -5.0, "COERCE"),
            ),
            coded(
                "d",
                "2023-03-05",
                (("IGOWSTNAT", "KSVGOV", "051", "2023-03-05"), 1, 3.4, "SUPPORT"),
            ),
        ]
    )
    yield store
    store.close()


def test_relation_counts_events_not_mentions(relation_store) -> None:  # type: ignore[no-untyped-def]
    assert relation_store.counts()["mentions"] > relation_store.counts()["events"]
    found = relation(relation_store, "KSV", "IGOWSTNAT", freq="month")
    assert [p.point.period for p in found.points] == ["2023-01"]
    assert found.points[0].point.events == 1
    both = relation(relation_store, "KSV", "IGOWSTNAT", freq="month", both=True)
    assert [p.point.events for p in both.points] == [1, 0, 1]
    assert both.to_dict()["events"] == 2


def test_relation_prefixes_and_everyone(relation_store) -> None:  # type: ignore[no-untyped-def]
    ksv = relation(relation_store, "ksv", None, freq="year")
    assert ksv.points[0].point.events == 2  # KSVGOV and KSVCOP as source
    toward = relation(relation_store, "KSV", None, freq="year", both=True)
    assert toward.points[0].point.events == 4
    conflict = relation(relation_store, "SRB", "KSV", freq="quarter")
    assert conflict.points[0].point.quad_classes == (0, 0, 1, 0)
    assert conflict.points[0].balance.index < 0


def test_relation_range_and_modality(relation_store) -> None:  # type: ignore[no-untyped-def]
    found = relation(
        relation_store,
        "KSV",
        "SRB",
        freq="month",
        both=True,
        since="2023-01-01",
        until="2023-06-30",
    )
    assert [p.point.period for p in found.points][0] == "2023-01"
    assert len(found.points) == 6
    assert relation(relation_store, "KSV", "IGO", modality=["future"]).points == ()


def test_relation_refuses_bad_input(relation_store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError, match="fortnight"):
        relation(relation_store, "KSV", "SRB", freq="fortnight")
    with pytest.raises(ConfigError, match="code prefix"):
        relation(relation_store, "KSV; DROP", "SRB")
    with pytest.raises(ConfigError, match="date"):
        relation(relation_store, "KSV", since="June")
