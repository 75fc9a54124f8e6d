"""What the bot knows about a year's holidays, as text for staff (catalog ``holidays.ftl``)."""

from __future__ import annotations

from datetime import date, timedelta

from bot import dates
from bot.features.holidays.service import NoticeError, Problem
from bot.i18n import Translator
from bot.services.holiday_calendar import (
    FESTIVALS,
    Block,
    DayInfo,
    DayKind,
    Source,
    YearView,
    blocks_of,
    festival_key,
    statutory_days_of,
)

PROBLEM_KEYS: dict[Problem, str] = {
    Problem.UNREADABLE: "holidays-error-unreadable",
    Problem.BAD_DATE: "holidays-error-bad-date",
    Problem.RANGE_REVERSED: "holidays-error-range-reversed",
    Problem.WRONG_WEEKDAY: "holidays-error-wrong-weekday",
    Problem.OTHER_YEAR: "holidays-error-other-year",
    Problem.WORKDAY_NOT_WEEKEND: "holidays-error-workday-not-weekend",
    Problem.WORKDAY_FAR: "holidays-error-workday-far",
    Problem.MISSING_STATUTORY: "holidays-error-missing-statutory",
    Problem.OVERLAP: "holidays-error-overlap",
    Problem.TOO_LONG: "holidays-error-too-long",
    Problem.BOTH: "holidays-error-both",
    Problem.UNKNOWN_FESTIVAL: "holidays-error-unknown-festival",
    Problem.BAD_FILE: "holidays-error-bad-file",
    Problem.BAD_WEEKDAY: "holidays-error-bad-weekday",
    Problem.NO_YEAR: "holidays-error-no-year",
    Problem.YEAR_MISMATCH: "holidays-error-year-mismatch",
}
SOURCE_KEYS: dict[Source, str] = {
    Source.STAFF: "holidays-source-staff",
    Source.FILE: "holidays-source-file",
    Source.PACKAGE: "holidays-source-package",
    Source.STATUTORY: "holidays-source-statutory",
}


def festival_name(t: Translator, festival: str | None) -> str:
    return t(festival_key(festival))


def _span(t: Translator, start: date, end: date) -> str:
    if start == end:
        return dates.day(start, t.lang)
    return t("holidays-span", start=dates.day(start, t.lang), end=dates.day(end, t.lang))


def year_text(t: Translator, view: YearView, *, entered: str | None = None) -> str:
    """Each block of days off and each make-up working day of one year, with the source."""
    lines = [t("holidays-title", year=str(view.year))]
    source = t(SOURCE_KEYS[view.source])
    if entered:
        source = t("holidays-source-entered", source=source, who=entered)
    lines.append(t("holidays-source", source=source))
    for block in view.blocks:
        days = (block.end - block.start).days + 1
        lines.append(
            t(
                "holidays-block",
                festival=t("holidays-list-separator").join(
                    festival_name(t, f) for f in block.festivals
                ),
                span=_span(t, block.start, block.end),
                days=days,
            )
        )
    for workday in view.workdays:
        lines.append(
            t(
                "holidays-workday",
                festival=festival_name(t, workday.festival),
                date=dates.day(workday.day, t.lang),
                weekday=dates.weekday(workday.works_as, t.lang, long=t.lang == "en"),
            )
        )
    if view.source is Source.STATUTORY:
        lines.append(t("holidays-statutory-only", year=str(view.year)))
    return "\n".join(lines)


def alarm_text(t: Translator, year: int) -> str:
    """The daily reminder to admins while next year's notice is unknown."""
    return t("holidays-alarm", year=str(year))


def error_text(t: Translator, error: NoticeError) -> str:
    """A notice problem, naming the line and the dates as the reader writes them."""
    line = festival_name(t, error.line) if error.line in FESTIVALS else error.line
    days = [dates.day(day, t.lang) for day in error.days] + ["", ""]
    other = error.other or ""
    return t(
        PROBLEM_KEYS[error.problem],
        line=line,
        detail=error.detail,
        date=days[0],
        second=days[1],
        year=other,
        festival=festival_name(t, other) if other in FESTIVALS else other,
        weekday=dates.weekday(int(other), t.lang)
        if len(other) == 1 and other in "0123456"
        else other,
    )


def step_example(t: Translator, year: int, festival: str) -> str:
    """A line in the notice's style for ``festival`` that passes the checks as it is."""
    statutory = statutory_days_of(festival, year)
    first = min(statutory) if statutory else date(year, 1, 1)
    last = max(first + timedelta(days=2), max(statutory, default=first))
    saturday = last + timedelta(days=(5 - last.weekday()) % 7 or 7)
    return t(
        "holidays-example",
        start=dates.day(first, t.lang),
        end=dates.day(last, t.lang),
        workday=dates.day(saturday, t.lang),
    )


def step_prompt(t: Translator, year: int, festival: str, index: int) -> str:
    """One step of the guided entry: the festival, its statutory days, an example."""
    statutory = dict.fromkeys(sorted(statutory_days_of(festival, year)), festival)
    spans = [_span(t, b.start, b.end) for b in blocks_of(statutory)]
    return t(
        "holidays-step",
        index=index + 1,
        total=len(FESTIVALS),
        festival=festival_name(t, festival),
        statutory=t("holidays-list-separator").join(spans) or "—",
        example=step_example(t, year, festival),
    )


def resident_year_text(t: Translator, view: YearView, festival: str | None = None) -> str:
    """The year's days off and make-up working days for a resident (only ``festival``'s
    when one was asked about), saying plainly when the year's notice is not published."""
    blocks = [b for b in view.blocks if festival in b.festivals] or list(view.blocks)
    workdays = [w for w in view.workdays if festival is None or w.festival == festival]
    lines = [t("qa-holidays-title", year=str(view.year))]
    if view.source is Source.STATUTORY:
        lines.append(t("qa-holidays-not-published", year=str(view.year)))
    lines += [_block_text(t, "qa-holidays-block", block) for block in blocks]
    for workday in workdays:
        lines.append(t("qa-holidays-workday", date=dates.day(workday.day, t.lang)))
    lines.append(t("qa-holidays-ask-venue"))
    return "\n".join(lines)


def next_break_note(t: Translator, views: list[YearView], today: date) -> str | None:
    """ "when is the next public holiday": the first break not over yet, named before the
    year's list (r30j: the whole list came with nothing picked out, in either language);
    ``views`` are the year asked and the next one, in order."""
    for view in views:
        for block in view.blocks:
            if block.end >= today:
                return _block_text(t, "qa-holidays-next", block)
    return None


def _block_text(t: Translator, key: str, block: Block) -> str:
    """A break's line (``key``: in the year's list, or named as the next one): its festivals,
    its days and how many."""
    return t(
        key,
        festival=t("holidays-list-separator").join(festival_name(t, f) for f in block.festivals),
        span=_span(t, block.start, block.end),
        days=(block.end - block.start).days + 1,
    )


def today_note(t: Translator, info: DayInfo) -> str | None:
    """ "今天放假伐" / "今天是补班吗" answered with a year's list: first what today is, when it
    is a day off or a make-up working day (the list alone left the resident to find the day
    among a dozen lines, or showed next year's); an ordinary day: nothing."""
    if info.kind is DayKind.HOLIDAY:
        key = "qa-holidays-today-off"
    elif info.kind is DayKind.MAKEUP:
        key = "qa-holidays-today-workday"
    else:
        return None
    day = dates.day(info.day, t.lang)
    if info.festival is None:
        return t(f"{key}-plain", date=day)
    return t(key, date=day, festival=festival_name(t, info.festival))
