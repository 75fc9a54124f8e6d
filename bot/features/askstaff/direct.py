"""The helpdesk without a staff group: each ticket is a thread in on-duty staff members'
private chats (no ``telegram`` here: these are the rules, the handlers are in ``staff_desk``).

Who is on duty: every holder of the staff role who has not blocked the bot; when nobody holds
it, the admins. Once someone has the ticket (claimed, or answered first), the resident's
further messages go to that person only, while they can be reached; the others were told who
has it. The helpdesk venue's opening hours are what the resident is told (staff are usually
in then) and what escalation counts; copies are sent at once, whatever the hour.

Each staff member gets, once per ticket, a card naming the resident and the ticket with the
ticket's buttons (claim, close, an FAQ answer, signature, reply, ban); then every message of
the resident, each under a header naming the resident and the ticket (in the text or the
caption when it fits, else a line before the copy). Every one of them is an outbox row whose
``source`` is ``hd:<ticket>``: a staff member's reply to any of them is found by
``outbox.find_sent`` and goes to that ticket. Dedupe keys carry the ticket message and the
staff member, so a message is copied once to each, however often the relay runs.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.askstaff.buttons import (
    AnswerTicket,
    BanResident,
    CannedMenu,
    Claim,
    Close,
    SignToggle,
)
from bot.features.askstaff.models import Ticket, TicketMessage
from bot.features.askstaff.quoted import QuotedNumber, number_of_reply
from bot.i18n import Catalog
from bot.services import outbox
from bot.services.text_parts import units
from bot.storage.models import User, UserRole

SOURCE = "hd:"  # outbox source of everything about ticket n: "hd:<n>"
CAPTIONED = frozenset({"photo", "voice", "audio", "video", "document", "animation"})
MAX_CAPTION = 1024


def source(ticket_id: int) -> str:
    return f"{SOURCE}{ticket_id}"


def ticket_of_source(found: str) -> int | None:
    """The ticket an outbox ``source`` is about (``hd:<n>``), if it is one of ours."""
    number = found.removeprefix(SOURCE)
    if not found.startswith(SOURCE) or not number.isdigit():
        return None
    return int(number)


@dataclass(frozen=True, slots=True)
class StaffChat:
    """A staff member as the thread reaches them."""

    user_id: int
    telegram_id: int
    language: str
    name: str


def card_buttons(t: Callable[..., str], ticket: Ticket) -> list[list[outbox.Button]]:
    """The ticket's buttons: in the topic, and (with reply and ban) in a private chat."""
    sign = "hd-sign-centre" if ticket.sign_as_centre else "hd-sign-name"
    rows = [
        [
            outbox.Button(t("hd-button-claim"), Claim(ticket.id)),
            outbox.Button(t("hd-button-close"), Close(ticket.id)),
        ],
        [
            outbox.Button(t("hd-button-faq"), CannedMenu(ticket.id)),
            outbox.Button(t(sign), SignToggle(ticket.id)),
        ],
    ]
    if ticket.group_id is None:
        rows.append(
            [
                outbox.Button(t("hd-button-answer"), AnswerTicket(ticket.id)),
                outbox.Button(t("hd-button-ban"), BanResident(ticket.id)),
            ]
        )
    return rows


async def on_duty(session: AsyncSession) -> list[StaffChat]:
    """Holders of the staff role who can be reached; the admins when nobody holds it."""
    rows = await session.execute(
        select(User.id, User.telegram_id, User.language, User.first_name, UserRole.role)
        .join(UserRole, UserRole.user_id == User.id)
        .where(UserRole.role.in_(("staff", "admin")), User.blocked_at.is_(None))
        .order_by(User.id)
    )
    by_role: dict[str, dict[int, StaffChat]] = {"staff": {}, "admin": {}}
    for user_id, telegram_id, language, name, role in rows:
        by_role[role][user_id] = StaffChat(user_id, telegram_id, language, name)
    return list((by_role["staff"] or by_role["admin"]).values())


async def _reachable(session: AsyncSession, user_id: int) -> StaffChat | None:
    row = (
        await session.execute(
            select(User.id, User.telegram_id, User.language, User.first_name).where(
                User.id == user_id, User.blocked_at.is_(None)
            )
        )
    ).first()
    return StaffChat(*row) if row is not None else None


async def recipients(session: AsyncSession, ticket: Ticket) -> list[StaffChat]:
    """Who the ticket's thread goes to: whoever has it, else everyone on duty."""
    if ticket.claimed_by is not None:
        holder = await _reachable(session, ticket.claimed_by)
        if holder is not None:
            return [holder]
    return await on_duty(session)


async def _card(
    session: AsyncSession,
    ticket: Ticket,
    staff: StaffChat,
    resident: User,
    catalog: Catalog,
    now: datetime,
) -> None:
    t = catalog.translator(staff.language)
    await outbox.enqueue(
        session,
        chat_id=staff.telegram_id,
        user_id=staff.user_id,
        text=t(
            "hd-direct-card",
            id=str(ticket.id),
            name=resident.first_name,
            language=catalog.text(resident.language, "language-name"),
        ),
        buttons=card_buttons(t, ticket),
        source=source(ticket.id),
        now=now,
        dedupe_key=f"hd:{ticket.id}:card:{staff.telegram_id}",
    )


