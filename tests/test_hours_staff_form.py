"""/closure and /special asked step by step (issue 16): venue buttons a page at a time (or the
name typed in either language), the days in words, the hours, a reason, a preview to publish."""

from __future__ import annotations

from datetime import date

import pytest

from bot.features.hours.service import add_exception, parse_days, parse_hours
from bot.i18n import Catalog
from bot.services import users
from bot.services.holiday_calendar import HolidayCalendar
from bot.tg.reply import plain
from tests.conftest import Bot


async def make_staff(bot: Bot, telegram_id: int, lang: str) -> None:
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, telegram_id, "Li", ["staff"], bot.clock.now())
        profile = await users.find(session, telegram_id)
        assert profile is not None
        await users.set_language(session, profile.id, lang)


@pytest.mark.parametrize(
    ("words", "first", "last"),
    [
        ("下周四", date(2026, 3, 12), date(2026, 3, 12)),
        ("明天", date(2026, 3, 3), date(2026, 3, 3)),
        ("tomorrow", date(2026, 3, 3), date(2026, 3, 3)),
        ("3月24日到26日", date(2026, 3, 24), date(2026, 3, 26)),
        ("3月30日至4月2日", date(2026, 3, 30), date(2026, 4, 2)),
        ("3月30日到2日", date(2026, 3, 30), date(2026, 4, 2)),
        ("24 Mar - 26 Mar", date(2026, 3, 24), date(2026, 3, 26)),
        ("from 24 march to 26 march", date(2026, 3, 24), date(2026, 3, 26)),
        ("这个周末", date(2026, 3, 7), date(2026, 3, 8)),
        ("2026-03-24", date(2026, 3, 24), date(2026, 3, 24)),
        # the month named once, after both days (day first, as British English writes it)
        ("24-26 March", date(2026, 3, 24), date(2026, 3, 26)),
        ("24th to 26th Mar.", date(2026, 3, 24), date(2026, 3, 26)),
        ("from 30 to 31 mar", date(2026, 3, 30), date(2026, 3, 31)),
        ("28–30 Dec 2026", date(2026, 12, 28), date(2026, 12, 30)),
    ],
)
def test_days_are_understood_in_words(words: str, first: date, last: date) -> None:
    """Staff name the days as they would to a colleague (Monday 2 March 2026)."""
    assert parse_days(words, date(2026, 3, 2), HolidayCalendar()) == (first, last)


@pytest.mark.parametrize(
    "words", ["下周四开会", "blah", "3月24日到31日吧", "x" * 5000, "", "24-40 March", "24-26 Marhc"]
)
def test_other_words_are_no_days(words: str) -> None:
    """Anything besides the days is refused, so nothing is guessed."""
    assert parse_days(words, date(2026, 3, 2), HolidayCalendar()) is None


def test_hours_in_words() -> None:
    """Special hours as 09:00-12:00 or in words; a lone time is no span and is refused."""
    assert [(i.start, i.end) for i in parse_hours("上午9点到12点，下午2点到5点")] == [
        (540, 720),
        (840, 1020),
    ]
    assert [(i.start, i.end) for i in parse_hours("10am-4pm")] == [(600, 960)]
    assert [(i.start, i.end) for i in parse_hours("09:00-12:00,14:00-17:00")] == [
        (540, 720),
        (840, 1020),
    ]
    # Spans separated only by a space (a newcomer's "9:00-11:00 14:00-16:00" kept the morning
    # and dropped the afternoon without a word).
    for spaced in ("9:00-11:00 14:00-16:00", "上午9点到11点 下午2点到4点"):
        assert [(i.start, i.end) for i in parse_hours(spaced)] == [(540, 660), (840, 960)]
    for bad in ("10点", "sometime", "9" * 500, "9:00-11:00 14:00", "9点到11点还有14点"):
        with pytest.raises(ValueError, match=r"\w"):
            parse_hours(bad)  # never a part of what was typed silently dropped


