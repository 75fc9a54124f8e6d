"""Night school: courses, their sessions, who holds or waits for a seat, attendance, draws.

What the database itself guarantees (see ``docs/nightschool.md``):

* ``courses.taken`` counts the seats held (enrolled + offered) and can never exceed
  ``capacity`` (CHECK); seats are only ever taken with a conditional
  ``UPDATE … SET taken = taken + 1 WHERE taken < capacity``.
* One row per person and course (UNIQUE ``course_id, user_id``): a person's status on a course
  changes, a second row can never appear, so nobody is enrolled twice.
* ``seq`` orders the waitlist: it comes from the course's own counter ``last_seq``, bumped by
  the same ``UPDATE`` that locks the course row, so it is the order in which the database
  serialised the sign-ups; UNIQUE ``course_id, seq`` makes ties impossible.
"""

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


class Course(Base):
    """A series of classes with one sign-up window and a fixed number of seats."""

    __tablename__ = "courses"
    __table_args__ = (
        CheckConstraint("capacity > 0", name="capacity_positive"),
        CheckConstraint("taken >= 0 AND taken <= capacity", name="taken_within_capacity"),
        CheckConstraint("fee_fen >= 0", name="fee_not_negative"),
        CheckConstraint("mode IN ('fcfs', 'lottery')", name="mode_known"),
        CheckConstraint("status IN ('draft', 'published', 'cancelled')", name="status_known"),
        CheckConstraint("signup_closes_at > signup_opens_at", name="window_ordered"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    title_zh: Mapped[str] = mapped_column(String(80))
    title_en: Mapped[str] = mapped_column(String(80))
    description_zh: Mapped[str] = mapped_column(Text)
    description_en: Mapped[str] = mapped_column(Text)
    teacher: Mapped[str] = mapped_column(String(64))
    venue_id: Mapped[str] = mapped_column(String(32))
    fee_fen: Mapped[int] = mapped_column(default=0)
    capacity: Mapped[int] = mapped_column()
    taken: Mapped[int] = mapped_column(default=0)
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    mode: Mapped[str] = mapped_column(String(8), default="fcfs")
    status: Mapped[str] = mapped_column(String(12), default="draft", index=True)
    signup_opens_at: Mapped[datetime] = mapped_column(UTCDateTime())
    signup_closes_at: Mapped[datetime] = mapped_column(UTCDateTime())
    lottery_seed: Mapped[str | None] = mapped_column(String(40))
    drawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CourseSession(Base):
    """One class meeting of a course."""

    __tablename__ = "course_sessions"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ordered"),
        CheckConstraint("status IN ('scheduled', 'cancelled')", name="status_known"),
        Index("ix_course_sessions_course_start", "course_id", "starts_at"),
        Index("ix_course_sessions_starts_at", "starts_at"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(12), default="scheduled")
    moved: Mapped[bool] = mapped_column(default=False)


class Enrolment(Base):
    """A person's place (or wish for one) on a course; one row per person and course."""

    __tablename__ = "enrolments"
    __table_args__ = (
        UniqueConstraint("course_id", "user_id"),
        UniqueConstraint("course_id", "seq", name="uq_enrolments_course_seq"),
        CheckConstraint(
            "status IN ('enrolled', 'waitlisted', 'offered', 'cancelled', 'declined', "
            "'expired', 'applied')",
            name="status_known",
        ),
        CheckConstraint(
            "(status = 'offered') = (offer_expires_at IS NOT NULL)", name="offer_has_deadline"
        ),
        Index("ix_enrolments_course_status_seq", "course_id", "status", "seq"),
        Index("ix_enrolments_offer_expiry", "status", "offer_expires_at"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(12))
    # Arrival order within the course (the waitlist's order); renewed when someone re-joins.
    seq: Mapped[int] = mapped_column(BigInteger)
    offer_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The status left by the last withdrawal, for "undo" (``bot.services.second_chance``).
    withdrawn_from: Mapped[str | None] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Attendance(Base):
    """Whether an enrolled person came to one session (marked by staff)."""

    __tablename__ = "course_attendance"
    __table_args__ = (UniqueConstraint("session_id", "enrolment_id"),)

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("course_sessions.id", ondelete="CASCADE"), index=True
    )
    enrolment_id: Mapped[int] = mapped_column(
        ForeignKey("enrolments.id", ondelete="CASCADE"), index=True
    )
    present: Mapped[bool] = mapped_column(default=True)
    marked_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    marked_at: Mapped[datetime] = mapped_column(UTCDateTime())


class DrawRank(Base):
    """The outcome of a lottery draw: each application's rank (1 = first place)."""

    __tablename__ = "course_draw_ranks"
    __table_args__ = (UniqueConstraint("course_id", "rank", name="uq_course_draw_ranks_rank"),)

    enrolment_id: Mapped[int] = mapped_column(
        ForeignKey("enrolments.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"))
    rank: Mapped[int] = mapped_column()
