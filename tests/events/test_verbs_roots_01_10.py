"""Dictionary entries of CAMEO roots 01-10 on sentences written for these tests.

Each sentence exercises a verb, phrasal verb or verb + object phrase of the
files ``data/verbs/01-*.yaml`` to ``10-*.yaml``, through the real model and coder.
"""

from __future__ import annotations

import pytest

from dyads.model import Event


def _found(events: list[Event]) -> set[tuple[str, str, str]]:
    return {
        (e.source.actor.code, e.code, e.target.actor.code if e.target else "-")
        for e in events
    }


CASES = [
    (
        "The Iranian president addressed the Turkish parliament on Tuesday.",
        "IRN 010 TUR",
    ),
    ("Japan sounded the alarm over China's military activity.", "JPN 012 CHN"),
    ("Ukraine submitted an application to the European Union.", "UKR 020 IGO"),
    (
        "Germany called for an investigation by Russia into the poisoning.",
        "DEU 0213 RUS",
    ),
    ("Kenya asked the World Bank for 2 billion dollars.", "KEN 0231 IGO"),
    ("The Philippines asked the United States for joint exercises.", "PHL 0212 USA"),
    ("Japan pledged 2 billion dollars to Ukraine.", "JPN 0331 UKR"),
    ("Israel and Hamas agreed on a prisoner swap.", "ISR 0353 PSE"),
    ("Macron spoke over the phone with Zelensky.", "FRA 041 UKR"),
    ("The United States sent an envoy to Sudan.", "USA 042 SDN"),
    ("Biden met Xi at the G20 summit in Bali.", "USA 044 CHN"),
    ("South Korea accepted the apology of Japan.", "KOR 056 JPN"),
    ("Egypt entered into an agreement with Israel.", "EGY 057 ISR"),
    ("India bought Russian oil.", "IND 061 RUS"),
    ("Britain passed on intelligence to Ukraine.", "GBR 064 UKR"),
    ("The European Union released funds to Hungary.", "IGO 071 HUN"),
    ("China waived the debt of Zambia.", "CHN 071 ZMB"),
    ("Poland hosted refugees from Ukraine.", "POL 075 UKR"),
    ("Hungary dropped its objection to Sweden's membership.", "HUN 080 SWE"),
    ("The United States cut tariffs on Chinese goods.", "USA 085 CHN"),
    ("Belarus invited observers from the OSCE.", "BLR 0862 IGO"),
    ("Iran let IAEA inspectors into the Fordow site.", "IRN 0862 IGO"),
    ("Russia suspended its bombing of Ukrainian cities.", "RUS 087 UKR"),
    ("Polish police questioned the Russian diplomat.", "POL 090 RUS"),
    ("Ukraine's investigation into Russian abuses in Bucha continued.", "UKR 092 RUS"),
    ("Britain demanded an investigation from Russia.", "GBR 1013 RUS"),
    ("Turkey demanded an end to the fighting in Syria.", "TUR 1056 SYR"),
    ("Norway awarded the prize to the Iranian activist.", "NOR 051 IRN"),
    ("The Chinese embassy posted a statement about Japan.", "CHN 010 JPN"),
    ("Kosovo's president lobbied Greece for recognition.", "KSV 022 GRC"),
    (
        "The European Union called for the abolition of the death penalty in Belarus.",
        "IGO 0242 BLR",
    ),
    ("Poland demanded the repeal of the Russian law.", "POL 1042 RUS"),
    ("The Serbian president extolled Russia.", "SRB 051 RUS"),
    ("Xi welcomed Putin to Beijing.", "CHN 043 RUS"),
    ("The EU granted Ukraine candidate status.", "IGO 050 UKR"),
    ("The United States advised Israel to delay the offensive.", "USA 020 ISR"),
    ("Russia released the American basketball player.", "RUS 0841 USA"),
    ("Russia set two Americans free.", "RUS 0841 USA"),
    ("Poland stood in solidarity with Ukraine.", "POL 018 UKR"),
    ("Japan and the United States renewed their security treaty.", "JPN 057 USA"),
    ("Britain provided training to Ukrainian soldiers.", "GBR 072 UKR"),
    ("Germany's delivery of tanks to Ukraine began in March.", "DEU 072 UKR"),
    ("Iran's supply of drones to Russia worried Ukraine.", "IRN 072 RUS"),
    (
        "Hamas's handover of the hostages to the Red Cross took place in Gaza.",
        "PSE 0841 NGO",
    ),
    ("The US waiver for Iraq allowed imports of Iranian gas.", "USA 085 IRQ"),
    (
        "The interrogation of the Russian diplomat by Polish police lasted hours.",
        "POL 090 RUS",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[1] for c in CASES])
def test_entry_codes_the_sentence(coder, text: str, expected: str) -> None:
    """``expected``: source country, CAMEO code, target country (or IGO)."""
    found = _found(coder.code_text(text))
    short = {(s[:3], code, t[:3]) for s, code, t in found}
    assert tuple(expected.split()) in short, found


def test_standing_in_an_election_is_not_sympathy(coder) -> None:
    """'stand in' is empathetic only in solidarity, not as a candidate."""
    events = coder.code_text(
        "The former Serbian minister stood in the elections in Kosovo."
    )
    assert not any(e.code == "018" for e in events), _found(events)


def test_suspending_a_bombing_campaign_is_de_escalation(coder) -> None:
    """The verb's act wins over the event noun it stops ('bombing')."""
    events = coder.code_text("Russia suspended its bombing of Ukrainian cities.")
    assert not any(e.code.startswith("18") for e in events), _found(events)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # rolling out sanctions imposes them: not an easing (085)
        ("The EU rolled out new sanctions against Russia.", "085"),
        # the noun 'defence' is mostly military: not a verbal defence (052)
        ("The NATO defence of Estonia was discussed.", "052"),
        # 'halt' makes its object noun the subject's act: no 'sale' noun entry
        ("The United States halted the sale of weapons to Saudi Arabia.", "072"),
    ],
)
def test_phrase_is_not_coded_as(coder, text: str, wrong: str) -> None:
    events = coder.code_text(text)
    assert not any(e.code == wrong for e in events), _found(events)
