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
from bot.understanding.followup import (
    FRESH_FOR,
    FollowUp,
    Previous,
    asked,
    clock_asked,
    clock_hours,
    follow_up,
    meal_asked,
    part_asked,
    part_hours,
    standalone,
)
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
    kept = asked(verdict)
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


@pytest.mark.parametrize(
    ("first", "then", "days"),
    [
        ("is the gym open this weekend", "are you open on new year's day", (date(2027, 1, 1),)),
        ("健身房周末开吗", "你们元旦开吗", (date(2027, 1, 1),)),
        ("健身房周末开吗", "那你们礼拜天呢", (SUNDAY,)),
        ("健身房周末开吗", "中心周日开门吗", (SUNDAY,)),
        ("健身房周末开吗", "你们那边明天开吗", (THURSDAY,)),
        ("what time does the legal aid desk open on saturday", "are you open on sunday", (SUNDAY,)),
        ("is the gym open tomorrow", "what are your opening hours on sunday", (SUNDAY,)),
        ("is the gym open tomorrow", "is the centre open on sunday", (SUNDAY,)),
    ],
)
def test_the_centre_addressed_on_a_day_is_every_venue(
    matcher: QuestionMatcher, first: str, then: str, days: tuple[date, ...]
) -> None:
    """ "你们…", "are you open…", "the centre…" after a venue's question asks about the
    centre: the day's overview of every venue, not the last venue (the canteen may be closed
    on a day the gym is open)."""
    assert _follow(matcher, first, then) is None
    alone = matcher.understand(then, WEDNESDAY.date())
    assert (alone.kind, alone.venue_ids, alone.days) == (Kind.OVERVIEW, (), days)


@pytest.mark.parametrize(
    ("then", "days"),
    [
        ("what about sunday?", (SUNDAY,)),
        ("and tomorrow?", (THURSDAY,)),
        ("is it open on sunday", (SUNDAY,)),
        ("那礼拜天呢", (SUNDAY,)),
        ("它周日开吗", (SUNDAY,)),
    ],
)
def test_a_day_alone_or_with_it_still_follows_the_last_venue(
    matcher: QuestionMatcher, then: str, days: tuple[date, ...]
) -> None:
    """Without "you" or the centre named, a new day is the last venue's: "what about sunday?",
    "is it open on sunday"."""
    followed = _follow(matcher, "健身房周末开吗", then)
    assert followed is not None
    assert (followed.verdict.venue_ids, followed.verdict.days) == (("gym",), days)


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


def test_a_question_without_a_day_leaves_no_day(matcher: QuestionMatcher) -> None:
    """ "食堂几点开门" leaves the canteen and no day (today at the follow-up), a venue's card
    its venue, the overview every venue (no venues); other answers leave nothing."""
    today = WEDNESDAY.date()
    assert asked(matcher.understand("食堂几点开门", today)) == (("canteen",), ())
    assert asked(matcher.understand("照相馆在哪里", today)) == (("photo_studio",), ())
    assert asked(matcher.understand("停车怎么收费", today)) is None
    assert asked(matcher.understand("今天哪些地方开门", today)) == ((), (today,))


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


async def test_you_after_a_venue_question_is_the_whole_centre(bot: Bot) -> None:
    """ "is the gym open this weekend" then "are you open on new year's day": every venue on
    1 January (the canteen closes that day), not the gym alone; "what about sunday?" after it
    still follows the gym."""
    alice = bot.emu.user(8110, first_name="Alice", language_code="en")
    await alice.send("is the gym open this weekend")
    await alice.wait_message()
    await alice.send("are you open on new year's day")
    reply = await alice.wait_message()
    assert not reply.text.startswith("↪️"), reply.text
    assert "Community canteen" in reply.text, reply.text
    assert "Changfeng Bay gym" in reply.text, reply.text
    await alice.send("is the gym open this weekend")
    await alice.wait_message()
    await alice.send("what about sunday?")
    sunday = await alice.wait_message()
    assert sunday.text.startswith("↪️ For Changfeng Bay gym, as in your last question:")


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


# -- follow-up 2: the last answered question, lead-ins, spoken fragments, parts of the day ----


def _follow_previous(
    matcher: QuestionMatcher, previous: Previous, then: str, *, later: float = 1
) -> FollowUp | None:
    now = previous.asked_at + timedelta(minutes=later)
    verdict = matcher.understand(then, now.date())
    return follow_up(
        verdict,
        normalise(then),
        previous,
        now,
        lambda rest: matcher.understand(rest, now.date()),
    )


