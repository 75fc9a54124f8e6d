"""second chances: undo a cancellation; event waitlists, offers and companions (issue 16)

``enrolments.withdrawn_from`` and ``event_signups.withdrawn_from`` keep the status a person
left, so that "undo" within ten minutes can put them back where they were. Events get a
waitlist in arrival order (``last_seq``/``seq``), offers with a deadline, and companions: a
sign-up holds ``party`` seats (the person and up to ``companions_max`` others).

Revision ID: 0018
Revises: 0015
Create Date: 2026-11-30 03:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot.storage.base import UTCDateTime

revision: str = "0018"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("enrolments") as batch:
        batch.add_column(sa.Column("withdrawn_from", sa.String(12), nullable=True))
    with op.batch_alter_table("events") as batch:
        batch.add_column(
            sa.Column("companions_max", sa.Integer(), nullable=False, server_default="2")
        )
        batch.add_column(sa.Column("last_seq", sa.BigInteger(), nullable=False, server_default="0"))
        batch.create_check_constraint(
            "companions_in_range", "companions_max >= 0 AND companions_max <= 5"
        )
    with op.batch_alter_table("event_signups") as batch:
        batch.add_column(sa.Column("party", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("seq", sa.BigInteger(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("offer_expires_at", UTCDateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("withdrawn_from", sa.String(12), nullable=True))
        batch.create_check_constraint("party_in_range", "party >= 1 AND party <= 6")
        batch.create_check_constraint(
            "offer_has_deadline", "(status = 'offered') = (offer_expires_at IS NOT NULL)"
        )
        batch.create_index("ix_event_signups_offer_expiry", ["status", "offer_expires_at"])


def downgrade() -> None:
    with op.batch_alter_table("event_signups") as batch:
        batch.drop_index("ix_event_signups_offer_expiry")
        batch.drop_constraint("offer_has_deadline", type_="check")
        batch.drop_constraint("party_in_range", type_="check")
        batch.drop_column("withdrawn_from")
        batch.drop_column("offer_expires_at")
        batch.drop_column("seq")
        batch.drop_column("party")
    with op.batch_alter_table("events") as batch:
        batch.drop_constraint("companions_in_range", type_="check")
        batch.drop_column("last_seq")
        batch.drop_column("companions_max")
    with op.batch_alter_table("enrolments") as batch:
        batch.drop_column("withdrawn_from")
