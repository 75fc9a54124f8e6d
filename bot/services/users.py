"""Residents and staff as the rest of the program sees them (no Telegram types here)."""

from __future__ import annotations

import dataclasses
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import LANGUAGES, language_from_code
from bot.services.data_versions import PROFILES, bump_version, current_version
from bot.storage.db import Database
from bot.storage.models import User, UserRole
from bot.storage.upsert import insert_ignore


class Role(StrEnum):
    """A staff role (stored as its value in ``user_roles.role``)."""

    STAFF = "staff"
    ORGANISER = "organiser"
    ADMIN = "admin"


ROLES = tuple(Role)
STAFF_ROLES = frozenset(ROLES)
# last_seen_at is refreshed at most this often, so that reading a profile stays a read.
LAST_SEEN_RESOLUTION = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Person:
    """Who sent an update, as Telegram describes them."""

    telegram_id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None


@dataclass(frozen=True, slots=True)
class Profile:
    """A known user with their language and roles, loaded once per update."""

    id: int
    telegram_id: int
    first_name: str
    language: str
    roles: frozenset[str] = field(default_factory=frozenset)
    is_new: bool = False

    @property
    def is_staff(self) -> bool:
        return bool(self.roles & STAFF_ROLES)

    def has_role(self, role: str) -> bool:
        """Admins hold every staff power; organisers and staff hold their own."""
        return role in self.roles or "admin" in self.roles


def _profile(user: User, roles: frozenset[str], *, is_new: bool = False) -> Profile:
    return Profile(
        id=user.id,
        telegram_id=user.telegram_id,
        first_name=user.first_name,
        language=user.language,
        roles=roles,
        is_new=is_new,
    )


async def roles_of(session: AsyncSession, user_id: int) -> frozenset[str]:
    """The roles a user holds right now."""
    return await _roles(session, user_id)


async def _roles(session: AsyncSession, user_id: int) -> frozenset[str]:
    rows = await session.scalars(select(UserRole.role).where(UserRole.user_id == user_id))
    return frozenset(rows)


async def find(session: AsyncSession, telegram_id: int) -> Profile | None:
    """The profile of a known user, or ``None`` (one query: the user and their roles)."""
    rows = (
        await session.execute(
            select(User.id, User.first_name, User.language, UserRole.role)
            .outerjoin(UserRole, UserRole.user_id == User.id)
            .where(User.telegram_id == telegram_id)
        )
    ).all()
    if not rows:
        return None
    first = rows[0]
    return Profile(
        id=first.id,
        telegram_id=telegram_id,
        first_name=first.first_name,
        language=first.language,
        roles=frozenset(row.role for row in rows if row.role is not None),
    )


def needs_refresh(profile: Profile, person: Person) -> bool:
    """Whether a known user's stored details lag behind what Telegram says now."""
    return profile.first_name != person.first_name[:128]


async def register(session: AsyncSession, person: Person, now: datetime) -> Profile:
    """Create the user on first contact (race-free), or refresh their details."""
    language = language_from_code(person.language_code)
    inserted = await insert_ignore(
        session,
        User.__table__,  # type: ignore[arg-type]
        {
            "telegram_id": person.telegram_id,
            "first_name": person.first_name[:128],
            "last_name": (person.last_name or None) and person.last_name[:128],
            "username": person.username,
            "language": language,
            "language_chosen": False,
            "created_at": now,
            "last_seen_at": now,
        },
        ["telegram_id"],
    )
    user = await session.scalar(
        select(User).where(User.telegram_id == person.telegram_id).with_for_update()
    )
    assert user is not None  # inserted just above or already there
    is_new = inserted == 1
    user.first_name = person.first_name[:128]
    user.last_name = person.last_name[:128] if person.last_name else None
    user.username = person.username
    if not user.language_chosen:
        user.language = language
    if user.blocked_at is not None:
        user.blocked_at = None  # writing to us again means they unblocked the bot
    if now - user.last_seen_at >= LAST_SEEN_RESOLUTION:
        user.last_seen_at = now
    return _profile(user, await _roles(session, user.id), is_new=is_new)


async def set_language(session: AsyncSession, user_id: int, language: str) -> None:
    """Remember the language the user chose."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    await session.execute(
        update(User).where(User.id == user_id).values(language=language, language_chosen=True)
    )
    await bump_version(session, PROFILES)  # other instances' profile caches


async def grant_role(
    session: AsyncSession, user_id: int, role: str, now: datetime, granted_by: int | None = None
) -> None:
    """Give a role (idempotent)."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    if await insert_ignore(
        session,
        UserRole.__table__,  # type: ignore[arg-type]
        {"user_id": user_id, "role": role, "granted_at": now, "granted_by": granted_by},
        ["user_id", "role"],
    ):
        await bump_version(session, PROFILES)  # other instances' profile caches


