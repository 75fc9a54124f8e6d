"""The helpdesk, staff side: replies in a ticket's topic, its buttons, /ban, /unban, /tickets,
and the periodic check (topics still to make, residents who blocked the bot, escalation)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from telegram import Update
from telegram.error import TelegramError

from bot.context import FrontdeskContext
from bot.features.askstaff import tickets
from bot.features.askstaff.buttons import Canned, CannedMenu, Claim, Close, SignToggle
from bot.features.askstaff.desk import age_text, ensure_topic, incoming_of
from bot.features.askstaff.models import Ticket
from bot.features.askstaff.tickets import Refused
from bot.i18n import message_keys
from bot.runtime import Runtime
from bot.services import outbox
from bot.storage.models import User
from bot.tg.buttons import keyboard
from bot.tg.guards import require_role
from bot.tg.reply import alert, reply, toast

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
    message = update.effective_message
    groups = context.runtime.settings.helpdesk.staff_group_ids
    if message is None or message.chat_id not in groups or message.message_thread_id is None:
        return None
    async with context.runtime.db.read() as session:
        return await tickets.ticket_of_topic(session, message.chat_id, message.message_thread_id)


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
    runtime = context.runtime
    now = runtime.clock.now()
    async with runtime.db.transaction() as session:
        ticket = await tickets.ticket_of_topic(
            session, message.chat_id, message.message_thread_id or 0
        )
        if ticket is None:
            return
        resident = await session.get_one(User, ticket.user_id)
        signature = (
            runtime.centre.name.get(resident.language)
            if ticket.sign_as_centre
            else profile.first_name
        )
        try:
            await tickets.add_staff_reply(
                session,
                ticket,
                profile.id,
                signature,
                incoming,
                now,
                max_text=runtime.settings.helpdesk.max_text,
            )
        except Refused:  # the only refusal of a staff reply: the ticket is closed
            refused = True
        else:
            refused = False
    if refused:
        await reply(update, context.t("hd-refused-closed"))


async def _announce(context: FrontdeskContext, ticket: Ticket, key: str, **args: str) -> None:
    """A line in the ticket's topic, through the outbox (in order with the copies)."""
    if ticket.group_id is None or ticket.topic_id is None:
        return
    runtime = context.runtime
    t = runtime.catalog.translator(runtime.settings.helpdesk.group_language)
    async with runtime.db.transaction() as session:
        await outbox.enqueue(
            session,
            chat_id=ticket.group_id,
            thread_id=ticket.topic_id,
            text=t(key, id=str(ticket.id), **args),
            source=tickets.source(ticket.id),
            now=runtime.clock.now(),
        )


@require_role("staff")
async def claim_pressed(update: Update, context: FrontdeskContext, press: Claim) -> None:
    """Claim (or take over) the ticket."""
    assert context.profile is not None
    async with context.runtime.db.transaction() as session:
        changed = await tickets.claim(session, press.ticket_id, context.profile.id)
        ticket = await session.get(Ticket, press.ticket_id)
    if not changed or ticket is None:
        await alert(update, context.t("hd-claim-invalid"))
        return
    await toast(update, context.t("hd-claimed-toast", id=str(ticket.id)))
    await _announce(context, ticket, "hd-claimed", name=context.profile.first_name)


@require_role("staff")
async def close_pressed(update: Update, context: FrontdeskContext, press: Close) -> None:
    """Close the ticket; the resident is asked whether the problem was solved."""
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        ticket = await tickets.close(session, press.ticket_id, runtime.catalog, runtime.clock.now())
    if ticket is None:
        await alert(update, context.t("hd-close-invalid"))
        return
    await toast(update, context.t("hd-closed-toast", id=str(ticket.id)))
    await _announce(context, ticket, "hd-closed-staff", name=context.profile.first_name)


@require_role("staff")
async def faq_menu_pressed(update: Update, context: FrontdeskContext, press: CannedMenu) -> None:
    """The FAQ's entries as buttons, to send one as the answer."""
    message = update.effective_message
    entries = context.runtime.centre.faq[:40]
    if message is None or not entries:
        await alert(update, context.t("hd-faq-none"))
        return
    language = context.runtime.settings.helpdesk.group_language
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
    assert context.profile is not None
    runtime = context.runtime
    entry = next((e for e in runtime.centre.faq if e.id == press.faq), None)
    now = runtime.clock.now()
    async with runtime.db.transaction() as session:
        ticket = await session.get(Ticket, press.ticket_id)
        if ticket is None or entry is None or ticket.status == "closed":
            ticket = None
        else:
            resident = await session.get_one(User, ticket.user_id)
            signature = (
                runtime.centre.name.get(resident.language)
                if ticket.sign_as_centre
                else context.profile.first_name
            )
            answer = entry.answer.get(resident.language)
            source = tickets.Incoming("text", answer, None, ticket.chat_id, None)
            await tickets.add_staff_reply(
                session, ticket, context.profile.id, signature, source, now
            )
    if ticket is None:
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
    prefix = "hd-banned-staff" if banning else "hd-unbanned-staff"
    await reply(update, context.t(prefix if changed else f"{prefix}-already", id=str(ticket.id)))


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
    await reply(update, "\n".join(lines))


async def check(context: FrontdeskContext) -> None:
    """The periodic check: make missing topics, mark unreachable residents, escalate."""
    await run_check(context.runtime, context.bot)


async def run_check(runtime: Runtime, bot: object) -> dict[str, list[int]]:
    """One pass of the check (tests call it with the clock where they want it)."""
    settings = runtime.settings.helpdesk
    if not settings.staff_group_ids:
        return {}
    async with runtime.db.read() as session:
        waiting = await tickets.needs_topic(session)
    for ticket_id, _group, _name in waiting:
        await ensure_topic(bot, runtime, ticket_id)  # type: ignore[arg-type]
    now = runtime.clock.now()
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
    return {"unreachable": unreachable, "escalated": escalated}
