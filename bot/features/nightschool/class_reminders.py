"""Class sessions as a source of reminders (see :mod:`bot.services.reminders`).

Everyone ENROLLED on a published course is reminded before each scheduled session, with the
lead times they chose for events too. The item of a reminder is the session, so its dedupe key
is ``rem:class:<session id>:<user id>:<lead>:<start epoch>``: a moved session gets new keys.

Every change that makes a pending reminder wrong cancels it in its own transaction:
leaving the course (:func:`~.enrolment.withdraw`), the course cancelled, a session moved, the
title or venue edited (:mod:`.courses`). "I can't come" records an absence for that one
session (``course_attendance.present = false``) and cancels that session's pending reminders;
the place on the course is kept, and the absence keeps further reminders of it away.

Concurrency (PostgreSQL): every change above locks the course row first. The reminder job's
:meth:`ClassReminderSource.confirm` takes ``FOR SHARE`` on the same course rows, in id order,
before re-reading who is expected, so a change either commits before the re-read (and the
reminder is not written) or waits until the job has committed (and then cancels what it wrote).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import Select, and_, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.nightschool.common import ENROLLED, PUBLISHED
from bot.features.nightschool.models import Attendance, Course, CourseSession, Enrolment
from bot.services import hours, reminders, second_chance
from bot.services.hours import HoursBook
from bot.storage.upsert import insert_for

KIND = "class"
SCHEDULED = "scheduled"
_LOCK_CHUNK = 1000
# Said under a class whose venue is closed that day: in /myclasses and in its reminders.
VENUE_CLOSED = "ns-my-venue-closed"


def closure_note(
    book: HoursBook, venue_id: str, starts_at: datetime, ends_at: datetime
) -> str | None:
    """:data:`VENUE_CLOSED` when a closure, special hours or a holiday leave the class's venue
    shut during it (:func:`bot.services.hours.closed_during`), else ``None``: the one rule
    behind /myclasses's flag and the reminders'. The class still stands (staff may keep it,
    or not have answered the closure's cancel / keep list yet), so it is said, not hidden."""
    venue = book.centre.venue(venue_id)
    if venue is None:
        return None
    zone = book.centre.zone
    closed = hours.closed_during(book, venue, starts_at.astimezone(zone), ends_at.astimezone(zone))
    return VENUE_CLOSED if closed is not None else None


def _query(
    window_start: datetime, window_end: datetime
) -> Select[int, int, datetime, str, str, str, datetime, datetime]:
    absent = and_(
        Attendance.session_id == CourseSession.id,
        Attendance.enrolment_id == Enrolment.id,
        Attendance.present.is_(False),
    )
    return (
        select(
            CourseSession.id,
            Enrolment.user_id,
            CourseSession.starts_at,
            Course.title_zh,
            Course.title_en,
            Course.venue_id,
            Enrolment.updated_at,
            CourseSession.ends_at,
        )
        .join(Course, Course.id == CourseSession.course_id)
        .join(Enrolment, Enrolment.course_id == Course.id)
        .outerjoin(Attendance, absent)
        .where(
            CourseSession.status == SCHEDULED,
            CourseSession.starts_at > window_start,
            CourseSession.starts_at <= window_end,
            Course.status == PUBLISHED,
            Enrolment.status == ENROLLED,
            Attendance.id.is_(None),
        )
    )


class ClassReminderSource(reminders.ReminderSource):
    """Everyone enrolled on a published course, before each of its scheduled sessions."""

    kind = KIND

    async def attendances(
        self, session: AsyncSession, window_start: datetime, window_end: datetime
    ) -> Sequence[reminders.Attendance]:
        rows = await session.execute(_query(window_start, window_end))
        # ``since``: an enrolment's updated_at is when it became ENROLLED (it changes only
        # when the status does), so nobody gets an instant reminder whose moment came earlier.
        return [reminders.Attendance(*row) for row in rows]

    def note(self, attendance: reminders.Attendance, book: HoursBook) -> str | None:
        """The venue is closed that day: said in the reminder as /myclasses says it."""
        if attendance.ends_at is None:
            return None
        return closure_note(book, attendance.venue_id, attendance.starts_at, attendance.ends_at)

    async def confirm(
        self, session: AsyncSession, wanted: Sequence[reminders.Attendance]
    ) -> set[tuple[int, int, datetime]]:
        if not wanted:
            return set()
        session_ids = sorted({a.item_id for a in wanted})
        course_ids: set[int] = set()
        for start in range(0, len(session_ids), _LOCK_CHUNK):
            course_ids.update(
                await session.scalars(
                    select(CourseSession.course_id).where(
                        CourseSession.id.in_(session_ids[start : start + _LOCK_CHUNK])
                    )
                )
            )
        ordered = sorted(course_ids)
        for start in range(0, len(ordered), _LOCK_CHUNK):
            await session.execute(
                select(Course.id)
                .where(Course.id.in_(ordered[start : start + _LOCK_CHUNK]))
                .order_by(Course.id)
                .with_for_update(read=True)
            )
        first = min(a.starts_at for a in wanted)
        last = max(a.starts_at for a in wanted)
        current = await session.execute(_query(first - timedelta(microseconds=1), last))
        # Also a changed title, venue or start drops the reminder: the next run writes it anew.
        still = {reminders.Attendance(*row) for row in current}
        return {(a.item_id, a.user_id, a.starts_at) for a in wanted if a in still}

    async def cant_come(
        self, session: AsyncSession, item_id: int, user_id: int, starts_at: datetime, now: datetime
    ) -> reminders.CantCome:
        """Record an absence for the session; the enrolment stays."""
        meeting, enrolment_id = await self._locked(session, item_id, user_id, starts_at, now)
        if meeting is None:
            return reminders.CantCome.STALE
        if enrolment_id is None:
            return reminders.CantCome.NOT_EXPECTED
        await record_attendance(session, item_id, enrolment_id, False, user_id, now)
        await reminders.cancel_pending(session, KIND, item_id, user_id)
        return reminders.CantCome.DONE

    async def undo_cant_come(
        self, session: AsyncSession, item_id: int, user_id: int, starts_at: datetime, now: datetime
    ) -> reminders.UndoCantComeOutcome:
        """Remove the absence the person recorded themselves, within ten minutes; one marked
        by staff stays. The next reminder run writes the session's later reminders again."""
        meeting, enrolment_id = await self._locked(session, item_id, user_id, starts_at, now)
        if meeting is None:
            return reminders.UndoCantComeOutcome.STALE
        if enrolment_id is None:
            return reminders.UndoCantComeOutcome.EXPIRED
        mark = await session.scalar(
            select(Attendance).where(
                Attendance.session_id == item_id,
                Attendance.enrolment_id == enrolment_id,
                Attendance.present.is_(False),
                Attendance.marked_by == user_id,
            )
        )
        if mark is None or not second_chance.undo_open(mark.marked_at, now):
            return reminders.UndoCantComeOutcome.EXPIRED
        await session.delete(mark)
        await session.flush()
        return reminders.UndoCantComeOutcome.UNDONE

    async def _locked(
        self, session: AsyncSession, item_id: int, user_id: int, starts_at: datetime, now: datetime
    ) -> tuple[CourseSession | None, int | None]:
        """The session still ahead at ``starts_at`` on a published course (its course row
        locked first, like every change) and the person's enrolment id if they hold a place."""
        course_id = await session.scalar(
            select(CourseSession.course_id).where(CourseSession.id == item_id)
        )
        if course_id is None:
            return None, None
        course = await session.scalar(
            select(Course)
            .where(Course.id == course_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        meeting = await session.get(CourseSession, item_id, populate_existing=True)
        if (
            meeting is None
            or course is None
            or course.status != PUBLISHED
            or meeting.status != SCHEDULED
            or meeting.starts_at != starts_at
            or meeting.starts_at <= now
        ):
            return None, None
        enrolment_id = await session.scalar(
            select(Enrolment.id).where(
                Enrolment.course_id == meeting.course_id,
                Enrolment.user_id == user_id,
                Enrolment.status == ENROLLED,
            )
        )
        return meeting, enrolment_id


async def session_ids(session: AsyncSession, course_id: int) -> list[int]:
    return list(
        await session.scalars(
            select(CourseSession.id)
            .where(CourseSession.course_id == course_id)
            .order_by(CourseSession.id)
        )
    )


async def cancel_pending(
    session: AsyncSession,
    course_id: int,
    user_id: int | None = None,
    sessions: Iterable[int] | None = None,
) -> int:
    """Withdraw the pending reminders of a course's sessions (for one person or everyone),
    in the caller's transaction; returns how many."""
    ids = list(sessions) if sessions is not None else await session_ids(session, course_id)
    cancelled = 0
    for session_id in ids:
        cancelled += await reminders.cancel_pending(session, KIND, session_id, user_id)
    return cancelled


async def record_attendance(
    session: AsyncSession,
    session_id: int,
    enrolment_id: int,
    present: bool,
    marked_by: int,
    now: datetime,
) -> None:
    """Write one person's attendance of one session (staff's mark or the resident's own
    "I can't come"), over any earlier mark."""
    statement = insert_for(session, Attendance.__table__)  # type: ignore[arg-type]
    await session.execute(
        statement.values(
            session_id=session_id,
            enrolment_id=enrolment_id,
            present=present,
            marked_by=marked_by,
            marked_at=now,
        ).on_conflict_do_update(
            index_elements=["session_id", "enrolment_id"],
            set_={"present": present, "marked_by": marked_by, "marked_at": now},
        )
    )
