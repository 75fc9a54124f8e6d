"""The helpdesk (issue 15): a resident's conversation with staff in a staff group's topic."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.app import build_runtime
from bot.centre import Centre
from bot.clock import ManualClock
from bot.features.askstaff import tickets
from bot.features.askstaff.staff_desk import run_check
from bot.features.feedback import digest
from bot.i18n import Catalog
from bot.runtime import Runtime
from bot.services import users
from bot.settings import HelpdeskSettings, Settings
from bot.storage.db import create_database
from bot.testing import running_bot
from bot.update_processor import PerChatUpdateProcessor
from frontdesk_emulator import BotApiEmulator, SimChat, SimUser
from tests.conftest import Bot

GROUP = -1009000
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The conftest settings with a staff group (a forum) configured."""
    return settings.model_copy(update={"helpdesk": HelpdeskSettings(staff_group_ids=[GROUP])})


@pytest.fixture
def desk(bot: Bot) -> SimChat:
    """The staff group: a forum where the bot is an administrator."""
    return bot.emu.group(GROUP, "社区服务台", forum=True, bot_admin=True)


async def make_staff(bot: Bot, telegram_id: int, name: str, role: str = "staff") -> SimUser:
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, telegram_id, name, [role], bot.clock.now())
    return bot.emu.user(telegram_id, first_name=name, language_code="zh")


def topic_messages(group: SimChat, thread: int) -> list[dict[str, Any]]:
    """Everything the bot put in a topic, oldest first (without the topic's own first line)."""
    found = [
        m
        for m in group.state.messages.values()
        if m.get("message_thread_id") == thread and m["from"].get("is_bot")
    ]
    return [
        m for m in sorted(found, key=lambda m: m["message_id"]) if "forum_topic_created" not in m
    ]


def only_topic(group: SimChat) -> int:
    assert len(group.state.topics) == 1, group.state.topics
    return next(iter(group.state.topics))


async def test_a_whole_conversation_with_voice_photo_location_claim_close_and_rating(
    bot: Bot, desk: SimChat, catalog: Catalog
) -> None:
    """Text, voice, photo, location → topic; staff text+photo back; follow-up; a second
    staff member claims; close; the 👍 tap is stored for the digest."""
    li = await make_staff(bot, 4100, "Li")
    mei = await make_staff(bot, 4101, "Mei")
    wang = bot.emu.user(5001, first_name="王阿姨", language_code="zh")
    await wang.command("/ask")
    opened = await wang.wait_message()
    assert "工单 #1" in opened.text
    assert "下次在岗时间" in opened.text or "现在有工作人员在岗" in opened.text
    await bot.settle()
    thread = only_topic(desk)
    assert desk.state.topics[thread].name == "王阿姨 #1"

    await wang.send("厨房水管漏水了")
    voice = await wang.send_voice(b"OggS-leak", 9)
    await wang.send_photo(PNG, "这里")
    await wang.send_location(31.2304, 121.4737)
    await bot.settle()
    copied = topic_messages(desk, thread)
    # the resident's language by its name, as /language shows it (it read "语言：zh")
    assert copied[0]["text"].startswith("🎫 工单 #1 · 王阿姨（语言：中文）")
    assert copied[1]["text"] == "厨房水管漏水了"
    assert copied[2]["voice"]["file_id"] == voice["voice"]["file_id"]
    assert copied[3]["caption"] == "这里"
    assert copied[4]["location"]["latitude"] == pytest.approx(31.2304)
    assert all("forward_origin" not in m for m in copied)

    await li.send("我们下午两点过来看看", in_chat=desk, thread=thread)
    answer = await wang.wait_message()
    assert answer.text == "我们下午两点过来看看\n— Li"
    await li.send_photo(PNG, "是这个阀门吗？", in_chat=desk, thread=thread)
    photo = await wang.wait_message()
    assert photo.kind == "photo"
    assert photo.text == "是这个阀门吗？\n— Li"

    await wang.send("对，就是它")
    await bot.settle()
    assert topic_messages(desk, thread)[-1]["text"] == "对，就是它"

    await mei.press("✋ 认领", in_chat=desk)
    await bot.settle()
    assert topic_messages(desk, thread)[-1]["text"] == "✋ Mei 认领了工单 #1。"
    assert await bot.sql(
        "SELECT t.status, u.first_name FROM tickets t JOIN users u ON u.id = t.claimed_by"
    ) == [("claimed", "Mei")]

    await mei.press("✅ 结束工单", in_chat=desk)
    question = await wang.wait_message()
    assert question.text == catalog.text("zh", "hd-closed-ask", id="1")
    await wang.press("👍 解决了")
    await wang.wait_edit(question)
    assert await bot.sql("SELECT status, satisfaction, engaged FROM tickets") == [
        ("closed", 1, False)
    ]
    # The tap lands in the organisers' daily digest, next to the canteen's feedback.
    await make_staff(bot, 4102, "Org", role="organiser")
    assert await digest.run_due_digests(bot.runtime, datetime(2026, 3, 2, 12, 30, tzinfo=UTC))
    texts = await bot.sql(
        "SELECT b.text FROM outbox_messages m JOIN outbox_bodies b ON b.id = m.body_id "
        "WHERE m.source = 'feedback:digest'"
    )
    assert any("结束的工单：1" in str(text) and "👍 1" in str(text) for (text,) in texts)
    # Out of conversation mode: the next text goes to the FAQ, not to staff.
    await bot.settle()
    assert topic_messages(desk, thread)[-1]["text"].startswith("✅ Mei 结束了工单 #1")
    before = len(topic_messages(desk, thread))
    await wang.send("谢谢")
    await wang.wait_message()
    await bot.settle()
    assert len(topic_messages(desk, thread)) == before


