"""China's statutory holidays and make-up working days (调休), for every year.

Two layers:

* **What the law fixes** (the national holiday regulation as revised in November 2024): 元旦 1 day,
  春节 4 days (除夕 to 初三), 清明 1, 劳动节 2 (1–2 May), 端午 1, 中秋 1, 国庆 3 (1–3 Oct). Lunar
  and solar-term dates come from the ``holidays`` package's calendar rules, cross-checked with
  ``chinesecalendar`` where both know the year. This layer is known for every year.
* **The year's notice** from the State Council adds the bridge days and the make-up working days.
  Sources, strongest first: a notice entered by staff from the chat (stored in the database), the
  centre file's ``holiday_overrides``, the ``chinesecalendar`` package. A year none of them knows
  is *statutory only*: its statutory days are holidays for sure, and the days near them are
  flagged as not yet settled.
"""

from __future__ import annotations

import asyncio
import json
import logging
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import get_args

import chinese_calendar

from bot.centre import WEEKDAYS, Festival, HolidayYear
from bot.i18n import message_keys

log = logging.getLogger(__name__)

FESTIVALS: tuple[str, ...] = tuple(f for f in get_args(Festival) if f != "other")
# Each festival's name in the catalogs ("other": a day off the data names no festival for).
FESTIVAL_TEXTS = message_keys(
    get_args(Festival),
    {
        "new_year": "hours-festival-new_year",
        "spring_festival": "hours-festival-spring_festival",
        "tomb_sweeping": "hours-festival-tomb_sweeping",
        "labour_day": "hours-festival-labour_day",
        "dragon_boat": "hours-festival-dragon_boat",
        "mid_autumn": "hours-festival-mid_autumn",
        "national_day": "hours-festival-national_day",
        "other": "hours-festival-other",
    },
)


def festival_key(festival: str | None) -> str:
    """The catalog key of a festival's name (``None``: "the holiday")."""
    return FESTIVAL_TEXTS[festival or "other"]


# chinesecalendar's English festival names → our festival keys (catalog: hours-festival-<key>)
_PACKAGE_FESTIVALS = {
    "New Year's Day": "new_year",
    "Spring Festival": "spring_festival",
    "Tomb-sweeping Day": "tomb_sweeping",
    "Labour Day": "labour_day",
    "Dragon Boat Festival": "dragon_boat",
    "Mid-autumn Festival": "mid_autumn",
    "National Day": "national_day",
}
# The ``holidays`` package's names (en_US) of statutory days → our festival keys.
_STATUTORY_NAMES = {
    "New Year's Day": "new_year",
    "Chinese New Year's Eve": "spring_festival",
    "Chinese New Year (Spring Festival)": "spring_festival",
    "Tomb-Sweeping Day": "tomb_sweeping",
    "Labor Day": "labour_day",
    "Dragon Boat Festival": "dragon_boat",
    "Mid-Autumn Festival": "mid_autumn",
    "National Day": "national_day",
}
_EVE = "Chinese New Year's Eve"
# Festivals whose days may fall together in one block (中秋 on or next to 国庆: 2023, 2025, 2028)
MERGEABLE = frozenset({"mid_autumn", "national_day"})
# Every bridge day and make-up working day from 2008 to 2026 lies within 10 days of a statutory
# day (the one-off 3 September 2015 aside); for a year without a notice, days within this window
# are "not settled yet", days further away keep the weekly pattern.
UNSETTLED_WINDOW = timedelta(days=14)


class DayKind(StrEnum):
    """What the calendar says about a date."""

    NORMAL = "normal"  # an ordinary working day or weekend
    HOLIDAY = "holiday"  # a day off (including weekends inside a holiday block)
    MAKEUP = "makeup"  # a weekend day that is a working day (调休)
    UNKNOWN = "unknown"  # near a holiday in a year whose notice is not known: may change


class Source(StrEnum):
    """Where a year's holiday arrangements come from."""

    STAFF = "staff"  # entered by an admin from the chat (database)
    FILE = "file"  # config/centre.yaml holiday_overrides
    PACKAGE = "package"  # chinesecalendar
    STATUTORY = "statutory"  # the regulation only: no notice known yet


@dataclass(frozen=True, slots=True)
class DayInfo:
    """One date as the calendar sees it."""

    day: date
    kind: DayKind
    festival: str | None = None  # our festival key for HOLIDAY and MAKEUP days
    works_as: int | None = None  # MAKEUP: the weekday (0 = Monday) whose hours it keeps
    unsettled_year: int | None = None  # the year's notice is not known: answers say so


