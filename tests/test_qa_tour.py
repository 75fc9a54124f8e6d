"""Regressions found by walking through the product as residents and staff (QA tour)."""

from __future__ import annotations

import re

import pytest

from bot.i18n import LOCALES_DIR, Catalog
from bot.services import users
from bot.understanding.matcher import small_talk
from tests.conftest import Bot
from tests.test_reminders import signed_up_resident

# Tags Telegram's HTML parse mode accepts; anything else in a catalog makes sendMessage fail.
TELEGRAM_TAGS = r"/?(?:b|strong|i|em|u|ins|s|strike|del|code|pre|a|tg-spoiler|blockquote)\b"
CJK = r"[\u4e00-\u9fff\u3001\u3002\uff08\uff09\uff0c\uff1a\uff1b\uff1f\uff01]"


def _catalog_texts(lang: str) -> list[tuple[str, int, str]]:
    """Every non-comment line of a language's catalog files, with placeables removed."""
    found = []
    for path in sorted((LOCALES_DIR / lang).glob("*.ftl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith("#"):
                continue
            found.append((path.name, number, re.sub(r"\{[^{}]*\}", "X", line)))
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_catalog_texts_use_only_tags_telegram_accepts(lang: str) -> None:
    """A literal ``<placeholder>`` in a catalog would make Telegram refuse the whole message."""
    bad = [
        f"{name}:{number}: {line}"
        for name, number, line in _catalog_texts(lang)
        if re.search(rf"<(?!{TELEGRAM_TAGS})", line)
    ]
    assert bad == []


def test_chinese_texts_use_full_width_punctuation() -> None:
    """Chinese sentences use ，：；？！（） rather than ASCII punctuation next to Chinese text."""
    bad = []
    for name, number, line in _catalog_texts("zh"):
        value = re.sub(r"<code>.*?</code>|<[^>]*>|&\w+;(?:\w+;)?", "", line.split("=", 1)[-1])
        if re.search(rf"{CJK}[,:;?!()]|[,:;?!()]{CJK}", value):
            bad.append(f"{name}:{number}: {line}")
    assert bad == []


def test_the_punctuation_check_catches_ascii_commas() -> None:
    """The check above flags a Chinese sentence with an ASCII comma (it cannot pass vacuously)."""
    assert re.search(rf"{CJK}[,:;?!()]|[,:;?!()]{CJK}", "您好,王阿姨")


async def test_ns_edit_without_arguments_shows_the_usage(bot: Bot, catalog: Catalog) -> None:
    """/ns_edit alone (no course yet) answers in words, never with an error; a field not
    understood answers with how to use it."""
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, 7101, "Li", ["staff"], bot.clock.now())
    li = bot.emu.user(7101, first_name="Li", language_code="zh")
    await li.command("/ns_edit")
    await bot.settle()
    texts = [m.text or "" for m in li.messages]
    assert catalog.text("zh", "error-apology") not in texts
    assert catalog.text("zh", "ns-staff-none") in texts
    await li.command("/ns_edit 3 颜色 红")
    await bot.settle()
    assert (li.messages[-1].text or "").startswith("用法：/ns_edit 课程编号 要改的项 新内容")


async def test_the_course_form_names_venues_in_the_staff_members_language(bot: Bot) -> None:
    """/ns_new asks for the venue by its Chinese name, not by internal ids, and accepts the name."""
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, 7102, "Li", ["staff"], bot.clock.now())
    li = bot.emu.user(7102, first_name="Li", language_code="zh")
    await li.command("/ns_new")
    for answer in ["书法", "Calligraphy", "介绍", "About", "张老师"]:
        await li.send(answer)
        await bot.settle()
    prompt = li.messages[-1].text or ""
    assert "长风湾夜校" in prompt
    assert "night_school" not in prompt
    await li.send("长风湾夜校")
    await bot.settle()
    assert "第 7 步" in (li.messages[-1].text or "")


async def test_the_event_form_accepts_a_venue_name(bot: Bot, catalog: Catalog) -> None:
    """/newevent lists venues by name and takes "长风湾活动空间" as well as its id."""
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, 7103, "Li", ["staff"], bot.clock.now())
    li = bot.emu.user(7103, first_name="Li", language_code="zh")
    await li.command("/newevent")
    for answer in ["读书会", "Book club", "一起读书", "Reading together"]:
        await li.send(answer)
        await bot.settle()
    assert "长风湾活动空间" in (li.messages[-1].text or "")
    await li.send("长风湾活动空间")
    await bot.settle()
    assert (li.messages[-1].text or "") == catalog.text("zh", "events-ask-start")


