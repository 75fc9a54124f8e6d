"""Broadcast benchmark: sustained rate against Telegram's limits, memory, interactive latency.

``python -m bench broadcast`` (about 7 minutes) or ``python -m bench broadcast --quick``
(scaled, under a minute).

1. Rate and latency: N residents (10,000; quick: 2,000) on SQLite, the emulator enforcing
   Telegram's limits (time_scale 1; quick: 5) and the bot pacing itself at the same limits.
   The sustained rate is measured between 10 % and 90 % of the broadcast sent; meanwhile
   residents ask /hours (the question residents really ask; it reads the database and the
   holiday calendar) every 0.5 s and the time to its reply is recorded (p50/p99/max).
2. Memory: the emulator runs in a child process (so its record of every message is not
   counted), the bot in this one under tracemalloc. For an audience of 10,000 and of
   100,000 (quick: 2,000 / 20,000) it reports the Python heap peak while confirming the
   broadcast (INSERT … SELECT of every recipient) and while sending its first 5,000 messages
   (quick: 1,000) with pacing off.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime
from datetime import time as clock_time
from pathlib import Path

from sqlalchemy import insert

from bot.app import build_application, build_runtime, serving
from bot.centre import load_centre
from bot.clock import SystemClock
from bot.features.broadcast import service
from bot.services import outbox, users
from bot.settings import DeliverySettings, Settings
from bot.storage.db import Database, create_database
from bot.storage.migrate import upgrade_to_head
from bot.storage.models import User
from bot.testing import running_bot
from frontdesk_emulator import BotApiEmulator, BotMessage, FloodLimits

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "123456:BENCH-token-not-real"
FIRST_ID = 10_000_000
STAFF_ID = 9_999_999
NO_QUIET = (clock_time(0, 0), clock_time(0, 0))
os.environ.setdefault("PTB_TIMEDELTA", "true")


def _settings(url: str, scale: float, *, pacing: bool) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        token=None,
        database_url=url,
        centre_file=ROOT / "config" / "centre.yaml",
        rate_limit=pacing,
        admin_ids=[],
        delivery=DeliverySettings(
            free_per_second=30 * scale,
            overall_per_second=30 * scale,
            private_per_second=1 * scale,
            group_per_minute=20 * scale,
        ),
    )


async def _database(folder: str) -> tuple[str, Database]:
    url = f"sqlite+aiosqlite:///{folder}/bench.db"
    database = create_database(url)
    await upgrade_to_head(database)
    return url, database


async def _residents(database: Database, count: int) -> None:
    now = datetime.now(UTC)
    async with database.transaction() as session:
        for start in range(0, count, 10_000):
            rows = [
                {
                    "telegram_id": FIRST_ID + n,
                    "first_name": f"R{n}",
                    "language": "zh",
                    "language_chosen": False,
                    "created_at": now,
                    "last_seen_at": now,
                }
                for n in range(start, min(start + 10_000, count))
            ]
            await session.execute(insert(User), rows)
        await users.ensure_staff(session, STAFF_ID, "Bench", ["staff"], now)


async def _broadcast(database: Database, text: str) -> service.Created:
    async with database.transaction() as session:
        author = await users.find(session, STAFF_ID)
        assert author is not None
        return await service.create(
            session,
            service.Draft(text_zh=text),
            author,
            datetime.now(UTC),
            service.UTC,
            NO_QUIET,
        )


async def _left(database: Database, source: str) -> int:
    async with database.read() as session:
        counts = await outbox.counts(session, source)
    return counts.get(outbox.PENDING, 0) + counts.get(outbox.SENDING, 0)


def _is_hours_reply(message: BotMessage) -> bool:
    """The /hours overview: one "this venue's week" button per venue."""
    return any(data.startswith("hours:week:") for data in message.callback_data())


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def rate_and_latency(count: int, scale: float) -> None:
    """Part 1: a broadcast to ``count`` residents under real (or scaled) flood control."""
    with tempfile.TemporaryDirectory() as folder:
        url, database = await _database(folder)
        await _residents(database, count)
        settings = _settings(url, scale, pacing=True)
        runtime = build_runtime(
            settings, load_centre(ROOT / "config" / "centre.yaml"), database=database,
            clock=SystemClock(),
        )  # fmt: skip
        emulator = BotApiEmulator(token=TOKEN, flood=FloodLimits(enabled=True, time_scale=scale))
        await emulator.start()
        for n in range(count):
            emulator.user(FIRST_ID + n, first_name=f"R{n}", language_code="zh")
        emulator.user(STAFF_ID, first_name="Bench", language_code="zh")
        askers = [emulator.user(FIRST_ID + n) for n in range(1, count, max(1, count // 25))][:20]
        latencies: list[float] = []
        # (time, broadcast messages sent, every paced send: broadcast + replies + edits)
        samples: list[tuple[float, int, int]] = []
        replies = 0
        async with running_bot(runtime, emulator, poll_timeout=1):
            created = await _broadcast(database, "<b>食堂通知</b>:明天午餐推迟到 12:00。")
            source = service.source_of(created.id)
            started = time.perf_counter()

            async def ask() -> None:
                nonlocal replies
                turn = 0
                while True:
                    person = askers[turn % len(askers)]
                    turn += 1
                    sent_at = time.perf_counter()
                    await person.command("/hours")
                    await person.wait_message(timeout=30, predicate=_is_hours_reply)
                    latencies.append(time.perf_counter() - sent_at)
                    replies += 1
                    await asyncio.sleep(max(0.0, 0.5 - (time.perf_counter() - sent_at)))

            asker = asyncio.create_task(ask())
            while True:
                stats = emulator.stats()
                samples.append(
                    (
                        time.perf_counter(),
                        emulator.sent_count() - replies,
                        stats["sent"] + stats["edits"],
                    )
                )
                if await _left(database, source) == 0:
                    break
                await asyncio.sleep(0.5)
            asker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await asker
            elapsed = time.perf_counter() - started
        await emulator.stop()
        await database.dispose()
    total = created.total
    low = next(sample for sample in samples if sample[1] >= 0.1 * total)
    high = next(sample for sample in samples if sample[1] >= 0.9 * total)
    rate = (high[1] - low[1]) / (high[0] - low[0])
    paced = (high[2] - low[2]) / (high[0] - low[0])
    limit = 30 * scale
    stats = emulator.stats()
    print(f"  audience: {total} recipients, time_scale {scale:g} (limit {limit:g}/s)")
    print(f"  whole broadcast: {elapsed:.1f} s, {total / elapsed:.1f} msg/s")
    print(
        f"  sustained broadcast rate (10%→90%): {rate:.2f} msg/s = {rate / limit:.1%} of the limit"
    )
    print(
        f"  all paced sends in that window (broadcast + /hours replies + progress edits): "
        f"{paced:.2f} msg/s = {paced / limit:.1%} of the limit"
    )
    print(f"  429 answers from the emulator: {stats['429']}")
    print(
        f"  /hours replies during the broadcast: {len(latencies)}; latency p50 "
        f"{statistics.median(latencies) * 1000:.0f} ms, p99 "
        f"{_percentile(latencies, 0.99) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms"
    )


async def _serve_emulator(count: int) -> None:
    """Child process: an emulator without flood control, with ``count`` residents."""
    # The bot hangs up on its pending long poll when it stops; that is not worth a traceback.
    logging.getLogger("aiohttp.server").setLevel(logging.CRITICAL)
    emulator = BotApiEmulator(token=TOKEN, flood=FloodLimits(enabled=False))
    for n in range(count):
        emulator.core.add_user(FIRST_ID + n, f"R{n}", None, None, "zh", True)
    emulator.core.add_user(STAFF_ID, "Bench", None, None, "zh", True)
    await emulator.start()
    print(emulator.port, flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    await emulator.stop()


async def memory(count: int, drained: int) -> tuple[float, float, float]:
    """Part 2: heap peaks (MiB) while confirming and while sending the first ``drained``."""
    child = subprocess.Popen(  # noqa: ASYNC220 - started once, before the measured part
        [sys.executable, "-m", "bench.bench_broadcast", "--serve-emulator", str(count)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=ROOT,
    )
    assert child.stdout is not None
    port = int(child.stdout.readline())
    base = f"http://127.0.0.1:{port}"
    try:
        with tempfile.TemporaryDirectory() as folder:
            url, database = await _database(folder)
            await _residents(database, count)
            settings = _settings(url, 1, pacing=False)
            runtime = build_runtime(
                settings, load_centre(ROOT / "config" / "centre.yaml"), database=database,
                clock=SystemClock(),
            )  # fmt: skip
            tracemalloc.start()
            baseline = tracemalloc.get_traced_memory()[0]
            tracemalloc.reset_peak()
            created = await _broadcast(database, "通知")
            enqueue_peak = tracemalloc.get_traced_memory()[1] - baseline
            assert created.total == count + 1
            app = build_application(
                runtime, base_url=f"{base}/bot", base_file_url=f"{base}/file/bot", token=TOKEN
            )
            tracemalloc.reset_peak()
            before = tracemalloc.get_traced_memory()[0]
            async with serving(app):
                source = service.source_of(created.id)
                while True:  # the database is the only witness of the sender's progress
                    if created.total - await _left(database, source) >= drained:
                        break
                    await asyncio.sleep(0.2)
            drain_peak = tracemalloc.get_traced_memory()[1] - before
            tracemalloc.stop()
            await database.dispose()
    finally:
        assert child.stdin is not None
        child.stdin.close()
        child.wait(timeout=10)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return enqueue_peak / 2**20, drain_peak / 2**20, rss


async def run(quick: bool) -> None:
    scale, count = (5.0, 2_000) if quick else (1.0, 10_000)
    print("Part 1: sustained rate and interactive latency", flush=True)
    await rate_and_latency(count, scale)
    sizes, drained = ((2_000, 20_000), 1_000) if quick else ((10_000, 100_000), 5_000)
    print(f"Part 2: memory (bot process only; first {drained} messages sent, pacing off)")
    for size in sizes:
        enqueue, drain, rss = await memory(size, drained)
        print(
            f"  audience {size:>7}: heap peak while confirming {enqueue:.2f} MiB, "
            f"while sending {drain:.2f} MiB; process max RSS so far {rss:.0f} MiB",
            flush=True,
        )


def main() -> None:
    """Entry point of ``python -m bench broadcast``."""
    if "--serve-emulator" in sys.argv:
        asyncio.run(_serve_emulator(int(sys.argv[sys.argv.index("--serve-emulator") + 1])))
        return
    quick = "--quick" in sys.argv or os.environ.get("FRONTDESK_BENCH_QUICK") == "1"
    asyncio.run(run(quick))


if __name__ == "__main__":
    main()
