"""The helpdesk, staff side: replies in a ticket's topic, or (no staff group) in a staff
member's private chat, by replying to a copy or after "回复"; the ticket's buttons, /ban,
/unban, /tickets, and the periodic check (topics still to make, messages that waited for
someone on duty, residents who blocked the bot, escalation)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.context import FrontdeskContext
from bot.features.askstaff import direct, idle, tickets
from bot.features.askstaff.buttons import (
    AnswerTicket,
    BanResident,
    Canned,
    CannedMenu,
    Claim,
    Close,
    OpenTicket,
    SignToggle,
)
from bot.features.askstaff.desk import age_text, ensure_topic, incoming_of
from bot.features.askstaff.models import Ticket
from bot.features.askstaff.tickets import Incoming, Refused
from bot.i18n import message_keys
from bot.runtime import Runtime
from bot.services.users import Profile
from bot.storage.models import User
from bot.tg.buttons import keyboard
from bot.tg.guards import require_role
from bot.tg.menu import menu_labels
from bot.tg.reply import alert, reply, say, toast

log = logging.getLogger(__name__)

# How a ticket's status reads in /tickets (literal keys: the catalog test sees them).
STATUS_TEXTS = message_keys(
    ("open", "claimed", "waiting", "closed"),
    {
        "open": "hd-status-open",
        "claimed": "hd-status-claimed",
        "waiting": "hd-status-waiting",
        "closed": "hd-status-closed",
    },
)


async def _ticket_here(update: Update, context: FrontdeskContext) -> Ticket | None:
    """The ticket of this topic, or of the bot's message this private message replies to."""
    message = update.effective_message
    if message is None:
        return None
    groups = context.runtime.settings.helpdesk.staff_group_ids
    async with context.runtime.db.read() as session:
        if message.chat_id in groups and message.message_thread_id is not None:
            return await tickets.ticket_of_topic(
                session, message.chat_id, message.message_thread_id
            )
        replied = message.reply_to_message
        if message.chat.type != "private" or replied is None:
            return None
        from_bot = replied.from_user is not None and replied.from_user.is_bot
        ticket_id = await direct.ticket_of_reply(
            session, message.chat_id, replied.message_id,
            replied.text or replied.caption if from_bot else None, context.runtime.catalog,
        )  # fmt: skip
        return await session.get(Ticket, ticket_id) if ticket_id is not None else None


STAFF_PRIVATE_GROUP = -11  # before the resident's conversation mode (-10)


@dataclass(frozen=True, slots=True)
class Answering:
    """A staff member pressed "回复" on a ticket: what they send next goes to its resident."""

    ticket_id: int


def _signature(runtime: Runtime, ticket: Ticket, resident: User, profile: Profile) -> str:
    """The staff member's name, or the centre's in the resident's language."""
    if ticket.sign_as_centre:
        return runtime.centre.name.get(resident.language)
    return profile.first_name


async def _answer(
    context: FrontdeskContext, ticket_id: int, incoming: Incoming | Callable[[User], Incoming]
) -> tuple[Ticket | None, str | None]:
    """A staff member's answer (from the topic or a private chat) for the resident, signed;
    when it makes them the ticket's holder, the other staff on duty are told. ``(ticket,
    resident's name)``, the name ``None`` when the ticket is closed; ``(None, None)`` if gone.
    ``incoming`` may be made for the resident (an FAQ answer in their language)."""
    profile = context.profile
    assert profile is not None
    runtime = context.runtime
    now = runtime.clock.now()
    async with runtime.db.transaction() as session:
        ticket = await session.get(Ticket, ticket_id)
        if ticket is None:
            return None, None
        resident = await session.get_one(User, ticket.user_id)
        holder = ticket.claimed_by
        said = incoming(resident) if callable(incoming) else incoming
        try:
            await tickets.add_staff_reply(
                session, ticket, profile.id, _signature(runtime, ticket, resident, profile),
                said, now, max_text=runtime.settings.helpdesk.max_text,
            )  # fmt: skip
        except Refused:  # the only refusal of a staff reply: the ticket is closed
            return ticket, None
        if holder is None and ticket.group_id is None:
            await tickets.announce(
                session, ticket, runtime.catalog, runtime.settings.helpdesk.group_language,
                now, "hd-claimed", besides=profile.id, name=profile.first_name,
            )  # fmt: skip
        return ticket, resident.first_name


