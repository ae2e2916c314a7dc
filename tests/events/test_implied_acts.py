"""Acts the text implies rather than names: demands put as what someone must do,
violence with no named doer (real model, sentences written for these tests)."""

from __future__ import annotations

from dyads.model import Event, Modality


def _asserted(events: list[Event]) -> set[tuple[str, str, str]]:
    return {
        (e.source.actor.code, e.code, e.target.actor.code if e.target else "-")
        for e in events
        if e.modality is Modality.ASSERTED
    }


def test_must_in_a_reported_clause_is_the_speakers_demand(coder) -> None:
    events = coder.code_text("Germany said on Monday that Iran must halt enrichment.")
    coded = _asserted(events)
    assert any(s == "DEUGOV" and c[:2] == "10" and t == "IRNGOV" for s, c, t in coded)
    demand = next(e for e in events if e.code[:2] == "10")
    assert "'must'" in demand.evidence.rule_id


def test_should_in_a_reported_clause_is_an_appeal(coder) -> None:
    events = coder.code_text(
        "The Japanese government said North Korea should return to the talks."
    )
    coded = _asserted(events)
    assert any(s == "JPNGOV" and c[:2] == "02" and t == "PRKGOV" for s, c, t in coded)


def test_must_about_oneself_is_no_demand(coder) -> None:
    events = coder.code_text("Britain said it must do more to help refugees.")
    assert not any(e.code[:2] == "10" for e in events), _asserted(events)


def test_agentless_killing_is_by_unidentified_forces_of_the_place(coder) -> None:
    events = coder.code_text(
        "Four Afghan policemen were killed in an ambush in Kandahar."
    )
    assert any(
        s == "AFGUAF" and c[:2] == "18" and t == "AFGCOP"
        for s, c, t in _asserted(events)
    ), _asserted(events)
    attack = next(e for e in events if e.source.actor.code == "AFGUAF")
    assert "unidentified-attacker" in attack.source.rule
    assert "Kandah" in attack.source.rule  # the place that gave the country


def test_a_bomb_as_subject_is_an_unidentified_attacker(coder) -> None:
    events = coder.code_text("A roadside bomb wounded three Turkish soldiers in Mosul.")
    assert any(
        s == "IRQUAF" and c[:2] == "18" and t == "TURMIL"
        for s, c, t in _asserted(events)
    ), _asserted(events)


def test_unknown_group_subject_is_not_guessed(coder) -> None:
    # "fundamentalists" is not an actor the dictionaries know: no invented doer
    events = coder.code_text("Fundamentalists attacked two Algerian policemen.")
    assert not any(e.source.actor.sector == "UAF" for e in events)


def test_generic_victims_of_a_reported_killing_give_no_unnamed_attacker(coder) -> None:
    events = coder.code_text(
        "Lebanon protested over an air raid in which it said 20 people were killed."
    )
    assert not any(e.source.actor.sector == "UAF" for e in events)


def test_rebels_placed_in_the_governments_country_are_a_target(coder) -> None:
    # "rebels" get Sudan from the document; they are not the government's own
    events = coder.code_text(
        "The Sudanese government accused rebels of breaking the truce."
    )
    assert any(
        s == "SDNGOV" and c[:2] == "11" and t == "SDNREB"
        for s, c, t in _asserted(events)
    ), _asserted(events)


def test_reduced_relative_subject_of_a_verb_of_saying(coder) -> None:
    events = coder.code_text(
        "The Red Cross operating in Iraq said Britain must protect civilians."
    )
    assert any(
        e.source.actor.code.startswith("NGO") and e.code[:2] == "10" for e in events
    )


def test_would_under_a_verb_of_saying_is_a_stated_intention(coder) -> None:
    events = coder.code_text(
        "Palestinian leaders said they would boycott all contact with Israel."
    )
    assert any(
        s == "PSEGOV" and c[:2] == "13" and t == "ISRGOV"
        for s, c, t in _asserted(events)
    ), _asserted(events)


