"""The helpdesk without a staff group (issue 15): each ticket is a thread in the private chats of
the staff on duty, answered by replying to any copied message or after "回复"."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import text, update

from bot.app import build_runtime
from bot.centre import Centre
from bot.clock import ManualClock
from bot.features.askstaff import tickets
from bot.features.askstaff.staff_desk import run_check
from bot.features.feedback import digest
from bot.i18n import Catalog
from bot.services import privacy, users
from bot.settings import Settings
from bot.storage.db import create_database
from bot.storage.models import User
from bot.testing import running_bot
from bot.update_processor import PerChatUpdateProcessor
from frontdesk_emulator import BotApiEmulator, BotMessage, SimUser
from tests.conftest import Bot

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


async def on_duty(bot: Bot, telegram_id: int, name: str, language: str = "zh") -> SimUser:
    """A staff member who has started the bot (a bot can only write to people who did)."""
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, telegram_id, name, ["staff"], bot.clock.now())
        await session.execute(
            update(User).where(User.telegram_id == telegram_id).values(language=language)
        )
    person = bot.emu.user(telegram_id, first_name=name, language_code=language)
    await person.command("/start")
    await person.wait_message()
    return person


def after(person: SimUser, mark: int) -> list[BotMessage]:
    """The bot's messages to ``person`` after message id ``mark``, oldest first."""
    return [m for m in person.messages if m.message_id > mark]


def last_id(person: SimUser) -> int:
    return max((m.message_id for m in person.messages), default=0)