async def staff_reply(update: Update, context: FrontdeskContext) -> None:
    """A staff member wrote in a ticket's topic: it goes to the resident, signed."""
    message = update.effective_message
    profile = context.profile
    if message is None or profile is None or not message.is_topic_message:
        return
    if not profile.has_role("staff"):
        return  # a guest in the staff group: their words are not the centre's
    incoming = incoming_of(message)
    if incoming is None:
        return
    async with context.runtime.db.read() as session:
        found = await tickets.ticket_of_topic(
            session, message.chat_id, message.message_thread_id or 0
        )
    if found is None:
        return
    ticket, name = await _answer(context, found.id, incoming)
    if ticket is not None and name is None:
        await reply(update, context.t("hd-refused-closed"))


async def staff_private(update: Update, context: FrontdeskContext) -> None:
    """No staff group: a staff member's reply to a ticket's message in their private chat, or
    what they send after "回复", goes to the resident (media included), and nothing else runs.
    A command or a menu button ends answer mode, says so, and does what it says (/done just
    ends it). Outside answer mode, a forward was ``forwards.staff_forward``'s (it runs first)."""
    message = update.message
    profile = context.profile
    if message is None or profile is None or message.chat.type != "private":
        return
    if not profile.has_role("staff"):
        return
    text = (message.text or "").strip()
    stepping_out = text.startswith("/") or text in menu_labels(context.runtime.catalog)
    ticket_id: int | None = None
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.is_bot:
        async with context.runtime.db.read() as session:
            ticket_id = await direct.ticket_of_reply(
                session, message.chat_id, replied.message_id, replied.text or replied.caption,
                context.runtime.catalog,
            )  # fmt: skip
    answering = context.drafts.get(Answering)
    if stepping_out:
        if answering is None:
            return
        context.drafts.pop(Answering)
        if text.split(maxsplit=1)[0].split("@")[0] == "/done":
            await reply(update, context.t("hd-answer-ended", id=str(answering.ticket_id)))
            raise ApplicationHandlerStop
        # The command runs as usual, but answer mode ends out loud: what they type next
        # goes to the bot, not to the resident, and they must know before they type it.
        async with context.runtime.db.read() as session:
            view = await tickets.ticket_view(session, answering.ticket_id)
        resident = view.resident_name if view is not None else ""
        ended = context.t("hd-answer-ended-by-command", id=str(answering.ticket_id), name=resident)
        await reply(update, ended)
        return
    if ticket_id is None and answering is not None:
        ticket_id = answering.ticket_id
    incoming = incoming_of(message)
    if ticket_id is None or incoming is None:
        return
    async with context.runtime.db.read() as session:
        found = await session.get(Ticket, ticket_id)
    if found is not None and found.group_id is not None:
        return  # a ticket with a topic (a reply to an escalation notice): answered there
    ticket, name = await _answer(context, ticket_id, incoming)
    if name is None:
        if answering is not None and answering.ticket_id == ticket_id:
            context.drafts.pop(Answering)
        await reply(update, context.t("hd-refused-closed" if ticket else "hd-close-invalid"))
    else:
        await reply(update, context.t("hd-answer-sent", id=str(ticket_id), name=name))
    raise ApplicationHandlerStop


@require_role("staff")
async def answer_pressed(update: Update, context: FrontdeskContext, press: AnswerTicket) -> None:
    """ "回复" on a ticket's card in a private chat: answer mode for that ticket."""
    async with context.runtime.db.read() as session:
        view = await tickets.ticket_view(session, press.ticket_id)
    if view is None or view.status == "closed":
        await alert(update, context.t("hd-close-invalid"))
        return
    context.drafts.put(Answering(view.id))
    await toast(update)
    await say(update, context.t("hd-answer-prompt", id=str(view.id), name=view.resident_name))


