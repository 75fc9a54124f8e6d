"""Hostile input at the edge: texts cleaned once for every feature, private commands kept
private, channels ignored (issue 14)."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, IntegrityError, StatementError
from telegram import Bot as TelegramBot
from telegram import Update

from bot.hygiene import (
    UNREADABLE,
    clean_text,
    clean_update_dict,
    clean_with_offsets,
    needs_cleaning,
)
from bot.i18n import Catalog
from bot.observability import Observability
from bot.storage.db import Database
from bot.tg.intake import cleaned
from tests.conftest import Bot
from tests.test_broadcast import add_residents, compose, is_progress
from tests.test_roles import make_staff

# -- the cleaning itself -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("abc\x00def", "abcdef"),
        ("a\x01\x07\x1b[31mb", "a[31mb"),
        ("line one\r\nline two\rthree", "line one\nline two\nthree"),
        ("tab\there\nnext", "tab\there\nnext"),
        ("食\u200b堂几点\u200c开\u200d门\u2060\ufeff", "食堂几点开门"),
        ("Alice\u202eevil\u202c", "Aliceevil"),
        ("\u2067abc\u2069\u200e\u200f", "abc"),
        ("C1\x85next\x9b", "C1\nnext"),
        ("１２月３日ＡＢｃ", "12月3日ABc"),
        ("𝐀𝐥𝐢𝐜𝐞", "Alice"),
        ("⼈民", "人民"),
        ("你好，今天食堂开吗？（午饭）！：", "你好，今天食堂开吗？（午饭）！："),
        ("👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧"),
        ("\x00", UNREADABLE),
        ("\u200b\u200c\u200d", UNREADABLE),
        ("", ""),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    """Controls, zero-width and direction characters go; Chinese punctuation and emoji stay."""
    assert clean_text(raw) == clean


def test_plain_text_is_returned_unchanged() -> None:
    """The common case costs one scan and returns the same string."""
    sample = "食堂几点开门？ When does the gym open?"
    assert clean_text(sample) is sample


def test_offsets_move_with_removed_characters() -> None:
    """UTF-16 offsets after a removed character move back by its length."""
    cleaned, moved = clean_with_offsets("\u200b😀/help x")
    assert cleaned == "😀/help x"
    assert moved(1) == 0  # the emoji started at 1, now at 0
    assert moved(3) == 2  # "/help" started after the two-unit emoji


def test_update_entities_follow_the_cleaned_text() -> None:
    """A bot_command entity still covers the command after an invisible prefix is removed."""
    update = {
        "update_id": 1,
        "message": {
            "text": "\u2060/mydata\x00 now",
            "entities": [{"type": "bot_command", "offset": 1, "length": 7}],
            "from": {"id": 1, "first_name": "Bob\u202e", "is_bot": False},
            "photo": [{"file_id": "AB\u200bC", "file_unique_id": "x"}],
        },
    }
    clean = clean_update_dict(update)
    message = clean["message"]
    assert message["text"] == "/mydata now"
    assert message["entities"] == [{"type": "bot_command", "offset": 0, "length": 7}]
    assert message["from"]["first_name"] == "Bob"
    assert message["photo"][0]["file_id"] == "AB\u200bC"  # identifiers are never touched
    assert update["message"]["text"].startswith("\u2060")  # the original is not changed


# -- end to end ---------------------------------------------------------------------------


async def test_zero_width_characters_do_not_hide_a_question(bot: Bot) -> None:
    """ "食堂几点开门" with zero-width characters in it gets the same answer as without."""
    plain = bot.emu.user(7001, first_name="甲", language_code="zh")
    await plain.send("食堂几点开门")
    expected = (await plain.wait_message()).text
    hidden = bot.emu.user(7002, first_name="乙", language_code="zh")
    await hidden.send("食\u200b堂几\ufeff点\u200c开\u2060门")
    assert (await hidden.wait_message()).text == expected
    assert "食堂" in expected


async def test_direction_override_in_a_name_cannot_disguise_it_to_staff(
    bot: Bot, catalog: Catalog
) -> None:
    """A resident named "Alice\u202eevil" reaches staff as "Aliceevil", stored the same way."""
    staff = await make_staff(bot, 7100, "Li", "staff")
    tricky = bot.emu.user(7101, first_name="Alice\u202eevil\u200b", language_code="zh")
    await tricky.send("孙子的学校几点放学")
    offer = await tricky.wait_message()
    assert offer.text == catalog.text("zh", "qa-no-answer")
    await tricky.press("🙋 转给工作人员")
    notice = await staff.wait_message(predicate=lambda m: "孙子的学校" in (m.text or ""))
    assert "Aliceevil" in notice.text
    assert "\u202e" not in notice.text
    assert await bot.sql("SELECT first_name FROM users WHERE telegram_id = 7101") == [
        ("Aliceevil",)
    ]


async def test_nul_in_a_broadcast_is_sent_cleanly_and_logs_no_text(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    """A NUL typed into /broadcast no longer breaks it (PostgreSQL refuses NUL in text)."""
    caplog.set_level(logging.INFO)
    await add_residents(bot, 7200, 3, "zh")
    staff = await make_staff(bot, 7300, "Mei", "staff")
    await compose(staff, "明天\x00上午停水\u202e", None, ["Everyone"])
    for _ in range(3):
        await staff.wait_message()
    await staff.press("✅ Confirm")
    await staff.wait_message(predicate=is_progress)
    await bot.drain()
    for n in range(3):
        last = bot.emu.user(7200 + n).last
        assert last is not None
        assert last.text == "明天上午停水"
    assert await bot.sql("SELECT count(*) FROM outbox_messages WHERE status = 'sent'") == [(4,)]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not [r for r in caplog.records if "停水" in r.getMessage()]


async def test_database_errors_never_carry_the_values(database: Database) -> None:
    """An SQL error's message shows no parameter (a resident's text) for the error log."""
    secret = "王阿姨的电话13800000000"
    with pytest.raises((IntegrityError, DBAPIError, StatementError)) as caught:
        async with database.transaction() as session:
            await session.execute(
                text(
                    "INSERT INTO users (id, telegram_id, first_name, language, "
                    "language_chosen, created_at, last_seen_at) VALUES (NULL, 1, :name, NULL, "
                    "false, NULL, NULL)"
                ),
                {"name": secret},
            )
    assert secret not in str(caught.value)


async def test_mydata_in_a_group_points_to_the_private_chat(bot: Bot, catalog: Catalog) -> None:
    """/mydata (and /forgetme) in a group answer with a pointer, never the person's data."""
    group = bot.emu.group(-100777, "楼组群")
    wang = bot.emu.user(7400, first_name="王阿姨", language_code="zh")
    await wang.command("/start")
    await wang.wait_message()
    for command in ("/mydata", "/forgetme", f"/mydata@{bot.emu.core.bot_username}"):
        await wang.command(command, in_chat=group)
        pointer = await group.wait_message()
        name = command.split("@")[0]
        assert pointer.text == catalog.text("zh", "intake-private-only", command=name)
        assert "王阿姨" not in pointer.text
        assert pointer.buttons[0][0]["url"].startswith("https://t.me/")
    await bot.settle()
    assert wang.messages[-1].text != catalog.text("zh", "intake-private-only", command="/mydata")
    # The same command in the private chat is answered as before.
    await wang.command("/mydata")
    private = await wang.wait_message()
    assert "intake" not in private.text
    assert private.text != catalog.text("zh", "intake-private-only", command="/mydata")


