"""broadcasts.valid_until: a broadcast may say until when it is worth receiving

"明天（12月1日）食堂停业" delivered on 2 December misleads (issue 16). Each recipient's outbox
row carries the same limit in ``outbox_messages.expires_at`` (which already exists), so the
sender never delivers it late; this column keeps it for the report and for a paused broadcast.

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-30 03:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot.storage.base import UTCDateTime

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("broadcasts") as batch:
        batch.add_column(sa.Column("valid_until", UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("broadcasts") as batch:
        batch.drop_column("valid_until")
