"""Version counters that tell every instance when cached centre data changed.

A change bumps its counter in the same transaction as the change itself; each instance
compares the counter with the one it loaded (cheaply, at most every few seconds) and reloads
when it moved. The instance that made the change reloads at once.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import DataVersion
from bot.storage.upsert import insert_ignore

HOURS_DATA = "hours"  # holiday notices and staff closures / special hours
# Who people are, as the profile cache holds them: a language chosen, a role granted or
# revoked, people forgotten (bot/services/users.ProfileCache).
PROFILES = "profiles"


async def bump_version(session: AsyncSession, name: str) -> None:
    """Mark ``name`` data as changed (in the caller's transaction)."""
    table = DataVersion.__table__
    await insert_ignore(session, table, {"name": name, "version": 0}, ["name"])  # type: ignore[arg-type]
    await session.execute(
        update(DataVersion).where(DataVersion.name == name).values(version=DataVersion.version + 1)
    )


async def current_version(session: AsyncSession, name: str) -> int:
    """The version of ``name`` data (0 before any change)."""
    value = await session.scalar(select(DataVersion.version).where(DataVersion.name == name))
    return int(value or 0)
