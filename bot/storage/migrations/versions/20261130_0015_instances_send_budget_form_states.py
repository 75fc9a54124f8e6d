"""instances and their heartbeats, outbox claims by instance, a shared send budget, form state

Several bot processes may share one PostgreSQL database (issue 14): each registers itself in
``instances`` and beats; the outbox names the instance holding a claim so that start-up
releases only a dead instance's claims. ``send_buckets`` with ``frontdesk_take_token`` (one
round trip, PostgreSQL only) is the 30 messages a second shared by every instance.
``form_states`` keeps half-filled forms, read at every update, so a form survives a restart
and its steps may land on different instances.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30 03:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Refills the bucket by the time elapsed on the database's clock, then takes a token when
# ``reserve`` more are left (bulk sends leave a reserve for replies); returns 0 when taken,
# otherwise the seconds to wait. The row lock serialises the instances for one statement.
TAKE_TOKEN = """
CREATE OR REPLACE FUNCTION frontdesk_take_token(
    bucket_key text, capacity double precision, rate double precision, reserve double precision
) RETURNS double precision
LANGUAGE plpgsql AS $$
DECLARE
    now_s double precision;
    last double precision;
    have double precision;
BEGIN
    INSERT INTO send_buckets (key, tokens, updated)
    VALUES (bucket_key, capacity, extract(epoch from clock_timestamp()))
    ON CONFLICT (key) DO NOTHING;
    SELECT tokens, updated INTO have, last FROM send_buckets WHERE key = bucket_key FOR UPDATE;
    -- The time is read once the row is ours: read before waiting for the lock, it could be
    -- older than the last holder's and credit the same interval twice.
    now_s := GREATEST(last, extract(epoch from clock_timestamp()));
    have := LEAST(capacity, have + (now_s - last) * rate);
    IF have >= 1 + reserve THEN
        UPDATE send_buckets SET tokens = have - 1, updated = now_s WHERE key = bucket_key;
        RETURN 0;
    END IF;
    UPDATE send_buckets SET tokens = have, updated = now_s WHERE key = bucket_key;
    RETURN (1 + reserve - have) / rate;
END $$;
"""


def upgrade() -> None:
    op.create_table(
        "instances",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("host", sa.String(length=128), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("started_at", bot.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("heartbeat_at", bot.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_instances")),
    )
    op.create_table(
        "send_buckets",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("tokens", sa.Float(), nullable=False),
        sa.Column("updated", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_send_buckets")),
    )
    op.create_table(
        "form_states",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("updated_at", bot.storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_form_states")),
    )
    with op.batch_alter_table("outbox_messages") as batch:
        batch.add_column(sa.Column("claimed_by", sa.String(length=64), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(TAKE_TOKEN)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS frontdesk_take_token")
    with op.batch_alter_table("outbox_messages") as batch:
        batch.drop_column("claimed_by")
    op.drop_table("form_states")
    op.drop_table("send_buckets")
    op.drop_table("instances")
