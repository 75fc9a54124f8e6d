"""/holidays: what the bot knows about a year's holidays; admins enter the year's notice.

Staff see each block of days off, each make-up working day and where they come from. An admin
enters the State Council's notice festival by festival, or uploads a YAML or CSV file; after a
preview it is stored, audited and used at once on every instance. From 1 December (a setting),
while next year's notice is unknown, every admin hears about it once a day.
"""

from __future__ import annotations

import logging
import re
import warnings
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot import dates
from bot.callbacks import encode
from bot.centre import HolidayYear
from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.features.holidays import buttons
from bot.features.holidays import service as notices
from bot.features.holidays.buttons import MAX_YEAR, MIN_YEAR, CancelNotice, EnterNotice, SaveNotice
from bot.features.holidays.service import FestivalEntry, NoticeError
from bot.features.holidays.text import alarm_text, error_text, step_prompt, year_text
from bot.i18n import Translator
from bot.manifest import Job, Manifest
from bot.runtime import Runtime
from bot.services import audit, outbox, users
from bot.services.holiday_calendar import FESTIVALS, HolidayCalendar
from bot.tg.buttons import matches, pressed
from bot.tg.guards import require_role
from bot.tg.reply import reply

log = logging.getLogger(__name__)

COMMANDS = [CommandSpec("holidays", "cmd-holidays", role="staff")]
ALARM_JOB = "holidays-alarm"
ALARM_TICK_SECONDS = 600.0
STEP, CONFIRM = range(2)
_STATUTORY_ONLY = re.compile(
    r"^\s*(法定|法定假日|只放法定(假日)?|同法定|statutory( days)?( only)?|same)\s*[。.!！]?\s*$",
    re.I,
)


@dataclass
class Draft:
    """A notice being entered: the year, what was entered, the festival asked now."""

    year: int
    entries: dict[str, FestivalEntry] = field(default_factory=dict)
    asking: str | None = FESTIVALS[0]  # None once the preview waits for a button

    def next_festival(self) -> str | None:
        return next((f for f in FESTIVALS if f not in self.entries), None)


@dataclass(frozen=True, slots=True)
class PendingNotice:
    """A checked notice waiting for the admin's Save button."""

    year: int
    notice: HolidayYear


def _prompt(t: Translator, draft: Draft) -> str:
    assert draft.asking is not None
    return step_prompt(t, draft.year, draft.asking, FESTIVALS.index(draft.asking))


def _today(runtime: Runtime) -> datetime:
    return runtime.clock.now().astimezone(runtime.centre.zone)


def _default_year(runtime: Runtime) -> int:
    today = _today(runtime).date()
    alarm = runtime.settings.hours.alarm_month_day
    return today.year + 1 if (today.month, today.day) >= alarm else today.year


async def _year_view_text(runtime: Runtime, t: Translator, year: int) -> str:
    calendar = runtime.hours.calendar
    entered = None
    async with runtime.db.read() as session:
        meta = await notices.entered_by(session, year)
    if meta is not None and calendar.source(year).value == "staff":
        name, at = meta
        local = at.astimezone(runtime.centre.zone).date()
        entered = t("holidays-entered-by", who=name, date=dates.day(local, t.lang))
    return year_text(t, calendar.year_view(year), entered=entered)


@require_role("staff")
async def show_year(update: Update, context: FrontdeskContext) -> None:
    """/holidays [year]: the year's blocks, make-up days and their source."""
    runtime = context.runtime
    t = context.t
    args = context.args or []
    if args and not (args[0].isdigit() and MIN_YEAR <= int(args[0]) <= MAX_YEAR):
        await reply(update, t("holidays-usage"))
        return
    await runtime.hours.refresh(_today(runtime).date())
    year = int(args[0]) if args else _default_year(runtime)
    parts = []
    today = _today(runtime).date()
    missing = runtime.hours.calendar.upcoming_unknown_year(
        today, runtime.settings.hours.alarm_month_day
    )
    if missing is not None:
        parts.append(alarm_text(t, missing))
    parts.append(await _year_view_text(runtime, t, year))
    markup = None
    assert context.profile is not None
    if context.profile.has_role("admin"):
        parts.append(t("holidays-admin-hint", year=str(year)))
        button = InlineKeyboardButton(
            t("holidays-enter-button", year=str(year)), callback_data=encode(EnterNotice(year))
        )
        markup = InlineKeyboardMarkup([[button]])
    await reply(update, "\n\n".join(parts), markup)


