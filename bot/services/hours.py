"""Opening hours: what a venue's day looks like, whether it is open now (the centre's calendar).

The computation is pure (:func:`day_schedule`, :func:`venue_status`), shared by every
feature that answers about hours. Staff exceptions are entered and stored by the hours
feature (``bot/features/hours/service.py``) and handed in as :class:`StaffException`.
Precedence for a date, strongest first: a staff exception from the chat (newest wins), an
exception in the centre's data file (last listed wins), the holiday rule, the weekly pattern.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from bot.centre import Centre, Interval, Localized, Venue
from bot.services.holiday_calendar import DayKind, HolidayCalendar

LOOKAHEAD_DAYS = 14  # "next opens" looks this far ahead


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
    reason: Localized | str | None  # a str is in one language only (see hours.service)
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
    overnight: bool = False  # open now in yesterday's interval that runs past midnight


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
            closes = _at(yesterday.day, interval.end, zone)
            return VenueStatus(venue, schedule, True, closes, overnight=True)
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


def open_throughout(book: HoursBook, venue: Venue, start: datetime, end: datetime) -> bool:
    """Whether ``venue`` is open the whole time from ``start`` to ``end`` (aware, in the
    centre's zone): openings that meet count as one, and so does the evening before's
    opening that runs past midnight."""
    zone = start.tzinfo
    spans: list[tuple[datetime, datetime]] = []
    day = start.date() - timedelta(days=1)
    while day <= end.date():
        spans += [
            (_at(day, i.start, zone), _at(day, i.end, zone)) for i in book.day(venue, day).intervals
        ]
        day += timedelta(days=1)
    reached = start  # open without a gap from ``start`` up to here
    for opens, closes in sorted(spans):
        if opens <= reached < closes:
            reached = closes
    return reached >= end


# What closes a venue on a day it would otherwise keep: a closure or special hours (entered by
# staff or in the centre's data), or a statutory holiday the venue closes for.
CLOSURES = frozenset({Status.EXCEPTION_CLOSED, Status.EXCEPTION_HOURS, Status.HOLIDAY_CLOSED})


def closed_during(
    book: HoursBook, venue: Venue, start: datetime, end: datetime
) -> DaySchedule | None:
    """The day's schedule when a closure (:data:`CLOSURES`; never the weekly pattern alone:
    the night school meets after hours) leaves ``venue`` shut for some of ``start``–``end``
    (aware, in the centre's zone): a class booked there may be called off."""
    schedule = book.day(venue, start.date())
    if schedule.status not in CLOSURES:
        return None
    return None if open_throughout(book, venue, start, end) else schedule


def week(book: HoursBook, venue: Venue, first: date, days: int = 7) -> list[DaySchedule]:
    """``days`` consecutive schedules from ``first``."""
    return [book.day(venue, first + timedelta(days=i)) for i in range(days)]


def overview(book: HoursBook, now_local: datetime) -> list[VenueStatus]:
    """Every venue's status now, in the order of the centre's data."""
    return [venue_status(book, venue, now_local) for venue in book.centre.venues]
