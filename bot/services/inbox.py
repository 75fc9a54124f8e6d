"""The durable inbox's rules: store, claim fairly per chat, finish, retry, recover (issue 14).

Every update is committed here before Telegram is told it arrived (the polling offset, the
webhook's 200); workers then claim and handle it, and mark it done. Claiming takes, for each
chat, only its *oldest unfinished* update, and only when nothing of that chat is in flight:
per-chat order holds across any number of workers and instances, and one busy chat holds at
most one claim while the other chats' updates are claimed beside it. On PostgreSQL the claim is
``FOR UPDATE SKIP LOCKED``; SQLite (one process) serialises writers anyway.

A claim belongs to a worker (``claimed_by``) whose heartbeat refreshes ``claimed_at``; a
claim whose heartbeat stopped for ``lease`` (a killed process) goes back to pending and is
handled again. Nothing here knows about Telegram.
"""

from __future__ import annotations

import enum
import logging
import re
from collections.abc import Awaitable, Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Table, case, delete, func, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from bot.storage.in_lists import padded
from bot.storage.models.inbox import InboxEffect, InboxUpdate
from bot.storage.upsert import insert_ignore

_log = logging.getLogger(__name__)
PENDING, RUNNING, DONE, FAILED = "pending", "running", "done", "failed"
OPEN = (PENDING, RUNNING)
# Heads looked at beyond the claim's limit: those another worker is locking are skipped.
HEADS_SLACK = 64
_UPDATES = cast(Table, InboxUpdate.__table__)


class Outcome(enum.Enum):
    """What became of one attempt at an update."""

    DONE = "done"
    RETRY = "retry"  # a transient error: handled again after a backoff
    FAILED = "failed"  # a permanent error: apologised for, not retried


@dataclass(frozen=True)
class Incoming:
    """An update as it arrived: its id, the chat it belongs to, its JSON."""

    update_id: int
    chat_key: int | None
    payload: str


@dataclass
class Attempt:
    """One claimed update being handled; the error handler records its outcome here."""

    row_id: int
    update_id: int
    chat_key: int | None
    payload: str
    attempts: int  # including this one
    outcome: Outcome = Outcome.DONE
    error: str | None = None
    # Small writes that need not be committed before the reply (a chat's follow-up context):
    # rows for a batch writer, written on the commit that marks the update done, which the
    # chat's next update waits for anyway (:func:`defer`).
    deferred: list[tuple[BatchWriter, object]] = field(default_factory=list)


_ATTEMPT: ContextVar[Attempt | None] = ContextVar("frontdesk_inbox_attempt", default=None)


def current_attempt() -> Attempt | None:
    """The inbox attempt this task is handling (``None``: not from the inbox)."""
    return _ATTEMPT.get()


@contextmanager
def attempting(attempt: Attempt) -> Iterator[Attempt]:
    """Make ``attempt`` the current one while its update is handled."""
    token = _ATTEMPT.set(attempt)
    try:
        yield attempt
    finally:
        _ATTEMPT.reset(token)


# Writes the rows deferred by every update of one outcome commit, in a few statements.
BatchWriter = Callable[[AsyncSession, list[object]], Awaitable[None]]


def defer(writer: BatchWriter, row: object) -> bool:
    """Have ``writer`` write ``row`` in the transaction that marks the current update done,
    with the rows of every other update finished in that commit (one call per writer);
    ``False`` when this task handles no inbox update (the caller then writes at once).

    The chat's next update is claimed only after that commit, so it reads what was written;
    a batch holds at most one update of a chat, so its rows never overtake each other. A
    writer that fails is logged and its rows dropped, never the outcomes beside them."""
    attempt = _ATTEMPT.get()
    if attempt is None:
        return False
    attempt.deferred.append((writer, row))
    return True


def retry_delay(attempts: int, *, base: float = 1.0, cap: float = 30.0) -> timedelta:
    """Exponential backoff: 1, 2, 4 … seconds after the 1st, 2nd, 3rd … failed attempt."""
    return timedelta(seconds=min(cap, base * 2 ** max(attempts - 1, 0)))


