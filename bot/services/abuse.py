"""Flood protection: a token bucket per person.

A person may send ``burst`` updates at once and ``burst`` per ``window`` seconds on average.
The first update over the limit is answered with one polite "slow down"
(:attr:`Verdict.WARN`); everything during the following ``cooldown`` seconds is dropped
(:attr:`Verdict.DROP`) without a word, so a script gets nothing back to feed on.

Where the buckets live:

- SQLite (one process): in memory, a dict lookup per update (:meth:`FloodGuard.check`).
- PostgreSQL with several instances: in the UNLOGGED table ``flood_buckets``, one round
  trip per resident update (``frontdesk_flood_check``, migration 0023; :class:`SharedBuckets`),
  so a burst spread over instances by a load balancer, or over workers claiming from the
  inbox, is limited exactly as on one instance. By default the shared buckets are used only
  while another instance is alive (``SharedBuckets.active``: the heartbeats' count), so one
  instance alone keeps the microsecond in-memory check. If the database cannot be reached the
  instance falls back to its own buckets (logged once). Redis would be a little faster but a
  second service to run: docs/deploy.md, "Scale-out", has the figures.

The clock is injected (``time.monotonic`` in production) so tests control time; the shared
buckets use the database's clock (hosts' monotonic clocks are unrelated) unless a test
replaced the guard's, whose readings are then passed in. Time never runs backwards in a
bucket, in memory as in SQL (``GREATEST(last, now)``): a clock moved back holds the bucket
still until it catches up, it neither drains nor refills it.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from enum import Enum

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from bot.storage.db import Database

log = logging.getLogger(__name__)

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


CHECK = text("SELECT frontdesk_flood_check(:person, :burst, :rate, :cooldown, :at)")
# Idle rows (full again, not muted) go; the database's clock, unless a test gives its own.
PURGE = text(
    "DELETE FROM flood_buckets WHERE muted_until < COALESCE(:now, "
    "extract(epoch from clock_timestamp())) AND updated < COALESCE(:now, "
    "extract(epoch from clock_timestamp())) - :idle"
)
PURGE_EVERY = 2_000  # checks


class SharedBuckets:
    """The guard's buckets in PostgreSQL, shared by every instance (module docstring)."""

    def __init__(self, db: Database, active: Callable[[], bool] = lambda: True) -> None:
        self.db = db
        # Whether to use the database now (automatic mode: while another instance is alive).
        self.active = active
        self.checks = 0
        self._failing = False

    async def check(self, key: int, guard: FloodGuard, at: float | None) -> Verdict | None:
        """The verdict for one update of ``key``; ``None`` if the database is away."""
        values = {
            "person": key,
            "burst": guard.burst,
            "rate": guard.rate,
            "cooldown": guard.cooldown,
            "at": at,
        }
        try:
            # Autocommit: the statement is its own transaction, one round trip (no BEGIN and
            # COMMIT of their own).
            async with self.db.engine.connect() as plain:
                connection = await plain.execution_options(isolation_level="AUTOCOMMIT")
                found = await connection.scalar(CHECK, values)
                self.checks += 1
                if self.checks % PURGE_EVERY == 0:
                    await connection.execute(
                        PURGE, {"now": at, "idle": guard.window + guard.cooldown}
                    )
        except (SQLAlchemyError, OSError) as error:
            if not self._failing:
                log.warning(
                    "shared flood guard unreachable (%s): limiting in this process only",
                    type(error).__name__,
                )
                self._failing = True
            return None
        if self._failing:
            log.info("shared flood guard reachable again")
            self._failing = False
        return Verdict(found)

    async def forget(self, key: int) -> None:
        """Drop ``key``'s bucket (``/forgetme``); the database away: it goes with the purge."""
        try:
            async with self.db.engine.begin() as connection:
                await connection.execute(
                    text("DELETE FROM flood_buckets WHERE telegram_id = :key"), {"key": key}
                )
        except (SQLAlchemyError, OSError):
            pass


class FloodGuard:
    """Token buckets keyed by Telegram user id: in memory, or shared (``shared``)."""

    __slots__ = (
        "_buckets", "_rate", "burst", "clock", "cooldown", "max_tracked", "shared", "window"
    )  # fmt: skip

    def __init__(
        self,
        burst: int,
        window: float,
        cooldown: float,
        clock: Callable[[], float] = time.monotonic,
        max_tracked: int = SWEEP_ABOVE,
        shared: SharedBuckets | None = None,
    ) -> None:
        if burst < 1 or window <= 0 or cooldown <= 0:
            raise ValueError("burst >= 1, window > 0 and cooldown > 0 are required")
        self.burst = float(burst)
        self.window = window
        self.cooldown = cooldown
        self.clock = clock
        self.max_tracked = max_tracked
        self._rate = burst / window
        self.shared = shared
        # key -> [tokens, last refill time, muted until]
        self._buckets: dict[int, list[float]] = {}

    @property
    def rate(self) -> float:
        """Tokens refilled per second."""
        return self._rate

    async def verdict(self, key: int) -> Verdict:
        """Count one update of ``key`` where the buckets live (shared, or this process)."""
        if self.shared is None or not self.shared.active():
            return self.check(key)
        # The database's clock, unless a test replaced the guard's clock.
        at = None if self.clock is time.monotonic else self.clock()
        found = await self.shared.check(key, self, at)
        return self.check(key) if found is None else found

    def check(self, key: int) -> Verdict:
        """Count one update of ``key`` and say what to do with it."""
        now = self.clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self.max_tracked:
                self.sweep(now)
            self._buckets[key] = [self.burst - 1.0, now, 0.0]
            return Verdict.PASS
        now = max(now, bucket[1])  # a clock moved back holds the bucket still (as in SQL)
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
        """Drop what this process knows about ``key`` (e.g. after /forgetme; the shared
        bucket: :meth:`SharedBuckets.forget`)."""
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
