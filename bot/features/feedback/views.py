"""The feedback feature's shared views: conversation states, button data, form and keyboards."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from telegram import (
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
)
from telegram.error import TelegramError

from bot.context import FrontdeskContext
from bot.features.feedback import service as feedback
from bot.features.feedback.service import Draft
from bot.i18n import Translator

log = logging.getLogger(__name__)


# Conversation states of the resident's form, and of a staff member's answer.
RATING, TAGS, COMMENT, PHOTOS, ANONYMITY, CONFIRM = range(6)


STAFF_ANSWER = 10


FORM_KEY = "feedback_form"


ANSWER_KEY = "feedback_answer_to"


DIGEST_JOB = "feedback-digest"


DIGEST_TICK_SECONDS = 60


DIGEST_PRESETS = ("07:00", "12:30", "18:00", "20:30", "21:30")


_ID = r"(\d{1,18})"


MEAL_DATA = re.compile(r"^feedback:meal:(breakfast|lunch|dinner)$")


STARS_DATA = re.compile(r"^feedback:stars:([1-5])$")


TAG_DATA = re.compile(r"^feedback:tag:([a-z][a-z0-9_]{0,23})$")


REPLY_DATA = re.compile(rf"^feedback:reply:{_ID}$")


RESOLVE_DATA = re.compile(rf"^feedback:resolve:{_ID}$")


PHOTOS_DATA = re.compile(rf"^feedback:photos:{_ID}$")


DSET_DATA = re.compile(r"^feedback:dset:(on|off|[0-2]\d[0-5]\d)$")


@dataclass
class Form:
    """The resident's answers so far (in memory until they confirm)."""

    meal: str
    stars: int = 0
    tags: list[str] = field(default_factory=list)
    comment: str | None = None
    photos: list[str] = field(default_factory=list)
    anonymous: bool = False

    def draft(self) -> Draft:
        return Draft(
            meal=self.meal,
            stars=self.stars,
            tags=tuple(self.tags),
            comment=self.comment,
            photos=tuple(self.photos),
            anonymous=self.anonymous,
        )


def _form(context: FrontdeskContext) -> Form | None:
    form = (context.user_data or {}).get(FORM_KEY)
    return form if isinstance(form, Form) else None


def _button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=data)


def _cancel_row(t: Translator) -> list[InlineKeyboardButton]:
    return [_button(t("feedback-button-cancel"), "feedback:cancel:go")]


def _rating_keyboard(t: Translator, form: Form) -> InlineKeyboardMarkup:
    meals = [
        _button(
            t("feedback-meal-selected", meal=t(f"feedback-meal-{meal}"))
            if meal == form.meal
            else t(f"feedback-meal-{meal}"),
            f"feedback:meal:{meal}",
        )
        for meal in feedback.MEALS
    ]
    stars = [[_button(t(f"feedback-star-{n}"), f"feedback:stars:{n}")] for n in range(5, 0, -1)]
    return InlineKeyboardMarkup([meals, *stars, _cancel_row(t)])


def _tags_keyboard(t: Translator, form: Form, tags: list[str]) -> InlineKeyboardMarkup:
    buttons = []
    for tag in tags:
        label = feedback.tag_label(t, tag)
        if tag in form.tags:
            label = t("feedback-tag-selected", label=label)
        buttons.append(_button(label, f"feedback:tag:{tag}"))
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    rows.append([_button(t("feedback-button-next"), "feedback:next:tags")])
    rows.append(_cancel_row(t))
    return InlineKeyboardMarkup(rows)


def _one_row(t: Translator, *buttons: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[_button(t(key), data) for key, data in buttons], _cancel_row(t)])


async def _edit(update: Update, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Turn the pressed message into the next step (a failed edit is not worth an error)."""
    query = update.callback_query
    assert query is not None
    try:
        await query.edit_message_text(text, reply_markup=markup)
    except TelegramError as exc:
        log.debug("feedback form not edited: %s", exc)


async def _send(
    update: Update,
    context: FrontdeskContext,
    text: str,
    markup: InlineKeyboardMarkup | ForceReply | None = None,
) -> Message | None:
    if update.effective_chat is None:
        return None
    return await context.bot.send_message(update.effective_chat.id, text, reply_markup=markup)