@require_role("staff")
async def ban_pressed(update: Update, context: FrontdeskContext, press: BanResident) -> None:
    """ "屏蔽" on a ticket's card in a private chat: as /ban in a topic (audited)."""
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        ticket = await session.get(Ticket, press.ticket_id)
        changed = ticket is not None and await tickets.ban(
            session, ticket, context.profile.id, context.profile.first_name, runtime.clock.now()
        )
    if ticket is None:
        await alert(update, context.t("hd-close-invalid"))
        return
    await toast(update)
    key = "hd-banned-staff" if changed else "hd-banned-staff-already"
    await say(update, context.t(key, id=str(ticket.id)))


@require_role("staff")
async def claim_pressed(update: Update, context: FrontdeskContext, press: Claim) -> None:
    """Claim (or take over) the ticket; the topic, or the other staff on duty, are told."""
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        changed = await tickets.claim(session, press.ticket_id, context.profile.id)
        ticket = await session.get(Ticket, press.ticket_id)
        if changed and ticket is not None:
            await tickets.announce(
                session, ticket, runtime.catalog, runtime.settings.helpdesk.group_language,
                runtime.clock.now(), "hd-claimed", besides=context.profile.id,
                name=context.profile.first_name,
            )  # fmt: skip
    if not changed or ticket is None:
        await alert(update, context.t("hd-claim-invalid"))
        return
    await toast(update, context.t("hd-claimed-toast", id=str(ticket.id)))


@require_role("staff")
async def close_pressed(update: Update, context: FrontdeskContext, press: Close) -> None:
    """Close the ticket; the resident is asked whether the problem was solved."""
    assert context.profile is not None
    runtime = context.runtime
    now = runtime.clock.now()
    async with runtime.db.transaction() as session:
        ticket = await tickets.close(session, press.ticket_id, runtime.catalog, now)
        if ticket is not None:
            await tickets.announce(
                session, ticket, runtime.catalog, runtime.settings.helpdesk.group_language,
                now, "hd-closed-staff", besides=context.profile.id,
                name=context.profile.first_name,
            )  # fmt: skip
    if ticket is None:
        await alert(update, context.t("hd-close-invalid"))
        return
    await toast(update, context.t("hd-closed-toast", id=str(ticket.id)))


@require_role("staff")
async def faq_menu_pressed(update: Update, context: FrontdeskContext, press: CannedMenu) -> None:
    """The FAQ's entries as buttons, to send one as the answer."""
    message = update.effective_message
    entries = context.runtime.centre.faq[:40]
    if message is None or not entries:
        await alert(update, context.t("hd-faq-none"))
        return
    private = message.chat.type == "private"
    language = context.language if private else context.runtime.settings.helpdesk.group_language
    rows = [[(entry.title.get(language), Canned(press.ticket_id, entry.id))] for entry in entries]
    await toast(update)
    await context.bot.send_message(
        message.chat_id,
        context.t("hd-faq-pick", id=str(press.ticket_id)),
        message_thread_id=message.message_thread_id,
        reply_markup=keyboard(rows),
    )


@require_role("staff")
async def canned_pressed(update: Update, context: FrontdeskContext, press: Canned) -> None:
    """Send the FAQ entry's answer, in the resident's language, as a signed reply."""
    entry = next((e for e in context.runtime.centre.faq if e.id == press.faq), None)
    if entry is None:
        await alert(update, context.t("hd-close-invalid"))
        return

    def in_their_language(resident: User) -> Incoming:
        answer = entry.answer.get(resident.language)
        return Incoming("text", answer, None, resident.telegram_id, None)

    ticket, name = await _answer(context, press.ticket_id, in_their_language)
    if ticket is None or name is None:
        await alert(update, context.t("hd-close-invalid"))
        return
    await toast(update, context.t("hd-faq-sent"))