def test_negated_future_is_a_stated_refusal(coder) -> None:
    events = coder.code_text("Syria says it will not accept more refugees from Iraq.")
    refusal = [e for e in events if e.root == "12"]
    assert refusal and refusal[0].modality is Modality.ASSERTED
    assert "refusal" in refusal[0].evidence.rule_id or "reject" in (
        refusal[0].evidence.rule_id
    )


def test_threat_takes_the_target_of_the_threatened_act(coder) -> None:
    events = coder.code_text("Hezbollah threatened to resume attacks in Israel.")
    assert any(
        s.startswith("LBN") and c[:2] == "13" and t.startswith("ISR")
        for s, c, t in _asserted(events)
    ), _asserted(events)


def test_would_not_is_negated_not_conditional(coder) -> None:
    from dyads.events.modality import modality_of

    doc = coder.nlp("Turkey would not attack Greece.")
    modality, _ = modality_of(doc[3])
    assert modality is Modality.NEGATED


def test_mutual_acts_are_coded_both_ways(coder) -> None:
    events = coder.code_text("Greece held negotiations with Turkey on Monday.")
    coded = _asserted(events)
    assert ("GRCGOV", "046", "TURGOV") in coded, coded
    assert ("TURGOV", "046", "GRCGOV") in coded, coded
    other = next(e for e in events if e.source.actor.code == "TURGOV")
    assert "mutual" in other.evidence.rule_id


def test_one_sided_acts_are_not_mirrored(coder) -> None:
    events = coder.code_text("The Greek prime minister visited Turkey on Monday.")
    assert not any(e.source.actor.code.startswith("TUR") for e in events)


def test_demand_addressee_inside_the_object_phrase(coder) -> None:
    events = coder.code_text(
        "The Czech parliament demanded an apology by Moscow that Soviet troops "
        "shot protesters in 1968."
    )
    demands = [e for e in _asserted(events) if e[1][:2] == "10"]
    assert demands and all(t == "RUSGOV" for _, _, t in demands), demands


def test_demand_noun_clause_names_the_addressee(coder) -> None:
    events = coder.code_text(
        "The rebels insisted on their demand that the Ugandan government free "
        "political prisoners."
    )
    assert any(c[:2] == "10" and t == "UGAGOV" for _, c, t in _asserted(events))


def test_renewed_talks_of_two_countries_are_a_joint_act(coder) -> None:
    events = coder.code_text("Syria and Jordan renewed negotiations on water rights.")
    coded = _asserted(events)
    assert ("SYRGOV", "046", "JORGOV") in coded and ("JORGOV", "046", "SYRGOV") in coded


def test_killing_in_an_attack_is_coded_as_the_attack(coder) -> None:
    events = coder.code_text(
        "Turkish troops killed twelve Kurdish rebels in an attack near Dohuk."
    )
    kill = next(e for e in events if e.target is not None and e.root in {"18", "19"})
    assert kill.root == "19", (kill.code, kill.evidence.rule_id)
    assert "'attack'" in kill.evidence.rule_id


def test_a_states_own_troops_are_not_its_target(coder) -> None:
    events = coder.code_text(
        "Ghana is ready to contribute 800 troops to a peacekeeping force in Mali."
    )
    coded = _asserted(events)
    assert not any(t.startswith("GHAMIL") for _, _, t in coded), coded
    assert any(s == "GHAGOV" and t == "MLIGOV" for s, _, t in coded), coded


def test_killed_by_a_bomb_is_by_unidentified_forces(coder) -> None:
    events = coder.code_text(
        "Three soldiers were killed by a roadside bomb in Kandahar."
    )
    assert any(s == "AFGUAF" and c[:2] == "18" for s, c, _ in _asserted(events))


def test_measure_words_give_way_to_what_they_measure(coder) -> None:
    events = coder.code_text(
        "Japan will provide 40,000 tons of food aid to North Korea next month."
    )
    assert any(
        s == "JPNGOV" and c.startswith("03") and t == "PRKGOV"
        for s, c, t in _asserted(events)
    ), _asserted(events)


def test_apposition_names_the_speaker(coder) -> None:
    events = coder.code_text(
        "Jan Kowalski, the Polish foreign minister, condemned Belarus on Monday."
    )
    assert any(
        s == "POLGOV" and c[:2] == "11" and t == "BLRGOV"
        for s, c, t in _asserted(events)
    ), _asserted(events)