async def test_closure_in_chinese_by_buttons_and_words(bot: Bot, catalog: Catalog) -> None:
    """Venue pressed on the second page, "3月24日到26日", a two-language reason, preview, publish:
    stored, audited, and a resident asking sees the closure in Chinese."""
    await make_staff(bot, 3301, "zh")
    li = bot.emu.user(3301, first_name="Li", language_code="zh")
    await li.command("/closure")
    ask = await li.wait_message()
    assert ask.text == catalog.text("zh", "hours-exc-ask-venue-closed")
    assert "社区食堂" in ask.button_texts()
    assert "canteen" not in " ".join(ask.button_texts())
    assert "下一页 ▶" in ask.button_texts()
    assert "健身房" not in " ".join(ask.button_texts())  # on the second page
    await li.press("下一页 ▶")
    turned = await li.wait_edit(ask)
    gym = next(label for label in turned.button_texts() if "健身" in label)
    await li.press(gym)
    ask_dates = await li.wait_message()
    assert "哪一天" in ask_dates.text
    await li.send("3月24日到26日")
    ask_reason = await li.wait_message()
    assert ask_reason.text == catalog.text("zh", "hours-exc-ask-reason")
    await li.send("设备检修 | maintenance")
    preview = await li.wait_message()
    assert "3月24日" in preview.text
    assert "3月26日" in preview.text
    assert "中文用户看到：设备检修" in preview.text
    assert "英文用户看到：maintenance" in preview.text
    assert await bot.sql("SELECT count(*) FROM venue_exceptions") == [(0,)]
    await li.press("✅ 确认发布")
    saved = await li.wait_edit(preview)
    assert "已记录" in saved.text
    rows = await bot.sql(
        "SELECT venue_id, start_date, end_date, kind, reason FROM venue_exceptions"
    )
    assert [tuple(str(v) for v in row) for row in rows] == [
        ("gym", "2026-03-24", "2026-03-26", "closed", "设备检修 | maintenance")
    ]
    assert await bot.sql("SELECT action FROM audit_log WHERE action LIKE 'hours.%'") == [
        ("hours.closure",)
    ]
    wang = bot.emu.user(3302, first_name="Wang", language_code="zh")
    await wang.send("3月25日健身房开吗")
    answer = await wang.wait_message()
    assert "设备检修" in answer.text


@pytest.mark.parametrize(
    ("lang", "backwards", "again", "days"),
    [
        ("en", "26-24 March", "Please write the days again", "24-26 March"),
        ("zh", "3月26日到3月24日", "请重新写一下日期", "3月24日到26日"),
    ],
)
async def test_days_written_backwards_are_refused_and_asked_again(
    bot: Bot, lang: str, backwards: str, again: str, days: str
) -> None:
    """An end before the start is refused with what to do next, the form still on the days;
    "24-26 March" (the month once, after both days) is then read."""
    await make_staff(bot, 3310, lang)
    zhao = bot.emu.user(3310, first_name="Zhao", language_code=lang)
    await zhao.command("/closure canteen")
    await zhao.wait_message()
    await zhao.send(backwards)
    refused = await zhao.wait_message()
    assert again in refused.text
    await zhao.send(days)
    await zhao.wait_message(predicate=lambda m: m.message_id != refused.message_id)
    await zhao.press("No reason" if lang == "en" else "不写原因")
    preview = await zhao.wait_message()
    assert ("24 Mar" if lang == "en" else "3月24日") in preview.text


