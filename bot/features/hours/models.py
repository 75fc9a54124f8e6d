"""Closures and special hours entered by staff from the chat."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, BigIntPK, UTCDateTime


class VenueException(Base):
    """A venue closed, or open with special hours, from ``start_date`` to ``end_date``.

    ``intervals`` is the compact text form ("09:00-12:00,14:00-17:00"); empty when closed.
    Removing one keeps the row (``removed_at``/``removed_by``) so who changed what stays known.
    """

    __tablename__ = "venue_exceptions"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="dates_ordered"),
        CheckConstraint("kind IN ('closed', 'hours')", name="kind_known"),
        Index("ix_venue_exceptions_venue_end", "venue_id", "end_date"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    venue_id: Mapped[str] = mapped_column(String(32))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(8))
    intervals: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str | None] = mapped_column(String(200))
    created_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    removed_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
