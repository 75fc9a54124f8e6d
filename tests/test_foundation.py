"""The foundation end to end: the real Application over HTTP against the emulator."""

from __future__ import annotations

import logging

import pytest
from telegram import Update
from telegram.ext import CommandHandler

from bot.clock import ManualClock
from bot.context import FrontdeskContext
from bot.features import MANIFESTS
from bot.i18n import Catalog
from bot.runtime import Runtime
from bot.storage.db import Database
from bot.testing import running_bot
from frontdesk_emulator import BotApiEmulator
from tests.conftest import Bot
from tests.test_roles import make_staff


def zh(catalog: Catalog, key: str, **args: object) -> str:
    return catalog.text("zh", key, **args)


def en(catalog: Catalog, key: str, **args: object) -> str:
    return catalog.text("en", key, **args)


def menu_rows(catalog: Catalog, lang: str) -> list[list[str]]:
    labels = [
        catalog.text(lang, key)
        for key in (
            "menu-hours",
            "menu-classes",
            "menu-feedback",
            "menu-events",
            "menu-ask",
            "menu-surveys",
            "menu-help",
        )
    ]
    return [labels[i : i + 2] for i in range(0, len(labels), 2)]


async def test_start_greets_in_chinese_registers_and_shows_the_menu(
    bot: Bot, catalog: Catalog
) -> None:
    """/start from a zh-hans user: Chinese greeting with their name, stored, big menu buttons."""
    wang = bot.emu.user(2001, first_name="王阿姨", language_code="zh-hans")
    await wang.command("/start")
    reply = await wang.wait_message()
    assert "王阿姨" in reply.text
    assert reply.text.startswith("您好")
    assert reply.keyboard == menu_rows(catalog, "zh")
    rows = await bot.sql("SELECT telegram_id, language FROM users")
    assert rows == [(2001, "zh")]


async def test_start_in_english_for_english_clients(bot: Bot, catalog: Catalog) -> None:
    """A user whose Telegram speaks English is greeted in English."""
    alice = bot.emu.user(2002, first_name="Alice", language_code="en-GB")
    await alice.command("/start")
    reply = await alice.wait_message()
    assert reply.text.startswith("Hello, Alice")
    assert reply.keyboard == menu_rows(catalog, "en")


async def test_unknown_language_gets_chinese(bot: Bot) -> None:
    """No language_code at all means Chinese."""
    someone = bot.emu.user(2003, first_name="Zhang", language_code=None)
    await someone.command("/start")
    assert (await someone.wait_message()).text.startswith("您好")


async def test_help_lists_the_features(bot: Bot, catalog: Catalog) -> None:
    """/help answers with the feature list and the menu."""
    alice = bot.emu.user(2004, first_name="Alice", language_code="en")
    await alice.command("/help")
    reply = await alice.wait_message()
    assert "Opening hours" in reply.text
    assert reply.keyboard == menu_rows(catalog, "en")


async def test_language_choice_sticks_and_changes_the_menu(bot: Bot, catalog: Catalog) -> None:
    """Choosing English via /language is stored and wins over Telegram's language_code."""
    wang = bot.emu.user(2005, first_name="Wang", language_code="zh-hans")
    await wang.command("/language")
    prompt = await wang.wait_message()
    assert prompt.button_texts() == ["中文", "English"]
    await wang.press("English")
    menu = await wang.wait_message(predicate=lambda m: m.keyboard is not None)
    assert menu.keyboard == menu_rows(catalog, "en")
    assert await bot.sql("SELECT language, language_chosen FROM users") == [("en", True)]
    await wang.command("/start")
    assert (await wang.wait_message()).text.startswith("Hello, Wang")


