"""Reminders before class sessions with controlled time: on time and once, across a restart,
never stale after a move, a withdrawal, a cancellation or an edit; "I can't come" records an
absence and keeps the place."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from bot.app import outbox_sender
from bot.centre import Centre
from bot.clock import SHANGHAI, ManualClock
from bot.features.nightschool import class_reminders, courses, enrolment
from bot.features.nightschool.common import School
from bot.features.reminders import handlers as reminder_handlers
from bot.i18n import Catalog
from bot.services import reminders
from bot.settings import Settings
from bot.storage.db import create_database
from frontdesk_emulator import BotApiEmulator
from tests.conftest import Bot
from tests.nightschool_helpers import make_school, published_course
from tests.test_events import resident
from tests.test_hours_staff_form import make_staff
from tests.test_nightschool_staff import _staff
from tests.test_reminders import another_app, tick

# The course of nightschool_helpers: Wednesdays 19:00-20:30 from 18 March 2026, four weeks.
FIRST = datetime(2026, 3, 18, 19, 0, tzinfo=SHANGHAI).astimezone(UTC)
SECOND = FIRST + timedelta(days=7)
EVENING = datetime(2026, 3, 17, 19, 0, tzinfo=SHANGHAI).astimezone(UTC)
HOUR_BEFORE = FIRST - timedelta(hours=1)


@pytest.fixture
async def bot(bot: Bot) -> Bot:
    """The running bot without its background sender: only ``drain()`` delivers."""
    await outbox_sender(bot.app).stop()
    return bot


def school_of(bot: Bot, catalog: Catalog) -> School:
    return make_school(catalog, bot.runtime.centre)


async def enrolled(
    bot: Bot, catalog: Catalog, telegram_id: int, lang: str = "zh"
) -> tuple[int, int, list[int]]:
    """A published course and one resident enrolled on it: ``(course, user, session ids)``."""
    school = school_of(bot, catalog)
    course_id = await published_course(bot.runtime.db, school, now=bot.clock.now())
    user_id = await resident(bot, telegram_id, lang)
    async with bot.runtime.db.transaction() as session:
        outcome = await enrolment.sign_up(session, school, course_id, user_id, bot.clock.now())
        assert outcome.code == enrolment.OK_ENROLLED
        sessions = await class_reminders.session_ids(session, course_id)
    return course_id, user_id, sessions


async def test_session_reminder_arrives_once_on_time_with_venue_and_time(
    bot: Bot, catalog: Catalog
) -> None:
    """Nothing before the evening moment; then one reminder in English with the course title,
    venue, local time and an "I can't come" button for that session; a second run sends
    nothing more; the one-hour reminder follows at its moment."""
    alice = bot.emu.user(7001, first_name="Alice", language_code="en")
    _, _, sessions = await enrolled(bot, catalog, 7001, "en")
    bot.clock.set(EVENING - timedelta(seconds=1))
    assert (await tick(bot)).enqueued == 0
    bot.clock.set(EVENING)
    assert (await tick(bot)).enqueued == 1
    bot.clock.advance(timedelta(minutes=1))
    assert (await tick(bot)).enqueued == 0
    await bot.drain()
    assert len(alice.messages) == 1
    text = alice.messages[0].text
    assert "Reminder (tomorrow): Calligraphy" in text
    assert "Community canteen" in text
    assert "Wed 18 Mar 19:00" in text
    epoch = int(FIRST.timestamp())
    assert alice.messages[0].callback_data() == [f"reminders:cant:class:{sessions[0]}:{epoch}"]
    bot.clock.set(HOUR_BEFORE)
    assert (await tick(bot)).enqueued == 1
    await bot.drain()
    assert len(alice.messages) == 2
    assert "in 1 hour" in alice.messages[-1].text
    assert "提醒" not in alice.messages[-1].text


async def test_chinese_resident_is_reminded_in_chinese(bot: Bot, catalog: Catalog) -> None:
    """A resident who speaks Chinese gets the Chinese title and venue."""
    wang = bot.emu.user(7002, first_name="Wang", language_code="zh")
    await enrolled(bot, catalog, 7002, "zh")
    bot.clock.set(EVENING)
    assert (await tick(bot)).enqueued == 1
    await bot.drain()
    assert wang.last is not None
    assert "Calligraphy(中)" in wang.last.text
    assert "提醒" in wang.last.text


async def test_restart_before_the_moment_still_reminds_once(
    bot: Bot,
    settings: Settings,
    centre: Centre,
    clock: ManualClock,
    catalog: Catalog,
    emulator: BotApiEmulator,
) -> None:
    """Enrolled under one app; a fresh app on the same database reminds at the moment, and a
    run after yet another restart does not repeat it."""
    wang = bot.emu.user(7003, first_name="Wang", language_code="zh")
    await enrolled(bot, catalog, 7003)
    await tick(bot)
    await bot.app.stop()
    async with another_app(settings, centre, clock, catalog, emulator) as second:
        clock.set(EVENING)
        assert (await tick(second)).enqueued == 1
        await second.drain()
    async with another_app(settings, centre, clock, catalog, emulator) as third:
        clock.advance(timedelta(minutes=1))
        assert (await tick(third)).enqueued == 0
        await third.drain()
    assert len(wang.messages) == 1
    await bot.app.start()


async def test_moved_session_reminds_at_the_new_time_only(bot: Bot, catalog: Catalog) -> None:
    """Moving a session cancels its pending reminder in the same transaction; the new time
    gets its own reminders (the start is in the key), the other sessions are untouched."""
    wang = bot.emu.user(7004, first_name="Wang", language_code="zh")
    _, _, sessions = await enrolled(bot, catalog, 7004)
    bot.clock.set(EVENING)
    assert (await tick(bot)).enqueued == 1
    new_start = datetime(2026, 3, 19, 19, 0, tzinfo=SHANGHAI).astimezone(UTC)
    async with bot.runtime.db.transaction() as session:
        told = await courses.move_session(
            session,
            school_of(bot, catalog),
            sessions[0],
            new_start,
            new_start + timedelta(minutes=90),
            bot.clock.now(),
        )
    assert told == 1  # Wang is told of the move
    statuses = await bot.sql(
        "SELECT status FROM outbox_messages WHERE dedupe_key IS NULL AND source LIKE 'reminder:%'"
    )
    assert statuses == [("cancelled",)]  # the old time's reminder, key freed
    await bot.drain()
    assert [("03-19" in m.text or "3月19" in m.text) for m in wang.messages] == [True]
    bot.clock.set(HOUR_BEFORE)  # the old time's one-hour moment
    assert (await tick(bot)).enqueued == 0
    bot.clock.set(datetime(2026, 3, 18, 19, 0, tzinfo=SHANGHAI).astimezone(UTC))
    assert (await tick(bot)).enqueued == 1  # the evening before the new time
    await bot.drain()
    assert "3月19日（周四）19:00" in wang.messages[-1].text
    assert len(wang.messages) == 2


async def test_withdrawn_enrolment_gets_no_stale_reminder(bot: Bot, catalog: Catalog) -> None:
    """Leaving the course cancels pending session reminders in the same transaction, and the
    job writes no new ones."""
    wang = bot.emu.user(7005, first_name="Wang", language_code="zh")
    course_id, user_id, _ = await enrolled(bot, catalog, 7005)
    bot.clock.set(EVENING)
    assert (await tick(bot)).enqueued == 1
    async with bot.runtime.db.transaction() as session:
        # Cut-off is 24 h before the first session; leaving is still allowed from the waitlist
        # or before it, so move the clock back for the withdrawal itself.
        outcome = await enrolment.withdraw(
            session, school_of(bot, catalog), course_id, user_id, EVENING - timedelta(days=2)
        )
    assert outcome.code == enrolment.OK_LEFT
    await bot.drain()
    bot.clock.set(HOUR_BEFORE)
    assert (await tick(bot)).enqueued == 0
    await bot.drain()
    assert wang.messages == []
    assert await bot.sql("SELECT status FROM outbox_messages") == [("cancelled",)]


async def test_cancelled_course_gets_no_stale_reminder(bot: Bot, catalog: Catalog) -> None:
    """Cancelling the course withdraws the pending reminder; only the cancellation notice goes."""
    wang = bot.emu.user(7006, first_name="Wang", language_code="zh")
    course_id, _, _ = await enrolled(bot, catalog, 7006)
    bot.clock.set(EVENING)
    assert (await tick(bot)).enqueued == 1
    async with bot.runtime.db.transaction() as session:
        assert await courses.cancel_course(
            session, school_of(bot, catalog), course_id, bot.clock.now()
        ) == 1  # fmt: skip
    await bot.drain()
    bot.clock.set(HOUR_BEFORE)
    assert (await tick(bot)).enqueued == 0
    await bot.drain()
    assert [m.text.startswith("⚠️") and "已取消" in m.text for m in wang.messages] == [True]


async def test_new_venue_replaces_the_pending_reminder(bot: Bot, catalog: Catalog) -> None:
    """Editing the venue cancels the pending reminder; the next run writes it with the new
    venue (after the notice that the class has moved there)."""
    wang = bot.emu.user(7007, first_name="Wang", language_code="en")
    course_id, _, _ = await enrolled(bot, catalog, 7007, "en")
    bot.clock.set(EVENING)
    assert (await tick(bot)).enqueued == 1
    other = next(v for v in bot.runtime.centre.venues if v.id != "canteen")
    async with bot.runtime.db.transaction() as session:
        edit = await courses.edit_field(
            session, school_of(bot, catalog), course_id, "venue_id", other.id, bot.clock.now()
        )
        assert edit == courses.FieldEdit(done=True, told=1)
    bot.clock.advance(timedelta(minutes=1))
    assert (await tick(bot)).enqueued == 1
    await bot.drain()
    assert len(wang.messages) == 2
    assert all(other.name.get("en") in m.text for m in wang.messages)


async def test_i_cant_come_records_an_absence_and_keeps_the_place(
    bot: Bot, catalog: Catalog
) -> None:
    """The button records an absence for that session only: the enrolment and seat stay, the
    session's later reminders are not sent, the next session is reminded; stale and forged
    presses change nothing."""
    wang = bot.emu.user(7008, first_name="Wang", language_code="zh")
    course_id, _, sessions = await enrolled(bot, catalog, 7008)
    bot.clock.set(EVENING)
    assert (await tick(bot)).enqueued == 1
    await bot.drain()
    reminder = wang.last
    assert reminder is not None
    await wang.press(catalog.text("zh", "reminder-cant-come"))
    edited = await wang.wait_edit(reminder)
    note = catalog.text("zh", "reminders-cant-absence", when="3月18日（周三）19:00")
    assert (edited.text or "").endswith("\n\n" + note)
    assert edited.button_texts() == [catalog.text("zh", "reminders-btn-undo")]
    assert await bot.sql("SELECT session_id, present FROM course_attendance") == [
        (sessions[0], False)
    ]
    assert await bot.sql(f"SELECT status FROM enrolments WHERE course_id = {course_id}") == [
        ("enrolled",)
    ]
    assert await bot.sql(f"SELECT taken FROM courses WHERE id = {course_id}") == [(1,)]
    bot.clock.set(HOUR_BEFORE)
    assert (await tick(bot)).enqueued == 0  # no more reminders for the missed session
    bot.clock.set(EVENING + timedelta(days=7))
    assert (await tick(bot)).enqueued == 1  # the next week's session
    await bot.drain()
    assert "3月25日（周三）19:00" in wang.messages[-1].text
    epoch = int(FIRST.timestamp())
    await wang.press_data(f"reminders:cant:class:{sessions[0]}:{epoch}", message_id=reminder)
    await bot.settle()  # the first session has not started yet; the moved clock says so
    answer = wang.callback_answers[-1].get("text")
    assert answer == catalog.text("zh", "reminders-cant-stale")  # it started a week ago
    await wang.press_data(f"reminders:cant:class:{sessions[1]}:{epoch}", message_id=reminder)
    await bot.settle()
    assert wang.callback_answers[-1].get("text") == catalog.text("zh", "reminders-cant-stale")
    await wang.press_data("reminders:cant:class:999999:1", message_id=reminder)
    await bot.settle()
    assert wang.callback_answers[-1].get("text") == catalog.text("zh", "reminders-cant-stale")
    assert await bot.sql("SELECT COUNT(*) FROM course_attendance") == [(1,)]


async def test_i_cant_come_for_a_class_can_be_undone_within_ten_minutes(
    bot: Bot, catalog: Catalog
) -> None:
    """In English: the reminder says the absence is noted and the place kept; "Undo" within
    ten minutes removes the absence and brings back "I can't come", whose second press
    records it again."""
    alice = bot.emu.user(7014, first_name="Alice", language_code="en")
    await enrolled(bot, catalog, 7014, "en")
    bot.clock.set(EVENING)
    assert (await tick(bot)).enqueued == 1
    await bot.drain()
    reminder = alice.last
    assert reminder is not None
    assert reminder.text is not None
    await alice.press(catalog.text("en", "reminder-cant-come"))
    edited = await alice.wait_edit(reminder)
    note = catalog.text("en", "reminders-cant-absence", when="Wed 18 Mar 19:00")
    assert edited.text == reminder.text + "\n\n" + note
    bot.clock.advance(timedelta(minutes=5))
    await alice.press(catalog.text("en", "reminders-btn-undo"))
    edited = await alice.wait_edit(reminder)
    assert edited.text == reminder.text + "\n\n" + catalog.text("en", "reminders-undone")
    assert await bot.sql("SELECT COUNT(*) FROM course_attendance") == [(0,)]
    bot.clock.set(HOUR_BEFORE)
    assert (await tick(bot)).enqueued == 1  # expected again, so reminded again
    await alice.press_data(reminder.callback_data()[0], message_id=reminder)
    await alice.wait_edit(reminder)
    assert await bot.sql("SELECT present FROM course_attendance") == [(False,)]
    bot.clock.advance(timedelta(minutes=11))
    await alice.press(catalog.text("en", "reminders-btn-undo"))
    await bot.settle()
    assert alice.callback_answers[-1].get("text") == catalog.text("en", "reminders-undo-expired")
    assert await bot.sql("SELECT present FROM course_attendance") == [(False,)]


async def test_an_absence_shows_in_myclasses_and_on_the_staff_attendance_sheet(
    bot: Bot, catalog: Catalog
) -> None:
    """After "我来不了", /myclasses names the following session as the next one and the
    skipped one as 请假; the staff attendance sheet and roster mark her 🙅 (English staff)."""
    wang = bot.emu.user(7015, first_name="Wang", language_code="zh")
    course_id, _, sessions = await enrolled(bot, catalog, 7015)
    bot.clock.set(EVENING)
    assert (await tick(bot)).enqueued == 1
    await bot.drain()
    await wang.command("/myclasses")
    before = await wang.wait_message(predicate=lambda m: "我的课程" in (m.text or ""))
    assert "下次上课：3月18日（周三）19:00" in (before.text or "")
    await wang.press(catalog.text("zh", "reminder-cant-come"))
    await bot.settle()
    await wang.command("/myclasses")
    after = await wang.wait_message(predicate=lambda m: "我的课程" in (m.text or ""))
    assert "下次上课：3月25日（周三）19:00" in (after.text or "")
    assert catalog.text("zh", "ns-my-leave", when="3月18日（周三）19:00") in (after.text or "")
    li = await _staff(bot)
    await li.command("/ns_courses")
    await bot.settle()
    await li.press_data(f"ns:att:{course_id}")
    await bot.settle()
    await li.press_data(f"ns:ats:{sessions[0]}")
    await bot.settle()
    sheet = li.messages[-1]
    assert sheet.button_texts() == [catalog.text("en", "ns-attendance-leave", name="Wang")]
    assert catalog.text("en", "ns-attendance-leaves", count=1) in (sheet.text or "")
    await li.press_data(f"ns:ros:{course_id}")
    await bot.settle()
    leave = catalog.text("en", "ns-roster-leave", days="Wed 18 Mar 19:00")
    assert leave in (li.messages[-1].text or "")


async def test_someone_not_enrolled_cannot_record_an_absence(bot: Bot, catalog: Catalog) -> None:
    """A resident who is not on the course pressing a (forwarded) button is told so; nothing
    is recorded."""
    _, _, sessions = await enrolled(bot, catalog, 7009)
    li = bot.emu.user(7010, first_name="Li", language_code="zh")
    await resident(bot, 7010)
    bot.clock.set(EVENING)
    epoch = int(FIRST.timestamp())
    await li.press_data(f"reminders:cant:class:{sessions[0]}:{epoch}", message_id=1)
    await bot.settle()
    answer = li.callback_answers[-1].get("text")
    assert answer == catalog.text("zh", "reminders-cant-not-expected")
    assert await bot.sql("SELECT COUNT(*) FROM course_attendance") == [(0,)]


async def test_waitlisted_and_lottery_applicants_are_not_reminded(
    bot: Bot, catalog: Catalog
) -> None:
    """Only the enrolled are reminded: a full course's waitlisted resident gets nothing."""
    school = school_of(bot, catalog)
    course_id = await published_course(bot.runtime.db, school, now=bot.clock.now(), capacity=1)
    first, second = await resident(bot, 7011), await resident(bot, 7012)
    async with bot.runtime.db.transaction() as session:
        for person in (first, second):
            await enrolment.sign_up(session, school, course_id, person, bot.clock.now())
    bot.clock.set(EVENING)
    report = await tick(bot)
    assert report.enqueued == 1
    assert await bot.sql("SELECT user_id FROM outbox_messages") == [(first,)]