@dataclass(frozen=True, slots=True)
class Block:
    """Consecutive days off, for one festival or two (国庆 and 中秋 together)."""

    festivals: tuple[str, ...]
    start: date
    end: date


@dataclass(frozen=True, slots=True)
class Workday:
    """A make-up working day and the weekday whose hours it keeps."""

    day: date
    festival: str | None
    works_as: int


@dataclass(frozen=True, slots=True)
class YearView:
    """Everything the bot knows about one year, for ``/holidays``."""

    year: int
    source: Source
    blocks: tuple[Block, ...]
    workdays: tuple[Workday, ...]


@lru_cache(maxsize=64)
def package_covers(year: int) -> bool:
    """Whether the installed ``chinesecalendar`` knows ``year``."""
    try:
        chinese_calendar.is_holiday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


# The ``holidays`` package runs in a short-lived child process, never in the serving one: its
# import loads every country's module (387 modules, about 17 MiB that stayed resident after a
# single ``/hours`` answer, issue 18). The child prints, per year, each day and the package's
# names for it; the parent keeps only those tuples.
_PACKAGE_CHILD = """
import json, sys
import holidays
found = {}
for year in sys.argv[1:]:
    china = holidays.country_holidays("CN", years=int(year), language="en_US")
    found[year] = [(day.isoformat(), str(names)) for day, names in sorted(china.items())]
print(json.dumps(found))
"""
_CHILD_TIMEOUT_SECONDS = 120  # a loaded machine starts Python slowly
# The package's days of each year fetched so far, (day, its names joined by "; ").
_package_days: dict[int, tuple[tuple[date, str], ...]] = {}


def _parse_child(output: bytes | str) -> dict[int, tuple[tuple[date, str], ...]]:
    found: dict[str, list[tuple[str, str]]] = json.loads(output)
    return {
        int(year): tuple((date.fromisoformat(day), names) for day, names in days)
        for year, days in found.items()
    }


def _package_year_days(year: int) -> tuple[tuple[date, str], ...]:
    """The ``holidays`` package's days of ``year``: fetched at start-up (:func:`prefetch_statutory`)
    or now, from a child process (a second or so, once per year and process)."""
    if year not in _package_days:
        try:
            done = subprocess.run(
                [sys.executable, "-P", "-c", _PACKAGE_CHILD, str(year)],
                capture_output=True,
                timeout=_CHILD_TIMEOUT_SECONDS,
                check=True,
            )
            _package_days.update(_parse_child(done.stdout))
        except (OSError, subprocess.SubprocessError, ValueError):
            log.warning("statutory days of %s: child process failed, computed here", year)
            _package_days[year] = _package_year_days_here(year)
    return _package_days[year]


def _package_year_days_here(year: int) -> tuple[tuple[date, str], ...]:
    import holidays as holidays_package  # the fallback: ~17 MiB for good (see above)

    china = holidays_package.country_holidays("CN", years=year, language="en_US")
    return tuple((day, str(names)) for day, names in sorted(china.items()))


async def prefetch_statutory(years: Iterable[int]) -> None:
    """Fetch the statutory days of ``years`` in one child process without blocking the loop
    (at start-up, for this year and the next), so no resident's answer waits for one."""
    wanted = sorted({y for y in years if y not in _package_days})
    if not wanted:
        return
    try:
        child = await asyncio.create_subprocess_exec(
            sys.executable,
            "-P",  # the child's sys.path starts with no working directory to shadow a package
            "-c",
            _PACKAGE_CHILD,
            *map(str, wanted),
            stdout=asyncio.subprocess.PIPE,
        )
        output, _ = await asyncio.wait_for(child.communicate(), _CHILD_TIMEOUT_SECONDS)
        if child.returncode != 0:
            raise ValueError(f"exit code {child.returncode}")
        _package_days.update(_parse_child(output))
    except (OSError, ValueError, TimeoutError) as exc:
        log.warning("statutory days not prefetched (%s): fetched when first asked", exc)


@lru_cache(maxsize=64)
def statutory_named(year: int) -> tuple[tuple[date, str, bool], ...]:
    """(day, festival, is the eve) for each statutory day of ``year``, in order."""
    found: list[tuple[date, str, bool]] = []
    for day, names in _package_year_days(year):
        for name in names.split("; "):
            festival = _STATUTORY_NAMES.get(name.strip())
            if festival is not None:
                found.append((day, festival, name.strip() == _EVE))
    return tuple(found)


