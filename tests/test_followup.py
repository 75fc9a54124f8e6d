"""Follow-up questions: "食堂明天开吗" then "那后天呢" is about the canteen (issue 12).

The resolver is pure and tested on its own with a fixed clock; then end to end through the
emulator in both languages, and across two application instances on one database.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.app import FrontdeskApplication, build_hours, build_runtime
from bot.centre import Centre
from bot.clock import SHANGHAI, ManualClock
from bot.features.questions import followups
from bot.i18n import Catalog
from bot.services import privacy, users
from bot.services.holiday_calendar import HolidayCalendar
from bot.settings import PrivacySettings, Settings
from bot.storage.db import Database, create_database
from bot.testing import running_bot, settle
from bot.understanding.followup import FRESH_FOR, FollowUp, Previous, asked, follow_up
from bot.understanding.matcher import Kind, QuestionMatcher
from bot.understanding.normalise import normalise
from frontdesk_emulator import BotApiEmulator
from tests.conftest import Bot, package_known_until

WEDNESDAY = datetime(2026, 12, 2, 9, 30, tzinfo=SHANGHAI)
THURSDAY, FRIDAY, SATURDAY, SUNDAY = (date(2026, 12, d) for d in (3, 4, 5, 6))


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


def _previous(matcher: QuestionMatcher, question: str, at: datetime = WEDNESDAY) -> Previous:
    """The context an answered ``question`` leaves, asked ``at``."""
    verdict = matcher.understand(question, at.date())
    kept = asked(verdict, at.date())
    assert kept is not None, question
    return Previous(*kept, verdict.lang, at)


def _follow(
    matcher: QuestionMatcher, first: str, then: str, *, at: datetime = WEDNESDAY, later: float = 1
) -> FollowUp | None:
    """``then`` asked ``later`` minutes after ``first`` (asked ``at``), read as a follow-up."""
    now = at + timedelta(minutes=later)
    verdict = matcher.understand(then, now.date())
    return follow_up(
        verdict,
        normalise(then),
        _previous(matcher, first, at),
        now,
        lambda rest: matcher.understand(rest, now.date()),
    )


@pytest.mark.parametrize(
    ("first", "then", "venues", "days"),
    [
        ("食堂明天开吗", "那后天呢", ("canteen",), (FRIDAY,)),
        ("食堂明天开吗", "它后天开吗", ("canteen",), (FRIDAY,)),
        ("食堂明天开吗", "周末呢", ("canteen",), (SATURDAY, SUNDAY)),
        ("卫生站今天开吗", "下午几点关门", ("health_station",), (WEDNESDAY.date(),)),
        ("食堂明天开吗", "下午呢", ("canteen",), (THURSDAY,)),
        ("is the gym open tomorrow", "what about sunday?", ("gym",), (SUNDAY,)),
        ("is the gym open tomorrow", "and on sunday?", ("gym",), (SUNDAY,)),
        ("is the gym open tomorrow", "is it open on sunday", ("gym",), (SUNDAY,)),
        ("is the gym open tomorrow", "in the evening?", ("gym",), (THURSDAY,)),
        ("食堂和健身房明天开吗", "后天呢", ("canteen", "gym"), (FRIDAY,)),
        ("食堂明天开吗", "那周日", ("canteen",), (SUNDAY,)),  # alone: "which Sunday?"
        ("食堂明天开吗", "周日晚上呢", ("canteen",), (SUNDAY,)),
        ("食堂明天开吗", "第二天呢", ("canteen",), (FRIDAY,)),
        ("is the gym open tomorrow", "sunday then?", ("gym",), (SUNDAY,)),
        ("is the gym open tomorrow", "and the day after?", ("gym",), (FRIDAY,)),
    ],
)
def test_a_fragment_without_a_venue_asks_about_the_last_venues(
    matcher: QuestionMatcher,
    first: str,
    then: str,
    venues: tuple[str, ...],
    days: tuple[date, ...],
) -> None:
    """A day or time fragment is answered for the venues asked just before, on its own day
    (or the previous days when it names none), saying the venues were assumed."""
    followed = _follow(matcher, first, then)
    assert followed is not None
    assert (followed.verdict.venue_ids, followed.verdict.days) == (venues, days)
    assert followed.verdict.kind in (Kind.HOURS, Kind.OVERVIEW)
    assert followed.assumed_venues


@pytest.mark.parametrize(
    ("first", "then", "venues", "days", "lang"),
    [
        ("照相馆周六开吗", "健身房呢", ("gym",), (SATURDAY,), "zh"),
        ("照相馆周六开吗", "和健身房呢", ("gym",), (SATURDAY,), "zh"),
        ("照相馆周六开吗", "and the gym?", ("gym",), (SATURDAY,), "en"),
        ("is the gym open tomorrow", "what about the canteen?", ("canteen",), (THURSDAY,), "en"),
        (
            "is the gym open tomorrow",
            "how about the health station",
            ("health_station",),
            (THURSDAY,),
            "en",
        ),
        ("食堂周末开吗", "那健身房呢", ("gym",), (SATURDAY, SUNDAY), "zh"),
        ("食堂明天开吗", "还有健身房", ("gym",), (THURSDAY,), "zh"),
        ("照相馆周六开吗", "ok and the gym?", ("gym",), (SATURDAY,), "en"),
        ("is the gym open tomorrow", "the gym then?", ("gym",), (THURSDAY,), "en"),
    ],
)
def test_a_venue_without_a_day_keeps_the_last_days(
    matcher: QuestionMatcher,
    first: str,
    then: str,
    venues: tuple[str, ...],
    days: tuple[date, ...],
    lang: str,
) -> None:
    """ "健身房呢" after "照相馆周六开吗": the gym on Saturday, in the new message's language."""
    followed = _follow(matcher, first, then)
    assert followed is not None
    assert (followed.verdict.venue_ids, followed.verdict.days) == (venues, days)
    assert followed.verdict.lang == lang
    assert followed.assumed_days
    assert not followed.assumed_venues


