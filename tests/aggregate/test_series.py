"""Periods, labels and series points built from the store's grouped rows."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dyads.aggregate.series import (
    FREQUENCIES,
    build_series,
    period_label,
    period_start,
    periods,
    plover_score,
)
from dyads.errors import ConfigError

D = dt.date


@pytest.mark.parametrize(
    ("freq", "start", "label"),
    [
        ("day", D(2023, 6, 7), "2023-06-07"),
        ("week", D(2023, 6, 5), "2023-W23"),
        ("month", D(2023, 6, 1), "2023-06"),
        ("quarter", D(2023, 4, 1), "2023-Q2"),
        ("year", D(2023, 1, 1), "2023"),
    ],
)
def test_period_start_and_label(freq: str, start: dt.date, label: str) -> None:
    assert period_start(D(2023, 6, 7), freq) == start
    assert period_label(start, freq) == label


@given(
    st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 1, 1)),
    st.sampled_from(FREQUENCIES),
)
def test_period_start_holds_the_day_and_is_idempotent(day: dt.date, freq: str) -> None:
    start = period_start(day, freq)
    assert start <= day
    assert period_start(start, freq) == start
    following = periods(day, day + dt.timedelta(days=400), freq)
    assert following[0] == start
    assert all(a < b for a, b in zip(following, following[1:], strict=False))
    assert len(set(following)) == len(following)


def test_periods_cross_year_ends() -> None:
    assert periods(D(2022, 11, 20), D(2023, 2, 1), "month") == [
        D(2022, 11, 1),
        D(2022, 12, 1),
        D(2023, 1, 1),
        D(2023, 2, 1),
    ]
    assert periods(D(2022, 11, 20), D(2023, 2, 1), "quarter") == [
        D(2022, 10, 1),
        D(2023, 1, 1),
    ]


def test_unknown_frequency_names_the_valid_ones() -> None:
    with pytest.raises(ConfigError, match="fortnight.*day, week, month"):
        period_start(D(2023, 1, 1), "fortnight")


def test_plover_score_uses_mode_scores_when_there_are_some() -> None:
    from dyads.events.ontology import Ontology

    types = Ontology.load().plover_types()
    assert plover_score("CONSULT") == types["CONSULT"]["score"]
    assert plover_score("CONSULT", "visit") == types["CONSULT"]["mode_scores"]["visit"]
    assert plover_score("consult", "no-such-mode") == types["CONSULT"]["score"]
    assert plover_score(None) == 0.0
    assert plover_score("NOT-A-TYPE") == 0.0


def test_build_series_fills_empty_periods_and_sums() -> None:
    rows = [
        {
            "start": D(2023, 1, 1),
            "quad_class": 1,
            "plover": "CONSULT",
            "plover_mode": None,
            "events": 3,
            "goldstein_sum": 3.0,
        },
        {
            "start": D(2023, 1, 1),
            "quad_class": 4,
            "plover": "ASSAULT",
            "plover_mode": None,
            "events": 1,
            "goldstein_sum": -10.0,
        },
        {
            "start": D(2023, 3, 1),
            "quad_class": 3,
            "plover": "ACCUSE",
            "plover_mode": None,
            "events": 2,
            "goldstein_sum": -4.0,
        },
    ]
    points = build_series(rows, "month")
    assert [p.period for p in points] == ["2023-01", "2023-02", "2023-03"]
    january, february, march = points
    assert january.events == 4 and january.quad_classes == (3, 0, 0, 1)
    assert (january.cooperation, january.conflict) == (3, 1)
    assert january.goldstein_sum == pytest.approx(-7.0)
    assert january.goldstein_mean == pytest.approx(-7.0 / 4)
    expected = 3 * plover_score("CONSULT") + plover_score("ASSAULT")
    assert january.plover_score_sum == pytest.approx(expected)
    assert february.events == 0 and february.goldstein_mean is None
    assert march.end == D(2023, 3, 31)


def test_build_series_respects_the_requested_range() -> None:
    points = build_series([], "quarter", D(2022, 12, 31), D(2023, 7, 1))
    assert [p.period for p in points] == ["2022-Q4", "2023-Q1", "2023-Q2", "2023-Q3"]
    assert build_series([], "month") == []
