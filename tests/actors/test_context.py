"""Actors from the document's own context, through the real model."""

from __future__ import annotations


def test_description_before_a_known_organisation_is_not_a_title(coder) -> None:
    events = coder.code_text(
        "Human rights organization Amnesty International accused Egypt of torture."
    )
    sources = [e.source.actor.code for e in events]
    assert sources and all(s.startswith("NGO") for s in sources), sources


def test_short_acronyms_match_only_as_written(coder) -> None:
    events = coder.code_text(
        "Foreign Minister Tran Gia of Vietnam met Cambodia's prime minister. "
        "The GIA attacked Algerian soldiers."
    )
    sources = {e.source.actor.code for e in events}
    assert "DZAINSGIA" in sources
    assert not any(
        e.source.actor.code == "DZAINSGIA" and e.sentence_index == 0 for e in events
    )