async def test_special_hours_in_english_with_the_name_typed(bot: Bot, catalog: Catalog) -> None:
    """ "/special", the venue typed ("canteen"), "tomorrow", hours in words, no reason: the
    preview shows the hours and what each language reads; publishing stores them."""
    await make_staff(bot, 3303, "en")
    alice = bot.emu.user(3303, first_name="Alice", language_code="en")
    await alice.command("/special")
    ask = await alice.wait_message()
    assert ask.text == catalog.text("en", "hours-exc-ask-venue-hours")
    assert "Community canteen" in ask.button_texts()
    await alice.send("the moon")  # no such venue: told so, the buttons again
    unknown = await alice.wait_message()
    assert unknown.text.startswith("There is no venue the moon")
    assert "Community canteen" in unknown.button_texts()
    await alice.send("食堂")  # a Chinese name works for English staff too
    await alice.wait_message()
    await alice.send("whenever")
    bad = await alice.wait_message()
    assert bad.text == plain(catalog.text("en", "hours-staff-bad-date", text="whenever"))
    await alice.send("tomorrow")
    ask_hours = await alice.wait_message()
    assert "Tue 3 Mar" in ask_hours.text
    await alice.send("10 o'clock")
    assert "I can't read the hours" in (await alice.wait_message()).text
    await alice.send("10am-2pm")
    ask_reason = await alice.wait_message()
    await alice.press("No reason")
    preview = await alice.wait_message()
    assert "10:00" in preview.text
    assert "14:00" in preview.text
    assert catalog.text("en", "hours-exc-no-reason") in preview.text
    await alice.send("ok")  # text while the preview waits: the two buttons come again
    again = await alice.wait_message()
    assert again.text == plain(catalog.text("en", "hours-exc-press-a-button"))
    assert again.button_texts() == preview.button_texts() == ["✅ Publish", "✖️ Drop"]
    await alice.press("✅ Publish")
    saved = await alice.wait_edit(again)
    assert "Community canteen" in saved.text
    rows = await bot.sql("SELECT venue_id, start_date, kind, intervals FROM venue_exceptions")
    assert [tuple(str(v) for v in row) for row in rows] == [
        ("canteen", "2026-03-03", "hours", "10:00-14:00")
    ]
    assert ask_reason.button_texts() == ["No reason"]


async def test_venue_given_with_the_command_then_dropped(bot: Bot, catalog: Catalog) -> None:
    """ "/closure 食堂" asks the days at once; a one-language reason is shown as the others will
    read it; "Drop" stores nothing; a day in the past is explained and asked again."""
    await make_staff(bot, 3304, "zh")
    li = bot.emu.user(3304, first_name="Li", language_code="zh")
    await li.command("/closure 食堂")
    assert "社区食堂" in (await li.wait_message()).text
    await li.send("3月1日")
    past = await li.wait_message()
    assert past.text.startswith(catalog.text("zh", "hours-staff-error-in_the_past"))
    assert catalog.text("zh", "hours-staff-dates-again") in past.text
    await li.send("下周四")
    await li.wait_message()
    await li.send("停电")
    preview = await li.wait_message()
    assert "3月12日" in preview.text
    assert f"英文用户看到：{catalog.text('en', 'hours-reason-exception-closed')}" in preview.text
    await li.press("✖️ 放弃")
    dropped = await li.wait_edit(preview)
    assert dropped.text == catalog.text("zh", "hours-exc-dropped")
    await li.command("/special 健身房 明天")  # the venue and the day given: the hours asked
    assert (await li.wait_message()).text.startswith("3月3日")
    await li.command("/cancel")
    await li.wait_message()
    assert await bot.sql("SELECT count(*) FROM venue_exceptions") == [(0,)]


