"""Round twenty-seven (session eighteen, tuner h, a hunter of confident answers for the wrong
day). Three classes, each once answered confidently for a day the resident did not ask:
a month named before 最后一天 ("七月最后一天", "8月份的最后一天") was read as this month's last
day, the month dropped; 曰 typed for 日 after a week word ("周曰", "礼拜曰", "星期曰") dropped
the day and answered for today; 后个 / 隔个 before a week or a month ("后个礼拜三", "后个礼拜",
"隔个礼拜", "后个月") was read as 后天 or dropped, where the week meant is not sure: asked;
"the eve of <festival>" / "<festival> eve" in English was read as the festival's own day: it is
the day before (as 除夕 and New Year's Eve already were). Dates injected, never the real one."""

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
