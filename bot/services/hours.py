"""Opening hours: what a venue's day looks like, whether it is open now, staff exceptions.

The computation is pure (:func:`day_schedule`, :func:`venue_status`); only the staff
exceptions come from the database (:func:`load_exceptions`), read once per request.
Precedence for a date, strongest first: a staff exception from the chat (newest wins), an
exception in the centre's data file (last listed wins), the holiday rule, the weekly pattern.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.centre import Centre, Interval, Localized, Venue
from bot.services.data_versions import HOURS_DATA, bump_version
from bot.services.holiday_calendar import DayKind, HolidayCalendar
from bot.storage.models import User, VenueException

MAX_EXCEPTION_DAYS = 366  # a staff exception spans at most a year
MAX_REASON = 200
LOOKAHEAD_DAYS = 14  # "next opens" looks this far ahead
_INTERVAL_LIST_RE = re.compile(r"^\d{1,2}:\d{2}-\d{1,2}:\d{2}(,\d{1,2}:\d{2}-\d{1,2}:\d{2}){0,5}$")


class Status(StrEnum):
    """Why a day has the hours it has."""

    REGULAR = "regular"  # the weekly pattern
    WEEKLY_CLOSED = "weekly_closed"  # the weekly pattern has nothing that day
    HOLIDAY_CLOSED = "holiday_closed"  # closed for a statutory holiday
    HOLIDAY_OPEN = "holiday_open"  # a holiday, but this venue ignores holidays
    MAKEUP = "makeup"  # a make-up working day (调休), with a weekday's hours
    EXCEPTION_CLOSED = "exception_closed"
    EXCEPTION_HOURS = "exception_hours"


@dataclass(frozen=True, slots=True)
class StaffException:
    """A closure or special hours entered from the chat."""

    id: int
    venue_id: str
    start: date
    end: date
    closed: bool
    intervals: tuple[Interval, ...]
    reason: str | None
    created_by: str | None = None
    created_at: datetime | None = None

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


Reason = Localized | str | None


@dataclass(frozen=True, slots=True)
class DaySchedule:
    """One venue on one date."""

    venue_id: str
    day: date
    intervals: tuple[Interval, ...]
    status: Status
    reason: Reason = None
    festival: str | None = None
    works_as: int | None = None  # MAKEUP: the weekday whose hours apply
    # the year's notice is unknown and this day is a statutory holiday or near one
    unpublished_year: int | None = None

    @property
    def is_open(self) -> bool:
        return bool(self.intervals)


@dataclass(frozen=True, slots=True)
class VenueStatus:
    """Right now: open or not, until when, and when it opens next."""

    venue: Venue
    today: DaySchedule
    open_now: bool
    closes_at: datetime | None = None  # local time the current interval ends
    next_open: datetime | None = None  # local time of the next opening (when closed)
    next_schedule: DaySchedule | None = None


@dataclass
class HoursBook:
    """Everything needed to answer hours questions: the centre, its calendar, staff exceptions."""

    centre: Centre
    calendar: HolidayCalendar
    exceptions: Sequence[StaffException] = field(default_factory=tuple)

    def day(self, venue: Venue, day: date) -> DaySchedule:
        return day_schedule(venue, day, self.calendar, self.exceptions)


def day_schedule(
    venue: Venue,
    day: date,
    calendar: HolidayCalendar,
    exceptions: Iterable[StaffException] = (),
) -> DaySchedule:
    """The hours of ``venue`` on ``day``, with the reason they are what they are."""
    staff = [e for e in exceptions if e.venue_id == venue.id and e.covers(day)]
    info = calendar.day(day)
    if staff:
        chosen = max(staff, key=lambda e: e.id)  # ids grow: the newest entry wins
        status = Status.EXCEPTION_CLOSED if chosen.closed else Status.EXCEPTION_HOURS
        return DaySchedule(venue.id, day, chosen.intervals, status, chosen.reason, info.festival)
    hours = venue.hours
    if hours is None:
        return DaySchedule(venue.id, day, (), Status.WEEKLY_CLOSED)
    configured = [e for e in hours.exceptions if e.start <= day <= e.last]
    if configured:
        chosen_conf = configured[-1]
        status = Status.EXCEPTION_CLOSED if chosen_conf.closed else Status.EXCEPTION_HOURS
        return DaySchedule(
            venue.id, day, chosen_conf.hours, status, chosen_conf.reason, info.festival
        )
    intervals = hours.weekly.on(day.weekday())
    if hours.holiday_rule == "ignore":
        if info.kind is DayKind.HOLIDAY:
            status = Status.HOLIDAY_OPEN if intervals else Status.WEEKLY_CLOSED
            return DaySchedule(venue.id, day, intervals, status, None, info.festival)
        status = Status.REGULAR if intervals else Status.WEEKLY_CLOSED
        return DaySchedule(venue.id, day, intervals, status)
    # The venue's hours depend on holidays: say so when the year's notice is not known.
    unsettled = info.unsettled_year
    if info.kind is DayKind.HOLIDAY:
        return DaySchedule(
            venue.id,
            day,
            (),
            Status.HOLIDAY_CLOSED,
            None,
            info.festival,
            unpublished_year=unsettled,
        )
    if info.kind is DayKind.MAKEUP and info.works_as is not None:
        return DaySchedule(
            venue.id,
            day,
            hours.weekly.on(info.works_as),
            Status.MAKEUP,
            None,
            info.festival,
            works_as=info.works_as,
        )
    status = Status.REGULAR if intervals else Status.WEEKLY_CLOSED
    return DaySchedule(venue.id, day, intervals, status, unpublished_year=unsettled)


def _at(day: date, minutes: int, zone: object) -> datetime:
    base = datetime(day.year, day.month, day.day, tzinfo=zone)  # type: ignore[arg-type]
    return base + timedelta(minutes=minutes)


def venue_status(book: HoursBook, venue: Venue, now_local: datetime) -> VenueStatus:
    """Whether ``venue`` is open at ``now_local`` (aware, in the centre's zone) and what next.

    An interval of yesterday that runs past midnight counts for the early hours of today.
    """
    zone = now_local.tzinfo
    today = now_local.date()
    minute = now_local.hour * 60 + now_local.minute
    schedule = book.day(venue, today)
    yesterday = book.day(venue, today - timedelta(days=1))
    for interval in yesterday.intervals:
        if interval.end > 1440 and minute + 1440 < interval.end:
            return VenueStatus(venue, schedule, True, _at(yesterday.day, interval.end, zone))
    for interval in schedule.intervals:
        if interval.start <= minute < interval.end:
            return VenueStatus(venue, schedule, True, _at(today, interval.end, zone))
    for offset in range(LOOKAHEAD_DAYS + 1):
        day_ = today + timedelta(days=offset)
        candidate = schedule if offset == 0 else book.day(venue, day_)
        for interval in candidate.intervals:
            if offset > 0 or interval.start > minute:
                return VenueStatus(
                    venue, schedule, False, None, _at(day_, interval.start, zone), candidate
                )
    return VenueStatus(venue, schedule, False)


def week(book: HoursBook, venue: Venue, first: date, days: int = 7) -> list[DaySchedule]:
    """``days`` consecutive schedules from ``first``."""
    return [book.day(venue, first + timedelta(days=i)) for i in range(days)]


def overview(book: HoursBook, now_local: datetime) -> list[VenueStatus]:
    """Every venue's status now, in the order of the centre's data."""
    return [venue_status(book, venue, now_local) for venue in book.centre.venues]


# --- Staff exceptions in the database ---------------------------------------------------


def parse_intervals(text: str) -> tuple[Interval, ...]:
    """``"09:00-12:00,14:00-17:00"`` → intervals; ``ValueError`` when malformed."""
    compact = text.replace(" ", "").replace("，", ",").replace("–", "-").replace("~", "-")
    compact = compact.replace("：", ":")
    if not _INTERVAL_LIST_RE.fullmatch(compact):
        raise ValueError(f"not a list of intervals: {text!r}")
    intervals = tuple(Interval.model_validate(part) for part in compact.split(","))
    ordered = sorted(intervals, key=lambda i: i.start)
    for before, after in itertools.pairwise(ordered):
        if after.start < before.end:
            raise ValueError("intervals overlap")
    return tuple(ordered)


def format_interval_list(intervals: Iterable[Interval]) -> str:
    """The storage form of intervals (the inverse of :func:`parse_intervals`)."""
    return ",".join(
        f"{i.start // 60:02d}:{i.start % 60:02d}-{(i.end % 1440) // 60:02d}:{i.end % 60:02d}"
        for i in intervals
    )


def _from_row(row: VenueException, creator: str | None) -> StaffException:
    return StaffException(
        id=row.id,
        venue_id=row.venue_id,
        start=row.start_date,
        end=row.end_date,
        closed=row.kind == "closed",
        intervals=parse_intervals(row.intervals) if row.intervals else (),
        reason=row.reason,
        created_by=creator,
        created_at=row.created_at,
    )


async def load_exceptions(
    session: AsyncSession, since: date, venue_id: str | None = None
) -> list[StaffException]:
    """Active staff exceptions that end on or after ``since``."""
    query = (
        select(VenueException, User.first_name)
        .outerjoin(User, User.id == VenueException.created_by)
        .where(VenueException.removed_at.is_(None), VenueException.end_date >= since)
        .order_by(VenueException.start_date, VenueException.id)
    )
    if venue_id is not None:
        query = query.where(VenueException.venue_id == venue_id)
    rows = await session.execute(query)
    return [_from_row(row, name) for row, name in rows.all()]


class ExceptionError(ValueError):
    """A staff exception that cannot be stored; ``code`` names the catalog message."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


async def add_exception(
    session: AsyncSession,
    centre: Centre,
    *,
    venue_id: str,
    start: date,
    end: date,
    intervals: tuple[Interval, ...],
    reason: str | None,
    by_user: int,
    now: datetime,
    today: date,
) -> StaffException:
    """Store a closure (no intervals) or special hours, validated against the centre's data."""
    if centre.venue(venue_id) is None:
        raise ExceptionError("unknown_venue")
    if end < start:
        raise ExceptionError("dates_reversed")
    if end < today:
        raise ExceptionError("in_the_past")
    if (end - start).days >= MAX_EXCEPTION_DAYS:
        raise ExceptionError("too_long")
    reason = (reason or "").strip() or None
    if reason is not None and len(reason) > MAX_REASON:
        raise ExceptionError("reason_too_long")
    row = VenueException(
        venue_id=venue_id,
        start_date=start,
        end_date=end,
        kind="hours" if intervals else "closed",
        intervals=format_interval_list(intervals),
        reason=reason,
        created_by=by_user,
        created_at=now,
    )
    session.add(row)
    await session.flush()
    await bump_version(session, HOURS_DATA)
    return _from_row(row, None)


async def remove_exception(
    session: AsyncSession, exception_id: int, by_user: int, now: datetime
) -> StaffException | None:
    """Withdraw an active exception (race-free: only one remover wins); ``None`` if none."""
    result = await session.execute(
        update(VenueException)
        .where(VenueException.id == exception_id, VenueException.removed_at.is_(None))
        .values(removed_at=now, removed_by=by_user)
        .returning(VenueException.id)
    )
    if result.scalar_one_or_none() is None:
        return None
    row = await session.get(VenueException, exception_id)
    assert row is not None
    await bump_version(session, HOURS_DATA)
    return _from_row(row, None)
