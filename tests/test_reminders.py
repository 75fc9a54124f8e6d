"""Reminders with controlled time: on time, once, after restarts, across instances, and
never stale after a withdrawal, a cancellation or a move."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

import pytest

from bot.app import build_runtime, outbox_sender
from bot.centre import Centre
from bot.clock import SHANGHAI, ManualClock
from bot.features.events import service as events
from bot.features.events import waitlist
from bot.features.events.notices import Notices
from bot.features.reminders import handlers as reminder_handlers
from bot.i18n import Catalog
from bot.services import reminders
from bot.settings import Settings
from bot.storage.db import create_database
from bot.testing import running_bot
from frontdesk_emulator import BotApiEmulator
from tests.conftest import Bot
from tests.test_events import EVENT_START, make_event, resident, sign_up

# The evening before EVENT_START (Tue 19:00 Shanghai) and one hour before it.
EVENING = datetime(2026, 3, 3, 19, 0, tzinfo=SHANGHAI).astimezone(UTC)
HOUR_BEFORE = EVENT_START - timedelta(hours=1)


@pytest.fixture
async def bot(bot: Bot) -> Bot:
    """The running bot without its background sender: only ``drain()`` delivers, so what is
    pending at each step of a test is exactly what the test made pending."""
    await outbox_sender(bot.app).stop()
    return bot


async def tick(bot: Bot) -> reminders.TickReport:
    """One run of the reminder job at the clock's time."""
    return await reminder_handlers.tick(bot.app)


async def signed_up_resident(bot: Bot, telegram_id: int, lang: str = "zh") -> tuple[int, int]:
    """An event and one resident signed up for it: ``(event_id, user_id)``."""
    event_id = await make_event(bot)
    user_id = await resident(bot, telegram_id, lang)
    assert await sign_up(bot, event_id, user_id) is events.SignUp.JOINED
    return event_id, user_id


@asynccontextmanager
async def another_app(
    settings: Settings, centre: Centre, clock: ManualClock, catalog: Catalog, emu: BotApiEmulator
) -> AsyncIterator[Bot]:
    """A second, freshly started application on the same database (a restart)."""
    database = create_database(settings.database_url)
    runtime = build_runtime(settings, centre, database=database, clock=clock, catalog=catalog)
    try:
        async with running_bot(runtime, emu, poll_timeout=1) as app:
            await outbox_sender(app).stop()
            yield Bot(app=app, emu=emu, runtime=runtime, clock=clock)
    finally:
        await database.dispose()


async def test_reminders_arrive_on_time_in_the_residents_language(bot: Bot) -> None:
    """Nothing before the evening moment; then the evening and one-hour reminders, in English,
    with title, venue, time and an "I can't come" button."""
    alice = bot.emu.user(6001, first_name="Alice", language_code="en")
    event_id, _ = await signed_up_resident(bot, 6001, "en")
    bot.clock.set(EVENING - timedelta(seconds=1))
    assert (await tick(bot)).enqueued == 0
    bot.clock.set(EVENING)
    assert (await tick(bot)).enqueued == 1
    await bot.drain()
    message = alice.last
    assert message is not None
    assert "Reminder (tomorrow): Paper cutting" in message.text
    assert "Community canteen" in message.text
    assert "Wed 4 Mar 14:00" in message.text  # bot.dates, as every other message
    epoch = int(EVENT_START.timestamp())
    assert message.callback_data() == [f"reminders:cant:event:{event_id}:{epoch}"]
    bot.clock.set(HOUR_BEFORE)
    assert (await tick(bot)).enqueued == 1
    await bot.drain()
    assert len(alice.messages) == 2
    assert "in 1 hour" in alice.messages[-1].text


async def test_restart_before_the_due_time_still_sends_on_time(
    bot: Bot,
    settings: Settings,
    centre: Centre,
    clock: ManualClock,
    catalog: Catalog,
    emulator: BotApiEmulator,
) -> None:
    """Sign-up with one app; a new app on the same database sends the reminder at its time."""
    wang = bot.emu.user(6002, first_name="Wang", language_code="zh")
    await signed_up_resident(bot, 6002)
    await tick(bot)
    await bot.app.stop()  # the first app goes away before anything is due
    async with another_app(settings, centre, clock, catalog, emulator) as second:
        clock.set(EVENING)
        assert (await tick(second)).enqueued == 1
        await second.drain()
    assert wang.last is not None
    assert "提醒" in wang.last.text
    await bot.app.start()


