"""The event store: an embedded DuckDB file of documents, events and mentions.

``open_store(path)`` opens (and creates or upgrades) a store; the :class:`Store`
writes batches of coded documents (:meth:`Store.add`) and answers a few small,
documented reads that the CLI, the exporters and ``store/queries.py`` build on.

DuckDB lets one process write a file at a time; a second process gets a
:class:`~dyads.errors.StoreError` that says so instead of DuckDB's lock message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from dyads.errors import StoreError
from dyads.model import Coded, Document, Rejection

from . import schema
from .filters import EventFilter
from .reads import event_records, rows_to_dicts
from .records import EventRecord, MentionRecord
from .writer import BatchCounts, write_batch

__all__ = [
    "BatchCounts",
    "EventFilter",
    "EventRecord",
    "MentionRecord",
    "Store",
    "open_store",
]


def open_store(path: str | Path, read_only: bool = False) -> Store:
    """Open the store at ``path``, creating it and applying migrations when writable.

    Raises:
        StoreError: the file is locked by another process, is not a DuckDB file,
            or (read-only) does not exist or needs a migration.
    """
    import duckdb

    target = str(path)
    if read_only and target != ":memory:" and not Path(target).exists():
        raise StoreError(f"Store {target} does not exist; run `dyads ingest` first")
    try:
        con = duckdb.connect(target, read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc)
        if "lock" in message.lower():
            raise StoreError(
                f"Store {target} is in use by another process (DuckDB allows one "
                "writer at a time); wait for it to finish or use another --db"
            ) from None
        raise StoreError(f"Store {target} cannot be opened: {message}") from None
    except duckdb.Error as exc:
        raise StoreError(f"Store {target} cannot be opened: {exc}") from None
    store = Store(con, target, read_only)
    try:
        store.migrate()
    except BaseException:
        con.close()
        raise
    return store


class Store:
    """An open event store. Use :func:`open_store`; close it (or use ``with``)."""

    def __init__(self, connection: Any, path: str, read_only: bool) -> None:
        self.connection = connection
        self.path = path
        self.read_only = read_only

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    # -- schema -----------------------------------------------------------------

    @property
    def version(self) -> int:
        """The highest migration applied to this file (0 for an empty file)."""
        exists = self.connection.execute(
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_name = 'schema_version'"
        ).fetchone()[0]
        if not exists:
            return 0
        value = self.connection.execute(
            "SELECT max(version) FROM schema_version"
        ).fetchone()[0]
        return int(value or 0)

    def migrate(self) -> None:
        """Apply the migrations this file lacks, each in one transaction."""
        current = self.version
        if current > schema.LATEST:
            raise StoreError(
                f"Store {self.path} has schema version {current}, newer than this "
                f"dyads knows ({schema.LATEST}); upgrade dyads"
            )
        pending = [m for m in schema.MIGRATIONS if m.version > current]
        if pending and self.read_only:
            raise StoreError(
                f"Store {self.path} needs migration to version {schema.LATEST}; "
                "open it once for writing (for example with `dyads ingest`)"
            )
        con = self.connection
        for migration in pending:
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute(schema.VERSION_TABLE)
                for statement in migration.statements:
                    con.execute(statement)
                con.execute(
                    "INSERT INTO schema_version (version, description) VALUES (?, ?)",
                    [migration.version, migration.description],
                )
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    # -- writes -----------------------------------------------------------------

    def add(
        self,
        results: Iterable[Coded | Rejection],
        run_id: int | None = None,
        rejection_ids: Sequence[str | None] | None = None,
    ) -> BatchCounts:
        """Store coded documents and rejections in one transaction.

        Documents already stored are skipped, so adding twice changes nothing.
        Without ``run_id`` a run row is opened and closed around the batch.
        """
        self._check_writable()
        own_run = run_id is None
        if run_id is None:
            run_id = self.start_run(coder=None, dictionaries_hash=None, engine=None)
        counts = write_batch(self.connection, list(results), run_id, rejection_ids)
        if own_run:
            self.finish_run(
                run_id, counts, read=counts.coded + counts.rejected + counts.skipped
            )
        return counts

    def start_run(
        self,
        coder: str | None,
        dictionaries_hash: str | None,
        engine: str | None,
        settings: str | None = None,
        sources: Sequence[str] = (),
    ) -> int:
        """Open a ``runs`` row and return its id."""
        self._check_writable()
        return int(
            self.connection.execute(
                "INSERT INTO runs (id, coder, dictionaries_hash, engine, settings, "
                "sources, started) SELECT coalesce(max(id), 0) + 1, ?, ?, ?, ?, ?, ? "
                "FROM runs RETURNING id",
                [
                    coder,
                    dictionaries_hash,
                    engine,
                    settings,
                    list(sources),
                    dt.datetime.now(dt.UTC).replace(tzinfo=None),
                ],
            ).fetchone()[0]
        )

    def finish_run(
        self, run_id: int, counts: BatchCounts, read: int, finished: bool = True
    ) -> None:
        """Record a run's totals, and its end time when ``finished``.

        The ingest loop records the totals after every batch too, so a run that
        was killed shows how far it got (its end time stays empty).
        """
        self.connection.execute(
            "UPDATE runs SET finished = ?, n_read = ?, n_coded = ?, n_rejected = ?, "
            "n_skipped = ?, n_events = ?, n_mentions = ? WHERE id = ?",
            [
                dt.datetime.now(dt.UTC).replace(tzinfo=None) if finished else None,
                read,
                counts.coded,
                counts.rejected,
                counts.skipped,
                counts.events,
                counts.mentions,
                run_id,
            ],
        )

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"Store {self.path} is open read-only")

    # -- reads ------------------------------------------------------------------

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of any read query as dicts: the building block of ``queries.py``."""
        return rows_to_dicts(self.connection.execute(sql, list(params)))

    def counts(self) -> dict[str, int]:
        """Number of documents (coded, rejected), events, mentions, rejections, runs."""
        row = self.connection.execute(
            "SELECT (SELECT count(*) FROM documents), "
            "(SELECT count(*) FROM documents WHERE status = 'coded'), "
            "(SELECT count(*) FROM events), (SELECT count(*) FROM mentions), "
            "(SELECT count(*) FROM rejections), (SELECT count(*) FROM runs)"
        ).fetchone()
        names = ("documents", "coded", "events", "mentions", "rejections", "runs")
        return dict(zip(names, (int(v) for v in row), strict=True))

    def rejection_counts(self) -> dict[str, int]:
        """Stored rejections per reason, most frequent first."""
        rows = self.connection.execute(
            "SELECT reason, count(*) FROM rejections GROUP BY reason ORDER BY 2 DESC, 1"
        ).fetchall()
        return {reason: int(n) for reason, n in rows}

    def document(self, document_id: str) -> Document | None:
        """A stored document, or ``None``."""
        found = self.rows("SELECT * FROM documents WHERE id = ?", [document_id])
        if not found:
            return None
        row = found[0]
        return Document(
            id=row["id"],
            text=row["text"],
            date=row["date"],
            url=row["url"],
            title=row["title"],
            lang=row["lang"],
            source=row["source"],
            translations=tuple(row["translations"] or ()),
        )

    def events(
        self,
        filters: EventFilter | None = None,
        limit: int | None = None,
        offset: int = 0,
        with_mentions: bool = True,
    ) -> Iterator[EventRecord]:
        """Stored events that pass ``filters``, by date then id, with their mentions."""
        return event_records(
            self.connection, filters or EventFilter(), limit, offset, with_mentions
        )
