"""The rule coder on real sentences written for these tests, with the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from dyads.model import Event, Modality


def _triples(events: list[Event]) -> set[tuple[str, str, str]]:
    return {
        (e.source.actor.code, e.root, e.target.actor.code if e.target else "-")
        for e in events
    }


def _has(events: list[Event], source: str, root: str, target: str) -> bool:
    return any(
        e.source.actor.code.startswith(source)
        and e.root == root
        and e.target is not None
        and e.target.actor.code.startswith(target)
        for e in events
    )


def test_code_subject_verb_object_with_composed_actors(coder) -> None:
    events = coder.code_text(
        "Serbian police arrested two Albanian journalists near the border."
    )
    assert _has(events, "SRBCOP", "17", "ALBMED"), _triples(events)


def test_code_passive_agent_is_the_source(coder) -> None:
    events = coder.code_text(
        "The Albanian Prime Minister was received by the President of Kosovo."
    )
    assert _has(events, "KSVGOV", "04", "ALBGOV"), _triples(events)


def test_code_conjoined_actors_give_one_event_per_pair(coder) -> None:
    events = coder.code_text(
        "Germany and France condemned Russia and Belarus on Monday."
    )
    for source in ("DEU", "FRA"):
        for target in ("RUS", "BLR"):
            assert _has(events, source, "11", target), _triples(events)


def test_code_conjoined_verbs_share_subject_and_object(coder) -> None:
    text = "Iran continues to intimidate and threaten Israeli citizens."
    events = [e for e in coder.code_text(text) if e.root == "13"]
    # "intimidate" has no object of its own: it shares "Israeli citizens", and the
    # two verbs of one act in one sentence give one event, not two.
    assert len(events) == 1, _triples(events)
    assert events[0].source.actor.code == "IRNGOV"
    assert events[0].target is not None and events[0].target.actor.code == "ISRCVL"
    assert events[0].evidence.trigger.text(text) == "intimidate"


def test_code_nominal_event_with_possessor_and_against(coder) -> None:
    events = coder.code_text("Leaders discussed Russia's aggression against Ukraine.")
    assert _has(events, "RUS", "19", "UKR"), _triples(events)


def test_code_reported_speech_keeps_speaker_and_accuses(coder) -> None:
    text = "The Croatian government insisted that Serbia threatened Croatian fishermen."
    events = coder.code_text(text)
    embedded = [e for e in events if e.source.actor.code == "SRBGOV" and e.root == "13"]
    assert embedded, _triples(events)
    assert embedded[0].evidence.attributed_to is not None
    assert _has(events, "HRVGOV", "11", "SRBGOV"), _triples(events)


def test_code_plain_attribution_is_not_an_accusation(coder) -> None:
    events = coder.code_text(
        "Reuters reported that Serbia threatened Croatian fishermen."
    )
    assert any(e.source.actor.code == "SRBGOV" for e in events), _triples(events)
    assert not any(e.code == "112" for e in events), _triples(events)


def test_code_context_resolves_apposition_alias_and_pronoun(coder) -> None:
    text = (
        "The Foreign Minister of Albania, Arta Dervishaj, arrived in Berlin on "
        "Monday.\n\n"
        "Dervishaj thanked Germany for its support. She also condemned Belarus."
    )
    events = coder.code_text(text, date="2031-05-07")
    assert _has(events, "ALBGOV", "05", "DEU"), _triples(events)
    condemn = [e for e in events if e.target and e.target.actor.code.startswith("BLR")]
    assert condemn and condemn[0].source.rule == "pronoun"
    assert condemn[0].source.antecedent is not None


def test_code_person_role_depends_on_event_date(coder) -> None:
    text = "Jens Stoltenberg praised Finland."
    during = coder.code_text(text, date="2020-05-05")
    after = coder.code_text(text, date="2025-06-01")
    assert any(e.source.actor.code == "IGOWSTNAT" for e in during), _triples(during)
    assert after and not any(e.source.actor.code == "IGOWSTNAT" for e in after)


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Russia did not attack Ukraine.", Modality.NEGATED),
        ("Turkey could impose sanctions on Syria.", Modality.HYPOTHETICAL),
        ("Serbian troops attacked Croatian positions.", Modality.ASSERTED),
    ],
)
def test_code_modality_is_read_from_the_parse(
    coder, text: str, modality: Modality
) -> None:
    events = coder.code_text(text)
    assert events, text
    assert events[0].modality is modality


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Japan will give Vietnam a loan to build ports.", "03"),
        ("Iran threatened to shell Iraqi towns.", "13"),
        ("Israel refused to lift the curfew on Palestinian towns.", "12"),
        ("Chile urged Peru to resume talks with Bolivia.", "02"),
    ],
)
def test_code_promised_threatened_refused_acts_as_cameo_does(coder, text, root) -> None:
    events = coder.code_text(text)
    assert any(e.root == root and e.modality is Modality.ASSERTED for e in events), (
        _triples(events)
    )


def test_code_dates_events_from_document_date(coder) -> None:
    events = coder.code_text(
        "Egypt accused Ethiopia of stalling yesterday.", date=dt.date(2024, 3, 6)
    )
    assert events and events[0].date == dt.date(2024, 3, 5)
    undated = coder.code_text("Egypt accused Ethiopia of stalling yesterday.")
    assert undated and undated[0].date is None


def test_code_evidence_spans_point_at_their_words(coder) -> None:
    text = "Japan signed a trade agreement with Vietnam."
    for event in coder.code_text(text):
        assert event.source.span.text(text) in text
        assert event.evidence.sentence.text(text).startswith("Japan")
        assert 0.0 <= event.evidence.confidence <= 1.0
        assert event.evidence.dictionary_entries
        assert event.quad_class in {1, 2, 3, 4}
        assert event.plover


def test_code_joint_act_of_conjoined_actors_goes_both_ways(coder) -> None:
    events = coder.code_text(
        "Armenia and Azerbaijan signed a peace treaty in Washington."
    )
    assert _has(events, "ARM", "05", "AZE") or _has(events, "ARM", "03", "AZE"), (
        _triples(events)
    )
    assert any(e.source.actor.code.startswith("AZE") for e in events), _triples(events)


def test_code_event_noun_takes_the_subject_of_its_verb(coder) -> None:
    events = coder.code_text(
        "Kurdish rebels staged attacks against Turkish troops on Sunday."
    )
    assert any(
        e.root in {"18", "19"} and e.target and e.target.actor.code == "TURMIL"
        for e in events
    ), _triples(events)
