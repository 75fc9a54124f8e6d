"""Flood control: token buckets per chat and overall, on an injectable, time-scaled clock.

Units (the one definition a client needs):

* Limits in :class:`FloodLimits` are written in Telegram units (30/s overall, about 1/s per
  private chat with a burst of ``private_burst``, 20/min per group).
* ``time_scale`` multiplies every refill rate: with ``time_scale=10`` the emulator allows
  300/s overall, 10/s per private chat and 200/min per group.  Burst capacities do not change.
* ``retry_after`` in a 429 is in **real (wall-clock) seconds**: ``ceil(real wait)``, at least 1.
  Honouring it literally (sleep ``retry_after`` seconds) is always enough; with
  ``time_scale > 1`` it over-waits, because Telegram's integer field cannot go below 1.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

Clock = Callable[[], float]


@dataclass
class FloodLimits:
    """Switchable Telegram-like send limits (see the module docstring for units)."""

    enabled: bool = False
    global_per_second: float = 30
    private_per_second: float = 1.0
    private_burst: int = 3
    group_per_minute: float = 20
    time_scale: float = 1.0
    # Paid broadcasts (``allow_paid_broadcast``) have their own overall budget instead of
    # ``global_per_second``; per-chat limits still apply.
    paid_per_second: float = 1000


class TokenBucket:
    """A bucket of ``capacity`` tokens refilled at ``rate`` tokens per real second."""

    def __init__(self, capacity: float, rate: float, now: float) -> None:
        self.capacity = capacity
        self.rate = rate
        self.tokens = capacity
        self.updated = now

    def _refill(self, now: float) -> None:
        elapsed = max(now - self.updated, 0.0)
        self.tokens = min(self.capacity, self.tokens + elapsed * self.rate)
        self.updated = now

    def wait_time(self, now: float) -> float:
        """Seconds until one token is available (0 when one is available now)."""
        self._refill(now)
        if self.tokens >= 1.0:
            return 0.0
        return (1.0 - self.tokens) / self.rate

    def take(self, now: float) -> None:
        """Consume one token (call only after ``wait_time`` returned 0)."""
        self._refill(now)
        self.tokens -= 1.0


class FloodController:
    """Decides whether one message-sending call may pass, and for how long to back off."""

    def __init__(self, limits: FloodLimits, clock: Clock = time.monotonic) -> None:
        self.limits = limits
        self.clock = clock
        self._global: TokenBucket | None = None
        self._paid: TokenBucket | None = None
        self._chats: dict[int | str, TokenBucket] = {}

    def reset(self, limits: FloodLimits | None = None) -> None:
        """Forget all buckets, optionally switching to new limits."""
        if limits is not None:
            self.limits = limits
        self._global = None
        self._paid = None
        self._chats.clear()

    def _chat_bucket(self, chat_id: int | str, is_group: bool, now: float) -> TokenBucket:
        bucket = self._chats.get(chat_id)
        if bucket is None:
            lim = self.limits
            if is_group:
                rate = lim.group_per_minute / 60.0 * lim.time_scale
                bucket = TokenBucket(lim.group_per_minute, rate, now)
            else:
                rate = lim.private_per_second * lim.time_scale
                bucket = TokenBucket(max(lim.private_burst, 1), rate, now)
            self._chats[chat_id] = bucket
        return bucket

    def acquire(
        self, chat_id: int | str | None, is_group: bool, *, paid: bool = False
    ) -> int | None:
        """Take a slot for one send; return ``None`` if allowed, else ``retry_after`` seconds.

        ``paid``: a paid broadcast, counted against ``paid_per_second`` instead."""
        if not self.limits.enabled:
            return None
        now = self.clock()
        lim = self.limits
        if paid:
            if self._paid is None:
                self._paid = TokenBucket(
                    lim.paid_per_second, lim.paid_per_second * lim.time_scale, now
                )
            overall = self._paid
        else:
            if self._global is None:
                self._global = TokenBucket(
                    lim.global_per_second, lim.global_per_second * lim.time_scale, now
                )
            overall = self._global
        buckets = [overall]
        if chat_id is not None:
            buckets.append(self._chat_bucket(chat_id, is_group, now))
        wait = max(bucket.wait_time(now) for bucket in buckets)
        if wait > 0:
            return max(1, math.ceil(wait - 1e-9))
        for bucket in buckets:
            bucket.take(now)
        return None
