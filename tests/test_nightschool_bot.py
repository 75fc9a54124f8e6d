"""Night school through the real application on the emulator (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from icalendar import Calendar
from sqlalchemy import select

from bot.features.nightschool import enrolment
from bot.features.nightschool.class_reminders import session_ids
from bot.features.nightschool.models import CourseSession
from bot.i18n import Catalog
from bot.services import outbox, users
from bot.storage.models import User
from bot.testing import settle
from tests.conftest import Bot
from tests.nightschool_helpers import make_school, published_course


def zh(catalog: Catalog, key: str, **args: object) -> str:
    return catalog.text("zh", key, **args)


def en(catalog: Catalog, key: str, **args: object) -> str:
    return catalog.text("en", key, **args)


async def _course(bot: Bot, catalog: Catalog, **kwargs: object) -> int:
    school = make_school(catalog, bot.runtime.centre)
    return await published_course(bot.runtime.db, school, now=bot.clock.now(), **kwargs)


async def _settle_long(bot: Bot) -> None:
    """Like ``bot.settle`` but allowing for a 500-person burst."""
    await asyncio.wait_for(settle(bot.app, bot.emu), timeout=60)


async def test_500_concurrent_sign_ups_through_the_app(bot: Bot, catalog: Catalog) -> None:
    """500 residents press "sign up" at once on a 20-seat course: 20 places, 480 waitlisted in
    the database's arrival order, and each one is told exactly where they stand."""
    course_id = await _course(bot, catalog, capacity=20)
    people = [bot.emu.user(50_000 + n, first_name=f"R{n}", language_code="zh") for n in range(500)]
    # They know the bot already; the centre announces the course with a sign-up button.
    async with bot.runtime.db.transaction() as session:
        for person in people:
            await users.register(
                session, users.Person(person.id, person.first_name, language_code="zh"),
                bot.clock.now(),
            )  # fmt: skip
        body = await outbox.create_body(
            session,
            "Calligraphy",
            bot.clock.now(),
            buttons=[[outbox.Button(zh(catalog, "ns-btn-join"), data=f"ns:join:{course_id}")]],
        )
        await outbox.enqueue_audience(
            session, body, select(User.telegram_id, User.id), source="t", now=bot.clock.now()
        )  # type: ignore[arg-type]
    await bot.drain()
    # Everyone taps at once.
    await asyncio.gather(*(p.press(zh(catalog, "ns-btn-join")) for p in people))
    await _settle_long(bot)
    await bot.drain()
    rows = await bot.sql(
        "SELECT u.telegram_id, e.status, e.seq FROM enrolments e JOIN users u ON u.id = e.user_id "
        "ORDER BY e.seq"
    )
    assert len(rows) == 500
    statuses = [status for _, status, _ in rows]
    assert statuses == ["enrolled"] * 20 + ["waitlisted"] * 480  # seats went to the first 20
    assert await bot.sql(f"SELECT taken FROM courses WHERE id = {course_id}") == [(20,)]
    by_id = {person.id: person for person in people}
    for position, (telegram_id, _, _) in enumerate(rows[20:], start=1):
        answer = by_id[int(telegram_id)].callback_answers[-1]["text"]  # type: ignore[call-overload]
        assert answer == zh(catalog, "ns-result-waitlisted", position=position)
    for telegram_id, _, _ in rows[:20]:
        answer = by_id[int(telegram_id)].callback_answers[-1]["text"]  # type: ignore[call-overload]
        assert answer == zh(catalog, "ns-result-enrolled")
    assert bot.emu.unanswered_callback_queries() == []


