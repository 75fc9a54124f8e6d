"""Round twenty-eight (session nineteen), the lead's class: where a place is, asked with a day
gone by that belongs to the story ("which floor is the gym, I didn't find it yesterday"), is
the place's card, not its hours on that past day. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

NOV_5 = date(2026, 11, 5)  # Thursday


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("which floor is the gym, I didn't find it yesterday", "gym"),
        ("where is the photo studio? couldn't find it yesterday", "photo_studio"),
        ("I couldn't find the canteen yesterday, where is it", "canteen"),
        ("健身房在几楼 昨天去没找到", "gym"),
        ("昨天去卫生站没找到 卫生站在哪里", "health_station"),
        ("前天转了一圈没看到照相馆，到底在几楼", "photo_studio"),
    ],
)
def test_where_with_a_day_gone_by_is_the_card(
    matcher: QuestionMatcher, text: str, venue: str
) -> None:
    verdict = matcher.understand(text, NOV_5)
    assert verdict.kind is Kind.VENUE
    assert verdict.venue_ids == (venue,)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # the hours asked, or a day to come: the hours of that day, as before
        ("is the gym open today? I couldn't find it yesterday", NOV_5),
        ("where is the canteen, is it open tomorrow", date(2026, 11, 6)),
        ("what time did the gym open yesterday", date(2026, 11, 4)),
        ("昨天健身房开了吗 在哪", date(2026, 11, 4)),
    ],
)
def test_the_hours_asked_keep_their_day(matcher: QuestionMatcher, text: str, day: date) -> None:
    verdict = matcher.understand(text, NOV_5)
    assert verdict.kind in (Kind.HOURS, Kind.OVERVIEW)
    assert verdict.days == (day,)
