"""Webhook mode end to end: the emulator POSTs updates to our aiohttp endpoint on loopback."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import aiohttp
import pytest
from aiohttp import web

from bot.app import FrontdeskApplication, build_application, serving
from bot.i18n import Catalog
from bot.runtime import Runtime
from bot.webhook import SECRET_HEADER, secret_matches, webhook_app
from frontdesk_emulator import BotApiEmulator

SECRET = "right_Secret-123"


@dataclass
class Hooked:
    app: FrontdeskApplication
    url: str


async def _until(condition: Callable[[], bool], within: float = 5.0) -> None:
    async with asyncio.timeout(within):
        while not condition():  # noqa: ASYNC110 - polls emulator state, cheap and bounded
            await asyncio.sleep(0.01)


@pytest.fixture
async def hooked(runtime: Runtime, emulator: BotApiEmulator) -> AsyncIterator[Hooked]:
    """The real application served by bot.webhook on 127.0.0.1 (a free port), not polling."""
    app = build_application(
        runtime,
        base_url=emulator.base_url,
        base_file_url=emulator.base_file_url,
        token=emulator.token,
    )
    async with serving(app):
        runner = web.AppRunner(webhook_app(app, "/telegram", SECRET), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        try:
            yield Hooked(app, f"http://127.0.0.1:{port}/telegram")
        finally:
            await app.bot.delete_webhook()
            await runner.cleanup()


def test_secret_comparison() -> None:
    """Only the exact secret matches; a missing or shorter one does not."""
    assert secret_matches(SECRET, SECRET)
    assert not secret_matches(SECRET, None)
    assert not secret_matches(SECRET, SECRET[:-1])
    assert not secret_matches(SECRET, SECRET + "x")


async def test_wrong_secret_gets_403_and_the_update_stays_pending(
    hooked: Hooked, emulator: BotApiEmulator, catalog: Catalog
) -> None:
    """With a wrong secret the endpoint answers 403, nothing is handled and the update waits;
    once the right secret is configured it is delivered and answered."""
    await hooked.app.bot.set_webhook(hooked.url, secret_token="wrong_secret")
    alice = emulator.user(6001, first_name="Alice", language_code="en")
    await alice.command("/help")
    await _until(lambda: any(a.status == 403 for a in emulator.webhook_attempts))
    assert emulator.pending_updates
    assert alice.messages == []

    await hooked.app.bot.set_webhook(hooked.url, secret_token=SECRET)
    emulator.retry_webhook_now()
    reply = await alice.wait_message()
    assert reply.html == catalog.text("en", "help-text")
    await _until(lambda: not emulator.pending_updates)
    assert {a.status for a in emulator.webhook_attempts} == {403, 200}


async def test_requests_without_secret_or_with_garbage_are_refused(
    hooked: Hooked, emulator: BotApiEmulator
) -> None:
    """No header: 403 before the body is read; right header with a broken body: 400."""
    async with aiohttp.ClientSession() as http:
        async with http.post(hooked.url, json={"update_id": 1}) as response:
            assert response.status == 403
        async with http.post(
            hooked.url, json={"update_id": 1}, headers={SECRET_HEADER: "x" * 256}
        ) as response:
            assert response.status == 403
        async with http.post(
            hooked.url, data=b"{not json", headers={SECRET_HEADER: SECRET}
        ) as response:
            assert response.status == 400
    assert emulator.calls("sendMessage") == []
