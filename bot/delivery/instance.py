"""This process as one instance among several: an id, a heartbeat, a clean leave.

The outbox records which instance claimed a row (bot/services/instances.py); the heartbeat
is what tells a crashed instance's claims from a live one's.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from datetime import datetime, timedelta

from sqlalchemy.exc import SQLAlchemyError

from bot.runtime import Runtime
from bot.services import instances

log = logging.getLogger(__name__)
FORGET_EVERY = 200  # heartbeats between two sweeps of long-dead instances' rows
FORGET_AFTER = timedelta(days=1)


class InstanceHeartbeat:
    """Registers this process, beats every ``heartbeat_seconds``, and leaves on a clean stop."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        delivery = runtime.settings.delivery
        self.interval = delivery.heartbeat_seconds
        self.dead_after = timedelta(seconds=delivery.dead_after_seconds)
        self.host = socket.gethostname()
        self.pid = os.getpid()
        self.id = f"{self.host[:40]}-{self.pid}-{uuid.uuid4().hex[:8]}"
        # Since when (database time) this instance has reached the database without a gap:
        # a heartbeat missed during an outage is nobody's fault (bot/services/instances.py).
        # ``None`` until the first heartbeat: nobody is judged before.
        self.up_since: datetime | None = None
        # How many other instances were alive at the last heartbeat (same transaction, one
        # count): what the flood guard's automatic mode reads (bot/services/abuse.py).
        self.others = 0
        self._down = False
        self._task: asyncio.Task[None] | None = None
        self._stopping = False  # the loop ends even if stop()'s cancel is swallowed

    async def start(self) -> None:
        await self.beat()
        if self._task is None:
            self._stopping = False
            self._task = asyncio.create_task(self._run(), name="instance-heartbeat")

    async def stop(self) -> None:
        if self._task is not None:
            self._stopping = True
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        with contextlib.suppress(SQLAlchemyError, OSError):
            async with self.runtime.db.transaction() as session:
                await instances.leave(session, self.id)

    async def beat(self) -> bool:
        """One heartbeat; ``False`` (logged once per outage) when the database is out of reach."""
        try:
            async with self.runtime.db.transaction() as session:
                now = await instances.db_now(session)
                await instances.beat(session, self.id, self.host, self.pid, now)
                live = await instances.count_live(session, now, self.dead_after)
        except (SQLAlchemyError, OSError) as error:
            if not self._down:
                log.warning("instance heartbeat failed (%s): retrying", type(error).__name__)
            self._down = True
            return False
        self.others = max(0, live - 1)
        if self._down:
            log.info("instance heartbeat back")
            self._down = False
            self.up_since = now
        elif self.up_since is None:
            self.up_since = now
        return True

    async def _run(self) -> None:
        beats = 0
        while not self._stopping:
            await asyncio.sleep(self.interval)
            beats += 1
            if await self.beat() and beats % FORGET_EVERY == 0:
                await self._forget_dead()

    async def _forget_dead(self) -> None:
        """Rows of instances gone for a day, holding no claim, are dropped."""
        with contextlib.suppress(SQLAlchemyError, OSError):
            async with self.runtime.db.transaction() as session:
                now = await instances.db_now(session)
                await instances.forget_dead(session, now, FORGET_AFTER)
