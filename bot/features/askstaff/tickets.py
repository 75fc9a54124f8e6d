"""The helpdesk (issue 15): tickets, conversation mode, and relaying messages both ways.

A resident in conversation mode (an *engaged* ticket) has every message stored as a
:class:`TicketMessage` (text, or the ``file_id`` of a voice note, photo…; nothing is
downloaded) and copied into the ticket's forum topic in the staff group through the outbox,
in the same transaction: a restart between two messages loses none and repeats none (the
dedupe key is the ticket message's id). A staff member's reply in the topic goes back the same
way, signed. All state changes are conditional UPDATEs, so two staff pressing "close" at once
close it once and the resident is asked once.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.askstaff import direct
from bot.features.askstaff.buttons import Rate
from bot.features.askstaff.direct import CAPTIONED as CAPTIONED
from bot.features.askstaff.direct import MAX_CAPTION as MAX_CAPTION
from bot.features.askstaff.direct import SOURCE as SOURCE
from bot.features.askstaff.direct import card_buttons as card_buttons
from bot.features.askstaff.direct import source as source
from bot.features.askstaff.models import DroppedMessage, HelpdeskBan, Ticket, TicketMessage
from bot.i18n import Catalog, Translator
from bot.services import audit, outbox, privacy
from bot.settings import PrivacySettings
from bot.storage.in_lists import padded
from bot.storage.models import OutboxMessage, User, UserRole

ACTIVE = ("open", "claimed", "waiting")
TOPIC_NAME_MAX = 128


@dataclass(frozen=True, slots=True)
class Incoming:
    """A message someone sent, as the helpdesk keeps it (``file_id`` for media)."""

    kind: str  # text, voice, audio, photo, video, document, location, contact, sticker…
    text: str | None
    file_id: str | None
    chat_id: int
    message_id: int | None


@dataclass(frozen=True, slots=True)
class TicketView:
    """A ticket with the names staff see."""

    id: int
    status: str
    resident_name: str
    resident_language: str
    resident_chat: int
    claimed_by_name: str | None
    opened_at: datetime
    last_resident_at: datetime
    group_id: int | None
    topic_id: int | None
    unreachable: bool
    engaged: bool


class Refused(ValueError):
    """A refused helpdesk action; ``code`` names the catalog message."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def topic_name(resident_name: str, ticket_id: int) -> str:
    """The topic's name: the resident's display name and the ticket number (≤ 128 chars)."""
    suffix = f" #{ticket_id}"
    name = " ".join(resident_name.split()) or "?"
    return name[: TOPIC_NAME_MAX - len(suffix)] + suffix


# -- residents ------------------------------------------------------------------------------


async def is_banned(session: AsyncSession, user_id: int) -> bool:
    return await session.get(HelpdeskBan, user_id) is not None


async def record_dropped(session: AsyncSession, user_id: int, kind: str, now: datetime) -> None:
    """A banned resident wrote: keep that they did (kind, time), deliver nothing."""
    session.add(DroppedMessage(user_id=user_id, kind=kind[:12], created_at=now))


async def active_ticket(session: AsyncSession, user_id: int) -> Ticket | None:
    return await session.scalar(
        select(Ticket)
        .where(Ticket.user_id == user_id, Ticket.status.in_(ACTIVE))
        .order_by(Ticket.id.desc())
        .limit(1)
    )


async def with_active_ticket(session: AsyncSession, user_ids: Iterable[int]) -> set[int]:
    """Of ``user_ids``, those with an active ticket (only they may be in conversation mode)."""
    ids = sorted(set(user_ids))
    if not ids:
        return set()
    return set(await session.scalars(_ACTIVE_OF, {"ids": padded(ids)}))


# Built once (building it cost more than running it, per batch of updates).
_ACTIVE_OF = select(Ticket.user_id).where(
    Ticket.user_id.in_(bindparam("ids", expanding=True)), Ticket.status.in_(ACTIVE)
)


async def engaged_ticket(session: AsyncSession, user_id: int) -> Ticket | None:
    """The ticket whose conversation the resident is in, if any."""
    ticket = await active_ticket(session, user_id)
    return ticket if ticket is not None and ticket.engaged else None


