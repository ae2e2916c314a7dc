"""csv: CSV corpora, one Document or Rejection per row."""

from __future__ import annotations

import datetime as dt
import gzip
from collections import Counter
from pathlib import Path

from dyads.config import Settings
from dyads.ingest import read
from dyads.model import Document, Reason, Rejection

DATA = Path(__file__).parent.parent / "data"
NEWS = DATA / "corpora/news.csv"
ROWS = 8  # data rows in news.csv, one of them over two lines


def test_read_csv_accounts_for_every_row() -> None:
    items = list(read([NEWS], Settings()))
    documents = [i for i in items if isinstance(i, Document)]
    reasons = Counter(i.reason for i in items if isinstance(i, Rejection))
    assert len(items) == ROWS
    assert len(documents) == 3
    assert reasons == {
        Reason.EMPTY: 1,
        Reason.LANGUAGE_NOT_SUPPORTED: 1,
        Reason.DUPLICATE: 1,
        Reason.MALFORMED: 2,
    }


def test_read_csv_fields_and_multiline_text() -> None:
    docs = {d.id: d for d in read([NEWS], Settings()) if isinstance(d, Document)}
    first = docs["csv-1"]
    assert first.date == dt.date(2023, 4, 3)
    assert first.url == "https://example.org/csv-1"
    assert first.title == "Croatian PM in Sarajevo"
    second = docs["csv-2"]
    assert second.date == dt.date(2023, 10, 31)
    assert second.text.startswith("Montenegro's parliament") and "\n" in second.text
    assert second.url is None and second.title is None


def test_read_csv_names_bad_rows() -> None:
    rejections = [i for i in read([NEWS], Settings()) if isinstance(i, Rejection)]
    details = {r.reason: r.detail for r in rejections}
    assert details[Reason.DUPLICATE] == (
        "line 7: duplicate id csv-1, first seen at line 2"
    )
    assert "Serbian (sr)" in details[Reason.LANGUAGE_NOT_SUPPORTED]
    malformed = [r.detail for r in rejections if r.reason is Reason.MALFORMED]
    assert malformed == [
        "line 9: no 'text' field",
        "line 10: bad CSV: unexpected end of data",
    ]


def test_read_csv_without_text_column_rejects_each_row(tmp_path: Path) -> None:
    path = tmp_path / "notext.csv"
    path.write_text("id,body\n1,Talks in Brussels\n2,Talks in Skopje\n", "utf-8")
    items = list(read([path], Settings()))
    assert [i.reason for i in items if isinstance(i, Rejection)] == [
        Reason.MALFORMED,
        Reason.MALFORMED,
    ]


def test_read_csv_gz_and_bad_bytes_in_one_row(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv.gz"
    good = (
        "Bosnia's presidency met the High Representative in Sarajevo and "
        "discussed the electoral law reform demanded by the European Union."
    )
    body = b"id,text\n" + f"a,{good}\n".encode() + b"b,caf\xe9 talks\n"
    body += f"c,{good.replace('Sarajevo', 'Mostar')}\n".encode()
    path.write_bytes(gzip.compress(body))
    a, b, c = read([path], Settings())
    assert isinstance(a, Document) and isinstance(c, Document)
    assert isinstance(b, Rejection) and b.reason is Reason.INVALID_ENCODING
    assert b.detail == "line 3: invalid UTF-8 byte 0xe9 in column 'text'"


def test_read_csv_long_field(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    text = (DATA / "texts/02-border-closure.txt").read_text("utf-8").strip()
    long_text = " ".join([text] * 600)  # ~200,000 characters, over csv's default limit
    path.write_text(f'id,text\nlong,"{long_text}"\n', "utf-8")
    (doc,) = read([path], Settings())
    assert isinstance(doc, Document) and len(doc.text) > 131072
