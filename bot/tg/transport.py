"""The HTTP transport to the Bot API: httpx's, with a cheaper "is this idle connection alive?".

httpcore's pool, each time a request arrives and each time a response is read, looks at every
pooled connection; for an idle one it asks whether the server closed it
(``get_extra_info("is_readable")``). httpcore's anyio stream answers by building the whole
table of the socket's attributes first, including a ``getpeername()`` system call, then polls
the socket. With the bot's 32 connections mostly idle between replies, profiled under the
foundation bench (issue 18), that check was about a quarter of the bot's CPU in a burst of
free-text questions, three times what the echo bot spends on it.

:class:`LeanStream` keeps the stream's raw socket from the start and answers the same
question with the same poll, without the table. Everything else goes to httpcore's own
stream unchanged: reads, writes, TLS (the TLS stream is wrapped again), and every other
``get_extra_info`` key. :func:`lean_transport` is httpx's transport (so its error mapping and
response streams) over a pool that opens its connections through :class:`LeanBackend`.

The same pool also counted its connections quadratically: at every pass, for each idle
connection, it built a list with an entry per pooled connection only to take its length
(``len([c.is_idle() for c in connections])``, which is ``len(connections)``; httpcore
issue: encode/httpcore#1035). :class:`LeanPool` is httpcore's pool with that one expression
written as what it computes; the pass is otherwise httpcore 1.0's, line for line.

The ``timeout`` parameters (ruff's ASYNC109) are httpcore's interface, passed through.
"""

from __future__ import annotations

import select
import socket
import ssl
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx


def _readable(sock: socket.socket | None) -> bool:
    """httpcore's test (``httpcore._utils.is_socket_readable``): a socket whose read would not
    block, or that is gone, is readable; an idle HTTP/1.1 connection that is readable was
    closed by the server."""
    fd = -1 if sock is None else sock.fileno()
    if fd < 0:
        return True
    poll = select.poll()
    poll.register(fd, select.POLLIN)
    return bool(poll.poll(0))


class LeanStream(httpcore.AsyncNetworkStream):
    """httpcore's stream, answering ``is_readable`` and ``socket`` from the socket kept here."""

    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner
        self._socket: socket.socket | None = inner.get_extra_info("socket")

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:  # noqa: ASYNC109
        return await self._inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:  # noqa: ASYNC109
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,  # noqa: ASYNC109
    ) -> httpcore.AsyncNetworkStream:
        return LeanStream(await self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":
            return _readable(self._socket)
        if info == "socket":
            return self._socket
        return self._inner.get_extra_info(info)


class LeanBackend(httpcore.AsyncNetworkBackend):
    """httpcore's anyio backend, its streams wrapped in :class:`LeanStream`."""

    def __init__(self) -> None:
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        return LeanStream(stream)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return LeanStream(await self._inner.connect_unix_socket(path, timeout, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class LeanPool(httpcore.AsyncConnectionPool):
    """httpcore's pool, its keep-alive count linear instead of quadratic (same result)."""

    def _assign_requests_to_connections(self) -> list[httpcore.AsyncConnectionInterface]:
        # httpcore 1.0.9's method; only the keep-alive test's ``len(...)`` differs (see above).
        closing_connections: list[httpcore.AsyncConnectionInterface] = []

        # Closed, expired and surplus idle connections leave the pool.
        for connection in list(self._connections):
            if connection.is_closed():
                self._connections.remove(connection)
            elif connection.has_expired() or (
                connection.is_idle() and len(self._connections) > self._max_keepalive_connections
            ):
                self._connections.remove(connection)
                closing_connections.append(connection)

        # Queued requests get a connection: a reusable one, a new one, or one made room for.
        queued_requests = [request for request in self._requests if request.is_queued()]
        for pool_request in queued_requests:
            origin = pool_request.request.url.origin
            available_connections = [
                connection
                for connection in self._connections
                if connection.can_handle_request(origin) and connection.is_available()
            ]
            idle_connections = [
                connection for connection in self._connections if connection.is_idle()
            ]
            if available_connections:
                connection = available_connections[0]
                pool_request.assign_to_connection(connection)
            elif len(self._connections) < self._max_connections:
                connection = self.create_connection(origin)
                self._connections.append(connection)
                pool_request.assign_to_connection(connection)
            elif idle_connections:
                connection = idle_connections[0]
                self._connections.remove(connection)
                closing_connections.append(connection)
                connection = self.create_connection(origin)
                self._connections.append(connection)
                pool_request.assign_to_connection(connection)

        return closing_connections


def lean_transport(connections: int) -> httpx.AsyncHTTPTransport:
    """httpx's transport as PTB builds it (HTTP/1.1, ``connections`` kept alive, httpx's
    default keep-alive expiry and TLS settings), its pool opening connections through
    :class:`LeanBackend`, in a :class:`LeanPool`. Proxies from the environment are still
    httpx's own transports."""
    limits = httpx.Limits(max_connections=connections)  # PTB's: keep-alive for all of them
    transport = httpx.AsyncHTTPTransport(limits=limits, http1=True, http2=False)
    # httpx builds its pool without a way to name the backend: the same pool, rebuilt with one.
    transport._pool = LeanPool(
        ssl_context=httpx.create_ssl_context(),
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,  # None: all
        keepalive_expiry=limits.keepalive_expiry,
        http1=True,
        http2=False,
        network_backend=LeanBackend(),
    )
    return transport
