"""Confirm before cancelling, and undo for ten minutes (issue 16), through the emulator.

The race that matters: the seat a resident gave up is offered at once to the next person
waiting; an undo after that fails politely instead of taking the seat back from them.
"""

from __future__ import annotations

from datetime import timedelta

from bot.i18n import Catalog
from tests.conftest import Bot
from tests.nightschool_helpers import make_school, published_course

SEAT = "SELECT e.status, c.taken FROM enrolments e, courses c"


async def _course(bot: Bot, catalog: Catalog, **kwargs: object) -> int:
    school = make_school(catalog, bot.runtime.centre)
    return await published_course(bot.runtime.db, school, now=bot.clock.now(), **kwargs)


async def test_class_cancel_asks_first_and_undo_restores_the_seat(
    bot: Bot, catalog: Catalog
) -> None:
    """Cancel asks first; "keep" changes nothing; confirmed, the card offers undo, which puts
    the resident back on the course with their seat (nobody was waiting)."""
    course_id = await _course(bot, catalog, capacity=2)
    alice = bot.emu.user(4601, first_name="Alice", language_code="en")
    await alice.command("/classes")
    card = await alice.wait_message()
    await alice.press_data(f"ns:join:{course_id}", card)
    await alice.wait_edit(card)
    await alice.press(catalog.text("en", "ns-btn-leave"))
    asking = await alice.wait_edit(card)
    assert asking.button_texts() == [
        catalog.text("en", "ns-btn-confirm-leave"),
        catalog.text("en", "ns-btn-keep"),
    ]
    await alice.press(catalog.text("en", "ns-btn-keep"))
    kept = await alice.wait_edit(card)
    assert catalog.text("en", "ns-mine-enrolled") in (kept.text or "")
    assert await bot.sql("SELECT status FROM enrolments") == [("enrolled",)]
    await alice.press(catalog.text("en", "ns-btn-leave"))
    await alice.wait_edit(card)
    await alice.press(catalog.text("en", "ns-btn-confirm-leave"))
    left = await alice.wait_edit(card)
    assert catalog.text("en", "ns-btn-undo") in left.button_texts()
    assert await bot.sql(SEAT) == [("cancelled", 0)]
    bot.clock.advance(timedelta(minutes=9))
    await alice.press(catalog.text("en", "ns-btn-undo"))
    back = await alice.wait_edit(card)
    assert (back.text or "").startswith(catalog.text("en", "ns-result-undone"))
    assert alice.callback_answers[-1]["text"] == catalog.text("en", "ns-result-undone")
    assert await bot.sql(SEAT) == [("enrolled", 1)]


async def test_class_undo_after_the_seat_was_offered_fails_politely(
    bot: Bot, catalog: Catalog
) -> None:
    """The cancel–undo–offer race: Wang cancels, the seat is offered to Li at once, so Wang's
    card offers no undo and says where the seat went; an old undo button pressed anyway is
    refused in Chinese; Li's offer stands and Wang holds nothing."""
    course_id = await _course(bot, catalog, capacity=1)
    wang = bot.emu.user(4602, first_name="Wang", language_code="zh")
    li = bot.emu.user(4603, first_name="Li", language_code="zh")
    for person in (wang, li):
        await person.command("/classes")
        await person.wait_message()
        await person.press_data(f"ns:join:{course_id}")
        await bot.settle()
    await wang.press(catalog.text("zh", "ns-btn-leave"))
    await bot.settle()
    await wang.press(catalog.text("zh", "ns-btn-confirm-leave"))
    await bot.settle()
    card = wang.last
    assert card is not None
    assert catalog.text("zh", "ns-btn-undo") not in card.button_texts()
    assert catalog.text("zh", "ns-left-seat-passed-on") in (card.text or "")
    await bot.drain()
    accept = catalog.text("zh", "ns-btn-accept")
    await li.wait_message(predicate=lambda m: accept in m.button_texts())
    await wang.press_data(f"ns:undo:{course_id}", card)  # an undo pressed from elsewhere
    await bot.settle()
    assert wang.callback_answers[-1]["text"] == catalog.text("zh", "ns-result-seat-gone")
    rows = await bot.sql(
        "SELECT u.telegram_id, e.status FROM enrolments e JOIN users u ON u.id = e.user_id "
        "ORDER BY u.telegram_id"
    )
    assert rows == [(4602, "cancelled"), (4603, "offered")]
    assert await bot.sql("SELECT taken FROM courses") == [(1,)]


