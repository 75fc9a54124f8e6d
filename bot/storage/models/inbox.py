"""The durable inbox: every update, stored before Telegram is told it arrived (issue 14)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, BigIntPK, UTCDateTime


class InboxUpdate(Base):
    """One update from Telegram and how far its handling got.

    ``id`` is the arrival order (per-chat order follows it, not ``update_id``: webhook
    deliveries may overlap). ``status``: ``pending`` (waiting, maybe for ``next_attempt_at``),
    ``running`` (claimed by ``claimed_by``, whose heartbeat refreshes ``claimed_at``),
    ``done`` or ``failed`` (a permanent error, apologised for).
    """

    __tablename__ = "inbox_updates"
    __table_args__ = (
        # Claiming: the oldest unfinished update of each chat.
        Index("ix_inbox_chat_open", "chat_key", "status", "id"),
        Index("ix_inbox_status_due", "status", "next_attempt_at", "id"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    update_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    # The chat (or, without one, the user) whose updates must run in order; NULL: no order.
    chat_key: Mapped[int | None] = mapped_column(BigInteger)
    payload: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    claimed_by: Mapped[str | None] = mapped_column(String(96))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The exception's class name only: never its text (it may quote a resident's message).
    last_error: Mapped[str | None] = mapped_column(String(128))


class InboxEffect(Base):
    """A write transaction of a handler that committed, once per update and call site.

    Written in the same transaction as the handler's changes, so a handler run again for the
    same update (after a crash or a transient error) finds its earlier changes committed and
    its repeated transaction is rolled back: each change happens once per update.
    """

    __tablename__ = "inbox_effects"
    __table_args__ = (UniqueConstraint("update_id", "site", name="uq_inbox_effects_update_site"),)

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    update_id: Mapped[int] = mapped_column(BigInteger)
    site: Mapped[str] = mapped_column(String(200))
