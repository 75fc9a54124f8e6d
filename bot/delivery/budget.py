"""Telegram's limits shared by every instance: token buckets kept in PostgreSQL.

Telegram counts 30 messages a second per bot, and about one a second per chat, whoever
sends them. With several instances an in-process limiter lets each send its own 30, so the
buckets live in the database: ``frontdesk_take_token`` (migration 0015) refills a bucket by
the database's clock and takes a token in one round trip, the row lock serialising the
instances. Why PostgreSQL rather than Redis or a sending leader: it is already there (no
second service to run and watch), a take costs one short round trip (bench/bench_scaleout.py
measures it), and replies from every instance draw on the same budget as bulk sends, which
a bulk-sending leader would not cover. Bulk sends leave ``BULK_RESERVE`` tokens to replies.

SQLite runs one process: the in-process limiter (bot/delivery/limiter.py) is enough there.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from bot.storage.db import Database

log = logging.getLogger(__name__)

# One statement, its own transaction (autocommit): one round trip instead of BEGIN, SELECT and
# COMMIT, and a commit that does not wait for the WAL flush (``set_config(..., true)`` lasts
# until the statement's own commit). Only a PostgreSQL server crash can lose such a commit:
# the tokens taken in the last fraction of a second come back, so the instances may send a
# few messages too many once after the server restarts, which the senders' handling of a
# 429 (``retry_after``) absorbs.
TAKE = text(
    "SELECT frontdesk_take_token(:key, :capacity, :rate, :reserve) "
    "FROM (SELECT set_config('synchronous_commit', 'off', true)) AS no_flush_wait"
)
PURGE = text(
    "DELETE FROM send_buckets WHERE key <> 'overall' AND key <> 'free' "
    "AND updated < extract(epoch from clock_timestamp()) - :idle"
)
BULK_RESERVE = 2.0
PURGE_EVERY = 5_000  # takes; a chat's bucket idle for PURGE_IDLE_SECONDS is full anyway
PURGE_IDLE_SECONDS = 300.0


@dataclass(frozen=True)
class BucketSpec:
    key: str
    capacity: float
    rate: float


class SharedBudget:
    """Token buckets in the database, shared by every instance (see the module docstring)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.takes = 0
        self._failing = False

    async def take(self, bucket: BucketSpec, *, bulk: bool) -> float:
        """Take one token of ``bucket``; returns 0, or the seconds before one is there."""
        reserve = BULK_RESERVE if bulk and bucket.capacity > BULK_RESERVE + 1 else 0.0
        try:
            async with self.db.engine.connect() as plain:
                connection = await plain.execution_options(isolation_level="AUTOCOMMIT")
                wait = await connection.scalar(
                    TAKE,
                    {
                        "key": bucket.key,
                        "capacity": bucket.capacity,
                        "rate": bucket.rate,
                        "reserve": reserve,
                    },
                )
        except (SQLAlchemyError, OSError) as error:
            # The database out of reach: keep to this process's own limiter (logged once).
            if not self._failing:
                log.warning(
                    "shared send budget unreachable (%s): pacing in this process only",
                    type(error).__name__,
                )
                self._failing = True
            return 0.0
        if self._failing:
            log.info("shared send budget reachable again")
            self._failing = False
        self.takes += 1
        if self.takes % PURGE_EVERY == 0:
            await self.purge_idle()
        return float(wait or 0.0)

    async def purge_idle(self) -> None:
        """Drop chats' buckets that refilled long ago (a new bucket starts full anyway)."""
        try:
            async with self.db.engine.begin() as connection:
                await connection.execute(PURGE, {"idle": PURGE_IDLE_SECONDS})
        except (SQLAlchemyError, OSError):  # next time, then
            return
