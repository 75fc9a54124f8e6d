"""Opening hours end to end: /hours, the menu button, free text, staff closures."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.i18n import Catalog
from bot.services import users
from tests.conftest import Bot

pytestmark = pytest.mark.asyncio
SHANGHAI = ZoneInfo("Asia/Shanghai")


async def make_staff(bot: Bot, telegram_id: int, name: str = "Li") -> None:
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, telegram_id, name, ["staff"], bot.clock.now())


async def test_hours_command_shows_every_venue_and_a_button_each(bot: Bot) -> None:
    """/hours at 10:00 on a Monday: the canteen is closed until lunch, one button per venue."""
    alice = bot.emu.user(3001, first_name="Alice", language_code="en")
    await alice.command("/hours")
    reply = await alice.wait_message()
    assert "Community canteen closed · opens today 11:00" in reply.text
    assert "Community health station open now, until 11:30" in reply.text
    assert len(reply.callback_data()) == len(bot.runtime.centre.venues)
    assert all(len(data.encode()) <= 64 for data in reply.callback_data())


async def test_menu_button_opens_the_hours_overview(bot: Bot, catalog: Catalog) -> None:
    """The big '🕘 开放时间' button answers with the overview in Chinese."""
    wang = bot.emu.user(3002, first_name="王阿姨", language_code="zh-hans")
    await wang.send(catalog.text("zh", "menu-hours"))
    reply = await wang.wait_message()
    assert reply.text.startswith("🕘 开放时间")
    assert "社区食堂" in reply.text


async def test_venue_button_shows_the_week_and_back_returns(bot: Bot) -> None:
    """A venue's button turns the message into its week; '« All venues' turns it back."""
    bot.clock.set(datetime(2026, 9, 28, 9, 0, tzinfo=SHANGHAI))
    alice = bot.emu.user(3003, first_name="Alice", language_code="en")
    await alice.command("/hours")
    overview = await alice.wait_message()
    await alice.press("Community canteen")
    week = await alice.wait_edit(overview)
    assert "Thu 1 Oct: closed (National Day holiday)" in week.text
    assert "021-5266 1690" in week.text
    await alice.press("« All venues")
    back = await alice.wait_edit(overview)
    assert back.text.startswith("🕘 Opening hours")


@pytest.mark.parametrize(
    ("lang", "command", "title"),
    [
        ("zh", "/hours 食堂", "社区食堂 · 未来一周"),
        ("en", "/hours canteen", "Community canteen · the next 7 days"),
        ("en", "/hours Community canteen", "Community canteen · the next 7 days"),
    ],
)
async def test_hours_with_a_venue_shows_that_venues_week(
    bot: Bot, catalog: Catalog, lang: str, command: str, title: str
) -> None:
    """/hours followed by a venue's name or alias (either language) answers with that
    venue's week, not every venue; an unknown name says so and shows every venue."""
    bot.clock.set(datetime(2026, 9, 28, 9, 0, tzinfo=SHANGHAI))
    person = bot.emu.user(3021, first_name="P", language_code=lang)
    await person.command(command)
    week = await person.wait_message()
    assert week.text.startswith(title)
    assert "021-5266 1690" in week.text
    gym = bot.runtime.centre.venue("gym")
    assert gym is not None
    assert gym.name.get(lang) not in week.text
    assert week.button_texts()[0] == catalog.text(lang, "hours-week-back")
    await person.command("/hours nowhere")
    unknown = await person.wait_message()
    assert unknown.text == catalog.text(lang, "hours-unknown-venue", venue="nowhere")
    overview = await person.wait_message()
    assert len(overview.callback_data()) == len(bot.runtime.centre.venues)


async def test_forged_venue_button_is_refused(bot: Bot, catalog: Catalog) -> None:
    """hours:week:<no such venue> changes nothing and gets a clear answer."""
    alice = bot.emu.user(3004, first_name="Alice", language_code="en")
    await alice.command("/hours")
    overview = await alice.wait_message()
    await alice.press_data("hours:week:nosuchvenue", message_id=overview.message_id)
    await bot.settle()
    assert alice.callback_answers[-1].get("text") == catalog.text("en", "button-invalid")
    assert not alice.messages[-1].edited


