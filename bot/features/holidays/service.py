"""A year's holiday notice entered by staff: parsing, validation, storage.

Staff type the notice one festival at a time, as it reads ("1月1日至3日放假，1月4日（周日）上班"),
or upload a small file:

* YAML: ``year: 2027`` and one key per festival, whose value is such a line, or a mapping with
  ``holidays`` and ``workdays`` lists of dates and ranges;
* CSV: ``date,kind,festival[,weekday]`` rows, ``kind`` being ``holiday`` or ``workday``.

Validation: every date lies in that year; make-up days fall on a weekend; each festival's days
off cover its statutory days; no date is both a holiday and a working day. Errors name the line.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from itertools import pairwise

import yaml
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.centre import WEEKDAYS, HolidayYear
from bot.features.holidays.models import HolidayNotice
from bot.services.data_versions import HOURS_DATA, bump_version
from bot.services.holiday_calendar import (
    FESTIVALS,
    MERGEABLE,
    pair_workdays,
    statutory_days,
    statutory_days_of,
    statutory_named,
)
from bot.storage.models import User

MAX_FILE_BYTES = 20_000
MAX_LINE = 300

_FULLWIDTH = str.maketrans("０１２３４５６７８９－／～：，；", "0123456789-/~:,;")
_WORKDAY_WORDS = re.compile(
    r"上班|补班|工作日|workday|work\s*day|\bwork(?:ing)?\b|make[\s-]*up", re.I
)
_HOLIDAY_WORDS = re.compile(
    r"放假|休假|休息|调休|假期|\bholidays?\b|\bdays?\s+off\b|\boff\b|\brest\b", re.I
)
# A run of words that says what kind of days a clause names ("放假调休", "make-up workday").
_KIND_RUN = re.compile(rf"(?:(?:{_WORKDAY_WORDS.pattern}|{_HOLIDAY_WORDS.pattern})[\s:：]*)+", re.I)
_CLAUSES = re.compile(r"[,;，；。\n]|\band\b", re.I)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY_WORDS = {
    **{f"周{c}": i for i, c in enumerate("一二三四五六日")},
    **{f"星期{c}": i for i, c in enumerate("一二三四五六日")},
    **{f"礼拜{c}": i for i, c in enumerate("一二三四五六日")},
    "周天": 6,
    "星期天": 6,
    "礼拜天": 6,
    **{d: i for i, d in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
    **{
        d: i
        for i, d in enumerate(
            ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        )
    },
}
_WEEKDAY = "|".join(sorted(_WEEKDAY_WORDS, key=len, reverse=True))
# One date, in any of the notice's ways of writing it, with the weekday it may name:
# 2027-01-01 | 2027年1月1日 | 1月1日（周五） | 1/1 | 1-1 | 3日 (in the month last named) |
# Fri 1 Jan | 1 January | Jan 1 (Fri)
_DATE = re.compile(
    rf"(?:(?P<wd_before>{_WEEKDAY})\.?,?\s+)?"
    r"(?:"
    r"(?:(?P<y>\d{4})\s*[-/年.]\s*)?(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})\s*[日号]?"
    r"|(?P<day>\d{1,2})\s*[日号]"
    rf"|(?P<d_en>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m_en>{_MONTH})\.?(?:\s+(?P<y_en>\d{{4}}))?"
    rf"|(?P<m_en2>{_MONTH})\.?\s+(?P<d_en2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y_en2>\d{{4}}))?"
    r")"
    rf"(?:\s*[（(]\s*(?:农历[^）)]*|(?P<wd_after>{_WEEKDAY})|[^）)]*)\s*[）)])?",
    re.I,
)
_RANGE_JOIN = re.compile(r"\s*(?:至|到|~|—|–|\.\.|-|\bto\b|\bthrough\b|\buntil\b)\s*", re.I)
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_CN_NUMBER = re.compile(r"([〇一二三四五六七八九十]{1,3})(?=\s*[月日号])")
MAX_BLOCK_DAYS = 12  # the longest block since 2008 was 9 days (春节 2026)
MAX_WORKDAY_DISTANCE = 21  # a make-up day lies within this many days of its block


class Problem(StrEnum):
    """What is wrong with a notice; each has its catalog message (see ``holidays_text``)."""

    UNREADABLE = "unreadable"  # a line that names no date
    BAD_DATE = "bad_date"  # 2月30日
    RANGE_REVERSED = "range_reversed"  # 2月5日至2月3日
    WRONG_WEEKDAY = "wrong_weekday"  # 2月20日（星期日）when it is a Saturday
    OTHER_YEAR = "other_year"
    WORKDAY_NOT_WEEKEND = "workday_not_weekend"
    WORKDAY_FAR = "workday_far"  # a make-up day weeks away from its festival
    MISSING_STATUTORY = "missing_statutory"
    OVERLAP = "overlap"  # a block that takes another festival's statutory days
    TOO_LONG = "too_long"
    BOTH = "both"
    UNKNOWN_FESTIVAL = "unknown_festival"
    BAD_FILE = "bad_file"
    BAD_WEEKDAY = "bad_weekday"
    NO_YEAR = "no_year"
    YEAR_MISMATCH = "year_mismatch"  # a file for another year than the one being entered


class NoticeError(ValueError):
    """A notice that cannot be used; ``line`` names where (a festival, or a file line)."""

    def __init__(
        self,
        problem: Problem,
        line: str,
        detail: str = "",
        *,
        days: tuple[date, ...] = (),
        other: str | None = None,
    ) -> None:
        super().__init__(f"{line}: {problem.value} {detail} {days}".strip())
        self.problem = problem
        self.line = line
        self.detail = detail
        self.days = days  # the dates concerned, shown in the reader's format
        self.other = other  # another festival or a weekday index, by problem


@dataclass
class FestivalEntry:
    """The days off and make-up days of one festival, and where they were read."""

    festival: str
    line: str
    holidays: set[date] = field(default_factory=set)
    workdays: set[date] = field(default_factory=set)
    weekdays: dict[date, int] = field(default_factory=dict)  # explicit "works as" (CSV only)
    lines: dict[date, str] = field(default_factory=dict)  # where each date was read (CSV)

    def line_of(self, day: date) -> str:
        return self.lines.get(day, self.line)


def _day(year: int, month: int, day: int, line: str, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise NoticeError(Problem.BAD_DATE, line, text) from None


def _arabic(match: re.Match[str]) -> str:
    """二 → 2, 十一 → 11, 二十 → 20, 三十一 → 31."""
    text = match.group(1)
    if "十" not in text:
        return "".join(str(_CN_DIGITS[c]) for c in text)
    tens, _, ones = text.partition("十")
    return str((_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0)))


def _date_of(match: re.Match[str], year: int, month: int | None, line: str) -> date:
    groups = match.groupdict()
    if groups["m_en"] or groups["m_en2"]:
        month = _MONTHS[(groups["m_en"] or groups["m_en2"]).lower()]
        number = int(groups["d_en"] or groups["d_en2"])
        year_text = groups["y_en"] or groups["y_en2"]
    else:
        if groups["m"]:
            month = int(groups["m"])
        if month is None:
            raise NoticeError(Problem.UNREADABLE, line, match.group(0).strip())
        number = int(groups["d"] or groups["day"])
        year_text = groups["y"]
    found = _day(int(year_text) if year_text else year, month, number, line, match.group(0))
    named = groups["wd_before"] or groups["wd_after"]
    if named and _WEEKDAY_WORDS[named.lower()] != found.weekday():
        raise NoticeError(
            Problem.WRONG_WEEKDAY,
            line,
            named,
            days=(found,),
            other=str(_WEEKDAY_WORDS[named.lower()]),
        )
    return found


def parse_dates(text: str, year: int, line: str) -> list[date]:
    """Every date in ``text``: single days and ranges ("2月5日至11日", "Feb 5 to Feb 11")."""
    text = _CN_NUMBER.sub(_arabic, text.translate(_FULLWIDTH))
    found: list[date] = []
    month: int | None = None
    position = 0
    pending_range = False
    while (match := _DATE.search(text, position)) is not None:
        current = _date_of(match, year, month, line)
        month = current.month
        if pending_range and found:
            start = found[-1]
            if current < start:
                raise NoticeError(Problem.RANGE_REVERSED, line, days=(start, current))
            found.extend(start + timedelta(days=i) for i in range(1, (current - start).days + 1))
        else:
            found.append(current)
        position = match.end()
        joiner = _RANGE_JOIN.match(text, position)
        pending_range = joiner is not None and bool(joiner.group(0).strip())
        if pending_range and joiner is not None:
            position = joiner.end()
    return found


def _pieces(clause: str) -> list[str]:
    """A clause cut where its kind words say the kind changes, whatever separates the parts.

    "2月5日至11日放假 2月14日上班" (or with no space at all) reads like the notice's own
    "…放假，2月14日上班": each word names the days before it. When the clause opens with the
    word instead ("放假2月5日至11日 上班2月14日", "holiday Feb 5 to 11 make-up Feb 20"), each
    word names the days after it.
    """
    runs = list(_KIND_RUN.finditer(clause))
    stripped = clause.strip()
    opens = bool(runs) and not clause[: runs[0].start()].strip()
    closes = bool(runs) and not clause[runs[-1].end() :].strip()
    if opens and not closes:
        cuts = [run.start() for run in runs[1:]]
    else:
        cuts = [run.end() for run in runs if clause[run.end() :].strip()]
    if not stripped or not cuts:
        return [clause]
    bounds = [0, *cuts, len(clause)]
    return [clause[start:end] for start, end in pairwise(bounds)]


def parse_festival_line(festival: str, text: str, year: int, line: str) -> FestivalEntry:
    """One festival as the notice says it: clauses with 上班/调休 are make-up working days."""
    if len(text) > MAX_LINE:
        raise NoticeError(Problem.UNREADABLE, line, text[:40] + "…")
    entry = FestivalEntry(festival, line)
    clauses = _CLAUSES.split(text.translate(_FULLWIDTH))
    for piece in (piece for clause in clauses for piece in _pieces(clause)):
        if not piece.strip():
            continue
        dates = parse_dates(piece, year, line)
        target = entry.workdays if _WORKDAY_WORDS.search(piece) else entry.holidays
        target.update(dates)
    if not entry.holidays and not entry.workdays:
        raise NoticeError(Problem.UNREADABLE, line, text.strip())
    return entry


def _festival_key(name: str, line: str) -> str:
    key = name.strip().lower()
    aliases = {
        "元旦": "new_year",
        "春节": "spring_festival",
        "清明": "tomb_sweeping",
        "清明节": "tomb_sweeping",
        "劳动节": "labour_day",
        "五一": "labour_day",
        "端午": "dragon_boat",
        "端午节": "dragon_boat",
        "中秋": "mid_autumn",
        "中秋节": "mid_autumn",
        "国庆": "national_day",
        "国庆节": "national_day",
    }
    key = aliases.get(key, key)
    if key not in FESTIVALS:
        raise NoticeError(Problem.UNKNOWN_FESTIVAL, line, name)
    return key


def parse_file(content: bytes, filename: str, year: int | None) -> tuple[int, list[FestivalEntry]]:
    """A notice from an uploaded YAML or CSV file: the year and each festival's entry."""
    if len(content) > MAX_FILE_BYTES:
        raise NoticeError(Problem.BAD_FILE, filename, "too large")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NoticeError(Problem.BAD_FILE, filename, "not UTF-8") from None
    if filename.lower().endswith(".csv"):
        return _parse_csv(text, year)
    return _parse_yaml(text, year)


