"""The durable inbox's rules: fair per-chat claims, retries, recovery, effects once per update."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import ManualClock
from bot.features.questions import followups
from bot.features.questions.models import HoursContext
from bot.logs import ErrorBursts
from bot.services import inbox
from bot.services.inbox import Incoming, Outcome
from bot.storage import effects
from bot.storage.db import Database
from bot.storage.models import InboxEffect, User

A, B, C = 101, 202, 303


async def put(database: Database, clock: ManualClock, *chats: int | None, first: int = 1) -> None:
    updates = [Incoming(first + n, chat, "{}") for n, chat in enumerate(chats)]
    async with database.transaction() as session:
        await inbox.store(session, updates, clock.now())


async def claim(
    database: Database, clock: ManualClock, worker: str = "w1", limit: int = 50
) -> list[inbox.Attempt]:
    async with database.transaction() as session:
        return await inbox.claim(session, worker, clock.now(), limit)


async def finish(
    database: Database, clock: ManualClock, attempts: list[inbox.Attempt], worker: str = "w1"
) -> None:
    async with database.transaction() as session:
        await inbox.finish(session, worker, attempts, clock.now())


async def test_an_update_seen_twice_is_stored_once(database: Database, clock: ManualClock) -> None:
    """Telegram may deliver an update again (a retried webhook, an unconfirmed batch)."""
    await put(database, clock, A, B)
    await put(database, clock, A, first=2)
    async with database.read() as session:
        assert await inbox.counts(session) == {"pending": 2}


async def test_a_busy_chat_has_one_update_in_flight_and_others_are_claimed_beside_it(
    database: Database, clock: ManualClock
) -> None:
    """Twelve updates of one chat and one of another: the first of each is claimed, in order."""
    await put(database, clock, *([A] * 12), B, None)
    first = await claim(database, clock)
    assert [(a.chat_key, a.update_id) for a in first] == [(A, 1), (B, 13), (None, 14)]
    assert await claim(database, clock, "w2") == []  # chat A's next waits for its first
    await finish(database, clock, first)
    second = await claim(database, clock, "w2")
    assert [(a.chat_key, a.update_id) for a in second] == [(A, 2)]


async def test_a_transient_failure_is_retried_after_a_backoff_and_holds_its_chat(
    database: Database, clock: ManualClock
) -> None:
    """A retried update keeps its place: the chat's later updates wait for it."""
    await put(database, clock, A, A, B)
    first = await claim(database, clock)
    first[0].outcome, first[0].error = Outcome.RETRY, "OperationalError"
    await finish(database, clock, first)
    assert await claim(database, clock) == []  # A's first is backing off; B's is done
    clock.advance(inbox.retry_delay(1))
    again = await claim(database, clock)
    assert [(a.update_id, a.attempts) for a in again] == [(1, 2)]
    assert inbox.retry_delay(2) == timedelta(seconds=2)
    assert inbox.retry_delay(30) == timedelta(seconds=30)


async def test_claims_of_a_stopped_worker_come_back_after_the_lease_but_live_ones_stay(
    database: Database, clock: ManualClock
) -> None:
    """A killed instance's claims are handled again; a beating instance keeps its own."""
    await put(database, clock, A, B)
    dead = await claim(database, clock, "dead", limit=1)
    clock.advance(timedelta(seconds=5))
    alive = await claim(database, clock, "alive", limit=1)
    lease = timedelta(seconds=4)
    async with database.transaction() as session:
        assert await inbox.release_stale(session, "me", clock.now(), lease) == 1
    again = await claim(database, clock, "me")
    assert [a.update_id for a in again] == [dead[0].update_id]
    clock.advance(timedelta(seconds=3))
    async with database.transaction() as session:
        await inbox.heartbeat(session, "alive", clock.now())
    clock.advance(timedelta(seconds=3))
    async with database.transaction() as session:
        assert await inbox.release_stale(session, "me", clock.now(), lease) == 0
    assert alive[0].update_id == 2


