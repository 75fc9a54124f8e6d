"""The Bot API transport (bot/tg/transport.py): httpx's, with a cheaper idle-connection check."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import httpcore
import httpx
import pytest

from bot.tg.transport import LeanBackend, LeanPool, LeanStream, lean_transport

RESPONSE = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok"


@dataclass
class KeepAliveServer:
    """A loopback HTTP/1.1 server answering "ok" on kept-alive connections, which the test
    can close from the server's side."""

    port: int = 0
    connections: list[asyncio.StreamWriter] = field(default_factory=list)
    requests: int = 0

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections.append(writer)
        try:
            while await reader.readuntil(b"\r\n\r\n"):
                self.requests += 1
                writer.write(RESPONSE)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def close_all(self) -> None:
        for writer in self.connections:
            writer.close()
            await writer.wait_closed()


@pytest.fixture
async def server() -> AsyncIterator[KeepAliveServer]:
    state = KeepAliveServer()
    listening = await asyncio.start_server(state.serve, "127.0.0.1", 0)
    state.port = listening.sockets[0].getsockname()[1]
    async with listening:
        yield state
        await state.close_all()


async def _until_readable(stream: httpcore.AsyncNetworkStream) -> None:
    """Wait (a bounded number of loop turns) for the server's close to reach the socket."""
    for _ in range(1000):
        if stream.get_extra_info("is_readable"):
            return
        await asyncio.sleep(0.001)


async def test_an_idle_connection_is_readable_exactly_when_httpcore_says_so(
    server: KeepAliveServer,
) -> None:
    """The lean check answers like httpcore's own: not readable while the server keeps the
    connection open, readable once the server closed it."""
    inner = await httpcore.AnyIOBackend().connect_tcp("127.0.0.1", server.port)
    lean = LeanStream(inner)
    assert lean.get_extra_info("is_readable") is False
    assert inner.get_extra_info("is_readable") is False
    assert lean.get_extra_info("socket") is inner.get_extra_info("socket")
    await server.close_all()
    await _until_readable(inner)
    assert inner.get_extra_info("is_readable") is True
    assert lean.get_extra_info("is_readable") is True
    await lean.aclose()


async def test_other_extra_info_comes_from_httpcore_s_stream(server: KeepAliveServer) -> None:
    """Addresses and anything else are httpcore's answers, unchanged."""
    stream = await LeanBackend().connect_tcp("127.0.0.1", server.port)
    assert isinstance(stream, LeanStream)
    assert stream.get_extra_info("server_addr") == ("127.0.0.1", server.port)
    assert stream.get_extra_info("client_addr")[0] == "127.0.0.1"
    assert stream.get_extra_info("ssl_object") is None
    await stream.aclose()


async def test_requests_reuse_a_kept_alive_connection(server: KeepAliveServer) -> None:
    """Several requests in a row travel over one connection, as with httpx's own pool."""
    async with httpx.AsyncClient(transport=lean_transport(4)) as client:
        for _ in range(3):
            response = await client.get(f"http://127.0.0.1:{server.port}/getMe")
            assert response.text == "ok"
    assert server.requests == 3
    assert len(server.connections) == 1


async def test_a_connection_the_server_closed_is_not_reused(server: KeepAliveServer) -> None:
    """After the server closed an idle connection, the next request opens a new one and
    succeeds: the check the lean stream makes cheaper is still made."""
    async with httpx.AsyncClient(transport=lean_transport(4)) as client:
        first = await client.get(f"http://127.0.0.1:{server.port}/getMe")
        assert first.text == "ok"
        pool = client._transport._pool  # type: ignore[attr-defined]
        [connection] = pool.connections
        await server.close_all()
        await _until_readable(connection._connection._network_stream)
        second = await client.get(f"http://127.0.0.1:{server.port}/getMe")
        assert second.text == "ok"
    assert server.requests == 2
    assert len(server.connections) == 2


@pytest.mark.parametrize("keepalive", [1, 2, 4])
async def test_the_lean_pool_keeps_and_evicts_connections_as_httpcore_s_does(
    server: KeepAliveServer, keepalive: int
) -> None:
    """Concurrent requests, then sequential ones: the lean pool ends with the same
    connections kept alive and opens as many as httpcore's own pool."""
    url = f"http://127.0.0.1:{server.port}/sendMessage"
    kept = []
    for pool_class in (httpcore.AsyncConnectionPool, LeanPool):
        pool = pool_class(max_connections=4, max_keepalive_connections=keepalive)
        opened = len(server.connections)
        async with pool:
            answers = await asyncio.gather(*(pool.request("GET", url) for _ in range(4)))
            assert all(answer.content == b"ok" for answer in answers)
            for _ in range(3):
                assert (await pool.request("GET", url)).content == b"ok"
            kept.append((len(pool.connections), len(server.connections) - opened))
    assert kept[0] == kept[1]
