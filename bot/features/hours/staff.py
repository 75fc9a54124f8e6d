"""Staff change the opening hours: closures and special hours, listed and withdrawn.

``/closure`` and ``/special`` alone ask step by step (issue 16): the venue (buttons, a page
at a time, or its name typed in either language), the day or days in words ("下周四",
"12月24日到26日", "tomorrow"), the hours for ``/special``, a reason (one language or both,
"设备检修 | maintenance"), then a preview to publish or drop. The one-line form
(``/closure 食堂 12月3日 设备检修``) is still stored at once.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime

from telegram import InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import ConversationHandler

from bot.callbacks import Callback, decode
from bot.centre import Interval, Venue
from bot.context import FrontdeskContext
from bot.dates import clock_time, day_and_time, day_short
from bot.features.hours import bookings
from bot.features.hours import service as hours_service
from bot.features.hours.bookings import Booking, Outcome, Result
from bot.features.hours.buttons import (
    BookingCancel,
    BookingCancelAll,
    BookingKeep,
    BookingKeepAll,
    BookingKind,
    ConfirmWithdraw,
    ExceptionConfirm,
    ExceptionDrop,
    ExceptionNoReason,
    ExceptionVenue,
    ExceptionVenuePage,
    KeepException,
    Withdraw,
    WithdrawPage,
)
from bot.features.hours.reasons import (
    fallback_key,
    is_chinese,
    localized_reason,
    reason_for,
    staff_reason,
)
from bot.features.hours.service import ExceptionError
from bot.features.hours.shared import HoursServices, now_local, services_of, venue_named
from bot.features.hours.text import REFUSAL_TEXTS, date_text, intervals_text
from bot.i18n import Markup, Translator, message_keys
from bot.runtime import Runtime
from bot.services import audit
from bot.services.hours import StaffException
from bot.tg import forms
from bot.tg.buttons import keyboard, pressed
from bot.tg.guards import require_role
from bot.tg.pages import paged
from bot.tg.reply import alert, edit, plain, reply, toast
from bot.understanding.matcher import find_day, fold

log = logging.getLogger(__name__)

_RANGE_SPLIT = re.compile(r"\.\.|~|～|至|到")
VENUE_PAGE = 6  # venues per page of the list to pick from
WITHDRAW_PAGE = 8  # closures per page of the list of /unexception
# The steps of the guided form (ConversationHandler states).
ASK_VENUE, ASK_DATES, ASK_HOURS, ASK_REASON, CONFIRM = range(5)
FORM_NAME = "hours-exception"
ASK_TEXTS = {
    False: "hours-exc-ask-venue-closed",
    True: "hours-exc-ask-venue-hours",
}


@dataclass(slots=True)
class ExceptionForm:
    """A closure (or special hours) being described: the answers so far."""

    special: bool
    venue_id: str = ""
    start: date | None = None
    end: date | None = None
    intervals: str = ""  # the storage form ("09:00-12:00,14:00-17:00")
    reason: str | None = None


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
    """The days in words ("12月24日到26日", "下周四") or as ``03-04..03-05``."""
    found = hours_service.parse_days(token, today, services.calendar)
    if found is not None:
        return found
    parts = _RANGE_SPLIT.split(token[: hours_service.WORDS_MAX])
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


async def _store_exception(
    context: FrontdeskContext,
    venue_id: str,
    dates: tuple[date, date],
    intervals: tuple[Interval, ...],
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
    runtime.hours.invalidate()
    log.info("user #%s set exception #%s on %s", context.profile.id, saved.id, venue_id)
    return saved


def _saved_text(
    t: Translator, venue: Venue, saved: StaffException, reason: str | None, special: bool
) -> str:
    shown = staff_reason(saved.reason, t.lang, both=True) if reason else None
    why = t("hours-why", reason=shown) if shown else ""
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
        chinese = is_chinese(saved.reason)
        key = (
            "hours-staff-reason-only-en-missing"
            if chinese
            else "hours-staff-reason-only-zh-missing"
        )
        fallback = t.catalog.text("en" if chinese else "zh", fallback_key(not special))
        text += "\n" + t(key, fallback=fallback)
    return text


async def _set_in_one_line(
    update: Update, context: FrontdeskContext, args: list[str], special: bool
) -> int:
    """``/closure venue date[..date] [reason]`` (or ``/special`` with hours): stored at once,
    unless it overlaps an entry already there or its hours run past midnight (then previewed
    with a warning, to confirm: residents read it the moment it is stored)."""
    t = context.t
    runtime = context.runtime
    services = services_of(context)
    needed = 3 if special else 2
    venue = venue_named(runtime, services, args[0])
    if venue is None:
        await reply(
            update,
            t("hours-staff-unknown-venue", venue=args[0][:40], venues=_venue_codes(runtime, t)),
        )
        return ConversationHandler.END
    today = now_local(runtime).date()
    dates = _parse_range(args[1], today, services)
    if dates is None:
        await reply(update, t("hours-staff-bad-date", text=args[1][:40]))
        return ConversationHandler.END
    intervals: tuple[Interval, ...] = ()
    if special:
        try:
            intervals = hours_service.parse_hours(args[2])
        except ValueError:
            await reply(update, t("hours-staff-bad-hours", text=args[2][:40]))
            return ConversationHandler.END
    reason = " ".join(args[needed:]) or None
    try:
        reason = hours_service.check_reason(reason)
        hours_service.check_dates(dates[0], dates[1], today)
    except ExceptionError as exc:
        await reply(update, t(REFUSAL_TEXTS[exc.code]))
        return ConversationHandler.END
    overnight = any(_past_midnight(interval) for interval in intervals)
    if overnight or await _overlaps(context, venue.id, dates[0], dates[1]):  # asked first
        form = context.drafts.put(ExceptionForm(special=special, venue_id=venue.id))
        form.start, form.end = dates
        form.intervals = hours_service.format_interval_list(intervals)
        form.reason = reason
        return await _preview(update, context, form)
    try:
        saved = await _store_exception(context, venue.id, dates, intervals, reason, special)
    except ExceptionError as exc:
        await reply(update, t(REFUSAL_TEXTS[exc.code]))
        return ConversationHandler.END
    booked, markup = await _booked_under(context, venue, saved)
    await reply(update, _saved_text(t, venue, saved, reason, special) + booked, markup)
    return ConversationHandler.END


def _past_midnight(interval: Interval) -> bool:
    """Whether the span ends the next day ("9:00-8:00" is 09:00 to 08:00 the next morning)."""
    return interval.end > 1440


async def _overlaps(
    context: FrontdeskContext, venue_id: str, start: date, end: date
) -> list[StaffException]:
    runtime = context.runtime
    async with runtime.db.read() as session:
        return await hours_service.overlapping(session, venue_id, start, end)


# -- the guided form ----------------------------------------------------------------------


def _venue_picker(context: FrontdeskContext, page: int) -> InlineKeyboardMarkup:
    t = context.t
    items = [
        (venue.name.get(t.lang), ExceptionVenue(venue.id))
        for venue in context.runtime.centre.venues
    ]
    return paged(t, items, page, VENUE_PAGE, ExceptionVenuePage, columns=2)


async def _ask_venue(update: Update, context: FrontdeskContext, form: ExceptionForm) -> int:
    t = context.t
    markup = _venue_picker(context, 0)
    await reply(update, t(ASK_TEXTS[form.special]), markup)
    return ASK_VENUE


async def _start(update: Update, context: FrontdeskContext, special: bool) -> int:
    """The one-line form when it is complete; else the first question not yet answered."""
    args = list(context.args or [])
    if len(args) >= (3 if special else 2):
        context.drafts.pop(ExceptionForm)
        return await _set_in_one_line(update, context, args, special)
    form = context.drafts.put(ExceptionForm(special=special))
    if not args:
        return await _ask_venue(update, context, form)
    if len(args) == 2:  # "/special 食堂 明天": the venue and the days; the hours are asked
        venue = venue_named(context.runtime, services_of(context), args[0])
        if venue is not None:
            form.venue_id = venue.id
            return await _take_dates(update, context, form, args[1])
    return await _take_venue_text(update, context, " ".join(args))


@require_role("staff")
async def start_closure(update: Update, context: FrontdeskContext) -> int:
    """/closure [venue date[..date] reason]: close a venue (asked step by step when short)."""
    return await _start(update, context, special=False)


@require_role("staff")
async def start_special(update: Update, context: FrontdeskContext) -> int:
    """/special [venue date[..date] 09:00-12:00 reason]: special hours (asked when short)."""
    return await _start(update, context, special=True)


def restart_command(context: FrontdeskContext) -> str | None:
    """The command that starts the person's unfinished form again: /special or /closure."""
    form = _form(context)
    if form is None:
        return None
    return "/special" if form.special else "/closure"


