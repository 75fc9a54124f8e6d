"""Dialect-aware ``INSERT ... ON CONFLICT`` for the two supported backends."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.ext.asyncio import AsyncSession


def insert_for(session: AsyncSession, table: Table) -> Any:
    """``insert(table)`` of the session's dialect, which has ``on_conflict_do_*``.

    Each dialect's module is imported here, where it is used: the engine has already loaded
    its own, and the other one (PostgreSQL's is 17 modules, about 2.5 MiB) stays out of a
    SQLite process's memory (issue 18)."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table)
    if dialect == "sqlite":
        from sqlalchemy.dialects import sqlite

        return sqlite.insert(table)
    raise RuntimeError(f"unsupported database dialect {dialect!r}")


async def insert_ignore(
    session: AsyncSession,
    table: Table,
    values: Mapping[str, Any] | Sequence[Mapping[str, Any]],
    conflict_columns: Sequence[str],
) -> int:
    """Insert rows, skipping those that collide on ``conflict_columns``; returns rows added."""
    statement = insert_for(session, table).values(values)
    result = await session.execute(
        statement.on_conflict_do_nothing(index_elements=list(conflict_columns))
    )
    return int(getattr(result, "rowcount", 0) or 0)
