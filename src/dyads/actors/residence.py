"""Ethnic groups take the country they live in, as CAMEO codes them.

CAMEO codes an ethnic group by where it lives, not by the state its name
recalls: "ethnic Albanians demonstrated in Serbia" are Serbia's civilians
(``SRBCVL``), not Albania's, and "Iraqi Kurds" are ``IRQCVL``. The matcher
codes a plural demonym as civilians of an of/in/from place or a country
adjective on the noun ("Albanians of southern Serbia", "Bosnian Serbs"), else
of its own country; this module re-homes the mentions that name an ethnic group
rather than a nation:

* a demonym after "ethnic" ("ethnic Albanians", "ethnic Albanian rebels"),
  when the matcher found no place of its own for it;
* the nouns of peoples without a state of their own or living across several
  (:data:`ETHNIC_NOUNS`: Kurds, Tamils, Roma, Uighurs ...), which no dictionary
  file lists, so that the matcher finds nothing at them.

The country of residence is, in order: a country adjective, possessor or
compound on the noun ("Iraqi Kurds", "Serbia's ethnic Albanians"); an
of/in/from place on it ("Kurds in Turkey"); the nearest country or capital that
the same sentence names as a place ("in Serbia", "in Montenegro province",
"Macedonia's border", "a Serbian village"); the document's main country (the
one most of its other actors belong to). With none of these a demonym keeps the
matcher's code and a stateless people is left uncoded.

Ethnic groups code as civilians (``CVL``), like every people named by a
demonym; a sector noun after the demonym keeps its sector ("ethnic Albanian
rebels in Kosovo" -> ``KSVREB``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.strings import hash_string  # type: ignore[attr-defined]

from dyads.actors.match import Found, Found_index
from dyads.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dyads.nlp.tree import Tree

#: Peoples named without a state of their own (or living in several), as news
#: writes them; matched on the lower-cased word when it heads a noun phrase.
ETHNIC_NOUNS = frozenset(
    """kurds kurd tamils druze roma romanies gypsies uighurs uyghurs uygurs
    pashtuns pashtoons pathans hutus hutu tutsis tutsi berbers amazigh baluch
    baluchis balochs baloch rohingya rohingyas hazaras tuaregs tuareg
    tatars tartars sahrawis saharawis basques catalans assyrians yazidis
    yezidis kashmiris hmong ogonis ijaws igbos ibos yorubas hausas fulani
    ossetians abkhazians""".split()
)

_ETHNIC_IDS = frozenset(hash_string(word) for word in ETHNIC_NOUNS)
_CIVILIANS = "CVL"
_RULE = "ethnic-residence"
_PLACE_PREPS = frozenset(
    "in of from at near across along inside throughout within".split()
)
_NOUN_MODIFIERS = frozenset({"amod", "compound", "poss", "nmod"})


def place_ethnic_groups(doc: Doc, index: Found_index, tree: Tree | None = None) -> None:
    """Re-home ethnic mentions in ``index`` (in place) to their country of residence.

    ``tree``, when given, lends its ready-made nodes and word ids: most
    documents name no ethnic group, and should pay next to nothing here.
    """
    toks: Any = tree.nodes if tree is not None else doc
    # Most documents name no people by a demonym: looked for before sorting.
    if any(f.rule.startswith("people:") for fs in index.by_head.values() for f in fs):
        for found in index.all():
            if found.rule.startswith("people:"):
                _take_modifier(toks, index, found)  # "Bosnian Serbs": one actor
    ethnic = (
        [f for f in index.all() if _is_ethnic_demonym(toks, f)]
        if any(_is_ethnic_demonym(toks, f) for fs in index.by_head.values() for f in fs)
        else []
    )
    lower = tree.lower_ids if tree is not None else doc.to_array("LOWER").tolist()
    heads = _ethnic_noun_heads(toks, lower, index)
    if not ethnic and not heads:
        return
    home = _main_country(index, {id(f) for f in ethnic})
    places = _places(doc, index)
    for found in ethnic:
        if found.actor.country == _own_country(found):
            where = _residence(doc, index, places, found.head, found) or home
            if where is None:
                continue
            sector = found.actor.sector or _CIVILIANS
            found.actor = Actor(f"{where}{sector}", found.actor.name, where, sector)
            found.rule = _RULE
            _take_modifier(toks, index, found)
        _take_ethnic_word(toks, index, found)  # the span takes "ethnic" in either case
    for head in heads:
        where = _residence(doc, index, places, head, None) or home
        if where is None:
            continue
        token = doc[head]
        found = Found(
            head,
            head + 1,
            head,
            Actor(f"{where}{_CIVILIANS}", token.text, where, _CIVILIANS),
            _RULE,
            (f"countries/{where}",),
            "composed",
        )
        _take_modifier(toks, index, found)
        _take_ethnic_word(toks, index, found)
        index.add(found)


def _is_ethnic_demonym(doc: Any, found: Found) -> bool:
    """A demonym (or demonym and sector) after the word "ethnic"."""
    if _own_country(found) is None or found.start == 0:
        return False
    return bool(doc[found.start - 1].lower_ == "ethnic")


def _own_country(found: Found) -> str | None:
    """The country a demonym names, when ``found`` was built from one."""
    if found.kind != "composed" or not found.entries:
        return None
    first = found.entries[0]
    if not first.startswith("countries/"):
        return None
    return first.removeprefix("countries/")


def _ethnic_noun_heads(doc: Any, lower: list[int], index: Found_index) -> list[int]:
    """Heads of noun phrases that name a stateless people ("Kurds", not "Kurd leaders").

    Words are compared as spaCy's string ids, so that no Python Token is built
    for the words of a document that names no such people.
    """
    heads = []
    for i in (i for i, word in enumerate(lower) if word in _ETHNIC_IDS):
        token = doc[i]
        if (
            token.pos_ in {"NOUN", "PROPN"}
            and token.dep_ not in {"compound", "amod"}
            and token.i not in index.by_token
        ):
            heads.append(token.i)
    return heads


def _residence(
    doc: Doc,
    index: Found_index,
    places: list[tuple[int, str]],
    head: int,
    found: Found | None,
) -> str | None:
    """The country a group at ``head`` lives in, from its own sentence."""
    token = doc[head]
    for child in token.children:  # "Iraqi Kurds", "Serbia's ethnic Albanians"
        country = _country_at(index, child.i, found)
        if child.dep_ in _NOUN_MODIFIERS and country:
            return country
    for child in token.children:  # "Kurds in Turkey"
        if child.dep_ == "prep" and child.lower_ in {"of", "in", "from"}:
            for pobj in child.children:
                country = _country_at(index, pobj.i, found)
                if pobj.dep_ == "pobj" and country:
                    return country
    sentence = token.sent
    near = [
        (abs(at - head), country)
        for at, country in places
        if sentence.start <= at < sentence.end and at != head
    ]
    return min(near)[1] if near else None


def _places(doc: Doc, index: Found_index) -> list[tuple[int, str]]:
    """Head token and country of every country or capital named as a place."""
    return [
        (f.head, f.actor.country)
        for f in index.all()
        if f.kind in {"country", "capital"}
        and f.actor.country
        and _is_place(doc, index, doc[f.head])
    ]


def _country_at(index: Found_index, i: int, found: Found | None) -> str | None:
    for f in index.at(i):
        if f is not found and f.kind in {"country", "capital"}:
            return f.actor.country
    return None


def _is_place(doc: Doc, index: Found_index, token: Token) -> bool:
    """Whether a country or capital stands for a place here, not for a state acting.

    It does as the object of a place preposition ("in Serbia"), and as a
    modifier of a noun that is no actor ("Macedonia's border", "Montenegro
    province", "a Serbian village"), or of one that is such an object.
    """
    noun = token
    while noun.dep_ in _NOUN_MODIFIERS and noun.head.i != noun.i:
        noun = noun.head
    if noun.i != token.i and noun.i not in index.by_head:
        return True
    return (
        noun.dep_ == "pobj"
        and noun.head.dep_ == "prep"
        and noun.head.lower_ in _PLACE_PREPS
    )


def _main_country(index: Found_index, skip: set[int]) -> str | None:
    """The country most other actors of the document belong to (first on a tie)."""
    counts: dict[str, int] = {}
    for found in index.all():
        country = found.actor.country
        if id(found) in skip or not country or found.rule == "sector-only":
            continue
        counts[country] = counts.get(country, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def _take_modifier(doc: Any, index: Found_index, found: Found) -> None:
    """The country modifier that placed a people ("Iraqi Kurds") joins the mention."""
    for child in doc[found.head].children:
        if child.dep_ not in _NOUN_MODIFIERS or child.i > found.head:
            continue
        for other in list(index.at(child.i)):
            if other is found or other.actor.country != found.actor.country:
                continue
            if other.kind not in {"country", "capital"}:
                continue
            _drop(index, other)
            index.modifiers.update(range(other.start, other.end))
            for i in range(other.start, other.end):
                index.by_token.setdefault(i, found)
            found.start = min(found.start, other.start)


def _take_ethnic_word(doc: Any, index: Found_index, found: Found) -> None:
    before = found.start - 1
    if before >= 0 and doc[before].lower_ == "ethnic":
        found.start = before
        index.by_token.setdefault(before, found)


def _drop(index: Found_index, found: Found) -> None:
    """Remove one actor from ``index``."""
    kept = [f for f in index.by_head.get(found.head, []) if f is not found]
    if kept:
        index.by_head[found.head] = kept
    else:
        index.by_head.pop(found.head, None)
    for i in range(found.start, found.end):
        if index.by_token.get(i) is found:
            del index.by_token[i]
