"""The one way a handler talks back: reply, say, edit, show, toast, alert and files.

The application sets ``Defaults(parse_mode=HTML)`` (:func:`bot.app.build_application`), and
every text comes from the catalogs, whose arguments are escaped. So no call here names a parse
mode, a resident called "A&B" reads "A&B", and the texts of toasts (which Telegram shows as
plain text) are turned back from HTML into what the person should read.
"""

from __future__ import annotations

import html
import logging
import re

from telegram import Bot, ForceReply, InlineKeyboardMarkup, Message, ReplyKeyboardMarkup, Update
from telegram.error import BadRequest, TelegramError

from bot.services.text_parts import MESSAGE_LIMIT, parts, units

log = logging.getLogger(__name__)
__all__ = ["MESSAGE_LIMIT", "parts", "units"]  # with the senders below: the one reply path

Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ForceReply
TOAST_LIMIT = 200  # Telegram's limit for the text of a callback query's answer
_TAG = re.compile(r"<[^>]+>")


def _markup(markup: Markup | None) -> Markup | None:
    """``None`` for an inline keyboard without buttons: Telegram refuses one ("can't parse
    reply keyboard markup"), and a step with nothing to press (a required text question) has
    none. On an edit, ``None`` takes the old buttons away, which is what an empty one meant."""
    if isinstance(markup, InlineKeyboardMarkup) and not any(markup.inline_keyboard):
        return None
    return markup


def plain(text: str) -> str:
    """HTML from the catalogs as plain text (toasts and file names have no parse mode)."""
    return html.unescape(_TAG.sub("", text))


async def reply(update: Update, text: str, markup: Markup | None = None) -> Message | None:
    """Answer the message that came in (quoted where Telegram quotes by default)."""
    message = update.effective_message
    if message is None:
        return None
    if update.callback_query is not None:  # the bot's own message: say it anew instead
        return await say(update, text, markup)
    markup = _markup(markup)
    *first, last = parts(text)
    for part in first:
        await message.reply_text(part)
    if markup is None:
        return await message.reply_text(last)
    return await message.reply_text(last, reply_markup=markup)


async def say(update: Update, text: str, markup: Markup | None = None) -> Message | None:
    """A new message in the chat the update came from."""
    chat = update.effective_chat
    if chat is None:
        return None
    return await send(update.get_bot(), chat.id, text, markup)


async def send(bot: Bot, chat_id: int, text: str, markup: Markup | None = None) -> Message:
    """A new message in a chat, in parts when over Telegram's limit (buttons on the last)."""
    *first, last = parts(text)
    for part in first:
        await bot.send_message(chat_id, part)
    return await bot.send_message(chat_id, last, reply_markup=_markup(markup))


async def edit(update: Update, text: str, markup: InlineKeyboardMarkup | None = None) -> bool:
    """Change the message the pressed button was on; False when there was none to change.

    "Message is not modified" (the same button pressed twice) counts as done.
    """
    query = update.callback_query
    if query is None or query.message is None or units(text) > MESSAGE_LIMIT:
        return False  # too long for one message: :func:`show` says it anew, in parts
    try:
        buttons = markup if markup is not None and any(markup.inline_keyboard) else None
        await query.edit_message_text(text, reply_markup=buttons)  # none: see _markup
    except BadRequest as exc:
        if "not modified" not in exc.message.lower():
            log.debug("message not edited: %s", exc)
            return False
    return True


async def show(update: Update, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Edit the message a button was on, or send a new one (commands, lost messages)."""
    if not await edit(update, text, markup):
        await say(update, text, markup)


async def toast(update: Update, text: str = "", *, alert: bool = False) -> None:
    """Answer the pressed button: a short note at the top of the screen, or nothing.

    ``alert`` makes it a note the person must close. An empty text answers silently.
    """
    if update.callback_query is not None:
        await update.callback_query.answer(plain(text)[:TOAST_LIMIT] or None, show_alert=alert)


async def alert(update: Update, text: str) -> None:
    """Answer the pressed button with a note the person must close."""
    await toast(update, text, alert=True)


async def send_file(
    update: Update, name: str, data: bytes, caption: str | None = None
) -> Message | None:
    """A document in the chat the update came from."""
    chat = update.effective_chat
    if chat is None:
        return None
    return await update.get_bot().send_document(
        chat.id, data, filename=name, caption=caption or None
    )


async def quietly(update: Update, text: str, markup: Markup | None = None) -> None:
    """:func:`say`, but a failure to deliver is logged, not raised (apologies, side notes)."""
    try:
        await say(update, text, markup)
    except TelegramError as exc:
        log.warning("could not send to chat of update %s: %s", update.update_id, exc)
