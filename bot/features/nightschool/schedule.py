"""Dates and times of the night school: weekly patterns, holidays, offer deadlines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

import chinese_calendar


def statutory_holiday(day: date) -> bool | None:
    """Whether ``day`` is a public holiday (not a plain weekend); ``None`` if not yet published.

    Kept tiny on purpose so that the centre's holiday service can replace it later.
    """
    try:
        is_off, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return None
    return bool(is_off and name is not None)


@dataclass(frozen=True, slots=True)
class WeeklyPattern:
    """``weeks`` meetings on the weekday of ``first_date``, from ``start`` to ``end`` local time."""

    first_date: date
    start: time
    end: time
    weeks: int


@dataclass(frozen=True, slots=True)
class PlannedSession:
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True, slots=True)
class Plan:
    """The sessions of a pattern, and the dates left out (holidays) or unknown (no calendar)."""

    sessions: list[PlannedSession]
    skipped: list[date]
    unknown: list[date]


def plan_sessions(pattern: WeeklyPattern, zone: tzinfo) -> Plan:
    """``weeks`` sessions, one a week; a public holiday is skipped and the series runs a week
    longer, so the course keeps its number of meetings."""
    sessions: list[PlannedSession] = []
    skipped: list[date] = []
    unknown: list[date] = []
    day = pattern.first_date
    while len(sessions) < pattern.weeks:
        holiday = statutory_holiday(day)
        if holiday:
            skipped.append(day)
        else:
            if holiday is None:
                unknown.append(day)
            start = datetime.combine(day, pattern.start, zone).astimezone(UTC)
            end = datetime.combine(day, pattern.end, zone).astimezone(UTC)
            sessions.append(PlannedSession(start, end))
        day += timedelta(days=7)
    return Plan(sessions, skipped, unknown)


def offer_deadline(
    now: datetime,
    hours: float,
    zone: tzinfo,
    quiet_start: time,
    quiet_end: time,
    morning: time,
) -> datetime:
    """``now + hours``, unless that falls in the night (``quiet_start``–``quiet_end`` local):
    then ``morning`` of the next day, so nobody loses a seat while asleep."""
    deadline = (now + timedelta(hours=hours)).astimezone(zone)
    clock = deadline.time()
    overnight = quiet_start > quiet_end  # e.g. 22:00–08:00 spans midnight
    if overnight:
        in_quiet = clock >= quiet_start or clock < quiet_end
    else:
        in_quiet = quiet_start <= clock < quiet_end
    if not in_quiet:
        return deadline.astimezone(UTC)
    day = deadline.date()
    if overnight and clock >= quiet_start:
        day += timedelta(days=1)
    return datetime.combine(day, morning, zone).astimezone(UTC)
