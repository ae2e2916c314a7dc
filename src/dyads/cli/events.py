"""`dyads events`: stored events that pass the filters, as a table or JSON Lines."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from dyads.cli.options import db_option, load_settings, settings_option

F = Callable[..., Any]


def filter_options(f: F) -> F:
    """The event filters that `dyads events` and `dyads export` share."""
    options = [
        click.option("--since", default=None, help="First event date (YYYY-MM-DD)."),
        click.option("--until", default=None, help="Last event date (YYYY-MM-DD)."),
        click.option(
            "--actor",
            default=None,
            help="Source or target actor code prefix (KSV matches KSVGOV).",
        ),
        click.option(
            "--code", default=None, help="CAMEO code prefix (04 matches 042)."
        ),
        click.option("--root", default=None, help="CAMEO root, two digits (04)."),
        click.option(
            "--modality",
            multiple=True,
            help="Modality to include (repeatable) [default: the "
            "include_modalities setting, asserted].",
        ),
        click.option("--all-modalities", is_flag=True, help="Include every modality."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def event_filter(
    settings: Any, all_modalities: bool, modality: tuple[str, ...], **values: Any
) -> Any:
    """The EventFilter the filter options describe."""
    from dyads.store import EventFilter

    chosen = None if all_modalities else (modality or settings.include_modalities)
    return EventFilter.build(modality=chosen, **values)


@click.command("events")
@db_option
@filter_options
@click.option(
    "--limit", default=50, show_default=True, help="Most events shown (0: all)."
)
@click.option(
    "--format",
    "format_",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@settings_option
def events(
    db: str | None, limit: int, format_: str, settings_path: str | None, **filters: Any
) -> None:
    """Show stored events in date order, with the words that support each."""
    from rich.console import Console
    from rich.table import Table

    from dyads.export.jsonl import event_dict
    from dyads.store import open_store

    settings = load_settings(settings_path, db=db)
    chosen = event_filter(settings, **filters)
    with open_store(settings.db, read_only=True) as store:
        found = list(store.events(chosen, limit=limit or None))
    if format_ == "jsonl":
        import json

        for record in found:
            click.echo(json.dumps(event_dict(record), ensure_ascii=False))
        return
    table = Table(show_lines=False)
    for name in (
        "date",
        "source",
        "target",
        "code",
        "plover",
        "place",
        "mentions",
        "evidence",
    ):
        table.add_column(name, overflow="fold")
    for record in found:
        first = record.first_mention
        table.add_row(
            str(record.date or ""),
            record.source.code,
            record.target.code if record.target else "",
            record.code,
            record.plover,
            record.place.name if record.place else "",
            str(record.num_mentions),
            f"“{first.trigger_text}”: {first.sentence_text[:120]}" if first else "",
        )
    console = Console()
    console.print(table)
    console.print(f"{len(found)} events shown" + (f" (limit {limit})" if limit else ""))
