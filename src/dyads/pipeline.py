"""The pipeline: document -> clean -> parse -> actors -> events -> dates, places.

``Coder`` loads the spaCy pipeline, the dictionaries and the ontology once and
codes documents in batches. Everything it needs is passed in or loaded from
the settings, never kept in module globals, so two coders with different
dictionaries can run side by side.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from bisect import bisect_left
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from dyads.config import Settings
from dyads.events.coder import NO_TARGET, event_id
from dyads.events.modality import modality_of
from dyads.model import (
    Actor,
    Coded,
    Document,
    Event,
    Evidence,
    Mention,
    Modality,
    Place,
    Reason,
    Rejection,
    Sentence,
    TextSpan,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dyads.actors.match import Found
    from dyads.events.coder import RawEvent
    from dyads.nlp.sentences import ParsedSentence
    from dyads.nlp.tree import Tree
    from dyads.resolve.dates import DateResolution

CODER_VERSION = "dyads.rules.v1"


class Coder:
    """A reusable coder: ``code_documents`` for batches, ``code_text`` for one text."""

    version = CODER_VERSION

    def __init__(self, settings: Settings | None = None) -> None:
        from dyads.actors.dictionary import ActorDictionary
        from dyads.actors.match import ActorMatcher
        from dyads.events.coder import EventCoder
        from dyads.events.embedding import EmbeddingRules
        from dyads.events.mutual import intransitive_codes, mutual_codes
        from dyads.events.ontology import Ontology
        from dyads.events.verbs import VerbDictionary
        from dyads.nlp import load_pipeline
        from dyads.resolve.places import PlaceResolver

        self.settings = settings or Settings.load()
        self.nlp = load_pipeline(self.settings.model)
        self.actors = ActorDictionary.load(self.settings.dictionaries)
        self.verbs = VerbDictionary.load(self.settings.dictionaries)
        self.ontology = Ontology.load()
        self.matcher = ActorMatcher(self.actors)
        quads = {c.code: c.quad_class for c in self.ontology.codes()}
        embedding = EmbeddingRules.load(self.settings.dictionaries)
        extra = self.settings.dictionaries
        self.events = EventCoder(
            self.verbs,
            quads,
            embedding,
            mutual_codes(extra),
            intransitive_codes(extra),
        )
        self.places = PlaceResolver.load()

    @property
    def dictionaries_hash(self) -> str:
        """Hash of the actor and verb dictionaries in use (stored with every run)."""
        return f"{self.actors.version_hash()[:16]}-{self.verbs.hash[:16]}"

    def code_text(self, text: str, date: dt.date | str | None = None) -> list[Event]:
        """Events of one text (every modality); a rejected text gives [], no error."""
        from dyads.ingest.clean import content_hash

        day = dt.date.fromisoformat(date) if isinstance(date, str) else date
        document = Document(id=content_hash(text), text=text, date=day)
        result = next(self.code_documents([document]))
        return list(result.events) if isinstance(result, Coded) else []

    def check(self, document: Document) -> Document | Rejection:
        from dyads.ingest.clean import check

        return check(document, self.settings)

    def code_documents(
        self, documents: Iterable[Document]
    ) -> Iterator[Coded | Rejection]:
        """One Coded or Rejection per input document, in input order.

        The accepted documents stream through one ``nlp.pipe`` call, which
        batches them itself (``batch_size``). A new call per batch made glibc
        give spaCy's working buffers back to the system after each batch and
        fault them in again: 220,000 page faults and about a tenth of the
        parse time in system CPU per 1000 generated documents.
        """
        from dyads.nlp import parse as parse_texts

        # Checked documents and rejections in input order; the parser reads
        # ahead, so each parse belongs to the first Document waiting here.
        waiting: deque[Document | Rejection] = deque()

        def texts() -> Iterator[str]:
            for document in documents:
                checked = self.check(document)
                waiting.append(checked)
                if isinstance(checked, Document):
                    yield checked.text

        settings = self.settings
        for doc in parse_texts(
            self.nlp, texts(), settings.batch_size, settings.n_process
        ):
            item = waiting.popleft()
            while isinstance(item, Rejection):
                yield item
                item = waiting.popleft()
            yield self._code_or_reject(item, doc)
        for rejection in waiting:  # those after the last coded document
            assert isinstance(rejection, Rejection)  # every text gave one parse
            yield rejection

    def _code_or_reject(self, document: Document, doc: Doc) -> Coded | Rejection:
        try:
            return self.code_parsed(document, doc)
        except RecursionError as exc:  # pathological parse trees: reject, never crash
            return Rejection(
                document.id,
                Reason.UNPARSEABLE,
                f"parse too deep: {exc}",
                document.source,
                document,
            )

    def code_parsed(self, document: Document, doc: Doc) -> Coded:
        """Code a document that spaCy has already parsed (``doc`` is the parse of
        ``document.text``, whose offsets every span refers to)."""
        from dyads.actors.context import resolve_context
        from dyads.nlp.sentences import split_sentences
        from dyads.nlp.tree import Tree
        from dyads.resolve.dates import resolve_date

        events: list[Event] = []
        # One tree shared by the sentence splitter, the actor matcher and every
        # sentence's rules (see nlp/tree.py).
        with Tree(doc, document.text) as tree:
            parsed = split_sentences(document.id, doc, document.text, tree)
            sentences = tuple(p.sentence for p in parsed)
            found = resolve_context(
                doc, self.matcher.match(doc, document.date, tree), tree
            )
            mention_of = _Mentions(tree, parsed)
            mentions = tuple(mention_of(f) for f in found.all())
            triggers = self.events.triggers(doc, tree)
            # Every event has an actor in its own sentence (the parse never
            # links words across sentences): a sentence that names none is
            # not read further.
            acting = sorted(found.by_token)
            for part in parsed:
                here = triggers[
                    bisect_left(triggers, part.start) : bisect_left(triggers, part.end)
                ]
                if not here or bisect_left(acting, part.start) == bisect_left(
                    acting, part.end
                ):
                    continue
                raw_events = self.events.code_sentence(part, found, here, tree)
                if not raw_events:
                    continue
                sentence = part.sentence
                dating = resolve_date(sentence.span.text(document.text), document.date)
                place = self.places.resolve(document, sentence)
                for raw in raw_events:
                    events.append(
                        self._event(
                            document,
                            tree,
                            sentence,
                            _placed(raw, place),
                            dating,
                            place,
                            mention_of,
                        )
                    )
        return Coded(document, sentences, mentions, tuple(_dedupe(events)))

    def _event(
        self,
        document: Document,
        tree: Tree,
        sentence: Sentence,
        raw: RawEvent,
        dating: DateResolution,
        place: Place | None,
        mention_of: _Mentions,
    ) -> Event:
        cameo = self.ontology.cameo(raw.code)
        trigger = tree[raw.trigger]
        modality, cue = modality_of(trigger, dating.historical)
        if raw.intended and (
            modality is Modality.FUTURE or cue.lower() == "modal 'would'"
        ):
            modality, cue = Modality.ASSERTED, f"stated intention ({cue})"
        elif raw.refused and modality is Modality.NEGATED:
            modality, cue = Modality.ASSERTED, f"stated refusal ({cue})"
        elif (
            modality is Modality.HYPOTHETICAL
            and cameo.quad_class == 4
            and trigger.dep_ == "xcomp"
            and trigger.head.lemma_.lower() in _ATTEMPT_VERBS
        ):
            # CAMEO counts an attempted attack as an attack (185: attempt to
            # assassinate): "tried to hack into the army's computers"
            modality, cue = Modality.ASSERTED, f"attempted ({cue})"
        source = mention_of(raw.source)
        target = None if raw.target.rule == NO_TARGET else mention_of(raw.target)
        speaker = mention_of(raw.speaker) if raw.speaker else None
        trigger_span = TextSpan(trigger.idx, trigger.idx + len(trigger.text))
        evidence = Evidence(
            trigger=trigger_span,
            sentence=sentence.span,
            rule_id=f"{raw.rule}; modality: {cue}"
            + (f"; date: '{dating.expression}'" if dating.expression else ""),
            dictionary_entries=tuple(
                dict.fromkeys((raw.entry_id, *raw.source.entries, *raw.target.entries))
            ),
            confidence=_confidence(raw, modality),
            attributed_to=speaker.span if speaker else None,
        )
        return Event(
            id=event_id(
                document.id,
                sentence.index,
                trigger_span.start,
                source.actor.code,
                target.actor.code if target else "",
                cameo.code,
            ),
            document_id=document.id,
            sentence_index=sentence.index,
            source=source,
            target=target,
            code=cameo.code,
            root=cameo.root,
            quad_class=cameo.quad_class,
            goldstein=cameo.goldstein,
            plover=cameo.plover,
            plover_mode=cameo.plover_mode,
            modality=modality,
            evidence=evidence,
            date=dating.date
            if modality is not Modality.HISTORICAL or dating.date
            else None,
            place=place,
            coder=self.version,
        )


_ATTEMPT_VERBS = {"try", "attempt"}
# Actors whose country the text leaves open: a bare sector in a document that
# names no country ("gunmen"), an unnamed attacker ("a car bomb killed ...").
_COUNTRYLESS_RULES = {"sector-only", "unidentified-attacker", "implied-authorities"}


def _placed(raw: RawEvent, place: Place | None) -> RawEvent:
    """Give countryless actors the country of the place the event happened in.

    "Gunmen shot dead an official in Mosul": Iraqi gunmen, an Iraqi official,
    as CAMEO coders read actors that the text does not place otherwise.
    """
    if place is None or not place.country:
        return raw
    source = _in_country(raw.source, place)
    target = _in_country(raw.target, place)
    if source is raw.source and target is raw.target:
        return raw
    return dataclasses.replace(raw, source=source, target=target)


def _in_country(found: Found, place: Place) -> Found:
    if found.actor.country is not None or found.rule not in _COUNTRYLESS_RULES:
        return found
    country = place.country or ""
    sector = found.actor.sector or ""
    actor = Actor(f"{country}{sector}", found.actor.name, country, sector)
    return dataclasses.replace(
        found, actor=actor, rule=f"{found.rule}; country of place {place.name}"
    )


def _confidence(raw: RawEvent, modality: Modality) -> float:
    """A rough, documented score: direct arguments and dictionary actors score
    higher."""
    score = 0.7 if raw.target_direct else 0.55
    for found in (raw.source, raw.target):
        if found.rule in {"pronoun", "definite-title"}:
            score -= 0.1
        elif found.rule in {
            "sector-only",
            "sector-in-document-country",
            "domestic-target",
        }:
            score -= 0.15
    if raw.speaker is not None:
        score -= 0.1
    if raw.rule == "reported-conflict-accusation":
        score -= 0.1
    if modality is not Modality.ASSERTED:
        score -= 0.05
    return round(min(0.95, max(0.05, score)), 2)


class _Mentions:
    """The Mention of each actor found in one document, made once per actor.

    The same ``Found`` is the source or target of several events and is also
    listed among the document's mentions; its Mention is one value, so it is
    made once (keyed by identity: ``Found`` is mutable, hence unhashable).
    """

    def __init__(self, tree: Tree, parsed: list[ParsedSentence]) -> None:
        self.tree = tree
        # The index of the Sentence holding each token (0 between sentences).
        self.sentence_of = [0] * len(tree.nodes)
        for part in parsed:
            index = part.sentence.index
            self.sentence_of[part.start : part.end] = [index] * (part.end - part.start)
        # The Found is kept with its Mention, so its id is not reused meanwhile.
        self._made: dict[int, tuple[Found, Mention]] = {}

    def __call__(self, found: Found) -> Mention:
        made = self._made.get(id(found))
        if made is None:
            made = self._made[id(found)] = (found, self._mention(found))
        return made[1]

    def _mention(self, found: Found) -> Mention:
        antecedent = None
        if found.antecedent is not None:
            antecedent = self._char_span(*found.antecedent)
        return Mention(
            self._char_span(found.start, found.end),
            self.sentence_of[found.head],
            found.actor,
            found.rule,
            antecedent,
        )

    def _char_span(self, start: int, end: int) -> TextSpan:
        """Character offsets of tokens ``[start, end)`` (cheaper than a spaCy Span)."""
        nodes = self.tree.nodes
        last = nodes[end - 1]
        return TextSpan(nodes[start].idx, last.idx + len(last.text))


def _dedupe(events: list[Event]) -> Iterator[Event]:
    seen: set[str] = set()
    for event in events:
        if event.id not in seen:
            seen.add(event.id)
            yield event
