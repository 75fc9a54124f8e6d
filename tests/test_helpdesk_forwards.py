"""A staff member who is not an admin forwards a resident's message to the bot: the helpdesk
takes it up (the resident's open ticket, or a new one opened for them), or says why it cannot,
with the link to pass on. It used to answer "I didn't understand"."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import update

from bot.features.askstaff.models import HelpdeskBan
from bot.i18n import Catalog
from bot.settings import HelpdeskSettings, Settings
from bot.storage.models import User
from frontdesk_emulator import SimChat, SimUser
from tests.conftest import Bot
from tests.test_helpdesk import GROUP, only_topic, topic_messages
from tests.test_helpdesk_private import after, last_id, on_duty

ASK_LINK = "https://t.me/frontdesk_bot?start=ask"


async def resident(bot: Bot, telegram_id: int, name: str, language: str = "zh") -> SimUser:
    """A resident who has used the bot (a bot can only write to people who did)."""
    person = bot.emu.user(telegram_id, first_name=name, language_code=language)
    await person.command("/start")
    await person.wait_message()
    return person


async def tickets_table(bot: Bot) -> list[tuple[object, ...]]:
    return await bot.sql(
        "SELECT t.id, t.status, t.engaged, u.first_name FROM tickets t "
        "LEFT JOIN users u ON u.id = t.claimed_by ORDER BY t.id"
    )


async def test_a_forward_opens_a_ticket_for_the_resident_held_by_the_staff_member(
    bot: Bot, catalog: Catalog
) -> None:
    """Without a staff group, in Chinese: two forwarded messages, one offer to open a ticket;
    the press opens it held by the staff member, whose chat gets its card and the two
    messages; the resident is told what was passed on, and their reply, and the staff
    member's answer, go through the thread as after /ask. Colleagues are not disturbed."""
    li = await on_duty(bot, 4100, "Li")
    mei = await on_duty(bot, 4101, "Mei", "en")
    wang = await resident(bot, 5001, "王阿姨")
    mark_mei, mark_wang = last_id(mei), last_id(wang)
    await li.forward_from(wang, "李老师，我们楼道的灯坏了三天了")
    first = await li.wait_message()
    assert first.text == catalog.text("zh", "hd-forward-offer", name="王阿姨", count=1)
    assert first.button_texts() == ["📨 为 王阿姨 开工单"]
    await li.forward_from(wang, "3号楼2单元")
    offer = await li.wait_message(predicate=lambda m: m.message_id > first.message_id)
    assert offer.text == catalog.text("zh", "hd-forward-offer", name="王阿姨", count=2)
    assert await bot.sql("SELECT count(*) FROM tickets") == [(0,)]
    mark_li = last_id(li)
    await li.press("📨 为 王阿姨 开工单")
    edited = await li.wait_edit(offer)
    assert edited.text == catalog.text("zh", "hd-opened-for", id="1", name="王阿姨")
    await bot.settle()
    thread = after(li, mark_li)
    assert thread[0].text.startswith("🎫 工单 #1 · 王阿姨")
    assert "↩️ 回复" in thread[0].button_texts()
    assert [m.text for m in thread[1:]] == [
        "👤 王阿姨 · 工单 #1\n李老师，我们楼道的灯坏了三天了",
        "👤 王阿姨 · 工单 #1\n3号楼2单元",
    ]
    told = after(wang, mark_wang)
    assert [m.text for m in told] == [
        catalog.text(
            "zh",
            "hd-opened-by-staff-about",
            id="1",
            text="李老师，我们楼道的灯坏了三天了 3号楼2单元",
        )
    ]
    assert told[0].button_texts() == ["结束对话"]
    assert after(mei, mark_mei) == []
    assert await tickets_table(bot) == [(1, "claimed", True, "Li")]

    await wang.send("晚上特别黑，老人不敢下楼")
    await bot.settle()
    assert li.messages[-1].text == "👤 王阿姨 · 工单 #1\n晚上特别黑，老人不敢下楼"
    await li.send("今天下午电工就去换", reply_to=li.messages[-1])
    answer = await wang.wait_message(predicate=lambda m: "— Li" in (m.text or ""))
    assert answer.text == "今天下午电工就去换\n— Li"
    assert after(mei, mark_mei) == []


