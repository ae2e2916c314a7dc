"""Every setting and every command is documented (docs/settings.md)."""

from pathlib import Path

from dyads.cli import COMMANDS
from dyads.config import Settings

DOC = (Path(__file__).resolve().parents[1] / "docs" / "settings.md").read_text("utf-8")


def test_every_setting_is_documented_with_its_variable() -> None:
    for name in Settings.help():
        assert f"`{name}`" in DOC
        assert f"`DYADS_{name.upper()}`" in DOC


def test_every_command_is_documented() -> None:
    for command in COMMANDS:
        assert f"`dyads {command}`" in DOC
