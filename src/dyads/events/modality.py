"""How the text presents an event: asserted, negated, future, hypothetical, historical.

Only asserted events count as events by default, but every event is kept with
its modality so that users can filter (see ``Settings.include_modalities``).
The cues are read off the dependency parse around the trigger and the verbs
that govern it ("plans to visit", "would meet", "did not attack").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyads.model import Modality

if TYPE_CHECKING:
    from dyads.nlp.tree import Node

_NEGATORS = {"not", "n't", "never", "no", "neither", "nor"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "must", "can", "ought"}
_FUTURE_GOVERNORS = {
    "plan",
    "intend",
    "prepare",
    "schedule",
    "expect",
    "aim",
    "vow",
    "pledge",
    "promise",
    "agree",
    "decide",
}
_HYPOTHETICAL_GOVERNORS = {
    "want",
    "hope",
    "seek",
    "try",
    "attempt",
    "wish",
    "consider",
    "propose",
    "threaten",
    "need",
    "ask",
    "urge",
    "call",
    "demand",
    "refuse",
    "fail",
    "prevent",
    "avoid",
    "warn",
}
_CONDITIONAL_MARKS = {"if", "unless", "whether"}


def modality_of(trigger: Node, historical: bool = False) -> tuple[Modality, str]:
    """The modality of the event at ``trigger`` and the cue that decided it."""
    for token in _governing_chain(trigger):
        # Negation first: "would not meet" is a refusal, not a conditional.
        for child in token.children:
            if child.dep_ == "neg" or (
                child.lower_ in _NEGATORS and child.dep_ in {"advmod", "det"}
            ):
                return Modality.NEGATED, f"negation '{child.text}'"
        for child in token.children:
            word = child.lower_
            if child.dep_ in {"aux", "auxpass"} and word in _FUTURE_AUX:
                return Modality.FUTURE, f"auxiliary '{child.text}'"
            if child.dep_ in {"aux", "auxpass"} and word in _HYPOTHETICAL_AUX:
                return Modality.HYPOTHETICAL, f"modal '{child.text}'"
            if child.dep_ == "mark" and word in _CONDITIONAL_MARKS:
                return Modality.HYPOTHETICAL, f"condition '{child.text}'"
        if token is not trigger and token.dep_ in {
            "xcomp",
            "ccomp",
            "acl",
            "advcl",
            "pobj",
        }:
            governor = token.head
            if governor.lemma_.lower() in _FUTURE_GOVERNORS:
                return Modality.FUTURE, f"governed by '{governor.text}'"
            if governor.lemma_.lower() in _HYPOTHETICAL_GOVERNORS:
                return Modality.HYPOTHETICAL, f"governed by '{governor.text}'"
    if trigger.dep_ in {
        "xcomp",
        "acl",
        "pobj",
        "dobj",
    } and trigger.head.lemma_.lower() in (_HYPOTHETICAL_GOVERNORS):
        return Modality.HYPOTHETICAL, f"governed by '{trigger.head.text}'"
    if (
        trigger.dep_ in {"xcomp", "acl"}
        and trigger.head.lemma_.lower() in _FUTURE_GOVERNORS
    ):
        return Modality.FUTURE, f"governed by '{trigger.head.text}'"
    if historical:
        return Modality.HISTORICAL, "dated over a year before the document"
    return Modality.ASSERTED, "no cue"


def _governing_chain(trigger: Node) -> list[Node]:
    """The trigger and the verbs it shares tense and polarity with (xcomp, conj)."""
    chain = [trigger]
    token = trigger
    while (
        token.dep_ in {"xcomp", "conj"} and token.head is not token and len(chain) < 4
    ):
        token = token.head
        chain.append(token)
    return chain