@pytest.mark.parametrize(("start", "choice"), [("zh", "English"), ("en", "中文")])
async def test_choosing_a_language_leaves_one_message(
    bot: Bot, catalog: Catalog, start: str, choice: str
) -> None:
    """After /language and a press, the chat holds one answer: the confirmation in the new
    language carrying the menu in it; no extra "请选择：" and no prompt left with buttons."""
    person = bot.emu.user(2025, first_name="Sun", language_code=start)
    await person.command("/language")
    prompt = await person.wait_message()
    await person.press(choice)
    await person.wait_deleted(prompt.message_id)
    await bot.settle()
    lang = "en" if choice == "English" else "zh"
    assert [m.text for m in person.messages] == [catalog.text(lang, "language-set")]
    assert person.messages[0].keyboard == menu_rows(catalog, lang)


async def test_forged_language_button_changes_nothing(bot: Bot, catalog: Catalog) -> None:
    """A callback 'lang:xx' that no button offered is refused politely; nothing changes."""
    wang = bot.emu.user(2006, first_name="Wang", language_code="zh")
    await wang.command("/language")
    prompt = await wang.wait_message()
    await wang.press_data("lang:xx", message_id=prompt.message_id)
    await bot.settle()
    assert wang.callback_answers[-1].get("text") == zh(catalog, "button-invalid")
    assert await bot.sql("SELECT language, language_chosen FROM users") == [("zh", False)]


async def test_unknown_button_data_gets_an_answer(bot: Bot, catalog: Catalog) -> None:
    """Arbitrary callback data on a bot message is answered, never left spinning."""
    alice = bot.emu.user(2007, first_name="Alice", language_code="en")
    await alice.command("/language")
    prompt = await alice.wait_message()
    await alice.press_data("zz:" + "9" * 50, message_id=prompt.message_id)
    await bot.settle()
    assert alice.callback_answers[-1].get("text") == en(catalog, "button-invalid")


async def test_unknown_text_gets_a_friendly_answer_with_the_menu(
    bot: Bot, catalog: Catalog
) -> None:
    """Text nobody understands is answered kindly, with the menu."""
    alice = bot.emu.user(2008, first_name="Alice", language_code="en")
    await alice.send("qwxz plonk")
    reply = await alice.wait_message()
    assert reply.text == en(catalog, "not-understood")
    assert reply.keyboard is not None


async def test_unknown_command(bot: Bot, catalog: Catalog) -> None:
    """A command the bot lacks gets a clear answer."""
    wang = bot.emu.user(2009, first_name="Wang", language_code="zh")
    await wang.command("/nosuchthing")
    assert (await wang.wait_message()).text == zh(catalog, "unknown-command")


@pytest.mark.parametrize(
    ("lang", "typed", "meant", "about"),
    [
        ("zh", "/hous", "hours", "cmd-hours"),
        ("zh", "/clases", "classes", "cmd-classes"),
        ("zh", "/feedbak", "feedback", "cmd-feedback"),
        ("en", "/hous", "hours", "cmd-hours"),
        ("en", "/clases", "classes", "cmd-classes"),
        ("en", "/Feedbak@{bot}", "feedback", "cmd-feedback"),
    ],
)
async def test_a_mistyped_command_is_offered_the_closest_one(
    bot: Bot, catalog: Catalog, lang: str, typed: str, meant: str, about: str
) -> None:
    """ "/hous", "/clases", "/feedbak": the resident is offered the command they most likely
    meant, with what it does, in their language (it was "no such command")."""
    person = bot.emu.user(2010, first_name="Wang", language_code=lang)
    typed = typed.format(bot=bot.emu.core.bot_username)
    await person.command(typed)
    reply = await person.wait_message()
    shown = typed[1:].partition("@")[0]
    description = catalog.text(lang, about)
    expected = catalog.text(
        lang, "unknown-command-did-you-mean", typed=shown, command=meant, about=description
    )
    assert reply.text == expected
    assert f"/{meant} — " in (reply.text or "")


