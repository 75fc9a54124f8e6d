"""The edge every update crosses once, before any feature handler: hygiene and counting.

:class:`IntakeApplication` is PTB's ``Application`` with one change, in ``process_update``
(the one call every update goes through, polled, posted to the webhook or replayed):

- updates from channels are ignored entirely (the bot answers nobody in a channel);
- every text, caption and name is cleaned (:mod:`bot.hygiene`): no NUL reaches PostgreSQL,
  no zero-width character hides a question, no direction override disguises a name;
- the outcome and the handling time are counted for ``/metrics``.

Also here: :class:`MeteredRequest` (sends by result and 429s, as Telegram answered them)
and :func:`private_only_gate` (commands that show personal data answer only in private).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update, User
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationHandlerStop, Job
from telegram.request import HTTPXRequest
from telegram.request._requestdata import RequestData

from bot.context import BotData, FrontdeskContext
from bot.hygiene import clean_update_dict, needs_cleaning
from bot.observability import Observability

log = logging.getLogger(__name__)

# Set for the update being handled: error handlers mark it failed (same task, same context).
_FAILED: ContextVar[list[bool] | None] = ContextVar("frontdesk_update_failed", default=None)


def from_channel(update: Update) -> bool:
    """A post or an edit in a channel, or anything else that happened in one."""
    if update.channel_post is not None or update.edited_channel_post is not None:
        return True
    chat = update.effective_chat
    return chat is not None and chat.type == ChatType.CHANNEL


def _people_and_chats(update: Update) -> Iterator[str | None]:
    for user in (update.effective_user, update.effective_sender):
        if isinstance(user, User):
            yield from (user.first_name, user.last_name, user.username)
    chat = update.effective_chat
    if chat is not None:
        yield from (chat.title, chat.first_name, chat.last_name, chat.username)


def _message_texts(message: Message | None) -> Iterator[str | None]:
    if message is None:
        return
    yield from (message.text, message.caption)
    if message.document is not None:
        yield message.document.file_name
    if message.contact is not None:
        yield from (message.contact.first_name, message.contact.last_name)
    if message.quote is not None:
        yield message.quote.text
    replied = message.reply_to_message
    if replied is not None:
        yield from (replied.text, replied.caption)
        if replied.from_user is not None:
            yield from (replied.from_user.first_name, replied.from_user.last_name)
    if message.forward_origin is not None:
        origin = message.forward_origin
        sender = getattr(origin, "sender_user", None)
        if isinstance(sender, User):
            yield from (sender.first_name, sender.last_name)
        yield getattr(origin, "sender_user_name", None)


def _texts(update: Update) -> Iterator[str | None]:
    """The texts and names of an update that reach features and staff."""
    yield from _people_and_chats(update)
    yield from _message_texts(update.message or update.edited_message)
    if update.callback_query is not None and isinstance(update.callback_query.message, Message):
        yield from _message_texts(update.callback_query.message.reply_to_message)
    if update.inline_query is not None:
        yield update.inline_query.query


def cleaned(update: Update) -> Update:
    """The same update with every text cleaned (the same object when nothing needed it).

    The common case, a clean update, costs a few searches over the texts and names that
    reach features. When one of them needs cleaning, every string of the update is cleaned
    (through its JSON form, so nothing is missed, entities moved with the text).
    """
    if not any(text and needs_cleaning(text) for text in _texts(update)):
        return update
    data = update.to_dict()
    fresh = Update.de_json(clean_update_dict(data), update.get_bot())
    return fresh if fresh is not None else update


class IntakeApplication(Application[Any, FrontdeskContext, Any, Any, BotData, Any]):
    """PTB's application, with the edge (hygiene, channels, counting) in ``process_update``."""

    def _observability(self) -> Observability | None:
        try:
            return self.bot_data.services.get(Observability)
        except LookupError:
            return None

    async def process_update(self, update: object) -> None:
        observability = self._observability()
        if isinstance(update, Update):
            if from_channel(update):
                if observability is not None:
                    observability.observe_update("ignored")
                return
            update = cleaned(update)
        failed: list[bool] = []
        token = _FAILED.set(failed)
        started = time.perf_counter()
        try:
            await super().process_update(update)
        except Exception:
            failed.append(True)
            raise
        finally:
            _FAILED.reset(token)
            if observability is not None:
                outcome = "failed" if failed else "handled"
                observability.observe_update(outcome, time.perf_counter() - started)

    async def process_error(
        self,
        update: object | None,
        error: Exception,
        job: Job[FrontdeskContext] | None = None,
        coroutine: Any = None,
    ) -> bool:
        failed = _FAILED.get()
        if failed is not None and update is not None:
            failed.append(True)
        return await super().process_error(update, error, job, coroutine)


class MeteredRequest(HTTPXRequest):
    """PTB's HTTP client, counting Telegram's answers (sends by result, 429s) for /metrics."""

    def __init__(self, observability: Observability, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._observability = observability

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1]
        try:
            status, payload = await super().do_request(url, method, request_data, *args, **kwargs)
        except TelegramError:  # network errors and timeouts: no answer from Telegram
            self._observability.observe_response(api_method, None)
            raise
        self._observability.observe_response(api_method, status)
        return status, payload


def command_of(update: Update, bot_username: str | None) -> str | None:
    """The command a message starts with (``/mydata@frontdesk_bot`` → ``mydata``), if ours."""
    message = update.message or update.edited_message
    if message is None or not message.text or not message.entities:
        return None
    first = message.entities[0]
    if first.type != "bot_command" or first.offset != 0:
        return None
    command = message.text[1 : first.length]
    name, _, addressee = command.partition("@")
    if addressee and bot_username and addressee.lower() != bot_username.lower():
        return None
    return name.lower()


async def private_only_gate(update: Update, context: FrontdeskContext) -> None:
    """A command that shows personal data, sent in a group: point to the private chat instead.

    The commands are those declared ``private=True`` in the manifests; the answer goes to
    the group (it shows nothing personal) with a button that opens the private chat.
    """
    chat = update.effective_chat
    if chat is None or chat.type == ChatType.PRIVATE:
        return
    name = command_of(update, context.bot.username)
    private = {spec.name for spec in context.runtime.commands if spec.private}
    if name is None or name not in private:
        return
    link = f"https://t.me/{context.bot.username}" if context.bot.username else None
    markup = (
        InlineKeyboardMarkup([[InlineKeyboardButton(context.t("intake-open-private"), url=link)]])
        if link
        else None
    )
    message = update.effective_message
    try:
        if message is not None:
            await message.reply_text(
                context.t("intake-private-only", command=f"/{name}"), reply_markup=markup
            )
    except TelegramError as exc:  # e.g. the bot may not write in that group
        log.info("private-only pointer not delivered: %s", exc.__class__.__name__)
    raise ApplicationHandlerStop