async def test_a_whole_thread_in_private_chats_in_chinese_and_english(
    bot: Bot, catalog: Catalog
) -> None:
    """Cards and copies (text, voice, photo, location, contact, document) under a header reach
    everyone on duty; a reply to a copy answers, signed; the others hear who has it; then the
    thread goes to the holder only; a colleague claims, answers a photo after "Reply"; the
    ticket closes and the 👍 lands in the digest."""
    li = await on_duty(bot, 4100, "Li")
    mei = await on_duty(bot, 4101, "Mei", "en")
    wang = bot.emu.user(5001, first_name="王阿姨", language_code="zh")
    await wang.command("/ask")
    opened = await wang.wait_message()
    assert "工单 #1" in opened.text
    await bot.settle()
    li_card = li.messages[-1]
    assert li_card.text.startswith("🎫 工单 #1 · 王阿姨")
    assert li_card.button_texts() == [
        "✋ 认领", "✅ 结束工单", "📚 常见问题回答", "✍️ 署名：个人", "↩️ 回复", "🚫 屏蔽",
    ]  # fmt: skip
    assert mei.messages[-1].text.startswith("🎫 Ticket #1 · 王阿姨")
    mark_li, mark_mei = last_id(li), last_id(mei)

    await wang.send("厨房水管漏水了")
    voice = await wang.send_voice(b"OggS-leak", 9)
    await wang.send_photo(PNG, "这里")
    await wang.send_location(31.2304, 121.4737)
    await wang.send_contact("13800000000", "王师傅")
    await wang.send_document(b"%PDF-1.4 bill", "bill.pdf", caption="水费单")
    await bot.settle()
    got = after(li, mark_li)
    assert got[0].text == "👤 王阿姨 · 工单 #1\n厨房水管漏水了"
    assert got[1].raw["voice"]["file_id"] == voice["voice"]["file_id"]
    assert got[1].text == "👤 王阿姨 · 工单 #1"
    assert got[2].kind == "photo"
    assert got[2].text == "👤 王阿姨 · 工单 #1\n这里"
    assert got[3].text == "👤 王阿姨 · 工单 #1："
    assert got[4].raw["location"]["latitude"] == pytest.approx(31.2304)
    assert got[5].text == "👤 王阿姨 · 工单 #1："
    assert got[6].raw["contact"]["phone_number"] == "13800000000"
    assert got[7].raw["document"]["file_name"] == "bill.pdf"
    assert got[7].text == "👤 王阿姨 · 工单 #1\n水费单"
    assert len(got) == 8
    assert after(mei, mark_mei)[0].text == "👤 王阿姨 · ticket #1\n厨房水管漏水了"
    assert all("forward_origin" not in m.raw for m in got)

    # Li answers by replying to the photo's copy; Mei hears that Li has it.
    await li.send("我们下午两点过来看看", reply_to=got[2])
    answer = await wang.wait_message()
    assert answer.text == "我们下午两点过来看看\n— Li"
    assert (await li.wait_message(predicate=lambda m: "已发给" in (m.text or ""))).text == (
        "✅ 已发给 王阿姨（工单 #1）。"
    )
    await bot.settle()
    assert mei.messages[-1].text == "✋ Li claimed ticket #1."
    assert await bot.sql("SELECT status FROM tickets") == [("waiting",)]

    # The follow-up goes to Li only: the thread is Li's now.
    mark_li, mark_mei = last_id(li), last_id(mei)
    await wang.send("好的，谢谢")
    await bot.settle()
    assert [m.text for m in after(li, mark_li)] == ["👤 王阿姨 · 工单 #1\n好的，谢谢"]
    assert after(mei, mark_mei) == []

    # Mei claims from her card; Li is told; the thread moves to Mei.
    await mei.press("✋ Claim")
    await bot.settle()
    assert li.messages[-1].text == "✋ Mei 认领了工单 #1。"
    mark_li = last_id(li)
    await wang.send("师傅几点到？")
    await bot.settle()
    assert mei.messages[-1].text == "👤 王阿姨 · ticket #1\n师傅几点到？"
    assert after(li, mark_li) == []

    # "Reply" puts Mei in answer mode: a photo goes to the resident, signed; /done ends it.
    await mei.press("↩️ Reply")
    prompt = await mei.wait_message(predicate=lambda m: "goes to" in (m.text or ""))
    assert prompt.text == catalog.text("en", "hd-answer-prompt", id="1", name="王阿姨")
    await mei.send_photo(PNG, "Is it this valve?")
    photo = await wang.wait_message()
    assert photo.kind == "photo"
    assert photo.text == "Is it this valve?\n— Mei"
    await mei.command("/done")
    assert (await mei.wait_message(predicate=lambda m: "stopped" in (m.text or ""))).text == (
        catalog.text("en", "hd-answer-ended", id="1")
    )
    await mei.send("just chatting")  # out of answer mode: not for the resident
    await bot.settle()
    assert "just chatting" not in " ".join(m.text or "" for m in wang.messages)

    await mei.press("✅ Close ticket")
    question = await wang.wait_message()
    assert question.text == catalog.text("zh", "hd-closed-ask", id="1")
    await bot.settle()
    assert li.messages[-1].text == "✅ Mei 结束了工单 #1，已请居民评价。"
    await wang.press("👍 解决了")
    await wang.wait_edit(question)
    assert await bot.sql("SELECT status, satisfaction FROM tickets") == [("closed", 1)]
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, 4102, "Org", ["organiser"], bot.clock.now())
    assert await digest.run_due_digests(bot.runtime, datetime(2026, 3, 2, 12, 30, tzinfo=UTC))
    texts = await bot.sql(
        "SELECT b.text FROM outbox_messages m JOIN outbox_bodies b ON b.id = m.body_id "
        "WHERE m.source = 'feedback:digest'"
    )
    assert any("结束的工单：1" in str(text) and "👍 1" in str(text) for (text,) in texts)
    # Replying to an old copy of a closed ticket reaches nobody.
    await li.send("还有问题吗？", reply_to=got[0])
    refused = await li.wait_message(predicate=lambda m: "已经结束" in (m.text or ""))
    assert refused.text == catalog.text("zh", "hd-refused-closed")
    assert await bot.sql("SELECT count(*) FROM ticket_messages WHERE direction = 'out'") == [(2,)]


