"""What the dictionaries miss in a corpus, so that they grow from evidence.

``dyads check --coverage CORPUS`` parses the corpus and counts

- verbs that link two actors (an actor subject and an actor object or
  prepositional object) but match no verb-dictionary entry;
- event nouns that link two actors ("X's blockade of Y") with no entry;
- names that spaCy's NER marks as a person, organisation, nationality or
  place and that no actor entry covers.

The most frequent of each, with an example sentence, tell a dictionary writer
where to look first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from dyads.model import Document
from dyads.pipeline import Coder

_NAME_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
_LINKING_DEPS = {"dobj", "dative", "nsubjpass"}


@dataclass
class Coverage:
    """Counts of what the dictionaries miss, with one example sentence each."""

    documents: int = 0
    sentences: int = 0
    verbs: Counter[str] = field(default_factory=Counter)
    nouns: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)

    def most_common(self, n: int = 25) -> dict[str, list[tuple[str, int, str]]]:
        return {
            kind: [
                (k, c, self.examples.get(f"{kind}:{k}", ""))
                for k, c in counter.most_common(n)
            ]
            for kind, counter in (
                ("verbs", self.verbs),
                ("nouns", self.nouns),
                ("names", self.names),
            )
        }


def coverage(coder: Coder, documents: Iterable[Document]) -> Coverage:
    """Parse ``documents`` and count the verbs, nouns and names no entry covers."""
    from dyads.actors.context import resolve_context
    from dyads.nlp import load_pipeline, parse

    nlp = load_pipeline(coder.settings.model, entities=True)
    result = Coverage()
    ready = [d for d in documents if isinstance(coder.check(d), Document)]
    for document, doc in zip(
        ready,
        parse(nlp, (d.text for d in ready), coder.settings.batch_size),
        strict=True,
    ):
        result.documents += 1
        found = resolve_context(doc, coder.matcher.match(doc, document.date))
        for sent in doc.sents:
            result.sentences += 1
            example = sent.text.strip()[:200]
            for token in sent:
                _count_trigger(coder, token, found, result, example)
            for ent in sent.ents:
                if ent.label_ in _NAME_LABELS and not any(found.at(t.i) for t in ent):
                    _add(result, "names", result.names, ent.text, example)
    return result


def _count_trigger(coder: Coder, token, found, result: Coverage, example: str) -> None:  # type: ignore[no-untyped-def]
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and not coder.verbs.entries("verb", lemma):
        subject = any(
            found.at(c.i) for c in token.children if c.dep_ in {"nsubj", "agent"}
        )
        target = any(
            found.at(c.i) for c in token.children if c.dep_ in _LINKING_DEPS
        ) or any(
            found.at(g.i)
            for c in token.children
            if c.dep_ == "prep"
            for g in c.children
        )
        if subject and target:
            _add(result, "verbs", result.verbs, lemma, example)
    elif token.pos_ == "NOUN" and not coder.verbs.entries("noun", lemma):
        owner = any(found.at(c.i) for c in token.children if c.dep_ == "poss")
        target = any(
            found.at(g.i)
            for c in token.children
            if c.dep_ == "prep"
            for g in c.children
        )
        if owner and target:
            _add(result, "nouns", result.nouns, lemma, example)


def _add(
    result: Coverage, kind: str, counter: Counter[str], key: str, example: str
) -> None:
    counter[key] += 1
    result.examples.setdefault(f"{kind}:{key}", example)
