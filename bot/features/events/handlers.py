"""Events: the list and cards for residents, and the staff's create/edit/cancel commands."""

from __future__ import annotations

import logging
import warnings
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.callbacks import encode
from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.features.events import buttons
from bot.features.events import service as events
from bot.features.events.buttons import (
    ConfirmCancel,
    DropDraft,
    EditField,
    EventCalendar,
    JoinEvent,
    LeaveEvent,
    PickCancel,
    PickEdit,
    PickPage,
    PublishDraft,
    ShowEvent,
)
from bot.features.events.staff import (
    cancel_event,
    cancel_picked,
    confirm_cancel,
    creation_step,
    drop,
    edit_event,
    edit_field,
    edit_picked,
    edit_value,
    new_event,
    not_text,
    publish,
    stop,
    turn_page,
)
from bot.features.events.views import (
    CAPACITY,
    EDIT_FIELD,
    EDIT_VALUE,
    PREVIEW,
    TITLE_ZH,
    _when,
    card,
)
from bot.i18n import message_keys
from bot.manifest import Manifest
from bot.tg.buttons import matches, on

log = logging.getLogger(__name__)

SIGN_UP_TEXTS = message_keys(
    events.SignUp,
    {
        events.SignUp.JOINED: "events-joined",
        events.SignUp.ALREADY: "events-already",
        events.SignUp.FULL: "events-full",
        events.SignUp.CLOSED: "events-closed",
    },
)


COMMANDS = [
    CommandSpec("events", "cmd-events"),
    CommandSpec("newevent", "cmd-newevent", role="staff"),
    CommandSpec("editevent", "cmd-editevent", role="staff"),
    CommandSpec("cancelevent", "cmd-cancelevent", role="staff"),
]


async def list_events(update: Update, context: FrontdeskContext) -> None:
    """/events and the menu button: upcoming events, one button each."""
    message = update.effective_message
    if message is None:
        return
    runtime = context.runtime
    user_id = context.profile.id if context.profile else None
    async with runtime.db.read() as session:
        upcoming = await events.upcoming(session, runtime.clock.now(), user_id)
    if not upcoming:
        await message.reply_text(context.t("events-none"))
        return
    rows = [
        [
            InlineKeyboardButton(
                ("✅ " if view.signed_up else "")
                + context.t(
                    "events-button",
                    when=_when(context, view.starts_at)[5:],
                    title=view.title(context.language)[:40],
                ),
                callback_data=encode(ShowEvent(view.id)),
            )
        ]
        for view in upcoming
    ]
    await message.reply_text(
        context.t("events-list-title"),
        reply_markup=InlineKeyboardMarkup(rows),
    )


async def show_event(update: Update, context: FrontdeskContext, press: ShowEvent) -> None:
    """An event from the list: its card, as a new message."""
    await _card_pressed(update, context, press.event_id, "show")


async def join_event(update: Update, context: FrontdeskContext, press: JoinEvent) -> None:
    """Sign up (or join the waitlist); the card is redrawn."""
    await _card_pressed(update, context, press.event_id, "join")


async def leave_event(update: Update, context: FrontdeskContext, press: LeaveEvent) -> None:
    """Withdraw; the card is redrawn."""
    await _card_pressed(update, context, press.event_id, "leave")


async def send_calendar(update: Update, context: FrontdeskContext, press: EventCalendar) -> None:
    """The event as an .ics file."""
    await _card_pressed(update, context, press.event_id, "ics")


async def _card_pressed(
    update: Update, context: FrontdeskContext, event_id: int, action: str
) -> None:
    query = update.callback_query
    assert query is not None
    assert context.profile is not None  # on() answers a press without a profile
    runtime = context.runtime
    now = runtime.clock.now()
    profile = context.profile
    answer = None
    if action == "join":
        async with runtime.db.transaction() as session:
            outcome = await events.sign_up(session, event_id, profile.id, now)
        answer = context.t(SIGN_UP_TEXTS[outcome])
    elif action == "leave":
        async with runtime.db.transaction() as session:
            left = await events.withdraw(session, event_id, profile.id, now)
        answer = context.t("events-left" if left else "events-not-in")
    async with runtime.db.read() as session:
        view = await events.get(session, event_id, profile.id)
    if view is None:
        await query.answer(context.t("button-invalid"), show_alert=True)
        return
    await query.answer(answer)
    chat = update.effective_chat
    if chat is None:
        return
    if action == "ics":
        await context.bot.send_document(
            chat.id,
            events.ics(view, context.language, runtime.centre),
            filename=events.ics_filename(view),
            caption=context.t("events-ics-caption", title=view.title(context.language)),
        )
        return
    text, markup = card(context, view, now)
    if action == "show":
        await context.bot.send_message(chat.id, text, reply_markup=markup)
        return
    try:
        await query.edit_message_text(text, reply_markup=markup)
    except BadRequest as exc:  # unchanged card (e.g. a second press)
        log.debug("event card not edited: %s", exc)


def install(app: FrontdeskApplication) -> None:
    text = filters.TEXT & ~filters.COMMAND
    other = ~filters.TEXT & ~filters.StatusUpdate.ALL
    fallbacks: list[BaseHandler[Update, FrontdeskContext, Any]] = [
        CommandHandler("cancel", stop),
        MessageHandler(other, not_text),
    ]
    step: BaseHandler[Update, FrontdeskContext, Any] = MessageHandler(text, creation_step)
    with warnings.catch_warnings():
        # per_message=False: buttons tracked per chat, as in /broadcast (one draft per chat).
        warnings.simplefilter("ignore", PTBUserWarning)
        creating = ConversationHandler(
            entry_points=[CommandHandler("newevent", new_event)],
            states={
                **{state: [step] for state in range(TITLE_ZH, CAPACITY + 1)},
                PREVIEW: [
                    CallbackQueryHandler(publish, pattern=matches(PublishDraft)),
                    CallbackQueryHandler(drop, pattern=matches(DropDraft)),
                ],
            },
            fallbacks=fallbacks,
            name="events-create",
        )
        editing = ConversationHandler(
            entry_points=[
                CommandHandler("editevent", edit_event),
                CallbackQueryHandler(edit_picked, pattern=matches(PickEdit)),
            ],
            states={
                EDIT_FIELD: [
                    MessageHandler(text, edit_field),
                    CallbackQueryHandler(edit_field, pattern=matches(EditField)),
                ],
                EDIT_VALUE: [MessageHandler(text, edit_value)],
            },
            fallbacks=fallbacks,
            name="events-edit",
        )
    app.add_handler(creating)
    app.add_handler(editing)
    app.add_handler(CommandHandler("events", list_events))
    app.add_handler(CommandHandler("cancelevent", cancel_event))
    app.add_handlers(
        [
            on(ShowEvent, show_event),
            on(JoinEvent, join_event),
            on(LeaveEvent, leave_event),
            on(EventCalendar, send_calendar),
            on(ConfirmCancel, confirm_cancel),
            on(PickCancel, cancel_picked),
            on(PickPage, turn_page),
        ]
    )


MANIFEST = Manifest(
    name="events",
    install=install,
    commands=COMMANDS,
    menu_actions={"events": list_events},
    privacy=lambda _runtime: [events.DATA_SECTION],
    reminders=lambda: [events.EventReminderSource()],
    # The staff buttons and the role each needs (the guard of their handlers is checked).
    buttons={
        buttons.ConfirmCancel: "staff",
        buttons.PickCancel: "staff",
        buttons.PickEdit: "staff",
        buttons.PublishDraft: "staff",
    },
)