async def test_five_taps_at_once_give_one_place(bot: Bot, catalog: Catalog) -> None:
    """The same resident tapping "sign up" five times at once is enrolled once."""
    course_id = await _course(bot, catalog, capacity=5)
    wang = bot.emu.user(4001, first_name="Wang", language_code="zh")
    await wang.command("/classes")
    await wang.wait_message()
    await wang.press("Calligraphy(中)")
    await bot.settle()
    await asyncio.gather(*(wang.press(f"ns:join:{course_id}") for _ in range(5)))
    await bot.settle()
    assert await bot.sql("SELECT status FROM enrolments") == [("enrolled",)]
    assert await bot.sql("SELECT taken FROM courses") == [(1,)]
    answers = [a["text"] for a in wang.callback_answers[-5:]]
    assert answers[0] == zh(catalog, "ns-result-enrolled")
    assert answers[1:] == [zh(catalog, "ns-result-already-enrolled")] * 4


async def test_card_shows_status_and_cancel_frees_the_seat_for_the_waitlist(
    bot: Bot, catalog: Catalog
) -> None:
    """A resident cancels from the card; the first waitlisted gets an offer and accepts it."""
    await _course(bot, catalog, capacity=1)
    alice = bot.emu.user(4002, first_name="Alice", language_code="en")
    wang = bot.emu.user(4003, first_name="Wang", language_code="zh")
    await alice.command("/classes")
    listing = await alice.wait_message()
    await alice.press("Calligraphy")
    card = await alice.wait_edit(listing)
    assert en(catalog, "ns-btn-join") in card.button_texts()
    await alice.press(en(catalog, "ns-btn-join"))
    edited = await alice.wait_edit(listing)
    assert en(catalog, "ns-mine-enrolled") in (edited.text or "")
    await wang.command("/classes")
    await wang.wait_message()
    await wang.press("Calligraphy(中)")
    await bot.settle()
    await wang.press(zh(catalog, "ns-btn-waitlist"))
    await bot.settle()
    assert wang.callback_answers[-1]["text"] == zh(catalog, "ns-result-waitlisted", position=1)
    bot.clock.advance(timedelta(hours=1))
    await alice.press(en(catalog, "ns-btn-leave"))
    asking = await alice.wait_edit(listing)
    assert (asking.text or "").startswith("Cancel your place")
    assert await bot.sql("SELECT status FROM enrolments ORDER BY id") == [
        ("enrolled",),
        ("waitlisted",),
    ]  # one tap asks; it does not cancel
    await alice.press(en(catalog, "ns-btn-confirm-leave"))
    await bot.settle()
    await bot.drain()
    accept_label = zh(catalog, "ns-btn-accept")
    offer = await wang.wait_message(predicate=lambda m: accept_label in m.button_texts())
    assert "名额" in (offer.text or "")
    await wang.press(zh(catalog, "ns-btn-accept"))
    await bot.settle()
    assert wang.callback_answers[-1]["text"] == zh(catalog, "ns-result-accepted")
    rows = await bot.sql(
        "SELECT u.telegram_id, e.status FROM enrolments e JOIN users u ON u.id = e.user_id "
        "ORDER BY u.telegram_id"
    )
    assert rows == [(4002, "cancelled"), (4003, "enrolled")]


async def test_forged_and_stale_presses_change_nothing(bot: Bot, catalog: Catalog) -> None:
    """Unknown course ids, someone else's offer and malformed data get clear answers only."""
    course_id = await _course(bot, catalog, capacity=1)
    a = bot.emu.user(4004, first_name="A", language_code="en")
    b = bot.emu.user(4005, first_name="B", language_code="en")
    c = bot.emu.user(4006, first_name="C", language_code="en")
    for person in (a, b, c):
        await person.command("/classes")
        await person.wait_message()
    await a.press_data(f"ns:join:{course_id}")
    await bot.settle()
    await b.press_data(f"ns:join:{course_id}")
    await bot.settle()
    await a.press_data(f"ns:leaveok:{course_id}")
    await bot.settle()
    [(offer_id,)] = await bot.sql("SELECT id FROM enrolments WHERE status = 'offered'")
    before = await bot.sql("SELECT id, status, seq FROM enrolments ORDER BY id")
    await c.press_data(f"ns:acc:{offer_id}")
    await bot.settle()
    assert c.callback_answers[-1]["text"] == en(catalog, "ns-result-not-yours")
    await c.press_data("ns:join:999999")
    await bot.settle()
    assert c.callback_answers[-1]["text"] == en(catalog, "ns-result-not-found")
    await c.press_data("ns:join:1x")
    await bot.settle()
    assert c.callback_answers[-1]["text"] == en(catalog, "button-invalid")
    await c.press_data("ns:acc:999999")
    await bot.settle()
    assert c.callback_answers[-1]["text"] == en(catalog, "ns-result-offer-gone")
    assert await bot.sql("SELECT id, status, seq FROM enrolments ORDER BY id") == before


