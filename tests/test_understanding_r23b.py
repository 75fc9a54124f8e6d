"""Round twenty-three (dev78's failures by class): a fault or a kindness of ours told with no
complaint or praise word is feedback; a personal case only staff can put right, told as a
situation, is handed to a person (no answer, looks like a question); the same things asked stay
questions; the estate's rubbish room is not ours; today told as a grievance does not hide an
unresolved "next time" / 月头上. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher

THURSDAY = date(2026, 11, 5)
TUESDAY = date(2027, 3, 16)


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


@pytest.mark.parametrize(
    "text",
    [
        "食堂的菜越来越淡 一点味道也没有",
        "阅览室空调冷得来 坐一歇歇就要披衣裳",
        "卫生站挂号的那个人不耐烦得很",
        "窗口叫号的喇叭听不清",
        "活动室的椅子好几个是坏的",
        "十二点不到去食堂 鱼已经没了",
        "The gym speakers are so loud nobody can talk.",
        "During the talk in the event space the projector kept cutting out.",
        "The canteen soup is getting saltier and saltier.",
    ],
)
def test_a_fault_told_without_complaint_words_is_feedback(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, TUESDAY)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "feedback")


@pytest.mark.parametrize(
    "text",
    [
        "窗口讲好礼拜一打电话给我 到现在没消息",
        "老年助餐登记了一个月了 还没人来联系",
        "报了合唱班 今天去上课名单上没我",
        "健身卡充了两趟 被多扣了120块 好退伐",
        "I reserved the activity room for Friday but never got a confirmation.",
        "The gym charged me full price though I'm over 60.",
        "Turned up for my booking in the studio and someone else was using it.",
    ],
)
def test_a_personal_case_told_is_handed_to_a_person(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TUESDAY)
    assert verdict.kind in (Kind.NONE, Kind.SUGGEST)
    assert verdict.looks_like_question


@pytest.mark.parametrize(
    "text", ["跑步机修好了伐", "is the treadmill working today?", "食堂今天有啥菜", "今天食堂开伐"]
)
def test_the_same_things_asked_are_no_feedback(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TUESDAY)
    assert verdict.feature != "feedback"


@pytest.mark.parametrize(
    "text",
    [
        "垃圾房那个志愿者阿姨凶得来 我就是没分清楚",
        "小区垃圾分类那个阿姨凶得来",
        "楼上邻居夜里吵得来",
    ],
)
def test_the_estates_business_is_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, THURSDAY).kind is Kind.NONE


@pytest.mark.parametrize(
    "text",
    ["下趟来律师在伐 今朝排了半天没轮到", "下次来卫生站开伐 今天排了老半天", "月头上健身房几点开"],
)
def test_a_grievance_today_does_not_hide_the_day_unresolved(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, THURSDAY).kind is Kind.CLARIFY_DAY


def test_tomorrow_after_a_grievance_today_is_tomorrow(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("今天去了人太多 明天健身房开伐", THURSDAY)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (date(2026, 11, 6),)
