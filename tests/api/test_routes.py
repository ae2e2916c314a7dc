"""The REST endpoints through the real app, over a store filled by the real coder."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.issue(4)


def test_openapi_lists_every_endpoint(client) -> None:  # type: ignore[no-untyped-def]
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/actors",
        "/api/dyads",
        "/api/relations",
        "/api/documents/{document_id}",
        "/api/code",
        "/api/documents",
        "/api/overview",
        "/api/network",
    ):
        assert path in paths
    assert not any(p.startswith("/static") or p == "/" for p in paths)
    # Swagger UI and ReDoc would load scripts from a CDN: the server works offline
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


def test_events_page_through_the_store(client) -> None:  # type: ignore[no-untyped-def]
    first = client.get("/api/events", params={"limit": 5}).json()
    assert first["ok"] is True and first["limit"] == 5
    assert first["total"] >= 20
    assert len(first["items"]) == 5
    second = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    everything = client.get("/api/events", params={"limit": 500}).json()["items"]
    assert len(everything) == first["total"]
    assert all(e["sentence_text"] and e["trigger_text"] for e in everything)


@pytest.mark.parametrize(
    ("params", "check"),
    [
        (
            {"actor": "IGO"},
            lambda e: "IGO" in e["source"][:3] + (e["target"] or "")[:3],
        ),
        (
            {"source": "SRB", "target": "KSV"},
            lambda e: e["source"].startswith("SRB") and e["target"].startswith("KSV"),
        ),
        (
            {"dyad": "KSV,SRB", "both": "true"},
            lambda e: {e["source"][:3], e["target"][:3]} == {"KSV", "SRB"},
        ),
        ({"code": "11"}, lambda e: e["code"].startswith("11")),
        ({"root": "04"}, lambda e: e["root"] == "04"),
        (
            {"since": "2023-06-01", "until": "2023-06-30"},
            lambda e: e["date"].startswith("2023-06"),
        ),
        (
            {"modality": ["asserted", "future"]},
            lambda e: e["modality"] in ("asserted", "future"),
        ),
    ],
)
def test_event_filters(client, params, check) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/events", params={**params, "limit": 500}).json()
    assert body["total"] == len(body["items"]) > 0
    assert all(check(e) for e in body["items"])


def test_place_filter_matches_name_or_country(client) -> None:  # type: ignore[no-untyped-def]
    placed = [
        e
        for e in client.get("/api/events", params={"limit": 500}).json()["items"]
        if e["place"]
    ]
    assert placed, "the corpus names Brussels and Pristina"
    place = placed[0]["place"]
    for value in (place["name"], place["country"]):
        items = client.get("/api/events", params={"place": value, "limit": 500}).json()
        assert placed[0]["id"] in {e["id"] for e in items["items"]}


def test_event_detail_has_mentions_with_evidence(client) -> None:  # type: ignore[no-untyped-def]
    listed = client.get("/api/events", params={"order": "mentions", "limit": 1}).json()
    event_id = listed["items"][0]["id"]
    event = client.get(f"/api/events/{event_id}").json()
    assert event["id"] == event_id and event["ok"] is True
    assert len(event["mentions"]) == event["num_mentions"] >= 1
    for mention in event["mentions"]:
        sentence = mention["sentence"]
        for span in (mention["source"], mention["trigger"]):
            assert sentence["start"] <= span["start"] < span["end"] <= sentence["end"]
            offset = span["start"] - sentence["start"]
            assert sentence["text"][offset : offset + len(span["text"])] == span["text"]


def test_document_endpoint_returns_text_and_mentions(client) -> None:  # type: ignore[no-untyped-def]
    doc = client.get("/api/documents/dash-05").json()
    assert doc["title"] == "Kosovo police arrest Serbian citizens"
    assert doc["text"].startswith("Kosovo police arrested")
    assert {m["code"] for m in doc["mentions"]} >= {"173"}
    for mention in doc["mentions"]:
        trigger = mention["trigger"]
        assert doc["text"][trigger["start"] : trigger["end"]] == trigger["text"]


def test_actors_and_dyads(client) -> None:  # type: ignore[no-untyped-def]
    actors = client.get("/api/actors", params={"prefix": "ksv"}).json()["items"]
    assert actors and all(a["code"].startswith("KSV") for a in actors)
    assert all(a["events"] == a["as_source"] + a["as_target"] for a in actors)
    dyads = client.get("/api/dyads", params={"limit": 50}).json()["items"]
    counts = [d["events"] for d in dyads]
    assert counts == sorted(counts, reverse=True)
    for d in dyads:
        assert d["cooperation"] + d["conflict"] <= d["events"]
        assert d["index_low"] <= d["index"] <= d["index_high"]
    assert ("SRBGOV", "KSVGOV") in {(d["source"], d["target"]) for d in dyads}


def test_relations_endpoint_matches_the_library(client, dashboard_db) -> None:  # type: ignore[no-untyped-def]
    import json

    from dyads.aggregate import relation
    from dyads.store import open_store

    body = client.get(
        "/api/relations",
        params={"source": "KSV", "target": "SRB", "freq": "month", "both": "true"},
    ).json()
    with open_store(dashboard_db, read_only=True) as store:
        expected = relation(store, "KSV", "SRB", freq="month", both=True).to_dict()
    assert body == {"ok": True, **json.loads(json.dumps(expected))}
    assert body["periods"][0]["period"] == "2023-05"
    assert any(p["conflict"] for p in body["periods"])


def test_overview_and_network(client) -> None:  # type: ignore[no-untyped-def]
    overview = client.get("/api/overview").json()
    counts = overview["counts"]
    assert counts["documents"] == 10 and counts["events"] >= 20
    assert counts["mentions"] >= counts["events"]
    assert len(overview["latest"]) == 10
    dates = [e["date"] for e in overview["latest"] if e["date"]]
    assert dates == sorted(dates, reverse=True)
    graph = client.get("/api/network", params={"limit": 5}).json()
    assert len(graph["edges"]) == 5
    codes = {n["code"] for n in graph["nodes"]}
    assert all(e["source"] in codes and e["target"] in codes for e in graph["edges"])
