"""Run the real application against the built-in emulator (sandbox, tests, benchmarks)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

from bot.app import FrontdeskApplication, build_application, serving, update_poller
from bot.delivery.limiter import FrontdeskRateLimiter
from bot.features import MANIFESTS
from bot.manifest import Manifest
from bot.runtime import Runtime
from bot.update_processor import PerChatUpdateProcessor
from frontdesk_emulator import BotApiEmulator


@asynccontextmanager
async def running_bot(
    runtime: Runtime,
    emulator: BotApiEmulator,
    *,
    poll_timeout: int = 10,
    manifests: Sequence[Manifest] = MANIFESTS,
    limiter: FrontdeskRateLimiter | None = None,
) -> AsyncIterator[FrontdeskApplication]:
    """The application (of ``manifests``), initialised, started and long-polling the emulator
    through the durable inbox, as in production."""
    app = build_application(
        runtime,
        base_url=emulator.base_url,
        base_file_url=emulator.base_file_url,
        token=emulator.token,
        manifests=manifests,
        limiter=limiter,
    )
    async with serving(app):
        poller = update_poller(app)
        poller.start(timeout=poll_timeout)
        try:
            yield app
        finally:
            await poller.stop()


async def settle(app: FrontdeskApplication, emulator: BotApiEmulator) -> None:
    """Wait until every update the emulator has produced so far has been handled."""
    processor = app.update_processor
    assert isinstance(processor, PerChatUpdateProcessor)
    await processor.wait_finished(emulator.core.produced)