@pytest.mark.parametrize(
    ("first", "then", "venues", "days", "assumed_days"),
    [
        ("照相馆在哪里", "几点关门", ("photo_studio",), (WEDNESDAY.date(),), False),
        ("照相馆在哪里", "周日呢", ("photo_studio",), (SUNDAY,), False),
        ("where's the gym", "and on sunday?", ("gym",), (SUNDAY,), False),
        (
            "where can I get passport photos taken?",
            "and tomorrow?",
            ("photo_studio",),
            (THURSDAY,),
            False,
        ),
        ("今天哪些地方开门", "那明天呢", (), (THURSDAY,), False),
        ("what's open on sunday", "what about saturday?", (), (SATURDAY,), False),
        ("今天哪些地方开门", "健身房呢", ("gym",), (WEDNESDAY.date(),), True),
        ("食堂几点开门", "健身房呢", ("gym",), (WEDNESDAY.date(),), False),
    ],
)
def test_a_venue_card_or_the_overview_is_the_last_question(
    matcher: QuestionMatcher,
    first: str,
    then: str,
    venues: tuple[str, ...],
    days: tuple[date, ...],
    assumed_days: bool,
) -> None:
    """A venue's card leaves its venue (today: no day said), the overview every venue on its
    days: "那明天呢" after "今天哪些地方开门" is tomorrow's overview."""
    followed = _follow(matcher, first, then)
    assert followed is not None
    assert (followed.verdict.venue_ids, followed.verdict.days) == (venues, days)
    assert followed.assumed_days is assumed_days
    if not venues:
        assert followed.verdict.kind is Kind.OVERVIEW


def test_an_faq_answers_venue_may_be_the_context(matcher: QuestionMatcher) -> None:
    """The handler keeps an FAQ entry's venue ("健身房怎么办卡": the gym) with no day."""
    gym = Previous(("gym",), (), "zh", WEDNESDAY)
    followed = _follow_previous(matcher, gym, "周日呢")
    assert followed is not None
    assert (followed.verdict.venue_ids, followed.verdict.days) == (("gym",), (SUNDAY,))


@pytest.mark.parametrize(
    ("first", "then", "days"),
    [
        ("食堂后天开吗", "嗯 好 那礼拜天呢", (SUNDAY,)),
        ("食堂后天开吗", "好 的 那周日呢", (SUNDAY,)),
        ("食堂明天开吗", "哦 哦 那下午呢", (THURSDAY,)),
        ("食堂后天开吗", "嗯　好　那礼拜天呢", (SUNDAY,)),
    ],
)
def test_spaced_out_acknowledgements_are_not_joined_to_the_follow_up(
    matcher: QuestionMatcher, first: str, then: str, days: tuple[date, ...]
) -> None:
    """Lone characters spaced out are joined into one word ("卫 生 站"), but a run of
    acknowledgements stays apart from the question after it, so it is still left out."""
    followed = _follow(matcher, first, then)
    assert followed is not None
    assert (followed.verdict.venue_ids, followed.verdict.days) == (("canteen",), days)


@pytest.mark.parametrize(
    ("then", "days"),
    [
        ("是的，那周日呢", (SUNDAY,)),
        ("好的，那周日呢", (SUNDAY,)),
        ("嗯 那礼拜天呢", (SUNDAY,)),
        ("哦哦晓得了，那礼拜一呢？", (date(2026, 12, 7),)),
        ("对的，那明天呢", (THURSDAY,)),
        ("ok, and sunday?", (SUNDAY,)),
        ("thanks, what about monday?", (date(2026, 12, 7),)),
    ],
)
def test_an_acknowledgement_before_the_follow_up_is_left_out(
    matcher: QuestionMatcher, then: str, days: tuple[date, ...]
) -> None:
    followed = _follow(matcher, "食堂后天开吗", then)
    assert followed is not None
    assert (followed.verdict.venue_ids, followed.verdict.days) == (("canteen",), days)


