"""POST /api/code codes without storing; POST /api/documents ingests, once."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.issue(4)


@pytest.fixture()
def writer(coder, tmp_path):  # type: ignore[no-untyped-def]
    """An app over its own empty store, writes on."""
    from fastapi.testclient import TestClient

    from dyads.api import create_app

    settings = coder.settings.replace(db=str(tmp_path / "w.duckdb"), api_token="secret")
    with TestClient(create_app(settings, coder)) as client:
        client.headers["Authorization"] = "Bearer secret"
        yield client


TEXT = (
    "Kosovo President Vjosa Osmani met NATO Secretary General Jens Stoltenberg "
    "in Brussels."
)


def test_code_returns_events_with_evidence_and_stores_nothing(writer) -> None:  # type: ignore[no-untyped-def]
    body = writer.post("/api/code", json={"text": TEXT, "date": "2023-06-05"}).json()
    assert body["ok"] and body["events"]
    event = body["events"][0]
    assert event["date"] == "2023-06-05"
    assert {event["source"]["code"], event["target"]["code"]} == {"KSVGOV", "IGOWSTNAT"}
    for span in (event["source"], event["target"], event["trigger"]):
        assert TEXT[span["start"] : span["end"]] == span["text"]
    assert writer.get("/api/overview").json()["counts"]["events"] == 0


def test_documents_are_ingested_once_and_readable_at_once(writer) -> None:  # type: ignore[no-untyped-def]
    payload = {
        "documents": [
            {"id": "api-1", "text": TEXT, "date": "2023-06-05", "title": "Meeting"},
            {
                "text": "Serbia accused Kosovo of provoking violence.",
                "date": "2023-06-06",
            },
        ]
    }
    first = writer.post("/api/documents", json=payload).json()
    assert first["coded"] == 2 and first["events"] >= 2 and first["ids"][0] == "api-1"
    listed = writer.get("/api/events").json()
    assert listed["total"] == first["events"]
    again = writer.post("/api/documents", json=payload).json()
    assert again["skipped"] == 2 and again["events"] == 0
    assert writer.get("/api/events").json()["total"] == first["events"]
    doc = writer.get("/api/documents/api-1").json()
    assert doc["text"] == TEXT and doc["mentions"]


def test_invalid_bodies_are_422(writer) -> None:  # type: ignore[no-untyped-def]
    for payload in ({}, {"text": ""}, {"text": "x", "date": "soon"}):
        response = writer.post("/api/code", json=payload)
        assert response.status_code == 422 and response.json()["ok"] is False
    response = writer.post("/api/documents", json={"documents": []})
    assert response.status_code == 422
    broken = writer.post(
        "/api/code", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert broken.status_code == 422
