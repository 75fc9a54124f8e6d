"""frontdesk against a bare PTB echo bot on the same emulator; start-up time on SQLite.

Throughput: USERS residents each send MESSAGES messages at once; updates/s until every reply
arrived. Latency: one resident, one message at a time, time until the reply arrives. Both
bots get the same concurrency (64 updates at once) and no rate limiting (flood control off),
so the ratio shows frontdesk's own cost per update: profile lookup, handler, catalog, menu.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from telegram import Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes, MessageHandler, filters

from bench.common import describe_ms, make_runtime, scratch_sqlite_url
from bot.storage.migrate import upgrade_to_head
from bot.testing import running_bot
from frontdesk_emulator import BotApiEmulator, FloodLimits, SimUser

TOKEN = "200000001:BENCH-token"
USERS = 100
MESSAGES = 10
LATENCY_SAMPLES = 300


async def _echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update.effective_message and update.effective_message.text:
        await update.effective_message.reply_text(update.effective_message.text)


@asynccontextmanager
async def echo_bot(emu: BotApiEmulator) -> AsyncIterator[None]:
    app: Application = (  # type: ignore[type-arg]
        ApplicationBuilder()
        .token(emu.token)
        .base_url(emu.base_url)
        .base_file_url(emu.base_file_url)
        .concurrent_updates(64)
        .build()
    )
    app.add_handler(MessageHandler(filters.ALL, _echo))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=10)
        yield
        await app.updater.stop()
        await app.stop()


async def _measure(emu: BotApiEmulator, text: str, first_id: int) -> tuple[float, list[float]]:
    people = [emu.user(first_id + i, first_name=f"R{i}", language_code="zh") for i in range(USERS)]
    for person in people:  # warm-up: registration, connection pool
        await person.send(text)
        await person.wait_message(timeout=30)

    async def burst(person: SimUser) -> None:
        for _ in range(MESSAGES):
            await person.send(text)
        for _ in range(MESSAGES):
            await person.wait_message(timeout=60)

    started = time.perf_counter()
    await asyncio.gather(*(burst(p) for p in people))
    throughput = USERS * MESSAGES / (time.perf_counter() - started)

    latencies = []
    solo = people[0]
    for _ in range(LATENCY_SAMPLES):
        t0 = time.perf_counter()
        await solo.send(text)
        await solo.wait_message(timeout=30)
        latencies.append(time.perf_counter() - t0)
    return throughput, latencies


async def compare() -> None:
    emu = BotApiEmulator(token=TOKEN, flood=FloodLimits(enabled=False))
    async with emu:
        async with echo_bot(emu):
            echo_rate, echo_lat = await _measure(emu, "/help", 10_000)
        runtime = make_runtime(scratch_sqlite_url(), rate_limit=False)
        await upgrade_to_head(runtime.db)
        async with running_bot(runtime, emu):
            fd_rate, fd_lat = await _measure(emu, "/help", 20_000)
            fd_text_rate, fd_text_lat = await _measure(emu, "hello there", 30_000)
        await runtime.db.dispose()
    print(f"echo bot (bare PTB):      {echo_rate:8.1f} updates/s; latency {describe_ms(echo_lat)}")
    print(f"frontdesk /help (SQLite): {fd_rate:8.1f} updates/s; latency {describe_ms(fd_lat)}")
    print(
        f"frontdesk free text:      {fd_text_rate:8.1f} updates/s; "
        f"latency {describe_ms(fd_text_lat)}"
    )
    print(f"throughput ratio frontdesk//help vs echo: {fd_rate / echo_rate:.0%} (target >= 70%)")
    print(f"throughput ratio frontdesk free text vs echo: {fd_text_rate / echo_rate:.0%}")


async def startup() -> None:
    """Seconds from nothing to the first answer, fresh database (with migrations) and existing.

    The first answer needs the first getUpdates, so this bounds the start-up target from above.
    """
    url = scratch_sqlite_url()
    for label in ("fresh SQLite, runs migrations", "existing SQLite"):
        emu = BotApiEmulator(token=TOKEN, flood=FloodLimits(enabled=False))
        async with emu:
            person = emu.user(1, first_name="First", language_code="zh")
            t0 = time.perf_counter()
            runtime = make_runtime(url, rate_limit=False)
            await upgrade_to_head(runtime.db)
            async with running_bot(runtime, emu):
                await person.command("/start")
                await person.wait_message(timeout=30)
                elapsed = time.perf_counter() - t0
            await runtime.db.dispose()
        print(f"start-up to first answer, {label}: {elapsed * 1000:.0f} ms (target < 2000 ms)")


def main() -> None:
    asyncio.run(compare())
    asyncio.run(startup())


if __name__ == "__main__":
    main()
