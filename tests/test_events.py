"""Events end to end: the list and card, sign-up within capacity, .ics, staff changes."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.centre import Centre
from bot.clock import SHANGHAI
from bot.features.events import service as events
from bot.i18n import Catalog
from bot.services import users
from bot.storage.db import Database, create_database
from tests.conftest import Bot

# Wednesday 2026-03-04 14:00 in Shanghai (the tests' clock says Monday 10:00).
EVENT_START = datetime(2026, 3, 4, 14, 0, tzinfo=SHANGHAI).astimezone(UTC)


async def resident(bot: Bot, telegram_id: int, lang: str = "zh", name: str = "Wang") -> int:
    """Register someone as if they had written to the bot; returns their internal id."""
    async with bot.runtime.db.transaction() as session:
        profile = await users.register(
            session, users.Person(telegram_id, name, language_code=lang), bot.clock.now()
        )
    return profile.id


async def staff_member(bot: Bot, telegram_id: int = 9001) -> users.Profile:
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, telegram_id, "Li", ["staff"], bot.clock.now())
        profile = await users.find(session, telegram_id)
    assert profile is not None
    return profile


async def make_event(
    bot: Bot,
    *,
    starts_at: datetime = EVENT_START,
    capacity: int | None = 30,
    title: str = "剪纸",
) -> int:
    actor = await staff_member(bot)
    draft = events.Draft(
        title_zh=title,
        title_en="Paper cutting",
        description_zh="传统剪纸体验",
        description_en="Try traditional paper cutting",
        venue_id="canteen",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
        capacity=capacity,
    )
    async with bot.runtime.db.transaction() as session:
        return await events.create(session, draft, actor, bot.clock.now())


async def sign_up(bot: Bot, event_id: int, user_id: int) -> events.SignUp:
    async with bot.runtime.db.transaction() as session:
        return await events.sign_up(session, event_id, user_id, bot.clock.now())


async def test_resident_lists_opens_and_signs_up(bot: Bot, catalog: Catalog) -> None:
    """/events lists the event; its card signs the resident up and shows the seat count."""
    event_id = await make_event(bot)
    wang = bot.emu.user(5001, first_name="Wang", language_code="zh")
    await wang.command("/events")
    listing = await wang.wait_message()
    assert listing.callback_data() == [f"events:show:{event_id}"]
    await wang.press(f"events:show:{event_id}")
    card = await wang.wait_message()
    assert "剪纸" in card.text
    assert "社区食堂" in card.text
    assert "3月4日（周三）14:00 – 16:00" in card.text  # the project's date style, not ISO
    await wang.press(f"events:join:{event_id}")
    edited = await wang.wait_edit(card)
    assert catalog.text("zh", "events-you-are-in") in edited.text
    assert wang.callback_answers[-1].get("text") == catalog.text("zh", "events-joined")
    assert await bot.sql("SELECT taken FROM events") == [(1,)]
    await wang.press(f"events:leave:{event_id}")
    asking = await wang.wait_edit(card)
    assert asking.button_texts() == [
        catalog.text("zh", "events-btn-confirm-leave"),
        catalog.text("zh", "events-btn-keep"),
    ]
    assert await bot.sql("SELECT taken FROM events") == [(1,)]  # one tap only asks
    await wang.press(catalog.text("zh", "events-btn-confirm-leave"))
    await wang.wait_edit(card)
    assert await bot.sql("SELECT taken FROM events") == [(0,)]
    assert await bot.sql("SELECT status FROM event_signups") == [("withdrawn",)]


async def test_menu_button_lists_events(bot: Bot, catalog: Catalog) -> None:
    """The main menu's events button answers with the upcoming events."""
    await make_event(bot)
    alice = bot.emu.user(5002, first_name="Alice", language_code="en")
    await alice.send(catalog.text("en", "menu-events"))
    reply = await alice.wait_message()
    assert reply.text == catalog.text("en", "events-list-title").replace("<b>", "").replace(
        "</b>", ""
    )
    assert "Paper cutting" in reply.button_texts()[0]


async def test_no_events_says_so(bot: Bot, catalog: Catalog) -> None:
    """With nothing planned, /events says so instead of showing an empty list."""
    alice = bot.emu.user(5003, first_name="Alice", language_code="en")
    await alice.command("/events")
    assert (await alice.wait_message()).text == catalog.text("en", "events-none")


