"""What the bot knows about a year's holidays, as text for staff (catalog ``holidays.ftl``)."""

from __future__ import annotations

from datetime import date

from bot import dates
from bot.i18n import Translator
from bot.services.holiday_calendar import (
    FESTIVALS,
    Source,
    YearView,
    blocks_of,
    statutory_days,
)
from bot.services.holiday_notices import NoticeError, Problem
from bot.services.hours_text import date_text

PROBLEM_KEYS: dict[Problem, str] = {
    Problem.UNREADABLE: "holidays-error-unreadable",
    Problem.BAD_DATE: "holidays-error-bad-date",
    Problem.OTHER_YEAR: "holidays-error-other-year",
    Problem.WORKDAY_NOT_WEEKEND: "holidays-error-workday-not-weekend",
    Problem.MISSING_STATUTORY: "holidays-error-missing-statutory",
    Problem.BOTH: "holidays-error-both",
    Problem.UNKNOWN_FESTIVAL: "holidays-error-unknown-festival",
    Problem.BAD_FILE: "holidays-error-bad-file",
    Problem.BAD_WEEKDAY: "holidays-error-bad-weekday",
    Problem.NO_YEAR: "holidays-error-no-year",
}
SOURCE_KEYS: dict[Source, str] = {
    Source.STAFF: "holidays-source-staff",
    Source.FILE: "holidays-source-file",
    Source.PACKAGE: "holidays-source-package",
    Source.STATUTORY: "holidays-source-statutory",
}


def festival_name(t: Translator, festival: str | None) -> str:
    return t(f"hours-festival-{festival or 'other'}")


def _span(t: Translator, start: date, end: date) -> str:
    if start == end:
        return date_text(t, start)
    return t("holidays-span", start=date_text(t, start), end=date_text(t, end))


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
                festival=festival_name(t, block.festival),
                span=_span(t, block.start, block.end),
                days=days,
            )
        )
    for workday in view.workdays:
        lines.append(
            t(
                "holidays-workday",
                date=date_text(t, workday.day),
                weekday=dates.weekday(workday.works_as, t.lang),
            )
        )
    if view.source is Source.STATUTORY:
        lines.append(t("holidays-statutory-only", year=str(view.year)))
    return "\n".join(lines)


def alarm_text(t: Translator, year: int) -> str:
    """The daily reminder to admins while next year's notice is unknown."""
    return t("holidays-alarm", year=str(year))


def error_text(t: Translator, error: NoticeError) -> str:
    """A notice problem, naming the line, in the reader's language."""
    line = error.line
    if line in FESTIVALS:
        line = festival_name(t, line)
    return t(PROBLEM_KEYS[error.problem], line=line, detail=error.detail)


def step_prompt(t: Translator, year: int, festival: str, index: int) -> str:
    """One step of the guided entry: the festival, its statutory days, an example."""
    statutory = {d: f for d, f in statutory_days(year).items() if f == festival}
    spans = [_span(t, b.start, b.end) for b in blocks_of(statutory)]
    return t(
        "holidays-step",
        index=index + 1,
        total=len(FESTIVALS),
        festival=festival_name(t, festival),
        statutory=t("holidays-list-separator").join(spans) or "—",
    )
