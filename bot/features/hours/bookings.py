"""What a closure (or special hours) leaves without a room: the class sessions and events
booked at the venue while it is closed, and cancelling or keeping them (issue F26).

Cancelling goes through the night school's and the events' own cancel services, so residents
get the notice they always get and their reminders are withdrawn in the same transaction;
this module writes no notice of its own. A press names an item of one closure; the item is
acted on only if it is still booked in that closure's closed time, so old or forged buttons
change nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.centre import Interval
from bot.features.events import service as events
from bot.features.events.models import Event, EventSignup
from bot.features.events.notices import Notices
from bot.features.hours.buttons import BookingKind
from bot.features.hours.models import VenueException
from bot.features.hours.service import Kind, parse_intervals
from bot.features.nightschool import courses
from bot.features.nightschool.common import (
    CourseStatus,
    EnrolmentStatus,
    School,
    SessionStatus,
)
from bot.features.nightschool.models import Course, CourseSession, Enrolment
from bot.runtime import Runtime
from bot.services import audit
from bot.services.users import Profile


@dataclass(frozen=True, slots=True)
class Booking:
    """One class session or event at the venue while it is closed."""

    kind: BookingKind
    item_id: int  # the session's id, or the event's
    title_zh: str
    title_en: str
    starts_at: datetime
    ends_at: datetime
    signed_up: int  # people enrolled on the course, or holding a place at the event

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_zh

    @property
    def key(self) -> tuple[BookingKind, int]:
        return self.kind, self.item_id


@dataclass(frozen=True, slots=True)
class Closure:
    """The closed time of one active staff exception, as the bookings check needs it."""

    id: int
    venue_id: str
    start: date
    end: date
    open_minutes: tuple[tuple[int, int], ...]  # special hours; empty when closed all day

    def closes(self, starts_at: datetime, ends_at: datetime, zone: tzinfo) -> bool:
        """True when the venue is closed for some of ``starts_at``–``ends_at``."""
        local = starts_at.astimezone(zone)
        if not self.start <= local.date() <= self.end:
            return False
        if not self.open_minutes:
            return True
        first = local.hour * 60 + local.minute
        last = first + int((ends_at - starts_at).total_seconds() // 60)
        return not any(start <= first and last <= end for start, end in self.open_minutes)


async def active_closure(session: AsyncSession, exception_id: int) -> Closure | None:
    """The closure or special hours ``exception_id``, unless withdrawn."""
    row = await session.get(VenueException, exception_id)
    if row is None or row.removed_at is not None:
        return None
    hours = parse_intervals(row.intervals) if row.kind == Kind.HOURS and row.intervals else ()
    return closure_of(row.venue_id, row.start_date, row.end_date, hours, exception_id=row.id)


def closure_of(
    venue_id: str,
    start: date,
    end: date,
    hours: Iterable[Interval] = (),
    *,
    exception_id: int = 0,
) -> Closure:
    """A closure (no ``hours``) or special hours as the bookings check reads them; one not
    stored yet (a preview) has ``exception_id`` 0."""
    return Closure(
        id=exception_id,
        venue_id=venue_id,
        start=start,
        end=end,
        open_minutes=tuple((i.start, i.end) for i in hours),
    )


def _window(closure: Closure, zone: tzinfo) -> tuple[datetime, datetime]:
    """From the first closed day's midnight to the midnight after the last, in UTC terms."""
    first = datetime.combine(closure.start, time(0), zone)
    last = datetime.combine(closure.end + timedelta(days=1), time(0), zone)
    return first.astimezone(UTC), last.astimezone(UTC)


async def _sessions(
    session: AsyncSession,
    closure: Closure,
    zone: tzinfo,
    now: datetime,
    status: SessionStatus = SessionStatus.SCHEDULED,
) -> list[Booking]:
    first, last = _window(closure, zone)
    enrolled = (
        select(func.count())
        .where(Enrolment.course_id == Course.id, Enrolment.status == EnrolmentStatus.ENROLLED)
        .scalar_subquery()
    )
    rows = await session.execute(
        select(
            CourseSession.id,
            Course.title_zh,
            Course.title_en,
            CourseSession.starts_at,
            CourseSession.ends_at,
            enrolled,
        )
        .join(Course, Course.id == CourseSession.course_id)
        .where(
            Course.venue_id == closure.venue_id,
            Course.status != CourseStatus.CANCELLED,
            CourseSession.status == status,
            CourseSession.starts_at >= max(first, now),
            CourseSession.starts_at < last,
        )
    )
    return [
        Booking(BookingKind.CLASS, row[0], row[1], row[2], row[3], row[4], int(row[5] or 0))
        for row in rows.all()
    ]


async def _events(
    session: AsyncSession,
    closure: Closure,
    zone: tzinfo,
    now: datetime,
    status: str = events.SCHEDULED,
) -> list[Booking]:
    first, last = _window(closure, zone)
    holding = (
        select(func.count())
        .where(EventSignup.event_id == Event.id, EventSignup.status == events.ACTIVE)
        .scalar_subquery()
    )
    rows = await session.execute(
        select(
            Event.id, Event.title_zh, Event.title_en, Event.starts_at, Event.ends_at, holding
        ).where(
            Event.venue_id == closure.venue_id,
            Event.status == status,
            Event.starts_at > now,
            Event.starts_at >= first,
            Event.starts_at < last,
        )
    )
    return [
        Booking(BookingKind.EVENT, row[0], row[1], row[2], row[3], row[4], int(row[5] or 0))
        for row in rows.all()
    ]