@require_role("staff")
async def sign_pressed(update: Update, context: FrontdeskContext, press: SignToggle) -> None:
    """Switch how this ticket's replies are signed: the staff member's name or the centre's."""
    async with context.runtime.db.transaction() as session:
        ticket = await tickets.toggle_sign(session, press.ticket_id)
    query = update.callback_query
    if ticket is None or query is None:
        await alert(update, context.t("hd-close-invalid"))
        return
    key = "hd-sign-now-centre" if ticket.sign_as_centre else "hd-sign-now-name"
    await toast(update, context.t(key))
    t = context.t
    rows = tickets.card_buttons(t, ticket)
    markup = keyboard([[(b.text, b.data) for b in row] for row in rows])  # type: ignore[misc]
    try:
        await query.edit_message_reply_markup(markup)
    except TelegramError as exc:
        log.debug("card not updated: %s", exc)


BAN_TEXTS = {  # (banning, changed): literal keys (the catalog test reads them)
    (True, True): "hd-banned-staff",
    (True, False): "hd-banned-staff-already",
    (False, True): "hd-unbanned-staff",
    (False, False): "hd-unbanned-staff-already",
}


async def _ban(update: Update, context: FrontdeskContext, banning: bool) -> None:
    assert context.profile is not None
    ticket = await _ticket_here(update, context)
    if ticket is None:
        await reply(update, context.t("hd-ban-usage"))
        return
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        ticket = await session.get_one(Ticket, ticket.id)
        act = tickets.ban if banning else tickets.unban
        changed = await act(
            session, ticket, context.profile.id, context.profile.first_name, runtime.clock.now()
        )
    key = BAN_TEXTS[(banning, changed)]
    await reply(update, context.t(key, id=str(ticket.id)))


@require_role("staff")
async def ban_command(update: Update, context: FrontdeskContext) -> None:
    """/ban in a ticket's topic: the resident's messages are dropped from now on (audited)."""
    await _ban(update, context, True)


@require_role("staff")
async def unban_command(update: Update, context: FrontdeskContext) -> None:
    """/unban in a ticket's topic."""
    await _ban(update, context, False)


@require_role("staff")
async def tickets_command(update: Update, context: FrontdeskContext) -> None:
    """/tickets: the open tickets, oldest first, with their age."""
    async with context.runtime.db.read() as session:
        found = await tickets.open_tickets(session)
    if not found:
        await reply(update, context.t("hd-tickets-empty"))
        return
    lines = [context.t("hd-tickets-title", count=len(found))]
    for view in found:
        lines.append(
            context.t(
                "hd-tickets-line",
                id=str(view.id),
                name=view.resident_name,
                status=context.t(STATUS_TEXTS[view.status]),
                who=view.claimed_by_name or "—",
                age=age_text(context, view.opened_at),
                unreachable=context.t("hd-unreachable-mark") if view.unreachable else "",
            )
        )
    # Each ticket a button: a staff member in a private chat can open it and act on it.
    rows = [
        [
            (
                context.t("hd-tickets-button", id=str(v.id), name=v.resident_name[:30]),
                OpenTicket(v.id),
            )
        ]
        for v in found[:MAX_TICKET_BUTTONS]
    ]
    await reply(update, "\n".join(lines), keyboard(rows))


MAX_TICKET_BUTTONS = 20


@require_role("staff")
async def open_ticket_pressed(update: Update, context: FrontdeskContext, press: OpenTicket) -> None:
    """A ticket picked from /tickets: its card, where it was pressed."""
    card = await ticket_card(context, press.ticket_id)
    if card is None:
        await alert(update, context.t("hd-close-invalid"))
        return
    await toast(update)
    await say(update, *card)


