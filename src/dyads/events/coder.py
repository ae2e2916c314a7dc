"""The rule coder: who did what to whom, read off the dependency parse.

For every token whose lemma has verb-dictionary entries, the coder picks the
entry with the most constraints satisfied (particle, preposition, object
lemmas), then finds the source and target actors:

- verbs: the subject (or the ``by`` agent of a passive), inherited along
  ``conj`` and ``xcomp`` chains ("continues to intimidate and threaten");
  targets from the direct object, the passive subject, the entry's preposition
  or a targeting preposition (with, to, against, on...), else the nearest
  actor inside the object phrase ("gratitude for NATO's contribution");
- nouns (nominal events, "Russia's aggression against Ukraine"): the possessor
  or ``by`` phrase is the source, ``against/with/on/to`` phrases the target;
- conjoined actors give one event per pair.

Reported speech ("X emphasized that Serbia threatens Y", see #2): the embedded
event is coded with its own source and target and ``Evidence.attributed_to``
pointing at the speaker; when the embedded event is conflictual, the speaker's
own act is coded as an accusation (CAMEO 112) against the embedded source.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from dyads.actors.match import Found, Found_index
from dyads.events.embedding import EmbeddingRules
from dyads.events.verbs import VerbDictionary, VerbEntry
from dyads.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dyads.nlp.tree import Node, Tree

_TARGET_PREPS = frozenset(
    {
        "with",
        "to",
        "against",
        "on",
        "toward",
        "towards",
        "into",
        "upon",
        "for",
        "from",
        "over",
        "between",
    }
)
# Verbs that only attribute words ("X said"): in news they mark the source of a
# report, so the speaker is not taken to accuse anyone (see docs/coding.md).
_NEUTRAL_SPEECH = {
    "say",
    "confirm",
    "acknowledge",
    "indicate",
    "predict",
    "admit",
    "tell",
    "report",
    "add",
    "note",
    "state",
    "announce",
    "explain",
    "think",
    "believe",
}
_SPEECH_LEMMAS = {
    "say",
    "confirm",
    "acknowledge",
    "indicate",
    "predict",
    "admit",
    "state",
    "emphasize",
    "emphasise",
    "stress",
    "underline",
    "note",
    "add",
    "claim",
    "declare",
    "announce",
    "tell",
    "insist",
    "assert",
    "argue",
    "warn",
    "reiterate",
    "point",
    "affirm",
    "reaffirm",
    "report",
    "believe",
    "think",
    "allege",
    "charge",
    "explain",
}
_SPEECH_WORDS = frozenset(_SPEECH_LEMMAS)
# Nouns that report what someone said, carried by the verb whose subject said it.
_SPEECH_NOUNS = {
    "reminder",
    "statement",
    "declaration",
    "warning",
    "message",
    "letter",
    "communique",
    "resolution",
    "insistence",
    "assertion",
}
_ACCUSE_CODE = "112"
# Verbs that carry an event noun as their object: the noun's act is the
# subject's ("Italy announced a suspension of links", "rebels staged attacks").
# Other verbs only talk about it ("NATO condemned the attack": not NATO's attack).
_LIGHT_VERBS = frozenset(
    "launch stage carry conduct hold begin start mount announce order impose make "
    "issue declare resume continue intensify wage unleash step open initiate "
    "undertake perform organize organise extend offer provide give deliver sign "
    "reach conclude agree propose pledge promise threaten restore establish "
    "renew reopen pursue stag wag".split()  # en_core_web_sm: staged, waged
)
# Verbs that stop or undo what their object noun names ("lifted the curfew",
# "halted mediation efforts") are not light verbs: the noun's act is not theirs
# ("lift end halt suspend cancel break sever"); their own entries code them.
_ADDRESSED_FAMILIES = {"appeal", "demand"}
# Acts done to a country's own people when the text names nobody else: curfews,
# bans and their lifting (17, 08) fall on its civilians, protests (14) address
# its government ("President X imposed a curfew in Algiers": DZAGOV -> DZACVL).
_DOMESTIC_ROOTS = {"08": "CVL", "14": "GOV", "17": "CVL"}
# ... except military de-escalation (087x): halting an offensive or withdrawing
# troops is not done to one's own people.
_NOT_DOMESTIC = ("087",)
_ADVERB_PARTICLES = {"down", "aside", "back", "off", "out", "away", "up"}
# Acts addressed to someone named as the subject of their clause: "X demanded
# that Y release ...", "X warned that Y would ...": Y is the target.
_ADDRESSED_ROOTS = {"02", "10", "11", "12", "13"}
# Nouns whose "that" clause says what its subject is asked to do.
_REQUEST_NOUNS = {"demand", "call", "request", "appeal", "ultimatum", "insistence"}
_POSTURE_ROOTS = {"13", "15"}
# "in defiance of X", "in protest against X", "in solidarity with X"
_PURPOSE_NOUNS = {
    "defiance",
    "protest",
    "solidarity",
    "support",
    "retaliation",
    "response",
    "reprisal",
    "revenge",
    "opposition",
}
# Acts that govern another act (promise, demand, refuse, threaten to do X).
_GOVERNING_ROOTS = {"02", "03", "10", "12", "13"}
_OWNER_DEPS = {"amod", "compound", "poss", "nmod"}
# Violence whose doer the text does not name: "three soldiers were killed",
# "a roadside bomb killed two policemen". CAMEO codes the doer as unidentified
# armed forces (UAF) of the country where it happened (the pipeline adds the
# country from the sentence's place).
_VIOLENT_ROOTS = {"18", "19", "20"}
# Nouns that measure what the act is about ("tons of aid", "a shipment of arms").
_MEASURE_NOUNS = {
    "ton",
    "tonne",
    "kg",
    "kilogram",
    "worth",
    "amount",
    "package",
    "shipment",
    "consignment",
    "batch",
    "load",
    "cargo",
    "quantity",
    "supply",
    "dollar",
    "euro",
    "million",
    "billion",
    "lot",
    "number",
    "convoy",
    "planeload",
    "truckload",
    "shipload",
}
# Passives that name who takes part, not who suffers: "were engaged in".
_PARTICIPATION = {"engage", "involve", "embroil"}
_UNIDENTIFIED = Actor("---UAF", "unidentified attackers", None, "UAF")
_POS = {"VERB": "verb", "NOUN": "noun", "PROPN": "noun"}


class TokenRange(Protocol):
    """Token offsets ``[start, end)`` of one sentence in its document."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


