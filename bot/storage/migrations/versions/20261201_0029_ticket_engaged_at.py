"""tickets.engaged_at: when the resident last entered conversation mode

A conversation with staff closes after ``FRONTDESK_HELPDESK__IDLE_CLOSE_HOURS`` without a
message either way (docs/helpdesk.md). A resident who opens it again with /ask without
writing yet is not idle: this column records that moment. Old rows keep NULL: their last
messages say how idle they are.

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-01 10:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from bot.storage.base import UTCDateTime

revision: str = "0029"
down_revision: str | None = "0028"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(sa.Column("engaged_at", UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.drop_column("engaged_at")
