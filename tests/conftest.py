"""The only conftest: real components, loaded once per test session."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

    from dyads.pipeline import Coder

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's shared folder (seed, gold files, reference tables)."""
    return SHARED


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The example press release: Kosovo's President meets NATO's Secretary General."""
    return (SHARED / "seed" / "osmani-stoltenberg.txt").read_text("utf-8")


@pytest.fixture(scope="session")
def settings():  # type: ignore[no-untyped-def]
    from dyads.config import Settings

    return Settings()


@pytest.fixture(scope="session")
def nlp(settings) -> Language:  # type: ignore[no-untyped-def]
    """The real English spaCy pipeline, as dyads loads it."""
    from dyads.nlp import load_pipeline

    return load_pipeline(settings.model)


@pytest.fixture(scope="session")
def coder(settings) -> Coder:  # type: ignore[no-untyped-def]
    """One real coder (spaCy + dictionaries + ontology) for the whole session."""
    from dyads.pipeline import Coder

    return Coder(settings)


@pytest.fixture()
def cli():  # type: ignore[no-untyped-def]
    """Invoke the `dyads` command line in process: ``cli("code", path)``."""
    from click.testing import CliRunner

    from dyads.cli import cli as group

    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
        return runner.invoke(group, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture(scope="session")
def make_event():  # type: ignore[no-untyped-def]
    """Build a hand-made Event for store and export unit tests (no coder needed).

    ``make_event("d1", "KSVGOV", "IGOWSTNAT", "042", "2023-06-05", text=...)``;
    spans point into ``text`` when given.
    """
    import datetime as dt

    from dyads.model import Actor, Event, Evidence, Mention, Modality, Place, TextSpan

    def build(  # type: ignore[no-untyped-def]
        document_id,
        source,
        target,
        code,
        date,
        *,
        text="",
        index=0,
        modality="asserted",
        place=None,
    ):
        def mention(code, start, end):  # type: ignore[no-untyped-def]
            actor = Actor(code, code.title(), code[:3], code[3:6] or None)
            return Mention(TextSpan(start, end), 0, actor, "dictionary:test")

        whole = TextSpan(0, len(text))
        return Event(
            id=f"{document_id}:{index}:{code}",
            document_id=document_id,
            sentence_index=0,
            source=mention(source, 0, min(len(text), 5)),
            target=mention(target, 0, min(len(text), 5)) if target else None,
            code=code,
            root=code[:2],
            quad_class=1,
            goldstein=1.0,
            plover="CONSULT",
            plover_mode=None,
            modality=Modality(modality),
            evidence=Evidence(whole, whole, "test-rule", ("entry",), 0.7),
            date=dt.date.fromisoformat(date) if date else None,
            place=Place(*place[:4], "test", *place[4:]) if place else None,
        )

    return build


API_TOKEN = "test-token"


@pytest.fixture(scope="session")
def dashboard_db(tmp_path_factory, coder) -> Path:  # type: ignore[no-untyped-def]
    """A store filled through the real reader, coder and store.

    Sources: tests/api/corpus.jsonl (news-like texts written for the dashboard
    tests, one holding a <script>) and the seed.
    """
    from dyads.ingest import read
    from dyads.store import open_store

    path = tmp_path_factory.mktemp("dashboard") / "events.duckdb"
    sources = [
        REPO / "tests" / "api" / "corpus.jsonl",
        SHARED / "seed" / "osmani-stoltenberg.txt",
    ]
    with open_store(path) as store:
        store.add(coder.code_documents(read(sources, coder.settings)))
    return path


@pytest.fixture(scope="session")
def api_app(dashboard_db, coder):  # type: ignore[no-untyped-def]
    """The real dyads server app over the dashboard store, writes on with API_TOKEN."""
    from dyads.api import create_app

    settings = coder.settings.replace(db=str(dashboard_db), api_token=API_TOKEN)
    return create_app(settings, coder)


@pytest.fixture(scope="session")
def client(api_app):  # type: ignore[no-untyped-def]
    """A TestClient on the dashboard app (reads only: writes go to their own store)."""
    from fastapi.testclient import TestClient

    with TestClient(api_app) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def server(api_app):  # type: ignore[no-untyped-def]
    """A real uvicorn serving the dashboard app on a free port; yields its base URL."""
    import socket
    import threading
    import time

    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(api_app, host="127.0.0.1", port=port, log_level="warning")
    uvicorn_server = uvicorn.Server(config)
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uvicorn_server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uvicorn_server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="session")
def stored_db(tmp_path_factory, coder, settings) -> Path:  # type: ignore[no-untyped-def]
    """A store file holding the seed release and tests/data/corpora (coded once)."""
    import types

    from dyads.store import open_store
    from dyads.store.ingest import ingest

    path = tmp_path_factory.mktemp("store") / "stored.duckdb"
    engine = types.SimpleNamespace(run=coder.code_documents, coder=coder)
    sources = [SHARED / "seed" / "osmani-stoltenberg.txt", DATA / "corpora"]
    with open_store(path) as store:
        ingest(sources, store, settings, engine=engine)
    return path
