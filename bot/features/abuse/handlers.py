"""Flood protection before any feature sees an update (group -90, after the profile load)."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, TypeHandler

from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.delivery.instance import InstanceHeartbeat
from bot.manifest import Manifest
from bot.services.abuse import FloodGuard, SharedBuckets, Verdict

log = logging.getLogger(__name__)

FLOOD_GROUP = -90

COMMANDS: list[CommandSpec] = []


def flood_guard(app: FrontdeskApplication) -> FloodGuard:
    """The application's flood guard (tests replace its clock)."""
    return app.bot_data.services.get(FloodGuard)


async def limit_floods(update: Update, context: FrontdeskContext) -> None:
    """Let the update through, or say "slow down" once and drop it and the next ones."""
    user = update.effective_user
    if user is None or (context.profile is not None and context.profile.is_staff):
        return
    guard = context.services.get(FloodGuard)
    verdict = await guard.verdict(user.id)
    if verdict is Verdict.PASS:
        return
    if verdict is Verdict.WARN:
        log.warning(
            "flood from user #%s: ignored for %.0f s",
            context.profile.id if context.profile else "?",
            guard.cooldown,
        )
        await _slow_down(update, context)
    raise ApplicationHandlerStop


async def _slow_down(update: Update, context: FrontdeskContext) -> None:
    guard = context.services.get(FloodGuard)
    text = context.t("abuse-slow-down", seconds=round(guard.cooldown))
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(text, show_alert=True)
        elif update.effective_chat is not None and update.effective_chat.type == ChatType.PRIVATE:
            await context.bot.send_message(update.effective_chat.id, text)
    except TelegramError as exc:  # e.g. the flooder blocked the bot meanwhile
        log.info("slow-down notice not delivered: %s", exc.__class__.__name__)


def build_guard(app: FrontdeskApplication) -> FloodGuard:
    """The flood guard with the configured limits (one per application); on PostgreSQL its
    buckets are shared by every instance while others are alive (bot/services/abuse.py)."""
    runtime = app.bot_data.runtime
    settings = runtime.settings.privacy
    shared = None
    if runtime.db.dialect == "postgresql" and settings.flood_shared is not False:
        if settings.flood_shared:
            shared = SharedBuckets(runtime.db)
        else:  # automatic: shared while the heartbeats see another instance alive
            heartbeat = app.bot_data.services.get(InstanceHeartbeat)
            shared = SharedBuckets(runtime.db, active=lambda: heartbeat.others > 0)
    return FloodGuard(
        burst=settings.flood_burst,
        window=settings.flood_window_seconds,
        cooldown=settings.flood_cooldown_seconds,
        shared=shared,
    )


def install(app: FrontdeskApplication) -> None:
    """The guard runs before every feature (group -90)."""
    app.add_handler(TypeHandler(Update, limit_floods), group=FLOOD_GROUP)


MANIFEST = Manifest(name="abuse", install=install, commands=COMMANDS, services=[build_guard])
