"""Closures and special hours entered by staff from the chat; holiday notices; data versions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text
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


class HolidayNotice(Base):
    """One year's State Council holiday notice, entered by an admin from the chat.

    ``holidays`` maps ISO dates to festival keys, ``workdays`` maps ISO dates of make-up working
    days to the weekday whose hours they keep (both JSON). Entering a year again replaces it.
    """

    __tablename__ = "holiday_notices"
    __table_args__ = (CheckConstraint("year BETWEEN 2000 AND 2200", name="year_plausible"),)

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    holidays: Mapped[str] = mapped_column(Text)
    workdays: Mapped[str] = mapped_column(Text)
    entered_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    entered_at: Mapped[datetime] = mapped_column(UTCDateTime())


class DataVersion(Base):
    """A counter per kind of centre data, bumped in the transaction that changes the data.

    Every instance caches the data in memory and reloads it when the counter moved.
    """

    __tablename__ = "data_versions"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=0)