async def test_free_text_is_answered_for_the_venue_and_day(bot: Bot) -> None:
    """'明天卫生站开吗' on Monday 2 March answers for the health station on Tuesday 3 March."""
    wang = bot.emu.user(3005, first_name="Wang", language_code="zh")
    await wang.send("明天衛生站開嗎？")
    reply = await wang.wait_message()
    assert reply.text.startswith("社区卫生服务站 · 3月3日（周二）：08:00–11:30、13:30–16:30")
    assert reply.button_texts() == ["📅 社区卫生服务站一周安排"]


async def test_two_places_asked_get_a_week_button_each_and_each_opens_its_week(
    bot: Bot,
) -> None:
    """'食堂和健身房明天开吗' answers both, with both weeks a press away (not only the first's)."""
    bot.clock.set(datetime(2026, 9, 28, 9, 0, tzinfo=SHANGHAI))
    wang = bot.emu.user(3011, first_name="Wang", language_code="zh")
    await wang.send("食堂和健身房明天开吗")
    reply = await wang.wait_message()
    assert "社区食堂 · 9月29日（周二）" in reply.text
    assert reply.button_texts() == ["📅 社区食堂一周安排", "📅 长风湾健身房一周安排"]
    await wang.press("📅 长风湾健身房一周安排")
    week = await wang.wait_edit(reply)
    assert week.text.startswith("长风湾健身房")
    alice = bot.emu.user(3012, first_name="Alice", language_code="en")
    await alice.send("Where are the gym and the canteen?")
    card = await alice.wait_message()
    assert len(card.button_texts()) == 2


async def test_english_question_about_a_makeup_working_day(bot: Bot) -> None:
    """On the Saturday 调休 working day, the canteen keeps the hours of the Friday it replaces."""
    bot.clock.set(datetime(2026, 2, 13, 9, 0, tzinfo=SHANGHAI))
    alice = bot.emu.user(3006, first_name="Alice", language_code="en")
    await alice.send("is the canteen open tomorrow?")
    reply = await alice.wait_message()
    assert "Sat 14 Feb" in reply.text
    assert "17:00–18:30 dinner" in reply.text
    assert "make-up working day: open with Friday's hours" in reply.text


async def test_makeup_working_day_hours_say_plainly_which_weekday_they_follow(bot: Bot) -> None:
    """On 2026-09-20 (国庆节调休上班) /hours says "按周二的时间开放" / "open with Tuesday's
    hours" (it said "with Tue hours" in English), and a venue closed on Tuesdays says so."""
    bot.clock.set(datetime(2026, 9, 20, 9, 0, tzinfo=SHANGHAI))
    for uid, lang, said, closed in (
        (3020, "zh", "国庆节调休上班日，按周二的时间开放", "周二这里休息"),
        (3021, "en", "make-up working day: open with Tuesday's hours", "closed on Tuesdays"),
    ):
        who = bot.emu.user(uid, first_name="Li", language_code=lang)
        await who.command("/hours")
        reply = await who.wait_message()
        assert said in reply.text
        assert closed in reply.text
        assert "Tue hours" not in reply.text


async def test_staff_closure_is_shown_to_residents_at_once_and_can_be_removed(
    bot: Bot, catalog: Catalog
) -> None:
    """/closure is stored with its author, residents see it, /unexception takes it back."""
    await make_staff(bot, 3100)
    li = bot.emu.user(3100, first_name="Li", language_code="zh")
    wang = bot.emu.user(3007, first_name="Wang", language_code="zh")
    await li.command("/closure canteen 2026-03-03 设备检修")
    saved = await li.wait_message()
    assert "社区食堂" in saved.text
    assert "设备检修" in saved.text
    await wang.send("明天食堂开吗")
    answer = await wang.wait_message()
    assert "不开放（设备检修）" in answer.text
    await li.command("/exceptions")
    listed = await li.wait_message()
    assert "#1 社区食堂 3月3日（周二） 关闭（设备检修） · Li 设置" in listed.text
    await li.command("/unexception 1")
    asked = await li.wait_message()
    assert "#1 社区食堂 3月3日（周二） 关闭（设备检修） · Li 设置" in asked.text
    await wang.send("明天食堂开吗")  # nothing is withdrawn before the press
    assert "不开放（设备检修）" in (await wang.wait_message()).text
    await li.press(catalog.text("zh", "hours-btn-withdraw-confirm"))
    assert "已撤销 #1" in (await li.wait_edit(asked)).text
    await wang.send("明天食堂开吗")
    assert "17:00–18:30 晚餐" in (await wang.wait_message()).text
    rows = await bot.sql(
        "SELECT created_by IS NOT NULL, removed_by IS NOT NULL FROM venue_exceptions"
    )
    assert rows == [(True, True)]
    audited = await bot.sql("SELECT action, subject, actor_name FROM audit_log ORDER BY id")
    assert audited == [
        ("hours.closure", "venue:canteen", "Li"),
        ("hours.remove", "venue:canteen", "Li"),
    ]


