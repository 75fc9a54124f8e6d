"""The durable inbox (issue 14): its cost per update, and one instance's throughput with and
without it, side by side in one run, on SQLite and PostgreSQL.

1. Cost per update: storing a polled batch of 100 (one transaction), claiming (per chat, up to
   64 at once) and recording the outcomes, for 3,000 updates from 300 chats; plus a webhook's
   single-update store. Nothing else runs: this is what the inbox adds to an update.
2. Throughput: 50 residents × 20 ``/help`` against the emulator, pacing off, the bot in this
   process; intake through the inbox (store → claim → handle → done) or through PTB's updater
   (in memory, what the bot did before). Alternating order, 3 rounds each, medians reported.

The cost is measured both ways, alternating in one run: the claim and outcome commits without
waiting for the WAL flush (PostgreSQL ``synchronous_commit = off``, as the worker commits them)
and waiting for it (before). ``--cost`` measures only the cost, not the throughput;
``--workers N`` claims as one of N live workers (the fair share's extra aggregate).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
from telegram import Update

from bench.common import make_runtime
from bot.app import build_application, serving, update_poller
from bot.clock import SystemClock
from bot.context import FrontdeskApplication
from bot.services import inbox
from bot.storage.db import Database, create_database
from bot.storage.migrate import upgrade_to_head
from bot.testing import settle
from frontdesk_emulator import BotApiEmulator

PG_ADMIN = os.environ.get(
    "FRONTDESK_BENCH_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
UPDATES, CHATS, BATCH, CLAIM = 3000, 300, 100, 64
RESIDENTS, EACH, ROUNDS = 50, 20, 3
# ``--workers N``: claim as one of N live workers (its fair share, one more aggregate a claim).
WORKERS = int(sys.argv[sys.argv.index("--workers") + 1]) if "--workers" in sys.argv else 1


async def _cost(db: Database, no_flush_wait: bool = True, offset: int = 0) -> dict[str, float]:
    """``no_flush_wait``: the claim and outcome commits as the worker makes them (PostgreSQL:
    ``synchronous_commit = off``); ``False``: as before, waiting for the WAL flush."""
    clock = SystemClock()
    base = (2 * offset + (0 if no_flush_wait else 1)) * 100_000_000  # fresh ids per run
    updates = [
        inbox.Incoming(base + n, n % CHATS, f'{{"update_id": {base + n}}}')
        for n in range(1, UPDATES + 1)
    ]
    cpu = time.process_time()
    started = time.perf_counter()
    for first in range(0, UPDATES, BATCH):
        async with db.transaction() as session:
            await inbox.store(session, updates[first : first + BATCH], clock.now())
    stored = time.perf_counter() - started
    started = time.perf_counter()
    handled, claimed = 0, list[inbox.Attempt]()
    while handled < UPDATES:  # as the worker does: outcomes and the next claim in one commit
        async with db.transaction() as session:
            if no_flush_wait:
                await inbox.commit_without_flush_wait(session)
            await inbox.finish(session, "bench", claimed, clock.now())
            claimed = await inbox.claim(session, "bench", clock.now(), CLAIM, WORKERS)
        handled += len(claimed)
    async with db.transaction() as session:
        await inbox.finish(session, "bench", claimed, clock.now())
    cycled = time.perf_counter() - started
    cpu = time.process_time() - cpu
    # Light traffic: each update claimed, and its outcome recorded, in a commit of its own
    # (the worker's cycle when updates arrive one at a time).
    lone = [inbox.Incoming(base + 20_000_000 + n, 1_000 + n, "{}") for n in range(200)]
    async with db.transaction() as session:
        await inbox.store(session, lone, clock.now())
    cycles, claimed = [], []
    for _ in range(len(lone) + 1):
        began = time.perf_counter()
        async with db.transaction() as session:
            if no_flush_wait:
                await inbox.commit_without_flush_wait(session)
            await inbox.finish(session, "bench", claimed, clock.now())
            claimed = await inbox.claim(session, "bench", clock.now(), 1)
        cycles.append(time.perf_counter() - began)
    singles = []
    for n in range(200):
        one = inbox.Incoming(base + 10_000_000 + n, n, "{}")
        began = time.perf_counter()
        async with db.transaction() as session:
            await inbox.store(session, [one], clock.now())
        singles.append(time.perf_counter() - began)
    async with db.transaction() as session:  # the next round starts with no update open
        await inbox.finish(session, "bench", claimed, clock.now())
        await inbox.finish(
            session, "bench", await inbox.claim(session, "bench", clock.now(), 256), clock.now()
        )
    return {
        "one at a time": statistics.median(cycles) * 1000,
        "store": stored / UPDATES * 1000,
        "claim+finish": cycled / UPDATES * 1000,
        "webhook store": statistics.median(singles) * 1000,
        "cpu": cpu / UPDATES * 1000,
    }


async def _throughput(url: str, through_inbox: bool) -> float:
    """Updates per second from first message to last answer."""
    runtime = make_runtime(url, rate_limit=False)
    emulator = BotApiEmulator(token="123456:BENCH-token-not-real")
    await emulator.start()
    app = build_application(
        runtime, base_url=emulator.base_url, base_file_url=emulator.base_file_url,
        token=emulator.token,
    )  # fmt: skip
    try:
        async with serving(app), _intake(app, through_inbox):
            people = [emulator.user(500_000 + n, language_code="en") for n in range(RESIDENTS)]
            started = time.perf_counter()
            for _ in range(EACH):
                for person in people:
                    await person.send("/help")
            await asyncio.wait_for(settle(app, emulator), timeout=300)
            elapsed = time.perf_counter() - started
    finally:
        await emulator.stop()
        await runtime.db.dispose()
    return RESIDENTS * EACH / elapsed


@asynccontextmanager
async def _intake(app: FrontdeskApplication, through_inbox: bool) -> AsyncIterator[None]:
    if through_inbox:
        poller = update_poller(app)
        poller.start(timeout=1)
        try:
            yield
        finally:
            await poller.stop()
        return
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, timeout=1, allowed_updates=Update.ALL_TYPES)
    try:
        yield
    finally:
        await app.updater.stop()


@asynccontextmanager
async def _scratch(kind: str) -> AsyncIterator[str | None]:
    """A fresh, migrated database URL of ``kind`` (None when PostgreSQL is not there)."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite+aiosqlite:///{folder}/bench.db"
            await _migrate(url)
            yield url
        return
    admin = PG_ADMIN.replace("postgresql+asyncpg://", "postgresql://")
    name = f"frontdesk_bench_{uuid.uuid4().hex[:8]}"
    try:
        connection = await asyncpg.connect(admin, timeout=5)
    except (OSError, asyncpg.PostgresError) as exc:
        print(f"PostgreSQL skipped: {exc}")
        yield None
        return
    await connection.execute(f'CREATE DATABASE "{name}"')
    await connection.close()
    url = f"{PG_ADMIN.rpartition('/')[0]}/{name}"
    try:
        await _migrate(url)
        yield url
    finally:
        connection = await asyncpg.connect(admin, timeout=5)
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await connection.close()