@pytest.mark.parametrize(
    ("first", "then", "venues", "days", "kind"),
    [
        (
            "卫生站今朝开伐",
            "下半天几点钟关门",
            ("health_station",),
            (WEDNESDAY.date(),),
            Kind.HOURS,
        ),
        ("照相馆周六开吗", "格么健身房呢", ("gym",), (SATURDAY,), Kind.HOURS),
        ("一站式窗口礼拜六开伐", "伊礼拜天开伐", ("service_window",), (SUNDAY,), Kind.HOURS),
        ("照相馆周六开吗", "same for the gym?", ("gym",), (SATURDAY,), Kind.HOURS),
        ("is the gym open on sunday", "the canteen?", ("canteen",), (SUNDAY,), Kind.HOURS),
        ("健身房周日开吗", "食堂？", ("canteen",), (SUNDAY,), Kind.HOURS),
        ("健身房明天开吗", "它在哪里", ("gym",), (), Kind.VENUE),
        ("照相馆几点开门", "那里在哪里", ("photo_studio",), (), Kind.VENUE),
        ("is the gym open tomorrow", "where is it?", ("gym",), (), Kind.VENUE),
        # the place left unsaid, as Chinese drops it
        ("卫生站几点开", "怎么去", ("health_station",), (), Kind.VENUE),
        ("照相馆明天开伐", "电话多少", ("photo_studio",), (), Kind.VENUE),
        ("健身房周日开吗", "地址呢？", ("gym",), (), Kind.VENUE),
    ],
)
def test_spoken_and_short_fragments_follow_on(
    matcher: QuestionMatcher,
    first: str,
    then: str,
    venues: tuple[str, ...],
    days: tuple[date, ...],
    kind: Kind,
) -> None:
    """Shanghainese ("下半天", "格么", "伊" = it), "same for…", a bare name, "where is it?"."""
    followed = _follow(matcher, first, then)
    assert followed is not None
    assert (followed.verdict.kind, followed.verdict.venue_ids) == (kind, venues)
    assert followed.verdict.days == days


@pytest.mark.parametrize(
    ("then", "kind", "venues", "days"),
    [
        ("what about tomorrow?", Kind.OVERVIEW, (), (THURSDAY,)),
        ("how about tomorrow?", Kind.OVERVIEW, (), (THURSDAY,)),
        ("what about saturday?", Kind.OVERVIEW, (), (SATURDAY,)),
        ("what about the canteen?", Kind.VENUE, ("canteen",), ()),
        ("好的，食堂明天开吗", Kind.HOURS, ("canteen",), (THURSDAY,)),
    ],
)
def test_without_a_context_a_fragment_is_read_without_its_lead_in(
    matcher: QuestionMatcher,
    then: str,
    kind: Kind,
    venues: tuple[str, ...],
    days: tuple[date, ...],
) -> None:
    """ "what about tomorrow?" alone is tomorrow's overview, as "and tomorrow?" is."""
    today = WEDNESDAY.date()
    verdict = matcher.understand(then, today)
    alone = standalone(verdict, normalise(then), lambda rest: matcher.understand(rest, today))
    assert alone is not None
    assert (alone.kind, alone.venue_ids, alone.days) == (kind, venues, days)


@pytest.mark.parametrize("then", ["好的谢谢", "ok", "thanks!", "今天哪些地方开门", "那停车呢"])
def test_without_a_context_other_messages_are_read_as_before(
    matcher: QuestionMatcher, then: str
) -> None:
    today = WEDNESDAY.date()
    verdict = matcher.understand(then, today)
    alone = standalone(verdict, normalise(then), lambda rest: matcher.understand(rest, today))
    assert alone is None or alone == verdict


@pytest.mark.parametrize(
    ("text", "asked_part"),
    [
        ("下午几点关门", ("afternoon", "close")),
        ("下半天几点钟关门", ("afternoon", "close")),
        ("上午几点开门", ("morning", "open")),
        ("what time does it close in the afternoon?", ("afternoon", "close")),
        ("when does it open in the morning", ("morning", "open")),
        ("下午呢", None),
        ("几点关门", None),
        # asked yes or no (r30f): the part's opening
        ("侬好今朝下半天照相馆开伐", ("afternoon", "open")),
        ("下午卫生站开不开", ("afternoon", "open")),
        ("上半天律师有人伐", ("morning", "open")),
        ("is the gym open this afternoon?", ("afternoon", "open")),
        ("下午开过会", None),
    ],
)
def test_the_part_of_the_day_asked(text: str, asked_part: tuple[str, str] | None) -> None:
    assert part_asked(normalise(text)) == asked_part


HEALTH = [(8 * 60, 11 * 60 + 30), (13 * 60 + 30, 16 * 60 + 30)]
GYM = [(6 * 60 + 30, 22 * 60)]


