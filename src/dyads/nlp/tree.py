"""A light, read-only view of a parsed Doc's dependency tree, built once per document.

spaCy builds a new Python ``Token`` at every hop (``token.head``,
``token.children``, ``token.conjuncts``, ``doc[i]``), and the rules walk the
same few tokens many times per event: that made coding cost about two fifths
of parsing. A ``Tree`` reads the heads of the whole document from spaCy's arrays
once, and makes one ``Node`` per token that the rules actually touch, with the
attributes they read (``i``, ``dep_``, ``lower_``, ``lemma_``, ``pos_``,
``tag_``, ``text``, ``idx``, ``head``, ``children``, ``conjuncts``,
``subtree``) meaning what they mean on a spaCy Token.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


class Tree:
    """The nodes of one parsed document, made on first use and then shared."""

    __slots__ = ("doc", "heads", "strings", "columns", "_children", "_nodes", "_text")

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        """``text``, when given, is the text ``doc`` was parsed from (spaCy keeps
        it exactly): building ``doc.text`` again joins every token."""
        import numpy
        from spacy.symbols import DEP, HEAD, IDX, LEMMA, LOWER, ORTH, POS, TAG

        self.doc = doc
        # HEAD is stored as an offset from the token, as unsigned integers.
        offsets = doc.to_array(HEAD).astype(numpy.int64)
        self.heads: list[int] = (offsets + numpy.arange(len(doc))).tolist()
        self.strings = doc.vocab.strings
        # String ids of each attribute, one list per attribute (Node's order).
        self.columns: list[list[int]] = doc.to_array(
            [DEP, LOWER, LEMMA, POS, TAG, ORTH, IDX]
        ).T.tolist()
        self._children: list[list[int]] | None = None
        self._text = text
        self._nodes: list[Node | None] = [None] * len(doc)

    def __getitem__(self, i: int) -> Node:
        node = self._nodes[i]
        if node is None:
            node = self._nodes[i] = Node(self, i)
        return node

    def __enter__(self) -> Tree:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Drop the nodes: they and the tree refer to each other, and a cycle left
        to the garbage collector keeps the whole document alive until a
        collection runs."""
        self._nodes = [None] * len(self._nodes)
        self._children = None

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` (``end > start``), sliced from the document's text
        (made once) rather than joined from a new Span's tokens."""
        if self._text is None:
            self._text = self.doc.text
        last = self[end - 1]
        return self._text[self[start].idx : last.idx + len(last.text)]

    def children_of(self, i: int) -> list[int]:
        """Indices of the tokens whose head is ``i``, in text order (spaCy's order)."""
        if self._children is None:
            children: list[list[int]] = [[] for _ in self.heads]
            for child, head in enumerate(self.heads):
                if child != head:
                    children[head].append(child)
            self._children = children
        return self._children[i]


class Node:
    """One token of a :class:`Tree`: attribute names and meanings of a spaCy Token."""

    __slots__ = (
        "tree",
        "i",
        "dep_",
        "lower_",
        "lemma_",
        "pos_",
        "tag_",
        "text",
        "idx",
        "_children",
    )

    def __init__(self, tree: Tree, i: int) -> None:
        strings = tree.strings
        dep, lower, lemma, pos, tag, orth, idx = tree.columns
        self.tree = tree
        self.i = i
        self.dep_: str = strings[dep[i]]
        self.lower_: str = strings[lower[i]]
        self.lemma_: str = strings[lemma[i]]
        self.pos_: str = strings[pos[i]]
        self.tag_: str = strings[tag[i]]
        self.text: str = strings[orth[i]]
        self.idx: int = idx[i]
        self._children: tuple[Node, ...] | None = None

    def __repr__(self) -> str:
        return f"Node({self.i}, {self.text!r}, {self.dep_})"

    @property
    def head(self) -> Node:
        """The syntactic head (the root is its own head, as in spaCy)."""
        return self.tree[self.tree.heads[self.i]]

    @property
    def children(self) -> tuple[Node, ...]:
        """Immediate dependents, in text order."""
        if self._children is None:
            tree = self.tree
            self._children = tuple(tree[c] for c in tree.children_of(self.i))
        return self._children

    @property
    def conjuncts(self) -> tuple[Node, ...]:
        """Coordinated tokens, without the token itself (spaCy's algorithm)."""
        start = self
        while start.dep_ == "conj" and start.head.i != start.i:
            start = start.head
        output = [start]
        queue = [start]
        for word in queue:
            for child in word.children:
                if child.i > word.i and child.dep_ == "conj":
                    output.append(child)
                    queue.append(child)
        return tuple(w for w in output if w.i != self.i)

    @property
    def subtree(self) -> Iterator[Node]:
        """The token and all its descendants, in spaCy's order."""
        children = self.children
        for word in children:
            if word.i < self.i:
                yield from word.subtree
        yield self
        for word in children:
            if word.i > self.i:
                yield from word.subtree