def _parse_yaml(text: str, year: int | None) -> tuple[int, list[FestivalEntry]]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "YAML"
        raise NoticeError(Problem.BAD_FILE, where) from None
    if not isinstance(data, dict):
        raise NoticeError(Problem.BAD_FILE, "YAML")
    raw_year = data.pop("year", year)
    if not isinstance(raw_year, int):
        raise NoticeError(Problem.NO_YEAR, "year")
    entries = []
    for name, value in data.items():
        key = _festival_key(str(name), str(name))
        if isinstance(value, str):
            entries.append(parse_festival_line(key, value, raw_year, str(name)))
        elif isinstance(value, dict):
            entry = FestivalEntry(key, str(name))
            for kind, target in (("holidays", entry.holidays), ("workdays", entry.workdays)):
                items = value.get(kind) or []
                for item in items if isinstance(items, list) else [items]:
                    target.update(parse_dates(str(item), raw_year, f"{name}.{kind}"))
            entries.append(entry)
        else:
            raise NoticeError(Problem.UNREADABLE, str(name), str(value))
    return raw_year, entries


def _parse_csv(text: str, year: int | None) -> tuple[int, list[FestivalEntry]]:
    entries: dict[str, FestivalEntry] = {}
    years: set[int] = set()
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells) or cells[0].lower() in {"date", "日期"} or cells[0].startswith("#"):
            continue
        line = f"line {number}"
        if len(cells) < 3:
            raise NoticeError(Problem.UNREADABLE, line, ",".join(cells))
        try:
            day = date.fromisoformat(cells[0])
        except ValueError:
            raise NoticeError(Problem.BAD_DATE, line, cells[0]) from None
        years.add(day.year)
        key = _festival_key(cells[2], line)
        entry = entries.setdefault(key, FestivalEntry(key, line))
        entry.lines[day] = line
        kind = cells[1].lower()
        if kind in {"holiday", "假", "放假", "休"}:
            entry.holidays.add(day)
        elif kind in {"workday", "班", "上班", "补班"}:
            entry.workdays.add(day)
            if len(cells) > 3 and cells[3]:
                weekday = cells[3].lower()[:3]
                if weekday not in WEEKDAYS:
                    raise NoticeError(Problem.BAD_WEEKDAY, line, cells[3])
                entry.weekdays[day] = WEEKDAYS.index(weekday)
        else:
            raise NoticeError(Problem.UNREADABLE, line, cells[1])
    chosen = year if year is not None else (min(years) if years else None)
    if chosen is None:
        raise NoticeError(Problem.NO_YEAR, "CSV")
    return chosen, list(entries.values())


