"""The sandbox's sample timetable: a few classes and events a newcomer can sign up for at once.

Only the sandbox lays it out (``bot/sandbox.py``; an import contract in ``pyproject.toml``
keeps every other module from importing this one), so a real database never receives it.

Everything goes through the services the staff flows use — a course is parsed from a row as
``/ns_import`` parses a term file, stored by ``create_course``, given its second weekday with
``add_session`` (``/ns_session``) and published; an event is stored by the events service as
``/newevent`` stores it — with their audit entries, in the name of the sandbox's staff persona.
Dates are the next occurrences after the sandbox clock's "now" (in the centre's zone, stored as
UTC). Laying the timetable out twice adds nothing: a sample still open (a course whose sign-up
has not closed, an event not yet begun) is kept, and only a sample that is over is laid anew.
Titles and descriptions come from the catalogs (``bot/locales/*/sandbox.ftl``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.events import service as events
from bot.features.events.models import Event
from bot.features.nightschool import courses, inputs
from bot.features.nightschool.common import CANCELLED, School
from bot.features.nightschool.models import Course
from bot.features.nightschool.schedule import WeeklyPattern, plan_sessions, statutory_holiday
from bot.i18n import message_keys
from bot.runtime import Runtime
from bot.services import audit, users
from bot.storage.models import AuditEntry

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
# The first class or event is at least this many days ahead, so a sign-up window is open
# (it closes on the eve of the first class) whatever the hour of "now".
LEAD_DAYS = 2
SAMPLE_MARK = "sandbox_sample"  # in the details of the audit entry of each sample laid out
SIGNUP_CLOSES_ON_THE_EVE_AT = time(20, 0)


class Sample(StrEnum):
    """The samples, each with its texts in the catalogs."""

    TAICHI = "taichi"
    CALLIGRAPHY = "calligraphy"
    SMARTPHONE = "smartphone"
    PHOTOGRAPHY = "photography"
    PAPERCUT = "papercut"
    LEGAL_AID = "legal-aid"


TITLES = message_keys(
    Sample,
    {
        Sample.TAICHI: "sandbox-sample-taichi-title",
        Sample.CALLIGRAPHY: "sandbox-sample-calligraphy-title",
        Sample.SMARTPHONE: "sandbox-sample-smartphone-title",
        Sample.PHOTOGRAPHY: "sandbox-sample-photography-title",
        Sample.PAPERCUT: "sandbox-sample-papercut-title",
        Sample.LEGAL_AID: "sandbox-sample-legal-aid-title",
    },
)
DESCRIPTIONS = message_keys(
    Sample,
    {
        Sample.TAICHI: "sandbox-sample-taichi-description",
        Sample.CALLIGRAPHY: "sandbox-sample-calligraphy-description",
        Sample.SMARTPHONE: "sandbox-sample-smartphone-description",
        Sample.PHOTOGRAPHY: "sandbox-sample-photography-description",
        Sample.PAPERCUT: "sandbox-sample-papercut-description",
        Sample.LEGAL_AID: "sandbox-sample-legal-aid-description",
    },
)
COURSE_SAMPLES = (Sample.TAICHI, Sample.CALLIGRAPHY, Sample.SMARTPHONE, Sample.PHOTOGRAPHY)
# A course has one teacher's name, as staff type it (``courses.teacher`` is not bilingual).
TEACHERS = message_keys(
    COURSE_SAMPLES,
    {
        Sample.TAICHI: "sandbox-sample-taichi-teacher",
        Sample.CALLIGRAPHY: "sandbox-sample-calligraphy-teacher",
        Sample.SMARTPHONE: "sandbox-sample-smartphone-teacher",
        Sample.PHOTOGRAPHY: "sandbox-sample-photography-teacher",
    },
)


@dataclass(frozen=True, slots=True)
class SampleCourse:
    """A weekly class: its venue (an id of ``config/centre.yaml``), weekdays and hours."""

    sample: Sample
    venue: str
    weekdays: tuple[int, ...]
    hours: str
    weeks: int
    capacity: int
    fee_yuan: str = "0"


@dataclass(frozen=True, slots=True)
class SampleEvent:
    """A one-off event on the next ``weekday`` (not a public holiday)."""

    sample: Sample
    venue: str
    weekday: int
    hours: str
    capacity: int | None
    companions: int


SAMPLE_COURSES = (
    SampleCourse(Sample.TAICHI, "activity_rooms", (TUE, THU), "08:30-09:30", 8, 20),
    SampleCourse(Sample.CALLIGRAPHY, "activity_rooms", (SAT,), "09:30-11:00", 8, 12),
    SampleCourse(Sample.SMARTPHONE, "activity_rooms", (MON,), "14:00-15:30", 6, 15),
    # Changfeng Bay's night school: evenings, at its price (config/centre.yaml's fees answer:
    # 300 yuan a course for a term of 12 classes).
    SampleCourse(Sample.PHOTOGRAPHY, "night_school", (WED,), "19:00-20:30", 12, 16, "300"),
)
SAMPLE_EVENTS = (
    SampleEvent(Sample.PAPERCUT, "activity_rooms", SAT, "14:00-16:00", 20, 2),
    # On the legal aid desk's own afternoon (config/centre.yaml: Wednesdays 14:00-17:00).
    SampleEvent(Sample.LEGAL_AID, "legal_aid", WED, "14:00-17:00", 30, 1),
)


@dataclass(frozen=True, slots=True)
class Laid:
    """What one laying-out did: samples added, and samples found still open (kept)."""

    courses: int
    events: int
    kept: int


def next_weekday(today: date, weekday: int, lead_days: int = LEAD_DAYS) -> date:
    """The first ``weekday`` at least ``lead_days`` after ``today``."""
    first = today + timedelta(days=lead_days)
    return first + timedelta(days=(weekday - first.weekday()) % 7)


async def _sample_course_open(session: AsyncSession, title_zh: str, now: datetime) -> bool:
    return bool(
        await session.scalar(
            select(
                exists().where(
                    Course.title_zh == title_zh,
                    Course.status != CANCELLED,
                    Course.signup_closes_at > now,
                )
            )
        )
    )


async def _sample_event_open(session: AsyncSession, title_zh: str, now: datetime) -> bool:
    return bool(
        await session.scalar(
            select(
                exists().where(
                    Event.title_zh == title_zh,
                    Event.status == events.SCHEDULED,
                    Event.starts_at > now,
                )
            )
        )
    )


async def _lay_course(
    session: AsyncSession,
    runtime: Runtime,
    school: School,
    sample: SampleCourse,
    staff: users.Profile,
    now: datetime,
) -> int:
    """One course, as a term-file row through the staff import's parser, then published."""
    zone = runtime.centre.zone
    text = runtime.catalog.text
    today = now.astimezone(zone).date()
    firsts = sorted(next_weekday(today, weekday) for weekday in sample.weekdays)
    start, end = inputs.time_range(sample.hours)
    row: dict[str, object] = {
        "title_zh": text("zh", TITLES[sample.sample]),
        "title_en": text("en", TITLES[sample.sample]),
        "description_zh": text("zh", DESCRIPTIONS[sample.sample]),
        "description_en": text("en", DESCRIPTIONS[sample.sample]),
        "teacher": text("zh", TEACHERS[sample.sample]),
        "venue": sample.venue,
        "fee": sample.fee_yuan,
        "capacity": str(sample.capacity),
        "mode": "fcfs",
        "first_date": firsts[0],
        "time": sample.hours,
        "weeks": str(sample.weeks),
        "opens": now.astimezone(zone).replace(second=0, microsecond=0),
        "closes": datetime.combine(
            firsts[0] - timedelta(days=1), SIGNUP_CLOSES_ON_THE_EVE_AT, zone
        ),
    }
    draft = inputs.draft_from_mapping(row, runtime.centre)
    if draft.errors:  # the samples are ours: a problem here is a bug, not a staff typo
        raise ValueError(f"sample course {sample.sample}: {draft.errors}")
    course_id = await courses.create_course(session, school, draft, staff.id, now)
    await _record(session, staff, "nightschool.create", f"course {course_id}", now, row)
    # The other weekdays ("Tuesdays and Thursdays"): added as /ns_session adds a class, with
    # the same holiday rule as the first weekday's series.
    for first in firsts[1:]:
        pattern = WeeklyPattern(first, start, end, sample.weeks)
        for planned in plan_sessions(pattern, zone).sessions:
            await courses.add_session(
                session, school, course_id, planned.starts_at, planned.ends_at, now
            )
    if not await courses.publish(session, course_id, now):
        raise ValueError(f"sample course {sample.sample} was not a draft")
    await _record(session, staff, "nightschool.publish", f"course {course_id}", now, row)
    return course_id