@pytest.mark.parametrize(
    ("spans", "part", "edge", "said"),
    [
        (HEALTH, "afternoon", "close", ("closes", 16 * 60 + 30)),
        (HEALTH, "afternoon", "open", ("opens", 13 * 60 + 30)),
        (HEALTH, "morning", "close", ("closes", 11 * 60 + 30)),
        (HEALTH[:1], "afternoon", "close", ("closed", None)),
        (GYM, "afternoon", "close", ("open-until", 22 * 60)),
        (GYM, "afternoon", "open", ("open-from", 6 * 60 + 30)),
        ([], "morning", "open", ("closed", None)),
    ],
)
def test_the_part_of_the_day_from_the_days_hours(
    spans: list[tuple[int, int]], part: str, edge: str, said: tuple[str, int | None]
) -> None:
    assert part_hours(spans, part, edge) == said


@pytest.mark.parametrize(
    ("text", "minute"),
    [
        ("今晚八点半健身房还开吗", 20 * 60 + 30),
        ("下午3点共享工作室开着吗", 15 * 60),
        ("晚上8點以後健身房還開嗎", 20 * 60),
        ("中午12点食堂开吗", 12 * 60),
        ("明天早上7点食堂开门了吗", 7 * 60),
        ("下午两点半卫生站有人吗", 14 * 60 + 30),
        ("20:00健身房开吗", 20 * 60),
        ("is the gym open at 8pm?", 20 * 60),
        ("Is the canteen open at 7:30 tonight?", 19 * 60 + 30),
        ("gym at 6 am?", 6 * 60),
        ("8点还开吗", None),  # morning or evening?
        ("is it open at 10:30", None),
        ("9点到11点开吗", None),  # a span
        ("晚上8点前能到吗", None),  # before it
        ("open 9am-5pm?", None),
        ("食堂几点开", None),
        ("晚上25点开吗", None),
    ],
)
def test_the_clock_time_asked(text: str, minute: int | None) -> None:
    assert clock_asked(normalise(text)) == minute


@pytest.mark.parametrize(
    ("spans", "minute", "said"),
    [
        (HEALTH, 9 * 60, ("open", 11 * 60 + 30)),
        (HEALTH, 12 * 60, ("opens-later", 13 * 60 + 30)),  # the lunch break
        (HEALTH, 7 * 60, ("opens-later", 8 * 60)),
        (HEALTH, 17 * 60, ("closed", 16 * 60 + 30)),
        (HEALTH, 16 * 60 + 30, ("closed", 16 * 60 + 30)),  # closing time: closed
        ([(18 * 60, 24 * 60 + 30)], 15, ("open", 24 * 60 + 30)),  # past midnight
        ([], 9 * 60, ("closed", None)),
    ],
)
def test_the_clock_time_from_the_days_hours(
    spans: list[tuple[int, int]], minute: int, said: tuple[str, int | None]
) -> None:
    assert clock_hours(spans, minute) == said


async def test_a_clock_time_asked_is_answered_first(bot: Bot) -> None:
    """ "食堂晚上8点还开吗": "20:00 已经关门了" before the day's hours, in either language;
    the photo studio's lunch break is said as such."""
    wang = bot.emu.user(8117, first_name="王阿姨", language_code="zh-hans")
    await wang.send("食堂晚上8点还开吗")
    reply = await wang.wait_message()
    assert reply.text.startswith("20:00 已经关门了（今天开到 18:30）。\n社区食堂 · 3月2日（周一）")
    await wang.send("明天中午12点半照相馆开吗")
    reply = await wang.wait_message()
    assert reply.text.startswith("12:30 不开放，13:30 开门。\n公益照相馆 · 3月3日（周二）")
    alice = bot.emu.user(8118, first_name="Alice", language_code="en")
    await alice.send("is the gym open at 8pm?")
    reply = await alice.wait_message()
    assert reply.text.startswith("At 20:00: open, until 22:00.\n")


