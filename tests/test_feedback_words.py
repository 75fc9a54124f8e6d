"""Praise and complaints in free text, end to end (newcomer8, items 2, 3 and 5): about another
place they go to staff in the resident's own words; about the canteen's food they open the
rating with those words as its comment; a rating whose stars and comment are in is sent, not
thrown away, when the resident turns to something else."""

from __future__ import annotations

import json
from datetime import datetime

from bot.clock import SHANGHAI
from bot.i18n import Catalog
from frontdesk_emulator import SimUser
from tests.conftest import Bot
from tests.test_feedback_bot import PNG, feedback_rows, open_form, press, say
from tests.test_helpdesk_private import after, last_id, on_duty

RANT = (
    "我跟你讲哦食堂的饭菜最近越来越差了，排队又长，阿姨态度也不好，"
    + "上个礼拜我去吃中饭，红烧肉又咸又硬，青菜黄了也不换，汤里一点味道都没有，" * 83
    + "你们管不管"
)


async def tell(bot: Bot, who: SimUser, text: str) -> list[str]:
    """Send ``text``; the bot's replies to it, in order."""
    mark = last_id(who)
    await say(bot, who, text)
    return [m.text or "" for m in after(who, mark)]


async def test_praise_and_complaints_about_other_places_reach_staff_in_their_words(
    bot: Bot, catalog: Catalog
) -> None:
    """The service window, the gym, the centre in general: thanks in the resident's language,
    and their words, as written, to the staff on duty; no canteen rating offered."""
    bot.clock.set(datetime(2026, 12, 7, 16, 50, tzinfo=SHANGHAI))
    li = await on_duty(bot, 4300, "Li")
    wang = bot.emu.user(5301, first_name="王阿姨", language_code="zh")
    alice = bot.emu.user(5302, first_name="Alice", language_code="en")
    offer_zh, offer_en = (
        catalog.text("zh", "qa-feedback-offer"),
        catalog.text("en", "qa-feedback-offer"),
    )
    for who, text, lang in [
        (wang, "我要投诉窗口的工作人员态度很差", "zh"),
        (wang, "窗口办事的小姑娘服务老好的要表扬伊", "zh"),
        (wang, "我要表扬", "zh"),  # no place, no food: a person
        (alice, "i want to complain about the noise from the gym", "en"),
    ]:
        mark = last_id(li)
        replies = await tell(bot, who, text)
        assert replies[0] == catalog.text(lang, "ask-feedback-thanks"), text
        assert catalog.text(lang, "ask-feedback-thanks") != ""
        assert any("#" in r for r in replies[1:]), replies  # the ticket it went on as
        assert not any(offer_zh[:6] in r or offer_en[:20] in r for r in replies)
        copies = [m.text or "" for m in after(li, mark)]
        assert any(c.endswith(text) for c in copies), copies
        await say(bot, who, "/done")
    assert await bot.sql("SELECT count(*) FROM tickets") == [(2,)]


async def test_canteen_complaints_keep_their_words_as_the_comment(
    bot: Bot, catalog: Catalog
) -> None:
    """'我要投诉食堂的菜太咸了' / 'the soup was cold': the offer says the words are kept; the
    form shows them, the comment step offers to keep them, and they are what is stored."""
    for uid, text, lang in [
        (5311, "我要投诉食堂的菜太咸了", "zh"),
        (5312, "I want to complain, the soup was cold", "en"),
    ]:
        who = bot.emu.user(uid, first_name="R", language_code=lang)
        [offer] = await tell(bot, who, text)
        assert offer == catalog.text(lang, "qa-feedback-offer-words")
        await press(bot, who, "feedback:open")
        form = who.messages[-1].text or ""
        assert catalog.text(lang, "feedback-start-words", comment=text) in form
        await press(bot, who, "feedback:stars:2")
        await press(bot, who, "feedback:next:tags")
        kept = who.messages[-1]
        assert kept.text.startswith(
            catalog.text(lang, "feedback-comment-prompt-kept", comment=text, limit=1000)[:8]
        )
        assert text in kept.text
        assert catalog.text(lang, "feedback-button-keep-comment") in kept.button_texts()
        await press(bot, who, "feedback:skip:comment")
        await press(bot, who, "feedback:skip:photos")
        await press(bot, who, "feedback:anon:0")
        assert text in (who.messages[-1].text or "")  # the summary: theirs to check
        await press(bot, who, "feedback:confirm:go")
    rows = await feedback_rows(bot)
    assert [r.comment for r in rows] == [
        "我要投诉食堂的菜太咸了",
        "I want to complain, the soup was cold",
    ]
    # Only the request, no words of their own: nothing is put in the comment.
    plain = bot.emu.user(5313, first_name="Q", language_code="zh")
    [offer] = await tell(bot, plain, "我要评价食堂")
    assert offer == catalog.text("zh", "qa-feedback-offer")
    await press(bot, plain, "feedback:open")
    assert "「" not in (plain.messages[-1].text or "")


