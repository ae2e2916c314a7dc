"""Dictionary entries of CAMEO roots 11-20 on sentences written for these tests.

Each sentence exercises one phrase of the verb files (a particle, a preposition or
an object lemma) through the real model and coder: the code asserted is the most
specific one the phrase is meant to give.
"""

from __future__ import annotations

import pytest

from dyads.model import Event

CASES = [
    # 11: disapprove, accuse, sue, convict
    (
        "The Russian foreign minister questioned the legitimacy of the Ukrainian "
        "government.",
        "RUS",
        "110",
        "UKR",
    ),
    ("Washington held Moscow responsible for the attack.", "USA", "112", "RUS"),
    ("Beijing blamed the clashes on Indian troops.", "CHN", "112", "IND"),
    ("Pakistan accused India of spying on its diplomats.", "PAK", "1125", "IND"),
    (
        "Ukraine hauled Russia before the International Court of Justice.",
        "UKR",
        "115",
        "RUS",
    ),
    ("India's row with Canada deepened.", "IND", "110", "CAN"),
    # 12-13: reject, threaten
    ("Russia sabotaged the peace talks on Ukraine.", "RUS", "120", "UKR"),
    ("Hungary balked at the EU sanctions package.", "HUN", "120", "IGOEUR"),
    ("The Turkish president warned Sweden of sanctions.", "TUR", "1312", "SWE"),
    # 14: protest, with the 4-digit code its object gives
    ("Thousands of students rallied for democracy in Hong Kong.", "HKG", "1414", "HKG"),
    ("Women demonstrated for equal rights in Tehran.", "IRN", "1413", "IRN"),
    ("Teachers struck for higher pay in Nairobi.", "KEN", "1432", "KEN"),
    ("The Bangladeshi opposition boycotted the election.", "BGD", "143", "BGD"),
    ("Protesters pelted Kenyan police with stones.", "KEN", "145", "KENCOP"),
    ("Hundreds of Iranians rallied outside the British embassy.", "IRN", "141", "GBR"),
    # 15-16: force posture, reduced relations
    (
        "Russia massed more than 100,000 troops along the Ukrainian border.",
        "RUS",
        "154",
        "UKR",
    ),
    (
        "Chinese fighter jets buzzed an American destroyer in the South China Sea.",
        "CHN",
        "150",
        "USA",
    ),
    ("Moscow suspended air links with Georgia.", "RUS", "160", "GEO"),
    ("China halted exports of rare earths to Japan.", "CHN", "163", "JPN"),
    ("Guinea-Bissau withdrew its recognition of Kosovo.", "GNB", "160", "KSV"),
    (
        "The European Union targeted Russian banks with sanctions.",
        "IGOEUR",
        "163",
        "RUS",
    ),
    ("Russia condemned Estonia's expulsion of Russian diplomats.", "EST", "161", "RUS"),
    ("Washington's suspension of aid to Egypt angered Cairo.", "USA", "162", "EGY"),
    # 17: coerce
    ("Russian hackers defaced Ukrainian government websites.", "RUS", "176", "UKR"),
    (
        "The Thai election commission barred the opposition leader from the election.",
        "THA",
        "1722",
        "THAOPP",
    ),
    ("The Iranian regime crushed the uprising in Kurdistan.", "IRN", "175", "IRN"),
    ("Russian hackers targeted Estonian government websites.", "RUS", "176", "EST"),
    (
        "The Ukrainian parliament impeached the Ukrainian president.",
        "UKR",
        "173",
        "UKR",
    ),
    ("Kenyan police teargassed protesters in Nairobi.", "KENCOP", "175", "KEN"),
    # 18: assault, bombings by kind
    ("Chinese police beat Tibetan protesters in Lhasa.", "CHNCOP", "182", "CHN"),
    (
        "Two Kurdish activists were executed by Iranian authorities.",
        "IRN",
        "1823",
        "IRN",
    ),
    ("Gunmen held three French aid workers as hostages in Mali.", "FRA", "181", "FRA"),
    (
        "Islamic State militants detonated a truck packed with explosives at an Iraqi "
        "army checkpoint.",
        "IMGINSISL",
        "1832",
        "IRQ",
    ),
    # 19-20: fight, mass violence
    ("Ukrainian troops destroyed Russian tanks near Kyiv.", "UKRMIL", "190", "RUS"),
    ("Russian troops advanced on the Ukrainian capital.", "RUSMIL", "190", "UKR"),
    ("Israel reimposed the blockade on Lebanon.", "ISR", "191", "LBN"),
    ("Russian troops rolled into Georgian territory.", "RUSMIL", "192", "GEO"),
    ("Ukrainian troops attacked Russian positions with drones.", "UKR", "1952", "RUS"),
    ("Syrian government forces attacked rebels with chlorine.", "SYR", "2041", "SYR"),
    (
        "Serbian forces forced thousands of Kosovo Albanians from their homes.",
        "SRBMIL",
        "201",
        "KSV",
    ),
    # a noun's compounds and adjectives are its objects: air strikes, trade war
    ("Israeli air strikes on Gaza killed dozens.", "ISR", "195", "PSE"),
    ("Hamas's rocket attacks on Israel continued.", "PSEREBHMS", "194", "ISR"),
    ("The Chinese cyber attack on the Pentagon was discovered.", "CHN", "176", "USA"),
    ("America's trade war with China hurt farmers.", "USA", "163", "CHN"),
    ("The general strike by Argentine unions shut Argentina.", "ARG", "143", "ARG"),
    ("NATO's bombing campaign against Serbia lasted 78 days.", "IGOWST", "195", "SRB"),
    ("Israel's ground assault on Gaza began.", "ISR", "190", "PSE"),
    # a light verb leaves the noun to say what kind of strike or attack it was
    (
        "Palestinian prisoners launched a hunger strike in Israeli jails.",
        "PSE",
        "142",
        "",
    ),
    (
        "The United States carried out drone strikes against Al-Shabaab.",
        "USA",
        "1952",
        "",
    ),
]