@lru_cache(maxsize=64)
def statutory_days(year: int) -> dict[date, str]:
    """The statutory days off of ``year`` by the regulation in force, with their festival.

    The ``holidays`` package applies each year's regulation (除夕 counts from 2025) and knows the
    lunar and solar-term dates; its "(observed)" days are its own guesses at bridge days and
    are left out.
    """
    days: dict[date, str] = {}
    for day, festival, _eve in statutory_named(year):
        days.setdefault(day, festival)
    return days


def statutory_days_of(festival: str, year: int) -> set[date]:
    """The statutory days of one festival (a day may count for two: 中秋 on 国庆 in 2028)."""
    return {day for day, key, _eve in statutory_named(year) if key == festival}


@lru_cache(maxsize=64)
def festival_days(year: int) -> dict[str, date]:
    """Each festival's own day in ``year``: its first statutory day, 初一 rather than 除夕."""
    own: dict[str, date] = {}
    for day, festival, eve in statutory_named(year):
        if not eve:
            own.setdefault(festival, day)
    return own


def _package_festival(name: str | None) -> str | None:
    if name is None:
        return None
    return _PACKAGE_FESTIVALS.get(name, "other")


def pair_workdays(
    holidays: Mapping[date, str], workdays: Iterable[date], year: int
) -> dict[date, int]:
    """Each make-up working day → the weekday of the bridge day it pays for.

    A notice pairs them by festival and in order (2026: Sat 14 Feb ↔ Fri 20 Feb). A bridge day is
    a weekday off that the regulation does not fix. Without one, the make-up day keeps
    Monday's hours.
    """
    statutory = statutory_days(year)
    bridges = sorted(d for d in holidays if d.weekday() < 5 and d not in statutory)
    pairs: dict[date, int] = {}
    by_festival: dict[str | None, list[date]] = {}
    for bridge in bridges:
        by_festival.setdefault(holidays[bridge], []).append(bridge)
    for workday in sorted(workdays):
        festival = _nearest_festival(holidays, workday)
        pending = by_festival.get(festival, [])
        pairs[workday] = pending.pop(0).weekday() if pending else 0
    return pairs


def _nearest_festival(holidays: Mapping[date, str], day: date) -> str | None:
    if not holidays:
        return None
    nearest = min(holidays, key=lambda d: abs((d - day).days))
    return holidays[nearest]


@lru_cache(maxsize=64)
def _package_year(year: int) -> HolidayYear:
    """The package's arrangements of ``year`` in the same shape as a notice."""
    named = {
        d: _package_festival(name) or "other"
        for d, name in chinese_calendar.holidays.items()
        if d.year == year and name is not None
    }
    workdays = {d for d in chinese_calendar.workdays if d.year == year}
    lieu = sorted(d for d in chinese_calendar.in_lieu_days if d.year == year)
    pairs: dict[date, int] = {}
    for festival in {chinese_calendar.workdays[d] for d in workdays}:
        made_up = sorted(d for d in workdays if chinese_calendar.workdays[d] == festival)
        off = [d for d in lieu if chinese_calendar.in_lieu_days[d] == festival]
        for index, workday in enumerate(made_up):
            pairs[workday] = off[index].weekday() if index < len(off) else 0
    return HolidayYear.model_validate(
        {
            "holidays": named,
            "workdays": {d: WEEKDAYS[w] for d, w in pairs.items()},
        }
    )


