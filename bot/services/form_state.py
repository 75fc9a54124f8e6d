"""Rows of half-filled forms (``form_states``): read at every update, written when changed."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.in_lists import padded
from bot.storage.models import FormState
from bot.storage.upsert import insert_for


async def load(session: AsyncSession, keys: Iterable[str]) -> dict[str, bytes]:
    """The stored data of those of ``keys`` that have any (one query)."""
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    rows = await session.execute(_LOAD, {"keys": padded(wanted)})
    return {key: bytes(data) for key, data in rows}


# Built once: it runs for every update, and building it cost about as much as running it.
_LOAD = select(FormState.key, FormState.data).where(
    FormState.key.in_(bindparam("keys", expanding=True))
)


async def store(session: AsyncSession, key: str, data: bytes | None, now: datetime) -> None:
    """Write ``key``'s data, or drop the row when there is nothing left (``None``)."""
    if data is None:
        await session.execute(delete(FormState).where(FormState.key == key))
        return
    table = FormState.__table__
    statement = insert_for(session, table).values(key=key, data=data, updated_at=now)  # type: ignore[arg-type]
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["key"],
            set_={"data": statement.excluded.data, "updated_at": statement.excluded.updated_at},
        )
    )


async def forget_users(session: AsyncSession, telegram_ids: Iterable[int]) -> None:
    """People's drafts and conversation states go (``/forgetme``, retention): the drafts by
    key, the conversation states found in one pass over the ``conv:`` keys for the batch."""
    people = {str(n) for n in telegram_ids}
    if not people:
        return
    keys = [f"user:{n}" for n in sorted(people)]
    conversations = await session.scalars(
        select(FormState.key).where(FormState.key.startswith("conv:"))
    )
    keys += [key for key in conversations if key.rpartition(":")[2] in people]
    for start in range(0, len(keys), 500):
        await session.execute(delete(FormState).where(FormState.key.in_(keys[start : start + 500])))


async def count_user(session: AsyncSession, user_telegram_id: int) -> list[datetime]:
    """When each of a person's stored form states last changed (``/mydata``)."""
    rows = await session.scalars(
        select(FormState.updated_at)
        .where(
            (FormState.key == f"user:{user_telegram_id}")
            | FormState.key.like(f"conv:%:{user_telegram_id}")
        )
        .order_by(FormState.updated_at)
    )
    return list(rows)


async def purge_abandoned(session: AsyncSession, before: datetime, limit: int) -> int:
    """Forms left untouched since ``before`` go (at most ``limit`` rows); returns how many."""
    keys = list(
        await session.scalars(
            select(FormState.key).where(FormState.updated_at < before).limit(limit)
        )
    )
    if keys:
        await session.execute(delete(FormState).where(FormState.key.in_(keys)))
    return len(keys)


async def total(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(FormState)) or 0)
