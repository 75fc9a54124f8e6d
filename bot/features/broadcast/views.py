"""Broadcasts' shared views: conversation states, button data, the draft and its preview parts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, MessageEntity, Update

from bot import dates
from bot.callbacks import encode
from bot.context import FrontdeskContext
from bot.features.broadcast import service
from bot.features.broadcast.buttons import SkipStep
from bot.i18n import Translator

ZH, PHOTO, EN, AUDIENCE, PARAM, URGENT, WHEN, CONFIRM, VALID = range(9)


FORMATTING = {
    MessageEntity.BOLD,
    MessageEntity.ITALIC,
    MessageEntity.UNDERLINE,
    MessageEntity.STRIKETHROUGH,
    MessageEntity.SPOILER,
    MessageEntity.CODE,
    MessageEntity.PRE,
    MessageEntity.TEXT_LINK,
    MessageEntity.BLOCKQUOTE,
    MessageEntity.EXPANDABLE_BLOCKQUOTE,
}


@dataclass(slots=True)
class Composing:
    """What a staff member has composed so far (the conversation's draft)."""

    text_zh: str = ""
    text_en: str | None = None
    photo: str | None = None
    audience: str | None = None
    audience_param: str | None = None
    urgent: bool = False
    when: datetime | None = None
    valid_until: datetime | None = None  # None: never expires
    valid_chosen: bool = False  # set by staff (else suggested from the dates in the text)


def _draft(context: FrontdeskContext) -> Composing:
    return context.drafts.get(Composing) or context.drafts.put(Composing())


def html_source(message: Message) -> str:
    """What staff wrote, as Telegram HTML.

    Formatting made with the app (bold, links…) arrives as entities and is converted; a text
    without such entities is taken as HTML typed by hand (``<b>…</b>``).
    """
    text = message.text if message.text is not None else message.caption or ""
    entities = message.entities if message.text is not None else message.caption_entities
    if any(entity.type in FORMATTING for entity in entities):
        return message.text_html if message.text is not None else message.caption_html
    return text


def _skip_markup(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(t("broadcast-skip"), callback_data=encode(SkipStep()))]]
    )


def _as_draft(draft: Composing) -> service.Draft:
    return service.Draft(
        text_zh=draft.text_zh,
        text_en=draft.text_en,
        photo_file_id=draft.photo,
        audience=draft.audience or "everyone",
        audience_param=draft.audience_param,
        urgent=draft.urgent,
        when=draft.when,
        valid_until=draft.valid_until,
    )


async def _send_version(update: Update, text: str, photo: str | None) -> None:
    """One version exactly as residents will receive it."""
    chat = update.effective_chat
    assert chat is not None
    bot = update.get_bot()
    if photo is not None:
        await bot.send_photo(chat.id, photo, caption=text)
    else:
        await bot.send_message(chat.id, text)


def _local(context: FrontdeskContext, when: datetime) -> str:
    """ "12月3日（周四）19:00" / "Thu 3 Dec 19:00": as staff read a day, not an ISO stamp."""
    return dates.day_and_time(when, context.runtime.centre.zone, context.language)


async def _audience_label(context: FrontdeskContext, draft: service.Draft) -> str:
    spec = service.AUDIENCES[draft.audience]
    label = context.t(spec.label_key)
    if draft.audience_param is not None and spec.options is not None:
        async with context.runtime.db.read() as session:
            options = dict(await spec.options(session, context.t))
        chosen = options.get(draft.audience_param, draft.audience_param)
        label = context.t("broadcast-audience-chosen", audience=label, choice=chosen)
    return label


def _duration(t: Translator, seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return t("broadcast-seconds", n=seconds)
    return t("broadcast-minutes", m=seconds // 60, s=seconds % 60)
