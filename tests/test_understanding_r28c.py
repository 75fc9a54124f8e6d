"""Round twenty-eight (session nineteen), dev110's failures by class: a named day that went by
a short while ago (within ``JUST_GONE``), asked in the past tense ("植树节那天夜校上课了吗 我那天
加班没去", "was the gym open on the Lantern Festival"), is this year's gone-by day, not its next
one; asked in the future tense, or with the tense untold, it keeps the next one.
Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

MARCH_16 = date(2026, 3, 16)  # Mon; 植树节 was Thu 03-12, 妇女节 Sun 03-08, 元宵 Tue 03-03
MARCH_20 = date(2026, 3, 20)  # 元宵 17 days ago
FEB_20 = date(2026, 2, 20)  # 情人节 six days ago
JAN_5 = date(2026, 1, 5)  # 冬至 was 2025-12-21, last year's
DEC_25 = date(2026, 12, 25)  # 冬至 was 12-22
JUNE_10 = date(2026, 6, 10)  # 劳动节 40 days ago, its break long over


@pytest.mark.parametrize(
    ("text", "today", "venue", "day"),
    [
        ("植树节那天夜校上课了吗？我那天加班没去", MARCH_16, "night_school", date(2026, 3, 12)),
        ("植树节食堂开了吗", MARCH_16, "canteen", date(2026, 3, 12)),
        ("植树节那天健身房有没有开？", MARCH_16, "gym", date(2026, 3, 12)),
        ("植树节那天我去了食堂，关着门", MARCH_16, "canteen", date(2026, 3, 12)),
        ("Was the canteen open on Arbor Day?", MARCH_16, "canteen", date(2026, 3, 12)),
        ("三八妇女节那天卫生站开了没", MARCH_16, "health_station", date(2026, 3, 8)),
        ("Did the health station open on women's day?", MARCH_20, "health_station",
         date(2026, 3, 8)),
        ("元宵节那天夜校有没有上课？我没去", MARCH_20, "night_school", date(2026, 3, 3)),
        ("元宵节那天健身房开了吗", MARCH_20, "gym", date(2026, 3, 3)),
        ("Was the gym open on the Lantern Festival?", MARCH_20, "gym", date(2026, 3, 3)),
        ("did the canteen open on Lantern Festival?", MARCH_20, "canteen", date(2026, 3, 3)),
        ("情人节那天照相馆开了吗", FEB_20, "photo_studio", date(2026, 2, 14)),
        ("Valentine's day was the photo studio open?", FEB_20, "photo_studio",
         date(2026, 2, 14)),
        ("冬至那天食堂开了吗", DEC_25, "canteen", date(2026, 12, 22)),
        ("冬至那天食堂开了吗", JAN_5, "canteen", date(2025, 12, 21)),
        ("Was the canteen open on the winter solstice?", JAN_5, "canteen", date(2025, 12, 21)),
        ("劳动节那天照相馆开了没", JUNE_10, "photo_studio", date(2026, 5, 1)),
    ],
)  # fmt: skip
def test_a_named_day_just_gone_asked_in_the_past_is_this_years(
    matcher: QuestionMatcher, text: str, today: date, venue: str, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    ("past", "other", "today", "gone", "next_one"),
    [
        ("植树节食堂开了吗", "植树节食堂开吗", MARCH_16, date(2026, 3, 12), date(2027, 3, 12)),
        ("植树节那天食堂有没有开", "植树节那天食堂会不会开", MARCH_16, date(2026, 3, 12),
         date(2027, 3, 12)),
        ("植树节那天我去过食堂 开着的吗", "下个植树节食堂开了吗", MARCH_16, date(2026, 3, 12),
         date(2027, 3, 12)),
        ("Was the gym open on lantern festival?",
         "Will the gym be open on lantern festival? I missed it last time", MARCH_20,
         date(2026, 3, 3), date(2027, 2, 20)),
        ("did the gym open on lantern festival",
         "was wondering if the gym is open on lantern festival", MARCH_20, date(2026, 3, 3),
         date(2027, 2, 20)),
        ("情人节照相馆开了没", "情人节照相馆开吗", FEB_20, date(2026, 2, 14), date(2027, 2, 14)),
        ("冬至食堂开了吗", "冬至食堂开吗", DEC_25, date(2026, 12, 22), date(2027, 12, 22)),
    ],
)  # fmt: skip
def test_the_tense_tells_the_gone_by_day_from_the_next_one(
    matcher: QuestionMatcher, past: str, other: str, today: date, gone: date, next_one: date
) -> None:
    """Past tense: this year's, gone by; future tense or none told: the next one, as before."""
    asked = matcher.understand(past, today)
    assert asked.kind is Kind.HOURS
    assert asked.days == (gone,)
    kept = matcher.understand(other, today)
    assert kept.kind is Kind.HOURS
    assert kept.days == (next_one,)


@pytest.mark.parametrize(
    ("text", "other", "today", "venue", "day"),
    [
        ("Was the canteen open on Arbor Day last Thursday? My mum insists it was shut",
         "Was the canteen open on Arbor Day last Friday?", MARCH_16, "canteen",
         date(2026, 3, 12)),
        ("gym last thursday on arbor day, was it open?", "gym last wednesday on arbor day?",
         MARCH_16, "gym", date(2026, 3, 12)),
        ("Arbor Day last Thursday, was the photo studio open",
         "Arbor Day last Friday, was the photo studio open", MARCH_16, "photo_studio",
         date(2026, 3, 12)),
        ("was the gym open last sunday for women's day",
         "was the gym open last saturday for women's day", MARCH_16, "gym", date(2026, 3, 8)),
        ("was the gym open on the lantern festival last tuesday?",
         "was the gym open on the lantern festival last monday?", date(2026, 3, 6), "gym",
         date(2026, 3, 3)),
    ],
)  # fmt: skip
def test_a_festival_said_with_last_weekday_it_fell_on_is_that_day(
    matcher: QuestionMatcher, text: str, other: str, today: date, venue: str, day: date
) -> None:
    """The weekday it was: that day; another weekday than the festival's: asked."""
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert verdict.days == (day,)
    assert matcher.understand(other, today).kind is Kind.CLARIFY_DAY
