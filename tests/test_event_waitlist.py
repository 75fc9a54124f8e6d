"""Event waitlists, offers, companions and second chances (issue 16), through the emulator."""

from __future__ import annotations

from datetime import timedelta

from bot.features.events import service as events
from bot.features.events import waitlist
from bot.features.events.notices import Notices
from bot.i18n import Catalog
from bot.services import users
from tests.conftest import Bot
from tests.test_events import make_event, staff_member


async def _card(bot: Bot, person: object, event_id: int):  # type: ignore[no-untyped-def]
    await person.command("/events")  # type: ignore[attr-defined]
    await person.wait_message()  # type: ignore[attr-defined]
    await person.press_data(f"events:show:{event_id}")  # type: ignore[attr-defined]
    return await person.wait_message()  # type: ignore[attr-defined]


async def test_companions_fill_the_last_seats_and_the_full_card_says_so(
    bot: Bot, catalog: Catalog
) -> None:
    """Four seats: Wang brings two (+2, three seats); Alice's "+1" needs two but one is
    left, so her party waits together; the card then says the event is full and offers the
    waitlist, in each reader's language."""
    event_id = await make_event(bot, capacity=4)
    wang = bot.emu.user(5201, first_name="Wang", language_code="zh")
    alice = bot.emu.user(5202, first_name="Alice", language_code="en")
    card = await _card(bot, wang, event_id)
    assert card.button_texts()[:3] == [
        catalog.text("zh", "events-btn-join"),
        catalog.text("zh", "events-btn-companions", companions=1),
        catalog.text("zh", "events-btn-companions", companions=2),
    ]
    await wang.press(catalog.text("zh", "events-btn-companions", companions=2))
    mine = await wang.wait_edit(card)
    assert catalog.text("zh", "events-you-are-in-party", party=3) in (mine.text or "")
    assert wang.callback_answers[-1]["text"] == catalog.text("zh", "events-joined-party", party=3)
    alice_card = await _card(bot, alice, event_id)
    await alice.press(catalog.text("en", "events-btn-companions", companions=1))
    waiting = await alice.wait_edit(alice_card)
    # Two seats asked, one free: Alice and her companion wait (nobody is split up).
    assert alice.callback_answers[-1]["text"] == catalog.text("en", "events-waitlisted", position=1)
    assert catalog.text("en", "events-mine-waitlisted", position=1, party=2) in (waiting.text or "")
    li = bot.emu.user(5203, first_name="Li", language_code="zh")
    li_card = await _card(bot, li, event_id)
    # Someone already waits for the free seat: the card says full and offers the waitlist.
    assert catalog.text("zh", "events-card-full", waiting=1) in (li_card.text or "")
    assert li_card.button_texts()[0] == catalog.text("zh", "events-btn-waitlist")
    assert await bot.sql("SELECT taken, capacity FROM events") == [(3, 4)]


async def test_companions_take_exactly_the_last_seats(bot: Bot, catalog: Catalog) -> None:
    """Three seats: "+2" takes all three; the next person is put on the waitlist, and the
    card shows "full" in English with no plain sign-up button."""
    event_id = await make_event(bot, capacity=3)
    wang = bot.emu.user(5211, first_name="Wang", language_code="zh")
    card = await _card(bot, wang, event_id)
    await wang.press(catalog.text("zh", "events-btn-companions", companions=2))
    await wang.wait_edit(card)
    assert await bot.sql("SELECT taken FROM events") == [(3,)]
    alice = bot.emu.user(5212, first_name="Alice", language_code="en")
    alice_card = await _card(bot, alice, event_id)
    assert catalog.text("en", "events-card-full", waiting=0) in (alice_card.text or "")
    assert catalog.text("en", "events-btn-join") not in alice_card.button_texts()
    await alice.press(catalog.text("en", "events-btn-waitlist"))
    await alice.wait_edit(alice_card)
    assert await bot.sql("SELECT status, party FROM event_signups ORDER BY seq") == [
        ("active", 3),
        ("waitlisted", 1),
    ]


