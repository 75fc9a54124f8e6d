"""Ask a person: residents pass a question to staff; staff answer by replying or /answer."""

from __future__ import annotations

import logging
import re

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Message, Update
from telegram.error import TelegramError
from telegram.ext import CommandHandler, MessageHandler, filters

from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.features.askstaff import service as askstaff
from bot.features.askstaff.buttons import SendDraft
from bot.features.askstaff.service import AskError, Question
from bot.manifest import Manifest
from bot.tg.buttons import on
from bot.tg.deeplink import on_start
from bot.tg.guards import require_role
from bot.tg.menu import send_menu

log = logging.getLogger(__name__)

NOTICE_MARK = "❓ #"  # every staff notification starts with this, then the question's number
_NOTICE_RE = re.compile(r"^❓ #(\d{1,12})\b")

COMMANDS = [
    CommandSpec("ask", "cmd-ask"),
    CommandSpec("questions", "cmd-questions", role="staff"),
    CommandSpec("answer", "cmd-answer", role="staff"),
]


async def keep_draft(context: FrontdeskContext, chat_id: int, text: str) -> int:
    """Store an unanswered question so that one press can pass it on."""
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        return await askstaff.save_draft(
            session, context.profile.id, chat_id, text, runtime.clock.now()
        )


async def notify_staff(
    context: FrontdeskContext, session: AsyncSession, question: Question
) -> None:
    """Owe every staff member a notice, in the transaction that opened the question."""
    runtime = context.runtime
    told = await askstaff.enqueue_staff_notices(
        session, question, runtime.catalog, runtime.clock.now()
    )
    if not told:
        log.warning("question #%s: there is no staff member to tell", question.id)


async def ask_command(update: Update, context: FrontdeskContext) -> None:
    """/ask <question>: send a question to the staff."""
    message = update.effective_message
    if message is None or message.text is None or update.effective_chat is None:
        return
    assert context.profile is not None
    text = message.text.partition(" ")[2]
    runtime = context.runtime
    try:
        async with runtime.db.transaction() as session:
            question = await askstaff.ask(
                session, context.profile.id, update.effective_chat.id, text, runtime.clock.now()
            )
            await notify_staff(context, session, question)
    except AskError as exc:
        await message.reply_text(context.t(f"ask-error-{exc.code}"))
        return
    await message.reply_text(context.t("ask-sent", id=str(question.id)))


async def ask_link(update: Update, context: FrontdeskContext) -> None:
    """``/start ask`` (the poster by the service window): how to ask a person."""
    await send_menu(update, context, context.t("ask-link-intro"))


async def send_draft(update: Update, context: FrontdeskContext, press: SendDraft) -> None:
    """The "ask a person" button under an unanswered question."""
    query = update.callback_query
    assert query is not None
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        question = await askstaff.send_draft(
            session, press.draft_id, context.profile.id, runtime.clock.now()
        )
        if question is not None:
            await notify_staff(context, session, question)
    if question is None:  # someone else's, already sent, expired or forged
        await query.answer(context.t("ask-draft-invalid"), show_alert=True)
        return
    await query.answer()
    try:
        await query.edit_message_text(context.t("ask-sent", id=str(question.id)))
    except TelegramError as exc:
        log.debug("draft message not edited: %s", exc)


async def _answer(update: Update, context: FrontdeskContext, question_id: int, text: str) -> None:
    message = update.effective_message
    assert message is not None
    assert context.profile is not None
    runtime = context.runtime
    try:
        async with runtime.db.transaction() as session:
            question = await askstaff.answer(
                session, question_id, context.profile.id, text, runtime.clock.now()
            )
            await askstaff.enqueue_answer(session, question, runtime.catalog, runtime.clock.now())
    except AskError as exc:
        await message.reply_text(context.t(f"ask-error-{exc.code}", id=str(question_id)))
        return
    log.info("user #%s answered question #%s", context.profile.id, question_id)
    await message.reply_text(
        context.t("ask-answer-saved", id=str(question_id), name=question.asker_name)
    )


@require_role("staff")
async def answer_command(update: Update, context: FrontdeskContext) -> None:
    """/answer <id> <text>: answer a resident's question."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    parts = message.text.split(maxsplit=2)
    if len(parts) < 3 or not parts[1].lstrip("#").isdigit() or len(parts[1]) > 13:
        await message.reply_text(context.t("ask-answer-usage"))
        return
    await _answer(update, context, int(parts[1].lstrip("#")), parts[2])


class _ReplyToNotice(filters.MessageFilter):
    """A reply to one of the bot's staff notifications (they start with ``❓ #<id>``)."""

    def filter(self, message: Message) -> bool:
        replied = message.reply_to_message
        return bool(
            replied is not None
            and replied.from_user is not None
            and replied.from_user.is_bot
            and replied.text
            and _NOTICE_RE.match(replied.text)
        )


@require_role("staff")
async def answer_by_reply(update: Update, context: FrontdeskContext) -> None:
    """A staff member replied to a notification: that reply is the answer."""
    message = update.effective_message
    if message is None or message.text is None or update.effective_chat is None:
        return
    replied = message.reply_to_message
    assert replied is not None
    async with context.runtime.db.read() as session:
        question_id = await askstaff.question_of_notice(
            session, update.effective_chat.id, replied.message_id
        )
    if question_id is None:
        await message.reply_text(context.t("ask-answer-usage"))
        return
    await _answer(update, context, question_id, message.text)


@require_role("staff")
async def list_open(update: Update, context: FrontdeskContext) -> None:
    """/questions: the open questions, oldest first."""
    message = update.effective_message
    if message is None:
        return
    runtime = context.runtime
    async with runtime.db.read() as session:
        questions = await askstaff.open_questions(session)
    if not questions:
        await message.reply_text(context.t("ask-open-empty"))
        return
    zone = runtime.centre.zone
    lines = [context.t("ask-open-title")]
    for question in questions:
        asked = question.asked_at.astimezone(zone) if question.asked_at else None
        lines.append(
            context.t(
                "ask-open-line",
                id=str(question.id),
                name=question.asker_name,
                when=asked.strftime("%m-%d %H:%M") if asked else "",
                text=question.text[:200],
            )
        )
    lines.append(context.t("ask-open-footer"))
    await message.reply_text("\n".join(lines))


def install(app: FrontdeskApplication) -> None:
    """Before the free-text handler: a staff reply to a notification is an answer."""
    app.add_handler(on_start("ask", ask_link))
    app.add_handler(CommandHandler("ask", ask_command))
    app.add_handler(CommandHandler("answer", answer_command))
    app.add_handler(CommandHandler("questions", list_open))
    app.add_handler(on(SendDraft, send_draft))
    app.add_handler(
        MessageHandler(
            filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE & _ReplyToNotice(),
            answer_by_reply,
        )
    )


MANIFEST = Manifest(
    name="askstaff",
    install=install,
    commands=COMMANDS,
    privacy=lambda _runtime: [askstaff.DATA_SECTION],
)
