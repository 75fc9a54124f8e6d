"""anonymised feedback and questions: the author of a feedback and the asker of a question
may be NULL (forgotten at their request, or after the retention period)

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27 21:51:26.285000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.alter_column("user_id", existing_type=sa.INTEGER(), nullable=True)

    with op.batch_alter_table("staff_questions", schema=None) as batch_op:
        batch_op.alter_column("user_id", existing_type=sa.INTEGER(), nullable=True)
        batch_op.alter_column("chat_id", existing_type=sa.BIGINT(), nullable=True)


def downgrade() -> None:
    # Anonymised rows cannot be given back an author: going down drops them.
    op.execute("DELETE FROM staff_questions WHERE user_id IS NULL OR chat_id IS NULL")
    op.execute("DELETE FROM feedback WHERE user_id IS NULL")
    with op.batch_alter_table("staff_questions", schema=None) as batch_op:
        batch_op.alter_column("chat_id", existing_type=sa.BIGINT(), nullable=False)
        batch_op.alter_column("user_id", existing_type=sa.INTEGER(), nullable=False)

    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.alter_column("user_id", existing_type=sa.INTEGER(), nullable=False)
