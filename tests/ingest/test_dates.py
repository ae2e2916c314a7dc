"""dates: source date fields parse to dates, or to None, never to a guess."""

from __future__ import annotations

import datetime as dt

import pytest

from dyads.ingest.dates import parse_date

JUNE_7 = dt.date(2023, 6, 7)


@pytest.mark.parametrize(
    "value",
    [
        "2023-06-07",
        "20230607",
        20230607,
        "2023-06-07T23:30:00",
        "2023-06-07T23:30:00Z",
        "2023-06-07T23:30:00+02:00",
        "2023-06-07 08:00:00",
        "Wed, 07 Jun 2023 10:00:00 GMT",
        "Wed, 07 Jun 2023 10:00:00 +0200",
        " 2023-06-07 ",
        JUNE_7,
        dt.datetime(2023, 6, 7, 12),
    ],
)
def test_parse_date_accepts_source_formats(value: object) -> None:
    assert parse_date(value) == JUNE_7


@pytest.mark.parametrize(
    "value",
    [
        "",
        "tomorrow",
        "2023-02-30",
        "20231340",
        "0000-00-00",
        "07/06/2023",
        None,
        3.5,
        True,
        [2023, 6, 7],
    ],
)
def test_parse_date_gives_none_rather_than_a_guess(value: object) -> None:
    assert parse_date(value) is None
