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


def test_known_group_in_apposition_to_a_description_keeps_its_code(coder) -> None:
    text = "Israel banned candidates from the militant group Hamas on Sunday."
    from dyads.actors.context import resolve_context
    from dyads.nlp.tree import Tree

    doc = coder.nlp(text)
    with Tree(doc, text) as tree:
        found = resolve_context(doc, coder.matcher.match(doc, None, tree))
        codes = {doc[f.start : f.end].text: f.actor.code for f in found.all()}
    assert codes.get("Hamas", "").startswith("PSE"), codes


def test_anti_and_pro_name_a_stance_not_an_owner(coder) -> None:
    events = coder.code_text(
        "Pro-Russian rebels attacked Ukrainian troops near Donetsk."
    )
    sources = {e.source.actor.code for e in events}
    assert sources and not any(s.startswith("RUS") for s in sources), sources
