"""Alembic environment: runs on a connection handed over by the program, or builds one."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy import text
from sqlalchemy.engine import Connection

from bot.schema import Base

target_metadata = Base.metadata
# Any number of instances may start at once on a fresh database: on PostgreSQL they migrate
# one after the other under this advisory lock (held until the migration's transaction
# ends), and the later ones find the schema at head. SQLite's write lock does the same.
MIGRATION_LOCK = 0x66640014  # "fd" + 0x0014: any constant shared by every instance


def _run(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_standalone() -> None:
    from bot.storage.db import create_database

    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        from bot.settings import get_settings

        url = get_settings().database_url
    database = create_database(url)
    try:
        async with database.engine.begin() as connection:
            await connection.run_sync(_run)
    finally:
        await database.dispose()


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
    else:
        asyncio.run(_run_standalone())


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; run against a database")
run()
