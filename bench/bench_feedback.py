"""Digest aggregation inside 100,000 feedback rows, on SQLite and PostgreSQL.

Measures, for one day in the middle of the data: the whole day digest
(:func:`bot.features.feedback.digest.build_report`: summary, star distribution, change against the
previous week, per meal, top tags, lowest comments, unresolved items and the 14-day series)
and the 14-day chart data alone; then the tracemalloc peak of the digest at 10,000 and at
100,000 rows, to show memory does not grow with the table. Run:
``python -m bench feedback``.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy import insert, text

from bot.features.feedback import digest
from bot.features.feedback.models import Feedback, FeedbackTag
from bot.settings import FeedbackSettings
from bot.storage.db import Database, create_database
from bot.storage.migrate import upgrade_to_head
from bot.storage.models import User

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
TOTAL = 100_000
SMALL = 10_000
RESIDENTS = 2_000
DAYS = 365
FIRST_DAY = date(2025, 3, 1)
TARGET_DAY = FIRST_DAY + timedelta(days=200)
TAGS = ("taste", "price", "portion", "hygiene", "service", "waiting", "variety")
MEALS = ("breakfast", "lunch", "dinner")
BATCH = 5_000
RUNS = 7


def _rows(start: int, stop: int) -> tuple[list[dict[str, Any]], list[tuple[int, date, str]]]:
    """Feedback rows number ``start..stop`` (deterministic) and their tags by row number.

    Row ``n`` is (day, resident, meal) = a unique triple derived from ``n`` (days first, so
    every day fills evenly), so the unique constraint holds whatever the slice.
    """
    rng = random.Random(start)
    rows: list[dict[str, Any]] = []
    tags: list[tuple[int, date, str]] = []
    for n in range(start, stop):
        rest, day_index = divmod(n, DAYS)
        meal_index, resident = divmod(rest, RESIDENTS)
        day = FIRST_DAY + timedelta(days=day_index)
        meal = MEALS[meal_index % 3]
        stars = rng.choices((1, 2, 3, 4, 5), weights=(5, 8, 20, 40, 27))[0]
        at = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=4)
        rows.append(
            {
                "id": n + 1,
                "user_id": resident + 1,
                "day": day,
                "meal": meal,
                "stars": stars,
                "comment": f"comment {n}" if rng.random() < 0.3 else None,
                "photos": None,
                "anonymous": rng.random() < 0.2,
                "needs_attention": stars <= 2 and rng.random() < 0.1,
                "created_at": at,
                "updated_at": at,
                "revisions": 1,
            }
        )
        for tag in rng.sample(TAGS, rng.choice((0, 1, 1, 2, 3))):
            tags.append((n + 1, day, tag))
    return rows, tags


async def _fill(database: Database, start: int, stop: int) -> None:
    async with database.transaction() as session:
        for offset in range(start, stop, BATCH):
            rows, tags = _rows(offset, min(offset + BATCH, stop))
            await session.execute(insert(Feedback), rows)
            if tags:
                await session.execute(
                    insert(FeedbackTag),
                    [{"feedback_id": f, "day": d, "tag": t} for f, d, t in tags],
                )
    async with database.engine.connect() as connection:
        await connection.execute(text("ANALYZE"))
        await connection.commit()


async def _residents(database: Database) -> None:
    now = datetime(2025, 1, 1, tzinfo=UTC)
    async with database.transaction() as session:
        await session.execute(
            insert(User),
            [
                {
                    "id": n + 1,
                    "telegram_id": 10_000_000 + n,
                    "first_name": f"R{n}",
                    "language": "zh",
                    "language_chosen": False,
                    "created_at": now,
                    "last_seen_at": now,
                }
                for n in range(RESIDENTS)
            ],
        )


async def _timed(action: Callable[[], Awaitable[object]]) -> tuple[float, float]:
    """Median and max of ``RUNS`` runs, in milliseconds (one warm-up run first)."""
    await action()
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        await action()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), max(samples)


async def _peak(action: Callable[[], Awaitable[object]]) -> float:
    """tracemalloc peak (KiB) of one run."""
    await action()
    tracemalloc.start()
    tracemalloc.reset_peak()
    await action()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024


async def _measure(label: str, url: str) -> None:
    database = create_database(url)
    settings = FeedbackSettings()
    try:
        await upgrade_to_head(database)
        await _residents(database)

        async def day_digest() -> object:
            async with database.read() as session:
                return await digest.build_report(session, TARGET_DAY, TARGET_DAY, settings)

        async def chart_data() -> object:
            async with database.read() as session:
                return await digest.chart_series(
                    session, TARGET_DAY - timedelta(days=digest.CHART_DAYS - 1), TARGET_DAY
                )

        started = time.perf_counter()
        await _fill(database, 0, SMALL)
        small_peak = await _peak(day_digest)
        await _fill(database, SMALL, TOTAL)
        fill_seconds = time.perf_counter() - started
        report = await day_digest()
        assert isinstance(report, digest.Report)
        digest_ms = await _timed(day_digest)
        chart_ms = await _timed(chart_data)
        big_peak = await _peak(day_digest)
        print(f"[{label}] inserted {TOTAL:,} feedback rows in {fill_seconds:.1f} s (bulk)")
        print(
            f"[{label}] day digest ({report.count} responses that day): "
            f"median {digest_ms[0]:.1f} ms, max {digest_ms[1]:.1f} ms"
        )
        print(f"[{label}] 14-day chart data: median {chart_ms[0]:.1f} ms, max {chart_ms[1]:.1f} ms")
        print(
            f"[{label}] digest memory peak: {small_peak:.0f} KiB at {SMALL:,} rows, "
            f"{big_peak:.0f} KiB at {TOTAL:,} rows"
        )
        verdict = "OK" if max(digest_ms[1], chart_ms[1]) < 500 else "TOO SLOW"
        print(f"[{label}] under 500 ms: {verdict}")
    finally:
        await database.dispose()


async def _postgres() -> None:
    name = f"bench_feedback_{uuid.uuid4().hex[:8]}"
    try:
        admin = await asyncpg.connect(PG_ADMIN, timeout=5)
    except (OSError, asyncpg.PostgresError) as exc:
        print(f"[postgresql] skipped: no server at {PG_ADMIN} ({exc})")
        return
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        await _measure("postgresql", f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}")
    finally:
        admin = await asyncpg.connect(PG_ADMIN, timeout=5)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


async def _run() -> None:
    with tempfile.TemporaryDirectory() as folder:
        await _measure("sqlite", f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}")
    await _postgres()
    series = [
        digest.DayPoint(TARGET_DAY - timedelta(days=13 - n), 250 + n, 3.5 + n / 50)
        for n in range(14)
    ]
    digest.render_chart(series)  # the first call imports matplotlib and loads its fonts
    started = time.perf_counter()
    png = digest.render_chart(series)
    print(
        f"[chart] PNG 1200x800 rendered in {(time.perf_counter() - started) * 1000:.0f} ms "
        f"(in a worker thread, off the event loop), {len(png) // 1024} KiB"
    )


def main() -> None:
    asyncio.run(_run())
