"""holiday notices entered by staff, and data versions for caches on every instance

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 01:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "holiday_notices",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("holidays", sa.Text(), nullable=False),
        sa.Column("workdays", sa.Text(), nullable=False),
        sa.Column(
            "entered_by", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("entered_at", bot.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "year BETWEEN 2000 AND 2200", name=op.f("ck_holiday_notices_year_plausible")
        ),
        sa.ForeignKeyConstraint(
            ["entered_by"],
            ["users.id"],
            name=op.f("fk_holiday_notices_entered_by_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_holiday_notices")),
    )
    op.create_index(
        op.f("ix_holiday_notices_entered_by"), "holiday_notices", ["entered_by"], unique=False
    )
    op.create_table(
        "data_versions",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_data_versions")),
    )


def downgrade() -> None:
    op.drop_table("data_versions")
    op.drop_index(op.f("ix_holiday_notices_entered_by"), table_name="holiday_notices")
    op.drop_table("holiday_notices")