async def test_english_resident_canned_answer_and_centre_signature_in_private(
    bot: Bot, catalog: Catalog
) -> None:
    """An English resident's thread: a staff member signs as the centre and sends an FAQ
    answer from the card, in the resident's language; a staff text with "<" arrives as typed."""
    li = await on_duty(bot, 4200, "Li")
    alice = bot.emu.user(5101, first_name="Alice", language_code="en")
    await alice.command("/ask my door lock is broken")
    opened = await alice.wait_message()
    assert "ticket #1" in opened.text
    await bot.settle()
    assert li.messages[-1].text == "👤 Alice · 工单 #1\nmy door lock is broken"
    await li.press("✍️ 署名：个人")
    await bot.settle()
    await li.press("📚 常见问题回答")
    menu = await li.wait_message(predicate=lambda m: "选择" in (m.text or ""))
    entry = bot.runtime.centre.faq[0]
    await li.press(menu.button_texts()[0])
    canned = await alice.wait_message()
    centre = bot.runtime.centre.name.en
    assert canned.text == entry.answer.get("en") + "\n— " + centre
    copy = next(m for m in li.messages if (m.text or "").startswith("👤"))
    await li.send("Room 3 < Room 4, see you", reply_to=copy)
    typed = await alice.wait_message()
    assert typed.text == "Room 3 < Room 4, see you\n— " + centre
    await alice.command("/done")
    assert "conversation has ended" in (await alice.wait_message()).text


async def test_a_restart_in_the_middle_of_a_private_thread_loses_and_repeats_nothing(
    settings: Settings,
    centre: Centre,
    catalog: Catalog,
    emulator: BotApiEmulator,
    clock: ManualClock,
) -> None:
    """Messages the resident sent and the answer staff gave while the bot was down arrive
    after the restart, once each and in order."""
    wang = emulator.user(5201, first_name="王", language_code="zh")
    li = emulator.user(4300, first_name="Li", language_code="zh")

    async def run(steps: Any) -> None:
        database = create_database(settings.database_url)
        runtime = build_runtime(settings, centre, database=database, clock=clock, catalog=catalog)
        try:
            async with running_bot(runtime, emulator, poll_timeout=1) as app:
                await steps(Bot(app=app, emu=emulator, runtime=runtime, clock=clock))
        finally:
            await database.dispose()

    async def first(bot: Bot) -> None:
        async with bot.runtime.db.transaction() as session:
            await users.ensure_staff(session, 4300, "Li", ["staff"], bot.clock.now())
        await li.command("/start")
        await li.wait_message()
        await wang.command("/ask")
        await wang.wait_message()
        await wang.send("一")
        await bot.settle()

    await run(first)
    for word in ("二", "三", "四"):  # while the bot is down
        await wang.send(word)
    copy_of_one = li.messages[-1]
    assert copy_of_one.text == "👤 王 · 工单 #1\n一"
    await li.send("收到", reply_to=copy_of_one)

    async def second(bot: Bot) -> None:
        processor = bot.app.update_processor
        assert isinstance(processor, PerChatUpdateProcessor)
        await asyncio.wait_for(processor.wait_finished(4), 10)  # the four written while down
        await bot.drain()
        await wang.wait_message(predicate=lambda m: m.text == "收到\n— Li")
        await li.wait_message(predicate=lambda m: (m.text or "").endswith("四"))

    await run(second)
    copies = [m.text for m in li.messages if (m.text or "").startswith("👤")]
    assert copies == [f"👤 王 · 工单 #1\n{w}" for w in ("一", "二", "三", "四")]
    assert [m.text for m in wang.messages].count("收到\n— Li") == 1
    cards = [m for m in li.messages if (m.text or "").startswith("🎫")]
    assert len(cards) == 1


