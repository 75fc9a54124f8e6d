"""Long answers reach the person: a holiday week's overview on one screen, and any text longer
than Telegram's 4,096 characters sent in parts instead of refused ("Message is too long")."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from telegram import Chat, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

from bot.tg.reply import MESSAGE_LIMIT, parts, say, units
from tests.conftest import Bot

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_a_short_text_is_one_message() -> None:
    assert parts("食堂 11:00 开门") == ["食堂 11:00 开门"]


def test_a_long_text_is_cut_between_lines_never_inside_a_tag() -> None:
    lines = [f"<b>第{i}行</b> 社区食堂：11:00–13:00（国庆节期间照常开放）" for i in range(400)]
    text = "\n".join(lines)
    messages = parts(text)
    assert len(messages) > 1
    assert all(len(m) <= MESSAGE_LIMIT for m in messages)
    assert "\n".join(messages) == text  # nothing lost, nothing doubled
    for message in messages:
        assert message.count("<b>") == message.count("</b>")


def test_a_paragraph_ends_a_message_when_one_is_near() -> None:
    first = "\n".join("a" * 90 for _ in range(30))  # 2,729 characters
    second = "\n".join("b" * 90 for _ in range(30))
    messages = parts(f"{first}\n\n{second}")
    assert messages == [first, second]


def test_one_line_longer_than_a_message_is_cut_at_a_space() -> None:
    words = " ".join(["closed"] * 1500)  # 10,499 characters, no newline
    messages = parts(words)
    assert all(len(m) <= MESSAGE_LIMIT for m in messages)
    assert " ".join(messages).split() == words.split()
    assert not any(m.startswith(" ") or m.endswith(" ") for m in messages)


def test_a_header_stays_over_the_start_of_a_long_line() -> None:
    text = "👤 王 · 工单 #1\n" + "长" * 5000
    first, second = parts(text)
    assert first.startswith("👤 王 · 工单 #1\n长")
    assert len(first) > 3900
    assert first.removeprefix("👤 王 · 工单 #1\n") + second == "长" * 5000


def test_parts_count_as_telegram_does_and_never_split_an_entity() -> None:
    emoji = "🚰" * 3000  # 3,000 characters but 6,000 UTF-16 units
    assert all(units(m) <= MESSAGE_LIMIT for m in parts(emoji))
    assert "".join(parts(emoji)) == emoji
    escaped = "&lt;" * 2000  # a resident's "<<<<…", escaped for HTML mode
    messages = parts(escaped)
    assert "".join(messages) == escaped
    assert all(m.startswith("&lt;") and m.endswith("&lt;") for m in messages)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("lang", "question", "title", "line"),
    [
        (
            "en",
            "what is open during the national day golden week?",
            "Every venue, Thu 1 Oct to Wed 7 Oct",
            "Community canteen: closed (National Day holiday)",
        ),
        (
            "zh",
            "国庆期间哪些地方开门",
            "10月1日（周四）至10月7日（周三） 各场馆开放时间",
            "社区食堂：不开放（国庆节放假）",
        ),
    ],
)
async def test_a_holiday_week_overview_is_one_message_a_line_a_venue(
    bot: Bot, lang: str, question: str, title: str, line: str
) -> None:
    """Seven days × ten venues: once seven overviews that in English outgrew Telegram's
    limit and reached the resident as "something went wrong"; now a line a venue, its days
    grouped by the hours they share."""
    bot.clock.set(datetime(2026, 9, 25, 10, 0, tzinfo=SHANGHAI))
    person = bot.emu.user(3801 if lang == "en" else 3802, first_name="P", language_code=lang)
    await person.send(question)
    answer = await person.wait_message(predicate=lambda m: title in m.text)
    assert line in answer.text
    assert len(answer.text) < 2000
    venues = bot.runtime.centre.venues
    assert all(v.name.get(lang) in answer.text for v in venues)
    assert len(answer.callback_data()) == len(venues)  # a button a venue, on the answer


@pytest.mark.asyncio
async def test_a_text_over_telegrams_limit_arrives_in_parts_with_the_buttons_last(bot: Bot) -> None:
    """The reply path itself: whatever a feature says, the person gets all of it."""
    person = bot.emu.user(3803, first_name="P", language_code="en")
    await person.send("hello")
    await person.wait_message()
    long_text = "\n".join(f"line {i}: " + "x" * 60 for i in range(200))  # ~14,000 characters
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("OK", callback_data="noop")]])
    chat = Chat(person.chat_id, Chat.PRIVATE)
    update = Update(1, message=Message(1, bot.clock.now(), chat, text="hello"))
    update.set_bot(bot.app.bot)
    await say(update, long_text, markup)
    first = await person.wait_message()
    received = [first]
    while not received[-1].callback_data():
        received.append(await person.wait_message())
    assert "\n".join(m.text for m in received) == long_text
    assert all(not m.callback_data() for m in received[:-1])


@pytest.mark.asyncio
async def test_the_day_asked_back_names_the_year_of_next_years_button(bot: Bot) -> None:
    """ "9月20号食堂开吗" on 3 October: the day gone and next year's, told apart by the year."""
    bot.clock.set(datetime(2026, 10, 3, 10, 0, tzinfo=SHANGHAI))
    wang = bot.emu.user(3804, first_name="王", language_code="zh-hans")
    await wang.send("9月20号食堂开吗")
    asked = await wang.wait_message(predicate=lambda m: bool(m.callback_data()))
    texts = asked.button_texts()
    assert any("2027" in text for text in texts)
    assert any("2027" not in text and "9/20" in text for text in texts)