@pytest.mark.parametrize(
    "then",
    [
        "那健身房周日呢",  # its own venue and day
        "is the canteen open on sunday",
        "今天哪些地方开门",  # every place
        "what's open on sunday",
        "健身房几点关门",  # a venue, no lead-in: today, as always
        "那健身房在哪呢",  # where, not when
        "and the gym's phone number?",
        "停车怎么收费",  # something else
        "那停车呢",
        "你好",
        "今天星期几",
        "is there parking",
        "ok",
    ],
)
def test_a_question_that_stands_alone_ignores_the_context(
    matcher: QuestionMatcher, then: str
) -> None:
    """A question naming its venue and day, asking about every place, or about something
    else is answered as it always was."""
    assert _follow(matcher, "食堂明天开吗", then) is None


def test_the_context_is_ignored_after_half_an_hour(matcher: QuestionMatcher) -> None:
    """Thirty minutes on it still counts; a minute later "那后天呢" is the overview again."""
    minutes = FRESH_FOR.total_seconds() / 60
    assert _follow(matcher, "食堂明天开吗", "那后天呢", later=minutes) is not None
    assert _follow(matcher, "食堂明天开吗", "那后天呢", later=minutes + 1) is None


def test_the_context_never_crosses_midnight(matcher: QuestionMatcher) -> None:
    """Asked at 23:55, "今天呢" five minutes later is a new day: not read with the context,
    so "today" never silently means the day before."""
    late = datetime(2026, 12, 2, 23, 55, tzinfo=SHANGHAI)
    assert _follow(matcher, "食堂今天开吗", "今天呢", at=late, later=1) is not None
    assert _follow(matcher, "食堂今天开吗", "今天呢", at=late, later=5) is None


def test_a_day_in_the_follow_up_is_read_against_the_new_messages_clock(
    matcher: QuestionMatcher,
) -> None:
    """ "今天呢" twenty minutes after "食堂明天开吗" is today (the clock's day), not tomorrow."""
    followed = _follow(matcher, "食堂明天开吗", "今天呢", later=20)
    assert followed is not None
    assert followed.verdict.days == (WEDNESDAY.date(),)


def test_without_a_context_nothing_is_resolved(matcher: QuestionMatcher) -> None:
    """No previous question (or one asked in the future, a clock gone back): no follow-up."""
    verdict = matcher.understand("那后天呢", WEDNESDAY.date())
    reread = lambda rest: matcher.understand(rest, WEDNESDAY.date())  # noqa: E731
    assert follow_up(verdict, "那后天呢", None, WEDNESDAY, reread) is None
    ahead = _previous(matcher, "食堂明天开吗", WEDNESDAY + timedelta(minutes=5))
    assert follow_up(verdict, "那后天呢", ahead, WEDNESDAY, reread) is None


def test_a_question_without_a_day_leaves_today_as_its_day(matcher: QuestionMatcher) -> None:
    """ "食堂几点开门" leaves the canteen and today's date; FAQ answers leave nothing."""
    today = WEDNESDAY.date()
    assert asked(matcher.understand("食堂几点开门", today), today) == (("canteen",), (today,))
    assert asked(matcher.understand("停车怎么收费", today), today) is None
    assert asked(matcher.understand("今天哪些地方开门", today), today) is None


# -- end to end -------------------------------------------------------------------------------
# The bot's clock: Monday 2 March 2026, 10:00 in Shanghai (tests/conftest.py).


async def test_a_chinese_follow_up_is_answered_for_the_canteen(bot: Bot) -> None:
    """ "食堂明天开吗" then "那后天呢": the canteen on Wednesday, saying so; "健身房呢": the gym
    on that Wednesday."""
    wang = bot.emu.user(8101, first_name="王阿姨", language_code="zh-hans")
    await wang.send("食堂明天开吗")
    first = await wang.wait_message()
    assert first.text.startswith("社区食堂 · 3月3日（周二）")
    await wang.send("那后天呢")
    reply = await wang.wait_message()
    assert reply.text.startswith("↪️ 接着您刚才问的社区食堂：\n社区食堂 · 3月4日（周三）：")
    assert reply.button_texts() == ["📅 社区食堂一周安排"]
    await wang.send("健身房呢")
    gym = await wang.wait_message()
    assert gym.text.startswith("↪️ 还是您刚才问的3月4日（周三）：\n长风湾健身房 · 3月4日（周三）：")


