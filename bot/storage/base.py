"""Declarative base, naming convention and portable column types."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import BigInteger, DateTime, Index, Integer, MetaData, text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets BIGINT.
BigIntPK = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored in UTC; SQLite (which drops zones) gets it back aware."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; attach a time zone")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    """Base of every table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


_PARTIAL_INDEXES: dict[Index, str] = {}


def partial_index(name: str, *columns: str, where: str) -> Index:
    """An index over the rows matching ``where`` (SQL), on SQLite and on PostgreSQL.

    Declaring ``postgresql_where`` on an :class:`~sqlalchemy.Index` makes SQLAlchemy import
    PostgreSQL's dialect to check the argument: 17 modules, about 2 MiB kept for good in a bot
    that runs on SQLite (issue 18). So the index is declared with ``sqlite_where`` only, and
    :func:`declare_partial_indexes_for_postgresql` adds PostgreSQL's ``where`` when a
    PostgreSQL engine is built (``bot.storage.db.create_database``). The migrations state
    both themselves (and run in a child process)."""
    index = Index(name, *columns, sqlite_where=text(where))
    _PARTIAL_INDEXES[index] = where
    return index


def declare_partial_indexes_for_postgresql() -> None:
    """Give every :func:`partial_index` its PostgreSQL ``WHERE`` (idempotent)."""
    for index, where in _PARTIAL_INDEXES.items():
        options = index.dialect_options["postgresql"]  # imports PostgreSQL's dialect
        if options["where"] is None:
            options["where"] = text(where)
