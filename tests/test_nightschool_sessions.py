"""Staff change single sessions and a course's capacity from the chat: move, cancel and add a
class, raise or lower the places; people on the course are told through the outbox, stale
reminders go, bad input and forged or stale buttons change nothing."""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta

import icalendar
import pytest

from bot.app import outbox_sender
from bot.clock import SHANGHAI
from bot.features.nightschool import class_reminders
from bot.i18n import Catalog
from bot.services import users
from frontdesk_emulator.client import SimUser
from tests.conftest import Bot
from tests.nightschool_helpers import make_school, published_course
from tests.test_reminders import tick

# The course of nightschool_helpers: Wednesdays 19:00-20:30 from 18 March 2026, four weeks.
FIRST = datetime(2026, 3, 18, 19, 0, tzinfo=SHANGHAI).astimezone(UTC)
EVENING_BEFORE = datetime(2026, 3, 17, 19, 0, tzinfo=SHANGHAI).astimezone(UTC)


@pytest.fixture
async def bot(bot: Bot) -> Bot:
    """The running bot without its background sender: only ``drain()`` (and ``settle()``)
    deliver, so a pending reminder is still pending when the staff command arrives."""
    await outbox_sender(bot.app).stop()
    return bot


def en(catalog: Catalog, key: str, **args: object) -> str:
    return catalog.text("en", key, **args)


async def _staff(bot: Bot, telegram_id: int = 7001) -> SimUser:
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, telegram_id, "Li", ["staff"], bot.clock.now())
        profile = await users.find(session, telegram_id)
        assert profile is not None
        await users.set_language(session, profile.id, "en")
    return bot.emu.user(telegram_id, first_name="Li", language_code="en")


async def _course_with_people(
    bot: Bot, catalog: Catalog, count: int, capacity: int, first_id: int
) -> tuple[int, list[SimUser]]:
    """A published course and ``count`` residents who pressed "sign up" in order."""
    school = make_school(catalog, bot.runtime.centre)
    course_id = await published_course(
        bot.runtime.db, school, now=bot.clock.now(), capacity=capacity
    )
    people = []
    for n in range(count):
        person = bot.emu.user(first_id + n, first_name=f"P{n}", language_code="en")
        await person.command("/classes")
        await person.wait_message()
        await person.press_data(f"ns:join:{course_id}")
        await bot.settle()
        people.append(person)
    return course_id, people


async def _sessions(bot: Bot, course_id: int) -> list[tuple[object, ...]]:
    return await bot.sql(
        f"SELECT id, status FROM course_sessions WHERE course_id = {course_id} ORDER BY starts_at"
    )


async def _audit(bot: Bot) -> list[object]:
    return [a for (a,) in await bot.sql("SELECT action FROM audit_log ORDER BY id")]


async def test_moving_a_session_by_command_tells_people_and_replaces_its_reminder(
    bot: Bot, catalog: Catalog
) -> None:
    """/ns_session … move changes the time, tells the enrolled via the outbox, cancels the old
    time's pending reminder in the same transaction and writes an audit entry."""
    course_id, (p0,) = await _course_with_people(bot, catalog, 1, 5, 7400)
    first_id = (await _sessions(bot, course_id))[0][0]
    bot.clock.set(EVENING_BEFORE)
    assert (await tick(bot)).enqueued == 1  # the evening-before reminder of the first class
    li = await _staff(bot)
    await li.command(f"/ns_session {course_id} move 1 2026-03-19 19:30-21:00")
    await bot.settle()
    assert any(en(catalog, "ns-session-moved-staff", when="", count=1)[:10] in (m.text or "")
               for m in li.messages)  # fmt: skip
    assert await bot.sql(f"SELECT moved FROM course_sessions WHERE id = {first_id}") == [(True,)]
    [(starts,)] = await bot.sql(f"SELECT starts_at FROM course_sessions WHERE id = {first_id}")
    expected = datetime(2026, 3, 19, 19, 30, tzinfo=SHANGHAI).astimezone(UTC)
    assert str(starts).startswith(expected.strftime("%Y-%m-%d %H:%M"))
    pending = await bot.sql(
        "SELECT status FROM outbox_messages WHERE source LIKE 'reminder:%' ORDER BY id"
    )
    assert pending == [("cancelled",)]
    moved = await p0.wait_message(predicate=lambda m: "has moved" in (m.text or ""))
    assert "19:30" in (moved.text or "")
    assert await _audit(bot) == ["nightschool.session-move"]


