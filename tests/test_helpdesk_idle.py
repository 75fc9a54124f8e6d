"""A conversation with staff ends after ``idle_close_hours`` without a message either way: the
ticket closes (or, while the resident's last words are unanswered, only conversation mode
ends), the resident and the staff are told, and the resident's next questions are answered by
the bot again. The deadline lives in the database and is read with the injected clock."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import update

from bot.app import build_runtime
from bot.centre import Centre
from bot.clock import ManualClock
from bot.features.askstaff import idle
from bot.features.askstaff.models import Ticket
from bot.features.askstaff.staff_desk import run_check
from bot.i18n import Catalog
from bot.settings import HelpdeskSettings, Settings
from bot.storage.db import create_database
from bot.testing import running_bot
from frontdesk_emulator import BotApiEmulator, SimChat, SimUser
from tests.conftest import Bot
from tests.test_helpdesk import GROUP, make_staff, only_topic, topic_messages
from tests.test_helpdesk_private import last_id, on_duty

DAY = timedelta(hours=24)
MINUTE = timedelta(minutes=1)


@pytest.fixture
def desk(bot: Bot) -> SimChat:
    """The staff group: a forum where the bot is an administrator."""
    return bot.emu.group(GROUP, "社区服务台", forum=True, bot_admin=True)


def with_group(settings: Settings, **changes: Any) -> Settings:
    return settings.model_copy(
        update={"helpdesk": HelpdeskSettings(staff_group_ids=[GROUP], **changes)}
    )


async def tickets_table(bot: Bot) -> list[tuple[object, ...]]:
    return await bot.sql("SELECT id, status, engaged FROM tickets ORDER BY id")


async def ask(bot: Bot, resident: SimUser, words: str) -> None:
    """The resident opens a conversation (with its first words, if any)."""
    await resident.command(f"/ask {words}" if words else "/ask")
    await resident.wait_message()
    await bot.settle()


class TestWithAStaffGroup:
    @pytest.fixture
    def settings(self, settings: Settings) -> Settings:
        return with_group(settings)

    async def test_an_answered_conversation_closes_after_a_day_and_the_bot_answers_again(
        self, bot: Bot, desk: SimChat, clock: ManualClock, catalog: Catalog
    ) -> None:
        """Staff answered, then nobody wrote for 24 hours: the sweep closes the ticket, the
        resident is told (and asked whether it was solved) in Chinese, the topic hears it, and
        the resident's next question is answered by the bot instead of going to staff."""
        li = await make_staff(bot, 4100, "Li")
        wang = bot.emu.user(5001, first_name="王阿姨", language_code="zh")
        await ask(bot, wang, "厨房水管漏水了")
        thread = only_topic(desk)
        await li.send("我们下午两点过来看看", in_chat=desk, thread=thread)
        await wang.wait_message()
        clock.advance(DAY - MINUTE)
        assert (await run_check(bot.runtime, bot.app.bot))["idle_closed"] == []
        clock.advance(2 * MINUTE)
        assert (await run_check(bot.runtime, bot.app.bot))["idle_closed"] == [1]
        notice = await wang.wait_message()
        expected = catalog.text("zh", "hd-idle-closed", id="1", hours=24)
        assert notice.text == expected + "\n" + catalog.text("zh", "hd-idle-solved")
        assert notice.button_texts() == ["👍 解决了", "👎 没解决"]
        await bot.settle()
        assert topic_messages(desk, thread)[-1]["text"] == catalog.text(
            "zh", "hd-idle-closed-staff", id="1", hours=24
        )
        assert await tickets_table(bot) == [(1, "closed", False)]
        assert (await run_check(bot.runtime, bot.app.bot))["idle_closed"] == []  # once
        before = len(topic_messages(desk, thread))
        await wang.send("卫生站明天开吗？")
        answer = await wang.wait_message()
        assert answer.text.startswith("社区卫生服务站")
        await bot.settle()
        assert len(topic_messages(desk, thread)) == before
        await wang.press("👍 解决了")  # the tap counts like one after staff closed it
        await wang.wait_edit(notice)
        assert await bot.sql("SELECT satisfaction FROM tickets") == [(1,)]

    async def test_an_unanswered_question_keeps_its_ticket_open_and_staff_can_still_answer(
        self, bot: Bot, desk: SimChat, clock: ManualClock, catalog: Catalog
    ) -> None:
        """An English resident's question nobody answered for 24 hours: closing would lose it,
        so only conversation mode ends (the resident and the topic are told); the ticket stays
        open, staff's late answer still reaches them, and a day after that it closes."""
        li = await make_staff(bot, 4200, "Li")
        alice = bot.emu.user(5101, first_name="Alice", language_code="en")
        await ask(bot, alice, "The gym door is stuck")
        thread = only_topic(desk)
        clock.advance(DAY + MINUTE)
        found = await run_check(bot.runtime, bot.app.bot)
        assert (found["idle_paused"], found["idle_closed"]) == ([1], [])
        paused = await alice.wait_message()
        assert paused.text == catalog.text("en", "hd-idle-paused", id="1", hours=24)
        assert paused.button_texts() == []
        await bot.settle()
        assert topic_messages(desk, thread)[-1]["text"] == catalog.text(
            "zh", "hd-idle-paused-staff", id="1", hours=24
        )
        assert await tickets_table(bot) == [(1, "open", False)]
        assert (await run_check(bot.runtime, bot.app.bot))["idle_paused"] == []  # once
        await alice.send("Is the gym open on Sunday?")
        hours = await alice.wait_message()
        assert hours.text.startswith("Changfeng Bay gym")
        await li.send("We fixed the door this morning.", in_chat=desk, thread=thread)
        late = await alice.wait_message()
        assert late.text == "We fixed the door this morning.\n— Li"
        clock.advance(DAY + MINUTE)
        assert (await run_check(bot.runtime, bot.app.bot))["idle_closed"] == [1]
        closed = await alice.wait_message()
        assert closed.text.startswith(catalog.text("en", "hd-idle-closed-left", id="1", hours=24))
        assert closed.button_texts() == ["👍 Solved", "👎 Not solved"]

    async def test_the_first_message_after_the_deadline_is_answered_by_the_bot_at_once(
        self, bot: Bot, desk: SimChat, clock: ManualClock, catalog: Catalog
    ) -> None:
        """Before any sweep has run, the resident's message after the deadline ends the
        conversation itself: the notice comes first, then the bot's own answer; nothing of it
        reaches staff."""
        li = await make_staff(bot, 4300, "Li")
        wang = bot.emu.user(5201, first_name="王阿姨", language_code="zh")
        await ask(bot, wang, "门禁卡丢了")
        thread = only_topic(desk)
        await li.send("明天来前台补办", in_chat=desk, thread=thread)
        await wang.wait_message()
        await bot.settle()
        before = len(topic_messages(desk, thread))
        mark = last_id(wang)
        clock.advance(DAY + MINUTE)
        await wang.send("卫生站明天开吗？")
        await bot.settle()
        got = [m for m in wang.messages if m.message_id > mark]
        assert got[0].text.startswith(catalog.text("zh", "hd-idle-closed", id="1", hours=24))
        assert got[1].text.startswith("社区卫生服务站")
        assert await bot.sql("SELECT count(*) FROM ticket_messages WHERE text LIKE '卫生站%'") == [
            (0,)
        ]
        messages = topic_messages(desk, thread)
        assert [m["text"] for m in messages[before:]] == [
            catalog.text("zh", "hd-idle-closed-staff", id="1", hours=24)
        ]
        assert (await run_check(bot.runtime, bot.app.bot))["idle_closed"] == []

    async def test_a_voice_note_after_the_deadline_carries_on_a_waiting_question(
        self, bot: Bot, desk: SimChat, clock: ManualClock
    ) -> None:
        """A voice note opens a conversation by itself: a day after a question nobody has
        answered yet, it goes on in the same ticket instead of ending it and opening it again;
        the resident is not told it ended."""
        wang = bot.emu.user(5251, first_name="王阿姨", language_code="zh")
        await ask(bot, wang, "楼上漏水")
        thread = only_topic(desk)
        mark = last_id(wang)
        clock.advance(DAY + MINUTE)
        voice = await wang.send_voice(b"OggS-leak", 6)
        await bot.settle()
        assert topic_messages(desk, thread)[-1]["voice"]["file_id"] == voice["voice"]["file_id"]
        assert all("💤" not in (m.text or "") for m in wang.messages if m.message_id > mark)
        assert await tickets_table(bot) == [(1, "open", True)]

    async def test_a_message_within_the_day_keeps_the_conversation_going(
        self, bot: Bot, desk: SimChat, clock: ManualClock
    ) -> None:
        """Each message either way starts the day again: a conversation in use never ends."""
        li = await make_staff(bot, 4400, "Li")
        wang = bot.emu.user(5301, first_name="王阿姨", language_code="zh")
        await ask(bot, wang, "空调不制冷")
        thread = only_topic(desk)
        clock.advance(DAY - MINUTE)
        await li.send("今天下午去看", in_chat=desk, thread=thread)
        await wang.wait_message()
        clock.advance(DAY - MINUTE)
        await wang.send("好的，我在家")
        await bot.settle()
        clock.advance(DAY - MINUTE)
        found = await run_check(bot.runtime, bot.app.bot)
        assert (found["idle_closed"], found["idle_paused"]) == ([], [])
        assert topic_messages(desk, thread)[-1]["text"] == "好的，我在家"
        assert await tickets_table(bot) == [(1, "claimed", True)]

    async def test_ask_on_an_idle_ticket_opens_a_new_one_unless_an_answer_is_owed(
        self, bot: Bot, desk: SimChat, clock: ManualClock, catalog: Catalog
    ) -> None:
        """/ask after a day on a ticket owing nothing starts a new ticket (the old one is
        closed, its topic told, the resident not told twice); /ask after a day on one whose
        question waits takes it up again, and the next sweep leaves it alone."""
        li = await make_staff(bot, 4500, "Li")
        wang = bot.emu.user(5401, first_name="王阿姨", language_code="zh")
        await ask(bot, wang, "楼道灯坏了")
        first = only_topic(desk)
        await li.send("已经报修", in_chat=desk, thread=first)
        await wang.wait_message()
        clock.advance(DAY + MINUTE)
        mark = last_id(wang)
        await ask(bot, wang, "电梯也坏了")
        got = [m.text for m in wang.messages if m.message_id > mark]
        assert len(got) == 1
        assert "工单 #2" in got[0]
        assert await tickets_table(bot) == [(1, "closed", False), (2, "open", True)]
        assert topic_messages(desk, first)[-1]["text"] == catalog.text(
            "zh", "hd-idle-closed-staff", id="1", hours=24
        )
        clock.advance(DAY + MINUTE)  # ticket 2's question is still unanswered
        await ask(bot, wang, "")
        assert await tickets_table(bot) == [(1, "closed", False), (2, "open", True)]
        found = await run_check(bot.runtime, bot.app.bot)
        assert (found["idle_closed"], found["idle_paused"]) == ([], [])

    async def test_the_deadline_survives_a_restart(
        self,
        settings: Settings,
        centre: Centre,
        catalog: Catalog,
        emulator: BotApiEmulator,
        clock: ManualClock,
    ) -> None:
        """Nothing is held in memory: a bot started after the deadline (a new runtime on the
        same database) ends the conversation at its first check."""
        emulator.group(GROUP, "社区服务台", forum=True, bot_admin=True)
        wang = emulator.user(5501, first_name="王阿姨", language_code="zh")

        async def run(steps: Any) -> None:
            database = create_database(settings.database_url)
            runtime = build_runtime(
                settings, centre, database=database, clock=clock, catalog=catalog
            )
            try:
                async with running_bot(runtime, emulator, poll_timeout=1) as app:
                    await steps(Bot(app=app, emu=emulator, runtime=runtime, clock=clock))
            finally:
                await database.dispose()

        async def before(bot: Bot) -> None:
            await ask(bot, wang, "")

        async def after(bot: Bot) -> None:
            assert (await run_check(bot.runtime, bot.app.bot))["idle_closed"] == [1]
            await bot.drain()
            notice = await wang.wait_message(predicate=lambda m: "💤" in (m.text or ""))
            assert notice.text == catalog.text("zh", "hd-idle-closed", id="1", hours=24)

        await run(before)
        clock.advance(DAY + MINUTE)
        await run(after)


