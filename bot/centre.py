"""The centre's own data (``config/centre.yaml``): who it is, its venues, its first staff.

The file is meant to be edited by people; :func:`load_centre` validates it and reports every
problem with its place in the file instead of a traceback.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

Role = Literal["staff", "organiser", "admin"]


class CentreDataError(Exception):
    """The centre's data file is missing or invalid; the message says where and why."""


class Localized(BaseModel):
    """A text in Chinese and English."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


class StaffEntry(BaseModel):
    """A person who holds staff roles from the first start on."""

    model_config = ConfigDict(extra="forbid")

    telegram_id: int = Field(gt=0)
    name: str = Field(min_length=1)
    roles: list[Role] = Field(min_length=1)


# --- Opening hours (feature "hours") -------------------------------------------------------

WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
IntervalLabel = Literal["breakfast", "lunch", "dinner"]
HolidayRule = Literal["closed", "makeup_workday_hours", "ignore"]
Festival = Literal[
    "new_year",
    "spring_festival",
    "tomb_sweeping",
    "labour_day",
    "dragon_boat",
    "mid_autumn",
    "national_day",
    "other",
]
_INTERVAL_RE = re.compile(
    r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})(?:\s+(breakfast|lunch|dinner))?\s*$"
)


class Interval(BaseModel):
    """Open from ``start`` to ``end``, in minutes after local midnight of the day it belongs to.

    Written ``"07:00-09:00"`` (optionally followed by ``breakfast``/``lunch``/``dinner``); an end
    at or before the start means the next day (``"18:00-01:30"`` closes at 01:30 the next
    morning), so ``end`` may exceed 1440.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int = Field(ge=0, lt=1440)
    end: int = Field(gt=0, le=2880)
    label: IntervalLabel | None = None

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        match = _INTERVAL_RE.fullmatch(value)
        if match is None:
            raise ValueError(f"{value!r} is not like '07:00-09:00' (optionally ' lunch')")
        h1, m1, h2, m2 = (int(match.group(i)) for i in range(1, 5))
        if h1 > 23 or m1 > 59 or h2 > 24 or m2 > 59 or (h2 == 24 and m2 != 0):
            raise ValueError(f"{value!r} has an impossible time")
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if end <= start:
            end += 1440
        return {"start": start, "end": end, "label": match.group(5)}

    @model_validator(mode="after")
    def _ordered(self) -> Interval:
        if self.end <= self.start or self.end - self.start > 1440:
            raise ValueError("an interval lasts more than nothing and at most a day")
        return self


class WeeklyHours(BaseModel):
    """The usual week: a list of intervals per weekday (empty: closed that day)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    mon: tuple[Interval, ...] = ()
    tue: tuple[Interval, ...] = ()
    wed: tuple[Interval, ...] = ()
    thu: tuple[Interval, ...] = ()
    fri: tuple[Interval, ...] = ()
    sat: tuple[Interval, ...] = ()
    sun: tuple[Interval, ...] = ()

    def on(self, weekday: int) -> tuple[Interval, ...]:
        """Intervals of ``weekday`` (0 = Monday)."""
        intervals: tuple[Interval, ...] = getattr(self, WEEKDAYS[weekday])
        return intervals


class DateException(BaseModel):
    """Closed, or special hours, from ``from`` to ``to`` (inclusive; one day without ``to``)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    start: date = Field(alias="from")
    end: date | None = Field(default=None, alias="to")
    closed: bool = False
    hours: tuple[Interval, ...] = ()
    reason: Localized | None = None

    @model_validator(mode="after")
    def _consistent(self) -> DateException:
        if self.end is not None and self.end < self.start:
            raise ValueError("'to' is before 'from'")
        if self.closed == bool(self.hours):
            raise ValueError("give either 'closed: true' or 'hours', not both or neither")
        return self

    @property
    def last(self) -> date:
        return self.end or self.start


