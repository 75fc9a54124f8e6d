"""Factories: the runtime and the PTB ``Application`` (nothing is built at import time)."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

from telegram.ext import ApplicationBuilder, ContextTypes

from bot.centre import Centre
from bot.clock import Clock, SystemClock
from bot.commands import sync_commands
from bot.context import RUNTIME_KEY, FrontdeskApplication, FrontdeskContext
from bot.delivery.limiter import FrontdeskRateLimiter, Limits
from bot.delivery.sender import OutboxSender, SenderSettings
from bot.handlers import all_commands, register_all
from bot.i18n import Catalog
from bot.runtime import Runtime
from bot.services import users
from bot.services.hours_data import HoursData
from bot.settings import Settings
from bot.storage.db import Database, create_database
from bot.update_processor import PerChatUpdateProcessor

log = logging.getLogger(__name__)
SENDER_KEY = "outbox_sender"


def build_runtime(
    settings: Settings,
    centre: Centre,
    *,
    database: Database | None = None,
    clock: Clock | None = None,
    catalog: Catalog | None = None,
    hours: HoursData | None = None,
) -> Runtime:
    """The services every handler uses."""
    db = database or create_database(settings.database_url)
    hours = hours or HoursData(centre, db, recheck_seconds=settings.hours.recheck_seconds)
    return Runtime(
        settings=settings,
        centre=centre,
        db=db,
        catalog=catalog or Catalog(),
        clock=clock or SystemClock(),
        hours=hours,
        commands=all_commands(),
    )


async def bootstrap_staff(runtime: Runtime) -> None:
    """Give the roles named in the centre's data and in ``FRONTDESK_ADMIN_IDS``."""
    now = runtime.clock.now()
    async with runtime.db.transaction() as session:
        for entry in runtime.centre.staff:
            await users.ensure_staff(session, entry.telegram_id, entry.name, list(entry.roles), now)
        for telegram_id in runtime.settings.admin_ids:
            await users.ensure_staff(session, telegram_id, str(telegram_id), ["admin"], now)


def outbox_sender(app: FrontdeskApplication) -> OutboxSender:
    """The application's outbox sender (tests use it to drain deterministically)."""
    sender = app.bot_data[SENDER_KEY]
    assert isinstance(sender, OutboxSender)
    return sender


async def _on_startup(app: FrontdeskApplication) -> None:
    runtime: Runtime = app.bot_data[RUNTIME_KEY]
    await bootstrap_staff(runtime)
    await sync_commands(app.bot, runtime)
    delivery = runtime.settings.delivery
    sender = OutboxSender(
        runtime,
        app.bot,
        SenderSettings(
            batch_size=delivery.batch_size,
            concurrency=delivery.concurrency,
            max_attempts=delivery.max_attempts,
            stale_claim=timedelta(seconds=delivery.stale_claim_seconds),
            poll_seconds=delivery.poll_seconds,
            paid_broadcast=delivery.allow_paid_broadcast,
        ),
    )
    app.bot_data[SENDER_KEY] = sender
    runtime.notify_outbox = sender.wake
    sender.start()
    log.info("frontdesk ready as @%s", app.bot.username)


async def _on_stop(app: FrontdeskApplication) -> None:
    sender = app.bot_data.get(SENDER_KEY)
    if isinstance(sender, OutboxSender):
        await sender.stop()


@asynccontextmanager
async def serving(app: FrontdeskApplication) -> AsyncIterator[FrontdeskApplication]:
    """Initialise, run our start-up (staff, commands, outbox sender) and start; then undo.

    PTB calls ``post_init``/``post_stop`` only from ``run_polling``/``run_webhook``; every
    entry point here (runner, webhook, sandbox, tests, benchmarks) goes through this instead.
    Fetching updates (polling or webhook) is the caller's part.
    """
    async with app:
        await _on_startup(app)
        await app.start()
        try:
            yield app
        finally:
            await app.stop()
            await _on_stop(app)


def build_application(
    runtime: Runtime,
    *,
    base_url: str | None = None,
    base_file_url: str | None = None,
    token: str | None = None,
    limiter: FrontdeskRateLimiter | None = None,
) -> FrontdeskApplication:
    """The bot: handlers, typed context, per-chat ordering, optional rate limiting.

    ``limiter`` replaces the one built from the settings (tests pace on a manual clock).
    """
    # Opt in to PTB's timedelta durations (RetryAfter.retry_after); the int form is deprecated.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    settings = runtime.settings
    secret = token or (settings.token.get_secret_value() if settings.token else None)
    if not secret:
        raise ValueError("a token is needed (the sandbox passes the emulator's)")
    builder = (
        ApplicationBuilder()
        .token(secret)
        .base_url(base_url or settings.api_base_url)
        .base_file_url(base_file_url or settings.api_file_base_url)
        .context_types(ContextTypes(context=FrontdeskContext))
        .concurrent_updates(PerChatUpdateProcessor(settings.max_concurrent_updates))
    )
    if limiter is None:
        delivery = settings.delivery
        limits = Limits(
            overall_per_second=delivery.overall_per_second,
            free_per_second=delivery.free_per_second,
            private_per_second=delivery.private_per_second,
            private_burst=delivery.private_burst,
            group_per_minute=delivery.group_per_minute,
        )
        # Always installed (the outbox marks its sends as bulk); pacing can be switched off.
        limiter = FrontdeskRateLimiter(limits, pacing=settings.rate_limit)
    builder = builder.rate_limiter(limiter)  # type: ignore[arg-type]  # PTB's builder generics pin the limiter's argument type to None
    app: FrontdeskApplication = builder.build()
    app.bot_data[RUNTIME_KEY] = runtime
    register_all(app)
    return app