def test_event_noun_target_deeper_in_its_phrase(coder) -> None:
    events = coder.code_text("Spain announced a suspension of flights to Venezuela.")
    assert any(
        s == "ESPGOV" and c[:2] == "16" and t == "VENGOV"
        for s, c, t in _asserted(events)
    ), _asserted(events)


def test_threat_is_made_to_whoever_must_comply(coder) -> None:
    events = coder.code_text(
        "Moscow threatened to cut gas supplies unless Ukraine paid its debts."
    )
    assert any(
        s == "RUSGOV" and c[:2] == "13" and t == "UKRGOV"
        for s, c, t in _asserted(events)
    ), _asserted(events)


def test_attempted_attack_counts_as_an_attack(coder) -> None:
    events = coder.code_text(
        "Rebels tried to assassinate the Colombian defence minister on Friday."
    )
    attack = [e for e in events if e.root == "18"]
    assert attack and attack[0].modality is Modality.ASSERTED
    assert "attempted" in attack[0].evidence.rule_id


def test_attempted_talks_stay_hypothetical(coder) -> None:
    events = coder.code_text("Egypt tried to mediate between Israel and Hamas.")
    assert not any(e.modality is Modality.ASSERTED and e.root == "04" for e in events)


def test_promise_to_continue_aid_is_an_intent(coder) -> None:
    events = coder.code_text("Norway promised to continue economic aid to Malawi.")
    assert any(
        s == "NORGOV" and c.startswith("03") and t == "MWIGOV"
        for s, c, t in _asserted(events)
    ), _asserted(events)


def test_joint_agreement_is_between_the_two_sides(coder) -> None:
    events = coder.code_text("Armenia and Azerbaijan agreed to a ceasefire.")
    coded = {(s, t) for s, _, t in _asserted(events)}
    assert ("ARMGOV", "AZEGOV") in coded and ("AZEGOV", "ARMGOV") in coded, coded


def test_main_verb_wins_over_its_participle(coder) -> None:
    events = coder.code_text(
        "Thousands of Iraqi Kurds demonstrated in Kirkuk on Sunday, calling for "
        "independence from Iraq."
    )
    coded = _asserted(events)
    assert any(c[:2] == "14" for _, c, _ in coded), coded


def test_a_reminder_that_someone_must_act_is_a_demand(coder) -> None:
    events = coder.code_text(
        "The German chancellor issued a reminder to Serbia that it must arrest "
        "war crimes suspects."
    )
    assert any(
        s == "DEUGOV" and c[:2] == "10" and t == "SRBGOV"
        for s, c, t in _asserted(events)
    ), _asserted(events)


def test_participle_after_a_declaration_belongs_to_its_issuer(coder) -> None:
    events = coder.code_text(
        "Hamas issued a statement demanding that Israel release the prisoners."
    )
    assert any(
        s.startswith("PSE") and c[:2] == "10" and t.startswith("ISR")
        for s, c, t in _asserted(events)
    ), _asserted(events)


def test_object_control_gives_the_embedded_act_to_the_object(coder) -> None:
    events = coder.code_text("Britain urged Israel to show restraint.")
    assert not any(
        e.source.actor.code == "GBRGOV"
        and e.target is not None
        and e.target.actor.code.startswith("GBR")
        for e in events
    ), _asserted(events)


def test_appeal_to_resume_talks_takes_the_embedded_code(coder) -> None:
    events = coder.code_text("France urged Serbia and Kosovo to resume negotiations.")
    coded = _asserted(events)
    assert ("FRAGOV", "026", "SRBGOV") in coded, coded


def test_truce_between_two_sides_is_a_joint_act(coder) -> None:
    events = coder.code_text("A truce between Israel and Hamas took effect on Sunday.")
    coded = {(s, t) for s, _, t in _asserted(events)}
    assert ("ISRGOV", "PSEREBHMS") in coded and ("PSEREBHMS", "ISRGOV") in coded