async def test_myclasses_lists_positions_and_sends_a_calendar(bot: Bot, catalog: Catalog) -> None:
    """/myclasses shows the waitlist position and the .ics button sends valid iCalendar."""
    course_id = await _course(bot, catalog, capacity=1)
    a = bot.emu.user(4007, first_name="A", language_code="en")
    b = bot.emu.user(4008, first_name="B", language_code="en")
    for person in (a, b):
        await person.command("/classes")
        await person.wait_message()
        await person.press_data(f"ns:join:{course_id}")
        await bot.settle()
    await b.command("/myclasses")
    mine = await b.wait_message(predicate=lambda m: "My classes" in (m.text or ""))
    assert en(catalog, "ns-mine-waitlisted", position=1) in (mine.text or "")
    await b.press(en(catalog, "ns-btn-ics"))
    await bot.settle()
    assert b.callback_answers[-1].get("text", "") == ""  # waitlisted people may have it too
    await a.command("/myclasses")
    await a.wait_message(predicate=lambda m: "My classes" in (m.text or ""))
    await a.press(en(catalog, "ns-btn-ics"))
    document = await a.wait_message(predicate=lambda m: m.document is not None)
    assert document.document is not None
    calendar = Calendar.from_ical(document.document["content"])
    events = calendar.walk("VEVENT")
    assert len(events) == 4
    assert events[0].decoded("dtstart").utcoffset() == timedelta(0)


async def test_menu_button_opens_the_class_list(bot: Bot, catalog: Catalog) -> None:
    """The main menu's classes button lists open courses."""
    await _course(bot, catalog)
    wang = bot.emu.user(4009, first_name="Wang", language_code="zh")
    await wang.send(zh(catalog, "menu-classes"))
    reply = await wang.wait_message()
    assert reply.text is not None
    assert reply.text.startswith(
        zh(catalog, "ns-list-title").replace("<b>", "").replace("</b>", "")
    )
    assert reply.button_texts() == ["Calligraphy(中)"]


async def test_the_classes_button_is_named_for_every_class_it_lists(
    bot: Bot, catalog: Catalog
) -> None:
    """The menu button lists every open class, daytime community classes (tai chi) as well
    as the night school's, so neither it nor the list calls them all night school; /classes
    lists the same; the button's old label, still on kept keyboards, still opens the list."""
    from datetime import time

    from bot.features.nightschool import courses
    from tests.nightschool_helpers import draft

    await _course(bot, catalog, title="Photography")
    daytime = draft(title="Tai chi")
    daytime.start, daytime.end = time(9, 0), time(10, 0)
    school = make_school(catalog, bot.runtime.centre)
    async with bot.runtime.db.transaction() as session:
        course_id = await courses.create_course(session, school, daytime, None, bot.clock.now())
        assert await courses.publish(session, course_id, bot.clock.now())
    for lang, user_id, night in (("zh", 4031, "夜校"), ("en", 4032, "Night school")):
        person = bot.emu.user(user_id, first_name="P", language_code=lang)
        label = catalog.text(lang, "menu-classes")
        assert night not in label
        for pressed in (label, catalog.text(lang, "menu-classes-retired"), "/classes"):
            await (person.command(pressed) if pressed == "/classes" else person.send(pressed))
            listing = await person.wait_message()
            assert not listing.text.startswith(f"📚 {night}")
            titles = " ".join(listing.button_texts())
            assert "Tai chi" in titles
            assert "Photography" in titles


