"""Round twenty-eight, second reader r1 (the day rules of u28-e and u28-f). Classes fixed, each a
misfire of the round's new rules on sentences near them:

- today told as the break's n-th day ("国庆第三天了，食堂开吗" on 10-04, miscounted) was the
  n-th day counted from the festival (10-03): today;
- a statutory festival named alone inside its own break and asked "开了吗 / 开了没 / 开着的吗 /
  有没有开" ("过年食堂开了吗" on 正月初三, "国庆健身房开了没" on 10-04) was answered for the
  festival's own day (02-17, 10-01): in Chinese those words ask "open now?", and inside the break
  its name is the break: today (the day pointed at, "国庆那天…开了伐", or an English past
  "was the gym open on national day", keeps the festival's own day);
- "after" said right behind a break just ended and asked in the past tense ("国庆后夜校上课了吗"
  on 10-10) offered the days around the festival (09-28..10-04): now the days from today;
- the days of a break asked with "before / after / back from" between ("五一回来以后食堂哪几天
  开", "五一调休食堂哪几天上班") were the break's days: not those;
- a bare Spring Festival day asked in the past tense a month on ("初八照相馆开了伐" on 二月初七)
  was 正月初八, gone a month: asked again, as before the round (this month's 初八 is tomorrow);
- a festival gone by asked in Cantonese "開咗未" ("聖誕節嗰日活動室開咗未" on 12-31) was next
  year's: 未 asks as 没 does;
- "I'm coming sunday" said on a Sunday (the verb, not "this coming") was next Sunday: today;
- the last make-up day told as a story, this time asked after it ("上次补班窗口没开，这次开伐"
  on a make-up day) was the one gone by: today;
- "在中国情人节也很流行" (Valentine's, in China) was 七夕: 02-14;
- the days left of a break counted in a clause the resident tells ("国庆剩下的两天我要出去玩，
  食堂明天开伐") were asked back: the day asked (明天), or the days left.

Dates injected, never the real one."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

OCT_4 = date(2026, 10, 4)  # Sunday, inside the 国庆 break (10-01..10-07)
OCT_10 = date(2026, 10, 10)  # Saturday, a make-up day, three days after the break
FEB_19 = date(2026, 2, 19)  # 正月初三, inside the 春节 break (02-15..02-23)
FEB_28 = date(2026, 2, 28)  # Saturday, a make-up day (the one before: 02-14)
MAY_3 = date(2026, 5, 3)  # inside the 五一 break (05-01..05-05)
MAY_8 = date(2026, 5, 8)
MARCH_30 = date(2026, 3, 30)
FEB_10 = date(2026, 2, 10)
DRAGON_BOAT = tuple(date(2026, 6, 19) + timedelta(days=n) for n in range(3))
MAY_DAY = tuple(date(2026, 5, 1) + timedelta(days=n) for n in range(5))


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("过年食堂开了吗", FEB_19),
        ("春节食堂开了吗", FEB_19),
        ("过年食堂开了没有", FEB_19),
        ("国庆健身房开了吗", OCT_4),
        ("十一健身房开了没", OCT_4),
        ("国庆节健身房有没有开", OCT_4),
        ("国庆健身房开过吗", OCT_4),
        ("国庆这天天气好，食堂开了吗", OCT_4),
        ("五一食堂开了吗", MAY_3),
        ("劳动节食堂开着的吗", MAY_3),
        # today told as the break's n-th day, miscounted (10-04 is its fourth)
        ("国庆第三天了，食堂开吗", OCT_4),
        ("国庆第五天了 食堂还不开伐", OCT_4),
    ],
)  # fmt: skip
def test_a_break_under_way_asked_open_yet_is_today(
    matcher: QuestionMatcher, text: str, today: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days or (today,)) == (today,)


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        # near misses: the festival's day pointed at, or an English past, keep its own day
        ("国庆节当天食堂开了吗", OCT_4, date(2026, 10, 1)),
        ("國慶那天食堂開了嗎", OCT_4, date(2026, 10, 1)),
        ("春节那天食堂开了吗", FEB_19, date(2026, 2, 17)),
        ("大年初一照相馆开了伐", FEB_19, date(2026, 2, 17)),
        ("年初一照相馆开了伐", FEB_19, date(2026, 2, 17)),
        ("was the canteen open on national day", OCT_4, date(2026, 10, 1)),
    ],
)  # fmt: skip
def test_the_festival_s_own_day_pointed_at_inside_its_break_stays(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("国庆后夜校上课了吗", OCT_10),
        ("国庆以后夜校开始上课了吗", OCT_10),
        ("国庆后食堂开了吗", OCT_10),
        ("国庆节后食堂开的伐", OCT_10),
        ("五一后夜校上课了吗", MAY_8),
    ],
)  # fmt: skip
def test_after_a_break_just_ended_asked_in_the_past_is_not_the_days_around_it(
    matcher: QuestionMatcher, text: str, today: date
) -> None:
    verdict = matcher.understand(text, today)
    days = verdict.days or verdict.candidates
    assert days
    assert all(d >= today for d in days)


def test_a_day_counted_after_a_break_just_ended_stays(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("国庆后第一天食堂开了吗", OCT_10)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (date(2026, 10, 8),)


@pytest.mark.parametrize(
    "text",
    [
        "五一回来以后食堂哪几天开",
        "五一调休食堂哪几天上班",
        "五一回来后食堂哪几天开",
        "端午回来以后健身房哪几天开",
    ],
)
def test_days_asked_beside_before_or_after_a_break_are_not_the_break_s(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, MARCH_30)
    assert tuple(verdict.days) != MAY_DAY
    assert verdict.days != DRAGON_BOAT


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("I'm coming sunday, is the canteen open?", OCT_4),
        ("I'm coming sunday to the canteen, open?", OCT_4),
        ("we are coming saturday, is the gym open?", date(2026, 10, 3)),
    ],
)  # fmt: skip
def test_coming_as_the_verb_before_today_s_weekday_is_today(
    matcher: QuestionMatcher, text: str, today: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days or (today,)) == (today,)


@pytest.mark.parametrize(
    "text",
    [
        "上次补班窗口没开，这次开伐",
        "之前补班的时候食堂不开，这次呢",
        "上回补班窗口关着的，这回开伐",
    ],
)
def test_the_last_make_up_day_told_then_this_time_asked_is_today(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, FEB_28)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days or (FEB_28,)) == (FEB_28,)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("在中国情人节也很流行，活动室开伐", date(2026, 2, 14)),
        ("中国情人节越来越热闹，活动室开伐", date(2026, 2, 14)),
        # near miss: the Chinese Valentine's named stays 七夕
        ("中国情人节食堂开伐", date(2026, 8, 19)),
    ],
)  # fmt: skip
def test_valentine_s_in_china_is_valentine_s(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, FEB_10)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("五一假期还剩两天就上班了，食堂明天开伐", (date(2026, 5, 4),)),
        ("五一还剩两天了 食堂开伐", (date(2026, 5, 3), date(2026, 5, 4), date(2026, 5, 5))),
    ],
)  # fmt: skip
def test_the_days_left_told_with_a_particle_are_not_asked_back(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, MAY_3)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days) == days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("国庆剩下的两天我要出去玩，食堂明天开伐", (date(2026, 10, 5),)),
        ("国庆还剩两天，食堂开伐", tuple(date(2026, 10, d) for d in range(4, 8))),
    ],
)  # fmt: skip
def test_the_days_left_told_in_a_clause_are_not_asked_back(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, OCT_4)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days) == days


@pytest.mark.parametrize("text", ["初八照相馆开了伐", "初十照相馆开了伐", "初八那天照相馆开了伐"])
def test_a_bare_spring_festival_day_a_month_on_is_not_zheng_yue_s(
    matcher: QuestionMatcher, text: str
) -> None:
    # 2026-03-25 is 二月初七: 正月初八 (02-24) went by a month ago
    verdict = matcher.understand(text, date(2026, 3, 25))
    assert date(2026, 2, 24) not in verdict.days
    assert date(2026, 2, 26) not in verdict.days


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("聖誕節嗰日活動室開咗未", date(2026, 12, 31), date(2026, 12, 25)),
        ("圣诞节活动室开了未", date(2026, 12, 31), date(2026, 12, 25)),
        ("國慶嗰日健身房開咗未", OCT_4, date(2026, 10, 1)),
    ],
)  # fmt: skip
def test_a_festival_gone_by_asked_in_cantonese_past_is_this_year_s(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    # 開咗未 (has it opened): the past asked, as 开了没
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)
