"""Events' waitlist: offers of freed seats, their answers and deadlines, and "undo".

The same pattern as the night school's (``nightschool.enrolment``), written for events:
every change of who holds seats first locks the event row (``SELECT … FOR UPDATE`` on
PostgreSQL; SQLite's write transaction began with ``BEGIN IMMEDIATE``), then moves seats
with conditional ``UPDATE``s. A sign-up holds ``party`` seats (the person and their
companions). Freed seats go to the first people waiting whose party fits, as offers with a
deadline, written to the outbox in the same transaction.
"""

from __future__ import annotations

import enum
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.events.buttons import AcceptOffer, DeclineOffer
from bot.features.events.models import Event, EventSignup
from bot.features.events.notices import Notices
from bot.services import outbox, second_chance
from bot.storage.models import User

SCHEDULED = "scheduled"
ACTIVE, WITHDRAWN = "active", "withdrawn"
WAITLISTED, OFFERED, DECLINED, EXPIRED = "waitlisted", "offered", "declined", "expired"
HOLDING = (ACTIVE, OFFERED)  # statuses whose party counts in ``events.taken``
LIVE = (ACTIVE, OFFERED, WAITLISTED)
UNDOABLE = (ACTIVE, WAITLISTED)
# How long an offered seat is kept for someone (never past the event's start).
OFFER_WINDOW = timedelta(hours=12)


