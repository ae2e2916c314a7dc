"""`dyads check`: validate the data files, or list what they miss in a corpus."""

from __future__ import annotations

import click

from dyads.cli.options import (
    dictionaries_option,
    load_settings,
    model_option,
    settings_option,
)


@click.command()
@click.option(
    "--coverage",
    "corpus",
    multiple=True,
    metavar="CORPUS",
    help="Instead of validating, parse this corpus (file, folder, JSON Lines; "
    "repeatable) and list the verbs, event nouns and names that no entry covers.",
)
@click.option(
    "--top", default=25, show_default=True, help="Rows per list with --coverage."
)
@click.option("--quiet", "-q", is_flag=True, help="Print problems only, no summary.")
@dictionaries_option
@model_option
@settings_option
@click.pass_context
def check(
    ctx: click.Context,
    corpus: tuple[str, ...],
    top: int,
    quiet: bool,
    dictionaries: tuple[str, ...],
    model: str | None,
    settings_path: str | None,
) -> None:
    """Validate every data file against its schema and check the actor data.

    Prints one line per problem and exits with status 1 when there is any.
    With --coverage, lists instead the most frequent verbs and event nouns
    that link two actors but match no verb entry, and the names that no
    actor entry covers, each with an example sentence.
    """
    settings = load_settings(settings_path, model=model, dictionaries=dictionaries)
    if corpus:
        _coverage(corpus, top, settings)
        return
    from dyads.check import check as check_data

    report = check_data(settings.dictionaries)
    for problem in report.problems:
        click.echo(str(problem))
    if not quiet:
        schemas = len({f.kind for f in report.files if f.kind})
        line = (
            f"Checked {len(report.files)} data files ({report.entries} entries) "
            f"against {schemas} schemas: {len(report.problems)} problem(s)."
        )
        if report.unvalidated:
            names = ", ".join(f.name for f in report.unvalidated)
            line += f" No schema for: {names}."
        click.echo(line, err=bool(report.problems))
    ctx.exit(0 if report.ok else 1)


def _coverage(corpus: tuple[str, ...], top: int, settings: object) -> None:
    from rich.console import Console
    from rich.table import Table

    from dyads.coverage import coverage
    from dyads.ingest import read
    from dyads.model import Document
    from dyads.pipeline import Coder

    coder = Coder(settings)  # type: ignore[arg-type]
    documents = (d for d in read(corpus, settings) if isinstance(d, Document))  # type: ignore[arg-type]
    result = coverage(coder, documents)
    console = Console()
    titles = {
        "verbs": "Verbs linking two actors with no verb entry",
        "nouns": "Event nouns linking two actors with no entry",
        "names": "Names no actor entry covers",
    }
    for kind, rows in result.most_common(top).items():
        table = Table(title=titles[kind])
        for column in (kind[:-1], "count", "example"):
            table.add_column(column)
        for key, count, example in rows:
            table.add_row(key, str(count), example)
        console.print(table)
    console.print(f"{result.documents} documents, {result.sentences} sentences read.")
