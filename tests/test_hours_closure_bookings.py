"""Closing a venue over booked classes and events (newcomer9 F26): the confirmation lists
them with how many signed up; staff cancel them (the owners' notices go, no reminder
follows) or keep them (nothing changes); old, doubled and forged presses change nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.app import outbox_sender
from bot.clock import SHANGHAI
from bot.features.hours import staff
from bot.features.hours.bookings import Closure
from bot.features.nightschool import class_reminders, enrolment
from bot.i18n import Catalog
from bot.tg.reply import plain
from tests.conftest import Bot
from tests.nightschool_helpers import make_school, published_course
from tests.test_events import make_event, resident, sign_up
from tests.test_hours_staff_form import make_staff
from tests.test_reminders import tick

# The course of nightschool_helpers meets in the canteen on Wednesdays 19:00-20:30 from
# 18 March 2026; the event is there that afternoon. The tests' clock: Monday 2 March 10:00.
CLASS_START = datetime(2026, 3, 18, 19, 0, tzinfo=SHANGHAI).astimezone(UTC)
EVENT_START = datetime(2026, 3, 18, 14, 0, tzinfo=SHANGHAI).astimezone(UTC)
EVENING_BEFORE = datetime(2026, 3, 17, 19, 0, tzinfo=SHANGHAI).astimezone(UTC)
STAFF_ID, WANG_ID, ALICE_ID = 7300, 7301, 7302


@pytest.fixture
async def bot(bot: Bot) -> Bot:
    """The running bot without its background sender: only ``drain()`` delivers."""
    await outbox_sender(bot.app).stop()
    return bot


async def booked_day(bot: Bot, catalog: Catalog) -> tuple[int, int]:
    """Wang on the course, Wang and Alice at the event: ``(first session id, event id)``."""
    bot.emu.user(WANG_ID, first_name="Wang", language_code="zh")  # their chats, to be told in
    bot.emu.user(ALICE_ID, first_name="Alice", language_code="en")
    school = make_school(catalog, bot.runtime.centre)
    course_id = await published_course(bot.runtime.db, school, now=bot.clock.now())
    wang = await resident(bot, WANG_ID, "zh")
    alice = await resident(bot, ALICE_ID, "en", name="Alice")
    async with bot.runtime.db.transaction() as session:
        outcome = await enrolment.sign_up(session, school, course_id, wang, bot.clock.now())
        assert outcome.code == enrolment.OK_ENROLLED
        sessions = await class_reminders.session_ids(session, course_id)
    event_id = await make_event(bot, starts_at=EVENT_START)
    for person in (wang, alice):
        await sign_up(bot, event_id, person)
    await make_staff(bot, STAFF_ID, "zh")
    return sessions[0], event_id


async def test_closing_a_booked_day_lists_what_is_booked_and_cancel_all_tells_everyone(
    bot: Bot, catalog: Catalog
) -> None:
    """The closure's reply names the event and the class with their sign-ups; "cancel all"
    cancels both through their own services: the residents get the usual notices, no
    reminder follows, and pressing again changes nothing."""
    session_id, event_id = await booked_day(bot, catalog)
    li = bot.emu.user(STAFF_ID, first_name="Li", language_code="zh")
    await li.command("/closure 食堂 3月18日 设备检修|maintenance")
    saved = await li.wait_message()
    assert "已记录" in saved.text
    assert "3月18日（周三）14:00 “剪纸”（活动，已报名 2 人）" in saved.text
    assert "3月18日（周三）19:00 “Calligraphy(中)”（课程，已报名 1 人）" in saved.text
    assert saved.callback_data() == [
        f"hours:clc:1:e:{event_id}",
        f"hours:clk:1:e:{event_id}",
        f"hours:clc:1:c:{session_id}",
        f"hours:clk:1:c:{session_id}",
        "hours:clca:1",
        "hours:clka:1",
    ]
    await li.press(catalog.text("zh", "hours-btn-booked-cancel-all"))
    done = await li.wait_edit(saved)
    assert "❌ 已取消“剪纸”（3月18日（周三）14:00），已通知 2 人。" in done.text
    assert "❌ 已取消“Calligraphy(中)”（3月18日（周三）19:00），已通知 1 人。" in done.text
    assert "已记录" in done.text  # the closure itself is still said
    assert done.buttons == []
    assert await bot.sql(f"SELECT status FROM events WHERE id = {event_id}") == [("cancelled",)]
    assert await bot.sql(f"SELECT status FROM course_sessions WHERE id = {session_id}") == [
        ("cancelled",)
    ]
    await bot.drain()
    wang = bot.emu.user(WANG_ID)
    alice = bot.emu.user(ALICE_ID)
    school = make_school(catalog, bot.runtime.centre)
    class_notice = catalog.text(
        "zh", "ns-session-cancelled", title="Calligraphy(中)", when=school.when(CLASS_START, "zh")
    )
    assert plain(class_notice) in [m.text for m in wang.messages]
    assert any("剪纸" in m.text and "已取消" in m.text for m in wang.messages)
    assert [("Paper cutting" in m.text and "cancelled" in m.text) for m in alice.messages] == [True]
    # No reminder of either: not the evening before, not the hour before.
    for moment in (
        EVENING_BEFORE,
        EVENT_START - timedelta(hours=1),
        CLASS_START - timedelta(hours=1),
    ):
        bot.clock.set(moment)
        assert (await tick(bot)).enqueued == 0
    # A second press, on the same message or an old copy of the buttons: nothing more.
    await li.press_data(f"hours:clc:1:c:{session_id}", saved)
    await bot.settle()
    assert li.callback_answers[-1].get("text") == plain(catalog.text("zh", "hours-booked-gone"))
    await li.press_data("hours:clca:1", done)
    await bot.settle()
    assert li.callback_answers[-1].get("text") == catalog.text("zh", "hours-booked-none-left")
    assert await bot.drain() == 0
    audited = await bot.sql("SELECT action FROM audit_log WHERE action <> 'event.create'")
    assert sorted(a for (a,) in audited) == [
        "event.cancel",
        "hours.closure",
        "nightschool.session-cancel",
    ]


async def test_cancelling_one_and_keeping_the_other_leaves_the_kept_one_as_it_was(
    bot: Bot, catalog: Catalog
) -> None:
    """Per item: the event cancelled (its people told), the class kept — still scheduled,
    nobody told, its reminder still goes; each press takes its own row of buttons away."""
    session_id, event_id = await booked_day(bot, catalog)
    li = bot.emu.user(STAFF_ID, first_name="Li", language_code="zh")
    await li.command("/closure 食堂 3月18日")
    saved = await li.wait_message()
    await li.press(f"hours:clc:1:e:{event_id}")
    first = await li.wait_edit(saved)
    assert "已取消“剪纸”" in first.text
    assert first.callback_data() == [f"hours:clc:1:c:{session_id}", f"hours:clk:1:c:{session_id}"]
    await li.press(f"hours:clk:1:c:{session_id}")
    second = await li.wait_edit(saved)
    assert "✔️ 已保留“Calligraphy(中)”（3月18日（周三）19:00），没有通知任何人。" in second.text
    assert second.buttons == []
    assert await bot.sql(f"SELECT status FROM course_sessions WHERE id = {session_id}") == [
        ("scheduled",)
    ]
    assert await bot.sql("SELECT action FROM audit_log WHERE action = 'hours.closure-keep'") == [
        ("hours.closure-keep",)
    ]
    await bot.drain()
    wang = bot.emu.user(WANG_ID)
    assert [("剪纸" in m.text) for m in wang.messages] == [True]  # only the event's notice
    bot.clock.set(EVENING_BEFORE)
    assert (await tick(bot)).enqueued == 1  # the kept class is reminded as before


async def test_keep_all_changes_nothing_for_residents(bot: Bot, catalog: Catalog) -> None:
    """ "Keep all": both stay scheduled, nobody is told, every reminder still goes."""
    session_id, event_id = await booked_day(bot, catalog)
    li = bot.emu.user(STAFF_ID, first_name="Li", language_code="zh")
    await li.command("/closure 食堂 3月18日 设备检修")
    saved = await li.wait_message()
    await li.press(catalog.text("zh", "hours-btn-booked-keep-all"))
    kept = await li.wait_edit(saved)
    assert kept.text.count("✔️ 已保留") == 2
    assert kept.buttons == []
    assert await bot.sql(f"SELECT status FROM events WHERE id = {event_id}") == [("scheduled",)]
    assert await bot.sql(f"SELECT status FROM course_sessions WHERE id = {session_id}") == [
        ("scheduled",)
    ]
    assert await bot.drain() == 0
    bot.clock.set(EVENING_BEFORE)
    assert (await tick(bot)).enqueued == 3  # Wang's class and event, Alice's event


async def test_forged_and_stale_presses_change_nothing(bot: Bot, catalog: Catalog) -> None:
    """A resident's press is refused; staff pressing an event not booked in the closure, or
    under a withdrawn closure, are told so politely; nothing is cancelled."""
    session_id, event_id = await booked_day(bot, catalog)
    other_day = await make_event(bot, starts_at=EVENT_START + timedelta(days=1), title="茶话会")
    li = bot.emu.user(STAFF_ID, first_name="Li", language_code="zh")
    await li.command("/closure 食堂 3月18日")
    saved = await li.wait_message()
    wang = bot.emu.user(WANG_ID, first_name="Wang", language_code="zh")
    await wang.command("/start")
    await wang.press_data(f"hours:clc:1:e:{event_id}", await wang.wait_message())
    await bot.settle()
    assert wang.callback_answers[-1].get("text") == catalog.text("zh", "refused-staff-only")
    await wang.press_data("hours:clca:1", wang.last)
    await bot.settle()
    assert wang.callback_answers[-1].get("text") == catalog.text("zh", "refused-staff-only")
    await li.press_data(f"hours:clc:1:e:{other_day}", saved)  # not in this closure's day
    await bot.settle()
    assert li.callback_answers[-1].get("text") == plain(catalog.text("zh", "hours-booked-gone"))
    await li.command("/unexception 1")
    asked = await li.wait_message()
    await li.press(catalog.text("zh", "hours-btn-withdraw-confirm"))
    assert "已撤销 #1" in (await li.wait_edit(asked)).text
    await li.press_data(f"hours:clc:1:c:{session_id}", saved)
    await bot.settle()
    assert li.callback_answers[-1].get("text") == catalog.text("zh", "hours-booked-closure-gone")
    statuses = await bot.sql("SELECT status FROM events ORDER BY id")
    assert statuses == [("scheduled",), ("scheduled",)]
    assert await bot.sql(f"SELECT status FROM course_sessions WHERE id = {session_id}") == [
        ("scheduled",)
    ]
    assert await bot.drain() == 0


async def test_special_hours_list_only_what_falls_outside_them(bot: Bot, catalog: Catalog) -> None:
    """Special hours 10:00-17:00 hold the 14:00-16:00 event but not the 19:00 class; hours
    that hold both add nothing to the reply."""
    session_id, _ = await booked_day(bot, catalog)
    li = bot.emu.user(STAFF_ID, first_name="Li", language_code="zh")
    await li.command("/special 食堂 3月18日 10:00-17:00 缩短开放")
    saved = await li.wait_message()
    assert "Calligraphy(中)" in saved.text
    assert "剪纸" not in saved.text
    assert saved.callback_data() == [f"hours:clc:1:c:{session_id}", f"hours:clk:1:c:{session_id}"]
    await li.command("/special 食堂 3月18日 10:00-21:00 延长开放")
    overlapping = await li.wait_message()  # the same day as the first: asked to confirm
    assert "#1 社区食堂 3月18日" in overlapping.text
    await li.press(catalog.text("zh", "hours-exc-btn-confirm"))
    wider = await li.wait_edit(overlapping)
    assert "已记录" in wider.text
    assert "⚠️" not in wider.text
    assert wider.buttons == []


def test_a_closure_closes_what_its_hours_do_not_hold() -> None:
    """All day when closed; with special hours, only what does not fit in one span."""
    day = datetime(2026, 3, 18, 14, 0, tzinfo=SHANGHAI)
    closed = Closure(1, "canteen", day.date(), day.date(), ())
    assert closed.closes(day, day + timedelta(hours=2), SHANGHAI)
    assert not closed.closes(day + timedelta(days=1), day + timedelta(days=1, hours=2), SHANGHAI)
    hours = Closure(2, "canteen", day.date(), day.date(), ((600, 960), (1080, 1260)))
    assert hours.closes(day, day + timedelta(hours=3), SHANGHAI)  # 14:00-17:00 past 16:00
    assert not hours.closes(day, day + timedelta(hours=2), SHANGHAI)
    evening = day.replace(hour=18)
    assert not hours.closes(evening, evening + timedelta(hours=3), SHANGHAI)
    assert hours.closes(day.replace(hour=9), day.replace(hour=11), SHANGHAI)


async def test_the_step_by_step_form_warns_in_the_preview_and_lists_in_english(
    bot: Bot, catalog: Catalog
) -> None:
    """English staff, /closure asked step by step: the preview already says two items are
    booked; Publish lists them in English; cancelling one says how many were told."""
    _, event_id = await booked_day(bot, catalog)
    await make_staff(bot, STAFF_ID + 10, "en")
    alice_staff = bot.emu.user(STAFF_ID + 10, first_name="Alice", language_code="en")
    await alice_staff.command("/closure")
    await alice_staff.wait_message()
    await alice_staff.press("Community canteen")
    await alice_staff.wait_message()
    await alice_staff.send("2026-03-18")
    await alice_staff.wait_message()
    await alice_staff.press(catalog.text("en", "hours-exc-btn-no-reason"))
    preview = await alice_staff.wait_message()
    assert "2 classes or events are booked in Community canteen" in preview.text
    assert await bot.sql("SELECT count(*) FROM venue_exceptions") == [(0,)]
    await alice_staff.press(catalog.text("en", "hours-exc-btn-confirm"))
    saved = await alice_staff.wait_edit(preview)
    assert "· Wed 18 Mar 14:00 Paper cutting (event, 2 signed up)" in saved.text
    assert "· Wed 18 Mar 19:00 Calligraphy (class, 1 signed up)" in saved.text
    assert "❌ Cancel Paper cutting, Wed 18 Mar 14:00" in saved.button_texts()
    await alice_staff.press("❌ Cancel Paper cutting, Wed 18 Mar 14:00")
    done = await alice_staff.wait_edit(preview)
    assert "❌ Cancelled Paper cutting (Wed 18 Mar 14:00); 2 people told." in done.text
    assert await bot.sql(f"SELECT status FROM events WHERE id = {event_id}") == [("cancelled",)]


async def test_a_long_list_is_cut_and_says_how_many_are_left_out(
    bot: Bot, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the listed rows the reply says how many more are booked, never drops them quietly."""
    monkeypatch.setattr(staff, "BOOKINGS_LISTED", 1)
    _, event_id = await booked_day(bot, catalog)
    li = bot.emu.user(STAFF_ID, first_name="Li", language_code="zh")
    await li.command("/closure 食堂 3月18日")
    saved = await li.wait_message()
    assert plain(catalog.text("zh", "hours-booked-more", count=1)) in saved.text
    assert saved.callback_data() == [f"hours:clc:1:e:{event_id}", f"hours:clk:1:e:{event_id}"]


