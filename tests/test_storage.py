"""Storage: concurrent writers never see "database is locked"; migrations run from the CLI."""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import PrimaryKeyConstraint, UniqueConstraint, inspect, select, text, update
from sqlalchemy.engine import Connection

from bot import schema
from bot.schema import Base
from bot.services import users
from bot.storage.db import SQLITE_BUSY_TIMEOUT_MS, Database
from bot.storage.models import User

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


async def test_concurrent_read_then_write_transactions_all_succeed(database: Database) -> None:
    """Fifty transactions that read, then write the same row, all commit; no update is lost."""
    async with database.transaction() as session:
        await users.register(session, users.Person(1, "0"), NOW)

    async def bump() -> None:
        async with database.transaction() as session:
            user = await session.scalar(select(User).where(User.telegram_id == 1))
            assert user is not None
            await asyncio.sleep(0)  # let the others interleave between the read and the write
            counter = int(user.first_name) + 1
            await session.execute(
                update(User).where(User.id == user.id).values(first_name=str(counter))
            )

    await asyncio.gather(*(bump() for _ in range(50)))
    async with database.read() as session:
        name = await session.scalar(select(User.first_name).where(User.telegram_id == 1))
    if database.dialect == "sqlite":
        assert name == "50"  # BEGIN IMMEDIATE serialises the read-modify-write cycles
    else:
        assert name is not None  # PostgreSQL READ COMMITTED: features use row locks where needed


async def test_an_eager_transaction_gets_the_lock_between_other_writers(
    database: Database,
) -> None:
    """The retention's batches (``eager_transaction``) ask for SQLite's write lock again and
    again while another writer holds it, then run with the normal busy timeout and commit;
    an error inside rolls the batch back. PostgreSQL: a plain transaction."""
    async with database.transaction() as session:
        await users.register(session, users.Person(1, "0"), NOW)
    holding = asyncio.Event()

    async def hold() -> None:
        async with database.transaction() as session:
            await session.execute(update(User).values(first_name="held"))
            holding.set()
            await asyncio.sleep(0.3)  # longer than one try of the eager transaction

    holder = asyncio.create_task(hold())
    await holding.wait()
    async with database.eager_transaction() as session:
        if database.dialect == "sqlite":  # it waited for the holder; the timeout is normal
            assert await session.scalar(select(User.first_name)) == "held"
            timeout = await session.scalar(text("PRAGMA busy_timeout"))
            assert timeout == SQLITE_BUSY_TIMEOUT_MS
        await session.execute(update(User).values(first_name="eager"))
    await holder

    async def failing() -> None:
        async with database.eager_transaction() as session:
            await session.execute(update(User).values(first_name="rolled back"))
            raise RuntimeError

    with pytest.raises(RuntimeError):
        await failing()
    async with database.read() as session:
        assert await session.scalar(select(User.first_name)) == "eager"


async def test_batches_run_whole_on_their_own_thread_and_ring_the_bell_here(
    database: Database,
) -> None:
    """``Database.batches``: on a SQLite file each batch runs in a write transaction on a
    thread of its own (not the caller's), its writes are committed and seen here, the lock
    time it reports is that of its transaction, an error rolls it back and reaches the
    caller, and a batch that enqueued something for the sender rings this database's bell
    on the caller's loop. PostgreSQL: the batches run here, the same way."""
    import threading

    from bot.storage.db import ring_after_commit

    async with database.transaction() as session:
        await users.register(session, users.Person(1, "0"), NOW)
    rung: list[bool] = []
    loop = asyncio.get_running_loop()
    database.commits.listen(lambda: rung.append(asyncio.get_running_loop() is loop))
    here = threading.get_ident()

    async def rename(session: Any) -> int:
        await session.execute(update(User).values(first_name="batch"))
        ring_after_commit(session)
        return threading.get_ident()

    async def failing(session: Any) -> None:
        await session.execute(update(User).values(first_name="rolled back"))
        raise RuntimeError

    async with database.batches() as runner:
        ran_on, held = await runner.run(rename)
        with pytest.raises(RuntimeError):
            await runner.run(failing)
    assert 0 < held < 5
    assert (ran_on != here) == (database.dialect == "sqlite")
    assert rung == [True]
    async with database.read() as session:
        assert await session.scalar(select(User.first_name)) == "batch"


