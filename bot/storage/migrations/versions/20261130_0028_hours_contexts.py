"""hours_contexts: each chat's last answered hours question, for follow-ups (issue 12)

"食堂明天开吗" then "那后天呢": the second message is read with the first one's venues and
days. Kept in the database, not in memory, so that any instance (and one restarted since)
reads it; a row is ignored after 30 minutes and deleted by the retention pass.

Revision ID: 0028
Revises: 0027
Create Date: 2026-11-30 16:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision: str = "0028"
down_revision: str | None = "0027"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "hours_contexts",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("venue_ids", sa.String(length=400), nullable=False),
        sa.Column("days", sa.String(length=400), nullable=False),
        sa.Column("lang", sa.String(length=8), nullable=True),
        sa.Column("asked_at", bot.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("chat_id", name=op.f("pk_hours_contexts")),
    )
    op.create_index(
        op.f("ix_hours_contexts_asked_at"), "hours_contexts", ["asked_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_hours_contexts_asked_at"), table_name="hours_contexts")
    op.drop_table("hours_contexts")