async def test_overlapping_special_hours_are_warned_of_and_need_confirming(
    bot: Bot, catalog: Catalog
) -> None:
    """Special hours over days a venue already has an entry for: the preview (of the guided
    form, and of the one-line form, which otherwise stores at once) names the existing entry
    and warns; "Drop" stores nothing, "Publish" stores the new one beside it. Another venue,
    or days that do not touch, are stored with no warning."""
    await make_staff(bot, 3311, "zh")
    await make_staff(bot, 3312, "en")
    li = bot.emu.user(3311, first_name="Li", language_code="zh")
    alice = bot.emu.user(3312, first_name="Alice", language_code="en")
    await li.command("/special 健身房 3月10日到12日 10:00-12:00 检修")
    first = await li.wait_message()
    assert first.text.startswith("✅")
    (existing_id,) = (await bot.sql("SELECT id FROM venue_exceptions"))[0]
    await li.command("/special 食堂 3月11日 10:00-12:00")  # another venue: no warning
    assert (await li.wait_message()).text.startswith("✅")
    await li.command("/special 健身房 3月13日 10:00-12:00")  # the next day: no warning
    assert (await li.wait_message()).text.startswith("✅")
    await li.command("/special 健身房 3月12日 14:00-16:00")  # one line, overlapping
    warned = await li.wait_message()
    assert "⚠️ 这几天已经有一条临时调整" in warned.text
    gym = bot.runtime.centre.venue("gym")
    assert gym is not None
    assert f"#{existing_id} {gym.name.zh} 3月10日（周二） 至 3月12日（周四）" in warned.text
    assert warned.button_texts() == [
        catalog.text("zh", "hours-exc-btn-confirm"),
        catalog.text("zh", "hours-exc-btn-drop"),
    ]
    assert await bot.sql("SELECT count(*) FROM venue_exceptions") == [(3,)]
    await li.press(catalog.text("zh", "hours-exc-btn-drop"))
    assert (await li.wait_edit(warned)).text == catalog.text("zh", "hours-exc-dropped")
    assert await bot.sql("SELECT count(*) FROM venue_exceptions") == [(3,)]
    await alice.command("/special")  # the guided form, in English
    await alice.wait_message()
    await alice.send("gym")
    await alice.wait_message()
    await alice.send("11 Mar")
    await alice.wait_message()
    await alice.send("2pm-4pm")
    await alice.wait_message()
    await alice.press("No reason")
    preview = await alice.wait_message()
    assert "⚠️ An entry already covers some of these days:" in preview.text
    assert f"#{existing_id} {gym.name.en} " in preview.text
    await alice.press("✅ Publish")
    saved = await alice.wait_edit(preview)
    assert saved.text.startswith("✅ Saved")
    rows = await bot.sql(
        "SELECT start_date, intervals FROM venue_exceptions WHERE venue_id = 'gym' ORDER BY id"
    )
    assert [tuple(str(v) for v in row) for row in rows] == [
        ("2026-03-10", "10:00-12:00"),
        ("2026-03-13", "10:00-12:00"),
        ("2026-03-11", "14:00-16:00"),
    ]


async def test_special_hours_past_midnight_are_previewed_before_residents_see_them(
    bot: Bot, catalog: Catalog
) -> None:
    """A one-line ``/special 食堂 下周一 9:00-8:00`` (a typo for 18:00) is not stored at once:
    the preview says it runs into the next day, "Drop" stores nothing, and a real late opening
    is still published with one press; in English the guided form warns the same way, and
    hours within the day are stored at once as before."""
    await make_staff(bot, 3313, "zh")
    await make_staff(bot, 3314, "en")
    li = bot.emu.user(3313, first_name="Li", language_code="zh")
    alice = bot.emu.user(3314, first_name="Alice", language_code="en")
    await li.command("/special 食堂 下周一 9:00-8:00")
    warned = await li.wait_message()
    assert "⚠️ 09:00–次日08:00 跨过了午夜" in warned.text
    assert "9:00-18:00" in warned.text
    assert warned.button_texts() == [
        catalog.text("zh", "hours-exc-btn-confirm"),
        catalog.text("zh", "hours-exc-btn-drop"),
    ]
    assert await bot.sql("SELECT count(*) FROM venue_exceptions") == [(0,)]
    await li.press(catalog.text("zh", "hours-exc-btn-drop"))
    assert (await li.wait_edit(warned)).text == catalog.text("zh", "hours-exc-dropped")
    assert await bot.sql("SELECT count(*) FROM venue_exceptions") == [(0,)]
    await li.command("/special 食堂 下周一 9:00-18:00")  # the day only: stored at once
    assert (await li.wait_message()).text.startswith("✅")
    await li.command("/special 健身房 3月13日 18:00-01:30 夜跑活动")  # a real late opening
    late = await li.wait_message()
    assert "18:00–次日01:30" in late.text
    await li.press(catalog.text("zh", "hours-exc-btn-confirm"))
    assert (await li.wait_edit(late)).text.startswith("✅")
    await alice.command("/special")
    await alice.wait_message()
    for answer in ("canteen", "14 Mar", "9:00-8:00"):
        await alice.send(answer)
        await alice.wait_message()
    await alice.press("No reason")
    preview = await alice.wait_message()
    assert "⚠️ 09:00–08:00 (next day) runs past midnight" in preview.text
    rows = await bot.sql("SELECT venue_id, start_date, intervals FROM venue_exceptions ORDER BY id")
    assert [tuple(str(v) for v in row) for row in rows] == [
        ("canteen", "2026-03-09", "09:00-18:00"),
        ("gym", "2026-03-13", "18:00-01:30"),
    ]


