"""The audit log: every staff action (roles, broadcasts, hours, courses, events)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models.audit import AuditEntry


@dataclass(frozen=True, slots=True)
class Entry:
    id: int
    actor_name: str
    action: str
    subject: str
    details: dict[str, object]
    at: datetime


async def record(
    session: AsyncSession,
    *,
    actor_id: int | None,
    actor_name: str,
    action: str,
    subject: str,
    now: datetime,
    details: dict[str, object] | None = None,
) -> None:
    """Write one entry in the caller's transaction (so it exists exactly when the change does)."""
    session.add(
        AuditEntry(
            actor_id=actor_id,
            actor_name=actor_name[:128],
            action=action[:48],
            subject=subject[:128],
            details=json.dumps(details or {}, ensure_ascii=False, default=str),
            at=now,
        )
    )


async def recent(session: AsyncSession, limit: int = 20, action: str | None = None) -> list[Entry]:
    """The newest entries first."""
    query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
    if action is not None:
        query = query.where(AuditEntry.action == action)
    rows = await session.scalars(query)
    return [
        Entry(r.id, r.actor_name, r.action, r.subject, json.loads(r.details), r.at) for r in rows
    ]