async def test_the_overview_is_made_again_after_a_closure_and_when_the_minute_turns(
    bot: Bot,
) -> None:
    """/hours, made once a minute per language, shows a closure made within that minute at
    once, and the next minute's time once it turns (not before)."""
    await make_staff(bot, 3101)
    li = bot.emu.user(3101, first_name="Li", language_code="en")
    alice = bot.emu.user(3008, first_name="Alice", language_code="en")
    bot.clock.set(datetime(2026, 3, 2, 10, 0, 5, tzinfo=SHANGHAI))
    await alice.command("/hours")
    first = await alice.wait_message()
    assert "Community canteen closed · opens today 11:00" in first.text
    assert "10:00" in first.text.splitlines()[0]
    await li.command("/closure canteen 2026-03-02 repairs")
    await li.wait_message()
    await alice.command("/hours")
    closed = await alice.wait_message()
    assert "Community canteen closed · opens today 11:00" not in closed.text
    assert "repairs" in closed.text
    bot.clock.advance(timedelta(seconds=50))  # 10:00:55: the same minute, the same message
    await alice.command("/hours")
    assert (await alice.wait_message()).text == closed.text
    bot.clock.advance(timedelta(seconds=10))  # 10:01:05
    await alice.command("/hours")
    later = await alice.wait_message()
    assert "10:01" in later.text.splitlines()[0]
    assert "repairs" in later.text


async def test_staff_special_hours_for_a_range(bot: Bot) -> None:
    """/special with a range and hours applies to every day of the range."""
    await make_staff(bot, 3101)
    li = bot.emu.user(3101, first_name="Li", language_code="zh")
    await li.command("/special gym 03-04..03-05 10:00-12:00 inspection")
    assert "3月4日（周三） 至 3月5日（周四） 开放 10:00–12:00" in (await li.wait_message()).text
    alice = bot.emu.user(3008, first_name="Alice", language_code="en")
    await alice.send("gym hours on thursday")
    reply = await alice.wait_message()
    assert "Thu 5 Mar: 10:00–12:00 (inspection)" in reply.text


async def test_closure_reason_in_both_languages_reaches_each_reader_in_theirs(bot: Bot) -> None:
    """ "设备检修 | maintenance" shows Chinese to Chinese readers and English to English ones;
    a Chinese-only reason never reaches an English reader, and staff are told so (issue 16)."""
    await make_staff(bot, 3103)
    li = bot.emu.user(3103, first_name="Li", language_code="zh")
    alice = bot.emu.user(3010, first_name="Alice", language_code="en")
    wang = bot.emu.user(3011, first_name="Wang", language_code="zh")
    await li.command("/closure canteen 2026-03-03 设备检修 | maintenance")
    saved = await li.wait_message()
    assert "英文用户" not in saved.text
    await alice.send("is the canteen open tomorrow")
    assert "(maintenance)" in (await alice.wait_message()).text
    await wang.send("明天食堂开吗")
    assert "不开放（设备检修）" in (await wang.wait_message()).text
    await li.command("/closure gym 2026-03-04 消防检查")
    hint = await li.wait_message()
    assert "英文用户看到的是“special closure”" in hint.text
    await alice.send("gym hours on wednesday")
    answer = await alice.wait_message()
    assert "closed (special closure)" in answer.text
    assert "消防" not in answer.text


