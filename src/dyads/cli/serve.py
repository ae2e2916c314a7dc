"""`dyads serve`: the REST API and the dashboard over a store, with uvicorn."""

from __future__ import annotations

import click

from dyads.cli.options import db_option, load_settings, settings_option
from dyads.config import Settings


@click.command("serve")
@click.option(
    "--host", default=None, help=Settings.help()["host"] + " [default: 127.0.0.1]"
)
@click.option(
    "--port",
    default=None,
    type=click.IntRange(0, 65535),
    help=Settings.help()["port"] + " [default: 8000]",
)
@db_option
@settings_option
def serve(
    host: str | None, port: int | None, db: str | None, settings_path: str | None
) -> None:
    """Serve the REST API (/api, /openapi.json) and the dashboard (/) over a store.

    Reads use read-only connections; POST /api/code and POST /api/documents
    need the bearer token of the api_token setting (DYADS_API_TOKEN) and are
    off without one.
    """
    import uvicorn

    from dyads.api import create_app

    settings = load_settings(settings_path, host=host, port=port, db=db)
    app = create_app(settings)
    click.echo(
        f"dyads: serving {settings.db} on http://{settings.host}:{settings.port} "
        f"(writes {'on' if settings.api_token else 'off'}; Ctrl+C stops)",
        err=True,
    )
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")
