"""The pipeline: document -> clean -> parse -> actors -> events -> dates, places.

``Coder`` loads the spaCy pipeline, the dictionaries and the ontology once and
codes documents in batches. Everything it needs is passed in or loaded from
the settings, never kept in module globals, so two coders with different
dictionaries can run side by side.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from dyads.config import Settings
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
        """Events of one text (every modality); a rejected text raises nothing and gives []."""
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
        """One Coded or Rejection per input document, in input order."""
        batch: list[Document | Rejection] = []
        for document in documents:
            batch.append(self.check(document))
            if len(batch) >= self.settings.batch_size:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    def _code_batch(
        self, batch: list[Document | Rejection]
    ) -> Iterator[Coded | Rejection]:
        from dyads.nlp import parse as parse_texts

        ready = [d for d in batch if isinstance(d, Document)]
        docs = iter(
            parse_texts(
                self.nlp,
                (d.text for d in ready),
                self.settings.batch_size,
                self.settings.n_process,
            )
        )
        for item in batch:
            if isinstance(item, Rejection):
                yield item
                continue
            try:
                yield self.code_parsed(item, next(docs))
            except (
                RecursionError
            ) as exc:  # pathological parse trees: reject, never crash
                yield Rejection(
                    item.id,
                    Reason.UNPARSEABLE,
                    f"parse too deep: {exc}",
                    item.source,
                    item,
                )

    def code_parsed(self, document: Document, doc: Doc) -> Coded:
        """Code a document that spaCy has already parsed (``doc`` is the parse of
        ``document.text``, whose offsets every span refers to)."""
        from dyads.actors.context import resolve_context
        from dyads.nlp.sentences import split_sentences
        from dyads.nlp.tree import Tree
        from dyads.resolve.dates import resolve_date

        parsed = split_sentences(document.id, doc, document.text)
        sentences = tuple(p.sentence for p in parsed)
        sentence_of = _sentence_lookup(parsed)
        events: list[Event] = []
        # One tree shared by the actor matcher and every sentence's rules
        # (see nlp/tree.py).
        with Tree(doc, document.text) as tree:
            found = resolve_context(doc, self.matcher.match(doc, document.date, tree))
            mentions = tuple(_mention(f, tree, sentence_of) for f in found.all())
            triggers = self.events.triggers(doc)
            for part in parsed:
                here = triggers[
                    bisect_left(triggers, part.start) : bisect_left(triggers, part.end)
                ]
                if not here:
                    continue
                raw_events = self.events.code_sentence(
                    doc[part.start : part.end], found, here, tree
                )
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
                            sentence_of,
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
        sentence_of: Callable[[int], int | None],
    ) -> Event:
        from dyads.events.coder import event_id
        from dyads.events.modality import modality_of

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
            and cue.startswith(_ATTEMPT_CUES)
        ):
            # CAMEO counts an attempted attack as an attack (185: attempt to
            # assassinate): "tried to hack into the army's computers"
            modality, cue = Modality.ASSERTED, f"attempted ({cue})"
        source = _mention(raw.source, tree, sentence_of)
        from dyads.events.coder import NO_TARGET

        target = (
            None
            if raw.target.rule == NO_TARGET
            else _mention(raw.target, tree, sentence_of)
        )
        speaker = _mention(raw.speaker, tree, sentence_of) if raw.speaker else None
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


_ATTEMPT_CUES = (
    "governed by 'tried'",
    "governed by 'attempted'",
    "governed by 'tries'",
)
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
    """A rough, documented score: direct arguments and dictionary actors score higher."""
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


def _sentence_lookup(parsed: list[ParsedSentence]) -> Callable[[int], int | None]:
    """``sentence_of(token index)``: the index of the Sentence holding the token."""
    starts = [p.start for p in parsed]

    def sentence_of(token_index: int) -> int | None:
        position = bisect_right(starts, token_index) - 1
        if position < 0 or token_index >= parsed[position].end:
            return None
        return parsed[position].sentence.index

    return sentence_of


def _char_span(tree: Tree, start: int, end: int) -> TextSpan:
    """Character offsets of tokens ``[start, end)`` (cheaper than a spaCy Span)."""
    last = tree[end - 1]
    return TextSpan(tree[start].idx, last.idx + len(last.text))


def _mention(found: Found, tree: Tree, sentence_of) -> Mention:  # type: ignore[no-untyped-def]
    antecedent = None
    if found.antecedent is not None:
        antecedent = _char_span(tree, *found.antecedent)
    return Mention(
        _char_span(tree, found.start, found.end),
        sentence_of(found.head) or 0,
        found.actor,
        found.rule,
        antecedent,
    )


def _dedupe(events: list[Event]) -> Iterator[Event]:
    seen: set[str] = set()
    for event in events:
        if event.id not in seen:
            seen.add(event.id)
            yield event
