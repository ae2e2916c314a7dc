"""Turn one corpus record (a JSON object, a CSV row) into a Document.

JSON Lines, CSV and plain JSON lists share one record layout (see #3):
``id, text, date, url, title, lang``, plus optional ``source`` (the outlet,
e.g. "Reuters") and ``translations`` (URLs of the same text in other
languages). Only ``text`` is required.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from dyads.ingest.clean import content_hash
from dyads.ingest.dates import parse_date
from dyads.model import Document, Reason, Rejection

log = logging.getLogger("dyads.ingest")

FIELDS = ("id", "text", "date", "url", "title", "lang")


def document_from_record(
    record: Mapping[str, object], source: str, where: str
) -> Document | Rejection:
    """A Document from a record, or a ``malformed`` Rejection that says what is wrong.

    Args:
        record: the parsed JSON object or CSV row.
        source: the file or URL it was read from; becomes ``Document.source``
            unless the record names its own ``source``.
        where: its place in the source ("line 17"), for details and notes.
    """
    record_id = _string(record.get("id"))
    text = record.get("text")
    fallback_id = record_id or f"{source}:{where.removeprefix('line ')}"
    if text is None:
        return Rejection(
            fallback_id, Reason.MALFORMED, f"{where}: no 'text' field", source
        )
    if not isinstance(text, str):
        detail = f"{where}: 'text' is a {type(text).__name__}, not a string"
        return Rejection(fallback_id, Reason.MALFORMED, detail, source)
    raw_date = record.get("date")
    date = parse_date(raw_date) if raw_date not in (None, "") else None
    if date is None and raw_date not in (None, ""):
        log.warning(
            "%s %s: date %r does not parse; kept without a date",
            source,
            where,
            raw_date,
        )
    return Document(
        id=record_id or content_hash(text),
        text=text,
        date=date,
        url=_string(record.get("url")),
        title=_string(record.get("title")),
        lang=_string(record.get("lang")),
        source=_string(record.get("source")) or source,
        translations=_translations(record.get("translations")),
    )


def _string(value: object) -> str | None:
    """A field as a non-empty string; ids may be numbers in JSON."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = str(value).strip()
    return text or None


def _translations(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(v for v in value.split() if v)
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return tuple(str(v) for v in value if isinstance(v, str) and v)
    return ()
