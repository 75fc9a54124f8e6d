"""Deep links (issue 16): every kind of ``/start <payload>`` opens its thing, in Chinese and
English, and a forged or mistyped payload gets the plain greeting."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot import deeplinks
from bot.features.broadcast import service as broadcast
from bot.i18n import Catalog
from bot.tg.reply import plain
from tests.conftest import Bot
from tests.nightschool_helpers import make_school, published_course
from tests.test_events import EVENT_START, make_event


def _plain(catalog: Catalog, lang: str, key: str, **args: object) -> str:
    return plain(catalog.text(lang, key, **args))


def test_payloads_round_trip_and_refuse_what_is_no_link() -> None:
    """Each kind's payload parses back to itself; the builder refuses bad arguments."""
    for kind, arg in (
        ("hours", None),
        ("venue", "health_station"),
        ("feedback", None),
        ("feedback", "lunch"),
        ("course", 12),
        ("event", 7),
        ("ask", None),
        ("topic", "health"),
    ):
        text = deeplinks.payload(kind, arg)
        assert len(text) <= deeplinks.MAX_PAYLOAD
        assert deeplinks.parse(f"/start {text}") == deeplinks.DeepLink(
            kind, None if arg is None else str(arg)
        )
    assert (
        deeplinks.url("frontdesk_bot", "course", 3) == "https://t.me/frontdesk_bot?start=course_3"
    )
    for kind, arg in (("course", "x"), ("course", 0), ("hours", "x"), ("nope", None)):
        with pytest.raises(ValueError, match=r"link|kind"):
            deeplinks.payload(kind, arg)
    for text in ("course_", "course_01", "venue_Canteen", "x" * 65, "课程_1", "hours extra", ""):
        assert deeplinks.parse(text) is None, text


async def test_hours_and_venue_links(bot: Bot, catalog: Catalog) -> None:
    """``hours`` gives the overview; ``venue_<id>`` the venue's details and its map pin, in
    the reader's language; an unknown venue is answered politely."""
    wang = bot.emu.user(6001, first_name="Wang", language_code="zh")
    await wang.command("/hours")
    overview = await wang.wait_message()
    await wang.command("/start hours")
    assert (await wang.wait_message()).text == overview.text
    alice = bot.emu.user(6002, first_name="Alice", language_code="en")
    await alice.command("/start venue_canteen")
    info = await alice.wait_message()
    assert "Community canteen" in (info.text or "")
    assert "1690 centre, ground floor, east wing" in (info.text or "")
    pin = await alice.wait_message()
    assert pin.kind == "venue"
    assert pin.raw["venue"]["title"] == "Community canteen"
    assert pin.raw["venue"]["address"] == "1690 centre, ground floor, east wing"
    assert pin.raw["venue"]["location"]["latitude"] == pytest.approx(31.2226)
    await wang.command("/start venue_canteen")
    await wang.wait_message()
    zh_pin = await wang.wait_message()
    assert zh_pin.raw["venue"]["address"] == "1690党群服务中心 一楼东侧"
    await alice.command("/start venue_moon_base")
    assert (await alice.wait_message()).text == _plain(catalog, "en", "deeplink-gone")


async def test_week_view_offers_the_map_pin(bot: Bot, catalog: Catalog) -> None:
    """A venue's week has a 📍 button that sends the pin; a forged venue is refused."""
    wang = bot.emu.user(6003, first_name="Wang", language_code="zh")
    await wang.command("/hours")
    overview = await wang.wait_message()
    await wang.press_data("hours:week:gym", overview)
    await wang.wait_edit(overview)
    await wang.press(catalog.text("zh", "hours-btn-pin"))
    pin = await wang.wait_message()
    assert pin.kind == "venue"
    assert pin.raw["venue"]["title"] == "长风湾健身房"
    await wang.press_data("hours:pin:moon_base", overview)
    await bot.settle()
    assert wang.callback_answers[-1]["text"] == _plain(catalog, "zh", "button-invalid")


async def test_feedback_links_open_the_form(bot: Bot, catalog: Catalog) -> None:
    """``feedback`` opens the form with the meal of the hour; ``feedback_dinner`` with
    dinner, whatever the hour."""
    wang = bot.emu.user(6004, first_name="Wang", language_code="zh")
    await wang.command("/start feedback_dinner")
    form = await wang.wait_message()
    dinner = catalog.text("zh", "feedback-meal-dinner")
    assert form.text == _plain(catalog, "zh", "feedback-start", meal=dinner)
    alice = bot.emu.user(6005, first_name="Alice", language_code="en")
    await alice.command("/start feedback")
    opened = await alice.wait_message()
    assert "how was it?" in (opened.text or "")
    assert opened.buttons  # the stars


