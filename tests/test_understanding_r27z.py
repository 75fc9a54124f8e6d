"""Round twenty-seven (session seventeen, the lead's): an English ordinal day of a festival's
break ("the 2nd day of the national day holiday") is that day off, counted from the break's
first day, as the Chinese "国庆第二天" already was; past the break's end, or a "new year" that may
be lunar, it is asked. A weekday counted from a break whose end is said outright ("国庆假期结束后
的第一个星期一") is counted from the break's last day off; from the festival alone ("国庆节后第一个
礼拜六") it is still asked. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

SEPTEMBER_20 = date(2026, 9, 20)  # 国庆 break 10-01..10-07, 中秋 break 09-25..09-27
APRIL_20 = date(2026, 4, 20)  # 劳动节 break 05-01..05-05
JUNE_1 = date(2026, 6, 1)  # 端午 break Fri 06-19..Sun 06-21
MARCH_20 = date(2026, 3, 20)  # 清明 break Sat 04-04..Mon 04-06
FEBRUARY_10 = date(2026, 2, 10)  # before Spring Festival (02-17)


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("Is the canteen open on the 2nd day of the National Day holiday?", SEPTEMBER_20,
         date(2026, 10, 2)),
        ("photo studio on the fourth day of golden week?", SEPTEMBER_20, date(2026, 10, 4)),
        ("first day of the mid-autumn break, is the gym open", SEPTEMBER_20, date(2026, 9, 25)),
        ("what time does the gym close on the third day of the may day break", APRIL_20,
         date(2026, 5, 3)),
    ],
)  # fmt: skip
def test_an_english_ordinal_day_of_a_break_is_that_day_off(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("is the gym open on the sixth day of the may day holiday", APRIL_20),  # 5 days off
        ("canteen on the 2nd day of the new year?", FEBRUARY_10),  # 初二, or 2 January?
    ],
)
def test_an_ordinal_past_the_break_or_of_a_new_year_is_asked(
    matcher: QuestionMatcher, text: str, today: date
) -> None:
    assert matcher.understand(text, today).kind is Kind.CLARIFY_DAY


def test_an_ordinal_day_of_a_month_is_not_taken_for_a_break(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("is the gym open on the 2nd of october?", SEPTEMBER_20)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (date(2026, 10, 2),)


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("国庆假期结束后的第一个星期一食堂开吗", SEPTEMBER_20, date(2026, 10, 12)),
        ("十一长假放完以后的第一个周六健身房开伐", SEPTEMBER_20, date(2026, 10, 10)),
        ("端午小长假结束以后第一个星期天照相馆开门吗", JUNE_1, date(2026, 6, 28)),
        ("清明假期休完后头一个礼拜一卫生站几点开", MARCH_20, date(2026, 4, 13)),
    ],
)  # fmt: skip
def test_the_first_weekday_after_a_break_said_to_end_is_counted_from_its_last_day_off(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    "text",
    [
        "国庆节后第一个礼拜六食堂开吗",  # 10-03 from the day, 10-10 from the break
        "国庆假期结束后食堂开吗",  # no weekday: which day after it?
    ],
)
def test_a_weekday_after_the_festival_alone_is_still_asked(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, SEPTEMBER_20).kind is Kind.CLARIFY_DAY


def test_grandmother_s_home_is_not_a_restaurant_chain(matcher: QuestionMatcher) -> None:
    # 外婆家 is a chain's name, but mostly grandmother's home: a visit there is the story
    verdict = matcher.understand("带孙子去外婆家吃饭 食堂明天开吗", SEPTEMBER_20)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (date(2026, 9, 21),)
