"""Round twenty-eight (session nineteen), tuner g: spent27's failures by class.

- Shopping days named by their name, not their date ("光棍节", "singles' day", "double
  eleven", "black friday" / "黑五"): their own day (11-11; the day after Thanksgiving), never
  today's hours nor the coming Friday (a confident answer for another day).
- A change of one's own dose ("要不要自己加一粒药", "能不能少吃半片") or the upper/lower
  figure said ("高压一百六"): a doctor's advice, no entry of the health station's.
- The way to one place named, not ours ("去长风公园怎么走", "how do I get to changfeng
  park"): not our address entry, though the place shares our site's name.
- Where a place is, the resident not having found it last time ("我上次没找到"): its card.

Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

NOVEMBER_5 = date(2026, 11, 5)  # a Thursday, no break at hand
AUGUST_3 = date(2027, 8, 3)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("Is the canteen open on Singles' Day?", NOVEMBER_5, date(2026, 11, 11)),
        ("光棍节食堂开吗", NOVEMBER_5, date(2026, 11, 11)),
        ("gym open on double eleven?", NOVEMBER_5, date(2026, 11, 11)),
        ("is the service window open on singles day", AUGUST_3, date(2027, 11, 11)),
        ("is the canteen open on Black Friday", NOVEMBER_5, date(2026, 11, 27)),
        ("黑五健身房开吗", NOVEMBER_5, date(2026, 11, 27)),
        ("黑色星期五食堂开门吗", AUGUST_3, date(2027, 11, 26)),
    ],
)  # fmt: skip
def test_shopping_days_named_by_their_name_are_their_own_day(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    "text",
    [
        "血压药今天要不要自己减半片",
        "我血压高压一百六 要不要自己加一粒药",
    ],
)
def test_a_change_of_ones_own_dose_is_not_answered(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, NOVEMBER_5)
    assert verdict.kind not in (Kind.FAQ, Kind.HOURS, Kind.VENUE)


@pytest.mark.parametrize(
    "text",
    ["去长风公园怎么走", "去长风公园坐几路车", "长风公园怎么过去 坐什么车"],
)
def test_the_way_to_a_place_not_ours_is_not_our_address(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, NOVEMBER_5).kind is Kind.NONE


@pytest.mark.parametrize(
    "text",
    [
        "怎么去长风湾驿站",
        "去长风公园站坐几路车 我要去驿站",
        "how do I get to changfeng bay station",
    ],
)
def test_the_way_to_ours_stays_our_address(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, NOVEMBER_5).faq_id == "address_changfeng"


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("照相馆在哪个房间啊 我上次没找到", "photo_studio"),
        ("阅览室在哪 昨天没找到", "activity_rooms"),
    ],
)
def test_where_a_place_is_not_found_last_time_is_its_card(
    matcher: QuestionMatcher, text: str, venue: str
) -> None:
    verdict = matcher.understand(text, NOVEMBER_5)
    assert verdict.kind is Kind.VENUE
    assert verdict.venue_ids == (venue,)