async def test_english_resident_gets_english_texts_and_centre_signature(
    bot: Bot, desk: SimChat
) -> None:
    """An English resident's conversation is in English, and the staff card says "语言：English";
    'signed: the centre' signs replies with the centre's English name."""
    li = await make_staff(bot, 4200, "Li")
    alice = bot.emu.user(5101, first_name="Alice", language_code="en")
    await alice.command("/ask my door lock is broken")
    opened = await alice.wait_message()
    assert "ticket #1" in opened.text
    await bot.settle()
    thread = only_topic(desk)
    assert topic_messages(desk, thread)[0]["text"].startswith("🎫 工单 #1 · Alice（语言：English）")
    assert topic_messages(desk, thread)[1]["text"] == "my door lock is broken"
    await li.press("✍️ 署名：个人", in_chat=desk)
    await bot.settle()
    await li.send("We will fix it today.", in_chat=desk, thread=thread)
    reply = await alice.wait_message()
    assert reply.text == "We will fix it today.\n— " + bot.runtime.centre.name.en
    await alice.command("/done")
    left = await alice.wait_message()
    assert "conversation has ended" in left.text


async def test_a_restart_between_messages_loses_nothing_and_sends_nothing_twice(
    settings: Settings,
    centre: Centre,
    catalog: Catalog,
    emulator: BotApiEmulator,
    clock: ManualClock,
) -> None:
    """Messages written while the bot is down arrive after the restart, once each, in order."""
    group = emulator.group(GROUP, "desk", forum=True, bot_admin=True)
    wang = emulator.user(5201, first_name="王", language_code="zh")

    async def run(steps: Any) -> None:
        database = create_database(settings.database_url)
        runtime = build_runtime(settings, centre, database=database, clock=clock, catalog=catalog)
        try:
            async with running_bot(runtime, emulator, poll_timeout=1) as app:
                await steps(Bot(app=app, emu=emulator, runtime=runtime, clock=clock))
        finally:
            await database.dispose()

    async def first(bot: Bot) -> None:
        await make_staff(bot, 4300, "Li")
        await wang.command("/ask")
        await wang.wait_message()
        await wang.send("一")
        await bot.settle()

    await run(first)
    for word in ("二", "三", "四"):  # while the bot is down
        await wang.send(word)
    li = emulator.user(4300)
    thread = only_topic(group)
    await li.send("收到", in_chat=group, thread=thread)

    async def second(bot: Bot) -> None:
        processor = bot.app.update_processor
        assert isinstance(processor, PerChatUpdateProcessor)
        await asyncio.wait_for(processor.wait_finished(4), 10)  # the four written while down
        await bot.drain()
        await wang.wait_message(predicate=lambda m: m.text == "收到\n— Li")

    await run(second)
    texts = [m.get("text") for m in topic_messages(group, thread)[1:]]
    assert texts == ["一", "二", "三", "四"]
    assert [m.text for m in wang.messages].count("收到\n— Li") == 1