async def test_an_english_follow_up_is_answered_for_the_gym(bot: Bot) -> None:
    """ "is the gym open tomorrow" then "what about sunday?" (today: not understood at all):
    the gym on Sunday; "and the canteen?": the canteen on that Sunday."""
    alice = bot.emu.user(8102, first_name="Alice", language_code="en")
    await alice.send("is the gym open tomorrow")
    await alice.wait_message()
    await alice.send("what about sunday?")
    reply = await alice.wait_message()
    assert reply.text.startswith(
        "↪️ For Changfeng Bay gym, as in your last question:\nChangfeng Bay gym · Sun 8 Mar:"
    )
    await alice.send("and the canteen?")
    canteen = await alice.wait_message()
    assert canteen.text.startswith(
        "↪️ For Sun 8 Mar, as in your last question:\nCommunity canteen · Sun 8 Mar:"
    )


async def test_a_stale_or_another_chats_context_is_not_used(bot: Bot) -> None:
    """Half an hour and a minute later "那后天呢" gets the day's overview again, and another
    resident's "那后天呢" never uses someone else's canteen."""
    wang = bot.emu.user(8103, first_name="王阿姨", language_code="zh-hans")
    li = bot.emu.user(8104, first_name="李伯伯", language_code="zh-hans")
    await wang.send("食堂明天开吗")
    await wang.wait_message()
    await li.send("那后天呢")
    assert (await li.wait_message()).text.startswith("3月4日（周三） 各场馆开放时间")
    bot.clock.advance(FRESH_FOR + timedelta(minutes=1))
    await wang.send("那后天呢")
    assert (await wang.wait_message()).text.startswith("3月4日（周三） 各场馆开放时间")


@asynccontextmanager
async def _instance(
    settings: Settings,
    centre: Centre,
    clock: ManualClock,
    catalog: Catalog,
    emulator: BotApiEmulator,
) -> AsyncIterator[FrontdeskApplication]:
    """An application built afresh on the test's database: its own engine, matcher, memos."""
    database = create_database(settings.database_url)
    hours = build_hours(centre, database, package=package_known_until(2026))
    runtime = build_runtime(
        settings, centre, database=database, clock=clock, catalog=catalog, hours=hours
    )
    try:
        async with running_bot(runtime, emulator, poll_timeout=1) as app:
            yield app
    finally:
        await database.dispose()


async def test_the_context_outlives_the_instance_that_answered(
    settings: Settings,
    centre: Centre,
    clock: ManualClock,
    catalog: Catalog,
    emulator: BotApiEmulator,
) -> None:
    """One application answers "食堂明天开吗" and stops; another, built afresh on the same
    database (another instance, or the bot after a restart), answers "那后天呢" for the
    canteen."""
    wang = emulator.user(8105, first_name="王阿姨", language_code="zh-hans")
    async with _instance(settings, centre, clock, catalog, emulator) as first:
        await wang.send("食堂明天开吗")
        await wang.wait_message()
        await settle(first, emulator)  # its handler has finished, not only replied
    async with _instance(settings, centre, clock, catalog, emulator):
        await wang.send("那后天呢")
        reply = await wang.wait_message()
    assert reply.text.startswith("↪️ 接着您刚才问的社区食堂：\n社区食堂 · 3月4日（周三）：")


async def test_contexts_are_exported_forgotten_and_pruned(
    database: Database, clock: ManualClock
) -> None:
    """/mydata shows the last hours question (venues and days, not words); /forgetme deletes
    it; the retention pass deletes contexts past their half hour and keeps fresh ones."""
    now = clock.now()
    async with database.transaction() as session:
        profile = await users.register(session, users.Person(8106, "Wang", None, None, "zh"), now)
        await followups.remember(session, 8106, ["canteen"], [date(2026, 3, 3)], "zh", now)
        await followups.remember(session, 8107, ["gym"], [date(2026, 3, 3)], "en", now)
    section = followups.DATA_SECTION
    async with database.read() as session:
        exported = await section.export(session, profile.id)
    assert [(e["venues"], e["days"]) for e in exported["follow_ups"]] == [
        (["canteen"], ["2026-03-03"])
    ]
    async with database.transaction() as session:
        await section.forget(session, profile.id, now)
        assert await followups.load(session, 8106) is None
        await followups.remember(session, 8108, ["gym"], [date(2026, 3, 3)], "en", now + FRESH_FOR)
    later = now + FRESH_FOR + timedelta(seconds=1)
    done = await privacy.apply_retention(database, later, PrivacySettings(), [section])
    assert done == {"follow_ups": 1}
    async with database.read() as session:
        assert await followups.load(session, 8107) is None
        kept = await followups.load(session, 8108)
    assert kept is not None
    assert kept.asked_at == (now + FRESH_FOR).astimezone(UTC)
