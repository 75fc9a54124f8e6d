"""A staff member forwards a resident's message to the bot (no ``telegram`` here: the rules;
the handlers are in ``forwards``).

A resident often writes to a staff member directly ("李老师，楼道灯坏了"), and the staff member
forwards it to the bot expecting the front desk to take it up, as it would a resident's /ask.
What the helpdesk knows of that person (:func:`standing`) decides what the staff member sees:
the resident's open ticket, to answer at once; or the offer to open one. :func:`take_up` puts
the forwarded messages in the open ticket (relayed as the resident's words), or opens a ticket
with them that the staff member holds (so without a staff group its thread comes to their
private chat); the resident is then told, in their language, that staff opened a conversation
with them about their message, and is in conversation mode as after /ask (with the button that
ends it, and the idle timeout).

The bot can only write to people who have started it, so someone it has never seen, someone
who blocked it, and someone banned from the helpdesk get no ticket: the staff member is told
why, and given the link that opens a conversation with staff, for the resident to tap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.askstaff.buttons import Leave
from bot.features.askstaff.direct import source
from bot.features.askstaff.models import Ticket
from bot.features.askstaff.tickets import (
    Incoming,
    Refused,
    active_ticket,
    add_resident_message,
    is_banned,
    open_ticket,
)
from bot.i18n import Catalog
from bot.services import outbox
from bot.storage.models import User

MAX_HELD = 20  # forwarded messages of one person kept for one offer
QUOTE_MAX = 200  # characters of the resident's words quoted back to them


@dataclass(frozen=True, slots=True)
class Standing:
    """What the helpdesk knows of a person whose message a staff member forwarded."""

    user_id: int
    user_telegram_id: int
    name: str
    blocked: bool  # they blocked the bot: nothing reaches them
    banned: bool  # staff banned them from the helpdesk
    ticket_id: int | None  # their open ticket


@dataclass(frozen=True, slots=True)
class Forwarded:
    """A staff member's forwards from one person, held until they open a ticket with them
    (the staff member's draft: one person at a time, the newest forwards last)."""

    telegram_id: int
    messages: tuple[Incoming, ...]

    def adding(self, telegram_id: int, message: Incoming) -> Forwarded:
        """These forwards and one more: from someone else, a fresh start."""
        if telegram_id != self.telegram_id:
            return Forwarded(telegram_id, (message,))
        return Forwarded(telegram_id, (*self.messages, message)[-MAX_HELD:])


async def standing(session: AsyncSession, telegram_id: int) -> Standing | None:
    """The person the bot knows by this Telegram id; ``None`` if it has never seen them."""
    user = await session.scalar(select(User).where(User.telegram_id == telegram_id))
    if user is None:
        return None
    ticket = await active_ticket(session, user.id)
    return Standing(
        user_id=user.id,
        user_telegram_id=user.telegram_id,
        name=user.first_name,
        blocked=user.blocked_at is not None,
        banned=await is_banned(session, user.id),
        ticket_id=ticket.id if ticket is not None else None,
    )


@dataclass(frozen=True, slots=True)
class TakenUp:
    """Where forwarded messages went."""

    ticket_id: int
    opened: bool  # a new conversation, the resident told; else added to their open ticket
    needs_topic: bool  # a staff group's ticket still without its topic


async def take_up(
    session: AsyncSession,
    telegram_id: int,
    staff_id: int,
    messages: Sequence[Incoming],
    now: datetime,
    catalog: Catalog,
    groups: Sequence[int],
    *,
    sign_as_centre: bool = False,
) -> TakenUp:
    """The forwarded ``messages`` as the resident's own words: in their open ticket (relayed
    like anything they send; they are not told, and their conversation mode is left as it
    is), or in a new one held by the staff member, the resident told, with the button that
    ends the conversation. Refused (``Refused.code``): ``unknown``, ``blocked``, ``banned``."""
    resident = await session.scalar(select(User).where(User.telegram_id == telegram_id))
    if resident is None:
        raise Refused("unknown")
    if resident.blocked_at is not None:
        raise Refused("blocked")
    if await is_banned(session, resident.id):
        raise Refused("banned")
    ticket = await active_ticket(session, resident.id)
    opened = ticket is None
    if ticket is None:
        # A private chat's id is the person's id: that is where the resident is told.
        ticket, _ = await open_ticket(
            session, resident.id, resident.telegram_id, now, groups, sign_as_centre=sign_as_centre
        )
        ticket.claimed_by = staff_id  # whoever took it up holds it
        ticket.status = "claimed"
        await session.flush()
    for message in messages:
        await add_resident_message(session, ticket, message, now, catalog)
    if opened:
        await _tell_resident(session, ticket, resident, messages, now, catalog)
    return TakenUp(ticket.id, opened, ticket.group_id is not None and ticket.topic_id is None)


async def _tell_resident(
    session: AsyncSession,
    ticket: Ticket,
    resident: User,
    messages: Sequence[Incoming],
    now: datetime,
    catalog: Catalog,
) -> None:
    """Staff opened a conversation with them, about these words of theirs (quoted, cut)."""
    t = catalog.translator(resident.language)
    words = " ".join(m.text for m in messages if m.kind == "text" and m.text)
    key = "hd-opened-by-staff-about" if words else "hd-opened-by-staff"
    if len(words) > QUOTE_MAX:
        words = words[: QUOTE_MAX - 1] + "…"
    await outbox.enqueue(
        session,
        chat_id=ticket.chat_id,
        user_id=resident.id,
        text=t(key, id=str(ticket.id), text=words),
        buttons=[[outbox.Button(t("hd-button-leave"), Leave(ticket.id))]],
        source=source(ticket.id),
        now=now,
    )