# --- Entering a notice (admins) -----------------------------------------------------------


def _draft(context: FrontdeskContext) -> Draft | None:
    return context.drafts.get(Draft)


@require_role("admin")
async def begin(update: Update, context: FrontdeskContext) -> int | None:
    """The "enter the notice" button: ask for the first festival."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    year = pressed(EnterNotice, update).year
    draft = context.drafts.put(Draft(year))
    await reply(update, context.t("holidays-enter-intro", year=str(year)))
    await reply(update, _prompt(context.t, draft))
    return STEP


async def step(update: Update, context: FrontdeskContext) -> int:
    """One festival's line: checked at once, then the next festival or the preview."""
    draft = _draft(context)
    message = update.effective_message
    if draft is None or message is None or message.text is None or draft.asking is None:
        return ConversationHandler.END
    festival = draft.asking
    text = message.text.strip()
    try:
        if _STATUTORY_ONLY.fullmatch(text):
            entry = notices.statutory_entry(festival, draft.year)
        else:
            entry = notices.parse_festival_line(festival, text, draft.year, festival)
        notices.check_entry(draft.year, entry)
    except NoticeError as exc:  # the step stays open: the next message is read again
        await reply(update, error_text(context.t, exc))
        return STEP
    draft.entries[festival] = entry
    draft.asking = draft.next_festival()
    if draft.asking is not None:
        await reply(update, _prompt(context.t, draft))
        return STEP
    return await _preview(update, context, draft, list(draft.entries.values()))


async def upload(update: Update, context: FrontdeskContext) -> int:
    """A YAML or CSV file of the notice, at any step."""
    message = update.effective_message
    draft = _draft(context)
    if message is None or message.document is None or draft is None:
        return ConversationHandler.END
    document = message.document
    name = document.file_name or "notice.yaml"
    t = context.t
    if (document.file_size or 0) > notices.MAX_FILE_BYTES or not name.lower().endswith(
        (".yaml", ".yml", ".csv")
    ):
        await reply(update, t("holidays-file-refused"))
        return STEP
    content = bytes(await (await document.get_file()).download_as_bytearray())
    try:
        year, entries = notices.parse_file(content, name, draft.year)
        if year != draft.year:
            raise NoticeError(notices.Problem.YEAR_MISMATCH, name, str(year), other=str(draft.year))
    except NoticeError as exc:
        await reply(update, error_text(t, exc))
        return STEP
    return await _preview(update, context, draft, entries)


async def _preview(
    update: Update, context: FrontdeskContext, draft: Draft, entries: list[FestivalEntry]
) -> int:
    """Check the whole notice; a festival that clashes with another is asked again."""
    t = context.t
    year = draft.year
    try:
        notice = notices.build_notice(year, entries)
    except NoticeError as exc:
        await reply(update, error_text(t, exc))
        if exc.line in draft.entries:
            del draft.entries[exc.line]
            draft.asking = exc.line
            await reply(update, _prompt(t, draft))
        elif draft.asking is None:
            draft.asking = draft.next_festival()
        return STEP
    draft.asking = None
    context.drafts.put(PendingNotice(year, notice))
    view = HolidayCalendar(staff={year: notice}).year_view(year)
    await reply(update, t("holidays-preview") + "\n\n" + year_text(t, view), _save_markup(t))
    return CONFIRM


def _save_markup(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(t("holidays-save-button"), callback_data=encode(SaveNotice())),
                InlineKeyboardButton(
                    t("holidays-cancel-button"), callback_data=encode(CancelNotice())
                ),
            ]
        ]
    )


@require_role("admin")
async def save(update: Update, context: FrontdeskContext) -> int | None:
    """Store the previewed notice: audited, and used at once on every instance."""
    query = update.callback_query
    assert query is not None
    assert context.profile is not None
    pending = context.drafts.pop(PendingNotice)
    if pending is None:
        await query.answer(context.t("button-invalid"), show_alert=True)
        return ConversationHandler.END
    await query.answer()
    year, notice = pending.year, pending.notice
    runtime = context.runtime
    now = runtime.clock.now()
    async with runtime.db.transaction() as session:
        await notices.save_notice(session, year, notice, context.profile.id, now)
        await audit.record(
            session,
            actor_id=context.profile.id,
            actor_name=context.profile.first_name,
            action="holidays.notice",
            subject=f"year:{year}",
            now=now,
            details=dict(notices.summarize(notice)),
        )
    runtime.hours.invalidate()
    await runtime.hours.refresh(_today(runtime).date())
    log.info("user #%s entered the holiday notice of %s", context.profile.id, year)
    context.drafts.pop(Draft)
    await reply(update, context.t("holidays-saved", year=str(year)))
    await reply(update, await _year_view_text(runtime, context.t, year))
    return ConversationHandler.END


