"""Ask a person: a real conversation (the helpdesk: ``desk`` for residents, ``staff_desk`` for
staff), in a staff group's topics or, without a group, as a thread in the on-duty staff
members' private chats (``direct``). With ``private_threads`` off and no group, the earlier
one-question flow: a question passed to staff members' private chats, answered by replying or
with /answer (also how questions asked before the helpdesk are still answered)."""

from __future__ import annotations

import logging
import re
import warnings
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import TelegramError
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.callbacks import decode, encode
from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.features.askstaff import desk, forwards, staff_desk, tickets
from bot.features.askstaff import service as askstaff
from bot.features.askstaff.buttons import (
    AnswerTicket,
    BanResident,
    Canned,
    CannedMenu,
    Claim,
    Close,
    Leave,
    OpenTicket,
    PickQuestion,
    Rate,
    SendDraft,
    SignToggle,
    TakeUpForwards,
)
from bot.features.askstaff.service import AskError, Question, Refusal
from bot.i18n import Translator, message_keys
from bot.manifest import Job, Manifest
from bot.tg.buttons import matches, on
from bot.tg.deeplink import on_start
from bot.tg.guards import allowed, checks_role_inside, require_role
from bot.tg.menu import send_menu

log = logging.getLogger(__name__)

REFUSAL_TEXTS = message_keys(
    Refusal,
    {
        Refusal.EMPTY: "ask-error-empty",
        Refusal.TOO_LONG: "ask-error-too_long",
        Refusal.ANSWER_EMPTY: "ask-error-answer_empty",
        Refusal.ANSWER_TOO_LONG: "ask-error-answer_too_long",
        Refusal.NOT_FOUND: "ask-error-not_found",
        Refusal.ALREADY_ANSWERED: "ask-error-already_answered",
    },
)

NOTICE_MARK = "❓ #"  # every staff notification starts with this, then the question's number
_NOTICE_RE = re.compile(r"^❓ #(\d{1,12})\b")

COMMANDS = [
    CommandSpec("ask", "cmd-ask"),
    CommandSpec("done", "cmd-done"),
    CommandSpec("questions", "cmd-questions", role="staff", private=True),
    CommandSpec("answer", "cmd-answer", role="staff", private=True),
    CommandSpec("tickets", "cmd-tickets", role="staff"),  # in the staff group too
    CommandSpec("ban", "cmd-ban", role="staff"),  # from a resident's topic
    CommandSpec("unban", "cmd-unban", role="staff"),
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
    if desk.helpdesk_on(runtime):
        limit = runtime.settings.helpdesk.max_text
        if len(text) > limit:
            await message.reply_text(context.t("hd-too-long", limit=limit))
            return
        first = (
            tickets.Incoming("text", text.strip(), None, message.chat_id, None)
            if text.strip()
            else None
        )
        await desk.open_conversation(update, context, first)
        return
    try:
        async with runtime.db.transaction() as session:
            question = await askstaff.ask(
                session, context.profile.id, update.effective_chat.id, text, runtime.clock.now()
            )
            await notify_staff(context, session, question)
    except AskError as exc:
        await message.reply_text(context.t(REFUSAL_TEXTS[exc.code]))
        return
    await message.reply_text(context.t("ask-sent", id=str(question.id)))


async def pass_on(update: Update, context: FrontdeskContext, t: Translator, text: str) -> bool:
    """Praise or a complaint about the centre (not the canteen's food): the resident's own
    words go to staff as they are, with thanks in the language they wrote in. ``False`` when
    they could not be passed on (too long, or the resident may not ask): the caller offers
    the button instead."""
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None or context.profile is None:
        return False
    runtime = context.runtime
    words = text.strip()
    if desk.helpdesk_on(runtime):
        if not words or len(words) > runtime.settings.helpdesk.max_text:
            return False
        await desk.open_conversation(
            update,
            context,
            tickets.Incoming("text", words, None, chat.id, message.message_id),
            thanks=t("ask-feedback-thanks"),
        )
        return True
    try:
        async with runtime.db.transaction() as session:
            question = await askstaff.ask(
                session, context.profile.id, chat.id, words, runtime.clock.now()
            )
            await notify_staff(context, session, question)
    except AskError:
        return False
    await message.reply_text(t("ask-feedback-thanks") + "\n" + t("ask-sent", id=str(question.id)))
    return True


async def ask_link(update: Update, context: FrontdeskContext) -> None:
    """``/start ask`` (the poster by the service window): with the helpdesk, the conversation
    with staff opens at once (as the menu's "talk to a person"); without it, how to ask."""
    if desk.helpdesk_on(context.runtime):
        await desk.open_conversation(update, context)
        return
    await send_menu(update, context, context.t("ask-link-intro"))


async def send_draft(update: Update, context: FrontdeskContext, press: SendDraft) -> None:
    """The "ask a person" button under an unanswered question."""
    query = update.callback_query
    assert query is not None
    assert context.profile is not None
    runtime = context.runtime
    if desk.helpdesk_on(runtime):
        async with runtime.db.transaction() as session:
            text = await askstaff.take_draft(
                session, press.draft_id, context.profile.id, runtime.clock.now()
            )
        if text is None:
            await query.answer(context.t("ask-draft-invalid"), show_alert=True)
            return
        await query.answer()
        chat_id = update.effective_chat.id if update.effective_chat else context.profile.id
        await desk.open_conversation(
            update, context, tickets.Incoming("text", text, None, chat_id, None)
        )
        return
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
        await message.reply_text(context.t(REFUSAL_TEXTS[exc.code], id=str(question_id)))
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
    if len(parts) == 1:  # no number: the open questions to pick from
        await list_open(update, context)
        return
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
        # Before the sender has written down the notice's message id (or while that write
        # retries through an outage), the "❓ #<id>" the notice names: a reply's quoted
        # message is the bot's own, as Telegram delivered it (the filter checked it).
        question_id = await askstaff.question_of_notice(
            session, update.effective_chat.id, replied.message_id, replied.text,
            context.runtime.catalog,
        )  # fmt: skip
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
    buttons = [
        [
            InlineKeyboardButton(
                context.t("ask-pick-button", id=str(q.id), name=q.asker_name[:30]),
                callback_data=encode(PickQuestion(q.id)),
            )
        ]
        for q in questions[:20]
    ]
    await message.reply_text("\n".join(lines), reply_markup=InlineKeyboardMarkup(buttons))


ANSWERING = 0  # the conversation's one state: the next text is the answer


@dataclass(frozen=True, slots=True)
class PickedQuestion:
    """A staff member picked an open question; their next text is its answer."""

    question_id: int


@require_role("staff")
async def pick_question(update: Update, context: FrontdeskContext) -> int | None:
    """A question picked from the list: the next text is its answer."""
    query = update.callback_query
    assert query is not None
    press = decode(PickQuestion, query.data or "")
    if press is None:
        await query.answer(context.t("button-invalid"), show_alert=True)
        return ConversationHandler.END
    await query.answer()
    context.drafts.put(PickedQuestion(press.question_id))
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        context.t("ask-pick-prompt", id=str(press.question_id))
    )
    return ANSWERING


