"""Canteen feedback, its tags, and the organisers' digest subscriptions and deliveries."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, BigIntPK, UTCDateTime, partial_index


class Feedback(Base):
    """One resident's opinion of one meal on one local day (a later one replaces it)."""

    __tablename__ = "feedback"
    __table_args__ = (
        UniqueConstraint("user_id", "day", "meal"),
        # Covers the digest's aggregates (count, average, stars) for a day or a range.
        Index("ix_feedback_day_stars", "day", "stars", "meal"),
        Index("ix_feedback_open", "needs_attention", "resolved_at"),
        # The rows that still name their author, oldest first: the retention's batches.
        partial_index(
            "ix_feedback_identified_updated", "updated_at", "id", where="user_id IS NOT NULL"
        ),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    # NULL once anonymised (the author asked to be forgotten, or the retention period passed):
    # the row stays so the statistics stay true.
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)  # local date in the centre's zone
    meal: Mapped[str] = mapped_column(String(12))  # breakfast | lunch | dinner
    stars: Mapped[int] = mapped_column()
    comment: Mapped[str | None] = mapped_column(Text)
    photos: Mapped[str | None] = mapped_column(Text)  # JSON list of Telegram file ids
    anonymous: Mapped[bool] = mapped_column(default=False)
    # A low rating that staff were alerted to and have not resolved yet.
    needs_attention: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revisions: Mapped[int] = mapped_column(default=1)
    reply: Mapped[str | None] = mapped_column(Text)
    replied_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    replied_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    resolved_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )


class FeedbackTag(Base):
    """A quick tag picked on a feedback (one row per tag, so the database can count them)."""

    __tablename__ = "feedback_tags"
    __table_args__ = (
        UniqueConstraint("feedback_id", "tag"),
        Index("ix_feedback_tags_day_tag", "day", "tag"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    feedback_id: Mapped[int] = mapped_column(ForeignKey("feedback.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)  # copied: top tags without a join
    tag: Mapped[str] = mapped_column(String(24))


class FeedbackSubmission(Base):
    """Each confirmed submission, for per-user flood protection (updates count too)."""

    __tablename__ = "feedback_submissions"
    __table_args__ = (Index("ix_feedback_submissions_user_at", "user_id", "at"),)

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class DigestSubscription(Base):
    """An organiser's own digest choice; no row means on, at the configured time."""

    __tablename__ = "digest_subscriptions"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    enabled: Mapped[bool] = mapped_column(default=True)
    minute_of_day: Mapped[int | None] = mapped_column()  # local; None: the configured time
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class DigestDelivery(Base):
    """The claim on one organiser's digest of one local day: exactly one, ever."""

    __tablename__ = "digest_deliveries"
    __table_args__ = (UniqueConstraint("user_id", "day"),)

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)  # the local day the digest was due
    report_day: Mapped[date] = mapped_column(Date)  # the day it reports on
    late: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
