"""The send budget shared by every instance (PostgreSQL): one round trip per token."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from bot.delivery.budget import BucketSpec, SharedBudget
from bot.storage.db import Database


async def test_a_bucket_gives_its_burst_then_says_how_long_to_wait_without_a_leak(
    database: Database,
) -> None:
    """Two tokens of a chat's bucket (capacity 2, one a second) at once, then a wait of about
    a second; the take's relaxed commit ends with it: later transactions on the pool's
    connections wait for the flush again, and the bucket is stored (a fresh take sees it)."""
    if database.dialect != "postgresql":
        pytest.skip("the shared budget is PostgreSQL's (SQLite keeps one process's limiter)")
    budget = SharedBudget(database)
    bucket = BucketSpec("chat:5", 2, 1.0)
    waits = [await budget.take(bucket, bulk=False) for _ in range(3)]
    assert waits[:2] == [0.0, 0.0]
    assert 0.5 < waits[2] <= 1.0
    for _ in range(12):
        async with database.transaction() as session:
            setting = await session.scalar(text("SELECT current_setting('synchronous_commit')"))
            assert setting == "on"
    async with database.read() as session:
        tokens = await session.scalar(text("SELECT tokens FROM send_buckets WHERE key = 'chat:5'"))
    assert tokens is not None
    assert tokens < 1
