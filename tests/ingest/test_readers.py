"""readers: the registry picks a reader by suffix or scheme; plugins register alike."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from dyads.config import Settings
from dyads.ingest import read
from dyads.ingest.readers import Item, Reader, known_suffixes, reader_for, readers
from dyads.model import Document


def _name(source: str) -> str | None:
    reader = reader_for(source)
    return reader.name if reader else None


def test_reader_for_picks_by_suffix() -> None:
    assert _name("a/b.txt") == "text"
    assert _name("a/b.JSONL.gz") == "jsonl"
    assert _name("b.ndjson") == "jsonl"
    assert _name("b.csv.gz") == "csv"
    assert _name("b.htm") == "html"
    assert _name("b.rss") == "feed"
    assert _name("b.atom") == "feed"
    assert _name("b.xml") == "feed"
    assert _name("posts.json") == "wordpress"
    assert _name("b.unknown") is None


def test_reader_for_picks_urls_by_scheme() -> None:
    assert _name("https://example.org/feed/") == "feed"
    assert _name("http://example.org/page.html") == "feed"
    assert _name("ftp://example.org/feed.xml") is None


def test_known_suffixes_are_sorted() -> None:
    suffixes = known_suffixes()
    assert suffixes == sorted(suffixes) and ".txt" in suffixes


def _read_shout(source: str, settings: Settings) -> Iterator[Item]:
    text = Path(source).read_text("utf-8").upper()
    yield source, Document(id=source, text=text, source=source)


def test_a_registered_reader_is_used_like_a_builtin(tmp_path: Path) -> None:
    readers.register("shout")(Reader("shout", (".shout",), _read_shout))
    try:
        path = tmp_path / "a.shout"
        path.write_text("the minister met the ambassador in pristina on monday")
        (doc,) = read([path], Settings())
        assert isinstance(doc, Document)
        assert doc.text == "THE MINISTER MET THE AMBASSADOR IN PRISTINA ON MONDAY"
    finally:
        readers._entries.pop("shout")
