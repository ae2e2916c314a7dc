"""The coder's document stream: one result per document, in input order."""

from __future__ import annotations

from dyads.model import Coded, Document, Rejection


def test_code_documents_keeps_order_across_batches_and_rejections(coder) -> None:  # type: ignore[no-untyped-def]
    text = "Serbian police arrested two Albanian journalists near the border."
    size = coder.settings.batch_size
    documents = [
        Document(f"{i:04d}", "" if i % 7 == 0 else f"{text} Report {i}.")
        for i in range(size + 9)
    ]
    results = list(coder.code_documents(documents))
    ids = [r.document.id if isinstance(r, Coded) else r.document_id for r in results]
    assert ids == [d.id for d in documents]
    assert all(isinstance(r, Rejection) == (i % 7 == 0) for i, r in enumerate(results))
    rejected = list(coder.code_documents([Document("x", ""), Document("y", " ")]))
    assert [(r.document_id, type(r)) for r in rejected] == [
        ("x", Rejection),
        ("y", Rejection),
    ]
