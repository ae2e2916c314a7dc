"""The dashboard in a real browser: Playwright driving Debian's Chromium.

Each test saves a screenshot under test-artifacts/ so a person can look at the
pages a run produced. The server is a real uvicorn (the ``server`` fixture)
over a store filled by the real coder, seed included.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.issue(4)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser, server):  # type: ignore[no-untyped-def]
    """A fresh page that fails the test on any JavaScript error or alert."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, base_url=server
    )
    tab = context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda error: problems.append(str(error)))
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.on("dialog", lambda d: (problems.append("dialog: " + d.message), d.dismiss()))
    yield tab
    context.close()
    assert problems == []


def _shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_overview_to_dyad_timeline_to_event_evidence(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    assert page.locator("h1").inner_text() == "Overview"
    assert page.locator("table.dyads tbody tr").count() > 3
    _shot(page, "overview")
    page.locator("a.dyad-link").first.click()
    page.wait_for_url("**/relations?*")
    page.wait_for_selector("svg#timeline[data-drawn='1']")
    assert page.locator("svg#timeline circle.dot").count() >= 1
    assert page.locator("table.periods tbody tr").count() >= 1
    _shot(page, "relation")
    page.get_by_text("The events of this relation").click()
    page.wait_for_url("**/events?*")
    _shot(page, "events")
    page.locator("a.event-link").first.click()
    page.wait_for_url("**/events/ev-*")
    evidence = page.locator("blockquote.evidence").first
    for role in ("source", "trigger"):
        mark = evidence.locator(f"mark.ev-{role}").first
        assert mark.is_visible() and mark.inner_text().strip()
    _shot(page, "event")


def test_relation_page_flags_shifts(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/relations?source=KSV&target=SRB&both=1&freq=month")
    page.wait_for_selector("svg#timeline[data-drawn='1']")
    shifts = page.locator(
        "table.periods tr.shift-up, table.periods tr.shift-down"
    ).count()
    assert page.locator("svg#timeline polygon.shift").count() == shifts
    assert page.locator("svg#timeline rect.bar-conflict").count() >= 1


def test_network_draws_actors_and_edges(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/network")
    page.wait_for_selector("svg#network[data-drawn='1']")
    assert page.locator("svg#network g.node").count() >= 4
    assert page.locator("svg#network path.edge").count() >= 3
    assert "KSVGOV" in page.locator("svg#network").text_content()
    _shot(page, "network")


def test_script_document_is_shown_as_text(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/documents/dash-09")
    assert "<script>alert('dyads')</script>" in page.locator("h1").inner_text()
    assert (
        "<script>alert('dyads')</script>" in page.locator(".document-text").inner_text()
    )
    assert (
        page.evaluate("document.querySelectorAll('main script:not([type])').length")
        == 0
    )
    _shot(page, "document-script")


def test_seed_appears_with_its_events_and_evidence(page, dashboard_db) -> None:  # type: ignore[no-untyped-def]
    from dyads.store import open_store

    with open_store(dashboard_db, read_only=True) as store:
        (seed_id,) = store.connection.execute(
            "SELECT id FROM documents WHERE title LIKE 'President Osmani%'"
        ).fetchone()
    page.goto(f"/documents/{seed_id}")
    assert "eternal" in page.locator("h1").inner_text()
    assert page.locator("article.mention").count() >= 5
    sources = page.locator("article.mention mark.ev-source").all_inner_texts()
    assert any("Osmani" in s or "President" in s for s in sources)
    _shot(page, "seed-document")
    page.locator("article.mention .meta a").first.click()
    page.wait_for_url("**/events/ev-*")
    assert page.locator("blockquote.evidence mark.ev-trigger").count() >= 1
    _shot(page, "seed-event")
