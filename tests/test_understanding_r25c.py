"""Round twenty-five (dev88's and dev87's failures by class): a festival's make-up working
days asked together (and told by the arrangement's own festival, not the nearest break); "国庆
放完假" after a festival; solar terms by their pinyin; "what day of the week is it"; a place
introduced ("了解一下…"); "this friday and next friday"; "放假里"; a fault told by its degree
("吵煞了", "放得老响"); Chinese courtesies around English; whom to see about a matter no entry
covers, a partnership offered, and one's own booking's status: a person. Dates injected, never
the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.concerns import Concern
from bot.understanding.matcher import Kind, QuestionMatcher

SUMMER = date(2026, 7, 22)  # Wednesday; National Day make-up days 2026-09-20 and 2026-10-10
SPRING = date(2026, 4, 28)  # Tuesday; May Day break 05-01..05-05
NATIONAL_MAKEUP = (date(2026, 9, 20), date(2026, 10, 10))


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


@pytest.mark.parametrize(
    "text",
    [
        "Does the gym open on the National Day make-up days?",
        "National Day make-up working days: canteen open?",
        "国庆补班那两天健身房开伐",
        "国庆调休上班的那几天窗口开不开",
    ],
)
def test_make_up_days_of_a_festival_asked_together(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, SUMMER)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, NATIONAL_MAKEUP)


@pytest.mark.parametrize(
    "text", ["国庆补班那天食堂开吗", "Is the gym open on the National Day make-up day?"]
)
def test_one_make_up_day_of_two_is_asked(matcher: QuestionMatcher, text: str) -> None:
    # 2026-09-20 is National Day's (the arrangement says so), though 中秋's break is nearer
    assert matcher.understand(text, SUMMER).kind is Kind.CLARIFY_DAY


def test_no_make_up_day_of_its_own_is_asked(matcher: QuestionMatcher) -> None:
    assert matcher.understand("中秋补班那天健身房开吗", SUMMER).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("国庆放完假第一天健身房开伐", date(2026, 10, 8)),
        ("中秋休完假第一天窗口几点开", date(2026, 9, 28)),
    ],
)
def test_first_day_after_a_festival_told_with_its_break(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, SUMMER)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, (day,))


def test_bare_break_over_stays_the_break_at_hand(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("放完假第一个周末健身房开伐", date(2026, 5, 6))
    assert verdict.days == (date(2026, 5, 9), date(2026, 5, 10))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("canteen open on Liqiu?", date(2026, 8, 7)),
        ("Is the gym open on Chushu this year?", date(2026, 8, 23)),
        ("photo studio on Dashu (Great Heat)?", date(2026, 7, 23)),
        ("is the window open on bailu day", date(2026, 9, 7)),
    ],
)
def test_solar_term_by_its_pinyin(matcher: QuestionMatcher, text: str, day: date) -> None:
    verdict = matcher.understand(text, SUMMER)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, (day,))


@pytest.mark.parametrize(
    "text", ["I'm meeting dashu at the gym, is it open", "is the gym open on Dashu this year?"]
)
def test_pinyin_shared_with_a_word_alone_is_not_a_term(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, SUMMER)
    assert date(2026, 7, 23) not in verdict.days


@pytest.mark.parametrize("text", ["what weekday is it today?", "which day of the week is it"])
def test_weekday_of_today_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, SUMMER).kind is Kind.TODAY


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("想了解一下卫生站", "health_station"),
        ("给我介绍下夜校", "night_school"),
        ("I'd like to know about the gym", "gym"),
        ("录音棚在几楼", "shared_studio"),
    ],
)
def test_place_introduced_is_its_card(matcher: QuestionMatcher, text: str, venue: str) -> None:
    verdict = matcher.understand(text, SUMMER)
    assert (verdict.kind, verdict.venue_ids) == (Kind.VENUE, (venue,))


def test_place_introduced_with_a_question_is_the_answer(matcher: QuestionMatcher) -> None:
    assert matcher.understand("想了解一下健身房怎么办卡", SUMMER).kind is Kind.FAQ


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("gym this friday and next friday", (date(2026, 5, 1), date(2026, 5, 8))),
        ("canteen this wednesday or next wednesday?", (date(2026, 4, 29), date(2026, 5, 6))),
    ],
)
def test_next_weekday_beside_this_one(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, SPRING)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, days)


def test_next_weekday_alone_still_asked(matcher: QuestionMatcher) -> None:
    assert matcher.understand("is the gym open next friday", SPRING).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize("text", ["放假里食堂几点开", "放假那段时间健身房开伐"])
def test_during_the_break_at_hand(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, SPRING)
    assert verdict.days == tuple(date(2026, 5, d) for d in range(1, 6))


def test_someone_elses_break_is_not_ours(matcher: QuestionMatcher) -> None:
    assert matcher.understand("孙子放假里食堂开伐", SPRING).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text", ["阅览室空调冷煞了", "卫生站里闷死了", "食堂喇叭开得老响", "健身房吵煞人"]
)
def test_fault_told_by_its_degree_is_feedback(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, SUMMER)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "feedback")


def test_own_hunger_is_no_complaint(matcher: QuestionMatcher) -> None:
    assert matcher.understand("饿死了 食堂几点开", SUMMER).kind is Kind.HOURS


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("canteen menu today 麻烦了", "en"),
        ("gym opening hours? 多谢", "en"),
        ("wifi 密码 谢谢", "zh"),
    ],
)
def test_courtesy_around_english(matcher: QuestionMatcher, text: str, lang: str) -> None:
    assert matcher.understand(text, SUMMER).lang == lang


@pytest.mark.parametrize(
    "text",
    [
        "who should I speak to about the microphones for the room I booked?",
        "我订了会议室，投影仪找谁对接",
        "我们学校想和中心合作搞个夏令营，跟谁联系",
        "Our firm would like to sponsor a community event, who can I talk to about it?",
    ],
)
def test_whom_to_see_about_an_uncovered_matter(matcher: QuestionMatcher, text: str) -> None:
    # handed to a person: the conversation opened, or (nothing found at all) the person's button
    verdict = matcher.understand(text, SUMMER)
    assert verdict.kind is Kind.NONE
    assert verdict.looks_like_question
    assert verdict.concern in (None, Concern.PERSON)


@pytest.mark.parametrize(
    ("text", "faq"),
    [("who do I talk to about booking a room", "room_booking"), ("找谁办健身卡", "gym_card")],
)
def test_whom_to_see_about_a_covered_matter(matcher: QuestionMatcher, text: str, faq: str) -> None:
    verdict = matcher.understand(text, SUMMER)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, faq)


@pytest.mark.parametrize(
    "text",
    [
        "has our reservation for the piano room on Saturday been approved?",
        "my booking of the event space next week, is it confirmed?",
        "昨天约的琴房，订上了吗",
        "上个月申请的活动室通过了没有",
    ],
)
def test_own_booking_status_is_a_persons(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, SUMMER)
    assert (verdict.kind, verdict.concern) == (Kind.NONE, Concern.PERSON)


def test_how_booking_is_confirmed_is_the_answer(matcher: QuestionMatcher) -> None:
    assert matcher.understand("预约活动室要多久才能确认", SUMMER).kind is Kind.FAQ


@pytest.mark.parametrize(
    "text", ["I went last friday, is the gym open next friday?", "gym on friday, then next friday?"]
)
def test_next_weekday_beside_a_day_not_this_weeks_is_asked(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, SPRING).kind is Kind.CLARIFY_DAY
