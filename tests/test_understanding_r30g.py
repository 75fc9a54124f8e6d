"""Round thirty (hunter g, day traps; dev122a/b: a make-up Saturday evening after National Day,
and just after midnight in the Spring Festival break). Classes fixed:
明天 / 明早 / 后天 / "tomorrow" said in the small hours (before 04:00) may be said of the day
that starts after the night's sleep (today's date) or of the next one: asked with both (was
the next one), unless another day word pins it (明天礼拜一, 明天19号) or 今天 is said beside it;
English "next <weekday>" said on a Sunday (where an English week starts: the coming one or the
one after?) is asked, as "next friday" while this week's is ahead already was; 这个周末 /
"this weekend" said on a Sunday (today, or the coming one?) is asked; 上班第一天 / 开工第一天
said alone inside a statutory break is its first working day (was asked); a festival's or a
lunar day's name told as done in a clause that asks nothing ("除夕那天…关门的", "初二去…吃过
了") beside a day asked is the story of the day just gone (it was read as next year's, or
asked). Dates and clock times injected, never the real ones."""

from __future__ import annotations

from datetime import date, time

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

NOV_18 = date(2026, 11, 18)  # Wednesday, an ordinary working day
SEP_29 = date(2026, 9, 29)  # Tuesday; 中秋 was 09-25, the National Day break starts 10-01
SAT_OCT_17 = date(2026, 10, 17)  # Saturday
SUN_NOV_22 = date(2026, 11, 22)  # Sunday


@pytest.mark.parametrize(
    ("text", "at", "candidates"),
    [
        ("明天卫生站几点开", time(0, 20), (NOV_18, date(2026, 11, 19))),
        ("明朝早上照相馆开伐", time(1, 45), (NOV_18, date(2026, 11, 19))),
        ("后天活动室开不开", time(2, 5), (date(2026, 11, 19), date(2026, 11, 20))),
        ("does the canteen do breakfast tomorrow", time(3, 30), (NOV_18, date(2026, 11, 19))),
        ("legal aid the day after tomorrow?", time(0, 5), (date(2026, 11, 19), date(2026, 11, 20))),
    ],
)  # fmt: skip
def test_tomorrow_in_the_small_hours_is_asked(
    matcher: QuestionMatcher, text: str, at: time, candidates: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, NOV_18, at)
    assert verdict.kind is Kind.CLARIFY_DAY
    assert verdict.candidates == candidates


@pytest.mark.parametrize(
    ("text", "at", "days"),
    [
        ("明天卫生站几点开", time(4, 0), (date(2026, 11, 19),)),  # early risers: the next day
        ("明天卫生站几点开", time(23, 50), (date(2026, 11, 19),)),
        ("明天卫生站几点开", None, (date(2026, 11, 19),)),  # no clock: as before
        ("今天食堂开伐", time(0, 40), (NOV_18,)),
        ("今晚健身房开到几点", time(1, 0), (NOV_18,)),
        ("明天礼拜四窗口开伐", time(0, 40), (date(2026, 11, 19),)),  # the weekday pins it
        ("明天19号照相馆开伐", time(0, 40), (date(2026, 11, 19),)),  # the date too
        ("is the gym open today", time(2, 0), (NOV_18,)),
        ("is the gym open on friday", time(2, 0), (date(2026, 11, 20),)),
    ],
)  # fmt: skip
def test_near_misses_of_the_small_hours_keep_their_day(
    matcher: QuestionMatcher, text: str, at: time | None, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, NOV_18, at)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days or (NOV_18,)) == days


def test_two_days_from_today_in_the_small_hours_keep_their_days(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("今天和明天健身房都开伐", NOV_18, time(0, 30))
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (NOV_18, date(2026, 11, 19))


def test_the_small_hours_never_touch_what_is_not_ours(matcher: QuestionMatcher) -> None:
    assert matcher.understand("明天医院开门伐", NOV_18, time(0, 30)).kind is Kind.NONE


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        ("is the photo studio open next Tuesday", (date(2026, 11, 24), date(2026, 12, 1))),
        ("next thursday, canteen?", (date(2026, 11, 26), date(2026, 12, 3))),
    ],
)
def test_next_weekday_said_on_a_sunday_is_asked(
    matcher: QuestionMatcher, text: str, candidates: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, SUN_NOV_22)
    assert verdict.kind is Kind.CLARIFY_DAY
    assert verdict.candidates == candidates