async def test_waitlist_offer_is_accepted(bot: Bot, catalog: Catalog) -> None:
    """Wang cancels (after confirming); Alice, first waiting, gets an offer in English and
    accepts; the seat is hers and Wang's undo is refused politely (the offer was made)."""
    event_id = await make_event(bot, capacity=1)
    wang = bot.emu.user(5221, first_name="Wang", language_code="zh")
    alice = bot.emu.user(5222, first_name="Alice", language_code="en")
    card = await _card(bot, wang, event_id)
    await wang.press(catalog.text("zh", "events-btn-join"))
    await wang.wait_edit(card)
    alice_card = await _card(bot, alice, event_id)
    await alice.press(catalog.text("en", "events-btn-waitlist"))
    await alice.wait_edit(alice_card)
    await wang.press(catalog.text("zh", "events-btn-leave"))
    await wang.wait_edit(card)
    await wang.press(catalog.text("zh", "events-btn-confirm-leave"))
    left = await wang.wait_edit(card)
    assert catalog.text("zh", "events-btn-undo") in left.button_texts()
    await bot.drain()
    accept = catalog.text("en", "events-btn-accept")
    offer = await alice.wait_message(predicate=lambda m: accept in m.button_texts())
    assert "Paper cutting" in (offer.text or "")
    # The cancel–undo–offer race: the seat is already offered, so undo fails cleanly.
    await wang.press(catalog.text("zh", "events-btn-undo"))
    await bot.settle()
    assert wang.callback_answers[-1]["text"] == catalog.text("zh", "events-seat-gone")
    await alice.press(accept)
    await bot.settle()
    assert alice.callback_answers[-1]["text"] == catalog.text("en", "events-accepted")
    rows = await bot.sql(
        "SELECT u.telegram_id, s.status FROM event_signups s JOIN users u ON u.id = s.user_id "
        "ORDER BY u.telegram_id"
    )
    assert rows == [(5221, "withdrawn"), (5222, "active")]
    assert await bot.sql("SELECT taken FROM events") == [(1,)]


async def test_undo_restores_the_seat_when_nobody_waits(bot: Bot, catalog: Catalog) -> None:
    """With nobody waiting, undo within ten minutes gives the seats back (party kept); after
    ten minutes it is refused."""
    event_id = await make_event(bot, capacity=5)
    alice = bot.emu.user(5231, first_name="Alice", language_code="en")
    card = await _card(bot, alice, event_id)
    await alice.press(catalog.text("en", "events-btn-companions", companions=1))
    await alice.wait_edit(card)
    await alice.press(catalog.text("en", "events-btn-leave"))
    await alice.wait_edit(card)
    await alice.press(catalog.text("en", "events-btn-confirm-leave"))
    await alice.wait_edit(card)
    assert await bot.sql("SELECT taken FROM events") == [(0,)]
    bot.clock.advance(timedelta(minutes=5))
    await alice.press(catalog.text("en", "events-btn-undo"))
    back = await alice.wait_edit(card)
    assert (back.text or "").startswith(catalog.text("en", "events-undone"))
    assert await bot.sql("SELECT status, party FROM event_signups") == [("active", 2)]
    assert await bot.sql("SELECT taken FROM events") == [(2,)]
    await alice.press_data(f"events:leaveok:{event_id}", card)
    await alice.wait_edit(card)
    bot.clock.advance(timedelta(minutes=10))
    await alice.press(catalog.text("en", "events-btn-undo"))
    await bot.settle()
    assert alice.callback_answers[-1]["text"] == catalog.text("en", "events-undo-expired")
    assert await bot.sql("SELECT status FROM event_signups") == [("withdrawn",)]


async def test_unanswered_offer_expires_and_moves_on(bot: Bot, catalog: Catalog) -> None:
    """An offer nobody answers expires at its deadline; the person is told, and the seat is
    offered to the next one waiting (the job's function at the controlled clock)."""
    event_id = await make_event(bot, capacity=1)
    people = [bot.emu.user(5241 + n, first_name=f"P{n}", language_code="zh") for n in range(3)]
    for person in people:
        await _card(bot, person, event_id)
        await person.press_data(f"events:join:{event_id}")
        await bot.settle()
    await people[0].press_data(f"events:leaveok:{event_id}")
    await bot.settle()
    bot.clock.advance(waitlist.OFFER_WINDOW + timedelta(minutes=1))
    notices = Notices(bot.runtime.catalog, bot.runtime.centre)
    async with bot.runtime.db.transaction() as session:
        assert await waitlist.expire_offers(session, bot.clock.now(), notices) == 1
    await bot.drain()
    await people[1].wait_message(predicate=lambda m: "过期" in (m.text or ""))
    accept = catalog.text("zh", "events-btn-accept")
    await people[2].wait_message(predicate=lambda m: accept in m.button_texts())
    await people[1].press(accept)
    await bot.settle()
    assert people[1].callback_answers[-1]["text"] == catalog.text("zh", "events-offer-gone")


async def test_forged_event_buttons_change_nothing(bot: Bot, catalog: Catalog) -> None:
    """Someone else's offer, too many companions, unknown events and bad data get polite
    answers and change nothing."""
    event_id = await make_event(bot, capacity=1)
    wang = bot.emu.user(5251, first_name="Wang", language_code="zh")
    li = bot.emu.user(5252, first_name="Li", language_code="zh")
    eve = bot.emu.user(5253, first_name="Eve", language_code="en")
    for person in (wang, li):
        await _card(bot, person, event_id)
        await person.press_data(f"events:join:{event_id}")
        await bot.settle()
    await wang.press_data(f"events:leaveok:{event_id}")
    await bot.settle()
    [(offer_id,)] = await bot.sql("SELECT id FROM event_signups WHERE status = 'offered'")
    before = await bot.sql("SELECT id, status, party, seq FROM event_signups ORDER BY id")
    await _card(bot, eve, event_id)
    for data, key in (
        (f"events:acc:{offer_id}", "events-not-yours"),
        (f"events:dec:{offer_id}", "events-not-yours"),
        ("events:acc:999999", "events-offer-gone"),
        (f"events:party:{event_id}:9", "events-too-many"),
        (f"events:party:{event_id}:-1", "events-too-many"),
        (f"events:undo:{event_id}", "events-not-in"),
        (f"events:leaveok:{event_id}", "events-not-in"),
        ("events:undo:999999", "events-closed"),
        ("events:party:1", "button-invalid"),
    ):
        await eve.press_data(data)
        await bot.settle()
        assert eve.callback_answers[-1]["text"] == catalog.text("en", key), data
    assert await bot.sql("SELECT id, status, party, seq FROM event_signups ORDER BY id") == before


