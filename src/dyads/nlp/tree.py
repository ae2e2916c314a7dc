"""A light, read-only view of a parsed Doc's dependency tree, built once per document.

spaCy builds a new Python ``Token`` at every hop (``token.head``,
``token.children``, ``token.conjuncts``, ``doc[i]``), and the rules walk the
same few tokens many times per event: that made coding cost about two fifths
of parsing. A ``Tree`` reads the whole document from spaCy's arrays with one
``to_array`` call and makes one ``Node`` per token, with the attributes the
rules read (``i``, ``dep_``, ``lower_``, ``lemma_``, ``pos_``, ``tag_``,
``text``, ``idx``, ``head``, ``children``, ``conjuncts``, ``subtree``) meaning
what they mean on a spaCy Token.

All nodes are made up front: the rules touch nineteen tokens in twenty anyway
(measured on generated news), and made together they cost less than made one
by one on first use, while ``head`` and ``children`` become plain attributes
instead of properties that look the node up at every hop.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc


class Tree:
    """The nodes of one parsed document, shared by every stage that codes it.

    Besides the nodes it keeps the string ids of some columns (``lower_ids``,
    ``orth_ids``, ``lemma_ids``, ``pos_ids``), which the stages that scan every
    token compare against hashed dictionary words without making strings, and
    the columns sentences are cut by (``sent_starts``, ``offsets``,
    ``lengths``): one ``to_array`` call serves every stage.
    """

    __slots__ = (
        "doc",
        "nodes",
        "heads",
        "strings",
        "columns",
        "lower_ids",
        "orth_ids",
        "lemma_ids",
        "pos_ids",
        "sent_starts",
        "offsets",
        "lengths",
        "_text",
    )

    def __init__(self, doc: Doc, text: str | None = None) -> None:
        """``text``, when given, is the text ``doc`` was parsed from (spaCy keeps
        it exactly): building ``doc.text`` again joins every token."""
        import numpy
        from spacy.attrs import LENGTH, SENT_START
        from spacy.symbols import DEP, HEAD, IDX, LEMMA, LOWER, ORTH, POS, TAG

        self.doc = doc
        self._text = text
        array = doc.to_array(
            [HEAD, SENT_START, DEP, LOWER, LEMMA, POS, TAG, ORTH, IDX, LENGTH]
        )
        # HEAD and SENT_START are signed, given as unsigned integers; HEAD is
        # an offset from the token.
        signed = array[:, :2].astype(numpy.int64)
        self.heads: list[int] = (signed[:, 0] + numpy.arange(len(doc))).tolist()
        self.sent_starts: list[int] = signed[:, 1].tolist()
        dep, lower, lemma, pos, tag, orth, idx, length = array[:, 2:].T.tolist()
        self.lower_ids: list[int] = lower
        self.orth_ids: list[int] = orth
        self.lemma_ids: list[int] = lemma
        self.pos_ids: list[int] = pos
        self.offsets: list[int] = idx
        self.lengths: list[int] = length
        # The string ids by column (DEP, LOWER, LEMMA, POS, TAG, ORTH; then IDX)
        # and the store that maps words to ids, for rules that scan a column.
        self.columns: list[list[int]] = [dep, lower, lemma, pos, tag, orth, idx]
        self.strings = doc.vocab.strings
        name = _names(doc.vocab.strings).__getitem__
        self.nodes: list[Node] = list(
            map(
                Node,
                range(len(doc)),
                map(name, dep),
                map(name, lower),
                map(name, lemma),
                map(name, pos),
                map(name, tag),
                map(name, orth),
                idx,
            )
        )
        _link(self.nodes, self.heads)

    def __getitem__(self, i: int) -> Node:
        return self.nodes[i]

    def __enter__(self) -> Tree:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Unlink the nodes: heads and children refer to each other, and cycles
        are freed only when the garbage collector runs, not when the document
        is done with."""
        for node in self.nodes:
            node.children = ()
            node.conjunct_cache = None
            del node.head
        self.nodes = []

    def is_ancestor(self, ancestor: int, descendant: int) -> bool:
        """``doc[ancestor].is_ancestor(doc[descendant])``, read from the heads (with
        spaCy's guard: no token has more ancestors than the document has tokens)."""
        heads = self.heads
        i = descendant
        for _ in heads:
            if heads[i] == i:
                return False
            i = heads[i]
            if i == ancestor:
                return True
        return False

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` (``end > start``), sliced from the document's text
        (made once) rather than joined from a new Span's tokens."""
        if self._text is None:
            self._text = self.doc.text
        last = self.nodes[end - 1]
        return self._text[self.nodes[start].idx : last.idx + len(last.text)]


class Node:
    """One token of a :class:`Tree`: attribute names and meanings of a spaCy Token."""

    __slots__ = (
        "i",
        "dep_",
        "lower_",
        "lemma_",
        "pos_",
        "tag_",
        "text",
        "idx",
        "head",
        "children",
        "conjunct_cache",
    )

    head: Node
    """The syntactic head (the root is its own head, as in spaCy)."""
    children: tuple[Node, ...]
    """Immediate dependents, in text order."""

    def __init__(
        self,
        i: int,
        dep_: str,
        lower_: str,
        lemma_: str,
        pos_: str,
        tag_: str,
        text: str,
        idx: int,
    ) -> None:
        self.i = i
        self.dep_ = dep_
        self.lower_ = lower_
        self.lemma_ = lemma_
        self.pos_ = pos_
        self.tag_ = tag_
        self.text = text
        self.idx = idx
        self.conjunct_cache: tuple[Node, ...] | None = None

    def __repr__(self) -> str:
        return f"Node({self.i}, {self.text!r}, {self.dep_})"

    @property
    def conjuncts(self) -> tuple[Node, ...]:
        """Coordinated tokens, without the token itself (spaCy's algorithm).

        Computed once per node: the rules ask for the conjuncts of the same
        subjects and objects for every trigger of a sentence.
        """
        if self.conjunct_cache is None:
            self.conjunct_cache = self._conjuncts()
        return self.conjunct_cache

    def _conjuncts(self) -> tuple[Node, ...]:
        start = self
        while start.dep_ == "conj" and start.head is not start:
            start = start.head
        output = [start]
        queue = [start]
        for word in queue:
            for child in word.children:
                if child.i > word.i and child.dep_ == "conj":
                    output.append(child)
                    queue.append(child)
        return tuple(w for w in output if w is not self)

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


def _link(nodes: list[Node], heads: list[int]) -> None:
    """Set every node's ``head`` and ``children`` (in text order, as spaCy's)."""
    children: list[list[Node]] = [[] for _ in nodes]
    for node, head in zip(nodes, heads, strict=True):
        node.head = nodes[head]
        if head != node.i:
            children[head].append(node)
    for node, kids in zip(nodes, children, strict=True):
        node.children = tuple(kids)


class _Names(dict[int, str]):
    """spaCy's strings by id, kept as Python strings.

    ``StringStore[id]`` decodes a new string at every call; this dictionary
    decodes each id once. Ids are hashes of the strings themselves, so the
    cache is right for every vocabulary; it grows with the words seen, as the
    StringStore itself does.
    """

    def __init__(self, strings: StringStore) -> None:
        super().__init__()
        self.strings = strings

    def __missing__(self, key: int) -> str:
        value: str = self.strings[key]
        self[key] = value
        return value


_NAMES: dict[int, _Names] = {}


def _names(strings: StringStore) -> _Names:
    """The cache of ``strings`` (kept with it: an id is never reused while cached)."""
    names = _NAMES.get(id(strings))
    if names is None:
        names = _NAMES[id(strings)] = _Names(strings)
    return names
