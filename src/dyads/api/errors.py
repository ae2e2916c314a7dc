"""One JSON error shape for every failure: ``{"ok": false, "error", "status"}``.

A :class:`~dyads.errors.DyadsError` raised by the library, an HTTP error
(404, 401, 413...), an invalid request (422) and an unexpected crash (500) all
leave the server in the same shape, so clients parse errors one way (the
datasette ``error_body`` lesson; STYLE rule 5). The request size limit lives
here too because its only output is such an error.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dyads.errors import (
    ConfigError,
    DyadsError,
    EvalError,
    InputError,
    StoreError,
    UnknownNameError,
)

_STATUS: tuple[tuple[type[DyadsError], int], ...] = (
    (UnknownNameError, 400),
    (ConfigError, 400),
    (InputError, 400),
    (EvalError, 400),
    (StoreError, 503),
)


def error_body(status: int, message: str, detail: Any = None) -> dict[str, Any]:
    """The canonical error document."""
    body: dict[str, Any] = {"ok": False, "error": message, "status": status}
    if detail is not None:
        body["detail"] = detail
    return body


def error_response(
    status: int, message: str, detail: Any = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(error_body(status, message, detail), status, headers=headers)


def status_of(exc: DyadsError) -> int:
    """The HTTP status of a library error: a bad request unless the store failed."""
    for kind, status in _STATUS:
        if isinstance(exc, kind):
            return status
    return 500


async def _dyads_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DyadsError)
    return error_response(status_of(exc), str(exc))


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    return error_response(
        exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None)
    )


def _clean(error: dict[str, Any]) -> dict[str, Any]:
    return {
        "loc": [str(part) for part in error.get("loc", ())],
        "msg": str(error.get("msg", "")),
        "type": str(error.get("type", "")),
    }


async def _invalid_request(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [_clean(e) for e in exc.errors()]
    first = problems[0] if problems else {"loc": [], "msg": "invalid request"}
    where = ".".join(first["loc"]) or "request"
    return error_response(422, f"Invalid {where}: {first['msg']}", problems)


async def _crash(request: Request, exc: Exception) -> JSONResponse:
    return error_response(500, f"Internal error ({type(exc).__name__}); see server log")


def install_error_handlers(app: FastAPI) -> None:
    """Route every kind of failure through :func:`error_body`."""
    app.add_exception_handler(DyadsError, _dyads_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(Exception, _crash)


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``max_bytes`` with a 413.

    It trusts neither ``Content-Length`` nor its absence: the body is counted
    as it arrives, so a chunked upload cannot slip past the limit.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or ())
        declared = headers.get(b"content-length", b"0")
        too_big = error_response(
            413, f"Request body is larger than the limit of {self.max_bytes} bytes"
        )
        if declared.isdigit() and int(declared) > self.max_bytes:
            await too_big(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await too_big(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