async def test_a_resident_banned_from_a_private_chat_reaches_nobody(
    bot: Bot, catalog: Catalog
) -> None:
    """The card's "屏蔽" bans (audited) and closes the ticket; later messages are dropped and
    recorded; /unban as a reply to a copy lifts it."""
    li = await on_duty(bot, 4400, "Li")
    troll = bot.emu.user(5301, first_name="Troll", language_code="zh")
    await troll.command("/ask")
    await troll.wait_message()
    await troll.send("骂人的话")
    await bot.settle()
    copy = li.messages[-1]
    await li.press("🚫 屏蔽")
    banned = await li.wait_message(predicate=lambda m: "已屏蔽" in (m.text or ""))
    assert banned.text == catalog.text("zh", "hd-banned-staff", id="1")
    assert await bot.sql("SELECT action, actor_name FROM audit_log") == [("helpdesk.ban", "Li")]
    mark = last_id(li)
    await troll.command("/ask")
    assert "无法转交" in (await troll.wait_message()).text
    await troll.send_voice()
    await troll.send_photo(PNG)
    await bot.settle()
    assert after(li, mark) == []
    assert await bot.sql("SELECT count(*) FROM helpdesk_dropped") == [(3,)]
    await li.command("/unban")  # not a reply: where is the resident?
    assert (await li.wait_message()).text == catalog.text("zh", "hd-ban-usage")
    await li.send("/unban", reply_to=copy)
    lifted = await li.wait_message(predicate=lambda m: "解除" in (m.text or ""))
    assert lifted.text == catalog.text("zh", "hd-unbanned-staff", id="1")
    await troll.command("/ask")
    assert await troll.wait_message(predicate=lambda m: "工单 #2" in (m.text or ""))


async def test_a_resident_who_blocked_the_bot_makes_the_private_ticket_unreachable(
    bot: Bot, catalog: Catalog
) -> None:
    """A 403 on the answer marks the ticket unreachable and tells the staff on duty; a staff
    member who blocked the bot leaves the ticket reachable and is simply off duty."""
    li = await on_duty(bot, 4500, "Li")
    mei = await on_duty(bot, 4501, "Mei")
    wang = bot.emu.user(5401, first_name="王", language_code="zh")
    await wang.command("/ask")
    await wang.wait_message()
    await bot.settle()
    mei.block()
    await wang.send("在吗")
    await bot.settle()
    assert (await run_check(bot.runtime, bot.app.bot))["unreachable"] == []
    assert await bot.sql("SELECT unreachable FROM tickets") == [(False,)]
    wang.block()
    await li.send("您好？", reply_to=li.messages[-1])
    await bot.settle()
    assert (await run_check(bot.runtime, bot.app.bot))["unreachable"] == [1]
    await bot.settle()
    assert li.messages[-1].text == catalog.text("zh", "hd-unreachable", id="1")
    assert await bot.sql("SELECT unreachable FROM tickets") == [(True,)]
    await li.command("/tickets")
    assert await li.wait_message(predicate=lambda m: "（无法送达）" in (m.text or ""))


async def test_messages_wait_for_someone_on_duty_and_forged_presses_change_nothing(
    bot: Bot, catalog: Catalog
) -> None:
    """With nobody holding the staff role the messages wait, and reach the first staff member
    at the next check; a resident's forged staff buttons and staff commands are refused in
    both languages, and a reply to an ordinary bot message is not an answer."""
    wang = bot.emu.user(5601, first_name="王", language_code="zh")
    await wang.command("/ask")
    await wang.wait_message()
    await wang.send("有人吗")
    await bot.settle()
    assert await bot.sql("SELECT relayed FROM ticket_messages") == [(False,)]
    li = await on_duty(bot, 4600, "Li")
    assert (await run_check(bot.runtime, bot.app.bot))["relayed"] == [1]
    await bot.settle()
    assert [m.text for m in li.messages[-2:]][1] == "👤 王 · 工单 #1\n有人吗"

    mallory = bot.emu.user(5602, first_name="M", language_code="en")
    await mallory.command("/start")
    await mallory.wait_message()
    for data in ("ask:reply:1", "ask:ban:1", "ask:claim:1", "ask:reply:zz"):
        await mallory.press_data(data)
    await bot.settle()
    answers = [a.get("text") for a in mallory.callback_answers]
    assert answers.count(catalog.text("en", "refused-staff-only")) == 3
    for command in ("/tickets", "/ban", "/unban"):
        await mallory.command(command)
        assert (await mallory.wait_message()).text == catalog.text("en", "refused-staff-only")
    await wang.command("/ban")
    assert (await wang.wait_message()).text == catalog.text("zh", "refused-staff-only")
    assert await bot.sql("SELECT count(*) FROM helpdesk_bans") == [(0,)]
    assert await bot.sql("SELECT status FROM tickets") == [("open",)]
    # Li replies to the bot's greeting, not to a ticket's message: no answer goes anywhere.
    greeting = next(m for m in li.messages if "🎫" not in (m.text or ""))
    await li.send("这是什么？", reply_to=greeting)
    await bot.settle()
    assert await bot.sql("SELECT count(*) FROM ticket_messages WHERE direction = 'out'") == [(0,)]


