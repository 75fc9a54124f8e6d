"""The outbox: every message the bot owes someone, written in the transaction that causes it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, BigIntPK, UTCDateTime


class OutboxBody(Base):
    """What to send; shared by all recipients of one broadcast, one per personal message."""

    __tablename__ = "outbox_bodies"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    text: Mapped[str] = mapped_column(Text)
    # JSON: [[{"text": ..., "callback_data": ...} | {"text": ..., "url": ...}, ...], ...]
    buttons: Mapped[str | None] = mapped_column(Text)
    photo: Mapped[bytes | None] = mapped_column(LargeBinary)
    photo_file_id: Mapped[str | None] = mapped_column(String(256))
    document: Mapped[bytes | None] = mapped_column(LargeBinary)
    document_name: Mapped[str | None] = mapped_column(String(128))
    # A copy (copyMessage) of this message instead of ``text``; a non-empty ``text`` then
    # replaces the caption of a photo, voice note, video or document (issue 15).
    copy_from_chat: Mapped[int | None] = mapped_column(BigInteger)
    copy_message_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class OutboxMessage(Base):
    """One message to one chat, and what became of it."""

    __tablename__ = "outbox_messages"
    __table_args__ = (
        Index("ix_outbox_due", "status", "priority", "not_before", "id"),
        Index("ix_outbox_source_status", "source", "status"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    body_id: Mapped[int] = mapped_column(
        ForeignKey("outbox_bodies.id", ondelete="CASCADE"), index=True
    )
    # Indexed: forgetting a person finds what was sent to their chat (bot/services/privacy.py).
    chat_id: Mapped[int] = mapped_column(BigInteger, index=True)
    # The forum topic of a group this message goes to (``message_thread_id``), and the
    # message of that chat it answers (``reply_parameters``), when any.
    thread_id: Mapped[int | None] = mapped_column(BigInteger)
    reply_to: Mapped[int | None] = mapped_column(BigInteger)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    # Lower goes first: 0 personal notices (offers, answers, alerts), 5 reminders, 9 broadcasts.
    priority: Mapped[int] = mapped_column(default=0)
    status: Mapped[str] = mapped_column(String(12), default="pending")
    source: Mapped[str] = mapped_column(String(64))
    # Makes an enqueue idempotent (e.g. one reminder per event, person and lead time).
    dedupe_key: Mapped[str | None] = mapped_column(String(128), unique=True)
    not_before: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(default=0)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The instance (``instances.id``) whose sender holds the claim: only a dead one's are
    # released (bot/services/instances.py).
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    telegram_message_id: Mapped[int | None] = mapped_column(BigInteger)
    error: Mapped[str | None] = mapped_column(String(256))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class OutboxTally(Base):
    """How many messages of a source reached each final status, kept as they get there.

    A broadcast's live progress reads these few rows instead of counting its outbox rows at
    every check (O(N) each time, O(N²) over a broadcast; issue 18).
    """

    __tablename__ = "outbox_tallies"

    source: Mapped[str] = mapped_column(String(64), primary_key=True)
    status: Mapped[str] = mapped_column(String(12), primary_key=True)
    count: Mapped[int] = mapped_column(default=0)