async def _lay_event(
    session: AsyncSession,
    runtime: Runtime,
    sample: SampleEvent,
    staff: users.Profile,
    now: datetime,
) -> int:
    """One event, checked and stored as ``/newevent`` does (the service writes the audit)."""
    zone = runtime.centre.zone
    text = runtime.catalog.text
    day = next_weekday(now.astimezone(zone).date(), sample.weekday)
    while statutory_holiday(day):  # the centre is shut on public holidays
        day += timedelta(days=7)
    start, end = inputs.time_range(sample.hours)
    draft = events.Draft(
        title_zh=events.check_title(text("zh", TITLES[sample.sample])),
        title_en=events.check_title(text("en", TITLES[sample.sample])),
        description_zh=events.check_description(text("zh", DESCRIPTIONS[sample.sample])),
        description_en=events.check_description(text("en", DESCRIPTIONS[sample.sample])),
        venue_id=events.check_venue(sample.venue, runtime.centre),
        starts_at=datetime.combine(day, start, zone).astimezone(UTC),
        ends_at=datetime.combine(day, end, zone).astimezone(UTC),
        capacity=sample.capacity,
        companions_max=sample.companions,
    )
    return await events.create(session, draft, staff, now)


async def _record(
    session: AsyncSession,
    staff: users.Profile,
    action: str,
    subject: str,
    now: datetime,
    row: dict[str, object],
) -> None:
    await audit.record(
        session,
        actor_id=staff.id,
        actor_name=staff.first_name,
        action=action,
        subject=subject,
        now=now,
        details={"title": row["title_zh"], SAMPLE_MARK: True},
    )


