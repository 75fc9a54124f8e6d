"""Several instances on one database: who is alive, shared send budget, form state."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Float, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime


class Instance(Base):
    """A running bot process and its last heartbeat (outbox claims name it)."""

    __tablename__ = "instances"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    host: Mapped[str] = mapped_column(String(128))
    pid: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    heartbeat_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SendBucket(Base):
    """A token bucket shared by every instance (PostgreSQL: ``frontdesk_take_token``).

    ``updated`` is the database's own clock in epoch seconds, so instances on several hosts
    never compare their clocks with each other."""

    __tablename__ = "send_buckets"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    tokens: Mapped[float] = mapped_column(Float)
    updated: Mapped[float] = mapped_column(Float)


class FloodBucket(Base):
    """A person's flood-guard bucket shared by every instance (PostgreSQL:
    ``frontdesk_flood_check``, migration 0023; UNLOGGED). Times are the database's clock in
    epoch seconds. Idle rows are purged within minutes (services/abuse)."""

    __tablename__ = "flood_buckets"

    telegram_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    tokens: Mapped[float] = mapped_column(Float)
    updated: Mapped[float] = mapped_column(Float)
    muted_until: Mapped[float] = mapped_column(Float)


class FormState(Base):
    """A person's half-filled forms: conversation states and drafts, read at every update.

    ``key`` is ``conv:<chat>:<user>`` (every conversation's state in that chat) or
    ``user:<user>`` (the person's drafts, ``context.drafts``); ``data`` is a pickle."""

    __tablename__ = "form_states"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
