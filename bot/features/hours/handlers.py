"""/hours and the menu button: every venue now, a venue's week; staff closures and special
hours (their handlers: :mod:`.staff`)."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.callbacks import encode
from bot.centre import Venue
from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.features.hours import links, staff
from bot.features.hours.buttons import (
    AllVenues,
    AllVenuesIn,
    BookingCancel,
    BookingCancelAll,
    BookingKeep,
    BookingKeepAll,
    ConfirmWithdraw,
    ExceptionConfirm,
    ExceptionDrop,
    ExceptionNoReason,
    ExceptionVenue,
    ExceptionVenuePage,
    KeepException,
    VenuePin,
    Week,
    WeekFrom,
    WeekIn,
    Withdraw,
    WithdrawPage,
    day_of,
)
from bot.features.hours.shared import HoursServices, now_local, services_of, venue_named
from bot.features.hours.text import overview_text, week_text
from bot.i18n import Translator
from bot.manifest import Manifest
from bot.runtime import Runtime
from bot.services.hours import HoursBook
from bot.tg.buttons import matches, on, pressed_any
from bot.tg.deeplink import on_start
from bot.tg.forms import Form
from bot.tg.reply import edit, send
from bot.understanding.matcher import QuestionMatcher

__all__ = ["HoursServices", "load_book", "now_local", "services_of", "venue_buttons"]

log = logging.getLogger(__name__)


WEEK_AHEAD_DAYS = 400  # a week view of a date further ahead is a forged button

COMMANDS = [
    CommandSpec("hours", "cmd-hours"),
    CommandSpec("closure", "cmd-closure", role="staff"),
    CommandSpec("special", "cmd-special", role="staff"),
    CommandSpec("exceptions", "cmd-exceptions", role="staff"),
    CommandSpec("unexception", "cmd-unexception", role="staff"),
]


async def load_book(runtime: Runtime, services: HoursServices, today: date) -> HoursBook:
    """The centre's hours with the staff exceptions, from this instance's cache."""
    return await runtime.hours.book(today)


def venue_buttons(t: Translator, runtime: Runtime) -> InlineKeyboardMarkup:
    buttons = [
        InlineKeyboardButton(
            venue.name.get(t.lang), callback_data=encode(WeekIn(venue.id, 0, t.lang))
        )
        for venue in runtime.centre.venues
    ]
    return InlineKeyboardMarkup([buttons[i : i + 2] for i in range(0, len(buttons), 2)])


def week_buttons(
    t: Translator, venues: Sequence[Venue], day: date | None = None
) -> InlineKeyboardMarkup:
    """The 📅 buttons under an answer, one row per place named: each venue's week from the day
    asked about ("食堂和健身房明天开吗" gets both weeks, not only the canteen's)."""
    rows = []
    for venue in venues:
        label = t("hours-week-button", venue=venue.name.get(t.lang))
        data = WeekIn(venue.id, 0 if day is None else int(f"{day:%Y%m%d}"), t.lang)
        rows.append([InlineKeyboardButton(label, callback_data=encode(data))])
    return InlineKeyboardMarkup(rows)


def _week_start(press: Week | WeekFrom | WeekIn, today: date) -> date | None:
    """The first day of the week view: the asked day if it is ahead, else today."""
    if isinstance(press, Week) or (isinstance(press, WeekIn) and press.day == 0):
        return today
    asked = day_of(press.day)
    if asked > today + timedelta(days=WEEK_AHEAD_DAYS):
        return None
    return max(asked, today)


async def show_hours(update: Update, context: FrontdeskContext) -> None:
    """Every venue: open now or not, today's hours, and when it next opens."""
    if update.effective_chat is None:
        return
    text, markup = await overview_message(context)
    await send(context.bot, update.effective_chat.id, text, markup)


async def hours_command(update: Update, context: FrontdeskContext) -> None:
    """/hours: every venue; ``/hours 食堂`` (a venue's name or alias, in either language):
    that venue's week. (The menu button and ``/start hours`` take no venue.)"""
    chat = update.effective_chat
    asked = " ".join(context.args or []).strip()
    if chat is None or not asked:
        await show_hours(update, context)
        return
    runtime = context.runtime
    venue = venue_named(runtime, services_of(context), asked)
    if venue is None:
        await context.bot.send_message(chat.id, context.t("hours-unknown-venue", venue=asked[:40]))
        await show_hours(update, context)
        return
    today = now_local(runtime).date()
    book = await load_book(runtime, services_of(context), today)
    text = week_text(context.t, book, venue, today, today=today)
    await send(context.bot, chat.id, text, links.week_markup(context.t, venue))


async def overview_message(context: FrontdeskContext) -> tuple[str, InlineKeyboardMarkup]:
    """The ``/hours`` message and its buttons, made at most once a minute per language."""
    runtime, services, t = context.runtime, services_of(context), context.t
    minute = now_local(runtime).replace(second=0, microsecond=0)
    book = await load_book(runtime, services, minute.date())
    return services.messages.get(
        ("overview", t.lang),
        runtime.hours.generation,
        minute,
        lambda: (overview_text(t, book, minute), venue_buttons(t, runtime)),
    )


async def show_week(update: Update, context: FrontdeskContext) -> None:
    """A venue's next seven days, with holidays and exceptions marked; in the language of the
    answer its button sat under (an older button: the profile's)."""
    query = update.callback_query
    assert query is not None
    press = pressed_any(update, WeekIn, Week, WeekFrom)
    assert isinstance(press, WeekIn | Week | WeekFrom)
    if isinstance(press, WeekIn):
        context.reply_language = press.lang
    runtime = context.runtime
    now = now_local(runtime)
    venue = runtime.centre.venue(press.venue_id)
    first = _week_start(press, now.date())
    if venue is None or first is None:
        await query.answer(context.t("button-invalid"), show_alert=True)
        return
    await query.answer()
    book = await load_book(runtime, services_of(context), now.date())
    back = links.week_markup(context.t, venue)
    await edit(update, week_text(context.t, book, venue, first, today=now.date()), back)


async def show_all_again(update: Update, context: FrontdeskContext) -> None:
    """Back from a venue's week to the overview (in the week's language)."""
    query = update.callback_query
    assert query is not None
    press = pressed_any(update, AllVenuesIn, AllVenues)
    if isinstance(press, AllVenuesIn):
        context.reply_language = press.lang
    await query.answer()
    await edit(update, *await overview_message(context))


def build_services(app: FrontdeskApplication) -> HoursServices:
    """The calendar and the question matcher, built once per application."""
    runtime = app.bot_data.runtime
    calendar = runtime.hours.calendar
    return HoursServices(calendar, QuestionMatcher(runtime.centre, calendar))


def install(app: FrontdeskApplication) -> None:
    """Commands and buttons (the main menu's hours button is in the manifest)."""
    app.add_handlers([on_start("hours", show_hours), on_start("venue", links.venue_link)])
    app.add_handler(on(VenuePin, links.pin_pressed))
    app.add_handler(CommandHandler("hours", hours_command))
    app.add_handler(_exception_form())
    app.add_handler(CommandHandler("exceptions", staff.list_exceptions))
    app.add_handler(CommandHandler("unexception", staff.remove_exception))
    app.add_handler(CallbackQueryHandler(show_week, pattern=matches(WeekIn, Week, WeekFrom)))
    app.add_handler(CallbackQueryHandler(show_all_again, pattern=matches(AllVenuesIn, AllVenues)))
    app.add_handler(on(Withdraw, staff.withdraw_pressed))
    app.add_handler(on(WithdrawPage, staff.withdraw_page))
    app.add_handler(on(ConfirmWithdraw, staff.withdraw_confirmed))
    app.add_handler(on(KeepException, staff.withdraw_kept))
    app.add_handler(on(BookingCancel, staff.booking_cancel))
    app.add_handler(on(BookingKeep, staff.booking_keep))
    app.add_handler(on(BookingCancelAll, staff.booking_cancel_all))
    app.add_handler(on(BookingKeepAll, staff.booking_keep_all))


def _exception_form() -> Form:
    """/closure and /special: the venue, the days, the hours, a reason, the preview."""
    text = filters.TEXT & ~filters.COMMAND
    other = ~filters.TEXT & ~filters.COMMAND & ~filters.StatusUpdate.ALL
    fallbacks: list[BaseHandler[Update, FrontdeskContext, Any]] = [
        CommandHandler("cancel", staff.stop),
        MessageHandler(other, staff.not_text),
    ]
    with warnings.catch_warnings():
        # per_message=False: one form per chat and person, its buttons on several messages.
        warnings.simplefilter("ignore", PTBUserWarning)
        return Form(
            entry_points=[
                CommandHandler("closure", staff.start_closure),
                CommandHandler("special", staff.start_special),
            ],
            states={
                staff.ASK_VENUE: [
                    MessageHandler(text, staff.venue_typed),
                    CallbackQueryHandler(staff.venue_pressed, pattern=matches(ExceptionVenue)),
                    CallbackQueryHandler(staff.venue_page, pattern=matches(ExceptionVenuePage)),
                ],
                staff.ASK_DATES: [MessageHandler(text, staff.dates_typed)],
                staff.ASK_HOURS: [MessageHandler(text, staff.hours_typed)],
                staff.ASK_REASON: [
                    MessageHandler(text, staff.reason_typed),
                    CallbackQueryHandler(staff.no_reason, pattern=matches(ExceptionNoReason)),
                ],
                staff.CONFIRM: [
                    CallbackQueryHandler(staff.confirm, pattern=matches(ExceptionConfirm)),
                    CallbackQueryHandler(staff.drop, pattern=matches(ExceptionDrop)),
                    MessageHandler(text, staff.press_a_button),
                ],
            },
            fallbacks=fallbacks,
            allow_reentry=True,
            name=staff.FORM_NAME,
            keyboard=staff.step_keyboard,
            restart=staff.restart_command,
        )


MANIFEST = Manifest(
    name="hours",
    install=install,
    commands=COMMANDS,
    menu_actions={"hours": show_hours},
    services=[build_services],
    # /unexception's list of closures; the venue and the Publish of /closure and /special;
    # cancelling or keeping the classes and events booked where a venue closes.
    buttons={
        Withdraw: "staff",
        WithdrawPage: "staff",
        ConfirmWithdraw: "staff",
        KeepException: "staff",
        ExceptionVenue: "staff",
        ExceptionConfirm: "staff",
        BookingCancel: "staff",
        BookingKeep: "staff",
        BookingCancelAll: "staff",
        BookingKeepAll: "staff",
    },
)
