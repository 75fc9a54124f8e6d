"""Courses: create, publish, edit, cancel, list; rosters, attendance, audiences, reminders."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import Select, and_, exists, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.nightschool import class_reminders
from bot.features.nightschool.common import (
    ACTIVE,
    CANCELLED,
    DRAFT,
    ENROLLED,
    HOLDING_SEAT,
    OFFERED,
    PUBLISHED,
    SOURCE,
    WAITLISTED,
    School,
    SessionStatus,
)
from bot.features.nightschool.enrolment import lock_course, pass_seat
from bot.features.nightschool.inputs import CourseDraft
from bot.features.nightschool.models import Attendance, Course, CourseSession, Enrolment
from bot.features.nightschool.schedule import Plan, WeeklyPattern, plan_sessions
from bot.i18n import LANGUAGES
from bot.services import outbox
from bot.storage.models import User

EDITABLE = ("title_zh", "title_en", "description_zh", "description_en", "teacher", "venue_id",
            "fee_fen")  # fmt: skip
# What a session reminder shows of the course.
REMINDED_FIELDS = ("title_zh", "title_en", "venue_id")
SCHEDULED = "scheduled"


def plan_of(draft: CourseDraft, school: School) -> Plan:
    assert draft.first_date
    assert draft.start
    assert draft.end
    return plan_sessions(
        WeeklyPattern(draft.first_date, draft.start, draft.end, draft.weeks), school.zone
    )


async def create_course(
    session: AsyncSession,
    school: School,
    draft: CourseDraft,
    created_by: int | None,
    now: datetime,
) -> int:
    """Store a complete draft (status ``draft``) with its planned sessions."""
    assert draft.opens_at
    assert draft.closes_at
    assert not draft.errors
    course = Course(
        title_zh=draft.title_zh,
        title_en=draft.title_en,
        description_zh=draft.description_zh,
        description_en=draft.description_en,
        teacher=draft.teacher,
        venue_id=draft.venue_id,
        fee_fen=draft.fee_fen,
        capacity=draft.capacity,
        taken=0,
        last_seq=0,
        mode=draft.mode,
        status=DRAFT,
        signup_opens_at=draft.opens_at,
        signup_closes_at=draft.closes_at,
        created_by=created_by,
        created_at=now,
        updated_at=now,
    )
    session.add(course)
    await session.flush()
    for planned in plan_of(draft, school).sessions:
        session.add(
            CourseSession(
                course_id=course.id,
                starts_at=planned.starts_at,
                ends_at=planned.ends_at,
                status=SessionStatus.SCHEDULED,
                moved=False,
            )
        )
    await session.flush()
    return course.id


async def publish(session: AsyncSession, course_id: int, now: datetime) -> bool:
    """Make a draft visible to residents; ``False`` if it is not a draft (any more)."""
    result = await session.execute(
        update(Course)
        .where(Course.id == course_id, Course.status == DRAFT)
        .values(status=PUBLISHED, updated_at=now)
        .returning(Course.id)
        .execution_options(synchronize_session=False)
    )
    return result.first() is not None


@dataclass(frozen=True, slots=True)
class FieldEdit:
    """What :func:`edit_field` did: ``done`` False when the course is gone or cancelled;
    ``told`` how many people a moved class (a new venue) is announced to."""

    done: bool
    told: int = 0


async def edit_field(
    session: AsyncSession,
    school: School,
    course_id: int,
    name: str,
    value: object,
    now: datetime,
) -> FieldEdit:
    """Change one basic field (titles, descriptions, teacher, venue, fee).

    A new venue sends the class somewhere else (another site, perhaps): like a moved session,
    the people enrolled or offered a place are told, in the same transaction.
    """
    if name not in EDITABLE:
        raise KeyError(name)
    course = await lock_course(session, course_id)  # the old venue, read under the course lock
    if course is None or course.status == CANCELLED:
        return FieldEdit(done=False)
    old_venue = course.venue_id
    setattr(course, name, value)
    course.updated_at = now
    await session.flush()
    if name in REMINDED_FIELDS:  # pending reminders show the old text; the job writes new ones
        await class_reminders.cancel_pending(session, course_id)
    if name != "venue_id" or value == old_venue or course.status != PUBLISHED:
        return FieldEdit(done=True)
    new_venue = str(value)
    args: dict[str, dict[str, object]] = {
        lang: {"old": school.venue(old_venue, lang), "new": school.venue(new_venue, lang)}
        for lang in LANGUAGES
    }
    told = await _tell_audience(
        session, school, course, (ENROLLED, OFFERED), "ns-venue-moved", now, "venue", args
    )
    return FieldEdit(done=True, told=told)


def course_audience(
    course_id: int, statuses: Iterable[str], *, language: str | None = None
) -> Select[int, int]:
    """``(chat_id, user_id)`` of the people with one of ``statuses`` on the course.

    For broadcasts (``outbox.enqueue_audience``); private chats have the person's Telegram id.
    """
    query = (
        select(User.telegram_id, User.id)
        .join(Enrolment, Enrolment.user_id == User.id)
        .where(Enrolment.course_id == course_id, Enrolment.status.in_(list(statuses)))
    )
    if language is not None:
        query = query.where(User.language == language)
    return query


async def _tell_audience(
    session: AsyncSession,
    school: School,
    course: Course,
    statuses: Sequence[str],
    key: str,
    now: datetime,
    kind: str,
    args: dict[str, dict[str, object]] | None = None,
) -> int:
    sent = 0
    for lang in LANGUAGES:
        extra = (args or {}).get(lang, {})
        text = school.text(lang, key, title=school.title(course, lang), **extra)
        body = await outbox.create_body(session, text, now)
        sent += await outbox.enqueue_audience(
            session,
            body,
            course_audience(course.id, statuses, language=lang),
            source=f"{SOURCE}:{kind}:{course.id}",
            now=now,
            priority=outbox.PRIORITY_NOTICE,
        )
    return sent


async def cancel_course(
    session: AsyncSession, school: School, course_id: int, now: datetime
) -> int:
    """Cancel a course and tell everyone who held, was offered, waited for or applied for a
    place (in the same transaction). Returns how many people are told; -1 if not possible."""
    course = await session.scalar(select(Course).where(Course.id == course_id).with_for_update())
    if course is None or course.status == CANCELLED:
        return -1
    was_draft = course.status == DRAFT
    course.status, course.updated_at = CANCELLED, now
    await session.flush()
    # Offers and session reminders not yet delivered would point at a cancelled course.
    await outbox.cancel(session, source=f"{SOURCE}:offer:{course_id}")
    await class_reminders.cancel_pending(session, course_id)
    if was_draft:
        return 0
    return await _tell_audience(
        session, school, course, ACTIVE, "ns-course-cancelled", now, "cancel"
    )


class SessionProblem(StrEnum):
    """Why a session or capacity change cannot be made."""

    BELOW_HELD = "below-held"
    COURSE_CANCELLED = "course-cancelled"
    DUPLICATE = "duplicate"
    NO_SESSION = "no-session"
    NOT_FOUND = "not-found"
    ORDER = "order"
    RANGE = "range"
    SESSION_CANCELLED = "session-cancelled"
    STARTED = "started"
    TOO_MANY = "too-many"


class SessionRefused(Exception):
    """A session or capacity change that cannot be made; ``code`` says why (``args_`` fills
    its text)."""

    def __init__(self, code: SessionProblem, **args: object) -> None:
        super().__init__(code)
        self.code = code
        self.args_ = args


# A new session time must lie between now and this far ahead; a course has at most so many.
SESSION_HORIZON = timedelta(days=2 * 366)
SESSIONS_MAX = 120


def _check_times(starts_at: datetime, ends_at: datetime, now: datetime) -> None:
    if ends_at <= starts_at or ends_at - starts_at > timedelta(hours=12):
        raise SessionRefused(SessionProblem.ORDER)
    if starts_at <= now or starts_at > now + SESSION_HORIZON:
        raise SessionRefused(SessionProblem.RANGE)


async def _locked_changeable(session: AsyncSession, course_id: int) -> Course:
    """The course row, locked first like every other change (and the reminder job's
    ``FOR SHARE``); refused if it is gone or cancelled."""
    course = await lock_course(session, course_id)
    if course is None:
        raise SessionRefused(SessionProblem.NOT_FOUND)
    if course.status == CANCELLED:
        raise SessionRefused(SessionProblem.COURSE_CANCELLED)
    return course


async def _changeable_session(
    session: AsyncSession, course_id: int, session_id: int, now: datetime
) -> CourseSession:
    meeting = await session.get(CourseSession, session_id, populate_existing=True)
    if meeting is None or meeting.course_id != course_id:
        raise SessionRefused(SessionProblem.NO_SESSION)
    if meeting.status != SCHEDULED:
        raise SessionRefused(SessionProblem.SESSION_CANCELLED)
    if meeting.starts_at <= now:
        raise SessionRefused(SessionProblem.STARTED)
    return meeting


async def move_session(
    session: AsyncSession,
    school: School,
    session_id: int,
    starts_at: datetime,
    ends_at: datetime,
    now: datetime,
    *,
    course_id: int | None = None,
) -> int:
    """Move one future session and tell the people enrolled or offered (in the same
    transaction); returns how many are told. Raises :class:`SessionRefused`.

    ``course_id``: the course the caller means (a staff command); the session must be on it.
    """
    owner = await session.scalar(
        select(CourseSession.course_id).where(CourseSession.id == session_id)
    )
    if owner is None or (course_id is not None and owner != course_id):
        raise SessionRefused(SessionProblem.NO_SESSION)
    _check_times(starts_at, ends_at, now)
    course = await _locked_changeable(session, owner)
    meeting = await _changeable_session(session, owner, session_id, now)
    old = meeting.starts_at
    meeting.starts_at, meeting.ends_at, meeting.moved = starts_at, ends_at, True
    course.updated_at = now
    await session.flush()
    # Reminders of the old time go; the job writes the new time's (its start is in the key).
    await class_reminders.cancel_pending(session, owner, sessions=[session_id])
    if course.status != PUBLISHED:
        return 0
    args: dict[str, dict[str, object]] = {
        lang: {"old": school.when(old, lang), "new": school.when(starts_at, lang)}
        for lang in LANGUAGES
    }
    return await _tell_audience(
        session, school, course, (ENROLLED, OFFERED), "ns-session-moved", now, "moved", args
    )


async def cancel_session(
    session: AsyncSession,
    school: School,
    course_id: int | None,
    session_id: int,
    now: datetime,
) -> tuple[int, int]:
    """Cancel one future session of a course: its row stays (status ``cancelled``, shown on
    the cards, left out of the calendar file), its pending reminders are withdrawn, and
    everyone holding, offered, waiting for or applying for a place is told — all in this
    transaction. ``course_id`` ``None``: the session's own (a button names only the session).
    Returns ``(course id, how many told)``; raises :class:`SessionRefused`."""
    owner = await session.scalar(
        select(CourseSession.course_id).where(CourseSession.id == session_id)
    )
    if owner is None or (course_id is not None and owner != course_id):
        raise SessionRefused(SessionProblem.NO_SESSION)
    course_id = owner
    course = await _locked_changeable(session, course_id)
    await _changeable_session(session, course_id, session_id, now)
    changed = await session.execute(
        update(CourseSession)
        .where(CourseSession.id == session_id, CourseSession.status == SCHEDULED)
        .values(status=SessionStatus.CANCELLED)
        .returning(CourseSession.starts_at)
        .execution_options(synchronize_session=False)
    )
    starts_at = changed.scalar_one_or_none()
    if starts_at is None:  # unreachable under the course lock; kept as a guard
        raise SessionRefused(SessionProblem.SESSION_CANCELLED)
    course.updated_at = now
    await session.flush()
    await class_reminders.cancel_pending(session, course_id, sessions=[session_id])
    if course.status != PUBLISHED:
        return course_id, 0
    args: dict[str, dict[str, object]] = {
        lang: {"when": school.when(starts_at, lang)} for lang in LANGUAGES
    }
    told = await _tell_audience(
        session, school, course, ACTIVE, "ns-session-cancelled", now, "session-cancel", args
    )
    return course_id, told


async def add_session(
    session: AsyncSession,
    school: School,
    course_id: int,
    starts_at: datetime,
    ends_at: datetime,
    now: datetime,
) -> tuple[int, int]:
    """Add a session to a course and tell the people enrolled or offered.

    Returns ``(session id, how many told)``; raises :class:`SessionRefused` (times out of
    range, the course gone or cancelled, a scheduled session already at that time, too many).
    """
    _check_times(starts_at, ends_at, now)
    course = await _locked_changeable(session, course_id)
    count = await session.scalar(select(func.count()).where(CourseSession.course_id == course_id))
    if int(count or 0) >= SESSIONS_MAX:
        raise SessionRefused(SessionProblem.TOO_MANY, limit=SESSIONS_MAX)
    clash = await session.scalar(
        select(
            exists().where(
                CourseSession.course_id == course_id,
                CourseSession.status == SCHEDULED,
                CourseSession.starts_at == starts_at,
            )
        )
    )
    if clash:
        raise SessionRefused(SessionProblem.DUPLICATE)
    meeting = CourseSession(
        course_id=course_id, starts_at=starts_at, ends_at=ends_at, status=SCHEDULED, moved=False
    )
    session.add(meeting)
    course.updated_at = now
    await session.flush()
    if course.status != PUBLISHED:
        return meeting.id, 0
    args: dict[str, dict[str, object]] = {
        lang: {"when": school.when(starts_at, lang)} for lang in LANGUAGES
    }
    told = await _tell_audience(
        session, school, course, (ENROLLED, OFFERED), "ns-session-added", now, "added", args
    )
    return meeting.id, told


@dataclass(frozen=True, slots=True)
class CapacityChange:
    old: int
    new: int
    offers: int


async def set_capacity(
    session: AsyncSession, school: School, course_id: int, capacity: int, now: datetime
) -> CapacityChange:
    """Change the number of places.

    Lowering below the seats held (enrolled + offered) is refused by the conditional
    ``UPDATE`` itself (and the CHECK ``taken <= capacity`` behind it). Raising it offers
    each new seat to the first person waiting the normal way — the seat is taken with the
    same ``taken < capacity`` update as a sign-up, then :func:`~.enrolment.pass_seat` makes
    the offer (outbox, deadline) — so the waitlist never stays behind a free seat.
    """
    course = await _locked_changeable(session, course_id)
    old = course.capacity
    changed = await session.execute(
        update(Course)
        .where(Course.id == course_id, Course.taken <= capacity)
        .values(capacity=capacity, updated_at=now)
        .returning(Course.capacity)
        .execution_options(synchronize_session=False)
    )
    if changed.first() is None:
        held = dict(
            (
                await session.execute(
                    select(Enrolment.status, func.count())
                    .where(Enrolment.course_id == course_id, Enrolment.status.in_(HOLDING_SEAT))
                    .group_by(Enrolment.status)
                )
            ).all()
        )
        raise SessionRefused(
            SessionProblem.BELOW_HELD,
            enrolled=int(held.get(ENROLLED, 0)),
            offered=int(held.get(OFFERED, 0)),
        )
    await session.refresh(course)
    offers = 0
    if course.status == PUBLISHED:
        while True:
            waiting = await session.scalar(
                select(
                    exists().where(Enrolment.course_id == course_id, Enrolment.status == WAITLISTED)
                )
            )
            if not waiting:
                break
            seat = await session.execute(
                update(Course)
                .where(Course.id == course_id, Course.taken < Course.capacity)
                .values(taken=Course.taken + 1)
                .returning(Course.taken)
                .execution_options(synchronize_session=False)
            )
            if seat.first() is None:
                break
            await pass_seat(session, school, course, now)
            offers += 1
    return CapacityChange(old, capacity, offers)


# --- what residents and staff see -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CourseView:
    course: Course
    sessions: list[CourseSession]
    waiting: int
    applications: int

    @property
    def seats_left(self) -> int:
        return max(self.course.capacity - self.course.taken, 0)

    def numbers(self) -> dict[int, int]:
        """Each class's number on the staff card (session id → 1, 2, 3…), as
        :func:`numbered_session` reads it: see there why by creation, not by date."""
        ordered = sorted(meeting.id for meeting in self.sessions)
        return {session_id: number for number, session_id in enumerate(ordered, start=1)}


async def load_course(
    session: AsyncSession, course_id: int, *, include_drafts: bool = False
) -> CourseView | None:
    course = await session.get(Course, course_id, populate_existing=True)
    if course is None or (course.status == DRAFT and not include_drafts):
        return None
    sessions = list(
        await session.scalars(
            select(CourseSession)
            .where(CourseSession.course_id == course_id)
            .order_by(CourseSession.starts_at, CourseSession.id)
        )
    )
    counts = dict(
        (
            await session.execute(
                select(Enrolment.status, func.count())
                .where(Enrolment.course_id == course_id)
                .group_by(Enrolment.status)
            )
        ).all()
    )
    return CourseView(
        course, sessions, int(counts.get(WAITLISTED, 0)), int(counts.get("applied", 0))
    )


async def numbered_session(session: AsyncSession, course_id: int, number: int) -> int | None:
    """The id of the course's class ``number`` (:meth:`CourseView.numbers`); ``None`` if there
    is none.

    Classes are numbered 1, 2, 3… in the order they were created (a course's series is
    created in date order, so at first this is the date order), cancelled ones counted. Not by
    date: moving class 2 after class 5, or adding a make-up class before the first, would
    renumber the others, and a number staff read on a card a moment ago would then name
    another class. Classes are never deleted, so a number keeps its class for good.
    """
    if not 1 <= number <= 10_000:
        return None
    found: int | None = await session.scalar(
        select(CourseSession.id)
        .where(CourseSession.course_id == course_id)
        .order_by(CourseSession.id)
        .offset(number - 1)
        .limit(1)
    )
    return found


async def open_courses(session: AsyncSession, now: datetime, limit: int = 30) -> list[Course]:
    """Published courses whose sign-up has not closed yet, soonest closing first."""
    rows = await session.scalars(
        select(Course)
        .where(Course.status == PUBLISHED, Course.signup_closes_at > now)
        .order_by(Course.signup_closes_at, Course.id)
        .limit(limit)
    )
    return list(rows)


async def all_courses(session: AsyncSession, limit: int = 40) -> list[Course]:
    """Every course for staff, newest first."""
    return list(await session.scalars(select(Course).order_by(Course.id.desc()).limit(limit)))


@dataclass(frozen=True, slots=True)
class MyCourse:
    course: Course
    enrolment: Enrolment
    position: int | None
    next_session: datetime | None
    next_session_ends: datetime | None = None
    # The nearest session ahead that the person said they cannot come to ("I can't come").
    skipped: datetime | None = None


async def my_courses(session: AsyncSession, user_id: int, now: datetime) -> list[MyCourse]:
    """The person's active places, offers, waitlist places and applications."""
    rows = (
        await session.execute(
            select(Course, Enrolment)
            .join(Enrolment, Enrolment.course_id == Course.id)
            .where(
                Enrolment.user_id == user_id,
                Enrolment.status.in_(ACTIVE),
                Course.status == PUBLISHED,
            )
            .order_by(Course.signup_closes_at, Course.id)
        )
    ).all()
    result: list[MyCourse] = []
    for course, enrolment in rows:
        position = None
        if enrolment.status == WAITLISTED:
            position = int(
                await session.scalar(
                    select(func.count()).where(
                        Enrolment.course_id == course.id,
                        Enrolment.status == WAITLISTED,
                        Enrolment.seq <= enrolment.seq,
                    )
                )
                or 0
            )
        absent = exists().where(
            Attendance.session_id == CourseSession.id,
            Attendance.enrolment_id == enrolment.id,
            Attendance.present.is_(False),
        )
        ahead = select(CourseSession.starts_at, CourseSession.ends_at).where(
            CourseSession.course_id == course.id,
            CourseSession.status == SessionStatus.SCHEDULED,
            CourseSession.starts_at > now,
        )
        following = (
            await session.execute(ahead.where(~absent).order_by(CourseSession.starts_at).limit(1))
        ).first()
        skipped = await session.scalar(
            select(func.min(CourseSession.starts_at)).where(
                CourseSession.course_id == course.id,
                CourseSession.status == SessionStatus.SCHEDULED,
                CourseSession.starts_at > now,
                absent,
            )
        )
        upcoming, ends = following if following is not None else (None, None)
        if upcoming is None and enrolment.status == ENROLLED:
            last = await session.scalar(
                select(func.max(CourseSession.ends_at)).where(CourseSession.course_id == course.id)
            )
            if last is not None and last < now:
                continue  # finished course
        result.append(MyCourse(course, enrolment, position, upcoming, ends, skipped))
    return result


