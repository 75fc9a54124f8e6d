"""/ns_edit without codes (issue 16): courses from buttons a page at a time (or found by
title), the field from buttons in words, the new value in words as /ns_new reads it."""

from __future__ import annotations

import pytest

from bot.i18n import Catalog
from bot.services import users
from bot.tg.reply import plain
from tests.conftest import Bot
from tests.nightschool_helpers import make_school, published_course


async def _staff(bot: Bot, telegram_id: int, lang: str):  # type: ignore[no-untyped-def]
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, telegram_id, "Li", ["staff"], bot.clock.now())
        profile = await users.find(session, telegram_id)
        assert profile is not None
        await users.set_language(session, profile.id, lang)
    return bot.emu.user(telegram_id, first_name="Li", language_code=lang)


async def _courses(bot: Bot, catalog: Catalog, titles: list[str]) -> list[int]:
    school = make_school(catalog, bot.runtime.centre)
    return [
        await published_course(bot.runtime.db, school, now=bot.clock.now(), title=title)
        for title in titles
    ]


async def test_chinese_staff_pick_course_and_field_and_answer_in_words(
    bot: Bot, catalog: Catalog
) -> None:
    """Ten courses: eight a page, ▶ to the rest; a course pressed offers its fields in Chinese
    (no "title_zh"); "费用", "很贵" is explained and asked again, "免费" is stored; the venue
    is offered as buttons and its name is understood."""
    ids = await _courses(bot, catalog, [f"Course{n}" for n in range(10)])
    li = await _staff(bot, 7301, "zh")
    await li.command("/ns_edit")
    listing = await li.wait_message()
    assert listing.text == plain(catalog.text("zh", "ns-edit-pick-course"))
    assert len(listing.button_texts()) == 9
    assert listing.button_texts()[-1] == "下一页 ▶"
    await li.press("下一页 ▶")
    turned = await li.wait_edit(listing)
    assert turned.callback_data()[:2] == [f"ns:edc:{ids[1]}", f"ns:edc:{ids[0]}"]
    await li.press(f"ns:edc:{ids[0]}")
    fields = await li.wait_message()
    assert fields.text == plain(catalog.text("zh", "ns-edit-pick-field", title="Course0(中)"))
    assert fields.button_texts() == [
        "中文名称", "英文名称", "中文介绍", "英文介绍", "老师", "地点", "费用", "名额",
    ]  # fmt: skip
    assert "title_zh" not in fields.text
    await li.press("费用")
    ask = await li.wait_message()
    assert ask.text.startswith("新的费用：")
    await li.send("很贵")
    assert (await li.wait_message()).text == plain(catalog.text("zh", "ns-err-fee"))
    await li.send("免费")
    await bot.settle()
    assert await bot.sql(f"SELECT fee_fen FROM courses WHERE id = {ids[0]}") == [(0,)]
    await li.send("二十元")  # the form is over: this is a question now, the fee stays
    await bot.settle()
    assert await bot.sql(f"SELECT fee_fen FROM courses WHERE id = {ids[0]}") == [(0,)]
    await li.command(f"/ns_edit {ids[0]} 地点")
    venue_ask = await li.wait_message(predicate=lambda m: (m.text or "").startswith("新的地点"))
    assert venue_ask.reply_markup is not None
    keyboard = [b["text"] for row in venue_ask.reply_markup["keyboard"] for b in row]
    assert "长风湾健身房" in keyboard
    await li.send("长风湾健身房")
    await bot.settle()
    assert await bot.sql(f"SELECT venue_id FROM courses WHERE id = {ids[0]}") == [("gym",)]
    audit = await bot.sql("SELECT action FROM audit_log WHERE action = 'nightschool.edit'")
    assert len(audit) == 2


