"""The helpdesk, resident side: open a conversation, talk, leave, say whether it was solved.

Active when a staff group is configured (``FRONTDESK_HELPDESK__STAFF_GROUP_IDS``), or without
one unless ``private_threads`` is off (then each ticket is a thread in the on-duty staff
members' private chats). In conversation mode every message (text, voice, photo, video,
document, location, contact) goes to staff; commands and the main menu still work, and the
conversation stays open around them (a form they start gets its own answers). A voice
note or a photo sent outside any conversation opens one: they are never refused.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup, Message, Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, ConversationHandler, ExtBot

from bot import dates
from bot.callbacks import Callback
from bot.context import FrontdeskContext
from bot.features.askstaff import idle, tickets
from bot.features.askstaff.buttons import Leave, Rate
from bot.features.askstaff.tickets import Incoming, Refused
from bot.runtime import Runtime
from bot.services import outbox
from bot.services.hours import venue_status
from bot.tg.buttons import keyboard
from bot.tg.form_words import WANTS_OUT
from bot.tg.forms import open_form_takes, supersede
from bot.tg.menu import menu_labels, send_menu
from bot.tg.prefetch import Prefetch, Subject, prefetched
from bot.tg.reply import alert, edit, reply, toast
from bot.understanding.concerns import help_called, is_emergency
from bot.understanding.normalise import normalise

log = logging.getLogger(__name__)

CONVERSATION_GROUP = -10  # after the profile (-100) and the flood guard (-90)
# What opens a conversation by itself when sent outside one: never "I can only read text".
OPENS_BY_ITSELF = frozenset({"voice", "audio", "photo", "video", "video_note", "document"})


def helpdesk_on(runtime: Runtime) -> bool:
    settings = runtime.settings.helpdesk
    return bool(settings.staff_group_ids) or settings.private_threads


def incoming_of(message: Message) -> Incoming | None:
    """What a message carries, as the helpdesk stores it (file ids only)."""
    chat, mid = message.chat_id, message.message_id
    caption = message.caption
    if message.text is not None:
        return Incoming("text", message.text, None, chat, mid)
    media = {
        "voice": message.voice,
        "audio": message.audio,
        "video": message.video,
        "video_note": message.video_note,
        "animation": message.animation,
        "document": message.document,
        "sticker": message.sticker,
    }
    for kind, item in media.items():
        if item is not None:
            return Incoming(kind, caption, item.file_id, chat, mid)
    if message.photo:
        return Incoming("photo", caption, message.photo[-1].file_id, chat, mid)
    if message.location is not None:
        where = f"{message.location.latitude:.5f},{message.location.longitude:.5f}"
        return Incoming("location", where, None, chat, mid)
    if message.contact is not None:
        card = f"{message.contact.first_name} {message.contact.phone_number}"
        return Incoming("contact", card, None, chat, mid)
    return None


async def staff_hours(context: FrontdeskContext) -> str:
    """When staff are usually there, from the opening hours of the helpdesk's venue."""
    runtime = context.runtime
    venue = next(
        (v for v in runtime.centre.venues if v.id == runtime.settings.helpdesk.venue), None
    )
    if venue is None:
        return context.t("hd-hours-unknown")
    now_local = runtime.clock.now().astimezone(runtime.centre.zone)
    book = await runtime.hours.book(now_local.date())
    status = venue_status(book, venue, now_local)
    if status.open_now and status.closes_at is not None:
        return context.t("hd-hours-open", until=dates.clock_time(status.closes_at))
    if status.next_open is not None:
        when = dates.day_and_time(status.next_open, runtime.centre.zone, context.language)
        return context.t("hd-hours-closed", when=when)
    return context.t("hd-hours-unknown")