def test_calling_for_on_a_weekday_is_not_a_phone_call(coder) -> None:
    events = coder.code_text("Germany on Monday called for new talks with Iran.")
    assert not any(e.code == "041" for e in events), _asserted(events)


def test_resignation_has_no_target(coder) -> None:
    events = coder.code_text("The Peruvian prime minister resigned on Sunday.")
    resign = [e for e in events if e.code == "0831"]
    assert resign and resign[0].target is None
    assert resign[0].modality is Modality.ASSERTED


def test_conjoined_verb_shares_the_passive_subject(coder) -> None:
    events = coder.code_text(
        "The Serbian minister was indicted by the court and will resign."
    )
    resign = [e for e in events if e.root == "03"]
    assert resign and resign[0].source.actor.code == "SRBGOV", _asserted(events)


def test_event_noun_compound_under_a_light_verb(coder) -> None:
    events = coder.code_text(
        "Norway launched a mediation effort between Sudan and South Sudan."
    )
    coded = _asserted(events)
    assert ("NORGOV", "045", "SDNGOV") in coded, coded


def test_stopping_an_act_is_not_the_act(coder) -> None:
    events = coder.code_text(
        "Egypt halted its mediation efforts between Israel and Hamas."
    )
    assert not any(e.code.startswith("045") for e in _asserted_events(events))


def _asserted_events(events: list[Event]) -> list[Event]:
    return [e for e in events if e.modality is Modality.ASSERTED]


def test_agentless_arrest_is_by_the_authorities_of_the_place(coder) -> None:
    events = coder.code_text(
        "Two French journalists were detained in Tehran on Monday."
    )
    assert any(
        s == "IRNGOV" and c.startswith("17") and t == "FRAMED"
        for s, c, t in _asserted(events)
    ), _asserted(events)


def test_in_defiance_of_names_the_target(coder) -> None:
    events = coder.code_text(
        "Thousands of students marched in Minsk in defiance of the Belarusian "
        "government."
    )
    assert any(t == "BLRGOV" and c[:2] == "14" for _, c, t in _asserted(events))


def test_riot_at_a_jail_in_a_country_falls_on_that_country(coder) -> None:
    events = coder.code_text("Turkish prisoners rioted at a jail in northern Greece.")
    assert any(
        s == "TURCVL" and c[:2] == "14" and t == "GRCGOV"
        for s, c, t in _asserted(events)
    ), _asserted(events)


def test_ceasefire_declared_somewhere_has_no_target(coder) -> None:
    events = coder.code_text(
        "The rebels declared a unilateral ceasefire on Sunday in eastern Congo."
    )
    truce = [e for e in events if e.code.startswith("087")]
    assert truce and truce[0].target is None, _asserted(events)


def test_force_aimed_at_a_country(coder) -> None:
    events = coder.code_text("The Houthis fired missiles at Saudi Arabia on Sunday.")
    assert any(c[:2] == "19" and t == "SAUGOV" for _, c, t in _asserted(events))


def test_exercises_near_a_border_target_its_country(coder) -> None:
    events = coder.code_text("Russian troops held exercises near the Ukrainian border.")
    assert any(
        s == "RUSMIL" and c[:2] == "15" and t == "UKRGOV"
        for s, c, t in _asserted(events)
    ), _asserted(events)


def test_hunger_strike_beats_a_verb_entry_for_any_strike(coder) -> None:
    events = coder.code_text(
        "The jailed activist staged a hunger strike to protest against the "
        "Egyptian government."
    )
    assert any(e.code.startswith("142") for e in events), _asserted(events)


def test_future_act_unless_the_other_complies_is_a_threat(coder) -> None:
    events = coder.code_text(
        "Kenya will withdraw its troops from Somalia unless the Somali government "
        "pays them."
    )
    assert any(
        s == "KENGOV" and c[:2] == "13" and t == "SOMGOV"
        for s, c, t in _asserted(events)
    ), _asserted(events)


def test_being_prepared_to_use_force_is_a_threat(coder) -> None:
    events = coder.code_text(
        "The Nigerian army said it is prepared to impose a curfew in Lagos."
    )
    assert any(c[:2] == "13" for _, c, _ in _asserted(events)), _asserted(events)