@dataclass(frozen=True, slots=True)
class RawEvent:
    """An event found in one sentence, before ontology and dates are attached."""

    source: Found
    target: Found
    entry_id: str
    code: str
    trigger: int
    rule: str
    target_direct: bool
    speaker: Found | None = None
    speech: str | None = None  # lemma of the verb of saying that reports the event
    intended: bool = False  # recoded from the future tense: the intent is asserted now
    refused: bool = (
        False  # a negated intent ("will not accept"): the refusal is asserted
    )


def event_id(
    document_id: str,
    sentence_index: int,
    trigger_start: int,
    source: str,
    target: str,
    code: str,
) -> str:
    """Deterministic id: the same input always gives the same event ids."""
    key = f"{document_id}|{sentence_index}|{trigger_start}|{source}|{target}|{code}"
    return hashlib.sha1(key.encode()).hexdigest()[:16]


class EventCoder:
    """Codes the events of parsed sentences with one verb dictionary.

    ``quads`` maps every CAMEO code to its QuadClass; ``embedding`` recodes acts
    that are only promised, requested, demanded, refused or threatened.
    """

    def __init__(
        self,
        verbs: VerbDictionary,
        quads: dict[str, int],
        embedding: EmbeddingRules,
        mutual: frozenset[str] = frozenset(),
        intransitive: frozenset[str] = frozenset(),
    ) -> None:
        self.verbs = verbs
        self.mutual = mutual
        self.intransitive = intransitive
        self.quads = quads
        self.embedding = embedding
        self.conflict_roots = frozenset(c[:2] for c, q in quads.items() if q >= 3)
        from spacy.strings import hash_string  # type: ignore[attr-defined]

        self._modal_ids = frozenset(
            hash_string(word) for f in embedding.families for word in f.modals
        )
        self._trigger_ids = (
            frozenset(
                hash_string(lemma) for pos, lemma in verbs.by_lemma if pos == "verb"
            ),
            frozenset(
                hash_string(lemma) for pos, lemma in verbs.by_lemma if pos == "noun"
            ),
        )

    def triggers(self, doc: Doc, tree: Tree | None = None) -> list[int]:
        """Indices of the tokens whose lemma (or form) has dictionary entries.

        Read from spaCy's arrays (``tree``'s, when given): most words trigger
        nothing, and building a Python Token for each of them would cost more
        than coding the rest.
        """
        from spacy.symbols import LEMMA, LOWER, NOUN, POS, PROPN, VERB

        # One list per column, not one per token: fewer objects to allocate.
        if tree is not None:
            columns = [tree.pos_ids, tree.lemma_ids, tree.lower_ids]
        else:
            columns = doc.to_array([POS, LEMMA, LOWER]).T.tolist()
        verbs, nouns = self._trigger_ids
        return [
            i
            for i, (pos, lemma, lower) in enumerate(zip(*columns, strict=True))
            if (pos == VERB and (lemma in verbs or lower in verbs))
            or (pos == NOUN and lemma in nouns)
            or (pos == PROPN and (lemma in nouns or lower in nouns))
        ]

    def code_sentence(
        self,
        sent: TokenRange,
        actors: Found_index,
        triggers: list[int] | None,
        tree: Tree,
    ) -> list[RawEvent]:
        """Events of one sentence; ``triggers`` (from :meth:`triggers`) saves a scan.

        ``sent`` is the sentence's token range (a ParsedSentence will do: a
        spaCy Span costs more to make than it is used here); ``tree`` is the
        document's :class:`~dyads.nlp.tree.Tree`, shared by all its sentences.
        """
        events: list[RawEvent] = []
        used_nouns: set[int] = set()
        indices = range(sent.start, sent.end) if triggers is None else triggers
        for i in indices:
            token = tree[i]
            pos = _POS.get(token.pos_)
            if pos is None or token.i in used_nouns:
                continue
            if pos == "noun" and _inside_name(token, actors):
                continue  # "Amnesty International" is an actor, not an amnesty
            entry, object_token = self._best_entry(token, pos)
            if entry is None:
                continue
            if (
                pos == "verb"
                and object_token is not None
                and token.lemma_.lower() in _LIGHT_VERBS
                and any(
                    c.dep_ in {"compound", "amod"} for c in tree[object_token].children
                )
            ):
                noun_entry, modifier = self._best_entry(tree[object_token], "noun")
                if (
                    noun_entry is not None
                    and modifier is not None
                    and tree[modifier].dep_ in {"compound", "amod"}
                    and tree[modifier].head.i == object_token
                ):
                    # "staged a hunger strike": the noun's own phrase (142) says
                    # more than the verb's entry for any strike (143); the noun
                    # is coded with the verb carrying it
                    continue
            if object_token is not None:
                used_nouns.add(object_token)
            manner = None
            if pos == "verb" and entry.code[:2] == "18":
                manner = self._manner(token)
            if manner is not None:
                # "killed 46 civilians in an air raid": the raid is the act
                used_nouns.add(manner[0].i)
                entry = manner[1]
            if pos == "verb":
                sources, targets, direct = _verb_arguments(token, entry, actors)
            else:
                sources, targets, direct = _noun_arguments(token, actors)
            rule = f"{pos}:{entry.id}"
            if manner is not None:
                rule += f"; the act named by '{manner[0].text}'"
            if not sources and targets and entry.code[:2] in _VIOLENT_ROOTS:
                sources = self._unidentified_attacker(token, targets)
            if not sources and targets and entry.code.startswith(_STATE_ACTS):
                sources = _implied_authorities(token)
            if not targets and pos == "noun" and not sources:
                sources = _between(token, actors)
            joint = len({s.actor.code for s in sources}) > 1
            if sources and not targets and not joint and entry.code[:2] != "01":
                targets = _place_target(token, sources[0], actors)
            intransitive = entry.code in self.intransitive
            if intransitive and not direct:
                # "declared a ceasefire in south Lebanon": a place found deep
                # in the phrase is not whom the act is done to
                targets = []
            if sources and not targets and not joint and intransitive:
                # "Shevardnadze resigned": no target, and none invented
                targets = [_nobody(token)]
            if (
                sources
                and not targets
                and not joint
                and entry.code[:2] in _DOMESTIC_ROOTS
                and not entry.code.startswith(_NOT_DOMESTIC)
            ):
                targets = _domestic_target(token, sources[0], entry.code[:2], actors)
            pairs = [(s, t) for s in sources for t in targets]
            if not targets and joint and entry.code[:2] != "01":
                # "Israel and the Palestinians reached a consensus", "talks
                # between X and Y": a joint act, coded in both directions.
                pairs = [(s, t) for s in sources for t in sources]
                rule += "; joint act of conjoined actors"
            pairs = [
                (s, t)
                for s, t in pairs
                if s.actor.code != t.actor.code
                # telling a news outlet is reporting, not an act towards it
                and not (entry.code[:2] == "01" and t.actor.sector == "MED")
            ]
            if not pairs:
                continue
            speaker, speech = _speaker(token, actors)
            for source, target in pairs:
                events.append(
                    RawEvent(
                        source,
                        target,
                        entry.id,
                        entry.code,
                        token.i,
                        rule,
                        direct,
                        speaker,
                        speech,
                    )
                )
        events = _unique([self._embedded(tree, e, actors) for e in events])
        events = _main_acts(
            tree, events + list(self._obligations(sent, tree, actors, events))
        )
        events += self._other_sides(events)
        return events + list(self._accusations(events))

    def _other_sides(self, events: list[RawEvent]) -> list[RawEvent]:
        """The second direction of mutual acts ("X held talks with Y": Y with X
        too), unless the sentence already codes an act in that direction."""
        dyads = {(e.source.actor.code, e.target.actor.code) for e in events}
        added = []
        for event in events:
            key = (event.target.actor.code, event.source.actor.code)
            if event.code in self.mutual and key not in dyads:
                dyads.add(key)
                added.append(
                    dataclasses.replace(
                        event,
                        source=event.target,
                        target=event.source,
                        rule=f"{event.rule}; mutual act, coded both ways",
                    )
                )
        return added

    def _obligations(
        self,
        sent: TokenRange,
        tree: Tree,
        actors: Found_index,
        events: list[RawEvent],
    ) -> Iterator[RawEvent]:
        """A speaker's demand or appeal put as what someone else must or should do.

        "Germany said Iran must stop enrichment" is Germany's demand to Iran
        (10x), "the Pentagon said North Korea should return to talks" an appeal
        (02x), whether or not the embedded act is in the dictionary; its root,
        when it is, picks the code (``modals`` in data/rules/embedding.yaml).
        The embedded act itself stays an event of its own, hypothetical.
        """
        if self._modal_ids.isdisjoint(tree.lower_ids[sent.start : sent.end]):
            return  # no "must", "should"...: most sentences, read off the ids
        clauses = {tree.strings["ccomp"], tree.strings["acl"]}
        deps = tree.columns[0]
        for i in range(sent.start, sent.end):
            if deps[i] not in clauses:  # read off the array: no Node for most tokens
                continue
            clause = tree[i]
            if clause.pos_ not in {"VERB", "AUX"}:
                continue
            speech = clause.head
            speaking = speech
            if speech.pos_ == "NOUN" and speech.lemma_.lower() in _SPEECH_NOUNS:
                # "issued a stern reminder to Iraq that it must cooperate"
                speaking = speech.head
            elif clause.dep_ != "ccomp" or speech.lemma_.lower() not in _SPEECH_LEMMAS:
                continue
            family = next(
                (
                    f
                    for c in clause.children
                    if c.dep_ == "aux" and (f := self.embedding.by_modal(c.lower_))
                ),
                None,
            )
            if family is None:
                continue
            speakers = _expand(_subjects(speaking)[0], actors)
            addressees = _others(
                _expand(
                    [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}],
                    actors,
                ),
                speakers,
            )
            if not speakers or not addressees:
                continue
            embedded = next((e for e in events if e.trigger == clause.i), None)
            code = family.code_for(embedded.code[:2] if embedded else "default")
            cue = (
                f"{family.name}: '{_aux_text(clause)}' in a clause "
                f"reported by '{speech.text}'"
            )
            for addressee in addressees:
                yield RawEvent(
                    speakers[0],
                    addressee,
                    f"rule:{family.name}-modal",
                    code,
                    speech.i,
                    cue,
                    True,
                )

    def _embedded(self, tree: Tree, event: RawEvent, actors: Found_index) -> RawEvent:
        """The governing act when the event is promised, threatened, refused...

        Intentions, threats and refusals keep the embedded act's actors ("Iran
        threatened to shell Iraqi towns": IRN -> IRQ). Appeals and demands are
        made to someone: "Chile urged Peru to resume talks with Bolivia" is
        Chile -> Peru, the addressee being the embedded act's source.
        """
        found = self.embedding.find(
            tree[event.trigger], self.quads.get(event.code, 1), _SPEECH_WORDS
        )
        if found is None:
            return event
        cue = (
            f"governed by '{found.governor.text}'" if found.governor else "future tense"
        )
        if found.governor is not None and found.family.name in _ADDRESSED_FAMILIES:
            speakers = _expand(_subjects(found.governor)[0], actors)
            codes = {event.source.actor.code}
            if speakers and speakers[0].actor.code not in codes:
                # the addressee is the governing verb's own object
                event = dataclasses.replace(
                    event, source=speakers[0], target=event.source, target_direct=True
                )
        family = found.family
        refused = False
        if found.governor is None and family.name == "intent":
            # "Syria will not accept more refugees": a stated refusal (12x)
            negation = next(
                (c for c in tree[event.trigger].children if c.dep_ == "neg"), None
            )
            reject = self.embedding.named("reject")
            threat = self.embedding.named("threat")
            unless = next(
                (
                    m
                    for c in tree[event.trigger].children
                    if c.dep_ == "advcl"
                    for m in c.children
                    if m.dep_ == "mark" and m.lower_ == "unless"
                ),
                None,
            )
            if negation is not None and reject is not None:
                family, refused = reject, True
                cue = f"future tense negated by '{negation.text}'"
            elif unless is not None and threat is not None:
                # "Nigeria will withdraw its force from Chad unless ...": an act
                # promised on a condition the other must meet is a threat (13x)
                family = threat
                cue = "future tense on condition 'unless'"
        return dataclasses.replace(
            event,
            code=family.code_for(event.code[:2]),
            trigger=found.governor.i if found.governor else event.trigger,
            rule=f"{event.rule}; {family.name}: {cue}",
            intended=found.governor is None,
            refused=refused,
        )

    def _best_entry(self, token: Node, pos: str) -> tuple[VerbEntry | None, int | None]:
        """The most specific entry the trigger satisfies (the first in file order
        among equals) and the object token it matched, if any."""
        candidates = self.verbs.ranked(pos, token.lemma_.lower())
        if not candidates and pos == "verb":
            candidates = self.verbs.ranked(pos, token.lower_)
        frame: _Frame | None = None
        for entry in candidates:
            if entry.passive == "any" and not entry.specificity:
                return entry, None  # a bare entry: nothing to check
            if frame is None:  # read only for entries with constraints
                frame = _Frame.of(token)
            if entry.passive == "passive" and not frame.passive:
                continue
            if entry.passive == "active" and frame.passive:
                continue
            ok, object_token = frame.satisfies(entry)
            if ok:
                return entry, object_token
        return None, None

    def _unidentified_attacker(self, token: Node, targets: list[Found]) -> list[Found]:
        """An unnamed doer of violence done to a named victim.

        Either an agentless passive ("two Afghan soldiers were killed") or a
        subject that is itself a violent event ("a car bomb", "the explosion":
        a noun with an entry of roots 18-20). The victim must be the verb's own
        object and named: "five policemen" will do, bare "people" placed by
        the document will not ("it said 20 people were killed" names no one).
        Pronouns and unknown group nouns ("fundamentalists") are left alone:
        guessing would hide a gap in the dictionaries.
        """
        patients = {c.i for c in token.children if c.dep_ in {"dobj", "nsubjpass"}}
        if not any(
            t.head in patients
            and (t.rule not in _WEAK_ACTOR_RULES or t.actor.sector != "CVL")
            for t in targets
        ):
            return []
        # "killed by an improvised explosive device": an agent that is itself
        # a weapon or an attack names no doer either
        subjects, _ = _subjects(token)
        if token.lemma_.lower() in _PARTICIPATION:
            return []  # "Serb forces were engaged in fighting": the doers
        if not subjects and _is_passive(token):
            doer = token
        elif subjects and all(self._violent_noun(s) for s in subjects):
            doer = subjects[0]
        else:
            return []
        return [_implied(doer, _UNIDENTIFIED, "unidentified-attacker")]

    def _manner(self, token: Node) -> tuple[Node, VerbEntry] | None:
        """The violent event noun a killing or wounding happened in.

        CAMEO codes the attack, not its outcome: "killed 46 civilians in an
        air raid" is an air strike (195), "wounded two soldiers in a bomb
        attack" a bombing (183).
        """
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"in", "during"}:
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or noun.pos_ != "NOUN":
                    continue
                entry, _ = self._best_entry(noun, "noun")
                if entry is not None and entry.code[:2] in _VIOLENT_ROOTS:
                    return noun, entry
        return None

    def _violent_noun(self, token: Node) -> bool:
        return token.pos_ == "NOUN" and any(
            e.code[:2] in _VIOLENT_ROOTS
            for e in self.verbs.entries("noun", token.lemma_.lower())
        )

    def _accusations(self, events: list[RawEvent]) -> Iterator[RawEvent]:
        """The speaker of a reported conflictual act accuses its source, unless
        the sentence already codes an act between the two (one per dyad)."""
        seen = {(e.source.actor.code, e.target.actor.code) for e in events}
        for event in events:
            speaker = event.speaker
            if speaker is None or event.code[:2] not in self.conflict_roots:
                continue
            if event.speech in _NEUTRAL_SPEECH or speaker.actor.sector == "MED":
                continue
            key = (speaker.actor.code, event.source.actor.code)
            if key[0] == key[1] or key in seen:
                continue
            seen.add(key)
            yield RawEvent(
                speaker,
                event.source,
                "rule:reported-conflict",
                _ACCUSE_CODE,
                event.trigger,
                "reported-conflict-accusation",
                True,
                None,
            )