async def test_an_unanswered_closure_is_flagged_in_myclasses_and_withdrawing_says_what_stays(
    bot: Bot, catalog: Catalog
) -> None:
    """While the cancel / keep list is left unanswered, Wang's /myclasses flags the next class
    at the closed canteen (and only then: not before the closure, nor for the class the week
    after). Once the class and the event are cancelled, /unexception says they stay
    cancelled; a closure that cancelled nothing is withdrawn with the usual words only."""
    await booked_day(bot, catalog)
    wang = bot.emu.user(WANG_ID)
    await wang.command("/myclasses")
    before = await wang.wait_message()
    assert catalog.text("zh", "ns-my-venue-closed") not in before.text
    li = bot.emu.user(STAFF_ID, first_name="Li", language_code="zh")
    await li.command("/closure 食堂 3月18日 设备检修|maintenance")
    saved = await li.wait_message()
    await wang.command("/myclasses")
    flagged = await wang.wait_message()
    assert "下次上课：3月18日（周三）19:00" in flagged.text
    assert "⚠️ 当天该场地不开放" in flagged.text
    await li.press(catalog.text("zh", "hours-btn-booked-cancel-all"))
    await li.wait_edit(saved)
    await wang.command("/myclasses")
    after = await wang.wait_message()  # the next class is the week after: open as usual
    assert "下次上课：3月25日（周三）19:00" in after.text
    assert catalog.text("zh", "ns-my-venue-closed") not in after.text
    await li.command("/unexception 1")
    asked = await li.wait_message()
    await li.press(catalog.text("zh", "hours-btn-withdraw-confirm"))
    withdrawn = (await li.wait_edit(asked)).text
    assert withdrawn.startswith("✅ 已撤销 #1")
    assert plain(catalog.text("zh", "hours-unbooked-title")) in withdrawn
    assert "· 3月18日（周三）14:00 “剪纸”（活动）" in withdrawn
    assert "· 3月18日（周三）19:00 “Calligraphy(中)”（课程）" in withdrawn
    await li.command("/closure 食堂 3月19日 停电")
    await li.wait_message()
    await li.command("/unexception 2")
    asked = await li.wait_message()
    await li.press(catalog.text("zh", "hours-btn-withdraw-confirm"))
    quiet = (await li.wait_edit(asked)).text
    assert quiet.startswith("✅ 已撤销 #2")
    assert "⚠️" not in quiet
