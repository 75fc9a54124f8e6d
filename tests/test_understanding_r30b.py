"""Round thirty (tuner b, spent24 opened: the New Year break and the first days of 2026, northern
spoken Mandarin, students before the winter break, foreign residents; reference Friday
2026-01-02). Classes fixed, probed here in other words than the set's:
whether to stop or pause one's own medicine ("降压药吃完了 能不能先停几天") was the health
station's FAQ: now a doctor's advice, not ours (our dispensing paused over a break, "卫生站过年
配药停不停", stays the station's hours); northern spoken day words with 儿 (今儿个, 明儿, 昨儿个,
后儿个) were not read ("今儿个礼拜几啊" went unanswered); an English venue word with two letters
typed the other way round ("cantine", "cafeteira") was not read (typos are now counted with
transpositions as one edit); 迎财神 / 财神节 / 财神爷生日 is 正月初五 ("初五迎财神那天" was 腊月
初五 or 正月初五, asked), 接财神 alone stays asked; a day told as a working weekday of its own
("情人节是补班的礼拜六", "Valentine's Day is a make-up Saturday") is that day when the weekday
agrees (another weekday stays asked); the side of a festival told in a clause that asks nothing
("春节前想去窗口换敬老卡，…腊八那天窗口开不开") is the story's when the day asked later lies on
that side (the other side, 前后, or a side asked itself stays asked). Dates injected, never the
real one."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bench.eval_questions import Item, judge
from bot.understanding.matcher import Kind, QuestionMatcher

JAN_2 = date(2026, 1, 2)  # Friday, a 元旦 holiday; Sunday 01-04 is a make-up working day
JAN_10 = date(2026, 1, 10)  # Saturday
JAN_13 = date(2026, 1, 13)  # Tuesday


@pytest.mark.parametrize(
    "text",
    [
        "阿司匹林吃完了 能不能停两天",
        "我爸的降糖药可以先停一下吗",
        "这个药能不能断几天啊",
        "医生开的药要不要停药",
        "停药会怎样",
        "can I stop taking my pills for a week",
    ],
)
def test_stopping_ones_own_medicine_is_not_ours(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, JAN_13)
    assert verdict.kind is Kind.NONE, verdict


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("卫生站过年配药停不停", ("2026-02-17",)),
        ("卫生站明天配药吗", ("2026-01-14",)),
    ],
)
def test_our_dispensing_paused_stays_the_stations_hours(
    matcher: QuestionMatcher, text: str, days: tuple[str, ...]
) -> None:
    verdict = matcher.understand(text, JAN_13)
    assert verdict.kind is Kind.HOURS, verdict
    assert verdict.venue_ids == ("health_station",) or list(verdict.venue_ids) == ["health_station"]
    assert [str(d) for d in verdict.days] == list(days)


@pytest.mark.parametrize("text", ["今个儿星期几", "今儿几号了", "今儿个是礼拜几"])
def test_northern_today_asked_alone(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, JAN_13).kind is Kind.TODAY


@pytest.mark.parametrize(
    ("text", "venue", "day"),
    [
        ("明儿食堂开不", "canteen", "2026-01-14"),
        ("昨儿个健身房开了没", "gym", "2026-01-12"),
        ("后儿个照相馆开门不", "photo_studio", "2026-01-15"),
        ("今儿个卫生站人多不", "health_station", "2026-01-13"),
    ],
)
def test_northern_day_words(matcher: QuestionMatcher, text: str, venue: str, day: str) -> None:
    verdict = matcher.understand(text, JAN_13)
    assert (verdict.kind, list(verdict.venue_ids)) == (Kind.HOURS, [venue]), verdict
    assert [str(d) for d in verdict.days] == [day]


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("is the cnateen open today", "canteen"),
        ("wehn is the cafeteira open today", "canteen"),
    ],
)
def test_english_venue_with_two_letters_swapped(
    matcher: QuestionMatcher, text: str, venue: str
) -> None:
    verdict = matcher.understand(text, JAN_13)
    assert (verdict.kind, list(verdict.venue_ids)) == (Kind.HOURS, [venue]), verdict


@pytest.mark.parametrize("text", ["where can I find a cantina nearby", "is the cantina open"])
def test_a_bar_is_not_the_canteen(matcher: QuestionMatcher, text: str) -> None:
    assert "canteen" not in matcher.understand(text, JAN_13).venue_ids


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("迎财神那天照相馆开伐", "photo_studio"),
        ("财神节活动室开吗", "activity_rooms"),
        ("财神爷生日那天健身房开门吗", "gym"),
    ],
)
def test_god_of_wealths_day_is_the_fifth(matcher: QuestionMatcher, text: str, venue: str) -> None:
    verdict = matcher.understand(text, JAN_10)
    assert (verdict.kind, list(verdict.venue_ids)) == (Kind.HOURS, [venue]), verdict
    assert [str(d) for d in verdict.days] == ["2026-02-21"]


def test_receiving_the_god_of_wealth_alone_is_asked(matcher: QuestionMatcher) -> None:
    # in Shanghai often the night of 初四: which day is not sure
    assert matcher.understand("接财神那天食堂开吗", JAN_10).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("情人节是调休上班的礼拜六 食堂开吗", "canteen"),
        # said on a Saturday: "礼拜六 那天" is Valentine's, not today (was today's hours)
        ("情人节刚好是礼拜六 那天健身房开伐", "gym"),
        ("今年情人节是要补班的周六？那天照相馆开不开", "photo_studio"),
        ("Valentine's Day is a make-up Saturday, is the canteen open then?", "canteen"),
        ("Valentine's Day is a working Saturday this year, is the gym open that day?", "gym"),
    ],
)
def test_a_day_told_as_a_working_weekday(matcher: QuestionMatcher, text: str, venue: str) -> None:
    verdict = matcher.understand(text, JAN_10)
    assert (verdict.kind, list(verdict.venue_ids)) == (Kind.HOURS, [venue]), verdict
    assert [str(d) for d in verdict.days] == ["2026-02-14"]


@pytest.mark.parametrize(
    "text",
    [
        "情人节是补班的礼拜天 那天食堂开吗",  # 02-14 is a Saturday: which is meant?
        "Valentine's Day is a working Sunday? Is the gym open that day?",
    ],
)
def test_a_day_told_as_another_weekday_stays_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, JAN_10).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "venue", "day"),
    [
        ("春节前想带孙子去照相馆拍照，大寒那天照相馆开吗", "photo_studio", "2026-01-20"),
        ("过年前打算去办张健身卡，听说要带照片，腊八那天健身房开伐", "gym", "2026-01-26"),
        ("元宵以后想去报夜校，3月10号夜校开吗", "night_school", "2026-03-10"),
    ],
)
def test_side_of_a_festival_told_then_a_day_on_it_asked(
    matcher: QuestionMatcher, text: str, venue: str, day: str
) -> None:
    verdict = matcher.understand(text, JAN_2)
    assert (verdict.kind, list(verdict.venue_ids)) == (Kind.HOURS, [venue]), verdict
    assert [str(d) for d in verdict.days] == [day]


@pytest.mark.parametrize(
    "text",
    [
        "春节前想去拍照，元宵那天照相馆开吗",  # 元宵 is after 春节: not the side told
        "春节前照相馆开不开，大寒呢",  # the side itself asked
        "春节前后想去办事，腊八那天窗口开不开",  # both sides
    ],
)
def test_side_of_a_festival_otherwise_stays_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, JAN_2).kind is Kind.CLARIFY_DAY


def test_a_traditional_course_hint_is_the_simplified_one() -> None:
    """The bench compares a course hint as the matcher reads it (traditional folded)."""

    class Seen:
        kind = Kind.FEATURE
        days = ()
        feature = "course"
        course_hint = "国画"

    item = Item(
        "請問有沒有國畫課",
        "traditional",
        "zh",
        {"intent": "course", "course_hint": "國畫"},
        datetime(2026, 1, 2, 11, 15),
    )
    assert judge(Seen(), item) == (True, False)  # type: ignore[arg-type]