class HolidayCalendar:
    """Answers "is this date a holiday, a make-up working day, or not settled yet?".

    ``staff`` notices can be replaced while running (:meth:`set_staff_notices`); everything else
    is fixed at construction.
    """

    def __init__(
        self,
        overrides: Mapping[int, HolidayYear] | None = None,
        staff: Mapping[int, HolidayYear] | None = None,
        *,
        package: Callable[[int], bool] = package_covers,
    ) -> None:
        self._package_covers = package  # tests pretend the package stops at a given year
        self._file = dict(overrides or {})
        self._staff = dict(staff or {})
        self._cache: dict[date, DayInfo] = {}
        self.revision = 0  # grows when the staff's notices change what a day is

    def set_staff_notices(self, staff: Mapping[int, HolidayYear]) -> None:
        """Use these staff-entered notices from now on (another instance may have entered one)."""
        if dict(staff) != self._staff:
            self._staff = dict(staff)
            self._cache.clear()
            self.revision += 1

    def source(self, year: int) -> Source:
        """Where the arrangements of ``year`` come from (see the module's precedence)."""
        if year in self._staff:
            return Source.STAFF
        if year in self._file:
            return Source.FILE
        return Source.PACKAGE if self._package_covers(year) else Source.STATUTORY

    def covers(self, year: int) -> bool:
        """Whether ``year``'s full arrangements (bridge and make-up days) are known."""
        return self.source(year) is not Source.STATUTORY

    def notice(self, year: int) -> HolidayYear | None:
        """The year's arrangements in one shape, or ``None`` when only the law is known."""
        if year in self._staff:
            return self._staff[year]
        if year in self._file:
            return self._file[year]
        return _package_year(year) if self._package_covers(year) else None

    def day(self, day: date) -> DayInfo:
        """The calendar's view of ``day`` (cached until the staff notices change)."""
        info = self._cache.get(day)
        if info is None:
            info = self._compute(day)
            if len(self._cache) > 4096:
                self._cache.clear()
            self._cache[day] = info
        return info

    def _compute(self, day: date) -> DayInfo:
        notice = self.notice(day.year)
        if notice is not None:
            if day in notice.holidays:
                return DayInfo(day, DayKind.HOLIDAY, notice.holidays[day])
            if day in notice.workdays:
                works_as = WEEKDAYS.index(notice.workdays[day])
                return DayInfo(day, DayKind.MAKEUP, self._workday_festival(notice, day), works_as)
            return DayInfo(day, DayKind.NORMAL)
        statutory = statutory_days(day.year)
        if day in statutory:
            return DayInfo(day, DayKind.HOLIDAY, statutory[day], unsettled_year=day.year)
        if any(abs(other - day) <= UNSETTLED_WINDOW for other in statutory):
            return DayInfo(day, DayKind.UNKNOWN, unsettled_year=day.year)
        return DayInfo(day, DayKind.NORMAL, unsettled_year=day.year)

    def festival_date(self, festival: str, year: int) -> tuple[date | None, bool]:
        """The festival's own day in ``year`` (初一 for the Spring Festival, the Qingming day),
        and whether the year's notice is known."""
        return festival_days(year).get(festival), self.covers(year)

    def year_view(self, year: int) -> YearView:
        """Each holiday block and make-up day of ``year``, and where they come from."""
        notice = self.notice(year)
        holidays = dict(notice.holidays) if notice is not None else statutory_days(year)
        workdays: tuple[Workday, ...] = ()
        if notice is not None:
            workdays = tuple(
                Workday(d, self._workday_festival(notice, d), WEEKDAYS.index(w))
                for d, w in sorted(notice.workdays.items())
            )
        return YearView(year, self.source(year), blocks_of(holidays), workdays)

    def _workday_festival(self, notice: HolidayYear, day: date) -> str | None:
        """The festival a make-up day belongs to: the package names it; otherwise the nearest."""
        if self.source(day.year) is Source.PACKAGE:
            return _package_festival(chinese_calendar.workdays.get(day))
        return _nearest_festival(notice.holidays, day)

    def upcoming_unknown_year(self, today: date, alarm_from: tuple[int, int]) -> int | None:
        """Next year, if from ``alarm_from`` (month, day) on its notice is still unknown."""
        if (today.month, today.day) < alarm_from:
            return None
        year = today.year + 1
        return None if self.covers(year) else year


def blocks_of(holidays: Mapping[date, str]) -> tuple[Block, ...]:
    """Runs of consecutive days off, each with the festivals whose days it holds."""
    runs: list[list[date]] = []
    for day in sorted(holidays):
        if runs and runs[-1][-1] + timedelta(days=1) == day:
            runs[-1].append(day)
        else:
            runs.append([day])
    blocks = []
    for run in runs:
        named = [holidays[d] for d in run]
        for year in {d.year for d in run}:
            named += [f for d, f, _eve in statutory_named(year) if d in run]
        festivals = tuple(dict.fromkeys(f for f in named if f != "other")) or ("other",)
        blocks.append(Block(festivals, run[0], run[-1]))
    return tuple(blocks)


def cross_check(year: int) -> list[str]:
    """Disagreements between ``chinesecalendar`` and the statutory layer for a published year.

    Every statutory day must be a day off in the package, for the same festival; an empty list
    means the two sources agree.
    """
    if not package_covers(year):
        return [f"{year}: chinesecalendar does not cover this year"]
    package = _package_year(year).holidays
    problems = []
    for day, festival in sorted(statutory_days(year).items()):
        theirs = package.get(day)
        if theirs is None:
            problems.append(f"{day}: statutory {festival}, a working day for chinesecalendar")
        elif theirs != festival and not {theirs, festival} <= MERGEABLE:
            problems.append(f"{day}: statutory {festival}, {theirs} for chinesecalendar")
    return problems