async def store(session: AsyncSession, updates: Sequence[Incoming], now: datetime) -> int:
    """Add the updates not stored yet (an update id seen before is skipped); returns how many."""
    if not updates:
        return 0
    rows = [
        {
            "update_id": u.update_id,
            "chat_key": u.chat_key,
            "payload": u.payload,
            "status": PENDING,
            "attempts": 0,
            "received_at": now,
            "next_attempt_at": now,
        }
        for u in updates
    ]
    return await insert_ignore(session, _UPDATES, rows, ["update_id"])


async def commit_without_flush_wait(session: AsyncSession) -> None:
    """PostgreSQL: this transaction's commit does not wait for the WAL flush.

    For the claim and outcome transactions only, never for :func:`store`. What the wait
    protected is a PostgreSQL *server* crash within ~0.6 s of the commit (three
    ``wal_writer_delay``s; a killed bot loses nothing, the server has the commit): a claim
    lost then leaves its update pending, an outcome lost leaves it running until the lease
    runs out, and either way the update is handled again, its changes rolled back by the
    ``inbox_effects`` markers (committed with each change, synchronously, so a later
    synchronous commit also flushes every earlier one: a marker is never durable while the
    claim before it is not). The cost is at most a duplicate reply for the updates finished in
    that window, the same as for those in flight. The update itself is stored with a
    synchronous commit before Telegram is told it arrived, so nothing is lost. SQLite: no-op
    (``synchronous = NORMAL`` in WAL mode already skips the flush per commit).
    """
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(text("SET LOCAL synchronous_commit = off"))


async def claim(
    session: AsyncSession, worker: str, now: datetime, limit: int, workers: int = 1
) -> list[Attempt]:
    """Claim up to ``limit`` due updates: per chat only the oldest unfinished one, oldest first.

    An update whose chat has an earlier update pending (even one waiting for its backoff) or
    any update running is not due: the chat's order holds, and one chat has one in flight.
    Rows locked by another worker's claim in progress are skipped (PostgreSQL), never waited
    for.

    ``workers`` (more than one live): a worker holds at most its fair share of the chats with
    open updates, ``ceil(chats / workers)``, counting what it already runs, so the first to
    wake does not take every chat's head and leave the others idle (measured: 600 of 600
    updates on one of two workers before). It always may hold one.
    """
    if workers > 1:
        limit = min(limit, await _fair_share(session, worker, workers))
    if limit <= 0:
        return []
    # Each chat's oldest unfinished update, for chats with nothing running and nothing
    # backing off (only a chat's oldest update can be waiting for a retry): one pass over
    # the open rows. A separate statement, so the locking one below has a plain plan; a head
    # that changes in between is rechecked by the lock (status must still be pending).
    running = func.sum(case((InboxUpdate.status == RUNNING, 1), else_=0))
    waiting = func.sum(case((InboxUpdate.next_attempt_at > now, 1), else_=0))
    heads = (
        await session.scalars(
            select(func.min(InboxUpdate.id))
            .where(InboxUpdate.status.in_(OPEN), InboxUpdate.chat_key.is_not(None))
            .group_by(InboxUpdate.chat_key)
            .having(running == 0, waiting == 0)
            .order_by(func.min(InboxUpdate.id))
            .limit(limit + HEADS_SLACK)
        )
    ).all()
    rows = (
        await session.execute(
            select(InboxUpdate.id, InboxUpdate.update_id, InboxUpdate.chat_key)
            .add_columns(InboxUpdate.payload, InboxUpdate.attempts)
            .where(
                InboxUpdate.status == PENDING,
                InboxUpdate.next_attempt_at <= now,
                or_(InboxUpdate.chat_key.is_(None), InboxUpdate.id.in_(padded(heads))),
            )
            .order_by(InboxUpdate.id)
            .limit(limit)
            .with_for_update(skip_locked=True, of=InboxUpdate)
        )
    ).all()
    if not rows:
        return []
    await session.execute(
        update(InboxUpdate)
        .where(InboxUpdate.id.in_(padded([row.id for row in rows])))
        .values(
            status=RUNNING, claimed_by=worker, claimed_at=now, attempts=InboxUpdate.attempts + 1
        )
    )
    return [
        Attempt(row.id, row.update_id, row.chat_key, row.payload, row.attempts + 1) for row in rows
    ]


