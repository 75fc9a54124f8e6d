"""A resident's own events: marked in /events, listed by /myevents, cancelled from there."""

from __future__ import annotations

from datetime import timedelta

from bot import dates
from bot.clock import SHANGHAI
from bot.commands import visible_commands
from bot.features.events import service as events
from bot.i18n import Catalog
from tests.conftest import Bot
from tests.test_events import EVENT_START, make_event, resident, sign_up, staff_member


def _button(catalog: Catalog, lang: str, key: str, title: str) -> str:
    when = dates.day_and_time(EVENT_START, SHANGHAI, lang)
    return catalog.text(lang, key, when=when, title=title)


async def test_a_joined_event_is_marked_listed_opened_and_cancelled_in_chinese(
    bot: Bot, catalog: Catalog
) -> None:
    """Wang signs up: /events marks the event "✅ 已报名", /myevents lists it with her
    standing and a button to its card; she withdraws there and it is gone from both lists."""
    event_id = await make_event(bot)
    wang = bot.emu.user(5601, first_name="Wang", language_code="zh")
    await wang.command("/events")
    listing = await wang.wait_message()
    assert listing.button_texts() == [_button(catalog, "zh", "events-button", "剪纸")]
    await wang.press(f"events:show:{event_id}")
    card = await wang.wait_message()
    await wang.press(f"events:join:{event_id}")
    await wang.wait_edit(card)

    await wang.command("/events")
    marked = await wang.wait_message()
    assert marked.button_texts() == [_button(catalog, "zh", "events-button-joined", "剪纸")]
    await wang.command("/myevents")
    mine = await wang.wait_message()
    assert "剪纸" in (mine.text or "")
    assert "3月4日（周三）14:00 – 16:00 · 📍 社区食堂" in (mine.text or "")
    assert catalog.text("zh", "events-you-are-in") in (mine.text or "")
    assert mine.callback_data() == [f"events:show:{event_id}"]

    await wang.press(_button(catalog, "zh", "events-button-joined", "剪纸"))
    opened = await wang.wait_message()
    await wang.press(catalog.text("zh", "events-btn-leave"))
    await wang.wait_edit(opened)
    await wang.press(catalog.text("zh", "events-btn-confirm-leave"))
    await wang.wait_edit(opened)
    assert await bot.sql("SELECT status FROM event_signups") == [("withdrawn",)]

    await wang.command("/myevents")
    assert (await wang.wait_message()).text == catalog.text("zh", "events-my-empty")
    await wang.command("/events")
    unmarked = await wang.wait_message()
    assert unmarked.button_texts() == [_button(catalog, "zh", "events-button", "剪纸")]


async def test_a_waitlisted_event_is_marked_listed_and_left_in_english(
    bot: Bot, catalog: Catalog
) -> None:
    """One seat, taken: Alice waits; /events marks it "⏳ Waitlisted", /myevents gives her
    place in the queue; she leaves the waitlist from the card and both lists forget it."""
    event_id = await make_event(bot, capacity=1)
    assert await sign_up(bot, event_id, await resident(bot, 5611)) is events.SignUp.JOINED
    alice = bot.emu.user(5612, first_name="Alice", language_code="en")
    await alice.command("/events")
    await alice.wait_message()
    await alice.press(f"events:show:{event_id}")
    card = await alice.wait_message()
    await alice.press(f"events:join:{event_id}")
    await alice.wait_edit(card)

    waiting = _button(catalog, "en", "events-button-waitlisted", "Paper cutting")
    await alice.command("/events")
    assert (await alice.wait_message()).button_texts() == [waiting]
    await alice.command("/myevents")
    mine = await alice.wait_message()
    assert "Paper cutting" in (mine.text or "")
    assert catalog.text("en", "events-mine-waitlisted", position=1, party=1) in (mine.text or "")
    assert mine.button_texts() == [waiting]

    await alice.press(waiting)
    opened = await alice.wait_message()
    await alice.press(catalog.text("en", "events-btn-leave-waitlist"))
    await alice.wait_edit(opened)
    await alice.press(catalog.text("en", "events-btn-confirm-leave"))
    await alice.wait_edit(opened)

    await alice.command("/myevents")
    assert (await alice.wait_message()).text == catalog.text("en", "events-my-empty")
    await alice.command("/events")
    unmarked = _button(catalog, "en", "events-button", "Paper cutting")
    assert (await alice.wait_message()).button_texts() == [unmarked]


async def test_my_events_holds_every_coming_one_and_only_those(bot: Bot) -> None:
    """``mine`` lists the reader's events soonest first, also one past the /events list's
    first ten, and leaves out withdrawn, started and cancelled ones."""
    user = await resident(bot, 5621)
    starts = [EVENT_START + timedelta(days=day) for day in range(events.LIST_LIMIT + 2)]
    ids = [await make_event(bot, starts_at=moment) for moment in starts]
    latest, withdrawn, cancelled = ids[-1], ids[1], ids[2]
    for event_id in (latest, withdrawn, cancelled, ids[0]):
        await sign_up(bot, event_id, user)
    actor = await staff_member(bot)
    async with bot.runtime.db.transaction() as session:
        await events.withdraw(session, withdrawn, user, bot.clock.now())
        notices = events.Notices(bot.runtime.catalog, bot.runtime.centre)
        await events.cancel(session, cancelled, actor, bot.clock.now(), notices)
    async with bot.runtime.db.read() as session:
        assert [v.id for v in await events.mine(session, user, bot.clock.now())] == [
            ids[0],
            latest,
        ]
        later = starts[0] + timedelta(minutes=1)  # the first has started
        assert [v.id for v in await events.mine(session, user, later)] == [latest]


async def test_myclasses_and_help_point_to_myevents(bot: Bot, catalog: Catalog) -> None:
    """/myclasses (which lists courses only) and /help name /myevents, in both languages."""
    for telegram_id, lang in ((5631, "zh"), (5632, "en")):
        person = bot.emu.user(telegram_id, first_name="P", language_code=lang)
        await person.command("/myclasses")
        assert "/myevents" in ((await person.wait_message()).text or "")
        await person.command("/help")
        assert "/myevents" in ((await person.wait_message()).text or "")


def test_myevents_is_in_the_resident_command_menu_after_events(bot: Bot) -> None:
    """The resident menu offers /myevents right after /events, in both languages."""
    for lang in ("zh", "en"):
        names = [c.command for c in visible_commands(bot.runtime.commands, lang, bot.runtime)]
        assert names.index("myevents") == names.index("events") + 1