async def ticket_card(
    context: FrontdeskContext, ticket_id: int
) -> tuple[str, InlineKeyboardMarkup] | None:
    """An open ticket as staff act on it: its state, the resident's last words and the
    ticket's own buttons (claim, close, an FAQ answer, signature; without a group also reply
    and ban; with one, a link to its topic, where staff answer). ``None`` if closed or gone."""
    t = context.t
    async with context.runtime.db.read() as session:
        view = await tickets.ticket_view(session, ticket_id)
        ticket = await session.get(Ticket, ticket_id)
        said = await tickets.latest_from_resident(session, ticket_id)
    if view is None or ticket is None or view.status == "closed":
        return None
    lines = [
        t(
            "hd-ticket-head",
            id=str(view.id),
            name=view.resident_name,
            status=t(STATUS_TEXTS[view.status]),
            who=view.claimed_by_name or "—",
            age=age_text(context, view.opened_at),
            unreachable=t("hd-unreachable-mark") if view.unreachable else "",
        )
    ]
    lines += [t("hd-ticket-said", text=_said(t, kind, text)) for kind, text in said]
    rows = [
        [InlineKeyboardButton(b.text, callback_data=b.as_dict()["callback_data"]) for b in row]
        for row in tickets.card_buttons(t, ticket)
    ]
    link = (
        tickets.topic_link(ticket.group_id, ticket.topic_id)
        if ticket.group_id is not None and ticket.topic_id is not None
        else None
    )
    if link is not None:
        lines.append(t("hd-ticket-in-topic"))
        rows.append([InlineKeyboardButton(t("hd-button-topic"), url=link)])
    elif ticket.group_id is None:
        lines.append(t("hd-ticket-in-private"))
    return "\n".join(lines), InlineKeyboardMarkup(rows)


def _said(t: Callable[..., str], kind: str, text: str | None) -> str:
    """One of the resident's messages in a line: its text (cut), else what it was."""
    if kind == "text" and text:
        return text if len(text) <= 200 else text[:199] + "…"
    return t("hd-ticket-said-media", kind=kind) + (f" {text[:100]}" if text else "")


async def check(context: FrontdeskContext) -> None:
    """The periodic check: make missing topics, mark unreachable residents, escalate, end
    idle conversations."""
    await run_check(context.runtime, context.bot)


async def run_check(runtime: Runtime, bot: object) -> dict[str, list[int]]:
    """One pass of the check (tests call it with the clock where they want it)."""
    settings = runtime.settings.helpdesk
    if not settings.staff_group_ids and not settings.private_threads:
        return {}
    now = runtime.clock.now()
    async with runtime.db.read() as session:
        waiting = await tickets.needs_topic(session)
    for ticket_id, _group, _name in waiting:
        await ensure_topic(bot, runtime, ticket_id)  # type: ignore[arg-type]
    relayed = []
    async with runtime.db.transaction() as session:  # messages that waited for someone on duty
        for ticket in await direct.active_in_direct(session):
            if await direct.relay(session, ticket, runtime.catalog, now):
                relayed.append(ticket.id)
    zone = runtime.centre.zone
    venue = next((v for v in runtime.centre.venues if v.id == settings.venue), None)
    book = await runtime.hours.book(now.astimezone(zone).date())

    def open_on(day: date) -> Iterable[tuple[datetime, datetime]]:
        if venue is None:
            return ()
        midnight = datetime(day.year, day.month, day.day, tzinfo=zone)
        return [
            (midnight + timedelta(minutes=i.start), midnight + timedelta(minutes=i.end))
            for i in book.day(venue, day).intervals
        ]

    async with runtime.db.transaction() as session:
        unreachable = await tickets.mark_unreachable(
            session, runtime.catalog, settings.group_language, now
        )
        escalated = await tickets.escalate(
            session, now, settings.escalate_after_minutes, open_on, zone, runtime.catalog
        )
    ended: list[idle.Expired] = []
    after = idle.idle_after(settings.idle_close_hours)
    if after is not None:  # conversations without a message for that long end
        async with runtime.db.transaction() as session:
            ended = await idle.sweep(
                session, now, after, runtime.catalog, settings.group_language,
                hours=settings.idle_close_hours,
            )  # fmt: skip
    return {
        "unreachable": unreachable,
        "escalated": escalated,
        "relayed": relayed,
        "idle_closed": [e.ticket_id for e in ended if e.outcome is idle.Outcome.CLOSED],
        "idle_paused": [e.ticket_id for e in ended if e.outcome is idle.Outcome.PAUSED],
    }