async def _copy(
    session: AsyncSession,
    ticket: Ticket,
    message: TicketMessage,
    staff: StaffChat,
    resident: User,
    catalog: Catalog,
    now: datetime,
) -> None:
    """One resident message to one staff member, under a header naming resident and ticket."""
    t = catalog.translator(staff.language)
    key = f"hd:in:{message.id}:{staff.telegram_id}"

    async def send(text: str, dedupe_key: str, copy: outbox.Copy | None = None) -> None:
        await outbox.enqueue(
            session,
            chat_id=staff.telegram_id,
            user_id=staff.user_id,
            text=text,
            copy=copy,
            source=source(ticket.id),
            now=now,
            dedupe_key=dedupe_key,
        )

    # The header from the catalog, then the resident's own words (escaped: the bot sends
    # HTML); composed here, as a placeable of a catalog text is cut off past 2,500 characters.
    head = t("hd-direct-from", id=str(ticket.id), name=resident.first_name)
    head_length = units(html.unescape(head)) + 1  # and the line break
    if message.kind == "text" or message.message_id is None:
        # whole: past Telegram's limit with the header, the outbox sends it in parts
        await send(f"{head}\n{html.escape(message.text or '', quote=False)}", key)
        return
    copy = outbox.Copy(message.chat_id, message.message_id)
    caption = message.text or ""
    if message.kind in CAPTIONED and head_length + units(caption) <= MAX_CAPTION:
        body = f"{head}\n{html.escape(caption, quote=False)}" if caption else head
        await send(body, key, copy)
        return
    # A location, contact, sticker or round video (no caption), or a caption too long to
    # take the header: the header first, then the copy as it was.
    await send(t("hd-direct-header", id=str(ticket.id), name=resident.first_name), f"{key}:h")
    await send("", key, copy)


async def relay(session: AsyncSession, ticket: Ticket, catalog: Catalog, now: datetime) -> int:
    """The ticket's card to each recipient (once), then the resident's messages not yet
    relayed, oldest first. With nobody on duty, they wait (the periodic check tries again)."""
    staff = await recipients(session, ticket)
    if not staff:
        return 0
    resident = await session.get_one(User, ticket.user_id)
    for person in staff:
        await _card(session, ticket, person, resident, catalog, now)
    waiting = list(
        await session.scalars(
            select(TicketMessage)
            .where(
                TicketMessage.ticket_id == ticket.id,
                TicketMessage.direction == "in",
                TicketMessage.relayed.is_(False),
            )
            .order_by(TicketMessage.id)
        )
    )
    for message in waiting:
        for person in staff:
            await _copy(session, ticket, message, person, resident, catalog, now)
        message.relayed = True
    await session.flush()
    return len(waiting)


async def tell_staff(
    session: AsyncSession,
    ticket: Ticket,
    catalog: Catalog,
    now: datetime,
    key: str,
    *,
    besides: int | None = None,
    **args: object,
) -> int:
    """A line to everyone on duty (and whoever has the ticket) but ``besides``: who claimed
    it, that it closed, that the resident cannot be reached."""
    people = {s.user_id: s for s in await on_duty(session)}
    if ticket.claimed_by is not None and ticket.claimed_by not in people:
        holder = await _reachable(session, ticket.claimed_by)
        if holder is not None:
            people[holder.user_id] = holder
    told = [s for s in people.values() if s.user_id != besides]
    for person in told:
        await outbox.enqueue(
            session,
            chat_id=person.telegram_id,
            user_id=person.user_id,
            text=catalog.text(person.language, key, id=str(ticket.id), **args),
            source=source(ticket.id),
            now=now,
        )
    return len(told)


@functools.cache
def _thread(catalog: Catalog) -> QuotedNumber:
    """The first lines of a ticket's card and of the headers over the resident's messages."""
    return QuotedNumber(
        catalog,
        ["hd-direct-card", "hd-direct-from", "hd-direct-header"],
        others=["name", "language"],
    )


async def ticket_of_reply(
    session: AsyncSession,
    chat_id: int,
    replied_message_id: int,
    quoted: str | None,
    catalog: Catalog,
) -> int | None:
    """The ticket a message the bot sent into ``chat_id`` belongs to (a card, a copy, a line
    about it), from the outbox's record of what it sent; before that record is written (or
    while the write retries through an outage), the ticket a card or a copy's header names
    (``quoted``: the replied message's text or caption)."""
    return await number_of_reply(
        session, chat_id, replied_message_id, quoted,
        of_source=ticket_of_source, reader=_thread(catalog),
    )  # fmt: skip


async def active_in_direct(session: AsyncSession, limit: int = 50) -> Sequence[Ticket]:
    """Active tickets without a group whose resident's messages wait to be relayed (nobody
    was on duty when they came)."""
    waiting = (
        select(TicketMessage.ticket_id)
        .where(TicketMessage.direction == "in", TicketMessage.relayed.is_(False))
        .distinct()
    )
    return list(
        await session.scalars(
            select(Ticket)
            .where(
                Ticket.group_id.is_(None),
                Ticket.status.in_(("open", "claimed", "waiting")),
                Ticket.id.in_(waiting),
            )
            .order_by(Ticket.id)
            .limit(limit)
        )
    )
