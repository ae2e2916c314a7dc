"""`dyads code PATH... | -`: code texts and print their events (nothing is stored)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator

import click

from dyads.cli.options import (
    dictionaries_option,
    load_settings,
    model_option,
    settings_option,
)


@click.command("code")
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--date",
    "date_",
    default=None,
    help="Document date (YYYY-MM-DD) for inputs that carry none.",
)
@click.option(
    "--format",
    "format_",
    type=click.Choice(["table", "jsonl", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--all-modalities",
    is_flag=True,
    help="Also print negated, future, hypothetical and historical events.",
)
@model_option
@dictionaries_option
@settings_option
def code(
    sources: tuple[str, ...],
    date_: str | None,
    format_: str,
    all_modalities: bool,
    model: str | None,
    dictionaries: tuple[str, ...],
    settings_path: str | None,
) -> None:
    """Code .txt files, folders, JSON Lines/CSV corpora, HTML pages or - (stdin).

    Prints the events (table, JSON Lines or CSV) on stdout, a progress bar and
    a count of rejected documents per reason on stderr.
    """
    import dataclasses
    from collections import Counter

    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from dyads.errors import InputError
    from dyads.ingest import read
    from dyads.model import Coded, Document, Modality, Rejection
    from dyads.pipeline import Coder

    settings = load_settings(settings_path, model=model, dictionaries=dictionaries)
    try:
        default_date = dt.date.fromisoformat(date_) if date_ else None
    except ValueError:
        raise InputError(
            f"--date '{date_}' is not a date of the form YYYY-MM-DD"
        ) from None
    modalities = (
        {m.value for m in Modality}
        if all_modalities
        else set(settings.include_modalities)
    )
    coder = Coder(settings)
    err = Console(stderr=True)
    rejected: Counter[str] = Counter()
    coded: list[Coded] = []

    def documents() -> Iterator[Document | Rejection]:
        for item in read(sources, settings):
            if isinstance(item, Rejection):
                yield item
            elif item.date is None and default_date is not None:
                yield dataclasses.replace(item, date=default_date)
            else:
                yield item

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} docs"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as progress:
        task = progress.add_task("coding", total=None)
        items = list(documents())
        for_coder = [i for i in items if isinstance(i, Document)]
        results = iter(coder.code_documents(for_coder))
        for item in items:
            result = item if isinstance(item, Rejection) else next(results)
            if isinstance(result, Rejection):
                rejected[result.reason.value] += 1
                err.print(
                    f"rejected {result.document_id}: {result.reason.value} "
                    f"({result.detail})"
                )
            else:
                coded.append(
                    dataclasses.replace(
                        result,
                        events=tuple(
                            e for e in result.events if e.modality.value in modalities
                        ),
                    )
                )
            progress.advance(task)
    _write(coded, format_)
    total = sum(len(c.events) for c in coded)
    summary = f"{len(coded)} documents coded, {total} events"
    if rejected:
        summary += ", rejected: " + ", ".join(
            f"{n} {r}" for r, n in sorted(rejected.items())
        )
    err.print(summary)


def _write(coded: list, format_: str) -> None:  # type: ignore[type-arg]
    from dyads.export import write

    if format_ == "table":
        _table(coded)
        return
    events = [e for c in coded for e in c.events]
    write(
        events,
        sys.stdout,
        format_,
        documents={c.document.id: c.document for c in coded},
    )


def _table(coded: list) -> None:  # type: ignore[type-arg]
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for column in (
        "doc",
        "sent",
        "source",
        "code",
        "target",
        "plover",
        "quad",
        "gold.",
        "modality",
        "conf.",
        "trigger",
        "date",
    ):
        table.add_column(column)
    for c in coded:
        text = c.document.text
        for e in c.events:
            table.add_row(
                c.document.id[:12],
                str(e.sentence_index),
                f"{e.source.actor.code} ({e.source.span.text(text)})",
                e.code,
                f"{e.target.actor.code} ({e.target.span.text(text)})"
                if e.target
                else "-",
                e.plover,
                str(e.quad_class),
                f"{e.goldstein:+.1f}",
                e.modality.value,
                f"{e.evidence.confidence:.2f}",
                e.evidence.trigger.text(text),
                e.date.isoformat() if e.date else "-",
            )
    Console().print(table)
