"""Round twenty-nine (tuner e, the day classes left alone last round; dev115_left a–d).
Classes fixed, each once an answer (or a question back) for days not asked:
"国庆后第二天" / "清明以后第三天" / "国庆假期后第二天" (the n-th day after a festival) offered the
days around the festival, or this week's days after a break just ended: now the days it may be,
counted from the festival inside its break or from the break's end (第二天 also "the next day"),
one reading answered; a festival just gone (its day or break ended at most two weeks ago) asked
bare in the present tense ("重阳健身房开伐" two days after 重阳) was next year's: now asked, with
this year's and next year's; a festival, then a clause of one's own plan, then which days a
place is shut ("清明我回老家，食堂哪几天休息") stopped at the comma and got the festival's day:
now the break's days; an English past tense about a festival gone months ago ("was the gym open
on national day?" in December) was next year's: now this year's, and the Chinese "国庆节健身房
开了吗" then (open then, or open yet?) is asked; the days left of a break with none under way
or near ("国庆剩下几天食堂开伐" in December) were next year's break: now asked; the days after
one's return from a break ("五一回来以后食堂哪几天开") were the festival's own day: now asked.
Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

SEP_20 = date(2026, 9, 20)  # Sunday, a make-up day, before the 国庆 break (10-01..10-07)
OCT_10 = date(2026, 10, 10)  # Saturday, the make-up day three days after the 国庆 break
OCT_20 = date(2026, 10, 20)  # Tuesday, two days after 重阳 (10-18)
MAR_20 = date(2026, 3, 20)  # Friday, before 清明 (04-04..04-06)
DEC_3 = date(2026, 12, 3)  # Thursday, no break near
D = date
# "国庆后第二天": 10-02 / 10-03 inside the break, 10-08 / 10-09 after it
AFTER_2 = (D(2026, 10, 2), D(2026, 10, 3), D(2026, 10, 8), D(2026, 10, 9))


@pytest.mark.parametrize(
    ("text", "today", "candidates"),
    [
        ("国庆后第二天食堂开了吗", OCT_10, AFTER_2),
        ("国庆后第二天食堂开吗", OCT_10, AFTER_2),
        ("国庆后第三天照相馆开伐", OCT_10, (D(2026, 10, 4), D(2026, 10, 10))),
        ("国庆后一天健身房开吗", OCT_10, (D(2026, 10, 2), D(2026, 10, 8))),
        ("国庆假期后第二天食堂开了吗", OCT_10, (D(2026, 10, 8), D(2026, 10, 9))),
        ("国庆以后第三天食堂开吗", SEP_20, (D(2026, 10, 4), D(2026, 10, 10))),
        ("国庆后第二天食堂开吗", SEP_20, AFTER_2),
        ("圣诞节后第二天健身房开吗", D(2026, 12, 20), (D(2026, 12, 26), D(2026, 12, 27))),
        # near miss: "过后第二天" is the day after (as it was)
        ("国庆过后第二天食堂开吗", OCT_10, (D(2026, 10, 2), D(2026, 10, 8))),
    ],
)  # fmt: skip
def test_the_nth_day_after_a_festival_offers_the_days_it_may_be(
    matcher: QuestionMatcher, text: str, today: date, candidates: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.CLARIFY_DAY
    assert tuple(verdict.candidates) == candidates


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("国庆长假以后第三天健身房开吗", SEP_20, D(2026, 10, 10)),  # one reading: answered
        ("国庆后第一天健身房开了吗", OCT_10, D(2026, 10, 8)),
        ("国庆后第一天健身房开吗", SEP_20, D(2026, 10, 8)),
        ("国庆第二天食堂开了吗", OCT_10, D(2026, 10, 2)),
    ],
)  # fmt: skip
def test_the_first_day_after_or_one_reading_is_answered(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days) == (day,)


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("重阳健身房开伐", OCT_20),
        ("重阳节食堂开吗", OCT_20),
        ("重阳照相馆开不开", OCT_20),
        ("重阳节活动室开吗？", OCT_20),
        ("元宵食堂开吗", D(2026, 3, 6)),
    ],
)  # fmt: skip
def test_a_festival_just_gone_asked_bare_in_the_present_is_asked(
    matcher: QuestionMatcher, text: str, today: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.CLARIFY_DAY
    assert len(verdict.candidates) == 2
    assert verdict.candidates[0] < today < verdict.candidates[1]


@pytest.mark.parametrize(
    ("text", "today", "days"),
    [
        # near misses: the past tense, a future word, a year, a story with today, ahead
        ("重阳节食堂开了吗", OCT_20, (D(2026, 10, 18),)),
        ("was the canteen open on double ninth", OCT_20, (D(2026, 10, 18),)),
        ("下个重阳节食堂开吗", OCT_20, (D(2027, 10, 8),)),
        ("明年重阳健身房开吗", OCT_20, (D(2027, 10, 8),)),
        ("重阳节我去爬山了，今天健身房开吗", OCT_20, (OCT_20,)),
        ("妇女节健身房开吗", D(2026, 3, 6), (D(2026, 3, 8),)),
        ("元旦食堂开吗", OCT_20, (D(2027, 1, 1),)),
        # the which-days asked across a clause of one's own plan
        ("清明我回老家，食堂哪几天休息", MAR_20, (D(2026, 4, 4), D(2026, 4, 5), D(2026, 4, 6))),
        ("五一我出去旅游，健身房哪几天不开", MAR_20, tuple(D(2026, 5, n) for n in range(1, 6))),
        ("清明我们全家回老家，照相馆关几天", MAR_20, (D(2026, 4, 4), D(2026, 4, 5), D(2026, 4, 6))),
        ("端午我不在上海，食堂哪几天开", MAR_20, (D(2026, 6, 19), D(2026, 6, 20), D(2026, 6, 21))),
        ("清明我回老家,食堂关几天", MAR_20, (D(2026, 4, 4), D(2026, 4, 5), D(2026, 4, 6))),
        # near miss: a yes/no after the plan keeps the festival's day
        ("清明我回老家，食堂开吗", MAR_20, (D(2026, 4, 5),)),
        # an English past tense months after: this year's
        ("was the gym open on national day?", DEC_3, (D(2026, 10, 1),)),
        ("did the canteen open on mid-autumn", DEC_3, (D(2026, 9, 25),)),
        ("was the photo studio open on dragon boat festival?", DEC_3, (D(2026, 6, 19),)),
        ("国庆节那天健身房开了吗", DEC_3, (D(2026, 10, 1),)),
        ("is the gym open on national day", DEC_3, (D(2027, 10, 1),)),
        ("I went to the gym on national day, is it open tomorrow?", DEC_3, (D(2026, 12, 4),)),
        # days left of a break that is near: that break
        ("国庆剩下几天食堂开伐", D(2026, 9, 28), tuple(D(2026, 10, n) for n in range(1, 8))),
        ("国庆剩下几天食堂开伐", D(2026, 10, 4), tuple(D(2026, 10, n) for n in range(4, 8))),
    ],
)  # fmt: skip
def test_days_read(
    matcher: QuestionMatcher, text: str, today: date, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days or (today,)) == days


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("国庆节健身房开了吗", DEC_3),
        ("中秋节食堂开了没", DEC_3),
        ("端午节食堂开了吗", D(2026, 8, 20)),
        ("国庆剩下几天食堂开伐", DEC_3),
        ("五一剩下几天健身房开吗", DEC_3),
        ("国庆剩下的几天照相馆开不开", DEC_3),
        ("国庆剩下几天食堂开伐", D(2026, 9, 10)),
        # the days after one's return from a break: which? (was the festival's own day)
        ("五一回来以后食堂开吗", MAR_20),
        ("五一回来后食堂哪几天开", MAR_20),
        ("五一我出去旅游，回来以后健身房哪几天开", MAR_20),
    ],
)  # fmt: skip
def test_asked_when_no_day_is_sure(matcher: QuestionMatcher, text: str, today: date) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.CLARIFY_DAY