async def test_a_forward_from_someone_with_an_open_ticket_shows_it_and_can_add_to_it(
    bot: Bot, catalog: Catalog
) -> None:
    """The resident already talks with staff: the first forward shows their ticket's card with
    "add to the ticket"; a second adds to the count; the press relays both as theirs, and
    the resident, who is already in the conversation, is not told anything new."""
    li = await on_duty(bot, 4200, "Li")
    wang = await resident(bot, 5101, "王阿姨")
    await wang.command("/ask 水管漏水")
    await wang.wait_message()
    await bot.settle()
    mark_wang = last_id(wang)
    await li.forward_from(wang, "漏到楼下了")
    card = await li.wait_message(predicate=lambda m: "↪️" in (m.text or ""))
    assert card.text.startswith(catalog.text("zh", "hd-forward-has-ticket", name="王阿姨", id="1"))
    assert "🎫 工单 #1 · 王阿姨" in card.text
    assert card.button_texts()[:2] == ["📎 加到工单 #1", "✋ 认领"]
    await li.forward_from(wang, "楼下邻居在敲门")
    more = await li.wait_message(predicate=lambda m: m.message_id > card.message_id)
    assert more.text == catalog.text("zh", "hd-forward-more", name="王阿姨", id="1", count=2)
    mark_li = last_id(li)
    await li.press("📎 加到工单 #1")
    edited = await li.wait_edit(more)
    assert edited.text == catalog.text("zh", "hd-forward-added", name="王阿姨", id="1", count=2)
    await bot.settle()
    assert [m.text for m in after(li, mark_li)] == [
        "👤 王阿姨 · 工单 #1\n漏到楼下了",
        "👤 王阿姨 · 工单 #1\n楼下邻居在敲门",
    ]
    assert after(wang, mark_wang) == []
    assert await bot.sql("SELECT text FROM ticket_messages WHERE direction = 'in' ORDER BY id") == [
        ("水管漏水",),
        ("漏到楼下了",),
        ("楼下邻居在敲门",),
    ]
    # The offer is used up: pressing it again changes nothing.
    await li.press("📎 加到工单 #1")
    await bot.settle()
    assert li.callback_answers[-1]["text"] == catalog.text("zh", "hd-open-for-invalid")
    assert await bot.sql("SELECT count(*) FROM ticket_messages") == [(3,)]


async def test_forwards_the_bot_cannot_act_on_are_explained_with_the_link_to_pass_on(
    bot: Bot, catalog: Catalog
) -> None:
    """Someone who never used the bot, a hidden account, a bot, someone who blocked the bot
    and a banned resident: no ticket, no button, a polite line saying why (in English for
    an English-speaking staff member), with the link when the person could use it."""
    sam = await on_duty(bot, 4300, "Sam", "en")
    stranger = bot.emu.user(5201, first_name="Zhou", language_code="zh")  # never wrote
    await sam.forward_from(stranger, "Can I borrow the activity room?")
    said = await sam.wait_message()
    assert said.text == catalog.text("en", "hd-forward-unknown", name="Zhou", link=ASK_LINK)
    assert said.button_texts() == []
    origin = {"type": "hidden_user", "sender_user_name": "Mrs Qian", "date": 1}
    sam._post(sam.state, {"text": "hi", "forward_origin": origin})
    said = await sam.wait_message(predicate=lambda m: "Mrs Qian" in (m.text or ""))
    assert said.text == catalog.text("en", "hd-forward-hidden", name="Mrs Qian", link=ASK_LINK)
    robot = {"id": 777000, "is_bot": True, "first_name": "Notices"}
    await sam.forward_from(robot, "Your order has shipped")
    said = await sam.wait_message(predicate=lambda m: m.message_id > said.message_id)
    assert said.text == catalog.text("en", "hd-forward-not-a-person", link=ASK_LINK)
    gone = await resident(bot, 5202, "Wu")
    async with bot.runtime.db.transaction() as session:
        await session.execute(
            update(User).where(User.telegram_id == 5202).values(blocked_at=bot.clock.now())
        )
    await sam.forward_from(gone, "hello")
    said = await sam.wait_message(predicate=lambda m: m.message_id > said.message_id)
    assert said.text == catalog.text("en", "hd-forward-blocked", name="Wu", link=ASK_LINK)
    troll = await resident(bot, 5203, "Troll")
    async with bot.runtime.db.transaction() as session:
        user_id = (await bot.sql("SELECT id FROM users WHERE telegram_id = 5203"))[0][0]
        session.add(HelpdeskBan(user_id=user_id, banned_by=None, created_at=bot.clock.now()))
    await sam.forward_from(troll, "open up")
    said = await sam.wait_message(predicate=lambda m: m.message_id > said.message_id)
    assert said.text == catalog.text("en", "hd-forward-banned", name="Troll", link=ASK_LINK)
    assert said.button_texts() == []
    assert await bot.sql("SELECT count(*) FROM tickets") == [(0,)]