# Actors inferred from the document rather than named in the sentence.
_WEAK_ACTOR_RULES = {
    "sector-only",
    "sector-in-document-country",
    "domestic-target",
    "unidentified-attacker",
    "implied-authorities",
}


NO_TARGET = "no-target"
_NOBODY = Actor("---", "no target", None, None)


# Arrests, detentions and deportations are done by a state: "a missionary was
# arrested in Lebanon" is Lebanon's authorities' act (the pipeline adds the
# country from the sentence's place).
_STATE_ACTS = ("173", "174")
_AUTHORITIES = Actor("---GOV", "unnamed authorities", None, "GOV")


def _implied_authorities(token: Node) -> list[Found]:
    """The unnamed authorities of an agentless passive arrest or deportation."""
    subjects, _ = _subjects(token)
    if subjects or not any(c.dep_ == "nsubjpass" for c in token.children):
        return []  # a passive clause of its own, not "an organization charged"
    return [_implied(token, _AUTHORITIES, "implied-authorities")]


def _nobody(token: Node) -> Found:
    """The target of an act the text gives none (the pipeline codes it as None)."""
    return _implied(token, _NOBODY, NO_TARGET)


def _implied(token: Node, actor: Actor, rule: str) -> Found:
    """An actor the text implies at ``token`` rather than names."""
    return Found(token.i, token.i + 1, token.i, actor, rule, (), "implied")


