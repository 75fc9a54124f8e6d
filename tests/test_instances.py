"""Outbox claims belong to an instance: only a dead one's are released, results are kept."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import asyncpg
import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import OperationalError

from bot.app import outbox_sender
from bot.centre import Centre
from bot.clock import ManualClock
from bot.delivery.instance import InstanceHeartbeat
from bot.delivery.sender import OutboxSender
from bot.features.events import service as events
from bot.features.reminders.handlers import tick as reminder_tick
from bot.i18n import Catalog
from bot.services import instances, outbox
from bot.settings import Settings
from bot.singleton import SQLiteInUse, claim_sqlite
from bot.storage.models import Instance, OutboxMessage
from tests.conftest import PG_ADMIN_URL, Bot
from tests.test_events import make_event, resident, sign_up
from tests.test_reminders import EVENING, another_app

DEAD_AFTER = timedelta(seconds=15)  # DeliverySettings.dead_after_seconds


async def _claimed_by_other(bot: Bot, chat_id: int, owner: InstanceHeartbeat) -> None:
    """One message to ``chat_id``, claimed by ``owner`` (as if its sender were sending it)."""
    async with bot.runtime.db.transaction() as session:  # one transaction: our sender waits
        await outbox.enqueue(session, chat_id=chat_id, text="x", source="t", now=bot.clock.now())
        assert len(await outbox.claim_due(session, bot.clock.now(), 10, claimed_by=owner.id)) == 1


async def _statuses(bot: Bot) -> list[tuple[str, str | None]]:
    async with bot.runtime.db.read() as session:
        rows = await session.execute(select(OutboxMessage.status, OutboxMessage.claimed_by))
        return [(status, owner) for status, owner in rows]


async def _age(bot: Bot, instance: InstanceHeartbeat, seconds: float) -> None:
    """Make ``instance``'s last heartbeat ``seconds`` old (database time), as if it had been
    silent that long; the checker itself has been up for a minute."""
    async with bot.runtime.db.transaction() as session:
        now = await instances.db_now(session)
        await session.execute(
            update(Instance)
            .where(Instance.id == instance.id)
            .values(heartbeat_at=now - timedelta(seconds=seconds))
        )
    outbox_sender(bot.app).instance.up_since = now - timedelta(minutes=1)


async def test_a_live_instances_claims_are_never_released_by_another(bot: Bot) -> None:
    """Another instance's sender, however long it has been up, leaves a beating instance's
    claims alone, even when the application's clock jumps ahead."""
    person = bot.emu.user(3101, first_name="Li", language_code="zh")
    other = InstanceHeartbeat(bot.runtime)
    await other.beat()
    await _claimed_by_other(bot, 3101, other)
    await _age(bot, other, 2)  # beat two seconds ago
    bot.clock.advance(timedelta(days=1))  # a manual clock's jump is nobody's death
    assert await bot.drain() == 0
    assert person.messages == []
    assert await _statuses(bot) == [("sending", other.id)]


async def test_a_dead_instances_claims_are_sent_once_it_missed_its_heartbeats(bot: Bot) -> None:
    """Silent for ``dead_after`` while the database was reachable: its claims are sent again."""
    person = bot.emu.user(3102, first_name="Qian", language_code="zh")
    crashed = InstanceHeartbeat(bot.runtime)
    await crashed.beat()
    await _claimed_by_other(bot, 3102, crashed)
    await _age(bot, crashed, DEAD_AFTER.total_seconds() - 2)
    assert await bot.drain() == 0  # not yet: it may only be slow
    await _age(bot, crashed, DEAD_AFTER.total_seconds() + 2)
    await bot.drain()
    assert len(person.messages) == 1
    [(status, sender)] = await _statuses(bot)
    assert (status, sender) == ("sent", outbox_sender(bot.app).instance.id)


async def test_after_an_outage_nobody_is_judged_until_everyone_could_beat(bot: Bot) -> None:
    """Heartbeats missed while the database was out of reach do not make an instance dead."""
    # Only this test's looks judge: the app's own sender, woken by the set-up's commits, would
    # judge with the up_since it had before the simulated outage (a CI run saw it release).
    await outbox_sender(bot.app).stop()
    bot.emu.user(3103, first_name="Sun", language_code="zh")
    other = InstanceHeartbeat(bot.runtime)
    await other.beat()
    await _claimed_by_other(bot, 3103, other)
    await _age(bot, other, 300)  # a long outage: neither could beat
    own = outbox_sender(bot.app).instance
    async with bot.runtime.db.transaction() as session:
        own.up_since = await instances.db_now(session)  # what beat() records once it is back
        released = await instances.release_dead_claims(
            session, own.up_since, DEAD_AFTER, own.up_since, unowned_after=timedelta(minutes=2)
        )
    assert released == 0
    assert await bot.drain() == 0


async def test_claims_of_an_instance_that_left_cleanly_go_back_at_once(bot: Bot) -> None:
    """An instance that stopped (its row gone) holds nothing: its claims are due right away."""
    person = bot.emu.user(3104, first_name="Zhou", language_code="zh")
    left = InstanceHeartbeat(bot.runtime)
    await left.beat()
    await _claimed_by_other(bot, 3104, left)
    await left.stop()
    await bot.drain()
    assert len(person.messages) == 1
    async with bot.runtime.db.read() as session:
        assert await session.get(Instance, left.id) is None


