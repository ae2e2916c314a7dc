"""wordpress: REST API post exports with Polylang and WPML translations."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

from dyads.config import Settings
from dyads.ingest import read
from dyads.model import Document, Reason, Rejection

DATA = Path(__file__).parent.parent / "data"
POSTS = DATA / "wordpress/posts.json"
SITE = "https://president-ksgov.example"


def test_read_wordpress_accounts_for_every_post() -> None:
    items = list(read([POSTS], Settings()))
    assert len(items) == len(json.loads(POSTS.read_text("utf-8")))
    assert Counter(i.reason for i in items if isinstance(i, Rejection)) == {
        Reason.LANGUAGE_NOT_SUPPORTED: 1,
        Reason.EMPTY: 1,
        Reason.MALFORMED: 1,
    }


def test_read_wordpress_polylang_post() -> None:
    first, albanian, *_ = read([POSTS], Settings())
    assert isinstance(first, Document)
    assert first.id == f"{SITE}/?p=41207"
    assert first.url == f"{SITE}/en/president-osmani-received-the-ambassador-of-japan/"
    assert first.title == "President Osmani received the Ambassador of Japan"
    assert first.date == dt.date(2023, 9, 12)
    assert first.lang == "en"
    assert first.translations == (f"{SITE}/?p=41205", f"{SITE}/?p=41206")
    assert "Japan’s support" in first.text and "<p>" not in first.text
    assert isinstance(albanian, Rejection) and albanian.document is not None
    assert f"{SITE}/?p=41207" in albanian.document.translations


def test_read_wordpress_wpml_post() -> None:
    third = list(read([POSTS], Settings()))[2]
    assert isinstance(third, Document)
    assert third.id == f"{SITE}/?p=41190"  # no guid: built from link and id
    assert third.lang == "en"
    assert third.translations == (
        f"{SITE}/presidentja-osmani-takoi-delegacionin-e-kongresit-amerikan/",
        f"{SITE}/sr/predsednica-osmani-se-sastala-sa-delegacijom-kongresa-sad/",
    )
    assert "trackView" not in third.text  # scripts are not text


def test_read_wordpress_and_its_feed_agree_on_ids() -> None:
    items = list(read([POSTS, DATA / "feeds/news.rss"], Settings()))
    duplicates = [
        i.document_id
        for i in items
        if isinstance(i, Rejection) and i.reason is Reason.DUPLICATE
    ]
    assert f"{SITE}/?p=41207" in duplicates


def test_read_wordpress_api_error_and_bad_json(tmp_path: Path) -> None:
    error = tmp_path / "error.json"
    error.write_text('{"code": "rest_forbidden", "message": "Sorry.", "data": {}}')
    broken = tmp_path / "broken.json"
    broken.write_text('[{"id": 1, "content": {"rendered": "<p>Cut')
    first, second = read([error, broken], Settings())
    assert isinstance(first, Rejection) and first.reason is Reason.MALFORMED
    assert "rest_forbidden" in first.detail
    assert isinstance(second, Rejection) and second.reason is Reason.MALFORMED
    assert second.detail.startswith("invalid JSON: ")


def test_read_json_list_of_plain_records(tmp_path: Path) -> None:
    path = tmp_path / "records.json"
    text = (DATA / "texts/02-border-closure.txt").read_text("utf-8")
    path.write_text(json.dumps([{"id": "r1", "text": text, "date": "2023-06-01"}, 7]))
    doc, bad = read([path], Settings())
    assert isinstance(doc, Document) and doc.id == "r1"
    assert (
        isinstance(bad, Rejection)
        and bad.detail == "item 2: expected a JSON object, got int"
    )
