"""Factories: the runtime and the PTB ``Application`` (nothing is built at import time)."""

from __future__ import annotations

import logging

from telegram.ext import AIORateLimiter, ApplicationBuilder, ContextTypes

from bot.centre import Centre
from bot.clock import Clock, SystemClock
from bot.commands import sync_commands
from bot.context import RUNTIME_KEY, FrontdeskApplication, FrontdeskContext
from bot.handlers import all_commands, register_all
from bot.i18n import Catalog
from bot.runtime import Runtime
from bot.services import users
from bot.settings import Settings
from bot.storage.db import Database, create_database
from bot.update_processor import PerChatUpdateProcessor

log = logging.getLogger(__name__)


def build_runtime(
    settings: Settings,
    centre: Centre,
    *,
    database: Database | None = None,
    clock: Clock | None = None,
    catalog: Catalog | None = None,
) -> Runtime:
    """The services every handler uses."""
    return Runtime(
        settings=settings,
        centre=centre,
        db=database or create_database(settings.database_url),
        catalog=catalog or Catalog(),
        clock=clock or SystemClock(),
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


async def _post_init(app: FrontdeskApplication) -> None:
    runtime: Runtime = app.bot_data[RUNTIME_KEY]
    await bootstrap_staff(runtime)
    await sync_commands(app.bot, runtime)
    log.info("frontdesk ready as @%s", app.bot.username)


async def _post_shutdown(app: FrontdeskApplication) -> None:
    runtime: Runtime = app.bot_data[RUNTIME_KEY]
    await runtime.db.dispose()


def build_application(
    runtime: Runtime,
    *,
    base_url: str | None = None,
    base_file_url: str | None = None,
    token: str | None = None,
) -> FrontdeskApplication:
    """The bot: handlers, typed context, per-chat ordering, optional rate limiting."""
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
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    if settings.rate_limit:
        builder = builder.rate_limiter(AIORateLimiter(max_retries=3))  # type: ignore[arg-type]  # PTB's builder generics pin the limiter's argument type to None
    app: FrontdeskApplication = builder.build()
    app.bot_data[RUNTIME_KEY] = runtime
    register_all(app)
    return app
