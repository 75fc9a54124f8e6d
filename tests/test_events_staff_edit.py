"""Staff describing an event's seats and editing fields one after another: zero seats is
refused in both /newevent and /editevent (it read as "no limit"), the seats never go below
the people signed up, and each saved field is echoed with the field menu shown again."""

from __future__ import annotations

import pytest

from bot.features.events import service as events
from bot.i18n import Catalog
from bot.services import users
from bot.tg.reply import plain
from tests.conftest import Bot
from tests.test_events import make_event, resident, sign_up, staff_member


async def test_zero_seats_are_refused_when_creating_and_no_limit_needs_the_word(
    bot: Bot, catalog: Catalog
) -> None:
    """ "0人" and "0" at the seats step are refused with the range and the word for no limit
    (they used to publish an event open to everyone); "不限" still means no limit, and the
    preview says so before anything is published."""
    await staff_member(bot, 9101)
    li = bot.emu.user(9101, first_name="Li", language_code="zh")
    await li.command("/newevent")
    await li.wait_message()
    for text in ("测试", "Test", "描述", "Desc", "活动室", "3月20日下午2点到4点"):
        await li.send(text)
        asked = await li.wait_message()
    assert asked.text == catalog.text("zh", "events-ask-capacity")
    for zero in ("0人", "0", "零"):
        await li.send(zero)
        refused = (await li.wait_message()).text
        expected = "events-bad-capacity" if zero == "零" else "events-zero-capacity"
        assert refused == catalog.text("zh", expected)
    assert "1 到 10000" in catalog.text("zh", "events-zero-capacity")
    await li.send("不限")
    assert (await li.wait_message()).text == catalog.text("zh", "events-ask-companions")
    await li.send("不带")
    preview = await li.wait_message()
    assert catalog.text("zh", "events-preview-no-limit") in preview.text
    assert await bot.sql("SELECT COUNT(*) FROM events") == [(0,)]


async def test_zero_or_too_few_seats_are_refused_when_editing(bot: Bot, catalog: Catalog) -> None:
    """In /editevent, "0人" is refused like in /newevent (not saved as no limit), and fewer
    seats than the two people signed up are refused with their number; "2" is then saved."""
    event_id = await make_event(bot, capacity=5)
    for i in range(2):
        await sign_up(bot, event_id, await resident(bot, 5101 + i))
    await staff_member(bot, 9102)
    li = bot.emu.user(9102, first_name="Li", language_code="zh")
    await li.command(f"/editevent {event_id}")
    await li.wait_message()
    await li.send("8")
    assert (await li.wait_message()).text == catalog.text("zh", "events-edit-ask-value")
    for text, key, args in (
        ("0人", "events-zero-capacity", {}),
        ("-5", "events-bad-capacity", {}),
        ("1人", "events-below-taken", {"taken": 2}),
    ):
        await li.send(text)
        assert (await li.wait_message()).text == catalog.text("zh", key, **args)
    assert "已经有 2 人报名" in catalog.text("zh", "events-below-taken", taken=2)
    assert await bot.sql("SELECT capacity FROM events") == [(5,)]
    await li.send("2人")
    await li.wait_message()
    assert await bot.sql("SELECT capacity FROM events") == [(2,)]
    assert "at least 2 seats" in catalog.text("en", "events-below-taken", taken=2)


