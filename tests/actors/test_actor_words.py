"""Words and names take the code the actor files document, on news sentences.

Sector nouns (sectors.yaml), armed movements and organisations (agents.yaml,
igos.yaml), and ethnic groups, which live where the sentence places them
(dyads.actors.residence).
"""

from __future__ import annotations

import datetime as dt

import pytest

from dyads.actors.context import resolve_context


def _codes(coder, text: str, day: dt.date | None = None) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Each actor's words in ``text`` and the code it takes on ``day``."""
    doc = coder.nlp(text)
    found = resolve_context(doc, coder.matcher.match(doc, day))
    return {doc[f.start : f.end].text: f.actor.code for f in found.all()}


#: sentence | the actor's words | its code; "#" lines group the cases
CASES = """
# sector nouns compose with their country
Kenyan doctors and nurses went on strike over unpaid wages. | Kenyan doctors | KENHLH
Physicians in Sudan warned that fuel would run out. | Physicians in Sudan | SDNHLH
South African miners clashed with police at the mine. | South African miners | ZAFLAB
Polish workers blocked the border crossing. | Polish workers | POLLAB
Indian farmers marched on New Delhi. | Indian farmers | INDAGR
Afghan tribal elders met the governor. | Afghan tribal elders | AFGELI
Iranian clerics condemned the decision. | Iranian clerics | IRNREL
A Nigerian priest was kidnapped on Sunday. | Nigerian priest | NGAREL
Russian hackers attacked the election commission. | Russian hackers | RUSCRM
Chinese warships entered the strait on Monday. | Chinese warships | CHNMIL
Turkish lawyers protested against the arrests. | Turkish lawyers | TURJUD
Egyptian rights organisations spoke out. | Egyptian rights organisations | EGYHRI
Colombian state television broadcast the speech. | Colombian state television | COLMED
Serbian students blocked the bridge in Novi Sad. | Serbian students | SRBEDU
Malian militiamen attacked the village. | Malian militiamen | MLIINS
Gunmen killed three villagers in northern Nigeria. | Gunmen | NGAUAF
Greek dock workers walked off the job in Piraeus. | Greek dock workers | GRCLAB
# armed movements of past decades
Tamil Tigers attacked a navy base near Trincomalee. | Tamil Tigers | LKAREBLTT
The LTTE accused the government of violating the truce. | LTTE | LKAREBLTT
RUF rebels released the hostages on Tuesday. | RUF rebels | SLEREBRUF
The MILF signed a peace deal with Manila. | MILF | PHLREBMIL
The NPFL shelled Monrovia overnight. | NPFL | LBRREBNPF
ETA claimed responsibility for the car bomb. | ETA | ESPREBETA
The IRA announced a ceasefire on Wednesday. | IRA | GBRREBIRA
The Lord's Resistance Army abducted children. | Lord's Resistance Army | UGAREBLRA
Shining Path guerrillas ambushed an army patrol. | Shining Path guerrillas | PERREBSPH
# international bodies, missions and predecessors
ECOMOG troops recaptured Freetown on Friday. | ECOMOG troops | IGOWAFWAS
UNAMSIL deployed more peacekeepers to Kailahun. | UNAMSIL | IGOUNO
UNPROFOR commanders protested the shelling. | UNPROFOR | IGOUNO
The Organisation of African Unity met. | Organisation of African Unity | IGOAFRAFU
The CSCE sent observers to Chechnya. | CSCE | IGOEUROSC
SFOR troops arrested a war crimes suspect near Foca. | SFOR troops | IGOWSTNAT
The Special Court for Sierra Leone sat. | Special Court for Sierra Leone | IGOUNOJUDWCT
The Warsaw Pact condemned the decision. | Warsaw Pact | IGOEEUWAR
The European Economic Community objected. | European Economic Community | IGOEUREEC
The UNODC reported record opium harvests. | UNODC | IGOUNOCOPODC
# regions and former names are their state's
Chechen rebels attacked a convoy near Grozny. | Chechen rebels | RUSREB
Settlers attacked a village in the West Bank. | the West Bank | PSEGOV
Yugoslav troops shelled villages in Kosovo. | Yugoslav troops | SRBMIL
Soviet tanks entered Kabul in December. | Soviet tanks | RUSMIL
# ethnic groups live where the sentence places them
Ethnic Albanians demonstrated in Serbia on Monday. | Ethnic Albanians | SRBCVL
Thousands of ethnic Albanians protested in Pristina. | ethnic Albanians | KSVCVL
Serbia's ethnic Albanians boycotted the election. | Serbia's ethnic Albanians | SRBCVL
Ethnic Albanians fled villages in Montenegro province. | Ethnic Albanians | MNECVL
Ethnic Albanian rebels fought near Macedonia's border. | Ethnic Albanian rebels | MKDREB
Iraqi Kurds accused Baghdad of breaking the agreement. | Iraqi Kurds | IRQCVL
Kurds in Turkey protested against the new law. | Kurds | TURCVL
Tamils marched in Colombo to demand the release of prisoners. | Tamils | LKACVL
Bosnian Serbs shelled Sarajevo overnight. | Bosnian Serbs | BIHCVL
"""


