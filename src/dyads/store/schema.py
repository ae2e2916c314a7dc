"""Table definitions of the event store, as numbered migrations.

A store file records the highest migration it has applied in ``schema_version``.
Opening a store applies the missing ones in order, each in its own transaction,
so an old file upgrades in place and a half-applied upgrade never happens. A new
column or table is a new migration at the end of :data:`MIGRATIONS`; a shipped
migration is never edited, because files in users' hands already applied it.

The tables (see docs/store.md for the meaning of each column):

- ``documents``: one row per distinct text read, coded or rejected (``status``).
- ``events``: one row per real-world event, with GDELT-style counts.
- ``mentions``: one row per coded instance (``model.Event.id``) with its evidence.
- ``rejections``: every document that could not be coded, and why.
- ``runs``: one row per ingest: coder version, dictionaries hash, settings, counts.
"""

from __future__ import annotations

from dataclasses import dataclass

_PLACE = """
    place_name VARCHAR,
    place_country VARCHAR,
    place_lat DOUBLE,
    place_lon DOUBLE,
    place_reason VARCHAR,
    place_feature VARCHAR,
"""

_ACTORS = """
    source_code VARCHAR NOT NULL,
    source_name VARCHAR,
    source_country VARCHAR,
    source_sector VARCHAR,
    target_code VARCHAR,
    target_name VARCHAR,
    target_country VARCHAR,
    target_sector VARCHAR,
"""

_CODES = f"""
    code VARCHAR NOT NULL,
    root VARCHAR NOT NULL,
    quad_class INTEGER,
    goldstein DOUBLE,
    plover VARCHAR,
    plover_mode VARCHAR,
    modality VARCHAR NOT NULL,
    {_PLACE}
"""

_V1 = (
    """
    CREATE TABLE documents (
        id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL UNIQUE,
        text VARCHAR NOT NULL,
        title VARCHAR,
        url VARCHAR,
        date DATE,
        lang VARCHAR,
        source VARCHAR,
        translations VARCHAR[],
        status VARCHAR NOT NULL,
        first_run INTEGER NOT NULL
    )
    """,
    f"""
    CREATE TABLE events (
        id VARCHAR PRIMARY KEY,
        match_key VARCHAR NOT NULL,
        match_day VARCHAR NOT NULL,
        date DATE,
        {_ACTORS}
        {_CODES}
        num_mentions INTEGER NOT NULL,
        num_documents INTEGER NOT NULL,
        num_sources INTEGER NOT NULL,
        first_mention_id VARCHAR NOT NULL,
        first_document_id VARCHAR NOT NULL,
        coder VARCHAR,
        first_run INTEGER NOT NULL
    )
    """,
    f"""
    CREATE TABLE mentions (
        id VARCHAR PRIMARY KEY,
        event_id VARCHAR NOT NULL,
        document_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        date DATE,
        {_ACTORS}
        {_CODES}
        source_start INTEGER,
        source_end INTEGER,
        source_text VARCHAR,
        source_rule VARCHAR,
        target_start INTEGER,
        target_end INTEGER,
        target_text VARCHAR,
        target_rule VARCHAR,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        trigger_text VARCHAR,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        sentence_text VARCHAR,
        attributed_start INTEGER,
        attributed_end INTEGER,
        attributed_text VARCHAR,
        rule_id VARCHAR NOT NULL,
        dictionary_entries VARCHAR[],
        confidence DOUBLE,
        coder VARCHAR,
        join_reason VARCHAR NOT NULL,
        source_key VARCHAR NOT NULL,
        run_id INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE rejections (
        id VARCHAR PRIMARY KEY,
        document_id VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        detail VARCHAR,
        source VARCHAR,
        run_id INTEGER NOT NULL
    )
    """,
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        coder VARCHAR,
        dictionaries_hash VARCHAR,
        engine VARCHAR,
        settings VARCHAR,
        sources VARCHAR[],
        started TIMESTAMP NOT NULL,
        finished TIMESTAMP,
        n_read INTEGER NOT NULL DEFAULT 0,
        n_coded INTEGER NOT NULL DEFAULT 0,
        n_rejected INTEGER NOT NULL DEFAULT 0,
        n_skipped INTEGER NOT NULL DEFAULT 0,
        n_events INTEGER NOT NULL DEFAULT 0,
        n_mentions INTEGER NOT NULL DEFAULT 0
    )
    """,
    "CREATE INDEX events_match_day ON events (match_day)",
    "CREATE INDEX mentions_event ON mentions (event_id)",
    "CREATE INDEX mentions_document ON mentions (document_id)",
)


@dataclass(frozen=True, slots=True)
class Migration:
    """One numbered step of the schema: statements applied in one transaction."""

    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "documents, events, mentions, rejections, runs", _V1),
)

LATEST = MIGRATIONS[-1].version

VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    description VARCHAR NOT NULL,
    applied TIMESTAMP NOT NULL DEFAULT current_timestamp
)
"""