def _form(context: FrontdeskContext) -> ExceptionForm | None:
    return context.drafts.get(ExceptionForm)


async def _ask_dates(update: Update, context: FrontdeskContext, venue: Venue) -> int:
    await reply(update, context.t("hours-exc-ask-dates", venue=venue.name.get(context.language)))
    return ASK_DATES


async def _take_venue_text(update: Update, context: FrontdeskContext, text: str) -> int:
    form = _form(context)
    if form is None:
        return ConversationHandler.END
    venue = venue_named(context.runtime, services_of(context), text)
    if venue is None:
        t = context.t
        unknown = t(
            "hours-staff-unknown-venue", venue=text[:40], venues=_venue_codes(context.runtime, t)
        )
        await reply(update, unknown, _venue_picker(context, 0))
        return ASK_VENUE
    form.venue_id = venue.id
    return await _ask_dates(update, context, venue)


async def venue_typed(update: Update, context: FrontdeskContext) -> int:
    """The venue's name typed, in either language."""
    assert update.effective_message is not None
    return await _take_venue_text(update, context, update.effective_message.text or "")


@require_role("staff")
async def venue_pressed(update: Update, context: FrontdeskContext) -> int:
    """A venue's button."""
    form = _form(context)
    venue = context.runtime.centre.venue(pressed(ExceptionVenue, update).venue_id)
    if form is None or venue is None:
        await alert(update, context.t("button-invalid"))
        return ASK_VENUE if form is not None else ConversationHandler.END
    await toast(update)
    form.venue_id = venue.id
    await edit(update, context.t(ASK_TEXTS[form.special]) + " " + venue.name.get(context.language))
    return await _ask_dates(update, context, venue)