async def open_ticket(
    session: AsyncSession,
    user_id: int,
    chat_id: int,
    now: datetime,
    groups: Sequence[int],
    *,
    sign_as_centre: bool = False,
) -> tuple[Ticket, bool]:
    """Enter conversation mode: the resident's active ticket, or a new one (``True``)."""
    if await is_banned(session, user_id):
        raise Refused("banned")
    ticket = await active_ticket(session, user_id)
    if ticket is not None:
        ticket.engaged = True
        ticket.engaged_at = now
        ticket.chat_id = chat_id
        await session.flush()
        return ticket, False
    ticket = Ticket(
        user_id=user_id,
        chat_id=chat_id,
        status="open",
        engaged=True,
        engaged_at=now,
        unreachable=False,
        sign_as_centre=sign_as_centre,
        opened_at=now,
        last_resident_at=now,
    )
    session.add(ticket)
    await session.flush()
    if groups:  # spread residents over the groups: each keeps its own 20 messages a minute
        ticket.group_id = groups[ticket.id % len(groups)]
        await session.flush()
    return ticket, True


async def leave(session: AsyncSession, user_id: int) -> Ticket | None:
    """Leave conversation mode (the ticket stays open: staff may still answer)."""
    ticket = await engaged_ticket(session, user_id)
    if ticket is not None:
        ticket.engaged = False
        await session.flush()
    return ticket


async def add_resident_message(
    session: AsyncSession, ticket: Ticket, incoming: Incoming, now: datetime, catalog: Catalog
) -> TicketMessage:
    """Store what the resident sent and relay it (to the topic if it exists already, or to
    the staff on duty when no group is configured)."""
    message = TicketMessage(
        ticket_id=ticket.id,
        direction="in",
        kind=incoming.kind[:12],
        text=incoming.text,
        file_id=incoming.file_id,
        chat_id=incoming.chat_id,
        message_id=incoming.message_id,
        relayed=False,
        created_at=now,
    )
    session.add(message)
    if ticket.status == "waiting":
        ticket.status = "claimed" if ticket.claimed_by is not None else "open"
    ticket.last_resident_at = now
    ticket.unreachable = False
    await session.flush()
    await relay_pending(session, ticket, now, catalog)
    return message


async def relay_pending(
    session: AsyncSession, ticket: Ticket, now: datetime, catalog: Catalog
) -> int:
    """Copy the resident's not yet relayed messages into the topic (or, without a staff
    group, into the on-duty staff members' private chats), oldest first."""
    if ticket.group_id is None:
        return await direct.relay(session, ticket, catalog, now)
    if ticket.topic_id is None:
        return 0
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
        copy = (
            outbox.Copy(message.chat_id, message.message_id)
            if message.message_id is not None
            else None
        )
        await outbox.enqueue(
            session,
            chat_id=ticket.group_id,
            thread_id=ticket.topic_id,
            text="" if copy is not None else (message.text or ""),
            copy=copy,
            source=source(ticket.id),
            now=now,
            dedupe_key=f"hd:in:{message.id}",
        )
        message.relayed = True
    await session.flush()
    return len(waiting)


# -- topics ---------------------------------------------------------------------------------


async def needs_topic(session: AsyncSession, limit: int = 20) -> list[tuple[int, int, str]]:
    """``(ticket, group, resident name)`` of active tickets still without a topic."""
    rows = await session.execute(
        select(Ticket.id, Ticket.group_id, User.first_name)
        .join(User, User.id == Ticket.user_id)
        .where(Ticket.status.in_(ACTIVE), Ticket.group_id.is_not(None), Ticket.topic_id.is_(None))
        .order_by(Ticket.id)
        .limit(limit)
    )
    return [(tid, group, name) for tid, group, name in rows if group is not None]


