"""The outbox: messages owed to people, stored in the same transaction as their cause.

A change that must reach someone (an offer, an answer, a reminder, a broadcast) calls
:func:`enqueue` inside the transaction that makes the change; the sender
(``bot.delivery.sender``) drains due rows at Telegram's pace and records what became of each.
A restart between the change and the message therefore loses nothing; a crash while sending
can repeat at most the messages in flight.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, bindparam, delete, func, insert, literal, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.callbacks import Callback, encode
from bot.services.text_parts import MESSAGE_LIMIT, parts, units
from bot.storage.db import ring_after_commit
from bot.storage.models import OutboxBody, OutboxMessage, OutboxTally
from bot.storage.upsert import insert_for

PRIORITY_NOTICE = 0
PRIORITY_REMINDER = 5
PRIORITY_BROADCAST = 9

PENDING, SENDING, SENT = "pending", "sending", "sent"
FAILED, BLOCKED, CANCELLED, EXPIRED = "failed", "blocked", "cancelled", "expired"
FINAL_STATUSES = frozenset({SENT, FAILED, BLOCKED, CANCELLED, EXPIRED})


@dataclass(frozen=True, slots=True)
class Button:
    """An inline button: a callback (``data``) or a link (``url``)."""

    text: str
    data: Callback | str | None = None  # a service passes the typed intent (bot.callbacks)
    url: str | None = None

    def as_dict(self) -> dict[str, str]:
        if self.url is not None:
            return {"text": self.text, "url": self.url}
        data = encode(self.data) if isinstance(self.data, Callback) else self.data
        return {"text": self.text, "callback_data": data or ""}


Buttons = Sequence[Sequence[Button]]


@dataclass(frozen=True, slots=True)
class Body:
    """What one outbox message shows."""

    id: int
    text: str
    buttons: list[list[dict[str, str]]] | None
    photo: bytes | None
    photo_file_id: str | None
    document: bytes | None
    document_name: str | None
    copy_from_chat: int | None = None
    copy_message_id: int | None = None


@dataclass(frozen=True, slots=True)
class Copy:
    """A message to copy (``copyMessage``): the chat it is in and its id there."""

    from_chat: int
    message_id: int


@dataclass(frozen=True, slots=True)
class Claimed:
    """A message taken by a sender to deliver now."""

    id: int
    body_id: int
    chat_id: int
    user_id: int | None
    attempts: int
    source: str
    expires_at: datetime | None
    thread_id: int | None = None
    reply_to: int | None = None


async def create_body(
    session: AsyncSession,
    text: str,
    now: datetime,
    *,
    buttons: Buttons | None = None,
    photo: bytes | None = None,
    document: bytes | None = None,
    document_name: str | None = None,
    copy: Copy | None = None,
) -> int:
    """Store a message body (e.g. once per broadcast) and return its id."""
    encoded = json.dumps([[b.as_dict() for b in row] for row in buttons]) if buttons else None
    body = OutboxBody(
        text=text,
        buttons=encoded,
        photo=photo,
        document=document,
        document_name=document_name,
        copy_from_chat=copy.from_chat if copy else None,
        copy_message_id=copy.message_id if copy else None,
        created_at=now,
    )
    session.add(body)
    await session.flush()
    return body.id


async def enqueue(
    session: AsyncSession,
    *,
    chat_id: int,
    text: str,
    source: str,
    now: datetime,
    user_id: int | None = None,
    buttons: Buttons | None = None,
    priority: int = PRIORITY_NOTICE,
    not_before: datetime | None = None,
    expires_at: datetime | None = None,
    dedupe_key: str | None = None,
    photo: bytes | None = None,
    document: bytes | None = None,
    document_name: str | None = None,
    copy: Copy | None = None,
    thread_id: int | None = None,
    reply_to: int | None = None,
) -> int | None:
    """Owe ``chat_id`` one message; ``None`` when ``dedupe_key`` was already used.

    ``copy``: send a copy of that message (``text``, when not empty, is its new caption);
    ``thread_id``: into that forum topic; ``reply_to``: as a reply to that message.
    """
    if dedupe_key is not None:
        taken = await session.scalar(
            select(OutboxMessage.id).where(OutboxMessage.dedupe_key == dedupe_key)
        )
        if taken is not None:
            return None
    if photo is None and document is None and copy is None and units(text) > MESSAGE_LIMIT:
        # over Telegram's limit (a long question handed to staff): the leading parts first, as
        # messages of their own, so that nothing is refused and lost; buttons on the last
        *first, text = parts(text)
        for index, part in enumerate(first):
            await enqueue(
                session,
                chat_id=chat_id,
                text=part,
                source=source,
                now=now,
                user_id=user_id,
                priority=priority,
                not_before=not_before,
                expires_at=expires_at,
                dedupe_key=None if dedupe_key is None else f"{dedupe_key[:120]}:{index}",
                thread_id=thread_id,
                reply_to=reply_to,
            )
    body_id = await create_body(
        session,
        text,
        now,
        buttons=buttons,
        photo=photo,
        document=document,
        document_name=document_name,
        copy=copy,
    )
    message = OutboxMessage(
        body_id=body_id,
        chat_id=chat_id,
        thread_id=thread_id,
        reply_to=reply_to,
        user_id=user_id,
        priority=priority,
        status=PENDING,
        source=source[:64],
        dedupe_key=dedupe_key,
        not_before=not_before or now,
        expires_at=expires_at,
        attempts=0,
        created_at=now,
    )
    session.add(message)
    ring_after_commit(session)
    await session.flush()
    return message.id


async def enqueue_audience(
    session: AsyncSession,
    body_id: int,
    audience: Select[int, int],
    *,
    source: str,
    now: datetime,
    priority: int = PRIORITY_BROADCAST,
    not_before: datetime | None = None,
    expires_at: datetime | None = None,
) -> int:
    """One row per ``(chat_id, user_id)`` of ``audience``, inserted by the database itself.

    ``INSERT … SELECT`` keeps a 100,000-person audience out of Python's memory.
    """
    columns = audience.subquery()
    chat_id, user_id = list(columns.c)[:2]
    rows = select(
        literal(body_id),
        chat_id,
        user_id,
        literal(priority),
        literal(PENDING),
        literal(source[:64]),
        literal(not_before or now, OutboxMessage.not_before.type),
        literal(expires_at, OutboxMessage.expires_at.type),
        literal(0),
        literal(now, OutboxMessage.created_at.type),
    )
    statement = insert(OutboxMessage).from_select(
        [
            "body_id",
            "chat_id",
            "user_id",
            "priority",
            "status",
            "source",
            "not_before",
            "expires_at",
            "attempts",
            "created_at",
        ],
        rows,
    )
    result = await session.execute(statement)
    ring_after_commit(session)
    return int(getattr(result, "rowcount", 0) or 0)


# A group takes about 20 messages a minute (Telegram): a batch claims at most this many of one
# group's messages, so a long queue for a staff group never fills a batch (the sender sends one
# chat's messages in order, and a batch is done only when its slowest chat is).
GROUP_BATCH_CAP = 2
MAX_GROUPS_PER_BATCH = 50


async def claim_due(
    session: AsyncSession, now: datetime, limit: int, claimed_by: str | None = None
) -> list[Claimed]:
    """Take up to ``limit`` due messages for sending (two senders never take the same row).

    Private chats' messages come in priority order; each group with messages due adds at most
    :data:`GROUP_BATCH_CAP` of its own, oldest first, so a backlog for one group (200 residents
    writing to the staff group at once) never holds up anyone else's messages.

    ``claimed_by`` names the instance (bot/services/instances.py): only a dead instance's
    claims are ever given back to another sender.
    """
    due = (
        select(OutboxMessage.id)
        .where(
            OutboxMessage.status == PENDING,
            OutboxMessage.not_before <= now,
            OutboxMessage.chat_id > 0,
        )
        .order_by(OutboxMessage.priority, OutboxMessage.not_before, OutboxMessage.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    ids = list(await session.scalars(due))
    groups = await session.scalars(
        select(OutboxMessage.chat_id)
        .where(
            OutboxMessage.chat_id < 0,
            OutboxMessage.status == PENDING,
            OutboxMessage.not_before <= now,
        )
        .distinct()
        .limit(MAX_GROUPS_PER_BATCH)
    )
    for group in list(groups):
        ids += list(
            await session.scalars(
                select(OutboxMessage.id)
                .where(
                    OutboxMessage.chat_id == group,
                    OutboxMessage.status == PENDING,
                    OutboxMessage.not_before <= now,
                )
                .order_by(OutboxMessage.priority, OutboxMessage.not_before, OutboxMessage.id)
                .limit(GROUP_BATCH_CAP)
                .with_for_update(skip_locked=True)
            )
        )
    if not ids:
        return []
    result = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(ids), OutboxMessage.status == PENDING)
        .values(status=SENDING, claimed_at=now, claimed_by=claimed_by)
        .returning(
            OutboxMessage.id,
            OutboxMessage.body_id,
            OutboxMessage.chat_id,
            OutboxMessage.user_id,
            OutboxMessage.attempts,
            OutboxMessage.source,
            OutboxMessage.expires_at,
            OutboxMessage.priority,
            OutboxMessage.thread_id,
            OutboxMessage.reply_to,
        )
    )
    claimed = [
        (row.priority, row.id, Claimed(row.id, row.body_id, row.chat_id, row.user_id,
                                        row.attempts, row.source, row.expires_at,
                                        row.thread_id, row.reply_to))
        for row in result
    ]  # fmt: skip
    return [item for _, _, item in sorted(claimed, key=lambda entry: (entry[0], entry[1]))]


async def release_stale(session: AsyncSession, now: datetime, older_than: timedelta) -> int:
    """Give back messages a crashed sender had claimed but not finished."""
    result = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.status == SENDING, OutboxMessage.claimed_at < now - older_than)
        .values(status=PENDING, claimed_at=None, claimed_by=None)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def release_own(session: AsyncSession, ids: Sequence[int], claimed_by: str) -> int:
    """Give back claims this instance took but will not send (stopping, a failed batch)."""
    if not ids:
        return 0
    result = await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.id.in_(ids),
            OutboxMessage.status == SENDING,
            OutboxMessage.claimed_by == claimed_by,
        )
        .values(status=PENDING, claimed_at=None, claimed_by=None)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def load_body(session: AsyncSession, body_id: int) -> Body:
    row = await session.get_one(OutboxBody, body_id)
    return Body(
        id=row.id,
        text=row.text,
        buttons=json.loads(row.buttons) if row.buttons else None,
        photo=row.photo,
        photo_file_id=row.photo_file_id,
        document=row.document,
        document_name=row.document_name,
        copy_from_chat=row.copy_from_chat,
        copy_message_id=row.copy_message_id,
    )


async def remember_photo(session: AsyncSession, body_id: int, file_id: str) -> None:
    """After the first upload, reuse Telegram's file id for the other recipients."""
    await session.execute(
        update(OutboxBody)
        .where(OutboxBody.id == body_id, OutboxBody.photo_file_id.is_(None))
        .values(photo_file_id=file_id)
    )


