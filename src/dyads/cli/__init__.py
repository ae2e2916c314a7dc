"""The `dyads` command line: a thin veneer over the Python API.

Each command lives in its own module and is imported only when it runs, so that
``dyads --help`` stays fast. ``main()`` is the one place where a
:class:`~dyads.errors.DyadsError` becomes ``Error: ...`` and exit status 1.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from dyads.about import __version__
from dyads.errors import DyadsError

# command name -> "module:attribute"; the name is the Python function's
# (kebab <-> snake).
COMMANDS: dict[str, str] = {
    "check": "dyads.cli.check:check",
    "code": "dyads.cli.code:code",
    "eval": "dyads.cli.eval:eval_",
    "events": "dyads.cli.events:events",
    "explain": "dyads.cli.explain:explain",
    "export": "dyads.cli.export:export",
    "ingest": "dyads.cli.ingest:ingest",
    "relations": "dyads.cli.relations:relations",
    "serve": "dyads.cli.serve:serve",
    "stats": "dyads.cli.stats:stats",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        command: click.Command = getattr(
            importlib.import_module(module_name), attribute
        )
        return command


@click.group(cls=_LazyGroup)
@click.version_option(__version__, prog_name="dyads")
@click.option("--debug", is_flag=True, help="Show the full traceback on errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """dyads: political event data from news, with evidence."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def main(argv: list[str] | None = None) -> Any:
    """Run the CLI; turn every error into one line on stderr and exit status 1."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    try:
        return cli.main(args=args, prog_name="dyads", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except DyadsError as exc:
        if debug:
            raise
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the one place a crash becomes a line
        if debug:
            raise
        click.echo(
            f"Error: internal error ({type(exc).__name__}: {exc}); rerun with --debug "
            "and report it",
            err=True,
        )
        sys.exit(2)