async def test_closed_tickets_are_deleted_after_the_retention_period_in_batches(
    bot: Bot, clock: ManualClock
) -> None:
    """/mydata lists a private thread; closed tickets older than keep_closed_days go with
    their messages and the copies owed to staff, in small batches; open ones stay;
    /forgetme removes the rest."""
    await on_duty(bot, 4700, "Li")
    residents = [
        bot.emu.user(5700 + n, first_name=f"居民{n}", language_code="zh") for n in range(5)
    ]
    for person in residents:
        await person.command("/ask")
        await person.wait_message()
        await person.send("私人问题")
    await bot.settle()
    runtime = bot.runtime
    async with runtime.db.transaction() as session:
        for ticket_id in (1, 2, 3, 4):
            assert await tickets.close(session, ticket_id, runtime.catalog, clock.now())
    await bot.settle()
    async with runtime.db.read() as session:
        first = await users.find(session, 5700)
        assert first is not None
        exported = await privacy.export_user(
            session, first.id, clock.now(), runtime.privacy_sections
        )
    assert exported["sections"]["tickets"]["tickets"][0]["messages"][0]["text"] == "私人问题"

    clock.advance(timedelta(days=179))
    section = next(s for s in runtime.privacy_sections if s.name == "tickets")
    assert await privacy.apply_retention(
        runtime.db, clock.now(), runtime.settings.privacy, [section]
    ) == {"tickets": 0}
    clock.advance(timedelta(days=2))
    assert isinstance(section, privacy.RetainingSection)
    async with runtime.db.transaction() as session:
        assert await section.retain(session, clock.now(), runtime.settings.privacy, 3) == 3
    assert await bot.sql("SELECT count(*) FROM tickets") == [(2,)]
    done = await privacy.apply_retention(
        runtime.db, clock.now(), runtime.settings.privacy, [section]
    )
    assert done == {"tickets": 1}
    assert await bot.sql("SELECT id, status FROM tickets") == [(5, "open")]
    assert await bot.sql("SELECT count(*) FROM ticket_messages") == [(1,)]
    assert await bot.sql(
        "SELECT count(*) FROM outbox_messages WHERE source IN ('hd:1', 'hd:2', 'hd:3', 'hd:4')"
    ) == [(0,)]
    async with runtime.db.transaction() as session:
        last = await users.find(session, 5704)
        assert last is not None
        await privacy.forget_user(session, last.id, clock.now(), runtime.privacy_sections)
    assert await bot.sql("SELECT count(*) FROM tickets") == [(0,)]
    assert await bot.sql("SELECT count(*) FROM outbox_messages WHERE source LIKE 'hd:%'") == [(0,)]


