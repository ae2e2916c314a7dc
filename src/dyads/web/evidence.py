"""Cut an evidence sentence into pieces marked source, target or trigger.

The pieces are plain text plus the roles that cover them; the template escapes
each piece and wraps it in ``<mark>``, so highlighting never builds HTML from
document text (a document containing ``<script>`` stays text, see #4).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

ROLES = ("source", "target", "trigger", "attributed")


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of sentence text and the evidence roles that cover it."""

    text: str
    roles: tuple[str, ...] = ()

    @property
    def css(self) -> str:
        return " ".join(f"ev-{role}" for role in self.roles)


def highlight(
    sentence: str, sentence_start: int, spans: Mapping[str, tuple[int, int] | None]
) -> list[Piece]:
    """Pieces of ``sentence`` with the roles whose document spans cover them.

    Spans are document offsets; those outside the sentence (an actor resolved
    from an earlier sentence) are clipped away.
    """
    local: dict[str, tuple[int, int]] = {}
    for role, span in spans.items():
        if span is None:
            continue
        start = max(0, span[0] - sentence_start)
        end = min(len(sentence), span[1] - sentence_start)
        if start < end:
            local[role] = (start, end)
    cuts = sorted({0, len(sentence), *(p for s in local.values() for p in s)})
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        roles = tuple(
            role
            for role in ROLES
            if role in local and local[role][0] <= start and end <= local[role][1]
        )
        pieces.append(Piece(sentence[start:end], roles))
    return pieces


def mention_pieces(mention: Mapping[str, Any]) -> list[Piece]:
    """Highlighted pieces of a stored mention (a row or a MentionOut dict)."""

    def span(role: str) -> tuple[int, int] | None:
        value = mention.get(role)
        if not value:
            return None
        return int(value["start"]), int(value["end"])

    sentence = mention["sentence"]
    return highlight(
        sentence["text"] or "",
        int(sentence["start"]),
        {
            "source": span("source"),
            "target": span("target"),
            "trigger": span("trigger"),
            "attributed": span("attributed_to"),
        },
    )
