"""Parsing what staff type or upload about a course; every value has a bound.

Each parser returns the value or raises :class:`InvalidInput` with a code; the handlers turn
the code into a polite text in the staff member's language (``ns-err-<code>``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding import staff_input

TITLE_MAX = 80
DESCRIPTION_MAX = 1000
TEACHER_MAX = 64
FEE_MAX_FEN = 10_000_00
CAPACITY_MAX = 5000
WEEKS_MAX = 52

_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_TIME = re.compile(r"^([01]?\d|2[0-3])[:：]([0-5]\d)$")
_MONEY = re.compile(r"^(\d{1,6})(?:\.(\d{1,2}))?$")
_MODES = {
    "fcfs": "fcfs",
    "1": "fcfs",
    "先到先得": "fcfs",
    "first come": "fcfs",
    "lottery": "lottery",
    "2": "lottery",
    "抽签": "lottery",
    "摇号": "lottery",
}


class Problem(StrEnum):
    """Why a value staff typed cannot be used (each has its text, ``ns-err-…``)."""

    CLOSES_AFTER_START = "closes-after-start"
    DATE = "date"
    FIRST_CLASS_PAST = "first-class-past"
    EMPTY = "empty"
    FEE = "fee"
    MODE = "mode"
    MOMENT = "moment"
    NUMBER = "number"
    ONE_LINE = "one-line"
    TIME = "time"
    TIME_RANGE = "time-range"
    TOO_LONG = "too-long"
    UNKNOWN_COLUMN = "unknown-column"
    VENUE = "venue"
    WINDOW = "window"


class InvalidInput(ValueError):
    """A value that cannot be used; ``code`` says why (its text: the handlers' table)."""

    def __init__(self, code: Problem, **args: object) -> None:
        super().__init__(code)
        self.code = code
        self.args_ = args


def text_line(value: object, limit: int) -> str:
    text = str(value if value is not None else "").strip()
    if not text:
        raise InvalidInput(Problem.EMPTY)
    if "\n" in text:
        raise InvalidInput(Problem.ONE_LINE)
    if len(text) > limit:
        raise InvalidInput(Problem.TOO_LONG, limit=limit)
    return text


def text_block(value: object, limit: int) -> str:
    text = str(value if value is not None else "").strip()
    if not text:
        raise InvalidInput(Problem.EMPTY)
    if len(text) > limit:
        raise InvalidInput(Problem.TOO_LONG, limit=limit)
    return text


def whole_number(value: object, low: int, high: int) -> int:
    text = str(value if value is not None else "").strip()
    if not re.fullmatch(r"\d{1,7}", text):
        raise InvalidInput(Problem.NUMBER, low=low, high=high)
    number = int(text)
    if not low <= number <= high:
        raise InvalidInput(Problem.NUMBER, low=low, high=high)
    return number


def fee_fen(value: object) -> int:
    """Yuan as typed (``30``, ``12.5``, ``0``, ``¥30``) to fen."""
    text = str(value if value is not None else "").strip().lstrip("¥￥").strip()
    match = _MONEY.fullmatch(text)
    if match is None:
        raise InvalidInput(Problem.FEE)
    fen = int(match.group(1)) * 100 + int((match.group(2) or "0").ljust(2, "0"))
    if fen > FEE_MAX_FEN:
        raise InvalidInput(Problem.FEE)
    return fen


def mode(value: object) -> str:
    key = str(value if value is not None else "").strip().lower()
    if key not in _MODES:
        raise InvalidInput(Problem.MODE)
    return _MODES[key]


def venue(value: object, centre: Centre) -> str:
    """A venue of the centre's data, by id, name or alias."""
    text = str(value if value is not None else "").strip()
    for known in centre.venues:
        names = {known.id, known.name.zh, known.name.en, *known.aliases}
        if text.lower() in {n.lower() for n in names}:
            return known.id
    raise InvalidInput(Problem.VENUE, known=", ".join(v.id for v in centre.venues))


def day(value: object) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    match = _DATE.fullmatch(str(value if value is not None else "").strip())
    if match is None:
        raise InvalidInput(Problem.DATE)
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise InvalidInput(Problem.DATE) from None


def clock_time(value: object) -> time:
    match = _TIME.fullmatch(str(value if value is not None else "").strip())
    if match is None:
        raise InvalidInput(Problem.TIME)
    return time(int(match.group(1)), int(match.group(2)))


def time_range(value: object) -> tuple[time, time]:
    """``19:00-20:30`` (also with ``–``, ``~`` or ``到``)."""
    parts = re.split(r"\s*(?:-|–|—|~|～|到|to)\s*", str(value if value is not None else "").strip())
    if len(parts) != 2:
        raise InvalidInput(Problem.TIME_RANGE)
    start, end = clock_time(parts[0]), clock_time(parts[1])
    if end <= start:
        raise InvalidInput(Problem.TIME_RANGE)
    return start, end


def local_moment(value: object, zone: tzinfo) -> datetime:
    """``2026-03-01 09:00`` in the centre's zone, as aware UTC."""
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=zone)
        return aware.astimezone(UTC)
    parts = str(value if value is not None else "").strip().split()
    if len(parts) != 2:
        raise InvalidInput(Problem.MOMENT)
    try:
        return datetime.combine(day(parts[0]), clock_time(parts[1]), zone).astimezone(UTC)
    except InvalidInput:
        raise InvalidInput(Problem.MOMENT) from None


