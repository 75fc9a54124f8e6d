"""End to end: an emergency gets "call 120" first, medicine the health station, a request for a
person the staff at once, a favour an honest offer to pass it on — in Chinese and English."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.i18n import Catalog
from tests.conftest import Bot

pytestmark = pytest.mark.asyncio
SHANGHAI = ZoneInfo("Asia/Shanghai")
LATE_SATURDAY = datetime(2026, 12, 5, 0, 20, tzinfo=SHANGHAI)  # nobody on duty
WEDNESDAY = datetime(2026, 12, 2, 10, 0, tzinfo=SHANGHAI)


@pytest.mark.parametrize(
    ("text", "first_line", "today"),
    [
        ("我老伴突然晕倒了怎么办", "🚑 这可能是急症，请马上拨打120！", "🕘 今天：08:00–11:30"),
        (
            "I have chest pain what should I do",
            "🚑 This may be an emergency: call 120 now!",
            "🕘 Today: 08:00–11:30",
        ),
        ("开水烫到手了", "🚑 这可能是急症，请马上拨打120！", "🕘 今天：08:00–11:30"),
        ("宝宝烧到40度", "🚑 这可能是急症，请马上拨打120！", "🕘 今天：08:00–11:30"),
        (
            "my face is swelling up after eating peanuts",
            "🚑 This may be an emergency: call 120 now!",
            "🕘 Today: 08:00–11:30",
        ),
        (
            "worst headache of my life",
            "🚑 This may be an emergency: call 120 now!",
            "🕘 Today: 08:00–11:30",
        ),
    ],
)
async def test_an_emergency_at_night_is_told_to_call_120_first_then_the_health_station(
    bot: Bot, text: str, first_line: str, today: str
) -> None:
    """At 00:20 on a Saturday: "call 120" is the first line, in the question's language, then
    the station's phone and today's hours; no "pass it to staff" button."""
    bot.clock.set(LATE_SATURDAY)
    resident = bot.emu.user(6001, first_name="Wang", language_code="zh")  # English asked: English
    await resident.send(text)
    reply = await resident.wait_message()
    assert reply.text.splitlines()[0] == first_line
    assert "021-5266 1691" in reply.text
    assert today in reply.text
    assert reply.button_texts() == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [("我血压160吃什么药好", "zh"), ("should I take aspirin for my headache", "en")],
)
async def test_a_medicine_question_is_sent_to_a_doctor_and_the_health_station(
    bot: Bot, catalog: Catalog, text: str, lang: str
) -> None:
    """No advice, no forward to the front desk: ask a doctor, the station's hours and phone."""
    bot.clock.set(WEDNESDAY)
    resident = bot.emu.user(6002, first_name="Li", language_code=lang)
    await resident.send(text)
    reply = await resident.wait_message()
    assert reply.html.startswith(catalog.text(lang, "qa-medicine"))
    assert "021-5266 1691" in reply.text
    assert "08:00–11:30" in reply.text
    assert reply.button_texts() == []


@pytest.mark.parametrize(
    ("text", "lang", "button"),
    [
        ("哪里能买到感冒药", "zh", "🙋 转给工作人员"),
        ("does the pharmacy sell cough syrup", "en", "🙋 Ask a person"),
    ],
)
async def test_buying_medicine_is_not_ours_and_is_offered_to_staff_not_sent_to_a_doctor(
    bot: Bot, catalog: Catalog, text: str, lang: str, button: str
) -> None:
    """Where to buy cold medicine is a shop's business, not advice: "I can't answer that", and
    the button passes it on; no "ask a doctor"."""
    bot.clock.set(WEDNESDAY)
    resident = bot.emu.user(6006, first_name="Zhou", language_code=lang)
    await resident.send(text)
    reply = await resident.wait_message()
    assert reply.html == catalog.text(lang, "qa-no-answer")
    assert reply.button_texts() == [button]


@pytest.mark.parametrize(
    ("text", "lang", "opened"),
    [
        ("我要跟工作人员说话", "zh", "已为您接通工作人员（工单 #1）"),
        ("转人工", "zh", "已为您接通工作人员（工单 #1）"),
        ("can I speak to a human please", "en", "You are through to the staff (ticket #1)"),
    ],
)
async def test_asking_for_a_person_opens_the_conversation_with_staff_at_once(
    bot: Bot, text: str, lang: str, opened: str
) -> None:
    """As /ask does: the ticket opens, no "I can't answer that" and no button to press first."""
    bot.clock.set(WEDNESDAY)
    resident = bot.emu.user(6003, first_name="Zhao", language_code=lang)
    await resident.send(text)
    reply = await resident.wait_message()
    assert opened in reply.text
    assert await bot.sql("SELECT count(*) FROM tickets") == [(1,)]


@pytest.mark.parametrize(
    ("text", "lang", "button"),
    [
        ("我想请人上门帮我换个灯泡", "zh", "🙋 转给工作人员"),
        ("can you book me a taxi", "en", "🙋 Ask a person"),
    ],
)
async def test_a_favour_gets_an_honest_offer_and_the_press_passes_it_on(
    bot: Bot, catalog: Catalog, text: str, lang: str, button: str
) -> None:
    """No unrelated FAQ (meal delivery, room booking): "this needs a person", and the button
    hands the resident's own words to staff."""
    bot.clock.set(WEDNESDAY)
    resident = bot.emu.user(6004, first_name="Sun", language_code=lang)
    await resident.send(text)
    offer = await resident.wait_message()
    assert offer.html == catalog.text(lang, "qa-favour")
    assert offer.button_texts() == [button]
    await resident.press(button)
    passed = await resident.wait_message()
    assert "#1" in passed.text
    assert await bot.sql("SELECT count(*) FROM tickets") == [(1,)]


async def test_a_request_for_a_person_with_more_said_reaches_staff_with_those_words(
    bot: Bot,
) -> None:
    """ "机器人听不懂 帮我转人工": the conversation opens with the resident's own message."""
    bot.clock.set(WEDNESDAY)
    resident = bot.emu.user(6005, first_name="Qian", language_code="zh")
    await resident.send("机器人听不懂 帮我转人工")
    reply = await resident.wait_message()
    assert "已为您接通工作人员（工单 #1）" in reply.text
    rows = await bot.sql("SELECT direction, text FROM ticket_messages")
    assert rows == [("in", "机器人听不懂 帮我转人工")]


@pytest.mark.parametrize(
    ("text", "lang", "opened"),
    [
        ("我想找工作人员说说我房东的事", "zh", "已为您接通工作人员（工单 #1）"),
        (
            "I need to talk to a staff member about my landlord",
            "en",
            "You are through to the staff (ticket #1)",
        ),
    ],
)
async def test_a_person_asked_for_about_something_opens_the_conversation_with_those_words(
    bot: Bot, text: str, lang: str, opened: str
) -> None:
    """ "Talk to a staff member about my landlord": the conversation opens at once, with the
    resident's words, not the "that needs a person" offer."""
    bot.clock.set(WEDNESDAY)
    resident = bot.emu.user(6007, first_name="Wu", language_code=lang)
    await resident.send(text)
    reply = await resident.wait_message()
    assert opened in reply.text
    assert await bot.sql("SELECT count(*) FROM tickets") == [(1,)]
    rows = await bot.sql("SELECT direction, text FROM ticket_messages")
    assert rows == [("in", text)]
