"""Running instances and their heartbeats: whose outbox claims may be released.

Every bot process registers a row with a fresh id and beats every few seconds. A claim of
a dead instance (no row, or a heartbeat older than ``dead_after``) is released for another
sender; a live instance's claims are never touched, however old (it records each result
itself, and keeps retrying that record through a database outage).

A database outage stops every heartbeat, the checker's own included. So a heartbeat only
counts as missed for the time the checker itself could reach the database (``up_since``):
an instance is dead when it has not beaten for ``dead_after`` of the checker's good time.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import Instance, OutboxMessage

SENDING = "sending"


async def db_now(session: AsyncSession) -> datetime:
    """The database's clock (UTC): the one clock every instance on every host shares.

    Heartbeats and the judgement of who is dead use it, never a process's own clock, so a
    host whose clock drifts (or a test's manual clock that jumps) makes nobody look dead."""
    value = await session.scalar(select(func.current_timestamp()))
    if isinstance(value, str):  # SQLite: 'YYYY-MM-DD HH:MM:SS' in UTC
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


async def register(
    session: AsyncSession, instance_id: str, host: str, pid: int, now: datetime
) -> None:
    session.add(Instance(id=instance_id, host=host[:128], pid=pid, started_at=now,
                         heartbeat_at=now))  # fmt: skip


async def beat(session: AsyncSession, instance_id: str, host: str, pid: int, now: datetime) -> None:
    """Record that ``instance_id`` is alive (re-registering it if its row was purged)."""
    result = await session.execute(
        update(Instance).where(Instance.id == instance_id).values(heartbeat_at=now)
    )
    if not getattr(result, "rowcount", 0):
        await register(session, instance_id, host, pid, now)


async def leave(session: AsyncSession, instance_id: str) -> None:
    """A clean stop: the instance's row goes (its claims were recorded or given back)."""
    await session.execute(delete(Instance).where(Instance.id == instance_id))


async def release_dead_claims(
    session: AsyncSession,
    now: datetime,
    dead_after: timedelta,
    up_since: datetime,
    *,
    unowned_after: timedelta,
    own_id: str | None = None,
    unowned_now: datetime | None = None,
) -> int:
    """Give back the outbox claims of dead instances; returns how many rows went back.

    An owner without a row left cleanly (or never existed): dead at once. An owner with a
    row is dead when silent for ``dead_after`` while this checker could reach the database
    (``up_since``), so nobody is judged right after an outage or a start. Claims without an
    owner (written before owners were recorded) go back after ``unowned_after``, on the
    application's clock that stamped them (``unowned_now``, else ``now``)."""
    alive = select(Instance.id)
    if now - up_since >= dead_after:
        alive = alive.where(Instance.heartbeat_at > now - dead_after)
    owned_by_dead = OutboxMessage.claimed_by.is_not(None) & OutboxMessage.claimed_by.not_in(alive)
    if own_id is not None:  # the checker is alive by definition, whatever its row says
        owned_by_dead = owned_by_dead & (OutboxMessage.claimed_by != own_id)
    dead_owner = or_(
        owned_by_dead,
        OutboxMessage.claimed_by.is_(None)
        & (OutboxMessage.claimed_at < (unowned_now or now) - unowned_after),
    )
    result = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.status == SENDING, dead_owner)
        .values(status="pending", claimed_at=None, claimed_by=None)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def forget_dead(session: AsyncSession, now: datetime, older_than: timedelta) -> int:
    """Drop rows of instances silent for ``older_than`` whose claims are all released."""
    holding = select(OutboxMessage.claimed_by).where(
        OutboxMessage.status == SENDING, OutboxMessage.claimed_by.is_not(None)
    )
    result = await session.execute(
        delete(Instance).where(
            Instance.heartbeat_at < now - older_than, Instance.id.not_in(holding)
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def count_live(session: AsyncSession, now: datetime, dead_after: timedelta) -> int:
    return int(
        await session.scalar(
            select(func.count())
            .select_from(Instance)
            .where(Instance.heartbeat_at > now - dead_after)
        )
        or 0
    )