@dataclass(frozen=True, slots=True)
class RosterLine:
    enrolment_id: int
    status: str
    position: int | None
    name: str
    username: str | None
    telegram_id: int
    signed_up_at: datetime
    offer_expires_at: datetime | None


async def roster(session: AsyncSession, course_id: int) -> list[RosterLine]:
    """Enrolled, offered, then the waitlist in order (and applications before a draw)."""
    order = {ENROLLED: 0, OFFERED: 1, WAITLISTED: 2, "applied": 3}
    rows = (
        await session.execute(
            select(Enrolment, User.first_name, User.last_name, User.username, User.telegram_id)
            .join(User, User.id == Enrolment.user_id)
            .where(Enrolment.course_id == course_id, Enrolment.status.in_(ACTIVE))
            .order_by(Enrolment.seq)
        )
    ).all()
    lines: list[RosterLine] = []
    waiting = 0
    for enrolment, first, last, username, telegram_id in rows:
        position = None
        if enrolment.status == WAITLISTED:
            waiting += 1
            position = waiting
        name = f"{first} {last}" if last else first
        lines.append(
            RosterLine(
                enrolment.id,
                enrolment.status,
                position,
                name,
                username,
                telegram_id,
                enrolment.created_at,
                enrolment.offer_expires_at,
            )
        )
    lines.sort(key=lambda line: order[line.status])  # stable: seq order within each group
    return lines


