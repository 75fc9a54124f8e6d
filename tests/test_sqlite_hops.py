"""SQLite statements take one trip to aiosqlite's thread, with the same results (issue 18)."""

from __future__ import annotations

import asyncio
import collections
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiosqlite.core
import pytest
from sqlalchemy import bindparam, delete, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from bot.services import form_state, users
from bot.storage.db import Database, create_database
from bot.storage.models import User
from bot.storage.sqlite_hops import OneHopConnection

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


@pytest.fixture
def trips(monkeypatch: pytest.MonkeyPatch) -> collections.Counter[str]:
    """Every call aiosqlite runs on its connection's thread, by the function's name."""
    counted: collections.Counter[str] = collections.Counter()
    original = aiosqlite.core.Connection._execute

    async def counting(self: Any, function: Any, *args: Any, **kwargs: Any) -> Any:
        counted[getattr(function, "__name__", "?")] += 1
        return await original(self, function, *args, **kwargs)

    monkeypatch.setattr(aiosqlite.core.Connection, "_execute", counting)
    return counted


@pytest.fixture
async def sqlite(sqlite_template: Path, tmp_path: Path) -> Any:
    target = tmp_path / "hops.db"
    shutil.copyfile(sqlite_template, target)
    db = create_database(f"sqlite+aiosqlite:///{target}")
    yield db
    await db.dispose()


async def test_a_one_query_read_is_three_trips(
    sqlite: Database, trips: collections.Counter[str]
) -> None:
    """BEGIN, the query, COMMIT: no cursor opened, fetched and closed apart, no empty ROLLBACK
    when the connection goes back to the pool (it was nine trips)."""
    async with sqlite.read() as session:  # the connection is made (PRAGMAs) outside the count
        await session.execute(text("SELECT 1"))
    trips.clear()
    async with sqlite.read() as session:
        await form_state.load(session, ["user:1"])
    assert sum(trips.values()) == 3, trips
    async with sqlite.read() as session:
        connection = await session.connection()
        raw = await connection.get_raw_connection()
        assert isinstance(raw.dbapi_connection, OneHopConnection)


async def test_results_counts_and_ids_are_those_of_sqlite(sqlite: Database) -> None:
    async with sqlite.transaction() as session:
        first = await users.register(session, users.Person(11, "Ann"), NOW)
        second = await users.register(session, users.Person(12, "Bo"), NOW)
        assert second.id == first.id + 1  # the ORM read the new rows' ids back
        inserted = await session.execute(
            insert(User).values(
                telegram_id=13, first_name="Cy", language="en", created_at=NOW, last_seen_at=NOW
            )
        )
        assert inserted.inserted_primary_key is not None
        assert inserted.inserted_primary_key[0] == second.id + 1
        changed = await session.execute(
            update(User).where(User.telegram_id.in_([11, 12])).values(first_name="X")
        )
        assert changed.rowcount == 2  # type: ignore[attr-defined]
        await session.execute(
            insert(User),
            [
                {
                    "telegram_id": 20 + n,
                    "first_name": f"P{n}",
                    "language": "zh",
                    "created_at": NOW,
                    "last_seen_at": NOW,
                }
                for n in range(5)
            ],
        )
        table = User.__table__
        renamed = await session.execute(  # executemany: one statement, many parameter sets
            update(table).where(table.c.telegram_id == bindparam("tid")).values(first_name="Q"),
            [{"tid": 20 + n} for n in range(3)],
        )
        assert renamed.rowcount == 3  # type: ignore[attr-defined]
    async with sqlite.read() as session:
        rows = (await session.execute(select(User.telegram_id, User.first_name))).all()
        assert sorted(rows)[:5] == [(11, "X"), (12, "X"), (13, "Cy"), (20, "Q"), (21, "Q")]
        assert await session.scalar(select(func.count()).select_from(User)) == 8
        nothing = await session.execute(select(User.id).where(User.telegram_id == -1))
        assert nothing.first() is None


async def test_errors_roll_back_and_the_connection_stays_usable(sqlite: Database) -> None:
    async with sqlite.transaction() as session:
        await users.register(session, users.Person(31, "Di"), NOW)

    async def twice() -> None:
        async with sqlite.transaction() as session:
            for _ in range(2):  # the same telegram_id twice: unique
                await session.execute(
                    insert(User).values(
                        telegram_id=32,
                        first_name="Ed",
                        language="en",
                        created_at=NOW,
                        last_seen_at=NOW,
                    )
                )

    for _ in range(3):  # the same pooled connection, again and again
        with pytest.raises(IntegrityError):
            await twice()
    async with sqlite.read() as session:
        ids = (await session.scalars(select(User.telegram_id))).all()
    assert ids == [31]  # the first insert of each failed transaction was rolled back


async def test_a_transaction_abandoned_mid_way_is_rolled_back_on_return(
    sqlite: Database,
) -> None:
    """A connection given back with its transaction open (a cancelled task, say) is rolled
    back by the pool's reset, as before: the next user of the connection sees nothing of it
    and can take the write lock."""
    started = asyncio.Event()

    async def abandoned() -> None:
        async with sqlite.transaction() as session:
            await session.execute(delete(User))
            await session.execute(
                insert(User).values(
                    telegram_id=41, first_name="Fa", language="en", created_at=NOW, last_seen_at=NOW
                )
            )
            started.set()
            await asyncio.sleep(30)

    task = asyncio.create_task(abandoned())
    await started.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    async with asyncio.timeout(5):  # the write lock is free again
        async with sqlite.transaction() as session:
            await users.register(session, users.Person(42, "Gu"), NOW)
    async with sqlite.read() as session:
        assert (await session.scalars(select(User.telegram_id))).all() == [42]
