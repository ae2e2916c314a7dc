"""`dyads check`: validate the dictionary and ontology data files."""

from __future__ import annotations

import click

from dyads.config import Settings


@click.command()
@click.option(
    "--dictionaries",
    "dictionaries",
    multiple=True,
    type=click.Path(exists=True, file_okay=False),
    help="Extra dictionary folder to check with the built-ins (repeatable); "
    "default: the `dictionaries` setting.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print problems only, no summary.")
@click.pass_context
def check(ctx: click.Context, dictionaries: tuple[str, ...], quiet: bool) -> None:
    """Validate every data file against its schema and check the actor data.

    Prints one line per problem and exits with status 1 when there is any.
    """
    from dyads.check import check as check_data

    folders = dictionaries or Settings.load().dictionaries
    report = check_data(folders)
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
