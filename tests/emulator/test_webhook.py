"""Webhook delivery: loopback only, secret header, retries that keep updates pending."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web

from frontdesk_emulator import BotApiEmulator
from tests.emulator.conftest import RawClient

SECRET = "s3cret_TOKEN-1"


class Receiver:
    """A loopback webhook endpoint that checks the secret like a bot would."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.headers: list[str | None] = []
        self.expected_secret = SECRET
        self.arrived = asyncio.Event()
        self.url = ""

    async def handle(self, request: web.Request) -> web.Response:
        secret = request.headers.get("X-Telegram-Bot-Api-Secret-Token")
        self.headers.append(secret)
        if secret != self.expected_secret:
            return web.Response(status=403)
        self.received.append(json.loads(await request.read()))
        self.arrived.set()
        return web.Response(text="ok")


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    rec = Receiver()
    app = web.Application()
    app.router.add_post("/hook", rec.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    rec.url = f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
    yield rec
    await runner.cleanup()


async def _until(condition: Any, within: float = 3.0) -> None:
    async with asyncio.timeout(within):
        while not condition():  # noqa: ASYNC110 - polls emulator state, cheap and bounded
            await asyncio.sleep(0.01)


async def test_delivery_with_secret_header(
    emu: BotApiEmulator, api: RawClient, receiver: Receiver
) -> None:
    """Each update is POSTed as JSON with the secret header, then leaves the queue."""
    assert await api.ok("setWebhook", url=receiver.url, secret_token=SECRET) is True
    await emu.user(1001).send("hello")
    await asyncio.wait_for(receiver.arrived.wait(), 3)
    assert receiver.received[0]["message"]["text"] == "hello"
    assert receiver.headers == [SECRET]
    await _until(lambda: not emu.pending_updates)
    info = await api.ok("getWebhookInfo")
    assert info["url"] == receiver.url
    assert info["pending_update_count"] == 0


async def test_failed_delivery_stays_pending_then_resumes(
    emu: BotApiEmulator, api: RawClient, receiver: Receiver
) -> None:
    """A 403 (wrong secret) keeps the update pending; once fixed, delivery resumes in order."""
    receiver.expected_secret = "something-else"
    await api.ok("setWebhook", url=receiver.url, secret_token=SECRET)
    alice = emu.user(1001)
    await alice.send("one")
    await alice.send("two")
    await _until(lambda: len(emu.webhook_attempts) >= 2)
    assert all(a.status == 403 for a in emu.webhook_attempts)
    assert len(emu.pending_updates) == 2
    info = await api.ok("getWebhookInfo")
    assert info["pending_update_count"] == 2
    assert info["last_error_message"] == "Wrong response from the webhook: 403 Forbidden"
    receiver.expected_secret = SECRET
    emu.retry_webhook_now()
    await _until(lambda: len(receiver.received) == 2)
    assert [u["message"]["text"] for u in receiver.received] == ["one", "two"]
    await _until(lambda: not emu.pending_updates)


async def test_connection_error_keeps_update(emu: BotApiEmulator, api: RawClient) -> None:
    """When nothing listens at the URL, the update stays pending."""
    await api.ok("setWebhook", url="http://127.0.0.1:9/hook")
    await emu.user(1001).send("lost?")
    await _until(lambda: len(emu.webhook_attempts) >= 1)
    assert emu.webhook_attempts[0].status is None
    assert len(emu.pending_updates) == 1


async def test_get_updates_conflicts_with_webhook(
    emu: BotApiEmulator, api: RawClient, receiver: Receiver
) -> None:
    """While a webhook is set getUpdates answers 409; deleteWebhook lifts it."""
    await api.ok("setWebhook", url=receiver.url)
    status, description = await api.error("getUpdates")
    assert status == 409
    assert description == (
        "Conflict: can't use getUpdates method while webhook is active; "
        "use deleteWebhook to delete the webhook first"
    )
    await api.ok("deleteWebhook")
    assert await api.ok("getUpdates") == []


@pytest.mark.parametrize(
    "url",
    ["https://example.com/hook", "http://10.0.0.1/hook", "http://192.168.1.1/x", "ftp://127.0.0.1"],
)
async def test_only_loopback_urls(api: RawClient, url: str) -> None:
    """Webhook URLs off loopback are refused with 400 (the emulator contacts nothing else)."""
    status, description = await api.error("setWebhook", url=url)
    assert status == 400
    assert description.startswith("Bad Request: bad webhook")


@pytest.mark.parametrize("secret", ["", "has space", "x" * 257, "ünï"])
async def test_secret_token_format(api: RawClient, receiver: Receiver, secret: str) -> None:
    """secret_token must be 1-256 characters of A-Za-z0-9_-."""
    status, _ = await api.error("setWebhook", url=receiver.url, secret_token=secret)
    assert status == 400


async def test_drop_pending_updates(emu: BotApiEmulator, api: RawClient) -> None:
    """deleteWebhook(drop_pending_updates) empties the queue."""
    await emu.user(1001).send("old")
    await api.ok("deleteWebhook", drop_pending_updates=True)
    assert await api.ok("getUpdates") == []
