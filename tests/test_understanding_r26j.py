"""Round twenty-six (session sixteen), the lead's class: a class its subject typed in Latin
letters inside Chinese, then how to sign up or whether there is one (issue 12)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

WEDNESDAY = date(2026, 5, 6)


@pytest.mark.parametrize(
    ("question", "hint"),
    [
        ("python课怎么报名", "python"),
        ("夜校的Python课怎么报", "python"),
        ("excel班怎么报名啊", "excel"),
        ("PS课可以报吗", "ps"),
        ("想给我儿子报个scratch班 怎么报", "scratch"),
        ("python课有吗", "python"),
        ("excel班有伐", "excel"),
        ("yoga班有没有", "yoga"),
    ],
)
def test_a_latin_subject_inside_chinese_is_the_course(
    matcher: QuestionMatcher, question: str, hint: str
) -> None:
    verdict = matcher.understand(question, WEDNESDAY)
    assert verdict.kind is Kind.FEATURE, verdict
    assert verdict.feature == "course"
    assert verdict.course_hint == hint
    assert verdict.lang == "zh"


@pytest.mark.parametrize("question", ["wifi怎么连", "wifi密码多少", "ATM机在哪"])
def test_latin_words_that_are_not_a_class_stay_what_they_were(
    matcher: QuestionMatcher, question: str
) -> None:
    assert matcher.understand(question, WEDNESDAY).feature != "course"


@pytest.mark.parametrize(
    "question",
    [
        "wait what day is it, thursday? is the gym open",
        "what day is it today, friday? canteen open?",
        "今天礼拜几 礼拜四吧 健身房开吗",
        "等等 今天星期几 周五吧？食堂开伐",
    ],
)
def test_a_guess_at_today_then_a_question_asks_today(
    matcher: QuestionMatcher, question: str
) -> None:
    """Today's day asked, the resident's guess at it, then an hours question: the guess is
    about today (it was answered for the guessed weekday, another day than the one meant)."""
    verdict = matcher.understand(question, WEDNESDAY)
    assert verdict.kind is Kind.HOURS, verdict
    assert verdict.days == (WEDNESDAY,)


@pytest.mark.parametrize(
    "question",
    [
        "what day is it? is the gym open on thursday",  # a day asked of its own
        "what day is it today, thursday?",  # only today's day asked
    ],
)
def test_a_day_asked_after_the_guess_keeps_its_day(matcher: QuestionMatcher, question: str) -> None:
    verdict = matcher.understand(question, WEDNESDAY)
    assert verdict.days in ((), (date(2026, 5, 7),))


@pytest.mark.parametrize(
    "question",
    [
        "is it safe to lift weights with high blood pressure",
        "would it be risky for me to swim with asthma",
    ],
)
def test_whether_exercise_is_safe_with_ones_condition_is_not_ours(
    matcher: QuestionMatcher, question: str
) -> None:
    """The English option of the rule began with a backspace (a "\\b" typed in a plain
    string's place), so it never matched; the Chinese forms did."""
    assert matcher.understand(question, WEDNESDAY).kind in (Kind.NONE, Kind.SUGGEST)
