"""Round twenty-eight (session nineteen), spent15's failures by class: the district's health
centre told by its area without 社区 ("桃浦那边的卫生服务中心") is not ours; a hot spell or the air
cooling told as the time of the visit ("whenever it cools down a bit", "等秋老虎过去") asks
which day; an English "next <weekday>" said to be a make-up working day is the reading that is
one; real English words ("classroom", "mushroom") are not typos of our rooms; who holds a
thing left ("who has it?") asks the lost and found, not about a person. Dates injected,
never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

SEP_29 = date(2026, 9, 29)  # Tue; 国庆 10-01..10-07, make-up Saturday 10-10
SEP_15 = date(2026, 9, 15)  # Tue; make-up Sunday 09-20
MAY_5 = date(2026, 5, 5)  # Tue, last day of May Day's break; make-up Saturday 05-09
FEB_3 = date(2026, 2, 3)  # Tue; make-up Saturday 02-14
JUL_14 = date(2026, 7, 14)  # Tue, midsummer


@pytest.mark.parametrize(
    "text",
    [
        "甘泉那里的卫生服务中心几点开门",
        "我妈问 长征那块的卫生服务中心礼拜六开吗",
        "外公讲 曹杨那边卫生服务中心几点关",
        "真如卫生服务中心明天开门吗",
        "万里的卫生服务中心几点下班",
        "taopu health service center sunday hours",
        "changzheng health service center opening hours",
    ],
)
def test_an_areas_health_service_centre_is_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, SEP_29).kind is Kind.NONE


@pytest.mark.parametrize(
    "text",
    [
        "once it cools off will the canteen be open in the evening",
        "after the heat breaks is the event space open",
        "when the heat eases off is the photo studio open",
        "once it's less hot is the gym open",
        "is the reading room open till it cools down",
        "等秋老虎过去健身房开吗",
        "热天过去以后食堂开吗",
        "降温以后健身房开伐",
        "黄梅天过了以后照相馆开伐",
    ],
)
def test_the_weather_turning_told_as_the_time_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, JUL_14).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "today", "venue", "day"),
    [
        ("is next saturday a make-up day? the canteen open?", SEP_29, "canteen",
         date(2026, 10, 10)),
        ("next saturday is a make-up working day, is the gym open", MAY_5, "gym", date(2026, 5, 9)),
        ("next saturday's a make-up day right, service window open?", FEB_3, "service_window",
         date(2026, 2, 14)),
        ("next sunday is a make-up day, is the canteen open", SEP_15, "canteen",
         date(2026, 9, 20)),
    ],
)  # fmt: skip
def test_next_weekday_said_to_be_a_make_up_day_is_the_one_that_is(
    matcher: QuestionMatcher, text: str, today: date, venue: str, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    ("text", "venues"),
    [
        ("which floor is the night school classroom on", ("night_school",)),
        ("the night school classroom, where do I find it", ("night_school",)),
        ("where are the mushroom dumplings sold in the canteen", ("canteen",)),
    ],
)
def test_real_words_are_not_typos_of_our_rooms(
    matcher: QuestionMatcher, text: str, venues: tuple[str, ...]
) -> None:
    assert matcher.understand(text, SEP_29).venue_ids == venues


@pytest.mark.parametrize(
    "text",
    [
        "lost my scarf after the lecture yesterday, who took it?",
        "left my umbrella on the second floor, who has it?",
        "my hat's gone, I lost it after class, who found it?",
        "dropped my keys somewhere on the third floor, who has them?",
    ],
)
def test_who_holds_a_thing_left_is_the_lost_and_found(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, SEP_29)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "lost_found"
