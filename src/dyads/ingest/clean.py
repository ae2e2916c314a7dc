"""Decode bytes, normalise text and decide whether a document can be coded.

Every document that :func:`dyads.ingest.read` yields went through
:func:`check`, and the coder calls it too, so that offsets always point into
the same normalised text. Normalisation never changes what the text says: it
composes Unicode (NFC), unifies line breaks and spaces and drops invisible
characters, but keeps every word, digit and punctuation mark (see #3).
"""

from __future__ import annotations

import codecs
import dataclasses
import hashlib
import re
import unicodedata

from dyads.config import Settings
from dyads.ingest.language import detect_language, language_name
from dyads.model import Document, Reason, Rejection

SUPPORTED_LANGUAGES = frozenset({"en"})
"""Languages the coder's dictionaries cover; other texts are kept but not coded."""

BINARY_CONTROL_SHARE = 0.1
"""A text whose share of control characters is above this is binary data."""

MAX_ENCODING_CHAOS = 0.2
"""Largest "chaos" (share of odd characters) of an encoding guess we accept."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Control characters, and invisible characters that carry no meaning in
# running text: zero-width space, word joiner, BOM, soft hyphen. (Zero-width
# (non-)joiners are kept: they change how Arabic or Persian words are written.)
_INVISIBLE = re.compile(
    r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b\u2060\ufeff\u00ad]+"
)
_LINE_BREAKS = re.compile(r"[\u2028\u2029\x85\x0b\x0c]")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalise(text: str) -> str:
    """Compose Unicode and tidy whitespace without changing the words.

    Runs of spaces, tabs and other Unicode spaces become one space, line
    breaks become ``\\n``, more than one blank line becomes one (a paragraph
    break), and whitespace at the ends of lines goes. Control and invisible
    characters are removed.
    """
    # Built from C-speed string methods rather than regular expressions, and
    # the slow path only runs for lines with unprintable characters: reading
    # must not be slowed down by texts that are already tidy (most are).
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not all(line.isprintable() for line in lines):
        text = _INVISIBLE.sub("", _LINE_BREAKS.sub("\n", text))
        lines = text.split("\n")
    text = "\n".join([" ".join(line.split()) for line in lines])
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "\n\n\n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


def content_hash(text: str) -> str:
    """The sha256 (hex) of the normalised text: the id of a document without one.

    Normalising first makes the hash stable across copies of one text that
    differ only in spacing or Unicode composition.
    """
    # surrogatepass: a lone surrogate (from a JSON escape) must not crash a
    # reader; check() rejects such a text afterwards.
    return hashlib.sha256(normalise(text).encode("utf-8", "surrogatepass")).hexdigest()


def check(document: Document, settings: Settings) -> Document | Rejection:
    """Normalise a document's text, or say why it cannot be coded.

    The checks run cheapest first: binary data, then empty, too long and
    not English. A rejected document that still has text rides along in
    ``Rejection.document`` so the store can keep it (a release in Albanian
    is kept, only not coded; see #3).

    Returns:
        The document with normalised text and its detected ``lang``, or a
        :class:`~dyads.model.Rejection` with a reason and a readable detail.
    """
    raw = document.text
    if "\x00" in raw or _control_share(raw) > BINARY_CONTROL_SHARE:
        return _reject(document, Reason.BINARY, "text holds binary data", None)
    surrogate = _lone_surrogate(raw)
    if surrogate is not None:
        detail = f"text holds a lone surrogate {surrogate!r} (a broken JSON escape?)"
        return _reject(document, Reason.INVALID_ENCODING, detail, None)
    text = normalise(raw)
    if text != raw:
        document = dataclasses.replace(document, text=text)
    if not text:
        return _reject(document, Reason.EMPTY, "text is blank", None)
    if not any(ch.isalpha() for ch in text):
        return _reject(document, Reason.EMPTY, "text has no letters", document)
    if len(text) > settings.max_chars:
        limit = settings.max_chars
        detail = f"text has {len(text):,} characters, more than max_chars={limit:,}"
        return _reject(document, Reason.TOO_LONG, detail, document)
    lang = detect_language(text)
    if lang is None:
        lang = (document.lang or "").split("-")[0].lower() or None
        how = "declared"
    else:
        how = "detected"
    if lang != document.lang:
        document = dataclasses.replace(document, lang=lang)
    if lang is not None and lang not in SUPPORTED_LANGUAGES:
        detail = f"{how} {language_name(lang)} ({lang}); supported: en"
        return _reject(document, Reason.LANGUAGE_NOT_SUPPORTED, detail, document)
    return document


def decode(raw: bytes, source: str) -> str | Rejection:
    """Decode a file's bytes: UTF-8 (with or without BOM), else a confident guess.

    Why this order: almost every source today is UTF-8, and a strict UTF-8
    decode rarely succeeds by accident. Bytes that look like UTF-8 with some
    broken sequences are rejected rather than guessed, since a guess would
    turn every accented letter into two wrong ones. Otherwise
    charset_normalizer guesses a legacy encoding (Latin-1, Windows-1250...).

    Args:
        raw: the bytes read.
        source: where they came from; it names the rejection.

    Returns:
        The text, or a Rejection ``binary`` (NUL bytes) or ``invalid_encoding``.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            return _bad_encoding(
                source, f"invalid UTF-16: {exc.reason} at byte {exc.start}"
            )
    if b"\x00" in raw:
        return Rejection(
            source, Reason.BINARY, f"NUL byte at byte {raw.index(0)}", source
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = f"invalid UTF-8 byte 0x{raw[exc.start]:02x} at byte {exc.start}"
    if _has_utf8_sequences(raw):
        return _bad_encoding(source, f"{utf8_error} in otherwise UTF-8 text")
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None or best.chaos > MAX_ENCODING_CHAOS:
        return _bad_encoding(source, f"{utf8_error}, and no other encoding fits")
    return str(best)


def _has_utf8_sequences(raw: bytes) -> bool:
    """Whether ``raw`` holds at least one well-formed multi-byte UTF-8 sequence."""
    return (
        re.search(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}", raw) is not None
    )


def _lone_surrogate(text: str) -> str | None:
    """The first lone UTF-16 surrogate in ``text``, which no file can encode."""
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return text[exc.start]
    return None


def _control_share(text: str) -> float:
    sample = text[:10_000]
    if not sample or not _CONTROL.search(sample):
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


def _bad_encoding(source: str, detail: str) -> Rejection:
    return Rejection(source, Reason.INVALID_ENCODING, detail, source)


def _reject(
    document: Document, reason: Reason, detail: str, keep: Document | None
) -> Rejection:
    return Rejection(document.id, reason, detail, document.source, keep)
