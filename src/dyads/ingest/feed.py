"""RSS and Atom feeds, from a file (``.rss``, ``.atom``, ``.xml``) or an http(s) URL.

feedparser reads every dialect of RSS and Atom and forgives broken XML. A
feed that cannot be fetched, or that is not a feed at all, is one
Rejection for the whole source, since there are no entries to count; a
feed's entries are one Document or Rejection each (see #3).

An entry's text is its full content when the feed carries it (WordPress's
``content:encoded``), else its summary; its id is the entry's guid or id,
else its link. For WordPress feeds the guid is the post's short link
(``https://site/?p=41207``), the id :mod:`dyads.ingest.wordpress` gives
the same post, so one release read both ways is one document.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dyads.about import __version__
from dyads.config import Settings
from dyads.ingest.clean import content_hash
from dyads.ingest.dates import parse_date
from dyads.ingest.markup import html_to_text, http_url
from dyads.ingest.readers import Item, Reader, readers
from dyads.model import Document, Reason, Rejection

log = logging.getLogger("dyads.ingest")

FETCH_TIMEOUT = 30.0
"""Seconds to wait for a feed URL to answer before giving up on it."""

MAX_FEED_BYTES = 50 * 1024 * 1024
"""Largest feed read from a URL; a bigger answer is not a news feed."""


def read_feed(source: str, settings: Settings) -> Iterator[Item]:
    """Read the entries of a feed file or feed URL."""
    try:
        raw = _fetch(source) if "://" in source else Path(source).read_bytes()
    except (OSError, ValueError) as exc:
        detail = f"cannot {'fetch' if '://' in source else 'read'} feed: {_reason(exc)}"
        yield source, Rejection(source, Reason.UNREADABLE, detail, source)
        return
    yield from entries_from_bytes(raw, source)


def entries_from_bytes(raw: bytes, source: str) -> Iterator[Item]:
    """One Document or Rejection per entry of the feed in ``raw``."""
    import feedparser

    parsed = feedparser.parse(raw)
    if not parsed.entries:  # (a feed without entries: read() reports it empty)
        if parsed.get("bozo") or not parsed.get("version"):
            problem = parsed.get("bozo_exception") or "no RSS or Atom root element"
            detail = f"not a readable feed: {problem}"
            yield source, Rejection(source, Reason.MALFORMED, detail, source)
        return
    if parsed.get("bozo"):
        log.warning(
            "%s: feed is not well-formed (%s); read what could be",
            source,
            parsed.get("bozo_exception"),
        )
    feed_lang = parsed.feed.get("language")
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"entry {number}"
        yield where, _document(entry, source, where, feed_lang)


def _document(entry: Any, source: str, where: str, feed_lang: str | None) -> Document:
    contents = entry.get("content") or []
    if contents:
        body, lang = contents[0].get("value", ""), contents[0].get("language")
    else:
        body, lang = entry.get("summary", ""), None
    text = html_to_text(body or "")
    link = http_url(entry.get("link"))
    return Document(
        id=str(entry.get("id") or "").strip() or link or content_hash(text),
        text=text,
        date=_date(entry, source, where),
        url=link,
        title=html_to_text(entry.get("title", "")).strip() or None,
        lang=lang or feed_lang,
        source=source,
    )


def _date(entry: Any, source: str, where: str) -> Any:
    """The date as the feed wrote it; feedparser's parse (in UTC) only as a fallback.

    Why: "Mon, 11 Sep 2023 23:45:00 +0200" was the 11th where it was
    written, but feedparser's UTC time says the 11th only by chance.
    """
    for key in ("published", "updated", "created"):
        written = entry.get(key)
        if not written:
            continue
        date = parse_date(written)
        parsed: time.struct_time | None = entry.get(f"{key}_parsed")
        if date is None and parsed is not None:
            date = parse_date(
                f"{parsed.tm_year:04d}-{parsed.tm_mon:02d}-{parsed.tm_mday:02d}"
            )
        if date is not None:
            return date
        log.warning(
            "%s %s: date %r does not parse; kept without a date", source, where, written
        )
        return None
    return None


def _fetch(url: str) -> bytes:
    import urllib.request  # here: it pulls in http.client and ssl

    request = urllib.request.Request(
        url, headers={"User-Agent": f"dyads/{__version__}"}
    )
    with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:  # noqa: S310
        raw: bytes = response.read(MAX_FEED_BYTES + 1)
    if len(raw) > MAX_FEED_BYTES:
        raise ValueError(f"answer larger than {MAX_FEED_BYTES:,} bytes")
    return raw


def _reason(exc: BaseException) -> str:
    import urllib.error

    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}"
    if isinstance(exc, urllib.error.URLError):
        return str(exc.reason)
    return str(exc) or type(exc).__name__


readers.register("feed")(
    Reader("feed", (".rss", ".atom", ".xml"), read_feed, schemes=("http", "https"))
)