async def test_capacity_is_respected(bot: Bot) -> None:
    """With one seat, the second resident waits on the waitlist and takes no seat."""
    event_id = await make_event(bot, capacity=1)
    first, second = await resident(bot, 5004), await resident(bot, 5005)
    assert await sign_up(bot, event_id, first) is events.SignUp.JOINED
    assert await sign_up(bot, event_id, second) is events.SignUp.WAITLISTED
    assert await sign_up(bot, event_id, first) is events.SignUp.ALREADY
    assert await sign_up(bot, event_id, second) is events.SignUp.ALREADY
    assert await bot.sql("SELECT taken FROM events") == [(1,)]
    assert await bot.sql("SELECT user_id, status FROM event_signups ORDER BY seq") == [
        (first, "active"),
        (second, "waitlisted"),
    ]


async def test_concurrent_sign_ups_never_overfill(bot: Bot, database_url: str) -> None:
    """Twenty people pressing at once for five seats, on separate connections: exactly five."""
    event_id = await make_event(bot, capacity=5)
    people = [await resident(bot, 5100 + i) for i in range(20)]
    databases: list[Database] = [create_database(database_url) for _ in range(4)]

    async def press(index: int, user_id: int) -> events.SignUp:
        async with databases[index % 4].transaction() as session:
            return await events.sign_up(session, event_id, user_id, bot.clock.now())

    try:
        outcomes = await asyncio.gather(*(press(i, u) for i, u in enumerate(people)))
    finally:
        for database in databases:
            await database.dispose()
    assert outcomes.count(events.SignUp.JOINED) == 5
    assert await bot.sql("SELECT taken FROM events") == [(5,)]
    active = await bot.sql("SELECT COUNT(*) FROM event_signups WHERE status = 'active'")
    assert active == [(5,)]


async def test_signing_up_again_after_withdrawing_works(bot: Bot) -> None:
    """Withdrawing frees the seat for someone else, and one can sign up again later (at the
    back of the waitlist while the event is full)."""
    event_id = await make_event(bot, capacity=1)
    first, second = await resident(bot, 5006), await resident(bot, 5007)
    await sign_up(bot, event_id, first)
    async with bot.runtime.db.transaction() as session:
        assert await events.withdraw(session, event_id, first, bot.clock.now())
        assert not await events.withdraw(session, event_id, first, bot.clock.now())
    assert await sign_up(bot, event_id, second) is events.SignUp.JOINED
    assert await sign_up(bot, event_id, first) is events.SignUp.WAITLISTED
    async with bot.runtime.db.transaction() as session:
        await events.withdraw(session, event_id, first, bot.clock.now())
        await events.withdraw(session, event_id, second, bot.clock.now())
    assert await sign_up(bot, event_id, first) is events.SignUp.JOINED


async def test_forged_and_stale_buttons_change_nothing(bot: Bot, catalog: Catalog) -> None:
    """Buttons for unknown, cancelled or malformed events get a clear answer and no change."""
    event_id = await make_event(bot)
    wang = bot.emu.user(5008, first_name="Wang", language_code="zh")
    await wang.command("/events")
    listing = await wang.wait_message()
    for data in ("events:join:999999", "events:join:abc", f"events:join:{event_id}:1"):
        await wang.press_data(data, message_id=listing.message_id)
        await bot.settle()
        assert wang.callback_answers[-1].get("text") == catalog.text("zh", "button-invalid")
    await wang.press_data(f"events:cancelok:{event_id}", message_id=listing.message_id)
    await bot.settle()
    assert wang.callback_answers[-1].get("text") == catalog.text("zh", "refused-staff-only")
    assert await bot.sql("SELECT status, taken FROM events") == [("scheduled", 0)]
    bot.clock.set(EVENT_START + timedelta(minutes=1))
    await wang.press_data(f"events:join:{event_id}", message_id=listing.message_id)
    await bot.settle()
    assert wang.callback_answers[-1].get("text") == catalog.text("zh", "events-closed")
    assert await bot.sql("SELECT COUNT(*) FROM event_signups") == [(0,)]


async def test_calendar_file_is_sent(bot: Bot) -> None:
    """The card's calendar button sends an .ics file with the event in it."""
    event_id = await make_event(bot)
    alice = bot.emu.user(5009, first_name="Alice", language_code="en")
    await alice.command("/events")
    await alice.wait_message()
    await alice.press(f"events:show:{event_id}")
    await alice.wait_message()
    await alice.press(f"events:ics:{event_id}")
    document = await alice.wait_message(predicate=lambda m: m.document is not None)
    assert document.document is not None
    data = bot.emu.core.files[document.document["file_id"]].content
    assert b"BEGIN:VEVENT" in data
    assert b"SUMMARY:Paper cutting" in data
    assert b"DTSTART:20260304T060000Z" in data