def _aux_text(clause: Node) -> str:
    return next((c.text for c in clause.children if c.dep_ == "aux"), "")


def _main_acts(tree: Tree, events: list[RawEvent]) -> list[RawEvent]:
    """One event per dyad in a sentence: the best-supported act, then the highest.

    Ranked by inferred actors, depth in the parse, directness, specificity.

    "Students staged demonstrations to demand reforms by the President" is one
    protest, not a protest and a demand: the lower verb says what the act was
    for. Different dyads in one sentence keep their own events.
    """
    best: dict[tuple[str, str], tuple[tuple[int, int, int, int], RawEvent]] = {}
    for event in events:
        key = (event.source.actor.code, event.target.actor.code)
        # an implied domestic target is as good as a named one of the same
        # code: "Kurds demonstrated in Kirkuk, calling for independence from
        # Iraq" is a protest against Iraq's government, not an appeal
        weak = sum(
            f.rule in _WEAK_ACTOR_RULES - {"domestic-target"}
            for f in (event.source, event.target)
        )
        # on a tie, the more specific code: "threatened to impose restrictions
        # on X" is 131 (the embedded act's), not the bare verb's 130
        rank = (
            weak,
            _depth(tree, event.trigger),
            0 if event.target_direct else 1,
            -_specificity(event.code),
        )
        if key not in best or rank < best[key][0]:
            best[key] = (rank, event)
    return [
        e for e in events if best[(e.source.actor.code, e.target.actor.code)][1] is e
    ]


