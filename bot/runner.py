"""Run the bot for real: long polling or webhook, against Telegram or any Bot API server."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sys
from pathlib import Path

from telegram import Update

from bot.app import (
    FrontdeskApplication,
    build_application,
    build_runtime,
    serving,
    update_poller,
)
from bot.centre import Centre
from bot.runtime import Runtime
from bot.settings import RunMode, Settings

log = logging.getLogger(__name__)


def stop_event() -> asyncio.Event:
    """An event set by SIGINT/SIGTERM."""
    event = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # not on every platform
            loop.add_signal_handler(sig, event.set)
    return event


# Alembic (and its templates) would stay in the serving process's memory for good after one
# use at start-up (about 8 MiB, issue 18), so ``frontdesk migrate`` runs as a child process.
MIGRATE_IN_CHILD = "import bot.cli; bot.cli.main(['migrate'])"
PACKAGE_ROOT = str(Path(__file__).resolve().parents[1])


async def migrate_in_child(settings: Settings) -> None:
    """Bring the schema up to date in a child process (same settings, URL via environment)."""
    env = {**os.environ, "FRONTDESK_DATABASE_URL": settings.database_url}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [PACKAGE_ROOT, env.get("PYTHONPATH")]))
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-c", MIGRATE_IN_CHILD, env=env, stdout=asyncio.subprocess.DEVNULL
    )
    if await child.wait() != 0:
        raise RuntimeError(f"database migration failed (exit code {child.returncode})")


async def prepare(settings: Settings, centre: Centre) -> tuple[Runtime, FrontdeskApplication]:
    """Migrate the database and build the application."""
    runtime = build_runtime(settings, centre)
    await migrate_in_child(settings)
    return runtime, build_application(runtime)


async def run(settings: Settings, centre: Centre) -> None:
    """Serve until a signal arrives."""
    runtime, app = await prepare(settings, centre)
    stopping = stop_event()
    try:
        async with serving(app):
            if settings.mode is RunMode.POLLING:
                # Our own getUpdates loop: a batch is confirmed only once it is stored.
                poller = update_poller(app)
                poller.start()
                log.info("polling for updates")
                await stopping.wait()
                await poller.stop()
            else:
                await _serve_webhook(app, settings, stopping)
    finally:
        await runtime.db.dispose()


async def _serve_webhook(
    app: FrontdeskApplication, settings: Settings, stopping: asyncio.Event
) -> None:
    # Imported here: the aiohttp server is several MiB that polling never uses.
    from aiohttp import web

    from bot.webhook import webhook_app

    hook = settings.webhook
    secret = hook.secret_token.get_secret_value() if hook.secret_token else None
    runner = web.AppRunner(webhook_app(app, hook.path, secret), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, hook.listen, hook.port)
    await site.start()
    assert hook.url is not None
    await app.bot.set_webhook(hook.url, secret_token=secret, allowed_updates=Update.ALL_TYPES)
    log.info("webhook listening on %s:%s%s", hook.listen, hook.port, hook.path)
    try:
        await stopping.wait()
    finally:
        await runner.cleanup()
