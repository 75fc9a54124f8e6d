"""Round twenty-one (dev71's failures by class): a suggestion made is feedback; a class put
first and given up, or a relative's sign-up checked, is /myclasses; 有…活动 asked is /events;
a subject or a booking typed in English inside Chinese is read; the home's broadband line and
an estate's or rented parking space are not ours; a dispute told with our help asked is legal
aid. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher

SATURDAY = date(2026, 12, 19)
THURSDAY = date(2027, 3, 11)


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


@pytest.mark.parametrize(
    "text",
    [
        "建议卫生站礼拜天也开半天",
        "建议健身房礼拜一早上早点开",
        "我建议食堂多烧点素菜",
        "i suggest the canteen opens earlier on weekdays",
        "suggestion: longer gym hours on sundays",
    ],
)
def test_a_suggestion_made_is_feedback(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, SATURDAY)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "feedback")


def test_someone_elses_advice_is_no_suggestion(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("医生建议我多走走 健身房明天几点开", THURSDAY)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (date(2027, 3, 12),)


@pytest.mark.parametrize(
    "text",
    [
        "帮我把下礼拜的书法课退掉",
        "帮我把礼拜三的国画课取消掉",
        "麻烦把阿拉爸爸的书法班退脱",
        "please take my mum off the tai chi class",
        "阿拉姆妈手机上报的太极班报上了伐 帮伊查查",
        "帮我看看老伴的合唱班报进去没有",
        "did my dad's registration for the calligraphy class go through?",
        "is my mum actually signed up for the tai chi class?",
    ],
)
def test_a_class_given_up_or_a_sign_up_checked_is_myclasses(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, SATURDAY)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "myclasses")


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("冬至有包汤圆活动伐", "events"),
        ("端午有包粽子活动伐", "events"),
        ("妇女节有活动伐", "events"),
        ("长风公园元宵有活动伐", None),  # the park's
    ],
)
def test_an_event_asked_with_you_huodong(
    matcher: QuestionMatcher, text: str, feature: str | None
) -> None:
    verdict = matcher.understand(text, SATURDAY)
    assert verdict.feature == feature
    if feature is None:
        assert verdict.kind is Kind.NONE


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("night school有python课吗", "python"),
        ("夜校有excel课吗", "excel"),
        ("有没有photoshop班", "photoshop"),
    ],
)
def test_a_subject_typed_in_english_is_the_courses(
    matcher: QuestionMatcher, text: str, hint: str
) -> None:
    verdict = matcher.understand(text, SATURDAY)
    assert (verdict.kind, verdict.feature, verdict.course_hint) == (Kind.FEATURE, "course", hint)


@pytest.mark.parametrize(
    ("text", "faq_id"),
    [
        ("book个studio 周末乐队排练", "room_booking"),
        ("想book一下活动室 礼拜六开会", "room_booking"),
        ("my landlord won't give back my deposit, can someone there help me?", "legal_aid_how"),
        ("房东赶我走 押金也不退 你们能帮帮我吗", "legal_aid_how"),
        ("老板两个月工资没发 有人能帮忙伐", "legal_aid_how"),
        ("你们中心电话多少", "phones"),
        ("开车去1690有地方停吗", "parking"),
    ],
)
def test_entries_reached(matcher: QuestionMatcher, text: str, faq_id: str) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, faq_id)


@pytest.mark.parametrize(
    "text",
    [
        "宽带坏了打哪个电话",
        "有线电视没信号了打啥电话",
        "my broadband is down, what number do I call?",
        "小区里的固定车位哪能租",
        "小区地下车位怎么租",
        "where can I rent a monthly parking space",
        "房东不退押金 我告他能赢吗",  # the odds of a case: a lawyer's to weigh
        "I want to complain about my landlord",
    ],
)
def test_not_ours_is_not_answered(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, THURSDAY).kind is Kind.NONE
