"""The bot's command lists, registered with Telegram per language and per staff chat."""

from __future__ import annotations

import logging

from telegram import BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from telegram.error import TelegramError
from telegram.ext import ExtBot

from bot.command_spec import CommandSpec
from bot.i18n import LANGUAGES
from bot.runtime import Runtime
from bot.services import users

log = logging.getLogger(__name__)


# Residents' menu, most asked first; commands not named here follow in registration order,
# and staff commands come after all of them.
MENU_ORDER = (
    "hours", "classes", "myclasses", "events", "myevents", "feedback", "ask", "reminders",
    "help", "language", "privacy", "mydata", "forgetme", "start",
)  # fmt: skip


def _menu_position(spec: CommandSpec) -> tuple[int, int]:
    order = MENU_ORDER.index(spec.name) if spec.name in MENU_ORDER else len(MENU_ORDER)
    return (spec.role is not None, order)


def visible_commands(
    specs: list[CommandSpec], lang: str, runtime: Runtime, roles: frozenset[str] = frozenset()
) -> list[BotCommand]:
    """The menu of commands for someone with ``roles``, in ``lang``."""
    t = runtime.catalog.translator(lang)
    return [
        BotCommand(spec.name, t(spec.description_key))
        for spec in sorted(specs, key=_menu_position)
        if spec.role is None or spec.role in roles or "admin" in roles
    ]


async def sync_commands(bot: ExtBot[None], runtime: Runtime, only_chat: int | None = None) -> None:
    """Tell Telegram which commands residents see, and which each staff member sees.

    Residents get the default scope (one list per language). Every staff member gets a list
    scoped to their own private chat, so staff commands never show up for residents. With
    ``only_chat``, that one chat's list is renewed: a staff member's, or a resident's in the
    language they chose (after /language, or when a role was taken away).
    """
    specs = runtime.commands
    if only_chat is None:
        for lang in LANGUAGES:
            await bot.set_my_commands(
                visible_commands(specs, lang, runtime),
                scope=BotCommandScopeDefault(),
                language_code=lang,
            )
        await bot.set_my_commands(
            visible_commands(specs, "zh", runtime), scope=BotCommandScopeDefault()
        )
    async with runtime.db.read() as session:
        staff = await users.staff_chats(session)
    for telegram_id, lang, roles in staff:
        if only_chat is not None and telegram_id != only_chat:
            continue
        try:
            await bot.set_my_commands(
                visible_commands(specs, lang, runtime, roles),
                scope=BotCommandScopeChat(telegram_id),
            )
        except TelegramError as exc:  # a staff member who never started the bot
            log.info("could not set staff commands for a chat: %s", exc)
    if only_chat is not None and not any(tid == only_chat for tid, _, _ in staff):
        await _resident_menu(bot, runtime, only_chat)


async def _resident_menu(bot: ExtBot[None], runtime: Runtime, chat_id: int) -> None:
    """A resident's menu in the language they chose with /language (issue 16): Telegram's
    per-language default follows the phone's language, not the one chosen in the bot, so the
    chat gets its own list. Someone unknown has their chat's list removed (the default)."""
    async with runtime.db.read() as session:
        profile = await users.find(session, chat_id)
    try:
        if profile is None:
            await bot.delete_my_commands(scope=BotCommandScopeChat(chat_id))
            return
        await bot.set_my_commands(
            visible_commands(runtime.commands, profile.language, runtime),
            scope=BotCommandScopeChat(chat_id),
        )
    except TelegramError as exc:  # someone who blocked the bot or never started it
        log.info("could not set a chat's commands: %s", exc)