def _specificity(code: str) -> int:
    """How much a CAMEO code says: "1312" > "131" > "130"."""
    return len(code.rstrip("0"))


def _depth(tree: Tree, index: int) -> int:
    token, depth = tree[index], 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _unique(events: list[RawEvent]) -> list[RawEvent]:
    """One event per (source, target, code) in a sentence: "continues to intimidate
    and threaten" the same people is one act, told with two verbs."""
    seen: set[tuple[str, str, str]] = set()
    kept = []
    for e in events:
        key = (e.source.actor.code, e.target.actor.code, e.code)
        if key not in seen:
            seen.add(key)
            kept.append(e)
    return kept


@dataclass(frozen=True, slots=True)
class _Frame:
    """What hangs on a trigger token, read once and checked against every entry."""

    particles: frozenset[str]
    preps: dict[str, tuple[Node, ...]]
    objects: tuple[Node, ...]
    passive: bool

    @classmethod
    def of(cls, token: Node) -> _Frame:
        particles, objects = set(), []
        preps: dict[str, list[Node]] = {}
        for c in token.children:
            dep = c.dep_
            if dep == "prt" or (dep == "advmod" and c.lower_ in _ADVERB_PARTICLES):
                # en_core_web_sm often labels "stepped down", "pulled back"
                # as advmod in the past tense
                particles.add(c.lower_)
            elif dep in {"prep", "agent", "dative"}:
                preps.setdefault(c.lower_, []).append(c)
            elif dep in {"dobj", "nsubjpass", "attr", "oprd"}:
                objects.append(c)
            elif dep in {"compound", "amod"} and token.pos_ != "VERB":
                # a noun's modifiers are its "objects": "hunger strike",
                # "peace talks", "arms embargo" can have entries of their own
                objects.append(c)
        if token.dep_ in {"acl", "relcl"}:
            objects.append(token.head)
        return cls(
            frozenset(particles),
            {k: tuple(v) for k, v in preps.items()},
            tuple(objects),
            _is_passive(token),
        )

    def satisfies(self, entry: VerbEntry) -> tuple[bool, int | None]:
        if entry.particle and entry.particle not in self.particles:
            return False, None
        if entry.prep and entry.prep not in self.preps:
            return False, None
        if not entry.objects:
            return True, None
        if entry.prep:
            heads = [
                p
                for prep in self.preps[entry.prep]
                for p in prep.children
                if p.dep_ in {"pobj", "pcomp"}
            ]
        else:
            heads = list(self.objects)
        direct = (c for head in heads for c in (head, *head.conjuncts))
        # only then what a measure word measures
        measured = (c for head in heads for c in _measured(head))
        for candidate in itertools.chain(direct, measured):
            if (
                candidate.lemma_.lower() in entry.objects
                or candidate.lower_ in entry.objects
            ):
                return True, candidate.i
        return False, None


def _measured(head: Node) -> list[Node]:
    """What a measure word measures: "25,000 tons of food aid", "700 kg of
    medicine", "$50,000 worth of goods" give aid, medicine, goods."""
    if head.lemma_.lower() not in _MEASURE_NOUNS and not any(
        c.dep_ == "nummod" for c in head.children
    ):
        return []
    return [
        p
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
    ]


def _is_passive(token: Node) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children) or (
        token.tag_ == "VBN" and token.dep_ in {"acl", "relcl"}
    )


def _expand(tokens: list[Node], actors: Found_index) -> list[Found]:
    """Actors at the tokens and their conjuncts.

    A noun with no actor of its own takes the one that modifies it ("Croatian
    positions", "Kosovo's borders"), else the one it is "of" or "from" ("the
    right of Russian troops"); "in" names a place ("talks in Brussels"), not an owner.
    """
    found: list[Found] = []
    for token in tokens:
        for t in (token, *token.conjuncts):
            hits = (
                actors.at(t.i)
                or [
                    f
                    for c in t.children
                    if c.dep_ in _OWNER_DEPS
                    for cc in (
                        c,
                        *c.conjuncts,
                        # "US Predator attacks": a compound of a compound
                        *(g for g in c.children if g.dep_ == "compound"),
                    )
                    for f in actors.at(cc.i)
                ]
                or [
                    f
                    for c in t.children
                    if c.dep_ == "prep" and c.lower_ in {"of", "from"}
                    for p in c.children
                    if p.dep_ == "pobj"
                    for f in actors.at(p.i)
                ]
                # "Kenzo Oshima, the United Nations Emergency Relief
                # Coordinator, demanded ...": the apposition names the actor
                or [f for c in t.children if c.dep_ == "appos" for f in actors.at(c.i)]
            )
            for f in hits:
                if f not in found:
                    found.append(f)
    return found