async def test_a_claim_of_this_worker_without_a_task_comes_back(
    database: Database, clock: ManualClock
) -> None:
    """A claim committed while the connection died (the worker saw an error, started no task)
    held its chat for ever (a CI run's database cut: one resident's 8 updates never answered);
    the worker's housekeeping puts back its own claims that it is not handling."""
    await put(database, clock, A, B)
    claimed = await claim(database, clock, "me")
    handling, orphan = claimed[0], claimed[1]
    async with database.transaction() as session:
        assert await inbox.release_orphans(session, "me", {handling.row_id}) == 1
        assert await inbox.release_orphans(session, "other", set()) == 0
    again = await claim(database, clock, "me")
    assert [a.update_id for a in again] == [orphan.update_id]


async def test_lag_and_purge(database: Database, clock: ManualClock) -> None:
    """The lag is the oldest unfinished update's age; finished ones go after they are kept."""
    async with database.read() as session:
        assert await inbox.inbox_lag_seconds(session, clock.now()) == 0.0
    await put(database, clock, A, B)
    clock.advance(timedelta(seconds=7))
    done = await claim(database, clock, limit=1)
    await finish(database, clock, done)
    async with database.read() as session:
        assert await inbox.inbox_lag_seconds(session, clock.now()) == 7.0
    async with database.transaction() as session:
        assert await inbox.purge(session, clock.now() + timedelta(seconds=1)) == 1
        assert await inbox.counts(session) == {"pending": 1}


async def users_named(database: Database, name: str) -> int:
    async with database.read() as session:
        return int(await session.scalar(select(func.count()).where(User.first_name == name)) or 0)


async def add_user(database: Database, telegram_id: int, name: str, now: datetime) -> None:
    async with database.transaction() as session:
        session.add(
            User(
                telegram_id=telegram_id, first_name=name, language="en", language_chosen=False,
                created_at=now, last_seen_at=now,
            )
        )  # fmt: skip


async def test_a_handler_run_again_for_the_same_update_changes_nothing_twice(
    database: Database, clock: ManualClock
) -> None:
    """The second run's transaction finds its mark (same update, same call site): rolled back."""
    now = clock.now()

    async def handler(telegram_id: int) -> None:
        await add_user(database, telegram_id, "Once", now)

    with effects.handling(7001) as first:
        await handler(1)
    with effects.handling(7001) as again:
        await handler(2)  # a crash re-run: the insert is rolled back
    with effects.handling(7002):
        await handler(3)  # another update: its own change
    await handler(4)  # not from the inbox: unmarked
    assert (first.replayed, again.replayed) == (0, 1)
    assert await users_named(database, "Once") == 3
    async with database.read() as session:
        marks = (await session.scalars(select(InboxEffect.update_id))).all()
    assert sorted(marks) == [7001, 7002]


async def test_a_transaction_opened_twice_by_one_handler_counts_each_time(
    database: Database, clock: ManualClock
) -> None:
    """Two transactions from one call site in one update are two effects, both committed."""
    now = clock.now()
    with effects.handling(7100):
        for telegram_id in (11, 12):
            await add_user(database, telegram_id, "Twice", now)
    assert await users_named(database, "Twice") == 2


def test_a_burst_of_one_error_logs_one_line_and_a_count(caplog: pytest.LogCaptureFixture) -> None:
    """Fifty identical failures in a minute: the first line, then one line with the count."""
    moment = [0.0]
    bursts = ErrorBursts(logging.getLogger("tests.bursts"), window=60, clock=lambda: moment[0])
    with caplog.at_level(logging.ERROR, logger="tests.bursts"):
        logged = [bursts.report("OperationalError", "update %s failed", n) for n in range(50)]
        bursts.report("TimedOut", "update %s timed out", 99)
        moment[0] = 61.0
        bursts.flush()
    assert logged.count(True) == 1
    assert [r.getMessage() for r in caplog.records] == [
        "update 0 failed",
        "update 99 timed out",
        "OperationalError: 49 more in the last 60 s",
    ]


