"""retention's partial indexes: feedback that still names its author, residents who blocked

The retention pass anonymises feedback older than the identity retention in batches; each
batch asked for the oldest rows that still have an author in id order, and without an index
every batch read past all the rows already anonymised (issue 18: 30,000 rows in a pass). The
index holds only the rows that still name someone, so a batch reads just the rows it changes.
Likewise each batch of blocked residents to forget read the whole users table (50,000 rows
for a few hundred); the second index holds only those who blocked the bot.

Revision ID: 0027
Revises: 0023
Create Date: 2026-11-30 11:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0027"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

IDENTIFIED = sa.text("user_id IS NOT NULL")
BLOCKED = sa.text("blocked_at IS NOT NULL")


def upgrade() -> None:
    op.create_index(
        "ix_feedback_identified_updated",
        "feedback",
        ["updated_at", "id"],
        sqlite_where=IDENTIFIED,
        postgresql_where=IDENTIFIED,
    )
    op.create_index(
        "ix_users_blocked",
        "users",
        ["blocked_at", "id"],
        sqlite_where=BLOCKED,
        postgresql_where=BLOCKED,
    )


def downgrade() -> None:
    op.drop_index("ix_users_blocked", table_name="users")
    op.drop_index("ix_feedback_identified_updated", table_name="feedback")
