"""What every night-school service shares: statuses, the environment, text helpers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from enum import StrEnum
from typing import Final

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import dates
from bot.centre import Centre
from bot.features.nightschool.models import Course
from bot.i18n import Catalog
from bot.settings import NightschoolSettings
from bot.storage.models import User


class CourseStatus(StrEnum):
    """A course's life cycle (``courses.status``)."""

    DRAFT = "draft"
    PUBLISHED = "published"
    CANCELLED = "cancelled"


class Mode(StrEnum):
    """How seats are given (``courses.mode``)."""

    FCFS = "fcfs"
    LOTTERY = "lottery"


class EnrolmentStatus(StrEnum):
    """A person's place on a course (``enrolments.status``)."""

    ENROLLED = "enrolled"
    WAITLISTED = "waitlisted"
    OFFERED = "offered"
    APPLIED = "applied"
    WITHDRAWN = "cancelled"
    DECLINED = "declined"
    EXPIRED = "expired"


class SessionStatus(StrEnum):
    """One class meeting (``course_sessions.status``)."""

    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


# The short names the services use.
DRAFT, PUBLISHED, CANCELLED = CourseStatus
FCFS, LOTTERY = Mode
# A seat is held by ENROLLED and OFFERED (``courses.taken`` counts them).
ENROLLED, WAITLISTED, OFFERED, APPLIED, WITHDRAWN, DECLINED, EXPIRED = EnrolmentStatus
SCHEDULED = SessionStatus.SCHEDULED
HOLDING_SEAT: Final = (ENROLLED, OFFERED)
ACTIVE: Final = (ENROLLED, OFFERED, WAITLISTED, APPLIED)

SOURCE = "nightschool"


@dataclass(frozen=True, slots=True)
class School:
    """The pieces of the runtime the night-school services need (no Telegram in here)."""

    catalog: Catalog
    centre: Centre
    rules: NightschoolSettings

    @property
    def zone(self) -> tzinfo:
        return self.centre.zone

    def text(self, lang: str, key: str, /, **args: object) -> str:
        return self.catalog.text(lang, key, **args)

    def title(self, course: Course, lang: str) -> str:
        return course.title_en if lang == "en" else course.title_zh

    def venue(self, venue_id: str, lang: str) -> str:
        """The venue's name from the centre's data, or its id if the data does not know it."""
        venue = self.centre.venue(venue_id)
        return venue.name.get(lang) if venue is not None else venue_id

    def when(self, moment: datetime, lang: str) -> str:
        """A date and time as residents read it, in the centre's zone."""
        return dates.day_and_time(moment, self.zone, lang)

    def span(self, starts_at: datetime, ends_at: datetime, lang: str) -> str:
        """A class as residents plan their evening: its day, start and end ("19:00–20:30")."""
        return f"{self.when(starts_at, lang)}–{dates.clock_time(ends_at.astimezone(self.zone))}"

    def fee(self, fen: int, lang: str) -> str:
        if fen == 0:
            return self.text(lang, "ns-fee-free")
        return self.text(lang, "ns-fee", amount=f"{fen // 100}.{fen % 100:02d}")


@dataclass(frozen=True, slots=True)
class Recipient:
    user_id: int
    chat_id: int
    language: str


async def recipient(session: AsyncSession, user_id: int) -> Recipient:
    row = (
        await session.execute(select(User.telegram_id, User.language).where(User.id == user_id))
    ).one()
    return Recipient(user_id, row.telegram_id, row.language)