async def test_a_banned_resident_reaches_nobody(bot: Bot, desk: SimChat) -> None:
    """/ban in the topic (audited) closes the ticket; later attempts are dropped and recorded."""
    li = await make_staff(bot, 4400, "Li")
    troll = bot.emu.user(5301, first_name="Troll", language_code="zh")
    await troll.command("/ask")
    await troll.wait_message()
    await bot.settle()
    thread = only_topic(desk)
    await li.command("/ban", in_chat=desk, thread=thread)
    banned = await desk.wait_message(predicate=lambda m: "已屏蔽" in (m.text or ""))
    assert "#1" in banned.text
    assert await bot.sql("SELECT action, actor_name FROM audit_log") == [("helpdesk.ban", "Li")]
    count = len(desk.state.messages)
    await troll.command("/ask")
    refused = await troll.wait_message()
    assert "无法转交" in refused.text
    await troll.send_voice()
    await bot.settle()
    assert len(desk.state.messages) == count
    assert await bot.sql("SELECT count(*) FROM helpdesk_dropped") == [(2,)]  # /ask, voice
    assert len(desk.state.topics) == 1
    await li.command("/unban", in_chat=desk, thread=thread)
    await desk.wait_message(predicate=lambda m: "解除" in (m.text or ""))
    assert [a for (a,) in await bot.sql("SELECT action FROM audit_log ORDER BY id")] == [
        "helpdesk.ban",
        "helpdesk.unban",
    ]


async def test_resident_who_blocked_the_bot_makes_the_ticket_unreachable(
    bot: Bot, desk: SimChat
) -> None:
    """A 403 on the answer marks the ticket unreachable and tells the topic."""
    li = await make_staff(bot, 4500, "Li")
    wang = bot.emu.user(5401, first_name="王", language_code="zh")
    await wang.command("/ask")
    await wang.wait_message()
    await bot.settle()
    thread = only_topic(desk)
    wang.block()
    await li.send("您好？", in_chat=desk, thread=thread)
    await bot.settle()
    found = await run_check(bot.runtime, bot.app.bot)
    assert found["unreachable"] == [1]
    await bot.settle()
    assert "屏蔽机器人" in topic_messages(desk, thread)[-1]["text"]
    assert await bot.sql("SELECT unreachable FROM tickets") == [(True,)]


async def test_unanswered_ticket_is_escalated_after_working_hours_only(
    bot: Bot, desk: SimChat, clock: ManualClock
) -> None:
    """Two working hours, counted on the service window's opening hours, then admins hear."""
    admin = await make_staff(bot, 4600, "Boss", role="admin")
    await admin.command("/start")
    await admin.wait_message()
    wang = bot.emu.user(5501, first_name="王", language_code="zh")
    await wang.command("/ask")
    await wang.wait_message()
    await bot.settle()
    clock.advance(timedelta(minutes=90))
    assert (await run_check(bot.runtime, bot.app.bot))["escalated"] == []
    clock.advance(timedelta(minutes=40))
    assert (await run_check(bot.runtime, bot.app.bot))["escalated"] == [1]
    await bot.settle()
    notice = await admin.wait_message()
    assert "#1" in notice.text
    assert (await run_check(bot.runtime, bot.app.bot))["escalated"] == []
    # A reply to the notice in a private chat is not an answer: this ticket has its topic.
    await admin.send("我来处理", reply_to=notice)
    await bot.settle()
    assert await bot.sql("SELECT count(*) FROM ticket_messages WHERE direction = 'out'") == [(0,)]


async def test_tickets_lists_open_ones_with_age_and_refuses_residents(
    bot: Bot, desk: SimChat, clock: ManualClock
) -> None:
    """/tickets shows each open ticket's age; a resident calling it is refused politely."""
    li = await make_staff(bot, 4700, "Li")
    wang = bot.emu.user(5601, first_name="王", language_code="zh")
    await wang.command("/ask")
    await wang.wait_message()
    clock.advance(timedelta(minutes=75))
    await li.command("/tickets")
    listing = await li.wait_message()
    assert "#1 王" in listing.text
    assert "1 小时 15 分" in listing.text
    await wang.command("/tickets")
    refused = await wang.wait_message()
    assert refused.text == bot.runtime.catalog.text("zh", "refused-staff-only")


