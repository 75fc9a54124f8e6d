"""Announcements to many residents, and the topics residents chose not to follow."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, BigIntPK, UTCDateTime


class Broadcast(Base):
    """One announcement: what, to whom, when, and where its live progress is shown.

    The recipients themselves are outbox rows whose ``source`` is ``broadcast:<id>``.
    """

    __tablename__ = "broadcasts"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    author_name: Mapped[str] = mapped_column(String(128))
    text_zh: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str | None] = mapped_column(Text)
    photo_file_id: Mapped[str | None] = mapped_column(String(256))
    audience: Mapped[str] = mapped_column(String(32))
    audience_param: Mapped[str | None] = mapped_column(String(64))
    urgent: Mapped[bool] = mapped_column(default=False)
    # active (sending, or scheduled while before not_before), paused, cancelled, done
    status: Mapped[str] = mapped_column(String(12), index=True)
    total: Mapped[int] = mapped_column(default=0)
    not_before: Mapped[datetime] = mapped_column(UTCDateTime())
    # Not worth receiving after this (each recipient's outbox row carries it as expires_at).
    valid_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    progress_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    progress_message_id: Mapped[int | None] = mapped_column(BigInteger)
    progress_text: Mapped[str | None] = mapped_column(Text)


class TopicOptOut(Base):
    """A resident who does not follow a topic (everyone follows every topic by default)."""

    __tablename__ = "topic_optouts"
    __table_args__ = (UniqueConstraint("user_id", "topic"),)

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    topic: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