async def _fair_share(session: AsyncSession, worker: str, workers: int) -> int:
    """How many more updates ``worker`` may claim: its share of the chats with open updates
    (an update without a chat counts as one), less what it runs now."""
    no_chat = InboxUpdate.chat_key.is_(None)
    mine = (InboxUpdate.status == RUNNING) & (InboxUpdate.claimed_by == worker)
    chats, lone, running = (
        await session.execute(
            select(
                func.count(InboxUpdate.chat_key.distinct()),
                func.coalesce(func.sum(case((no_chat, 1), else_=0)), 0),
                func.coalesce(func.sum(case((mine, 1), else_=0)), 0),
            ).where(InboxUpdate.status.in_(OPEN))
        )
    ).one()
    share = max(1, -(-(int(chats) + int(lone)) // workers))
    return share - int(running)


# What a finished update keeps of its payload: nothing. The row stays (its update_id makes a
# re-delivery a no-op until the purge), but what the person wrote or pressed does not: an
# anonymous survey's answers, say, must not sit next to their chat id (issue 17).
SPENT = ""


async def finish(
    session: AsyncSession, worker: str, attempts: Sequence[Attempt], now: datetime
) -> None:
    """Record the outcomes of finished attempts (only for claims this worker still holds)."""
    mine = (InboxUpdate.claimed_by == worker, InboxUpdate.status == RUNNING)
    done = [a.row_id for a in attempts if a.outcome is Outcome.DONE]
    marked: set[int] = set()
    if done:
        marked = set(
            await session.scalars(
                update(InboxUpdate)
                .where(InboxUpdate.id.in_(padded(done)), *mine)
                .values(status=DONE, done_at=now, claimed_by=None, claimed_at=None, payload=SPENT)
                .returning(InboxUpdate.id)
            )
        )
    rows: dict[BatchWriter, list[object]] = {}
    for attempt in attempts:
        if attempt.outcome is Outcome.DONE:
            # Only for a claim this worker still held: one lost to another worker (a lease
            # run out) was handled again there, and its rows would overwrite newer ones. The
            # attempt keeps its rows until this commit succeeds (a failed one is run again).
            if attempt.row_id in marked:
                for writer, row in attempt.deferred:
                    rows.setdefault(writer, []).append(row)
            continue
        values: dict[str, object] = {"claimed_by": None, "claimed_at": None}
        values["last_error"] = (attempt.error or "")[:128] or None
        if attempt.outcome is Outcome.RETRY:
            values.update(status=PENDING, next_attempt_at=now + retry_delay(attempt.attempts))
        else:
            values.update(status=FAILED, done_at=now, payload=SPENT)
        await session.execute(
            update(InboxUpdate).where(InboxUpdate.id == attempt.row_id, *mine).values(**values)
        )

    for writer, batch in rows.items():
        await _deferred(session, writer, batch)


async def _deferred(session: AsyncSession, writer: BatchWriter, rows: list[object]) -> None:
    try:
        async with session.begin_nested():
            await writer(session, rows)
    except Exception as error:  # its own savepoint: the outcomes beside it still commit
        _log.warning("inbox: a deferred write failed (%s), dropped", type(error).__name__)


async def heartbeat(session: AsyncSession, worker: str, now: datetime) -> int:
    """Keep this worker's claims alive; returns how many it holds."""
    result = await session.execute(
        update(InboxUpdate)
        .where(InboxUpdate.claimed_by == worker, InboxUpdate.status == RUNNING)
        .values(claimed_at=now)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def release_stale(
    session: AsyncSession, worker: str, now: datetime, lease: timedelta | None
) -> int:
    """Put back claims whose worker stopped beating for ``lease`` (``None``: every other
    worker's claim, as on SQLite, where one process is the only worker); returns how many."""
    stale = [InboxUpdate.status == RUNNING, InboxUpdate.claimed_by != worker]
    if lease is not None:
        stale.append(InboxUpdate.claimed_at < now - lease)
    result = await session.execute(
        update(InboxUpdate).where(*stale).values(status=PENDING, claimed_by=None, claimed_at=None)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def release_orphans(session: AsyncSession, worker: str, holding: Collection[int]) -> int:
    """Put back this worker's claims it does not know it holds (``holding``: the row ids it is
    handling or has finished but not yet recorded): a claim whose commit reached the database
    while the connection died before the answer (the worker saw an error and started no
    task). Its own heartbeat kept such a claim alive, and release_stale leaves a worker's own
    claims alone, so the chat's later updates waited behind it for ever."""
    mine = [InboxUpdate.status == RUNNING, InboxUpdate.claimed_by == worker]
    if holding:
        mine.append(InboxUpdate.id.not_in(list(holding)))
    result = await session.execute(
        update(InboxUpdate).where(*mine).values(status=PENDING, claimed_by=None, claimed_at=None)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def purge(session: AsyncSession, before: datetime, batch: int = 1000) -> int:
    """Delete finished updates (and their effect marks) finished before ``before``."""
    ids = (
        await session.scalars(
            select(InboxUpdate.update_id)
            .where(InboxUpdate.status.in_((DONE, FAILED)), InboxUpdate.done_at < before)
            .limit(batch)
        )
    ).all()
    if not ids:
        return 0
    await session.execute(delete(InboxEffect).where(InboxEffect.update_id.in_(ids)))
    await session.execute(delete(InboxUpdate).where(InboxUpdate.update_id.in_(ids)))
    return len(ids)


async def inbox_lag_seconds(session: AsyncSession, now: datetime) -> float:
    """Age of the oldest unfinished update in seconds (0 when the inbox is empty).

    For readiness (``/readyz``: under a limit) and the ``inbox lag`` metric.
    """
    oldest = await session.scalar(
        select(func.min(InboxUpdate.received_at)).where(InboxUpdate.status.in_(OPEN))
    )
    if oldest is None:
        return 0.0
    return max((now - oldest).total_seconds(), 0.0)


async def counts(session: AsyncSession) -> dict[str, int]:
    """How many updates are in each status (metrics: updates by outcome)."""
    rows = await session.execute(
        select(InboxUpdate.status, func.count()).group_by(InboxUpdate.status)
    )
    return {status: int(count) for status, count in rows.all()}


def _of_person(telegram_id: int) -> ColumnElement[bool]:
    """Rows of updates from or to a person: their private chat, or sent by them elsewhere
    (payloads are compact JSON from the poller, or Telegram's own from the webhook)."""
    return or_(
        InboxUpdate.chat_key == telegram_id,
        InboxUpdate.payload.contains(f'"id":{telegram_id},', autoescape=True),
        InboxUpdate.payload.contains(f'"id": {telegram_id},', autoescape=True),
    )


_SENDER_ID = re.compile(r'"id": ?(-?\d+),')


async def forget_users(session: AsyncSession, telegram_ids: Sequence[int]) -> int:
    """People's stored updates go (``/forgetme``, retention), but for those still waiting
    to be handled (their messages after the request are answered, then purged with the
    rest), with their effect marks (only update ids, but nothing of the update is kept).

    Theirs: their private chats (by the index), and updates whose payload names them as a
    sender, ``"id":N,`` (compact JSON from the poller) or ``"id": N,`` (Telegram's own from
    the webhook), found in one pass over the handled updates for the whole batch."""
    people = set(telegram_ids)
    if not people:
        return 0
    handled = InboxUpdate.status != PENDING
    found = set(
        await session.scalars(
            select(InboxUpdate.update_id).where(InboxUpdate.chat_key.in_(people), handled)
        )
    )
    rows = await session.execute(select(InboxUpdate.update_id, InboxUpdate.payload).where(handled))
    for update_id, payload in rows:
        if update_id not in found and any(int(n) in people for n in _SENDER_ID.findall(payload)):
            found.add(update_id)
    ids = sorted(found)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        await session.execute(delete(InboxEffect).where(InboxEffect.update_id.in_(chunk)))
        await session.execute(delete(InboxUpdate).where(InboxUpdate.update_id.in_(chunk)))
    return len(ids)


async def count_user(session: AsyncSession, telegram_id: int) -> int:
    """How many of a person's updates the inbox still keeps (``/mydata``)."""
    found = await session.scalar(
        select(func.count()).select_from(InboxUpdate).where(_of_person(telegram_id))
    )
    return int(found or 0)
