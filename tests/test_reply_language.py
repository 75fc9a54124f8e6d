"""A request opened from free text answers in the question's language, not the client's.

"我想报名书法" from an English client gets the Chinese course card, "what classes have I signed
up for" from a Chinese client the English list; a command still follows the profile. The bot's
clock is injected (the tests' clock, Monday 2 March 2026)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.features.nightschool import courses
from bot.i18n import Catalog
from tests.conftest import Bot
from tests.nightschool_helpers import draft, make_school


async def _calligraphy(bot: Bot, catalog: Catalog) -> None:
    school = make_school(catalog, bot.runtime.centre)
    now = bot.clock.now()
    made = replace(draft(), title_zh="书法入门", title_en="Calligraphy for beginners")
    async with bot.runtime.db.transaction() as session:
        course_id = await courses.create_course(session, school, made, None, now)
        assert await courses.publish(session, course_id, now)


@pytest.mark.parametrize(
    ("client", "asked", "lang", "title"),
    [
        ("en", "我想报名书法", "zh", "书法入门"),
        ("zh", "I want to sign up for calligraphy", "en", "Calligraphy for beginners"),
        ("zh", "我想报名书法", "zh", "书法入门"),
        ("en", "I'd like to join the calligraphy class", "en", "Calligraphy for beginners"),
    ],
)
async def test_the_course_card_is_in_the_language_of_the_request(
    bot: Bot, catalog: Catalog, client: str, asked: str, lang: str, title: str
) -> None:
    await _calligraphy(bot, catalog)
    person = bot.emu.user(8801, first_name="Li", language_code=client)
    await person.send(asked)
    card = await person.wait_message()
    assert title in (card.text or "")
    assert catalog.text(lang, "ns-btn-join") in card.button_texts()


@pytest.mark.parametrize(
    ("client", "asked", "lang"),
    [("en", "我报了哪些课", "zh"), ("zh", "what classes have I signed up for", "en")],
)
async def test_my_classes_follow_the_question(
    bot: Bot, catalog: Catalog, client: str, asked: str, lang: str
) -> None:
    person = bot.emu.user(8802, first_name="Wang", language_code=client)
    await person.send(asked)
    answer = await person.wait_message()
    assert catalog.text(lang, "ns-my-empty") in (answer.text or "")


async def test_a_command_still_follows_the_profile(bot: Bot, catalog: Catalog) -> None:
    """The next message, a command, is in the client's language again (one update only)."""
    person = bot.emu.user(8803, first_name="Alice", language_code="en")
    await person.send("我报了哪些课")
    assert catalog.text("zh", "ns-my-empty") in ((await person.wait_message()).text or "")
    await person.command("/myclasses")
    assert catalog.text("en", "ns-my-empty") in ((await person.wait_message()).text or "")
