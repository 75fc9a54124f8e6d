"""Files in and out: a term of courses from YAML/CSV, rosters as Excel/CSV, sessions as .ics."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, datetime

import yaml

from bot.features.nightschool.common import ENROLLED, School, SessionStatus
from bot.features.nightschool.courses import CourseView, RosterLine
from bot.features.nightschool.inputs import (
    FIELDS,
    CourseDraft,
    InvalidInput,
    Problem,
    draft_from_mapping,
)

TERM_FILE_MAX_BYTES = 512 * 1024
TERM_FILE_MAX_ROWS = 200


def course_calendar(
    school: School, view: CourseView, lang: str, now: datetime
) -> tuple[str, bytes]:
    """``(file name, bytes)`` of an RFC 5545 calendar with one event per scheduled session."""
    import icalendar  # on first use, like the spreadsheets below (start-up memory, issue 18)

    course = view.course
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//frontdesk//night school//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", school.title(course, lang))
    for meeting in view.sessions:
        if meeting.status != SessionStatus.SCHEDULED:
            continue
        event = icalendar.Event()
        event.add("uid", f"ns-{course.id}-{meeting.id}@frontdesk")
        event.add("dtstamp", now.astimezone(UTC))
        event.add("dtstart", meeting.starts_at.astimezone(UTC))
        event.add("dtend", meeting.ends_at.astimezone(UTC))
        event.add("summary", school.title(course, lang))
        event.add("location", school.venue(course.venue_id, lang))
        event.add("description", course.teacher)
        calendar.add_component(event)
    return f"course-{course.id}.ics", calendar.to_ical()


ROSTER_COLUMNS = ("status", "position", "name", "username", "telegram_id", "signed_up_at",
                  "offer_expires_at")  # fmt: skip


def _roster_rows(school: School, lines: list[RosterLine]) -> list[list[object]]:
    def local(moment: datetime | None) -> str:
        return moment.astimezone(school.zone).strftime("%Y-%m-%d %H:%M") if moment else ""

    return [
        [
            line.status,
            line.position or "",
            line.name,
            line.username or "",
            line.telegram_id,
            local(line.signed_up_at),
            local(line.offer_expires_at),
        ]
        for line in lines
    ]


def roster_csv(school: School, course_id: int, lines: list[RosterLine]) -> tuple[str, bytes]:
    """The roster as UTF-8 CSV with a byte-order mark (Excel opens it with Chinese intact)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(ROSTER_COLUMNS)
    writer.writerows(_roster_rows(school, lines))
    return f"roster-{course_id}.csv", buffer.getvalue().encode("utf-8-sig")


def roster_xlsx(
    school: School,
    course_id: int,
    lines: list[RosterLine],
    sessions: list[datetime],
    attended: dict[int, set[int]],
) -> tuple[str, bytes]:
    """The roster as an Excel workbook; one column per session marks who attended (1/0)."""
    # Imported on first use: openpyxl (and the numpy and Pillow it pulls in) weighs tens of
    # MiB, for a file staff ask for a few times a term (issue 18).
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "roster"
    headers: list[object] = list(ROSTER_COLUMNS)
    headers += [s.astimezone(school.zone).strftime("%m-%d %H:%M") for s in sessions]
    sheet.append(headers)
    for line, row in zip(lines, _roster_rows(school, lines), strict=True):
        marks = [
            (1 if line.enrolment_id in present else 0) if line.status == ENROLLED else ""
            for present in attended.values()
        ]
        sheet.append(row + marks)
    out = io.BytesIO()
    book.save(out)
    return f"roster-{course_id}.xlsx", out.getvalue()


@dataclass(frozen=True, slots=True)
class RowProblem:
    row: int
    field: str
    problem: InvalidInput


@dataclass(frozen=True, slots=True)
class TermFile:
    drafts: list[CourseDraft]
    problems: list[RowProblem]
    unreadable: bool = False


def read_term_file(data: bytes, file_name: str, school: School) -> TermFile:
    """Courses from a YAML list (or ``courses:`` mapping) or a CSV with a header row.

    Columns/keys: ``title_zh, title_en, description_zh, description_en, teacher, venue, fee,
    capacity, mode, first_date, time, weeks, opens, closes``. Every row is checked; rows are
    numbered as the staff member sees them (CSV: the header is row 1).
    """
    if len(data) > TERM_FILE_MAX_BYTES:
        return TermFile([], [], unreadable=True)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return TermFile([], [], unreadable=True)
    rows: list[tuple[int, dict[str, object]]] = []
    try:
        if file_name.lower().endswith(".csv"):
            reader = csv.DictReader(io.StringIO(text))
            rows = [(n, dict(r)) for n, r in enumerate(reader, start=2)]
        else:
            loaded = yaml.safe_load(text)
            if isinstance(loaded, dict):
                loaded = loaded.get("courses")
            if not isinstance(loaded, list):
                return TermFile([], [], unreadable=True)
            rows = [
                (n, item if isinstance(item, dict) else {})
                for n, item in enumerate(loaded, start=1)
            ]
    except (yaml.YAMLError, csv.Error):
        return TermFile([], [], unreadable=True)
    if not rows or len(rows) > TERM_FILE_MAX_ROWS:
        return TermFile([], [], unreadable=True)
    drafts: list[CourseDraft] = []
    problems: list[RowProblem] = []
    for number, row in rows:
        clean = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
        draft = draft_from_mapping(clean, school.centre)
        unknown = sorted(set(clean) - set(FIELDS))
        for name in unknown:
            problems.append(RowProblem(number, name, InvalidInput(Problem.UNKNOWN_COLUMN)))
        problems += [RowProblem(number, field, problem) for field, problem in draft.errors]
        drafts.append(draft)
    return TermFile(drafts, problems)