async def test_each_saved_field_is_echoed_and_the_field_menu_comes_back(
    bot: Bot, catalog: Catalog
) -> None:
    """After a field is saved, /editevent shows what was stored and the field menu again, so
    "8" then "20人", "7" then "16:30", and "2" then a new title are three edits in a row;
    "Done" ends it, and a command afterwards is not told that something was left unsaved."""
    event_id = await make_event(bot, capacity=5)
    await sign_up(bot, event_id, await resident(bot, 5111))
    await staff_member(bot, 9103)
    li = bot.emu.user(9103, first_name="Li", language_code="zh")
    await li.command(f"/editevent {event_id}")
    await li.wait_message()
    await li.send("8")
    await li.wait_message()
    await li.send("20人")
    saved = await li.wait_message()
    assert saved.text.startswith("✅ 已保存。名额：共 20 人（已报名 1 人）")
    assert "还要改“剪纸”的哪一项？" in saved.text
    assert saved.button_texts()[-1] == catalog.text("zh", "events-btn-edit-done")
    assert catalog.text("zh", "events-field-end") in saved.button_texts()
    await li.send("7")  # the field's number typed, as in the first menu
    assert (await li.wait_message()).text == catalog.text("zh", "events-edit-ask-value")
    await li.send("16:30")
    end = await li.wait_message()
    assert end.text.startswith("✅ 已保存。结束时间：3月4日（周三）14:00 – 16:30"), end.text
    await li.send("十")  # no field's number: asked again, still in the menu after a save
    assert (await li.wait_message()).text == catalog.text("zh", "events-bad-field")
    await li.press(catalog.text("zh", "events-field-title-en"))
    await li.wait_message()
    await li.send("Paper cutting for all")
    titled = await li.wait_message()
    assert titled.text.startswith("✅ 已保存。英文标题：Paper cutting for all")
    assert await bot.sql("SELECT capacity, title_en FROM events") == [(20, "Paper cutting for all")]
    await li.press(catalog.text("zh", "events-btn-edit-done"))
    assert (await li.wait_message()).text == catalog.text("zh", "events-edit-done")
    await li.command("/events")
    listing = await li.wait_message()
    assert listing.text != catalog.text("zh", "form-put-aside", command="/editevent")
    await li.command(f"/editevent {event_id}")  # again, then left for another command
    await li.wait_message()
    await li.send("9")
    await li.wait_message()
    await li.send("不带")
    assert (await li.wait_message()).text.startswith("✅ 已保存。可带同伴人数：只限本人")
    await li.command("/cancel")
    assert (await li.wait_message()).text == catalog.text("zh", "events-edit-stopped")
    await li.command(f"/editevent {event_id}")
    await li.wait_message()
    await li.send("9")
    await li.wait_message()
    await li.send("每人最多带一位")
    await li.wait_message()
    await li.command("/events")
    texts = [(await li.wait_message()).text]
    await bot.settle()
    texts += [m.text for m in li.messages[-2:]]
    assert catalog.text("zh", "form-put-aside", command="/editevent") not in texts


