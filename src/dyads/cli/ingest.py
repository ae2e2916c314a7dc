"""`dyads ingest SOURCE...`: code what is new and store it, with a progress bar."""

from __future__ import annotations

from typing import Any

import click

from dyads.cli.options import (
    db_option,
    dictionaries_option,
    load_settings,
    model_option,
    settings_option,
)


@click.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option(
    "--engine",
    default="local",
    show_default=True,
    help="Engine that codes the documents (local, dask, or a plugin's).",
)
@click.option(
    "--workers",
    type=int,
    default=None,
    help="Dask engine: number of local worker processes.",
)
@click.option(
    "--scheduler",
    default=None,
    help="Dask engine: address of a running scheduler (tcp://host:8786).",
)
@click.option(
    "--worker-memory",
    default=None,
    help="Dask engine: memory limit per local worker (e.g. 2GiB) [default: 2GiB].",
)
@click.option(
    "--commit-every",
    type=int,
    default=None,
    help="Documents per store transaction [default: the commit_every setting, 200].",
)
@model_option
@dictionaries_option
@settings_option
def ingest(
    sources: tuple[str, ...],
    db: str | None,
    engine: str,
    workers: int | None,
    scheduler: str | None,
    worker_memory: str | None,
    commit_every: int | None,
    model: str | None,
    dictionaries: tuple[str, ...],
    settings_path: str | None,
) -> None:
    """Store documents (files, folders, corpora, feeds or - for stdin) and their events.

    Documents already in the store are skipped before coding, identical texts are
    stored once, and work is committed in batches: a killed run loses only the
    batches not yet committed, and running the same command again completes it.
    """
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from dyads.store import open_store
    from dyads.store.ingest import IngestReport
    from dyads.store.ingest import ingest as run_ingest

    settings = load_settings(
        settings_path,
        db=db,
        model=model,
        dictionaries=dictionaries,
        commit_every=commit_every,
    )
    given = {"workers": workers, "scheduler": scheduler, "memory_limit": worker_memory}
    options: dict[str, Any] = {k: v for k, v in given.items() if v}
    err = Console(stderr=True)
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.fields[done]} docs ({task.fields[rate]:.1f}/s)"),
        TextColumn("{task.fields[events]} events"),
        TextColumn("{task.fields[rejected]} rejected"),
        TextColumn("{task.fields[skipped]} already stored"),
        TimeElapsedColumn(),
    )
    with (
        open_store(settings.db) as store,
        Progress(
            *columns, console=err, transient=True, disable=not err.is_terminal
        ) as bar,
    ):
        task = bar.add_task(
            "ingesting", done=0, rate=0.0, events=0, rejected=0, skipped=0
        )

        committed = [0]

        def show(report: IngestReport) -> None:
            if not err.is_terminal and report.batches > committed[0]:
                committed[0] = report.batches  # a log line per batch, for logs and CI
                err.print(
                    f"committed batch {report.batches}: {report.done} documents, "
                    f"{report.events} events",
                    highlight=False,
                )
            bar.update(
                task,
                done=report.done,
                rate=report.done / max(report.seconds, 1e-6),
                events=report.events,
                rejected=report.rejected,
                skipped=report.skipped,
            )

        report = run_ingest(list(sources), store, settings, engine, show, **options)
    rate = report.done / max(report.seconds, 1e-6)
    err.print(
        f"Read {report.read} documents: {report.coded} coded, {report.rejected} "
        f"rejected, {report.skipped} already stored; {report.events} new events, "
        f"{report.mentions} mentions; {report.seconds:.1f} s ({rate:.1f} docs/s); "
        f"store {settings.db}, run {report.run_id}"
    )
    if report.rejections_by_reason:
        table = Table("reason", "documents", title="Rejected documents")
        for reason, count in report.rejections_by_reason.most_common():
            table.add_row(reason, str(count))
        err.print(table)
