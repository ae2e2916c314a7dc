"""Dashboard page routes: each calls its JSON twin's route function and renders it.

Form fields arrive as strings, often empty (a blank date box); the pages drop
empty values and show a bad value as a message on the page instead of the
API's 422, because a person, not a program, reads it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from dyads.api import routes
from dyads.errors import DyadsError

from . import HERE
from .evidence import mention_pieces

router = APIRouter(include_in_schema=False)

_env = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
)
_env.globals["mention_pieces"] = mention_pieces
templates = Jinja2Templates(env=_env)

QUAD_NAMES = {
    1: "Verbal cooperation",
    2: "Material cooperation",
    3: "Verbal conflict",
    4: "Material conflict",
}
_env.globals["QUAD_NAMES"] = QUAD_NAMES
_MODALITIES = ("asserted", "negated", "future", "hypothetical", "historical")


def _code_name(code: str) -> str:
    from dyads.events.ontology import Ontology

    try:
        return Ontology.load().cameo(code).name
    except DyadsError:
        return ""


_env.globals["code_name"] = _code_name


def _params(request: Request) -> dict[str, str]:
    """Non-empty query parameters, stripped."""
    return {k: v.strip() for k, v in request.query_params.items() if v.strip()}


def _date(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{name} must be a date like 2023-06-05, not {value!r}"
        ) from None


def _render(
    request: Request, name: str, status: int = 200, **context: Any
) -> HTMLResponse:
    context.setdefault("error", None)
    return templates.TemplateResponse(
        request, name, jsonable_encoder(context), status_code=status
    )


def _not_found(request: Request, message: str) -> HTMLResponse:
    return _render(request, "missing.html", 404, title="Not found", message=message)


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request) -> HTMLResponse:
    data = routes.overview(request.app.state.database, request.app.state.settings)
    return _render(
        request, "overview.html", title="Overview", data=data, twin="/api/overview"
    )


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> HTMLResponse:
    p = _params(request)
    try:
        filters = routes.event_filter(
            request.app.state.settings,
            since=_date(p.get("since"), "since"),
            until=_date(p.get("until"), "until"),
            actor=p.get("actor"),
        )
        data = routes.network(
            request.app.state.database,
            filters,
            limit=min(300, max(1, int(p.get("limit", "60")))),
        )
    except (ValueError, DyadsError) as exc:
        return _render(
            request,
            "network.html",
            400,
            title="Network",
            data={"nodes": [], "edges": []},
            params=p,
            error=str(exc),
        )
    return _render(
        request,
        "network.html",
        title="Network",
        data=data,
        params=p,
        twin="/api/network?" + str(request.query_params),
    )


@router.get("/relations", response_class=HTMLResponse)
def relation_page(request: Request) -> HTMLResponse:
    p = _params(request)
    freq = p.get("freq", "month")
    context: dict[str, Any] = {
        "title": "Relation",
        "params": p,
        "freq": freq,
        "data": None,
    }
    if "source" not in p:
        return _render(request, "relation.html", **context)
    try:
        if freq not in ("day", "week", "month", "quarter", "year"):
            raise ValueError(
                f"freq must be day, week, month, quarter or year, not {freq!r}"
            )
        context["data"] = routes.relations(
            request.app.state.database,
            request.app.state.settings,
            source=p["source"],
            target=p.get("target"),
            freq=freq,  # type: ignore[arg-type]
            both=p.get("both") in ("1", "true", "on"),
            since=_date(p.get("since"), "since"),
            until=_date(p.get("until"), "until"),
        )
    except (ValueError, DyadsError, HTTPException) as exc:
        message = exc.detail if isinstance(exc, HTTPException) else str(exc)
        return _render(request, "relation.html", 400, error=message, **context)
    context["title"] = (
        context["data"]["source"] + " → " + (context["data"]["target"] or "all")
    )
    context["twin"] = "/api/relations?" + str(request.query_params)
    return _render(request, "relation.html", **context)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request) -> HTMLResponse:
    p = _params(request)
    context: dict[str, Any] = {
        "title": "Events",
        "params": p,
        "modalities": _MODALITIES,
    }
    try:
        limit = min(500, max(1, int(p.get("limit", "50"))))
        offset = max(0, int(p.get("offset", "0")))
        modality = [p["modality"]] if p.get("modality") else None
        if modality and modality[0] not in _MODALITIES:
            raise ValueError(f"Unknown modality {modality[0]!r}")
        filters = routes.event_filter(
            request.app.state.settings,
            since=_date(p.get("since"), "since"),
            until=_date(p.get("until"), "until"),
            actor=p.get("actor"),
            code=p.get("code"),
            root=p.get("root"),
            modality=modality,  # type: ignore[arg-type]
        )
        data = routes.events(
            request.app.state.database,
            filters,
            source=p.get("source"),
            target=p.get("target"),
            both=p.get("both") in ("1", "true", "on"),
            place=p.get("place"),
            order=p.get("order", "-date"),
            limit=limit,
            offset=offset,
        )
    except (ValueError, DyadsError) as exc:
        return _render(
            request,
            "events.html",
            400,
            error=str(exc),
            data={"items": [], "total": 0, "limit": 50, "offset": 0},
            **context,
        )
    keep = {k: v for k, v in p.items() if k != "offset"}
    context.update(
        data=data, keep=keep, twin="/api/events?" + str(request.query_params)
    )
    return _render(request, "events.html", **context)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    try:
        data = routes.event(request.app.state.database, event_id)
    except HTTPException as exc:
        return _not_found(request, str(exc.detail))
    title = f"{data['source']} → {data['target'] or '—'} · {data['code']}"
    return _render(
        request, "event.html", title=title, event=data, twin=f"/api/events/{event_id}"
    )


@router.get("/documents/{document_id:path}", response_class=HTMLResponse)
def document_page(request: Request, document_id: str) -> HTMLResponse:
    try:
        data = routes.document(request.app.state.database, document_id)
    except HTTPException as exc:
        return _not_found(request, str(exc.detail))
    return _render(
        request,
        "document.html",
        title=data["title"] or data["id"],
        document=data,
        twin=f"/api/documents/{document_id}",
    )
