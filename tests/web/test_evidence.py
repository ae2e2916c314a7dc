"""Highlight pieces: source, target and trigger marked, text kept whole."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dyads.web.evidence import highlight, mention_pieces

SENTENCE = "Vucic accused Kosovo of provoking violence."


def test_pieces_mark_each_role() -> None:
    pieces = highlight(
        SENTENCE,
        100,
        {
            "source": (100, 105),
            "trigger": (106, 113),
            "target": (114, 120),
            "attributed": None,
        },
    )
    marked = {p.text: p.roles for p in pieces if p.roles}
    assert marked == {
        "Vucic": ("source",),
        "accused": ("trigger",),
        "Kosovo": ("target",),
    }
    assert "".join(p.text for p in pieces) == SENTENCE


def test_spans_outside_the_sentence_are_clipped() -> None:
    pieces = highlight(SENTENCE, 100, {"source": (10, 20), "target": (95, 105)})
    assert [p.text for p in pieces if p.roles] == ["Vucic"]


def test_overlapping_spans_share_a_piece() -> None:
    pieces = highlight(SENTENCE, 0, {"source": (0, 13), "trigger": (6, 13)})
    assert [(p.text, p.css) for p in pieces if p.roles] == [
        ("Vucic ", "ev-source"),
        ("accused", "ev-source ev-trigger"),
    ]


@given(
    st.text(max_size=40),
    st.lists(st.tuples(st.integers(-5, 50), st.integers(-5, 50)), max_size=3),
)
def test_pieces_always_rebuild_the_sentence(text: str, spans) -> None:  # type: ignore[no-untyped-def]
    roles = dict(zip(("source", "target", "trigger"), spans, strict=False))
    assert "".join(p.text for p in highlight(text, 0, roles)) == text


def test_mention_pieces_read_api_mentions() -> None:
    mention = {
        "sentence": {"start": 0, "end": 43, "text": SENTENCE},
        "source": {"start": 0, "end": 5},
        "target": None,
        "trigger": {"start": 6, "end": 13},
        "attributed_to": None,
    }
    assert [p.text for p in mention_pieces(mention) if p.roles] == ["Vucic", "accused"]