async def revoke_role(session: AsyncSession, user_id: int, role: str) -> bool:
    """Take a role away; ``True`` if the user had it."""
    result = await session.execute(
        delete(UserRole).where(UserRole.user_id == user_id, UserRole.role == role)
    )
    revoked = bool(getattr(result, "rowcount", 0))
    if revoked:
        await bump_version(session, PROFILES)  # other instances' profile caches
    return revoked


async def ensure_staff(
    session: AsyncSession, telegram_id: int, name: str, roles: list[str], now: datetime
) -> None:
    """Bootstrap a staff member from the centre's data, before they ever wrote to the bot."""
    profile = await find(session, telegram_id)
    if profile is None:
        profile = await register(session, Person(telegram_id=telegram_id, first_name=name), now)
    for role in roles:
        await grant_role(session, profile.id, role, now)


async def staff_chats(session: AsyncSession) -> list[tuple[int, str, frozenset[str]]]:
    """``(telegram_id, language, roles)`` of everyone holding a staff role."""
    rows = await session.execute(
        select(User.telegram_id, User.language, UserRole.role).join(
            UserRole, UserRole.user_id == User.id
        )
    )
    people: dict[int, tuple[str, set[str]]] = {}
    for telegram_id, language, role in rows:
        people.setdefault(telegram_id, (language, set()))[1].add(role)
    return [(tid, lang, frozenset(roles)) for tid, (lang, roles) in people.items()]


async def mark_blocked(session: AsyncSession, telegram_id: int, now: datetime) -> None:
    """The user blocked the bot (Telegram answered 403)."""
    await session.execute(
        update(User)
        .where(User.telegram_id == telegram_id, User.blocked_at.is_(None))
        .values(blocked_at=now)
    )


class ProfileCache:
    """Recently seen residents, so an ordinary update costs no database round trip.

    Only people who hold no role are cached: a staff member's profile (and so their roles) is
    read from the database on every update, and ``require_role`` re-reads roles on every staff
    command. A stale entry can therefore only under-grant: someone promoted a moment ago is
    seen as a resident until the entry is dropped (at once on the instance that promoted them,
    which calls :meth:`forget`). Language and name changes follow the same rule.

    Other instances: a change that matters (a language chosen, a role granted or revoked,
    people forgotten) bumps the ``profiles`` counter of :mod:`bot.services.data_versions` in
    its own transaction; every instance reads that counter at most every ``recheck`` seconds
    (:meth:`revalidate`, one small read per instance, not per update) and forgets everyone
    when it moved. A name change needs nothing: the update carries the name and
    ``needs_refresh`` compares it. ``ttl`` stays as a backstop.
    """

    def __init__(
        self,
        maxsize: int = 20_000,
        ttl: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        recheck: float = 2.0,
    ) -> None:
        self._entries: OrderedDict[int, tuple[float, Profile]] = OrderedDict()
        self._maxsize = maxsize
        self._ttl = ttl
        self._clock = clock
        self._recheck = recheck
        self._version = -1  # of the ``profiles`` counter, as last read
        self._next_check = -math.inf
        # Bumped by every clear: a profile read before a clear is not cached after it.
        self.generation = 0

    def due(self) -> bool:
        """Whether :meth:`revalidate` would read the counter now (the hot path's only cost)."""
        return self._clock() >= self._next_check

    async def revalidate(self, db: Database) -> None:
        """Forget everyone if a change anywhere bumped the ``profiles`` counter."""
        self._next_check = self._clock() + self._recheck
        async with db.read() as session:
            version = await current_version(session, PROFILES)
        if version != self._version:
            self._version = version
            self.clear()

    def get(self, telegram_id: int) -> Profile | None:
        entry = self._entries.get(telegram_id)
        if entry is None:
            return None
        stored_at, profile = entry
        if self._clock() - stored_at > self._ttl:
            del self._entries[telegram_id]
            return None
        return profile

    def holds_no_role(self, telegram_id: int) -> bool:
        """Whether the person was seen holding no role this minute (only they are cached).

        False says nothing: staff, and anyone not seen lately, are never cached.
        """
        return self.get(telegram_id) is not None

    def put(self, profile: Profile, generation: int | None = None) -> None:
        """Cache ``profile``; not if the cache was cleared since ``generation`` (read before)."""
        if generation is not None and generation != self.generation:
            return
        if profile.roles:
            self._entries.pop(profile.telegram_id, None)
            return
        if profile.is_new:  # new only for the update that registered them
            profile = dataclasses.replace(profile, is_new=False)
        self._entries[profile.telegram_id] = (self._clock(), profile)
        self._entries.move_to_end(profile.telegram_id)
        while len(self._entries) > self._maxsize:
            self._entries.popitem(last=False)

    def forget(self, telegram_id: int) -> None:
        """Drop one person (their language, roles or existence changed)."""
        self._entries.pop(telegram_id, None)

    def clear(self) -> None:
        self._entries.clear()
        self.generation += 1