async def test_odd_names_and_an_overlong_text_reach_staff_whole_in_parts(bot: Bot) -> None:
    """A name with markup and direction characters shows as cleaned at the edge; a
    4096-character text does not fit with its header, so it goes in two messages, the header
    over its start and nothing cut off; a reply to the second part still finds the ticket."""
    li = await on_duty(bot, 4800, "Li")
    odd = bot.emu.user(5801, first_name="王<b>\u202e", language_code="zh")
    await odd.command("/ask")
    await odd.wait_message()
    await odd.send("水管\u200d漏水 <i>x</i> 🚰")
    await odd.send("长" * 4095 + "🚰")
    await bot.settle()
    header, first, second = li.messages[-3], li.messages[-2], li.messages[-1]
    # The edge cleaned the joiner and the direction mark (bot/hygiene.py); markup stays text.
    assert header.text == "👤 王<b> · 工单 #1\n水管漏水 <i>x</i> 🚰"
    assert first.text.startswith("👤 王<b> · 工单 #1\n长长")
    assert first.text.removeprefix("👤 王<b> · 工单 #1\n") + second.text == "长" * 4095 + "🚰"
    assert all(len(m.text.encode("utf-16-le")) // 2 <= 4096 for m in (first, second))
    await li.send("收到，马上派人", reply_to=second)
    await bot.settle()
    assert odd.messages[-1].text.startswith("收到，马上派人")


async def test_answer_mode_survives_a_restart(
    settings: Settings,
    centre: Centre,
    catalog: Catalog,
    emulator: BotApiEmulator,
    clock: ManualClock,
) -> None:
    """After "回复", a restart: the staff member's next message still goes to the resident."""
    wang = emulator.user(5901, first_name="王", language_code="zh")
    li = emulator.user(4900, first_name="Li", language_code="zh")

    async def run(steps: Any) -> None:
        database = create_database(settings.database_url)
        runtime = build_runtime(settings, centre, database=database, clock=clock, catalog=catalog)
        try:
            async with running_bot(runtime, emulator, poll_timeout=1) as app:
                await steps(Bot(app=app, emu=emulator, runtime=runtime, clock=clock))
        finally:
            await database.dispose()

    async def first(bot: Bot) -> None:
        async with bot.runtime.db.transaction() as session:
            await users.ensure_staff(session, 4900, "Li", ["staff"], bot.clock.now())
        await li.command("/start")
        await li.wait_message()
        await wang.command("/ask")
        await wang.wait_message()
        await bot.settle()
        await li.press("↩️ 回复")
        await li.wait_message(predicate=lambda m: "✍️" in (m.text or ""))

    async def second(bot: Bot) -> None:
        await li.send("重启之后也收到了")
        await wang.wait_message(predicate=lambda m: m.text == "重启之后也收到了\n— Li")

    await run(first)
    await run(second)
    assert [m.text for m in wang.messages].count("重启之后也收到了\n— Li") == 1


async def test_a_reply_before_the_thread_is_recorded_still_reaches_the_resident(
    bot: Bot, catalog: Catalog
) -> None:
    """A staff reply to a card or a copy that arrives before the sender wrote down its message
    id (or while that write retries through an outage) goes to the ticket the message names,
    in Chinese and in English; a reply to the bot's other words is not taken for an answer."""
    li = await on_duty(bot, 4900, "Li")
    mei = await on_duty(bot, 4901, "Mei", "en")
    wang = bot.emu.user(5901, first_name="王 · 工单 #7", language_code="zh")
    await wang.command("/ask")
    await wang.wait_message()
    await wang.send("暖气不热")
    await wang.send_photo(PNG, "温度计")
    await bot.settle()
    li_card = next(m for m in li.messages if (m.text or "").startswith("🎫"))
    mei_photo = mei.messages[-1]
    assert mei_photo.kind == "photo"
    # Forget what was sent, as if the sender had not written it down yet.
    async with bot.runtime.db.transaction() as session:
        await session.execute(text("UPDATE outbox_messages SET telegram_message_id = NULL"))
    await li.send("明天上午师傅上门", reply_to=li_card)
    answer = await wang.wait_message()
    assert answer.text == "明天上午师傅上门\n— Li"
    assert (await li.wait_message(predicate=lambda m: "已发给" in (m.text or ""))).text == (
        catalog.text("zh", "hd-answer-sent", id="1", name="王 · 工单 #7")
    )
    await mei.send("The plumber will bring a new valve", reply_to=mei_photo)
    second = await wang.wait_message()
    assert second.text == "The plumber will bring a new valve\n— Mei"
    await bot.settle()
    assert await bot.sql(
        "SELECT count(*) FROM ticket_messages WHERE direction = 'out' AND ticket_id = 1"
    ) == [(2,)]
    # The start greeting names no ticket: a reply to it is no answer.
    await li.send("随便说说", reply_to=li.messages[0])
    await bot.settle()
    assert "随便说说" not in " ".join(m.text or "" for m in wang.messages)


async def test_a_ticket_opened_from_tickets_can_be_answered_with_its_reply_button(
    bot: Bot,
) -> None:
    """Without a staff group: a ticket picked from /tickets shows the resident's last words
    (a photo named as such) and the card's buttons with Reply and Ban; Reply then answers."""
    li = await on_duty(bot, 4150, "Li")
    wang = bot.emu.user(5150, first_name="王阿姨", language_code="zh")
    await wang.command("/ask 楼道灯坏了")
    await wang.wait_message()
    await wang.send_photo(PNG)
    await bot.settle()
    await li.command("/tickets")
    await bot.settle()
    await li.press("#1 王阿姨")
    await bot.settle()
    card = li.messages[-1]
    assert "👤 楼道灯坏了\n👤 [照片]" in card.text
    assert card.button_texts() == [
        "✋ 认领", "✅ 结束工单", "📚 常见问题回答", "✍️ 署名：个人", "↩️ 回复", "🚫 屏蔽",
    ]  # fmt: skip
    await li.press("↩️ 回复")
    await bot.settle()
    await li.send("我们下午来修")
    await bot.settle()
    assert wang.messages[-1].text == "我们下午来修\n— Li"


async def test_a_command_or_menu_button_in_answer_mode_ends_it_out_loud(
    bot: Bot, catalog: Catalog
) -> None:
    """After "回复", a command or a menu button still does what it says, but first the staff
    member is told, in their language, that answer mode ended: what they type next is the
    bot's, not the resident's, and nothing of it reaches the resident."""
    li = await on_duty(bot, 4960, "Li")
    mei = await on_duty(bot, 4961, "Mei", "en")
    wang = bot.emu.user(5960, first_name="王阿姨", language_code="zh")
    await wang.command("/ask 水管漏水")
    await wang.wait_message()
    await bot.settle()
    await li.press("↩️ 回复")
    await li.wait_message(predicate=lambda m: "✍️" in (m.text or ""))
    mark = last_id(li)
    await li.command("/tickets")
    await bot.settle()
    got = after(li, mark)
    assert got[0].text == catalog.text("zh", "hd-answer-ended-by-command", id="1", name="王阿姨")
    assert got[1].text.startswith("未结束的工单（1）")  # and the command ran
    await li.send("师傅几点到？")
    await bot.settle()
    said = " ".join(m.text or "" for m in wang.messages)
    assert "师傅几点到" not in said
    await mei.press("↩️ Reply")
    await mei.wait_message(predicate=lambda m: "goes to" in (m.text or ""))
    mark = last_id(mei)
    await mei.send(catalog.text("en", "menu-hours"))
    await bot.settle()
    got = after(mei, mark)
    assert got[0].text == catalog.text("en", "hd-answer-ended-by-command", id="1", name="王阿姨")
    assert len(got) >= 2  # the opening hours followed
    await mei.send("See you at two")
    await bot.settle()
    assert "See you at two" not in " ".join(m.text or "" for m in wang.messages)
    assert await bot.sql("SELECT count(*) FROM ticket_messages WHERE direction = 'out'") == [(0,)]


async def test_an_english_staff_members_card_names_a_chinese_residents_language(
    bot: Bot,
) -> None:
    """The ticket card in an English-speaking staff member's chat names the resident's
    language as it calls itself ("中文"), never the code "zh"."""
    sam = await on_duty(bot, 4300, "Sam", language="en")
    wang = bot.emu.user(5301, first_name="王阿姨", language_code="zh")
    await wang.command("/ask 楼道灯坏了")
    await wang.wait_message()
    await bot.settle()
    card = next(m for m in sam.messages if (m.text or "").startswith("🎫"))
    assert (card.text or "").startswith("🎫 Ticket #1 · 王阿姨 (language: 中文)")