async def test_a_cancelled_event_offers_no_calendar_file(bot: Bot, catalog: Catalog) -> None:
    """A cancelled event's card has no "add to calendar" button, and a calendar button on a
    card drawn before the cancellation answers that the event is cancelled and sends no file."""
    event_id = await make_event(bot)
    for lang, user_id in (("zh", 5031), ("en", 5032)):
        person = bot.emu.user(user_id, first_name="P", language_code=lang)
        await person.command("/events")
        await person.wait_message()
        await person.press(f"events:show:{event_id}")
        before = await person.wait_message()
        assert catalog.text(lang, "events-btn-ics") in before.button_texts()
    actor = await staff_member(bot)
    async with bot.runtime.db.transaction() as session:
        notices = events.Notices(bot.runtime.catalog, bot.runtime.centre)
        assert await events.cancel(session, event_id, actor, bot.clock.now(), notices)
    for lang, user_id in (("zh", 5031), ("en", 5032)):
        person = bot.emu.user(user_id, first_name="P", language_code=lang)
        await person.press(f"events:show:{event_id}")
        after = await person.wait_message(
            predicate=lambda m, lang=lang: (
                catalog.text(lang, "events-status-cancelled") in (m.text or "")
            )
        )
        assert catalog.text(lang, "events-btn-ics") not in after.button_texts()
        await person.press_data(f"events:ics:{event_id}", message_id=after.message_id)
        await bot.settle()
        answer = person.callback_answers[-1]
        assert answer.get("text") == catalog.text(lang, "events-status-cancelled")
        assert not any(m.document is not None for m in person.messages)


async def test_a_started_event_offers_no_calendar_file(bot: Bot, catalog: Catalog) -> None:
    """Once an event has started its card has no "add to calendar" button, and the button on a
    card drawn before the start answers that the event has started and sends no file."""
    event_id = await make_event(bot)
    people = []
    for lang, user_id in (("zh", 5033), ("en", 5034)):
        person = bot.emu.user(user_id, first_name="P", language_code=lang)
        await person.command("/events")
        await person.wait_message()
        await person.press(f"events:show:{event_id}")
        before = await person.wait_message()
        assert catalog.text(lang, "events-btn-ics") in before.button_texts()
        people.append((lang, person, before))
    bot.clock.set(EVENT_START + timedelta(minutes=5))
    for lang, person, before in people:
        await person.press(f"events:show:{event_id}")
        after = await person.wait_message(
            predicate=lambda m, lang=lang: (
                catalog.text(lang, "events-status-past") in (m.text or "")
            )
        )
        assert catalog.text(lang, "events-btn-ics") not in after.button_texts()
        await person.press_data(f"events:ics:{event_id}", message_id=before.message_id)
        await bot.settle()
        assert person.callback_answers[-1].get("text") == catalog.text(lang, "events-status-past")
        assert not any(m.document is not None for m in person.messages)


async def test_staff_create_an_event_step_by_step(bot: Bot, catalog: Catalog) -> None:
    """/newevent walks through every field, re-asks on bad input, and stores the event; the
    preview then says it is published (no longer "not published yet")."""
    await staff_member(bot, 9002)
    li = bot.emu.user(9002, first_name="Li", language_code="zh")
    answers = [
        ("书法课", "events-ask-title-en"),
        ("Calligraphy", "events-ask-description-zh"),
        ("毛笔字入门", "events-ask-description-en"),
        ("Brush writing for beginners", None),
        ("nowhere", "events-bad-venue"),
        ("canteen", "events-ask-start"),
        ("some day soon", "events-bad-time"),
        ("2026-03-01 09:00", "events-start-in-past"),
        ("2026-03-05 09:30", "events-ask-end"),
        ("2026-03-05 09:00", "events-bad-end"),
        ("2026-03-05 11:00", "events-ask-capacity"),
        ("lots", "events-bad-capacity"),
        ("12", "events-ask-companions"),
        ("很多", "events-bad-companions"),
        ("不带", None),
    ]
    await li.command("/newevent")
    assert (await li.wait_message()).text == catalog.text("zh", "events-ask-title-zh")
    for text, key in answers:
        await li.send(text)
        reply = await li.wait_message()
        if key is not None:
            assert reply.text == catalog.text("zh", key)
    assert reply.text.startswith("预览")  # nothing is published before staff see it
    assert await bot.sql("SELECT COUNT(*) FROM events") == [(0,)]
    await li.press("✅ 发布")
    assert "#1" in (await li.wait_message()).text
    shown = bot.emu.message(li.id, reply.message_id)  # the preview, edited on publishing
    assert shown is not None
    assert shown.text.startswith("已发布"), shown.text
    assert "还没有发布" not in shown.text
    assert "书法课 / Calligraphy" in shown.text
    assert shown.buttons == []
    rows = await bot.sql(
        "SELECT title_zh, title_en, venue_id, capacity, companions_max, starts_at FROM events"
    )
    assert rows[0][:5] == ("书法课", "Calligraphy", "canteen", 12, 0)
    assert await bot.sql("SELECT action FROM audit_log") == [("event.create",)]


