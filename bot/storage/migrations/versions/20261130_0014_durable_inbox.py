"""the durable inbox: updates stored before Telegram is told, and the effects of each update

inbox_updates holds every update from the moment it arrives until it is handled (issue 14):
polling advances its offset, and a webhook answers 200, only once the update is committed
here. inbox_effects marks each committed write transaction of a handler per update and call
site, so a handler run again for the same update changes nothing twice.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 03:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "inbox_updates",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("update_id", sa.BigInteger(), nullable=False),
        sa.Column("chat_key", sa.BigInteger(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("received_at", bot.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("next_attempt_at", bot.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("claimed_by", sa.String(length=96), nullable=True),
        sa.Column("claimed_at", bot.storage.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("done_at", bot.storage.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.String(length=128), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_updates")),
        sa.UniqueConstraint("update_id", name=op.f("uq_inbox_updates_update_id")),
    )
    op.create_index("ix_inbox_chat_open", "inbox_updates", ["chat_key", "status", "id"])
    op.create_index("ix_inbox_status_due", "inbox_updates", ["status", "next_attempt_at", "id"])
    op.create_table(
        "inbox_effects",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("update_id", sa.BigInteger(), nullable=False),
        sa.Column("site", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_effects")),
        sa.UniqueConstraint("update_id", "site", name="uq_inbox_effects_update_site"),
    )


def downgrade() -> None:
    op.drop_table("inbox_effects")
    op.drop_index("ix_inbox_status_due", table_name="inbox_updates")
    op.drop_index("ix_inbox_chat_open", table_name="inbox_updates")
    op.drop_table("inbox_updates")