async def mark_sent(
    session: AsyncSession, message_id: int, now: datetime, telegram_message_id: int | None
) -> None:
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id)
        .values(status=SENT, sent_at=now, telegram_message_id=telegram_message_id, error=None)
    )


async def mark_sent_many(
    session: AsyncSession, sent: Sequence[tuple[int, int | None]], now: datetime
) -> None:
    """Record many deliveries at once: ``(outbox id, Telegram message id)`` pairs.

    One ``executemany`` instead of one statement per message keeps the write transaction
    short, which is what lets the sender keep up with 30 messages a second and more.
    """
    if not sent:
        return
    table = OutboxMessage.__table__
    statement = (
        update(table)  # type: ignore[arg-type]
        .where(table.c.id == bindparam("outbox_id"))
        .values(status=SENT, sent_at=now, telegram_message_id=bindparam("message_id"), error=None)
    )
    await session.execute(statement, [{"outbox_id": oid, "message_id": mid} for oid, mid in sent])


async def hold_back_chat(
    session: AsyncSession, chat_id: int, after_id: int, until: datetime
) -> None:
    """Keep a chat's later messages behind one that must wait (a 429): order per chat holds."""
    await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.chat_id == chat_id,
            OutboxMessage.id > after_id,
            OutboxMessage.status == PENDING,
            OutboxMessage.not_before < until,
        )
        .values(not_before=until)
    )