async def test_residents_cannot_create_events_and_cancel_stops(bot: Bot, catalog: Catalog) -> None:
    """/newevent is refused to residents; /cancel stops a staff member's draft unsaved."""
    wang = bot.emu.user(5010, first_name="Wang", language_code="zh")
    await wang.command("/newevent")
    assert (await wang.wait_message()).text == catalog.text("zh", "refused-staff-only")
    await staff_member(bot, 9003)
    li = bot.emu.user(9003, first_name="Li", language_code="zh")
    await li.command("/newevent")
    await li.wait_message()
    await li.send("书法课")
    await li.wait_message()
    await li.command("/cancel")
    assert (await li.wait_message()).text == catalog.text("zh", "events-conversation-cancelled")
    assert await bot.sql("SELECT COUNT(*) FROM events") == [(0,)]


async def test_moving_an_event_is_previewed_then_tells_everyone_both_times(
    bot: Bot, catalog: Catalog
) -> None:
    """/editevent → start: a preview names the old and new time and who will hear, and
    nothing is saved or sent until staff confirm; then the event moves (its length kept) and
    each person is told both times, in plain Chinese without stray spaces."""
    event_id = await make_event(bot)
    wang = bot.emu.user(5011, first_name="Wang", language_code="zh")
    alice = bot.emu.user(5012, first_name="Alice", language_code="en")
    for person in (wang, alice):
        await sign_up(bot, event_id, await resident(bot, person.id, person.user["language_code"]))
    await staff_member(bot, 9004)
    li = bot.emu.user(9004, first_name="Li", language_code="zh")
    await li.command(f"/editevent {event_id}")
    await li.wait_message()
    await li.send("6")
    await li.wait_message()
    await li.send("2026-03-06 15:00")
    preview = await li.wait_message()
    assert "从3月4日（周三）14:00改到3月6日（周五）15:00，并通知2位报名的居民" in preview.text
    assert preview.button_texts() == [
        catalog.text("zh", "events-btn-move-confirm"),
        catalog.text("zh", "events-btn-move-keep"),
    ]
    await bot.drain()
    assert await bot.sql(
        f"SELECT COUNT(*) FROM outbox_messages WHERE source LIKE 'event:{event_id}:%'"
    ) == [(0,)]
    rows = await bot.sql("SELECT starts_at FROM events")
    unchanged = (
        rows[0][0] if isinstance(rows[0][0], datetime) else datetime.fromisoformat(rows[0][0])
    )
    assert unchanged.replace(tzinfo=UTC) == EVENT_START
    await li.press(catalog.text("zh", "events-btn-move-confirm"))
    done = await li.wait_edit(preview)
    assert done.text.startswith("已改到3月6日（周五）15:00。已通知2位")
    await bot.drain()
    told = wang.last.text if wang.last else ""
    assert "原定3月4日（周三）14:00，改到3月6日（周五）15:00，在" in told
    canteen = events.Notices(bot.runtime.catalog, bot.runtime.centre).venue_name("canteen", "zh")
    assert f"，在{canteen}举行。" in told  # no spaces around the venue
    assert alice.last is not None
    assert alice.last.text.startswith('📢 "Paper cutting" has moved: it was on Wed 4 Mar 14:00')
    rows = await bot.sql("SELECT starts_at, ends_at FROM events")
    start, end = (v if isinstance(v, datetime) else datetime.fromisoformat(str(v)) for v in rows[0])
    assert end - start == timedelta(hours=2)
    # The same preview pressed again moves nothing and tells nobody a second time.
    await li.press_data(preview.callback_data()[0], preview.message_id)
    await bot.settle()
    assert li.callback_answers[-1]["text"] == catalog.text("zh", "events-move-stale")
    await bot.drain()
    assert len([m for m in wang.messages if "改时间了" in (m.text or "")]) == 1


