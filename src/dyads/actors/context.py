"""Resolve actors from the document's own context, across sentences.

A press release introduces its people once ("The President of the Republic of
Kosovo, Vjosa Osmani") and then says "President Osmani", "the President" and
"she". A coder that only reads a dictionary misses all of these, and one that
resolves pronouns only inside a sentence (PETRARCH2) misses most. This module
first re-homes ethnic groups to the country they live in ("ethnic Albanians
in Serbia" -> ``SRBCVL``, see :mod:`dyads.actors.residence`), then applies,
in document order:

1. *Appositions*: a name in apposition to a titled actor takes that actor
   ("X, NATO Secretary General, ..."); the apposition beats the dictionary,
   because the document states the role on its date.
2. *Aliases*: a later mention of the full name or the surname alone takes the
   same actor; "President Osmani" drops the bare title in favour of the name.
3. *Definite titles*: "the President" takes the latest person introduced with
   that title.
4. *Pronouns*: "she", "he" (subject or object, not possessive) take the latest
   person mentioned before them; "they" and "it" are left alone because they
   refer to groups and things as often as to actors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dyads.actors.match import Found, Found_index
from dyads.actors.residence import place_ethnic_groups
from dyads.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dyads.nlp.tree import Tree

_PERSON_PRONOUNS = {"she", "he", "her", "him"}
_GROUP_PRONOUNS = {"it", "they"}
_GROUP_KINDS = {"country", "igo", "agent", "capital", "composed"}
_PERSON_KINDS = {"person", "apposition", "alias", "title-person"}


def resolve_context(
    doc: Doc, index: Found_index, tree: Tree | None = None
) -> Found_index:
    """Add and replace actors in ``index`` using the document's own context.

    Ethnic groups in ``index`` are re-homed in place before the rest. ``tree``,
    the document's :class:`~dyads.nlp.tree.Tree` when the caller has one, lends
    its ready-made nodes: a spaCy Token is built anew at every ``doc[i]``.
    """
    toks: Any = tree.nodes if tree is not None else doc
    place_ethnic_groups(doc, index, tree)
    _drop_stances(toks, index)
    aliases: dict[str, Found] = {}
    people: list[Found] = []  # person-like actors in document order
    groups: list[Found] = []  # states, organisations and groups, for "it"/"they"
    resolved = Found_index(modifiers=set(index.modifiers))
    title_heads = _title_heads(toks, index)
    # Names the dictionaries know: a sector title before one is a description
    # ("human rights organization Amnesty International"), not a person's title.
    known = {
        head
        for head, fs in index.by_head.items()
        if any(f.kind in {"person", "agent", "igo"} for f in fs)
    }
    for i in _candidates(doc, index):
        if i in resolved.by_head or i in resolved.by_token:
            continue
        found = index.by_head.get(i)
        if found is None and i in index.by_token and index.by_token[i].head != i:
            continue  # inside a span whose head comes later: handled at its head
        if found is not None:
            for f in found:
                kept = _resolve_found(toks, f, aliases, people, title_heads, known)
                if kept is not None:
                    resolved.add(kept)
                    if kept.kind in _PERSON_KINDS:
                        people.append(kept)
                    elif kept.kind in _GROUP_KINDS and kept.actor.country != "---":
                        groups.append(kept)
                    _introduce(toks, kept, aliases, resolved, people, known)
            continue
        new = _resolve_unmatched(doc, toks, toks[i], aliases, people, groups)
        if new is not None:
            resolved.add(new)
            if new.kind != "group-pronoun":
                people.append(new)
    return resolved


def _candidates(doc: Doc, index: Found_index) -> list[int]:
    """Tokens that may carry an actor: dictionary heads, proper nouns, pronouns.

    Read from spaCy's arrays rather than token by token: building a Python
    Token for every word of every document costs more than the rest of this
    module (measured with cProfile on generated news).
    """
    from spacy.symbols import PRON, PROPN

    pos = doc.to_array("POS")
    marked = set(index.by_head) | set(index.by_token)
    marked.update(int(i) for i in (pos == PROPN).nonzero()[0])
    marked.update(int(i) for i in (pos == PRON).nonzero()[0])
    return sorted(marked)


def _drop_stances(doc: Any, index: Found_index) -> None:
    """ "An anti-Syria journalist", "pro-Russian rebels": the country names a
    stance, not an actor or an owner. The country is dropped, and a sector it
    was composed with keeps no country (the sentence's place may give one)."""
    stripped: list[Found] = []
    for found in (f for fs in index.by_head.values() for f in fs):  # order-free
        start = found.start
        if start < 2 or doc[start - 1].text != "-":
            continue
        if doc[start - 2].lower_ not in {"anti", "pro"}:
            continue
        if found.kind in {"country", "capital"}:
            found.kind = "stance"
        elif found.kind == "composed" and found.actor.sector:
            sector = found.actor.sector
            found.actor = Actor(f"---{sector}", found.actor.name, None, sector)
            found.rule = "sector-only"
        else:
            continue
        stripped.append(found)
    if stripped:
        # the document's main country, as the matcher reads it, without stances
        counts: dict[str, int] = {}
        for found in index.all():
            country = found.actor.country
            if country and found.kind != "stance" and found.rule != "sector-only":
                counts[country] = counts.get(country, 0) + 1
        home = max(counts, key=lambda c: counts[c]) if counts else None
        for found in stripped:
            if home and found.kind != "stance" and found.actor.sector:
                sector = found.actor.sector
                found.actor = Actor(f"{home}{sector}", found.actor.name, home, sector)
                found.rule = "sector-in-document-country"


def _resolve_found(
    doc: Any,
    found: Found,
    aliases: dict[str, Found],
    people: list[Found],
    title_heads: set[int],
    known_names: set[int],
) -> Found | None:
    """Keep, drop or re-point one dictionary match."""
    if found.kind == "stance":
        return None
    if found.head in title_heads:
        name = doc[found.head].head
        owned = found.kind in {"composed", "igo"}
        if not owned and (name.i in known_names or name.lower_ in aliases):
            return None  # "President" in "President Osmani": the name carries it
        # "NATO Secretary General Jens Stoltenberg", "Serbian President X": the
        # document states the role, which beats the dictionary's dates.
        start = min(found.start, *(t.i for t in name.subtree if t.dep_ == "compound"))
        return Found(
            start,
            name.i + 1,
            name.i,
            found.actor,
            "title",
            found.entries,
            "title-person",
            title=found.title,
        )
    if found.kind == "sector":
        if doc[found.head].lower_ in {"president", "minister", "chancellor"} or (
            found.title and found.title[:1].isupper()
        ):
            antecedent = _latest_with_title(people, found.title, found.actor.sector)
            if antecedent is not None:
                return _pointing(found, antecedent, "definite-title")
        return found
    if found.kind == "person" and doc[found.head].lower_ in aliases:
        earlier = aliases[doc[found.head].lower_]
        if earlier.rule in {"apposition", "title"}:
            return _pointing(found, earlier, "alias")
    return found


def _introduce(
    doc: Any,
    found: Found,
    aliases: dict[str, Found],
    resolved: Found_index,
    people: list[Found],
    known: set[int],
) -> None:
    """Register names in apposition to a titled actor, and the actor's own names.

    A bare description does not beat the dictionary: in "the militant group
    Hamas" Hamas stays Hamas (``known`` holds the dictionary's named actors).
    """
    if found.kind in {"composed", "sector", "igo"}:
        head = doc[found.head]
        for child in head.children:
            if found.kind == "sector" and child.i in known:
                continue
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                start = min(
                    t.i
                    for t in child.subtree
                    if t.dep_ in {"compound", "appos"} or t.i == child.i
                )
                end = child.i + 1
                person = Found(
                    start,
                    end,
                    child.i,
                    found.actor,
                    "apposition",
                    found.entries,
                    "apposition",
                    title=found.title,
                    antecedent=(found.start, found.end),
                )
                for i in range(start, end):
                    resolved.by_head.pop(i, None)
                resolved.add(person)
                people.append(person)
                _remember(doc, person, aliases)
    elif found.kind in _PERSON_KINDS:
        _remember(doc, found, aliases)


def _remember(toks: Any, found: Found, aliases: dict[str, Found]) -> None:
    """Later mentions find the actor by its head word ("Osmani")."""
    name = " ".join(toks[i].text for i in range(found.start, found.end))
    aliases[name.lower()] = found
    aliases[toks[found.head].lower_] = found


def _previous_sentence_start(doc: Doc, i: int) -> int:
    start = doc[i].sent.start
    return doc[start - 1].sent.start if start > 0 else start


def _resolve_unmatched(
    doc: Doc,
    toks: Any,
    token: Any,
    aliases: dict[str, Found],
    people: list[Found],
    groups: list[Found],
) -> Found | None:
    """A name seen before, or a personal pronoun, with no dictionary match."""
    if token.pos_ == "PROPN" and token.lower_ in aliases and token.dep_ != "compound":
        earlier = aliases[token.lower_]
        start = token.i
        while (
            start > 0
            and toks[start - 1].dep_ == "compound"
            and toks[start - 1].head.i == token.i
        ):
            start -= 1
        return _refer(start, token.i, earlier, "alias", "alias")
    if (
        token.lower_ in _GROUP_PRONOUNS
        and token.dep_ in {"nsubj", "nsubjpass"}
        and groups
    ):
        earlier = groups[-1]
        if doc[earlier.head].sent.start >= _previous_sentence_start(doc, token.i):
            return _refer(token.i, token.i, earlier, "pronoun", "group-pronoun")
    if token.lower_ in _PERSON_PRONOUNS and token.dep_ != "poss" and people:
        return _refer(token.i, token.i, people[-1], "pronoun", "alias")
    return None


def _refer(start: int, head: int, earlier: Found, rule: str, kind: str) -> Found:
    """A mention at tokens ``[start, head]`` that refers back to ``earlier``."""
    return Found(
        start,
        head + 1,
        head,
        earlier.actor,
        rule,
        earlier.entries,
        kind,
        title=earlier.title,
        antecedent=(earlier.start, earlier.end),
    )


def _title_heads(doc: Any, index: Found_index) -> set[int]:
    """Sector titles used as a compound before a name ("President Osmani")."""
    heads = set()
    for head, found in index.by_head.items():
        if not any(f.kind in {"sector", "composed", "igo"} for f in found):
            continue  # checked first: a spaCy Token costs more than this test
        token = doc[head]
        if token.dep_ == "compound":
            if token.head.pos_ == "PROPN" and token.head.i > token.i:
                heads.add(head)
    return heads


def _latest_with_title(
    people: list[Found], title: str | None, sector: str | None
) -> Found | None:
    """The latest person introduced with this title, else with this sector."""
    if not title:
        return None
    wanted = title.lower()
    for person in reversed(people):
        if person.title and person.title.lower().endswith(wanted):
            return person
    for person in reversed(people):
        if sector and person.actor.sector == sector:
            return person
    return None


def _pointing(found: Found, antecedent: Found, rule: str) -> Found:
    return Found(
        found.start,
        found.end,
        found.head,
        antecedent.actor,
        rule,
        antecedent.entries,
        "title-person",
        title=found.title,
        antecedent=(antecedent.start, antecedent.end),
    )