async def set_topic(
    session: AsyncSession, ticket_id: int, topic_id: int, catalog: Catalog, language: str,
    now: datetime,
) -> bool:  # fmt: skip
    """Record the topic made for the ticket, post its card, and relay what waited for it."""
    result = await session.execute(
        update(Ticket)
        .where(Ticket.id == ticket_id, Ticket.topic_id.is_(None))
        .values(topic_id=topic_id)
        .returning(Ticket.id)
    )
    if result.scalar_one_or_none() is None:
        return False
    ticket = await session.get_one(Ticket, ticket_id, populate_existing=True)
    view = await ticket_view(session, ticket_id)
    assert view is not None
    assert ticket.group_id is not None
    t = catalog.translator(language)
    await outbox.enqueue(
        session,
        chat_id=ticket.group_id,
        thread_id=topic_id,
        text=t(
            "hd-card",
            id=str(ticket_id),
            name=view.resident_name,
            language=catalog.text(view.resident_language, "language-name"),
        ),
        buttons=card_buttons(t, ticket),
        source=source(ticket_id),
        now=now,
        dedupe_key=f"hd:{ticket_id}:card",
    )
    await relay_pending(session, ticket, now, catalog)
    return True


async def ticket_of_topic(session: AsyncSession, group_id: int, topic_id: int) -> Ticket | None:
    return await session.scalar(
        select(Ticket)
        .where(Ticket.group_id == group_id, Ticket.topic_id == topic_id)
        .order_by(Ticket.id.desc())
        .limit(1)
    )


async def ticket_view(session: AsyncSession, ticket_id: int) -> TicketView | None:
    ticket = await session.get(Ticket, ticket_id)
    if ticket is None:
        return None
    resident = await session.get_one(User, ticket.user_id)
    claimer = (
        await session.scalar(select(User.first_name).where(User.id == ticket.claimed_by))
        if ticket.claimed_by is not None
        else None
    )
    return TicketView(
        id=ticket.id,
        status=ticket.status,
        resident_name=resident.first_name,
        resident_language=resident.language,
        resident_chat=ticket.chat_id,
        claimed_by_name=claimer,
        opened_at=ticket.opened_at,
        last_resident_at=ticket.last_resident_at,
        group_id=ticket.group_id,
        topic_id=ticket.topic_id,
        unreachable=ticket.unreachable,
        engaged=ticket.engaged,
    )


# -- staff ----------------------------------------------------------------------------------


def signed(text: str, signature: str, limit: int) -> str:
    """``text`` and the signature on its own line, the text cut to fit ``limit``, as HTML
    (the bot sends in HTML mode: a staff member's "a < b" is text, not a broken tag)."""
    tail = f"\n— {signature}"
    if len(text) + len(tail) > limit:
        text = text[: max(0, limit - len(tail) - 1)] + "…"
    plain = f"{text}{tail}" if text else tail.lstrip("\n")
    return html.escape(plain, quote=False)


async def add_staff_reply(
    session: AsyncSession,
    ticket: Ticket,
    staff_id: int,
    signature: str,
    incoming: Incoming,
    now: datetime,
    *,
    max_text: int = 4000,
) -> TicketMessage:
    """A staff member answered in the topic: store it and owe the resident a signed copy."""
    if ticket.status == "closed":
        raise Refused("closed")
    message = TicketMessage(
        ticket_id=ticket.id,
        direction="out",
        kind=incoming.kind[:12],
        text=incoming.text,
        file_id=incoming.file_id,
        chat_id=incoming.chat_id,
        message_id=incoming.message_id,
        staff_id=staff_id,
        relayed=True,
        created_at=now,
    )
    session.add(message)
    if ticket.claimed_by is None:
        ticket.claimed_by = staff_id
    ticket.status = "waiting"
    ticket.last_staff_at = now
    await session.flush()
    if incoming.kind == "text" or incoming.message_id is None:
        body = signed(incoming.text or "", signature, max_text)
        copy = None
    elif incoming.kind in CAPTIONED:
        body = signed(incoming.text or "", signature, MAX_CAPTION)
        copy = outbox.Copy(incoming.chat_id, incoming.message_id)
    else:  # a location, contact or sticker has no caption: the copy, then who sent it
        body = ""
        copy = outbox.Copy(incoming.chat_id, incoming.message_id)
    await outbox.enqueue(
        session,
        chat_id=ticket.chat_id,
        user_id=ticket.user_id,
        text=body,
        copy=copy,
        source=source(ticket.id),
        now=now,
        dedupe_key=f"hd:out:{message.id}",
    )
    if copy is not None and incoming.kind not in CAPTIONED:
        await outbox.enqueue(
            session,
            chat_id=ticket.chat_id,
            user_id=ticket.user_id,
            text=signed("", signature, max_text),
            source=source(ticket.id),
            now=now,
            dedupe_key=f"hd:out:{message.id}:sig",
        )
    return message


