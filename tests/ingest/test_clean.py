"""clean: normalisation, the document checks and decoding."""

from __future__ import annotations

import dataclasses
import json

import pytest

from dyads.config import Settings
from dyads.ingest.clean import check, content_hash, decode, normalise
from dyads.model import Document, Reason, Rejection

ENGLISH = (
    "The Prime Minister of Albania met the President of Kosovo in Tirana on Monday "
    "and the two leaders agreed to hold a joint session of their governments."
)


def _doc(text: str, **fields: object) -> Document:
    return Document(id="doc-1", text=text, source="test", **fields)  # type: ignore[arg-type]


def test_normalise_composes_unicode_and_tidies_whitespace() -> None:
    decomposed = "Pe\u0301rez  said:\r\n\r\n\r\n\tThe\u00a0talks  ended.\u200b  "
    assert normalise(decomposed) == "P\u00e9rez said:\n\nThe talks ended."


def test_normalise_keeps_words_digits_and_punctuation() -> None:
    text = "NATO's 700 troops (KFOR) — “quickly”, she said; 1.5% of GDP!"
    assert normalise(text) == text


def test_normalise_is_idempotent() -> None:
    once = normalise(" a \n\n\n b\u0301 \r\n c ")
    assert normalise(once) == once


def test_content_hash_ignores_spacing_and_composition() -> None:
    assert content_hash("Pe\u0301rez  met\r\nthem") == content_hash(
        "P\u00e9rez met\nthem"
    )
    assert len(content_hash("x")) == 64


def test_check_returns_normalised_english_document() -> None:
    result = check(_doc("  " + ENGLISH.replace(" ", "  ") + "\n\n"), Settings())
    assert isinstance(result, Document)
    assert result.text == ENGLISH
    assert result.lang == "en"


@pytest.mark.parametrize("text", ["", "   \n\t  ", "\u200b\ufeff"])
def test_check_rejects_blank_text_as_empty(text: str) -> None:
    result = check(_doc(text), Settings())
    assert isinstance(result, Rejection)
    assert result.reason is Reason.EMPTY
    assert result.document is None


def test_check_rejects_text_without_letters_as_empty_and_keeps_it() -> None:
    result = check(_doc("2023-06-01 --- 17:30 / 42"), Settings())
    assert isinstance(result, Rejection)
    assert result.reason is Reason.EMPTY
    assert result.document is not None


def test_check_rejects_nul_bytes_as_binary() -> None:
    result = check(_doc("PK\x03\x04\x00\x00text"), Settings())
    assert isinstance(result, Rejection)
    assert result.reason is Reason.BINARY
    assert result.document is None


def test_check_rejects_mostly_control_characters_as_binary() -> None:
    result = check(_doc("\x01\x02\x03\x04\x05abc\x06\x07\x08\x0e\x0f"), Settings())
    assert isinstance(result, Rejection)
    assert result.reason is Reason.BINARY


def test_check_rejects_text_over_max_chars() -> None:
    result = check(_doc(ENGLISH), Settings(max_chars=50))
    assert isinstance(result, Rejection)
    assert result.reason is Reason.TOO_LONG
    assert "max_chars=50" in result.detail
    assert result.document is not None and result.document.text == ENGLISH


def test_check_rejects_albanian_and_names_the_language() -> None:
    text = (
        "Presidentja Osmani priti sot në zyrën e saj ambasadorin e Gjermanisë dhe "
        "diskutuan për bashkëpunimin ekonomik mes dy vendeve."
    )
    result = check(_doc(text), Settings())
    assert isinstance(result, Rejection)
    assert result.reason is Reason.LANGUAGE_NOT_SUPPORTED
    assert "Albanian (sq)" in result.detail
    assert result.document is not None and result.document.lang == "sq"


def test_check_trusts_declared_language_when_detection_is_unsure() -> None:
    result = check(_doc("NATO", lang="sq"), Settings())
    assert isinstance(result, Rejection)
    assert "declared" in result.detail
    assert isinstance(check(_doc("NATO"), Settings()), Document)


def test_check_overrides_a_wrong_declared_language() -> None:
    result = check(_doc(ENGLISH, lang="sq"), Settings())
    assert isinstance(result, Document)
    assert result.lang == "en"


def test_check_keeps_the_other_fields() -> None:
    original = _doc(
        ENGLISH, url="https://example.org/a", translations=("https://x/sq",)
    )
    result = check(original, Settings())
    assert dataclasses.replace(original, lang="en") == result


def test_decode_reads_utf8_with_and_without_bom() -> None:
    text = "Prishtinë – Beograd"
    assert decode(text.encode("utf-8"), "s") == text
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8"), "s") == text


def test_decode_reads_utf16_with_bom() -> None:
    assert decode("Tiranë".encode("utf-16"), "s") == "Tiranë"


def test_decode_guesses_a_legacy_encoding() -> None:
    text = (
        "Presidenti francez tha se Franca do të mbështesë integrimin e Kosovës "
        "në Këshillin e Evropës, ndërsa ministri i jashtëm përsëriti qëndrimin."
    )
    assert decode(text.encode("latin-1"), "s") == text


def test_decode_rejects_broken_utf8() -> None:
    raw = "Prishtinë and Beograd".encode() + b" \xff\xfe bad " + "Tiranë".encode()
    result = decode(raw, "file.txt")
    assert isinstance(result, Rejection)
    assert result.reason is Reason.INVALID_ENCODING
    assert "0xff" in result.detail and "file.txt" == result.document_id


def test_decode_rejects_nul_bytes_as_binary() -> None:
    result = decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.txt")
    assert isinstance(result, Rejection)
    assert result.reason is Reason.BINARY


def test_check_rejects_lone_surrogates_from_json_escapes() -> None:
    text = json.loads('"Talks in Prishtin\\ud800 ended."')
    assert content_hash(text)  # hashing does not fail
    result = check(_doc(text), Settings())
    assert isinstance(result, Rejection)
    assert result.reason is Reason.INVALID_ENCODING
    assert "surrogate" in result.detail
