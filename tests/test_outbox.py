"""The outbox: messages written with their cause are delivered once, whatever happens."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from bot.services import outbox, users
from bot.storage.models import OutboxMessage
from tests.conftest import Bot


async def _resident(bot: Bot, telegram_id: int, name: str = "Wang") -> int:
    async with bot.runtime.db.transaction() as session:
        profile = await users.register(
            session, users.Person(telegram_id, name, language_code="zh"), bot.clock.now()
        )
    return profile.id


async def test_enqueued_message_is_delivered_with_its_buttons(bot: Bot) -> None:
    """A committed outbox row reaches the chat, with buttons, and is recorded as sent."""
    person = bot.emu.user(3001, first_name="Wang", language_code="zh")
    user_id = await _resident(bot, 3001)
    async with bot.runtime.db.transaction() as session:
        await outbox.enqueue(
            session,
            chat_id=3001,
            user_id=user_id,
            text="<b>座位</b>已为您保留",
            source="test:1",
            now=bot.clock.now(),
            buttons=[[outbox.Button("接受", data="x:ok:1"), outbox.Button("放弃", data="x:no:1")]],
        )
    # The commit woke the sender by itself, so it or this drain sends it; either way it is
    # sent and recorded once the drain returns (the drain waits for a running batch).
    await bot.drain()
    message = person.last
    assert message is not None
    assert message.text == "座位已为您保留"
    assert message.callback_data() == ["x:ok:1", "x:no:1"]
    rows = await bot.sql("SELECT status, telegram_message_id FROM outbox_messages")
    assert rows == [("sent", message.message_id)]


async def test_dedupe_key_makes_enqueue_idempotent(bot: Bot) -> None:
    """The same dedupe key twice yields one message."""
    bot.emu.user(3002, first_name="Li", language_code="zh")
    async with bot.runtime.db.transaction() as session:
        first = await outbox.enqueue(
            session, chat_id=3002, text="a", source="t", now=bot.clock.now(), dedupe_key="k:1"
        )
        second = await outbox.enqueue(
            session, chat_id=3002, text="a", source="t", now=bot.clock.now(), dedupe_key="k:1"
        )
    assert first is not None
    assert second is None
    await bot.drain()
    assert len(bot.emu.user(3002).messages) == 1


async def test_blocked_person_is_marked_and_not_retried(bot: Bot) -> None:
    """A 403 marks the message blocked and the person unreachable; nothing is retried."""
    bot.emu.user(3003, first_name="Zhao", language_code="zh")
    user_id = await _resident(bot, 3003, "Zhao")
    bot.emu.block(3003)
    async with bot.runtime.db.transaction() as session:
        await outbox.enqueue(
            session, chat_id=3003, user_id=user_id, text="hi", source="t", now=bot.clock.now()
        )
    await bot.drain()
    assert await bot.sql("SELECT status FROM outbox_messages") == [("blocked",)]
    blocked = await bot.sql("SELECT blocked_at IS NOT NULL FROM users WHERE telegram_id = 3003")
    assert blocked == [(True,)]
    bot.clock.advance(timedelta(hours=1))
    assert await bot.drain() == 0


async def test_future_message_waits_for_its_time(bot: Bot) -> None:
    """A message with not_before in the future goes only when the clock gets there."""
    person = bot.emu.user(3004, first_name="Qian", language_code="zh")
    async with bot.runtime.db.transaction() as session:
        await outbox.enqueue(
            session,
            chat_id=3004,
            text="later",
            source="t",
            now=bot.clock.now(),
            not_before=bot.clock.now() + timedelta(minutes=10),
        )
    assert await bot.drain() == 0
    assert person.last is None
    bot.clock.advance(timedelta(minutes=10))
    # the application's own sender may take it before this drain does (it did on a loaded
    # machine: drain() counted 0): either way it goes, and only once
    await bot.drain()
    assert (await person.wait_message()).text == "later"
    assert await bot.drain() == 0
    await bot.settle()
    assert [m.text for m in person.messages] == ["later"]


async def test_expired_message_is_not_sent(bot: Bot) -> None:
    """A message whose moment has passed (e.g. a reminder after the start) is dropped."""
    person = bot.emu.user(3005, first_name="Sun", language_code="zh")
    async with bot.runtime.db.transaction() as session:
        await outbox.enqueue(
            session,
            chat_id=3005,
            text="too late",
            source="t",
            now=bot.clock.now(),
            expires_at=bot.clock.now() + timedelta(minutes=1),
        )
    bot.clock.advance(timedelta(minutes=2))
    await bot.drain()
    assert person.messages == []
    assert await bot.sql("SELECT status FROM outbox_messages") == [("expired",)]


async def test_half_sent_messages_of_a_crashed_sender_are_sent_again(bot: Bot) -> None:
    """Rows a crashed sender had claimed are released after the stale period and delivered."""
    person = bot.emu.user(3006, first_name="Zhou", language_code="zh")
    async with bot.runtime.db.transaction() as session:
        await outbox.enqueue(session, chat_id=3006, text="x", source="t", now=bot.clock.now())
        await session.execute(
            update(OutboxMessage).values(status="sending", claimed_at=bot.clock.now())
        )
    assert await bot.drain() == 0
    bot.clock.advance(timedelta(minutes=5))
    assert await bot.drain() == 1
    assert len(person.messages) == 1


async def test_cancel_withdraws_pending_messages_only(bot: Bot) -> None:
    """Cancelling a source withdraws what has not gone yet and leaves sent ones alone."""
    bot.emu.user(3007, first_name="Wu", language_code="zh")
    async with bot.runtime.db.transaction() as session:
        await outbox.enqueue(session, chat_id=3007, text="a", source="b:1", now=bot.clock.now())
    await bot.drain()
    async with bot.runtime.db.transaction() as session:
        await outbox.enqueue(session, chat_id=3007, text="b", source="b:1", now=bot.clock.now())
        assert await outbox.cancel(session, source="b:1") == 1
        assert await outbox.counts(session, "b:1") == {"sent": 1, "cancelled": 1}


async def test_tallies_follow_each_final_status_as_it_is_reached(bot: Bot) -> None:
    """Sent, blocked and cancelled messages are tallied as they get there (by the sender and
    by cancel), so the figures stay right after the rows themselves are purged."""
    bot.emu.user(3020, first_name="Lu", language_code="zh")
    bot.emu.user(3021, first_name="Ma", language_code="zh")
    bot.emu.block(3021, notify=False)
    now = bot.clock.now()
    async with bot.runtime.db.transaction() as session:
        for chat_id in (3020, 3021):
            await outbox.enqueue(session, chat_id=chat_id, text="a", source="b:7", now=now)
    await bot.drain()
    async with bot.runtime.db.transaction() as session:
        for _ in range(2):
            await outbox.enqueue(session, chat_id=3020, text="b", source="b:7", now=now)
        await outbox.cancel(session, source="b:7")
        assert await outbox.tallies(session, "b:7") == {"sent": 1, "blocked": 1, "cancelled": 2}
        assert await outbox.tallies(session, "b:7") == await outbox.counts(session, "b:7")
        await outbox.purge_finished(session, now + timedelta(days=1), 100)
        assert await outbox.counts(session, "b:7") == {}
        assert await outbox.tallies(session, "b:7") == {"sent": 1, "blocked": 1, "cancelled": 2}


@pytest.mark.parametrize("bad", ["<b>unclosed", "<i>x</b>"])
async def test_a_message_telegram_refuses_fails_for_good(bot: Bot, bad: str) -> None:
    """A 400 (bad HTML) is recorded as failed and never retried."""
    bot.emu.user(3008, first_name="Zheng", language_code="zh")
    async with bot.runtime.db.transaction() as session:
        await outbox.enqueue(session, chat_id=3008, text=bad, source="t", now=bot.clock.now())
    await bot.drain()
    assert await bot.sql("SELECT status FROM outbox_messages") == [("failed",)]


async def test_a_text_over_telegrams_limit_is_sent_in_parts_in_order(bot: Bot) -> None:
    """Once refused as too long and failed for good (lost); now its parts, in order, with the
    buttons on the last, each under its own dedupe key."""
    person = bot.emu.user(3009, first_name="Qian", language_code="zh")
    text = "\n".join(f"第{i}行：" + "长" * 50 for i in range(200))  # ~11,000 characters
    async with bot.runtime.db.transaction() as session:
        await outbox.enqueue(
            session,
            chat_id=3009,
            text=text,
            source="t",
            now=bot.clock.now(),
            dedupe_key="long:1",
            buttons=[[outbox.Button("好", data="x:ok:1")]],
        )
    await bot.drain()
    assert {row[0] for row in await bot.sql("SELECT status FROM outbox_messages")} == {"sent"}
    received = person.messages
    assert len(received) == 3
    assert "\n".join(m.text for m in received) == text
    assert [bool(m.callback_data()) for m in received] == [False, False, True]


async def test_the_commit_of_an_enqueue_wakes_the_sender_by_itself(bot: Bot) -> None:
    """Writing to the outbox rings the database's commit bell once, after the commit only."""
    rings: list[str] = []
    bot.runtime.db.commits.listen(lambda: rings.append("ring"))
    async with bot.runtime.db.transaction() as session:
        await outbox.enqueue(session, chat_id=3009, text="a", source="t", now=bot.clock.now())
        assert rings == []  # not before the commit
    assert rings == ["ring"]
    async with bot.runtime.db.transaction() as session:
        await users.find(session, 3009)  # a transaction without the outbox rings nothing
    assert rings == ["ring"]


async def test_a_rolled_back_enqueue_wakes_nobody(bot: Bot) -> None:
    """A transaction that fails after enqueueing rolls back the row and rings no bell."""
    rings: list[str] = []
    bot.runtime.db.commits.listen(lambda: rings.append("ring"))

    async def enqueue_then_fail() -> None:
        async with bot.runtime.db.transaction() as session:
            await outbox.enqueue(session, chat_id=3010, text="a", source="t", now=bot.clock.now())
            raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError):
        await enqueue_then_fail()
    assert rings == []
    assert await bot.sql("SELECT count(*) FROM outbox_messages") == [(0,)]
