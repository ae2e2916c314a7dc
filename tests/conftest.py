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
    """The example press release (President of Kosovo meets NATO's Secretary General)."""
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
