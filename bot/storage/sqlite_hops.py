"""One trip to aiosqlite's thread per SQLite statement instead of four (issue 18).

aiosqlite runs every call on its connection's own thread and hands the result back to the
event loop: each call is a queue put, a thread wake-up, a ``call_soon_threadsafe`` and a
wake-up of the loop, and the GIL changing hands twice. SQLAlchemy's adapter makes four such
calls for a ``SELECT`` (new cursor, execute, fetch all, close) and three for any other
statement, so a one-query read session (``BEGIN``, the query, ``COMMIT``, and the pool's
rollback when the connection is returned) took nine. Profiled under the foundation bench,
those hand-overs were the largest part of a free-text update's CPU beyond the echo bot's.

:class:`OneHopCursor` runs cursor, execute, fetch and close in one function on the
connection's thread: the same statements in the same order on the same connection, so the
same results, rowcounts and errors (a ``sqlite3`` error is re-raised exactly as SQLAlchemy's
own adapter does, and wrapped by SQLAlchemy the same way). :func:`install` (called by
:func:`bot.storage.db.create_database` for SQLite) gives each new connection this cursor,
and makes the pool's reset on return a rollback only when the connection still has a
transaction open (``sqlite3.Connection.in_transaction``; SQLAlchemy's ``reset`` event with
``pool_reset_on_return=None``): a session ending with ``COMMIT`` no longer pays a second,
empty ``ROLLBACK``.

Server-side (streaming) cursors keep SQLAlchemy's own class; nothing here changes for
PostgreSQL. ``tests/test_sqlite_hops.py`` counts the trips and checks the results.
"""

from __future__ import annotations

import collections
import sqlite3
from collections.abc import Sequence
from typing import Any

from sqlalchemy import event
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
)
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.util import EMPTY_DICT
from sqlalchemy.util.concurrency import await_

_Outcome = tuple[Any, int, int | None, list[Any]]


def _execute_one(connection: sqlite3.Connection, operation: str, parameters: Any) -> _Outcome:
    """On the connection's thread: one statement, its rows and counts, the cursor closed."""
    cursor = connection.cursor()
    try:
        if parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        description = cursor.description
        rows = cursor.fetchall() if description else []
        return description, cursor.rowcount, cursor.lastrowid, rows
    finally:
        cursor.close()


def _execute_many(
    connection: sqlite3.Connection, operation: str, parameters: Sequence[Any]
) -> _Outcome:
    cursor = connection.cursor()
    try:
        cursor.executemany(operation, parameters)
        return cursor.description, cursor.rowcount, cursor.lastrowid, []
    finally:
        cursor.close()


class OneHopCursor(AsyncAdapt_aiosqlite_cursor):
    """SQLAlchemy's aiosqlite cursor, with each statement one call on the connection thread.

    It keeps no driver cursor between statements: the description, counts and rows of the
    last statement are kept here (the rows were always fetched at once for a buffered
    cursor, as SQLAlchemy's adapter does).
    """

    __slots__ = ("_description", "_lastrowid", "_rowcount")

    def __init__(self, adapt_connection: Any) -> None:  # no driver cursor: no trip
        self._adapt_connection = adapt_connection
        self._connection = adapt_connection._connection
        self._cursor = None  # type: ignore[assignment]
        self._soft_closed_memoized = EMPTY_DICT
        self._rows = collections.deque()
        self._description: Any = None
        self._rowcount = -1
        self._lastrowid: int | None = None

    @property
    def description(self) -> Any:
        return self._description

    @property
    def rowcount(self) -> int:
        return self._rowcount

    @property
    def lastrowid(self) -> Any:
        return self._lastrowid

    @property
    def arraysize(self) -> int:
        return 1  # sqlite3's default

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        pass

    async def _async_soft_close(self) -> None:
        return  # nothing open on the driver's side

    def close(self) -> None:
        self._rows.clear()

    def execute(self, operation: Any, parameters: Any = None) -> Any:
        try:
            return await_(self._run(_execute_one, operation, parameters))
        except Exception as error:
            self._adapt_connection._handle_exception(error)

    def executemany(self, operation: Any, seq_of_parameters: Any) -> Any:
        try:
            return await_(self._run(_execute_many, operation, seq_of_parameters))
        except Exception as error:
            self._adapt_connection._handle_exception(error)

    async def _run(self, function: Any, operation: Any, parameters: Any) -> None:
        driver = self._connection  # aiosqlite.Connection
        async with self._adapt_connection._execute_mutex:
            outcome: _Outcome = await driver._execute(function, driver._conn, operation, parameters)
        self._description, self._rowcount, self._lastrowid, rows = outcome
        self._rows = collections.deque(rows)


