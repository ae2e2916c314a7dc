"""The matching rule: which coded mentions report one real-world event.

A new mention joins an existing event when all of these hold (docs/store.md):

1. the same **match key**: CAMEO root, source and target actor codes (in either
   order for reciprocal codes: 036 intend to meet, 04x consult, 057 sign an
   agreement), and modality (a planned meeting is not the meeting);
2. **dates** at most one day apart (reports written the next day); an undated
   mention joins only an undated event first seen in the same document, or in a
   language version of it (``Document.translations``);
3. a **compatible place**: either side unknown, or the same country and, when
   both have coordinates, within 50 km.

When several events qualify, the one with the closest date wins, then the one
created first. Otherwise the mention starts a new event whose id hashes the
match key and the mention id, so a re-run of the same input gives the same ids.
The rule is applied in input order, which is what makes a re-run after a crash
equal to a clean run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dyads.model import Document, Event

RECIPROCAL_CODES = ("036", "04", "057")
DATE_WINDOW_DAYS = 1
PLACE_RADIUS_KM = 50.0


def is_reciprocal(code: str) -> bool:
    """Whether the code names an act both sides do together (a meeting)."""
    return code.startswith(RECIPROCAL_CODES)


def match_key(event: Event) -> str:
    """Root, actors (sorted when reciprocal) and modality, joined with ``|``."""
    first = event.source.actor.code
    second = event.target.actor.code if event.target else ""
    if second and is_reciprocal(event.code) and second < first:
        first, second = second, first
    return f"{event.root}|{first}|{second}|{event.modality.value}"


def event_id(key: str, first_mention_id: str) -> str:
    """Deterministic id of an event: a hash of its key and first mention."""
    digest = hashlib.blake2b(f"{key}\x1f{first_mention_id}".encode(), digest_size=10)
    return "ev-" + digest.hexdigest()


@dataclass(slots=True)
class Candidate:
    """An event a mention may join: what the rule compares."""

    id: str
    key: str
    date: dt.date | None
    release: str
    country: str | None
    lat: float | None
    lon: float | None
    order: int


@dataclass(frozen=True, slots=True)
class Assignment:
    """The event a mention belongs to, whether it is new, and why."""

    event_id: str
    is_new: bool
    join_reason: str


def _distance_km(a: Candidate, b: Candidate) -> float:
    assert a.lat is not None and a.lon is not None
    assert b.lat is not None and b.lon is not None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _why(event: Candidate, mention: Candidate) -> str | None:
    """The reason ``mention`` joins ``event``, or ``None`` when it must not."""
    if event.date is None or mention.date is None:
        if event.date is not None or mention.date is not None:
            return None
        if event.release != mention.release:
            return None
        when = "both undated, same document"
        if mention.release.startswith("release:"):
            when = "both undated, same document or language version of one release"
    else:
        days = abs((event.date - mention.date).days)
        if days > DATE_WINDOW_DAYS:
            return None
        when = "same day" if days == 0 else f"{days} day apart"
    if event.country and mention.country and event.country != mention.country:
        return None
    where = "no place on either side"
    if bool(event.country) != bool(mention.country):
        where = "place known on one side only"
    elif event.country and mention.country:
        where = f"same country {event.country}"
        if None not in (event.lat, event.lon, mention.lat, mention.lon):
            km = _distance_km(event, mention)
            if km > PLACE_RADIUS_KM:
                return None
            where += f", {km:.0f} km apart"
    root, source, target, modality = mention.key.split("|")
    actors = f"{source}-{target or 'none'}"
    return f"joins {event.id}: key {root}|{actors}|{modality}, {when}, {where}"


def release_key(document: Document) -> str:
    """What groups the language versions of one release: the smallest of the
    document's id, URL and translation links (each version lists the others), or
    the document's own id when it has no translations."""
    if not document.translations:
        return document.id
    links = {document.id, *document.translations}
    if document.url:
        links.add(document.url)
    return "release:" + min(links)


def candidate(event: Event, order: int, release: str | None = None) -> Candidate:
    place = event.place
    return Candidate(
        id=event.id,
        key=match_key(event),
        date=event.date,
        release=release or event.document_id,
        country=place.country if place else None,
        lat=place.latitude if place else None,
        lon=place.longitude if place else None,
        order=order,
    )


def assign(
    events: Sequence[Event],
    stored: Sequence[Candidate],
    releases: Mapping[str, str] | None = None,
) -> list[Assignment]:
    """Match each event, in order, to a stored event, an earlier one, or a new one.

    Args:
        events: the batch's coded mentions, in input order.
        stored: events already in the store that share a key with the batch and
            lie inside the date window (see :func:`candidates_sql`).
        releases: document id -> :func:`release_key`, for documents with
            language versions (the others default to their own id).
    """
    by_key: dict[str, list[Candidate]] = defaultdict(list)
    for known in stored:
        by_key[known.key].append(known)
    order = len(stored)
    assignments = []
    for event in events:
        mention = candidate(event, order, (releases or {}).get(event.document_id))
        best: tuple[int, int, Candidate, str] | None = None
        for known in by_key[mention.key]:
            reason = _why(known, mention)
            if reason is None:
                continue
            gap = (
                abs((known.date - mention.date).days)
                if known.date and mention.date
                else 0
            )
            if best is None or (gap, known.order) < best[:2]:
                best = (gap, known.order, known, reason)
        if best is not None:
            assignments.append(Assignment(best[2].id, False, best[3]))
            continue
        new_id = event_id(mention.key, event.id)
        by_key[mention.key].append(
            Candidate(
                new_id,
                mention.key,
                mention.date,
                mention.release,
                mention.country,
                mention.lat,
                mention.lon,
                order,
            )
        )
        order += 1
        assignments.append(Assignment(new_id, True, "new event"))
    return assignments


def match_day(key: str, date: dt.date | None, release: str) -> str:
    """The indexed lookup value of an event: its key and day (undated: its
    document, or the release its language versions share)."""
    return f"{key}|{date.isoformat()}" if date else f"{key}|undated|{release}"


def candidates_sql(
    events: Sequence[Event],
    quote: Callable[[Iterable[str]], str],
    releases: Mapping[str, str] | None = None,
) -> str:
    """The query for stored events a batch may join: same key, inside the window.

    Each mention asks for its key on the days of its window (or, undated, in its
    document), as literals that DuckDB answers from the ``match_day`` index;
    :func:`assign` then checks each pair exactly.
    """
    wanted: set[str] = set()
    for event in events:
        key = match_key(event)
        if event.date is None:
            release = (releases or {}).get(event.document_id, event.document_id)
            wanted.add(match_day(key, None, release))
            continue
        for days in range(-DATE_WINDOW_DAYS, DATE_WINDOW_DAYS + 1):
            day = event.date + dt.timedelta(days=days)
            wanted.add(match_day(key, day, event.document_id))
    return (
        "SELECT e.id, e.match_key, e.date, e.match_day, e.place_country, "
        f"e.place_lat, e.place_lon FROM events e WHERE e.match_day IN "
        f"{quote(sorted(wanted))} ORDER BY e.rowid"
    )


def stored_candidates(rows: Sequence[tuple[Any, ...]]) -> list[Candidate]:
    """Candidates from rows of :func:`candidates_sql`, oldest first."""
    return [
        Candidate(
            r[0], r[1], r[2], r[3].partition("|undated|")[2], r[4], r[5], r[6], order
        )
        for order, r in enumerate(rows)
    ]
