"""Who holds which staff role, changed by admins from the chat (no Telegram types here)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import audit, users
from bot.storage.models import AuditEntry, User, UserRole

_USERNAME = re.compile(r"^@?([A-Za-z][A-Za-z0-9_]{3,31})$")
_TELEGRAM_ID = re.compile(r"^\d{1,15}$")
AUDIT_PAGE_SIZE = 10
MAX_AUDIT_PAGE = 1000


class Outcome(StrEnum):
    """What became of a role change."""

    GRANTED = "granted"
    ALREADY = "already"
    REVOKED = "revoked"
    NOT_HELD = "not-held"
    LAST_ADMIN = "last-admin"


@dataclass(frozen=True, slots=True)
class Holder:
    """Someone holding a role, for the list admins read."""

    role: str
    telegram_id: int
    name: str
    username: str | None


@dataclass(frozen=True, slots=True)
class Person:
    """Someone the bot knows, for the list admins pick from."""

    telegram_id: int
    name: str
    username: str | None
    roles: frozenset[str]


PEOPLE_LIMIT = 200  # the newest people listed; a name typed finds the others
SEARCH_MAX = 64  # longer "part of a name" is no name


async def people(session: AsyncSession, words: str | None = None) -> list[Person]:
    """People who wrote to the bot, most recently seen first; with ``words``, those whose
    first or last name or username contains them (any case)."""
    query = select(User).order_by(User.last_seen_at.desc(), User.id.desc()).limit(PEOPLE_LIMIT)
    wanted = (words or "").strip().lstrip("@").lower()[:SEARCH_MAX]
    if wanted:
        query = query.where(
            func.lower(User.first_name).contains(wanted, autoescape=True)
            | func.lower(func.coalesce(User.last_name, "")).contains(wanted, autoescape=True)
            | func.lower(func.coalesce(User.username, "")).contains(wanted, autoescape=True)
        )
    found = list(await session.scalars(query))
    held: dict[int, set[str]] = {}
    if found:
        rows = await session.execute(
            select(UserRole.user_id, UserRole.role).where(
                UserRole.user_id.in_([user.id for user in found])
            )
        )
        for user_id, role in rows.all():
            held.setdefault(user_id, set()).add(role)
    return [
        Person(
            telegram_id=user.telegram_id,
            name=" ".join(part for part in (user.first_name, user.last_name) if part),
            username=user.username,
            roles=frozenset(held.get(user.id, ())),
        )
        for user in found
    ]


def parse_target(text: str) -> tuple[str, str] | None:
    """``("id", "12345")`` or ``("username", "name")`` for what an admin typed, else ``None``."""
    text = text.strip()
    if _TELEGRAM_ID.fullmatch(text):
        return ("id", text)
    match = _USERNAME.fullmatch(text)
    if match and text.startswith("@"):
        return ("username", match.group(1))
    return None


async def find_target(session: AsyncSession, text: str) -> users.Profile | None:
    """The known person an admin means by ``@username`` or a Telegram id."""
    target = parse_target(text)
    if target is None:
        return None
    kind, value = target
    if kind == "id":
        return await users.find(session, int(value))
    telegram_id = await session.scalar(
        select(User.telegram_id).where(func.lower(User.username) == value.lower()).limit(1)
    )
    return await users.find(session, telegram_id) if telegram_id is not None else None


async def ensure_person(
    session: AsyncSession, telegram_id: int, name: str, now: datetime, username: str | None = None
) -> users.Profile:
    """The profile of ``telegram_id``, registering someone who never wrote to the bot."""
    profile = await users.find(session, telegram_id)
    if profile is None:
        person = users.Person(telegram_id=telegram_id, first_name=name, username=username)
        profile = await users.register(session, person, now)
    return profile


async def grant(
    session: AsyncSession, actor: users.Profile, target: users.Profile, role: str, now: datetime
) -> Outcome:
    """Give ``target`` a role, audited (idempotent: a second grant changes nothing)."""
    if role not in users.ROLES:
        raise ValueError(f"unknown role {role!r}")
    if role in target.roles:
        return Outcome.ALREADY
    await users.grant_role(session, target.id, role, now, granted_by=actor.telegram_id)
    await audit.record(
        session,
        actor_id=actor.id,
        actor_name=actor.first_name,
        action="role.grant",
        subject=f"{target.first_name} ({target.telegram_id})",
        now=now,
        details={"role": role, "telegram_id": target.telegram_id},
    )
    return Outcome.GRANTED


async def revoke(
    session: AsyncSession, actor: users.Profile, target: users.Profile, role: str, now: datetime
) -> Outcome:
    """Take a role away, audited; the last admin keeps theirs.

    The admin rows are locked first (``FOR UPDATE`` on PostgreSQL; SQLite's write transaction
    is already exclusive), so two admins removing each other at once cannot leave none.
    """
    if role not in users.ROLES:
        raise ValueError(f"unknown role {role!r}")
    if role == "admin":
        admins = list(
            await session.scalars(
                select(UserRole.user_id).where(UserRole.role == "admin").with_for_update()
            )
        )
        if admins == [target.id]:
            return Outcome.LAST_ADMIN
    if not await users.revoke_role(session, target.id, role):
        return Outcome.NOT_HELD
    await audit.record(
        session,
        actor_id=actor.id,
        actor_name=actor.first_name,
        action="role.revoke",
        subject=f"{target.first_name} ({target.telegram_id})",
        now=now,
        details={"role": role, "telegram_id": target.telegram_id},
    )
    return Outcome.REVOKED


async def holders(session: AsyncSession) -> list[Holder]:
    """Everyone holding a staff role, by role then name."""
    rows = await session.execute(
        select(UserRole.role, User.telegram_id, User.first_name, User.username)
        .join(User, User.id == UserRole.user_id)
        .order_by(UserRole.role, User.first_name, User.telegram_id)
    )
    return [Holder(role, tid, name, username) for role, tid, name, username in rows]


async def audit_page(
    session: AsyncSession, page: int, per_page: int = AUDIT_PAGE_SIZE
) -> tuple[list[audit.Entry], bool]:
    """Entries of one page (newest first, page 0 is the newest) and whether older ones exist."""
    page = max(0, min(page, MAX_AUDIT_PAGE))
    rows = list(
        await session.scalars(
            select(AuditEntry)
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
            .offset(page * per_page)
            .limit(per_page + 1)
        )
    )
    entries = [
        audit.Entry(r.id, r.actor_name, r.action, r.subject, json.loads(r.details), r.at)
        for r in rows[:per_page]
    ]
    return entries, len(rows) > per_page