@dataclass
class CourseDraft:
    """A course as staff describe it, before it is stored."""

    title_zh: str = ""
    title_en: str = ""
    description_zh: str = ""
    description_en: str = ""
    teacher: str = ""
    venue_id: str = ""
    fee_fen: int = 0
    capacity: int = 0
    mode: str = "fcfs"
    first_date: date | None = None
    start: time | None = None
    end: time | None = None
    weeks: int = 0
    opens_at: datetime | None = None
    closes_at: datetime | None = None
    errors: list[tuple[str, InvalidInput]] = field(default_factory=list)


FIELDS = (
    "title_zh",
    "title_en",
    "description_zh",
    "description_en",
    "teacher",
    "venue",
    "fee",
    "capacity",
    "mode",
    "first_date",
    "time",
    "weeks",
    "opens",
    "closes",
)


def apply_field(draft: CourseDraft, name: str, value: object, centre: Centre) -> None:
    """Parse one field into ``draft`` (raises :class:`InvalidInput`)."""
    zone = centre.zone
    if name in ("title_zh", "title_en"):
        setattr(draft, name, text_line(value, TITLE_MAX))
    elif name in ("description_zh", "description_en"):
        setattr(draft, name, text_block(value, DESCRIPTION_MAX))
    elif name == "teacher":
        draft.teacher = text_line(value, TEACHER_MAX)
    elif name == "venue":
        draft.venue_id = venue(value, centre)
    elif name == "fee":
        draft.fee_fen = fee_fen(value)
    elif name == "capacity":
        draft.capacity = whole_number(value, 1, CAPACITY_MAX)
    elif name == "mode":
        draft.mode = mode(value)
    elif name == "first_date":
        draft.first_date = day(value)
    elif name == "time":
        draft.start, draft.end = time_range(value)
    elif name == "weeks":
        draft.weeks = whole_number(value, 1, WEEKS_MAX)
    elif name == "opens":
        draft.opens_at = local_moment(value, zone)
    elif name == "closes":
        closes = local_moment(value, zone)
        if draft.opens_at is not None and closes <= draft.opens_at:
            raise InvalidInput(Problem.WINDOW)
        if draft.first_date is not None and draft.start is not None:
            first = datetime.combine(draft.first_date, draft.start, zone)
            if closes > first:
                raise InvalidInput(Problem.CLOSES_AFTER_START)
        draft.closes_at = closes
    else:
        raise KeyError(name)


def check_first_class_ahead(draft: CourseDraft, now: datetime, zone: tzinfo) -> None:
    """A new course's first class must be ahead of ``now``: one in the past was taken at its
    step, and then every closing time was refused at the last step, with no way back."""
    if draft.first_date is None:
        return
    local = now.astimezone(zone)
    if draft.first_date < local.date():
        raise InvalidInput(Problem.FIRST_CLASS_PAST)
    if draft.start is not None and datetime.combine(draft.first_date, draft.start, zone) <= now:
        raise InvalidInput(Problem.FIRST_CLASS_PAST)


def draft_from_mapping(row: dict[str, object], centre: Centre) -> CourseDraft:
    """A draft from one row of a term file; every problem is collected in ``errors``."""
    draft = CourseDraft()
    for name in FIELDS:
        value = row.get(name)
        if name == "fee" and (value is None or str(value).strip() == ""):
            value = "0"
        if name == "mode" and (value is None or str(value).strip() == ""):
            value = "fcfs"
        try:
            apply_field(draft, name, value, centre)
        except InvalidInput as problem:
            draft.errors.append((name, problem))
    return draft


# Session dates staff may type (the services narrow it further to "from now, two years on").
SESSION_YEARS = (2000, 2100)


def session_times(day_text: object, range_text: object, zone: tzinfo) -> tuple[datetime, datetime]:
    """``2026-03-19`` and ``19:00-20:30`` in the centre's zone → aware UTC start and end.

    The year is bounded before any arithmetic, so ``9999-12-31`` or ``0001-01-01`` is a polite
    refusal rather than an overflow.
    """
    when = day(day_text)
    if not SESSION_YEARS[0] <= when.year <= SESSION_YEARS[1]:
        raise InvalidInput(Problem.DATE)
    start, end = time_range(range_text)
    return (
        datetime.combine(when, start, zone).astimezone(UTC),
        datetime.combine(when, end, zone).astimezone(UTC),
    )


# -- answers in words (issue 16) --------------------------------------------------------------

_WEEKS = re.compile(
    r"^(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?:周|个星期|次|节课?|weeks?|times)?$"
)
_NOW_WORDS = {"现在", "马上", "立即", "立刻", "now", "right now", "immediately"}


