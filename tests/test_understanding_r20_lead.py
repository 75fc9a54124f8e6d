"""Round twenty (the lead's): a month and day said without a year, gone by in the last two
months, is asked (the day gone, or next year's), never answered as next year's as if it were
the one meant; a site named with hours words is the hours of that site's venues."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


@pytest.mark.parametrize(
    ("today", "text", "gone", "ahead"),
    [
        (date(2026, 10, 3), "9月20号食堂开吗", date(2026, 9, 20), date(2027, 9, 20)),
        (date(2026, 10, 3), "九月二十号卫生站开了伐", date(2026, 9, 20), date(2027, 9, 20)),
        (date(2026, 10, 3), "9/20健身房开不开", date(2026, 9, 20), date(2027, 9, 20)),
        (date(2026, 10, 3), "is the gym open on sept 20?", date(2026, 9, 20), date(2027, 9, 20)),
        (
            date(2026, 10, 3),
            "was the canteen open on 20 September",
            date(2026, 9, 20),
            date(2027, 9, 20),
        ),
        # over New Year: last December's day, or this December's
        (date(2027, 1, 10), "12月30号照相馆开了吗", date(2026, 12, 30), date(2027, 12, 30)),
    ],
)
def test_a_date_gone_weeks_ago_is_asked_with_both_years(
    matcher: QuestionMatcher, today: date, text: str, gone: date, ahead: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.CLARIFY_DAY
    assert set(verdict.candidates) >= {gone, ahead}


@pytest.mark.parametrize(
    ("today", "text", "day"),
    [
        (date(2026, 10, 3), "10月1号食堂开吗", date(2026, 10, 1)),  # within the week: that day
        (date(2026, 10, 3), "10月20号食堂开吗", date(2026, 10, 20)),  # ahead: that day
        (date(2026, 12, 1), "9月20号食堂开吗", date(2027, 9, 20)),  # long gone: next year's
        (date(2026, 12, 1), "is the canteen open on jan 5", date(2027, 1, 5)),
    ],
)
def test_a_date_ahead_within_the_week_or_long_gone_is_answered(
    matcher: QuestionMatcher, today: date, text: str, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


CHANGFENG = ("gym", "shared_studio", "night_school", "event_space")
CENTRE_1690 = (
    "canteen",
    "health_station",
    "service_window",
    "photo_studio",
    "legal_aid",
    "activity_rooms",
)


@pytest.mark.parametrize(
    ("text", "venues", "day"),
    [
        ("长风湾今天开吗", CHANGFENG, date(2026, 12, 2)),
        ("长风湾驿站礼拜六开伐", CHANGFENG, date(2026, 12, 5)),
        ("is changfeng bay open on sunday", CHANGFENG, date(2026, 12, 6)),
        ("1690今天开门吗", CENTRE_1690, date(2026, 12, 2)),
        ("1690中心明朝几点开门", CENTRE_1690, date(2026, 12, 3)),
        ("is the 1690 centre open tomorrow", CENTRE_1690, date(2026, 12, 3)),
    ],
)
def test_a_site_named_with_hours_words_is_its_venues_hours(
    matcher: QuestionMatcher, text: str, venues: tuple[str, ...], day: date
) -> None:
    verdict = matcher.understand(text, date(2026, 12, 2))
    assert verdict.kind in (Kind.OVERVIEW, Kind.HOURS)
    assert set(verdict.venue_ids) == set(venues)
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    ("text", "kind", "venues"),
    [
        ("1690食堂几点开门", Kind.HOURS, ("canteen",)),  # a venue named: that venue
        ("长风湾在哪里", Kind.FAQ, ()),  # where, not when
        ("长风湾过两天开吗", Kind.CLARIFY_DAY, ()),  # the day asked
    ],
)
def test_a_site_with_a_venue_a_place_or_an_unknown_day_keeps_its_reading(
    matcher: QuestionMatcher, text: str, kind: Kind, venues: tuple[str, ...]
) -> None:
    verdict = matcher.understand(text, date(2026, 12, 2))
    assert verdict.kind is kind
    assert set(verdict.venue_ids) == set(venues)