async def test_special_hours_preview_and_saved_note_agree_on_the_fallback(
    bot: Bot, catalog: Catalog
) -> None:
    """Special hours step by step with a Chinese-only reason: the preview and the note after
    publishing both name the words English readers get for special hours, not a closure's."""
    await make_staff(bot, 3305, "zh")
    li = bot.emu.user(3305, first_name="Li", language_code="zh")
    await li.command("/special")
    await li.wait_message()
    for answer in ("卫生站", "下周六", "上午9点到11点"):
        await li.send(answer)
        await li.wait_message()
    await li.send("义诊活动")
    preview = await li.wait_message()
    fallback = catalog.text("en", "hours-reason-exception-hours")
    assert f"英文用户看到：{fallback}" in preview.text
    await li.press("✅ 确认发布")
    saved = await li.wait_edit(preview)
    assert f"英文用户看到的是“{fallback}”" in saved.text
    assert catalog.text("en", "hours-reason-exception-closed") not in saved.text


async def test_odd_and_over_long_answers_are_refused_politely(bot: Bot, catalog: Catalog) -> None:
    """A 5000-character venue, days or reason, a sticker, and /cancel: polite answers (the
    reason asked again with its "no reason" button each time), nothing stored."""
    await make_staff(bot, 3305, "zh")
    li = bot.emu.user(3305, first_name="Li", language_code="zh")
    await li.command("/closure")
    await li.wait_message()
    await li.send("馆" * 5000)
    assert (await li.wait_message()).text.startswith("没有这个场馆：" + "馆" * 10)
    await li.send("健身房")
    await li.wait_message()
    await li.send("明" * 5000)
    assert "看不懂日期" in (await li.wait_message()).text
    await li.send("明天")
    await li.wait_message()
    await li.send("原因" * 150)
    too_long = await li.wait_message()
    assert too_long.text == catalog.text("zh", "hours-staff-error-reason_too_long")
    no_reason = [catalog.text("zh", "hours-exc-btn-no-reason")]
    assert too_long.button_texts() == no_reason  # asked again with the step's button
    await li.send_sticker()
    sticker = await li.wait_message()
    assert sticker.text == catalog.text("zh", "hours-exc-text-only")
    assert sticker.button_texts() == no_reason
    await li.command("/cancel")
    assert (await li.wait_message()).text == catalog.text("zh", "hours-exc-dropped")
    assert await bot.sql("SELECT count(*) FROM venue_exceptions") == [(0,)]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_forged_and_stale_buttons_store_nothing(
    bot: Bot, catalog: Catalog, lang: str
) -> None:
    """A forged venue during the form is refused; a Publish press outside any form (or by a
    resident) is a stale button; nothing is stored."""
    await make_staff(bot, 3306, lang)
    li = bot.emu.user(3306, first_name="Li", language_code=lang)
    await li.command("/closure")
    ask = await li.wait_message()
    await li.press_data("hours:excv:nosuchvenue", ask)
    await bot.settle()
    assert li.callback_answers[-1].get("text") == catalog.text(lang, "button-invalid")
    await li.press_data("hours:excp:0", ask)  # the page already shown: nothing to turn
    await li.press_data("hours:excp:99999", ask)  # past the end: the last page
    await bot.settle()
    assert catalog.text(lang, "error-apology") not in [m.text for m in li.messages]
    await li.command("/cancel")
    await li.wait_message()
    await li.press_data("hours:excok", ask)
    await bot.settle()
    assert li.callback_answers[-1].get("text") == catalog.text(lang, "button-invalid")
    wang = bot.emu.user(3307, first_name="Wang", language_code=lang)
    await wang.command("/start")
    start = await wang.wait_message()
    await wang.press_data("hours:excok", start)
    await bot.settle()
    assert wang.callback_answers[-1].get("text") == catalog.text(lang, "button-invalid")
    assert await bot.sql("SELECT count(*) FROM venue_exceptions") == [(0,)]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_resident_cannot_start_the_form(bot: Bot, catalog: Catalog, lang: str) -> None:
    """/closure and /special alone from a resident are refused in their language."""
    wang = bot.emu.user(3308, first_name="Wang", language_code=lang)
    for command in ("/closure", "/special"):
        await wang.command(command)
        assert (await wang.wait_message()).text == plain(catalog.text(lang, "refused-staff-only"))
    await wang.send("食堂")  # not in a form: answered as a question, nothing stored
    await wang.wait_message()
    assert await bot.sql("SELECT count(*) FROM venue_exceptions") == [(0,)]


