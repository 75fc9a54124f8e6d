"""Broadcasts' shared views: conversation states, button data, the draft and its preview parts."""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, MessageEntity, Update

from bot.callbacks import encode
from bot.context import FrontdeskContext
from bot.features.broadcast import service
from bot.features.broadcast.buttons import SkipStep
from bot.i18n import Translator

DRAFT_KEY = "broadcast_draft"


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


def _draft(context: FrontdeskContext) -> dict[str, Any]:
    data = context.user_data
    assert data is not None
    draft = data.setdefault(DRAFT_KEY, {})
    assert isinstance(draft, dict)
    return draft


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


def _as_draft(draft: dict[str, Any]) -> service.Draft:
    return service.Draft(
        text_zh=draft["text_zh"],
        text_en=draft.get("text_en"),
        photo_file_id=draft.get("photo"),
        audience=draft.get("audience", "everyone"),
        audience_param=draft.get("audience_param"),
        urgent=bool(draft.get("urgent")),
        when=draft.get("when"),
        valid_until=draft.get("valid_until"),
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


def _local(context: FrontdeskContext, when: Any) -> str:
    return str(when.astimezone(context.runtime.centre.zone).strftime("%Y-%m-%d %H:%M"))


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