async def test_downtime_across_the_moment_sends_late_and_logs_it(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    """Down from before the evening moment until the next morning: sent late, logged."""
    wang = bot.emu.user(6003, first_name="Wang", language_code="zh")
    await signed_up_resident(bot, 6003)
    await tick(bot)
    bot.clock.set(EVENING + timedelta(hours=14))  # 09:00 on the day, still before 14:00
    with caplog.at_level(logging.INFO, logger="bot.services.reminders"):
        report = await tick(bot)
    assert (report.enqueued, report.late) == (1, 1)
    assert any("late" in r.getMessage() for r in caplog.records)
    await bot.drain()
    assert len(wang.messages) == 1
    # sent on the day itself: it says "today", not the evening reminder's "tomorrow"
    assert wang.messages[0].text.startswith("⏰ 提醒（今天）")


async def test_downtime_across_two_moments_sends_only_the_nearer_one(bot: Bot) -> None:
    """Down from before the evening moment until after the hour-before one: one reminder,
    "in 1 hour", never a late "tomorrow" on the day (nor after the hour-before one)."""
    alice = bot.emu.user(6012, first_name="Alice", language_code="en")
    await signed_up_resident(bot, 6012, "en")
    await tick(bot)
    bot.clock.set(HOUR_BEFORE + timedelta(minutes=5))
    assert (await tick(bot)).enqueued == 1
    await bot.drain()
    bot.clock.set(HOUR_BEFORE + timedelta(minutes=10))
    assert (await tick(bot)).enqueued == 0  # the evening one stays superseded
    await bot.drain()
    assert len(alice.messages) == 1
    assert alice.messages[0].text.startswith("⏰ Reminder (in 1 hour)")


async def test_a_superseded_reminder_is_not_logged_as_missed_at_the_start(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    """Down across both moments, the nearer one went out: at the start the evening one it
    superseded is not reported as missed ("the item started while the bot was down")."""
    await signed_up_resident(bot, 6013, "en")
    await tick(bot)
    bot.clock.set(HOUR_BEFORE + timedelta(minutes=5))
    assert (await tick(bot)).enqueued == 1
    await bot.drain()
    bot.clock.set(EVENT_START + timedelta(minutes=1))
    with caplog.at_level(logging.WARNING, logger="bot.services.reminders"):
        report = await tick(bot)
    assert report.missed == []
    assert not any("was not sent" in r.getMessage() for r in caplog.records)


async def test_downtime_past_the_start_sends_nothing_and_logs_it(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    """Down until after the start: no reminder at all, and each missed one is logged."""
    wang = bot.emu.user(6004, first_name="Wang", language_code="zh")
    await signed_up_resident(bot, 6004)
    await tick(bot)
    bot.clock.set(EVENT_START + timedelta(minutes=5))
    with caplog.at_level(logging.WARNING, logger="bot.services.reminders"):
        report = await tick(bot)
    assert report.enqueued == 0
    assert len(report.missed) == 2  # the evening one and the one-hour one
    assert sum("was not sent" in r.getMessage() for r in caplog.records) == 2
    await bot.drain()
    assert wang.messages == []
    assert (await tick(bot)).missed == []  # logged once, not at every run


async def test_a_reminder_held_up_past_the_start_expires(bot: Bot) -> None:
    """Written before the start but not delivered until after it: dropped, never sent."""
    wang = bot.emu.user(6005, first_name="Wang", language_code="zh")
    await signed_up_resident(bot, 6005)
    bot.clock.set(HOUR_BEFORE)
    await tick(bot)
    bot.clock.set(EVENT_START + timedelta(seconds=1))
    await bot.drain()
    assert wang.messages == []


async def test_nothing_is_sent_twice_across_restarts(
    bot: Bot,
    settings: Settings,
    centre: Centre,
    clock: ManualClock,
    catalog: Catalog,
    emulator: BotApiEmulator,
) -> None:
    """The same due reminder found by a run before and a run after a restart goes once."""
    wang = bot.emu.user(6006, first_name="Wang", language_code="zh")
    await signed_up_resident(bot, 6006)
    bot.clock.set(EVENING)
    await tick(bot)
    await bot.drain()
    await bot.app.stop()
    async with another_app(settings, centre, clock, catalog, emulator) as second:
        clock.advance(timedelta(minutes=1))
        assert (await tick(second)).enqueued == 0
        await second.drain()
    assert len(wang.messages) == 1
    await bot.app.start()


async def test_two_instances_racing_write_each_reminder_once(bot: Bot, database_url: str) -> None:
    """Two instances (own engines, same database) run the job at the same moment for 40
    due reminders: each is written exactly once, and neither run fails."""
    event_id = await make_event(bot, capacity=None)
    for i in range(40):
        assert await sign_up(bot, event_id, await resident(bot, 6100 + i)) is events.SignUp.JOINED
    bot.clock.set(EVENING)
    planner = reminder_handlers.planner_of(bot.app)
    databases = [create_database(database_url) for _ in range(2)]

    async def run(index: int) -> reminders.TickReport:
        async with databases[index].transaction() as session:
            return await planner.enqueue_due_reminders(session, bot.clock.now())

    try:
        reports = await asyncio.gather(run(0), run(1), run(0), run(1))
    finally:
        for database in databases:
            await database.dispose()
    assert sum(r.enqueued for r in reports) == 40
    rows = await bot.sql("SELECT COUNT(*), COUNT(DISTINCT dedupe_key) FROM outbox_messages")
    assert rows == [(40, 40)]


async def test_withdrawn_resident_gets_no_stale_reminder(bot: Bot) -> None:
    """Withdrawing cancels the pending reminder in the same transaction; none is sent."""
    wang = bot.emu.user(6007, first_name="Wang", language_code="zh")
    event_id, user_id = await signed_up_resident(bot, 6007)
    bot.clock.set(EVENING)
    await tick(bot)  # written, not yet delivered
    async with bot.runtime.db.transaction() as session:
        assert await events.withdraw(session, event_id, user_id, bot.clock.now())
    await bot.drain()
    bot.clock.set(HOUR_BEFORE)
    assert (await tick(bot)).enqueued == 0
    await bot.drain()
    assert wang.messages == []
    assert await bot.sql("SELECT status FROM outbox_messages") == [("cancelled",)]


async def test_signing_up_again_brings_the_reminders_back(bot: Bot) -> None:
    """A resident who withdrew and signed up again before the moment gets the reminder."""
    wang = bot.emu.user(6008, first_name="Wang", language_code="zh")
    event_id, user_id = await signed_up_resident(bot, 6008)
    bot.clock.set(HOUR_BEFORE - timedelta(minutes=10))
    async with bot.runtime.db.transaction() as session:
        await events.withdraw(session, event_id, user_id, bot.clock.now())
    assert await sign_up(bot, event_id, user_id) is events.SignUp.JOINED
    bot.clock.set(HOUR_BEFORE)
    assert (await tick(bot)).enqueued == 1  # the evening one came before this sign-up
    await bot.drain()
    assert len(wang.messages) == 1


async def test_cancelled_event_gets_no_reminder(bot: Bot, catalog: Catalog) -> None:
    """A cancelled event's pending reminder is withdrawn; only the cancellation is sent."""
    wang = bot.emu.user(6009, first_name="Wang", language_code="zh")
    event_id, _ = await signed_up_resident(bot, 6009)
    bot.clock.set(EVENING)
    await tick(bot)
    from tests.test_events import staff_member

    actor = await staff_member(bot)
    notices = events.Notices(catalog, bot.runtime.centre)
    async with bot.runtime.db.transaction() as session:
        told = await events.cancel(session, event_id, actor, bot.clock.now(), notices)
    assert told == events.Told(signed_up=1, waiting=0)
    await bot.drain()
    bot.clock.set(HOUR_BEFORE)
    assert (await tick(bot)).enqueued == 0
    await bot.drain()
    assert [m.text.startswith("📢") for m in wang.messages] == [True]


async def test_moved_event_reminds_at_the_new_time_only(bot: Bot, catalog: Catalog) -> None:
    """Moving the event cancels the old time's pending reminder; the new time gets its own."""
    from tests.test_events import staff_member

    wang = bot.emu.user(6010, first_name="Wang", language_code="zh")
    event_id, _ = await signed_up_resident(bot, 6010)
    bot.clock.set(HOUR_BEFORE)
    assert (await tick(bot)).enqueued == 1  # the old time's one-hour one (its evening one is
    # superseded: both were due at once)
    actor = await staff_member(bot)
    notices = events.Notices(catalog, bot.runtime.centre)
    async with bot.runtime.db.transaction() as session:  # as staff confirm a previewed move
        plan = await events.plan_move(
            session, event_id, "start", "2026-03-05 10:00", bot.clock.now(), notices
        )
        assert plan is not None
        outcome = await events.move(
            session, event_id, plan.was, plan.to, actor, bot.clock.now(), notices
        )
    assert outcome is events.Change.SAVED
    await bot.drain()
    assert [m.text.startswith("📢") for m in wang.messages] == [True]
    new_start = datetime(2026, 3, 5, 10, 0, tzinfo=SHANGHAI)
    for moment in (datetime(2026, 3, 4, 19, 0, tzinfo=SHANGHAI), new_start - timedelta(hours=1)):
        bot.clock.set(moment)
        assert (await tick(bot)).enqueued == 1
        await bot.drain()
        assert "3月5日（周四）10:00" in wang.messages[-1].text
    assert len(wang.messages) == 3
    assert await bot.sql("SELECT COUNT(*) FROM outbox_messages WHERE status = 'cancelled'") == [
        (1,)
    ]


async def test_residents_choose_their_lead_times_or_none(bot: Bot, catalog: Catalog) -> None:
    """/reminders: switching to 30 minutes only, then off, changes what is sent."""
    alice = bot.emu.user(6011, first_name="Alice", language_code="en")
    await signed_up_resident(bot, 6011, "en")
    await alice.command("/reminders")
    settings = await alice.wait_message()
    assert settings.callback_data()[:5] == [f"reminders:set:{c}" for c in reminders.LEAD_CHOICES]
    await alice.press("reminders:set:eve")
    await alice.wait_edit(settings)
    await alice.press("reminders:set:60")
    await alice.wait_edit(settings)
    await alice.press("reminders:set:30")
    edited = await alice.wait_edit(settings)
    assert "30 minutes before" in edited.text
    assert "evening" not in edited.text.split("\n")[0]
    for moment in (EVENING, HOUR_BEFORE):
        bot.clock.set(moment)
        assert (await tick(bot)).enqueued == 0
    bot.clock.set(EVENT_START - timedelta(minutes=30))
    assert (await tick(bot)).enqueued == 1
    await alice.press("reminders:off")
    assert "off" in (await alice.wait_edit(settings)).text
    assert await bot.sql("SELECT leads FROM reminder_preferences") == [("",)]
    await alice.press_data("reminders:set:999", message_id=settings.message_id)
    await bot.settle()
    assert alice.callback_answers[-1].get("text") == catalog.text("en", "button-invalid")


async def test_i_cant_come_frees_the_seat_and_says_so_under_the_reminder(
    bot: Bot, catalog: Catalog
) -> None:
    """ "我来不了" on an event's reminder cancels the sign-up, and the reminder itself then says
    so in Chinese with an undo button; undo brings the seat and the button back."""
    wang = bot.emu.user(6012, first_name="Wang", language_code="zh")
    await signed_up_resident(bot, 6012)
    bot.clock.set(EVENING)
    await tick(bot)
    await bot.drain()
    reminder = wang.last
    assert reminder is not None
    assert reminder.text is not None
    await wang.press(catalog.text("zh", "reminder-cant-come"))
    edited = await wang.wait_edit(reminder)
    note = catalog.text("zh", "reminders-cant-withdrawn")
    assert edited.text == reminder.text + "\n\n" + note
    assert "<b>" in edited.html  # the reminder keeps its bold title
    assert edited.button_texts() == [catalog.text("zh", "reminders-btn-undo")]
    assert await bot.sql("SELECT taken FROM events") == [(0,)]
    assert await bot.sql("SELECT status FROM event_signups") == [("withdrawn",)]
    bot.clock.advance(timedelta(minutes=9))
    await wang.press(catalog.text("zh", "reminders-btn-undo"))
    edited = await wang.wait_edit(reminder)
    assert edited.text == reminder.text + "\n\n" + catalog.text("zh", "reminders-undone")
    assert edited.button_texts() == [catalog.text("zh", "reminder-cant-come")]
    assert await bot.sql("SELECT taken FROM events") == [(1,)]
    assert await bot.sql("SELECT status FROM event_signups") == [("active",)]


async def test_i_cant_come_undo_is_refused_after_ten_minutes(bot: Bot, catalog: Catalog) -> None:
    """In English: the note names the cancelled sign-up; eleven minutes later "Undo" is
    refused with a note to close, and the sign-up stays cancelled."""
    alice = bot.emu.user(6014, first_name="Alice", language_code="en")
    await signed_up_resident(bot, 6014, "en")
    bot.clock.set(EVENING)
    await tick(bot)
    await bot.drain()
    reminder = alice.last
    assert reminder is not None
    await alice.press(catalog.text("en", "reminder-cant-come"))
    edited = await alice.wait_edit(reminder)
    assert "your sign-up for this event is cancelled" in (edited.text or "")
    bot.clock.advance(timedelta(minutes=11))
    await alice.press(catalog.text("en", "reminders-btn-undo"))
    await bot.settle()
    answer = alice.callback_answers[-1]
    assert answer.get("text") == catalog.text("en", "reminders-undo-expired")
    assert answer.get("show_alert") in (True, "true")  # the form may carry it as a string
    assert await bot.sql("SELECT status FROM event_signups") == [("withdrawn",)]


async def test_old_and_forged_cant_come_buttons_get_a_polite_answer(
    bot: Bot, catalog: Catalog
) -> None:
    """A second press, a press for another time, an unknown kind, and forged "undo" data are
    each answered with a note; nothing changes."""
    wang = bot.emu.user(6012, first_name="Wang", language_code="zh")
    event_id, _ = await signed_up_resident(bot, 6012)
    bot.clock.set(EVENING)
    await tick(bot)
    await bot.drain()
    reminder = wang.last
    assert reminder is not None
    await wang.press(catalog.text("zh", "reminder-cant-come"))
    await wang.wait_edit(reminder)
    assert await bot.sql("SELECT taken FROM events") == [(0,)]
    epoch = int(EVENT_START.timestamp())
    presses = {
        f"reminders:cant:event:{event_id}:{epoch}": "reminders-cant-not-expected",
        f"reminders:cant:event:{event_id}:{epoch + 60}": "reminders-cant-stale",
        "reminders:cant:nosuch:1:1": "button-invalid",
        f"reminders:uncant:event:{event_id}:{epoch + 60}": "reminders-cant-stale",
        "reminders:uncant:nosuch:1:1": "button-invalid",
        "reminders:uncant:event:999999:1": "reminders-cant-stale",
        "reminders:uncant:BAD:1:1": "button-invalid",
    }
    for data, key in presses.items():
        await wang.press_data(data, message_id=reminder)
        await bot.settle()
        assert wang.callback_answers[-1].get("text") == catalog.text("zh", key), data
    assert await bot.sql("SELECT taken FROM events") == [(0,)]


async def test_late_sign_up_gets_no_instant_evening_reminder(bot: Bot) -> None:
    """Signing up after the evening moment skips that reminder but keeps the one-hour one."""
    event_id = await make_event(bot)
    user_id = await resident(bot, 6013)
    bot.clock.set(EVENING + timedelta(hours=2))
    await sign_up(bot, event_id, user_id)
    assert (await tick(bot)).enqueued == 0
    bot.clock.set(HOUR_BEFORE)
    assert (await tick(bot)).enqueued == 1


def test_evening_moment_is_the_local_evening_before() -> None:
    """The evening reminder of an 08:00 Thursday event is 19:00 Wednesday in Shanghai."""
    start = datetime(2026, 3, 5, 8, 0, tzinfo=SHANGHAI).astimezone(UTC)
    moment = reminders.moment_of("eve", start, SHANGHAI, 19)
    assert moment == datetime(2026, 3, 4, 19, 0, tzinfo=SHANGHAI)
    assert reminders.moment_of("60", start, SHANGHAI, 19) == start - timedelta(hours=1)


async def test_i_cant_come_undo_says_when_the_seat_has_gone_to_someone_waiting(
    bot: Bot, catalog: Catalog
) -> None:
    """Once the offers job has given the freed seat to the person waiting, "撤销" is refused
    with that reason (not "too late"), and the sign-up stays cancelled."""
    wang = bot.emu.user(6015, first_name="Wang", language_code="zh")
    event_id = await make_event(bot, capacity=1)
    first = await resident(bot, 6015)
    second = await resident(bot, 6016)
    assert await sign_up(bot, event_id, first) is events.SignUp.JOINED
    assert await sign_up(bot, event_id, second) is events.SignUp.WAITLISTED
    bot.clock.set(EVENING)
    await tick(bot)
    await bot.drain()
    reminder = wang.last
    assert reminder is not None
    await wang.press(catalog.text("zh", "reminder-cant-come"))
    await wang.wait_edit(reminder)
    notices = Notices(bot.runtime.catalog, bot.runtime.centre)
    async with bot.runtime.db.transaction() as session:
        assert await waitlist.fill_free_seats(session, bot.clock.now(), notices) == 1
    await wang.press(catalog.text("zh", "reminders-btn-undo"))
    await bot.settle()
    assert wang.callback_answers[-1].get("text") == catalog.text("zh", "reminders-undo-seat-gone")
    assert await bot.sql(f"SELECT status FROM event_signups WHERE user_id = {first}") == [
        ("withdrawn",)
    ]