def statutory_entry(festival: str, year: int) -> FestivalEntry:
    """Only the statutory days of ``festival``: no bridge days, no make-up days."""
    return FestivalEntry(festival, festival, holidays=statutory_days_of(festival, year))


def _check_dates(year: int, entry: FestivalEntry, holidays: Iterable[date] = ()) -> None:
    """Dates in ``year``; a block that takes no other festival's statutory days and is of a
    plausible length; make-up days on a weekend, near the block and not also days off."""
    taken = set(holidays) | entry.holidays
    for day in sorted(entry.holidays | entry.workdays):
        if day.year != year:
            raise NoticeError(Problem.OTHER_YEAR, entry.line_of(day), days=(day,), other=str(year))
    own = statutory_days_of(entry.festival, year)
    for day, festival, _eve in statutory_named(year):
        shared = day in own or {festival, entry.festival} <= MERGEABLE
        if day in entry.holidays and festival != entry.festival and not shared:
            raise NoticeError(Problem.OVERLAP, entry.line, days=(day,), other=festival)
    if entry.holidays and (max(entry.holidays) - min(entry.holidays)).days >= MAX_BLOCK_DAYS:
        days = (min(entry.holidays), max(entry.holidays))
        raise NoticeError(Problem.TOO_LONG, entry.line, days=days)
    for day in sorted(entry.workdays):
        if day.weekday() < 5:
            raise NoticeError(Problem.WORKDAY_NOT_WEEKEND, entry.line_of(day), days=(day,))
        if day in taken:
            raise NoticeError(Problem.BOTH, entry.line_of(day), days=(day,))
        block = entry.holidays or own
        if block and min(abs((day - d).days) for d in block) > MAX_WORKDAY_DISTANCE:
            raise NoticeError(Problem.WORKDAY_FAR, entry.line_of(day), days=(day,))