async def test_an_offer_for_someone_else_than_the_last_forward_is_no_longer_valid(
    bot: Bot, catalog: Catalog
) -> None:
    """The offer holds the forwards of one person: after forwarding someone else's message,
    the first offer is refused politely and opens nothing; the newest one still works."""
    li = await on_duty(bot, 4400, "Li")
    wang = await resident(bot, 5301, "王阿姨")
    alice = await resident(bot, 5302, "Alice", "en")
    await li.forward_from(wang, "灯坏了")
    await li.wait_message()
    await li.forward_from(alice, "The gym door is stuck")
    await li.wait_message(predicate=lambda m: "Alice" in (m.text or ""))
    await li.press("📨 为 王阿姨 开工单")
    await bot.settle()
    assert li.callback_answers[-1]["text"] == catalog.text("zh", "hd-open-for-invalid")
    assert await bot.sql("SELECT count(*) FROM tickets") == [(0,)]
    await li.press("📨 为 Alice 开工单")
    told = await alice.wait_message(predicate=lambda m: "🙋" in (m.text or ""))
    assert told.text == catalog.text(
        "en", "hd-opened-by-staff-about", id="1", text="The gym door is stuck"
    )


async def test_in_answer_mode_a_forward_still_goes_to_the_resident(bot: Bot) -> None:
    """After "回复", whatever the staff member sends (a forward too) is the answer, as before."""
    li = await on_duty(bot, 4500, "Li")
    wang = await resident(bot, 5401, "王阿姨")
    await wang.command("/ask 停水了吗")
    await wang.wait_message()
    await bot.settle()
    await li.press("↩️ 回复")
    await li.wait_message(predicate=lambda m: "✍️" in (m.text or ""))
    notice = bot.emu.user(5402, first_name="物业", language_code="zh")
    await li.forward_from(notice, "今天9点到12点停水")
    got = await wang.wait_message(predicate=lambda m: "停水" in (m.text or ""))
    assert got.text == "今天9点到12点停水\n— Li"
    assert await bot.sql("SELECT count(*) FROM tickets") == [(1,)]


class TestWithAStaffGroup:
    @pytest.fixture
    def settings(self, settings: Settings) -> Settings:
        return settings.model_copy(update={"helpdesk": HelpdeskSettings(staff_group_ids=[GROUP])})

    @pytest.fixture
    def desk(self, bot: Bot) -> SimChat:
        return bot.emu.group(GROUP, "社区服务台", forum=True, bot_admin=True)

    async def test_an_english_ticket_opened_from_a_forward_gets_its_topic(
        self, bot: Bot, desk: SimChat, catalog: Catalog
    ) -> None:
        """With a staff group, in English: the press opens the ticket and its topic (the
        message copied into it), the offer becomes the ticket's card with the topic's link,
        and the resident's reply lands in the topic."""
        sam = await on_duty(bot, 4600, "Sam", "en")
        alice = await resident(bot, 5501, "Alice", "en")
        await sam.forward_from(alice, "The gym door is stuck again")
        offer = await sam.wait_message()
        assert offer.button_texts() == ["📨 Open a ticket for Alice"]
        await sam.press("📨 Open a ticket for Alice")
        edited = await sam.wait_edit(offer)
        assert edited.text.startswith(catalog.text("en", "hd-opened-for", id="1", name="Alice"))
        assert "🎫 Ticket #1 · Alice" in edited.text
        assert "💬 Open topic" in edited.button_texts()
        await bot.settle()
        thread = only_topic(desk)
        texts: list[Any] = [m.get("text") for m in topic_messages(desk, thread)]
        assert texts[0].startswith("🎫 工单 #1 · Alice")
        assert texts[1] == "The gym door is stuck again"
        told = await alice.wait_message(predicate=lambda m: "🙋" in (m.text or ""))
        assert "ticket #1" in told.text
        await alice.send("It's the side door")
        await bot.settle()
        assert topic_messages(desk, thread)[-1]["text"] == "It's the side door"