@pytest.mark.parametrize(
    ("text", "today", "days"),
    [
        ("is the gym open next Sunday", SUN_NOV_22, (date(2026, 11, 29),)),  # a week today
        ("is the canteen open this Thursday", SUN_NOV_22, (date(2026, 11, 26),)),
        ("is the canteen open next Tuesday", NOV_18, (date(2026, 11, 24),)),  # on a Wednesday
        ("is the clinic open this Friday", NOV_18, (date(2026, 11, 20),)),
        ("下礼拜二照相馆开伐", SUN_NOV_22, (date(2026, 11, 24),)),
    ],
)  # fmt: skip
def test_near_misses_of_weekdays_on_a_sunday_keep_their_day(
    matcher: QuestionMatcher, text: str, today: date, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("中秋那天食堂关门的，明天开伐", (date(2026, 9, 30),)),
        ("中秋那天去照相馆拍过了，礼拜四还开伐", (date(2026, 10, 1),)),
        ("中秋晚上去活动室猜过灯谜了，今天活动室开吗", (SEP_29,)),
    ],
)
def test_a_festival_told_as_done_is_the_story(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, SEP_29)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days or (SEP_29,)) == days


@pytest.mark.parametrize(
    "text",
    [
        "中秋食堂开伐",  # the festival asked alone just after it: asked, as before
        "中秋那天食堂开的吗",  # asked of it, not told
    ],
)
def test_near_misses_of_a_festival_told_as_done_are_not_answered_for_another_day(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, SEP_29)
    assert verdict.kind is not Kind.HOURS or verdict.days != (date(2026, 9, 30),)
    assert verdict.kind is Kind.CLARIFY_DAY or verdict.days in ((date(2026, 9, 25),), ())


OCT_4 = date(2026, 10, 4)  # Sunday, inside the National Day break (10-01..10-07)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("上班第一天一站式窗口几点开门", (date(2026, 10, 8),)),
        ("复工第一天照相馆开伐", (date(2026, 10, 8),)),
        ("上班的第一天活动室开不开", (date(2026, 10, 8),)),
    ],
)
def test_the_first_day_back_said_alone_inside_a_break(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, OCT_4)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == days


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("上班第一天一站式窗口几点开门", NOV_18),  # no break at hand: whose first day?
        ("上班第一天一站式窗口几点开门", SEP_29),  # a break to come, not begun
        ("我女儿上班第一天，食堂开伐", OCT_4),  # someone's new job
    ],
)
def test_near_misses_of_the_first_day_back_are_not_answered_for_it(
    matcher: QuestionMatcher, text: str, today: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is not Kind.HOURS or verdict.days != (date(2026, 10, 8),)


@pytest.mark.parametrize(
    "text", ["本周末照相馆开伐", "这周末食堂开不开", "is the photo studio open this weekend"]
)
def test_this_weekend_said_on_a_sunday_is_asked(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, SUN_NOV_22)
    assert verdict.kind is Kind.CLARIFY_DAY
    assert verdict.candidates[:1] == (SUN_NOV_22,)


@pytest.mark.parametrize(
    ("text", "today", "days"),
    [
        ("本周末照相馆开伐", SAT_OCT_17, (SAT_OCT_17, date(2026, 10, 18))),  # said on a Saturday
        ("周末照相馆开伐", SUN_NOV_22, (SUN_NOV_22,)),  # no 这: today, as before
        ("下个周末照相馆开伐", SUN_NOV_22, (date(2026, 11, 28), date(2026, 11, 29))),
        ("photo studio the coming weekend?", SUN_NOV_22, (date(2026, 11, 28), date(2026, 11, 29))),
    ],
)  # fmt: skip
def test_near_misses_of_this_weekend_on_a_sunday_keep_their_days(
    matcher: QuestionMatcher, text: str, today: date, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days or (today,)) == days