async def test_a_one_language_reason_is_explained_alike_for_closures_and_special_hours(
    bot: Bot, catalog: Catalog
) -> None:
    """Special hours with a Chinese-only reason: the staff note names the words English readers
    really get ("special hours", never the closure's), and the English answer uses them."""
    await make_staff(bot, 3104)
    li = bot.emu.user(3104, first_name="Li", language_code="zh")
    alice = bot.emu.user(3013, first_name="Alice", language_code="en")
    await li.command("/special 卫生站 2026-03-07 上午9点到11点 义诊活动")
    saved = await li.wait_message()
    fallback = catalog.text("en", "hours-reason-exception-hours")
    assert f"英文用户看到的是“{fallback}”" in saved.text
    assert catalog.text("en", "hours-reason-exception-closed") not in saved.text
    await alice.send("is the health station open on saturday")
    answer = await alice.wait_message()
    assert f"09:00–11:00 ({fallback})" in answer.text
    assert "义诊" not in answer.text
    bob = bot.emu.user(3105, first_name="Bob", language_code="en")
    await make_staff(bot, 3105)
    await bob.command("/closure gym 2026-03-04 fire inspection")
    note = (await bob.wait_message()).text
    assert 'Chinese readers see "临时关闭"' in note


async def test_the_list_of_exceptions_shows_the_reason_in_the_readers_language(
    bot: Bot,
) -> None:
    """/exceptions gives the half of a two-language reason that the staff member reads, never
    the stored object ("zh='…' en='…'")."""
    await make_staff(bot, 3106)
    await make_staff(bot, 3107)
    li = bot.emu.user(3106, first_name="Li", language_code="zh")
    ann = bot.emu.user(3107, first_name="Ann", language_code="en")
    await li.command("/closure 食堂 2026-03-05 设备检修 | equipment maintenance")
    saved = await li.wait_message()
    assert "关闭（设备检修 / equipment maintenance）" in saved.text
    await li.command("/exceptions")
    listed = (await li.wait_message()).text
    assert "关闭（设备检修） · Li 设置" in listed
    assert "zh=" not in listed
    assert "equipment" not in listed
    await ann.command("/exceptions")
    english = (await ann.wait_message()).text
    assert "closed (equipment maintenance) · by Li" in english
    assert "设备" not in english


@pytest.mark.parametrize(
    ("command", "key"),
    [
        ("/closure", "hours-exc-ask-venue-closed"),
        ("/closure nowhere 2026-03-03", "hours-staff-unknown-venue"),
        ("/closure canteen 31/31", "hours-staff-bad-date"),
        ("/special canteen 2026-03-03 9am", "hours-staff-bad-hours"),
        ("/closure canteen 2026-03-05..2026-03-04", "hours-staff-error-dates_reversed"),
        ("/unexception abc", "hours-staff-unexception-usage"),
    ],
)
async def test_bad_staff_input_gets_a_polite_explanation(
    bot: Bot, catalog: Catalog, command: str, key: str
) -> None:
    """Malformed staff commands are explained, nothing is stored."""
    await make_staff(bot, 3102)
    li = bot.emu.user(3102, first_name="Li", language_code="zh")  # staff bootstrapped in zh
    await li.command(command)
    reply = await li.wait_message()
    expected = re.sub(r"<[^>]+>", "", catalog.text("zh", key, venues="", venue="", text=""))
    assert reply.text[:6] == expected[:6]
    assert await bot.sql("SELECT count(*) FROM venue_exceptions") == [(0,)]


async def test_residents_cannot_close_venues(bot: Bot, catalog: Catalog) -> None:
    """/closure from a resident is refused and stores nothing."""
    wang = bot.emu.user(3009, first_name="Wang", language_code="zh")
    await wang.command("/closure canteen 2026-03-03")
    assert (await wang.wait_message()).text == catalog.text("zh", "refused-staff-only")
    assert await bot.sql("SELECT count(*) FROM venue_exceptions") == [(0,)]