def check_entry(year: int, entry: FestivalEntry) -> None:
    """The checks one festival's entry can pass alone (the rest wait for :func:`build_notice`)."""
    _check_dates(year, entry)
    for day in sorted(statutory_days_of(entry.festival, year)):
        if day not in entry.holidays:
            raise NoticeError(Problem.MISSING_STATUTORY, entry.line, days=(day,))


def build_notice(year: int, entries: Iterable[FestivalEntry]) -> HolidayYear:
    """Validate the entries of ``year`` and turn them into one notice."""
    entries = list(entries)
    holidays: dict[date, str] = {}
    for entry in entries:
        for day in sorted(entry.holidays):
            holidays.setdefault(day, entry.festival)
    workdays: set[date] = set()
    explicit: dict[date, int] = {}
    for entry in entries:
        _check_dates(year, entry, holidays)
        workdays |= entry.workdays
        explicit.update(entry.weekdays)
    lines = {entry.festival: entry.line for entry in entries}
    for day, festival in sorted(statutory_days(year).items()):
        if day not in holidays:
            raise NoticeError(Problem.MISSING_STATUTORY, lines.get(festival, festival), days=(day,))
    pairs = pair_workdays(holidays, workdays, year)
    pairs.update(explicit)
    return HolidayYear.model_validate(
        {
            "holidays": holidays,
            "workdays": {day: WEEKDAYS[pairs[day]] for day in sorted(workdays)},
        }
    )