class OneHopConnection(AsyncAdapt_aiosqlite_connection):
    """SQLAlchemy's aiosqlite connection, handing out :class:`OneHopCursor`."""

    __slots__ = ()
    _cursor_cls = OneHopCursor


def install(engine: AsyncEngine) -> None:
    """Give ``engine``'s SQLite connections one trip per statement and a lean pool reset.

    The engine must be built with ``pool_reset_on_return=None``: the ``reset`` listener
    below does the pool's rollback itself, only when it is needed.
    """

    @event.listens_for(engine.sync_engine, "connect")
    def _one_hop(dbapi_connection: Any, _record: Any) -> None:
        if type(dbapi_connection) is AsyncAdapt_aiosqlite_connection:
            dbapi_connection.__class__ = OneHopConnection

    @event.listens_for(engine.sync_engine, "reset")
    def _reset(dbapi_connection: Any, _record: Any, reset_state: Any) -> None:
        # The pool's rollback on return, only when a transaction is still open: a session
        # that ended with COMMIT (or ROLLBACK) leaves none, and an empty ROLLBACK is a trip.
        # Not in a non-async context (a connection garbage-collected), as SQLAlchemy's own.
        if reset_state.terminate_only or not reset_state.asyncio_safe:
            return
        if reset_state.transaction_was_reset:
            return
        if dbapi_connection._connection.in_transaction:
            dbapi_connection.rollback()


class InlineCursor(OneHopCursor):
    """:class:`OneHopCursor` that runs each statement on the calling thread, with no trip to
    aiosqlite's thread at all: for a connection used by one thread that only does that (the
    retention's batches, run on their own thread by :class:`bot.storage.db.Database`), so a
    batch's statements follow each other with no hand-over, no thread wake-up and no event
    loop in between. The connection must be opened with ``check_same_thread=False``."""

    __slots__ = ()

    def execute(self, operation: Any, parameters: Any = None) -> Any:
        try:
            outcome = _execute_one(self._connection._conn, operation, parameters)
        except Exception as error:
            self._adapt_connection._handle_exception(error)
        self._keep(outcome)

    def executemany(self, operation: Any, seq_of_parameters: Any) -> Any:
        try:
            outcome = _execute_many(self._connection._conn, operation, seq_of_parameters)
        except Exception as error:
            self._adapt_connection._handle_exception(error)
        self._keep(outcome)

    def _keep(self, outcome: _Outcome) -> None:
        self._description, self._rowcount, self._lastrowid, rows = outcome
        self._rows = collections.deque(rows)


class InlineConnection(OneHopConnection):
    """:class:`OneHopConnection` whose statements, ``COMMIT`` and ``ROLLBACK`` run on the
    calling thread (:class:`InlineCursor`)."""

    __slots__ = ()
    _cursor_cls = InlineCursor

    def commit(self) -> None:
        if self._connection._connection:
            try:
                self._connection._conn.commit()
            except Exception as error:
                self._handle_exception(error)

    def rollback(self) -> None:
        if self._connection._connection:
            try:
                self._connection._conn.rollback()
            except Exception as error:
                self._handle_exception(error)


def install_inline(engine: AsyncEngine) -> None:
    """Give ``engine``'s connections :class:`InlineConnection` once they are set up (after
    :func:`install`'s listeners and the PRAGMAs, which go through aiosqlite's thread)."""

    @event.listens_for(engine.sync_engine, "connect")
    def _inline(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.__class__ = InlineConnection
