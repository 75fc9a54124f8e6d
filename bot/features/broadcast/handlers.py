"""Announcements: the guided ``/broadcast`` conversation, live progress, topic subscriptions."""

from __future__ import annotations

import logging
import warnings
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.callbacks import encode
from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.features.broadcast import buttons, compose, service
from bot.features.broadcast.buttons import (
    STEPS,
    ChangeValidity,
    ChooseAudience,
    ChooseParam,
    ChooseUrgency,
    ConfirmBroadcast,
    DropBroadcast,
    FollowTopic,
    NoExpiry,
    Pause,
    Resume,
    SendNow,
    SkipStep,
    Stop,
)
from bot.features.broadcast.compose import (
    begin,
    cancelled,
    change_validity,
    confirmed,
    got_audience,
    got_en,
    got_param,
    got_photo,
    got_urgent,
    got_valid,
    got_when,
    got_zh,
    no_expiry,
    not_a_photo,
    now_chosen,
    reprompt,
    skip_en,
    skip_photo,
    text_at_photo,
)
from bot.features.broadcast.progress import ProgressMonitor, control, list_broadcasts, progress_job
from bot.features.broadcast.views import (
    AUDIENCE,
    CONFIRM,
    EN,
    PARAM,
    PHOTO,
    URGENT,
    VALID,
    WHEN,
    ZH,
)
from bot.i18n import Translator
from bot.manifest import Job, Manifest
from bot.tg.buttons import matches, on, stale_button
from bot.tg.deeplink import link_gone, link_of, on_start
from bot.tg.forms import Form
from bot.tg.reply import say

log = logging.getLogger(__name__)


COMMANDS = [
    CommandSpec("subscriptions", "cmd-subscriptions", private=True),
    CommandSpec("broadcast", "cmd-broadcast", role="staff"),
    CommandSpec("broadcasts", "cmd-broadcasts", role="staff"),
]


def _subscription_markup(t: Translator, followed: set[str]) -> InlineKeyboardMarkup:
    rows = []
    for topic in service.TOPICS:
        mark = "✅" if topic in followed else "◻️"
        label = t("subscriptions-button", mark=mark, topic=t(service.TOPIC_TEXTS[topic]))
        rows.append([InlineKeyboardButton(label, callback_data=encode(FollowTopic(topic)))])
    return InlineKeyboardMarkup(rows)


async def subscriptions(update: Update, context: FrontdeskContext) -> None:
    """Show the topics with a ✅ on those the resident follows; a press toggles one."""
    if update.effective_message is None or context.profile is None:
        return
    async with context.runtime.db.read() as session:
        followed = await service.followed_topics(session, context.profile.id)
    await update.effective_message.reply_text(
        context.t("subscriptions-prompt"),
        reply_markup=_subscription_markup(context.t, followed),
    )


async def topic_link(update: Update, context: FrontdeskContext) -> None:
    """``/start topic_health`` (a poster): follow that topic, and show all of them."""
    topic = link_of(update).arg or ""
    if topic not in service.TOPICS or context.profile is None:
        await link_gone(update, context)
        return
    async with context.runtime.db.transaction() as session:
        await service.follow_topic(session, context.profile.id, topic)
        followed = await service.followed_topics(session, context.profile.id)
    await say(
        update,
        context.t("subscriptions-on", topic=context.t(service.TOPIC_TEXTS[topic])),
        _subscription_markup(context.t, followed),
    )


async def toggle_subscription(
    update: Update, context: FrontdeskContext, press: FollowTopic
) -> None:
    """Follow or stop following the pressed topic."""
    query = update.callback_query
    assert query is not None
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        now_followed = await service.toggle_topic(
            session, context.profile.id, press.topic, runtime.clock.now()
        )
        followed = await service.followed_topics(session, context.profile.id)
    topic = context.t(service.TOPIC_TEXTS[press.topic])
    key = "subscriptions-on" if now_followed else "subscriptions-off"
    await query.answer(context.t(key, topic=topic))
    try:
        await query.edit_message_reply_markup(_subscription_markup(context.t, followed))
    except BadRequest as error:  # two quick presses: the second shows the same state
        log.debug("subscriptions not re-drawn: %s", error)


def conversation() -> Form:
    """The guided ``/broadcast`` conversation."""
    text = filters.TEXT & ~filters.COMMAND
    steps: dict[object, list[Any]] = {
        ZH: [MessageHandler(text | filters.PHOTO, got_zh)],
        PHOTO: [
            MessageHandler(filters.PHOTO, got_photo),
            CallbackQueryHandler(skip_photo, pattern=matches(SkipStep)),
            MessageHandler(text, text_at_photo),
            MessageHandler(~filters.COMMAND, not_a_photo),  # a file, a sticker, a voice note
        ],
        EN: [
            MessageHandler(text, got_en),
            CallbackQueryHandler(skip_en, pattern=matches(SkipStep)),
        ],
        AUDIENCE: [CallbackQueryHandler(got_audience, pattern=matches(ChooseAudience))],
        PARAM: [CallbackQueryHandler(got_param, pattern=matches(ChooseParam))],
        URGENT: [CallbackQueryHandler(got_urgent, pattern=matches(ChooseUrgency))],
        WHEN: [
            CallbackQueryHandler(now_chosen, pattern=matches(SendNow)),
            MessageHandler(text, got_when),
        ],
        CONFIRM: [
            CallbackQueryHandler(confirmed, pattern=matches(ConfirmBroadcast)),
            CallbackQueryHandler(change_validity, pattern=matches(ChangeValidity)),
        ],
        VALID: [
            CallbackQueryHandler(no_expiry, pattern=matches(NoExpiry)),
            MessageHandler(text, got_valid),
        ],
    }
    with warnings.catch_warnings():
        # PTB warns that with per_message=False buttons are tracked per chat, not per
        # message: intended here (one draft per staff member and chat).
        warnings.simplefilter("ignore", PTBUserWarning)
        return Form(
            entry_points=[CommandHandler("broadcast", begin)],
            states=steps,
            fallbacks=[
                CommandHandler("cancel", cancelled),
                CallbackQueryHandler(cancelled, pattern=matches(DropBroadcast)),
                # A button of another step: the one answer to a stale button.
                CallbackQueryHandler(stale_button, pattern=matches(*STEPS)),
                MessageHandler(~filters.COMMAND, reprompt),
            ],
            per_user=True,
            per_chat=True,
            allow_reentry=True,
            name=compose.FORM_NAME,
            keyboard=compose.step_keyboard,
        )


def install(app: FrontdeskApplication) -> None:
    """The conversation, progress buttons, /broadcasts, /subscriptions and the progress job."""
    app.add_handler(conversation())
    app.add_handler(on(Pause, control))
    app.add_handler(on(Resume, control))
    app.add_handler(on(Stop, control))
    app.add_handler(CommandHandler("broadcasts", list_broadcasts))
    app.add_handler(on_start("topic", topic_link))
    app.add_handler(CommandHandler("subscriptions", subscriptions))
    app.add_handler(on(FollowTopic, toggle_subscription))


MANIFEST = Manifest(
    name="broadcast",
    install=install,
    commands=COMMANDS,
    jobs=[
        Job(
            "broadcast-progress",
            progress_job,
            every=lambda runtime: float(runtime.settings.broadcast.progress_seconds),
        )
    ],
    services=[ProgressMonitor],
    # The staff buttons and the role each needs (the guard of their handlers is checked).
    buttons={
        buttons.ConfirmBroadcast: "staff",
        buttons.Pause: "staff",
        buttons.Resume: "staff",
        buttons.Stop: "staff",
    },
)
