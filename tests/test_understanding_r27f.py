"""Round twenty-seven (session eighteen), dev104's classes: terse writers who type as little
as possible. A birthday or an anniversary typed short ("my bday", "b-day", "anniv") is a day of
the resident's own that we cannot know: asked, never today's hours. Another office's rate asked
in bare keywords ("医保 报销 几成") is theirs, not the window's. Dates injected, never the real one.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

JULY_3 = date(2026, 7, 3)  # a Friday; tomorrow Sat 07-04, Sunday 07-05


@pytest.mark.parametrize(
    "text",
    ["gym open on my bday?", "photo studio on my b-day", "anniv, canteen open?"],
)
def test_a_birthday_typed_short_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, JULY_3).kind is Kind.CLARIFY_DAY


def test_a_birthday_beside_its_own_day_keeps_that_day(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("my bday is sat, canteen open?", JULY_3)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (date(2026, 7, 4),)


@pytest.mark.parametrize("text", ["住院 报销 几成", "医保报几成", "社保 报销 比例"])
def test_another_office_rate_in_keywords_is_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, JULY_3).kind is Kind.NONE


def test_where_to_claim_stays_the_window(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("医保 报销 在哪办", JULY_3)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "window_services"
