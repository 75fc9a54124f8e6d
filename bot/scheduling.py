"""Fair scheduling across chats: one chat in order, every chat at once, a global limit on work.

The limit on concurrent work (``FRONTDESK_MAX_CONCURRENT_UPDATES``) protects the database and
the CPU, so a *slot* is held only while a handler actually runs:

* an update waiting for an earlier update of its own chat holds no slot (each chat is a FIFO
  queue with one worker: its lock's waiters, served in arrival order);
* a handler waiting for its chat's pacing (about one message a second per private chat, in
  :mod:`bot.delivery.limiter`) gives its slot back meanwhile (:func:`slot_released`), and takes
  one again before it continues.

So sixteen residents who each send a burst of questions occupy sixteen chat queues, not the
whole pool, and an unrelated resident's question runs at once. Nothing here knows about
Telegram: a durable inbox (updates claimed per chat from a table, issue 14) submits its
claimed updates the same way, keyed by chat.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")


class _Slot:
    """One job's claim on the shared limit; it may be given back and taken again."""

    __slots__ = ("_held", "_limit")

    def __init__(self, limit: asyncio.Semaphore) -> None:
        self._limit = limit
        self._held = False

    async def take(self) -> None:
        await self._limit.acquire()
        self._held = True

    def give_back(self) -> None:
        if self._held:
            self._held = False
            self._limit.release()


_CURRENT_SLOT: ContextVar[_Slot | None] = ContextVar("frontdesk_scheduler_slot", default=None)


@asynccontextmanager
async def slot_released() -> AsyncIterator[None]:
    """Give the running job's slot back while waiting (for pacing), take it again after.

    Outside a scheduled job (the outbox sender, a background task) this does nothing.
    """
    slot = _CURRENT_SLOT.get()
    if slot is None:
        yield
        return
    slot.give_back()
    try:
        yield
    finally:
        await slot.take()


class FairScheduler:
    """Runs jobs keyed by chat: in order within a key, concurrently across keys, and at most
    ``max_running`` at once — counting only jobs that are running, not waiting."""

    def __init__(self, max_running: int) -> None:
        if max_running < 1:
            raise ValueError("max_running must be at least 1")
        self.max_running = max_running
        self._limit = asyncio.Semaphore(max_running)
        self._queues: dict[Hashable, asyncio.Lock] = {}
        self._queued: dict[Hashable, int] = {}
        self.running = 0

    def queued(self, key: Hashable) -> int:
        """How many jobs of ``key`` are waiting or running."""
        return self._queued.get(key, 0)

    async def run(self, key: Hashable | None, job: Callable[[], Awaitable[T]]) -> T:
        """Run ``job`` after every earlier job of ``key`` (``None``: no ordering) finished,
        holding a slot only while it runs."""
        if key is None:
            return await self._run_in_slot(job)
        turn = self._queues.setdefault(key, asyncio.Lock())  # FIFO: waiters wake in order
        self._queued[key] = self._queued.get(key, 0) + 1
        try:
            async with turn:
                return await self._run_in_slot(job)
        finally:
            self._queued[key] -= 1
            if self._queued[key] == 0:
                del self._queued[key]
                del self._queues[key]

    async def _run_in_slot(self, job: Callable[[], Awaitable[T]]) -> T:
        slot = _Slot(self._limit)
        await slot.take()
        token = _CURRENT_SLOT.set(slot)
        self.running += 1
        try:
            return await job()
        finally:
            self.running -= 1
            _CURRENT_SLOT.reset(token)
            slot.give_back()