class TestSettings:
    @pytest.fixture
    def settings(self, settings: Settings) -> Settings:
        return with_group(settings, idle_close_hours=0)

    async def test_zero_hours_means_conversations_never_end_by_themselves(
        self, bot: Bot, desk: SimChat, clock: ManualClock
    ) -> None:
        """``idle_close_hours=0``: a week of silence changes nothing, and the resident's next
        message still goes to staff."""
        wang = bot.emu.user(5601, first_name="王阿姨", language_code="zh")
        await ask(bot, wang, "水管漏水")
        clock.advance(timedelta(days=7))
        found = await run_check(bot.runtime, bot.app.bot)
        assert (found["idle_closed"], found["idle_paused"]) == ([], [])
        await wang.send("还在漏")
        await bot.settle()
        assert topic_messages(desk, only_topic(desk))[-1]["text"] == "还在漏"


def test_the_default_is_a_day_and_the_setting_is_validated() -> None:
    """24 hours unless set; negative hours and more than thirty days are refused."""
    assert HelpdeskSettings().idle_close_hours == 24
    assert idle.idle_after(24) == DAY
    assert idle.idle_after(0) is None
    for wrong in (-1, 24 * 31):
        with pytest.raises(ValueError, match="idle_close_hours"):
            HelpdeskSettings(idle_close_hours=wrong)


