"""Flood protection before any feature sees an update (group -90, after the profile load)."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, TypeHandler

from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.services.abuse import FloodGuard, Verdict

log = logging.getLogger(__name__)

FLOOD_GROUP = -90
GUARD_KEY = "flood_guard"

COMMANDS: list[CommandSpec] = []


def flood_guard(app: FrontdeskApplication) -> FloodGuard:
    """The application's flood guard (tests replace its clock)."""
    guard = app.bot_data[GUARD_KEY]
    assert isinstance(guard, FloodGuard)
    return guard


async def limit_floods(update: Update, context: FrontdeskContext) -> None:
    """Let the update through, or say "slow down" once and drop it and the next ones."""
    user = update.effective_user
    if user is None or (context.profile is not None and context.profile.is_staff):
        return
    guard: FloodGuard = context.bot_data[GUARD_KEY]
    verdict = guard.check(user.id)
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
    guard: FloodGuard = context.bot_data[GUARD_KEY]
    text = context.t("abuse-slow-down", seconds=round(guard.cooldown))
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(text, show_alert=True)
        elif update.effective_chat is not None and update.effective_chat.type == ChatType.PRIVATE:
            await context.bot.send_message(update.effective_chat.id, text)
    except TelegramError as exc:  # e.g. the flooder blocked the bot meanwhile
        log.info("slow-down notice not delivered: %s", exc.__class__.__name__)


def register(app: FrontdeskApplication) -> None:
    """Install the guard with the configured limits."""
    settings = app.bot_data["runtime"].settings.privacy
    app.bot_data[GUARD_KEY] = FloodGuard(
        burst=settings.flood_burst,
        window=settings.flood_window_seconds,
        cooldown=settings.flood_cooldown_seconds,
    )
    app.add_handler(TypeHandler(Update, limit_floods), group=FLOOD_GROUP)
