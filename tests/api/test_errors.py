"""One JSON error shape, bearer-token writes, and the request size limit."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.issue(4)

SHAPE = {"ok", "error", "status"}


def _is_error(response, status: int) -> None:  # type: ignore[no-untyped-def]
    body = response.json()
    assert response.status_code == status
    assert SHAPE <= set(body) and body["ok"] is False and body["status"] == status
    assert body["error"]


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/events/ev-missing", 404),
        ("/api/documents/no/such/doc", 404),
        ("/api/nowhere", 404),
        ("/api/events?since=June", 422),
        ("/api/events?limit=0", 422),
        ("/api/relations", 422),
        ("/api/relations?source=KSV&freq=fortnight", 422),
        ("/api/relations?source=KSV&since=2024-01-01&until=2023-01-01", 400),
        ("/api/events?actor=K%20SV", 422),
    ],
)
def test_every_error_has_one_shape(client, url, status) -> None:  # type: ignore[no-untyped-def]
    _is_error(client.get(url), status)


def test_wrong_method_is_an_error_too(client) -> None:  # type: ignore[no-untyped-def]
    _is_error(client.delete("/api/events"), 405)


def test_writes_need_the_bearer_token(client) -> None:  # type: ignore[no-untyped-def]
    payload = {"text": "NATO praised Kosovo."}
    _is_error(client.post("/api/code", json=payload), 401)
    _is_error(
        client.post(
            "/api/code", json=payload, headers={"Authorization": "Bearer wrong"}
        ),
        401,
    )
    _is_error(client.post("/api/documents", json={"documents": [payload]}), 401)
    assert (
        client.post("/api/code", json=payload).headers["www-authenticate"] == "Bearer"
    )


def test_writes_are_off_without_a_token(dashboard_db, coder, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from dyads.api import create_app

    app = create_app(coder.settings.replace(db=str(tmp_path / "w.duckdb")), coder)
    with TestClient(app) as off:
        response = off.post(
            "/api/code",
            json={"text": "NATO praised Kosovo."},
            headers={"Authorization": "Bearer "},
        )
        _is_error(response, 403)
        assert "api_token" in response.json()["error"]


def test_bodies_over_the_limit_are_refused(coder, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from dyads.api import create_app

    settings = coder.settings.replace(
        db=str(tmp_path / "l.duckdb"), api_token="t", max_request_bytes=1000
    )
    with TestClient(create_app(settings, coder)) as small:
        auth = {"Authorization": "Bearer t"}
        _is_error(small.post("/api/code", json={"text": "x" * 2000}, headers=auth), 413)

        def chunks():  # type: ignore[no-untyped-def]
            for _ in range(5):
                yield b'{"text": "' + b"y" * 400

        _is_error(small.post("/api/code", content=chunks(), headers=auth), 413)
        ok = small.post(
            "/api/code", json={"text": "NATO praised Kosovo."}, headers=auth
        )
        assert ok.status_code == 200


def test_library_errors_become_400(client) -> None:  # type: ignore[no-untyped-def]
    from dyads.api.errors import status_of
    from dyads.errors import ConfigError, DataFileError, StoreError

    assert status_of(ConfigError("x")) == 400
    assert status_of(StoreError("x")) == 503
    assert status_of(DataFileError("x")) == 500