@pytest.mark.postgres
async def test_workers_claiming_at_once_never_take_two_updates_of_one_chat(
    database: Database, clock: ManualClock
) -> None:
    """Eight workers claim concurrently (SKIP LOCKED): per chat at most one update in flight."""
    if database.dialect != "postgresql":
        pytest.skip("concurrent claims need several connections: PostgreSQL")
    chats = [A, B, C] * 20
    await put(database, clock, *chats)
    claimed: list[inbox.Attempt] = []
    for _ in range(25):
        rounds = await asyncio.gather(*(claim(database, clock, f"w{n}", limit=2) for n in range(8)))
        batch = [a for found in rounds for a in found]
        in_flight = [a.chat_key for a in batch]
        assert len(in_flight) == len(set(in_flight)), in_flight
        claimed.extend(batch)
        for n, found in enumerate(rounds):
            await finish(database, clock, found, f"w{n}")
    assert len(claimed) == 60
    for chat in (A, B, C):  # each chat's updates were handled in their order
        order = [a.update_id for a in claimed if a.chat_key == chat]
        assert order == sorted(order)


async def test_only_the_claim_and_outcome_commits_skip_the_flush_wait(
    database: Database, clock: ManualClock
) -> None:
    """The claim/outcome transaction commits without waiting for the WAL flush (PostgreSQL);
    the setting ends with that transaction, so the store of an update on a pooled connection
    afterwards waits for it again (nothing acknowledged to Telegram can be lost)."""
    setting = text("SELECT current_setting('synchronous_commit')")
    relaxed = "off" if database.dialect == "postgresql" else None
    async with database.transaction() as session:
        await inbox.commit_without_flush_wait(session)
        if relaxed:
            assert await session.scalar(setting) == relaxed
        await inbox.claim(session, "w", clock.now(), 10)
    for n in range(12):  # more than the pool's connections: none kept the setting
        async with database.transaction() as session:
            await inbox.store(session, [Incoming(900 + n, n, "{}")], clock.now())
            if relaxed:
                assert await session.scalar(setting) == "on"


async def test_two_workers_each_claim_their_share_of_the_chats(
    database: Database, clock: ManualClock
) -> None:
    """Ten chats waiting and two workers alive: the first to claim takes five, not all ten,
    and the other the rest; what a worker already runs counts against its share, and a worker
    alone (or on SQLite) takes everything, as before."""
    await put(database, clock, *range(1, 11))
    async with database.transaction() as session:
        first = await inbox.claim(session, "w1", clock.now(), 256, workers=2)
    assert [a.chat_key for a in first] == [1, 2, 3, 4, 5]
    async with database.transaction() as session:
        assert await inbox.claim(session, "w1", clock.now(), 256, workers=2) == []
        second = await inbox.claim(session, "w2", clock.now(), 256, workers=2)
    assert [a.chat_key for a in second] == [6, 7, 8, 9, 10]
    await finish(database, clock, first[:2])
    await put(database, clock, 11, 12, 13, first=11)
    async with database.transaction() as session:  # 11 open chats: a share of 6, w1 runs 3
        more = await inbox.claim(session, "w1", clock.now(), 256, workers=2)
    assert [a.chat_key for a in more] == [11, 12, 13]
    await put(database, clock, 14, 15, first=14)
    async with database.transaction() as session:
        assert len(await inbox.claim(session, "w3", clock.now(), 256, workers=1)) == 2


