"""The read endpoints under ``/api``: every read goes through ``store.queries``.

Reads run on a read-only cursor (see :mod:`dyads.api.database`);
``/api/events`` and ``/api/relations`` answer from the in-memory event index
(:mod:`dyads.api.index`). The writes live in :mod:`dyads.api.writes`.

Counting endpoints (dyads, network, relations, the events list) count the
modalities of ``Settings.include_modalities`` unless ``modality`` says
otherwise, as ``dyads relations`` does.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from dyads.aggregate import balance, relation
from dyads.config import Settings
from dyads.store import EventFilter, queries

from . import schemas
from .database import Database

router = APIRouter(prefix="/api", tags=["api"])

_CODE_PATTERN = r"^[A-Za-z0-9-]{1,32}$"
Since = Annotated[dt.date | None, Query(description="First event date (inclusive).")]
Until = Annotated[dt.date | None, Query(description="Last event date (inclusive).")]
ActorQ = Annotated[
    str | None,
    Query(pattern=_CODE_PATTERN, description="Actor code prefix on either side (KSV)."),
]
Modalities = Annotated[
    list[schemas.ModalityName] | None,
    Query(description="Modalities to count; default: the server's setting."),
]
Code = Annotated[
    str | None, Query(pattern=r"^[0-9]{1,4}$", description="CAMEO code prefix (04).")
]
Root = Annotated[
    str | None, Query(pattern=r"^[0-9]{2}$", description="CAMEO root, two digits.")
]
Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]


def _db(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


Db = Annotated[Database, Depends(_db)]
Config = Annotated[Settings, Depends(_settings)]


def event_filter(
    settings: Config,
    since: Since = None,
    until: Until = None,
    actor: ActorQ = None,
    code: Code = None,
    root: Root = None,
    modality: Modalities = None,
) -> EventFilter:
    """The filters shared by the counting endpoints (a FastAPI dependency)."""
    return EventFilter.build(
        since=since,
        until=until,
        actor=actor,
        code=code,
        root=root,
        modality=list(modality or ()) or list(settings.include_modalities) or None,
    )


Filters = Annotated[EventFilter, Depends(event_filter)]


def _dyad_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for row in rows:
        b = balance(row["cooperation"], row["conflict"])
        row.update(index=b.index, index_low=b.low, index_high=b.high)
    return rows


@router.get("/overview", response_model=schemas.OverviewOut)
def overview(db: Db, settings: Config) -> dict[str, Any]:
    """Store totals, the busiest dyads and the latest events (the front page's twin)."""
    query = queries.EventQuery(event_filter(settings))
    with db.read() as store:
        counts = queries.overview(store)
        top = _dyad_rows(queries.top_dyads(store, query, 10))
        latest = queries.list_events(store, query, 10, 0, order="-date")
    return {
        "counts": counts,
        "top_dyads": top,
        "latest": [schemas.event_from_row(r) for r in latest],
    }


@router.get("/network", response_model=schemas.NetworkOut)
def network(
    db: Db, filters: Filters, limit: Annotated[int, Query(ge=1, le=300)] = 60
) -> dict[str, Any]:
    """Actors as nodes and their busiest directed pairs as edges."""
    with db.read() as store:
        graph = queries.network(store, queries.EventQuery(filters), limit)
    _dyad_rows(graph["edges"])
    return graph


@router.get("/events", response_model=schemas.EventPage)
def events(
    db: Db,
    filters: Filters,
    source: Annotated[str | None, Query(pattern=_CODE_PATTERN)] = None,
    target: Annotated[str | None, Query(pattern=_CODE_PATTERN)] = None,
    dyad: Annotated[
        str | None,
        Query(
            pattern=r"^[A-Za-z0-9-]{1,32},[A-Za-z0-9-]{1,32}$",
            description="SOURCE,TARGET code prefixes (KSV,IGOWSTNAT).",
        ),
    ] = None,
    both: Annotated[bool, Query(description="Count the dyad both ways.")] = False,
    place: Annotated[
        str | None, Query(max_length=200, description="Place name or country code.")
    ] = None,
    order: Annotated[str, Query(pattern="^(date|-date|mentions)$")] = "date",
    limit: Limit = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    """Events passing the filters, a page at a time, with their first evidence."""
    if dyad:
        source, target = dyad.split(",")
    pair = queries.Dyad.build(source, target, both) if source else None
    if pair is None and target:
        pair = queries.Dyad.build(target, None, False)
        pair = queries.Dyad(pair.source, None, True) if both else pair
    query = queries.EventQuery(filters, pair, place)
    total, ids = db.index().page(query, limit, offset, order)
    with db.read() as store:
        rows = queries.events_by_id(store, ids)
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "items": [schemas.event_from_row(r) for r in rows],
    }


@router.get(
    "/events/{event_id}",
    response_model=schemas.EventDetail,
    responses={404: {"model": schemas.Error}},
)
def event(db: Db, event_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """One event with every mention and its evidence spans."""
    with db.read() as store:
        row = queries.event(store, event_id)
    if row is None:
        raise HTTPException(404, f"No event with id '{event_id}'")
    found = schemas.event_from_row(row)
    found["mentions"] = [schemas.mention_from_row(m) for m in row["mentions"]]
    first = row["mentions"][0] if row["mentions"] else {}
    found["sentence_text"] = first.get("sentence_text")
    found["trigger_text"] = first.get("trigger_text")
    return found


@router.get("/actors", response_model=schemas.ActorList)
def actors(
    db: Db,
    prefix: Annotated[str | None, Query(pattern=_CODE_PATTERN)] = None,
    limit: Limit = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> dict[str, Any]:
    """Actor codes, busiest first, with how often each acts and is acted on."""
    with db.read() as store:
        return {"items": queries.actors(store, prefix, limit, offset)}


@router.get("/dyads", response_model=schemas.DyadList)
def dyads(db: Db, filters: Filters, limit: Limit = 20) -> dict[str, Any]:
    """The busiest directed dyads with counts and cooperation-conflict index."""
    query = queries.EventQuery(filters)
    with db.read() as store:
        return {"items": _dyad_rows(queries.top_dyads(store, query, limit))}


@router.get(
    "/relations",
    response_model=schemas.RelationOut,
    responses={400: {"model": schemas.Error}},
)
def relations(
    db: Db,
    settings: Config,
    source: Annotated[str, Query(pattern=_CODE_PATTERN, description="Source prefix.")],
    target: Annotated[
        str | None,
        Query(pattern=_CODE_PATTERN, description="Target prefix; none: all."),
    ] = None,
    freq: schemas.Frequency = "month",
    both: bool = False,
    since: Since = None,
    until: Until = None,
    modality: Modalities = None,
) -> dict[str, Any]:
    """A dyad's series per period: counts, scores, index with interval, shifts."""
    if since and until and since > until:
        raise HTTPException(400, f"since {since} is after until {until}")
    if since and until and freq == "day" and (until - since).days > 20_000:
        raise HTTPException(400, "A daily series is limited to 20,000 days")
    index = db.index()
    with db.read() as store:
        found = relation(
            store,
            source,
            target,
            freq=freq,
            both=both,
            since=since,
            until=until,
            modality=list(modality or settings.include_modalities),
            counter=index.relation_counts,
        )
    return found.to_dict()


@router.get(
    "/documents/{document_id:path}",
    response_model=schemas.DocumentOut,
    responses={404: {"model": schemas.Error}},
)
def document(db: Db, document_id: str) -> dict[str, Any]:
    """A stored document's text and metadata, with the mentions coded in it."""
    with db.read() as store:
        row = queries.document(store, document_id)
    if row is None:
        raise HTTPException(404, f"No document with id '{document_id}'")
    row["translations"] = list(row["translations"] or ())
    row["mentions"] = [schemas.mention_from_row(m) for m in row["mentions"]]
    return row
