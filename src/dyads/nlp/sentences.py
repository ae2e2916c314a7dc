"""Turn a parsed spaCy Doc into Sentence records with document-level offsets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyads.model import Sentence, TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc


def to_sentences(document_id: str, doc: Doc) -> tuple[Sentence, ...]:
    """One Sentence per spaCy sentence, blank ones skipped, offsets into the text."""
    sentences = []
    for sent in doc.sents:
        text = sent.text
        if not text.strip():
            continue
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.end_char - (len(text) - len(text.rstrip()))
        sentences.append(Sentence(document_id, len(sentences), TextSpan(start, end)))
    return tuple(sentences)