async def test_deferred_rows_commit_with_their_updates_done_and_a_failing_writer_alone_is_dropped(
    database: Database, clock: ManualClock, caplog: pytest.LogCaptureFixture
) -> None:
    """A handler's small write (a chat's follow-up context) rides on the commit that marks its
    update done, one call per writer for the whole batch: visible to the chat's next update,
    which is claimed only after it. A writer that fails is dropped in its savepoint; the
    outcomes and the other writers' rows commit all the same; a retried update's rows wait."""
    await put(database, clock, A, A, B, C)
    first = await claim(database, clock)
    assert [a.chat_key for a in first] == [A, B, C]
    assert not inbox.defer(followups.write_many, (A, None, None, clock.now()))  # no update here
    calls: list[int] = []

    async def contexts(session: AsyncSession, rows: list[object]) -> None:
        calls.append(len(rows))
        await followups.write_many(session, rows)

    async def broken(session: AsyncSession, rows: list[object]) -> None:
        await session.execute(text("INSERT INTO no_such_table VALUES (1)"))

    for attempt, chat in zip(first, (A, B, C), strict=True):
        with inbox.attempting(attempt):
            assert inbox.defer(contexts, (chat, (["canteen"], []), "zh", clock.now()))
            assert inbox.defer(broken, chat)
    first[2].outcome = Outcome.RETRY  # not done: its row waits for the attempt that is
    async with database.read() as session:
        assert await session.scalar(select(func.count()).select_from(HoursContext)) == 0
    with caplog.at_level(logging.WARNING, logger="bot.services.inbox"):
        await finish(database, clock, first)
    assert "a deferred write failed" in caplog.text
    assert calls == [2]  # A's and B's rows, in one call
    async with database.read() as session:
        assert set(await session.scalars(select(HoursContext.chat_id))) == {A, B}
        assert await inbox.counts(session) == {"done": 2, "pending": 2}
    second = await claim(database, clock, "w2")
    assert [(a.chat_key, a.update_id) for a in second] == [(A, 2)]  # C waits for its backoff


async def _context_of(database: Database, chat: int) -> str | None:
    async with database.read() as session:
        previous = await followups.load(session, chat)
    return ",".join(previous.venue_ids) if previous is not None else None


async def test_deferred_rows_survive_an_outcome_commit_that_failed_and_is_run_again(
    database: Database, clock: ManualClock
) -> None:
    """The intake runs ``finish`` again after a failed commit (a locked database, a lost
    connection): the rows go with it, not only on the first try (a second reader's find)."""
    await put(database, clock, A)
    first = await claim(database, clock)
    with inbox.attempting(first[0]):
        assert inbox.defer(followups.write_many, (A, (["gym"], []), "zh", clock.now()))

    async def failing_cycle() -> None:
        async with database.transaction() as session:
            await inbox.finish(session, "w1", first, clock.now())
            raise RuntimeError("the commit failed")

    with pytest.raises(RuntimeError):
        await failing_cycle()
    assert await _context_of(database, A) is None
    await finish(database, clock, first)
    assert await _context_of(database, A) == "gym"


async def test_a_worker_that_lost_its_claim_writes_no_deferred_rows(
    database: Database, clock: ManualClock
) -> None:
    """w1's lease runs out; w2 handles the chat's update and the next one (the gym); w1's late
    finish must not put its older context (the canteen) back over w2's."""
    await put(database, clock, A, A)
    stale = await claim(database, clock, "w1")
    with inbox.attempting(stale[0]):
        assert inbox.defer(followups.write_many, (A, (["canteen"], []), "zh", clock.now()))
    clock.advance(timedelta(seconds=5))
    async with database.transaction() as session:
        assert await inbox.release_stale(session, "w2", clock.now(), timedelta(seconds=4)) == 1
    for _ in range(2):
        mine = await claim(database, clock, "w2")
        with inbox.attempting(mine[0]):
            inbox.defer(followups.write_many, (A, (["gym"], []), "zh", clock.now()))
        await finish(database, clock, mine, "w2")
    assert await _context_of(database, A) == "gym"
    await finish(database, clock, stale, "w1")
    assert await _context_of(database, A) == "gym"
