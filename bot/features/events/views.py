"""Events' shared views: conversation states and the event card."""

from __future__ import annotations

from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import dates
from bot.callbacks import encode
from bot.context import FrontdeskContext
from bot.features.events import service as events
from bot.features.events.buttons import EventCalendar, JoinEvent, LeaveEvent
from bot.i18n import Translator

# Conversation states (named, as in PTB's examples).
TITLE_ZH, TITLE_EN, DESCRIPTION_ZH, DESCRIPTION_EN, VENUE, START, END, CAPACITY = range(8)


EDIT_FIELD, EDIT_VALUE = range(8, 10)


PREVIEW = 10  # the new event shown as residents will see it, before it is published


def _notices(context: FrontdeskContext) -> events.Notices:
    return events.Notices(context.runtime.catalog, context.runtime.centre)


def _when(context: FrontdeskContext, moment: datetime) -> str:
    return f"{moment.astimezone(context.runtime.centre.zone):%Y-%m-%d %H:%M}"


def card(
    context: FrontdeskContext, view: events.EventView, now: datetime
) -> tuple[str, InlineKeyboardMarkup]:
    """An event's card in the reader's language, with the buttons that apply now."""
    t: Translator = context.t
    lang = context.language
    zone = context.runtime.centre.zone
    venue = context.runtime.centre.venue(view.venue_id)
    lines = [
        t(
            "events-card",
            title=view.title(lang),
            when=_when(context, view.starts_at),
            end=f"{view.ends_at.astimezone(zone):%H:%M}",
            weekday=dates.weekday(view.starts_at.astimezone(zone), lang),
            venue=venue.name.get(lang) if venue else view.venue_id,
            description=view.description(lang),
        ),
        "",
        t("events-seats-limited", taken=view.taken, capacity=view.capacity)
        if view.capacity is not None
        else t("events-seats-open", taken=view.taken),
    ]
    if view.status == events.CANCELLED:
        lines.append(t("events-status-cancelled"))
    elif view.starts_at <= now:
        lines.append(t("events-status-past"))
    elif view.signed_up:
        lines.append(t("events-you-are-in"))
    if context.profile is not None and context.profile.has_role("staff"):
        lines.append(t("events-staff-line", id=view.id))
    buttons = []
    if view.open_at(now):
        if view.signed_up:
            buttons.append(
                InlineKeyboardButton(
                    t("events-btn-leave"), callback_data=encode(LeaveEvent(view.id))
                )
            )
        else:
            buttons.append(
                InlineKeyboardButton(t("events-btn-join"), callback_data=encode(JoinEvent(view.id)))
            )
    buttons.append(
        InlineKeyboardButton(t("events-btn-ics"), callback_data=encode(EventCalendar(view.id)))
    )
    return "\n".join(lines), InlineKeyboardMarkup([buttons])