async def test_seats_freed_without_an_offer_are_offered_by_the_job(
    bot: Bot, catalog: Catalog
) -> None:
    """A withdrawal that makes no offer itself (a reminder's "I can't come", forgetting a
    person) leaves the seat to the offers job, which offers it to the first one waiting."""
    event_id = await make_event(bot, capacity=1)
    people = [bot.emu.user(5261 + n, first_name=f"P{n}", language_code="en") for n in range(2)]
    for person in people:
        await _card(bot, person, event_id)
        await person.press_data(f"events:join:{event_id}")
        await bot.settle()
    [(first_id,)] = await bot.sql("SELECT id FROM users WHERE telegram_id = 5261")
    async with bot.runtime.db.transaction() as session:
        assert await events.withdraw(session, event_id, int(first_id), bot.clock.now())
    assert await bot.sql("SELECT taken FROM events") == [(0,)]
    notices = Notices(bot.runtime.catalog, bot.runtime.centre)
    async with bot.runtime.db.transaction() as session:
        assert await waitlist.fill_free_seats(session, bot.clock.now(), notices) == 1
        assert await waitlist.fill_free_seats(session, bot.clock.now(), notices) == 0
    await bot.drain()
    accept = catalog.text("en", "events-btn-accept")
    await people[1].wait_message(predicate=lambda m: accept in m.button_texts())
    assert await bot.sql("SELECT taken FROM events") == [(1,)]


async def test_staff_change_the_companion_limit_in_words(bot: Bot, catalog: Catalog) -> None:
    """/editevent, the field "可带同伴人数", "每人最多带一位": the card offers only "+1", and an
    old "+2" button is refused; in English "none" leaves only the plain sign-up; a resident
    cannot change it and a bad value is asked again."""
    event_id = await make_event(bot, capacity=10)
    wang = bot.emu.user(5291, first_name="Wang", language_code="zh")
    await _card(bot, wang, event_id)
    await staff_member(bot, 5292)
    li = bot.emu.user(5292, first_name="Li", language_code="zh")
    await li.command(f"/editevent {event_id}")
    fields = await li.wait_message()
    assert catalog.text("zh", "events-field-companions") in fields.button_texts()
    await li.press(catalog.text("zh", "events-field-companions"))
    assert (await li.wait_message()).text == catalog.text("zh", "events-ask-companions")
    await li.send("每人带十个")
    assert (await li.wait_message()).text == catalog.text("zh", "events-bad-companions")
    await li.send("每人最多带一位")
    assert (await li.wait_message()).text.startswith("✅ 已保存。可带同伴人数：每人最多可带 1 位")
    assert await bot.sql("SELECT companions_max FROM events") == [(1,)]
    await wang.press(catalog.text("zh", "events-btn-companions", companions=2))  # the old card
    await bot.settle()
    assert await bot.sql("SELECT count(*) FROM event_signups") == [(0,)]
    assert wang.callback_answers[-1]["text"] == catalog.text("zh", "events-too-many")
    card = await _card(bot, wang, event_id)
    assert catalog.text("zh", "events-btn-companions", companions=2) not in card.button_texts()
    assert catalog.text("zh", "events-btn-companions", companions=1) in card.button_texts()
    profile = await staff_member(bot, 5293)
    async with bot.runtime.db.transaction() as session:  # staff are bootstrapped in Chinese
        await users.set_language(session, profile.id, "en")
    alice = bot.emu.user(5293, first_name="Alice", language_code="en")
    await alice.command(f"/editevent {event_id}")
    await alice.wait_message()
    await alice.press(catalog.text("en", "events-field-companions"))
    assert (await alice.wait_message()).text == catalog.text("en", "events-ask-companions")
    await alice.send("none")
    assert (await alice.wait_message()).text.startswith("✅ Saved. Companions per sign-up: ")
    assert await bot.sql("SELECT companions_max FROM events") == [(0,)]
    resident = bot.emu.user(5294, first_name="Zhao", language_code="en")
    await resident.command(f"/editevent {event_id}")
    assert (await resident.wait_message()).text == catalog.text("en", "refused-staff-only")
    plain_card = await _card(bot, resident, event_id)
    assert plain_card.button_texts()[0] == catalog.text("en", "events-btn-join")
    assert not any("+" in label for label in plain_card.button_texts())