async def _migrate(url: str) -> None:
    db = create_database(url)
    try:
        await upgrade_to_head(db)
    finally:
        await db.dispose()


async def _main() -> None:
    for kind in ("postgresql", "sqlite"):
        async with _scratch(kind) as url:
            if url is None:
                continue
            db = create_database(url)
            try:
                costs: dict[bool, list[dict[str, float]]] = {True: [], False: []}
                for round_ in range(ROUNDS):  # alternating, in the same database
                    for no_wait in (True, False) if round_ % 2 == 0 else (False, True):
                        costs[no_wait].append(await _cost(db, no_wait, offset=round_))
            finally:
                await db.dispose()
            for no_wait in (False, True):
                cost = {k: statistics.median(c[k] for c in costs[no_wait]) for k in costs[True][0]}
                total = cost["store"] + cost["claim+finish"]
                how = "without flush wait" if no_wait else "waiting for flush"
                print(
                    f"{kind:10} inbox cost per update, claim+outcome {how}: {total:.2f} ms "
                    f"(store in batches of {BATCH}: {cost['store']:.2f} ms, claim + outcome: "
                    f"{cost['claim+finish']:.2f} ms; the bot's CPU {cost['cpu']:.2f} ms); "
                    f"claim + outcome one update per commit: {cost['one at a time']:.2f} ms; a "
                    f"webhook's single store: {cost['webhook store']:.2f} ms; medians of "
                    f"{ROUNDS}; load average {os.getloadavg()[0]:.1f}"
                )
            if "--cost" in sys.argv:
                continue
        rates: dict[bool, list[float]] = {True: [], False: []}
        for round_ in range(ROUNDS):
            order = (True, False) if round_ % 2 == 0 else (False, True)
            for through_inbox in order:
                async with _scratch(kind) as url:
                    if url is None:
                        break
                    rates[through_inbox].append(await _throughput(url, through_inbox))
        if rates[True] and rates[False]:
            with_inbox, without = statistics.median(rates[True]), statistics.median(rates[False])
            print(
                f"{kind:10} one instance, {RESIDENTS}×{EACH} /help, pacing off: "
                f"{with_inbox:.0f} updates/s with the inbox, {without:.0f} without "
                f"(ratio {with_inbox / without:.2f}; rounds "
                f"{', '.join(f'{r:.0f}' for r in rates[True])} vs "
                f"{', '.join(f'{r:.0f}' for r in rates[False])})"
            )


def main() -> None:
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_main())