async def test_a_follow_up_after_a_venue_card_or_an_faq_is_about_that_venue(bot: Bot) -> None:
    """After "照相馆在哪里", "几点关门" is the photo studio's (no day said: it is today);
    after "健身房怎么办卡", "周日呢" the gym's; after "停车怎么收费" the canteen is forgotten;
    after "今天哪些地方开门", "那明天呢" is tomorrow's overview."""
    wang = bot.emu.user(8111, first_name="王阿姨", language_code="zh-hans")
    await wang.send("照相馆在哪里")
    await wang.wait_message()
    await wang.send("几点关门")
    reply = await wang.wait_message()
    assert reply.text.startswith("↪️ 接着您刚才问的公益照相馆：\n公益照相馆 · 3月2日（周一）：")
    await wang.send("健身房怎么办卡")
    await wang.wait_message()
    await wang.send("周日呢")
    reply = await wang.wait_message()
    assert reply.text.startswith("↪️ 接着您刚才问的长风湾健身房：\n长风湾健身房 · 3月8日（周日）：")
    await wang.send("食堂明天开吗")
    await wang.wait_message()
    await wang.send("可以停车吗")
    await wang.wait_message()
    await wang.send("那后天呢")
    assert (await wang.wait_message()).text.startswith("3月4日（周三） 各场馆开放时间")
    await wang.send("今天哪些地方开门")
    await wang.wait_message()
    await wang.send("那明天呢")
    assert (await wang.wait_message()).text.startswith("3月3日（周二） 各场馆开放时间")
    await wang.send("食堂几点开门")
    await wang.wait_message()
    await wang.send("健身房呢")
    assert (await wang.wait_message()).text.startswith("长风湾健身房 · 3月2日（周一）：")


async def test_english_lead_ins_and_the_afternoon(bot: Bot) -> None:
    """ "what about tomorrow?" alone is tomorrow's overview; "where's the gym" then "ok, and
    on sunday?" the gym's Sunday; "what time does it close in the afternoon?" says so first."""
    alice = bot.emu.user(8112, first_name="Alice", language_code="en")
    await alice.send("what about tomorrow?")
    assert (await alice.wait_message()).text.startswith("Every venue on Tue 3 Mar")
    await alice.send("where's the gym")
    await alice.wait_message()
    await alice.send("ok, and on sunday?")
    reply = await alice.wait_message()
    assert reply.text.startswith(
        "↪️ For Changfeng Bay gym, as in your last question:\nChangfeng Bay gym · Sun 8 Mar:"
    )
    await alice.send("is the health station open today")
    await alice.wait_message()
    await alice.send("what time does it close in the afternoon?")
    reply = await alice.wait_message()
    assert reply.text.startswith("Closes at 16:30 in the afternoon.\n")


async def test_chinese_afternoon_and_spoken_follow_ups(bot: Bot) -> None:
    """ "下半天几点钟关门" after "卫生站今朝开伐": "下午 16:30 关门" first; "是的，那周日呢"."""
    wang = bot.emu.user(8113, first_name="王阿姨", language_code="zh-hans")
    await wang.send("卫生站今朝开伐")
    await wang.wait_message()
    await wang.send("下半天几点钟关门")
    reply = await wang.wait_message()
    assert reply.text.startswith("下午 16:30 关门。\n↪️ 接着您刚才问的社区卫生服务站：")
    await wang.send("是的，那周日呢")
    reply = await wang.wait_message()
    assert reply.text.startswith(
        "↪️ 接着您刚才问的社区卫生服务站：\n社区卫生服务站 · 3月8日（周日）"
    )


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("is the gym open tomorrow", "what about tonight?"),
        ("is the gym open tomorrow", "and tonight?"),
        ("is the gym open tomorrow", "tonight?"),
        ("is the gym open tomorrow", "what about this evening?"),
        ("is the gym open tomorrow", "and this afternoon?"),
        ("is the gym open on sunday", "what about this morning?"),
        ("健身房明天开吗", "那今晚呢"),
        ("健身房周日开吗", "今天下午呢"),
    ],
)
def test_tonight_or_this_afternoon_after_another_day_is_today(
    matcher: QuestionMatcher, first: str, then: str
) -> None:
    """A second reader found "what about tonight?" after a question about tomorrow answered
    for tomorrow, as "still the day you asked": the part of the day was stripped like "下午呢"
    and the previous day carried. Today's part of the day is today."""
    found = _follow(matcher, first, then)
    assert found is not None
    assert found.verdict.venue_ids == ("gym",)
    assert found.verdict.days == (WEDNESDAY.date(),)
    assert not found.assumed_days


@pytest.mark.parametrize("then", ["怎么去长风公园", "医院在哪里", "电话费怎么交"])
def test_a_where_question_naming_something_else_is_not_the_last_places_card(
    matcher: QuestionMatcher, then: str
) -> None:
    followed = _follow(matcher, "卫生站几点开", then)
    assert followed is None or followed.verdict.venue_ids != ("health_station",)


