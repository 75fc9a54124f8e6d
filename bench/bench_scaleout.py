"""Scale-out (issue 14): one instance against two behind HAProxy, and what sharing costs.

1. Throughput: the same burst of updates (``/help`` from many residents, posted 40 at a time
   as Telegram does) through HAProxy to one instance, then to two, in one run, on a fresh
   PostgreSQL database each. Telegram's limits are off on both sides (the emulator's flood
   control and the bot's pacing), so the figure is what the instances can handle; with the
   limits on, replies are capped at 30/s per bot whatever the number of instances.
2. Form state per update: reading a person's form rows before an update (every update) and
   writing them after one that changed a form (bot/tg/forms.py), SQLite and PostgreSQL.
3. The shared send budget: one ``frontdesk_take_token`` round trip (bot/delivery/budget.py).

Needs PostgreSQL on 127.0.0.1:5432 and haproxy (part 1).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp
from sqlalchemy import text
from telegram import Update

from bench.common import describe_ms, make_runtime, scratch_sqlite_url
from bot.app import build_application
from bot.delivery.budget import BucketSpec, SharedBudget
from bot.storage.migrate import upgrade_to_head
from bot.update_processor import PerChatUpdateProcessor
from frontdesk_emulator import BotApiEmulator, FloodLimits
from tests.cluster import SECRET, cluster, fresh_database

RESIDENTS = 200


def _update(n: int, chat_id: int) -> dict[str, Any]:
    user = {"id": chat_id, "is_bot": False, "first_name": f"R{chat_id}", "language_code": "zh"}
    return {
        "update_id": 5_000_000 + n,
        "message": {
            "message_id": n + 1,
            "date": 1_790_000_000,
            "chat": {"id": chat_id, "type": "private", "first_name": user["first_name"]},
            "from": user,
            "text": "/help",
            "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
        },
    }


def _cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time the processes have used (``/proc/<pid>/stat``)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


async def _burst(instances: int, count: int) -> tuple[float, float]:
    """Updates a second handled by ``instances`` instances behind HAProxy, and the bot
    processes' CPU milliseconds per update (independent of how loaded the machine is)."""
    emulator = BotApiEmulator(token="123456:BENCH-token", flood=FloodLimits(enabled=False))
    await emulator.start()
    workdir = Path(tempfile.mkdtemp(prefix="frontdesk-scaleout-"))
    try:
        for n in range(RESIDENTS):
            emulator.user(600_000 + n, first_name=f"R{n}", language_code="zh")
        # The bot's own pacing off too: this measures handling, not Telegram's limits.
        limits_off = {"FRONTDESK_RATE_LIMIT": "false"}
        async with cluster(emulator, workdir, instances=instances, env=limits_off) as found:
            url = f"http://127.0.0.1:{found.lb_port}/telegram"
            headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
            gate = asyncio.Semaphore(40)
            async with aiohttp.ClientSession() as http:

                async def post(n: int) -> None:
                    body = json.dumps(_update(n, 600_000 + n % RESIDENTS))
                    async with gate, http.post(url, data=body, headers=headers) as response:
                        assert response.status == 200

                await asyncio.gather(*(post(n) for n in range(40)))  # warm-up
                pids = [process.pid for process in found.bots.values()]
                cpu = _cpu_seconds(pids)
                started = time.perf_counter()
                await asyncio.gather(*(post(n) for n in range(40, 40 + count)))
                elapsed = time.perf_counter() - started
                cpu = _cpu_seconds(pids) - cpu
    finally:
        await emulator.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    return count / elapsed, cpu * 1000 / count


async def _form_state(url: str, rounds: int) -> tuple[list[float], list[float]]:
    """Seconds per ``before`` (any update) and per ``after`` that writes a changed draft."""
    runtime = make_runtime(url)
    await upgrade_to_head(runtime.db)
    app = build_application(runtime, token="1:bench")
    processor = app.update_processor
    assert isinstance(processor, PerChatUpdateProcessor)
    assert processor.forms is not None
    forms = processor.forms
    reads, writes = [], []
    for n in range(rounds):
        update = Update.de_json(_update(n, 700_000 + n % 50), app.bot)
        started = time.perf_counter()
        snapshot = await forms.before(update)
        reads.append(time.perf_counter() - started)
        assert snapshot is not None
        assert snapshot.user_id is not None
        app.user_data[snapshot.user_id]["draft"] = {"step": n, "comment": "汤太咸了" * 10}
        started = time.perf_counter()
        await forms.after(snapshot)
        writes.append(time.perf_counter() - started)
    await runtime.db.dispose()
    return reads, writes


async def _takes(url: str, rounds: int) -> tuple[list[float], list[float]]:
    """One token per call, as the senders take it now (autocommit, no flush wait) and as they
    took it before (a transaction of its own, waiting for the flush), alternating."""
    runtime = make_runtime(url)
    await upgrade_to_head(runtime.db)
    budget = SharedBudget(runtime.db)
    now, before = [], []
    for n in range(rounds):
        bucket = BucketSpec(f"chat:{n}", 2, 1.0)
        started = time.perf_counter()
        await budget.take(bucket, bulk=False)
        now.append(time.perf_counter() - started)
        started = time.perf_counter()
        async with runtime.db.engine.begin() as connection:
            await connection.scalar(
                text("SELECT frontdesk_take_token(:key, :capacity, :rate, 0)"),
                {"key": bucket.key, "capacity": bucket.capacity, "rate": bucket.rate},
            )
        before.append(time.perf_counter() - started)
    await runtime.db.dispose()
    return now, before


async def run(quick: bool) -> None:
    count = 300 if quick else 1500
    rounds = 200 if quick else 1000
    if "--budget" in sys.argv:  # the send budget's take only
        async with fresh_database() as url:
            now, before = await _takes(url, rounds)
        load = os.getloadavg()[0]
        print(f"shared budget, one token: {describe_ms(now)}; as before (BEGIN/COMMIT, "
              f"waiting for the flush): {describe_ms(before)}; load {load:.1f}")  # fmt: skip
        return
    one, one_cpu = await _burst(1, count)
    two, two_cpu = await _burst(2, count)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"throughput, {count} updates (/help), limits off: one instance {one:.0f}/s "
          f"({one_cpu:.1f} CPU ms/update), two behind HAProxy {two:.0f}/s "
          f"({two_cpu:.1f} CPU ms/update), ×{two / one:.2f}")  # fmt: skip
    reads, writes = await _form_state(scratch_sqlite_url(), rounds)
    print(f"form state, SQLite: read per update {describe_ms(reads)}")
    print(f"form state, SQLite: write after a changed step {describe_ms(writes)}")
    async with fresh_database() as url:
        reads, writes = await _form_state(url, rounds)
        print(f"form state, PostgreSQL: read per update {describe_ms(reads)}")
        print(f"form state, PostgreSQL: write after a changed step {describe_ms(writes)}")
        now, before = await _takes(url, rounds)
        print(f"shared budget, one token: {describe_ms(now)}; as before (BEGIN/COMMIT, "
              f"waiting for the flush): {describe_ms(before)}")  # fmt: skip


def main() -> None:
    """Entry point of ``python -m bench scaleout``."""
    quick = "--quick" in sys.argv or os.environ.get("FRONTDESK_BENCH_QUICK") == "1"
    asyncio.run(run(quick))


if __name__ == "__main__":
    main()
