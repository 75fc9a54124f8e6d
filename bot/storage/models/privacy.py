"""Which residents have been shown the privacy notice, and when (accountability, PIPL Art. 17)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, BigIntPK, UTCDateTime


class PrivacyNotice(Base):
    """The privacy notice was shown to ``user_id`` at ``shown_at`` (deleted with the user)."""

    __tablename__ = "privacy_notices"

    user_id: Mapped[int] = mapped_column(
        BigIntPK,
        ForeignKey("users.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    )
    shown_at: Mapped[datetime] = mapped_column(UTCDateTime())
