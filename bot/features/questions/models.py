"""The last hours question each chat had answered, for its follow-ups ("那后天呢")."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, UTCDateTime


class HoursContext(Base):
    """One row a chat: the venues and days of its last answered hours question, and when.

    Read by whichever instance handles the chat's next message; a row older than
    ``bot.understanding.followup.FRESH_FOR`` is ignored, and the retention pass deletes it."""

    __tablename__ = "hours_contexts"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    venue_ids: Mapped[str] = mapped_column(String(400))  # "canteen,gym"
    days: Mapped[str] = mapped_column(String(400))  # "2026-12-05,2026-12-06"
    lang: Mapped[str | None] = mapped_column(String(8))
    asked_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
