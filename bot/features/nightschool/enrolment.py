"""Signing up, leaving, and offers to the waitlist — every rule enforced by the database.

Every operation that changes who holds a seat first locks the course row (PostgreSQL:
``UPDATE``/``SELECT … FOR UPDATE``; SQLite: the write transaction began with
``BEGIN IMMEDIATE``), then changes rows with conditional updates, so two sign-ups can never
both see "one seat left". Messages to anyone other than the person acting (the next person
on the waitlist getting an offer, someone whose offer ran out) go into the outbox in the same
transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import case, exists, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.nightschool import class_reminders
from bot.features.nightschool.buttons import Accept, Decline
from bot.features.nightschool.common import (
    ACTIVE,
    APPLIED,
    CANCELLED,
    DECLINED,
    ENROLLED,
    EXPIRED,
    FCFS,
    OFFERED,
    PUBLISHED,
    SOURCE,
    WAITLISTED,
    WITHDRAWN,
    CourseStatus,
    School,
    SessionStatus,
    recipient,
)
from bot.features.nightschool.models import Course, CourseSession, Enrolment
from bot.features.nightschool.schedule import offer_deadline
from bot.services import outbox, second_chance
from bot.storage.models import User


class Code(StrEnum):
    """What a sign-up, leaving, accepting or declining did (each has its text in the views)."""

    ENROLLED = "enrolled"
    WAITLISTED = "waitlisted"
    APPLIED = "applied"
    LEFT = "left"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    ALREADY = "already"
    NOT_FOUND = "not-found"
    COURSE_CANCELLED = "course-cancelled"
    NOT_OPEN = "not-open"
    CLOSED = "closed"
    LIMIT = "limit"
    CUTOFF = "cutoff"
    NOT_YOURS = "not-yours"
    OFFER_GONE = "offer-gone"
    NOTHING = "nothing"
    UNDONE = "undone"
    UNDO_EXPIRED = "undo-expired"
    SEAT_GONE = "seat-gone"


OK_ENROLLED, OK_WAITLISTED, OK_APPLIED = Code.ENROLLED, Code.WAITLISTED, Code.APPLIED
OK_LEFT, OK_ACCEPTED, OK_DECLINED = Code.LEFT, Code.ACCEPTED, Code.DECLINED
ALREADY = Code.ALREADY
NOT_FOUND, COURSE_CANCELLED = Code.NOT_FOUND, Code.COURSE_CANCELLED
NOT_OPEN, CLOSED, LIMIT, CUTOFF = Code.NOT_OPEN, Code.CLOSED, Code.LIMIT, Code.CUTOFF
NOT_YOURS, OFFER_GONE, NOTHING = Code.NOT_YOURS, Code.OFFER_GONE, Code.NOTHING


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened, and where the person stands now on that course."""

    code: Code
    course_id: int | None = None
    status: str | None = None
    position: int | None = None
    offer_expires_at: datetime | None = None
    seq: int | None = None
    enrolment_id: int | None = None
    # After leaving (:func:`withdraw`): the seat went straight to the next person waiting;
    # and whether an undo could still put the person back (the card's undo button).
    passed_on: bool = False
    undoable: bool = False

    @property
    def changed(self) -> bool:
        return self.code in {
            OK_ENROLLED,
            OK_WAITLISTED,
            OK_APPLIED,
            OK_LEFT,
            OK_ACCEPTED,
            OK_DECLINED,
            Code.UNDONE,
        }


async def waitlist_position(session: AsyncSession, course_id: int, seq: int) -> int:
    """1 for the first person waiting; counts only those still waiting ahead (and oneself)."""
    count = await session.scalar(
        select(func.count())
        .select_from(Enrolment)
        .where(
            Enrolment.course_id == course_id,
            Enrolment.status == WAITLISTED,
            Enrolment.seq <= seq,
        )
    )
    return int(count or 0)


async def standing(session: AsyncSession, course_id: int, user_id: int) -> Outcome:
    """Where ``user_id`` stands on the course (code ``nothing`` if they never signed up)."""
    row = await session.scalar(
        select(Enrolment).where(Enrolment.course_id == course_id, Enrolment.user_id == user_id)
    )
    if row is None:
        return Outcome(NOTHING, course_id)
    return await _outcome(session, ALREADY if row.status in ACTIVE else NOTHING, row)


