"""Reminders: the job that writes due reminders to the outbox, /reminders, "I can't come"."""

from __future__ import annotations

import logging
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot import dates
from bot.callbacks import encode
from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.features.reminders.buttons import AllOff, Defaults, SwitchLead
from bot.i18n import Translator, message_keys
from bot.manifest import Job, Manifest
from bot.runtime import Runtime
from bot.services import reminders
from bot.services.reminders import UndoCantCome
from bot.tg.buttons import matches, pressed, pressed_any, stale_button
from bot.tg.reply import alert, say, show, toast

log = logging.getLogger(__name__)

CHOICE_TEXTS = message_keys(
    reminders.LEAD_CHOICES,
    {
        reminders.EVENING: "reminders-choice-eve",
        "1440": "reminders-choice-1440",
        "180": "reminders-choice-180",
        "60": "reminders-choice-60",
        "30": "reminders-choice-30",
    },
)
CANT_COME_TEXTS = message_keys(
    reminders.CantCome,
    {
        reminders.CantCome.DONE: "reminders-cant-absence",
        reminders.CantCome.WITHDRAWN: "reminders-cant-withdrawn",
        reminders.CantCome.NOT_EXPECTED: "reminders-cant-not-expected",
        reminders.CantCome.STALE: "reminders-cant-stale",
    },
)

# What "I can't come" changed (the others are refusals, answered with a note to close).
_CANT_COME_DONE = frozenset({reminders.CantCome.DONE, reminders.CantCome.WITHDRAWN})
UNDO_TEXTS = message_keys(
    reminders.UndoCantComeOutcome,
    {
        reminders.UndoCantComeOutcome.UNDONE: "reminders-undone",
        reminders.UndoCantComeOutcome.EXPIRED: "reminders-undo-expired",
        reminders.UndoCantComeOutcome.SEAT_GONE: "reminders-undo-seat-gone",
        reminders.UndoCantComeOutcome.STALE: "reminders-cant-stale",
    },
)

COMMANDS = [CommandSpec("reminders", "cmd-reminders", private=True)]


def build_planner(runtime: Runtime) -> reminders.Reminders:
    settings = runtime.settings.reminders
    planner = reminders.Reminders(
        catalog=runtime.catalog,
        centre=runtime.centre,
        evening_hour=settings.evening_hour,
        default_leads=reminders.parse_leads(settings.default_leads),
        hours=runtime.hours.book,
    )
    for source in runtime.reminder_sources:  # from the features' manifests
        planner.register(source)
    return planner


def planner_of(app: Application[Any, Any, Any, Any, Any, Any]) -> reminders.Reminders:
    return app.bot_data.services.get(reminders.Reminders)


async def tick(app: Application[Any, Any, Any, Any, Any, Any]) -> reminders.TickReport:
    """One run of the reminder job: write what is due now, then wake the sender."""
    runtime = app.bot_data.runtime
    async with runtime.db.transaction() as session:
        report = await planner_of(app).enqueue_due_reminders(session, runtime.clock.now())
    if report.enqueued:
        log.info("reminders: %d written to the outbox (%d late)", report.enqueued, report.late)
    return report


async def reminder_job(context: FrontdeskContext) -> None:
    """The repeating job (a failure is logged and the next run tries again)."""
    try:
        await tick(context.application)
    except Exception:
        log.exception("reminder job failed; the next run will try again")


def _settings_view(
    t: Translator, leads: tuple[str, ...], hour: int
) -> tuple[str, InlineKeyboardMarkup]:
    current = (
        t("reminders-list-separator").join(t(CHOICE_TEXTS[code], hour=hour) for code in leads)
        if leads
        else t("reminders-current-off")
    )
    rows = [
        [
            InlineKeyboardButton(
                ("✅ " if code in leads else "▫️ ") + t(CHOICE_TEXTS[code], hour=hour),
                callback_data=encode(SwitchLead(code)),
            )
        ]
        for code in reminders.LEAD_CHOICES
    ]
    rows.append(
        [
            InlineKeyboardButton(t("reminders-btn-off"), callback_data=encode(AllOff())),
            InlineKeyboardButton(t("reminders-btn-defaults"), callback_data=encode(Defaults())),
        ]
    )
    return t("reminders-settings", current=current), InlineKeyboardMarkup(rows)


async def show_settings(update: Update, context: FrontdeskContext) -> None:
    """/reminders: the resident's lead times, each a button that switches it."""
    if update.effective_message is None or context.profile is None:
        return
    runtime = context.runtime
    async with runtime.db.read() as session:
        stored = await reminders.preferences(session, context.profile.id)
    planner = planner_of(context.application)
    leads = reminders.parse_leads(stored, planner.default_leads)
    text, markup = _settings_view(context.t, leads, planner.evening_hour)
    await update.effective_message.reply_text(text, reply_markup=markup)