async def test_staff_texts_about_any_course_do_not_call_it_night_school(
    bot: Bot, catalog: Catalog
) -> None:
    """Staff run every course with the same commands (a daytime tai chi class in the canteen
    as well as the night school's): their command list, the course list and the audit log
    call it a course, in both languages, not night school."""
    course_id = await _course(bot, catalog, title="Tai chi")
    for lang, user_id, night in (("zh", 4041, "夜校"), ("en", 4042, "night school")):
        async with bot.runtime.db.transaction() as session:
            await users.ensure_staff(session, user_id, "Li", ["staff", "admin"], bot.clock.now())
            profile = await users.find(session, user_id)
            assert profile is not None
            await users.set_language(session, profile.id, lang)
        li = bot.emu.user(user_id, first_name="Li", language_code=lang)
        await li.command("/staff")
        commands = (await li.wait_message()).text or ""
        assert f"/ns_session — {catalog.text(lang, 'cmd-ns-session')}" in commands
        await li.command("/ns_courses")
        listing = await li.wait_message()
        assert "Tai chi" in " ".join(listing.button_texts())
        await li.command(f"/ns_session {course_id} cancel {4 if lang == 'zh' else 3}")
        await bot.settle()
        await li.command("/audit")
        audit_page = await li.wait_message(predicate=lambda m: "Li" in (m.text or ""))
        did = catalog.text(lang, "audit-do-nightschool-session-cancel")
        assert did in (audit_page.text or "")
        for text in (commands, listing.text or "", audit_page.text or ""):
            assert night not in text.lower()


async def test_offer_expiry_job_function_moves_the_offer_on(bot: Bot, catalog: Catalog) -> None:
    """The repeating job's function expires an offer at the controlled clock's time."""
    from bot.features.nightschool.handlers import school_of

    course_id = await _course(bot, catalog, capacity=1)
    people = [bot.emu.user(4010 + n, first_name=f"P{n}", language_code="zh") for n in range(3)]
    for person in people:
        await person.command("/classes")
        await person.wait_message()
        await person.press_data(f"ns:join:{course_id}")
        await bot.settle()
    await people[0].press_data(f"ns:leaveok:{course_id}")
    await bot.settle()
    await bot.drain()
    bot.clock.advance(timedelta(days=2))
    async with bot.runtime.db.transaction() as session:
        assert await enrolment.expire_offers(session, school_of(bot.runtime), bot.clock.now()) == 1
    await bot.drain()
    await people[1].wait_message(predicate=lambda m: "过期" in (m.text or ""))
    accept_label = zh(catalog, "ns-btn-accept")
    await people[2].wait_message(predicate=lambda m: accept_label in m.button_texts())


async def test_residents_see_when_each_class_starts_and_ends(bot: Bot, catalog: Catalog) -> None:
    """The course card and /myclasses show the class as "19:00–20:30", not only its start, in
    both languages."""
    course_id = await _course(bot, catalog)
    for n, lang in enumerate(("zh", "en")):
        person = bot.emu.user(7601 + n, first_name="Qian", language_code=lang)
        await person.command("/classes")
        listing = await person.wait_message()
        await person.press_data(f"ns:join:{course_id}")
        card = await person.wait_edit(listing)
        assert "19:00–20:30" in (card.text or ""), card.text
        await person.command("/myclasses")
        mine = await person.wait_message(predicate=lambda m: "Calligraphy" in (m.text or ""))
        assert "19:00–20:30" in (mine.text or ""), mine.text


