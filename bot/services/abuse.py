"""Flood protection: a token bucket per person, in memory, costing a dict lookup per update.

A person may send ``burst`` updates at once and ``burst`` per ``window`` seconds on average.
The first update over the limit is answered with one polite "slow down"
(:attr:`Verdict.WARN`); everything during the following ``cooldown`` seconds is dropped
(:attr:`Verdict.DROP`) without a word, so a script gets nothing back to feed on.

The clock is injected (``time.monotonic`` in production) so tests control time. State is
per process: with several instances each one limits what it sees, which is what matters for
protecting it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from enum import Enum

# C0 controls except tab, newline and carriage return, DEL, and lone surrogates: PostgreSQL
# refuses NUL in text and UTF-8 cannot encode a lone surrogate.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")

# Above this many tracked people, idle buckets (full and not muted) are swept away.
SWEEP_ABOVE = 10_000


def clean_text(text: str, limit: int) -> str:
    """Text from outside made storable on both databases and cut to ``limit`` characters.

    Use it on anything a resident typed before storing it (names, feedback, questions).
    """
    return _UNSTORABLE.sub("", text)[:limit]


class Verdict(Enum):
    """What to do with one update."""

    PASS = "pass"
    WARN = "warn"
    DROP = "drop"


class FloodGuard:
    """Token buckets keyed by Telegram user id."""

    __slots__ = ("_buckets", "_rate", "burst", "clock", "cooldown", "max_tracked", "window")

    def __init__(
        self,
        burst: int,
        window: float,
        cooldown: float,
        clock: Callable[[], float] = time.monotonic,
        max_tracked: int = SWEEP_ABOVE,
    ) -> None:
        if burst < 1 or window <= 0 or cooldown <= 0:
            raise ValueError("burst >= 1, window > 0 and cooldown > 0 are required")
        self.burst = float(burst)
        self.window = window
        self.cooldown = cooldown
        self.clock = clock
        self.max_tracked = max_tracked
        self._rate = burst / window
        # key -> [tokens, last refill time, muted until]
        self._buckets: dict[int, list[float]] = {}

    def check(self, key: int) -> Verdict:
        """Count one update of ``key`` and say what to do with it."""
        now = self.clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self.max_tracked:
                self.sweep(now)
            self._buckets[key] = [self.burst - 1.0, now, 0.0]
            return Verdict.PASS
        if bucket[2] > now:
            return Verdict.DROP
        tokens = min(self.burst, bucket[0] + (now - bucket[1]) * self._rate)
        bucket[1] = now
        if tokens >= 1.0:
            bucket[0] = tokens - 1.0
            return Verdict.PASS
        bucket[0] = tokens
        bucket[2] = now + self.cooldown
        return Verdict.WARN

    def muted(self, key: int) -> bool:
        """Whether ``key`` is in a cool-down now."""
        bucket = self._buckets.get(key)
        return bucket is not None and bucket[2] > self.clock()

    def forget(self, key: int) -> None:
        """Drop what is known about ``key`` (e.g. after /forgetme)."""
        self._buckets.pop(key, None)

    def sweep(self, now: float | None = None) -> int:
        """Remove buckets that are full again and not muted (they equal no bucket at all)."""
        moment = self.clock() if now is None else now
        idle = [
            key
            for key, (tokens, at, muted_until) in self._buckets.items()
            if muted_until <= moment and tokens + (moment - at) * self._rate >= self.burst
        ]
        for key in idle:
            del self._buckets[key]
        return len(idle)

    def __len__(self) -> int:
        return len(self._buckets)
