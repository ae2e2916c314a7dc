"""Turn a parsed spaCy Doc into Sentence records with document-level offsets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyads.model import Sentence, TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    """A Sentence and the range of spaCy tokens ``[start, end)`` it covers."""

    sentence: Sentence
    start: int
    end: int


def split_sentences(
    document_id: str, doc: Doc, text: str | None = None
) -> list[ParsedSentence]:
    """One Sentence per spaCy sentence, blank ones skipped, offsets into the text.

    Offsets come from the sentences' character bounds and slices of the
    document text, not from ``Span.text``: building the text of a span walks
    every token, and this runs for every sentence of every document. For the
    same reason ``text``, the text ``doc`` was parsed from, is used when given.
    """
    if text is None:
        text = doc.text
    parsed: list[ParsedSentence] = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        chunk = text[start:end]
        kept = chunk.strip()
        if not kept:
            continue
        start += len(chunk) - len(chunk.lstrip())
        sentence = Sentence(
            document_id, len(parsed), TextSpan(start, start + len(kept))
        )
        parsed.append(ParsedSentence(sentence, sent.start, sent.end))
    return parsed


def to_sentences(document_id: str, doc: Doc) -> tuple[Sentence, ...]:
    """The Sentences of ``doc`` (see :func:`split_sentences`)."""
    return tuple(p.sentence for p in split_sentences(document_id, doc))