def _place_target(token: Node, source: Found, actors: Found_index) -> list[Found]:
    """A foreign country where the act happens, when nobody else is named.

    "Israel will evacuate all settlements in the Gaza Strip", "troops deployed
    in Bosnia": CAMEO coders take the place's country as the target.
    """
    # "contribute troops to a force in Liberia": the place may hang on the
    # object or on the noun after "to".
    for p in _place_objects(token, {"to", "into"}, {"in", "into", "inside"}):
        for f in actors.at(p.i):
            # a country, not a capital: "met in Brussels" names a venue
            if f.kind == "country" and f.actor.country != source.actor.country:
                return [f]
    return []


def _place_objects(token: Node, carriers: set[str], places: set[str]) -> Iterator[Node]:
    """Objects of place prepositions (``places``) on the trigger, on its
    object, or on the noun after one of the ``carriers`` prepositions."""
    heads = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}] + [
        p
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in carriers
        for p in c.children
        if p.dep_ == "pobj"
    ]
    for t in (token, *heads):
        for prep in t.children:
            if prep.dep_ == "prep" and prep.lower_ in places:
                yield from prep.children


def _domestic_target(
    token: Node, source: Found, root: str, actors: Found_index
) -> list[Found]:
    """The people (or government) of the place the act happens in, else the source's."""
    country = None
    # "rioted at a jail in northern Israel": the place may hang on the noun
    # after "at"
    places = {"in", "across", "throughout"}
    for p in _place_objects(token, {"at", "outside", "near"}, places):
        for f in actors.at(p.i):
            country = country or f.actor.country
    country = country or source.actor.country
    if not country:
        return []
    sector = _DOMESTIC_ROOTS[root]
    actor = Actor(f"{country}{sector}", f"{country} {sector}", country, sector)
    if actor.code == source.actor.code:
        return []
    return [_implied(token, actor, "domestic-target")]


def _between(token: Node, actors: Found_index) -> list[Found]:
    """Actors of "between X and Y" (or "among") on an event noun."""
    return _expand(
        [
            p
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in {"between", "among"}
            for p in c.children
            if p.dep_ == "pobj"
        ],
        actors,
    )


def _countryless(found: Found) -> bool:
    """A sector whose country the sentence does not say ("troops", "the rebels")."""
    return found.rule in {"sector-only", "sector-in-document-country"}


def _inside_name(token: Node, actors: Found_index) -> bool:
    found = actors.by_token.get(token.i)
    return (
        found is not None
        and found.kind not in {"sector", "composed"}
        and found.end - found.start > 1
    )


def _others(targets: list[Found], sources: list[Found]) -> list[Found]:
    """Targets that are not the sources themselves or their own ("its troops")."""
    codes = {f.actor.code for f in sources}
    countries = {f.actor.country for f in sources}
    return [
        t
        for t in targets
        if t.actor.code not in codes
        and not (t.actor.country in countries and _owned(t, sources))
    ]


_STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}


def _owned(target: Found, sources: list[Found]) -> bool:
    """A target the source's own country was inferred for, that is not another
    actor: "its troops" (composed from the context), bare "people" placed by
    the document, or the state's own forces when a state actor acts ("France
    will contribute troops"). "The government accused rebels" keeps the rebels."""
    if target.rule == "composed-by-context":
        return True
    if target.rule != "sector-in-document-country":
        return False
    sector = target.actor.sector
    return sector == "CVL" or (
        sector in _STATE_SECTORS
        and any(s.actor.sector in _STATE_SECTORS for s in sources)
    )