@dataclass(frozen=True, slots=True)
class Understood:
    """A staff answer rewritten in the strict form :func:`apply_field` reads, and, for a first
    date given with its hours ("下周四晚上7点到8点半"), the hours as well."""

    text: str
    time_range: str | None = None


def _hhmm(at: time) -> str:
    return f"{at.hour:02d}:{at.minute:02d}"


def from_words(
    name: str, text: str, now: datetime, zone: tzinfo, calendar: HolidayCalendar
) -> Understood:
    """Staff's words for one field ("免费", "二十人", "抽签", "每周二 19:00", "下周四晚上7点到
    8点半", "3月1日上午9点") in the strict form; an answer not understood is passed on as it
    is, so the strict forms keep working and a bad answer gets the field's own error."""
    raw = text.strip()
    today = now.astimezone(zone).date()
    if name == "fee":
        fen = staff_input.parse_price(raw)
        return Understood(raw if fen is None else f"{fen // 100}.{fen % 100:02d}")
    if name == "capacity":
        size = staff_input.parse_size(raw)
        return Understood(raw if not size else str(size))
    if name == "mode":
        return Understood(staff_input.parse_choice(raw, ("fcfs", "lottery")) or raw)
    if name == "weeks":
        match = _WEEKS.match(staff_input.fold_text(raw))
        if match is None:
            return Understood(raw)
        number = match.group("n")
        return Understood(str(int(number) if number.isdigit() else staff_input.cn_count(number)))
    if name == "time":
        found = staff_input.find_clock(raw)
        if found is None or found[0].end is None:
            return Understood(raw)
        return Understood(f"{_hhmm(found[0].start)}-{_hhmm(found[0].end)}")
    if name == "first_date":
        return _first_date(raw, today, calendar)
    if name in ("opens", "closes"):
        if staff_input.fold_text(raw) in _NOW_WORDS:
            return Understood(now.astimezone(zone).strftime("%Y-%m-%d %H:%M"))
        moment = staff_input.parse_moment(raw, now, zone, calendar, end_of_day=name == "closes")
        if moment is None:
            return Understood(raw)
        return Understood(moment.astimezone(zone).strftime("%Y-%m-%d %H:%M"))
    return Understood(raw)


# A half-day named in words or as am / pm: the hours given are meant as written.
_HALF_DAY = re.compile(
    r"凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里|晚|\b[ap]\.?m\b", re.IGNORECASE
)


def session_words(
    text: str, now: datetime, zone: tzinfo, calendar: HolidayCalendar, usual: str | None = None
) -> tuple[str, str] | None:
    """A class's new day and hours from staff's words ("下周四晚上7点到8点半", "3月20日",
    "next Friday 7-8:30pm", or the strict "2026-03-20 19:00-20:30") as the strict
    ``2026-03-20`` and ``19:00-20:30``; ``None`` when not understood (asked again).

    ``usual`` (the class's own hours, ``19:00-20:30``) fills in a day given alone, and reads
    hours written without a half-day the way the class runs: "7点到8点半" for an evening class
    is 19:00-20:30. A half-day without a time ("3月29日下午") is not understood."""
    words = text.split()
    if len(words) == 2 and _DATE.fullmatch(words[0]):  # the strict form, checked as it is
        return words[0], words[1]
    understood = _first_date(text.strip(), now.astimezone(zone).date(), calendar)
    if not _DATE.fullmatch(understood.text):
        return None
    hours, half_day = understood.time_range, _HALF_DAY.search(text) is not None
    if hours is None:
        return None if half_day or usual is None else (understood.text, usual)
    if not half_day and usual is not None and _evening(usual) and not _evening(hours):
        hours = _twelve_later(hours) or hours
    return understood.text, hours


def _evening(hours: str) -> bool:
    return int(hours[:2]) >= 12


def _twelve_later(hours: str) -> str | None:
    """``07:00-08:30`` → ``19:00-20:30``; ``None`` when that would pass midnight."""
    start, end = (time.fromisoformat(part) for part in hours.split("-"))
    if end.hour >= 12:
        return None
    return f"{start.hour + 12:02d}:{start.minute:02d}-{end.hour + 12:02d}:{end.minute:02d}"


def _first_date(raw: str, today: date, calendar: HolidayCalendar) -> Understood:
    day_found = staff_input.find_date(raw, today, calendar)
    weekday = staff_input.find_weekly(raw)
    # "每周二": the next Tuesday from tomorrow. The day reader takes the "周三" in "每周三" for
    # this week's Wednesday, which on a Wednesday is today, and so "already past" by evening.
    if weekday is not None and (day_found is None or day_found <= today):
        day_found = today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)
    if day_found is None:
        return Understood(raw)
    found = staff_input.find_clock(raw)
    hours = None
    if found is not None and found[0].end is not None:
        hours = f"{_hhmm(found[0].start)}-{_hhmm(found[0].end)}"
    return Understood(day_found.isoformat(), hours)