@checks_role_inside("staff")
async def picked_answer(update: Update, context: FrontdeskContext) -> int:
    """The answer to the picked question (staff only, checked again)."""
    picked = context.drafts.pop(PickedQuestion)
    message = update.effective_message
    if (
        picked is not None
        and message is not None
        and message.text
        and await allowed(update, context, "staff", "answer")
    ):
        await _answer(update, context, picked.question_id, message.text)
    return ConversationHandler.END


async def stop_answering(update: Update, context: FrontdeskContext) -> int:
    """/cancel while answering: nothing is sent."""
    context.drafts.pop(PickedQuestion)
    if update.effective_message is not None:
        await update.effective_message.reply_text(context.t("ask-pick-cancelled"))
    return ConversationHandler.END


def install(app: FrontdeskApplication) -> None:
    """Before the free-text handler: a staff reply to a notification is an answer; in
    conversation mode (group -10) everything a resident sends goes to staff first; before
    that, what a staff member forwards or sends in answer mode (-11)."""
    app.add_handler(
        TypeHandler(Update, forwards.staff_private_chat), group=staff_desk.STAFF_PRIVATE_GROUP
    )
    app.add_handler(TypeHandler(Update, desk.relay_resident), group=desk.CONVERSATION_GROUP)
    app.add_handler(on_start("ask", ask_link))
    app.add_handler(CommandHandler("ask", ask_command))
    app.add_handler(CommandHandler("done", desk.done_command))
    app.add_handler(CommandHandler("answer", answer_command))
    app.add_handler(CommandHandler("questions", list_open))
    app.add_handler(CommandHandler("tickets", staff_desk.tickets_command))
    app.add_handler(CommandHandler("ban", staff_desk.ban_command))
    app.add_handler(CommandHandler("unban", staff_desk.unban_command))
    app.add_handlers(
        [
            on(SendDraft, send_draft),
            on(Leave, desk.leave_pressed),
            on(Rate, desk.rate_pressed),
            on(Claim, staff_desk.claim_pressed),
            on(Close, staff_desk.close_pressed),
            on(CannedMenu, staff_desk.faq_menu_pressed),
            on(Canned, staff_desk.canned_pressed),
            on(SignToggle, staff_desk.sign_pressed),
            on(AnswerTicket, staff_desk.answer_pressed),
            on(BanResident, staff_desk.ban_pressed),
            on(OpenTicket, staff_desk.open_ticket_pressed),
            on(TakeUpForwards, forwards.take_up_pressed),
        ]
    )
    groups = app.bot_data.runtime.settings.helpdesk.staff_group_ids
    if groups:
        app.add_handler(
            MessageHandler(
                filters.Chat(chat_id=groups) & ~filters.COMMAND & ~filters.StatusUpdate.ALL,
                staff_desk.staff_reply,
            )
        )
    with warnings.catch_warnings():
        # per_message=False: the picked question is tracked per chat (one answer at a time).
        warnings.simplefilter("ignore", PTBUserWarning)
        answering = ConversationHandler(
            entry_points=[CallbackQueryHandler(pick_question, pattern=matches(PickQuestion))],
            states={
                ANSWERING: [
                    MessageHandler(filters.TEXT & ~filters.COMMAND, picked_answer),
                ]
            },
            fallbacks=[CommandHandler("cancel", stop_answering)],
            name="askstaff-answer",
        )
    app.add_handler(answering)
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
    menu_actions={"ask": desk.ask_menu},
    privacy=lambda runtime: [
        askstaff.DATA_SECTION,
        tickets.TicketData(runtime.settings.helpdesk.keep_closed_days),
    ],
    digest=lambda: [tickets.DIGEST_SECTION],
    buttons={
        AnswerTicket: "staff",
        BanResident: "staff",
        Canned: "staff",
        CannedMenu: "staff",
        Claim: "staff",
        Close: "staff",
        TakeUpForwards: "staff",
        OpenTicket: "staff",
        PickQuestion: "staff",
        SignToggle: "staff",
    },
    jobs=[
        Job(
            "helpdesk-check",
            staff_desk.check,
            every=lambda runtime: runtime.settings.helpdesk.check_seconds,
        )
    ],
    prefetches=[desk.PREFETCH],
)
