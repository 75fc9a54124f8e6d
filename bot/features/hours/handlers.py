"""/hours and the menu button: every venue now, a venue's week; staff closures and special hours."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.callbacks import encode
from bot.centre import Venue
from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.features.hours import links
from bot.features.hours import service as hours_service
from bot.features.hours.buttons import AllVenues, VenuePin, Week, WeekFrom, Withdraw, day_of
from bot.features.hours.reasons import is_chinese
from bot.features.hours.service import ExceptionError
from bot.features.hours.text import (
    REFUSAL_TEXTS,
    date_text,
    intervals_text,
    overview_text,
    week_text,
)
from bot.i18n import Translator
from bot.manifest import Manifest
from bot.runtime import Runtime
from bot.services import audit
from bot.services.holiday_calendar import HolidayCalendar
from bot.services.hours import HoursBook, StaffException
from bot.tg.buttons import matches, on, pressed_any
from bot.tg.deeplink import on_start
from bot.tg.guards import require_role
from bot.tg.reply import edit, reply
from bot.understanding.matcher import QuestionMatcher, find_day, fold

log = logging.getLogger(__name__)


WEEK_AHEAD_DAYS = 400  # a week view of a date further ahead is a forged button
_RANGE_SPLIT = re.compile(r"\.\.|~|～|至|到")

COMMANDS = [
    CommandSpec("hours", "cmd-hours"),
    CommandSpec("closure", "cmd-closure", role="staff"),
    CommandSpec("special", "cmd-special", role="staff"),
    CommandSpec("exceptions", "cmd-exceptions", role="staff"),
    CommandSpec("unexception", "cmd-unexception", role="staff"),
]


@dataclass(frozen=True)
class HoursServices:
    """Built once per application from the centre's data."""

    calendar: HolidayCalendar
    matcher: QuestionMatcher


def services_of(context: FrontdeskContext) -> HoursServices:
    return context.services.get(HoursServices)


def now_local(runtime: Runtime) -> datetime:
    return runtime.clock.now().astimezone(runtime.centre.zone)


async def load_book(runtime: Runtime, services: HoursServices, today: date) -> HoursBook:
    """The centre's hours with the staff exceptions, from this instance's cache."""
    return await runtime.hours.book(today)


def venue_buttons(t: Translator, runtime: Runtime) -> InlineKeyboardMarkup:
    buttons = [
        InlineKeyboardButton(venue.name.get(t.lang), callback_data=encode(Week(venue.id)))
        for venue in runtime.centre.venues
    ]
    return InlineKeyboardMarkup([buttons[i : i + 2] for i in range(0, len(buttons), 2)])


def week_button(
    t: Translator, venue_id: str, name: str, day: date | None = None
) -> InlineKeyboardMarkup:
    """The 📅 button under an answer: the venue's week from the day asked about."""
    label = t("hours-week-button", venue=name)
    data = Week(venue_id) if day is None else WeekFrom(venue_id, int(f"{day:%Y%m%d}"))
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=encode(data))]])


def _week_start(press: Week | WeekFrom, today: date) -> date | None:
    """The first day of the week view: the asked day if it is ahead, else today."""
    if isinstance(press, Week):
        return today
    asked = day_of(press.day)
    if asked > today + timedelta(days=WEEK_AHEAD_DAYS):
        return None
    return max(asked, today)


async def show_hours(update: Update, context: FrontdeskContext) -> None:
    """Every venue: open now or not, today's hours, and when it next opens."""
    if update.effective_chat is None:
        return
    runtime = context.runtime
    now = now_local(runtime)
    book = await load_book(runtime, services_of(context), now.date())
    await context.bot.send_message(
        update.effective_chat.id,
        overview_text(context.t, book, now),
        reply_markup=venue_buttons(context.t, runtime),
    )


