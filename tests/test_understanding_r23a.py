"""Round twenty-three (dev77's failures by class): a date in figures an English writer may mean
either way round is read by the weekday beside it; a weekday after or before a festival with no
count said is the first (the last) one; a festival's doings asked of us is /events; a meal sent
round is the delivery entry; our places' names in pinyin; a weekday named as a bank holiday is
that day of the break at hand. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher

THURSDAY = date(2026, 4, 2)  # 清明 break 04-04..04-06 (Sat-Mon)
FRIDAY = date(2026, 6, 12)  # 端午 break 06-19..06-21 (Fri-Sun)


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("Will the night school have class on Mon 4/6?", THURSDAY, date(2026, 4, 6)),
        ("Legal aid desk on Monday 6/4 - anyone there?", THURSDAY, date(2026, 4, 6)),
        ("is the gym open 4/6 (Mon)?", THURSDAY, date(2026, 4, 6)),
        ("Is the gym open Thu 7/9?", FRIDAY, date(2026, 7, 9)),
        ("Legal aid on Monday 7/9?", FRIDAY, date(2026, 9, 7)),
        ("photo studio 6/10 (Tue) open?", FRIDAY, date(2026, 10, 6)),
        ("is the gym open Fri, 5/6?", THURSDAY, date(2026, 6, 5)),
    ],
)
def test_figures_read_by_the_weekday_beside(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, (day,))


@pytest.mark.parametrize(
    "text", ["canteen on Wed 7/9?", "is the health station open 7/9?", "gym Tuesday 4/6?"]
)
def test_figures_with_no_weekday_to_choose_are_asked(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, FRIDAY if "7/9" in text else THURSDAY)
    assert verdict.kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("清明以后的星期二，卫生站开门吗？", THURSDAY, date(2026, 4, 7)),
        ("端午以后的星期一食堂开吗", FRIDAY, date(2026, 6, 22)),
        ("端午节前的礼拜三卫生站开伐", FRIDAY, date(2026, 6, 17)),
        ("端午过后的礼拜二 健身房几点开", FRIDAY, date(2026, 6, 23)),
        ("端午之后的周四夜校上课吗", FRIDAY, date(2026, 6, 25)),
    ],
)
def test_a_weekday_beside_a_festival_with_no_count(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, (day,))


@pytest.mark.parametrize("text", ["端午后的星期六照相馆开吗", "国庆节以后的星期六健身房开吗"])
def test_a_weekday_inside_the_festivals_break_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, FRIDAY).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text",
    [
        "Does the centre do anything for Easter? egg hunt for the kids maybe?",
        "Is the centre doing anything for Dragon Boat Festival?",
        "do you have anything special on for duanwu?",
        "will the station put on anything at mid-autumn?",
    ],
)
def test_a_festivals_doings_asked_of_us_is_events(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, FRIDAY)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "events")


def test_something_for_an_ailment_is_no_event(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("do you do anything for back pain?", FRIDAY)
    assert verdict.feature != "events"


@pytest.mark.parametrize(
    ("text", "faq_id"),
    [
        ("Ma'am cannot walk far, can the canteen send food to the house?", "canteen_delivery"),
        ("Can the canteen send lunch to my mum's flat? she is 88", "canteen_delivery"),
        ("is it possible to have meals sent to grandma's place?", "canteen_delivery"),
        ("how do I get to the centre on Guangfu Xi Lu", "address_1690"),
        ("changfengwan station address pls", "address_changfeng"),
    ],
)
def test_entries_reached(matcher: QuestionMatcher, text: str, faq_id: str) -> None:
    verdict = matcher.understand(text, FRIDAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, faq_id)


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("gym at Changfengwan", "gym"),
        ("where is the gym at changfengwan?", "gym"),
        ("Chang Feng Wan night school which floor?", "night_school"),
    ],
)
def test_our_places_in_pinyin(matcher: QuestionMatcher, text: str, venue: str) -> None:
    verdict = matcher.understand(text, FRIDAY)
    assert (verdict.kind, verdict.venue_ids) == (Kind.VENUE, (venue,))


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("is the gym open on the bank holiday friday?", FRIDAY, date(2026, 6, 19)),
        ("canteen open Friday bank holiday?", FRIDAY, date(2026, 6, 19)),
        ("public holiday saturday - photo studio open?", FRIDAY, date(2026, 6, 20)),
        ("is the health station open bank holiday monday?", THURSDAY, date(2026, 4, 6)),
    ],
)
def test_a_weekday_named_as_a_bank_holiday(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, (day,))


def test_a_bank_holiday_weekday_the_break_lacks_is_asked(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("is the health station open bank holiday monday?", FRIDAY)
    assert verdict.kind is Kind.CLARIFY_DAY
