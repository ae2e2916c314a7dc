"""A generator of realistic English news paragraphs for benchmarks (our own text).

Every benchmark in bench/ codes the same kind of text: wire-style sentences with
states, governments, alliances, armed groups and officials doing the things
news reports (meetings, visits, accusations, threats, arrests, attacks, aid),
with titles, appositions, pronouns, dates and places, in paragraphs of 3-6
sentences. The output is deterministic for a given seed, so runs compare.

    python bench/newsgen.py --docs 1000 > corpus.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator

COUNTRIES = [
    ("Serbia", "Serbian", "Belgrade"),
    ("Kosovo", "Kosovo", "Pristina"),
    ("Albania", "Albanian", "Tirana"),
    ("Russia", "Russian", "Moscow"),
    ("Ukraine", "Ukrainian", "Kyiv"),
    ("Germany", "German", "Berlin"),
    ("France", "French", "Paris"),
    ("Turkey", "Turkish", "Ankara"),
    ("China", "Chinese", "Beijing"),
    ("Japan", "Japanese", "Tokyo"),
    ("Israel", "Israeli", "Jerusalem"),
    ("Iran", "Iranian", "Tehran"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Nigeria", "Nigerian", "Abuja"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("India", "Indian", "New Delhi"),
    ("Pakistan", "Pakistani", "Islamabad"),
    ("Sudan", "Sudanese", "Khartoum"),
    ("Poland", "Polish", "Warsaw"),
    ("Greece", "Greek", "Athens"),
]
ORGS = [
    "NATO",
    "the European Union",
    "the United Nations",
    "the OSCE",
    "the African Union",
]
GROUPS = ["Hamas", "Hezbollah", "the Taliban", "al-Shabaab", "Boko Haram"]
SECTORS = [
    "police",
    "officials",
    "troops",
    "government",
    "lawmakers",
    "prosecutors",
    "diplomats",
]
TITLES = ["President", "Prime Minister", "Foreign Minister", "Defence Minister"]
NAMES = [
    "Ana Petrovic",
    "Luan Berisha",
    "Marta Novak",
    "Ivan Sokolov",
    "Elif Demir",
    "Karim Haddad",
    "Sofia Rossi",
    "Daniel Weber",
    "Amina Bello",
    "Chen Wei",
]
COOPERATIVE = [
    "met with {t} to discuss security cooperation",
    "signed an agreement with {t} on energy and trade",
    "praised {t} for its support",
    "expressed gratitude to {t} for humanitarian aid",
    "hosted a delegation from {t}",
    "promised economic assistance to {t}",
    "agreed to resume talks with {t}",
    "called on {t} to release the detained journalists",
    "visited {t} for two days of talks",
]
CONFLICTUAL = [
    "accused {t} of violating the ceasefire",
    "condemned {t} over the attack on the border post",
    "threatened {t} with new sanctions",
    "rejected the proposal made by {t}",
    "expelled two diplomats from {t}",
    "imposed sanctions on {t}",
    "arrested dozens of supporters of {t}",
    "attacked positions held by {t}",
    "warned {t} against further provocations",
]
OPENERS = [
    "On Tuesday,",
    "Yesterday,",
    "Earlier this week,",
    "On 12 March,",
    "Last week,",
    "",
]


def _actor(rng: random.Random) -> str:
    kind = rng.random()
    country, adjective, capital = rng.choice(COUNTRIES)
    if kind < 0.25:
        return country
    if kind < 0.45:
        return f"{adjective} {rng.choice(SECTORS)}"
    if kind < 0.6:
        return f"{country}'s {rng.choice(TITLES)} {rng.choice(NAMES)}"
    if kind < 0.75:
        return rng.choice(ORGS)
    if kind < 0.85:
        return capital
    return rng.choice(GROUPS)


def paragraph(rng: random.Random) -> str:
    """3-6 sentences of wire-style news, with a pronoun or two."""
    sentences = []
    for i in range(rng.randint(3, 6)):
        source, target = _actor(rng), _actor(rng)
        template = rng.choice(COOPERATIVE if rng.random() < 0.55 else CONFLICTUAL)
        opener = rng.choice(OPENERS)
        subject = "She" if i and rng.random() < 0.15 else source
        text = f"{opener} {subject} {template.format(t=target)}".strip()
        if rng.random() < 0.3:
            text += f", according to a statement from {rng.choice(COUNTRIES)[2]}"
        sentences.append(text[0].upper() + text[1:] + ".")
    return " ".join(sentences)


def corpus(n: int, seed: int = 7) -> Iterator[dict[str, str]]:
    """``n`` JSON Lines records (id, text, date, title, lang)."""
    rng = random.Random(seed)
    start = dt.date(2023, 1, 1)
    for i in range(n):
        day = start + dt.timedelta(days=rng.randint(0, 700))
        yield {
            "id": f"gen-{seed}-{i:07d}",
            "text": paragraph(rng),
            "date": day.isoformat(),
            "title": f"Generated report {i}",
            "lang": "en",
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    for record in corpus(args.docs, args.seed):
        sys.stdout.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
