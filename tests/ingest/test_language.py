"""language: offline detection over a restricted set, Serbo-Croatian by script."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyads.ingest.language import (
    PREFIX_CHARS,
    _clearly_english,
    detect_language,
    language_name,
)

DATA = Path(__file__).parent.parent / "data"


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("texts/01-brussels-talks.txt", "en"),
        ("languages/albanian.txt", "sq"),
        ("languages/serbian-latin.txt", "sh"),
        ("languages/serbian-cyrillic.txt", "sr"),
    ],
)
def test_detect_language_of_written_paragraphs(path: str, code: str) -> None:
    assert detect_language((DATA / path).read_text("utf-8")) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Le président a rencontré le secrétaire général de l'OTAN à Bruxelles.", "fr"),
        ("Der Bundeskanzler traf sich am Montag mit dem Präsidenten in Berlin.", "de"),
        (
            "Президент России провёл переговоры с премьер-министром Индии в Москве.",
            "ru",
        ),
    ],
)
def test_detect_language_of_other_languages(text: str, code: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "12345 - 678", "!!!", "NATO", "KFOR and EULEX"])
def test_detect_language_is_none_with_too_few_letters(text: str) -> None:
    assert detect_language(text) is None


def test_detect_language_reads_only_a_prefix() -> None:
    english = (DATA / "texts/01-brussels-talks.txt").read_text("utf-8")
    english += (DATA / "texts/02-border-closure.txt").read_text("utf-8")
    english += (DATA / "texts/regional/03-aid-pledge.txt").read_text("utf-8")
    albanian = (DATA / "languages/albanian.txt").read_text("utf-8") * 20
    assert len(english) >= PREFIX_CHARS
    assert detect_language(english + albanian) == "en"
    assert detect_language(english[: PREFIX_CHARS // 4] + albanian) == "sq"


def test_language_name_reads_well() -> None:
    assert language_name("sq") == "Albanian"
    assert language_name("sr") == "Serbian"
    assert language_name("sh") == "Serbo-Croatian"
    assert language_name("xx") == "xx"


@pytest.mark.parametrize(
    "headline",
    [
        "EU mediator hosts Kosovo and Serbia negotiators in Brussels",
        "the minister met the ambassador in pristina on monday",
        "KFOR reinforces its presence in northern Kosovo",
    ],
)
def test_detect_language_of_short_english_headlines(headline: str) -> None:
    assert detect_language(headline) == "en"


def test_detect_language_settles_plain_english_without_lingua() -> None:
    english = (DATA / "texts/01-brussels-talks.txt").read_text("utf-8")
    albanian = (DATA / "languages/albanian.txt").read_text("utf-8")
    assert _clearly_english(english)
    assert not _clearly_english(albanian)