# --- Storage ---------------------------------------------------------------------------


def _encode(notice: HolidayYear) -> tuple[str, str]:
    holidays = {d.isoformat(): f for d, f in sorted(notice.holidays.items())}
    workdays = {d.isoformat(): w for d, w in sorted(notice.workdays.items())}
    return json.dumps(holidays), json.dumps(workdays)


def _decode(row: HolidayNotice) -> HolidayYear:
    return HolidayYear.model_validate(
        {"holidays": json.loads(row.holidays), "workdays": json.loads(row.workdays)}
    )


async def load_notices(session: AsyncSession) -> dict[int, HolidayYear]:
    """Every notice entered by staff, by year."""
    rows = await session.scalars(select(HolidayNotice))
    return {row.year: _decode(row) for row in rows}


async def save_notice(
    session: AsyncSession, year: int, notice: HolidayYear, by_user: int | None, now: datetime
) -> bool:
    """Store (or replace) ``year``'s notice and bump the hours data version; ``True`` if new."""
    holidays, workdays = _encode(notice)
    row = await session.get(HolidayNotice, year, with_for_update=True)
    created = row is None
    if row is None:
        session.add(
            HolidayNotice(
                year=year,
                holidays=holidays,
                workdays=workdays,
                entered_by=by_user,
                entered_at=now,
            )
        )
    else:
        row.holidays, row.workdays = holidays, workdays
        row.entered_by, row.entered_at = by_user, now
    await bump_version(session, HOURS_DATA)
    return created


async def entered_by(session: AsyncSession, year: int) -> tuple[str, datetime] | None:
    """Who entered ``year``'s notice and when, if staff did."""
    row = await session.execute(
        select(User.first_name, HolidayNotice.entered_at)
        .outerjoin(User, User.id == HolidayNotice.entered_by)
        .where(HolidayNotice.year == year)
    )
    found = row.first()
    return (found[0] or "?", found[1]) if found is not None else None


def summarize(notice: HolidayYear) -> Mapping[str, object]:
    """What the audit log keeps of a notice."""
    return {
        "holidays": len(notice.holidays),
        "workdays": sorted(d.isoformat() for d in notice.workdays),
    }
