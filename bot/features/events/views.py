"""Events' shared views: conversation states and the event card."""

from __future__ import annotations

from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import dates
from bot.callbacks import encode
from bot.context import FrontdeskContext
from bot.features.events import service as events
from bot.features.events.buttons import (
    AcceptOffer,
    DeclineOffer,
    EventCalendar,
    JoinEvent,
    JoinWithCompanions,
    LeaveEvent,
    ShowEvent,
)
from bot.i18n import Translator

# Conversation states (named, as in PTB's examples).
TITLE_ZH, TITLE_EN, DESCRIPTION_ZH, DESCRIPTION_EN, VENUE, START, END, CAPACITY = range(8)


EDIT_FIELD, EDIT_VALUE = range(8, 10)


PREVIEW = 10  # the new event shown as residents will see it, before it is published
COMPANIONS = 11  # how many companions one sign-up may bring (asked after the seats)
EDIT_AGAIN = 12  # a field was saved: the field menu again, for the next one or "Done"


def _notices(context: FrontdeskContext) -> events.Notices:
    return events.Notices(context.runtime.catalog, context.runtime.centre)


def _when(context: FrontdeskContext, moment: datetime) -> str:
    """ "3月7日（周日）14:00" / "Sun 7 Mar 14:00": the project's date style (``bot.dates``)."""
    return dates.day_and_time(moment, context.runtime.centre.zone, context.language)


def _mine_line(t: Translator, view: events.EventView, when: str) -> str | None:
    if view.mine == events.ACTIVE:
        if view.party > 1:
            return t("events-you-are-in-party", party=view.party)
        return t("events-you-are-in")
    if view.mine == events.WAITLISTED:
        return t("events-mine-waitlisted", position=view.position, party=view.party)
    if view.mine == events.OFFERED:
        return t("events-mine-offered", deadline=when, party=view.party)
    return None


def standing(context: FrontdeskContext, view: events.EventView) -> str | None:
    """ "✅ 您已报名。", "⏳ 您在候补名单第 2 位…": the reader's place at the event, if any."""
    deadline = view.offer_expires_at
    when = _when(context, deadline) if deadline else ""
    return _mine_line(context.t, view, when)


# The list's button for an event the reader holds a place at, waits for or is offered.
_LIST_BUTTON_KEYS = {
    events.ACTIVE: "events-button-joined",
    events.WAITLISTED: "events-button-waitlisted",
    events.OFFERED: "events-button-offered",
}


def list_button(context: FrontdeskContext, view: events.EventView) -> InlineKeyboardButton:
    """An event in a list (/events, /myevents): its time and title, marked when it is the
    reader's ("✅ 已报名 · …"); the card opens as a new message."""
    key = _LIST_BUTTON_KEYS.get(view.mine or "", "events-button")
    text = context.t(
        key, when=_when(context, view.starts_at), title=view.title(context.language)[:40]
    )
    return InlineKeyboardButton(text, callback_data=encode(ShowEvent(view.id)))


def _join_buttons(t: Translator, view: events.EventView) -> list[InlineKeyboardButton]:
    """Sign up (or join the waitlist) alone, "+1", "+2"… up to the event's limit."""
    wait = view.full
    buttons = [
        InlineKeyboardButton(
            t("events-btn-waitlist" if wait else "events-btn-join"),
            callback_data=encode(JoinEvent(view.id)),
        )
    ]
    for companions in range(1, view.companions_max + 1):
        if view.capacity is not None and companions + 1 > view.capacity:
            break
        buttons.append(
            InlineKeyboardButton(
                t("events-btn-companions", companions=companions),
                callback_data=encode(JoinWithCompanions(view.id, companions)),
            )
        )
    return buttons


# Over 60 lines on purpose: the resident's card, top to bottom, with the buttons their standing
# allows.
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
            venue=venue.name.get(lang) if venue else view.venue_id,
            description=view.description(lang),
        ),
        "",
        t("events-seats-limited", taken=view.taken, capacity=view.capacity)
        if view.capacity is not None
        else t("events-seats-open", taken=view.taken),
    ]
    open_now = view.open_at(now)
    if open_now and view.full and view.mine is None:
        lines.append(t("events-card-full", waiting=view.waiting))
    if view.status == events.CANCELLED:
        lines.append(t("events-status-cancelled"))
    elif view.starts_at <= now:
        lines.append(t("events-status-ended" if view.ends_at <= now else "events-status-past"))
    else:
        mine = standing(context, view)
        if mine:
            lines.append(mine)
    if context.profile is not None and context.profile.has_role("staff"):
        lines.append(t("events-staff-line", id=view.id))
    rows: list[list[InlineKeyboardButton]] = []
    if open_now:
        if view.mine == events.OFFERED and view.offer_id is not None:
            rows.append(
                [
                    InlineKeyboardButton(
                        t("events-btn-accept"), callback_data=encode(AcceptOffer(view.offer_id))
                    ),
                    InlineKeyboardButton(
                        t("events-btn-decline"),
                        callback_data=encode(DeclineOffer(view.offer_id)),
                    ),
                ]
            )
        elif view.mine is not None:
            waiting = view.mine == events.WAITLISTED
            key = "events-btn-leave-waitlist" if waiting else "events-btn-leave"
            rows.append([InlineKeyboardButton(t(key), callback_data=encode(LeaveEvent(view.id)))])
        else:
            rows.append(_join_buttons(t, view))
    if view.status != events.CANCELLED and view.starts_at > now:  # else nothing left to plan
        rows.append(
            [
                InlineKeyboardButton(
                    t("events-btn-ics"), callback_data=encode(EventCalendar(view.id))
                )
            ]
        )
    return "\n".join(lines), InlineKeyboardMarkup(rows)