@pytest.mark.parametrize(("lang", "venue"), [("zh", "卫生站"), ("en", "Health station")])
async def test_special_left_for_another_command_names_special_to_start_again(
    bot: Bot, catalog: Catalog, lang: str, venue: str
) -> None:
    """/special left half-done for /exceptions says "send /special again", not /closure (the
    form's other command); /closure left the same way still names /closure."""
    await make_staff(bot, 3309, lang)
    li = bot.emu.user(3309, first_name="Li", language_code=lang)
    for command in ("/special", "/closure"):
        await li.command(command)
        await li.wait_message()
        await li.send(venue)
        await li.wait_message()
        await li.command("/exceptions")
        put_aside = await li.wait_message()
        assert put_aside.text == plain(catalog.text(lang, "form-put-aside", command=command))
        await li.wait_message()  # the list of exceptions itself
    assert await bot.sql("SELECT count(*) FROM venue_exceptions") == [(0,)]


async def _many_closures(bot: Bot, count: int) -> None:
    """``count`` one-day closures of the canteen from 10 March on, stored as /closure does."""
    async with bot.runtime.db.transaction() as session:
        for n in range(count):
            await add_exception(
                session,
                bot.runtime.centre,
                venue_id="canteen",
                start=date(2026, 3, 10 + n),
                end=date(2026, 3, 10 + n),
                intervals=(),
                reason=None,
                by_user=1,
                now=bot.clock.now(),
                today=date(2026, 3, 2),
            )