async def test_a_move_kept_back_or_pressed_by_a_resident_changes_nothing(
    bot: Bot, catalog: Catalog
) -> None:
    """ "取消，不改" on the preview saves and sends nothing; a resident pressing a forged
    confirm is refused politely."""
    event_id = await make_event(bot)
    wang = bot.emu.user(5013, first_name="Wang", language_code="zh")
    await sign_up(bot, event_id, await resident(bot, wang.id, "zh"))
    await staff_member(bot, 9005)
    li = bot.emu.user(9005, first_name="Li", language_code="zh")
    await li.command(f"/editevent {event_id}")
    await li.wait_message()
    await li.send("6")
    await li.wait_message()
    await li.send("2026-03-06 15:00")
    preview = await li.wait_message()
    await wang.command("/events")
    listing = await wang.wait_message()
    await wang.press_data(preview.callback_data()[0], message_id=listing.message_id)
    await bot.settle()
    assert wang.callback_answers[-1].get("text") == catalog.text("zh", "refused-staff-only")
    await li.press(catalog.text("zh", "events-btn-move-keep"))
    assert (await li.wait_edit(preview)).text == catalog.text("zh", "events-move-kept")
    await bot.drain()
    rows = await bot.sql("SELECT starts_at FROM events")
    kept = rows[0][0] if isinstance(rows[0][0], datetime) else datetime.fromisoformat(rows[0][0])
    assert kept.replace(tzinfo=UTC) == EVENT_START
    assert not any("改时间了" in (m.text or "") for m in wang.messages)


async def test_moving_an_event_to_another_venue_is_previewed_like_a_new_time(
    bot: Bot, catalog: Catalog
) -> None:
    """/editevent → venue: the same preview as a new time (old → new venue, who will hear),
    nothing saved or sent until staff confirm; "keep" changes nothing; the confirm moves it,
    tells each person both venues, and the same preview pressed again is stale."""
    event_id = await make_event(bot)
    wang = bot.emu.user(5021, first_name="Wang", language_code="zh")
    alice = bot.emu.user(5022, first_name="Alice", language_code="en")
    for person in (wang, alice):
        await sign_up(bot, event_id, await resident(bot, person.id, person.user["language_code"]))
    await staff_member(bot, 9006)
    names = events.Notices(bot.runtime.catalog, bot.runtime.centre)
    canteen, gym = names.venue_name("canteen", "zh"), names.venue_name("gym", "zh")
    li = bot.emu.user(9006, first_name="Li", language_code="zh")

    async def ask_to_move(venue: str) -> object:
        await li.command(f"/editevent {event_id}")
        await li.wait_message()
        await li.send("5")
        await li.wait_message()
        await li.send(venue)
        return await li.wait_message()

    same = await ask_to_move(canteen)
    assert same.text == catalog.text("zh", "events-relocate-same")
    await li.command("/cancel")
    await li.wait_message()
    kept = await ask_to_move(gym)
    await li.press(catalog.text("zh", "events-btn-relocate-keep"))
    assert (await li.wait_edit(kept)).text == catalog.text("zh", "events-relocate-kept")
    preview = await ask_to_move(gym)
    assert f"从{canteen}改到{gym}，并通知2位报名的居民" in preview.text
    assert preview.button_texts() == [
        catalog.text("zh", "events-btn-relocate-confirm"),
        catalog.text("zh", "events-btn-relocate-keep"),
    ]
    await bot.drain()
    assert await bot.sql(
        f"SELECT COUNT(*) FROM outbox_messages WHERE source LIKE 'event:{event_id}:%'"
    ) == [(0,)]
    assert await bot.sql("SELECT venue_id FROM events") == [("canteen",)]
    await li.press(catalog.text("zh", "events-btn-relocate-confirm"))
    done = await li.wait_edit(preview)
    assert done.text == catalog.text("zh", "events-relocate-done", to=gym, count=2)
    await bot.drain()
    assert await bot.sql("SELECT venue_id FROM events") == [("gym",)]
    told = wang.last.text if wang.last else ""
    assert f"改在{gym}举行（原在{canteen}）" in told
    assert alice.last is not None
    english = names.venue_name("canteen", "en")
    assert f"(it was at {english})" in alice.last.text
    await li.press_data(preview.callback_data()[0], preview.message_id)
    await bot.settle()
    assert li.callback_answers[-1]["text"] == catalog.text("zh", "events-relocate-stale")
    await bot.drain()
    assert len([m for m in wang.messages if "换地方了" in (m.text or "")]) == 1


