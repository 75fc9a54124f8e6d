"""Talking to a person: questions residents pass to staff (notices and answers travel
through the outbox), and the helpdesk's tickets, the messages of each, banned residents and
dropped messages.

Media are kept as Telegram ``file_id``s (valid for this bot), never downloaded.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, CheckConstraint, ForeignKey, Index, String, Text
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


class Ticket(Base):
    """A resident's conversation with staff: ``open`` (nobody has it), ``claimed`` (someone
    has it), ``waiting`` (staff answered, the resident's turn), ``closed``.

    ``engaged``: the resident is in conversation mode (everything they send goes to staff);
    ``engaged_at``: when they last entered it (/ask, or staff opening it for them). With
    ``last_resident_at`` and ``last_staff_at`` it says how long the ticket has been idle.
    ``group_id``/``topic_id``: the staff group's forum topic of this ticket, once created.
    """

    __tablename__ = "tickets"
    __table_args__ = (
        CheckConstraint(
            "status IN ('open', 'claimed', 'waiting', 'closed')", name="ticket_status_known"
        ),
        CheckConstraint("satisfaction IN (-1, 1)", name="ticket_satisfaction_known"),
        Index("ix_tickets_status_opened", "status", "opened_at"),
        Index("ix_tickets_topic", "group_id", "topic_id"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(8))
    engaged: Mapped[bool] = mapped_column(Boolean, default=True)
    engaged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    unreachable: Mapped[bool] = mapped_column(Boolean, default=False)
    sign_as_centre: Mapped[bool] = mapped_column(Boolean, default=False)
    group_id: Mapped[int | None] = mapped_column(BigInteger)
    topic_id: Mapped[int | None] = mapped_column(BigInteger)
    claimed_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_resident_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_staff_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    satisfaction: Mapped[int | None] = mapped_column()
    rated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class TicketMessage(Base):
    """One message of a ticket: ``in`` from the resident, ``out`` from staff.

    ``chat_id``/``message_id`` name the original (what ``copyMessage`` copies); ``relayed``
    is set in the transaction that put its copy in the outbox, so it is relayed once.
    """

    __tablename__ = "ticket_messages"
    __table_args__ = (
        CheckConstraint("direction IN ('in', 'out')", name="ticket_direction_known"),
        Index("ix_ticket_messages_ticket", "ticket_id", "id"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    direction: Mapped[str] = mapped_column(String(3))
    kind: Mapped[str] = mapped_column(String(12))
    text: Mapped[str | None] = mapped_column(Text)
    file_id: Mapped[str | None] = mapped_column(String(256))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    staff_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    relayed: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class HelpdeskBan(Base):
    """A resident whose messages to staff are dropped (abuse); set and lifted from a topic."""

    __tablename__ = "helpdesk_bans"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    banned_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class DroppedMessage(Base):
    """A banned resident's message, recorded (its kind and time) and never delivered."""

    __tablename__ = "helpdesk_dropped"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
