"""Every export format writes what its readers expect (pandas, pyarrow, json)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

from dyads.errors import UnknownNameError
from dyads.export import formats, to_text, write
from dyads.export.tables import columns
from dyads.model import Coded, Document
from dyads.store import open_store

TEXT = "Osmani met Stoltenberg at the NATO headquarters."
BRUSSELS = ("NATO headquarters", "BEL", 50.8794, 4.425, "facility")


@pytest.fixture()
def records(tmp_path, make_event):  # type: ignore[no-untyped-def]
    day = dt.date(2023, 6, 5)
    results = []
    for doc_id, source, target, code, date, place in [
        ("a", "KSVGOV", "IGOWSTNAT", "042", day, BRUSSELS),
        ("b", "IGOWSTNAT", "KSVGOV", "043", day, None),
        ("c", "SRBGOV", "KSVGOV", "112", day + dt.timedelta(days=30), None),
        ("d", "SRBGOV", None, "010", None, None),
    ]:
        text = f"{TEXT} ({doc_id})"
        document = Document(doc_id, text, date, url=f"https://{doc_id}.example/r")
        event = make_event(
            doc_id,
            source,
            target,
            code,
            date and date.isoformat(),
            text=text,
            place=place,
        )
        results.append(Coded(document, events=(event,)))
    with open_store(tmp_path / "s.duckdb") as store:
        store.add(results)
        return list(store.events())


def test_formats_lists_the_builtin_exporters():
    assert {
        "jsonl",
        "csv",
        "parquet",
        "gdelt",
        "gdelt-mentions",
        "plover",
        "icews",
    } <= set(formats())


def test_write_unknown_format_lists_the_valid_ones(records):
    with pytest.raises(UnknownNameError, match="available: .*gdelt"):
        to_text(records, "gdlet")


@pytest.mark.issue(3)
def test_gdelt_loads_with_pandas_under_the_61_codebook_names(records):
    names = columns("gdelt2-events-columns.tsv")
    assert len(names) == 61
    frame = pd.read_csv(
        io.StringIO(to_text(records, "gdelt")),
        sep="\t",
        header=None,
        names=names,
        dtype={"EventCode": str, "EventRootCode": str, "EventBaseCode": str},
    )
    assert len(frame) == len(records) == 3  # a and b report one meeting
    assert frame.shape[1] == 61
    meeting = frame[frame["EventRootCode"] == "04"].iloc[0]
    assert meeting["NumMentions"] == 2 and meeting["NumArticles"] == 2
    assert meeting["ActionGeo_CountryCode"] == "BE"  # FIPS, not ISO
    assert meeting["ActionGeo_Type"] == 4
    assert meeting["SQLDATE"] == 20230605
    assert frame["GLOBALEVENTID"].is_unique


def test_gdelt_mentions_has_16_columns_and_one_row_per_mention(records):
    names = columns("gdelt2-mentions-columns.tsv")
    frame = pd.read_csv(
        io.StringIO(to_text(records, "gdelt-mentions")),
        sep="\t",
        header=None,
        names=names,
    )
    assert frame.shape == (sum(len(r.mentions) for r in records), 16)
    assert set(frame["MentionSourceName"]) == {f"{d}.example" for d in "abcd"}
    events = pd.read_csv(
        io.StringIO(to_text(records, "gdelt")),
        sep="\t",
        header=None,
        names=columns("gdelt2-events-columns.tsv"),
    )
    assert set(frame["GLOBALEVENTID"]) == set(events["GLOBALEVENTID"])


@pytest.mark.issue(3)
def test_plover_records_have_the_required_fields(records):
    from dyads.events.ontology import Ontology

    types = set(Ontology.load().plover_types())
    lines = to_text(records, "plover").splitlines()
    assert len(lines) == 2  # the undated event cannot be a PLOVER record
    for line in lines:
        record = json.loads(line)
        assert isinstance(record["id"], str) and record["id"]
        assert dt.date.fromisoformat(record["date"])
        assert isinstance(record["actor"], list) and record["actor"]
        assert all(
            isinstance(a["code"], str) and len(a["code"]) == 3 for a in record["actor"]
        )
        assert isinstance(record["event"], list) and set(record["event"]) <= types
        assert record["quad_code"] in {1, 2, 3, 4}
    meeting = json.loads(next(x for x in lines if '"CONSULT"' in x))
    assert len(meeting["actor"]) == 2 and "recipient" not in meeting  # reciprocal
    assert {a["code"] for a in meeting["actor"]} == {"KOS", "IGO"}


def test_csv_and_parquet_have_the_same_flat_columns(records, tmp_path):
    rows = list(csv.DictReader(io.StringIO(to_text(records, "csv"))))
    write(records, tmp_path / "e.parquet", "parquet")
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.column_names == list(rows[0])
    assert table.num_rows == len(rows) == len(records)
    assert str(table.schema.field("date").type) == "date32[day]"


def test_icews_has_the_header_and_country_names(records):
    frame = pd.read_csv(io.StringIO(to_text(records, "icews")), sep="\t", dtype=str)
    assert list(frame.columns) == list(columns("icews-columns.tsv"))
    accuse = frame[frame["CAMEO Code"] == "112"].iloc[0]
    assert accuse["Source Country"] == "Serbia"
    assert accuse["Source Sectors"] == "Government"


def test_write_filters_like_the_store(records):
    assert len(to_text(records, "jsonl", actor="SRB").splitlines()) == 2
    assert len(to_text(records, "jsonl", since="2023-07-01").splitlines()) == 1
    assert len(to_text(records, "jsonl", root="04").splitlines()) == 1


def test_jsonl_keeps_every_mention_with_its_evidence(records):
    meeting = next(
        json.loads(x) for x in to_text(records, "jsonl").splitlines() if '"042"' in x
    )
    assert len(meeting["mentions"]) == 2
    first = meeting["mentions"][0]
    assert first["sentence"]["text"].startswith("Osmani met Stoltenberg")
    assert first["place"]["name"] == "NATO headquarters"
    assert meeting["mentions"][1]["join_reason"].startswith("joins ")


@pytest.mark.issue(3)
def test_plover_records_validate_against_the_record_schema(records):
    from dyads.export.plover import validator

    lines = to_text(records, "plover").splitlines()
    assert lines
    for line in lines:
        validator().validate(json.loads(line))


def test_write_coded_events_without_a_store(make_event):
    text = "Osmani met Stoltenberg at the NATO headquarters."
    document = Document("x", text, dt.date(2023, 6, 5), url="https://x.example/1")
    event = make_event("x", "KSVGOV", "IGOWSTNAT", "042", "2023-06-05", text=text)
    out = io.StringIO()
    assert write([event], out, "jsonl", documents={"x": document}) == 1
    record = json.loads(out.getvalue())
    assert record["id"] == event.id and record["num_mentions"] == 1
    assert record["mentions"][0]["sentence"]["text"] == text
    assert record["mentions"][0]["document"]["url"] == "https://x.example/1"