async def test_a_resident_is_never_offered_a_staff_command(bot: Bot, catalog: Catalog) -> None:
    """A mistyped staff command from a resident gets the plain answer (no staff command is
    named to them); staff typing the same are offered it."""
    wang = bot.emu.user(2011, first_name="Wang", language_code="zh")
    await wang.command("/editevnt")
    assert (await wang.wait_message()).text == zh(catalog, "unknown-command")
    staff = await make_staff(bot, 2012, "Mei", "staff")
    await staff.command("/editevnt")
    reply = await staff.wait_message(predicate=lambda m: "editevnt" in (m.text or ""))
    assert "/editevent — " in (reply.text or "")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("zh", "现在没有要取消的操作。"), ("en", "There is nothing to cancel right now.")],
)
async def test_cancel_with_nothing_in_progress_says_so(
    bot: Bot, catalog: Catalog, lang: str, expected: str
) -> None:
    """/cancel when no form or conversation is open is a known command: it says there is
    nothing to cancel (with the menu), not "no such command"."""
    resident = bot.emu.user(2019, first_name="Zhao", language_code=lang)
    await resident.command("/cancel")
    reply = await resident.wait_message()
    assert reply.text == expected
    assert reply.keyboard is not None


@pytest.mark.parametrize(
    ("lang", "typed", "expected"),
    [
        ("zh", "取消", "现在没有要取消的操作。"),
        ("zh", "返回。", "现在没有要取消的操作。"),
        ("en", "Cancel", "There is nothing to cancel right now."),
    ],
)
async def test_a_cancel_word_with_nothing_in_progress_says_so(
    bot: Bot, lang: str, typed: str, expected: str
) -> None:
    """ "取消" typed with no form open is /cancel in words: it said "I cannot answer this
    question" and offered to hand it to staff (a newcomer's finding)."""
    resident = bot.emu.user(2020, first_name="Qian", language_code=lang)
    await resident.send(typed)
    reply = await resident.wait_message()
    assert reply.text == expected
    assert reply.keyboard is not None
    assert await bot.sql("SELECT count(*) FROM tickets") == [(0,)]