async def test_capacity_cannot_drop_below_those_signed_up(bot: Bot) -> None:
    """Lowering the seats below the people already signed up is refused."""
    event_id = await make_event(bot, capacity=5)
    for i in range(3):
        await sign_up(bot, event_id, await resident(bot, 5020 + i))
    actor = await staff_member(bot)
    notices = events.Notices(bot.runtime.catalog, bot.runtime.centre)
    async with bot.runtime.db.transaction() as session:
        low = await events.change(
            session, event_id, "capacity", "2", actor, bot.clock.now(), notices
        )
        ok = await events.change(
            session, event_id, "capacity", "3", actor, bot.clock.now(), notices
        )
    assert (low, ok) == (events.Change.BELOW_TAKEN, events.Change.SAVED)
    assert await bot.sql("SELECT capacity FROM events") == [(3,)]


async def test_cancelling_an_event_tells_everyone(bot: Bot, catalog: Catalog) -> None:
    """/cancelevent says who will be told (signed up and waiting, the same numbers before and
    after), offers "keep" which changes nothing, then cancels and tells each person, with the
    day written as in every other message."""
    event_id = await make_event(bot, capacity=1)
    wang = bot.emu.user(5013, first_name="Wang", language_code="zh")
    zhao = bot.emu.user(5014, first_name="Zhao", language_code="zh")
    await sign_up(bot, event_id, await resident(bot, 5013))
    assert await sign_up(bot, event_id, await resident(bot, 5014)) is events.SignUp.WAITLISTED
    await staff_member(bot, 9005)
    li = bot.emu.user(9005, first_name="Li", language_code="zh")
    who = catalog.text("zh", "events-cancel-who", signed=1, waiting=1)
    await li.command(f"/cancelevent {event_id}")
    confirm = await li.wait_message()
    assert who in confirm.text
    assert "3月4日（周三）14:00" in confirm.text
    assert confirm.button_texts() == ["❌ 确定取消活动", "不取消"]
    await li.press("不取消")
    kept = await li.wait_edit(confirm)
    assert kept.text == catalog.text("zh", "events-cancel-kept")
    assert await bot.sql("SELECT status FROM events") == [("scheduled",)]
    await li.command(f"/cancelevent {event_id}")
    confirm = await li.wait_message()
    await li.press(f"events:cancelok:{event_id}")
    done = await li.wait_edit(confirm)
    assert done.text == catalog.text("zh", "events-cancel-done", who=who)
    await bot.drain()
    notice = "📢 抱歉，原定3月4日（周三）14:00在社区食堂举行的“剪纸”已取消。"
    for person in (wang, zhao):
        assert person.last is not None
        assert person.last.text == notice
    assert await bot.sql("SELECT status FROM events") == [("cancelled",)]
    await li.press_data(f"events:cancelok:{event_id}", message_id=confirm.message_id)
    await bot.settle()
    assert li.callback_answers[-1].get("text") == catalog.text("zh", "events-gone")


async def test_cancelling_in_english_names_who_is_told_and_nobody_when_empty(
    bot: Bot, catalog: Catalog
) -> None:
    """English staff read who will be told; an event nobody signed up for says so; English
    residents get the day as "Wed 4 Mar 14:00"."""
    empty = await make_event(bot, title="空")
    event_id = await make_event(bot)
    alice = bot.emu.user(5015, first_name="Alice", language_code="en")
    await sign_up(bot, event_id, await resident(bot, 5015, lang="en"))
    await staff_member(bot, 9006)
    ann = bot.emu.user(9006, first_name="Ann", language_code="en")
    await ann.command(f"/cancelevent {empty}")
    nobody = await ann.wait_message()
    assert catalog.text("en", "events-cancel-nobody") in nobody.text
    assert nobody.button_texts() == ["❌ Yes, cancel the event", "Keep the event"]
    await ann.command(f"/cancelevent {event_id}")
    confirm = await ann.wait_message()
    assert "1 signed up and 0 on the waitlist will be told." in confirm.text
    await ann.press(f"events:cancelok:{event_id}")
    done = await ann.wait_edit(confirm)
    assert done.text == "Event cancelled. 1 signed up and 0 on the waitlist will be told."
    await bot.drain()
    assert alice.last is not None
    assert "(Wed 4 Mar 14:00, " in alice.last.text