async def test_the_staff_card_numbers_classes_within_their_course_and_commands_take_them(
    bot: Bot, catalog: Catalog
) -> None:
    """The staff card numbers a course's classes 1, 2, 3… (never the database's ids, which run
    on across courses); /ns_session takes that number, so "cancel 2" cancels the card's class
    2 of that course; a class added before the first is the next number, the others keep
    theirs."""
    school = make_school(catalog, bot.runtime.centre)
    await published_course(bot.runtime.db, school, now=bot.clock.now())  # ids 1-4 go to it
    course_id, _ = await _course_with_people(bot, catalog, 0, 5, 7460)
    ids = [sid for sid, _ in await _sessions(bot, course_id)]
    assert ids[0] > 4
    for lang, telegram_id, second in (
        ("en", 7001, "Class 2: Wed 25 Mar 19:00"),
        ("zh", 7002, "第2节 3月25日（周三）19:00"),
    ):
        li = await _staff(bot, telegram_id)
        async with bot.runtime.db.transaction() as session:
            profile = await users.find(session, telegram_id)
            assert profile is not None
            await users.set_language(session, profile.id, lang)
        await li.command("/ns_courses")
        await bot.settle()
        await li.press_data(f"ns:sc:{course_id}")
        card = await li.wait_message(predicate=lambda m: "19:00" in (m.text or ""))
        assert second in card.text
        assert f"{ids[1]}. " not in card.text
    li = bot.emu.user(7001, first_name="Li", language_code="en")
    await li.command(f"/ns_session {course_id} cancel 2")
    await bot.settle()
    statuses = await _sessions(bot, course_id)
    assert statuses[1] == (ids[1], "cancelled")
    assert [status for _, status in statuses].count("cancelled") == 1
    card = li.messages[-1].text or ""
    assert "Class 2: Wed 25 Mar 19:00 (cancelled)" in card
    await li.command(f"/ns_session {course_id} add 2026-03-11 19:00-20:30")
    await bot.settle()
    card = li.messages[-1].text or ""
    assert "Class 5: Wed 11 Mar 19:00" in card
    assert "Class 1: Wed 18 Mar 19:00" in card
    assert card.index("Class 5: Wed 11 Mar") < card.index("Class 1: Wed 18 Mar")  # by date


async def test_a_moved_class_keeps_its_number_and_so_do_the_others(
    bot: Bot, catalog: Catalog
) -> None:
    """Moving class 2 after class 4 renumbers nothing: the number staff read on the card
    before the move still names the same class afterwards (in both languages)."""
    course_id, _ = await _course_with_people(bot, catalog, 0, 5, 7470)
    ids = [sid for sid, _ in await _sessions(bot, course_id)]
    li = await _staff(bot, 7003)
    await li.command(f"/ns_session {course_id} move 2 2026-04-15 19:00-20:30")
    await bot.settle()
    card = li.messages[-1].text or ""
    assert "Class 2: Wed 15 Apr 19:00" in card
    assert "Class 3: Wed 1 Apr 19:00" in card
    assert card.index("Class 4: Wed 8 Apr") < card.index("Class 2: Wed 15 Apr")  # by date
    await li.command(f"/ns_session {course_id} cancel 3")
    await bot.settle()
    cancelled = await bot.sql(
        f"SELECT id FROM course_sessions WHERE course_id = {course_id} AND status = 'cancelled'"
    )
    assert cancelled == [(ids[2],)]  # the third class as first created (1 April), not 8 April
    async with bot.runtime.db.transaction() as session:
        profile = await users.find(session, 7003)
        assert profile is not None
        await users.set_language(session, profile.id, "zh")
    await li.command("/ns_courses")
    await bot.settle()
    await li.press_data(f"ns:sc:{course_id}")
    card = (await li.wait_message(predicate=lambda m: "第2节" in (m.text or ""))).text or ""
    assert "第2节 4月15日（周三）19:00" in card
    assert "第3节 4月1日（周三）19:00（已取消）" in card