async def test_in_private_threads_the_staff_on_duty_hear_it_closed(
    bot: Bot, clock: ManualClock, catalog: Catalog
) -> None:
    """Without a staff group, whoever holds the ticket and the others on duty are told, each
    in their language."""
    li = await on_duty(bot, 4700, "Li")
    mei = await on_duty(bot, 4701, "Mei", "en")
    wang = bot.emu.user(5701, first_name="王阿姨", language_code="zh")
    await ask(bot, wang, "暖气不热")
    copy = li.messages[-1]
    await li.send("明天上午来修", reply_to=copy)
    await wang.wait_message()
    await bot.settle()
    clock.advance(DAY + MINUTE)
    assert (await run_check(bot.runtime, bot.app.bot))["idle_closed"] == [1]
    await bot.settle()
    assert li.messages[-1].text == catalog.text("zh", "hd-idle-closed-staff", id="1", hours=24)
    assert mei.messages[-1].text == catalog.text("en", "hd-idle-closed-staff", id="1", hours=24)
    # Li still in the thread: a reply to the old copy reaches nobody now.
    await li.send("还有问题吗？", reply_to=copy)
    refused = await li.wait_message(predicate=lambda m: "已经结束" in (m.text or ""))
    assert refused.text == catalog.text("zh", "hd-refused-closed")


async def test_a_message_arriving_meanwhile_keeps_the_ticket_open(
    bot: Bot, clock: ManualClock
) -> None:
    """The sweep picked a ticket, then the resident wrote (another instance): the conditional
    update sees the fresh message and ends nothing."""
    wang = bot.emu.user(5801, first_name="王阿姨", language_code="zh")
    await ask(bot, wang, "")
    clock.advance(DAY + MINUTE)
    runtime = bot.runtime
    async with runtime.db.transaction() as session:
        assert await idle.idle_tickets(session, clock.now(), DAY) == [1]
        await session.execute(update(Ticket).values(last_resident_at=clock.now()))
        ended = await idle.expire(session, 1, clock.now(), DAY, runtime.catalog, "zh", hours=24)
    assert ended is None
    assert await tickets_table(bot) == [(1, "open", True)]
