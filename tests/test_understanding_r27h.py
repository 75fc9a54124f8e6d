"""Round twenty-seven (session eighteen, tuner h, a hunter of confident answers for the wrong
day). Three classes, each once answered confidently for a day the resident did not ask:
a month named before 最后一天 ("七月最后一天", "8月份的最后一天") was read as this month's last
day, the month dropped; 曰 typed for 日 after a week word ("周曰", "礼拜曰", "星期曰") dropped
the day and answered for today; 后个 / 隔个 before a week or a month ("后个礼拜三", "后个礼拜",
"隔个礼拜", "后个月") was read as 后天 or dropped, where the week meant is not sure: asked;
"the eve of <festival>" / "<festival> eve" in English was read as the festival's own day: it is
the day before (as 除夕 and New Year's Eve already were); 日 for 天 after an ordinal ("中秋第二日",
"国庆假期第三日") dropped the count; half a week ("后半周", "下周前半周") was read as "a week
from today" (周后) or dropped: asked; "the n-th day of the spring festival holiday/break" was
read as 正月初N, where the break began on 腊月廿八 in 2026: the break's n-th day off
(as 春节假期第N天), asked while the year's notice is not out; 前日 / 大前日 (Shanghainese 前天 /
大前天) were dropped and answered for today; 第三天 / 隔一天 / 头天 with no day said beside them
were dropped too: asked. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

JUNE_15 = date(2026, 6, 15)  # Monday
DECEMBER_28 = date(2026, 12, 28)  # Monday
APRIL_30 = date(2026, 4, 30)  # Thursday


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("九月最后一天照相馆开伐", JUNE_15, date(2026, 9, 30)),
        ("7月份的最后一天健身房开到几点", JUNE_15, date(2026, 7, 31)),
        ("十一月最后一天窗口开吗", JUNE_15, date(2026, 11, 30)),
        ("2月最后一天夜校上课伐", DECEMBER_28, date(2027, 2, 28)),
        # near misses: this month's and next month's last day stay
        ("这个月最后一天食堂开吗", JUNE_15, date(2026, 6, 30)),
        ("下个月最后一天卫生站开吗", JUNE_15, date(2026, 7, 31)),
        ("六月最后一天法律援助有人吗", JUNE_15, date(2026, 6, 30)),
    ],
)  # fmt: skip
def test_a_named_month_s_last_day_is_that_month_s(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("周曰活动室开吗", APRIL_30, date(2026, 5, 3)),
        ("下礼拜曰照相馆开伐", APRIL_30, date(2026, 5, 10)),
        ("星期曰卫生站几点开门", DECEMBER_28, date(2027, 1, 3)),
        ("what time does the canteen open 周曰", DECEMBER_28, date(2027, 1, 3)),
    ],
)  # fmt: skip
def test_yue_typed_for_ri_after_a_week_word_is_sunday(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


def test_yue_elsewhere_is_no_day(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("孔子曰食堂几点开", APRIL_30)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == ()  # today, as before: no weekday was said


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("后个礼拜四窗口开伐", JUNE_15),
        ("后个周三法律援助有人吗", DECEMBER_28),
        ("后个礼拜健身房开伐", APRIL_30),
        ("隔个礼拜照相馆开伐", JUNE_15),
        ("后个月食堂开吗", DECEMBER_28),
    ],
)
def test_hou_ge_before_a_week_or_month_is_asked(
    matcher: QuestionMatcher, text: str, today: date
) -> None:
    assert matcher.understand(text, today).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("后个食堂开吗", JUNE_15, date(2026, 6, 17)),  # 后个 alone is still 后天
        ("后个上午窗口开吗", DECEMBER_28, date(2026, 12, 30)),
        ("下个礼拜三窗口开伐", JUNE_15, date(2026, 6, 24)),
    ],
)  # fmt: skip
def test_hou_ge_alone_and_next_week_stay(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


SEPTEMBER_20 = date(2026, 9, 20)  # 中秋 09-25, 国庆 10-01


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("is the window open on the eve of National Day?", SEPTEMBER_20, date(2026, 9, 30)),
        ("Mid-Autumn Festival eve, canteen hours?", SEPTEMBER_20, date(2026, 9, 24)),
        ("Double Ninth eve activity rooms open?", SEPTEMBER_20, date(2026, 10, 17)),
        ("gym on Dragon Boat eve", JUNE_15, date(2026, 6, 18)),
        # near misses: the evening of the festival is its day; New Year's Eve is Dec 31
        ("gym on the evening of Mid-Autumn", SEPTEMBER_20, date(2026, 9, 25)),
        ("canteen on National Day", SEPTEMBER_20, date(2026, 10, 1)),
        ("canteen on New Year's Eve", SEPTEMBER_20, date(2026, 12, 31)),
    ],
)  # fmt: skip
def test_the_eve_of_a_festival_is_the_day_before(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("国庆第四日照相馆开伐", SEPTEMBER_20, date(2026, 10, 4)),
        ("中秋假期第三日食堂开吗", SEPTEMBER_20, date(2026, 9, 27)),
        ("端午第2日健身房开到几点", JUNE_15, date(2026, 6, 20)),
        ("国庆第四天照相馆开伐", SEPTEMBER_20, date(2026, 10, 4)),  # 天 as before
    ],
)  # fmt: skip
def test_ri_after_an_ordinal_counts_the_day(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    "text",
    ["下个礼拜后半周卫生站开伐", "这周前半周窗口开吗", "下半周照相馆开伐", "下礼拜以后健身房开吗"],
)
def test_half_a_week_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, APRIL_30).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "day"),
    [("一周后窗口开吗", date(2026, 5, 7)), ("两个礼拜后照相馆开伐", date(2026, 5, 14))],
)
def test_a_week_from_today_stays(matcher: QuestionMatcher, text: str, day: date) -> None:
    verdict = matcher.understand(text, APRIL_30)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


JANUARY_20 = date(2026, 1, 20)  # 春节 break 02-15..02-23 (初一 02-17)
FEBRUARY_3_2027 = date(2027, 2, 3)  # 2027's notice not out


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("photo studio on the first day of the Spring Festival break?", date(2026, 2, 15)),
        ("is the gym open on the third day of the chinese new year holiday", date(2026, 2, 17)),
        # near misses: the n-th day of the new year itself is 初N
        ("canteen on the second day of Chinese New Year", date(2026, 2, 18)),
        ("first day of spring festival, is the window open?", date(2026, 2, 17)),
    ],
)
def test_the_nth_day_of_the_spring_festival_break_counts_days_off(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, JANUARY_20)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


def test_the_nth_day_of_an_unpublished_spring_festival_break_is_asked(
    matcher: QuestionMatcher,
) -> None:
    verdict = matcher.understand(
        "canteen on the 1st day of the spring festival holiday", FEBRUARY_3_2027
    )
    assert verdict.kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("前日食堂开了伐", date(2026, 6, 13)),
        ("大前日照相馆开了伐", date(2026, 6, 12)),
        ("前天食堂开了吗", date(2026, 6, 13)),  # as before
    ],
)
def test_qian_ri_is_the_day_before_yesterday(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, JUNE_15)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


def test_ti_qian_ri_qi_is_no_day(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("提前日期食堂开吗", JUNE_15)
    assert verdict.days == ()


@pytest.mark.parametrize("text", ["第四天照相馆开伐", "隔一天卫生站开吗", "头天健身房开到几点"])
def test_a_day_counted_from_nothing_named_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, JUNE_15).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text", ["住院第三天了 明天卫生站开伐", "隔一天去一次卫生站 明天开吗", "端午第三天食堂开吗"]
)
def test_a_day_count_beside_a_day_said_keeps_it(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, JUNE_15)
    assert verdict.kind is Kind.HOURS
    assert len(verdict.days) == 1