async def test_bad_session_input_is_refused_politely_and_changes_nothing(
    bot: Bot, catalog: Catalog
) -> None:
    """Year 9999, year 1, 25:00, an end before the start, a past date, a class of another
    course, a missing class and garbage all get a polite answer and change nothing."""
    course_id, _ = await _course_with_people(bot, catalog, 1, 5, 7450)
    other = await published_course(
        bot.runtime.db, make_school(catalog, bot.runtime.centre), now=bot.clock.now()
    )
    other_first = (await _sessions(bot, other))[0][0]
    before = await bot.sql("SELECT id, starts_at, ends_at, status FROM course_sessions")
    li = await _staff(bot)
    cases = [
        ("move 1 9999-12-31 19:00-20:00", en(catalog, "ns-err-date")),
        ("move 1 0001-01-01 19:00-20:00", en(catalog, "ns-err-date")),
        ("move 1 2026-03-19 25:00-26:00", en(catalog, "ns-err-time")),
        ("move 1 2026-03-19 20:00-19:00", en(catalog, "ns-err-time-range")),
        ("move 1 2026-02-19 19:00-20:00", en(catalog, "ns-refused-range")),
        ("move 1 2031-02-19 19:00-20:00", en(catalog, "ns-refused-range")),
        (f"move {other_first} 2026-03-19 19:00-20:00", en(catalog, "ns-refused-no-session")),
        ("move 5 2026-03-19 19:00-20:00", en(catalog, "ns-refused-no-session")),  # 4 classes
        ("cancel 0", en(catalog, "ns-refused-no-session")),
        ("move 999999 2026-03-19 19:00-20:00", en(catalog, "ns-refused-no-session")),
        ("cancel 999999", en(catalog, "ns-refused-no-session")),
        ("add 2026-13-40 19:00-20:00", en(catalog, "ns-err-date")),
        ("add 2026-03-18 19:00-20:30", en(catalog, "ns-refused-duplicate")),
        ("delete everything", html.unescape(en(catalog, "ns-session-usage"))),
    ]
    for args, answer in cases:
        await li.command(f"/ns_session {course_id} {args}")
        reply = await li.wait_message()
        assert reply.text == answer, args
    await li.command("/ns_session 999999 add 2026-03-19 19:00-20:00")
    assert (await li.wait_message()).text == en(catalog, "ns-refused-not-found")
    assert await bot.sql("SELECT id, starts_at, ends_at, status FROM course_sessions") == before
    assert await _audit(bot) == []
    resident = bot.emu.user(7459, first_name="R", language_code="en")
    await resident.command(f"/ns_session {course_id} cancel 1")
    assert (await resident.wait_message()).text == en(catalog, "refused-staff-only")


async def test_cancelling_a_session_from_buttons_tells_everyone_and_stays_visible(
    bot: Bot, catalog: Catalog
) -> None:
    """The card's Sessions → cancel → confirm marks the class cancelled, tells enrolled and
    waitlisted people, withdraws its pending reminder, keeps it visible (struck through) on
    the resident's card and leaves it out of the .ics; a second press changes nothing."""
    course_id, (p0, p1) = await _course_with_people(bot, catalog, 2, 1, 7500)
    first_id, second_id = [sid for sid, _ in (await _sessions(bot, course_id))[:2]]
    bot.clock.set(EVENING_BEFORE)
    li = await _staff(bot)
    await li.command("/ns_courses")
    await bot.settle()
    await li.press_data(f"ns:sc:{course_id}")
    await bot.settle()
    await li.press(en(catalog, "ns-btn-sessions"))
    await bot.settle()
    buttons = li.messages[-1].button_texts()
    assert len(buttons) == 4  # one per future class
    await li.press(buttons[0])
    await bot.settle()
    assert (await tick(bot)).enqueued == 1  # pending until the next drain
    await li.press(en(catalog, "ns-btn-confirm-cancel-session"))
    await bot.settle()
    assert li.callback_answers[-1]["text"] == en(catalog, "ns-session-cancelled-staff", count=2)
    assert (await _sessions(bot, course_id))[:2] == [
        (first_id, "cancelled"),
        (second_id, "scheduled"),
    ]
    pending = await bot.sql("SELECT status FROM outbox_messages WHERE source LIKE 'reminder:%'")
    assert pending == [("cancelled",)]
    for person in (p0, p1):
        await person.wait_message(predicate=lambda m: "is cancelled" in (m.text or ""))
    await li.press_data(f"ns:sxy:{first_id}")  # the confirmation pressed again (stale)
    await bot.settle()
    assert li.callback_answers[-1]["text"] == en(catalog, "ns-refused-session-cancelled")
    await li.press_data("ns:sxy:999999")  # forged
    await bot.settle()
    assert li.callback_answers[-1]["text"] == en(catalog, "ns-refused-no-session")
    await p1.press_data(f"ns:sxy:{second_id}")  # a resident forging the staff button
    await bot.settle()
    assert p1.callback_answers[-1]["text"] == en(catalog, "refused-staff-only")
    assert (await _sessions(bot, course_id))[1] == (second_id, "scheduled")
    await p0.press_data(f"ns:card:{course_id}")
    await bot.settle()
    assert "(cancelled)" in (p0.messages[-1].text or "")
    await p0.press_data(f"ns:ics:{course_id}")
    calendar_message = await p0.wait_message(predicate=lambda m: m.document is not None)
    assert calendar_message.document is not None
    calendar = icalendar.Calendar.from_ical(calendar_message.document["content"])
    uids = [str(e["uid"]) for e in calendar.walk("VEVENT")]
    assert len(uids) == 3
    assert f"ns-{course_id}-{first_id}@frontdesk" not in uids
    assert await _audit(bot) == ["nightschool.session-cancel"]
    bot.clock.set(FIRST - timedelta(hours=1))  # the cancelled class's one-hour moment
    assert (await tick(bot)).enqueued == 0


