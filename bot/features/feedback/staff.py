"""Staff on an alert: answer the resident (identity never shown), resolve, see the photos."""

from __future__ import annotations

import logging
import warnings

from telegram import (
    ForceReply,
    InlineKeyboardMarkup,
    Message,
    Update,
)
from telegram.error import TelegramError
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.context import FrontdeskContext
from bot.features.feedback import service as feedback
from bot.features.feedback.buttons import Photos, Reply, Resolve
from bot.features.feedback.resident import _forget, cancel
from bot.features.feedback.service import Answered, Author, FeedbackError
from bot.features.feedback.views import (
    STAFF_ANSWER,
    StaffAnswer,
    _button,
)
from bot.tg.buttons import matches, pressed
from bot.tg.guards import allowed, require_role
from bot.tg.reply import say

log = logging.getLogger(__name__)


@require_role("staff")
async def start_answer(update: Update, context: FrontdeskContext) -> int | None:
    """Staff pressed Reply on an alert: ask for the answer (a reply to the prompt)."""
    query = update.callback_query
    assert query is not None
    context.drafts.pop(StaffAnswer)  # a stale press starts nothing
    feedback_id = pressed(Reply, update).feedback_id
    async with context.runtime.db.read() as session:
        item = await feedback.load_item(session, feedback_id)
    if item is None:
        await query.answer(context.t("feedback-reply-missing"), show_alert=True)
        return None
    if item.forgotten:
        await query.answer(context.t("feedback-reply-forgotten-short"), show_alert=True)
        if not item.resolved:
            await say(
                update,
                context.t("feedback-reply-forgotten", id=feedback_id),
                _resolve_only(context, feedback_id),
            )
        return None
    await query.answer()
    context.drafts.put(StaffAnswer(feedback_id))
    limit = context.runtime.settings.feedback.reply_max_chars
    await say(
        update,
        context.t("feedback-reply-prompt", id=feedback_id, limit=limit),
        ForceReply(selective=True),
    )
    return STAFF_ANSWER


async def send_answer(update: Update, context: FrontdeskContext) -> int:
    """Staff's answer goes to the resident through the outbox (identity never shown)."""
    message = update.effective_message
    profile = context.profile
    answering = context.drafts.get(StaffAnswer)
    if message is None or message.text is None or profile is None or answering is None:
        return ConversationHandler.END
    if not await allowed(update, context, "staff", "feedback answer"):
        _forget(context)
        return ConversationHandler.END
    runtime = context.runtime
    try:
        async with runtime.db.transaction() as session:
            outcome = await feedback.answer(
                session,
                feedback_id=answering.feedback_id,
                staff=Author(profile.id, profile.first_name),
                text=message.text.strip(),
                now=runtime.clock.now(),
                settings=runtime.settings.feedback,
                catalog=runtime.catalog,
            )
    except FeedbackError as refused:
        await message.reply_text(context.t(refused.key, **refused.args_for_text))
        return STAFF_ANSWER
    _forget(context)
    if outcome is Answered.FORGOTTEN:
        await message.reply_text(
            context.t("feedback-reply-forgotten", id=answering.feedback_id),
            reply_markup=_resolve_only(context, answering.feedback_id),
        )
    else:
        await message.reply_text(
            context.t(
                "feedback-reply-sent" if outcome is Answered.SENT else "feedback-reply-missing"
            )
        )
    return ConversationHandler.END


def _resolve_only(context: FrontdeskContext, feedback_id: int) -> InlineKeyboardMarkup:
    """The one thing left to do with a forgotten author's feedback: take it off the open list."""
    return InlineKeyboardMarkup(
        [[_button(context.t("feedback-button-resolve"), Resolve(feedback_id))]]
    )


@require_role("staff")
async def resolve(update: Update, context: FrontdeskContext) -> None:
    """Mark resolved: the resident is told; a second press (or a colleague's) changes nothing."""
    query = update.callback_query
    profile = context.profile
    assert query is not None
    assert profile is not None
    feedback_id = pressed(Resolve, update).feedback_id
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        outcome = await feedback.resolve(
            session,
            feedback_id=feedback_id,
            staff=Author(profile.id, profile.first_name),
            now=runtime.clock.now(),
            catalog=runtime.catalog,
        )
    if outcome == "missing":
        await query.answer(context.t("feedback-reply-missing"), show_alert=True)
        return
    if outcome == "already":
        await query.answer(context.t("feedback-resolved-already"), show_alert=True)
        return
    await query.answer(
        context.t(
            "feedback-resolved-done" if outcome == "resolved" else "feedback-resolved-quietly"
        )
    )
    message = query.message
    if isinstance(message, Message) and message.text is not None:
        marker = context.t("feedback-resolved-marker", name=profile.first_name)
        # Answering stays possible after resolving, unless there is nobody left to answer.
        keep = (
            InlineKeyboardMarkup(
                [[_button(context.t("feedback-button-reply"), Reply(feedback_id))]]
            )
            if outcome == "resolved"
            else None
        )
        try:
            await query.edit_message_text(
                "\n\n".join((message.text_html, marker)),
                reply_markup=keep,
            )
        except TelegramError as exc:
            log.debug("alert not marked resolved: %s", exc)


@require_role("staff")
async def show_photos(update: Update, context: FrontdeskContext) -> None:
    """Send the feedback's photos to the staff chat (by Telegram file id)."""
    query = update.callback_query
    assert query is not None
    feedback_id = pressed(Photos, update).feedback_id
    if update.effective_chat is None:
        await query.answer(context.t("button-invalid"), show_alert=True)
        return
    async with context.runtime.db.read() as session:
        item = await feedback.load_item(session, feedback_id)
    if item is None or not item.photos:
        await query.answer(context.t("feedback-photos-none"), show_alert=True)
        return
    await query.answer()
    for file_id in item.photos:
        try:
            await context.bot.send_photo(update.effective_chat.id, file_id)
        except TelegramError as exc:
            log.info("feedback photo not sent: %s", exc)


def build_answer() -> ConversationHandler[FrontdeskContext]:
    """A staff member's answer to a resident: Reply, then their text (a reply in groups)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*per_message=False.*")  # as above
        return ConversationHandler(
            entry_points=[CallbackQueryHandler(start_answer, pattern=matches(Reply))],
            states={
                STAFF_ANSWER: [MessageHandler(filters.TEXT & ~filters.COMMAND, send_answer)],
            },
            fallbacks=[CommandHandler("cancel", cancel)],
            per_user=True,
            per_chat=True,
            allow_reentry=True,
            name="feedback-answer",
        )