async def test_each_ticket_in_tickets_is_a_button_that_opens_it_with_its_own_buttons(
    bot: Bot, desk: SimChat
) -> None:
    """/tickets in a staff member's private chat: each ticket is a button (the list had
    nothing to press); it shows the resident's last words, the ticket's buttons (claim works
    from there) and a link to its topic, where staff answer."""
    li = await make_staff(bot, 4701, "Li")
    wang = bot.emu.user(5602, first_name="王阿姨", language_code="zh")
    await wang.command("/ask 我家楼道灯坏了，找谁修？")
    await wang.wait_message()
    await bot.settle()
    await li.command("/tickets")
    listing = await li.wait_message()
    assert listing.button_texts() == ["#1 王阿姨"]
    await li.press("#1 王阿姨")
    card = await li.wait_message()
    assert card.text.startswith("🎫 工单 #1 · 王阿姨 · 待认领")
    assert "👤 我家楼道灯坏了，找谁修？" in card.text
    assert card.button_texts()[:2] == ["✋ 认领", "✅ 结束工单"]
    [link] = [b["url"] for row in card.buttons for b in row if "url" in b]
    assert link == f"https://t.me/c/{str(GROUP).removeprefix('-100')}/{only_topic(desk)}"
    await li.press("✋ 认领")
    await bot.settle()
    assert await bot.sql("SELECT status FROM tickets") == [("claimed",)]
    assert topic_messages(desk, only_topic(desk))[-1]["text"] == "✋ Li 认领了工单 #1。"


async def test_forged_buttons_and_other_residents_rating_change_nothing(
    bot: Bot, desk: SimChat, catalog: Catalog
) -> None:
    """A resident pressing forged staff buttons, or rating someone else's ticket, is refused."""
    wang = bot.emu.user(5701, first_name="王", language_code="zh")
    await wang.command("/ask")
    await wang.wait_message()
    mallory = bot.emu.user(5702, first_name="M", language_code="en")
    await mallory.command("/start")
    await mallory.wait_message()
    await mallory.press_data("ask:close:1")
    await mallory.press_data("ask:rate:1:1")
    await mallory.press_data("ask:claim:zz")
    await bot.settle()
    answers = [a.get("text") for a in mallory.callback_answers]
    assert catalog.text("en", "refused-staff-only") in answers
    assert catalog.text("en", "hd-rate-invalid") in answers
    assert await bot.sql("SELECT status, satisfaction FROM tickets") == [("open", None)]


async def test_odd_unicode_and_overlong_text_are_relayed_safely(bot: Bot, desk: SimChat) -> None:
    """Zero-width and RTL characters pass through as typed; a 4096-character text is copied;
    a staff reply near the limit is cut to fit with its signature."""
    li = await make_staff(bot, 4800, "Li")
    wang = bot.emu.user(5801, first_name="王\u200b\u202e<b>", language_code="zh")
    await wang.command("/ask")
    await wang.wait_message()
    odd = "水管\u200d漏水 <b>&amp; 🚰\u202e"
    await wang.send(odd)
    await wang.send("长" * 4096)
    await bot.settle()
    thread = only_topic(desk)
    assert [m["text"] for m in topic_messages(desk, thread)[1:]] == [odd, "长" * 4096]
    await li.send("答" * 4090, in_chat=desk, thread=thread)
    reply = await wang.wait_message()
    assert reply.text.endswith("…\n— Li")
    assert len(reply.text) <= 4000


async def test_data_export_and_forget_cover_tickets(bot: Bot, desk: SimChat) -> None:
    """/mydata lists the ticket and its messages; /forgetme deletes them and the copies owed."""
    from bot.services import privacy

    wang = bot.emu.user(5901, first_name="王", language_code="zh")
    await wang.command("/ask")
    await wang.wait_message()
    await wang.send("私人问题")
    await bot.settle()
    runtime: Runtime = bot.runtime
    async with runtime.db.read() as session:
        profile = await users.find(session, 5901)
        assert profile is not None
        exported = await privacy.export_user(
            session, profile.id, runtime.clock.now(), runtime.privacy_sections
        )
    section = exported["sections"]["tickets"]
    assert section["tickets"][0]["messages"][0]["text"] == "私人问题"
    async with runtime.db.transaction() as session:
        await privacy.forget_user(
            session, profile.id, runtime.clock.now(), runtime.privacy_sections
        )
    assert await bot.sql("SELECT count(*) FROM tickets") == [(0,)]
    assert await bot.sql("SELECT count(*) FROM ticket_messages") == [(0,)]
    assert await bot.sql("SELECT count(*) FROM outbox_messages WHERE source LIKE 'hd:%'") == [(0,)]


