import datetime as dt

import pytest

from dyads.resolve.dates import resolve_date

RELEASE = dt.date(2023, 6, 28)  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The President received the ambassador today.", dt.date(2023, 6, 28)),
        ("Ministers met yesterday in Brussels.", dt.date(2023, 6, 27)),
        ("On Monday, the two leaders signed the accord.", dt.date(2023, 6, 26)),
        ("Police arrested the suspects last week.", dt.date(2023, 6, 21)),
        ("The delegation arrived on 12 March.", dt.date(2023, 3, 12)),
        ("Talks resumed on March 30, 2021 in Geneva.", dt.date(2021, 3, 30)),
    ],
)
def test_resolve_date_reads_sentence_expressions(
    sentence: str, expected: dt.date
) -> None:
    assert resolve_date(sentence, RELEASE).date == expected


def test_resolve_date_without_document_date_invents_nothing() -> None:
    assert resolve_date("The minister arrived today.", None).date is None
    assert resolve_date("They met on Tuesday.", None).date is None


def test_resolve_date_with_full_date_dates_undated_documents() -> None:
    assert resolve_date("They met on 4 July 2022.", None).date == dt.date(2022, 7, 4)


def test_resolve_date_day_after_release_means_last_year() -> None:
    january = dt.date(2024, 1, 5)
    assert resolve_date("The talks of 28 December failed.", january).date == dt.date(
        2023, 12, 28
    )


def test_resolve_date_marks_old_years_historical() -> None:
    result = resolve_date("In 1999 NATO bombed Yugoslavia.", RELEASE)
    assert result.historical
    assert result.date is None


def test_resolve_date_defaults_to_document_date() -> None:
    assert resolve_date("Serbia threatens Kosovo.", RELEASE).date == RELEASE
