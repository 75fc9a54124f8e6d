"""Dialect-aware ``INSERT ... ON CONFLICT`` for the two supported backends."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession


def insert_for(session: AsyncSession, table: Table) -> Any:
    """``insert(table)`` of the session's dialect, which has ``on_conflict_do_*``."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
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
