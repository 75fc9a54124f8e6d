"""A lone "取消" / "返回" / "cancel" typed at a form's step is /cancel in words, in every form:
a newcomer's "返回" became an event's English title, and a broadcast's text "取消" stood one
tap from reaching every resident. The canteen rating answers the words itself (and says so in
its own way); with no form open they say there is nothing to cancel."""

from __future__ import annotations

import pytest

from bot.i18n import Catalog
from bot.services import users
from tests.conftest import Bot
from tests.test_helpdesk_private import on_duty


async def staff_member(bot: Bot, telegram_id: int, lang: str):  # type: ignore[no-untyped-def]
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, telegram_id, "Li", ["staff", "admin"], bot.clock.now())
        profile = await users.find(session, telegram_id)
        assert profile is not None
        await users.set_language(session, profile.id, lang)
    return bot.emu.user(telegram_id, first_name="Li", language_code=lang)


@pytest.mark.parametrize(
    ("lang", "command", "answers", "word"),
    [
        ("zh", "/newevent", ["元宵灯谜会"], "返回"),
        ("en", "/newevent", ["Lantern riddles"], "cancel"),
        ("zh", "/broadcast", [], "取消"),
        ("en", "/broadcast", [], "Back"),
        ("zh", "/ns_new", ["书法进阶", "Advanced calligraphy"], "取消。"),
        ("zh", "/closure", [], "算了"),
    ],
)
async def test_a_leave_word_at_a_staff_form_step_cancels_it_unsaved(
    bot: Bot, catalog: Catalog, lang: str, command: str, answers: list[str], word: str
) -> None:
    li = await staff_member(bot, 4501, lang)
    await li.command(command)
    await bot.settle()
    for answer in answers:
        await li.send(answer)
        await bot.settle()
    await li.send(word)
    await bot.settle()
    assert li.messages[-1].text == catalog.text(lang, "form-left")
    assert li.messages[-1].keyboard is not None  # the menu, to go on from
    await li.send("Spring lanterns")  # the form is gone: this is no title, nothing stored
    await bot.settle()
    assert await bot.sql("SELECT count(*) FROM events") == [(0,)]
    assert await bot.sql("SELECT count(*) FROM courses") == [(0,)]
    assert await bot.sql("SELECT count(*) FROM broadcasts") == [(0,)]
    assert await bot.sql("SELECT count(*) FROM venue_exceptions") == [(0,)]


async def test_the_canteen_rating_still_answers_the_words_itself(
    bot: Bot, catalog: Catalog
) -> None:
    wang = bot.emu.user(4502, first_name="Wang", language_code="zh")
    await wang.command("/feedback")
    await bot.settle()
    await wang.send("取消")
    await bot.settle()
    assert wang.messages[-1].text != catalog.text("zh", "form-left")
    assert wang.messages[-1].text != catalog.text("zh", "nothing-to-cancel")


@pytest.mark.parametrize(("lang", "word"), [("zh", "取消"), ("en", "stop")])
async def test_a_leave_word_in_a_conversation_with_staff_goes_to_them_and_says_how_to_end(
    bot: Bot, catalog: Catalog, lang: str, word: str
) -> None:
    """In a conversation with staff "取消" may be meant for them (a booking): it is passed on,
    and the resident is told how to end the conversation, with the button (a newcomer's
    "取消" and "返回" went to staff with no word back)."""
    li = await on_duty(bot, 4510, "Li")
    wang = bot.emu.user(4511, first_name="Wang", language_code=lang)
    await wang.command("/ask")
    await bot.settle()
    await wang.send("水管漏水")
    await bot.settle()
    await wang.send(word)
    await bot.settle()
    assert li.messages[-1].text.endswith(word)
    hint = wang.messages[-1]
    assert hint.text == catalog.text(lang, "hd-leave-hint")
    assert hint.button_texts() == [catalog.text(lang, "hd-button-leave")]