async def cancel(update: Update, context: FrontdeskContext) -> int:
    """/cancel or the cancel button: nothing is stored."""
    if update.callback_query is not None:
        await update.callback_query.answer()
    context.drafts.pop(Draft)
    context.drafts.pop(PendingNotice)
    await reply(update, context.t("holidays-cancelled"))
    return ConversationHandler.END


async def reprompt(update: Update, context: FrontdeskContext) -> int:
    """Anything else during the entry (a photo, a sticker): say what is expected."""
    draft = _draft(context)
    if draft is None:
        return ConversationHandler.END
    if draft.asking is None:  # the preview waits for a button: Save / Cancel again
        await reply(update, context.t("holidays-press-a-button"), _save_markup(context.t))
        return CONFIRM
    await reply(update, context.t("holidays-need-text"))
    await reply(update, _prompt(context.t, draft))
    return STEP


# --- The yearly alarm ---------------------------------------------------------------------


async def alarm_tick(context: FrontdeskContext) -> None:
    """Once a day from ``alarm_from``, each admin hears that next year's notice is unknown."""
    await send_alarms(context.runtime)


async def send_alarms(runtime: Runtime) -> int:
    """Queue today's alarm for every admin (once per admin and day, on every instance)."""
    settings = runtime.settings.hours
    now_local = _today(runtime)
    if now_local.time() < time(settings.alarm_hour):
        return 0
    await runtime.hours.refresh(now_local.date())
    year = runtime.hours.calendar.upcoming_unknown_year(now_local.date(), settings.alarm_month_day)
    if year is None:
        return 0
    end_of_day = datetime.combine(now_local.date() + timedelta(days=1), time(0), now_local.tzinfo)
    queued = 0
    async with runtime.db.transaction() as session:
        for telegram_id, language, roles in await users.staff_chats(session):
            if "admin" not in roles:
                continue
            t = runtime.catalog.translator(language)
            added = await outbox.enqueue(
                session,
                chat_id=telegram_id,
                text=alarm_text(t, year) + "\n" + t("holidays-alarm-action", year=str(year)),
                source="holidays.alarm",
                now=runtime.clock.now(),
                expires_at=end_of_day,
                dedupe_key=f"holidays:alarm:{year}:{now_local.date().isoformat()}:{telegram_id}",
            )
            queued += added is not None
    return queued


def install(app: FrontdeskApplication) -> None:
    """/holidays, the admin's entry form and the daily alarm."""
    app.add_handler(CommandHandler("holidays", show_year))
    with warnings.catch_warnings():
        # per_message=False on purpose: the entry is tracked per admin and chat, and its
        # buttons are checked by the handlers themselves (a stale one is refused).
        warnings.filterwarnings("ignore", message=".*per_message=False.*")
        entry = ConversationHandler(
            entry_points=[CallbackQueryHandler(begin, pattern=matches(EnterNotice))],
            states={
                STEP: [
                    MessageHandler(filters.TEXT & ~filters.COMMAND, step),
                    MessageHandler(filters.Document.ALL, upload),
                ],
                CONFIRM: [
                    CallbackQueryHandler(save, pattern=matches(SaveNotice)),
                    MessageHandler(filters.Document.ALL, upload),
                ],
            },
            fallbacks=[
                CommandHandler("cancel", cancel),
                CallbackQueryHandler(cancel, pattern=matches(CancelNotice)),
                MessageHandler(~filters.COMMAND, reprompt),
            ],
            per_user=True,
            per_chat=True,
            allow_reentry=True,
            name="holidays-entry",
        )
    app.add_handler(entry)


MANIFEST = Manifest(
    name="holidays",
    install=install,
    commands=COMMANDS,
    jobs=[Job(ALARM_JOB, alarm_tick, every=lambda _runtime: ALARM_TICK_SECONDS)],
    # The staff buttons and the role each needs (the guard of their handlers is checked).
    buttons={
        buttons.EnterNotice: "admin",
        buttons.SaveNotice: "admin",
    },
)
