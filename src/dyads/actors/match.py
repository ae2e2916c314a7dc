"""Find actor mentions in a parsed document: names, composed sector phrases, titles.

Matching runs in two passes over the spaCy tokens:

1. *Phrases*: the longest dictionary phrase starting at each token (country
   names and adjectives, capitals, IGOs, named groups, people, sector words).
2. *Composition*: a sector or title noun takes its country or organisation from
   its modifiers ("Serbian police" -> SRBCOP, "Kosovo's President" -> KSVGOV,
   "the President of the Republic of Kosovo" -> KSVGOV, "NATO Secretary
   General" -> IGOWSTNAT). Conjoined modifiers give one actor each ("Hungarian
   and Romanian officials").

A bare country that stands as an actor ("Serbia continues to threaten") is coded
as its government, ``SRBGOV``: a state acts through its government (see #2).
Context across sentences (appositions, "the President", "she") is resolved
afterwards by :mod:`dyads.actors.context`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dyads.actors.dictionary import ActorDictionary, ActorEntry
from dyads.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dyads.nlp.tree import Node, Tree

_MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}


@dataclass(slots=True)
class Found:
    """An actor found at a token span; ``head`` is the token events attach to."""

    start: int
    end: int
    head: int
    actor: Actor
    rule: str
    entries: tuple[str, ...]
    kind: str
    title: str | None = None
    antecedent: tuple[int, int] | None = None


@dataclass(slots=True)
class Found_index:  # noqa: N801 - internal record, named for what it indexes
    """All actors found in a document, indexed by head token and by covered token."""

    by_head: dict[int, list[Found]] = field(default_factory=dict)
    by_token: dict[int, Found] = field(default_factory=dict)
    modifiers: set[int] = field(default_factory=set)

    def add(self, found: Found) -> None:
        self.by_head.setdefault(found.head, []).append(found)
        for i in range(found.start, found.end):
            self.by_token.setdefault(i, found)

    def at(self, token_index: int) -> list[Found]:
        """Actors whose head is the token, else the one whose span covers it."""
        if token_index in self.by_head:
            return self.by_head[token_index]
        found = self.by_token.get(token_index)
        return [found] if found is not None else []

    def all(self) -> list[Found]:
        return sorted(
            (f for fs in self.by_head.values() for f in fs),
            key=lambda f: (f.start, f.actor.code),
        )


class ActorMatcher:
    """Finds actors in spaCy Docs with one :class:`ActorDictionary` (no globals)."""

    def __init__(self, dictionary: ActorDictionary) -> None:
        from dyads.actors.phrase_index import PhraseIndex

        self.dictionary = dictionary
        self._index = PhraseIndex(dictionary)

    def match(
        self, doc: Doc, day: dt.date | None, tree: Tree | None = None
    ) -> Found_index:
        """Every actor of ``doc`` as of ``day`` (which picks people's roles).

        ``tree`` is the document's :class:`~dyads.nlp.tree.Tree` when the caller
        has one (the pipeline shares it with the event coder).
        """
        from dyads.nlp.tree import Tree

        if tree is None:
            with Tree(doc) as tree:
                return self.match(doc, day, tree)
        phrases = self._phrases(doc, day, tree)
        index = Found_index()
        span_of: dict[int, tuple[int, int, ActorEntry]] = {}
        for start, end, entry in phrases:
            for i in range(start, end):
                span_of[i] = (start, end, entry)
        # Pass 1: sector and title nouns take their country from modifiers.
        for start, end, entry in phrases:
            if entry.kind != "sector":
                continue
            head = _span_head(tree, start, end)
            owners = self._owners(doc, tree, head, start, end, span_of)
            governor = tree[head].head
            if (
                not owners
                and tree[head].dep_ in {"compound", "amod", "nmod"}
                and governor.lemma_.lower() in _PEOPLE_HEADS
                and governor.i not in span_of
            ):
                # "Ugandan opposition candidates": the sector names who the
                # people are, the country modifier of their noun whose they are.
                owners = self._owners(
                    doc, tree, governor.i, governor.i, governor.i + 1, span_of
                )
                if owners:
                    head, end = governor.i, governor.i + 1
            for owner_entry, owner_start, owner_end in owners:
                actor = _compose(owner_entry, entry, day)
                if actor is None:
                    continue
                attached = start <= owner_start < end or tree.is_ancestor(
                    head, owner_start
                )
                span = (
                    (min(start, owner_start), max(end, owner_end))
                    if attached
                    else (start, end)
                )
                index.add(
                    Found(
                        span[0],
                        span[1],
                        head,
                        actor,
                        "composed" if attached else "composed-by-context",
                        (owner_entry.id, entry.id),
                        "composed",
                        title=tree.span_text(start, end),
                    )
                )
                if attached:
                    index.modifiers.update(range(owner_start, owner_end))
            if not owners and _modifies_other_noun(tree, head, span_of):
                continue  # "military aid", "police station": a modifier, not an actor
            if not owners:
                index.add(
                    Found(
                        start,
                        end,
                        head,
                        Actor(
                            f"---{entry.code}",
                            tree.span_text(start, end),
                            None,
                            entry.code,
                        ),
                        "sector-only",
                        (entry.id,),
                        "sector",
                        title=tree.span_text(start, end),
                    )
                )
        # Pass 2: named actors that were not used as a modifier.
        for start, end, entry in phrases:
            if entry.kind == "sector" or start in index.modifiers:
                continue
            head = _span_head(tree, start, end)
            actor = _named_actor(entry, day)
            if actor is None:
                continue
            rule = f"dictionary:{entry.id}"
            kind = entry.kind
            if entry.kind == "country" and tree[head].tag_ in {"NNS", "NNPS"}:
                # "Albanians of southern Serbia", "Palestinians": people, who
                # live where an of/in phrase says, else in their own country.
                home = _place_of(tree, head, span_of) or entry
                country = home.country or home.code[:3]
                actor = Actor(
                    f"{country}CVL", tree.span_text(start, end), country, "CVL"
                )
                rule, kind = f"people:{entry.id}", "composed"
            elif entry.kind == "country":
                actor = Actor(f"{entry.code}GOV", entry.name, entry.code, "GOV")
                rule = f"country-as-state:{entry.id}"
            index.add(Found(start, end, head, actor, rule, (entry.id,), kind))
        _localise_sectors(index)
        return index

    def _phrases(
        self, doc: Doc, day: dt.date | None, tree: Tree
    ) -> list[tuple[int, int, ActorEntry]]:
        """Longest dictionary phrase at each token, left to right, no overlaps.

        Acronyms that are common words in lower case ("US", "WHO") match only
        as written (``cased_phrases``); everything else matches in any case.
        """
        # String ids from spaCy's arrays (read once, by the Tree) pick the few
        # tokens that can start a name without making a Python string per word.
        lower_ids, orth_ids = tree.lower_ids, tree.orth_ids
        found: list[tuple[int, int, ActorEntry]] = []
        i = 0
        for start in self._index.starts(lower_ids, orth_ids):
            if start < i:
                continue  # inside the phrase found before
            i = start
            for size, entries, chosen in self._index.at(lower_ids, orth_ids, i):
                best = (
                    self.dictionary.choose(entries, day) if chosen is None else chosen
                )
                if best is None or (
                    best.kind == "sector" and not _is_nominal(tree[i + size - 1])
                ):
                    continue
                found.append((i, i + size, best))
                i += size
                break
        return found

    def _owners(
        self,
        doc: Doc,
        tree: Tree,
        head: int,
        start: int,
        end: int,
        span_of: dict[int, tuple[int, int, ActorEntry]],
    ) -> list[tuple[ActorEntry, int, int]]:
        """Countries or organisations that own a sector noun, best first."""
        token = tree[head]
        of_owners: list[tuple[ActorEntry, int, int]] = []
        in_owners: list[tuple[ActorEntry, int, int]] = []
        mod_owners: list[tuple[ActorEntry, int, int]] = []
        candidates: list[Node] = []
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in {"of", "from", "in"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        owners_here = _owner_at(pobj, span_of)
                        (in_owners if child.lower_ == "in" else of_owners).extend(
                            owners_here
                        )
            elif child.dep_ in _MODIFIER_DEPS or start <= child.i < end:
                candidates.append(child)
        # modifiers inside the phrase itself ("Kosovo Police" matched as one span)
        for i in range(start, end):
            if i in span_of and span_of[i][2].kind != "sector":
                candidates.append(tree[i])
        for child in candidates:
            mod_owners += _owner_at(child, span_of)
        # "police of Serbia" beats "Serbian", which beats "ambassador in Pristina"
        owners = of_owners or mod_owners or in_owners
        if not owners and any(
            c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in token.children
        ):
            owners = _latest_owner_before(doc, start, span_of)
        unique: dict[tuple[int, int], tuple[ActorEntry, int, int]] = {}
        for owner in owners:
            unique.setdefault((owner[1], owner[2]), owner)
        ordered = sorted(unique.values(), key=lambda o: o[1])
        if (
            len(ordered) > 1
        ):  # "Kosovo Serb citizens": the first owner and its conjuncts
            first = tree[ordered[0][1]]
            conjoined = {t.i for t in first.conjuncts} | {first.i}
            ordered = [
                o for o in ordered if any(i in conjoined for i in range(o[1], o[2]))
            ]
        return ordered


def _owner_at(
    token: Node, span_of: dict[int, tuple[int, int, ActorEntry]]
) -> list[tuple[ActorEntry, int, int]]:
    """The owner entry at ``token`` and at its conjuncts ("Hungarian and Romanian")."""
    owners = []
    for t in (token, *token.conjuncts):
        hit = span_of.get(t.i)
        if hit is not None and hit[2].kind in {"country", "igo", "capital", "agent"}:
            owners.append((hit[2], hit[0], hit[1]))
    return owners


_PEOPLE_HEADS = frozenset(
    "candidate leader member supporter activist figure representative delegate "
    "delegation group unit personnel official worker fighter loyalist side camp "
    "faction wing lawmaker deputy envoy".split()
)


def _place_of(
    tree: Tree, head: int, span_of: dict[int, tuple[int, int, ActorEntry]]
) -> ActorEntry | None:
    """Where people named by a demonym live: "Albanians of southern Serbia", "in
    Kosovo", or a country adjective before them ("Bosnian Serbs")."""
    for child in tree[head].children:
        if child.dep_ == "prep" and child.lower_ in {"of", "in", "from"}:
            for pobj in child.children:
                hit = span_of.get(pobj.i)
                if hit is not None and hit[2].kind in {"country", "capital"}:
                    return hit[2]
    for child in tree[head].children:
        hit = span_of.get(child.i)
        if child.dep_ in {"amod", "compound"} and hit is not None and hit[0] < head:
            if hit[2].kind == "country":
                return hit[2]
    return None


def _localise_sectors(index: Found_index) -> None:
    """Give countryless sectors the document's main country ("the rebels" in a
    story about Sudan are Sudanese rebels), as a human coder reads them.

    The main country is the one most actors of the document belong to (the
    first named on a tie); a document that names no country leaves ``---``.
    """
    everyone = index.all()
    counts: dict[str, int] = {}
    for found in everyone:
        country = found.actor.country
        if country and found.rule != "sector-only":
            counts[country] = counts.get(country, 0) + 1
    if not counts:
        return
    home = max(counts, key=lambda c: counts[c])  # dicts keep first-seen order on ties
    for found in everyone:
        if found.rule == "sector-only" and found.actor.sector:
            found.actor = Actor(
                f"{home}{found.actor.sector}",
                found.actor.name,
                home,
                found.actor.sector,
            )
            found.rule = "sector-in-document-country"


def _modifies_other_noun(
    tree: Tree, head: int, span_of: dict[int, tuple[int, int, ActorEntry]]
) -> bool:
    token = tree[head]
    if token.dep_ not in {"amod", "compound", "nmod"} or token.head.pos_ == "PROPN":
        return False  # a title before a name ("President Bouteflicka") stays
    governor = span_of.get(token.head.i)
    return governor is None or governor[2].kind != "sector"


def _latest_owner_before(
    doc: Doc, start: int, span_of: dict[int, tuple[int, int, ActorEntry]]
) -> list[tuple[ActorEntry, int, int]]:
    """The nearest country or organisation before ``start`` in its sentence ("its
    people")."""
    sentence_start = doc[start].sent.start
    for i in range(start - 1, sentence_start - 1, -1):
        hit = span_of.get(i)
        if hit is not None and hit[2].kind in {"country", "igo", "capital"}:
            return [(hit[2], hit[0], hit[1])]
    return []


def _compose(
    owner: ActorEntry, sector: ActorEntry, day: dt.date | None
) -> Actor | None:
    if owner.kind == "igo":
        return Actor(owner.code, owner.name, None, owner.sector)
    country = owner.country or owner.code[:3]
    if owner.kind == "agent":
        return owner.actor_on(day)  # a group's dated roles ("Taliban officials")
    return Actor(
        f"{country}{sector.code}", f"{owner.name} {sector.name}", country, sector.code
    )


def _named_actor(entry: ActorEntry, day: dt.date | None) -> Actor | None:
    if entry.kind == "person" or entry.roles:
        return entry.actor_on(day)  # people's offices, groups' dated roles
    return Actor(entry.code, entry.name, entry.country, entry.sector)


def _span_head(tree: Tree, start: int, end: int) -> int:
    """The token of ``doc[start:end]`` whose syntactic head lies outside the span."""
    heads = tree.heads
    for i in range(end - 1, start - 1, -1):
        head = heads[i]
        if head < start or head >= end or head == i:
            return i
    return end - 1


def _is_nominal(last: Node) -> bool:
    """Sector words count only as nouns ("police", not "to police the border");
    ``last`` is the phrase's last word."""
    return last.pos_ in {"NOUN", "PROPN", "ADJ", "PRON", "NUM", "X"}
