"""The REST API and dashboard server: ``create_app(settings)`` returns a FastAPI app.

One app serves the JSON API under ``/api`` (OpenAPI at ``/openapi.json``) and
the dashboard pages at ``/`` (see :mod:`dyads.web`), over the store file named
by ``Settings.db``. ``dyads serve`` runs it with uvicorn; tests run it with a
TestClient or a real uvicorn (see #4).
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

from dyads.about import __version__
from dyads.config import Settings
from dyads.errors import DyadsError

from .database import Database
from .errors import BodyLimit, install_error_handlers

__all__ = ["create_app"]


def create_app(settings: Settings | None = None, coder: Any = None) -> FastAPI:
    """The dyads server app over ``settings.db``.

    Args:
        settings: where the store is, the write token and the request size limit.
        coder: a loaded :class:`~dyads.pipeline.Coder` to share (tests, embedding);
            without one, the first write loads it.

    Raises:
        StoreError: the store cannot be created or opened.
    """
    from dyads.web import install_dashboard

    settings = settings or Settings.load()
    database = Database(settings.db)
    database.ensure()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Build the event index while the server starts listening, so that the
        # first request does not wait for it (seconds on a million events).
        warm = threading.Thread(target=_warm, args=(database,), daemon=True)
        warm.start()
        yield
        warm.join()
        database.close()

    app = FastAPI(
        title="dyads",
        version=__version__,
        description="Political event data with evidence: events, actors, dyads and "
        "relations over time from an embedded dyads store.",
        lifespan=lifespan,
        docs_url=None,  # Swagger UI and ReDoc load from a CDN; the dashboard must not
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.database = database
    app.state.coder = coder
    install_error_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_request_bytes)
    from . import routes, writes

    app.include_router(routes.router)
    app.include_router(writes.router)
    install_dashboard(app)
    return app


def _warm(database: Database) -> None:
    """Build the index ahead of requests; a failure here is reported by them."""
    try:
        database.index()
    except DyadsError:
        pass