async def test_adding_a_session_tells_the_enrolled_and_it_is_reminded(
    bot: Bot, catalog: Catalog
) -> None:
    """/ns_session … add creates a scheduled class, tells the enrolled (not the waitlist) and
    the reminder job picks it up; a started class can no longer be moved."""
    course_id, (p0, p1) = await _course_with_people(bot, catalog, 2, 1, 7600)
    li = await _staff(bot)
    await li.command(f"/ns_session {course_id} add 2026-03-14 10:00-11:30")
    await bot.settle()
    assert len(await _sessions(bot, course_id)) == 5
    added = await p0.wait_message(predicate=lambda m: "has been added" in (m.text or ""))
    assert "10:00" in (added.text or "")
    assert not any("has been added" in (m.text or "") for m in p1.messages)
    bot.clock.set(datetime(2026, 3, 13, 19, 0, tzinfo=SHANGHAI).astimezone(UTC))
    assert (await tick(bot)).enqueued == 1
    new_id = (await _sessions(bot, course_id))[0][0]
    bot.clock.set(datetime(2026, 3, 14, 10, 5, tzinfo=SHANGHAI).astimezone(UTC))
    await li.command(f"/ns_session {course_id} move 5 2026-03-21 10:00-11:30")  # the added one
    await bot.settle()
    assert li.messages[-1].text == en(catalog, "ns-refused-started")
    assert await _audit(bot) == ["nightschool.session-add"]
    async with bot.runtime.db.read() as session:
        assert new_id in await class_reminders.session_ids(session, course_id)


async def test_raising_capacity_offers_the_new_seats_to_the_first_waiting(
    bot: Bot, catalog: Catalog
) -> None:
    """/ns_edit <id> capacity raises the places and offers each new seat to the next person
    waiting, in order, through the normal offer flow; never more seats than places."""
    course_id, people = await _course_with_people(bot, catalog, 4, 1, 7700)
    li = await _staff(bot)
    await li.command(f"/ns_edit {course_id} capacity 3")
    await bot.settle()
    assert any(
        en(catalog, "ns-capacity-changed", old=1, new=3, offers=2) == m.text for m in li.messages
    )
    assert await bot.sql(f"SELECT capacity, taken FROM courses WHERE id = {course_id}") == [(3, 3)]
    statuses = await bot.sql(
        f"SELECT status FROM enrolments WHERE course_id = {course_id} ORDER BY seq"
    )
    assert statuses == [("enrolled",), ("offered",), ("offered",), ("waitlisted",)]
    for person in people[1:3]:
        offer = await person.wait_message(predicate=lambda m: bool(m.button_texts()))
        assert en(catalog, "ns-btn-accept") in offer.button_texts()
    await people[1].press(en(catalog, "ns-btn-accept"))
    await bot.settle()
    assert not any(m.button_texts() for m in people[3].messages if "offer" in (m.text or ""))
    await li.command(f"/ns_edit {course_id} capacity 3")  # no change, no new offers
    await bot.settle()
    assert li.messages[-2].text == en(catalog, "ns-capacity-changed", old=3, new=3, offers=0)
    assert await _audit(bot) == ["nightschool.capacity", "nightschool.capacity"]


