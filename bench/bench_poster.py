"""Posters and the event waitlist (issue 16): how long a poster takes to draw, how large its
files are, and 200 residents signing up at once for a 20-seat event with companions.

``python -m bench poster``. Prints:

* the poster's first drawing in a fresh process (font loaded from the mplfonts wheel) and
  the median of 5 more, with the PNG and PDF sizes; target < 5 s (it runs off the event loop);
* 200 concurrent sign-ups (every third with one companion) on 4 connections to one SQLite
  file, 20 seats: wall time, and the check that seats never exceed capacity.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot import deeplinks
from bot.features.events import service as events
from bot.features.poster.render import PosterText, render
from bot.services import users
from bot.storage.db import create_database
from bot.storage.migrate import upgrade_to_head

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
TEXT = PosterText(
    "书法入门（毛笔字）",
    "Calligraphy for beginners",
    "扫码查看课程并报名",
    "Scan to see the class and sign up",
    "半马苏河驿站·1690党群服务中心",
)


def bench_render() -> None:
    url = deeplinks.url("frontdesk_bot", "course", 12)
    started = time.perf_counter()
    poster = render(url, TEXT)
    first = time.perf_counter() - started
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        render(url, TEXT)
        runs.append(time.perf_counter() - started)
    print(
        f"poster: first {first:.2f} s, then median {statistics.median(runs):.2f} s; "
        f"PNG {len(poster.png) / 1024:.0f} KiB, PDF {len(poster.pdf) / 1024:.0f} KiB"
    )


async def bench_waitlist() -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
        db = create_database(url)
        await upgrade_to_head(db)
        async with db.transaction() as session:
            ids = [
                (await users.register(session, users.Person(80_000 + n, f"R{n}"), NOW)).id
                for n in range(200)
            ]
            draft = events.Draft(
                "剪纸", "Paper cutting", "传统剪纸", "Paper cutting", "canteen",
                NOW + timedelta(days=2), NOW + timedelta(days=2, hours=2), 20,
            )  # fmt: skip
            actor = await users.register(session, users.Person(79_999, "Li"), NOW)
            event_id = await events.create(session, draft, actor, NOW)
        pool = [create_database(url) for _ in range(4)]

        async def press(index: int, user_id: int) -> events.SignUp:
            async with pool[index % 4].transaction() as session:
                party = 2 if index % 3 == 0 else 1
                return await events.sign_up(session, event_id, user_id, NOW, party)

        started = time.perf_counter()
        outcomes = await asyncio.gather(*(press(i, u) for i, u in enumerate(ids)))
        wall = time.perf_counter() - started
        async with db.read() as session:
            view = await events.get(session, event_id)
        assert view is not None
        assert view.capacity is not None
        assert view.taken <= view.capacity
        joined = outcomes.count(events.SignUp.JOINED)
        print(
            f"waitlist: 200 sign-ups in {wall:.2f} s ({200 / wall:.0f}/s); "
            f"{joined} joined, {view.taken}/{view.capacity} seats, {view.waiting} waiting"
        )
        for database in (*pool, db):
            await database.dispose()


def main() -> None:
    bench_render()
    asyncio.run(bench_waitlist())
