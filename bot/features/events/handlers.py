"""Events: the list and cards for residents, and the staff's create/edit/cancel commands."""

from __future__ import annotations

import logging
import warnings
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.features.events import buttons
from bot.features.events import service as events
from bot.features.events.buttons import (
    AcceptOffer,
    BackToCard,
    ConfirmCancel,
    ConfirmLeave,
    ConfirmLiftLimit,
    ConfirmMove,
    ConfirmRelocate,
    DeclineOffer,
    DropDraft,
    EditDone,
    EditField,
    EventCalendar,
    JoinEvent,
    JoinWithCompanions,
    KeepEvent,
    KeepLimit,
    KeepTime,
    KeepVenue,
    LeaveEvent,
    PickCancel,
    PickEdit,
    PickPage,
    PublishDraft,
    ShowEvent,
    UndoLeave,
)
from bot.features.events.resident import (
    accept_offer,
    back_to_card,
    confirm_leave,
    decline_offer,
    event_link,
    event_link_gone,
    join_event,
    join_with_companions,
    leave_event,
    offers_job,
    send_calendar,
    show_event,
    undo_leave,
)
from bot.features.events.staff import (
    cancel_event,
    cancel_picked,
    confirm_cancel,
    confirm_lift,
    confirm_move,
    confirm_relocate,
    creation_keyboard,
    creation_step,
    drop,
    edit_done,
    edit_event,
    edit_field,
    edit_keyboard,
    edit_picked,
    edit_value,
    keep_event,
    keep_limit,
    keep_time,
    keep_venue,
    new_event,
    not_text,
    publish,
    stop,
    turn_page,
)
from bot.features.events.views import (
    CAPACITY,
    COMPANIONS,
    EDIT_AGAIN,
    EDIT_FIELD,
    EDIT_VALUE,
    PREVIEW,
    TITLE_ZH,
    _when,
    list_button,
    standing,
)
from bot.manifest import Job, Manifest
from bot.tg.buttons import matches, on
from bot.tg.deeplink import on_misshapen_start, on_start
from bot.tg.forms import Form
from bot.tg.reply import say

log = logging.getLogger(__name__)


COMMANDS = [
    CommandSpec("events", "cmd-events"),
    CommandSpec("myevents", "cmd-myevents", private=True),
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
    rows = [[list_button(context, view)] for view in upcoming]
    await message.reply_text(
        context.t("events-list-title"),
        reply_markup=InlineKeyboardMarkup(rows),
    )


async def my_events(update: Update, context: FrontdeskContext) -> None:
    """/myevents: the events the resident signed up for, waits for or is offered seats at,
    each with a button to its card (where they can withdraw)."""
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.read() as session:
        mine = await events.mine(session, context.profile.id, runtime.clock.now())
    if not mine:
        await say(update, context.t("events-my-empty"))
        return
    zone = runtime.centre.zone
    lines = [context.t("events-my-title")]
    for view in mine:
        venue = runtime.centre.venue(view.venue_id)
        lines.append(
            context.t(
                "events-my-line",
                title=view.title(context.language),
                when=_when(context, view.starts_at),
                end=f"{view.ends_at.astimezone(zone):%H:%M}",
                venue=venue.name.get(context.language) if venue else view.venue_id,
                status=standing(context, view) or "",
            )
        )
    lines.append(context.t("events-my-hint"))
    rows = [[list_button(context, view)] for view in mine]
    await say(update, "\n\n".join(lines), InlineKeyboardMarkup(rows))


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
        creating = Form(
            entry_points=[CommandHandler("newevent", new_event)],
            states={
                **{state: [step] for state in range(TITLE_ZH, CAPACITY + 1)},
                COMPANIONS: [step],
                PREVIEW: [
                    CallbackQueryHandler(publish, pattern=matches(PublishDraft)),
                    CallbackQueryHandler(drop, pattern=matches(DropDraft)),
                ],
            },
            fallbacks=fallbacks,
            name="events-create",
            keyboard=creation_keyboard,
        )
        editing = Form(
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
                EDIT_AGAIN: [
                    MessageHandler(text, edit_field),
                    CallbackQueryHandler(edit_field, pattern=matches(EditField)),
                    CallbackQueryHandler(edit_done, pattern=matches(EditDone)),
                ],
            },
            fallbacks=fallbacks,
            name="events-edit",
            settled=frozenset({EDIT_AGAIN}),  # every change is stored: nothing to lose
            keyboard=edit_keyboard,
        )
    app.add_handler(creating)
    app.add_handler(editing)
    app.add_handler(on_start("event", event_link))
    app.add_handler(on_misshapen_start("event", event_link_gone))
    app.add_handler(CommandHandler("events", list_events))
    app.add_handler(CommandHandler("myevents", my_events))
    app.add_handler(CommandHandler("cancelevent", cancel_event))
    app.add_handlers(
        [
            on(ShowEvent, show_event),
            on(JoinEvent, join_event),
            on(JoinWithCompanions, join_with_companions),
            on(LeaveEvent, leave_event),
            on(ConfirmLeave, confirm_leave),
            on(BackToCard, back_to_card),
            on(UndoLeave, undo_leave),
            on(AcceptOffer, accept_offer),
            on(DeclineOffer, decline_offer),
            on(EventCalendar, send_calendar),
            on(ConfirmCancel, confirm_cancel),
            on(KeepEvent, keep_event),
            on(ConfirmMove, confirm_move),
            on(KeepTime, keep_time),
            on(ConfirmRelocate, confirm_relocate),
            on(ConfirmLiftLimit, confirm_lift),
            on(KeepLimit, keep_limit),
            on(KeepVenue, keep_venue),
            on(PickCancel, cancel_picked),
            on(PickPage, turn_page),
        ]
    )


MANIFEST = Manifest(
    name="events",
    install=install,
    commands=COMMANDS,
    menu_actions={"events": list_events, "myevents": my_events},
    privacy=lambda _runtime: [events.DATA_SECTION],
    reminders=lambda: [events.EventReminderSource()],
    # The staff buttons and the role each needs (the guard of their handlers is checked).
    buttons={
        buttons.ConfirmCancel: "staff",
        buttons.KeepEvent: "staff",
        buttons.ConfirmMove: "staff",
        buttons.KeepTime: "staff",
        buttons.ConfirmRelocate: "staff",
        buttons.ConfirmLiftLimit: "staff",
        buttons.KeepLimit: "staff",
        buttons.KeepVenue: "staff",
        buttons.PickCancel: "staff",
        buttons.PickEdit: "staff",
        buttons.PublishDraft: "staff",
    },
    jobs=[
        Job(
            "events-offers",
            offers_job,
            every=lambda runtime: float(runtime.settings.nightschool.expiry_check_seconds),
        )
    ],
)
