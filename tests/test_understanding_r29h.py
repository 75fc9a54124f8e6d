"""Round twenty-nine (tuner h, a hunter of questions asked at the turn of the year; dev117
yearend a and b, December 2026, with 2027's holiday notice not published). Classes fixed:
the year's-end days typed by sound ("东至食堂开吗", "胜诞节健身房", "圣旦", "垮年夜", "夸年夜"
by voice or pinyin input) were today's hours or asked: now 冬至, 圣诞, 跨年 (read only before a
day word, an hours word, 夜, a pause or one of our places: 东至县, 东芝, 夸年轻人, 盛典 untouched);
an English year's possessive before a day ("next year's spring festival", "this year's winter
solstice", "next year's new year's day") left "next year's" over and was asked back: now that
day in that year, and "when is next year's / the 2027 spring festival (holiday)" is the year's
holiday arrangement; the day of the new year's dinner ("年夜饭那天", "吃团年饭的当天") was asked:
now 除夕; two festivals a day apart named one after the other ("平安夜圣诞节", "除夕初一",
"跨年夜元旦", "christmas eve christmas day") were read as one naming the other, the second day
dropped: now both ("春节初二", "腊月廿三小年" keep their one day); the days off asked in other
words with no place named ("元旦连休几天", "春节能休几天", "元旦假期是几号到几号", "元旦放不放假",
"how long is the new year holiday") were out of scope: now the year's arrangement (a school's or
a kindergarten's stays out, a place's keeps its hours). Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

DEC_3 = date(2026, 12, 3)  # Thursday
DEC_29 = date(2026, 12, 29)  # Tuesday


@pytest.mark.parametrize(
    ("text", "today", "venue", "day"),
    [
        ("东至食堂开不开", DEC_3, "canteen", date(2026, 12, 22)),
        ("东至那天卫生站开吗", DEC_3, "health_station", date(2026, 12, 22)),
        ("东至节照相馆开吗", DEC_3, "photo_studio", date(2026, 12, 22)),
        ("胜诞节健身房开不开", DEC_3, "gym", date(2026, 12, 25)),
        ("圣旦节食堂开吗", DEC_3, "canteen", date(2026, 12, 25)),
        ("圣蛋食堂开吗", DEC_3, "canteen", date(2026, 12, 25)),
        ("垮年夜食堂开吗", DEC_29, "canteen", date(2026, 12, 31)),
        ("夸年夜健身房开伐", DEC_3, "gym", date(2026, 12, 31)),
        ("垮年那天食堂开吗", DEC_29, "canteen", date(2026, 12, 31)),
        # near misses: the names spelt right keep their day
        ("冬至食堂开不开", DEC_3, "canteen", date(2026, 12, 22)),
        ("跨年夜健身房开伐", DEC_3, "gym", date(2026, 12, 31)),
    ],
)  # fmt: skip
def test_year_end_days_typed_by_sound(
    matcher: QuestionMatcher, text: str, today: date, venue: str, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    "text", ["东至县医院几点开门", "东芝空调修理", "夸年轻人", "盛典在哪里举行", "生旦净丑是什么"]
)
def test_words_like_year_end_days_stay_theirs(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, DEC_3)
    assert not verdict.days


@pytest.mark.parametrize(
    ("text", "venue", "day"),
    [
        ("is the gym open next year's spring festival", "gym", date(2027, 2, 6)),
        ("canteen open next year's new year's day?", "canteen", date(2027, 1, 1)),
        ("next year's chinese new year, is the canteen open", "canteen", date(2027, 2, 6)),
        ("is the gym open next years spring festival", "gym", date(2027, 2, 6)),
        ("next year's christmas gym", "gym", date(2027, 12, 25)),
        ("this year's winter solstice, is the canteen open", "canteen", date(2026, 12, 22)),
    ],
)  # fmt: skip
def test_english_year_possessive_before_a_day(
    matcher: QuestionMatcher, text: str, venue: str, day: date
) -> None:
    verdict = matcher.understand(text, DEC_3)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    "text",
    [
        "when is next year's spring festival holiday",
        "when is next year's spring festival",
        "when is the 2027 spring festival holiday",
        "what dates are next year's national day holidays",
        "when is next years chinese new year",
        # near misses: the same asks without a year
        "when is the spring festival holiday",
        "when is spring festival next year",
    ],
)
def test_next_years_festival_asked_is_the_arrangement(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, DEC_3).kind is Kind.HOLIDAYS


@pytest.mark.parametrize(
    "text", ["when are the kids' school holidays", "next year i need a new id card"]
)
def test_not_the_arrangement(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, DEC_3).kind is not Kind.HOLIDAYS


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("年夜饭那天食堂中午开伐", "canteen"),
        ("吃年夜饭那天健身房开吗", "gym"),
        ("年夜饭当天卫生站有人吗", "health_station"),
        ("吃团年饭的那天照相馆开不开", "photo_studio"),
        ("年夜饭那晚活动室开吗", "activity_rooms"),
    ],
)
def test_new_years_dinner_day_is_chuxi(matcher: QuestionMatcher, text: str, venue: str) -> None:
    verdict = matcher.understand(text, DEC_29)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert verdict.days == (date(2027, 2, 5),)


@pytest.mark.parametrize("text", ["食堂年夜饭可以预订吗", "食堂年夜饭好吃吗"])
def test_new_years_dinner_without_its_day_is_no_day(matcher: QuestionMatcher, text: str) -> None:
    assert not matcher.understand(text, DEC_29).days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("平安夜圣诞节食堂开吗", (date(2026, 12, 24), date(2026, 12, 25))),
        ("平安夜圣诞节两天食堂都开吗", (date(2026, 12, 24), date(2026, 12, 25))),
        ("平安夜、圣诞节活动室开吗", (date(2026, 12, 24), date(2026, 12, 25))),
        ("除夕初一食堂开不开", (date(2027, 2, 5), date(2027, 2, 6))),
        ("跨年夜元旦健身房开伐", (date(2026, 12, 31), date(2027, 1, 1))),
        ("christmas eve christmas day canteen?", (date(2026, 12, 24), date(2026, 12, 25))),
        # near misses: a day of the Spring Festival named after it, a lunar date and its name
        ("春节初二食堂开吗", (date(2027, 2, 7),)),
        ("过年初三照相馆开吗", (date(2027, 2, 8),)),
        ("腊月廿三小年食堂开吗", (date(2027, 1, 30),)),
        ("八月十五中秋节食堂开吗", (date(2027, 9, 15),)),
    ],
)  # fmt: skip
def test_two_festivals_a_day_apart_listed_are_both_asked(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, DEC_3)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == days


@pytest.mark.parametrize(
    "text",
    [
        "元旦连休几天",
        "春节连休几天",
        "元旦放不放假",
        "春节能休几天啊",
        "元旦假期几天",
        "元旦假期是几号到几号",
        "元旦是不是放三天",
        "2027春节放假从哪天开始",
        "new year holiday how many days",
        "how long is the new year holiday",
        "how long is the spring festival break",
    ],
)
def test_days_off_asked_in_other_words_is_the_arrangement(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, DEC_3).kind is Kind.HOLIDAYS


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("孩子幼儿园元旦放不放假", Kind.NONE),
        ("学校元旦放不放假", Kind.NONE),
        ("how long is the school winter break", Kind.NONE),
        ("how long is the walk from the metro", Kind.NONE),
        ("食堂元旦放不放假", Kind.HOURS),
        ("中秋节夜校放不放假", Kind.HOURS),
    ],
)
def test_days_off_of_others_or_of_a_place(matcher: QuestionMatcher, text: str, kind: Kind) -> None:
    assert matcher.understand(text, DEC_3).kind is kind