async def test_a_failed_checkpoint_after_a_batch_leaves_the_batch_committed(
    database: Database, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The WAL checkpoint after a batch runs once the batch has committed: when it fails, the
    batch's result still reaches the pass (a second reader's find: the pass stopped there and
    lost its counts), and the next batches run."""
    from bot.storage import db as storage_db

    async def broken(db: Any) -> None:
        raise OSError("disk I/O error")

    monkeypatch.setattr(storage_db, "_checkpoint", broken)
    async with database.transaction() as session:
        await users.register(session, users.Person(2, "0"), NOW)

    async def rename(session: Any) -> str:
        await session.execute(update(User).values(first_name="kept"))
        return "done"

    with caplog.at_level(logging.WARNING, logger="bot.storage.db"):
        async with database.batches() as runner:
            assert (await runner.run(rename))[0] == "done"
            assert (await runner.run(rename))[0] == "done"
    async with database.read() as session:
        assert await session.scalar(select(User.first_name)) == "kept"
    if database.dialect == "sqlite":
        assert "a WAL checkpoint failed" in caplog.text


async def test_registration_is_race_free(database: Database) -> None:
    """The same person's first two updates at once create one user row."""

    async def register() -> users.Profile:
        async with database.transaction() as session:
            return await users.register(session, users.Person(7, "Twin"), NOW)

    first, second = await asyncio.gather(register(), register())
    assert first.id == second.id
    assert sorted([first.is_new, second.is_new]) == [False, True]


def test_naive_datetimes_are_refused() -> None:
    """Storing a naive datetime is an error: every stored time is aware UTC."""
    from bot.storage.base import UTCDateTime

    with pytest.raises(ValueError, match="naive"):
        UTCDateTime().process_bind_param(datetime(2026, 1, 1), None)  # type: ignore[arg-type]


