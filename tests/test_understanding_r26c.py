"""Round twenty-six, session sixteen (dev94's failures by class): a day of one's own set in a
festival's break, the eve of "the holiday" with two breaks at hand, a service asked with a day,
a festival's day and its neighbour, an English range with its month said once. Dates injected,
never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

MID_AUTUMN_EVE = date(2026, 9, 24)  # Thursday; 中秋 break 25-27 Sep, 国庆 break 1-7 Oct
TWO_DAYS_BEFORE = date(2026, 9, 22)
MARCH = date(2026, 3, 12)  # an ordinary week, no break near


def _days(*days: str) -> tuple[date, ...]:
    return tuple(date.fromisoformat(d) for d in days)


# A day of the resident's own inside a festival's break: which day of it? Asked (was the
# whole break, or the festival's day: another day answered).
@pytest.mark.parametrize(
    "text",
    [
        "中秋我儿子来的那天食堂开吗",
        "国庆回老家的时候卫生站开伐",
        "国庆放假女儿回来那天照相馆开不开",
        "国庆节我们出发那天一站式窗口上班吗",
        "the day my son comes back for national day, is the gym open?",
        "when my daughter arrives for the national day holiday, is the canteen open?",
        "once we get back over the mid-autumn holiday, is the clinic open?",
    ],
)
def test_own_day_inside_a_break_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, MID_AUTUMN_EVE).kind is Kind.CLARIFY_DAY


# …but the festival's own day, or a day of one's own told as the festival, stays answered
@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("国庆节那天食堂开吗", "2026-10-01"),
        ("国庆放假那天健身房开吗", "2026-10-01"),
        ("中秋节当天照相馆开门吗", "2026-09-25"),
        ("我儿子回来那天是国庆，食堂开吗", "2026-10-01"),
        ("is the gym open for national day?", "2026-10-01"),
    ],
)
def test_festival_day_itself_still_answered(matcher: QuestionMatcher, text: str, day: str) -> None:
    found = matcher.understand(text, MID_AUTUMN_EVE)
    assert found.kind is Kind.HOURS
    assert found.days == _days(day)


# "The last day before the holiday" said on the eve of one break with the next three days on:
# which break? Asked (was today's hours). Two days earlier the break at hand is meant.
@pytest.mark.parametrize(
    "text",
    [
        "放假前最后一天卫生站开到几点",
        "放假前一天照相馆开吗",
        "节前最后一个工作日窗口几点关",
        "is the gym open the last day before the holiday?",
        "the last working day before the holiday, is the window open?",
    ],
)
def test_eve_of_the_holiday_with_two_breaks_at_hand_is_asked(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, MID_AUTUMN_EVE).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize("text", ["节前最后一个工作日窗口几点关", "放假前最后一天卫生站开到几点"])
def test_eve_of_the_holiday_days_before_is_the_break_at_hand(
    matcher: QuestionMatcher, text: str
) -> None:
    found = matcher.understand(text, TWO_DAYS_BEFORE)
    assert found.kind is Kind.HOURS
    assert found.days == _days("2026-09-24")


# A service asked with a day is the venue's hours: "get my blood pressure checked", "测血压"
@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("can I check my blood pressure tomorrow?", "2026-09-25"),
        ("could my dad have his blood pressure taken on Monday?", "2026-09-28"),
        ("Can my mum get her blood pressure checked this Sunday?", "2026-09-27"),
        ("明天下午能测血压吗", "2026-09-25"),
    ],
)
def test_service_with_a_day_is_hours(matcher: QuestionMatcher, text: str, day: str) -> None:
    found = matcher.understand(text, MID_AUTUMN_EVE)
    assert found.kind is Kind.HOURS
    assert found.venue_ids == ("health_station",)
    assert found.days == _days(day)


@pytest.mark.parametrize(
    "text", ["my blood pressure is 150, is that high?", "what should my blood pressure be?"]
)
def test_blood_pressure_advice_is_no_hours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, MID_AUTUMN_EVE).kind is not Kind.HOURS


# A festival's day and the day next to it, joined: both days (was asked)
@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("中秋当天和第二天活动室开吗", ("2026-09-25", "2026-09-26")),
        ("国庆节那天跟第二天健身房开伐", ("2026-10-01", "2026-10-02")),
        ("is the gym open on national day and the day after?", ("2026-10-01", "2026-10-02")),
        ("is the canteen open on national day and the day before?", ("2026-09-30", "2026-10-01")),
    ],
)
def test_festival_and_its_neighbour(
    matcher: QuestionMatcher, text: str, days: tuple[str, ...]
) -> None:
    found = matcher.understand(text, MID_AUTUMN_EVE)
    assert found.kind is Kind.HOURS
    assert found.days == _days(*days)


# An English range, its month said once: every day of it (was one end: a wrong day)
@pytest.mark.parametrize(
    ("text", "first", "count"),
    [
        ("is the gym open oct 1-7?", "2026-10-01", 7),
        ("Is the canteen open October 2 to 4?", "2026-10-02", 3),
        ("is the photo studio open 1-3 October?", "2026-10-01", 3),
        ("from 5 to 8 October is the clinic open?", "2026-10-05", 4),
        ("Are the activity rooms open from the 2nd to the 6th of October?", "2026-10-02", 5),
    ],
)
def test_english_range_with_one_month(
    matcher: QuestionMatcher, text: str, first: str, count: int
) -> None:
    found = matcher.understand(text, MID_AUTUMN_EVE)
    assert found.kind is Kind.HOURS
    assert found.days[0] == date.fromisoformat(first)
    assert len(found.days) == count


@pytest.mark.parametrize("text", ["is the gym open 1-30 october?", "gym open march 3 to 28?"])
def test_english_range_too_long_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, MARCH).kind is Kind.CLARIFY_DAY


def test_english_day_with_hours_span_stays_one_day(matcher: QuestionMatcher) -> None:
    found = matcher.understand("is the gym open oct 3 9am-5pm?", MID_AUTUMN_EVE)
    assert found.days == _days("2026-10-03")


# The make-up day told of a festival is the make-up word next to it, not one of a story
# before it ("上个礼拜天补班，…国庆后面那个补班的礼拜六")
@pytest.mark.parametrize(
    "text",
    [
        "上礼拜天补班窗口开的，国庆后面那个补班的礼拜六窗口也开伐",
        "前两天补班食堂开着的，国庆后头那个补班的礼拜六食堂开吗",
        "last sunday was a make-up day and the window was open; the make-up saturday after"
        " national day, is it open too?",
    ],
)
def test_makeup_day_of_the_festival_not_the_story(matcher: QuestionMatcher, text: str) -> None:
    found = matcher.understand(text, MID_AUTUMN_EVE)
    assert found.kind is Kind.HOURS
    assert found.days == _days("2026-10-10")


# "The October holiday" is National Day's break
@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("is the window open the first working day after the october holiday?", ("2026-10-08",)),
        ("is the canteen open on the last day of the october break?", ("2026-10-07",)),
        ("is the gym open oct 5?", ("2026-10-05",)),
    ],
)
def test_october_holiday_is_national_day(
    matcher: QuestionMatcher, text: str, days: tuple[str, ...]
) -> None:
    found = matcher.understand(text, MID_AUTUMN_EVE)
    assert found.kind is Kind.HOURS
    assert found.days == _days(*days)


# The working days between two breaks at hand: those days (was asked, or today's)
BETWEEN = ("2026-09-28", "2026-09-29", "2026-09-30")


@pytest.mark.parametrize(
    "text",
    [
        "两个假期中间上班那几天卫生站开吗",
        "两个节之间的工作日照相馆开伐",
        "the working days between the two breaks, is the window open?",
        "is the gym open between the two holidays?",
    ],
)
def test_days_between_two_breaks(matcher: QuestionMatcher, text: str) -> None:
    found = matcher.understand(text, MID_AUTUMN_EVE)
    assert found.kind is Kind.HOURS
    assert found.days == _days(*BETWEEN)


@pytest.mark.parametrize(
    "text", ["两个节中间那几天食堂开吗", "is the gym open between the two holidays?"]
)
def test_days_between_two_breaks_none_at_hand_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, MARCH).kind is Kind.CLARIFY_DAY


# A day counted on from the last day named: "the weekend after that", "the one after that",
# "那之后的周末", "再下一个" (was asked)
@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("we get back on monday. the saturday after that, is the canteen open?", ("2026-10-03",)),
        (
            "the gym is closed on the 28th, the weekend after that is it open?",
            ("2026-10-03", "2026-10-04"),
        ),
        ("我们28号回来，那之后的周末健身房开伐", ("2026-10-03", "2026-10-04")),
        ("下礼拜三去医院，那之后的礼拜六照相馆开吗", ("2026-10-03",)),
        ("不是这个礼拜六，也不是下个礼拜六，再下一个，夜校上课吗", ("2026-10-10",)),
        ("not this friday, not next friday, the one after that: is the gym open?", ("2026-10-09",)),
        (
            "is the gym open on monday and the weekend after that?",
            ("2026-09-28", "2026-10-03", "2026-10-04"),
        ),
    ],
)
def test_day_counted_after_that(matcher: QuestionMatcher, text: str, days: tuple[str, ...]) -> None:
    found = matcher.understand(text, MID_AUTUMN_EVE)
    assert found.kind is Kind.HOURS
    assert found.days == _days(*days)


def test_after_that_with_no_day_before_is_asked(matcher: QuestionMatcher) -> None:
    assert (
        matcher.understand("is the gym open on the weekend after that?", MID_AUTUMN_EVE).kind
        is Kind.CLARIFY_DAY
    )
