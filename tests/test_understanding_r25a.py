"""Round twenty-five, session fifteen (spent17's failures by class): an evening, a morning or a
weekend to be picked ("one of these evenings", "some night") is asked, never today's. Dates
injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher

THURSDAY = date(2026, 3, 12)  # an ordinary week, no break near


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


@pytest.mark.parametrize(
    "text",
    [
        "one of these mornings I'll take my mum to the health station, is it open?",
        "one of these nights i'll come to the gym, what time does it close",
        "some evening I'll bring my son to the canteen, open?",
        "one afternoon I'll pop into the photo studio, are they open",
        "one of these weekends we'll visit the activity rooms, open?",
        "one of these saturdays i'll bring the kids to the canteen, open?",
    ],
)
def test_an_evening_to_be_picked_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, THURSDAY).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("is the gym open this evening", (THURSDAY,)),
        ("is the gym open this weekend", (date(2026, 3, 14), date(2026, 3, 15))),
    ],
)
def test_an_evening_named_is_that_day(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, days)