async def claim(session: AsyncSession, ticket_id: int, staff_id: int) -> bool:
    """Take the ticket (taking it over from a colleague is allowed); False if closed/same."""
    result = await session.execute(
        update(Ticket)
        .where(
            Ticket.id == ticket_id,
            Ticket.status.in_(ACTIVE),
            (Ticket.claimed_by.is_(None)) | (Ticket.claimed_by != staff_id),
        )
        .values(claimed_by=staff_id, status="claimed")
        .returning(Ticket.id)
    )
    changed = result.scalar_one_or_none() is not None
    if changed:
        last = await session.scalar(
            select(TicketMessage.direction)
            .where(TicketMessage.ticket_id == ticket_id)
            .order_by(TicketMessage.id.desc())
            .limit(1)
        )
        if last == "out":  # staff spoke last: still the resident's turn
            ticket = await session.get_one(Ticket, ticket_id, populate_existing=True)
            ticket.status = "waiting"
            await session.flush()
    return changed


async def announce(
    session: AsyncSession,
    ticket: Ticket,
    catalog: Catalog,
    group_language: str,
    now: datetime,
    key: str,
    *,
    besides: int | None = None,
    **args: object,
) -> None:
    """A line about the ticket for staff, in the transaction of the change it reports: in
    the topic, or (no staff group) to the staff on duty other than ``besides``."""
    if ticket.group_id is None:
        await direct.tell_staff(session, ticket, catalog, now, key, besides=besides, **args)
        return
    if ticket.topic_id is None:
        return
    await outbox.enqueue(
        session,
        chat_id=ticket.group_id,
        thread_id=ticket.topic_id,
        text=catalog.text(group_language, key, id=str(ticket.id), **args),
        source=source(ticket.id),
        now=now,
    )


async def close(
    session: AsyncSession, ticket_id: int, catalog: Catalog, now: datetime
) -> Ticket | None:
    """Close the ticket once, and ask the resident whether the problem was solved."""
    result = await session.execute(
        update(Ticket)
        .where(Ticket.id == ticket_id, Ticket.status.in_(ACTIVE))
        .values(status="closed", engaged=False, closed_at=now)
        .returning(Ticket.id)
    )
    if result.scalar_one_or_none() is None:
        return None
    ticket = await session.get_one(Ticket, ticket_id, populate_existing=True)
    resident = await session.get_one(User, ticket.user_id)
    t = catalog.translator(resident.language)
    await outbox.enqueue(
        session,
        chat_id=ticket.chat_id,
        user_id=ticket.user_id,
        text=t("hd-closed-ask", id=str(ticket.id)),
        buttons=[
            [
                outbox.Button(t("hd-solved-yes"), Rate(ticket.id, 1)),
                outbox.Button(t("hd-solved-no"), Rate(ticket.id, 0)),
            ]
        ],
        source=source(ticket.id),
        now=now,
        dedupe_key=f"hd:{ticket.id}:rate",
    )
    return ticket


async def toggle_sign(session: AsyncSession, ticket_id: int) -> Ticket | None:
    ticket = await session.get(Ticket, ticket_id)
    if ticket is None or ticket.status == "closed":
        return None
    ticket.sign_as_centre = not ticket.sign_as_centre
    await session.flush()
    return ticket


