"""The in-memory event index answers exactly what the SQL queries answer."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyads.api.index import EventIndex
from dyads.store import EventFilter, queries

pytestmark = pytest.mark.issue(4)

PREFIXES = st.sampled_from(
    ["K", "KSV", "KSVGOV", "SRB", "IGO", "IGOWSTNAT", "RUS", "---", "XYZ"]
)


@pytest.fixture(scope="module")
def store(dashboard_db):  # type: ignore[no-untyped-def]
    from dyads.store import open_store

    with open_store(dashboard_db, read_only=True) as opened:
        yield opened


@pytest.fixture(scope="module")
def index(store):  # type: ignore[no-untyped-def]
    return EventIndex(store)


queries_ = st.builds(
    lambda filters, dyad, place: queries.EventQuery(filters, dyad, place),
    st.builds(
        EventFilter.build,
        since=st.sampled_from([None, "2023-03-01", "2023-06-14"]),
        until=st.sampled_from([None, "2023-06-20", "2023-11-30"]),
        actor=st.one_of(st.none(), PREFIXES),
        code=st.sampled_from([None, "0", "04", "112", "19"]),
        root=st.sampled_from([None, "04", "11"]),
        modality=st.sampled_from([None, ["asserted"], ["future", "negated"]]),
    ),
    st.one_of(
        st.none(),
        st.builds(
            queries.Dyad.build, PREFIXES, st.one_of(st.none(), PREFIXES), st.booleans()
        ),
    ),
    st.sampled_from([None, "Brussels", "brussels", "BEL", "bel", "Pristina"]),
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    query=queries_,
    order=st.sampled_from(list(queries.ORDERS)),
    offset=st.integers(0, 12),
)
def test_pages_match_sql(store, index, query, order, offset) -> None:  # type: ignore[no-untyped-def]
    total, ids = index.page(query, 7, offset, order)
    assert total == queries.count_events(store, query)
    expected = queries.list_events(store, query, 7, offset, order)
    assert ids == [row["id"] for row in expected]


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    dyad=st.builds(
        queries.Dyad.build, PREFIXES, st.one_of(st.none(), PREFIXES), st.booleans()
    ),
    freq=st.sampled_from(["day", "week", "month", "quarter", "year"]),
    query=queries_,
)
def test_relation_counts_match_sql(store, index, dyad, freq, query) -> None:  # type: ignore[no-untyped-def]
    from dyads.aggregate.series import plover_score

    expected: dict[tuple, list[float]] = {}  # type: ignore[type-arg]
    for row in queries.relation_counts(store, dyad, freq, query.filters):
        totals = expected.setdefault((row["start"], row["quad_class"]), [0, 0.0, 0.0])
        totals[0] += row["events"]
        totals[1] += row["goldstein_sum"] or 0.0
        totals[2] += row["events"] * plover_score(row["plover"], row["plover_mode"])
    ours = {
        (r["start"], r["quad_class"]): r
        for r in index.relation_counts(dyad, freq, query.filters)
    }
    assert set(ours) == set(expected)
    for key, (events, goldstein, plover) in expected.items():
        assert ours[key]["events"] == events
        assert ours[key]["goldstein_sum"] == pytest.approx(goldstein)
        assert ours[key]["plover_score_sum"] == pytest.approx(plover)


def test_an_empty_store_gives_empty_answers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dyads.store import open_store

    with open_store(tmp_path / "empty.duckdb") as empty:
        index = EventIndex(empty)
    assert index.page(queries.EventQuery(), 10, 0) == (0, [])
    assert index.relation_counts(queries.Dyad("KSV"), "month", EventFilter()) == []