async def lock_event(session: AsyncSession, event_id: int) -> Event | None:
    """The event row, locked until the end of the transaction, read afresh."""
    result = await session.execute(
        select(Event)
        .where(Event.id == event_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return result.scalar_one_or_none()


async def my_signup(session: AsyncSession, event_id: int, user_id: int) -> EventSignup | None:
    return await session.scalar(
        select(EventSignup)
        .where(EventSignup.event_id == event_id, EventSignup.user_id == user_id)
        .execution_options(populate_existing=True)
    )


async def waiting(session: AsyncSession, event_id: int) -> int:
    """How many sign-ups wait for a seat."""
    count = await session.scalar(
        select(func.count())
        .select_from(EventSignup)
        .where(EventSignup.event_id == event_id, EventSignup.status == WAITLISTED)
    )
    return int(count or 0)


async def position(session: AsyncSession, event_id: int, seq: int) -> int:
    """1 for the first sign-up waiting; counts those still waiting ahead (and oneself)."""
    count = await session.scalar(
        select(func.count())
        .select_from(EventSignup)
        .where(
            EventSignup.event_id == event_id,
            EventSignup.status == WAITLISTED,
            EventSignup.seq <= seq,
        )
    )
    return int(count or 0)


async def take_seats(session: AsyncSession, event_id: int, party: int) -> bool:
    """Take ``party`` seats if they are free (the database re-checks under the lock)."""
    taken = await session.execute(
        update(Event)
        .where(
            Event.id == event_id,
            Event.capacity.is_(None) | (Event.taken + party <= Event.capacity),
        )
        .values(taken=Event.taken + party)
        .returning(Event.id)
        .execution_options(synchronize_session=False)
    )
    return taken.first() is not None


async def give_back(session: AsyncSession, event_id: int, party: int) -> None:
    await session.execute(
        update(Event)
        .where(Event.id == event_id, Event.taken >= party)
        .values(taken=Event.taken - party)
        .execution_options(synchronize_session=False)
    )


def offer_deadline(event: Event, now: datetime) -> datetime:
    return min(now + OFFER_WINDOW, event.starts_at)


async def pass_seats(session: AsyncSession, event: Event, now: datetime, notices: Notices) -> int:
    """Offer the free seats to the first people waiting whose party fits; returns how many
    offers were made. The caller holds the event's lock."""
    if event.capacity is None or event.status != SCHEDULED or event.starts_at <= now:
        return 0
    await session.refresh(event, ["taken"])
    free = event.capacity - event.taken
    offers = 0
    if free <= 0:
        return 0
    queue = await session.scalars(
        select(EventSignup)
        .where(EventSignup.event_id == event.id, EventSignup.status == WAITLISTED)
        .order_by(EventSignup.seq)
    )
    deadline = offer_deadline(event, now)
    for row in list(queue):
        if row.party > free:
            continue
        if not await take_seats(session, event.id, row.party):
            break
        free -= row.party
        row.status, row.offer_expires_at = OFFERED, deadline
        await session.flush()
        await _send_offer(session, event, row, deadline, now, notices)
        offers += 1
        if free <= 0:
            break
    return offers


async def _send_offer(
    session: AsyncSession,
    event: Event,
    row: EventSignup,
    deadline: datetime,
    now: datetime,
    notices: Notices,
) -> None:
    person = (
        await session.execute(select(User.telegram_id, User.language).where(User.id == row.user_id))
    ).one()
    lang = person.language
    t = notices.catalog.translator(lang)
    await outbox.enqueue(
        session,
        chat_id=person.telegram_id,
        user_id=row.user_id,
        text=notices.render(
            "events-offer", lang, event, deadline=notices.when(deadline, lang), party=row.party
        ),
        buttons=[
            [
                outbox.Button(t("events-btn-accept"), data=AcceptOffer(row.id)),
                outbox.Button(t("events-btn-decline"), data=DeclineOffer(row.id)),
            ]
        ],
        source=f"event:{event.id}:offer",
        now=now,
        expires_at=deadline,
        dedupe_key=f"event:offer:{row.id}:{row.seq}:{int(deadline.timestamp())}",
    )


class Answer(enum.Enum):
    """What an offer's button, or "undo", did."""

    ACCEPTED = "accepted"
    DECLINED = "declined"
    NOT_YOURS = "not-yours"
    GONE = "offer-gone"
    UNDONE = "undone"
    UNDO_EXPIRED = "undo-expired"
    SEAT_GONE = "seat-gone"
    ALREADY = "already"
    NOTHING = "not-in"
    CLOSED = "closed"


async def _offer(
    session: AsyncSession, signup_id: int, user_id: int, now: datetime
) -> tuple[Answer | None, EventSignup | None, Event | None]:
    """The offer row and its locked event, or why the press is refused."""
    row = await session.get(EventSignup, signup_id, populate_existing=True)
    if row is None:
        return Answer.GONE, None, None
    if row.user_id != user_id:
        return Answer.NOT_YOURS, None, None
    event = await lock_event(session, row.event_id)
    await session.refresh(row)
    if event is None or row.status != OFFERED or row.offer_expires_at is None:
        return Answer.GONE, row, event
    if row.offer_expires_at <= now or event.status != SCHEDULED:
        return Answer.GONE, row, event
    return None, row, event


async def accept(
    session: AsyncSession, signup_id: int, user_id: int, now: datetime
) -> tuple[Answer, int | None]:
    """The offered person takes the seats (before the deadline); returns the event's id."""
    refused, row, _event = await _offer(session, signup_id, user_id, now)
    if refused is not None or row is None:
        return refused or Answer.GONE, row.event_id if row is not None else None
    row.status, row.offer_expires_at, row.signed_up_at = ACTIVE, None, now
    await session.flush()
    return Answer.ACCEPTED, row.event_id


async def decline(
    session: AsyncSession, signup_id: int, user_id: int, now: datetime, notices: Notices
) -> tuple[Answer, int | None]:
    """The offered person says no; the seats go to the next people waiting."""
    refused, row, event = await _offer(session, signup_id, user_id, now)
    if refused is not None or row is None or event is None:
        return refused or Answer.GONE, row.event_id if row is not None else None
    row.status, row.offer_expires_at, row.withdrawn_at = DECLINED, None, now
    row.withdrawn_from = None
    await session.flush()
    await give_back(session, event.id, row.party)
    await pass_seats(session, event, now, notices)
    return Answer.DECLINED, row.event_id


async def expire_offers(session: AsyncSession, now: datetime, notices: Notices) -> int:
    """Offers past their deadline: tell the person, pass the seats on. Returns how many.

    Called every minute by the job queue, and directly by tests with a manual clock.
    """
    due = (
        await session.execute(
            select(EventSignup.id, EventSignup.event_id)
            .where(EventSignup.status == OFFERED, EventSignup.offer_expires_at <= now)
            .order_by(EventSignup.event_id, EventSignup.id)
            .limit(500)
        )
    ).all()
    expired = 0
    for signup_id, event_id in due:
        event = await lock_event(session, event_id)
        row = await session.get(EventSignup, signup_id, populate_existing=True)
        if event is None or row is None or row.status != OFFERED:
            continue
        assert row.offer_expires_at is not None
        if row.offer_expires_at > now:
            continue
        row.status, row.offer_expires_at = EXPIRED, None
        await session.flush()
        await give_back(session, event.id, row.party)
        expired += 1
        if event.status != SCHEDULED:
            continue
        person = (
            await session.execute(
                select(User.telegram_id, User.language).where(User.id == row.user_id)
            )
        ).one()
        await outbox.enqueue(
            session,
            chat_id=person.telegram_id,
            user_id=row.user_id,
            text=notices.render("events-offer-expired", person.language, event),
            source=f"event:{event.id}:expired",
            now=now,
            dedupe_key=f"event:expired:{row.id}:{int(now.timestamp())}",
        )
        await pass_seats(session, event, now, notices)
    return expired


async def undo(session: AsyncSession, event_id: int, user_id: int, now: datetime) -> Answer:
    """Back where one was before withdrawing, within ten minutes, if the seats are still free.

    Seats already offered to someone waiting (or taken by a newcomer) are gone: the
    conditional ``UPDATE`` refuses and the answer says so. A waitlist place comes back with
    its old arrival number.
    """
    event = await lock_event(session, event_id)
    if event is None or event.status != SCHEDULED or event.starts_at <= now:
        return Answer.CLOSED
    row = await my_signup(session, event_id, user_id)
    if row is None:
        return Answer.NOTHING
    if row.status in LIVE:
        return Answer.ALREADY
    previous = row.withdrawn_from
    if (
        row.status != WITHDRAWN
        or previous not in UNDOABLE
        or not second_chance.undo_open(row.withdrawn_at, now)
    ):
        return Answer.UNDO_EXPIRED
    if previous == ACTIVE and not await take_seats(session, event_id, row.party):
        return Answer.SEAT_GONE
    row.status, row.withdrawn_from, row.withdrawn_at = previous, None, None
    await session.flush()
    return Answer.UNDONE


async def fill_free_seats(session: AsyncSession, now: datetime, notices: Notices) -> int:
    """Seats freed without an offer (a reminder's "I can't come", a forgotten person) go to
    the people waiting; run by the offers job. Returns how many offers were made."""
    has_waiting = (
        select(EventSignup.id)
        .where(EventSignup.event_id == Event.id, EventSignup.status == WAITLISTED)
        .exists()
    )
    ids = list(
        await session.scalars(
            select(Event.id)
            .where(
                Event.status == SCHEDULED,
                Event.starts_at > now,
                Event.capacity.is_not(None),
                Event.taken < Event.capacity,
                has_waiting,
            )
            .order_by(Event.id)
            .limit(100)
        )
    )
    offers = 0
    for event_id in ids:
        event = await lock_event(session, event_id)
        if event is not None:
            offers += await pass_seats(session, event, now, notices)
    return offers