async def ensure_topic(bot: ExtBot[None], runtime: Runtime, ticket_id: int) -> None:
    """Make the ticket's forum topic (if it still has none) and relay what waited for it.

    The job retries a ticket whose topic could not be made; if two make one at once, the
    second's topic is deleted again.
    """
    async with runtime.db.read() as session:
        view = await tickets.ticket_view(session, ticket_id)
    if view is None or view.group_id is None or view.topic_id is not None:
        return
    try:
        topic = await bot.create_forum_topic(
            view.group_id, tickets.topic_name(view.resident_name, ticket_id)
        )
    except TelegramError as exc:
        log.warning("ticket #%s: no topic yet (%s); the job will retry", ticket_id, exc)
        return
    language = runtime.settings.helpdesk.group_language
    async with runtime.db.transaction() as session:
        won = await tickets.set_topic(
            session, ticket_id, topic.message_thread_id, runtime.catalog, language,
            runtime.clock.now(),
        )  # fmt: skip
    if not won:
        try:
            await bot.delete_forum_topic(view.group_id, topic.message_thread_id)
        except TelegramError as exc:
            log.warning("ticket #%s: a spare topic stays (%s)", ticket_id, exc)


def leave_keyboard(context: FrontdeskContext, ticket_id: int) -> InlineKeyboardMarkup:
    return keyboard([[(context.t("hd-button-leave"), Leave(ticket_id))]])


async def open_conversation(
    update: Update,
    context: FrontdeskContext,
    first: Incoming | None = None,
    *,
    thanks: str | None = None,
) -> None:
    """/ask, the menu button, "转给工作人员", or a voice note: talk to a person. ``thanks``
    (praise or a complaint passed on as it was written) comes first, once it has gone on: a
    resident staff have banned hears only that nothing can be passed on."""
    assert context.profile is not None
    chat = update.effective_chat
    if chat is None:
        return
    runtime = context.runtime
    now = runtime.clock.now()
    try:
        async with runtime.db.transaction() as session:
            await close_if_idle(session, runtime, context.profile.id, now)
            ticket, _ = await tickets.open_ticket(
                session,
                context.profile.id,
                chat.id,
                now,
                runtime.settings.helpdesk.staff_group_ids,
                sign_as_centre=runtime.settings.helpdesk.sign_as_centre,
            )
            if first is not None:
                await tickets.add_resident_message(session, ticket, first, now, runtime.catalog)
            else:  # without a group: the staff on duty get the ticket's card at once
                await tickets.relay_pending(session, ticket, now, runtime.catalog)
            ticket_id = ticket.id
            needs_topic = ticket.group_id is not None and ticket.topic_id is None
    except Refused:
        async with runtime.db.transaction() as session:
            await tickets.record_dropped(session, context.profile.id, "open", now)
        await reply(update, context.t("hd-banned"))
        return
    if thanks is not None:
        await reply(update, thanks)
    # A form left half-done, or a survey's question waiting for text (a button under an old
    # answer, or a voice note, not a command, may have opened this), would otherwise take
    # what the resident now types for staff: it stops waiting, and they are told.
    for text in await supersede(update, context):
        await reply(update, text)
    hours = await staff_hours(context)
    text = context.t("hd-opened", id=str(ticket_id), hours=hours)
    if first is not None and (first.kind != "text" or thanks):  # their words went on as is
        text = context.t("hd-opened-with", id=str(ticket_id), hours=hours)
    await reply(update, text, leave_keyboard(context, ticket_id))
    if needs_topic:
        await ensure_topic(context.bot, runtime, ticket_id)


MAYBE_ENGAGED = "askstaff.maybe-engaged"  # the prefetch's name (bot/tg/prefetch.py)


async def read_maybe_engaged(
    session: AsyncSession, subjects: Sequence[Subject], now: datetime
) -> dict[int, object]:
    """For a claimed batch: whether each private message's sender has an active ticket.

    ``False``: not in conversation mode. A ticket is engaged by the resident's own request
    (/ask, the menu, a button under an answer), made in this private chat, whose earlier
    updates were finished before this one was claimed; one made elsewhere at the same
    moment is seen with their next message, as with any two updates of one person at
    once. Staff only ever disengage. ``True``: the ticket is read as before.
    """
    covered = [s for s in subjects if s.private and s.update.message is not None]
    active = await tickets.with_active_ticket(
        session, [s.user_id for s in covered if s.user_id is not None]
    )
    return {s.update.update_id: s.user_id in active for s in covered}