async def test_staff_create_an_event_entirely_in_natural_chinese(
    bot: Bot, catalog: Catalog
) -> None:
    """ "下周四晚上7点到8点半", a venue picked from the buttons, "20人": a preview in both
    languages, then published only on "发布" (issue 16)."""
    await staff_member(bot, 9010)
    li = bot.emu.user(9010, first_name="Li", language_code="zh")
    await li.command("/newevent")
    await li.wait_message()
    for text in ("剪纸", "Paper cutting", "学剪窗花", "Learn to cut window flowers"):
        await li.send(text)
        asked = await li.wait_message()
    assert asked.reply_markup is not None  # the venues to pick from
    keyboard = [b["text"] for row in asked.reply_markup["keyboard"] for b in row]
    assert "社区食堂" in keyboard
    await li.send("社区食堂")
    await li.wait_message()
    await li.send("下周四晚上7点到8点半")  # today is Monday 2 March
    assert (await li.wait_message()).text == catalog.text("zh", "events-ask-capacity")
    await li.send("二十人")
    assert (await li.wait_message()).text == catalog.text("zh", "events-ask-companions")
    await li.send("每人最多带一位")
    preview = await li.wait_message()
    assert "每人最多可带 1 位同伴" in preview.text
    assert "剪纸" in preview.text
    assert "Paper cutting" in preview.text
    assert "3月12日（周四）19:00 – 20:30" in preview.text
    assert "限 20 人" in preview.text
    assert await bot.sql("SELECT COUNT(*) FROM events") == [(0,)]
    await li.press("✅ 发布")
    await li.wait_message()
    rows = await bot.sql("SELECT venue_id, capacity, starts_at, ends_at FROM events")
    venue, capacity, start, end = rows[0]
    assert await bot.sql("SELECT companions_max FROM events") == [(1,)]
    start, end = (
        v if isinstance(v, datetime) else datetime.fromisoformat(str(v)) for v in (start, end)
    )
    assert (venue, capacity) == ("canteen", 20)
    assert start.replace(tzinfo=UTC) == datetime(2026, 3, 12, 11, 0, tzinfo=UTC)
    assert end - start == timedelta(minutes=90)


async def test_an_event_in_plain_english_and_dropped_at_the_preview(
    bot: Bot, catalog: Catalog
) -> None:
    """ "next Thursday 2pm", "4pm", "no limit"; "Don't publish" stores nothing."""
    await staff_member(bot, 9011)
    alice = bot.emu.user(9011, first_name="Alice", language_code="en")
    await alice.command("/newevent")
    await alice.wait_message()
    for text in ("讲座", "Talk", "健康讲座", "Health talk", "Canteen", "next Thursday 2pm"):
        await alice.send(text)
        await alice.wait_message()
    await alice.send("4pm")
    assert (await alice.wait_message()).text == catalog.text("en", "events-ask-capacity")
    await alice.send("no limit")
    assert (await alice.wait_message()).text == catalog.text("en", "events-ask-companions")
    await alice.send("x" * 5000)
    assert (await alice.wait_message()).text == catalog.text("en", "events-bad-companions")
    await alice.send("up to 3")
    preview = await alice.wait_message()
    assert "each person may bring up to 3 companions" in preview.text
    assert "14:00 – 16:00" in preview.text
    assert "no limit" in preview.text
    await alice.press("✖️ Don't publish")
    assert (await alice.wait_message()).text == catalog.text("en", "events-conversation-cancelled")
    assert await bot.sql("SELECT COUNT(*) FROM events") == [(0,)]


async def test_staff_pick_the_event_and_field_from_lists_and_move_it_in_words(
    bot: Bot, catalog: Catalog
) -> None:
    """/editevent with no number lists the events; a press, a field button, "3月6日下午3点"
    moves it; /cancelevent finds an event by its name (issue 16)."""
    event_id = await make_event(bot)
    other = await make_event(bot, title="太极", starts_at=EVENT_START + timedelta(days=1))
    await staff_member(bot, 9020)
    li = bot.emu.user(9020, first_name="Li", language_code="zh")
    await li.command("/editevent")
    listing = await li.wait_message()
    assert listing.text == catalog.text("zh", "events-pick-edit")
    assert listing.callback_data() == [f"events:pickedit:{event_id}", f"events:pickedit:{other}"]
    await li.press(f"events:pickedit:{event_id}")
    fields = await li.wait_message()
    assert "剪纸" in fields.text
    await li.press("开始时间（改期）")
    asked = (await li.wait_message()).text
    assert asked.startswith("现在定在3月4日（周三）14:00开始。请发送新的开始时间，例如")
    await li.send("3月6日下午3点")
    preview = await li.wait_message()
    await li.press(catalog.text("zh", "events-btn-move-confirm"))
    await li.wait_edit(preview)
    rows = await bot.sql(f"SELECT starts_at FROM events WHERE id = {event_id}")
    start = rows[0][0] if isinstance(rows[0][0], datetime) else datetime.fromisoformat(rows[0][0])
    assert start.replace(tzinfo=UTC) == datetime(2026, 3, 6, 7, 0, tzinfo=UTC)
    await li.command("/cancelevent 太极")
    confirm = await li.wait_message()
    assert "太极" in confirm.text
    assert confirm.callback_data() == [f"events:cancelok:{other}", f"events:cancelkeep:{other}"]