async def test_sticker_and_photo_get_an_answer(bot: Bot, catalog: Catalog) -> None:
    """Updates without text (sticker, photo) are answered, not ignored: a sticker gets "I read
    text", a photo is never refused and goes to staff (issue 15's conversation)."""
    wang = bot.emu.user(2010, first_name="Wang", language_code="zh")
    await wang.send_sticker()
    assert (await wang.wait_message()).text == zh(catalog, "only-text")
    await wang.send_photo(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    assert (await wang.wait_message()).text.startswith("🙋 已把您的消息转给工作人员（工单 #1）")


async def test_over_long_message_is_answered(bot: Bot, catalog: Catalog) -> None:
    """A 4096-character message (Telegram's maximum) gets a normal answer, not an error."""
    alice = bot.emu.user(2011, first_name="Alice", language_code="en")
    await alice.send("x" * 4096)
    reply = await alice.wait_message()
    assert reply.text == en(catalog, "not-understood")


async def test_odd_unicode_name_is_greeted_safely(bot: Bot) -> None:
    """A name with HTML is shown escaped, not parsed; RTL and zero-width characters are removed
    at the edge (bot/hygiene.py), so the name cannot read differently."""
    odd = bot.emu.user(2012, first_name="<b>\u202eevil\u200b</b>&", language_code="en")
    await odd.command("/start")
    reply = await odd.wait_message()
    assert "<b>evil</b>&" in reply.text
    assert "\u202e" not in reply.text


async def test_menu_button_without_its_feature_says_it_is_coming(
    runtime: Runtime, emulator: BotApiEmulator, catalog: Catalog
) -> None:
    """A menu button whose feature is not installed answers honestly that it is coming."""
    without_events = [manifest for manifest in MANIFESTS if manifest.name != "events"]
    async with running_bot(runtime, emulator, poll_timeout=1, manifests=without_events):
        wang = emulator.user(2013, first_name="Wang", language_code="zh")
        await wang.send(zh(catalog, "menu-events"))
        assert (await wang.wait_message()).text == zh(catalog, "feature-coming-soon")


async def test_every_menu_button_answers(bot: Bot, catalog: Catalog) -> None:
    """Each main-menu button, in both languages, gets a reply."""
    for lang, user_id in (("zh", 2014), ("en", 2015)):
        person = bot.emu.user(user_id, first_name="P", language_code=lang)
        for row in menu_rows(catalog, lang):
            for label in row:
                before = len(person.messages)
                await person.send(label)
                await bot.settle()
                assert len(person.messages) > before, f"no answer to {label!r}"


async def test_a_failing_handler_apologises_and_the_bot_keeps_running(
    bot: Bot, catalog: Catalog, caplog: pytest.LogCaptureFixture
) -> None:
    """An exception is logged with the update id; the user gets an apology in their language."""

    async def explode(update: Update, context: FrontdeskContext) -> None:
        raise RuntimeError("boom")

    bot.app.handlers[0].insert(0, CommandHandler("explode", explode))
    alice = bot.emu.user(2016, first_name="Alice", language_code="en")
    with caplog.at_level(logging.ERROR, logger="bot.features.common.handlers"):
        await alice.command("/explode")
        assert (await alice.wait_message()).text == en(catalog, "error-apology")
    record = next(r for r in caplog.records if "failed" in r.getMessage())
    assert record.exc_info is not None
    assert "update" in record.getMessage()
    await alice.command("/help")
    assert "Opening hours" in (await alice.wait_message()).text


async def test_resident_calling_a_staff_command_is_refused_and_logged(
    bot: Bot, catalog: Catalog, caplog: pytest.LogCaptureFixture
) -> None:
    """/staff from a resident: a polite refusal in their language, and a log line."""
    wang = bot.emu.user(2017, first_name="Wang", language_code="zh")
    with caplog.at_level(logging.WARNING, logger="bot.tg.guards"):
        await wang.command("/staff")
        assert (await wang.wait_message()).text == zh(catalog, "refused-staff-only")
    assert any("refused" in r.getMessage() for r in caplog.records)


async def test_staff_see_their_commands(bot: Bot, catalog: Catalog) -> None:
    """A staff member's /staff lists the staff commands."""
    from bot.services import users

    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, 2018, "Li", ["staff"], bot.clock.now())
    li = bot.emu.user(2018, first_name="Li", language_code="zh")
    await li.command("/staff")
    reply = await li.wait_message()
    assert reply.text.startswith("工作人员命令")
    assert "/closure" in reply.text
    assert "/staff " not in reply.text  # the list does not name itself


async def test_commands_are_registered_per_language_and_staff_scope(bot: Bot) -> None:
    """Residents' command lists exist in both languages and never include staff commands."""
    from bot.commands import sync_commands
    from bot.services import users

    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, 2019, "Li", ["staff"], bot.clock.now())
    await sync_commands(bot.app.bot, bot.runtime)
    registered = bot.emu.commands
    default_zh = next(
        v for (scope, lang), v in registered.items() if "default" in scope and lang == "zh"
    )
    default_en = next(
        v for (scope, lang), v in registered.items() if "default" in scope and lang == "en"
    )
    assert {c["command"] for c in default_zh} == {c["command"] for c in default_en}
    assert "staff" not in {c["command"] for c in default_zh}
    staff_scope = next(v for (scope, _), v in registered.items() if "2019" in scope)
    assert "staff" in {c["command"] for c in staff_scope}


