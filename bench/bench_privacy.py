"""Privacy and abuse figures: the flood guard's cost per update, /mydata and /forgetme times."""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import update

from bot.services import audit, outbox, privacy, users
from bot.services.abuse import FloodGuard
from bot.settings import PrivacySettings
from bot.storage.db import create_database
from bot.storage.migrate import upgrade_to_head
from bot.storage.models import OutboxMessage

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


def bench_flood_guard() -> None:
    """Nanoseconds per check: one busy person, and 10,000 people in turn."""
    guard = FloodGuard(burst=20, window=10, cooldown=60)
    rounds = 200_000
    start = time.perf_counter_ns()
    for _ in range(rounds):
        guard.check(42)
    one = (time.perf_counter_ns() - start) / rounds
    guard = FloodGuard(burst=20, window=10, cooldown=60)
    start = time.perf_counter_ns()
    for n in range(rounds):
        guard.check(n % 10_000)
    many = (time.perf_counter_ns() - start) / rounds
    print(f"flood guard: {one:.0f} ns/update (one person), {many:.0f} ns/update (10,000 people)")


async def bench_profile_cache(rounds: int = 200_000, checks: int = 200) -> None:
    """The profile cache's cross-instance check: what every update pays (``due()``, no
    counter read between rechecks), and one recheck's read of the ``profiles`` counter."""
    cache = users.ProfileCache()
    await asyncio.sleep(0)
    start = time.perf_counter_ns()
    for _ in range(rounds):
        cache.get(42)
    before = (time.perf_counter_ns() - start) / rounds
    start = time.perf_counter_ns()
    for _ in range(rounds):
        cache.due()
        cache.get(42)
    per_update = (time.perf_counter_ns() - start) / rounds
    with tempfile.TemporaryDirectory() as folder:
        db = create_database(f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}")
        try:
            await upgrade_to_head(db)
            start = time.perf_counter_ns()
            for _ in range(checks):
                await cache.revalidate(db)
            recheck = (time.perf_counter_ns() - start) / checks / 1e6
        finally:
            await db.dispose()
    print(
        f"profile cache: {per_update:.0f} ns/update for due() and get() ({before:.0f} ns for "
        f"get() alone); a recheck of the profiles counter (every 2 s per instance, SQLite): "
        f"{recheck:.2f} ms"
    )


async def bench_data_rights(people: int = 1000, messages_each: int = 20) -> None:
    """Export and forget one person among ``people``, each with ``messages_each`` messages."""
    with tempfile.TemporaryDirectory() as folder:
        db = create_database(f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}")
        try:
            await upgrade_to_head(db)
            async with db.transaction() as session:
                ids = []
                for n in range(people):
                    person = users.Person(100_000 + n, f"Resident{n}", None, f"user{n}", "zh")
                    ids.append((await users.register(session, person, NOW)).id)
                for n, user_id in enumerate(ids):
                    for m in range(messages_each):
                        await outbox.enqueue(
                            session,
                            chat_id=100_000 + n,
                            user_id=user_id,
                            text=f"message {m}",
                            source="bench",
                            now=NOW - timedelta(days=m * 20),
                        )
                    await audit.record(
                        session,
                        actor_id=ids[0],
                        actor_name="Staff",
                        action="bench",
                        subject=f"user:{100_000 + n}",
                        now=NOW,
                    )
                await session.execute(update(OutboxMessage).values(status=outbox.SENT))
                for n in range(0, people, 10):  # every tenth resident blocked the bot long ago
                    await users.mark_blocked(session, 100_000 + n, NOW - timedelta(days=100))
            target = ids[people // 2 + 1]
            # Built (and the features' modules imported) once per process, as in the bot.
            registry = privacy.sections()
            start = time.perf_counter()
            async with db.read() as session:
                export = await privacy.export_user(session, target, NOW, registry)
            exported = time.perf_counter() - start
            size = len(privacy.export_json(export))
            start = time.perf_counter()
            async with db.transaction() as session:
                await privacy.forget_user(session, target, NOW, registry)
            forgotten = time.perf_counter() - start
            start = time.perf_counter()
            done = await privacy.apply_retention(db, NOW, PrivacySettings(), registry)
            retained = time.perf_counter() - start
            print(
                f"SQLite, {people} residents x {messages_each} messages: /mydata export "
                f"{exported * 1000:.1f} ms ({size} bytes), /forgetme {forgotten * 1000:.1f} ms, "
                f"retention pass {retained * 1000:.1f} ms ({done})"
            )
        finally:
            await db.dispose()


def main() -> None:
    bench_flood_guard()
    asyncio.run(bench_profile_cache())
    if "--quick" not in sys.argv:
        asyncio.run(bench_data_rights())