async def test_a_rating_at_the_photo_step_is_sent_when_the_resident_turns_away(
    bot: Bot, catalog: Catalog
) -> None:
    """A question typed, or another command, at the optional photo step: the rating is sent
    without photos and she is told so, then the message is answered; /cancel still discards.
    The photo step's buttons say what they do."""
    wang = bot.emu.user(5321, first_name="王阿姨", language_code="zh")
    await open_form(bot, wang)
    await press(bot, wang, "feedback:meal:dinner")
    await press(bot, wang, "feedback:stars:5")
    await press(bot, wang, "feedback:tag:taste")
    await press(bot, wang, "feedback:next:tags")
    await say(bot, wang, "表扬一下食堂的王师傅 饭菜很好吃")
    step = wang.messages[-1]
    assert step.button_texts()[0] == catalog.text("zh", "feedback-button-no-photos")
    replies = await tell(bot, wang, "明天卫生站几点开门")
    assert replies[0] == catalog.text("zh", "feedback-saved-on-leaving", photos=0, anonymous="yes")
    assert "没有附照片" in replies[0]
    assert "卫生" in replies[1]  # then the question is answered
    [row] = await feedback_rows(bot)
    assert (row.meal, row.stars, row.comment, row.anonymous) == (
        "dinner", 5, "表扬一下食堂的王师傅 饭菜很好吃", True,
    )  # fmt: skip

    alice = bot.emu.user(5322, first_name="Alice", language_code="en")
    await open_form(bot, alice)
    await press(bot, alice, "feedback:stars:3")
    await say(bot, alice, "Rice was dry")
    await alice.send_photo(PNG)
    await bot.settle()
    assert alice.messages[-1].button_texts()[0] == catalog.text("en", "feedback-button-photos-done")
    replies = await tell(bot, alice, "/myclasses")
    assert replies[0] == catalog.text("en", "feedback-saved-on-leaving", photos=1, anonymous="yes")
    assert "one photo" in replies[0]
    assert not any("not sent" in r or "没有提交" in r for r in replies)
    rows = await feedback_rows(bot)
    assert rows[-1].comment == "Rice was dry"
    assert len(json.loads(rows[-1].photos or "[]")) == 1

    # /cancel at the photo step still discards
    bob = bot.emu.user(5323, first_name="Bob", language_code="en")
    await open_form(bot, bob)
    await press(bot, bob, "feedback:stars:4")
    await say(bot, bob, "ok")
    replies = await tell(bot, bob, "/cancel")
    assert replies[0] == catalog.text("en", "feedback-cancelled")
    assert len(await feedback_rows(bot)) == 2


async def test_a_long_rant_about_the_canteen_gets_the_feedback_path(
    bot: Bot, catalog: Catalog
) -> None:
    """Three thousand characters of complaint about the canteen: not the menu's FAQ but the
    rating, and (too long for a comment) the whole of it goes to staff with a press."""
    assert len(RANT) > 3000
    wang = bot.emu.user(5331, first_name="王阿姨", language_code="zh")
    [offer] = await tell(bot, wang, RANT)
    assert offer == catalog.text("zh", "qa-feedback-offer-long", limit=1000)
    assert wang.messages[-1].button_texts() == [
        catalog.text("zh", "qa-feedback-button"),
        catalog.text("zh", "qa-ask-staff"),
    ]
    await wang.press(catalog.text("zh", "qa-ask-staff"))
    await bot.settle()
    assert await bot.sql("SELECT text FROM ticket_messages") == [(RANT,)]  # whole, not cut


async def test_a_banned_resident_is_told_once_and_not_thanked(bot: Bot, catalog: Catalog) -> None:
    """A resident staff have banned who writes a complaint about the centre (passed on to staff
    as it was written) hears once that it cannot be passed on, in their language, and no
    thanks for passing it on."""
    bot.clock.set(datetime(2026, 12, 7, 16, 50, tzinfo=SHANGHAI))
    li = await on_duty(bot, 4310, "Li")
    wang = bot.emu.user(5321, first_name="王阿姨", language_code="zh")
    alice = bot.emu.user(5322, first_name="Alice", language_code="en")
    for who in (wang, alice):
        await say(bot, who, "/ask")
        await li.press("🚫 屏蔽")
        await li.wait_message(predicate=lambda m: "已屏蔽" in (m.text or ""))
        await say(bot, who, "/done")
    mark = last_id(li)
    assert await tell(bot, wang, "我要投诉窗口的工作人员态度很差") == [
        catalog.text("zh", "hd-banned")
    ]
    assert await tell(bot, alice, "i want to complain about the noise from the gym") == [
        catalog.text("en", "hd-banned")
    ]
    assert after(li, mark) == []
    assert await bot.sql("SELECT count(*) FROM tickets") == [(2,)]


def test_the_kept_comment_prompt_names_its_button_without_a_doubled_jiu(catalog: Catalog) -> None:
    """The comment step read "不改就点就用这段" (bold lost, 就 twice): the button's name is now
    quoted, after a clause of its own."""
    prompt = catalog.text("zh", "feedback-comment-prompt-kept", comment="菜太咸了", limit=1000)
    button = catalog.text("zh", "feedback-button-keep-comment").removesuffix(" ▶")
    assert "就点就" not in prompt.replace("<b>", "").replace("</b>", "")
    assert f"“{button}”" in prompt