async def test_the_preview_warns_when_the_venue_is_closed_during_the_event(
    bot: Bot, catalog: Catalog
) -> None:
    """A movie night at the canteen on Saturday 19:00-21:00 (it closes at 13:00) is previewed
    with a warning naming that day's hours, and can still be published; in English, an
    evening in the activity rooms, open until 21:00 on weekdays, gets no warning."""
    await staff_member(bot, 9104)
    li = bot.emu.user(9104, first_name="Li", language_code="zh")
    await li.command("/newevent")
    await li.wait_message()
    for text in (
        "社区电影之夜",
        "Movie night",
        "看老电影",
        "Old films",
        "食堂",
        "下周六晚上7点到9点",
    ):
        await li.send(text)
        await li.wait_message()
    for text in ("10人", "不带"):
        await li.send(text)
        preview = await li.wait_message()
    assert "⚠️ 注意：社区食堂3月14日（周六）的开放时间是 07:00–09:00、11:00–13:00" in preview.text
    assert preview.text.endswith(catalog.text("zh", "events-preview-foot"))
    await li.press("✅ 发布")
    await li.wait_message()
    assert await bot.sql("SELECT venue_id FROM events") == [("canteen",)]
    published = bot.emu.message(li.id, preview.message_id)
    assert published is not None
    assert "⚠️" not in published.text  # the warning was for the preview only
    await staff_member(bot, 9105)
    alice = bot.emu.user(9105, first_name="Alice", language_code="en")
    async with bot.runtime.db.transaction() as session:
        profile = await users.find(session, 9105)
        assert profile is not None
        await users.set_language(session, profile.id, "en")
    await alice.command("/newevent")
    await alice.wait_message()
    answers = ("讲座", "Talk", "健康讲座", "Health talk", "activity rooms", "next Thursday 7pm")
    for text in (*answers, "8:30pm", "20", "none"):
        await alice.send(text)
        preview = await alice.wait_message()
    assert "Preview" in preview.text
    assert "⚠️" not in preview.text
    await alice.send("/cancel")
    await alice.wait_message()
    await li.command("/newevent")
    await li.wait_message()
    for text in ("讲座", "Talk", "健康讲座", "Health talk", "食堂", "3月15日上午10点到11点"):
        await li.send(text)
        await li.wait_message()
    for text in ("10人", "不带"):
        await li.send(text)
        preview = await li.wait_message()
    assert "⚠️ 注意：社区食堂3月15日（周日）不开放。" in preview.text


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_lifting_the_limit_is_previewed_then_seats_and_tells_everyone_waiting(
    bot: Bot, catalog: Catalog, lang: str
) -> None:
    """ "不限" for a full event with two sign-ups waiting (one of two people) saves nothing
    at first: staff read that the 2 on the waiting list will get seats, with Confirm / Keep.
    Keep changes nothing and tells nobody; Confirm lifts the limit, seats both (5 seats
    taken) and tells each in their language; the old preview's Confirm is then out of date,
    and a resident's forged press is refused."""
    event_id = await make_event(bot, capacity=2)
    for seated in (5201, 5204):
        await sign_up(bot, event_id, await resident(bot, seated))
    wang, alice = await resident(bot, 5202, "zh"), await resident(bot, 5203, "en", "Alice")
    chats = {
        5202: bot.emu.user(5202, first_name="Wang"),
        5203: bot.emu.user(5203, first_name="Alice"),
    }
    assert await sign_up(bot, event_id, wang) is events.SignUp.WAITLISTED
    async with bot.runtime.db.transaction() as session:
        joined = await events.sign_up(session, event_id, alice, bot.clock.now(), party=2)
    assert joined is events.SignUp.WAITLISTED
    await staff_member(bot, 9104)
    async with bot.runtime.db.transaction() as session:
        profile = await users.find(session, 9104)
        assert profile is not None
        await users.set_language(session, profile.id, lang)
    li = bot.emu.user(9104, first_name="Li", language_code=lang)
    t = catalog.translator(lang)
    title = "剪纸" if lang == "zh" else "Paper cutting"

    async def ask_unlimited() -> None:
        await li.command(f"/editevent {event_id}")
        await li.wait_message()
        await li.press(t("events-field-capacity"))
        await li.wait_message()
        await li.send("不限" if lang == "zh" else "no limit")

    await ask_unlimited()
    preview = await li.wait_message()
    assert preview.text == plain(t("events-lift-confirm", title=title, capacity=2, count=2))
    assert preview.button_texts() == [t("events-btn-lift-confirm"), t("events-btn-lift-keep")]
    unchanged = [(2, 1, "active"), (2, 1, "active"), (2, 1, "waitlisted"), (2, 2, "waitlisted")]
    seats = "SELECT e.capacity, s.party, s.status FROM event_signups s JOIN events e"
    seats += " ON e.id = s.event_id ORDER BY s.id"
    assert [(c, p, s) for c, p, s in await bot.sql(seats)] == unchanged
    await li.press(t("events-btn-lift-keep"))
    assert (await li.wait_edit(preview)).text == t("events-lift-kept")
    assert [(c, p, s) for c, p, s in await bot.sql(seats)] == unchanged
    await bot.drain()
    assert not any(chat.messages for chat in chats.values())

    await ask_unlimited()
    preview = await li.wait_message()
    await li.press(t("events-btn-lift-confirm"))
    assert (await li.wait_edit(preview)).text == t("events-lift-done", count=2)
    rows = await bot.sql(seats)
    assert [(c, p, s) for c, p, s in rows] == [
        (None, 1, "active"),
        (None, 1, "active"),
        (None, 1, "active"),
        (None, 2, "active"),
    ]
    assert await bot.sql("SELECT capacity, taken FROM events") == [(None, 5)]
    await bot.drain()
    told = {who: chat.messages[-1].text for who, chat in chats.items() if chat.messages}
    assert told == {
        5202: plain(
            catalog.text(
                "zh",
                "events-seated-notice",
                title="剪纸",
                when="3月4日（周三）14:00",
                venue="社区食堂",
                party=1,
            )
        ),
        5203: plain(
            catalog.text(
                "en",
                "events-seated-notice",
                title="Paper cutting",
                when="Wed 4 Mar 14:00",
                venue="Community canteen",
                party=2,
            )
        ),
    }
    await li.press_data(f"events:unlimok:{event_id}:2", message_id=preview.message_id)
    await bot.settle()
    assert li.callback_answers[-1]["text"] == t("events-lift-stale")
    await chats[5202].press_data(f"events:unlimok:{event_id}:2")
    await bot.settle()
    assert chats[5202].callback_answers[-1]["text"] == catalog.text("zh", "refused-staff-only")
    audit = await bot.sql("SELECT details FROM audit_log WHERE action = 'event.edit'")
    assert len(audit) == 1