async def test_faq_question_and_did_you_mean(bot: Bot) -> None:
    """A clear FAQ question is answered; a vague one offers topics, and a press answers it."""
    alice = bot.emu.user(3010, first_name="Alice", language_code="en")
    await alice.send("wifi pasword?")
    assert "1690-Free" in (await alice.wait_message()).text
    await alice.send("how much does it cost")  # prices of what? (lunch would be answered)
    offer = await alice.wait_message()
    assert "Canteen prices" in offer.button_texts()
    assert offer.button_texts()[-1] == "🙋 Ask a person"
    await alice.press("Canteen prices")
    assert "about 15 yuan" in (await alice.wait_message()).text


async def test_staff_withdraw_a_closure_picked_from_the_list(bot: Bot, catalog: Catalog) -> None:
    """/unexception alone lists the closures as buttons; a press withdraws one; the venue is
    named in words ("食堂"), never a code; a resident's press is refused (issue 16)."""
    await make_staff(bot, 3110)
    li = bot.emu.user(3110, first_name="Li", language_code="zh")
    await li.command("/closure")
    ask = await li.wait_message()
    assert "社区食堂" in ask.button_texts()
    assert "canteen" not in " ".join(ask.button_texts())
    await li.command("/cancel")
    await li.wait_message()
    await li.command("/closure 食堂 3月3日 设备检修")
    assert "社区食堂" in (await li.wait_message()).text
    await li.command("/unexception")
    listing = await li.wait_message()
    assert listing.text == catalog.text("zh", "hours-staff-pick-withdraw")
    assert listing.callback_data() == ["hours:unexc:1"]
    wang = bot.emu.user(3012, first_name="Wang", language_code="zh")
    await wang.command("/start")
    await wang.press_data("hours:unexc:1", await wang.wait_message())
    await bot.settle()
    assert wang.callback_answers[-1].get("text") == catalog.text("zh", "refused-staff-only")
    await li.press("hours:unexc:1")
    asked = await li.wait_message()
    assert asked.callback_data() == ["hours:unexok:1", "hours:unexkeep:1"]
    await wang.press_data("hours:unexok:1", wang.last)  # the confirmation, forged by a resident
    await bot.settle()
    assert wang.callback_answers[-1].get("text") == catalog.text("zh", "refused-staff-only")
    assert await bot.sql("SELECT removed_at IS NOT NULL FROM venue_exceptions") == [(False,)]
    await li.press(catalog.text("zh", "hours-btn-withdraw-confirm"))
    assert "已撤销 #1" in (await li.wait_edit(asked)).text
    assert await bot.sql("SELECT removed_at IS NOT NULL FROM venue_exceptions") == [(True,)]


@pytest.mark.parametrize(
    ("lang", "gym_question", "studio_question", "closed", "opens"),
    [
        (
            "zh",
            "圣诞节健身房开吗",
            "圣诞节照相馆开吗",
            "长风湾健身房 · 12月25日（周五）：不开放",
            "公益照相馆 · ",
        ),
        (
            "en",
            "is the gym open on christmas?",
            "is the photo studio open on christmas?",
            "Changfeng Bay gym · Fri 25 Dec: closed",
            "Photo studio · ",
        ),
    ],
)
async def test_a_festival_that_is_no_day_off_leads_with_the_closure_of_a_closed_venue(
    bot: Bot, catalog: Catalog, lang: str, gym_question: str, studio_question: str, closed: str,
    opens: str,
) -> None:  # fmt: skip
    """Christmas with the gym closed by staff 24–26 Dec: the answer starts with the closure,
    not with "圣诞节不放假。" (which read as "open"); an open venue still hears it first."""
    bot.clock.set(datetime(2026, 12, 20, 10, 0, tzinfo=SHANGHAI))
    await make_staff(bot, 3120)
    li = bot.emu.user(3120, first_name="Li", language_code="zh")
    await li.command("/closure gym 2026-12-24..2026-12-26 设备检修 | maintenance")
    await li.wait_message()
    resident = bot.emu.user(3121, language_code=lang)
    await resident.send(gym_question)
    gym = (await resident.wait_message()).text or ""
    assert gym.startswith(closed), gym
    await resident.send(studio_question)
    studio = (await resident.wait_message()).text or ""
    note = catalog.text(lang, "qa-ordinary-festival", name="圣诞节")
    assert studio.startswith(f"{note}\n{opens}"), studio