def test_migrate_command_creates_the_schema(tmp_path: Path) -> None:
    """`python -m bot migrate` brings an empty SQLite file to the latest schema."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("FRONTDESK_")},
        "FRONTDESK_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'm.db'}",
    }
    result = subprocess.run(
        [sys.executable, "-m", "bot", "migrate"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "up to date" in result.stdout
    import sqlite3

    with sqlite3.connect(tmp_path / "m.db") as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert {"users", "user_roles", "outbox_messages", "audit_log", "alembic_version"} <= tables


def _unindexed_foreign_keys(
    tables: dict[str, tuple[list[list[str]], list[list[str]]]],
) -> list[str]:
    """``table.columns`` of every foreign key that no index (or unique/primary key) starts
    with; ``tables`` maps a name to (its foreign keys' columns, its indexes' columns)."""
    missing = []
    for name, (foreign_keys, indexes) in sorted(tables.items()):
        for columns in foreign_keys:
            if not any(index[: len(columns)] == columns for index in indexes):
                missing.append(f"{name}.{','.join(columns)}")
    return missing


def test_every_foreign_key_of_the_models_has_an_index() -> None:
    """Deleting a referenced row (forgetting a resident) must not scan the referencing
    table: every foreign key in the metadata is the leading part of some index."""
    tables = {}
    for table in Base.metadata.sorted_tables:
        indexes = [[c.name for c in index.columns] for index in table.indexes]
        indexes += [
            [c.name for c in constraint.columns]
            for constraint in table.constraints
            if isinstance(constraint, UniqueConstraint | PrimaryKeyConstraint)
        ]
        foreign_keys = [[c.name for c in fk.columns] for fk in table.foreign_key_constraints]
        tables[table.name] = (foreign_keys, indexes)
    assert tables["feedback"][0], "the check must see feedback's foreign keys"
    assert _unindexed_foreign_keys(tables) == []


def test_the_check_finds_a_foreign_key_without_an_index() -> None:
    """The check itself: a foreign key covered only by the second column of an index counts
    as unindexed."""
    tables = {"feedback": ([["replied_by"]], [["id"], ["day", "replied_by"]])}
    assert _unindexed_foreign_keys(tables) == ["feedback.replied_by"]


async def test_every_foreign_key_of_the_migrated_database_has_an_index(database: Database) -> None:
    """The migrations create those indexes too (SQLite and PostgreSQL)."""

    def collect(connection: Connection) -> dict[str, tuple[list[list[str]], list[list[str]]]]:
        inspector = inspect(connection)
        found = {}
        for name in inspector.get_table_names():
            indexes = [list(i["column_names"]) for i in inspector.get_indexes(name)]
            indexes += [list(u["column_names"]) for u in inspector.get_unique_constraints(name)]
            indexes.append(list(inspector.get_pk_constraint(name)["constrained_columns"]))
            foreign_keys = [
                list(f["constrained_columns"]) for f in inspector.get_foreign_keys(name)
            ]
            found[name] = (foreign_keys, indexes)
        return found

    async with database.read() as session:
        connection = await session.connection()
        tables = await connection.run_sync(collect)
    assert tables["feedback"][0]
    assert _unindexed_foreign_keys(tables) == []


async def test_the_models_match_the_migrated_schema(database: Database) -> None:
    """What the models declare (platform and every feature's ``models`` module) is exactly
    what the migrations built: Alembic's autogenerate finds nothing to add or drop."""

    def differences(connection: Connection) -> list[object]:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))

    async with database.read() as session:
        connection = await session.connection()
        found = await connection.run_sync(differences)
    assert found == []
    assert {"users", "courses", "feedback", "events", "broadcasts"} <= set(Base.metadata.tables)


def test_every_feature_models_module_is_part_of_the_schema() -> None:
    """A feature that keeps tables in ``bot/features/<name>/models.py`` is listed in
    :mod:`bot.schema`, so Alembic and the privacy search see its tables."""
    on_disk = {p.parent.name for p in (ROOT / "bot" / "features").glob("*/models.py")}
    listed = {module.__name__.split(".")[2] for module in schema.FEATURE_MODELS}
    assert on_disk
    assert listed == on_disk


def test_padded_lists_keep_their_values_in_few_lengths() -> None:
    """An ``IN`` list is lengthened to a power of two by repeating its last value (issue 18)."""
    from bot.storage.in_lists import padded

    assert padded([]) == []
    assert padded([7]) == [7]
    assert padded([1, 2, 3]) == [1, 2, 3, 3]
    assert padded(["a", "b"]) == ["a", "b"]
    for count in range(1, 130):
        values = list(range(count))
        longer = padded(values)
        assert longer[:count] == values
        assert set(longer) == set(values)
    assert {len(padded(list(range(n)))) for n in range(1, 129)} == {2**k for k in range(8)}


async def test_batch_reads_prepare_few_statements(database: Database) -> None:
    """Loading form states for batches of 1 to 40 keys sends 7 SQL texts (1, 2, 4 ... 64
    keys), not 40: SQLite prepares (and keeps) each text separately (issue 18)."""
    from sqlalchemy import event

    from bot.services import form_state

    texts: set[str] = set()

    def seen(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        texts.add(statement)

    event.listen(database.engine.sync_engine, "before_cursor_execute", seen)
    try:
        async with database.transaction() as session:
            await form_state.store(session, "k0", b"x", NOW)
        for count in range(1, 41):
            async with database.read() as session:
                found = await form_state.load(session, [f"k{n}" for n in range(count)])
            assert found == {"k0": b"x"}
    finally:
        event.remove(database.engine.sync_engine, "before_cursor_execute", seen)
    loads = {text for text in texts if "FROM form_states" in text}
    assert len(loads) == 7