async def mark_final(session: AsyncSession, message_id: int, status: str, error: str) -> None:
    """Failed for good, blocked by the person, or expired before it could go."""
    if status not in FINAL_STATUSES:
        raise ValueError(f"not a final status: {status}")
    await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id)
        .values(status=status, error=error[:256])
    )


async def retry_later(
    session: AsyncSession, message_id: int, when: datetime, error: str, *, count: bool = True
) -> None:
    """Put a message back for another try at ``when``."""
    values: dict[str, object] = {
        "status": PENDING,
        "not_before": when,
        "error": error[:256],
        "claimed_by": None,
    }
    if count:
        values["attempts"] = OutboxMessage.attempts + 1
    await session.execute(
        update(OutboxMessage).where(OutboxMessage.id == message_id).values(values)
    )


async def add_tallies(session: AsyncSession, reached: Mapping[tuple[str, str], int]) -> None:
    """Count messages that reached a final status: ``{(source, status): how many}``.

    Whoever moves messages to a final status calls this in the same transaction (the sender,
    :func:`cancel`), so :func:`tallies` stays exact without counting rows."""
    rows = [{"source": s, "status": st, "count": n} for (s, st), n in reached.items() if n]
    if not rows:
        return
    table = OutboxTally.__table__
    statement = insert_for(session, table)  # type: ignore[arg-type]
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["source", "status"],
            set_={"count": table.c.count + statement.excluded.count},
        ),
        rows,
    )


