"""Events and reminders: finding due reminders among 100,000 stored, and a 5,000 burst.

``python -m bench events`` (add ``--quick`` for a 600-reminder burst, ``--pg=URL`` naming an
empty database to run the lookup on PostgreSQL as well; ``--batch=N`` to try another outbox
sender batch size). Prints:

* the time to find the due reminders with 100,000 future reminders stored (50,000 sign-ups
  × 2 default lead times over a year of events), median of 20 runs; target < 50 ms;
* a burst of N reminders due in the same minute, written by the job and delivered through the
  real sender and rate limiter to the emulator with flood control on at real scale (30/s);
  target ≥ 95% of 30/s, with no 429.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from bot.app import build_runtime
from bot.centre import load_centre
from bot.clock import ManualClock
from bot.features import MANIFESTS
from bot.features.events import service as events
from bot.features.events.models import Event, EventSignup
from bot.features.reminders import handlers as reminder_handlers
from bot.i18n import Catalog
from bot.services import reminders
from bot.settings import Settings
from bot.storage.db import Database, create_database
from bot.storage.migrate import upgrade_to_head
from bot.storage.models import OutboxMessage, User
from bot.testing import running_bot
from frontdesk_emulator import BotApiEmulator, FloodLimits

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


async def _people(db: Database, count: int, first_id: int = 10_000) -> list[int]:
    rows = [
        {
            "telegram_id": first_id + i,
            "first_name": f"R{i}",
            "language": "zh" if i % 3 else "en",
            "language_chosen": False,
            "created_at": NOW,
            "last_seen_at": NOW,
        }
        for i in range(count)
    ]
    async with db.transaction() as session:
        for start in range(0, count, 5000):
            await session.execute(insert(User), rows[start : start + 5000])
        return list(await session.scalars(select(User.id).order_by(User.id)))


async def _events(db: Database, starts: list[datetime], people: list[int], per_event: int) -> None:
    async with db.transaction() as session:
        for index, start in enumerate(starts):
            event = Event(
                title_zh=f"活动{index}",
                title_en=f"Event {index}",
                description_zh="介绍",
                description_en="About",
                venue_id="canteen",
                starts_at=start,
                ends_at=start + timedelta(hours=2),
                capacity=None,
                taken=per_event,
                status=events.SCHEDULED,
                created_at=NOW,
                updated_at=NOW,
            )
            session.add(event)
            await session.flush()
            chosen = [people[(index * per_event + k) % len(people)] for k in range(per_event)]
            await session.execute(
                insert(EventSignup),
                [
                    {
                        "event_id": event.id,
                        "user_id": u,
                        "status": "active",
                        "signed_up_at": NOW - timedelta(days=30),
                    }
                    for u in chosen
                ],
            )


def _planner(leads: tuple[str, ...] = reminders.DEFAULT_LEADS) -> reminders.Reminders:
    planner = reminders.Reminders(
        Catalog(), load_centre(ROOT / "config" / "centre.yaml"), default_leads=leads
    )
    for source in (s for manifest in MANIFESTS for s in manifest.reminders()):
        planner.register(source)
    return planner


async def lookup(url: str) -> None:
    """100,000 future reminders stored; time to find those due now."""
    db = create_database(url)
    await upgrade_to_head(db)
    people = await _people(db, 10_000)
    # 1,000 events over the coming year (every ~8.8 hours), 50 sign-ups each.
    starts = [NOW + timedelta(hours=3) + timedelta(minutes=525 * i) for i in range(1000)]
    await _events(db, starts, people, 50)
    planner = _planner()
    stored = 1000 * 50 * len(planner.default_leads)
    # Enqueue what is due at NOW (the first events' evening reminders), then time steady runs.
    async with db.transaction() as session:
        first = await planner.enqueue_due_reminders(session, NOW)
    finds: list[float] = []
    ticks: list[float] = []
    for _ in range(20):
        async with db.read() as session:
            began = time.perf_counter()
            due = await planner.find_due(session, NOW)
            finds.append((time.perf_counter() - began) * 1000)
        async with db.transaction() as session:
            began = time.perf_counter()
            await planner.enqueue_due_reminders(session, NOW)
            ticks.append((time.perf_counter() - began) * 1000)
    await db.dispose()
    print(
        f"[{url.split('+')[0]}] {stored:,} future reminders stored; first run wrote "
        f"{first.enqueued}; then find_due: median {statistics.median(finds):.1f} ms "
        f"(max {max(finds):.1f}), whole job run: median {statistics.median(ticks):.1f} ms "
        f"({len(due)} left due) — target < 50 ms"
    )


async def burst(url: str, count: int, batch_size: int | None = None) -> None:
    """``count`` reminders due in the same minute, delivered with flood control on."""
    db = create_database(url)
    await upgrade_to_head(db)
    people = await _people(db, count)
    start = NOW + timedelta(hours=5)
    per_event = 100
    await _events(db, [start] * (count // per_event), people, per_event)
    clock = ManualClock(start - timedelta(hours=1))
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        token=None,
        database_url=url,
        centre_file=ROOT / "config" / "centre.yaml",
        rate_limit=True,
    )
    settings.reminders.default_leads = "60"
    if batch_size is not None:
        settings.delivery.batch_size = batch_size
    runtime = build_runtime(settings, load_centre(settings.centre_file), database=db, clock=clock)
    emulator = BotApiEmulator(token="123456:BENCH-token-not-real", flood=FloodLimits(enabled=True))
    await emulator.start()
    for i in range(count):
        emulator.user(10_000 + i, first_name=f"R{i}", language_code="zh")
    try:
        async with running_bot(runtime, emulator) as app:
            began = time.perf_counter()
            report = await reminder_handlers.tick(app)
            written = time.perf_counter() - began
            while True:
                async with db.read() as session:
                    left = await session.scalar(
                        select(OutboxMessage.id)
                        .where(OutboxMessage.status.in_(["pending", "sending"]))
                        .limit(1)
                    )
                if left is None:
                    break
                await asyncio.sleep(0.5)
    finally:
        await emulator.stop()
        await db.dispose()
    sends = [r for r in emulator.requests if r.method == "sendMessage"]
    ok = [r for r in sends if r.status == 200]
    refused = [r for r in sends if r.status == 429]
    span = ok[-1].at - ok[0].at
    rate = (len(ok) - 1) / span if span > 0 else float("inf")
    print(
        f"burst: {report.enqueued:,} reminders written in {written:.2f} s; {len(ok):,} delivered "
        f"in {span:.1f} s = {rate:.2f}/s ({rate / 30 * 100:.1f}% of 30/s), "
        f"{len(refused)} refused with 429 (sender batch {settings.delivery.batch_size}) "
        "— target ≥ 95%"
    )


def main() -> None:
    args = sys.argv[1:]
    quick = "--quick" in args
    batch = [int(a.removeprefix("--batch=")) for a in args if a.startswith("--batch=")]
    postgres = [a.removeprefix("--pg=") for a in args if a.startswith("--pg=")]
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(lookup(f"sqlite+aiosqlite:///{folder}/lookup.db"))
        for url in postgres:
            asyncio.run(lookup(url))
        asyncio.run(
            burst(
                f"sqlite+aiosqlite:///{folder}/burst.db",
                600 if quick else 5000,
                batch[0] if batch else None,
            )
        )


if __name__ == "__main__":
    main()