async def booked_during(
    session: AsyncSession, closure: Closure, zone: tzinfo, now: datetime
) -> list[Booking]:
    """The future class sessions and events at the venue in the closure's closed time,
    soonest first."""
    found = [
        *await _sessions(session, closure, zone, now),
        *await _events(session, closure, zone, now),
    ]
    kept = [b for b in found if b.starts_at > now and closure.closes(b.starts_at, b.ends_at, zone)]
    return sorted(kept, key=lambda b: (b.starts_at, b.kind, b.item_id))


async def cancelled_during(
    session: AsyncSession, closure: Closure, zone: tzinfo, now: datetime
) -> list[Booking]:
    """The future class sessions and events at the venue in the closure's closed time that
    are cancelled (by this closure or otherwise), soonest first: withdrawing the closure does
    not bring them back, and staff are told so."""
    found = [
        *await _sessions(session, closure, zone, now, SessionStatus.CANCELLED),
        *await _events(session, closure, zone, now, events.CANCELLED),
    ]
    kept = [b for b in found if b.starts_at > now and closure.closes(b.starts_at, b.ends_at, zone)]
    return sorted(kept, key=lambda b: (b.starts_at, b.kind, b.item_id))


class Outcome(StrEnum):
    """What became of one press on a booking (each has its text in the handlers)."""

    CANCELLED = "cancelled"
    KEPT = "kept"
    GONE = "gone"  # no longer booked in the closed time: cancelled already, started, moved
    CLOSURE_GONE = "closure-gone"  # the closure itself was withdrawn


@dataclass(frozen=True, slots=True)
class Result:
    """One booking acted on: what happened, and how many people are told."""

    outcome: Outcome
    booking: Booking | None = None
    told: int = 0


@dataclass(frozen=True, slots=True)
class Cancelling:
    """What cancelling needs from the features that own the bookings."""

    school: School
    notices: Notices

    @property
    def zone(self) -> tzinfo:
        return self.school.zone

    @classmethod
    def of(cls, runtime: Runtime) -> Cancelling:
        return cls(
            School(runtime.catalog, runtime.centre, runtime.settings.nightschool),
            Notices(runtime.catalog, runtime.centre),
        )


async def _cancel_one(
    session: AsyncSession,
    cancelling: Cancelling,
    closure: Closure,
    booking: Booking,
    actor: Profile,
    now: datetime,
) -> Result:
    if booking.kind is BookingKind.EVENT:
        told = await events.cancel(session, booking.item_id, actor, now, cancelling.notices)
        if told is None:
            return Result(Outcome.GONE, booking)
        return Result(Outcome.CANCELLED, booking, told.total)
    try:
        course_id, count = await courses.cancel_session(
            session, cancelling.school, None, booking.item_id, now
        )
    except courses.SessionRefused:
        return Result(Outcome.GONE, booking)
    await audit.record(
        session,
        actor_id=actor.id,
        actor_name=actor.first_name,
        action="nightschool.session-cancel",
        subject=f"course {course_id}",
        now=now,
        details={"session": booking.item_id, "told": count, "closure": closure.id},
    )
    return Result(Outcome.CANCELLED, booking, count)


async def cancel_bookings(
    session: AsyncSession,
    cancelling: Cancelling,
    exception_id: int,
    wanted: Iterable[tuple[BookingKind, int]],
    actor: Profile,
    now: datetime,
) -> list[Result]:
    """Cancel the ``wanted`` bookings of closure ``exception_id`` and tell everyone signed up
    (the owners' notices); one result per wanted item, in the order asked. An item no longer
    booked in the closed time is ``GONE`` and nothing is done to it."""
    wanted = list(dict.fromkeys(wanted))
    closure = await active_closure(session, exception_id)
    if closure is None:
        return [Result(Outcome.CLOSURE_GONE) for _ in wanted]
    booked = {b.key: b for b in await booked_during(session, closure, cancelling.zone, now)}
    results = []
    for key in wanted:
        booking = booked.get(key)
        if booking is None:
            results.append(Result(Outcome.GONE))
            continue
        results.append(await _cancel_one(session, cancelling, closure, booking, actor, now))
    return results


async def keep_bookings(
    session: AsyncSession,
    zone: tzinfo,
    exception_id: int,
    wanted: Sequence[tuple[BookingKind, int]],
    actor: Profile,
    now: datetime,
) -> list[Result]:
    """Keep the ``wanted`` bookings despite the closure (held elsewhere, say): nothing changes
    for residents; the decision is written to the audit log."""
    closure = await active_closure(session, exception_id)
    if closure is None:
        return [Result(Outcome.CLOSURE_GONE) for _ in wanted]
    booked = {b.key: b for b in await booked_during(session, closure, zone, now)}
    results = [
        Result(Outcome.KEPT, booked[key]) if key in booked else Result(Outcome.GONE)
        for key in wanted
    ]
    kept = [f"{r.booking.kind}:{r.booking.item_id}" for r in results if r.booking is not None]
    if kept:
        await audit.record(
            session,
            actor_id=actor.id,
            actor_name=actor.first_name,
            action="hours.closure-keep",
            subject=f"venue:{closure.venue_id}",
            now=now,
            details={"exception": closure.id, "kept": kept},
        )
    return results