async def venue_page(update: Update, context: FrontdeskContext) -> int:
    """◀ / ▶ in the list of venues."""
    page = pressed(ExceptionVenuePage, update).page
    await toast(update)
    query = update.callback_query
    assert query is not None
    try:
        await query.edit_message_reply_markup(_venue_picker(context, page))
    except BadRequest as exc:  # the page shown already ("message is not modified")
        log.debug("venue list not turned: %s", exc)
    return ASK_VENUE


async def dates_typed(update: Update, context: FrontdeskContext) -> int:
    """The day or days in words; checked now, so the preview never shows impossible days."""
    assert update.effective_message is not None
    form = _form(context)
    if form is None:
        return ConversationHandler.END
    return await _take_dates(update, context, form, update.effective_message.text or "")


async def _take_dates(
    update: Update, context: FrontdeskContext, form: ExceptionForm, text: str
) -> int:
    runtime = context.runtime
    today = now_local(runtime).date()
    dates = _parse_range(text, today, services_of(context))
    if dates is None:
        await reply(update, context.t("hours-staff-bad-date", text=text[:40]))
        return ASK_DATES
    try:
        hours_service.check_dates(dates[0], dates[1], today)
    except ExceptionError as exc:  # the form stays on the days: say so, with an example
        t = context.t
        await reply(update, f"{t(REFUSAL_TEXTS[exc.code])}\n{t('hours-staff-dates-again')}")
        return ASK_DATES
    form.start, form.end = dates
    if form.special:
        range_text = _range_text(context.t, dates[0], dates[1])
        await reply(update, context.t("hours-exc-ask-hours", range=range_text))
        return ASK_HOURS
    return await _ask_reason(update, context)


async def hours_typed(update: Update, context: FrontdeskContext) -> int:
    """The special hours, as 09:00-12:00 or in words."""
    assert update.effective_message is not None
    form = _form(context)
    if form is None:
        return ConversationHandler.END
    text = update.effective_message.text or ""
    try:
        intervals = hours_service.parse_hours(text)
    except ValueError:
        await reply(update, context.t("hours-staff-bad-hours", text=text[:40]))
        return ASK_HOURS
    form.intervals = hours_service.format_interval_list(intervals)
    return await _ask_reason(update, context)