async def test_a_resident_calling_a_private_staff_command_in_a_group_gets_the_pointer(
    bot: Bot, catalog: Catalog
) -> None:
    """/questions (staff, shows residents' questions) in a group shows nothing to anyone."""
    group = bot.emu.group(-100778, "Staff")
    alice = bot.emu.user(7500, first_name="Alice", language_code="en")
    await alice.command("/questions", in_chat=group)
    pointer = await group.wait_message()
    assert pointer.text == catalog.text("en", "intake-private-only", command="/questions")


async def test_public_commands_still_work_in_groups(bot: Bot) -> None:
    """/hours in a group is answered in the group, as before."""
    group = bot.emu.group(-100779, "楼组群")
    wang = bot.emu.user(7600, first_name="王阿姨", language_code="zh")
    await wang.command("/hours", in_chat=group)
    answer = await group.wait_message()
    assert "私聊" not in answer.text


async def test_channel_posts_are_ignored_entirely(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    """A post (or an edit) in a channel gets no answer, no registration and no error."""
    core = bot.emu.core
    channel = core.add_group(-100888, "通知频道")
    channel.type = "channel"
    for kind in ("channel_post", "edited_channel_post"):
        post = {
            "message_id": channel.take_message_id(),
            "sender_chat": channel.chat_dict(),
            "chat": channel.chat_dict(),
            "date": 0,
            "text": "/start 食堂几点开门",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        }
        core.push_update(kind, post)
    await bot.settle()
    assert channel.bot_messages == {}
    assert await bot.sql("SELECT count(*) FROM users") == [(0,)]
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    observability = bot.app.bot_data.services.get(Observability)
    ignored = observability.registry.get_sample_value(
        "frontdesk_updates_total", {"outcome": "ignored"}
    )
    assert ignored == 2


def test_the_quick_check_sees_every_character_the_cleaning_changes() -> None:
    """needs_cleaning (one regex search) is true for every character clean_text changes."""
    missed = [
        hex(code)
        for code in range(0x30000)
        if not 0xD800 <= code <= 0xDFFF
        and clean_text(f"a{chr(code)}a") != f"a{chr(code)}a"
        and not needs_cleaning(chr(code))
    ]
    assert missed == []


def test_a_clean_update_is_passed_on_as_it_is() -> None:
    """The common case re-parses nothing: the same Update object goes to the handlers."""
    data = {
        "update_id": 5,
        "message": {
            "message_id": 1,
            "date": 0,
            "chat": {"id": 7, "type": "private", "first_name": "王阿姨"},
            "from": {"id": 7, "is_bot": False, "first_name": "王阿姨"},
            "text": "食堂几点开门？\n谢谢",
            "reply_to_message": {
                "message_id": 0,
                "date": 0,
                "chat": {"id": 7, "type": "private"},
                "text": "quoted\u200b",
            },
        },
    }
    bot = TelegramBot("1:x")
    plain = Update.de_json({**data, "message": {**data["message"], "reply_to_message": None}}, bot)
    assert plain is not None
    assert cleaned(plain) is plain
    dirty = Update.de_json(data, bot)
    assert dirty is not None
    fresh = cleaned(dirty)
    assert fresh is not dirty
    assert fresh.message is not None
    assert fresh.message.reply_to_message is not None
    assert fresh.message.reply_to_message.text == "quoted"
    assert fresh.message.text == "食堂几点开门？\n谢谢"
