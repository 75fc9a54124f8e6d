"""Engine and session factories for SQLite (embedded default) and PostgreSQL (scale-out).

SQLite notes (see FACTS.md): aiosqlite's own BEGIN handling is bypassed (``isolation_level``
is set to ``None`` and SQLAlchemy emits ``BEGIN`` itself). Write transactions start with
``BEGIN IMMEDIATE`` so that, in WAL mode, a transaction that reads and then writes waits for
the write lock (busy timeout) instead of failing with "database is locked".
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar, cast

from sqlalchemy import Table, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from bot.storage import effects, sqlite_hops
from bot.storage.base import declare_partial_indexes_for_postgresql
from bot.storage.models.inbox import InboxEffect
from bot.storage.upsert import insert_ignore

_log = logging.getLogger(__name__)
SQLITE_BUSY_TIMEOUT_MS = 30_000
_READ_ONLY = "frontdesk_read_only"
_LOCK_WAIT_MS = "frontdesk_lock_wait_ms"
# eager_transaction: how long SQLite's busy handler waits for the lock at each try (it sleeps
# 1 and 2 ms), and the pause between tries.
_EAGER_WAIT_MS = 3
_EAGER_PAUSE_S = 0.003
_RING_AFTER_COMMIT = "frontdesk_ring_after_commit"

T = TypeVar("T")
# One batch of background work: what it does in its write transaction.
Work = Callable[[AsyncSession], Awaitable[T]]


def ring_after_commit(session: AsyncSession) -> None:
    """Ask the database's :class:`CommitBell` to ring once this session's transaction commits.

    The outbox calls this when it writes a row, so the sender wakes after the commit by
    itself; a rolled-back transaction rings nothing.
    """
    session.info[_RING_AFTER_COMMIT] = True


class CommitBell:
    """Listeners called after a write transaction that asked for it commits (the outbox sender)."""

    def __init__(self) -> None:
        self._listeners: list[Callable[[], None]] = []

    def listen(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def forget(self, listener: Callable[[], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def ring(self) -> None:
        for listener in list(self._listeners):
            listener()


def _prepare_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Connection) -> None:
        options = connection.get_execution_options()
        if options.get(_READ_ONLY, False):
            connection.exec_driver_sql("BEGIN")
            return
        wait = options.get(_LOCK_WAIT_MS)
        if wait is None:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            return
        connection.exec_driver_sql(f"PRAGMA busy_timeout = {int(wait)}")
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        finally:
            connection.exec_driver_sql(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")


# The frames between a caller and the transaction it opened (for its call site).
_PLUMBING = frozenset({__file__, contextlib.__file__})
_MARKER_KEY = ("update_id", "site")
_EFFECTS = cast(Table, InboxEffect.__table__)


class Database:
    """One engine and its session factories; built by :func:`create_database`."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.commits = CommitBell()
        self._write = async_sessionmaker(engine, expire_on_commit=False)
        self._eager = async_sessionmaker(
            engine.execution_options(**{_LOCK_WAIT_MS: _EAGER_WAIT_MS}), expire_on_commit=False
        )
        self._read = async_sessionmaker(
            engine.execution_options(**{_READ_ONLY: True}), expire_on_commit=False
        )

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session in a write transaction, committed on success, rolled back on error.

        After the commit, the :attr:`commits` bell rings if the transaction wrote to the
        outbox (:func:`ring_after_commit`), so no caller has to remember to wake the sender.

        While an inbox update is handled, the transaction is marked as that update's effect
        (:mod:`bot.storage.effects`); one already committed for the update is rolled back.
        """
        scope = effects.current()
        if scope is None:
            async with self._write() as session, session.begin():
                yield session
        else:
            site = scope.next_site(effects.call_site(_PLUMBING))
            async with self._write() as session:
                await session.begin()
                try:
                    yield session
                except BaseException:
                    await session.rollback()
                    raise
                marker = {"update_id": scope.update_id, "site": site}
                if await insert_ignore(session, _EFFECTS, marker, _MARKER_KEY):
                    await session.commit()
                else:  # committed when this update was handled before: nothing twice
                    await session.rollback()
                    scope.replayed += 1
                    session.info.pop(_RING_AFTER_COMMIT, None)
        # Rung once the session is closed too, with no await left before the caller resumes.
        if session.info.pop(_RING_AFTER_COMMIT, False):
            self.commits.ring()

    @asynccontextmanager
    async def eager_transaction(self) -> AsyncIterator[AsyncSession]:
        """A write transaction for background work in short batches (retention), holding the
        write lock when the block starts.

        SQLite's busy handler waits longer and longer (up to 100 ms between tries), so behind
        writers that keep coming (residents signing up) one batch waited 0.3 s on average
        for the lock, and a 5,000-resident pass spent most of its time waiting (issue 18).
        Here the lock is asked for every few milliseconds instead, and the caller rests after
        each batch so the others get their turn. After ``SQLITE_BUSY_TIMEOUT_MS`` of trying,
        or on PostgreSQL (no database-wide lock), or inside an update's handling, it is
        :meth:`transaction`.
        """
        if self.dialect != "sqlite" or effects.current() is not None:
            async with self.transaction() as session:
                yield session
            return
        loop = asyncio.get_running_loop()
        deadline = loop.time() + SQLITE_BUSY_TIMEOUT_MS / 1000
        while loop.time() < deadline:
            async with self._eager() as session:
                try:
                    await session.connection()  # BEGIN IMMEDIATE, waiting a few ms at most
                except OperationalError as exc:
                    if "locked" not in str(exc.orig):
                        raise
                else:
                    try:
                        yield session
                    except BaseException:
                        await session.rollback()
                        raise
                    await session.commit()
                    if session.info.pop(_RING_AFTER_COMMIT, False):
                        self.commits.ring()
                    return
            await asyncio.sleep(_EAGER_PAUSE_S)
        async with self.transaction() as session:
            yield session

    @asynccontextmanager
    async def batches(self) -> AsyncIterator[BatchRunner]:
        """A runner for background work in short write transactions (retention's batches):
        ``await runner.run(work)`` runs ``work(session)`` in an :meth:`eager_transaction`
        and returns its result and how long the transaction held the write lock.

        On a SQLite file each batch runs on a thread of its own, with its own event loop and
        one connection whose statements run on that thread (``sqlite_hops.InlineCursor``):
        nothing else runs on that loop, and no statement waits for a thread wake-up, so the
        lock is held for the batch's own work. On the shared loop each of a batch's ~50
        statements was a trip to aiosqlite's thread and back through the loop; on a loaded
        2-core machine a batch of 16 people then held the lock 100–190 ms, mostly waiting
        to be scheduled (issue 18). The loop the bot runs on stays free meanwhile (reads go
        on in WAL mode). Elsewhere (PostgreSQL, an in-memory database, inside an update's
        handling) the batches run here, on this engine.
        """
        name = self.engine.url.database
        if (
            self.dialect != "sqlite"
            or not name
            or name == ":memory:"
            or effects.current() is not None
        ):
            yield BatchRunner(self)
            return
        runner = _ThreadBatchRunner(self)
        try:
            yield runner
        finally:
            await runner.close()

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncSession]:
        """A session for reads only; never takes SQLite's write lock."""
        async with self._read() as session, session.begin():
            yield session

    async def dispose(self) -> None:
        await self.engine.dispose()


class BatchRunner:
    """Runs batches of background work in :meth:`Database.eager_transaction`, here."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def run(self, work: Work[T]) -> tuple[T, float]:
        """``work(session)`` in its own write transaction, committed; its result and the
        seconds from when the write lock was held until the commit returned."""
        return await _held(self.db, work)


async def _held(db: Database, work: Work[T]) -> tuple[T, float]:
    async with db.eager_transaction() as session:
        # Timed from when the write lock is held (SQLite: BEGIN IMMEDIATE returned): the
        # wait for it is other writers' time (issue 18).
        await session.connection()
        started = time.perf_counter()
        result = await work(session)
    return result, time.perf_counter() - started


class _ThreadBatchRunner(BatchRunner):
    """Runs each batch on a thread of its own (SQLite file): see :meth:`Database.batches`.

    The thread runs an event loop of its own and a :class:`Database` on the same file with
    one connection (:func:`_inline_database`); a batch is handed over whole and its result
    handed back, with the caller's context (a retention pass's scratch space). Whatever the
    batch enqueued for the sender rings this database's :attr:`Database.commits` bell here,
    on the caller's loop."""

    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self._caller = asyncio.get_running_loop()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="frontdesk-batches", daemon=True
        )
        self._thread.start()
        self._worker: Database | None = None

    async def run(self, work: Work[T]) -> tuple[T, float]:
        async def there() -> tuple[T, float]:
            if self._worker is None:
                self._worker = _inline_database(self.db.engine.url)
                self._worker.commits.listen(self._ring)
            done = await _held(self._worker, work)
            try:  # the batch is committed: a checkpoint that fails is the next one's to do
                await _checkpoint(self._worker)
            except Exception as error:
                _log.warning("batches: a WAL checkpoint failed (%s)", type(error).__name__)
            return done

        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(there(), self._loop))

    def _ring(self) -> None:
        self._caller.call_soon_threadsafe(self.db.commits.ring)

    async def close(self) -> None:
        worker = self._worker
        try:
            if worker is not None:
                await asyncio.wrap_future(
                    asyncio.run_coroutine_threadsafe(worker.dispose(), self._loop)
                )
        finally:  # the thread and its loop never outlive the pass
            self._loop.call_soon_threadsafe(self._loop.stop)
            await asyncio.to_thread(self._thread.join)
            self._loop.close()


