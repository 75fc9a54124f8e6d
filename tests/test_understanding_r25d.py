"""Round twenty-five (session fifteen, dev90's failures by class): a statutory break that has
just ended, asked in the past tense ("开的伐", "开了没", "was it open"), is this year's gone-by
break; its tense unclear, the day is asked rather than guessed as next year's. Dates injected,
never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher

AFTER_MAY_DAY = date(2026, 5, 12)  # Tuesday; the May Day break 05-01..05-05 just over
MAY_BREAK = tuple(date(2026, 5, d) for d in range(1, 6))


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("五一放假期间健身房是开的伐", MAY_BREAK),
        ("Was the gym open during the May Day holiday?", MAY_BREAK),
        ("劳动节那天照相馆开了没 我想去拍照片忘记了", (date(2026, 5, 1),)),
    ],
)
def test_a_break_just_gone_by_asked_in_the_past(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, AFTER_MAY_DAY)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == days


@pytest.mark.parametrize("text", ["五一健身房开吗", "劳动节那天照相馆开不开"])
def test_a_break_just_gone_by_tense_unclear_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, AFTER_MAY_DAY).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "day"),
    [("五一刚过 明天食堂开吗", date(2026, 5, 13)), ("明年五一食堂开吗", date(2027, 5, 1))],
)
def test_the_break_told_over_or_a_year_said_is_not_asked(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    assert matcher.understand(text, AFTER_MAY_DAY).days == (day,)


AUTUMN = date(2026, 10, 15)  # Thursday, three days before 重阳


@pytest.mark.parametrize(
    "text",
    [
        "胃药饭前吃几片",
        "How many pills of my blood pressure medicine should I take a day?",
        "打好新冠疫苗能吃老酒伐",
        "门诊医保好报多少",
        "养老金每个月发多少",
        "冬天吃点啥补补",
        "宜川路街道这个月有啥讲座",
    ],
)
def test_advice_and_other_offices_figures_are_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, AUTUMN).kind is Kind.NONE


@pytest.mark.parametrize(
    ("text", "faq_id"),
    [
        ("能打流感疫苗吗", "health_services"),
        ("看病要带医保卡吗", "health_services"),
        ("医保在哪里办", "window_services"),
        ("高龄津贴哪能申请", "window_services"),
        ("食堂冬天有啥菜", "canteen_menu"),
        ("社保卡补办要多少钱", "window_services"),  # the card is the window's, not a rate
    ],
)
def test_our_own_answers_on_those_topics_stay(
    matcher: QuestionMatcher, text: str, faq_id: str
) -> None:
    verdict = matcher.understand(text, AUTUMN)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == faq_id


def _days(*pairs: tuple[int, int]) -> tuple[date, ...]:
    return tuple(date(2026, month, day) for month, day in pairs)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("三个礼拜以后那个礼拜二健身房开伐", _days((11, 3))),  # the week of today + 21
        ("重阳节过完那个礼拜三照相馆开伐", _days((10, 21))),  # 重阳 is Sunday 10-18
        ("月底最后一个礼拜五食堂开伐", _days((10, 30))),
        ("下个月第一天照相馆开吗", _days((11, 1))),
        ("今朝搭明朝健身房开伐", _days((10, 15), (10, 16))),  # 搭 = and
        ("冬至搭伊后头一天食堂开伐", _days((12, 22), (12, 23))),
        ("下个礼拜卫生站哪几天开", _days(*((10, d) for d in range(19, 26)))),
    ],
)
def test_day_words_as_elderly_residents_say_them(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, AUTUMN)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == days


@pytest.mark.parametrize(
    "text",
    ["重阳节有百家宴伐", "今年长寿宴我们好参加伐", "中心敬老活动有没有量血压的", "敬老活动有伐"],
)
def test_the_old_peoples_feasts_and_doings_are_events(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, AUTUMN)
    assert verdict.feature == "events"


@pytest.mark.parametrize(
    ("text", "hint"),
    [("八段金有得学伐", "八段金"), ("国画班有的学吗", "国画"), ("剪纸有得学伐 我想学", "剪纸")],
)
def test_a_subject_asked_as_to_learn_is_a_course(
    matcher: QuestionMatcher, text: str, hint: str
) -> None:
    verdict = matcher.understand(text, AUTUMN)
    assert verdict.feature == "course"
    assert verdict.course_hint == hint


def test_the_place_asked_as_to_learn_is_no_course(matcher: QuestionMatcher) -> None:
    assert matcher.understand("你们那里有得学伐", AUTUMN).feature != "course"


@pytest.mark.parametrize(
    "text",
    [
        "食堂的青菜烧得太烂了 能不能烧得脆一点",
        "卫生站护士讲话太轻 我听不清 下次好不好响一点",
        "活动室空调太冷 好不好调高一点",
    ],
)
def test_a_fault_told_with_a_wish_is_feedback(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, AUTUMN).feature == "feedback"


@pytest.mark.parametrize(
    "text", ["约个时间见见你们主任好伐 有点事体要商量", "我想跟领导当面谈谈 好约个时间伐"]
)
def test_a_meeting_with_the_person_in_charge_is_a_persons(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, AUTUMN)
    assert verdict.kind is Kind.NONE
    assert verdict.looks_like_question


@pytest.mark.parametrize(("text", "faq_id"), [("律师好预约伐", "legal_aid_how")])
def test_an_appointment_with_our_services_stays_their_answer(
    matcher: QuestionMatcher, text: str, faq_id: str
) -> None:
    assert matcher.understand(text, AUTUMN).faq_id == faq_id


@pytest.mark.parametrize(
    ("text", "faq_id"),
    [
        ("健身卡怎么办 我儿子会帮我弄", "gym_card"),
        ("夜校怎么报名 女儿讲好帮我报", "night_school_signup"),
    ],
)
def test_kin_helping_is_no_favour_asked_of_us(
    matcher: QuestionMatcher, text: str, faq_id: str
) -> None:
    assert matcher.understand(text, AUTUMN).faq_id == faq_id


def test_a_favour_asked_of_us_stays_one(matcher: QuestionMatcher) -> None:
    assert matcher.understand("能不能帮我换个灯泡", AUTUMN).kind is Kind.NONE


def test_the_first_and_fifteenth_kept_as_a_habit_leave_the_day_asked(
    matcher: QuestionMatcher,
) -> None:
    verdict = matcher.understand("明天食堂开吗 我初一月半要吃素", AUTUMN)
    assert verdict.days == (date(2026, 10, 16),)


def test_the_first_and_fifteenth_alone_are_asked(matcher: QuestionMatcher) -> None:
    assert matcher.understand("初一十五照相馆开伐", AUTUMN).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text", ["中秋节过完那个礼拜六食堂开伐", "过了中秋节第一个礼拜天健身房开吗"]
)
def test_a_weekday_after_a_festival_just_gone_is_asked(matcher: QuestionMatcher, text: str) -> None:
    # 中秋 2026-09-25, three weeks gone: that week's Saturday or next year's? Asked.
    assert matcher.understand(text, AUTUMN).kind is Kind.CLARIFY_DAY
