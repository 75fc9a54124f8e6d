"""Night school: sign-ups per second at a 20-seat course, and the lottery draw for 50,000.

Service level: every applicant signs up in their own transaction, all at once
(``asyncio.gather``, at most 64 in flight like the application's update processor),
exactly as the handler does, on SQLite (a temporary file) and on
PostgreSQL (a temporary database at FRONTDESK_BENCH_POSTGRES_URL or the test server); the
invariants are checked after each run. The draw includes writing the ranks, moving every
application and queueing the result messages; it is repeated (median shown).
``--draw-only`` skips the sign-up bursts.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
from sqlalchemy import insert, text

from bot.centre import load_centre
from bot.features.nightschool import courses, enrolment, lottery
from bot.features.nightschool.common import School
from bot.features.nightschool.inputs import CourseDraft
from bot.features.nightschool.models import Course, Enrolment
from bot.i18n import Catalog
from bot.settings import NightschoolSettings
from bot.storage.db import Database, create_database
from bot.storage.migrate import upgrade_to_head
from bot.storage.models import User

ROOT = Path(__file__).resolve().parents[1]
PG_ADMIN = os.environ.get(
    "FRONTDESK_BENCH_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
# As many at once as the application handles concurrently (FRONTDESK_MAX_CONCURRENT_UPDATES).
CONCURRENCY = 64
# Each draw is of a fresh course with 50,000 new applicants; the median is reported.
DRAW_REPEATS = 3


def _draft(capacity: int, mode: str) -> CourseDraft:
    from datetime import date
    from datetime import time as clock

    return CourseDraft(
        title_zh="书法", title_en="Calligraphy", description_zh="-", description_en="-",
        teacher="T", venue_id="canteen", fee_fen=0, capacity=capacity, mode=mode,
        first_date=date(2026, 3, 18), start=clock(19), end=clock(20), weeks=4,
        opens_at=NOW - timedelta(hours=1), closes_at=NOW + timedelta(days=7),
    )  # fmt: skip


async def _people(db: Database, count: int, offset: int) -> list[int]:
    async with db.transaction() as session:
        await session.execute(
            insert(User),
            [
                {
                    "telegram_id": offset + n,
                    "first_name": f"R{n}",
                    "language": "zh",
                    "language_chosen": False,
                    "created_at": NOW,
                    "last_seen_at": NOW,
                }
                for n in range(count)
            ],
        )
        rows = await session.execute(
            text("SELECT id FROM users WHERE telegram_id >= :a AND telegram_id < :b ORDER BY id"),
            {"a": offset, "b": offset + count},
        )
        return [int(r[0]) for r in rows]


async def _course(db: Database, school: School, capacity: int, mode: str = "fcfs") -> int:
    async with db.transaction() as session:
        course_id = await courses.create_course(session, school, _draft(capacity, mode), None, NOW)
        await courses.publish(session, course_id, NOW)
    return course_id


async def _burst(db: Database, school: School, applicants: int, offset: int) -> float:
    course_id = await _course(db, school, 20)
    people = await _people(db, applicants, offset)

    gate = asyncio.Semaphore(CONCURRENCY)

    async def one(user_id: int) -> str:
        async with gate, db.transaction() as session:
            return (await enrolment.sign_up(session, school, course_id, user_id, NOW)).code

    started = time.perf_counter()
    codes = await asyncio.gather(*(one(p) for p in people))
    elapsed = time.perf_counter() - started
    assert codes.count("enrolled") == 20, codes.count("enrolled")
    assert codes.count("waitlisted") == applicants - 20
    async with db.read() as session:
        taken = await session.scalar(text(f"SELECT taken FROM courses WHERE id = {course_id}"))
    assert taken == 20
    return applicants / elapsed


async def _draw(
    db: Database, school: School, applications: int, offset: int
) -> tuple[float, float]:
    course_id = await _course(db, school, 500, "lottery")
    people = await _people(db, applications, offset)
    async with db.transaction() as session:
        await session.execute(
            insert(Enrolment),
            [
                {
                    "course_id": course_id,
                    "user_id": p,
                    "status": "applied",
                    "seq": n,
                    "created_at": NOW,
                    "updated_at": NOW,
                }
                for n, p in enumerate(people, start=1)
            ],
        )
        await session.execute(
            text(f"UPDATE courses SET last_seq = {applications} WHERE id = {course_id}")
        )
    after = NOW + timedelta(days=8)
    started = time.perf_counter()
    async with db.transaction() as session:
        result = await lottery.draw(
            session, school, course_id, after, seed="20260302", notify=False
        )
        drawn = time.perf_counter()
        course = await session.get(Course, course_id)
        assert course is not None
        await lottery.notify_draw(session, school, course, result.seed, after)
    finished = time.perf_counter()
    assert result.applications == applications
    assert result.winners == 500
    return drawn - started, finished - started


async def _run(label: str, db: Database, school: School) -> None:
    await upgrade_to_head(db)
    if "--draw-only" not in sys.argv:
        for n, applicants in enumerate((500, 5000)):
            rate = await _burst(db, school, applicants, 1_000_000 * (n + 1))
            print(
                f"{label:10} sign-ups, 20 seats, {applicants:5} applicants: {rate:8.0f} per second"
            )
    draws = [await _draw(db, school, 50_000, 10_000_000 * (n + 1)) for n in range(DRAW_REPEATS)]
    times = ", ".join(f"{d:.2f}" for d, _ in draws)
    print(f"{label:10} lottery draw, 50,000 applications:        "
          f"{statistics.median(d for d, _ in draws):8.2f} s median ({times})")  # fmt: skip
    totals = ", ".join(f"{t:.2f}" for _, t in draws)
    print(f"{label:10} ... plus 50,000 result messages, committed: "
          f"{statistics.median(t for _, t in draws):8.2f} s median ({totals})")  # fmt: skip


async def _postgres(school: School) -> None:
    name = f"frontdesk_bench_{uuid.uuid4().hex[:8]}"
    admin = PG_ADMIN.replace("postgresql+asyncpg://", "postgresql://")
    try:
        connection = await asyncpg.connect(admin, timeout=5)
    except (OSError, asyncpg.PostgresError) as exc:
        print(f"PostgreSQL   skipped: {exc}")
        return
    await connection.execute(f'CREATE DATABASE "{name}"')
    await connection.close()
    base, _, _ = PG_ADMIN.rpartition("/")
    db = create_database(f"{base}/{name}")
    try:
        await _run("PostgreSQL", db, school)
    finally:
        await db.dispose()
        connection = await asyncpg.connect(admin, timeout=5)
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await connection.close()


async def _main() -> None:
    school = School(Catalog(), load_centre(ROOT / "config" / "centre.yaml"), NightschoolSettings())
    with tempfile.TemporaryDirectory() as folder:
        db = create_database(f"sqlite+aiosqlite:///{folder}/bench.db")
        try:
            await _run("SQLite", db, school)
        finally:
            await db.dispose()
    await _postgres(school)


def main() -> None:
    print("service level: one transaction per sign-up, all fired at once, 64 in flight")
    asyncio.run(_main())
