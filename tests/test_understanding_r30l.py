"""Round thirty (hunter l, dev125_english_days: English day and time words as expats, office
workers and helpers type them, reference Thursday 2026-09-24 before 中秋 and 国庆). Classes fixed:
"first thing tomorrow" / "first thing on monday" was asked (the "first" read as a day of the month
no rule took): now the day named, while "first thing" bare or "first thing in the morning" is
still asked; "overmorrow" was dropped and today answered: now the day after tomorrow; a day word
misspelt by two letters swapped ("Firday", "mondya") was dropped and today answered: a swap now
counts as one edit; "long weekend" opening the question bare ("long wknd gym hours?") was the
plain weekend: now the break at hand, as "the long weekend"; the British "tomorrow week" was
asked: now a week after tomorrow, as "a week tomorrow"; "after the long weekend" / "after the
weekend" / "after the holiday weekend" alone were answered for the break's (weekend's) own days:
now asked, with the days after it as candidates (with a day named beside it, that day, as
before; a weekday before the break said after it, "after the break, is the clinic open on
wednesday?", was the Wednesday before it: now the one after it); "the 28th of this month",
"the 30th of next month", "the first of next month" were asked (the month word left over): now
that month's day (this month's gone by still asked); "on the morrow", "satday" were dropped and
today answered; two days joined by "&" or "+" ("gym sat & sun?") were asked: now both. Dates
injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

APR_28 = date(2026, 4, 28)  # Tuesday; the 五一 break is 05-01..05-05


def _days(*days: str) -> tuple[date, ...]:
    return tuple(date.fromisoformat(f"2026-{d}") for d in days)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Does the photo studio open first thing on thursday?", _days("04-30")),
        ("first thing tmrw, is the clinic open", _days("04-29")),
        ("reading room first thing wednesday?", _days("04-29")),
        ("The day after tomorrow i.e. overmorrow, clinic?", _days("04-30")),
        ("is the reading room open overmorrow", _days("04-30")),
        ("gym thursdya?", _days("04-30")),
        ("does the clinic open on mondya", _days("05-04")),
        ("long weekend - reading room open?", _days("05-01", "05-02", "05-03", "05-04", "05-05")),
        ("long weekend, gym?", _days("05-01", "05-02", "05-03", "05-04", "05-05")),
        ("photo studio tomorrow week?", _days("05-06")),
        ("canteen today week?", _days("05-05")),
        ("is the reading room open on the 30th of this month", _days("04-30")),
        ("canteen the 2nd of next month?", _days("05-02")),
        ("is the clinic open on the first of next month", _days("05-01")),
        ("gym on the 31st next month", _days("05-31")),
        ("is the photo studio open on the morrow", _days("04-29")),
        ("gym satday?", _days("05-02")),
        ("after the long weekend, is the clinic open on wednesday?", _days("05-06")),
        ("after the break, is the gym open on thursday?", _days("05-07")),
        (
            "is the gym open over the long weekend",
            _days("05-01", "05-02", "05-03", "05-04", "05-05"),
        ),
        ("is the canteen open at the weekend", _days("05-02", "05-03")),
        # "till the weekend" is the resident's own time, the weekend asked after it
        ("I'm busy till the weekend, is the gym open this weekend?", _days("05-02", "05-03")),
        ("gym sat & sun?", _days("05-02", "05-03")),
        ("canteen wed + thurs?", _days("04-29", "04-30")),
        ("周六&周日健身房开吗", _days("05-02", "05-03")),
        # Chinese controls: the same days said in Chinese are read as before
        ("明天一早健身房开吗", _days("04-29")),
        ("后天一大早卫生站开门吗", _days("04-30")),
    ],
)
def test_english_day_words_typed_loosely_name_their_day(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, APR_28)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, days), verdict


@pytest.mark.parametrize(
    "text",
    [
        # "first thing" with no day: at any hour it may be tomorrow morning, asked
        "can i do the gym first thing in the morning",
        "is the legal desk open first thing",
        "tomorrow, first thing in the morning, gym?",
        # a "long weekend" inside the story, not heading the question: as before
        "we had a long weekend last month, is the gym open today",
        # "week" after the question mark is the resident's own plan's
        "is the gym open tomorrow? week 3 of my plan",
        # "第一" still asks when no day is named
        "健身房第一天开吗",
        # a day on one side of a break or a weekend, which one unsaid
        "is the clinic open after the long weekend",
        "after the holiday weekend is the canteen open?",
        "is the gym open after this long weekend",
        "reading room after the weekend?",
        "after the weekend is the photo studio open",
        # this month's day gone by
        "is the gym open on the 20th of this month",
        # and in Chinese, after the break: asked as before
        "节后健身房开吗",
    ],
)
def test_near_misses_are_still_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, APR_28).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text",
    [
        "is the bank open first thing tomorrow",
        "is the metro running overmorrow",
        "ICBC long weekend hours?",
        "招商银行明天一早开门吗",
    ],
)
def test_other_bodies_asked_with_these_words_are_not_ours(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, APR_28).kind is Kind.NONE