def _reason_keyboard(t: Translator) -> InlineKeyboardMarkup:
    return keyboard([[(t("hours-exc-btn-no-reason"), ExceptionNoReason())]])


def _confirm_keyboard(t: Translator) -> InlineKeyboardMarkup:
    return keyboard(
        [
            [
                (t("hours-exc-btn-confirm"), ExceptionConfirm()),
                (t("hours-exc-btn-drop"), ExceptionDrop()),
            ]
        ]
    )


async def step_keyboard(context: FrontdeskContext, step: object) -> InlineKeyboardMarkup | None:
    """The buttons a step of /closure and /special shows with its question (and when it is
    asked again): the venues, "no reason", or Publish / Drop."""
    if step == ASK_VENUE:
        return _venue_picker(context, 0)
    if step == ASK_REASON:
        return _reason_keyboard(context.t)
    if step == CONFIRM:
        return _confirm_keyboard(context.t)
    return None


async def _ask_reason(update: Update, context: FrontdeskContext) -> int:
    await reply(update, context.t("hours-exc-ask-reason"), _reason_keyboard(context.t))
    return ASK_REASON


async def reason_typed(update: Update, context: FrontdeskContext) -> int:
    """The reason, in one language or both ("设备检修 | maintenance")."""
    assert update.effective_message is not None
    form = _form(context)
    if form is None:
        return ConversationHandler.END
    try:
        form.reason = hours_service.check_reason(update.effective_message.text)
    except ExceptionError as exc:  # asked again, with "no reason" still offered
        await reply(update, context.t(REFUSAL_TEXTS[exc.code]), _reason_keyboard(context.t))
        return ASK_REASON
    return await _preview(update, context, form)


async def no_reason(update: Update, context: FrontdeskContext) -> int:
    """ "No reason" pressed."""
    form = _form(context)
    if form is None:
        return ConversationHandler.END
    await toast(update)
    form.reason = None
    return await _preview(update, context, form)


def _readers(context: FrontdeskContext, form: ExceptionForm) -> str:
    """What readers of each language will see as the reason."""
    if form.reason is None:
        return context.t("hours-exc-no-reason")
    stored = localized_reason(form.reason)
    generic = fallback_key(not form.special)
    catalog = context.runtime.catalog
    seen = {lang: reason_for(stored, lang) or catalog.text(lang, generic) for lang in ("zh", "en")}
    return context.t("hours-exc-readers", zh=seen["zh"], en=seen["en"])


def _intervals(form: ExceptionForm) -> tuple[Interval, ...]:
    return hours_service.parse_intervals(form.intervals) if form.intervals else ()


async def _preview(update: Update, context: FrontdeskContext, form: ExceptionForm) -> int:
    """The change as it will be stored, with Publish / Drop."""
    t = context.t
    venue = context.runtime.centre.venue(form.venue_id)
    assert venue is not None
    assert form.start is not None
    assert form.end is not None
    text = t(
        "hours-exc-preview-hours" if form.special else "hours-exc-preview-closed",
        venue=venue.name.get(t.lang),
        range=_range_text(t, form.start, form.end),
        hours=intervals_text(t, _intervals(form)),
        reasons=_readers(context, form),
    )
    runtime = context.runtime
    closure = bookings.closure_of(venue.id, form.start, form.end, _intervals(form))
    async with runtime.db.read() as session:
        found = await bookings.booked_during(
            session, closure, runtime.centre.zone, runtime.clock.now()
        )
    overnight = tuple(i for i in _intervals(form) if _past_midnight(i))
    if overnight:  # legitimate for a late opening, but far more often a typo for 18:00
        text += "\n\n" + t("hours-exc-overnight", hours=intervals_text(t, overnight))
    if found:  # said before Publish; the list and its buttons come with the saved reply
        text += "\n" + t("hours-booked-preview", venue=venue.name.get(t.lang), count=len(found))
    overlapped = await _overlaps(context, venue.id, form.start, form.end)
    if overlapped:  # both are kept; on the shared days the new one is what residents read
        existing = "\n".join(_exception_line(t, runtime, item) for item in overlapped)
        text += "\n\n" + t("hours-exc-overlap", count=len(overlapped), existing=Markup(existing))
    await reply(update, text, _confirm_keyboard(t))
    return CONFIRM


