"""Run the bot for real: long polling or webhook, against Telegram or any Bot API server."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from telegram import Update

from bot.app import (
    FrontdeskApplication,
    build_application,
    build_runtime,
    serving,
    update_poller,
)
from bot.centre import Centre
from bot.clock import local_now
from bot.memory import freeze_startup_objects
from bot.runtime import Runtime
from bot.services.holiday_calendar import prefetch_statutory
from bot.settings import InstanceRole, RunMode, Settings
from bot.singleton import PollingLeader

if TYPE_CHECKING:
    from bot.probes import ProbeServer

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
    year = local_now(runtime.clock, ZoneInfo(centre.timezone)).year
    # Both in child processes, side by side: Alembic and the ``holidays`` package never load
    # into the serving process (issue 18). Last year too (on 2 January "昨天" is in it) and
    # the year after next ("2028年元旦" asked in 2026): a year fetched later blocks for the
    # child's second, and one child does four years for about the price of one.
    years = [year - 1, year, year + 1, year + 2]
    await asyncio.gather(migrate_in_child(settings), prefetch_statutory(years))
    return runtime, build_application(runtime)


async def run(settings: Settings, centre: Centre) -> None:
    """Serve until a signal arrives."""
    runtime, app = await prepare(settings, centre)
    stopping = stop_event()
    role = settings.instance_role
    try:
        async with serving(app, handle_updates=role is not InstanceRole.INTAKE):
            freeze_startup_objects()  # bot/memory.py: full collections stop scanning them
            if role is InstanceRole.WORKER:
                probes = await _start_probes(app, settings)
                log.info("worker: handling the updates the intake instances store")
                try:
                    await stopping.wait()
                finally:
                    if probes is not None:
                        await probes.cleanup()
            elif settings.mode is RunMode.POLLING:
                probes = await _start_probes(app, settings)
                try:
                    await _poll_while_leader(app, PollingLeader(runtime.db), stopping)
                finally:
                    if probes is not None:
                        await probes.cleanup()
            else:
                await _serve_webhook(app, settings, stopping)
    finally:
        await runtime.db.dispose()


async def _start_probes(app: FrontdeskApplication, settings: Settings) -> ProbeServer | None:
    """Polling mode: /healthz, /readyz and /metrics on a small server of their own."""
    if not settings.probes.enabled:
        return None
    from bot.observability import Observability
    from bot.probes import probe_server

    probes = settings.probes
    try:
        runner = await probe_server(
            app.bot_data.services.get(Observability), probes.listen, probes.port
        )
    except OSError as exc:
        # Serving residents matters more than the probes (e.g. a second process on one host
        # with the same port): say so loudly and go on without them.
        log.error(
            "probes not served: cannot listen on %s:%s (%s); set FRONTDESK_PROBES__PORT",
            probes.listen, probes.port, exc.strerror or exc.__class__.__name__,
        )  # fmt: skip
        return None
    log.info("probes listening on %s:%s", probes.listen, probes.port)
    return runner


LEADER_CHECK_SECONDS = 5.0


async def _poll_while_leader(
    app: FrontdeskApplication, leader: PollingLeader, stopping: asyncio.Event
) -> None:
    """Poll while this instance holds the polling lock (bot/singleton.py); wait otherwise.

    The poller only stores what it fetches in the durable inbox (a batch is confirmed to
    Telegram once committed); every instance's inbox worker, this one's too unless it is
    intake only (``FRONTDESK_INSTANCE_ROLE=intake``), claims the stored updates per chat and
    handles them (bot/intake.py)."""
    poller = update_poller(app)
    intake_only = app.bot_data.runtime.settings.instance_role is InstanceRole.INTAKE
    try:
        while await leader.acquire(stopping):
            poller.start()
            log.info("polling for updates%s", " (intake only)" if intake_only else "")
            while not stopping.is_set():
                # Not ``wait_for``, which can swallow a cancel (bot/delivery/sender.py).
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(LEADER_CHECK_SECONDS):
                        await stopping.wait()
                if not stopping.is_set() and not await leader.still_held():
                    log.warning("lost the polling lock (database connection gone): pausing")
                    break
            await poller.stop()
    finally:
        await leader.release()


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
    intake_only = settings.instance_role is InstanceRole.INTAKE
    log.info(
        "webhook listening on %s:%s%s%s",
        hook.listen, hook.port, hook.path, " (intake only)" if intake_only else "",
    )  # fmt: skip
    try:
        await stopping.wait()
    finally:
        await runner.cleanup()
