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


def test_serve_answers_over_http(dashboard_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`dyads serve` in its own process serves the API and the dashboard."""
    import shutil
    import socket
    import subprocess
    import sys
    import time

    import httpx

    db = tmp_path / "served.duckdb"
    shutil.copy(dashboard_db, db)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "dyads", "serve", "--port", str(port), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                overview = httpx.get(f"{base}/api/overview", timeout=5)
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stderr.read().decode()  # type: ignore[union-attr]
                assert time.monotonic() < deadline
                time.sleep(0.2)
        assert overview.json()["counts"]["documents"] == 10
        assert "Overview" in httpx.get(base + "/", timeout=5).text
        assert (
            httpx.get(base + "/openapi.json", timeout=5).json()["info"]["title"]
            == "dyads"
        )
    finally:
        process.terminate()
        _, err = process.communicate(timeout=20)
    assert f"127.0.0.1:{port}" in err.decode()