async def laid_before(runtime: Runtime) -> bool:
    """Whether this database was ever given the sample timetable (its audit entries say so)."""
    async with runtime.db.read() as session:
        found = await session.scalar(
            select(exists().where(AuditEntry.details.contains(f'"{SAMPLE_MARK}": true')))
        )
    return bool(found)


async def lay_samples(runtime: Runtime, staff_telegram_id: int) -> Laid:
    """Lay out the sample timetable at the runtime clock's "now", in one transaction, in the
    name of the staff member ``staff_telegram_id`` (who must exist); samples still open are
    kept, so a restart on the same database adds nothing."""
    now = runtime.clock.now()
    school = School(runtime.catalog, runtime.centre, runtime.settings.nightschool)
    text = runtime.catalog.text
    added_courses = added_events = kept = 0
    async with runtime.db.transaction() as session:
        staff = await users.find(session, staff_telegram_id)
        if staff is None:
            raise LookupError("the sandbox's staff persona is not in the database")
        for course in SAMPLE_COURSES:
            if await _sample_course_open(session, text("zh", TITLES[course.sample]), now):
                kept += 1
                continue
            await _lay_course(session, runtime, school, course, staff, now)
            added_courses += 1
        for event in SAMPLE_EVENTS:
            if await _sample_event_open(session, text("zh", TITLES[event.sample]), now):
                kept += 1
                continue
            await _lay_event(session, runtime, event, staff, now)
            added_events += 1
    return Laid(added_courses, added_events, kept)
