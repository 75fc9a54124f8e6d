"""The feedback feature's shared views: conversation states, button data, form and keyboards."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
)

from bot import dates
from bot.callbacks import Callback, encode
from bot.context import FrontdeskContext
from bot.features.feedback import service as feedback
from bot.features.feedback.buttons import CancelForm, KeepAsked, Meal, Stars, Tag, TagsDone
from bot.features.feedback.service import Draft, meal_label
from bot.i18n import Translator

log = logging.getLogger(__name__)


# Conversation states of the resident's form, and of a staff member's answer.
RATING, TAGS, COMMENT, PHOTOS, ANONYMITY, CONFIRM = range(6)


STAFF_ANSWER = 10


DIGEST_JOB = "feedback-digest"


DIGEST_PRESETS = ("07:00", "12:30", "18:00", "20:30", "21:30")


@dataclass
class Form:
    """The resident's answers so far (in memory until they confirm)."""

    meal: str
    stars: int = 0
    tags: list[str] = field(default_factory=list)
    comment: str | None = None
    photos: list[str] = field(default_factory=list)
    anonymous: bool = False
    day: date | None = None  # the meal's day when not today (the canteen is closed today)
    # Typed before the stars, read as a question ("食堂几点开门"): kept out of the comment
    # until the resident says it belongs there.
    asked: str | None = None

    def add_words(self, words: str, limit: int) -> str:
        """Add a message's words to the comment, on a line of their own (residents often
        type in several short messages); at most ``limit`` characters. The whole comment."""
        joined = "\n".join(part for part in (self.comment, words) if part)
        self.comment = joined[:limit].rstrip() or None
        return joined

    def draft(self) -> Draft:
        return Draft(
            meal=self.meal,
            stars=self.stars,
            tags=tuple(self.tags),
            comment=self.comment,
            photos=tuple(self.photos),
            anonymous=self.anonymous,
            day=self.day,
        )


def start_text(t: Translator, form: Form) -> str:
    """The form's question: about today's meal, or about the day it names (the canteen is
    closed today: the last day it was open)."""
    meal = meal_label(t, form.meal)
    if form.day is None:
        return t("feedback-start", meal=meal)
    return t("feedback-start-day", meal=meal, day=dates.day(form.day, t.lang))


@dataclass(frozen=True, slots=True)
class Said:
    """What the resident wrote when the form was offered ("我要投诉食堂的菜太咸了"): the
    comment, when they open the form from that offer, so none of their words is lost."""

    text: str


@dataclass(frozen=True, slots=True)
class StaffAnswer:
    """A staff member is writing the answer to a resident's feedback."""

    feedback_id: int


def _form(context: FrontdeskContext) -> Form | None:
    return context.drafts.get(Form)


def _button(text: str, data: Callback) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=encode(data))


def _cancel_row(t: Translator) -> list[InlineKeyboardButton]:
    return [_button(t("feedback-button-cancel"), CancelForm())]


def _rating_keyboard(
    t: Translator, form: Form, *, keep_asked: bool = False
) -> InlineKeyboardMarkup:
    meals = [
        _button(
            t("feedback-meal-selected", meal=meal_label(t, meal))
            if meal == form.meal
            else meal_label(t, meal),
            Meal(meal),
        )
        for meal in feedback.MEALS
    ]
    stars = [[_button(t(feedback.STAR_TEXTS[n]), Stars(n))] for n in range(5, 0, -1)]
    keep = [[_button(t("feedback-button-keep-asked"), KeepAsked())]] if keep_asked else []
    return InlineKeyboardMarkup([meals, *stars, *keep, _cancel_row(t)])


def _tags_keyboard(t: Translator, form: Form, tags: list[str]) -> InlineKeyboardMarkup:
    buttons = []
    for tag in tags:
        label = feedback.tag_label(t, tag)
        if tag in form.tags:
            label = t("feedback-tag-selected", label=label)
        buttons.append(_button(label, Tag(tag)))
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    rows.append([_button(t("feedback-button-next"), TagsDone())])
    rows.append(_cancel_row(t))
    return InlineKeyboardMarkup(rows)


def _one_row(t: Translator, *buttons: tuple[str, Callback]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[_button(t(key), data) for key, data in buttons], _cancel_row(t)])
