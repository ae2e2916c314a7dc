"""Actors from the document's own context, through the real model."""

from __future__ import annotations


def test_description_before_a_known_organisation_is_not_a_title(coder) -> None:
    events = coder.code_text(
        "Human rights organization Amnesty International accused Egypt of torture."
    )
    sources = [e.source.actor.code for e in events]
    assert sources and all(s.startswith("NGO") for s in sources), sources