async def test_lowering_capacity_below_the_seats_held_is_refused(
    bot: Bot, catalog: Catalog
) -> None:
    """Lowering the places below the enrolled (and offered) is refused politely and changes
    nothing; lowering to what is held works; 0 or letters are refused as numbers."""
    course_id, _ = await _course_with_people(bot, catalog, 3, 5, 7800)
    li = await _staff(bot)
    await li.command(f"/ns_edit {course_id} capacity 2")
    assert (await li.wait_message()).text == en(
        catalog, "ns-refused-below-held", enrolled=3, offered=0
    )
    for bad in ("0", "abc", "99999999"):
        await li.command(f"/ns_edit {course_id} capacity {bad}")
        assert (await li.wait_message()).text == en(catalog, "ns-err-number", low=1, high=5000)
    assert await bot.sql(f"SELECT capacity, taken FROM courses WHERE id = {course_id}") == [(5, 3)]
    assert await _audit(bot) == []
    await li.command(f"/ns_edit {course_id} capacity 3")
    await bot.settle()
    assert await bot.sql(f"SELECT capacity, taken FROM courses WHERE id = {course_id}") == [(3, 3)]
    await li.command("/ns_edit 999999 capacity 3")
    await bot.settle()
    assert li.messages[-1].text == en(catalog, "ns-refused-not-found")


async def test_ns_edit_takes_field_names_and_values_in_words(bot: Bot, catalog: Catalog) -> None:
    """ "/ns_edit 1 名额 5人", "/ns_edit 1 fee free": names in either language and values in
    words; /ns_edit alone lists the courses, a course pressed its fields in words (issue 16)."""
    course_id, _ = await _course_with_people(bot, catalog, 1, 2, 7900)
    li = await _staff(bot)
    await li.command(f"/ns_edit {course_id} 名额 5人")
    await bot.settle()
    assert await bot.sql(f"SELECT capacity FROM courses WHERE id = {course_id}") == [(5,)]
    await li.command(f"/ns_edit {course_id} fee free")
    await bot.settle()
    assert await bot.sql(f"SELECT fee_fen FROM courses WHERE id = {course_id}") == [(0,)]
    await li.command(f"/ns_edit {course_id} 费用 12.5元")
    await bot.settle()
    assert await bot.sql(f"SELECT fee_fen FROM courses WHERE id = {course_id}") == [(1250,)]
    await li.command("/ns_edit")
    listing = await li.wait_message(predicate=lambda m: "ns:edc" in " ".join(m.callback_data()))
    assert listing.callback_data() == [f"ns:edc:{course_id}"]
    await li.press(f"ns:edc:{course_id}")
    fields = await li.wait_message(predicate=lambda m: "English title" in m.button_texts())
    assert "places" in fields.button_texts()
    assert "title_zh" not in " ".join([fields.text or "", *fields.button_texts()])


async def test_the_question_before_cancelling_a_class_offers_to_keep_it(
    bot: Bot, catalog: Catalog
) -> None:
    """Cancel one class → the question has "No, keep it" beside the confirmation; keeping it
    replaces the question (its cancel button gone), the class stays and nobody is told."""
    course_id, (p0,) = await _course_with_people(bot, catalog, 1, 5, 7550)
    first_id = (await _sessions(bot, course_id))[0][0]
    li = await _staff(bot)
    await li.command("/ns_courses")
    await bot.settle()
    await li.press_data(f"ns:sc:{course_id}")
    await bot.settle()
    await li.press(en(catalog, "ns-btn-sessions"))
    await bot.settle()
    await li.press(li.messages[-1].button_texts()[0])
    question = await li.wait_message(
        predicate=lambda m: en(catalog, "ns-btn-keep") in m.button_texts()
    )
    assert question.button_texts() == [
        en(catalog, "ns-btn-confirm-cancel-session"),
        en(catalog, "ns-btn-keep"),
    ]
    await li.press(en(catalog, "ns-btn-keep"))
    kept = await li.wait_edit(question)
    assert kept.button_texts() == []
    assert "goes ahead" in (kept.text or "")
    await bot.settle()
    assert (await _sessions(bot, course_id))[0] == (first_id, "scheduled")
    assert not any("cancelled" in (m.text or "") for m in p0.messages)