@require_role("staff")
async def confirm(update: Update, context: FrontdeskContext) -> int:
    """Publish the previewed change (the role is checked again at the press)."""
    form = _form(context)
    if form is None or form.start is None or form.end is None:
        await alert(update, context.t("button-invalid"))
        return ConversationHandler.END
    await toast(update)
    venue = context.runtime.centre.venue(form.venue_id)
    assert venue is not None
    dates = (form.start, form.end)
    try:
        saved = await _store_exception(
            context, venue.id, dates, _intervals(form), form.reason, form.special
        )
    except ExceptionError as exc:  # e.g. the day passed while the preview waited
        context.drafts.pop(ExceptionForm)
        await edit(update, context.t(REFUSAL_TEXTS[exc.code]))
        return ConversationHandler.END
    context.drafts.pop(ExceptionForm)
    booked, markup = await _booked_under(context, venue, saved)
    text = _saved_text(context.t, venue, saved, form.reason, form.special)
    await edit(update, text + booked, markup)
    return ConversationHandler.END


async def drop(update: Update, context: FrontdeskContext) -> int:
    """Drop the previewed change: nothing is stored."""
    await toast(update)
    context.drafts.pop(ExceptionForm)
    await edit(update, context.t("hours-exc-dropped"))
    return ConversationHandler.END


async def press_a_button(update: Update, context: FrontdeskContext) -> int:
    """Text while the preview waits for Publish or Drop: the two buttons again."""
    await reply(update, context.t("hours-exc-press-a-button"), _confirm_keyboard(context.t))
    return CONFIRM


async def stop(update: Update, context: FrontdeskContext) -> int:
    """/cancel at any step: nothing is stored."""
    context.drafts.pop(ExceptionForm)
    await reply(update, context.t("hours-exc-dropped"))
    return ConversationHandler.END


async def not_text(update: Update, context: FrontdeskContext) -> None:
    """A photo or sticker during the form: ask for text (with the step's buttons), stay where
    we are."""
    markup = await forms.step_keyboard(update, context, FORM_NAME)
    await reply(update, context.t("hours-exc-text-only"), markup)


# -- the list, and withdrawing ------------------------------------------------------------


def _exception_line(t: Translator, runtime: Runtime, item: StaffException) -> str:
    venue = runtime.centre.venue(item.venue_id)
    name = venue.name.get(t.lang) if venue else item.venue_id
    reason = staff_reason(item.reason, t.lang)
    why = t("hours-why", reason=reason) if reason else ""
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
    """/unexception [id]: withdraw a closure or special hours (picked from a list without id),
    once confirmed."""
    args = list(context.args or [])
    token = args[0].lstrip("#") if len(args) == 1 else ""
    if not args:
        await _withdraw_list(update, context)
        return
    if not token.isdigit() or len(token) > 12:
        await reply(update, context.t("hours-staff-unexception-usage"))
        return
    await _ask_withdraw(update, context, int(token))


async def _withdraw_picker(context: FrontdeskContext, page: int) -> InlineKeyboardMarkup | None:
    """Page ``page`` of the closures and special hours from today on, one button each
    (soonest first); ``None`` when there are none."""
    runtime = context.runtime
    today = now_local(runtime).date()
    async with runtime.db.read() as session:
        items = await hours_service.load_exceptions(session, today)
    if not items:
        return None
    t = context.t
    buttons = []
    for item in items:
        venue = runtime.centre.venue(item.venue_id)
        label = t(
            "hours-staff-pick-line",
            id=str(item.id),
            venue=venue.name.get(t.lang) if venue else item.venue_id,
            range=_range_text(t, item.start, item.end),
        )
        buttons.append((label, Withdraw(item.id)))
    return paged(t, buttons, page, WITHDRAW_PAGE, WithdrawPage)


async def _withdraw_list(update: Update, context: FrontdeskContext) -> None:
    """The closures and special hours from today on, a page at a time."""
    markup = await _withdraw_picker(context, 0)
    if markup is None:
        await reply(update, context.t("hours-staff-list-empty"))
        return
    await reply(update, context.t("hours-staff-pick-withdraw"), markup)