async def test_a_guest_in_the_staff_group_reaches_nobody(bot: Bot, desk: SimChat) -> None:
    """Someone without the staff role writing in a ticket's topic is not relayed."""
    wang = bot.emu.user(6001, first_name="王", language_code="zh")
    await wang.command("/ask")
    await wang.wait_message()
    await bot.settle()
    guest = bot.emu.user(6002, first_name="Guest", language_code="zh")
    await guest.send("我不是工作人员", in_chat=desk, thread=only_topic(desk))
    await bot.settle()
    assert [m.text for m in wang.messages if "我不是工作人员" in (m.text or "")] == []
    assert await bot.sql("SELECT count(*) FROM ticket_messages WHERE direction = 'out'") == [(0,)]


async def test_a_command_or_menu_button_keeps_the_conversation_and_what_follows_reaches_staff(
    bot: Bot, desk: SimChat, catalog: Catalog
) -> None:
    """In conversation mode a command and a menu button still work, the conversation stays
    open, and what the resident types afterwards goes to staff (it used to be answered by the
    bot while staff never saw it); /done then ends it."""
    wang = bot.emu.user(6101, first_name="王", language_code="zh")
    await wang.command("/ask 我想问一下老年卡怎么办")
    await wang.wait_message()
    await wang.command("/classes")
    await wang.wait_message()
    await wang.send("🕘 开放时间")
    hours = await wang.wait_message()
    assert "开放时间" in hours.text
    assert await bot.sql("SELECT status, engaged FROM tickets") == [("open", True)]
    await wang.send("我住在5号楼，腿脚不方便")
    await bot.settle()
    assert topic_messages(desk, only_topic(desk))[-1]["text"] == "我住在5号楼，腿脚不方便"
    assert await bot.sql("SELECT text FROM ticket_messages ORDER BY id") == [
        ("我想问一下老年卡怎么办",),
        ("我住在5号楼，腿脚不方便",),
    ]
    await wang.command("/done")
    assert (await wang.wait_message()).text.startswith(catalog.text("zh", "hd-left")[:8])
    assert await bot.sql("SELECT status, engaged FROM tickets") == [("open", False)]


async def test_a_form_started_in_a_conversation_gets_its_answers_then_text_goes_to_staff(
    bot: Bot, desk: SimChat
) -> None:
    """/feedback during a conversation: the form takes its own answer; once it is cancelled
    the conversation is still open and the next text reaches staff."""
    wang = bot.emu.user(6102, first_name="王", language_code="zh")
    await wang.command("/ask")
    await wang.wait_message()
    await wang.command("/feedback")
    await wang.wait_message()
    await wang.send("菜太咸了")
    kept = await wang.wait_message()
    assert "菜太咸了" in kept.text
    await wang.command("/cancel")
    await wang.wait_message()
    await wang.send("电梯也有异响")
    await bot.settle()
    assert await bot.sql("SELECT text FROM ticket_messages ORDER BY id") == [("电梯也有异响",)]


async def test_opening_a_conversation_from_an_old_button_puts_a_half_done_form_aside(
    bot: Bot, desk: SimChat, catalog: Catalog
) -> None:
    """ "转给工作人员" under an earlier answer, pressed while the feedback form waits: the form
    stops (the resident is told), so what they type next reaches staff, not the comment."""
    wang = bot.emu.user(6103, first_name="王", language_code="zh")
    await wang.send("太好了👍")
    offer = await wang.wait_message()
    assert "🙋 转给工作人员" in offer.button_texts()
    await wang.command("/feedback")
    await wang.wait_message()
    await wang.press("🙋 转给工作人员")
    await bot.settle()
    assert catalog.text("zh", "form-put-aside", command="/feedback") in [
        m.text for m in wang.messages
    ]
    await wang.send("电梯也有异响")
    await bot.settle()
    assert await bot.sql("SELECT text FROM ticket_messages ORDER BY id") == [
        ("太好了👍",),
        ("电梯也有异响",),
    ]