async def test_confirm_drops_a_reminder_whose_course_changed_meanwhile(
    bot: Bot, catalog: Catalog
) -> None:
    """Between finding a due reminder and writing it, a change of venue (or anything the
    reminder shows) makes the source's re-check refuse it."""
    course_id, user_id, sessions = await enrolled(bot, catalog, 7013)
    source = class_reminders.ClassReminderSource()
    window = (EVENING, EVENING + reminders.LOOKAHEAD)
    async with bot.runtime.db.read() as session:
        found = await source.attendances(session, *window)
    assert [(a.item_id, a.user_id) for a in found] == [(sessions[0], user_id)]
    async with bot.runtime.db.transaction() as session:
        assert await source.confirm(session, found) == {(sessions[0], user_id, FIRST)}
        await courses.edit_field(
            session,
            school_of(bot, catalog),
            course_id,
            "venue_id",
            "night_school",
            bot.clock.now(),
        )
        assert await source.confirm(session, found) == set()


async def test_class_source_is_registered(bot: Bot) -> None:
    """The reminder planner of the running application knows the class-session source."""
    planner = reminder_handlers.planner_of(bot.app)
    assert isinstance(planner.sources.get("class"), class_reminders.ClassReminderSource)


async def _waiting_for_a_lock_or_done(bot: Bot, task: asyncio.Task[object]) -> None:
    """Until ``task`` is done or another session of this database waits for a row lock."""
    for _ in range(2000):
        if task.done():
            return
        waiting = await bot.sql(
            "SELECT COUNT(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        if waiting[0][0]:
            return
    raise AssertionError("the withdrawal neither finished nor waited")


# PostgreSQL only: on SQLite, BEGIN IMMEDIATE serialises the two write transactions outright.
@pytest.mark.parametrize(
    "database_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True
)
async def test_withdrawal_racing_the_reminder_job_leaves_no_stale_reminder(
    bot: Bot, catalog: Catalog, database_url: str
) -> None:
    """PostgreSQL: a withdrawal while the job's transaction holds a freshly written reminder
    waits for it (FOR SHARE on the course), then cancels that reminder."""
    course_id, user_id, _ = await enrolled(bot, catalog, 7020)
    bot.clock.set(EVENING)
    planner = reminder_handlers.planner_of(bot.app)
    school = school_of(bot, catalog)
    job_db, other_db = create_database(database_url), create_database(database_url)

    async def leave() -> enrolment.Outcome:
        async with other_db.transaction() as session:
            before_cutoff = EVENING - timedelta(days=2)
            return await enrolment.withdraw(session, school, course_id, user_id, before_cutoff)

    try:
        async with job_db.transaction() as session:
            assert (await planner.enqueue_due_reminders(session, bot.clock.now())).enqueued == 1
            leaving: asyncio.Task[enrolment.Outcome] = asyncio.create_task(leave())
            await _waiting_for_a_lock_or_done(bot, leaving)  # type: ignore[arg-type]
        outcome = await leaving
    finally:
        await job_db.dispose()
        await other_db.dispose()
    assert outcome.code == enrolment.OK_LEFT
    assert await bot.sql("SELECT status FROM outbox_messages") == [("cancelled",)]


async def test_a_name_with_html_characters_shows_as_written_on_the_attendance_sheet(
    bot: Bot, catalog: Catalog
) -> None:
    """A button label has no parse mode: "Tom & Jerry" on leave reads so, not "Tom &amp; Jerry"."""
    tom = bot.emu.user(7016, first_name="Tom & Jerry", language_code="en")
    course_id, _, sessions = await enrolled(bot, catalog, 7016, "en")
    bot.clock.set(EVENING)
    assert (await tick(bot)).enqueued == 1
    await bot.drain()
    await tom.command("/myclasses")  # the profile takes the name Telegram gives
    await bot.settle()
    await tom.press(catalog.text("en", "reminder-cant-come"))
    await bot.settle()
    li = await _staff(bot)
    await li.command("/ns_courses")
    await bot.settle()
    await li.press_data(f"ns:att:{course_id}")
    await bot.settle()
    await li.press_data(f"ns:ats:{sessions[0]}")
    await bot.settle()
    assert li.messages[-1].button_texts() == ["🙅 Tom & Jerry (can't come)"]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_reminder_says_when_a_closure_shuts_the_venue_that_day(
    bot: Bot, catalog: Catalog, lang: str
) -> None:
    """Staff close the canteen on the first class's day: its reminder (and /myclasses) says
    the venue is closed that day and the class may be called off, in the resident's language;
    the next week's reminder, at an open canteen, does not."""
    who = bot.emu.user(7021, first_name="Wang", language_code=lang)
    await enrolled(bot, catalog, 7021, lang)
    await make_staff(bot, 7022, "zh")
    li = bot.emu.user(7022, first_name="Li", language_code="zh")
    await li.command("/closure 食堂 3月18日 设备检修|maintenance")
    await li.wait_message()
    flag = catalog.text(lang, "ns-my-venue-closed")
    await who.command("/myclasses")
    assert flag in (await who.wait_message()).text
    bot.clock.set(EVENING)
    assert (await tick(bot)).enqueued == 1
    await bot.drain()
    reminder = who.messages[-1].text
    assert reminder.endswith("\n" + flag)
    assert ("Calligraphy(中)" if lang == "zh" else "Calligraphy") in reminder
    bot.clock.set(SECOND - timedelta(hours=1))
    assert (await tick(bot)).enqueued == 1
    await bot.drain()
    assert flag not in who.messages[-1].text


async def test_a_reminder_says_when_a_holiday_shuts_the_venue(bot: Bot, catalog: Catalog) -> None:
    """A class added on Qingming (5 April 2026, a statutory holiday the canteen closes for):
    its reminder says the venue is closed that day, like /myclasses, with one rule for both."""
    wang = bot.emu.user(7023, first_name="Wang", language_code="zh")
    course_id, _, _ = await enrolled(bot, catalog, 7023)
    holiday = datetime(2026, 4, 5, 19, 0, tzinfo=SHANGHAI).astimezone(UTC)
    async with bot.runtime.db.transaction() as session:
        await courses.add_session(
            session,
            school_of(bot, catalog),
            course_id,
            holiday,
            holiday + timedelta(minutes=90),
            bot.clock.now(),
        )
    bot.clock.set(holiday - timedelta(hours=2))  # after 1 April's class: 5 April is next
    await wang.command("/myclasses")
    listed = await wang.wait_message()
    assert "4月5日" in listed.text
    assert catalog.text("zh", "ns-my-venue-closed") in listed.text
    bot.clock.set(holiday - timedelta(hours=1))
    assert (await tick(bot)).enqueued == 1
    await bot.drain()
    assert wang.messages[-1].text.endswith("\n" + catalog.text("zh", "ns-my-venue-closed"))