PREFETCH = Prefetch(MAYBE_ENGAGED, read_maybe_engaged)


async def _engaged(runtime: Runtime, user_id: int) -> bool:
    """Whether the resident is in conversation mode (most are not: a quick read, or none)."""
    if prefetched(MAYBE_ENGAGED) is False:
        return False
    async with runtime.db.read() as session:
        return await tickets.engaged_ticket(session, user_id) is not None


async def relay_resident(update: Update, context: FrontdeskContext) -> None:
    """In conversation mode: whatever the resident sends goes to staff, and nothing else runs."""
    message = update.message
    if message is None or context.profile is None or message.chat.type != "private":
        return
    if not helpdesk_on(context.runtime):
        return
    text = (message.text or "").strip()
    runtime = context.runtime
    if text.startswith("/") or text in menu_labels(runtime.catalog):
        # Commands and the menu work as usual, and the conversation stays open: what the
        # resident types after looking at the classes still goes to staff (leaving it
        # silently lost her follow-up). Only /done, its button, or staff closing it end it.
        return
    incoming = incoming_of(message)
    if incoming is None:
        return
    if await _engaged(runtime, context.profile.id):
        if open_form_takes(context.application.handlers, update):
            return  # a form they started meanwhile (/feedback) gets its answers first
        if await _to_staff(update, context, incoming):
            said = normalise(text) if incoming.kind == "text" else ""
            if said and is_emergency(said) and not help_called(said):
                # "我爸昏迷了" told to staff: they may be off duty or busy, and are no ambulance
                # (not "救护车快到了", "the ambulance came": 120 was called)
                await reply(update, context.t("hd-emergency"))
            if WANTS_OUT.check_update(update):  # "取消" may be for staff (a booking): it went
                # to them; a resident who meant to leave learns how, with the button
                async with runtime.db.read() as session:
                    ticket = await tickets.engaged_ticket(session, context.profile.id)
                if ticket is not None:
                    await reply(
                        update, context.t("hd-leave-hint"), leave_keyboard(context, ticket.id)
                    )
            raise ApplicationHandlerStop
        # Staff closed it a moment ago, or it had been idle too long: as outside one.
    # Someone holding a role who sends a file or a photo is working (a survey file, a
    # holiday notice, a course list): only /ask opens a conversation for them.
    if (
        incoming.kind in OPENS_BY_ITSELF
        and not context.profile.roles
        and not _a_form_takes_it(update, context)
    ):
        await open_conversation(update, context, incoming)
        raise ApplicationHandlerStop
    # not in a conversation: the other features answer


async def _to_staff(update: Update, context: FrontdeskContext, incoming: Incoming) -> bool:
    """The engaged resident's message, stored and relayed to staff; ``False`` when their
    ticket was closed meanwhile, or has been idle past the timeout (then it ends now, and
    they are told before the bot answers this message itself)."""
    assert context.profile is not None
    runtime = context.runtime
    settings = runtime.settings.helpdesk
    after = idle.idle_after(settings.idle_close_hours)
    now = runtime.clock.now()
    expired = None
    async with runtime.db.transaction() as session:
        ticket = await tickets.engaged_ticket(session, context.profile.id)
        if ticket is not None and after is not None and idle.is_idle(ticket, now, after):
            # A voice note or a photo would open a conversation by itself: one whose question
            # still waits for staff carries on with it, rather than end and open again.
            opens = incoming.kind in OPENS_BY_ITSELF and not context.profile.roles
            expired = await idle.expire(
                session, ticket.id, now, after, runtime.catalog, settings.group_language,
                hours=settings.idle_close_hours, tell_resident=False, pause=not opens,
            )  # fmt: skip
        if ticket is not None and expired is None:
            await tickets.add_resident_message(session, ticket, incoming, now, runtime.catalog)
        needs_topic = ticket is not None and ticket.group_id is not None and ticket.topic_id is None
    if expired is not None:
        text, rows = idle.resident_notice(context.t, expired, settings.idle_close_hours)
        await reply(update, text, outbox_markup(rows))
        return False
    if ticket is None:
        return False
    if needs_topic:
        await ensure_topic(context.bot, runtime, ticket.id)
    return True


