""" "Did you mean" buttons only for entries about something the question names: phrasing
alone ("有…的地方吗", "多少钱", "几点") offered parking for a haircut, the canteen's prices for
the price of gold and the phones for the weather (135 of the tuning sets' out-of-scope questions
got such buttons; 4 now). Not ours, nothing offered: the bot says so and offers a person. A
question with no word the FAQ does not know ("how much does it cost") is vague: still offered."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher

WEDNESDAY = date(2026, 12, 2)


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


@pytest.mark.parametrize(
    "text",
    [
        "有理发的地方吗",
        "how much is a haircut at the centre",
        "今天黄金多少钱一克",
        "明天最高温度多少度",
        "浦东机场哪能去最方便",
        "Where can I change US dollars into RMB?",
    ],
)
def test_nothing_is_offered_on_phrasing_alone(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.NONE, verdict
    assert verdict.suggestions == ()


@pytest.mark.parametrize(
    ("text", "offered"),
    [
        ("敬老卡丢了去哪补", "window_services"),
        ("夜校能不能到现场去报", "night_school_signup"),
        ("健身房可以冲澡伐 练完一身汗", "gym_card"),
        # vague, no word of its own: what it may mean is offered
        ("how much does it cost", "canteen_prices"),
    ],
)
def test_entries_about_what_is_named_are_still_offered(
    matcher: QuestionMatcher, text: str, offered: str
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.SUGGEST, verdict
    assert offered in verdict.suggestions
