"""Deep links on the Telegram side: a feature's ``/start <payload>`` handler, and one polite
answer for a link whose thing is gone (the payload was valid, the course or venue is not)."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.ext import CommandHandler, filters

from bot.context import FrontdeskContext
from bot.deeplinks import DeepLink, misshapen_filter_pattern, parse, start_filter_pattern
from bot.tg.menu import send_menu


def on_start(
    kind: str, handler: Callable[[Update, FrontdeskContext], Coroutine[Any, Any, Any]]
) -> CommandHandler[FrontdeskContext, Any]:
    """A ``/start`` handler for the links of one kind (see ``bot.deeplinks``)."""
    return CommandHandler("start", handler, filters=filters.Regex(start_filter_pattern(kind)))


def on_misshapen_start(
    kind: str, handler: Callable[[Update, FrontdeskContext], Coroutine[Any, Any, Any]]
) -> CommandHandler[FrontdeskContext, Any]:
    """A ``/start`` handler for the links of one kind with a missing or mistyped argument
    ("event_abc"); install it after :func:`on_start` of the same kind."""
    pattern = filters.Regex(misshapen_filter_pattern(kind))
    return CommandHandler("start", handler, filters=pattern)


def link_of(update: Update) -> DeepLink:
    """The link a filtered ``/start`` handler was called for."""
    message = update.effective_message
    link = parse(message.text if message is not None else None)
    assert link is not None  # the handler's filter matched this very text
    return link


async def link_gone(update: Update, context: FrontdeskContext) -> None:
    """A well-formed link to something that is no longer there: say so, with the menu."""
    await send_menu(update, context, context.t("deeplink-gone"))