async def rate(
    session: AsyncSession, ticket_id: int, user_id: int, solved: bool, now: datetime
) -> bool:
    """The resident's one tap after closing; only the first counts, only their own ticket."""
    result = await session.execute(
        update(Ticket)
        .where(
            Ticket.id == ticket_id,
            Ticket.user_id == user_id,
            Ticket.status == "closed",
            Ticket.satisfaction.is_(None),
        )
        .values(satisfaction=1 if solved else -1, rated_at=now)
        .returning(Ticket.id)
    )
    return result.scalar_one_or_none() is not None


async def open_tickets(session: AsyncSession, limit: int = 30) -> list[TicketView]:
    """Active tickets, oldest first."""
    ids = await session.scalars(
        select(Ticket.id)
        .where(Ticket.status.in_(ACTIVE))
        .order_by(Ticket.opened_at, Ticket.id)
        .limit(limit)
    )
    views = [await ticket_view(session, tid) for tid in list(ids)]
    return [v for v in views if v is not None]


async def latest_from_resident(
    session: AsyncSession, ticket_id: int, limit: int = 3
) -> list[tuple[str, str | None]]:
    """The resident's last ``limit`` messages of a ticket, oldest first: ``(kind, text)``."""
    rows = await session.execute(
        select(TicketMessage.kind, TicketMessage.text)
        .where(TicketMessage.ticket_id == ticket_id, TicketMessage.direction == "in")
        .order_by(TicketMessage.id.desc())
        .limit(limit)
    )
    return [(kind, text) for kind, text in rows.all()][::-1]


def topic_link(group_id: int, topic_id: int) -> str | None:
    """A link that opens a ticket's topic (a supergroup's id is -100 and its internal id)."""
    internal = str(group_id).removeprefix("-100")
    if internal == str(group_id) or not internal.isdigit():
        return None
    return f"https://t.me/c/{internal}/{topic_id}"


async def ban(
    session: AsyncSession, ticket: Ticket, staff_id: int, staff_name: str, now: datetime
) -> bool:
    """Ban the ticket's resident (audited); their open ticket is closed without a question."""
    if await session.get(HelpdeskBan, ticket.user_id) is not None:
        return False
    session.add(HelpdeskBan(user_id=ticket.user_id, banned_by=staff_id, created_at=now))
    await session.execute(
        update(Ticket)
        .where(Ticket.user_id == ticket.user_id, Ticket.status.in_(ACTIVE))
        .values(status="closed", engaged=False, closed_at=now)
    )
    await audit.record(
        session,
        actor_id=staff_id,
        actor_name=staff_name,
        action="helpdesk.ban",
        subject=f"user:{ticket.user_id}",
        now=now,
        details={"ticket": ticket.id},
    )
    await session.flush()
    return True


async def unban(
    session: AsyncSession, ticket: Ticket, staff_id: int, staff_name: str, now: datetime
) -> bool:
    result = await session.execute(
        delete(HelpdeskBan)
        .where(HelpdeskBan.user_id == ticket.user_id)
        .returning(HelpdeskBan.user_id)
    )
    if result.scalar_one_or_none() is None:
        return False
    await audit.record(
        session,
        actor_id=staff_id,
        actor_name=staff_name,
        action="helpdesk.unban",
        subject=f"user:{ticket.user_id}",
        now=now,
        details={"ticket": ticket.id},
    )
    return True


# -- the periodic check: unreachable residents, escalation -----------------------------------


async def mark_unreachable(
    session: AsyncSession, catalog: Catalog, language: str, now: datetime
) -> list[int]:
    """Tickets whose resident blocked the bot (a 403 on our message) are marked unreachable
    and staff are told (the topic, or the staff on duty)."""
    blocked = await session.execute(
        select(OutboxMessage.source, OutboxMessage.chat_id)
        .where(OutboxMessage.source.startswith(SOURCE), OutboxMessage.status == outbox.BLOCKED)
        .distinct()
    )
    chats: dict[int, set[int]] = {}
    for found_source, chat_id in blocked:
        number = direct.ticket_of_source(found_source)
        if number is not None:
            chats.setdefault(number, set()).add(chat_id)
    if not chats:
        return []
    candidates = await session.scalars(
        select(Ticket).where(
            Ticket.id.in_(list(chats)), Ticket.status.in_(ACTIVE), Ticket.unreachable.is_(False)
        )
    )
    # Only a 403 from the resident's chat counts (a staff member who blocked the bot is
    # simply no longer on duty).
    found = [ticket for ticket in candidates if ticket.chat_id in chats[ticket.id]]
    for ticket in found:
        ticket.unreachable = True
        await announce(session, ticket, catalog, language, now, "hd-unreachable")
    await session.flush()
    return [ticket.id for ticket in found]


