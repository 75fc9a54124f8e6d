"""China's statutory holidays and make-up working days (调休), and honesty about unknown years.

Sources, in order: the centre's ``holiday_overrides`` (the State Council's notice typed in by
staff before the package is updated), then ``chinesecalendar``. The ``holidays`` package is only
a cross-check for published years: for an unpublished year it silently falls back to rules and
knows no make-up days, so it is never used to decide whether a venue opens.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

import chinese_calendar
import holidays as holidays_package

from bot.centre import WEEKDAYS, HolidayYear

log = logging.getLogger(__name__)

# chinesecalendar's English festival names → our festival keys (catalog: festival-<key>)
_FESTIVALS = {
    "New Year's Day": "new_year",
    "Spring Festival": "spring_festival",
    "Tomb-sweeping Day": "tomb_sweeping",
    "Labour Day": "labour_day",
    "Dragon Boat Festival": "dragon_boat",
    "Mid-autumn Festival": "mid_autumn",
    "National Day": "national_day",
}
# Words of the ``holidays`` package's names, to find a festival's date in any year (its lunar
# rules are reliable for the date of the festival itself, not for the days off around it).
_FESTIVAL_NAME_HINTS = {
    "new_year": "New Year's Day",
    "spring_festival": "Spring Festival",
    "tomb_sweeping": "Tomb-Sweeping Day",
    "labour_day": "Labor Day",
    "dragon_boat": "Dragon Boat Festival",
    "mid_autumn": "Mid-Autumn Festival",
    "national_day": "National Day",
}


class DayKind(StrEnum):
    """What the calendar says about a date."""

    NORMAL = "normal"  # an ordinary working day or weekend
    HOLIDAY = "holiday"  # a statutory day off (including weekends inside a holiday block)
    MAKEUP = "makeup"  # a weekend day that is a working day (调休)
    UNKNOWN = "unknown"  # the year's arrangements are not published (as far as we know)


@dataclass(frozen=True, slots=True)
class DayInfo:
    """One date as the calendar sees it."""

    day: date
    kind: DayKind
    festival: str | None = None  # our festival key for HOLIDAY and MAKEUP days
    works_as: int | None = None  # MAKEUP: the weekday (0 = Monday) whose hours it keeps


def _festival_key(name: str | None) -> str | None:
    if name is None:
        return None
    return _FESTIVALS.get(name, "other")


@lru_cache(maxsize=64)
def package_covers(year: int) -> bool:
    """Whether the installed ``chinesecalendar`` knows ``year``."""
    try:
        chinese_calendar.is_holiday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


@lru_cache(maxsize=64)
def _package_makeup_weekdays(year: int) -> dict[date, int]:
    """Each make-up working day of ``year`` → the weekday of the day off it pays for.

    The notice pairs them by festival and in order (2026: 14 Feb ↔ 20 Feb, a Friday).
    """
    pairs: dict[date, int] = {}
    workdays = sorted(d for d in chinese_calendar.workdays if d.year == year)
    lieu = sorted(d for d in chinese_calendar.in_lieu_days if d.year == year)
    for festival in {chinese_calendar.workdays[d] for d in workdays}:
        made_up = [d for d in workdays if chinese_calendar.workdays[d] == festival]
        off = [d for d in lieu if chinese_calendar.in_lieu_days[d] == festival]
        for index, workday in enumerate(made_up):
            # Without a matching day off (rare), a make-up day keeps Monday's hours.
            pairs[workday] = off[index].weekday() if index < len(off) else 0
    return pairs


class HolidayCalendar:
    """Answers "is this date a holiday, a make-up working day, or unknown?"."""

    def __init__(self, overrides: dict[int, HolidayYear] | None = None) -> None:
        self._overrides = dict(overrides or {})
        self._cache: dict[date, DayInfo] = {}

    def covers(self, year: int) -> bool:
        """Whether ``year``'s holiday arrangements are known (package or overrides)."""
        return year in self._overrides or package_covers(year)

    def source(self, year: int) -> str:
        """Where the arrangements of ``year`` come from: ``overrides``, ``package`` or ``none``."""
        if year in self._overrides:
            return "overrides"
        return "package" if package_covers(year) else "none"

    def day(self, day: date) -> DayInfo:
        """The calendar's view of ``day`` (cached; the data never changes while running)."""
        info = self._cache.get(day)
        if info is None:
            info = self._compute(day)
            if len(self._cache) > 4096:
                self._cache.clear()
            self._cache[day] = info
        return info

    def _compute(self, day: date) -> DayInfo:
        notice = self._overrides.get(day.year)
        if notice is not None:
            if day in notice.holidays:
                return DayInfo(day, DayKind.HOLIDAY, notice.holidays[day])
            if day in notice.workdays:
                return DayInfo(day, DayKind.MAKEUP, None, WEEKDAYS.index(notice.workdays[day]))
            return DayInfo(day, DayKind.NORMAL)
        if not package_covers(day.year):
            return DayInfo(day, DayKind.UNKNOWN)
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
        if on_holiday and name is not None:
            return DayInfo(day, DayKind.HOLIDAY, _festival_key(name))
        if day in chinese_calendar.workdays:
            works_as = _package_makeup_weekdays(day.year).get(day, 0)
            return DayInfo(day, DayKind.MAKEUP, _festival_key(name), works_as)
        return DayInfo(day, DayKind.NORMAL)

    def festival_date(self, festival: str, year: int) -> tuple[date | None, bool]:
        """The first day of ``festival`` in ``year``, and whether the days off are known.

        For a year without published arrangements, the festival's own date still comes from
        the ``holidays`` package's calendar rules (lunar dates are computable), but the caller
        must then say that the days off are not published.
        """
        known = self.covers(year)
        if known:
            for offset in range(366):
                candidate = date(year, 1, 1) + timedelta(days=offset)
                if candidate.year != year:
                    break
                info = self.day(candidate)
                if info.kind is DayKind.HOLIDAY and info.festival == festival:
                    return candidate, True
        hint = _FESTIVAL_NAME_HINTS.get(festival)
        if hint is None:
            return None, known
        china = holidays_package.country_holidays("CN", years=year)
        dates = sorted(d for d, name in china.items() if hint in name and "observed" not in name)
        return (dates[0] if dates else None), known


def cross_check(year: int) -> list[str]:
    """Disagreements between ``chinesecalendar`` and ``holidays`` for a published ``year``.

    ``holidays`` lists weekday days off (not the weekends inside a block), so we compare the
    weekdays only. An empty list means the two sources agree.
    """
    if not package_covers(year):
        return [f"{year}: chinesecalendar does not cover this year"]
    china = holidays_package.country_holidays("CN", years=year)
    ours = {
        d
        for d in chinese_calendar.holidays
        if d.year == year and d.weekday() < 5 and chinese_calendar.holidays[d] is not None
    }
    # chinesecalendar marks every weekend as a holiday without a name; keep named ones only.
    theirs = {d for d in china if d.weekday() < 5}
    problems = [f"{d}: holiday for chinesecalendar only" for d in sorted(ours - theirs)]
    problems += [f"{d}: holiday for holidays only" for d in sorted(theirs - ours)]
    return problems
