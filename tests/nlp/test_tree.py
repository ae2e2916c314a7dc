"""The Tree view against the spaCy tokens it stands for."""

from __future__ import annotations

from dyads.nlp.tree import Tree

TEXT = (
    "Serbia and Kosovo agreed on Tuesday to resume talks, and the President of "
    "Albania, who visited Pristina, thanked NATO and the EU for their support.\n\n"
    "She said they would not attack."
)


def test_tree_nodes_match_spacy_tokens(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    with Tree(doc, TEXT) as tree:
        for token in doc:
            node = tree[token.i]
            assert (node.i, node.text, node.idx) == (token.i, token.text, token.idx)
            assert (node.dep_, node.lower_, node.lemma_) == (
                token.dep_,
                token.lower_,
                token.lemma_,
            )
            assert (node.pos_, node.tag_) == (token.pos_, token.tag_)
            assert node.head.i == token.head.i
            assert [c.i for c in node.children] == [c.i for c in token.children]
            assert [c.i for c in node.conjuncts] == [c.i for c in token.conjuncts]
            assert [t.i for t in node.subtree] == [t.i for t in token.subtree]
            for other in doc:
                assert tree.is_ancestor(token.i, other.i) == token.is_ancestor(other)
        assert tree.span_text(2, 5) == doc[2:5].text


def test_tree_close_unlinks_nodes(nlp) -> None:  # type: ignore[no-untyped-def]
    tree = Tree(nlp("NATO met Serbia."))
    node = tree[1]
    tree.close()
    assert node.children == ()
    assert tree.nodes == []
