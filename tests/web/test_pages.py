"""Dashboard pages render the store's data, escaped, with a JSON twin each."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.issue(4)

PAGES = [
    "/",
    "/network",
    "/relations?source=KSV&target=SRB&both=1",
    "/events",
    "/events?actor=KSV&since=2023-06-01",
    "/documents/dash-09",
]


@pytest.mark.parametrize("url", PAGES)
def test_pages_render_with_their_assets_and_twin(client, url) -> None:  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert 'href="/static/dyads.css"' in html and 'src="/static/charts.js"' in html
    assert "http://" not in html.replace('rel="noopener', "")  # no CDN
    twin = re.search(r'class="twin" href="([^"]+)"', html)
    assert twin is not None
    json_twin = client.get(twin.group(1).replace("&amp;", "&"))
    assert json_twin.status_code == 200 and json_twin.json()["ok"] is True


def test_static_assets_are_shipped(client) -> None:  # type: ignore[no-untyped-def]
    for asset in ("/static/dyads.css", "/static/charts.js"):
        response = client.get(asset)
        assert response.status_code == 200 and len(response.text) > 1000
    assert "innerHTML" not in client.get("/static/charts.js").text


def test_script_in_a_document_is_shown_as_text(client) -> None:  # type: ignore[no-untyped-def]
    for url in ("/documents/dash-09", "/events?source=KSV&target=SRB&since=2023-11-03"):
        html = client.get(url).text
        assert "<script>alert" not in html
    page = client.get("/documents/dash-09").text
    assert "&lt;script&gt;alert(&#39;dyads&#39;)&lt;/script&gt;" in page


def test_overview_shows_counts_dyads_and_latest(client) -> None:  # type: ignore[no-untyped-def]
    data = client.get("/api/overview").json()
    html = client.get("/").text
    assert f">{data['counts']['events']:,}<" in html
    top = data["top_dyads"][0]
    assert f"/relations?source={top['source']}&amp;target={top['target']}" in html
    for event in data["latest"]:
        assert f'href="/events/{event["id"]}"' in html


def test_event_page_highlights_the_evidence(client) -> None:  # type: ignore[no-untyped-def]
    event = client.get("/api/events", params={"source": "KSVCOP", "code": "173"}).json()
    item = event["items"][0]
    html = client.get(f"/events/{item['id']}").text
    detail = client.get(f"/api/events/{item['id']}").json()["mentions"][0]
    assert f'<mark class="ev-trigger">{detail["trigger"]["text"]}</mark>' in html
    assert f'<mark class="ev-source">{detail["source"]["text"]}</mark>' in html
    assert f'<mark class="ev-target">{detail["target"]["text"]}</mark>' in html


def test_relation_page_embeds_its_series(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/relations?source=KSV&target=SRB&both=1&freq=month").text
    assert 'id="relation-data"' in html and 'id="timeline"' in html
    assert "2023-06" in html
    assert client.get("/relations").status_code == 200  # an empty form


def test_bad_form_values_are_messages_not_crashes(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/events?since=June&actor=KSV")
    assert response.status_code == 400 and "since must be a date" in response.text
    assert client.get("/relations?source=K%20V").status_code == 400
    assert client.get("/relations?source=KSV&freq=decade").status_code == 400
    assert client.get("/network?limit=many").status_code == 400
    missing = client.get("/events/ev-none")
    assert missing.status_code == 404 and "No event" in missing.text


def test_empty_form_fields_are_ignored(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/events?since=&until=&actor=&modality=&place=")
    assert response.status_code == 200
    total = client.get("/api/events").json()["total"]
    assert f"{total:,} events" in response.text
