"""Who may do what when several processes run: one poller per token, one process per SQLite file.

- Polling: Telegram lets one consumer call ``getUpdates`` at a time (a second gets 409
  Conflict). On PostgreSQL the instances elect the poller with a session advisory lock held
  on a connection of its own; the others wait quietly (one log line) and take over when the
  poller goes, its connection closing with it. They still send the outbox and run the jobs.
- SQLite is the one-process embedded default: a second process on the same file is refused
  at start-up with a clear message (an exclusive lock on ``<database>.lock``).
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import logging
import os
from pathlib import Path
from typing import IO

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.storage.db import Database

log = logging.getLogger(__name__)

POLLING_LOCK = 0x66640015
RETRY_SECONDS = 3.0


class SQLiteInUse(RuntimeError):
    """Another process serves the same SQLite database."""


def sqlite_file(url: str) -> Path | None:
    """The database file of a SQLite URL (``None`` for PostgreSQL or ``:memory:``)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def claim_sqlite(url: str) -> IO[str] | None:
    """Hold ``<database>.lock`` for this process's lifetime; raise if another holds it."""
    path = sqlite_file(url)
    if path is None:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = (path.parent / (path.name + ".lock")).open("a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "unknown"
        handle.close()
        raise SQLiteInUse(
            f"another process (pid {holder}) is already serving the SQLite database {path}. "
            "SQLite is for one process; to run several instances use PostgreSQL "
            "(FRONTDESK_DATABASE_URL=postgresql+asyncpg://…, see docs/deploy.md)."
        ) from None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    return handle


class PollingLeader:
    """The advisory lock that makes one PostgreSQL-sharing instance the poller."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._connection: AsyncConnection | None = None

    async def acquire(self, stopping: asyncio.Event) -> bool:
        """Wait until this instance is the poller (``True``) or ``stopping`` is set."""
        if self.db.dialect != "postgresql":
            return not stopping.is_set()
        told = False
        while not stopping.is_set():
            if await self._try():
                if told:
                    log.info("taking over polling")
                return True
            if not told:
                log.info("another instance is polling this bot: waiting to take over")
                told = True
            # Not ``wait_for``, which can swallow a cancel (bot/delivery/sender.py).
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(RETRY_SECONDS):
                    await stopping.wait()
        return False

    async def _try(self) -> bool:
        try:
            connection = await self.db.engine.connect()
            got = await connection.scalar(
                text("SELECT pg_try_advisory_lock(:key)"), {"key": POLLING_LOCK}
            )
            await connection.commit()
        except (SQLAlchemyError, OSError):
            return False
        if got:
            self._connection = connection
            return True
        await connection.close()
        return False

    async def still_held(self) -> bool:
        """``False`` once the lock's connection is gone (another instance may poll now)."""
        if self._connection is None:
            return self.db.dialect != "postgresql"
        try:
            await self._connection.scalar(text("SELECT 1"))
            await self._connection.commit()
        except (SQLAlchemyError, OSError):
            await self.release()
            return False
        return True

    async def release(self) -> None:
        """Let another instance poll: the connection is discarded, never pooled with the
        lock still on it."""
        if self._connection is not None:
            with contextlib.suppress(SQLAlchemyError, OSError):
                await self._connection.invalidate()
                await self._connection.close()
            self._connection = None