@require_role("staff")
async def withdraw_page(update: Update, context: FrontdeskContext, press: WithdrawPage) -> None:
    """◀ / ▶ in the list of /unexception (the list is read again: others may have withdrawn)."""
    await toast(update)
    query = update.callback_query
    assert query is not None
    markup = await _withdraw_picker(context, press.page)
    if markup is None:
        await edit(update, context.t("hours-staff-list-empty"))
        return
    try:
        await query.edit_message_reply_markup(markup)
    except BadRequest as exc:  # the page shown already ("message is not modified")
        log.debug("withdraw list not turned: %s", exc)


@require_role("staff")
async def withdraw_pressed(update: Update, context: FrontdeskContext, press: Withdraw) -> None:
    """A closure pressed in the list of /unexception: asked first."""
    assert update.callback_query is not None
    await update.callback_query.answer()
    await _ask_withdraw(update, context, press.exception_id)


async def _ask_withdraw(update: Update, context: FrontdeskContext, exception_id: int) -> None:
    """The closure or special hours as the list shows it, what withdrawing does, and Confirm /
    Keep: residents read the change the moment it is made, so nothing happens before."""
    runtime, t = context.runtime, context.t
    async with runtime.db.read() as session:
        item = await hours_service.active_exception(session, exception_id)
    if item is None:
        await reply(update, t("hours-staff-not-found", id=str(exception_id)))
        return
    venue = runtime.centre.venue(item.venue_id)
    text = t(
        "hours-withdraw-confirm",
        line=Markup(_exception_line(t, runtime, item)),
        venue=venue.name.get(t.lang) if venue else item.venue_id,
    )
    markup = keyboard(
        [
            [
                (t("hours-btn-withdraw-confirm"), ConfirmWithdraw(item.id)),
                (t("hours-btn-withdraw-keep"), KeepException(item.id)),
            ]
        ]
    )
    await reply(update, text, markup)


@require_role("staff")
async def withdraw_confirmed(
    update: Update, context: FrontdeskContext, press: ConfirmWithdraw
) -> None:
    """ "Withdraw it" under the confirmation (the role is checked again at the press); one
    withdrawn meanwhile (by another press, or someone else) is said so, and nothing changes."""
    text = await _withdraw(context, press.exception_id)
    if text is None:
        await alert(update, context.t("hours-staff-not-found", id=str(press.exception_id)))
        return
    await toast(update)
    await edit(update, text)


@require_role("staff")
async def withdraw_kept(update: Update, context: FrontdeskContext, press: KeepException) -> None:
    """ "Keep it": nothing changes."""
    await toast(update)
    await edit(update, context.t("hours-withdraw-kept", id=str(press.exception_id)))


async def _withdraw(context: FrontdeskContext, exception_id: int) -> str | None:
    """Withdraw the exception (only one press wins); what to say, or ``None`` when it was
    withdrawn already."""
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        removed = await hours_service.remove_exception(
            session, exception_id, context.profile.id, runtime.clock.now()
        )
        cancelled: list[Booking] = []
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
            closure = bookings.closure_of(
                removed.venue_id, removed.start, removed.end, removed.intervals
            )
            cancelled = await bookings.cancelled_during(
                session, closure, runtime.centre.zone, runtime.clock.now()
            )
    if removed is None:
        return None
    runtime.hours.invalidate()
    log.info("user #%s removed exception #%s", context.profile.id, removed.id)
    venue = runtime.centre.venue(removed.venue_id)
    text = context.t(
        "hours-staff-removed",
        id=str(removed.id),
        venue=venue.name.get(context.t.lang) if venue else removed.venue_id,
        range=_range_text(context.t, removed.start, removed.end),
    )
    return text + _still_cancelled(context, cancelled[:BOOKINGS_LISTED])


def _still_cancelled(context: FrontdeskContext, cancelled: list[Booking]) -> str:
    """The classes and events of the withdrawn closure's time that stay cancelled (often by
    that closure): withdrawing it brings none back, and nobody is told again."""
    if not cancelled:
        return ""
    t = context.t
    lines = [t("hours-unbooked-title")]
    lines += [
        t(UNBOOKED_LINES[b.kind], when=_when(context, b.starts_at), title=b.title(t.lang))
        for b in cancelled
    ]
    lines.append(t("hours-unbooked-foot"))
    return "\n\n" + "\n".join(lines)


