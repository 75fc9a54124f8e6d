"""Questions residents pass to a person (notices and answers travel through the outbox)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, BigIntPK, UTCDateTime


class StaffQuestion(Base):
    """A resident's question: ``draft`` (offered, not yet sent), ``open``, then ``answered``.

    A draft is what the bot could not answer; the resident's press on "ask a person" turns it
    into an open question (a conditional UPDATE, so a double press sends it once).
    """

    __tablename__ = "staff_questions"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'open', 'answered')", name="status_known"),
        Index("ix_staff_questions_status_asked", "status", "asked_at"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    # Both NULL once the retention period has removed the asker's identity from an answered
    # question (the question and its answer stay, e.g. for improving the FAQ).
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    chat_id: Mapped[int | None] = mapped_column(BigInteger)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    asked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
