"""Plain-text files: one Document per ``.txt`` file.

A text file has no id or date of its own, so its id is the hash of its
content (the same release saved twice is one document) and its date is
unknown. The title is the file's first line when that line is short and
followed by a blank line, as press releases and news copy are written.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from dyads.config import Settings
from dyads.ingest.clean import content_hash, decode
from dyads.ingest.readers import Item, Reader, read_decoded, readers
from dyads.model import Document, Reason, Rejection

LOAD_LIMIT_BYTES = 64 * 1024 * 1024
"""Files bigger than this (and than 4 bytes per allowed character, the most
UTF-8 needs) are rejected ``too_long`` unread; smaller ones are read, so that
their Rejection keeps the text for the store."""


def read_text(source: str, settings: Settings) -> Iterator[Item]:
    """Read one text file; too-big files are rejected before they are loaded."""
    size = Path(source).stat().st_size if Path(source).is_file() else 0
    if size > max(LOAD_LIMIT_BYTES, settings.max_chars * 4):
        limit = settings.max_chars
        detail = f"file has {size:,} bytes, too many for max_chars={limit:,}"
        yield source, Rejection(source, Reason.TOO_LONG, detail, source)
        return
    yield source, document_from_text(read_decoded(source), source)


def document_from_bytes(raw: bytes, source: str) -> Document | Rejection:
    """A Document from the bytes of one text, or why they cannot be decoded."""
    return document_from_text(decode(raw, source), source)


def document_from_text(text: str | Rejection, source: str) -> Document | Rejection:
    """A Document from one decoded text (a Rejection passes through)."""
    if isinstance(text, Rejection):
        return text
    # A blank file has no content to hash: its path names it, so that two
    # empty files are two "empty" rejections, not one and a duplicate.
    doc_id = content_hash(text) if text.strip() else source
    return Document(id=doc_id, text=text, title=_title(text), source=source)


def _title(text: str) -> str | None:
    lines = text.lstrip().replace("\r\n", "\n").split("\n", 2)
    if len(lines) == 3 and not lines[1].strip() and 0 < len(lines[0].strip()) <= 200:
        return lines[0].strip()
    return None


readers.register("text")(Reader("text", (".txt", ".text"), read_text))