def _cases(table: str) -> list[tuple[str, ...]]:
    rows = [line for line in table.strip().splitlines() if not line.startswith("#")]
    return [tuple(part.strip() for part in row.split("|")) for row in rows]


@pytest.mark.parametrize(("text", "words", "code"), _cases(CASES))
def test_words_take_the_documented_code(coder, text, words, code) -> None:  # type: ignore[no-untyped-def]
    assert _codes(coder, text).get(words) == code


DATED = """
The SPLA accused Khartoum of bombing villages. | SPLA | 1998-05-02 | SDNREBSPL
The SPLA accused Khartoum of bombing villages. | SPLA | 2012-04-10 | SSDMIL
UNITA accused the MPLA of fraud. | UNITA | 1999-01-05 | AGOREBUNI
UNITA accused the MPLA of fraud. | UNITA | 2008-09-07 | AGOPTYUNI
The Taliban closed girls' schools in Kandahar. | Taliban | 1998-03-01 | AFGINSTAL
The Taliban closed girls' schools in Kandahar. | Taliban | 2022-03-01 | AFGGOV
"""


@pytest.mark.parametrize(("text", "words", "day", "code"), _cases(DATED))
def test_a_groups_code_follows_its_dated_roles(coder, text, words, day, code) -> None:  # type: ignore[no-untyped-def]
    assert _codes(coder, text, dt.date.fromisoformat(day)).get(words) == code


def test_a_country_adjective_that_places_a_people_is_not_a_state_actor(coder) -> None:  # type: ignore[no-untyped-def]
    codes = _codes(coder, "Iraqi Kurds accused Baghdad of breaking the agreement.")
    assert "Iraqi" not in codes
    assert list(codes.values()).count("IRQGOV") == 1  # Baghdad only


def test_an_ethnic_group_with_no_place_lives_in_the_documents_country(coder) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kosovo police arrested two men on Monday.\n\n"
        "Ethnic Albanians protested outside the court on Tuesday."
    )
    assert _codes(coder, text).get("Ethnic Albanians") == "KSVCVL"


def test_an_ethnic_group_in_a_text_without_countries_keeps_the_matchers_code(
    coder,
) -> None:  # type: ignore[no-untyped-def]
    assert (
        _codes(coder, "Ethnic Albanians rallied on Sunday.").get("Albanians")
        == "ALBCVL"
    )
    assert "Kurds" not in _codes(coder, "Kurds rallied on Sunday.")


def test_a_people_named_as_a_modifier_is_not_an_ethnic_group(coder) -> None:  # type: ignore[no-untyped-def]
    codes = _codes(coder, "Roma families were evicted from a settlement in Slovakia.")
    assert "Roma" not in codes
