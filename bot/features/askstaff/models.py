"""The helpdesk's tables: tickets, the messages of each, banned residents, dropped messages.

Media are kept as Telegram ``file_id``s (valid for this bot), never downloaded.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, BigIntPK, UTCDateTime


class Ticket(Base):
    """A resident's conversation with staff: ``open`` (nobody has it), ``claimed`` (someone
    has it), ``waiting`` (staff answered, the resident's turn), ``closed``.

    ``engaged``: the resident is in conversation mode (everything they send goes to staff).
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
