"""Free text: hours for a venue and a day, a venue's details, the FAQ, or "did you mean…"."""

from __future__ import annotations

import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.handlers import askstaff
from bot.handlers.hours import (
    HoursServices,
    load_book,
    now_local,
    services_of,
    venue_buttons,
    week_button,
)
from bot.manifest import Manifest
from bot.runtime import Runtime
from bot.services.hours_text import (
    day_answer_text,
    day_overview_text,
    overview_text,
    venue_info_text,
)
from bot.services.questions import Kind, QuestionMatcher, suggestion_entries

FAQ_CALLBACK = re.compile(r"^qa:faq:([a-z][a-z0-9_]{1,31})$")

COMMANDS: list[CommandSpec] = []


class _Understood(filters.MessageFilter):
    """Text this feature can do something with: an answer, suggestions, or a real question.

    Anything else (a stray "ok", keyboard mashing) is left to the common fallback.
    """

    def __init__(self, matcher: QuestionMatcher, runtime: Runtime) -> None:
        super().__init__(name="questions.understood")
        self._matcher = matcher
        self._runtime = runtime

    def filter(self, message: Message) -> bool:
        if not message.text:
            return False
        verdict = self._matcher.understand(message.text, now_local(self._runtime).date())
        return verdict.kind is not Kind.NONE or verdict.looks_like_question


async def answer_text(update: Update, context: FrontdeskContext) -> None:
    """Answer a resident's question in their own words."""
    message = update.effective_message
    if message is None or message.text is None or update.effective_chat is None:
        return
    runtime = context.runtime
    services: HoursServices = services_of(context)
    t = context.t
    now = now_local(runtime)
    verdict = services.matcher.understand(message.text, now.date())
    chat_id = update.effective_chat.id
    if verdict.kind in (Kind.HOURS, Kind.OVERVIEW, Kind.VENUE):
        book = await load_book(runtime, services, now.date())
        venue = runtime.centre.venue(verdict.venue_id or "")
        if verdict.kind is Kind.HOURS and venue is not None:
            day = verdict.day or now.date()
            text = day_answer_text(t, book, venue, day, now)
            markup = week_button(t, venue.id, venue.name.get(t.lang), day)
        elif verdict.kind is Kind.VENUE and venue is not None:
            text = venue_info_text(t, book, venue, now)
            markup = week_button(t, venue.id, venue.name.get(t.lang))
        elif verdict.day is not None and verdict.day != now.date():
            text = day_overview_text(t, book, verdict.day)
            markup = venue_buttons(t, runtime)
        else:
            text = overview_text(t, book, now)
            markup = venue_buttons(t, runtime)
        await context.bot.send_message(chat_id, text, reply_markup=markup)
        return
    if verdict.kind is Kind.FAQ and verdict.faq_id is not None:
        await send_faq(context, chat_id, verdict.faq_id)
        return
    assert context.profile is not None
    draft_id = await askstaff.keep_draft(context, chat_id, message.text)
    ask_button = InlineKeyboardButton(t("qa-ask-staff"), callback_data=f"ask:send:{draft_id}")
    if verdict.kind is Kind.SUGGEST:
        rows = [
            [InlineKeyboardButton(entry.title.get(t.lang), callback_data=f"qa:faq:{entry.id}")]
            for entry in suggestion_entries(services.matcher, verdict.suggestions)
        ]
        rows.append([ask_button])
        await context.bot.send_message(
            chat_id, t("qa-did-you-mean"), reply_markup=InlineKeyboardMarkup(rows)
        )
        return
    await context.bot.send_message(
        chat_id, t("qa-no-answer"), reply_markup=InlineKeyboardMarkup([[ask_button]])
    )


async def send_faq(context: FrontdeskContext, chat_id: int, faq_id: str) -> bool:
    """Send one FAQ entry's answer; ``False`` if there is no such entry."""
    entry = services_of(context).matcher.faq_entry(faq_id)
    if entry is None:
        return False
    t = context.t
    await context.bot.send_message(
        chat_id,
        t("qa-faq-answer", title=entry.title.get(t.lang), answer=entry.answer.get(t.lang)),
    )
    return True


async def pick_suggestion(update: Update, context: FrontdeskContext) -> None:
    """A "did you mean…" button: answer that FAQ entry."""
    query = update.callback_query
    assert query is not None
    match = FAQ_CALLBACK.fullmatch(query.data or "")
    chat = update.effective_chat
    if match is None or chat is None or not await send_faq(context, chat.id, match.group(1)):
        await query.answer(context.t("button-invalid"), show_alert=True)
        return
    await query.answer()


def install(app: FrontdeskApplication) -> None:
    """Free text (private chats) and the suggestion buttons; runs before the fallbacks."""
    runtime = app.bot_data.runtime
    understood = _Understood(app.bot_data.services.get(HoursServices).matcher, runtime)
    app.add_handler(
        MessageHandler(
            filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE & understood, answer_text
        )
    )
    app.add_handler(CallbackQueryHandler(pick_suggestion, pattern=r"^qa:faq:"))


MANIFEST = Manifest(name="questions", install=install, commands=COMMANDS)
