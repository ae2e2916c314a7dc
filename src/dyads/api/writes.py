"""The write endpoints: ``POST /api/code`` and ``POST /api/documents``.

``POST /api/code`` codes a text and stores nothing; ``POST /api/documents``
codes and stores documents. Both need the bearer token of
``Settings.api_token`` and are off (403) while it is empty, so a server
started without thinking about it cannot be written to (see #4).
"""

from __future__ import annotations

import hmac
import threading
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request

from dyads.model import Document, Event

from . import schemas
from .routes import Config, Db

router = APIRouter(prefix="/api", tags=["api"])

_AUTH: dict[int | str, dict[str, Any]] = {
    401: {"model": schemas.Error, "description": "Missing or wrong bearer token."},
    403: {"model": schemas.Error, "description": "Writes are off (no api_token set)."},
    413: {"model": schemas.Error, "description": "Request body too large."},
}


def _authorized(request: Request, settings: Config) -> None:
    if not settings.api_token:
        raise HTTPException(403, "Writes are off: the server has no api_token setting")
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        token.strip().encode(), settings.api_token.encode()
    ):
        raise HTTPException(
            401,
            "A valid bearer token is required",
            headers={"WWW-Authenticate": "Bearer"},
        )


_coder_lock = threading.Lock()


def _coder(request: Request) -> Any:
    """The app's coder, loaded on the first write (spaCy takes seconds to load)."""
    with _coder_lock:
        if getattr(request.app.state, "coder", None) is None:
            from dyads.pipeline import Coder

            request.app.state.coder = Coder(request.app.state.settings)
        return request.app.state.coder


def _coded_event(event: Event, text: str) -> dict[str, Any]:
    def actor(mention: Any) -> dict[str, Any] | None:
        if mention is None:
            return None
        span = mention.span
        return {
            "code": mention.actor.code,
            "name": mention.actor.name,
            "rule": mention.rule,
            "start": span.start,
            "end": span.end,
            "text": span.text(text),
        }

    def span(value: Any) -> dict[str, Any]:
        return {"start": value.start, "end": value.end, "text": value.text(text)}

    place = event.place
    return {
        "id": event.id,
        "date": event.date,
        "source": actor(event.source),
        "target": actor(event.target),
        "code": event.code,
        "root": event.root,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "plover": event.plover,
        "plover_mode": event.plover_mode,
        "modality": event.modality.value,
        "trigger": span(event.evidence.trigger),
        "sentence": span(event.evidence.sentence),
        "rule_id": event.evidence.rule_id,
        "confidence": event.evidence.confidence,
        "place": None
        if place is None
        else {
            "name": place.name,
            "country": place.country,
            "latitude": place.latitude,
            "longitude": place.longitude,
            "reason": place.reason,
        },
    }


@router.post(
    "/code",
    response_model=schemas.CodeResponse,
    responses=_AUTH,
    dependencies=[Depends(_authorized)],
)
def code(request: Request, body: schemas.CodeRequest) -> dict[str, Any]:
    """Code one text and return its events with evidence; nothing is stored."""
    events = _coder(request).code_text(body.text, body.date)
    return {"events": [_coded_event(e, body.text) for e in events]}


@router.post(
    "/documents",
    response_model=schemas.IngestResponse,
    responses=_AUTH,
    dependencies=[Depends(_authorized)],
)
def ingest_documents(
    request: Request, db: Db, body: schemas.IngestRequest
) -> dict[str, Any]:
    """Code and store documents; ones already stored are skipped (ids kept)."""
    from dyads.ingest.clean import content_hash

    documents = [
        Document(
            id=d.id or content_hash(d.text),
            text=d.text,
            date=d.date,
            url=d.url,
            title=d.title,
            source=d.source or "api",
        )
        for d in body.documents
    ]
    results = list(_coder(request).code_documents(documents))
    with db.write() as store:
        counts = store.add(results)
    return {
        "ids": [d.id for d in documents],
        "coded": counts.coded,
        "rejected": counts.rejected,
        "skipped": counts.skipped,
        "events": counts.events,
        "mentions": counts.mentions,
        "rejections_by_reason": dict(counts.rejections_by_reason),
    }
