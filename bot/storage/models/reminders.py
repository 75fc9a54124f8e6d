"""How each resident wants to be reminded, and how far the reminder job has looked."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime


class ReminderPreference(Base):
    """A resident's choice of reminder lead times; no row means the centre's defaults."""

    __tablename__ = "reminder_preferences"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    # Comma-separated lead codes ("eve", "60", …); empty means reminders are off.
    leads: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ReminderScan(Base):
    """How far each reminder source has been looked at (to log reminders missed by downtime)."""

    __tablename__ = "reminder_scans"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    scanned_until: Mapped[datetime] = mapped_column(UTCDateTime())