Intervals = Callable[[date], Iterable[tuple[datetime, datetime]]]


def working_minutes(start: datetime, end: datetime, open_on: Intervals, zone: Any) -> float:
    """Minutes between ``start`` and ``end`` that fall within opening hours."""
    if end <= start:
        return 0.0
    total = 0.0
    day = start.astimezone(zone).date() - timedelta(days=1)  # yesterday's overnight hours
    last = end.astimezone(zone).date()
    while day <= last:
        for opens, closes in open_on(day):
            lo, hi = max(opens, start), min(closes, end)
            if hi > lo:
                total += (hi - lo).total_seconds() / 60
        day += timedelta(days=1)
    return total


async def escalate(
    session: AsyncSession,
    now: datetime,
    after_minutes: int,
    open_on: Intervals,
    zone: Any,
    catalog: Catalog,
) -> list[int]:
    """Unanswered tickets (no staff reply since the resident's first unanswered message)
    older than ``after_minutes`` working minutes are escalated to the admins, once."""
    candidates = list(
        await session.scalars(
            select(Ticket).where(
                Ticket.status == "open",
                Ticket.escalated_at.is_(None),
                Ticket.last_staff_at.is_(None),
            )
        )
    )
    due = [
        t for t in candidates if working_minutes(t.opened_at, now, open_on, zone) >= after_minutes
    ]
    if not due:
        return []
    admins = list(
        await session.execute(
            select(User.telegram_id, User.language)
            .join(UserRole, UserRole.user_id == User.id)
            .where(UserRole.role == "admin")
        )
    )
    for ticket in due:
        ticket.escalated_at = now
        view = await ticket_view(session, ticket.id)
        assert view is not None
        for telegram_id, language in admins:
            await outbox.enqueue(
                session,
                chat_id=telegram_id,
                text=catalog.text(
                    language,
                    "hd-escalated",
                    id=str(ticket.id),
                    name=view.resident_name,
                    hours=str(after_minutes // 60),
                    minutes=str(after_minutes),
                ),
                source=source(ticket.id),
                now=now,
                dedupe_key=f"hd:{ticket.id}:escalate:{telegram_id}",
            )
    await session.flush()
    return [ticket.id for ticket in due]


# -- the daily digest -------------------------------------------------------------------------


async def satisfaction(session: AsyncSession, start: datetime, end: datetime) -> dict[str, int]:
    """Tickets closed and taps received between ``start`` and ``end``."""
    closed = await session.scalar(
        select(func.count()).where(Ticket.closed_at >= start, Ticket.closed_at < end)
    )
    rows = await session.execute(
        select(Ticket.satisfaction, func.count())
        .where(Ticket.rated_at >= start, Ticket.rated_at < end)
        .group_by(Ticket.satisfaction)
    )
    taps = {int(value): int(n) for value, n in rows if value is not None}
    return {"closed": int(closed or 0), "solved": taps.get(1, 0), "unsolved": taps.get(-1, 0)}


class SatisfactionDigest:
    """The digest's helpdesk block: tickets closed, and how residents answered "solved?"."""

    name = "helpdesk"

    async def blocks(
        self, session: AsyncSession, start: datetime, end: datetime, t: Translator
    ) -> list[str]:
        counts = await satisfaction(session, start, end)
        return [t("hd-digest", **counts)] if any(counts.values()) else []


DIGEST_SECTION = SatisfactionDigest()


# -- data rights (see bot/services/privacy.py) -----------------------------------------------


class TicketData:
    """A resident's conversations with staff: tickets and every message of them.

    Retention: a ticket closed more than ``keep_closed_days`` ago goes with its messages and
    the outbox rows about it (copies and lines that quoted the resident); so do records of
    dropped messages older than that. Tickets still open are kept, however old.
    """

    name = "tickets"

    def __init__(self, keep_closed_days: int = 180) -> None:
        self.keep_closed_days = keep_closed_days

    async def export(self, session: AsyncSession, user_id: int) -> dict[str, Any]:
        tickets = list(
            await session.scalars(
                select(Ticket).where(Ticket.user_id == user_id).order_by(Ticket.id)
            )
        )
        out = []
        for ticket in tickets:
            messages = await session.scalars(
                select(TicketMessage)
                .where(TicketMessage.ticket_id == ticket.id)
                .order_by(TicketMessage.id)
            )
            out.append(
                {
                    "ticket": ticket.id,
                    "status": ticket.status,
                    "opened": privacy.iso(ticket.opened_at),
                    "closed": privacy.iso(ticket.closed_at),
                    "solved": {1: True, -1: False}.get(ticket.satisfaction or 0),
                    "messages": [
                        {
                            "from": "you" if m.direction == "in" else "staff",
                            "kind": m.kind,
                            "text": m.text,
                            "at": privacy.iso(m.created_at),
                        }
                        for m in messages
                    ],
                }
            )
        banned = await session.get(HelpdeskBan, user_id)
        dropped = await session.scalar(
            select(func.count()).where(DroppedMessage.user_id == user_id)
        )
        return {
            "tickets": out,
            "banned_since": privacy.iso(banned.created_at) if banned else None,
            "dropped_messages": int(dropped or 0),
        }

    async def forget(self, session: AsyncSession, user_id: int, now: datetime) -> None:
        await self.forget_many(session, [user_id], now)

    async def forget_many(
        self, session: AsyncSession, user_ids: Sequence[int], now: datetime
    ) -> None:
        """Delete their tickets and messages, and what the outbox holds of them (the copies
        in staff topics quoted them); a few statements for the whole batch."""
        people = list(user_ids)
        ids = list(await session.scalars(select(Ticket.id).where(Ticket.user_id.in_(people))))
        for start in range(0, len(ids), 500):
            sources = [source(n) for n in ids[start : start + 500]]
            await privacy.delete_messages(session, OutboxMessage.source.in_(sources))
        await session.execute(delete(Ticket).where(Ticket.user_id.in_(people)))
        await session.execute(delete(DroppedMessage).where(DroppedMessage.user_id.in_(people)))

    def held(self, user_ids: Any, telegram_ids: Any) -> list[Any]:
        """Their tickets (messages and outbox copies are found from them) and dropped
        messages: privacy's probe."""
        return [
            select(Ticket.id).where(Ticket.user_id.in_(user_ids)).exists(),
            select(DroppedMessage.id).where(DroppedMessage.user_id.in_(user_ids)).exists(),
        ]

    async def retain(
        self, session: AsyncSession, now: datetime, settings: PrivacySettings, limit: int
    ) -> int:
        """At most ``limit`` closed tickets past the period (with their messages and outbox
        rows), and at most ``limit`` old dropped-message records; how many went."""
        cutoff = now - timedelta(days=self.keep_closed_days)
        old = list(
            await session.scalars(
                select(Ticket.id)
                .where(Ticket.status == "closed", Ticket.closed_at < cutoff)
                .order_by(Ticket.id)
                .limit(limit)
            )
        )
        if old:
            await privacy.delete_messages(
                session, OutboxMessage.source.in_([source(n) for n in old])
            )
            await session.execute(delete(TicketMessage).where(TicketMessage.ticket_id.in_(old)))
            await session.execute(delete(Ticket).where(Ticket.id.in_(old)))
        dropped = list(
            await session.scalars(
                select(DroppedMessage.id)
                .where(DroppedMessage.created_at < cutoff)
                .order_by(DroppedMessage.id)
                .limit(limit)
            )
        )
        if dropped:
            await session.execute(delete(DroppedMessage).where(DroppedMessage.id.in_(dropped)))
        return max(len(old), len(dropped))


DATA_SECTION = TicketData()