async def sessions_of(session: AsyncSession, course_id: int) -> list[CourseSession]:
    return list(
        await session.scalars(
            select(CourseSession)
            .where(CourseSession.course_id == course_id)
            .order_by(CourseSession.starts_at)
        )
    )


async def attendance(session: AsyncSession, session_id: int) -> dict[int, bool]:
    """``enrolment id → present`` for one session."""
    rows = await session.execute(
        select(Attendance.enrolment_id, Attendance.present).where(
            Attendance.session_id == session_id
        )
    )
    return {eid: bool(present) for eid, present in rows}


async def leaves(session: AsyncSession, session_id: int) -> set[int]:
    """The enrolments whose holder said they cannot come to this session (an absence they
    recorded themselves, with the reminder's "I can't come"), unlike one marked by staff."""
    rows = await session.scalars(
        select(Attendance.enrolment_id)
        .join(Enrolment, Enrolment.id == Attendance.enrolment_id)
        .where(
            Attendance.session_id == session_id,
            Attendance.present.is_(False),
            Attendance.marked_by == Enrolment.user_id,
        )
    )
    return set(rows)


async def upcoming_leaves(
    session: AsyncSession, course_id: int, now: datetime
) -> dict[int, list[datetime]]:
    """``enrolment id → starts`` of the sessions ahead that the person said they cannot come
    to (see :func:`leaves`), soonest first."""
    rows = await session.execute(
        select(Attendance.enrolment_id, CourseSession.starts_at)
        .join(Enrolment, Enrolment.id == Attendance.enrolment_id)
        .join(CourseSession, CourseSession.id == Attendance.session_id)
        .where(
            CourseSession.course_id == course_id,
            CourseSession.status == SessionStatus.SCHEDULED,
            CourseSession.starts_at > now,
            Attendance.present.is_(False),
            Attendance.marked_by == Enrolment.user_id,
        )
        .order_by(CourseSession.starts_at)
    )
    found: dict[int, list[datetime]] = {}
    for enrolment_id, starts_at in rows:
        found.setdefault(enrolment_id, []).append(starts_at)
    return found


