"""Residents' data rights: see everything held (PIPL Art. 45), be forgotten (Art. 15, 47),
and retention limits.

Every feature that stores something about a person contributes a :class:`DataSection`:
``export`` returns what it holds about them as JSON-ready data, ``forget`` removes it (the
feature's normal cancellation path for enrolments and sign-ups, so seats are released and
waitlists move; anonymisation where statistics must stay true; deletion otherwise) and an
optional ``retain`` applies the retention settings. The list of sections is built in ONE place,
:func:`sections`, with no import-time registration; docs/privacy.md explains how to add one.

``forget`` runs the sections in reverse order, so a feature's rows go before the user row they
reference, and anything a feature's cancellation enqueued for the person is withdrawn by the
outbox section that runs after it.
"""

from __future__ import annotations

import asyncio
import collections
import gc
import json
import logging
import re
from collections.abc import Awaitable, Callable, Iterable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol, runtime_checkable

from sqlalchemy import (
    ARRAY,  # the generic type: PostgreSQL's dialect stays unloaded on SQLite
    JSON,
    BigInteger,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    bindparam,
    cast,
    delete,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import SHANGHAI
from bot.services import form_state, inbox, outbox
from bot.services.data_versions import PROFILES, bump_version
from bot.settings import PrivacySettings
from bot.storage.db import Database
from bot.storage.models import (
    AuditEntry,
    Base,
    OutboxBody,
    OutboxMessage,
    PrivacyNotice,
    User,
    UserRole,
)
from bot.storage.upsert import insert_ignore

log = logging.getLogger(__name__)

DELETED_USER = "deleted user"
ABANDONED_FORM_DAYS = 7
EXPORT_FORMAT = 1


@runtime_checkable
class DataSection(Protocol):
    """What one feature holds about a person, and how to forget it."""

    name: str

    async def export(self, session: AsyncSession, user_id: int) -> dict[str, Any]:
        """Everything held about ``user_id`` (our internal id), JSON-serialisable."""
        ...

    async def forget(self, session: AsyncSession, user_id: int, now: datetime) -> None:
        """Remove (or anonymise) it, inside the caller's transaction."""
        ...


@runtime_checkable
class ForgettingMany(Protocol):
    """A section that forgets a batch of people in a few statements (optional; retention
    forgets thousands of blocked residents, and one statement per section per person took
    minutes for 5,000: issue 18). Sections without it are called person by person."""

    name: str

    async def forget_many(
        self, session: AsyncSession, user_ids: Sequence[int], now: datetime
    ) -> None:
        """:meth:`DataSection.forget` for every one of ``user_ids`` at once."""
        ...


@runtime_checkable
class ProbedSection(Protocol):
    """A section that can say, with the others in one statement, whether it holds anything
    of a batch of people (optional; issue 18: forgetting a batch was about 50 statements,
    one or two per table, most of them finding nothing). :func:`forget_users` asks every
    such section at once and skips those that hold nothing.

    A section may be probed only if nothing another section does while forgetting the
    same people adds to what it holds (its tables are its own): the probe is read before
    any section forgets."""

    name: str

    def held(self, user_ids: Any, telegram_ids: Any) -> list[Any]:
        """``EXISTS`` conditions, at least one of which is true whenever :meth:`forget_many`
        would change anything for these people. ``user_ids`` and ``telegram_ids`` are
        expanding bound parameters (on PostgreSQL a ``SELECT`` of an array's elements): use
        them only as ``column.in_(...)``."""
        ...


@runtime_checkable
class RetainingSection(Protocol):
    """A section that also enforces the retention settings (optional)."""

    name: str

    async def retain(
        self, session: AsyncSession, now: datetime, settings: PrivacySettings, limit: int
    ) -> int:
        """Remove what is older than the settings allow, at most ``limit`` items (people,
        rows) of each kind; return how many were touched. Fewer than ``limit`` means done:
        :func:`apply_retention` calls it again, in a new short transaction, only otherwise."""
        ...


@dataclass(frozen=True, slots=True)
class RetentionBatch:
    """What a section read for one batch of retention work before the write transaction:
    ``found`` items (fewer than the limit: the last batch) and the ``work`` to write."""

    found: int
    work: Any


@runtime_checkable
class RetainingAfterReading(Protocol):
    """A retaining section that reads (and works out) a batch outside the write lock, then
    writes it in a short transaction (optional; issue 18: on SQLite every other writer waits
    while a batch holds the lock, so the lock should cover the writes alone).

    Others may write between the read and the write: :meth:`write_batch` re-checks every
    item in its statements (a guarded ``UPDATE … WHERE``) and skips those that changed."""

    name: str

    async def read_batch(
        self, session: AsyncSession, now: datetime, settings: PrivacySettings, limit: int
    ) -> RetentionBatch:
        """At most ``limit`` items of each kind that the settings say must go, read in
        ``session`` (a read transaction), with what to write for each."""
        ...

    async def write_batch(
        self, session: AsyncSession, batch: RetentionBatch, now: datetime, settings: PrivacySettings
    ) -> int:
        """Write ``batch`` in the caller's write transaction; how many items it touched."""
        ...


# session.info key: the identities of the people :func:`forget_users` is forgetting (each
# section needs them; reading them once saves a query per section and batch).
_KNOWN = "frontdesk_forgetting"


def iso(moment: datetime | None) -> str | None:
    """A stored UTC time as ISO 8601 in the centre's zone (what the resident reads)."""
    return moment.astimezone(SHANGHAI).isoformat() if moment is not None else None


# -- identity -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Identity:
    """What identifies a person in our tables."""

    user_id: int
    telegram_id: int
    first_name: str
    last_name: str | None
    username: str | None

    def needles(self) -> list[str]:
        """Strings whose presence in a row identifies them (names of one letter are too common
        to search for), longest first."""
        found = {str(self.telegram_id)}
        if self.username:
            found |= {self.username, "@" + self.username}
        names = [self.first_name, self.last_name or ""]
        full = " ".join(n for n in names if n.strip())
        for name in [full, *names]:
            if len(name.strip()) >= 2:
                found.add(name)
        return sorted(found, key=len, reverse=True)


async def identity(session: AsyncSession, user_id: int) -> Identity | None:
    """The identifying details of ``user_id``, or ``None`` if there is no such user."""
    user = await session.get(User, user_id)
    if user is None:
        return None
    return Identity(user.id, user.telegram_id, user.first_name, user.last_name, user.username)


async def identities(session: AsyncSession, user_ids: Sequence[int]) -> dict[int, Identity]:
    """:func:`identity` of many people in one query (retention works in batches); none
    while :func:`forget_users` runs, which read them once for all its sections."""
    known: dict[int, Identity] | None = session.info.get(_KNOWN)
    if known is not None and set(user_ids) <= known.keys():
        return {user_id: known[user_id] for user_id in set(user_ids)}
    rows = await session.execute(
        select(User.id, User.telegram_id, User.first_name, User.last_name, User.username).where(
            User.id.in_(list(set(user_ids)))
        )
    )
    return {row.id: Identity(*row) for row in rows}


def _replace_number(text: str, number: str) -> str:
    """``text`` with each occurrence of ``number`` that is not part of a longer number
    replaced by "deleted user" (what a pattern with digit lookarounds does, without compiling
    a pattern for every Telegram id: that compile was most of a retention batch's audit
    scrubbing, issue 18)."""
    pieces: list[str] = []
    start = 0
    found = text.find(number)
    while found >= 0:
        end = found + len(number)
        if (found == 0 or not text[found - 1].isdecimal()) and (
            end == len(text) or not text[end].isdecimal()
        ):
            pieces += [text[start:found], DELETED_USER]
            start = end
            found = text.find(number, end)
        else:
            found = text.find(number, found + 1)
    return "".join(pieces) + text[start:] if pieces else text


def scrub_text(text: str, who: Identity) -> str:
    """``text`` with every identifying string of ``who`` replaced by "deleted user"."""
    tid = str(who.telegram_id)
    if tid in text:
        text = _replace_number(text, tid)
    # Only the needles present are replaced: a pattern compiled for each needle of each
    # person, absent or not, made scrubbing a retention batch's audit entries take seconds.
    folded = text.casefold()
    for needle in who.needles():
        if needle != tid and needle.casefold() in folded:
            text = re.sub(re.escape(needle), DELETED_USER, text, flags=re.IGNORECASE)
            folded = text.casefold()
    return text


def scrub_value(value: Any, who: Identity) -> Any:
    """A JSON value with ``who`` removed from every string and their Telegram id nulled."""
    if isinstance(value, str):
        return scrub_text(value, who)
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return None if value == who.telegram_id else value
    if isinstance(value, list):
        return [scrub_value(item, who) for item in value]
    if isinstance(value, dict):
        return {scrub_text(str(k), who): scrub_value(v, who) for k, v in value.items()}
    return value


async def delete_messages(session: AsyncSession, condition: Any) -> int:
    """Delete the outbox messages matching ``condition`` (pending or sent), and their bodies
    unless another message still uses them (a broadcast). For messages to OTHER people that
    identify someone (a staff notice naming the asker); returns how many messages went."""
    bodies = set(await session.scalars(select(OutboxMessage.body_id).where(condition)))
    if not bodies:
        return 0
    result = await session.execute(
        delete(OutboxMessage).where(condition).returning(OutboxMessage.id)
    )
    removed = len(result.all())
    still_used = select(OutboxMessage.id).where(OutboxMessage.body_id == OutboxBody.id)
    await session.execute(delete(OutboxBody).where(OutboxBody.id.in_(bodies), ~still_used.exists()))
    return removed


# -- the sections of the foundation -------------------------------------------------------


class ProfileSection:
    """The user row: names, username, language, dates; the privacy notice; blocked users."""

    name = "profile"

    def __init__(self, registry: Sequence[DataSection] | None = None) -> None:
        # The sections a retention pass forgets a blocked resident with (all of them).
        self.registry = registry

    async def export(self, session: AsyncSession, user_id: int) -> dict[str, Any]:
        user = await session.get(User, user_id)
        if user is None:
            return {}
        notice = await session.get(PrivacyNotice, user_id)
        return {
            "telegram_id": user.telegram_id,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "username": user.username,
            "language": user.language,
            "language_chosen": user.language_chosen,
            "first_contact": iso(user.created_at),
            "last_seen": iso(user.last_seen_at),
            "blocked_the_bot_since": iso(user.blocked_at),
            "privacy_notice_shown": iso(notice.shown_at) if notice else None,
        }

    async def forget(self, session: AsyncSession, user_id: int, now: datetime) -> None:
        await self.forget_many(session, [user_id], now)

    async def forget_many(
        self, session: AsyncSession, user_ids: Sequence[int], now: datetime
    ) -> None:
        ids = list(user_ids)
        await session.execute(delete(PrivacyNotice).where(PrivacyNotice.user_id.in_(ids)))
        await session.execute(delete(User).where(User.id.in_(ids)))

    async def retain(
        self, session: AsyncSession, now: datetime, settings: PrivacySettings, limit: int
    ) -> int:
        """Residents who blocked the bot long enough ago are forgotten entirely."""
        cutoff = now - timedelta(days=settings.blocked_forget_days)
        blocked = list(
            await session.scalars(
                select(User.id)
                .where(User.blocked_at.is_not(None), User.blocked_at < cutoff)
                .where(~select(UserRole.id).where(UserRole.user_id == User.id).exists())
                .order_by(User.blocked_at, User.id)  # ix_users_blocked
                .limit(limit)
            )
        )
        await forget_users(session, blocked, now, self.registry)
        return len(blocked)


class RolesSection:
    """Staff roles held, and the traces of roles they granted to others."""

    name = "roles"

    async def export(self, session: AsyncSession, user_id: int) -> dict[str, Any]:
        rows = await session.scalars(
            select(UserRole).where(UserRole.user_id == user_id).order_by(UserRole.role)
        )
        return {"roles": [{"role": r.role, "granted_at": iso(r.granted_at)} for r in rows]}

    async def forget(self, session: AsyncSession, user_id: int, now: datetime) -> None:
        await self.forget_many(session, [user_id], now)

    async def forget_many(
        self, session: AsyncSession, user_ids: Sequence[int], now: datetime
    ) -> None:
        ids = list(user_ids)
        whos = await identities(session, ids)
        await session.execute(delete(UserRole).where(UserRole.user_id.in_(ids)))
        granters = ids + [who.telegram_id for who in whos.values()]
        await session.execute(
            update(UserRole).where(UserRole.granted_by.in_(granters)).values(granted_by=None)
        )

    def held(self, user_ids: Any, telegram_ids: Any) -> list[Any]:
        return [
            select(UserRole.id).where(UserRole.user_id.in_(user_ids)).exists(),
            select(UserRole.id).where(UserRole.granted_by.in_(user_ids)).exists(),
            select(UserRole.id).where(UserRole.granted_by.in_(telegram_ids)).exists(),
        ]


class OutboxSection:
    """Messages the bot sent or owes them; finished messages expire after the retention."""

    name = "messages"

    @staticmethod
    async def _theirs(session: AsyncSession, user_id: int) -> Any:
        who = await identity(session, user_id)
        condition = OutboxMessage.user_id == user_id
        if who is not None:
            condition = or_(condition, OutboxMessage.chat_id == who.telegram_id)
        return condition

    async def export(self, session: AsyncSession, user_id: int) -> dict[str, Any]:
        rows = await session.execute(
            select(OutboxMessage, OutboxBody)
            .join(OutboxBody, OutboxBody.id == OutboxMessage.body_id)
            .where(await self._theirs(session, user_id))
            .order_by(OutboxMessage.created_at, OutboxMessage.id)
        )
        return {
            "messages": [
                {
                    "text": body.text,
                    "kind": message.source,
                    "status": message.status,
                    "created": iso(message.created_at),
                    "sent": iso(message.sent_at),
                    "has_photo": body.photo is not None or body.photo_file_id is not None,
                    "document": body.document_name,
                }
                for message, body in rows
            ]
        }

    async def forget(self, session: AsyncSession, user_id: int, now: datetime) -> None:
        await self.forget_many(session, [user_id], now)

    async def forget_many(
        self, session: AsyncSession, user_ids: Sequence[int], now: datetime
    ) -> None:
        ids = list(user_ids)
        chats = [who.telegram_id for who in (await identities(session, ids)).values()]
        await delete_messages(
            session, or_(OutboxMessage.user_id.in_(ids), OutboxMessage.chat_id.in_(chats))
        )

    async def retain(
        self, session: AsyncSession, now: datetime, settings: PrivacySettings, limit: int
    ) -> int:
        before = now - timedelta(days=settings.identity_retention_days)
        return await outbox.purge_finished(session, before, limit)


# What names a person in an audit entry: a Telegram id (a whole number) or a username.
_TOKEN = re.compile(r"[0-9a-z_]+")

# Scratch space of one retention pass (:func:`apply_retention`): what a section learnt in one
# batch and reuses in the next, dropped when the pass ends.
_PASS: ContextVar[dict[str, Any] | None] = ContextVar("frontdesk_retention_pass", default=None)


def pass_scratch() -> dict[str, Any] | None:
    """The running retention pass's scratch space (``None`` outside a pass): a section may
    keep there what it learnt in one batch for the next, such as where to read on from."""
    return _PASS.get()


class _AuditIndex:
    """The audit entries' words (lower-cased) and actors → entry ids, read once and then
    only for entries added since: during a retention pass each batch reads only the new
    entries instead of the whole log. Entries are only ever added or scrubbed (words go,
    none come), so the index can only name too many entries, never too few; each one found
    is checked again as it is (:meth:`about`). The last ``RESCAN`` ids are read again each
    time, for PostgreSQL transactions that commit out of id order."""

    RESCAN = 100

    def __init__(self) -> None:
        self.words: dict[str, set[int]] = {}
        self.actors: dict[int, set[int]] = {}
        self.upto = 0

    async def refresh(self, session: AsyncSession) -> None:
        rows = await session.execute(
            select(AuditEntry.id, AuditEntry.actor_id, AuditEntry.subject, AuditEntry.details)
            .where(AuditEntry.id > self.upto - self.RESCAN)
            .order_by(AuditEntry.id)
        )
        for entry_id, actor_id, subject, details in rows:
            if actor_id is not None:
                self.actors.setdefault(actor_id, set()).add(entry_id)
            for word in set(_TOKEN.findall(f"{subject} {details or ''}".lower())):
                self.words.setdefault(word, set()).add(entry_id)
            self.upto = max(self.upto, entry_id)

    def find(self, whos: Iterable[Identity]) -> list[int]:
        found: set[int] = set()
        for who in whos:
            found |= self.actors.get(who.user_id, set())
            for needle in _needles(who):
                found |= self.words.get(needle, set())
        return sorted(found)

    @staticmethod
    def about(
        entry: AuditEntry, whos: dict[int, Identity], named: dict[str, Identity]
    ) -> list[Identity]:
        """Which of ``whos`` the entry is about, as it is now (``named``: their needles)."""
        found = {entry.actor_id} if entry.actor_id in whos else set()
        for word in _TOKEN.findall(f"{entry.subject} {entry.details or ''}".lower()):
            if word in named:
                found.add(named[word].user_id)
        return [whos[user_id] for user_id in sorted(found)]


async def _audit_index(session: AsyncSession) -> _AuditIndex:
    """The pass's audit index brought up to date (a new one outside a retention pass)."""
    scratch = _PASS.get()
    index = scratch.setdefault("audit", _AuditIndex()) if scratch is not None else None
    if not isinstance(index, _AuditIndex):
        index = _AuditIndex()
    await index.refresh(session)
    return index


def _needles(who: Identity) -> list[str]:
    """The words of an audit entry that name ``who``: their Telegram id and username."""
    return [str(who.telegram_id)] + ([who.username.lower()] if who.username else [])


class AuditSection:
    """Staff actions by them or about them: the entry stays, their identity goes."""

    name = "audit"

    @staticmethod
    def _about(who: Identity) -> Any:
        conditions = [AuditEntry.actor_id == who.user_id]
        needles = [str(who.telegram_id)] + ([who.username] if who.username else [])
        for needle in needles:
            conditions.append(AuditEntry.subject.contains(needle, autoescape=True))
            conditions.append(AuditEntry.details.contains(needle, autoescape=True))
        return or_(*conditions)

    async def export(self, session: AsyncSession, user_id: int) -> dict[str, Any]:
        who = await identity(session, user_id)
        if who is None:
            return {"entries": []}
        rows = await session.scalars(
            select(AuditEntry).where(self._about(who)).order_by(AuditEntry.at, AuditEntry.id)
        )
        return {
            "entries": [
                {
                    "by_you": r.actor_id == user_id,
                    "actor": r.actor_name,
                    "action": r.action,
                    "subject": r.subject,
                    "details": json.loads(r.details or "{}"),
                    "at": iso(r.at),
                }
                for r in rows
            ]
        }

    async def forget(self, session: AsyncSession, user_id: int, now: datetime) -> None:
        await self.forget_many(session, [user_id], now)

    async def forget_many(
        self, session: AsyncSession, user_ids: Sequence[int], now: datetime
    ) -> None:
        """The entries about these people are found by their Telegram ids, usernames and
        actor ids in an index of the audit log's words (:class:`_AuditIndex`), not with
        ``LIKE`` terms (four per person: the scans of a batch of 100 people cost 8 ms per
        person over 10,000 entries, issue 18). Each entry found is checked again as it is
        now, then scrubbed for the people it is about."""
        whos = await identities(session, list(user_ids))
        if not whos:
            return
        index = await _audit_index(session)
        candidates = index.find(whos.values())
        named = {needle: who for who in whos.values() for needle in _needles(who)}
        for start in range(0, len(candidates), 500):
            entries = await session.scalars(
                select(AuditEntry).where(AuditEntry.id.in_(candidates[start : start + 500]))
            )
            for entry in entries:
                for who in _AuditIndex.about(entry, whos, named):
                    self._scrub(entry, who)
        await session.flush()

    @staticmethod
    def _scrub(entry: AuditEntry, who: Identity) -> None:
        if entry.actor_id == who.user_id:
            entry.actor_id = None
            entry.actor_name = DELETED_USER
        entry.actor_name = scrub_text(entry.actor_name, who)[:128]
        entry.subject = scrub_text(entry.subject, who)[:128]
        try:
            details = scrub_value(json.loads(entry.details or "{}"), who)
            entry.details = json.dumps(details, ensure_ascii=False, default=str)
        except ValueError:
            entry.details = scrub_text(entry.details, who)


class FormsSection:
    """Half-filled forms (drafts and conversation steps, bot/tg/forms.py): abandoned ones go
    after ``ABANDONED_FORM_DAYS``."""

    name = "forms"

    async def export(self, session: AsyncSession, user_id: int) -> dict[str, Any]:
        who = await identity(session, user_id)
        if who is None:
            return {"forms_in_progress": []}
        changed = await form_state.count_user(session, who.telegram_id)
        return {"forms_in_progress": [{"last_step": iso(at)} for at in changed]}

    async def forget(self, session: AsyncSession, user_id: int, now: datetime) -> None:
        await self.forget_many(session, [user_id], now)

    async def forget_many(
        self, session: AsyncSession, user_ids: Sequence[int], now: datetime
    ) -> None:
        whos = (await identities(session, list(user_ids))).values()
        await form_state.forget_users(session, [who.telegram_id for who in whos])

    async def retain(
        self, session: AsyncSession, now: datetime, settings: PrivacySettings, limit: int
    ) -> int:
        before = now - timedelta(days=ABANDONED_FORM_DAYS)
        return await form_state.purge_abandoned(session, before, limit)


class InboxSection:
    """Updates as Telegram delivered them (the durable inbox, bot/intake.py): kept
    ``FRONTDESK_INBOX__KEEP_HOURS`` after they are handled, then purged by the worker."""

    name = "inbox"

    async def export(self, session: AsyncSession, user_id: int) -> dict[str, Any]:
        who = await identity(session, user_id)
        kept = await inbox.count_user(session, who.telegram_id) if who is not None else 0
        return {"updates_kept": kept}

    async def forget(self, session: AsyncSession, user_id: int, now: datetime) -> None:
        await self.forget_many(session, [user_id], now)

    async def forget_many(
        self, session: AsyncSession, user_ids: Sequence[int], now: datetime
    ) -> None:
        whos = (await identities(session, list(user_ids))).values()
        await inbox.forget_users(session, [who.telegram_id for who in whos])


def sections(features: Sequence[DataSection] = ()) -> list[DataSection]:
    """The foundation's sections, then the features' (in export order; forget runs reverse).

    The features' sections come from their manifests (``bot.features``, assembled by
    ``bot.app.build_runtime``); this module imports no feature. Order matters for
    ``forget``: the features come after the foundation's sections so that they run first,
    while the user row and their identity still exist (a feature's cancellation reads the
    person's language and Telegram id, and the outbox section then withdraws whatever was
    enqueued for them).
    """
    profile = ProfileSection()
    found: list[DataSection] = [
        profile,
        RolesSection(),
        OutboxSection(),
        AuditSection(),
        FormsSection(),
        InboxSection(),
    ]
    found += features
    profile.registry = found
    return found


# -- the operations -----------------------------------------------------------------------


async def export_user(
    session: AsyncSession,
    user_id: int,
    now: datetime,
    registry: Sequence[DataSection] | None = None,
) -> dict[str, Any]:
    """Everything held about ``user_id``, section by section (the /mydata file)."""
    data: dict[str, Any] = {}
    for section in registry if registry is not None else sections():
        data[section.name] = await section.export(session, user_id)
    return {"format": EXPORT_FORMAT, "generated": iso(now), "sections": data}


def export_json(export: dict[str, Any]) -> bytes:
    """The export as pretty UTF-8 JSON (Chinese stays readable)."""
    return json.dumps(export, ensure_ascii=False, indent=2, default=str).encode("utf-8") + b"\n"


def item_counts(export: dict[str, Any]) -> dict[str, int]:
    """For the summary: how many entries each section other than the profile holds.

    A section whose dict has a list under its own name counts that list (``feedback``: the
    items, not the submission times kept beside them); otherwise every list and dict counts,
    and a section holding only numbers counts those (the inbox's ``updates_kept``).
    """
    counts: dict[str, int] = {}
    for name, data in export["sections"].items():
        if name == ProfileSection.name or not isinstance(data, dict):
            continue
        if isinstance(data.get(name), list):
            counts[name] = len(data[name])
            continue
        held = [v for v in data.values() if isinstance(v, list | dict)]
        if held:
            counts[name] = sum(len(v) for v in held)
        else:  # a section that keeps only a count ("inbox": updates_kept)
            counts[name] = sum(v for v in data.values() if type(v) is int)
    return counts


async def forget_user(
    session: AsyncSession,
    user_id: int,
    now: datetime,
    registry: Sequence[DataSection] | None = None,
) -> bool:
    """Delete the person's data in the caller's transaction; ``False`` if there was none."""
    return await forget_users(session, [user_id], now, registry) == 1


async def forget_users(
    session: AsyncSession,
    user_ids: Sequence[int],
    now: datetime,
    registry: Sequence[DataSection] | None = None,
) -> int:
    """Delete these people's data in the caller's transaction, section by section (set-based
    where the section can); returns how many of them existed."""
    known = await identities(session, user_ids)
    present = sorted(known)
    if not present:
        return 0
    ordered = list(reversed(list(registry if registry is not None else sections())))
    session.info[_KNOWN] = known
    try:
        holding = await _holding(session, ordered, known)
        for n, section in enumerate(ordered):
            if n not in holding:
                continue
            if isinstance(section, ForgettingMany):
                await section.forget_many(session, present, now)
            else:
                for user_id in present:
                    await section.forget(session, user_id, now)
        await session.flush()
        await bump_version(session, PROFILES)  # other instances' profile caches forget them too
    finally:
        session.info.pop(_KNOWN, None)
    return len(present)


# The probe of a list of sections (by their classes and names: what a section's ``held``
# returns depends on its class alone), built once: its structure is the same for every
# batch, only its parameters change.
_PROBES: dict[tuple[Any, ...], tuple[Any, list[tuple[int, int]]]] = {}
_IDS = "forgetting_user_ids"
_TELEGRAM_IDS = "forgetting_telegram_ids"


async def _holding(
    session: AsyncSession, ordered: Sequence[DataSection], known: dict[int, Identity]
) -> set[int]:
    """The positions in ``ordered`` of the sections that may hold anything of these
    people: every section that is not a :class:`ProbedSection`, and those whose probe
    found something, all probed in one statement."""
    dialect = (await session.connection()).dialect.name
    key = (dialect, *((type(section), section.name) for section in ordered))
    built = _PROBES.get(key)
    if built is None:
        user_ids: Any = bindparam(_IDS, expanding=True)
        telegram_ids: Any = bindparam(_TELEGRAM_IDS, expanding=True)
        if dialect == "postgresql":
            # One array parameter each (``IN (SELECT unnest(:ids))``): the statement's text
            # is the same for every batch, so it is prepared once. Expanded into a list of
            # parameters per subquery, each batch's size was a new statement to plan, 17
            # subqueries at a time: 16 ms a batch at load 4 (issue 18).
            user_ids = select(func.unnest(bindparam(_IDS, type_=ARRAY(BigInteger))))
            telegram_ids = select(func.unnest(bindparam(_TELEGRAM_IDS, type_=ARRAY(BigInteger))))
        conditions: list[Any] = []
        counts: list[tuple[int, int]] = []
        for n, section in enumerate(ordered):
            if isinstance(section, ProbedSection):
                held = section.held(user_ids, telegram_ids)
                conditions += held
                counts.append((n, len(held)))
        probe = select(*(c.label(f"p{n}") for n, c in enumerate(conditions)))
        built = _PROBES.setdefault(key, (probe if conditions else None, counts))
    probe, counts = built
    holding = set(range(len(ordered)))
    if probe is None:
        return holding
    row = (
        await session.execute(
            probe,
            {
                _IDS: sorted(known),
                _TELEGRAM_IDS: sorted({who.telegram_id for who in known.values()}),
            },
        )
    ).one()
    start = 0
    for n, count in counts:  # each section's conditions, in order
        if not any(row[start : start + count]):
            holding.discard(n)
        start += count
    return holding


# Each batch of retention work is its own write transaction, sized to last about this long:
# every other writer (a resident signing up) waits for it (issue 18). After each batch the pass
# pauses (RETENTION_REST_FACTOR times as long as the batch took), so writers queued on the lock
# get their turn: SQLite's busy handler is not fair, and back-to-back batches starved a sign-up
# for 19 s in the bench.
RETENTION_BATCH_SECONDS = 0.08
# On SQLite 60 ms: with a batch's statements run on its own thread (Database.batches) its
# fixed part is about 20 ms, so smaller batches cost little, and the hard limit (90 ms) leaves
# room under the 150 ms for a loaded machine's noise. On PostgreSQL a batch's fixed
# part is ~40 round trips (about 50 ms at load 4), and 60 ms kept batches near the minimum:
# 285 batches instead of 207 for the bench's 5,000 people, 24.6 s instead of 21.0 s.
RETENTION_SQLITE_BATCH_SECONDS = 0.06
# The rest after each batch on SQLite, in proportion to how long it held the lock: the pass
# holds it at most 1 / (1 + factor) of its time, so concurrent writers keep most of their
# rate. PostgreSQL locks rows, not the database: no rest there.
RETENTION_REST_FACTOR = 2.0
RETENTION_FIRST_BATCH = 16
RETENTION_MAX_BATCH = 2000
# Never smaller: sections forget a batch of people in a fixed number of statements, so a
# batch of one costs about what a batch of 16 does; halving below it only multiplies the
# batches (5,000 residents in 5,000 batches took 17 minutes on a loaded machine).
RETENTION_MIN_BATCH = 16


# A batch may pass the budget by half, never more: sized for RETENTION_BATCH_SECONDS, with
# room under the 150 ms for a loaded machine's noise.
RETENTION_HARD_FACTOR = 1.5


class BatchSizer:
    """The next batch's size from the last batches' sizes and lock times.

    A batch's time is a fixed part (its statements, one or two per table whatever the batch
    holds, each a trip to the database) plus a part per item, fitted over the last few
    batches. Sizing in proportion to the time alone treated the fixed part as per item: on
    a loaded machine (load 7 on 2 cores) 16 people took 90–160 ms, mostly fixed, so every
    batch was cut back to the minimum, while 256 people took 128 ms; 5,000 people then took
    about 300 batches and 40 s of lock instead of about 25 batches (issue 18). Here a batch
    grows while the fit says it stays under the budget (or, when the fixed part alone
    reaches it, a quarter of the budget above the fixed part, within the hard limit), at
    most doubling at a time; one that passed the hard limit halves the next at most.
    """

    KEPT = 6

    def __init__(self, budget: float) -> None:
        self.budget = budget
        self.hard = budget * RETENTION_HARD_FACTOR
        self.seen: collections.deque[tuple[int, float]] = collections.deque(maxlen=self.KEPT)

    def next(self, size: int, elapsed: float) -> int:
        """The size after a batch of ``size`` items that held the lock ``elapsed`` seconds."""
        self.seen.append((size, elapsed))
        fit = self._fit()
        if elapsed > self.hard or self.hard <= 0:
            wanted = size * self.budget / elapsed if elapsed > 0 else size / 2
        elif fit is not None:
            fixed, per_item = fit
            goal = min(max(self.budget, fixed + self.budget / 4), self.hard)
            wanted = (goal - fixed) / per_item
        elif elapsed < self.budget:
            wanted = size * self.budget / elapsed if elapsed > 0 else size * 2
        else:  # between the budget and the hard limit, the fixed part not known yet: probe
            wanted = size * 1.25 + 1
        wanted = min(max(wanted, size / 2), size * 2)
        return int(min(max(wanted, RETENTION_MIN_BATCH), RETENTION_MAX_BATCH))

    def _fit(self) -> tuple[float, float] | None:
        """Least squares ``time = fixed + per_item * size`` over the batches kept; ``None``
        until two sizes differ, or when the noise gives no positive cost per item."""
        sizes = [n for n, _ in self.seen]
        if len(set(sizes)) < 2:
            return None
        mean_n = sum(sizes) / len(sizes)
        mean_t = sum(t for _, t in self.seen) / len(sizes)
        spread = sum((n - mean_n) ** 2 for n in sizes)
        per_item = sum((n - mean_n) * (t - mean_t) for n, t in self.seen) / spread
        if per_item <= 0:
            return None
        return max(mean_t - per_item * mean_n, 0.0), per_item


async def apply_retention(
    db: Database,
    now: datetime,
    settings: PrivacySettings,
    registry: Sequence[DataSection] | None = None,
    *,
    batch_seconds: float | None = None,
) -> dict[str, int]:
    """Run every section's retention hook in small batches, each in its own short write
    transaction; returns items touched per section (and logs it with the longest batch).

    A batch's size adapts to how long the previous ones took (:class:`BatchSizer`: a fixed
    part and a part per item, aiming at ``batch_seconds``, by default 60 ms on SQLite and
    80 ms on PostgreSQL), so the write lock is never held
    for long on any machine or database, and the pass rests ``RETENTION_REST_FACTOR`` times
    as long as each batch took before the next one. Every step is idempotent: a pass
    interrupted between batches resumes next time. Sections may keep what they learnt in one
    batch for the next
    (:data:`_PASS`) until the pass ends.
    """
    scratch = _PASS.set({})
    # The objects alive now are left out of the garbage collector's full collections until
    # the pass ends: a full collection walks every object of the process (90 ms in the
    # bench, issue 18), and one that fell inside a batch held the write lock that long.
    # What the pass allocates is still collected.
    gc.freeze()
    try:
        # Read before the first batch, outside the write lock: the audit log's words.
        async with db.read() as session:
            await _audit_index(session)
        if batch_seconds is None:
            sqlite = db.dialect == "sqlite"
            batch_seconds = RETENTION_SQLITE_BATCH_SECONDS if sqlite else RETENTION_BATCH_SECONDS
        return await _apply_retention(db, now, settings, registry, batch_seconds)
    finally:
        gc.unfreeze()
        _PASS.reset(scratch)


async def _apply_retention(
    db: Database,
    now: datetime,
    settings: PrivacySettings,
    registry: Sequence[DataSection] | None,
    batch_seconds: float,
) -> dict[str, int]:
    done: dict[str, int] = {}
    longest = 0.0
    batches = 0
    async with db.batches() as runner:
        for section in registry if registry is not None else sections():
            if not isinstance(section, RetainingSection):
                continue
            limit = RETENTION_FIRST_BATCH
            sizer = BatchSizer(batch_seconds)
            done[section.name] = 0
            while True:
                batch: RetentionBatch | None = None
                reader = section if isinstance(section, RetainingAfterReading) else None
                if reader is not None:
                    async with db.read() as reading:  # no write lock while reading
                        batch = await reader.read_batch(reading, now, settings, limit)
                    if not batch.found:
                        break
                work = _batch_work(section, reader, batch, now, settings, limit)
                touched, elapsed = await runner.run(work)
                longest = max(longest, elapsed)
                batches += 1
                done[section.name] += touched
                if (touched if batch is None else batch.found) < limit:
                    break
                if db.dialect == "sqlite":  # one writer at a time; PostgreSQL locks rows only
                    await asyncio.sleep(elapsed * RETENTION_REST_FACTOR)
                limit = sizer.next(limit, elapsed)
    log.info(
        "retention applied in %d batches (longest %.0f ms): %s",
        batches,
        longest * 1000,
        ", ".join(f"{k}={v}" for k, v in done.items()) or "-",
    )
    return done


def _batch_work(
    section: RetainingSection,
    reader: RetainingAfterReading | None,
    batch: RetentionBatch | None,
    now: datetime,
    settings: PrivacySettings,
    limit: int,
) -> Callable[[AsyncSession], Awaitable[int]]:
    """What one batch does in its write transaction: the section's ``retain``, or the write
    of what it read before."""

    async def work(session: AsyncSession) -> int:
        if reader is None or batch is None:
            return await section.retain(session, now, settings, limit)
        return await reader.write_batch(session, batch, now, settings)

    return work


# -- the privacy notice -------------------------------------------------------------------


async def notice_shown(session: AsyncSession, user_id: int) -> bool:
    """Whether the person has already been shown the privacy notice."""
    return await session.get(PrivacyNotice, user_id) is not None


async def record_notice(session: AsyncSession, user_id: int, now: datetime) -> bool:
    """Remember that the notice was shown; ``False`` if it already had been."""
    added = await insert_ignore(
        session,
        PrivacyNotice.__table__,  # type: ignore[arg-type]
        {"user_id": user_id, "shown_at": now},
        ["user_id"],
    )
    return added == 1


# -- verification -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Trace:
    """A column of a row that still identifies someone."""

    table: str
    column: str
    value: str


async def find_traces(
    session: AsyncSession, who: Identity, limit: int = 100, metadata: MetaData | None = None
) -> list[Trace]:
    """Scan EVERY table (every integer, string, JSON and binary column) for ``who``.

    Integer columns are compared with the Telegram id, the others searched for the Telegram
    id, the username and the names (case-insensitive). Generic over ``Base.metadata``, so
    tables added later are covered without changes. Slow (full scans): for tests and checks.
    """
    found: list[Trace] = []
    needles = [n.lower() for n in who.needles()]
    for table in (metadata or Base.metadata).sorted_tables:
        for column in table.columns:
            kind = column.type
            if isinstance(kind, Integer):
                query = select(column).where(column == who.telegram_id).limit(limit)
            elif isinstance(kind, String | Text | JSON):
                text = cast(column, Text) if isinstance(kind, JSON) else column
                lowered = func.lower(text)
                query = (
                    select(column)
                    .where(or_(*(lowered.contains(n, autoescape=True) for n in needles)))
                    .limit(limit)
                )
            elif isinstance(kind, LargeBinary):
                query = select(column).where(column.is_not(None))
            else:
                continue
            for value in await session.scalars(query):
                if isinstance(kind, LargeBinary):
                    blob = bytes(value).lower()
                    if not any(n.encode() in blob for n in needles):
                        continue
                found.append(Trace(table.name, column.name, repr(value)[:80]))
    return found