async def test_the_batch_read_of_who_may_talk_to_staff_names_every_engaged_resident(
    runtime: Runtime,
) -> None:
    """For a claimed batch: residents with an active ticket (engaged or left), never one whose
    ticket is closed or who has none, so a "no" there safely skips the per-message read."""
    now = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
    ids = {}
    async with runtime.db.transaction() as session:
        for name in ("engaged", "left", "closed", "none"):
            person = users.Person(9300 + len(ids), name, language_code="zh")
            ids[name] = (await users.register(session, person, now)).id
        for name in ("engaged", "left", "closed"):
            ticket, _ = await tickets.open_ticket(session, ids[name], 9300, now, [])
            if name == "closed":
                await tickets.close(session, ticket.id, runtime.catalog, now)
        await tickets.leave(session, ids["left"])
    async with runtime.db.read() as session:
        maybe = await tickets.with_active_ticket(session, ids.values())
        engaged = {
            name for name, i in ids.items() if await tickets.engaged_ticket(session, i) is not None
        }
    assert engaged == {"engaged"}
    assert maybe == {ids["engaged"], ids["left"]}


async def test_a_question_over_telegrams_limit_handed_to_staff_reaches_them_whole(
    bot: Bot, desk: SimChat
) -> None:
    """A newcomer's 4,200-character question, then "转给工作人员": the topic got the ticket's
    card and nothing else (Telegram refused the text as too long, and it was dropped). The
    outbox now sends a text over the limit in parts, in order."""
    long_question = "请问" + "长" * 4200
    assert len(long_question) > 4096
    wang = bot.emu.user(6201, first_name="王", language_code="zh")
    await wang.send(long_question)
    await wang.wait_message(predicate=lambda m: "🙋 转给工作人员" in m.button_texts())
    await wang.press("🙋 转给工作人员")
    await bot.settle()
    thread = only_topic(desk)
    relayed = [m["text"] for m in topic_messages(desk, thread)[1:]]
    assert len(relayed) >= 2
    assert "".join(relayed).replace("\n", "") == long_question.replace("\n", "")


@pytest.mark.parametrize(
    ("lang", "said", "key_text"),
    [
        ("zh", "我爸昏迷了，叫不醒", "请马上拨打120"),
        ("en", "my husband collapsed and is not breathing", "call 120 now"),
    ],
)
async def test_an_emergency_told_in_a_conversation_still_gets_call_120(
    bot: Bot, desk: SimChat, lang: str, said: str, key_text: str
) -> None:
    """Inside a conversation everything goes to staff; an emergency goes to staff too, and the
    resident is told at once to call 120 (staff may be off duty, and are no ambulance). An
    ordinary message gets no such line."""
    person = bot.emu.user(5301, first_name="Zhao", language_code=lang)
    await person.command("/ask")
    await person.wait_message()
    await bot.settle()
    thread = only_topic(desk)
    await person.send("楼道灯坏了" if lang == "zh" else "the corridor light is broken")
    await bot.settle()
    seen = len(person.messages)
    await person.send(said)
    told = await person.wait_message()
    assert key_text in (told.text or "")
    await bot.settle()
    assert topic_messages(desk, thread)[-1]["text"] == said
    assert all(key_text not in (m.text or "") for m in person.messages[:seen])


@pytest.mark.parametrize(
    ("lang", "said", "key_text"),
    [
        ("zh", "我已经打了120，救护车马上到，我妈刚才晕倒了", "请马上拨打120"),
        ("en", "the ambulance is on its way, my husband collapsed", "call 120 now"),
    ],
)
async def test_an_emergency_told_with_help_already_called_gets_no_call_120(
    bot: Bot, desk: SimChat, lang: str, said: str, key_text: str
) -> None:
    """Who tells staff that 120 was called or the ambulance is coming is not told to call it
    (a second reader, r30); the message reaches staff as any other."""
    person = bot.emu.user(5302, first_name="Qian", language_code=lang)
    await person.command("/ask")
    await person.wait_message()
    await bot.settle()
    thread = only_topic(desk)
    seen = len(person.messages)
    await person.send(said)
    await bot.settle()
    assert topic_messages(desk, thread)[-1]["text"] == said
    assert all(key_text not in (m.text or "") for m in person.messages[seen:])
