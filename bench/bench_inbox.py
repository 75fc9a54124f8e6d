"""The durable inbox (issue 14): its cost per update, and one instance's throughput with and
without it, side by side in one run, on SQLite and PostgreSQL.

1. Cost per update: storing a polled batch of 100 (one transaction), claiming (per chat, up to
   64 at once) and recording the outcomes, for 3,000 updates from 300 chats; plus a webhook's
   single-update store. Nothing else runs: this is what the inbox adds to an update.
2. Throughput: 50 residents × 20 ``/help`` against the emulator, pacing off, the bot in this
   process; intake through the inbox (store → claim → handle → done) or through PTB's updater
   (in memory, what the bot did before). Alternating order, 3 rounds each, medians reported.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import statistics
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


async def _cost(db: Database) -> dict[str, float]:
    clock = SystemClock()
    updates = [inbox.Incoming(n, n % CHATS, f'{{"update_id": {n}}}') for n in range(1, UPDATES + 1)]
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
            await inbox.finish(session, "bench", claimed, clock.now())
            claimed = await inbox.claim(session, "bench", clock.now(), CLAIM)
        handled += len(claimed)
    async with db.transaction() as session:
        await inbox.finish(session, "bench", claimed, clock.now())
    cycled = time.perf_counter() - started
    cpu = time.process_time() - cpu
    singles = []
    for n in range(200):
        one = inbox.Incoming(10_000_000 + n, n, "{}")
        began = time.perf_counter()
        async with db.transaction() as session:
            await inbox.store(session, [one], clock.now())
        singles.append(time.perf_counter() - began)
    return {
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
                cost = await _cost(db)
            finally:
                await db.dispose()
            total = cost["store"] + cost["claim+finish"]
            print(
                f"{kind:10} inbox cost per update: {total:.2f} ms (store in batches of {BATCH}: "
                f"{cost['store']:.2f} ms, claim + outcome: {cost['claim+finish']:.2f} ms; "
                f"the bot's CPU {cost['cpu']:.2f} ms); a webhook's single store: "
                f"{cost['webhook store']:.2f} ms; load average {os.getloadavg()[0]:.1f}"
            )
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
