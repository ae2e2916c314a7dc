"""Turn a parsed spaCy Doc into Sentence records with document-level offsets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyads.model import Sentence, TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dyads.nlp.tree import Tree


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    """A Sentence and the range of spaCy tokens ``[start, end)`` it covers."""

    sentence: Sentence
    start: int
    end: int


def split_sentences(
    document_id: str, doc: Doc, text: str | None = None, tree: Tree | None = None
) -> list[ParsedSentence]:
    """One Sentence per spaCy sentence, blank ones skipped, offsets into the text.

    Offsets come from the sentences' character bounds and slices of the
    document text, not from ``Span.text``: building the text of a span walks
    every token, and this runs for every sentence of every document. For the
    same reason ``text``, the text ``doc`` was parsed from, is used when given,
    and the document's :class:`~dyads.nlp.tree.Tree` lends its arrays.
    """
    if text is None:
        text = doc.text
    parsed: list[ParsedSentence] = []
    for first, last, start, end in _bounds(doc, tree):
        chunk = text[start:end]
        kept = chunk.strip()
        if not kept:
            continue
        start += len(chunk) - len(chunk.lstrip())
        sentence = Sentence(
            document_id, len(parsed), TextSpan(start, start + len(kept))
        )
        parsed.append(ParsedSentence(sentence, first, last))
    return parsed


def _bounds(doc: Doc, tree: Tree | None = None) -> list[tuple[int, int, int, int]]:
    """Token and character bounds of ``doc.sents``, read from spaCy's arrays.

    The same sentences as ``doc.sents`` (a sentence starts at token 0 and at
    every token marked as a start) without building a Span for each.
    """
    if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
        return [(s.start, s.end, s.start_char, s.end_char) for s in doc.sents]
    if tree is not None:
        marks, offsets, lengths = tree.sent_starts, tree.offsets, tree.lengths
    else:
        from spacy.attrs import IDX, LENGTH, SENT_START

        array = doc.to_array([SENT_START, IDX, LENGTH])
        marks, offsets, lengths = array.T.tolist()
    starts = [0] + [i for i in range(1, len(marks)) if marks[i] == 1]
    ends = [*starts[1:], len(marks)]
    return [
        (start, end, offsets[start], offsets[end - 1] + lengths[end - 1])
        for start, end in zip(starts, ends, strict=True)
        if start < end
    ]


def to_sentences(document_id: str, doc: Doc) -> tuple[Sentence, ...]:
    """The Sentences of ``doc`` (see :func:`split_sentences`)."""
    return tuple(p.sentence for p in split_sentences(document_id, doc))