async def test_results_survive_a_database_outage_without_a_repeat(
    bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing results fails three times: they are kept and written later, nothing goes twice."""
    people = [bot.emu.user(3200 + n, first_name=f"R{n}", language_code="zh") for n in range(30)]
    async with bot.runtime.db.transaction() as session:
        for person in people:
            await outbox.enqueue(
                session, chat_id=person.id, text="停水", source="t", now=bot.clock.now()
            )
    sender = outbox_sender(bot.app)
    real = OutboxSender._record_now
    failures = 3

    async def flaky(self: OutboxSender, results: list[object]) -> None:
        nonlocal failures
        if failures:
            failures -= 1
            raise OperationalError("UPDATE", {}, ConnectionRefusedError("database down"))
        await real(self, results)  # type: ignore[arg-type]

    monkeypatch.setattr(OutboxSender, "_record_now", flaky)
    await sender.drain()
    assert [len(p.messages) for p in people] == [1] * 30
    assert {status for status, _ in await _statuses(bot)} == {"sent"}
    assert sender.stats["sent"] == 30


def test_a_second_process_on_one_sqlite_file_is_refused_with_a_clear_message(
    tmp_path: object,
) -> None:
    """The lock file next to the database tells a second process it is not the first."""
    url = f"sqlite+aiosqlite:///{tmp_path}/frontdesk.db"
    held = claim_sqlite(url)
    assert held is not None
    with pytest.raises(SQLiteInUse, match="PostgreSQL"):
        claim_sqlite(url)
    held.close()
    again = claim_sqlite(url)  # free once the first process is gone
    assert again is not None
    again.close()
    assert claim_sqlite("postgresql+asyncpg://x@127.0.0.1/db") is None


@pytest.mark.postgres
async def test_a_database_outage_mid_broadcast_neither_repeats_nor_stalls(
    bot: Bot, database_url: str
) -> None:
    """Connections killed and refused for 3 s with sends in flight: everyone gets exactly one
    copy, and the rest goes as soon as the database is back, not after the claim timeout."""
    if not database_url.startswith("postgresql"):
        pytest.skip("an outage of the PostgreSQL server")
    people = [bot.emu.user(3300 + n, first_name=f"R{n}", language_code="zh") for n in range(120)]
    name = database_url.rsplit("/", 1)[1]
    admin = await asyncpg.connect(PG_ADMIN_URL.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        bot.emu.hold_sends_after(bot.emu.sent_count() + 30)
        async with bot.runtime.db.transaction() as session:
            for person in people:
                await outbox.enqueue(
                    session, chat_id=person.id, text="停电", source="t", now=bot.clock.now()
                )
        await asyncio.wait_for(bot.emu.sends_held(), timeout=30)
        await admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false')
        await admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", name
        )
        bot.emu.release_sends()  # the sends in flight come back while the database is out
        await asyncio.sleep(3)
        await admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true')
        back = asyncio.get_running_loop().time()
        sender = outbox_sender(bot.app)
        async with asyncio.timeout(60):
            while sum(len(p.messages) for p in people) < len(people):
                # Time goes on: a message whose body could not be read during the outage was
                # put back with a 2 s backoff (on the test's manual clock).
                bot.clock.advance(timedelta(seconds=1))
                sender.wake()
                await asyncio.sleep(0.1)
        took = asyncio.get_running_loop().time() - back
    finally:
        await admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true')
        await admin.close()
    await bot.drain()
    assert [len(p.messages) for p in people] == [1] * len(people)  # nobody twice, nobody left
    assert took < 20  # the claim timeout is 120 s: nothing waited for it
    assert {status for status, _ in await _statuses(bot)} == {"sent"}


async def test_two_instances_racing_a_reminder_send_it_exactly_once(
    bot: Bot,
    settings: Settings,
    centre: Centre,
    clock: ManualClock,
    catalog: Catalog,
) -> None:
    """Both instances run the reminder job at the same moment and both senders drain: one
    reminder reaches the resident (the dedupe key and the claims decide, not timing)."""
    alice = bot.emu.user(6101, first_name="Alice", language_code="en")
    event_id = await make_event(bot)
    assert await sign_up(bot, event_id, await resident(bot, 6101, "en")) is events.SignUp.JOINED
    async with another_app(settings, centre, clock, catalog, bot.emu) as other:
        await outbox_sender(bot.app).stop()
        bot.clock.set(EVENING)
        reports = await asyncio.gather(reminder_tick(bot.app), reminder_tick(other.app))
        await asyncio.gather(bot.drain(), other.drain())
    assert sorted(r.enqueued for r in reports) == [0, 1]
    assert [m.text for m in alice.messages].count(alice.messages[-1].text) == 1
    assert "Reminder (tomorrow)" in (alice.messages[-1].text or "")


async def test_each_heartbeat_counts_the_other_live_instances(bot: Bot) -> None:
    """The count the flood guard's automatic mode reads: 0 alone, 1 beside another live
    instance, 0 again once it left (its row gone)."""
    own = outbox_sender(bot.app).instance
    assert await own.beat()
    assert own.others == 0
    other = InstanceHeartbeat(bot.runtime)
    assert await other.beat()
    assert await own.beat()
    assert (own.others, other.others) == (1, 1)
    await other.stop()
    assert await own.beat()
    assert own.others == 0
