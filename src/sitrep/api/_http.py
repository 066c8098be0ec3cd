"""The HTTP edges of the API: one JSON error shape, token checks, a body size limit and security headers.

Every error leaves the server as ``{"error": {"status": 422, "code": "...", "message": "...", "details": [...]}}``,
whatever raised it: a validation failure, a SitrepError from the library, a missing route or a bug.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitrep.errors import FetchError, IngestError, SitrepError, StageError, StoreError

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

# HTTP status for the library's error codes; anything else of its kind falls back by class below.
_STATUS_BY_CODE = {"bad_filter": 400, "bad_cursor": 400, "store_locked": 503, "store_read_only": 403,
                   "store_missing": 503, "store_closed": 503, "store_damaged": 503, "fetch_blocked": 422,
                   "fetch_scheme": 422}
_STATUS_BY_CLASS: tuple[tuple[type[SitrepError], int], ...] = (
    (FetchError, 502), (IngestError, 422), (StageError, 422), (StoreError, 500), (SitrepError, 500))
_CODE_BY_STATUS = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                   405: "method_not_allowed", 413: "body_too_large", 415: "unsupported_media_type",
                   422: "invalid_input", 429: "too_many_requests", 500: "internal_error", 503: "unavailable"}


class ApiError(Exception):
    """An error a route raises on purpose, rendered in the one error shape."""

    def __init__(self, status: int, code: str, message: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def error_response(status: int, code: str, message: str, *, details: list[Any] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body: dict[str, Any] = {"status": status, "code": code, "message": message}
    if details:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for item in exc.errors():
        where = ".".join(str(p) for p in item.get("loc", ()))
        out.append({"field": where, "message": item.get("msg", "invalid"), "type": item.get("type")})
    return out


def install_error_handlers(app: FastAPI) -> None:
    """Route every kind of error through ``error_response``."""

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        details = _validation_details(exc)
        first = details[0] if details else {"field": "request", "message": "invalid"}
        more = f" (and {len(details) - 1} more problems)" if len(details) > 1 else ""
        return error_response(422, "invalid_input", f"{first['field']}: {first['message']}{more}", details=details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _CODE_BY_STATUS.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        return error_response(exc.status_code, code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(SitrepError)
    async def _sitrep(_request: Request, exc: SitrepError) -> JSONResponse:
        status = _STATUS_BY_CODE.get(exc.code) or next(s for cls, s in _STATUS_BY_CLASS if isinstance(exc, cls))
        if status >= 500:
            log.error("request failed: %s [%s]", exc, exc.code)
        return error_response(status, exc.code, str(exc))

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> JSONResponse:
        # the API's top handler: a bug must still answer in the error shape, without leaking internals
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "internal_error", f"unexpected {type(exc).__name__}: see the server log")


def token_of(request: Request) -> str | None:
    """The token a client sent: ``Authorization: Bearer T`` or ``X-API-Token: T``."""
    auth = request.headers.get("authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip()
    return request.headers.get("x-api-token")


def check_token(request: Request, expected: str | None, *, action: str) -> None:
    """Raise 403 when ``action`` is disabled (no token configured) and 401 when the token is missing or wrong."""
    if not expected:
        raise ApiError(403, "writes_disabled", f"{action} is disabled: start the server with SITREP_API_TOKEN set")
    given = token_of(request)
    if given is None:
        raise ApiError(401, "unauthorized", f"{action} needs a token: send 'Authorization: Bearer <token>'",
                       headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise ApiError(401, "unauthorized", "the token is wrong", headers={"WWW-Authenticate": "Bearer"})


class LimitsMiddleware:
    """Refuse request bodies over ``max_body`` bytes (declared or streamed) and add security headers.

    A pure ASGI middleware, so a huge upload is cut off while it streams instead of being buffered first.
    """

    def __init__(self, app: Any, *, max_body: int, page_csp: str) -> None:
        self.app, self.max_body, self.page_csp = app, max_body, page_csp

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        declared = headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await self._too_large(send)
            return
        path = scope.get("path", "")
        # the page and the API docs (Swagger UI, its files from a package) get the same CSP and frame rules
        is_page = path in ("/", "/docs") or path.startswith(("/static/", "/docs-assets/"))
        seen = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _BodyTooLarge(self.max_body)
            return message

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                extra = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
                if is_page:
                    extra += [(b"content-security-policy", self.page_csp.encode()), (b"x-frame-options", b"DENY")]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except _BodyTooLarge:
            if not started:
                await self._too_large(send)

    async def _too_large(self, send: Send) -> None:
        response = error_response(413, "body_too_large", _BodyTooLarge(self.max_body).detail)
        await send({"type": "http.response.start", "status": 413, "headers": response.raw_headers})
        await send({"type": "http.response.body", "body": response.body})


class _BodyTooLarge(StarletteHTTPException):
    # an HTTPException, so that FastAPI's body parsing passes it on instead of turning it into a 400
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is over the limit of {limit} bytes: send less text")


__all__ = ["ApiError", "LimitsMiddleware", "check_token", "error_response", "install_error_handlers", "token_of"]