# -- what the closure leaves without a room -----------------------------------------------

BOOKINGS_LISTED = 30  # rows of buttons under one closure (Telegram allows 100 buttons)
BOOKING_LINES = message_keys(
    BookingKind, {BookingKind.CLASS: "hours-booked-class", BookingKind.EVENT: "hours-booked-event"}
)
UNBOOKED_LINES = message_keys(
    BookingKind,
    {BookingKind.CLASS: "hours-unbooked-class", BookingKind.EVENT: "hours-unbooked-event"},
)
OUTCOME_TEXTS = message_keys(
    Outcome,
    {
        Outcome.CANCELLED: "hours-booked-cancelled",
        Outcome.KEPT: "hours-booked-kept",
        Outcome.GONE: "hours-booked-gone",
        Outcome.CLOSURE_GONE: "hours-booked-closure-gone",
    },
)


def _when(context: FrontdeskContext, moment: datetime) -> str:
    return day_and_time(moment, context.runtime.centre.zone, context.language)


def _booking_rows(
    context: FrontdeskContext, exception_id: int, found: list[Booking]
) -> list[list[tuple[str, Callback]]]:
    t, zone = context.t, context.runtime.centre.zone
    rows: list[list[tuple[str, Callback]]] = []
    for booking in found:
        local = booking.starts_at.astimezone(zone)
        day = f"{day_short(local.date(), t.lang)} {clock_time(local)}"
        label = plain(t("hours-btn-booked-cancel", title=booking.title(t.lang), day=day))
        rows.append(
            [
                (label, BookingCancel(exception_id, booking.kind, booking.item_id)),
                (
                    t("hours-btn-booked-keep"),
                    BookingKeep(exception_id, booking.kind, booking.item_id),
                ),
            ]
        )
    if len(found) > 1:
        rows.append(
            [
                (t("hours-btn-booked-cancel-all"), BookingCancelAll(exception_id)),
                (t("hours-btn-booked-keep-all"), BookingKeepAll(exception_id)),
            ]
        )
    return rows