async def test_an_english_resident_whose_seat_went_on_is_told_so_without_an_undo(
    bot: Bot, catalog: Catalog
) -> None:
    """In English too: the seat went to the person waiting, so no undo button is offered."""
    course_id = await _course(bot, catalog, capacity=1)
    alice = bot.emu.user(4604, first_name="Alice", language_code="en")
    bob = bot.emu.user(4605, first_name="Bob", language_code="en")
    for person in (alice, bob):
        await person.command("/classes")
        await person.wait_message()
        await person.press_data(f"ns:join:{course_id}")
        await bot.settle()
    await alice.press(catalog.text("en", "ns-btn-leave"))
    await bot.settle()
    await alice.press(catalog.text("en", "ns-btn-confirm-leave"))
    await bot.settle()
    card = alice.last
    assert card is not None
    assert (card.text or "").startswith(catalog.text("en", "ns-result-left"))
    assert catalog.text("en", "ns-left-seat-passed-on") in (card.text or "")
    assert catalog.text("en", "ns-btn-undo") not in card.button_texts()


async def test_class_undo_keeps_the_waitlist_place_and_expires_after_ten_minutes(
    bot: Bot, catalog: Catalog
) -> None:
    """Leaving the waitlist and undoing keeps one's number in line; eleven minutes later the
    undo is refused and nothing changes."""
    course_id = await _course(bot, catalog, capacity=1)
    people = [bot.emu.user(4610 + n, first_name=f"P{n}", language_code="zh") for n in range(3)]
    for person in people:
        await person.command("/classes")
        await person.wait_message()
        await person.press_data(f"ns:join:{course_id}")
        await bot.settle()
    first_waiting = people[1]
    await first_waiting.press_data(f"ns:leave:{course_id}")
    await bot.settle()
    await first_waiting.press(catalog.text("zh", "ns-btn-confirm-leave"))
    await bot.settle()
    await first_waiting.press(catalog.text("zh", "ns-btn-undo"))
    await bot.settle()
    assert first_waiting.callback_answers[-1]["text"] == catalog.text("zh", "ns-result-undone")
    card = first_waiting.last
    assert card is not None
    assert catalog.text("zh", "ns-mine-waitlisted", position=1) in (card.text or "")
    await first_waiting.press_data(f"ns:leaveok:{course_id}")
    await bot.settle()
    bot.clock.advance(timedelta(minutes=11))
    await first_waiting.press(catalog.text("zh", "ns-btn-undo"))
    await bot.settle()
    answer = first_waiting.callback_answers[-1]["text"]
    assert answer == catalog.text("zh", "ns-result-undo-expired")
    assert await bot.sql("SELECT status FROM enrolments ORDER BY seq") == [
        ("enrolled",),
        ("cancelled",),
        ("waitlisted",),
    ]


async def test_forged_undo_and_confirm_buttons_change_nothing(bot: Bot, catalog: Catalog) -> None:
    """Undo or confirm for a course one never joined, or an unknown one, answers politely."""
    course_id = await _course(bot, catalog, capacity=1)
    eve = bot.emu.user(4620, first_name="Eve", language_code="en")
    await eve.command("/classes")
    await eve.wait_message()
    for data, key in (
        (f"ns:undo:{course_id}", "ns-result-nothing"),
        ("ns:undo:999999", "ns-result-not-found"),
        (f"ns:leaveok:{course_id}", "ns-result-nothing"),
        ("ns:undo:x", "button-invalid"),
    ):
        await eve.press_data(data)
        await bot.settle()
        assert eve.callback_answers[-1]["text"] == catalog.text("en", key), data
    assert await bot.sql("SELECT COUNT(*) FROM enrolments") == [(0,)]
