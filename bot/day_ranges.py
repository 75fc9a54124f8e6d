"""The first and last day staff name in words ("12月24日到26日", "下周四", "24 Dec - 26 Dec",
"2026-12-01 到 2026-12-02"): one reader for every staff command that takes a span of days
(/closure and /special, /digest and /export), so each accepts what the others do."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.normalise import fold
from bot.understanding.timex import find_times

_TO = r"(?:\.\.|~|～|-|–|—|到|至|to|until|till|through)"
_LEAD = re.compile(r"^\s*(?:从|自|由|from)?\s*$", re.IGNORECASE)
_BETWEEN = re.compile(r"^\s*" + _TO + r"\s*$", re.IGNORECASE)
_TO_DAY_OF_MONTH = re.compile(
    r"^\s*" + _TO + r"\s*(?P<day>\d{1,2})\s*(?:日|号|號|th|st|nd|rd)?\s*$", re.IGNORECASE
)
# "5-10 December", "5 to 10 Dec": two days of a month named once, after them (day first, as
# British English writes it); read as "5 December - 10 December".
_DAYS_THEN_MONTH = re.compile(
    r"^\s*(?:from\s+)?(?P<first>\d{1,2})(?:st|nd|rd|th)?\s*" + _TO
    + r"\s*(?P<last>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>"
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?P<year>\s+\d{4})?\s*$",
    re.IGNORECASE,
)  # fmt: skip
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

WORDS_MAX = 200  # longer staff answers are no dates or hours


def _day_in_month_after(start: date, day: int) -> date | None:
    """``day`` of ``start``'s month, or of the next month when it is before ``start``."""
    year, month = start.year, start.month
    for _ in range(2):
        try:
            found = date(year, month, day)
        except ValueError:
            found = None
        if found is not None and found >= start:
            return found
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def parse_days(
    text: str, today: date, calendar: HolidayCalendar, *, past: bool = False
) -> tuple[date, date] | None:
    """The first and last day staff named in words: "下周四", "明天", "12月24日到26日",
    "24 Dec - 26 Dec", "this weekend", "2026-12-24"; ``None`` if that is not all the text says.
    With ``past`` (a digest looks back), a date that could be this year's gone by or next
    year's ("12月1日" on 20 December) is the one gone by."""
    folded = fold(text).strip().rstrip("。.")
    if not folded or len(folded) > WORDS_MAX:
        return None
    if split := _DAYS_THEN_MONTH.match(folded):
        month, since, until = split["month"], int(split["first"]), int(split["last"])
        if split["year"]:  # the words read no year after a month: the same days, as ISO
            year, number = int(split["year"]), _MONTHS.index(month.lower()[:3]) + 1
            folded = f"{year}-{number:02}-{since:02}..{year}-{number:02}-{until:02}"
        else:
            folded = f"{since} {month} - {until} {month}"
    mentions = find_times(folded, today, calendar)
    if past:
        mentions = [
            replace(m, days=(max(gone),))
            if not m.resolved and (gone := [d for d in m.candidates if d <= today])
            else m
            for m in mentions
        ]
    if not mentions or len(mentions) > 2 or not all(m.resolved for m in mentions):
        return None
    first = mentions[0]
    if not _LEAD.fullmatch(folded[: first.span[0]]):
        return None
    start, end, rest = first.days[0], first.days[-1], first.span[1]
    if len(mentions) == 2:
        second = mentions[1]
        if not _BETWEEN.fullmatch(folded[first.span[1] : second.span[0]]):
            return None
        end, rest = second.days[-1], second.span[1]
    tail = folded[rest:]
    if tail.strip():
        match = _TO_DAY_OF_MONTH.fullmatch(tail) if len(mentions) == 1 else None
        found = _day_in_month_after(start, int(match.group("day"))) if match else None
        if found is None:
            return None
        end = found
    return start, end
