"""``/healthz``, ``/readyz`` and ``/metrics`` over HTTP (no ``telegram``).

In webhook mode the routes share the webhook's aiohttp server (:func:`add_probe_routes`,
called by ``bot/webhook.py``); in polling mode :func:`probe_server` serves them alone on
``FRONTDESK_PROBES__LISTEN``:``PORT`` with a few lines of HTTP/1.1 over :mod:`asyncio`
streams: importing aiohttp's server only for three GET routes kept about 7 MiB in every
polling bot process (issue 18). Both answer from :func:`probe_answer`, so the two modes give
the same status, type and body.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.observability import METRICS_CONTENT_TYPE, Observability

if TYPE_CHECKING:
    from aiohttp import web

log = logging.getLogger(__name__)

PATHS = ("/healthz", "/readyz", "/metrics")
# A probe's request is a line and a few headers; anything longer or slower is not a probe.
MAX_REQUEST_BYTES = 8192
REQUEST_TIMEOUT_SECONDS = 10.0
_REASONS = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed",
            503: "Service Unavailable"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class ProbeAnswer:
    status: int
    content_type: str
    body: bytes


async def probe_answer(observability: Observability, path: str) -> ProbeAnswer:
    """The answer to ``GET path`` for one of :data:`PATHS`."""
    if path == "/healthz":
        return ProbeAnswer(200, "text/plain; charset=utf-8", b"ok\n")
    if path == "/readyz":
        verdict = await observability.readiness()
        body = json.dumps({"ready": verdict.ready, "checks": verdict.checks}) + "\n"
        status = 200 if verdict.ready else 503
        return ProbeAnswer(status, "application/json; charset=utf-8", body.encode())
    if path == "/metrics":
        return ProbeAnswer(200, METRICS_CONTENT_TYPE, await observability.render())
    raise ValueError(f"not a probe: {path!r}")


def add_probe_routes(app: web.Application, observability: Observability) -> None:
    """Add the three routes to an aiohttp application (webhook mode)."""
    from aiohttp import web

    async def route(request: web.Request) -> web.Response:
        answer = await probe_answer(observability, request.path)
        response = web.Response(body=answer.body, status=answer.status)
        # aiohttp refuses a content type with parameters in the constructor.
        response.headers["Content-Type"] = answer.content_type
        return response

    for path in PATHS:
        app.router.add_get(path, route)


class ProbeServer:
    """The polling mode's server; :meth:`cleanup` stops it."""

    def __init__(self, observability: Observability) -> None:
        self._observability = observability
        self._server: asyncio.Server | None = None

    async def start(self, listen: str, port: int) -> None:
        self._server = await asyncio.start_server(
            self._serve, listen, port, limit=MAX_REQUEST_BYTES
        )

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.sockets[0].getsockname()[1])

    async def cleanup(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """One request per connection, answered with ``Connection: close``."""
        try:
            async with asyncio.timeout(REQUEST_TIMEOUT_SECONDS):
                head = await reader.readuntil(b"\r\n\r\n")
                answer, method = await self._answer(head)
                writer.write(_response(answer, with_body=method != "HEAD"))
                await writer.drain()
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError,
                ConnectionError):  # fmt: skip
            pass  # the client went away or sent no proper request: nothing to answer
        except Exception:
            log.exception("probe request failed")
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    async def _answer(self, head: bytes) -> tuple[ProbeAnswer, str]:
        parts = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ")
        if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
            return ProbeAnswer(400, "text/plain; charset=utf-8", b"bad request\n"), "GET"
        method, target = parts[0], parts[1]
        path = target.split("?", 1)[0]
        if path not in PATHS:
            return ProbeAnswer(404, "text/plain; charset=utf-8", b"not found\n"), method
        if method not in ("GET", "HEAD"):
            return ProbeAnswer(405, "text/plain; charset=utf-8", b"method not allowed\n"), method
        return await probe_answer(self._observability, path), method


def _response(answer: ProbeAnswer, *, with_body: bool) -> bytes:
    head = (
        f"HTTP/1.1 {answer.status} {_REASONS.get(answer.status, '')}\r\n"
        f"Content-Type: {answer.content_type}\r\n"
        f"Content-Length: {len(answer.body)}\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode("latin-1") + (answer.body if with_body else b"")


async def probe_server(observability: Observability, listen: str, port: int) -> ProbeServer:
    """Start a server with only the probe routes; the caller cleans up the returned server."""
    server = ProbeServer(observability)
    await server.start(listen, port)
    return server
