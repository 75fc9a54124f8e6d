"""Round twenty-seven (session eighteen, tuner d): residents dictating by voice (dev103). The
classes: a day word misheard by speech recognition, read by its sound or asked, never dropped
(夏礼拜天 → 下礼拜天, 过庆 → 国庆 before a count of days, a venue or an hours word); 放假 asked
as the question's verb ("窗口中秋节放假吗") is the festival's own day, not its whole break. Dates
injected, never the real one."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

SEPTEMBER_8 = date(2026, 9, 8)  # a Tuesday; 中秋 Fri 09-25 (break 09-25..27), 国庆 10-01..07
GOLDEN_WEEK = tuple(date(2026, 10, 1) + timedelta(days=n) for n in range(7))


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("夏个礼拜三食堂开吗", (date(2026, 9, 16),)),
        ("吓星期一健身房开不开", (date(2026, 9, 14),)),
        ("夏周三照相馆开吗", (date(2026, 9, 16),)),
        ("虾礼拜五夜校有课吗", (date(2026, 9, 18),)),
        ("锅庆放假健身房开吗", GOLDEN_WEEK),
        ("过庆那天食堂开吗", (date(2026, 10, 1),)),
        ("果庆头三天食堂开不开", GOLDEN_WEEK[:3]),
        ("中邱头两天食堂开吗", (date(2026, 9, 25), date(2026, 9, 26))),
    ],
)
def test_a_misheard_day_word_is_read_by_its_sound(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, SEPTEMBER_8)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("夏天礼拜天健身房开吗", (date(2026, 9, 13),)),  # summer, not next week
        ("庆祝国庆活动室开吗", (date(2026, 10, 1),)),
    ],
)
def test_near_misses_of_the_sound_typos_keep_their_day(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, SEPTEMBER_8)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == days


def test_a_celebration_is_no_national_day(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("过庆生 食堂开吗", SEPTEMBER_8)  # 庆生: a birthday party
    assert date(2026, 10, 1) not in verdict.days


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("食堂国庆节放假吗", date(2026, 10, 1)),
        ("健身房国庆放假不", date(2026, 10, 1)),
        ("健身房中秋放假？", date(2026, 9, 25)),
        ("中秋节放假么？健身房", date(2026, 9, 25)),
    ],
)
def test_closing_on_the_festival_asked_is_its_own_day(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, SEPTEMBER_8)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    "text", ["国庆节放假 食堂开吗", "国庆节放假食堂开吗", "国庆节放假那几天食堂开吗"]
)
def test_the_break_before_the_question_stays_the_whole_break(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, SEPTEMBER_8)
    assert verdict.days == GOLDEN_WEEK


@pytest.mark.parametrize(
    "text", ["星期是食堂开吗", "礼拜是健身房开不开", "星期是晚上夜校有课吗", "礼拜山照相馆开吗"]
)
def test_a_weekday_misheard_by_fuzzy_pinyin_is_asked_not_today(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, SEPTEMBER_8).kind is Kind.CLARIFY_DAY


def test_a_misheard_weekday_corrected_at_once_is_the_corrected_day(
    matcher: QuestionMatcher,
) -> None:
    verdict = matcher.understand("照相馆星期是 星期四开不开", SEPTEMBER_8)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (date(2026, 9, 10),)