class VenueHours(BaseModel):
    """When a venue is open: the week, dated exceptions and what holidays do to it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    weekly: WeeklyHours = WeeklyHours()
    # closed: shut on statutory holidays, open on 调休 make-up working days with the hours of
    # the weekday the make-up day stands for; makeup_workday_hours: the same (explicit name);
    # ignore: the weekly pattern whatever the calendar says.
    holiday_rule: HolidayRule = "closed"
    exceptions: tuple[DateException, ...] = ()


class FaqEntry(BaseModel):
    """A frequent question: a short title (for buttons), ways residents ask it, the answer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]{1,31}$")
    title: Localized
    phrasings: tuple[str, ...] = Field(min_length=2)
    answer: Localized
    # Topic words (either language) that an answer must be backed by; a word of a synonym
    # group in bot/understanding/concepts.py stands for its whole group ("收费" is
    # also "多少钱", "how much"). Without keywords, only close phrasings answer.
    keywords: tuple[str, ...] = ()


class HolidayYear(BaseModel):
    """One year of the State Council's notice, typed in before the holiday package knows it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    holidays: dict[date, Festival] = Field(default_factory=dict)
    # each make-up working day (调休) with the weekday whose hours it keeps
    workdays: dict[date, Weekday] = Field(default_factory=dict)


class Location(BaseModel):
    """Where a venue is on the map (WGS-84, as Telegram's map pins want it)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)


class Venue(BaseModel):
    """A place residents ask about."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]{1,31}$")
    name: Localized
    station: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    address: Localized | None = None
    # The map pin sent with the address (issue 16); without it the address is text only.
    location: Location | None = None
    phone: str | None = None
    notes: Localized | None = None
    hours: VenueHours | None = None


class Centre(BaseModel):
    """The whole data file."""

    model_config = ConfigDict(extra="allow")

    name: Localized
    timezone: str = "Asia/Shanghai"
    staff: list[StaffEntry] = Field(default_factory=list)
    venues: list[Venue] = Field(default_factory=list)
    faq: list[FaqEntry] = Field(default_factory=list)
    holiday_overrides: dict[int, HolidayYear] = Field(default_factory=dict)

    @field_validator("faq")
    @classmethod
    def _unique_faq(cls, entries: list[FaqEntry]) -> list[FaqEntry]:
        ids = [entry.id for entry in entries]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"faq ids appear twice: {duplicates}")
        return entries

    @model_validator(mode="after")
    def _overrides_in_their_year(self) -> Centre:
        for year, notice in self.holiday_overrides.items():
            days = [*notice.holidays, *notice.workdays]
            wrong = [d.isoformat() for d in days if d.year != year]
            if wrong:
                raise ValueError(f"holiday_overrides.{year} lists dates of another year: {wrong}")
            both = sorted(set(notice.holidays) & set(notice.workdays))
            if both:
                raise ValueError(f"holiday_overrides.{year}: both holiday and workday: {both}")
        return self

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("venues")
    @classmethod
    def _unique_venues(cls, venues: list[Venue]) -> list[Venue]:
        seen: set[str] = set()
        for venue in venues:
            if venue.id in seen:
                raise ValueError(f"venue id {venue.id!r} appears twice")
            seen.add(venue.id)
        return venues

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def venue(self, venue_id: str) -> Venue | None:
        return next((v for v in self.venues if v.id == venue_id), None)


def _describe(error: ValidationError, path: Path) -> str:
    lines = [f"{path}: {error.error_count()} problem(s)"]
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]) or "(top level)"
        lines.append(f"  - {where}: {item['msg']}")
    return "\n".join(lines)


def parse_centre(data: object, source: Path) -> Centre:
    """Validate already-loaded YAML data."""
    try:
        return Centre.model_validate(data)
    except ValidationError as exc:
        raise CentreDataError(_describe(exc, source)) from None


def load_centre(path: Path) -> Centre:
    """Read and validate the centre's data file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CentreDataError(
            f"{path}: cannot read the centre's data file ({exc.strerror})"
        ) from None
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise CentreDataError(f"{path}: not valid YAML: {exc}") from None
    return parse_centre(data, path)