async def show_week(update: Update, context: FrontdeskContext) -> None:
    """A venue's next seven days, with holidays and exceptions marked."""
    query = update.callback_query
    assert query is not None
    press = pressed_any(update, Week, WeekFrom)
    assert isinstance(press, Week | WeekFrom)
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
    """Back from a venue's week to the overview."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    runtime = context.runtime
    now = now_local(runtime)
    book = await load_book(runtime, services_of(context), now.date())
    await edit(update, overview_text(context.t, book, now), venue_buttons(context.t, runtime))


# --- Staff ------------------------------------------------------------------------------


def _venue_codes(runtime: Runtime, t: Translator) -> str:
    """The venues as staff call them, in their language (a code or either name works)."""
    return t.join(venue.name.get(t.lang) for venue in runtime.centre.venues)


def _parse_date(token: str, today: date, services: HoursServices) -> date | None:
    folded = fold(token).strip()
    found = find_day(folded, today, services.calendar)
    if found is None or found.span != (0, len(folded)):
        return None
    return found.day


def _parse_range(token: str, today: date, services: HoursServices) -> tuple[date, date] | None:
    parts = _RANGE_SPLIT.split(token)
    if len(parts) > 2:
        return None
    start = _parse_date(parts[0], today, services)
    if start is None:
        return None
    if len(parts) == 1:
        return start, start
    end = _parse_date(parts[1], today, services)
    return (start, end) if end is not None else None


def _range_text(t: Translator, start: date, end: date) -> str:
    if start == end:
        return date_text(t, start)
    return t("hours-staff-range", start=date_text(t, start), end=date_text(t, end))


def _venue_named(runtime: Runtime, services: HoursServices, token: str) -> Venue | None:
    """A venue by its code, or by what a person calls it ("食堂", "gym")."""
    venue = runtime.centre.venue(token.lower())
    if venue is None:
        found = services.matcher.venues.find(fold(token.lower()))
        venue = runtime.centre.venue(found[0]) if found else None
    return venue


async def _store_exception(
    context: FrontdeskContext,
    venue_id: str,
    dates: tuple[date, date],
    intervals: tuple[Any, ...],
    reason: str | None,
    special: bool,
) -> StaffException:
    """The exception and its audit entry, in one transaction."""
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        saved = await hours_service.add_exception(
            session,
            runtime.centre,
            venue_id=venue_id,
            start=dates[0],
            end=dates[1],
            intervals=intervals,
            reason=reason,
            by_user=context.profile.id,
            now=runtime.clock.now(),
            today=now_local(runtime).date(),
        )
        await audit.record(
            session,
            actor_id=context.profile.id,
            actor_name=context.profile.first_name,
            action="hours.special" if special else "hours.closure",
            subject=f"venue:{venue_id}",
            now=runtime.clock.now(),
            details={
                "exception": saved.id,
                "start": saved.start.isoformat(),
                "end": saved.end.isoformat(),
                "reason": reason,
            },
        )
    return saved


async def _set_exception(update: Update, context: FrontdeskContext, *, special: bool) -> None:
    """Shared by /closure and /special: parse, store, confirm."""
    assert context.profile is not None
    t = context.t
    runtime = context.runtime
    services = services_of(context)
    args = list(context.args or [])
    needed = 3 if special else 2
    if len(args) < needed:
        await reply(update, t("hours-staff-usage", venues=_venue_codes(runtime, t)))
        return
    venue = _venue_named(runtime, services, args[0])
    if venue is None:
        await reply(
            update,
            t("hours-staff-unknown-venue", venue=args[0][:40], venues=_venue_codes(runtime, t)),
        )
        return
    today = now_local(runtime).date()
    dates = _parse_range(args[1], today, services)
    if dates is None:
        await reply(update, t("hours-staff-bad-date", text=args[1][:40]))
        return
    intervals: tuple[Any, ...] = ()
    if special:
        try:
            intervals = hours_service.parse_intervals(args[2])
        except ValueError:
            await reply(update, t("hours-staff-bad-hours", text=args[2][:40]))
            return
    reason = " ".join(args[needed:]) or None
    try:
        saved = await _store_exception(context, venue.id, dates, intervals, reason, special)
    except ExceptionError as exc:
        await reply(update, t(REFUSAL_TEXTS[exc.code]))
        return
    runtime.hours.invalidate()
    log.info("user #%s set exception #%s on %s", context.profile.id, saved.id, venue.id)
    why = t("hours-why", reason=reason) if reason else ""
    key = "hours-staff-saved-hours" if special else "hours-staff-saved-closed"
    text = t(
        key,
        venue=venue.name.get(t.lang),
        range=_range_text(t, saved.start, saved.end),
        hours=intervals_text(t, saved.intervals),
        why=why,
        id=str(saved.id),
    )
    if isinstance(saved.reason, str):  # one language only: say what the others will read
        key = (
            "hours-staff-reason-only-en-missing"
            if is_chinese(saved.reason)
            else "hours-staff-reason-only-zh-missing"
        )
        text += "\n" + t(key)
    await reply(update, text)


@require_role("staff")
async def set_closure(update: Update, context: FrontdeskContext) -> None:
    """/closure venue date[..date] [reason]: close a venue."""
    await _set_exception(update, context, special=False)


@require_role("staff")
async def set_special(update: Update, context: FrontdeskContext) -> None:
    """/special venue date[..date] 09:00-12:00[,…] [reason]: special hours."""
    await _set_exception(update, context, special=True)


def _exception_line(t: Translator, runtime: Runtime, item: StaffException) -> str:
    venue = runtime.centre.venue(item.venue_id)
    name = venue.name.get(t.lang) if venue else item.venue_id
    why = t("hours-why", reason=item.reason) if item.reason else ""
    key = "hours-staff-list-closed" if item.closed else "hours-staff-list-hours"
    return t(
        key,
        id=str(item.id),
        venue=name,
        range=_range_text(t, item.start, item.end),
        hours=intervals_text(t, item.intervals),
        why=why,
        who=item.created_by or t("hours-someone"),
    )


@require_role("staff")
async def list_exceptions(update: Update, context: FrontdeskContext) -> None:
    """/exceptions: closures and special hours from today on."""
    runtime = context.runtime
    today = now_local(runtime).date()
    async with runtime.db.read() as session:
        items = await hours_service.load_exceptions(session, today)
    if not items:
        await reply(update, context.t("hours-staff-list-empty"))
        return
    lines = [context.t("hours-staff-list-title")]
    lines += [_exception_line(context.t, runtime, item) for item in items[:50]]
    lines.append(context.t("hours-staff-list-footer"))
    await reply(update, "\n".join(lines))


@require_role("staff")
async def remove_exception(update: Update, context: FrontdeskContext) -> None:
    """/unexception [id]: withdraw a closure or special hours (picked from a list without id)."""
    args = list(context.args or [])
    token = args[0].lstrip("#") if len(args) == 1 else ""
    if not args:
        await _withdraw_list(update, context)
        return
    if not token.isdigit() or len(token) > 12:
        await reply(update, context.t("hours-staff-unexception-usage"))
        return
    await _withdraw(update, context, token)


async def _withdraw_list(update: Update, context: FrontdeskContext) -> None:
    """The closures and special hours from today on, one button each (the newest 40)."""
    runtime = context.runtime
    today = now_local(runtime).date()
    async with runtime.db.read() as session:
        items = await hours_service.load_exceptions(session, today)
    if not items:
        await reply(update, context.t("hours-staff-list-empty"))
        return
    t = context.t
    rows = []
    for item in items[-40:]:
        venue = runtime.centre.venue(item.venue_id)
        label = t(
            "hours-staff-pick-line",
            id=str(item.id),
            venue=venue.name.get(t.lang) if venue else item.venue_id,
            range=_range_text(t, item.start, item.end),
        )
        rows.append([InlineKeyboardButton(label, callback_data=encode(Withdraw(item.id)))])
    await reply(update, t("hours-staff-pick-withdraw"), InlineKeyboardMarkup(rows))


@require_role("staff")
async def withdraw_pressed(update: Update, context: FrontdeskContext, press: Withdraw) -> None:
    """A closure pressed in the list of /unexception."""
    assert update.callback_query is not None
    await update.callback_query.answer()
    await _withdraw(update, context, str(press.exception_id))


async def _withdraw(update: Update, context: FrontdeskContext, token: str) -> None:
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        removed = await hours_service.remove_exception(
            session, int(token), context.profile.id, runtime.clock.now()
        )
        if removed is not None:
            await audit.record(
                session,
                actor_id=context.profile.id,
                actor_name=context.profile.first_name,
                action="hours.remove",
                subject=f"venue:{removed.venue_id}",
                now=runtime.clock.now(),
                details={"exception": removed.id},
            )
    if removed is None:
        await reply(update, context.t("hours-staff-not-found", id=token))
        return
    runtime.hours.invalidate()
    log.info("user #%s removed exception #%s", context.profile.id, removed.id)
    venue = runtime.centre.venue(removed.venue_id)
    await reply(
        update,
        context.t(
            "hours-staff-removed",
            id=str(removed.id),
            venue=venue.name.get(context.t.lang) if venue else removed.venue_id,
            range=_range_text(context.t, removed.start, removed.end),
        ),
    )


def build_services(app: FrontdeskApplication) -> HoursServices:
    """The calendar and the question matcher, built once per application."""
    runtime = app.bot_data.runtime
    calendar = runtime.hours.calendar
    return HoursServices(calendar, QuestionMatcher(runtime.centre, calendar))


def install(app: FrontdeskApplication) -> None:
    """Commands and buttons (the main menu's hours button is in the manifest)."""
    app.add_handlers([on_start("hours", show_hours), on_start("venue", links.venue_link)])
    app.add_handler(on(VenuePin, links.pin_pressed))
    app.add_handler(CommandHandler("hours", show_hours))
    app.add_handler(CommandHandler("closure", set_closure))
    app.add_handler(CommandHandler("special", set_special))
    app.add_handler(CommandHandler("exceptions", list_exceptions))
    app.add_handler(CommandHandler("unexception", remove_exception))
    app.add_handler(CallbackQueryHandler(show_week, pattern=matches(Week, WeekFrom)))
    app.add_handler(CallbackQueryHandler(show_all_again, pattern=matches(AllVenues)))
    app.add_handler(on(Withdraw, withdraw_pressed))


MANIFEST = Manifest(
    name="hours",
    install=install,
    commands=COMMANDS,
    menu_actions={"hours": show_hours},
    services=[build_services],
    buttons={Withdraw: "staff"},  # /unexception's list of closures and special hours
)
