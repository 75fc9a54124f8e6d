"""Round twenty-eight (session nineteen, tuner f): classes round twenty-seven left alone.

- Which days, or how many, a place is shut over a festival that has a break ("清明食堂哪几天
  休息", "五一活动室关几天", "端午放几天假", "what days are you closed for qingming", "how many
  days is the gym shut for may day") are the break's days (the overview when no place is named);
  a festival with no break (元宵, 冬至, 重阳) keeps its day, and a yes/no "X节食堂放假吗" keeps the
  festival's own day (round twenty-seven's decided reading).
- The n-th day of the Spring Festival break agrees in both languages: 2026's break began on
  02-15 ("春节假期第一天", "day one of the chinese new year break"); in a year whose notice is not
  out (2027) both are asked, with the days surely off, not 除夕 asserted.
- Which weekday a class is on ("夜校周几上课", "老师 周几?", "which days does the night school
  have classes") is the night school's timetable, not today's date; "健身房周几开" is the gym's
  hours, not the gym-card entry.

Dates injected, never the real one."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

MARCH_30 = date(2026, 3, 30)  # a Monday; 清明 break 04-04..06, 五一 05-01..05, 端午 06-19..21
AUGUST_31 = date(2026, 8, 31)  # a Monday; 中秋 09-25..27, 国庆 10-01..07
JANUARY_12 = date(2026, 1, 12)  # 春节 break 02-15..02-23 (初一 02-17)
DECEMBER_3 = date(2026, 12, 3)  # 2027's notice not out; 除夕 2027-02-05


def _days(first: date, count: int) -> tuple[date, ...]:
    return tuple(first + timedelta(days=n) for n in range(count))


QINGMING = _days(date(2026, 4, 4), 3)
MAY_DAY = _days(date(2026, 5, 1), 5)
DRAGON_BOAT = _days(date(2026, 6, 19), 3)
MID_AUTUMN = _days(date(2026, 9, 25), 3)
GOLDEN_WEEK = _days(date(2026, 10, 1), 7)
SPRING_2026 = _days(date(2026, 2, 15), 9)


@pytest.mark.parametrize(
    ("text", "today", "venue", "days"),
    [
        ("清明卫生站哪几天休息", MARCH_30, "health_station", QINGMING),
        ("劳动节健身房要关几天", MARCH_30, "gym", MAY_DAY),
        ("端午照相馆放几天假", MARCH_30, "photo_studio", DRAGON_BOAT),
        ("中秋食堂哪几天不开", AUGUST_31, "canteen", MID_AUTUMN),
        ("国庆节活动室关几天门", AUGUST_31, "activity_rooms", GOLDEN_WEEK),
        ("过年窗口哪些天不开", JANUARY_12, "service_window", SPRING_2026),
        ("which days is the photo studio closed for dragon boat", MARCH_30, "photo_studio",
         DRAGON_BOAT),
        ("how many days is the canteen shut for national day?", AUGUST_31, "canteen",
         GOLDEN_WEEK),
    ],
)  # fmt: skip
def test_which_days_a_place_is_shut_for_a_festival_are_its_break(
    matcher: QuestionMatcher, text: str, today: date, venue: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert verdict.days == days


@pytest.mark.parametrize(
    ("text", "today", "days"),
    [
        ("端午你们哪几天关门", MARCH_30, DRAGON_BOAT),
        ("中秋节中心哪几天不开", AUGUST_31, MID_AUTUMN),
        ("what days are you closed for may day?", MARCH_30, MAY_DAY),
        ("how many days are you off for mid-autumn", AUGUST_31, MID_AUTUMN),
        ("what days are you shut over the dragon boat holiday", MARCH_30, DRAGON_BOAT),
        ("端午假期你们哪几天关门", MARCH_30, DRAGON_BOAT),
        ("国庆长假中心哪几天不开", AUGUST_31, GOLDEN_WEEK),
    ],
)
def test_which_days_shut_with_no_place_is_the_break_overview(
    matcher: QuestionMatcher, text: str, today: date, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.OVERVIEW
    assert verdict.days == days


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("元宵节照相馆哪几天关门", JANUARY_12, date(2026, 3, 3)),  # no break: its day
        ("重阳节活动室休息吗", AUGUST_31, date(2026, 10, 18)),
        ("冬至食堂放假吗", AUGUST_31, date(2026, 12, 22)),
        ("端午节健身房放假吗", MARCH_30, date(2026, 6, 19)),  # a yes/no: the festival's day
        ("中秋卫生站关门吗", AUGUST_31, date(2026, 9, 25)),
    ],
)
def test_near_miss_a_festival_with_no_break_or_a_yes_no_keeps_its_day(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("day one of the lunar new year holiday, canteen open?", date(2026, 2, 15)),
        ("day two of the spring festival break, gym open?", date(2026, 2, 16)),
        ("day three of the cny break is the photo studio open", date(2026, 2, 17)),
    ],
)
def test_the_spring_festival_breaks_nth_day_agrees_in_both_languages(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, JANUARY_12)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("过年放假头一天健身房开伐", date(2026, 2, 15)),  # as the English now reads it
        ("春节长假第二天卫生站开吗", date(2026, 2, 16)),
        ("the first day of the spring festival break, is the gym open", date(2026, 2, 15)),
    ],
)
def test_near_miss_the_breaks_nth_day_already_read_stays(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, JANUARY_12)
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    "text",
    [
        "春节假期第一天食堂开吗",
        "过年放假的第二天照相馆开伐",
        "春节放假头两天健身房开吗",
        "day one of the chinese new year break, canteen open?",
    ],
)
def test_the_spring_festival_breaks_nth_day_is_asked_before_the_notice(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, DECEMBER_3)
    assert verdict.kind is Kind.CLARIFY_DAY
    assert date(2027, 2, 5) in verdict.candidates  # 除夕 offered, not asserted


def test_near_miss_the_spring_festivals_own_third_day_is_still_chu_san(
    matcher: QuestionMatcher,
) -> None:
    verdict = matcher.understand("春节第三天食堂开吗", DECEMBER_3)
    assert verdict.days == (date(2027, 2, 8),)  # 初三, a lunar day, known


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("夜校一般礼拜几上课", "night_school"),
        ("夜校 周几?", "night_school"),
        ("夜校是星期几上课的 我记不清了", "night_school"),
        ("张老师 星期几?", "night_school"),
        ("老师，礼拜几啊", "night_school"),
        ("what days does night school have lessons", "night_school"),
        ("健身房礼拜几开", "gym"),
        ("照相馆哪几天开", "photo_studio"),
    ],
)
def test_which_weekday_a_class_or_place_keeps_is_its_hours_not_today(
    matcher: QuestionMatcher, text: str, venue: str
) -> None:
    verdict = matcher.understand(text, MARCH_30)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)


@pytest.mark.parametrize("text", ["老师 今天星期几", "周几?", "今天礼拜几"])
def test_near_miss_todays_weekday_asked_stays_today(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, MARCH_30).kind is Kind.TODAY


@pytest.mark.parametrize(
    "text", ["春节放假最后一天照相馆开伐", "last day of the chinese new year holiday, gym open?"]
)
def test_the_breaks_last_day_before_the_notice_offers_the_days_surely_off(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, DECEMBER_3)
    assert verdict.kind is Kind.CLARIFY_DAY
    assert date(2027, 2, 8) in verdict.candidates  # 初三, not the days from today
