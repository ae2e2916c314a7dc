"""`dyads stats`: what the store holds: counts, rejections per reason, recent runs."""

from __future__ import annotations

import click

from dyads.cli.options import db_option, load_settings, settings_option


@click.command("stats")
@db_option
@click.option(
    "--format",
    "format_",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@settings_option
def stats(db: str | None, format_: str, settings_path: str | None) -> None:
    """Show document, event and mention counts, rejections and the last runs."""
    from rich.console import Console
    from rich.table import Table

    from dyads.store import open_store

    settings = load_settings(settings_path, db=db)
    with open_store(settings.db, read_only=True) as store:
        counts = store.counts()
        reasons = store.rejection_counts()
        runs = store.rows(
            "SELECT id, started, finished, coder, engine, n_read, n_coded, n_rejected, "
            "n_skipped, n_events FROM runs ORDER BY id DESC LIMIT 5"
        )
        roots = store.rows(
            "SELECT root, count(*) AS events, sum(num_mentions) AS mentions "
            "FROM events GROUP BY root ORDER BY events DESC, root LIMIT 10"
        )
    if format_ == "json":
        import json

        click.echo(
            json.dumps(
                {"counts": counts, "rejections": reasons, "runs": runs, "roots": roots},
                default=str,
                indent=2,
            )
        )
        return
    console = Console()
    summary = Table("what", "count", title=f"Store {settings.db}")
    for name, value in counts.items():
        summary.add_row(name, str(value))
    console.print(summary)
    if reasons:
        table = Table("reason", "rejections", title="Rejections")
        for reason, n in reasons.items():
            table.add_row(reason, str(n))
        console.print(table)
    if roots:
        table = Table("root", "events", "mentions", title="Events by CAMEO root")
        for row in roots:
            table.add_row(row["root"], str(row["events"]), str(row["mentions"]))
        console.print(table)
    table = Table(
        "run",
        "started",
        "status",
        "coder",
        "read",
        "coded",
        "rejected",
        "skipped",
        "events",
        title="Recent runs",
    )
    for run in runs:
        status = "finished" if run["finished"] else "interrupted or running"
        table.add_row(
            str(run["id"]),
            str(run["started"])[:19],
            status,
            run["coder"] or "",
            *(
                str(run[k])
                for k in ("n_read", "n_coded", "n_rejected", "n_skipped", "n_events")
            ),
        )
    console.print(table)
