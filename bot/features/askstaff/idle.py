"""Idle conversations end (no ``telegram`` here: the rules; the job and the handlers call them).

A resident's conversation with staff used to stay open until /done or staff closed it: days
later their ordinary questions ("明天卫生站开吗") still went to staff instead of being answered.
Now a ticket with no message either way, and no fresh /ask, for ``idle_close_hours`` ends:

- nothing is owed to the resident (staff spoke last, or the resident never wrote): the ticket
  **closes**; the resident is told (and asked whether it was solved, when staff had answered)
  and so are the staff (in the topic, or the staff on duty);
- the resident's last words are still unanswered: closing would lose them, so only
  **conversation mode ends** (the ticket stays open, staff's answer still reaches them and
  escalation still applies); the resident and the staff are told. The ticket closes later,
  idle again after staff answered.

Nothing lives in memory: the deadline is read from the ticket's own times (``last_resident_at``,
``last_staff_at``, ``engaged_at``) with the injected clock, so a restart loses no timeout. The
helpdesk's periodic check sweeps (``sweep``); a resident's message after the deadline is checked
on arrival too (``expire``), so it is answered by the bot even before the next sweep; and /ask on
an idle ticket starts a new one instead of reviving it (``close_before_reopening``). Every change
is a conditional UPDATE that checks the deadline again: a message that arrives meanwhile (on
another instance) keeps the conversation open, and a ticket is expired once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, exists, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from bot.features.askstaff.buttons import Rate
from bot.features.askstaff.direct import source
from bot.features.askstaff.models import Ticket, TicketMessage
from bot.features.askstaff.tickets import ACTIVE, announce
from bot.i18n import Catalog, Translator
from bot.services import outbox
from bot.storage.models import User

SWEEP_BATCH = 50


class Outcome(StrEnum):
    """What an idle ticket became."""

    CLOSED = "closed"  # nothing was owed: the ticket is closed
    PAUSED = "paused"  # the resident's words wait for an answer: only conversation mode ended


@dataclass(frozen=True, slots=True)
class Expired:
    """An idle ticket that was just ended, and what the resident is to be told."""

    ticket_id: int
    outcome: Outcome
    was_engaged: bool  # the resident was in conversation mode (their messages went to staff)
    answered: bool  # staff had said something: the resident is asked whether it was solved


def idle_after(hours: int) -> timedelta | None:
    """The setting as a period; ``None`` (0 hours): conversations never end by themselves."""
    return timedelta(hours=hours) if hours > 0 else None


def is_idle(ticket: Ticket, now: datetime, after: timedelta) -> bool:
    """Whether the ticket has had no message either way, and no fresh /ask, for ``after``
    (a quick look before :func:`expire`, which decides in the database)."""
    times = (ticket.last_resident_at, ticket.last_staff_at, ticket.engaged_at)
    return max(t for t in times if t is not None) < now - after


def _idle_since(cutoff: datetime) -> ColumnElement[bool]:
    """No message either way, and no fresh /ask, since ``cutoff``."""
    return and_(
        Ticket.last_resident_at < cutoff,
        or_(Ticket.last_staff_at.is_(None), Ticket.last_staff_at < cutoff),
        or_(Ticket.engaged_at.is_(None), Ticket.engaged_at < cutoff),
    )


def _owed() -> ColumnElement[bool]:
    """The resident wrote after staff last did (or staff never did): an answer is owed."""
    said = aliased(TicketMessage)
    answered = aliased(TicketMessage)
    last_answer = (
        select(func.max(answered.id))
        .where(answered.ticket_id == Ticket.id, answered.direction == "out")
        .scalar_subquery()
    )
    return exists().where(
        said.ticket_id == Ticket.id,
        said.direction == "in",
        said.id > func.coalesce(last_answer, 0),
    )


def _answered(ticket_id: int) -> ColumnElement[bool]:
    return exists().where(TicketMessage.ticket_id == ticket_id, TicketMessage.direction == "out")


async def idle_tickets(
    session: AsyncSession, now: datetime, after: timedelta, limit: int = SWEEP_BATCH
) -> list[int]:
    """Active tickets idle for ``after`` that something happens to: every one owing nothing
    (it closes), and those owing an answer whose resident is still in conversation mode
    (it ends); oldest first. One owing an answer, already out of conversation mode, waits
    for staff, and is not picked again and again."""
    found = await session.scalars(
        select(Ticket.id)
        .where(
            Ticket.status.in_(ACTIVE),
            _idle_since(now - after),
            or_(Ticket.engaged.is_(True), ~_owed()),
        )
        .order_by(Ticket.id)
        .limit(limit)
    )
    return list(found)


async def expire(
    session: AsyncSession,
    ticket_id: int,
    now: datetime,
    after: timedelta,
    catalog: Catalog,
    group_language: str,
    *,
    hours: int,
    tell_resident: bool = True,
    pause: bool = True,
) -> Expired | None:
    """End the ticket if it is (still) idle for ``after``: close it when nothing is owed, else
    (``pause``) end only conversation mode. Staff are told in this transaction; the resident
    too (an outbox row) unless the caller answers them itself (``tell_resident=False``: it
    replies to the message that found the ticket idle, before that message is answered).
    ``None``: not idle (any more), already ended, or owing an answer and not ``pause``."""
    cutoff = now - after
    ticket = await session.get(Ticket, ticket_id, populate_existing=True)
    if ticket is None or ticket.status not in ACTIVE:
        return None
    was_engaged = ticket.engaged
    owed = bool(await session.scalar(select(Ticket.id).where(Ticket.id == ticket_id, _owed())))
    if owed:
        if not pause:
            return None
        done = await session.execute(
            update(Ticket)
            .where(
                Ticket.id == ticket_id,
                Ticket.status.in_(ACTIVE),
                Ticket.engaged.is_(True),
                _idle_since(cutoff),
            )
            .values(engaged=False)
            .returning(Ticket.id)
        )
        outcome = Outcome.PAUSED
    else:
        done = await session.execute(
            update(Ticket)
            .where(Ticket.id == ticket_id, Ticket.status.in_(ACTIVE), _idle_since(cutoff))
            .values(status="closed", engaged=False, closed_at=now)
            .returning(Ticket.id)
        )
        outcome = Outcome.CLOSED
    if done.scalar_one_or_none() is None:
        return None
    answered = outcome is Outcome.CLOSED and bool(
        await session.scalar(select(_answered(ticket_id)))
    )
    expired = Expired(ticket_id, outcome, was_engaged, answered)
    ticket = await session.get_one(Ticket, ticket_id, populate_existing=True)
    staff_key = "hd-idle-closed-staff" if outcome is Outcome.CLOSED else "hd-idle-paused-staff"
    await announce(session, ticket, catalog, group_language, now, staff_key, hours=hours)
    if tell_resident:
        resident = await session.get_one(User, ticket.user_id)
        text, buttons = resident_notice(catalog.translator(resident.language), expired, hours)
        await outbox.enqueue(
            session,
            chat_id=ticket.chat_id,
            user_id=ticket.user_id,
            text=text,
            buttons=buttons,
            source=source(ticket_id),
            now=now,
        )
    return expired


def resident_notice(
    t: Translator, expired: Expired, hours: int
) -> tuple[str, list[list[outbox.Button]]]:
    """What the resident reads when their conversation ended by itself, with its buttons."""
    number = str(expired.ticket_id)
    if expired.outcome is Outcome.PAUSED:
        return t("hd-idle-paused", id=number, hours=hours), []
    key = "hd-idle-closed" if expired.was_engaged else "hd-idle-closed-left"
    text = t(key, id=number, hours=hours)
    if not expired.answered:
        return text, []
    rate = [
        outbox.Button(t("hd-solved-yes"), Rate(expired.ticket_id, 1)),
        outbox.Button(t("hd-solved-no"), Rate(expired.ticket_id, 0)),
    ]
    return f"{text}\n{t('hd-idle-solved')}", [rate]


async def sweep(
    session: AsyncSession,
    now: datetime,
    after: timedelta,
    catalog: Catalog,
    group_language: str,
    *,
    hours: int,
) -> list[Expired]:
    """The periodic check's pass: end every idle ticket (a batch at a time)."""
    ended = []
    for ticket_id in await idle_tickets(session, now, after):
        found = await expire(session, ticket_id, now, after, catalog, group_language, hours=hours)
        if found is not None:
            ended.append(found)
    return ended


async def close_before_reopening(
    session: AsyncSession,
    user_id: int,
    now: datetime,
    after: timedelta,
    catalog: Catalog,
    group_language: str,
    *,
    hours: int,
) -> Expired | None:
    """/ask (or staff opening a conversation for the resident) on an idle ticket owing
    nothing: it closes (staff are told), so the new conversation is a new ticket rather than
    one a sweep would end a moment later. One still owing an answer is simply taken up."""
    ticket = await session.scalar(
        select(Ticket)
        .where(Ticket.user_id == user_id, Ticket.status.in_(ACTIVE))
        .order_by(Ticket.id.desc())
        .limit(1)
    )
    if ticket is None:
        return None
    return await expire(
        session, ticket.id, now, after, catalog, group_language,
        hours=hours, tell_resident=False, pause=False,
    )  # fmt: skip