async def test_a_late_cancellation_says_the_rule_and_offers_staff(
    bot: Bot, catalog: Catalog
) -> None:
    """Within 24 hours of the first class, "取消报名" explains the rule in the card itself and
    puts "找工作人员" where "cancel" was; an old "yes, cancel" (English) gets the same, and the
    place stays. The staff button opens the talk-to-a-person path; forged ones are refused."""
    course_id = await _course(bot, catalog)
    wang = bot.emu.user(7611, first_name="Wang", language_code="zh")
    alice = bot.emu.user(7612, first_name="Alice", language_code="en")
    for person in (wang, alice):
        await person.command("/classes")
        listing = await person.wait_message()
        await person.press_data(f"ns:join:{course_id}")
        await person.wait_edit(listing)
    await alice.press(en(catalog, "ns-btn-leave"))
    confirm = await alice.wait_edit(listing)
    assert en(catalog, "ns-btn-confirm-leave") in confirm.button_texts()
    async with bot.runtime.db.read() as session:
        first_id = (await session_ids(session, course_id))[0]
        meeting = await session.get(CourseSession, first_id)
        assert meeting is not None
    bot.clock.set(meeting.starts_at - timedelta(hours=12))

    await wang.command("/myclasses")
    card = await wang.wait_message(predicate=lambda m: "我的课程" in (m.text or ""))
    await wang.press("Calligraphy(中)")
    await wang.wait_edit(card)
    await wang.press(zh(catalog, "ns-btn-leave"))
    refused = await wang.wait_edit(card)
    assert (refused.text or "").startswith(zh(catalog, "ns-cutoff-note", hours=24))
    assert zh(catalog, "ns-btn-ask-staff") in refused.button_texts()
    assert zh(catalog, "ns-btn-leave") not in refused.button_texts()

    await alice.press(en(catalog, "ns-btn-confirm-leave"))
    refused = await alice.wait_edit(listing)
    assert (refused.text or "").startswith(en(catalog, "ns-cutoff-note", hours=24))
    assert en(catalog, "ns-btn-ask-staff") in refused.button_texts()
    assert await bot.sql("SELECT status FROM enrolments ORDER BY id") == [
        ("enrolled",),
        ("enrolled",),
    ]

    answered = len(alice.callback_answers)
    await alice.press(en(catalog, "ns-btn-ask-staff"))
    reply = await alice.wait_message()
    assert reply.text
    assert len(alice.callback_answers) == answered + 1
    await alice.press_data("ns:staff:x", message_id=listing)
    await bot.settle()
    assert alice.callback_answers[-1].get("text") == en(catalog, "button-invalid")


async def test_myclasses_tells_a_waitlisted_resident_she_has_no_place_yet(
    bot: Bot, catalog: Catalog
) -> None:
    """On a full course /myclasses gives the waitlisted, in both languages, the class time
    marked as "once you have a place", while the enrolled one reads a plain next class."""
    course_id = await _course(bot, catalog, capacity=1)
    people = [
        bot.emu.user(7621 + n, first_name=f"W{n}", language_code=lang)
        for n, lang in enumerate(("zh", "zh", "en"))
    ]
    for person in people:
        await person.command("/classes")
        await person.wait_message()
        await person.press_data(f"ns:join:{course_id}")
        await bot.settle()
    texts = []
    for person, title in zip(people, ("我的课程", "我的课程", "My classes"), strict=True):
        await person.command("/myclasses")
        mine = await person.wait_message(predicate=lambda m, t=title: t in (m.text or ""))
        texts.append(mine.text or "")
    zh_when = "3月18日（周三）19:00–20:30"
    assert f"下次上课：{zh_when}\n" in texts[0] + "\n"
    assert f"下次上课：{zh(catalog, 'ns-my-next-waitlisted', next=zh_when)}" in texts[1]
    assert zh(catalog, "ns-mine-waitlisted", position=1) in texts[1]
    en_when = "Wed 18 Mar 19:00–20:30"
    assert f"Next class: {en(catalog, 'ns-my-next-waitlisted', next=en_when)}" in texts[2]
    assert en(catalog, "ns-mine-waitlisted", position=2) in texts[2]
