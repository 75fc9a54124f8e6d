"""Round twenty-nine, second reader r1 (the day rules). Classes fixed, each once an answer for
a day not meant: a festival's break (那几天, 期间, 假期, 长假, 七天, "during golden week") asked in
the past tense months after it ("国庆那几天健身房开了吗" in December, "during golden week was the
gym open") was next year's break: now this year's, gone by (the bare "国庆节健身房开了吗" stays
asked, the present tense stays next year's). Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

DEC_3 = date(2026, 12, 3)  # Thursday, no break near
OCT_14 = date(2026, 10, 14)  # Wednesday, a week after the 国庆 break (10-01..10-07)
D = date
NATIONAL_DAY_2026 = tuple(D(2026, 10, n) for n in range(1, 8))


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("国庆那几天健身房开了吗", DEC_3),
        ("国庆期间健身房开了吗", DEC_3),
        ("国庆假期健身房开了吗", DEC_3),
        ("国庆放假的时候食堂开了没", DEC_3),
        ("国庆七天食堂开了吗", DEC_3),
        ("国庆长假照相馆开了吗", DEC_3),
        ("国庆节那几天食堂开过吗", DEC_3),
        ("during golden week was the gym open", DEC_3),
        ("was the canteen open during the national day holiday", DEC_3),
        ("国庆那几天健身房开了吗", OCT_14),
    ],
)  # fmt: skip
def test_a_break_asked_in_the_past_tense_months_after_is_this_year_s(
    matcher: QuestionMatcher, text: str, today: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days) == NATIONAL_DAY_2026


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("国庆那几天健身房开吗", DEC_3),  # the present tense: the next one
        ("国庆假期健身房开吗", DEC_3),
        ("明年国庆假期健身房开了吗", DEC_3),  # a year said
    ],
)  # fmt: skip
def test_near_misses_keep_next_year_s_break(
    matcher: QuestionMatcher, text: str, today: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert all(d.year == 2027 for d in verdict.days)


def test_the_bare_festival_opened_asked_months_after_stays_asked(matcher: QuestionMatcher) -> None:
    assert matcher.understand("国庆节健身房开了吗", DEC_3).kind is Kind.CLARIFY_DAY
    verdict = matcher.understand("五一那几天食堂开了吗", DEC_3)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days) == tuple(D(2026, 5, n) for n in range(1, 6))


OCT_4 = date(2026, 10, 4)  # Sunday, inside the 国庆 break; make-up days 09-20 and 10-10


@pytest.mark.parametrize(
    "text",
    [
        "国庆完了那个周六要上班，食堂开吗",
        "国庆完了那个补班的周六食堂开吗",
        "国庆假期结束那个补班的周六食堂开吗",
        "国庆放完假那个周六要上班，食堂开吗",  # (as it was)
    ],
)
def test_the_break_told_over_by_完了_or_结束_before_its_make_up_day(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, OCT_4)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days) == (D(2026, 10, 10),)


def test_a_make_up_day_with_no_side_told_stays_as_it_was(matcher: QuestionMatcher) -> None:
    # near miss: 吃完了 is a meal, not the break told over
    verdict = matcher.understand("国庆补班那天食堂开吗", date(2026, 9, 10))
    assert verdict.kind is Kind.CLARIFY_DAY


JAN_20 = date(2027, 1, 20)  # Wednesday, ten days before 小年 (腊月廿三 01-30, 廿四 01-31)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("小年快到了，明天健身房开吗", D(2027, 1, 21)),
        ("快过小年了，明天食堂开伐", D(2027, 1, 21)),
        ("小年我回老家，明天食堂开吗", D(2027, 1, 21)),
        ("我小年那天回老家，明天食堂开吗", D(2027, 1, 21)),
        ("重阳快到了，明天健身房开吗", D(2027, 1, 21)),  # (as it was)
        ("腊月廿四小年食堂开吗", D(2027, 1, 31)),  # near miss: its lunar day said
    ],
)  # fmt: skip
def test_xiaonian_told_in_a_clause_of_its_own_leaves_the_day_asked(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, JAN_20)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days) == (day,)


@pytest.mark.parametrize("text", ["小年食堂开吗", "小年那天活动室开吗", "过小年健身房开伐"])
def test_xiaonian_asked_alone_stays_asked(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, JAN_20)
    assert verdict.kind is Kind.CLARIFY_DAY
    assert tuple(verdict.candidates) == (D(2027, 1, 30), D(2027, 1, 31))


@pytest.mark.parametrize(
    "text",
    ["国庆补班吗", "五一补班吗", "元旦补不补班", "元旦要补班吗", "春节补班吗", "中秋补不补班"],
)
def test_a_festival_s_make_up_day_asked_alone_is_the_arrangement(
    matcher: QuestionMatcher, text: str
) -> None:
    # was a class named "国庆补" (the course feature)
    assert matcher.understand(text, date(2026, 12, 20)).kind is Kind.HOLIDAYS


def test_a_class_asked_alone_stays_a_class(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("书法班吗", date(2026, 12, 20))
    assert verdict.kind is Kind.FEATURE
    assert verdict.course_hint == "书法"


DEC_20 = date(2026, 12, 20)  # Sunday, before 冬至 (12-22), 圣诞 and 元旦


@pytest.mark.parametrize(
    ("text", "today", "days"),
    [
        ("圣诞元旦食堂开吗", DEC_20, (D(2026, 12, 25), D(2027, 1, 1))),
        ("圣诞节元旦节活动室开不开", DEC_20, (D(2026, 12, 25), D(2027, 1, 1))),
        ("冬至圣诞健身房开吗", DEC_20, (D(2026, 12, 22), D(2026, 12, 25))),
        ("中秋国庆食堂开吗", D(2026, 9, 1), (D(2026, 9, 25), D(2026, 10, 1))),
        # near misses: a day apart (as it was), a Spring Festival's day, a lunar date named
        ("平安夜圣诞节健身房开吗", DEC_20, (D(2026, 12, 24), D(2026, 12, 25))),
        ("春节初二食堂开吗", DEC_20, (D(2027, 2, 7),)),
        ("八月十五中秋节食堂开吗", DEC_20, (D(2027, 9, 15),)),
    ],
)  # fmt: skip
def test_two_festivals_said_back_to_back_are_both_asked(
    matcher: QuestionMatcher, text: str, today: date, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days) == days


def test_two_festivals_in_a_sentence_before_the_one_asked_stay_the_story(
    matcher: QuestionMatcher,
) -> None:
    verdict = matcher.understand("中秋国庆连着放吗？中秋那天健身房开吗", date(2026, 9, 22))
    assert tuple(verdict.days) == (D(2026, 9, 25),)