@pytest.mark.parametrize(
    ("lang", "venue", "last_day"),
    [("zh", "社区食堂", "3月20日"), ("en", "Community canteen", "20 Mar")],
)
async def test_unexception_lists_a_page_at_a_time(
    bot: Bot, catalog: Catalog, lang: str, venue: str, last_day: str
) -> None:
    """/unexception alone shows eight closures a page (soonest first, venue and days in the
    staff member's language); ▶ turns to the rest, a press there asks, and the confirmation
    withdraws that one."""
    await make_staff(bot, 3310, lang)
    await _many_closures(bot, 11)
    li = bot.emu.user(3310, first_name="Li", language_code=lang)
    await li.command("/unexception")
    listing = await li.wait_message()
    assert listing.text == catalog.text(lang, "hours-staff-pick-withdraw")
    first = [d for d in listing.callback_data() if d.startswith("hours:unexc:")]
    assert first == [f"hours:unexc:{n}" for n in range(1, 9)]
    assert all(venue in label for label in listing.button_texts()[:8])
    assert catalog.text(lang, "pick-next") in listing.button_texts()
    assert catalog.text(lang, "pick-previous") not in listing.button_texts()
    await li.press(catalog.text(lang, "pick-next"))
    turned = await li.wait_edit(listing)
    rest = [d for d in turned.callback_data() if d.startswith("hours:unexc:")]
    assert rest == ["hours:unexc:9", "hours:unexc:10", "hours:unexc:11"]
    assert catalog.text(lang, "pick-previous") in turned.button_texts()
    last = next(label for label in turned.button_texts() if label.startswith("#11 "))
    assert last_day in last
    await li.press(last)
    asked = await li.wait_message()
    assert "#11" in asked.text
    await li.press(catalog.text(lang, "hours-btn-withdraw-confirm"))
    assert "#11" in (await li.wait_edit(asked)).text
    removed = await bot.sql("SELECT id FROM venue_exceptions WHERE removed_at IS NOT NULL")
    assert removed == [(11,)]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_unexception_pages_forged_or_by_a_resident(
    bot: Bot, catalog: Catalog, lang: str
) -> None:
    """A forged page (far past the end, the page shown) is a quiet no-op or the last page; a
    resident's /unexception and page press are refused; nothing is withdrawn."""
    await make_staff(bot, 3311, lang)
    await _many_closures(bot, 9)
    li = bot.emu.user(3311, first_name="Li", language_code=lang)
    await li.command("/unexception")
    listing = await li.wait_message()
    await li.press_data("hours:unexp:0", listing)  # the page shown already
    await bot.settle()
    await li.press_data("hours:unexp:99999", listing)  # past the end: the last page
    turned = await li.wait_edit(listing)
    assert catalog.text(lang, "error-apology") not in [m.text for m in li.messages]
    assert [d for d in turned.callback_data() if d.startswith("hours:unexc:")] == ["hours:unexc:9"]
    await li.press_data("hours:unexp:x", listing)
    await bot.settle()
    assert li.callback_answers[-1].get("text") == catalog.text(lang, "button-invalid")
    wang = bot.emu.user(3312, first_name="Wang", language_code=lang)
    await wang.command("/unexception")
    assert (await wang.wait_message()).text == plain(catalog.text(lang, "refused-staff-only"))
    await wang.command("/start")
    await wang.press_data("hours:unexp:1", await wang.wait_message())
    await bot.settle()
    assert wang.callback_answers[-1].get("text") == catalog.text(lang, "refused-staff-only")
    assert await bot.sql("SELECT count(*) FROM venue_exceptions WHERE removed_at IS NULL") == [(9,)]


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("zh", "#1 社区食堂 3月10日（周二） 关闭 · Li 设置"),
        ("en", "#1 Community canteen Tue 10 Mar closed · by Li"),
    ],
)
async def test_unexception_shows_what_it_withdraws_and_waits_for_the_press(
    bot: Bot, catalog: Catalog, lang: str, line: str
) -> None:
    """/unexception 1 withdraws nothing yet: it shows the closure as /exceptions lists it,
    what withdrawing does, and Confirm / Keep. Keep leaves it; Confirm withdraws it; the
    same Confirm again, or one for a closure that never was, is answered politely and
    changes nothing."""
    await make_staff(bot, 3320, lang)
    await _many_closures(bot, 1)
    li = bot.emu.user(3320, first_name="Li", language_code=lang)
    t = catalog.translator(lang)
    removed = "SELECT removed_at IS NOT NULL FROM venue_exceptions"
    await li.command("/unexception 1")
    asked = await li.wait_message()
    venue = "社区食堂" if lang == "zh" else "Community canteen"
    assert asked.text == plain(t("hours-withdraw-confirm", line=line, venue=venue))
    assert asked.button_texts() == [t("hours-btn-withdraw-confirm"), t("hours-btn-withdraw-keep")]
    assert await bot.sql(removed) == [(False,)]
    await li.press(t("hours-btn-withdraw-keep"))
    assert (await li.wait_edit(asked)).text == t("hours-withdraw-kept", id="1")
    assert await bot.sql(removed) == [(False,)]
    await li.command("/unexception #1")
    asked = await li.wait_message()
    await li.press(t("hours-btn-withdraw-confirm"))
    done = await li.wait_edit(asked)
    day = "3月10日（周二）" if lang == "zh" else "Tue 10 Mar"
    assert done.text == plain(t("hours-staff-removed", id="1", venue=venue, range=day))
    assert done.buttons == []
    assert await bot.sql(removed) == [(True,)]
    for data in ("hours:unexok:1", "hours:unexok:999"):
        await li.press_data(data, asked.message_id)
        await bot.settle()
        number = data.rsplit(":", 1)[1]
        assert li.callback_answers[-1].get("text") == t("hours-staff-not-found", id=number)
    await li.command("/unexception 1")
    assert (await li.wait_message()).text == t("hours-staff-not-found", id="1")
    audited = await bot.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'hours.remove'")
    assert audited == [(1,)]