async def test_english_staff_name_the_course_and_set_the_places_in_words(
    bot: Bot, catalog: Catalog
) -> None:
    """ "/ns_edit pottery" finds the one course so titled; "places", "12 people"; an
    over-long teacher and a sticker are refused politely; /cancel changes nothing."""
    ids = await _courses(bot, catalog, ["Calligraphy", "Pottery"])
    alice = await _staff(bot, 7302, "en")
    await alice.command("/ns_edit pottery")
    fields = await alice.wait_message()
    assert fields.text == plain(catalog.text("en", "ns-edit-pick-field", title="Pottery"))
    await alice.press("places")
    assert (await alice.wait_message()).text.startswith("New places:")
    await alice.send("12 people")
    await bot.settle()
    assert await bot.sql(f"SELECT capacity FROM courses WHERE id = {ids[1]}") == [(12,)]
    await alice.command(f"/ns_edit {ids[0]}")
    await alice.wait_message(predicate=lambda m: "Calligraphy" in (m.text or ""))
    await alice.press("teacher")
    await alice.wait_message(predicate=lambda m: (m.text or "").startswith("New teacher:"))
    await alice.send("x" * 5000)
    assert (await alice.wait_message()).text == catalog.text("en", "ns-err-too-long", limit=64)
    await alice.send_sticker()
    assert (await alice.wait_message()).text == catalog.text("en", "ns-err-need-text")
    await alice.command("/cancel")
    assert (await alice.wait_message()).text == catalog.text("en", "ns-cancelled-conversation")
    assert await bot.sql(f"SELECT teacher FROM courses WHERE id = {ids[0]}") == [("Ms Chen",)]
    await alice.command("/ns_edit 999999")
    assert (await alice.wait_message()).text == catalog.text("en", "ns-result-not-found")


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_residents_and_forged_buttons_change_nothing(
    bot: Bot, catalog: Catalog, lang: str
) -> None:
    """A resident's /ns_edit and presses are refused; a forged field number is a stale
    button; nothing is changed or audited."""
    ids = await _courses(bot, catalog, ["Calligraphy"])
    wang = bot.emu.user(7303, first_name="Wang", language_code=lang)
    await wang.command("/ns_edit")
    assert (await wang.wait_message()).text == plain(catalog.text(lang, "refused-staff-only"))
    for data in (f"ns:edc:{ids[0]}", f"ns:edf:{ids[0]}:6"):
        await wang.press_data(data)
        await bot.settle()
        assert wang.callback_answers[-1].get("text") == catalog.text(lang, "refused-staff-only")
    li = await _staff(bot, 7304, lang)
    await li.command(f"/ns_edit {ids[0]}")
    fields = await li.wait_message()
    await li.press_data(f"ns:edf:{ids[0]}:99", fields)
    await bot.settle()
    assert li.callback_answers[-1].get("text") == catalog.text(lang, "button-invalid")
    await li.command("/ns_edit")
    listing = await li.wait_message()
    await li.press_data("ns:edp:0", listing)  # the page already shown: nothing to turn
    await bot.settle()
    assert catalog.text(lang, "error-apology") not in [m.text for m in li.messages]
    assert await bot.sql("SELECT count(*) FROM audit_log") == [(0,)]
    assert await bot.sql(f"SELECT fee_fen FROM courses WHERE id = {ids[0]}") == [(3000,)]


async def test_a_new_venue_is_announced_to_the_people_enrolled_in_their_language(
    bot: Bot, catalog: Catalog
) -> None:
    """/ns_edit 地点 → 健身房 sends the class to another site: the enrolled residents are told
    the old and new venue in their own language, and the staff member how many are told;
    the same venue again tells nobody."""
    [course_id] = await _courses(bot, catalog, ["太极"])
    people = {
        lang: bot.emu.user(7311 + n, language_code=lang) for n, lang in enumerate(("zh", "en"))
    }
    for person in people.values():
        await person.command("/classes")
        await person.wait_message()
        await person.press_data(f"ns:join:{course_id}")
        await bot.settle()
    li = await _staff(bot, 7310, "zh")
    await li.command(f"/ns_edit {course_id} 地点")
    await li.wait_message(predicate=lambda m: (m.text or "").startswith("新的地点"))
    await li.send("健身房")
    told = await li.wait_message(predicate=lambda m: "将通知" in (m.text or ""))
    assert told.text == plain(catalog.text("zh", "ns-venue-moved-staff", count=2))
    await bot.settle()
    venues = {v.id: v.name for v in bot.runtime.centre.venues}
    for lang, person in people.items():
        notice = await person.wait_message(predicate=lambda m: (m.text or "").startswith("📍"))
        title = "太极(中)" if lang == "zh" else "太极"
        assert notice.text == plain(
            catalog.text(
                lang, "ns-venue-moved", title=title,
                old=venues["canteen"].get(lang), new=venues["gym"].get(lang),
            )
        )  # fmt: skip
    await li.command(f"/ns_edit {course_id} 地点")
    await li.wait_message(predicate=lambda m: (m.text or "").startswith("新的地点"))
    await li.send("健身房")
    await bot.settle()
    assert len([m for m in people["zh"].messages if (m.text or "").startswith("📍")]) == 1