async def change_setting(update: Update, context: FrontdeskContext) -> None:
    """A press on the /reminders keyboard: switch one lead time, all off, or the defaults."""
    query = update.callback_query
    assert query is not None
    if context.profile is None:
        await stale_button(update, context)
        return
    runtime = context.runtime
    planner = planner_of(context.application)
    press = pressed_any(update, SwitchLead, AllOff, Defaults)
    async with runtime.db.transaction() as session:
        stored = await reminders.preferences(session, context.profile.id)
        leads = set(reminders.parse_leads(stored, planner.default_leads))
        if isinstance(press, AllOff):
            leads = set()
        elif isinstance(press, Defaults):
            leads = set(planner.default_leads)
        elif isinstance(press, SwitchLead):
            leads ^= {press.lead}
        chosen = await reminders.set_preferences(
            session, context.profile.id, leads, runtime.clock.now()
        )
    await query.answer(context.t("reminders-saved"))
    text, markup = _settings_view(context.t, chosen, planner.evening_hour)
    try:
        await query.edit_message_text(text, reply_markup=markup)
    except BadRequest as exc:  # "message is not modified" when nothing changed
        log.debug("reminder settings not edited: %s", exc)


def _reminder_part(update: Update) -> str:
    """The reminder as sent, without a note added below it by a press here.

    The reminder (``reminder-text``) has no blank line, and every note follows it after one.
    """
    query = update.callback_query
    message = query.message if query is not None else None
    if not isinstance(message, Message) or not message.text:
        return ""
    return message.text_html.split("\n\n", 1)[0]


async def _edit_reminder(
    update: Update, note: str, buttons: list[list[InlineKeyboardButton]]
) -> None:
    """The reminder with ``note`` below it (or the note alone, as a new message, when the
    reminder can no longer be edited)."""
    base = _reminder_part(update)
    markup = InlineKeyboardMarkup(buttons) if buttons else None
    if not base:
        await say(update, note, markup)
        return
    await show(update, base + "\n\n" + note, markup)


async def cant_come(update: Update, context: FrontdeskContext) -> None:
    """ "I can't come" under a reminder: the item's source frees the seat or notes the absence;
    the reminder then says which, with "undo" for ten minutes."""
    press = pressed(reminders.CantComeButton, update)
    planner = planner_of(context.application)
    source = planner.sources.get(press.kind)
    if source is None or context.profile is None:
        await alert(update, context.t("button-invalid"))
        return
    runtime = context.runtime
    now = runtime.clock.now()
    starts_at = reminders.from_epoch(press.epoch)
    async with runtime.db.transaction() as session:
        outcome = await source.cant_come(session, press.item_id, context.profile.id, starts_at, now)
    if outcome not in _CANT_COME_DONE:
        await alert(update, context.t(CANT_COME_TEXTS[outcome]))
        return
    when = dates.day_and_time(starts_at, planner.zone, context.language)
    note = context.t(CANT_COME_TEXTS[outcome], when=when)
    await toast(update, note)
    undo = UndoCantCome(press.kind, press.item_id, press.epoch)
    label = context.t("reminders-btn-undo")
    await _edit_reminder(update, note, [[InlineKeyboardButton(label, callback_data=encode(undo))]])


async def undo_cant_come(update: Update, context: FrontdeskContext) -> None:
    """ "Undo" after "I can't come": expected again, and the reminder gets its button back."""
    press = pressed(UndoCantCome, update)
    planner = planner_of(context.application)
    source = planner.sources.get(press.kind)
    if source is None or context.profile is None:
        await alert(update, context.t("button-invalid"))
        return
    runtime = context.runtime
    starts_at = reminders.from_epoch(press.epoch)
    async with runtime.db.transaction() as session:
        outcome = await source.undo_cant_come(
            session, press.item_id, context.profile.id, starts_at, runtime.clock.now()
        )
    text = context.t(UNDO_TEXTS[outcome])
    if outcome is not reminders.UndoCantComeOutcome.UNDONE:
        await alert(update, text)
        return
    await toast(update, text)
    again = reminders.CantComeButton(press.kind, press.item_id, press.epoch)
    label = context.t("reminder-cant-come")
    await _edit_reminder(update, text, [[InlineKeyboardButton(label, callback_data=encode(again))]])


def install(app: FrontdeskApplication) -> None:
    """/reminders, "I can't come" and the settings buttons."""
    app.add_handler(CommandHandler("reminders", show_settings))
    app.add_handler(CallbackQueryHandler(cant_come, pattern=matches(reminders.CantComeButton)))
    app.add_handler(CallbackQueryHandler(undo_cant_come, pattern=matches(UndoCantCome)))
    app.add_handler(
        CallbackQueryHandler(change_setting, pattern=matches(SwitchLead, AllOff, Defaults))
    )


MANIFEST = Manifest(
    name="reminders",
    install=install,
    commands=COMMANDS,
    privacy=lambda _runtime: [reminders.DATA_SECTION],
    jobs=[
        Job(
            "reminders-tick", reminder_job, every=lambda r: float(r.settings.reminders.tick_seconds)
        )
    ],
    services=[lambda app: build_planner(app.bot_data.runtime)],
)