async def test_the_event_list_pages_and_refuses_residents_and_forgeries(
    bot: Bot, catalog: Catalog
) -> None:
    """Ten events: eight on a page and ▶ to the rest; a resident's pick or a forged page
    changes nothing."""
    for n in range(10):
        await make_event(bot, title=f"活动{n}", starts_at=EVENT_START + timedelta(hours=n))
    await staff_member(bot, 9021)
    alice = bot.emu.user(9021, first_name="Alice", language_code="en")
    await alice.command("/cancelevent")
    listing = await alice.wait_message()
    assert len(listing.callback_data()) == 9  # eight events and "Next"
    await alice.press("Next ▶")
    turned = await alice.wait_edit(listing)
    assert turned.button_texts()[-1] == "◀ Previous"
    assert len(turned.callback_data()) == 3
    await alice.press_data("events:pickpage:delete:0", turned)
    await bot.settle()
    assert alice.callback_answers[-1].get("text") == catalog.text("en", "button-invalid")
    wang = bot.emu.user(5030, first_name="Wang", language_code="zh")
    await wang.command("/start")
    greeting = await wang.wait_message()
    await wang.press_data("events:pickcancel:1", greeting)
    await bot.settle()
    assert wang.callback_answers[-1].get("text") == catalog.text("zh", "refused-staff-only")
    assert await bot.sql("SELECT count(*) FROM events WHERE status = 'cancelled'") == [(0,)]


def test_a_venue_move_button_fits_for_every_pair_of_the_centres_venues(centre: Centre) -> None:
    """The venue move's confirm button carries both venues' ids: with the centre's venues and
    a large event number it stays within Telegram's 64 bytes (a longer venue id fails here)."""
    from bot.callbacks import decode, encode
    from bot.features.events.buttons import ConfirmRelocate

    ids = [venue.id for venue in centre.venues]
    for was in ids:
        for to in ids:
            press = ConfirmRelocate(9_999_999, was, to)
            assert decode(ConfirmRelocate, encode(press)) == press


async def test_a_sign_up_asked_in_words_for_an_event_opens_its_card(bot: Bot) -> None:
    """ "我想报名剪纸" named an event, not a course: the class list came back, without it (a
    newcomer's finding). The coming event whose title holds the words is shown instead, in
    either language; a name that is neither still lists the classes."""
    event_id = await make_event(bot)
    wang = bot.emu.user(5101, first_name="Wang", language_code="zh")
    await wang.send("我想报名剪纸")
    card = await wang.wait_message()
    assert card.text.startswith("剪纸\n"), card.text
    assert f"events:join:{event_id}" in card.callback_data()
    alice = bot.emu.user(5102, first_name="Alice", language_code="en")
    await alice.send("I'd like to sign up for paper cutting")
    card = await alice.wait_message()
    assert card.text.startswith("Paper cutting\n"), card.text
    await wang.send("我想报名跳水")
    listing = await wang.wait_message()
    assert "剪纸" not in listing.text


async def test_a_card_pressed_after_the_event_ended_says_it_is_over(
    bot: Bot, catalog: Catalog
) -> None:
    """A newcomer pressed an old card's button the day after: "本活动已经开始" read as if it were
    still on; once it has ended the card and the calendar button say it is over."""
    event_id = await make_event(bot)
    for lang, user_id in (("zh", 5035), ("en", 5036)):
        person = bot.emu.user(user_id, first_name="P", language_code=lang)
        bot.clock.set(EVENT_START - timedelta(days=1))
        await person.command("/events")
        await person.wait_message()
        await person.press(f"events:show:{event_id}")
        before = await person.wait_message()
        bot.clock.set(EVENT_START + timedelta(days=1))
        await person.press(f"events:show:{event_id}")
        after = await person.wait_message(
            predicate=lambda m, lang=lang: (
                catalog.text(lang, "events-status-ended") in (m.text or "")
            )
        )
        assert catalog.text(lang, "events-status-past") not in after.text
        await person.press_data(f"events:ics:{event_id}", message_id=before.message_id)
        await bot.settle()
        assert person.callback_answers[-1].get("text") == catalog.text(lang, "events-status-ended")