async def test_role_changes_take_effect_at_once_despite_the_profile_cache(
    bot: Bot, catalog: Catalog
) -> None:
    """Roles are re-read from the database on every staff command, never from a cache."""
    from bot.services import users

    li = bot.emu.user(2020, first_name="Li", language_code="zh")
    await li.command("/staff")
    assert (await li.wait_message()).text == zh(catalog, "refused-staff-only")
    async with bot.runtime.db.transaction() as session:
        profile = await users.find(session, 2020)
        assert profile is not None
        await users.grant_role(session, profile.id, "staff", bot.clock.now())
    await li.command("/staff")
    assert (await li.wait_message()).text.startswith("工作人员命令")
    async with bot.runtime.db.transaction() as session:
        await users.revoke_role(session, profile.id, "staff")
    await li.command("/staff")
    assert (await li.wait_message()).text == zh(catalog, "refused-staff-only")


def test_profile_cache_expires_and_evicts() -> None:
    """Cached profiles expire after the TTL and the oldest go first when full."""
    from bot.services.users import Profile, ProfileCache

    now = [0.0]
    cache = ProfileCache(maxsize=2, ttl=10, clock=lambda: now[0])
    for telegram_id in (1, 2, 3):
        cache.put(Profile(id=telegram_id, telegram_id=telegram_id, first_name="x", language="zh"))
    assert cache.get(1) is None
    assert cache.get(3) is not None
    now[0] = 11.0
    assert cache.get(3) is None


def test_profile_cache_never_holds_people_with_roles() -> None:
    """Staff profiles are never cached, so their roles always come from the database."""
    from bot.services.users import Profile, ProfileCache

    cache = ProfileCache()
    cache.put(Profile(id=1, telegram_id=1, first_name="x", language="zh"))
    cache.put(
        Profile(id=1, telegram_id=1, first_name="x", language="zh", roles=frozenset({"staff"}))
    )
    assert cache.get(1) is None


async def test_profile_caches_of_other_instances_forget_changes_within_their_recheck(
    database: Database, clock: ManualClock
) -> None:
    """Two instances' caches on one database: a language chosen, a role granted and a person
    forgotten through one are seen by the other at its next recheck (2 s), not after the
    60 s TTL; between rechecks the other reads no counter at all."""
    from bot.services import privacy, users
    from bot.services.users import Person, ProfileCache

    now = [0.0]
    here, there = (ProfileCache(clock=lambda: now[0]) for _ in range(2))
    for cache in (here, there):
        assert cache.due()
        await cache.revalidate(database)
    async with database.transaction() as session:
        new = [Person(7701, "Wang", language_code="zh"), Person(7702, "Zhao", language_code="zh")]
        wang, zhao = [await users.register(session, p, clock.now()) for p in new]
    there.put(wang)
    there.put(zhao)
    async with database.transaction() as session:  # through "here"
        await users.set_language(session, wang.id, "en")
    here.forget(wang.telegram_id)
    now[0] = 1.9
    assert not there.due()
    stale = there.get(7701)  # until the recheck: the hot path read nothing
    assert stale is not None
    assert stale.language == "zh"
    now[0] = 2.0
    assert there.due()
    await there.revalidate(database)
    assert there.get(7701) is None
    assert there.get(7702) is None  # everyone goes: changes that matter are rare
    async with database.read() as session:
        fresh = await users.find(session, 7701)
    assert fresh is not None
    assert fresh.language == "en"
    generation = there.generation
    there.put(zhao, generation)
    async with database.transaction() as session:
        await users.grant_role(session, zhao.id, "staff", clock.now())
    now[0] = 4.0
    await there.revalidate(database)
    assert there.get(7702) is None
    there.put(zhao, generation)  # read before the clear: not cached after it
    assert there.get(7702) is None
    there.put(zhao, there.generation)
    async with database.transaction() as session:
        await privacy.forget_user(session, zhao.id, clock.now())
    now[0] = 6.0
    await there.revalidate(database)
    assert there.get(7702) is None
    await there.revalidate(database)  # nothing changed since: what is cached stays
    there.put(wang, there.generation)
    now[0] = 8.0
    await there.revalidate(database)
    assert there.get(7701) is not None