def _subjects(token: Node) -> tuple[list[Node], bool]:
    """Subject tokens and whether they came from a ``by`` agent (passive)."""
    seen = 0
    via_conj = False
    while seen < 5:
        seen += 1
        subj = [c for c in token.children if c.dep_ in {"nsubj", "csubj"}]
        if via_conj and not subj:
            # "the prime minister has been indicted ... and will resign": the
            # conjoined verb shares the passive's subject, not its agent
            subj = [c for c in token.children if c.dep_ == "nsubjpass"]
        if subj:
            # "The Red Cross operating in Iraq said": the parser often makes the
            # reduced relative the subject; its own subject is the speaker.
            return [
                n
                for c in subj
                for n in (
                    [g for g in c.children if g.dep_ == "nsubj"]
                    if c.pos_ == "VERB"
                    else []
                )
                or [c]
            ], False
        agents = [
            p
            for c in token.children
            if c.dep_ == "agent"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        if agents:
            return agents, True
        if token.dep_ == "relcl" and token.head is not token:
            return [token.head], False  # "the delegation that visited Bucharest"
        if token.dep_ == "acl" and token.tag_ == "VBG" and token.head is not token:
            noun = token.head
            if noun.lemma_.lower() in _SPEECH_NOUNS and noun.dep_ == "dobj":
                token = noun.head  # "issued a declaration demanding that ..."
                continue
            return [noun], False  # "troops guarding the border"
        if token.dep_ == "xcomp" and token.head is not token:
            # object control: in "Britain urged Israel to show restraint" the
            # one to show restraint is Israel, the object of "urged"
            objects = [c for c in token.head.children if c.dep_ == "dobj"]
            if objects:
                return objects, False
        if (
            token.dep_ in {"conj", "xcomp", "advcl", "acomp"}
            and token.head is not token
        ):
            via_conj = token.dep_ == "conj"
            token = token.head  # "is ready to contribute": up to "is"
            continue
        break
    return [], False


def _aimed_preps(code: str) -> frozenset[str]:
    """Prepositions that name the target of an act of this code: force is
    aimed "at" someone ("fired missiles at Saudi Arabia"), shows of force
    happen "near" or "along" them ("exercises near the Ukrainian border")."""
    root = code[:2]
    if root in _VIOLENT_ROOTS:
        return _TARGET_PREPS | {"at"}
    if root == "15":
        return _TARGET_PREPS | {"at", "near", "along"}
    return _TARGET_PREPS


def _verb_arguments(
    token: Node, entry: VerbEntry, actors: Found_index
) -> tuple[list[Found], list[Found], bool]:
    passive = _is_passive(token)
    subj_tokens, _ = _subjects(token)
    if passive:
        agents = [
            p
            for c in token.children
            if c.dep_ == "agent"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        if not agents:  # "received in a meeting by X": the by-phrase hangs lower
            agents = [
                p
                for c in token.subtree
                if c.dep_ in {"agent", "prep"}
                and c.lower_ == "by"
                and c.head.i != token.i
                for p in c.children
                if p.dep_ == "pobj"
            ][:1]
        sources = _expand(agents, actors)
        patient = [c for c in token.children if c.dep_ == "nsubjpass"]
        if token.dep_ in {"acl", "relcl"} and not patient:
            patient = [token.head]
        targets = _others(_expand(patient, actors), sources)
    else:
        sources = _expand(subj_tokens, actors)
        objects = [c for c in token.children if c.dep_ in {"dobj", "dative"}]
        targets = _others(_expand(objects, actors), sources)
    direct = bool(targets)
    if not targets or (not passive and all(_countryless(t) for t in targets)):
        # "contribute troops to a force in Liberia": a named target in a
        # prepositional phrase beats a bare sector ("troops") as the object.
        preps = [c for c in token.children if c.dep_ in {"prep", "dative"}]
        aimed = _aimed_preps(entry.code)
        if entry.prep:
            preps = [p for p in preps if p.lower_ == entry.prep] or preps
        else:
            preps = [p for p in preps if p.lower_ in aimed]
        pobjs = [o for p in preps for o in p.children if o.dep_ == "pobj"]
        prep_targets = _others(_expand(pobjs, actors), sources)
        if prep_targets and (
            not targets or not all(_countryless(t) for t in prep_targets)
        ):
            targets = prep_targets
        direct = bool(targets)
    has_own_object = any(
        c.dep_ in {"dobj", "dative", "prep", "xcomp", "ccomp"} for c in token.children
    )
    if not targets and not has_own_object:
        # "intimidate and threaten the citizens": a verb with no object of its
        # own shares the object of the verbs conjoined after it.
        shared = [
            o
            for v in token.conjuncts
            if v.i > token.i
            for o in v.children
            if o.dep_ in {"dobj", "dative"}
        ]
        targets = _others(_expand(shared, actors), sources)
        if not targets:  # "donated and delivered goods to the school"
            shared = [
                o
                for v in token.conjuncts
                if v.i > token.i
                for p in v.children
                if p.dep_ == "prep" and p.lower_ in _TARGET_PREPS
                for o in p.children
                if o.dep_ == "pobj"
            ]
            targets = _others(_expand(shared, actors), sources)
        direct = bool(targets)
    if not targets:
        # "demanded autonomy from Serbian authorities", "imposed sanctions on X":
        # the target hangs on the direct object.
        held = [
            o
            for c in token.children
            if c.dep_ == "dobj"
            for p in c.children
            if p.dep_ == "prep" and p.lower_ in aimed - {"in"}
            for o in p.children
            if o.dep_ == "pobj"
        ]
        targets = _others(_expand(held, actors), sources)
    if not targets:
        # "threatened to strike unless Baghdad accepted its terms", "will
        # boycott the elections unless the president steps down": the act is
        # aimed at whoever must comply
        governed = [token, *(c for c in token.children if c.dep_ == "xcomp")]
        conditions = [
            c
            for v in governed
            for c in v.children
            if c.dep_ == "advcl"
            and any(
                m.dep_ == "mark" and m.lower_ in {"unless", "if"} for m in c.children
            )
        ]
        targets = _others(
            _expand(
                [n for c in conditions for n in c.children if n.dep_ == "nsubj"],
                actors,
            ),
            sources,
        )
    if not targets:
        # "blocked streets in defiance of Chinese authorities", "marched in
        # solidarity with Kosovo": the purpose phrase names the target
        purposes = [
            p
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "in"
            for n in c.children
            if n.dep_ == "pobj" and n.lemma_.lower() in _PURPOSE_NOUNS
            for q in n.children
            if q.dep_ == "prep" and q.lower_ in {"of", "against", "at", "with", "to"}
            for p in q.children
            if p.dep_ == "pobj"
        ]
        targets = _others(_expand(purposes, actors), sources)
    if not targets and entry.code[:2] in _ADDRESSED_ROOTS:
        # "demanded that Y release ...", "insisted on its demands that Y grant ..."
        clauses = [c for c in token.children if c.dep_ == "ccomp"] + [
            clause
            for c in token.children
            if c.dep_ in {"dobj", "prep"}
            for noun in ([c] if c.dep_ == "dobj" else c.children)
            if noun.lemma_.lower() in _REQUEST_NOUNS
            for clause in noun.children
            if clause.dep_ in {"acl", "ccomp"}
        ]
        addressees = [
            n for c in clauses for n in c.children if n.dep_ in {"nsubj", "nsubjpass"}
        ]
        targets = _others(_expand(addressees, actors), sources)
    if not targets and entry.code[:2] in _POSTURE_ROOTS:
        # "mobilized reservists for a possible war against Iraq": shows of
        # force and threats name their target deep in their phrases
        targets = _others(
            _nearest_in(
                [
                    c
                    for c in token.children
                    if c.dep_ == "dobj"
                    or (c.dep_ == "prep" and c.lower_ in _TARGET_PREPS)
                ],
                actors,
                exclude={f.actor.code for f in sources},
            ),
            sources,
        )
    if (
        not targets
        and entry.code[:2] in _GOVERNING_ROOTS
        and len({f.actor.code for f in sources}) == 1
    ):
        # "Hamas threatened to resume attacks in Israel", "agreed to open its
        # borders to UN peacekeepers": the act's target is the embedded act's.
        # "demanded an admission by Moscow", "rejected an offer from Kabul":
        # the object phrase names the addressee.
        embedded = [c for c in token.children if c.dep_ in {"xcomp", "dobj"}]
        # "refused to allow UN planes to land": the clause under the xcomp
        embedded += [
            g
            for c in embedded
            if c.dep_ == "xcomp"
            for g in c.children
            if g.dep_ == "ccomp"
        ]
        targets = _others(
            _nearest_in(embedded, actors, exclude={f.actor.code for f in sources}),
            sources,
        )
    if not targets and (entry.objects or entry.prep):
        # Phrasal entries ("express gratitude for NATO's help", "call for X to
        # ease Y's entry into Z") name their target inside the object phrase.
        objects = [
            c
            for c in token.children
            if c.dep_ in {"dobj", "nsubjpass", "xcomp"}
            or (
                c.dep_ == "prep"
                and (c.lower_ in _TARGET_PREPS or c.lower_ == entry.prep)
            )
            or (
                c.dep_ == "advcl"
                and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux")
            )
        ]
        targets = _others(
            _nearest_in(objects, actors, exclude={f.actor.code for f in sources}),
            sources,
        )
    return sources, targets, direct


def _noun_arguments(
    token: Node, actors: Found_index
) -> tuple[list[Found], list[Found], bool]:
    sources: list[Found] = []
    targets: list[Found] = []
    for child in token.children:
        if child.dep_ in {"poss", "compound", "amod", "nmod"}:
            sources += _expand([child], actors)
        elif child.dep_ == "prep" and child.lower_ == "by":
            agents = [p for p in child.children if p.dep_ == "pobj"]
            sources += _expand(agents, actors)
            targets += _targets_below(agents, actors)
        elif child.dep_ == "prep" and child.lower_ in _TARGET_PREPS - {
            "in",
            "at",
            "from",
            "between",  # "a truce between X and Y": a joint act (see _between)
        }:
            targets += _expand([p for p in child.children if p.dep_ == "pobj"], actors)
        elif child.dep_ == "acl":
            targets += _targets_below([child], actors)
    carrier = token
    if token.dep_ == "compound" and token.head.pos_ == "NOUN":
        # "launched a mediation effort between X and Y": the noun the event
        # noun modifies carries it
        carrier = token.head
    if (
        not sources
        and carrier.dep_ in {"dobj", "nsubjpass"}
        and carrier.head.pos_ in {"VERB", "AUX"}
        and carrier.head.lemma_.lower() in _LIGHT_VERBS
    ):
        # "Italy announced a suspension of air links with Serbia", "rebels staged
        # rallies against X": the noun's act belongs to the governing verb's subject.
        governor = carrier.head
        if carrier is not token and not targets:
            targets = _others(_between(carrier, actors), [])
        subjects, _ = _subjects(governor)
        sources = _expand(subjects, actors)
        if not targets and sources:
            targets = _others(
                _expand(
                    [
                        p
                        for c in governor.children
                        if c.dep_ == "prep"
                        and c.lower_ in _TARGET_PREPS - {"in", "at", "from"}
                        for p in c.children
                        if p.dep_ == "pobj"
                    ],
                    actors,
                ),
                sources,
            )
    if sources and not targets:  # "Russia's invasion of Ukraine"
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                targets += _expand(
                    [p for p in child.children if p.dep_ == "pobj"], actors
                )
    if sources and not targets:
        # "a suspension of air links with Serbia": deeper in the noun's phrases
        targets = _others(
            _nearest_in(
                [
                    c
                    for c in token.children
                    if c.dep_ == "prep" and c.lower_ not in {"in", "at", "from"}
                ],
                actors,
                exclude={f.actor.code for f in sources},
            ),
            sources,
        )
    if not sources and token.dep_ == "pobj" and token.head.lower_ == "of":
        owner = token.head.head  # "the aggression of Russia" reads the other way round
        sources += _expand([owner], actors) if owner.dep_ == "poss" else []
    return sources, targets, True


def _targets_below(tokens: list[Node], actors: Found_index) -> list[Found]:
    """Targets of "against/on" phrases hanging one clause lower.

    "attacks by groups supported by X against Y": the parser often attaches
    "against Y" to the participle inside the by-phrase, not to the noun.
    """
    found: list[Found] = []
    for token in tokens:
        for child in token.children:
            if child.dep_ == "acl":
                found += _targets_below([child], actors)
            if child.dep_ == "prep" and child.lower_ in {"against", "on"}:
                found += _expand(
                    [p for p in child.children if p.dep_ == "pobj"], actors
                )
    return found


def _nearest_in(
    tokens: list[Node], actors: Found_index, exclude: set[str]
) -> list[Found]:
    """Actors inside the object phrases, nearest to the trigger first.

    Breadth first, to a depth of eight.
    """
    queue = list(tokens)
    depth = 0
    while queue and depth < 8:
        hits: list[Found] = []
        for token in queue:
            for f in actors.at(token.i):
                if f.actor.code not in exclude and f not in hits:
                    hits.append(f)
        if hits:
            return hits
        queue = [
            c
            for t in queue
            for c in t.children
            if c.dep_ not in {"ccomp", "advcl", "relcl", "punct", "cc"}
            and not (c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})
            # "an admission that Soviet forces murdered officers": a clause
            # with a subject of its own tells another story
            and not (c.dep_ == "acl" and any(g.dep_ == "nsubj" for g in c.children))
        ]
        depth += 1
    return []


def _speaker(token: Node, actors: Found_index) -> tuple[Found | None, str | None]:
    """The speaker of reported speech that governs ``token``, and the verb of saying."""
    current = token
    for _ in range(6):
        lemma = current.head.lemma_.lower()
        if current.dep_ == "ccomp" and lemma in _SPEECH_LEMMAS:
            subjects, _ = _subjects(current.head)
            found = _expand(subjects, actors)
            return (found[0] if found else None), lemma
        if current.head is current:
            break
        current = current.head
    return None, None
