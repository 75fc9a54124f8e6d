"""Round twenty: a month and day said without a year, gone by in the last two months, is asked
(the day gone, or next year's), never answered as next year's as if it were the one meant."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


@pytest.mark.parametrize(
    ("today", "text", "gone", "ahead"),
    [
        (date(2026, 10, 3), "9月20号食堂开吗", date(2026, 9, 20), date(2027, 9, 20)),
        (date(2026, 10, 3), "九月二十号卫生站开了伐", date(2026, 9, 20), date(2027, 9, 20)),
        (date(2026, 10, 3), "9/20健身房开不开", date(2026, 9, 20), date(2027, 9, 20)),
        (date(2026, 10, 3), "is the gym open on sept 20?", date(2026, 9, 20), date(2027, 9, 20)),
        (
            date(2026, 10, 3),
            "was the canteen open on 20 September",
            date(2026, 9, 20),
            date(2027, 9, 20),
        ),
        # over New Year: last December's day, or this December's
        (date(2027, 1, 10), "12月30号照相馆开了吗", date(2026, 12, 30), date(2027, 12, 30)),
    ],
)
def test_a_date_gone_weeks_ago_is_asked_with_both_years(
    matcher: QuestionMatcher, today: date, text: str, gone: date, ahead: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.CLARIFY_DAY
    assert set(verdict.candidates) >= {gone, ahead}


@pytest.mark.parametrize(
    ("today", "text", "day"),
    [
        (date(2026, 10, 3), "10月1号食堂开吗", date(2026, 10, 1)),  # within the week: that day
        (date(2026, 10, 3), "10月20号食堂开吗", date(2026, 10, 20)),  # ahead: that day
        (date(2026, 12, 1), "9月20号食堂开吗", date(2027, 9, 20)),  # long gone: next year's
        (date(2026, 12, 1), "is the canteen open on jan 5", date(2027, 1, 5)),
    ],
)
def test_a_date_ahead_within_the_week_or_long_gone_is_answered(
    matcher: QuestionMatcher, today: date, text: str, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)
