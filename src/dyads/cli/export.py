"""`dyads export --format FORMAT -o FILE`: stored events for other tools."""

from __future__ import annotations

from typing import Any

import click

from dyads.cli.events import event_filter, filter_options
from dyads.cli.options import db_option, load_settings, settings_option


@click.command("export")
@click.option(
    "--format",
    "format_",
    required=True,
    help="jsonl, csv, parquet, gdelt, gdelt-mentions, plover or icews "
    "(or a plugin's format).",
)
@click.option(
    "-o",
    "--output",
    required=True,
    help="File to write (replaced), or - for standard output.",
)
@db_option
@filter_options
@settings_option
def export(
    format_: str, output: str, db: str | None, settings_path: str | None, **filters: Any
) -> None:
    """Export stored events (filtered like `dyads events`) to a file."""
    import sys

    from rich.console import Console

    from dyads.errors import ConfigError
    from dyads.export import get_exporter, write
    from dyads.store import open_store

    settings = load_settings(settings_path, db=db)
    exporter = get_exporter(format_)
    chosen = event_filter(settings, **filters)
    with open_store(settings.db, read_only=True) as store:
        records = store.events(chosen)
        if output == "-":
            if exporter.binary:
                raise ConfigError(f"Format {format_} is binary; give a file with -o")
            count = write(records, sys.stdout, format_)
        else:
            count = write(records, output, format_)
    Console(stderr=True).print(f"{count} rows written in {format_} format to {output}")
