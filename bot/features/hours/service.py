"""Staff exceptions to the opening hours (closures, special hours), entered from the chat.

Stored in ``venue_exceptions`` (:mod:`.models`); the per-instance cache
(:class:`bot.services.hours_data.HoursData`) reads them through :func:`load_exceptions`, which
the application hands it. Every change bumps the hours data version so all instances reload.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.centre import Centre, Interval
from bot.day_ranges import WORDS_MAX
from bot.day_ranges import parse_days as parse_days  # /closure's days, here too
from bot.features.hours.models import VenueException
from bot.features.hours.reasons import localized_reason
from bot.services.data_versions import HOURS_DATA, bump_version
from bot.services.hours import StaffException
from bot.storage.models import User
from bot.understanding.normalise import fold
from bot.understanding.staff_input import find_clock

MAX_EXCEPTION_DAYS = 366  # a staff exception spans at most a year
MAX_REASON = 200
_INTERVAL_LIST_RE = re.compile(r"^\d{1,2}:\d{2}-\d{1,2}:\d{2}(,\d{1,2}:\d{2}-\d{1,2}:\d{2}){0,5}$")


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


# Spans are separated by commas, 和 / and, or a space between two ("9:00-11:00 14:00-16:00").
_HOURS_SPLIT = re.compile(
    r"[,，、;；]|\s和\s|和|\sand\s|(?<=\d)\s+(?=\d)|(?<=[\d点])\s+(?=凌晨|早上|上午|中午|下午|傍晚|晚上)"
)


def parse_hours(text: str) -> tuple[Interval, ...]:
    """Opening hours as typed: "09:00-12:00,14:00-17:00" or in words ("上午9点到12点，下午2点到
    5点", "10am-4pm"); ``ValueError`` when a part is no span of time."""
    try:
        return parse_intervals(text)
    except ValueError:
        pass
    if len(text) > WORDS_MAX:
        raise ValueError("too long for opening hours")
    spans = []
    for part in _HOURS_SPLIT.split(fold(text)):
        if not part.strip():
            continue
        found = find_clock(part)
        if found is None or found[0].end is None:
            raise ValueError(f"not a span of time: {part!r}")
        (clock, (first, last)), end = found, found[0].end
        if re.search(r"\d", part[:first] + part[last:]):  # a second time, never dropped
            raise ValueError(f"more than a span of time: {part!r}")
        spans.append(f"{clock.start:%H:%M}-{end:%H:%M}")
    if not spans:
        raise ValueError("no hours")
    return parse_intervals(",".join(spans))


def check_dates(start: date, end: date, today: date) -> None:
    """The checks :func:`add_exception` makes on the days, before a preview is shown."""
    if end < start:
        raise ExceptionError(Refusal.DATES_REVERSED)
    if end < today:
        raise ExceptionError(Refusal.IN_THE_PAST)
    if (end - start).days >= MAX_EXCEPTION_DAYS:
        raise ExceptionError(Refusal.TOO_LONG)


def check_reason(reason: str | None) -> str | None:
    """The reason as stored (``None`` for none); ``ExceptionError`` when too long."""
    reason = (reason or "").strip() or None
    if reason is not None and len(reason) > MAX_REASON:
        raise ExceptionError(Refusal.REASON_TOO_LONG)
    return reason


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
        closed=row.kind == Kind.CLOSED,
        intervals=parse_intervals(row.intervals) if row.intervals else (),
        reason=localized_reason(row.reason),
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


async def active_exception(session: AsyncSession, exception_id: int) -> StaffException | None:
    """One staff exception not withdrawn, with who entered it; ``None`` if there is none."""
    found = (
        await session.execute(
            select(VenueException, User.first_name)
            .outerjoin(User, User.id == VenueException.created_by)
            .where(VenueException.id == exception_id, VenueException.removed_at.is_(None))
        )
    ).first()
    return _from_row(*found) if found is not None else None


async def overlapping(
    session: AsyncSession, venue_id: str, start: date, end: date
) -> list[StaffException]:
    """The venue's active staff exceptions sharing a day with ``start``..``end``: a new one
    would take their place on those days (the newest entry wins, ``bot.services.hours``)."""
    rows = await session.execute(
        select(VenueException, User.first_name)
        .outerjoin(User, User.id == VenueException.created_by)
        .where(
            VenueException.removed_at.is_(None),
            VenueException.venue_id == venue_id,
            VenueException.start_date <= end,
            VenueException.end_date >= start,
        )
        .order_by(VenueException.start_date, VenueException.id)
    )
    return [_from_row(row, name) for row, name in rows.all()]


class Kind(StrEnum):
    """What a staff exception does (``venue_exceptions.kind``)."""

    CLOSED = "closed"
    HOURS = "hours"


class Refusal(StrEnum):
    """Why a staff exception cannot be stored (each has its text in the handlers)."""

    UNKNOWN_VENUE = "unknown_venue"
    DATES_REVERSED = "dates_reversed"
    IN_THE_PAST = "in_the_past"
    TOO_LONG = "too_long"
    REASON_TOO_LONG = "reason_too_long"


class ExceptionError(ValueError):
    """A staff exception that cannot be stored; ``code`` says why."""

    def __init__(self, code: Refusal) -> None:
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
        raise ExceptionError(Refusal.UNKNOWN_VENUE)
    check_dates(start, end, today)
    reason = check_reason(reason)
    row = VenueException(
        venue_id=venue_id,
        start_date=start,
        end_date=end,
        kind=Kind.HOURS if intervals else Kind.CLOSED,
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