async def _outcome(session: AsyncSession, code: Code, row: Enrolment) -> Outcome:
    position = None
    if row.status == WAITLISTED:
        position = await waitlist_position(session, row.course_id, row.seq)
    return Outcome(code, row.course_id, row.status, position, row.offer_expires_at, row.seq, row.id)


async def _lock_course_for_sign_up(session: AsyncSession, course_id: int) -> Course | None:
    """Lock the course row and draw the next arrival number in one statement."""
    result = await session.execute(
        update(Course)
        .where(Course.id == course_id)
        .values(last_seq=Course.last_seq + 1)
        .returning(Course)
        .execution_options(synchronize_session=False, populate_existing=True)
    )
    return result.scalar_one_or_none()


async def lock_course(session: AsyncSession, course_id: int) -> Course | None:
    """The course row, locked until the end of the transaction."""
    result = await session.execute(
        select(Course)
        .where(Course.id == course_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return result.scalar_one_or_none()


async def active_course_count(session: AsyncSession, user_id: int, now: datetime) -> int:
    """Courses the person holds or waits for that are published and not yet over."""
    not_over = exists().where(CourseSession.course_id == Course.id, CourseSession.ends_at > now)
    count = await session.scalar(
        select(func.count())
        .select_from(Enrolment)
        .join(Course, Course.id == Enrolment.course_id)
        .where(
            Enrolment.user_id == user_id,
            Enrolment.status.in_(ACTIVE),
            Course.status == PUBLISHED,
            not_over,
        )
    )
    return int(count or 0)


# Over 60 lines on purpose: the checks in the order that keeps the course lock short.
async def sign_up(
    session: AsyncSession, school: School, course_id: int, user_id: int, now: datetime
) -> Outcome:
    """Take a seat, join the waitlist (first come, first served) or apply (lottery).

    The checks that concern only the person run before the course row is locked, so the
    lock every sign-up queues for is held for as few statements as possible.
    """
    # The person's row first: their sign-ups (to any course) queue here, so neither the
    # duplicate check nor the cap on concurrent courses can race.
    await session.execute(select(User.id).where(User.id == user_id).with_for_update())
    known = await session.get(Course, course_id, populate_existing=True)
    if known is None or known.status not in (PUBLISHED, CANCELLED):
        return Outcome(NOT_FOUND, course_id)
    if known.status == CANCELLED:
        return Outcome(COURSE_CANCELLED, course_id)
    existing = await session.scalar(
        select(Enrolment).where(Enrolment.course_id == course_id, Enrolment.user_id == user_id)
    )
    if existing is not None and existing.status in ACTIVE:
        return await _outcome(session, ALREADY, existing)
    if now < known.signup_opens_at:
        return Outcome(NOT_OPEN, course_id)
    if now >= known.signup_closes_at:
        return Outcome(CLOSED, course_id)
    if await active_course_count(session, user_id, now) >= school.rules.max_active_courses:
        return Outcome(LIMIT, course_id)
    course = await _lock_course_for_sign_up(session, course_id)
    if course is None or course.status != PUBLISHED:  # cancelled a moment ago
        return Outcome(COURSE_CANCELLED, course_id)
    if course.mode == FCFS:
        seat = await session.execute(
            update(Course)
            .where(Course.id == course_id, Course.taken < Course.capacity)
            .values(taken=Course.taken + 1)
            .returning(Course.taken)
            .execution_options(synchronize_session=False)
        )
        status = ENROLLED if seat.first() is not None else WAITLISTED
    else:
        status = APPLIED
    seq = course.last_seq
    if existing is None:
        row = Enrolment(
            course_id=course_id,
            user_id=user_id,
            status=status,
            seq=seq,
            created_at=now,
            updated_at=now,
        )
        session.add(row)
        await session.flush()  # the UNIQUE (course_id, user_id) constraint speaks here
    else:  # came back after leaving, declining or missing an offer: joins at the end
        row = existing
        row.status, row.seq, row.offer_expires_at = status, seq, None
        row.withdrawn_from = None
        row.created_at = row.updated_at = now
        await session.flush()
    code = {ENROLLED: OK_ENROLLED, WAITLISTED: OK_WAITLISTED, APPLIED: OK_APPLIED}[status]
    return await _outcome(session, code, row)


async def cancel_cutoff_passed(
    session: AsyncSession, school: School, course_id: int, now: datetime
) -> bool:
    """Whether a place on the course can no longer be given up here: the late-cancellation
    rule (``cancel_cutoff_hours`` before the first class, and from then on); staff can."""
    first = await session.scalar(
        select(func.min(CourseSession.starts_at)).where(
            CourseSession.course_id == course_id,
            CourseSession.status == SessionStatus.SCHEDULED,
        )
    )
    cutoff = timedelta(hours=school.rules.cancel_cutoff_hours)
    return first is not None and now >= first - cutoff


async def withdraw(
    session: AsyncSession,
    school: School,
    course_id: int,
    user_id: int,
    now: datetime,
    *,
    ignore_cutoff: bool = False,
) -> Outcome:
    """Give up a seat, an offer, a waitlist place or an application.

    ``ignore_cutoff``: the person asked to be forgotten, which the late-cancellation rule
    cannot refuse (the seat still goes to the next person the normal way).
    """
    course = await lock_course(session, course_id)
    if course is None or course.status == CourseStatus.DRAFT:
        return Outcome(NOT_FOUND, course_id)
    row = await session.scalar(
        select(Enrolment).where(Enrolment.course_id == course_id, Enrolment.user_id == user_id)
    )
    if row is None or row.status not in ACTIVE:
        return Outcome(NOTHING, course_id)
    if course.status == CANCELLED:
        return Outcome(COURSE_CANCELLED, course_id)
    late = row.status == ENROLLED and not ignore_cutoff
    if late and await cancel_cutoff_passed(session, school, course_id, now):
        return await _outcome(session, CUTOFF, row)
    held_seat = row.status in (ENROLLED, OFFERED)
    changed = await session.execute(
        update(Enrolment)
        .where(Enrolment.id == row.id, Enrolment.status == row.status)
        .values(status=WITHDRAWN, offer_expires_at=None, updated_at=now, withdrawn_from=row.status)
        .returning(Enrolment.id)
        .execution_options(synchronize_session=False)
    )
    if changed.first() is None:  # unreachable under the course lock; kept as a guard
        return Outcome(NOTHING, course_id)
    if row.status == ENROLLED:  # only the enrolled are reminded of sessions
        await class_reminders.cancel_pending(session, course_id, user_id)
    passed_on = await pass_seat(session, school, course, now) if held_seat else False
    # An offered seat is never undone, and an enrolled one only while it is still free: no
    # undo button that could only answer "the seat is gone".
    undoable = row.status in UNDOABLE and not passed_on
    return Outcome(OK_LEFT, course_id, WITHDRAWN, passed_on=passed_on, undoable=undoable)


async def release_places(
    session: AsyncSession, school: School, course_id: int, user_ids: list[int], now: datetime
) -> int:
    """:func:`withdraw` (without the cutoff) for many people of one course at once, for
    forgetting them (``/forgetme``, retention): their active places end in one statement
    and each held seat goes to the first person waiting, or back to the course, as their own
    cancellations would. Their pending class reminders are not withdrawn here: forgetting
    deletes every message for them (the privacy ``messages`` section). Returns how many
    places ended."""
    course = await lock_course(session, course_id)
    if course is None or course.status in (CourseStatus.DRAFT, CANCELLED):
        return 0
    theirs = (
        Enrolment.course_id == course_id,
        Enrolment.user_id.in_(user_ids),
        Enrolment.status.in_(ACTIVE),
    )
    changed = await session.execute(
        update(Enrolment)
        .where(*theirs)
        .values(
            status=WITHDRAWN,
            offer_expires_at=None,
            updated_at=now,
            withdrawn_from=Enrolment.status,
        )
        .returning(Enrolment.withdrawn_from)  # what each place was
        .execution_options(synchronize_session=False)
    )
    was = list(changed.scalars())
    seats = sum(1 for status in was if status in (ENROLLED, OFFERED))
    if seats:
        waiting = await session.scalar(
            select(func.count()).where(
                Enrolment.course_id == course_id, Enrolment.status == WAITLISTED
            )
        )
        offered = min(seats, int(waiting or 0))
        for _ in range(offered):
            await pass_seat(session, school, course, now)
        if seats > offered:
            back = seats - offered
            await session.execute(
                update(Course)
                .where(Course.id == course_id)
                .values(taken=case((Course.taken > back, Course.taken - back), else_=0))
                .execution_options(synchronize_session=False)
            )
    return len(was)


UNDOABLE = (ENROLLED, WAITLISTED, APPLIED)


async def undo_withdraw(
    session: AsyncSession, course_id: int, user_id: int, now: datetime
) -> Outcome:
    """Put the person back where they were before leaving, within the undo window.

    A seat comes back only if it is still free: one already offered to the next person on
    the waitlist (or taken by a newcomer) is gone, and the answer says so. A waitlist place
    comes back with its old arrival number; an application as long as the draw has not run.
    """
    course = await lock_course(session, course_id)
    if course is None or course.status != PUBLISHED:
        return Outcome(COURSE_CANCELLED if course else NOT_FOUND, course_id)
    row = await session.scalar(
        select(Enrolment)
        .where(Enrolment.course_id == course_id, Enrolment.user_id == user_id)
        .execution_options(populate_existing=True)
    )
    if row is None:
        return Outcome(NOTHING, course_id)
    if row.status in ACTIVE:
        return await _outcome(session, ALREADY, row)
    previous = row.withdrawn_from
    if (
        row.status != WITHDRAWN
        or previous not in UNDOABLE
        or not second_chance.undo_open(row.updated_at, now)
    ):
        return Outcome(Code.UNDO_EXPIRED, course_id)
    if previous == ENROLLED:
        seat = await session.execute(
            update(Course)
            .where(Course.id == course_id, Course.taken < Course.capacity)
            .values(taken=Course.taken + 1)
            .returning(Course.taken)
            .execution_options(synchronize_session=False)
        )
        if seat.first() is None:
            return Outcome(Code.SEAT_GONE, course_id)
    elif previous == APPLIED and course.drawn_at is not None:
        return Outcome(Code.SEAT_GONE, course_id)
    row.status, row.withdrawn_from, row.updated_at = previous, None, now
    await session.flush()
    return await _outcome(session, Code.UNDONE, row)


async def pass_seat(session: AsyncSession, school: School, course: Course, now: datetime) -> bool:
    """A held seat became free: offer it to the first person waiting, or give it back.

    The caller holds the course lock. The offer is written to the outbox in the same
    transaction, with its own deadline as the message's expiry. ``True``: it was offered on.
    """
    first = await session.scalar(
        select(Enrolment)
        .where(Enrolment.course_id == course.id, Enrolment.status == WAITLISTED)
        .order_by(Enrolment.seq)
        .limit(1)
    )
    if first is None:
        await session.execute(
            update(Course)
            .where(Course.id == course.id, Course.taken > 0)
            .values(taken=Course.taken - 1)
            .execution_options(synchronize_session=False)
        )
        return False
    rules = school.rules
    deadline = offer_deadline(
        now, rules.offer_hours, school.zone, rules.quiet_start, rules.quiet_end,
        rules.quiet_deadline,
    )  # fmt: skip
    first.status, first.offer_expires_at, first.updated_at = OFFERED, deadline, now
    await session.flush()
    person = await recipient(session, first.user_id)
    lang = person.language
    await outbox.enqueue(
        session,
        chat_id=person.chat_id,
        user_id=person.user_id,
        text=school.text(
            lang,
            "ns-offer",
            title=school.title(course, lang),
            deadline=school.when(deadline, lang),
        ),
        buttons=[
            [
                outbox.Button(school.text(lang, "ns-btn-accept"), data=Accept(first.id)),
                outbox.Button(school.text(lang, "ns-btn-decline"), data=Decline(first.id)),
            ]
        ],
        source=f"{SOURCE}:offer:{course.id}",
        now=now,
        expires_at=deadline,
        dedupe_key=f"ns:offer:{first.id}:{first.seq}:{int(deadline.timestamp())}",
    )
    return True


async def _offer_row(session: AsyncSession, enrolment_id: int) -> Enrolment | None:
    return await session.get(Enrolment, enrolment_id, populate_existing=True)


async def accept_offer(
    session: AsyncSession, enrolment_id: int, user_id: int, now: datetime
) -> Outcome:
    """The offered person takes the seat (before the deadline)."""
    row = await _offer_row(session, enrolment_id)
    if row is None:
        return Outcome(OFFER_GONE)
    if row.user_id != user_id:
        return Outcome(NOT_YOURS)
    course = await lock_course(session, row.course_id)
    if course is None or course.status != PUBLISHED:
        return Outcome(COURSE_CANCELLED if course else NOT_FOUND, row.course_id)
    accepted = await session.execute(
        update(Enrolment)
        .where(
            Enrolment.id == enrolment_id,
            Enrolment.user_id == user_id,
            Enrolment.status == OFFERED,
            Enrolment.offer_expires_at > now,
        )
        .values(status=ENROLLED, offer_expires_at=None, updated_at=now)
        .returning(Enrolment.id)
        .execution_options(synchronize_session=False)
    )
    await session.refresh(row)
    if accepted.first() is None:
        return await _outcome(session, ALREADY if row.status == ENROLLED else OFFER_GONE, row)
    return await _outcome(session, OK_ACCEPTED, row)


async def decline_offer(
    session: AsyncSession, school: School, enrolment_id: int, user_id: int, now: datetime
) -> Outcome:
    """The offered person says no; the seat goes to the next in line."""
    row = await _offer_row(session, enrolment_id)
    if row is None:
        return Outcome(OFFER_GONE)
    if row.user_id != user_id:
        return Outcome(NOT_YOURS)
    course = await lock_course(session, row.course_id)
    if course is None or course.status != PUBLISHED:
        return Outcome(COURSE_CANCELLED if course else NOT_FOUND, row.course_id)
    declined = await session.execute(
        update(Enrolment)
        .where(Enrolment.id == enrolment_id, Enrolment.status == OFFERED)
        .values(status=DECLINED, offer_expires_at=None, updated_at=now)
        .returning(Enrolment.id)
        .execution_options(synchronize_session=False)
    )
    await session.refresh(row)
    if declined.first() is None:
        return await _outcome(session, OFFER_GONE, row)
    await pass_seat(session, school, course, now)
    return Outcome(OK_DECLINED, row.course_id, DECLINED)


async def expire_offers(session: AsyncSession, school: School, now: datetime) -> int:
    """Offers whose deadline passed: tell the person, pass the seat on. Returns how many.

    Called every minute by the job queue, and directly by tests with a manual clock.
    """
    due = (
        await session.execute(
            select(Enrolment.id, Enrolment.course_id)
            .where(Enrolment.status == OFFERED, Enrolment.offer_expires_at <= now)
            .order_by(Enrolment.course_id, Enrolment.offer_expires_at, Enrolment.id)
            .limit(500)
        )
    ).all()
    expired = 0
    for enrolment_id, course_id in due:
        course = await lock_course(session, course_id)
        if course is None:
            continue
        result = await session.execute(
            update(Enrolment)
            .where(
                Enrolment.id == enrolment_id,
                Enrolment.status == OFFERED,
                Enrolment.offer_expires_at <= now,
            )
            .values(status=EXPIRED, offer_expires_at=None, updated_at=now)
            .returning(Enrolment.user_id)
            .execution_options(synchronize_session=False)
        )
        user_id = result.scalar_one_or_none()
        if user_id is None:  # accepted or declined a moment ago
            continue
        expired += 1
        if course.status != PUBLISHED:  # the course was cancelled; everyone was told then
            continue
        person = await recipient(session, user_id)
        await outbox.enqueue(
            session,
            chat_id=person.chat_id,
            user_id=user_id,
            text=school.text(
                person.language, "ns-offer-expired", title=school.title(course, person.language)
            ),
            source=f"{SOURCE}:expired:{course.id}",
            now=now,
            dedupe_key=f"ns:expired:{enrolment_id}:{int(now.timestamp())}",
        )
        await pass_seat(session, school, course, now)
    return expired