async def close_if_idle(
    session: AsyncSession, runtime: Runtime, user_id: int, now: datetime
) -> None:
    """Before a conversation opens: the resident's idle ticket owing nothing closes (staff are
    told), so that the new conversation is a new ticket, not one about to time out."""
    settings = runtime.settings.helpdesk
    after = idle.idle_after(settings.idle_close_hours)
    if after is not None:
        await idle.close_before_reopening(
            session, user_id, now, after, runtime.catalog, settings.group_language,
            hours=settings.idle_close_hours,
        )  # fmt: skip


def outbox_markup(rows: Sequence[Sequence[outbox.Button]]) -> InlineKeyboardMarkup | None:
    """Buttons a service made for the outbox, as a reply's keyboard."""
    typed = [[(b.text, b.data) for b in row if isinstance(b.data, Callback)] for row in rows]
    return keyboard(typed) if any(typed) else None


def _a_form_takes_it(update: Update, context: FrontdeskContext) -> bool:
    """Whether a form waits for this message (a photo for feedback, a broadcast, a course):
    then its step gets it, and no conversation with staff opens by itself."""
    for handlers in context.application.handlers.values():
        for handler in handlers:
            if isinstance(handler, ConversationHandler) and handler.check_update(update):
                return True
    return False


async def ask_menu(update: Update, context: FrontdeskContext) -> None:
    """The main menu's "talk to a person" button."""
    if helpdesk_on(context.runtime):
        await open_conversation(update, context)
    else:
        await send_menu(update, context, context.t("ask-error-empty"))


async def done_command(update: Update, context: FrontdeskContext) -> None:
    """/done: leave the conversation (staff can still answer the ticket)."""
    assert context.profile is not None
    async with context.runtime.db.transaction() as session:
        ticket = await tickets.leave(session, context.profile.id)
    key = "hd-left" if ticket is not None else "hd-not-in-conversation"
    await send_menu(update, context, context.t(key))


async def leave_pressed(update: Update, context: FrontdeskContext, press: Leave) -> None:
    """The "end the conversation" button."""
    assert context.profile is not None
    async with context.runtime.db.transaction() as session:
        ticket = await tickets.leave(session, context.profile.id)
    if ticket is None or ticket.id != press.ticket_id:
        await toast(update, context.t("hd-not-in-conversation"))
        return
    await toast(update)
    await send_menu(update, context, context.t("hd-left"))


async def rate_pressed(update: Update, context: FrontdeskContext, press: Rate) -> None:
    """👍 / 👎 after a ticket closed: the first tap of the ticket's own resident counts."""
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        counted = await tickets.rate(
            session, press.ticket_id, context.profile.id, press.solved == 1, runtime.clock.now()
        )
    if not counted:
        await alert(update, context.t("hd-rate-invalid"))
        return
    await toast(update)
    await edit(update, context.t("hd-rated-yes" if press.solved == 1 else "hd-rated-no"))


def age_text(context: FrontdeskContext, since: datetime) -> str:
    """ "3 小时 5 分" / "3 h 5 min": how long a ticket has waited."""
    minutes = max(0, int((context.runtime.clock.now() - since) / timedelta(minutes=1)))
    return context.t("hd-age", hours=minutes // 60, minutes=minutes % 60)