async def test_english_reminder_settings_read_as_english(bot: Bot) -> None:
    """The chosen lead times are listed with an English comma, not the Chinese 、."""
    alice = bot.emu.user(7104, first_name="Alice", language_code="en")
    await signed_up_resident(bot, 7104, "en")
    await alice.command("/reminders")
    settings = await alice.wait_message()
    assert settings.text is not None
    assert "、" not in settings.text
    assert "the evening before (19:00), 1 hour before" in settings.text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("你好", "greeting"),
        ("您好！", "greeting"),
        ("Hello", "greeting"),
        ("good morning", "greeting"),
        ("谢谢", "thanks"),
        ("Thanks!", "thanks"),
        ("你好，食堂几点开门", None),
        ("hello, is the gym open?", None),
        # a newcomer's, offered to staff before: Shanghainese, acknowledgements, farewells
        ("侬好", "greeting"),
        ("您好，请问", "greeting"),
        ("谢谢侬", "thanks"),
        ("晓得了，谢谢侬哦", "thanks"),
        ("辛苦了", "thanks"),
        ("cool, thx", "thanks"),
        ("thank you so much", "thanks"),
        ("再会", "bye"),
        ("Bye!", "bye"),
        ("谢谢，明天食堂开吗", None),
        ("再会 明朝卫生站开伐", None),
        # round sixteen's newcomer: "好的" and "喂喂喂 有人吗" got "can't answer" or an FAQ
        ("好的", "ack"),
        ("知道了", "ack"),
        ("OK", "ack"),
        ("got it", "ack"),
        ("喂喂喂 有人吗", "greeting"),
        ("有人吗？", "greeting"),
        ("anyone there?", "greeting"),
        ("好的 食堂几点开", None),
        ("可以吗", None),
    ],
)
def test_small_talk_is_told_from_questions(text: str, kind: str | None) -> None:
    """Only a bare hello or thank-you counts as small talk; a question with a hello does not."""
    assert small_talk(text) == kind


async def test_a_hello_gets_a_greeting_not_an_offer_to_ask_staff(
    bot: Bot, catalog: Catalog
) -> None:
    """ "你好" is greeted with the menu (not forwarded as a question); "thanks" gets a reply."""
    wang = bot.emu.user(7105, first_name="王阿姨", language_code="zh")
    await wang.send("你好")
    await bot.settle()
    texts = [m.text or "" for m in wang.messages]
    assert any(t.startswith("您好，王阿姨！") for t in texts)
    assert catalog.text("zh", "qa-no-answer") not in texts
    assert await bot.sql("SELECT count(*) FROM staff_questions") == [(0,)]
    alice = bot.emu.user(7106, first_name="Alice", language_code="en")
    await alice.send("thanks")
    await bot.settle()
    assert alice.messages[-1].text == catalog.text("en", "small-talk-thanks")
    await wang.send("再会")
    await bot.settle()
    assert wang.messages[-1].text == catalog.text("zh", "small-talk-bye")
    await wang.send("bye!")  # said in English from a Chinese client: said back in English
    await bot.settle()
    assert wang.messages[-1].text == catalog.text("en", "small-talk-bye")
    await wang.send("好的")
    await bot.settle()
    assert wang.messages[-1].text == catalog.text("zh", "small-talk-ack")
    await wang.send("喂喂喂 有人吗")
    await bot.settle()
    assert (wang.messages[-1].text or "").startswith("您好，王阿姨！")
    assert await bot.sql("SELECT count(*) FROM staff_questions") == [(0,)]


def test_help_mentions_the_resident_commands_that_have_no_menu_button(catalog: Catalog) -> None:
    """/help tells residents about /ask, /myclasses, /reminders, /subscriptions and /privacy."""
    for lang in ("zh", "en"):
        text = catalog.text(lang, "help-text")
        for command in ("/ask", "/myclasses", "/reminders", "/subscriptions", "/privacy"):
            assert command in text, (lang, command)


async def test_answer_usage_is_formatted_not_shown_as_raw_tags(bot: Bot) -> None:
    """/answer alone shows the usage with the command formatted, not a literal "<code>"."""
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, 7107, "Li", ["staff"], bot.clock.now())
    li = bot.emu.user(7107, first_name="Li", language_code="zh")
    await li.command("/answer 1")  # a number and no answer (alone, it lists the questions)
    reply = await li.wait_message()
    assert reply.text is not None
    assert "<code>" not in reply.text
    assert "/answer 编号 回复内容" in reply.text