@pytest.mark.parametrize(
    ("lang", "typed", "title"),
    [("zh", "title 新标题", "剪纸"), ("en", "title New title", "Paper cutting")],
)
async def test_editevent_with_a_field_and_value_typed_opens_the_event_and_says_how(
    bot: Bot, catalog: Catalog, lang: str, typed: str, title: str
) -> None:
    """ "/editevent 3 title 新标题": the event's field menu, after a line saying the command
    takes only the number or name (the words were read as a title and a list of every event
    came back without a word); then the title is changed the usual way. Words that name no
    event are said so above the list."""
    event_id = await make_event(bot)
    li_profile = await staff_member(bot, 9110)
    async with bot.runtime.db.transaction() as session:
        await users.set_language(session, li_profile.id, lang)
    li = bot.emu.user(9110, first_name="Li", language_code=lang)
    await li.command(f"/editevent {event_id} {typed}")
    told = await li.wait_message()
    assert told.text == plain(catalog.text(lang, "events-edit-one-field"))
    menu = await li.wait_message()
    assert menu.text == plain(catalog.text(lang, "events-edit-choose", title=title)).strip()
    await li.send("1")
    assert (await li.wait_message()).text == catalog.text(lang, "events-edit-ask-value")
    await li.send("新标题")
    await li.wait_message()
    assert await bot.sql("SELECT title_zh FROM events") == [("新标题",)]
    await li.send("/cancel")
    await li.wait_message()
    await li.command("/editevent 烟花")
    listing = await li.wait_message()
    no_match = plain(catalog.text(lang, "events-pick-no-match", words="烟花"))
    assert (listing.text or "").startswith(no_match)
    assert listing.buttons  # the events to pick from, as before


async def test_editevent_with_a_title_that_starts_with_a_number_opens_that_event(
    bot: Bot, catalog: Catalog
) -> None:
    """ "/editevent 2026 新年联欢会": the title's words, not event number 2026 (a second
    reader's finding); an event number with words that name no event is the number's."""
    event_id = await make_event(bot, title="2026 新年联欢会")
    await staff_member(bot, 9112)
    li = bot.emu.user(9112, first_name="Li", language_code="zh")
    await li.command("/editevent 2026 新年联欢会")
    menu = await li.wait_message()
    assert (
        menu.text
        == plain(catalog.text("zh", "events-edit-choose", title="2026 新年联欢会")).strip()
    )
    await li.send("/cancel")
    await li.wait_message()
    await li.command(f"/editevent {event_id + 500} 标题")
    assert (await li.wait_message()).text == catalog.text("zh", "events-gone")
    await bot.settle()
    texts = [m.text for m in li.messages]
    assert plain(catalog.text("zh", "events-edit-one-field")) not in texts
