"""A manual monotonic clock for the rate limiter (tests pace on it instead of real time)."""

from __future__ import annotations

import asyncio


class PacingClock:
    """A monotonic clock for the rate limiter that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 0.0
        self.free = False
        self._moved = asyncio.Condition()

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        # Always yield, as asyncio.sleep does: a wait too short to move a float clock must
        # not let the sleeper spin without giving the test its turn.
        await asyncio.sleep(0)
        if self.free:  # the test is over: time flies, so the application can stop
            self.now += seconds
            return
        deadline = self.now + seconds
        async with self._moved:
            await self._moved.wait_for(lambda: self.now >= deadline)

    async def advance(self, seconds: float) -> None:
        self.now += seconds
        async with self._moved:
            self._moved.notify_all()

    async def set_free(self) -> None:
        self.free = True
        await self.advance(1e9)
