import dataclasses

import pytest

from dyads.model import Evidence, TextSpan


def test_text_span_reads_its_words() -> None:
    text = "NATO thanked Kosovo."
    assert TextSpan(0, 4).text(text) == "NATO"
    assert TextSpan(0, 20).contains(TextSpan(13, 19))


def test_text_span_rejects_inverted_offsets() -> None:
    with pytest.raises(ValueError):
        TextSpan(5, 2)


def test_evidence_confidence_stays_in_unit_interval() -> None:
    with pytest.raises(ValueError):
        Evidence(TextSpan(0, 1), TextSpan(0, 1), "rule", confidence=1.5)


def test_model_classes_are_frozen() -> None:
    span = TextSpan(0, 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 3  # type: ignore[misc]