async def test_course_and_event_links_show_their_cards(bot: Bot, catalog: Catalog) -> None:
    """``course_<id>`` and ``event_<id>`` show the cards with their buttons; gone ones are
    answered politely."""
    school = make_school(catalog, bot.runtime.centre)
    course_id = await published_course(bot.runtime.db, school, now=bot.clock.now())
    event_id = await make_event(bot)
    wang = bot.emu.user(6006, first_name="Wang", language_code="zh")
    await wang.command(f"/start course_{course_id}")
    course = await wang.wait_message()
    assert "Calligraphy(中)" in (course.text or "")
    assert f"ns:join:{course_id}" in course.callback_data()
    alice = bot.emu.user(6007, first_name="Alice", language_code="en")
    await alice.command(f"/start event_{event_id}")
    event = await alice.wait_message()
    assert "Paper cutting" in (event.text or "")
    assert f"events:join:{event_id}" in event.callback_data()
    await alice.command("/start course_999999")
    assert (await alice.wait_message()).text == _plain(catalog, "en", "deeplink-gone")
    await wang.command("/start event_999999")
    assert (await wang.wait_message()).text == _plain(catalog, "zh", "events-link-gone")


@pytest.mark.parametrize(
    ("lang", "payload"),
    [("zh", "event_999999"), ("en", "event_999999"), ("zh", "event_abc"), ("en", "event")],
)
async def test_an_event_link_to_nothing_says_the_event_is_not_open(
    bot: Bot, catalog: Catalog, lang: str, payload: str
) -> None:
    """A poster's event link whose event is not there, or mistyped ("event_abc"), says in
    the reader's language that the event is no longer open and where to look (/events),
    it used to get the plain greeting, as if the link had done nothing."""
    reader = bot.emu.user(6011, first_name="Reader", language_code=lang)
    await reader.command(f"/start {payload}")
    reply = await reader.wait_message()
    assert reply.text == _plain(catalog, lang, "events-link-gone")
    assert "/events" in (reply.text or "")


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_an_event_link_after_the_event_shows_it_ended_and_what_to_do(
    bot: Bot, catalog: Catalog, lang: str
) -> None:
    """A link to an event that has ended: its card says so, without sign-up buttons, and a
    second message points to /events."""
    event_id = await make_event(bot)
    bot.clock.set(EVENT_START + timedelta(days=1))
    reader = bot.emu.user(6012, first_name="Reader", language_code=lang)
    await reader.command(f"/start event_{event_id}")
    card = await reader.wait_message()
    assert _plain(catalog, lang, "events-status-ended") in (card.text or "")
    assert not any("events:join" in data for data in card.callback_data())
    after = await reader.wait_message()
    assert after.text == _plain(catalog, lang, "events-link-closed")


async def test_ask_and_topic_links(bot: Bot, catalog: Catalog) -> None:
    """``ask`` opens a conversation with staff; ``topic_<name>`` follows that topic (again)."""
    wang = bot.emu.user(6008, first_name="Wang", language_code="zh")
    await wang.command("/start ask")
    opened = await wang.wait_message()
    assert (opened.text or "").startswith("🙋 已为您接通工作人员（工单 #")
    assert await bot.sql("SELECT COUNT(*) FROM tickets WHERE status = 'open'") == [(1,)]
    alice = bot.emu.user(6009, first_name="Alice", language_code="en")
    await alice.command("/subscriptions")
    await alice.wait_message()
    [(user_id,)] = await bot.sql("SELECT id FROM users WHERE telegram_id = 6009")
    async with bot.runtime.db.transaction() as session:
        assert not await broadcast.toggle_topic(session, int(user_id), "health", bot.clock.now())
    await alice.command("/start topic_health")
    followed = await alice.wait_message()
    topic = catalog.text("en", "topic-health")
    assert followed.text == _plain(catalog, "en", "subscriptions-on", topic=topic)
    assert await bot.sql("SELECT COUNT(*) FROM topic_optouts") == [(0,)]
    await alice.command("/start topic_gossip")
    assert (await alice.wait_message()).text == _plain(catalog, "en", "deeplink-gone")


@pytest.mark.parametrize(
    "payload",
    [
        "course_abc",
        "course_1 extra",
        "<b>hi</b>",
        "x" * 80,
        "课程_1",
        "venue_",
        "feedback_supper",
        # "\u202ecourse_1" is no forgery any more: the edge (bot/hygiene.py, issue 14) strips
        # bidi and zero-width marks before any handler, so it reads as course_1.
        "start",
    ],
)
async def test_forged_payloads_get_the_greeting(bot: Bot, catalog: Catalog, payload: str) -> None:
    """A payload that is no link (forged, mistyped, odd Unicode, too long) gets the plain
    greeting, in the reader's language, and nothing else happens."""
    wang = bot.emu.user(6010, first_name="Wang", language_code="zh")
    await wang.command(f"/start {payload}")
    reply = await wang.wait_message()
    assert reply.text == _plain(catalog, "zh", "start-greeting", name="Wang")
