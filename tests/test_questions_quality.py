"""Understanding residents' questions: the scored question set, and the day rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import yaml

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher, find_day, fold

DATA = Path(__file__).with_name("data") / "questions.yaml"
TODAY = date(2026, 9, 14)  # a Monday; the question set's days are relative to it
ANSWERS = {Kind.HOURS, Kind.OVERVIEW, Kind.VENUE, Kind.FAQ}


@dataclass(frozen=True)
class Case:
    question: str
    expect: str
    venue: str | None
    day: date | None
    faq: str | None


def load_cases() -> list[Case]:
    items = yaml.safe_load(DATA.read_text(encoding="utf-8"))["questions"]
    return [
        Case(
            str(item["q"]),
            item["expect"],
            item.get("venue"),
            item.get("day"),
            item.get("faq"),
        )
        for item in items
    ]


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


def is_correct(matcher: QuestionMatcher, case: Case) -> tuple[bool, str]:
    verdict = matcher.understand(case.question, TODAY)
    seen = f"{verdict.kind.value} {verdict.venue_id} {verdict.day} {verdict.faq_id}"
    if verdict.kind.value != case.expect:
        return False, seen
    if verdict.kind is Kind.HOURS:
        return (verdict.venue_id, verdict.day or TODAY) == (case.venue, case.day or TODAY), seen
    if verdict.kind is Kind.VENUE:
        return verdict.venue_id == case.venue, seen
    if verdict.kind is Kind.FAQ:
        return verdict.faq_id == case.faq, seen
    return True, seen


def test_question_set_is_big_and_varied() -> None:
    """The set has at least 100 questions, in both languages, with out-of-scope ones."""
    cases = load_cases()
    assert len(cases) >= 100
    assert sum(1 for c in cases if c.expect == "none") >= 15
    assert any(c.question.isascii() for c in cases)
    assert sum(1 for c in cases if not c.question.isascii()) >= 50


def test_top1_accuracy_is_at_least_90_percent_and_nothing_out_of_scope_is_answered(
    matcher: QuestionMatcher,
) -> None:
    """Top-1 accuracy ≥ 90 % on the set, and no out-of-scope question gets an answer."""
    cases = load_cases()
    wrong: list[str] = []
    answered_out_of_scope: list[str] = []
    for case in cases:
        correct, seen = is_correct(matcher, case)
        if not correct:
            wrong.append(f"{case.question!r}: expected {case.expect}, got {seen}")
        if case.expect == "none" and matcher.understand(case.question, TODAY).kind in ANSWERS:
            answered_out_of_scope.append(case.question)
    accuracy = 1 - len(wrong) / len(cases)
    print(f"top-1 accuracy {accuracy:.1%} on {len(cases)} questions")  # shown with -s
    assert not answered_out_of_scope, answered_out_of_scope
    assert accuracy >= 0.9, "\n".join(wrong)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今天", date(2026, 9, 14)),
        ("明天", date(2026, 9, 15)),
        ("后天", date(2026, 9, 16)),
        ("大后天", date(2026, 9, 17)),
        ("周六", date(2026, 9, 19)),
        ("星期天", date(2026, 9, 20)),
        ("礼拜一", date(2026, 9, 14)),
        ("下周一", date(2026, 9, 21)),
        ("这周五", date(2026, 9, 18)),
        ("12月3日", date(2026, 12, 3)),
        ("十二月三号", date(2026, 12, 3)),
        ("12-03", date(2026, 12, 3)),
        ("12/3", date(2026, 12, 3)),
        ("2027-01-02", date(2027, 1, 2)),
        ("3号", date(2026, 10, 3)),
        ("国庆", date(2026, 10, 1)),
        ("中秋", date(2026, 9, 25)),
        ("元旦", date(2027, 1, 1)),
        ("tomorrow", date(2026, 9, 15)),
        ("next monday", date(2026, 9, 21)),
        ("on sunday", date(2026, 9, 20)),
        ("dec 3", date(2026, 12, 3)),
        ("3 December", date(2026, 12, 3)),
        ("3rd of december", date(2026, 12, 3)),
        ("national day", date(2026, 10, 1)),
    ],
)
def test_days_are_recognised(text: str, expected: date) -> None:
    """Each way of naming a day resolves to the right date (today: Monday 14 Sep 2026)."""
    found = find_day(fold(text), TODAY, HolidayCalendar())
    assert found is not None
    assert found.day == expected


def test_sunday_on_a_sunday_is_today() -> None:
    """'周日' asked on a Sunday means that day, '下周日' the one a week later."""
    sunday = date(2026, 9, 20)
    assert find_day("周日", sunday, HolidayCalendar()).day == sunday  # type: ignore[union-attr]
    assert find_day("下周日", sunday, HolidayCalendar()).day == date(2026, 9, 27)  # type: ignore[union-attr]


def test_impossible_dates_are_not_days() -> None:
    """'2月30日' and '13-45' name no day (and do not crash)."""
    assert find_day("2月30日", TODAY, HolidayCalendar()) is None
    assert find_day("13-45", TODAY, HolidayCalendar()) is None


def test_traditional_characters_and_full_width_text_are_folded() -> None:
    """飯堂 becomes 饭堂, full-width letters and question marks become plain ones."""
    assert fold("飯堂幾點開門？ＧＹＭ") == "饭堂几点开门?gym"


def test_noise_is_not_claimed(matcher: QuestionMatcher) -> None:
    """Keyboard mashing is neither answered nor treated as a question for staff."""
    verdict = matcher.understand("qwxz plonk", TODAY)
    assert verdict.kind is Kind.NONE
    assert not verdict.looks_like_question


def test_very_long_text_is_handled(matcher: QuestionMatcher) -> None:
    """A 4096-character message is cut before matching and gets a verdict."""
    verdict = matcher.understand("食堂" + "x" * 4094, TODAY)
    assert verdict.kind is Kind.SUGGEST  # the canteen entries, not a confident answer
