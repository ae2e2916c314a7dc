"""`dyads serve`: options and help (the server itself is tested in tests/api)."""

from __future__ import annotations


def test_serve_help_names_its_options(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("serve", "--help")
    assert result.exit_code == 0
    for option in ("--host", "--port", "--db", "127.0.0.1", "8000"):
        assert option in result.output


def test_serve_refuses_a_bad_port(cli) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from dyads.cli import cli as group

    result = CliRunner().invoke(group, ["serve", "--port", "99999"])
    assert result.exit_code == 2
    assert "99999" in result.output
