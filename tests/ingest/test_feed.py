"""feed: RSS and Atom from files and URLs; entries become Documents or Rejections."""

from __future__ import annotations

import datetime as dt
import http.server
import socket
import threading
from collections import Counter
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from dyads.config import Settings
from dyads.ingest import read
from dyads.model import Document, Reason, Rejection

DATA = Path(__file__).parent.parent / "data"
RSS = DATA / "feeds/news.rss"
ATOM = DATA / "feeds/news.atom"


def _reasons(items: list[Document | Rejection]) -> Counter[Reason]:
    return Counter(i.reason for i in items if isinstance(i, Rejection))


def test_read_rss_accounts_for_every_item() -> None:
    items = list(read([RSS], Settings()))
    assert len(items) == RSS.read_text("utf-8").count("<item>")
    assert _reasons(items) == {Reason.EMPTY: 1}


def test_read_rss_fields() -> None:
    first, second, third, _ = read([RSS], Settings())
    assert isinstance(first, Document)
    assert first.id == "https://president-ksgov.example/?p=41207"
    assert first.url is not None and first.url.endswith("ambassador-of-japan/")
    assert first.title == "President Osmani received the Ambassador of Japan"
    assert first.date == dt.date(2023, 9, 12)
    assert (
        "recognising the independence of Kosovo in 2008" in first.text
    )  # full content
    assert "<p>" not in first.text and "&#8217;" not in first.text
    assert isinstance(second, Document)
    assert second.date == dt.date(2023, 9, 11)  # as written, not shifted to UTC
    assert isinstance(third, Document)
    assert third.id == third.url  # no guid: the link
    assert third.date is None  # "someday soon"


def test_read_atom_accounts_for_every_entry() -> None:
    items = list(read([ATOM], Settings()))
    assert len(items) == ATOM.read_text("utf-8").count("<entry>")
    assert _reasons(items) == {Reason.LANGUAGE_NOT_SUPPORTED: 1, Reason.DUPLICATE: 1}
    first = items[0]
    assert isinstance(first, Document)
    assert first.id == "tag:monitor.example,2023-06-01:/kfor-reinforces"
    assert first.date == dt.date(2023, 6, 1)
    assert "Zvečan" in first.text and "de-escalate" in first.text
    assert isinstance(items[2], Rejection) and items[2].document is not None
    assert items[2].document.url is None  # a tag: id is not a link


def test_read_file_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "notes.xml"
    path.write_text("<notes><note>Call the embassy</note></notes>", "utf-8")
    (rejection,) = read([path], Settings())
    assert isinstance(rejection, Rejection)
    assert rejection.reason is Reason.MALFORMED
    assert rejection.detail.startswith("not a readable feed")


def test_read_truncated_feed_keeps_whole_entries(tmp_path: Path) -> None:
    path = tmp_path / "cut.rss"
    text = RSS.read_text("utf-8")
    path.write_text(text[: text.index("<title>Decree")], "utf-8")
    items = list(read([path], Settings()))
    assert [type(i) for i in items][:2] == [Document, Document]


@pytest.fixture()
def feed_server() -> Iterator[str]:
    """A real HTTP server on a free local port, serving tests/data/feeds."""
    handler = partial(_QuietHandler, directory=str(DATA / "feeds"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_read_feed_url(feed_server: str) -> None:
    items = list(read([f"{feed_server}/news.atom"], Settings()))
    assert len(items) == 4
    assert isinstance(items[0], Document)


def test_read_feed_url_http_error_is_one_rejection(feed_server: str) -> None:
    url = f"{feed_server}/missing.rss"
    (rejection,) = read([url], Settings())
    assert isinstance(rejection, Rejection)
    assert rejection.reason is Reason.UNREADABLE
    assert rejection.document_id == url
    assert "HTTP 404" in rejection.detail


def test_read_feed_url_refused_is_one_rejection() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again when the block ends
    (rejection,) = read([f"http://127.0.0.1:{port}/feed"], Settings())
    assert isinstance(rejection, Rejection)
    assert rejection.reason is Reason.UNREADABLE
    assert rejection.detail.startswith("cannot fetch feed: ")
