"""Topology 2 (one intake instance, two workers on PostgreSQL): how evenly the workers share
a burst, and how long it takes. Real processes against the emulator, Telegram's limits and
the bot's pacing off, so the figure is the handling, not the sending budget.

60 residents send one message each (warm-up), then 10 each (600); the bench reports the
updates each worker handled (its /metrics) and the burst's rate. ``--rounds N`` repeats it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from frontdesk_emulator import BotApiEmulator, FloodLimits, SimUser
from tests.cluster import free_port, fresh_database
from tests.processes import BotProcess, bot_environment
from tests.test_intake_workers import INTAKE_READY, WORKER_READY, handled_by

RESIDENTS, EACH = 60, 10


async def _answered(people: list[SimUser], count: int) -> None:
    while any(len(p.messages) < count for p in people):  # noqa: ASYNC110
        await asyncio.sleep(0.05)


async def burst(env: dict[str, str] | None = None) -> tuple[int, int, float]:
    """(handled by worker 1, by worker 2, updates a second) for one burst."""
    emulator = BotApiEmulator(token="123456:BENCH-token", flood=FloodLimits(enabled=False))
    await emulator.start()
    workdir = Path(tempfile.mkdtemp(prefix="frontdesk-workers-"))
    processes: dict[str, BotProcess] = {}
    try:
        async with fresh_database() as url:
            ports = {name: free_port() for name in ("intake", "w1", "w2")}
            for name in ports:
                (workdir / name).mkdir()
                role = "intake" if name == "intake" else "worker"
                processes[name] = BotProcess(
                    bot_environment(
                        emulator, url, FRONTDESK_INSTANCE_ROLE=role,
                        FRONTDESK_PROBES__PORT=str(ports[name]), FRONTDESK_RATE_LIMIT="false",
                        FRONTDESK_INBOX__LEASE_SECONDS="30", **(env or {}),
                    ),
                    workdir / name,
                )  # fmt: skip
            await processes["intake"].start(INTAKE_READY, timeout=300)  # migrates
            await asyncio.gather(
                processes["w1"].start(WORKER_READY, timeout=300),
                processes["w2"].start(WORKER_READY, timeout=300),
            )
            people = [
                emulator.user(640_000 + n, first_name=f"R{n}", language_code="en")
                for n in range(RESIDENTS)
            ]
            for person in people:
                await person.send("/help")
            await asyncio.wait_for(_answered(people, 1), 300)
            before = [await handled_by(ports[w]) for w in ("w1", "w2")]
            started = time.perf_counter()
            for _ in range(EACH):
                for person in people:
                    await person.send("/help")
            await asyncio.wait_for(_answered(people, 1 + EACH), 600)
            elapsed = time.perf_counter() - started
            after = [await handled_by(ports[w]) for w in ("w1", "w2")]
    finally:
        for process in processes.values():
            await process.stop()
        await emulator.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    return after[0] - before[0], after[1] - before[1], RESIDENTS * EACH / elapsed


async def _main(rounds: int) -> None:
    for _ in range(rounds):
        first, second, rate = await burst()
        print(
            f"intake + 2 workers, {RESIDENTS}×{EACH} /help, limits off: handled {first} / "
            f"{second}, {rate:.0f} updates/s; load {os.getloadavg()[0]:.1f}",
            flush=True,
        )


def main() -> None:
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 1
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_main(rounds))
