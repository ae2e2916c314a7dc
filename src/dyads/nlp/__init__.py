"""The nlp stage: parse documents with spaCy into sentences, tokens and dependencies."""

from dyads.nlp.parser import load_pipeline as load_pipeline
from dyads.nlp.parser import parse as parse
from dyads.nlp.sentences import to_sentences as to_sentences

__all__ = ["load_pipeline", "parse", "to_sentences"]