async def test_a_festival_that_is_no_day_off_is_said_so(bot: Bot) -> None:
    """ "元宵节食堂开吗": the hours of an ordinary Tuesday came back with no word on the
    festival, and a resident could not tell whether the bot had understood (a newcomer's
    finding). It now says first that the festival is no day off; a statutory one is not."""
    wang = bot.emu.user(8119, first_name="王阿姨", language_code="zh-hans")
    await wang.send("元宵节食堂开吗")
    reply = await wang.wait_message()
    assert reply.text.startswith("元宵节不放假。\n社区食堂 · 3月3日（周二）"), reply.text
    await wang.send("清明节卫生站开吗")
    reply = await wang.wait_message()
    assert "不放假" not in reply.text
    alice = bot.emu.user(8120, first_name="Alice", language_code="en")
    await alice.send("is the photo studio open on christmas?")
    reply = await alice.wait_message()
    assert reply.text.startswith(
        "That day is not a public holiday here.\nPhoto studio · Fri 25 Dec"
    )


async def test_a_date_that_does_not_exist_is_said_so_and_the_month_end_offered(bot: Bot) -> None:
    """ "2月30号食堂开吗" asked which day with five days from today, as if the date had not
    been read (a newcomer's finding). It now says the month has no such day and offers the
    month's end and the next month's start."""
    wang = bot.emu.user(8121, first_name="王阿姨", language_code="zh-hans")
    await wang.send("4月31号食堂开吗")
    reply = await wang.wait_message()
    assert reply.text.startswith("4月只有30天，没有31号。\n您问的是哪一天？"), reply.text
    assert len(reply.callback_data()) == 4
    alice = bot.emu.user(8122, first_name="Alice", language_code="en")
    await alice.send("is the gym open on 2026-02-30?")
    reply = await alice.wait_message()
    assert reply.text.startswith("February has only 28 days, so there is no 30 February.\n")


@pytest.mark.parametrize(
    ("text", "meal"),
    [
        ("食堂晚饭几点", "dinner"),
        ("明天早饭几点开始", "breakfast"),
        ("中饭几点好吃", "lunch"),
        ("夜饭几点开", "dinner"),
        ("what time is lunch at the canteen", "lunch"),
        ("is supper served on saturday", "dinner"),
        ("早饭和午饭几点", None),  # two meals: the day's hours say both
        ("食堂几点开", None),
    ],
)
def test_the_meal_asked(text: str, meal: str | None) -> None:
    assert meal_asked(normalise(text)) == meal


async def test_a_meal_asked_of_the_canteen_is_answered_first(bot: Bot) -> None:
    """ "食堂晚饭几点" got the whole day and left the resident to find dinner in it (a
    newcomer's finding): the meal's times come first, or that there is none that day; a
    place that serves no meals is answered as before."""
    wang = bot.emu.user(8123, first_name="王阿姨", language_code="zh-hans")
    await wang.send("食堂晚饭几点")
    reply = await wang.wait_message()
    assert reply.text.startswith("晚餐 17:00–18:30。\n社区食堂 · 3月2日（周一）"), reply.text
    await wang.send("礼拜六食堂有晚饭吗")
    reply = await wang.wait_message()
    assert reply.text.startswith("那天没有晚餐。\n社区食堂 · 3月7日（周六）"), reply.text
    await wang.send("健身房晚饭几点")
    reply = await wang.wait_message()
    assert reply.text.startswith("长风湾健身房 · 3月2日（周一）"), reply.text
    alice = bot.emu.user(8124, first_name="Alice", language_code="en")
    await alice.send("what time is lunch at the canteen")
    reply = await alice.wait_message()
    assert reply.text.startswith("Lunch: 11:00–13:00.\n"), reply.text


async def test_a_part_of_the_day_asked_yes_or_no_gets_its_line(bot: Bot) -> None:
    """ "侬好今朝下半天照相馆开伐" (r30f): the afternoon's line first, as for "下午几点开门"
    (下半天 is 下午; a yes/no "开伐" had no line)."""
    li = bot.emu.user(8114, first_name="李阿姨", language_code="zh-hans")
    await li.send("侬好今朝下半天照相馆开伐")
    reply = await li.wait_message()
    first = reply.text.split("\n", 1)[0]
    assert first.startswith("下午")
    assert "照相馆" not in first
