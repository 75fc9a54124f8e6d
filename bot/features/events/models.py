"""Events residents sign up for."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, BigIntPK, UTCDateTime


class Event(Base):
    """One event (a talk, a folk activity, a health day…), bilingual, at one venue."""

    __tablename__ = "events"
    __table_args__ = (
        # The reminder job and the list read "scheduled events starting between a and b".
        Index("ix_events_status_starts_at", "status", "starts_at"),
        CheckConstraint("capacity IS NULL OR taken <= capacity", name="taken_within_capacity"),
        CheckConstraint("taken >= 0", name="taken_not_negative"),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        CheckConstraint("companions_max >= 0 AND companions_max <= 5", name="companions_in_range"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    title_zh: Mapped[str] = mapped_column(String(100))
    title_en: Mapped[str] = mapped_column(String(100))
    description_zh: Mapped[str] = mapped_column(Text)
    description_en: Mapped[str] = mapped_column(Text)
    venue_id: Mapped[str] = mapped_column(String(32))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    capacity: Mapped[int | None] = mapped_column()
    # Seats held by active and offered sign-ups (each holds its ``party``), kept by
    # conditional UPDATEs under the event's row lock (never read-then-write).
    taken: Mapped[int] = mapped_column(default=0)
    # How many companions one sign-up may bring ("+1 / +2"); they take seats too.
    companions_max: Mapped[int] = mapped_column(default=2, server_default="2")
    # The waitlist's arrival counter, bumped under the event's row lock.
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    status: Mapped[str] = mapped_column(String(12), default="scheduled")
    created_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class EventSignup(Base):
    """A resident's place at an event; one row per person and event.

    ``status``: active (holds ``party`` seats), waitlisted, offered (holds seats until
    ``offer_expires_at``), withdrawn, declined or expired.
    """

    __tablename__ = "event_signups"
    __table_args__ = (
        UniqueConstraint("event_id", "user_id"),
        Index("ix_event_signups_event_status", "event_id", "status"),
        Index("ix_event_signups_offer_expiry", "status", "offer_expires_at"),
        CheckConstraint("party >= 1 AND party <= 6", name="party_in_range"),
        CheckConstraint(
            "(status = 'offered') = (offer_expires_at IS NOT NULL)", name="offer_has_deadline"
        ),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(12), default="active")
    # When the current (active) sign-up began: reminders whose moment came before it are skipped.
    signed_up_at: Mapped[datetime] = mapped_column(UTCDateTime())
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The person and their companions: the seats this sign-up holds or waits for.
    party: Mapped[int] = mapped_column(default=1, server_default="1")
    # Arrival order on the waitlist (from ``events.last_seq``); kept when one withdraws.
    seq: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    offer_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The status left by the last withdrawal, for "undo" (``bot.services.second_chance``).
    withdrawn_from: Mapped[str | None] = mapped_column(String(12))