def _found(events: list[Event], source: str, target: str) -> list[str]:
    return [
        e.code
        for e in events
        if e.source.actor.code.startswith(source)
        and e.target is not None
        and e.target.actor.code.startswith(target)
    ]


@pytest.mark.parametrize(
    ("sentence", "source", "code", "target"),
    CASES,
    ids=[f"{c[2]}-{i}" for i, c in enumerate(CASES)],
)
def test_phrase_gives_its_code(
    coder, sentence: str, source: str, code: str, target: str
) -> None:
    events = coder.code_text(sentence)
    assert code in _found(events, source, target), [
        (e.source.actor.code, e.code, e.target.actor.code if e.target else "-")
        for e in events
    ]


# (sentence, root it must not get, whether it must give an event at all)
NOT_CASES = [
    # Protesters occupying a building obstruct (14), they do not occupy territory.
    ("Protesters occupied the parliament building in Bishkek.", "19", True),
    # Crowds massing outside an embassy protest; troops massing is 154.
    ("Angry Serbs massed outside the American embassy.", "15", True),
    # Beating a rival at the polls or at football is no assault.
    ("Biden beat Trump in the 2020 election.", "18", False),
    ("Germany beat Argentina in the World Cup final.", "18", False),
    # Executing an order kills nobody.
    ("The Ukrainian army executed the order of the Ukrainian president.", "18", False),
    # Election campaigns and rescue operations are not military.
    ("The Russian election campaign began in Moscow.", "19", False),
    ("The rescue operation by Turkish soldiers saved dozens.", "19", False),
    # A quarrel over a budget is no fighting.
    ("France and Germany clashed over the EU budget.", "19", True),
]


@pytest.mark.parametrize(("sentence", "not_root", "coded"), NOT_CASES)
def test_phrase_is_not_misread(
    coder, sentence: str, not_root: str, coded: bool
) -> None:
    events = coder.code_text(sentence)
    got = [(e.source.actor.code, e.code) for e in events]
    assert all(e.root != not_root for e in events), got
    assert bool(events) or not coded, got
