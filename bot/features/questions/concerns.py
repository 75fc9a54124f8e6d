"""Replies to a question the bot must not answer itself (:class:`Concern`): an emergency ("call
120" first), medicine (a doctor, the health station), a person asked for (the conversation with
staff opens), a favour (a person decides: the offer to pass it on)."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.callbacks import encode
from bot.context import FrontdeskContext
from bot.features.askstaff import desk, tickets
from bot.features.askstaff import handlers as askstaff
from bot.features.askstaff.buttons import SendDraft
from bot.features.hours.handlers import load_book, now_local, services_of
from bot.features.hours.text import venue_info_text
from bot.i18n import Translator
from bot.understanding.concerns import HEALTH_STATION, Concern, wants_person
from bot.understanding.normalise import normalise

_HEALTH_TEXTS = {Concern.EMERGENCY: "qa-emergency", Concern.MEDICINE: "qa-medicine"}


async def reply(
    update: Update, context: FrontdeskContext, t: Translator, concern: Concern, text: str
) -> None:
    """Answer ``text`` (the resident's words) as its concern requires."""
    chat = update.effective_chat
    assert chat is not None
    if concern is Concern.PERSON:
        runtime = context.runtime
        if (
            desk.helpdesk_on(runtime)
            and not wants_person(normalise(text))
            and len(text) <= runtime.settings.helpdesk.max_text
        ):  # "机器人听不懂 帮我转人工": the conversation opens with the resident's words
            first = tickets.Incoming("text", text, None, chat.id, None)
            await desk.open_conversation(update, context, first)
        else:  # "转人工" alone: as /ask (or the poster's link) does
            await askstaff.ask_link(update, context)
        return
    if concern is Concern.FAVOUR:
        draft_id = await askstaff.keep_draft(context, chat.id, text)
        button = InlineKeyboardButton(t("qa-ask-staff"), callback_data=encode(SendDraft(draft_id)))
        await context.bot.send_message(
            chat.id, t("qa-favour"), reply_markup=InlineKeyboardMarkup([[button]])
        )
        return
    # an emergency or medicine: what to do first, then the health station's details (no
    # button: the front desk is no help here, and at night nobody is there)
    lines = [t(_HEALTH_TEXTS[concern])]
    runtime = context.runtime
    venue = runtime.centre.venue(HEALTH_STATION)
    if venue is not None:
        now = now_local(runtime)
        book = await load_book(runtime, services_of(context), now.date())
        lines.append(venue_info_text(t, book, venue, now))
    await context.bot.send_message(chat.id, "\n\n".join(lines))
