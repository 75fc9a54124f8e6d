"""an index on every foreign key (and on outbox_messages.chat_id); outbox tallies

Without them, deleting a user scanned every table that references users (feedback twice), and
forgetting a person scanned the outbox for their chat (issue 18). tests/test_storage.py fails
when a foreign key of the models lacks an index.

outbox_tallies counts the messages of each source that reached a final status, kept as they
get there, so a broadcast's progress is read, not recounted; filled here from the rows.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 00:39:03.307934
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = [
    ("course_attendance", "enrolment_id"),
    ("course_attendance", "marked_by"),
    ("courses", "created_by"),
    ("events", "created_by"),
    ("feedback", "replied_by"),
    ("feedback", "resolved_by"),
    ("outbox_messages", "chat_id"),
    ("staff_questions", "answered_by"),
    ("venue_exceptions", "created_by"),
    ("venue_exceptions", "removed_by"),
]


def upgrade() -> None:
    for table, column in INDEXES:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)
    op.create_table(
        "outbox_tallies",
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("source", "status", name=op.f("pk_outbox_tallies")),
    )
    op.execute(
        "INSERT INTO outbox_tallies (source, status, count) "
        "SELECT source, status, COUNT(*) FROM outbox_messages "
        "WHERE status IN ('sent', 'failed', 'blocked', 'expired', 'cancelled') "
        "GROUP BY source, status"
    )


def downgrade() -> None:
    op.drop_table("outbox_tallies")
    for table, column in reversed(INDEXES):
        op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)
