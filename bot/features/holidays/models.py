"""The State Council's holiday notices entered by staff, one row a year."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime


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