async def _booked_under(
    context: FrontdeskContext, venue: Venue, saved: StaffException
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The classes and events booked in the closed time, to add under the saved closure, with
    a cancel and a keep button each (and both for all); nothing when none is booked."""
    runtime, t = context.runtime, context.t
    async with runtime.db.read() as session:
        closure = await bookings.active_closure(session, saved.id)
        found = (
            await bookings.booked_during(session, closure, runtime.centre.zone, runtime.clock.now())
            if closure is not None
            else []
        )
    if not found:
        return "", None
    more, found = len(found) - BOOKINGS_LISTED, found[:BOOKINGS_LISTED]
    lines = [t("hours-booked-title", venue=venue.name.get(t.lang))]
    lines += [
        t(
            BOOKING_LINES[b.kind],
            when=_when(context, b.starts_at),
            title=b.title(t.lang),
            count=b.signed_up,
        )
        for b in found
    ]
    if more > 0:  # a long closure: the rest by /ns_session and /cancelevent
        lines.append(t("hours-booked-more", count=more))
    lines.append(t("hours-booked-ask"))
    return "\n\n" + "\n".join(lines), keyboard(_booking_rows(context, saved.id, found))


def _listed(update: Update, exception_id: int) -> list[tuple[BookingKind, int]]:
    """The bookings whose buttons are still under the pressed message (those not yet dealt
    with): what "all" means to the person looking at it."""
    query = update.callback_query
    message = query.message if query is not None else None
    markup = getattr(message, "reply_markup", None)
    found = []
    for row in markup.inline_keyboard if markup is not None else ():
        for key in row:
            data = decode(BookingCancel, key.callback_data)
            if data is not None and data.exception_id == exception_id:
                found.append((data.kind, data.item_id))
    return found


def _without(update: Update, done: set[tuple[BookingKind, int]]) -> InlineKeyboardMarkup | None:
    """The pressed message's buttons less the rows of ``done`` (and "all" once one is left)."""
    query = update.callback_query
    message = query.message if query is not None else None
    markup = getattr(message, "reply_markup", None)
    if markup is None:
        return None
    rows = []
    for row in markup.inline_keyboard:
        keys = {
            (data.kind, data.item_id)
            for button in row
            for data in (
                decode(BookingCancel, button.callback_data),
                decode(BookingKeep, button.callback_data),
            )
            if data is not None
        }
        if not keys & done:
            rows.append(row)
    items = [row for row in rows if any(decode(BookingCancel, b.callback_data) for b in row)]
    if len(items) <= 1:  # "all" of one is the item's own buttons
        rows = items
    return InlineKeyboardMarkup(rows) if rows else None


def _result_line(context: FrontdeskContext, result: Result) -> str:
    if result.booking is None:
        return context.t(OUTCOME_TEXTS[result.outcome])
    return context.t(
        OUTCOME_TEXTS[result.outcome],
        title=result.booking.title(context.language),
        when=_when(context, result.booking.starts_at),
        count=result.told,
    )


async def _act(
    update: Update,
    context: FrontdeskContext,
    exception_id: int,
    wanted: list[tuple[BookingKind, int]],
    cancel: bool,
) -> None:
    """Cancel or keep ``wanted``; the results are added to the message, their buttons go."""
    assert context.profile is not None
    runtime = context.runtime
    if not wanted:
        await alert(update, context.t("hours-booked-none-left"))
        return
    async with runtime.db.transaction() as session:
        if cancel:
            results = await bookings.cancel_bookings(
                session,
                bookings.Cancelling.of(runtime),
                exception_id,
                wanted,
                context.profile,
                runtime.clock.now(),
            )
        else:
            results = await bookings.keep_bookings(
                session,
                runtime.centre.zone,
                exception_id,
                wanted,
                context.profile,
                runtime.clock.now(),
            )
    done = [r for r in results if r.outcome in (Outcome.CANCELLED, Outcome.KEPT)]
    if not done:  # a double press, an old message, a forged button: say why, change nothing
        await alert(update, _result_line(context, results[0]))
        gone = Outcome.CLOSURE_GONE in {r.outcome for r in results}
        markup = None if gone else _without(update, set(wanted))
        await _edit_markup(update, markup)
        return
    await toast(update)
    if cancel:
        log.info("user #%s cancelled %s booking(s) under closure #%s",
                 context.profile.id, len(done), exception_id)  # fmt: skip
    query = update.callback_query
    assert query is not None
    message = query.message
    before = message.text_html if message is not None and hasattr(message, "text_html") else ""
    lines = [_result_line(context, r) for r in done]
    await edit(update, "\n".join([before, "", *lines]).strip(), _without(update, set(wanted)))


async def _edit_markup(update: Update, markup: InlineKeyboardMarkup | None) -> None:
    query = update.callback_query
    assert query is not None
    try:
        await query.edit_message_reply_markup(markup)
    except BadRequest as exc:  # the buttons were already as they should be
        log.debug("booking buttons not changed: %s", exc)


@require_role("staff")
async def booking_cancel(update: Update, context: FrontdeskContext, press: BookingCancel) -> None:
    """Cancel one class session or event under a closure, telling everyone signed up."""
    await _act(update, context, press.exception_id, [(press.kind, press.item_id)], cancel=True)


@require_role("staff")
async def booking_keep(update: Update, context: FrontdeskContext, press: BookingKeep) -> None:
    """Keep one booking despite the closure: nothing changes for residents."""
    await _act(update, context, press.exception_id, [(press.kind, press.item_id)], cancel=False)


@require_role("staff")
async def booking_cancel_all(
    update: Update, context: FrontdeskContext, press: BookingCancelAll
) -> None:
    """Cancel every booking still listed under the closure."""
    wanted = _listed(update, press.exception_id)
    await _act(update, context, press.exception_id, wanted, cancel=True)


@require_role("staff")
async def booking_keep_all(
    update: Update, context: FrontdeskContext, press: BookingKeepAll
) -> None:
    """Keep every booking still listed under the closure."""
    wanted = _listed(update, press.exception_id)
    await _act(update, context, press.exception_id, wanted, cancel=False)
