"""Helpers shared by the night-school tests: a school, residents, ready-made courses."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from bot.centre import Centre
from bot.features.nightschool import courses
from bot.features.nightschool.common import School
from bot.features.nightschool.inputs import CourseDraft
from bot.i18n import Catalog
from bot.services import users
from bot.settings import NightschoolSettings
from bot.storage.db import Database

# The clock of the tests starts on Monday 2 March 2026, 10:00 in Shanghai.
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


def make_school(catalog: Catalog, centre: Centre, **rules: object) -> School:
    return School(catalog, centre, NightschoolSettings.model_validate(rules))


def draft(
    *,
    capacity: int = 20,
    mode: str = "fcfs",
    opens: datetime | None = None,
    closes: datetime | None = None,
    first_date: date = date(2026, 3, 18),
    weeks: int = 4,
    title: str = "Calligraphy",
) -> CourseDraft:
    return CourseDraft(
        title_zh=f"{title}(中)",
        title_en=title,
        description_zh="毛笔字入门",
        description_en="Brush writing for beginners",
        teacher="Ms Chen",
        venue_id="canteen",
        fee_fen=3000,
        capacity=capacity,
        mode=mode,
        first_date=first_date,
        start=time(19, 0),
        end=time(20, 30),
        weeks=weeks,
        opens_at=opens or NOW - timedelta(hours=1),
        closes_at=closes or NOW + timedelta(days=7),
    )


async def published_course(
    db: Database, school: School, now: datetime = NOW, **kwargs: object
) -> int:
    async with db.transaction() as session:
        course_id = await courses.create_course(session, school, draft(**kwargs), None, now)  # type: ignore[arg-type]
        assert await courses.publish(session, course_id, now)
    return course_id


async def residents(
    db: Database, count: int, first_id: int = 10_000, lang: str = "zh"
) -> list[int]:
    """Register ``count`` residents; returns their internal ids (Telegram ids from first_id)."""
    ids = []
    async with db.transaction() as session:
        for n in range(count):
            person = users.Person(first_id + n, f"R{n}", language_code=lang)
            ids.append((await users.register(session, person, NOW)).id)
    return ids