async def tallies(session: AsyncSession, source: str) -> dict[str, int]:
    """How many messages of ``source`` reached each final status (a few rows, any size)."""
    rows = await session.execute(
        select(OutboxTally.status, OutboxTally.count).where(OutboxTally.source == source)
    )
    return {status: int(n) for status, n in rows}


async def cancel(
    session: AsyncSession, *, source: str | None = None, dedupe_prefix: str | None = None
) -> int:
    """Withdraw messages not yet sent (a cancelled broadcast, a withdrawn sign-up's reminders)."""
    statement = update(OutboxMessage).where(OutboxMessage.status == PENDING)
    if source is not None:
        statement = statement.where(OutboxMessage.source == source)
    if dedupe_prefix is not None:
        statement = statement.where(
            OutboxMessage.dedupe_key.startswith(dedupe_prefix, autoescape=True)
        )
    if source is None and dedupe_prefix is None:
        raise ValueError("cancel needs a source or a dedupe prefix")
    result = await session.execute(
        statement.values(status=CANCELLED).returning(OutboxMessage.source)
    )
    sources = Counter((found, CANCELLED) for found in result.scalars())
    await add_tallies(session, sources)
    return sum(sources.values())


async def counts(session: AsyncSession, source: str) -> dict[str, int]:
    """How many messages of ``source`` are in each status."""
    rows = await session.execute(
        select(OutboxMessage.status, func.count())
        .where(OutboxMessage.source == source)
        .group_by(OutboxMessage.status)
    )
    return {status: int(n) for status, n in rows}


async def find_sent(
    session: AsyncSession, chat_id: int, telegram_message_id: int
) -> tuple[int, str] | None:
    """``(outbox id, source)`` of the message the bot sent as ``telegram_message_id`` (replies)."""
    row = (
        await session.execute(
            select(OutboxMessage.id, OutboxMessage.source).where(
                OutboxMessage.chat_id == chat_id,
                OutboxMessage.telegram_message_id == telegram_message_id,
            )
        )
    ).first()
    return (row.id, row.source) if row else None


async def purge_finished(session: AsyncSession, before: datetime, limit: int) -> int:
    """Delete at most ``limit`` delivered and abandoned messages created before ``before``
    (retention), and the bodies no message uses any more; returns how many messages went.

    The last batch (fewer than ``limit``) also sweeps bodies left without any message."""
    finished = (
        select(OutboxMessage.id)
        .where(OutboxMessage.status.in_(FINAL_STATUSES), OutboxMessage.created_at < before)
        .order_by(OutboxMessage.id)
        .limit(limit)
    )
    ids = list(await session.scalars(finished))
    bodies: set[int] = set()
    if ids:
        result = await session.execute(
            delete(OutboxMessage).where(OutboxMessage.id.in_(ids)).returning(OutboxMessage.body_id)
        )
        bodies = set(result.scalars())
    orphan = ~select(OutboxMessage.id).where(OutboxMessage.body_id == OutboxBody.id).exists()
    if bodies:
        await session.execute(delete(OutboxBody).where(OutboxBody.id.in_(bodies), orphan))
    if len(ids) < limit:
        await session.execute(delete(OutboxBody).where(orphan, OutboxBody.created_at < before))
    return len(ids)