async def _checkpoint(db: Database) -> None:
    """Copy the write-ahead log into the database file, with no transaction and no write
    lock (a passive checkpoint: writers and readers go on meanwhile). The batches'
    connection does not checkpoint at its commits (:func:`_inline_database`): a commit that
    found the log past 1,000 pages copied it there and then, and that batch took 100–250 ms
    instead of 30–90 (issue 18)."""
    proxied = await db.engine.raw_connection()
    try:
        driver: Any = proxied.driver_connection
        driver._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").close()
    finally:
        proxied.close()


def _inline_database(url: Any) -> Database:
    """A :class:`Database` on the SQLite file at ``url`` with one connection whose
    statements run on the calling thread (for :class:`_ThreadBatchRunner`'s thread only)."""
    engine = create_async_engine(
        url,
        hide_parameters=True,
        connect_args={"timeout": 30, "check_same_thread": False},
        pool_reset_on_return=None,
        pool_size=1,
        max_overflow=0,
    )
    _prepare_sqlite(engine)
    sqlite_hops.install(engine)
    sqlite_hops.install_inline(engine)

    @event.listens_for(engine.sync_engine, "connect")
    def _no_checkpoint_at_commit(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection._connection._conn.execute("PRAGMA wal_autocheckpoint = 0").close()

    return Database(engine)


def create_database(url: str, *, echo: bool = False, pool_size: int = 10) -> Database:
    """Build the engine for ``url`` with the settings each backend needs.

    ``hide_parameters``: an SQL error's message never shows the statement's values, which are
    residents' texts and names, so the error log (tracebacks included) never holds them.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        pool: dict[str, Any] = {}
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            # A fixed set of connections, as many as SQLAlchemy's default pool allowed at
            # most (5 + 10 overflow): overflow connections were closed on return and opened
            # again (a thread and four PRAGMAs each), 0.22 times per update under the
            # foundation bench; now none after the first few.
            pool = {"pool_size": 15, "max_overflow": 0}
        engine = create_async_engine(
            url,
            echo=echo,
            hide_parameters=True,
            connect_args={"timeout": 30},
            pool_reset_on_return=None,  # sqlite_hops.install rolls back when it is needed
            **pool,
        )
        _prepare_sqlite(engine)
        sqlite_hops.install(engine)
    else:
        declare_partial_indexes_for_postgresql()
        engine = create_async_engine(
            url,
            echo=echo,
            hide_parameters=True,
            pool_size=pool_size,
            max_overflow=pool_size,
            pool_pre_ping=True,
        )
    return Database(engine)