async def toggle_attendance(
    session: AsyncSession, session_id: int, enrolment_id: int, marked_by: int, now: datetime
) -> bool | None:
    """Flip present/absent for an enrolled person; ``None`` if they are not on that course."""
    meeting = await session.get(CourseSession, session_id)
    enrolment = await session.get(Enrolment, enrolment_id)
    if (
        meeting is None
        or enrolment is None
        or enrolment.course_id != meeting.course_id
        or enrolment.status != ENROLLED
    ):
        return None
    current = await session.scalar(
        select(Attendance.present).where(
            Attendance.session_id == session_id, Attendance.enrolment_id == enrolment_id
        )
    )
    present = True if current is None else not current
    await class_reminders.record_attendance(
        session, session_id, enrolment_id, present, marked_by, now
    )
    return present


# --- for other features -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReminderTarget:
    """One enrolled person and one upcoming session (for the reminders feature)."""

    user_id: int
    chat_id: int
    title_zh: str
    title_en: str
    venue_id: str
    session_id: int
    starts_at: datetime


async def upcoming_sessions_for_reminders(
    session: AsyncSession, window_start: datetime, window_end: datetime
) -> list[ReminderTarget]:
    """Everyone enrolled in a published course with a scheduled session starting in
    ``[window_start, window_end)``; one entry per person and session, by start time."""
    rows = await session.execute(
        select(
            User.id,
            User.telegram_id,
            Course.title_zh,
            Course.title_en,
            Course.venue_id,
            CourseSession.id,
            CourseSession.starts_at,
        )
        .join(Enrolment, Enrolment.user_id == User.id)
        .join(Course, Course.id == Enrolment.course_id)
        .join(CourseSession, CourseSession.course_id == Course.id)
        .where(
            Enrolment.status == ENROLLED,
            Course.status == PUBLISHED,
            CourseSession.status == SessionStatus.SCHEDULED,
            CourseSession.starts_at >= window_start,
            CourseSession.starts_at < window_end,
        )
        .order_by(CourseSession.starts_at, CourseSession.id, User.id)
    )
    return [ReminderTarget(*row) for row in rows]


async def has_course(session: AsyncSession, course_id: int) -> bool:
    return bool(await session.scalar(select(exists().where(and_(Course.id == course_id)))))
