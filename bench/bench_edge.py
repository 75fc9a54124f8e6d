"""The edge of issue 14: what cleaning every update and counting it for /metrics cost.

- ``cleaned(update)`` for a plain Chinese text (the common case: one scan, nothing re-parsed)
  and for a text full of invisible characters (re-parsed);
- the counters fed per update and per Telegram answer;
- one scrape of /metrics (two queries on a database with 2,000 outbox rows waiting).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import timedelta

from telegram import Bot, Update

from bench.common import make_runtime, percentile, scratch_sqlite_url
from bot.observability import Observability
from bot.services import outbox
from bot.storage.migrate import upgrade_to_head
from bot.tg.intake import cleaned

ROUNDS = 20_000


def _update(text: str, name: str) -> Update:
    data = {
        "update_id": 1,
        "message": {
            "message_id": 1,
            "date": 0,
            "chat": {"id": 7, "type": "private", "first_name": name},
            "from": {"id": 7, "is_bot": False, "first_name": name, "language_code": "zh"},
            "text": text,
        },
    }
    update = Update.de_json(data, Bot("1:x"))
    assert update is not None
    return update


def _per_call(action: Callable[[], object], rounds: int = ROUNDS) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        action()
    return (time.perf_counter() - started) / rounds * 1e6


async def _scrape() -> list[float]:
    runtime = make_runtime(scratch_sqlite_url())
    await upgrade_to_head(runtime.db)
    now = runtime.clock.now()
    async with runtime.db.transaction() as session:
        for n in range(2000):
            await outbox.enqueue(
                session, chat_id=n, text="x", source=f"broadcast:{n % 3}", now=now,
                not_before=now + timedelta(days=1),
            )  # fmt: skip
    observability = Observability(runtime.db, runtime.clock)
    times = []
    for _ in range(50):
        started = time.perf_counter()
        await observability.render()
        times.append((time.perf_counter() - started) * 1000)
    await runtime.db.dispose()
    return times


def main() -> None:
    plain = _update("明天食堂几点开门？午饭有没有红烧肉", "王阿姨")
    dirty = _update("食\u200b堂几\ufeff点\u200c开\u2060门\x00", "Alice\u202eevil")
    print(f"clean a plain update:        {_per_call(lambda: cleaned(plain)):7.1f} µs")
    print(f"clean an update with junk:   {_per_call(lambda: cleaned(dirty)):7.1f} µs")
    observability = Observability(None, None)  # type: ignore[arg-type]  # counters only

    def count() -> None:
        observability.observe_update("handled", 0.012)
        observability.observe_response("sendMessage", 200)

    print(f"count an update and a send:  {_per_call(count):7.1f} µs")
    times = asyncio.run(_scrape())
    print(
        f"/metrics scrape, 2,000 rows waiting (SQLite): median {percentile(times, 0.5):.1f} ms, "
        f"p95 {percentile(times, 0.95):.1f} ms"
    )
