"""What every request passes: the body limit, the bearer token, one JSON access-log line.

The middleware is plain ASGI, not Starlette's ``BaseHTTPMiddleware``, which would buffer the
streamed NDJSON of ``/v1/batch``.
"""

from __future__ import annotations

import hmac
import json
import logging
import time
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import SecretStr
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["AccessLog", "BodyLimit", "require_token"]

access_log = logging.getLogger("povsum.access")


class BodyLimit:
    """413 for a body over ``limit`` bytes: at once when Content-Length says so, else as soon as
    a chunked upload passes it, so no request holds more than ``limit`` bytes in memory."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit
        self.reason = f"the request body is larger than the {limit:,}-byte limit (raise it with --max-body)"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.limit:
            await JSONResponse({"detail": self.reason}, status_code=413)(scope, receive, send)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    # Raised inside the route's read of the body; FastAPI passes HTTPException on.
                    raise HTTPException(413, self.reason)
            return message

        await self.app(scope, limited, send)


class AccessLog:
    """One JSON line per request on the ``povsum.access`` logger: method, path (never the query
    string or headers, where credentials travel), status and latency until the last byte."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500  # what the client gets if the app raises before answering

        async def watched(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, watched)
        finally:
            ms = round((time.perf_counter() - start) * 1000, 1)
            line = {"method": scope["method"], "path": scope["path"], "status": status, "ms": ms}
            access_log.info(json.dumps(line))


_bearer = HTTPBearer(
    auto_error=False, description="Needed when the server was started with --token or POVSUM_TOKEN."
)


async def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> None:
    """A dependency (async: FastAPI would run a plain function in a thread, on every request):
    401 unless the request carries the server's token, when the server has one."""
    token: SecretStr | None = request.app.state.token
    if token is None:
        return
    presented = credentials.credentials if credentials is not None else ""
    # Constant time: how much of a guess matches must not show in the response time.
    if not hmac.compare_digest(presented.encode(), token.get_secret_value().encode()):
        raise HTTPException(
            401,
            "a valid bearer token is required (Authorization: Bearer TOKEN)",
            {"WWW-Authenticate": "Bearer"},
        )
