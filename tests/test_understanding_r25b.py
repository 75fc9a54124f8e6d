"""Round twenty-five, session fifteen (spent18's failures by class): a day of its own that is
itself a make-up working day ("情人节补班那天") is that day, not the break's other one; the
break told as over ("过完年", "放完假") is the side of a make-up day; a weekday counted from a
festival told as past ("过了元宵节第一个礼拜六") is that date. Dates injected, never the real
one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher

BEFORE_SPRING = date(2026, 2, 10)  # 春节 break 02-15..02-23; make-up Sat 02-14 and Sat 02-28
BEFORE_MAY_DAY = date(2026, 4, 28)  # 五一 break 05-01..05-05; make-up Sat 05-09


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


# (text, today, venue, the day asked)
DAYS_READ = [
    # a festival's own day that is itself a make-up working day is that day
    ("情人节要补班的那天照相馆开不开", BEFORE_SPRING, "photo_studio", date(2026, 2, 14)),
    ("情人节调休上班那天健身房几点开", BEFORE_SPRING, "gym", date(2026, 2, 14)),
    # the break told as over is the side of the make-up day
    ("过完年补班那天卫生站开伐", BEFORE_SPRING, "health_station", date(2026, 2, 28)),
    ("放完假调休上班那个礼拜六窗口开吗", BEFORE_SPRING, "service_window", date(2026, 2, 28)),
    ("过了年补班那个周六照相馆开门伐", BEFORE_SPRING, "photo_studio", date(2026, 2, 28)),
    ("放完假补班那天食堂开吗", BEFORE_MAY_DAY, "canteen", date(2026, 5, 9)),
    # a weekday counted from a festival told as past
    ("过了元宵第一个星期天食堂开吗", BEFORE_SPRING, "canteen", date(2026, 3, 8)),
    ("等过了元宵节头一个礼拜二照相馆开伐", BEFORE_SPRING, "photo_studio", date(2026, 3, 10)),
    # the next make-up day is the calendar's next (09-20 gone by; next: Sat 10-10)
    (
        "上礼拜天我来办过事，下次补班那天窗口开伐",
        date(2026, 9, 22),
        "service_window",
        date(2026, 10, 10),
    ),
    ("下个补班的礼拜六照相馆开伐", date(2026, 9, 22), "photo_studio", date(2026, 10, 10)),
    ("is the gym open on the next make-up day?", date(2026, 9, 22), "gym", date(2026, 10, 10)),
    ("next make-up saturday is the canteen open", date(2026, 9, 22), "canteen", date(2026, 10, 10)),
]


@pytest.mark.parametrize(("text", "today", "venue", "day"), DAYS_READ)
def test_the_day_said_is_read(
    matcher: QuestionMatcher, text: str, today: date, venue: str, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert (verdict.kind, verdict.venue_ids, verdict.days) == (Kind.HOURS, (venue,), (day,))


@pytest.mark.parametrize("text", ["过了元宵第一天食堂开吗", "过了元宵节找一天去照相馆 开伐"])
def test_after_a_festival_with_no_weekday_is_still_asked(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, BEFORE_SPRING).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "faq"),
    [
        # someone who knows the law, a quarrel about a repair taken to them
        ("楼下吵架的事想找个懂法的人问问 收费伐", "legal_aid_how"),
        ("装修漏水的纠纷想找懂法律的问问要钱吗", "legal_aid_how"),
        # a chair or pram pushed, and whether it gets upstairs
        ("我爸推车的，上得去伐", "accessibility"),
        ("婴儿车能推上去吗", "accessibility"),
        # Shanghainese 号头: a number to ring
        ("给我个号头，我打过去问问", "phones"),
        # a journey from the railway station to us
        ("从火车站出来坐啥车到1690", "address_1690"),
        # the gym called by its machines
        ("跑步机那个地方要办什么卡", "gym_card"),
    ],
)
def test_faq_entries_asked_in_other_words(matcher: QuestionMatcher, text: str, faq: str) -> None:
    verdict = matcher.understand(text, BEFORE_SPRING)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == faq


@pytest.mark.parametrize(
    "text", ["跑步机上每天跑多久能瘦十斤", "火车票哪里买", "家里漏水找谁修", "在健身房练多久会瘦"]
)
def test_the_same_words_not_ours_stay_unanswered(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, BEFORE_SPRING).kind not in (Kind.FAQ, Kind.HOURS, Kind.VENUE)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("小孩学画画的班有伐", "绘画"),
        ("退休的人学书法的课有吗", "书法"),
        ("有没有老年人学英语的课", "英语"),
    ],
)
def test_a_class_for_whom_is_its_subject(matcher: QuestionMatcher, text: str, hint: str) -> None:
    verdict = matcher.understand(text, BEFORE_SPRING)
    assert (verdict.kind, verdict.feature, verdict.course_hint) == (Kind.FEATURE, "course", hint)


@pytest.mark.parametrize(
    "text", ["how do i sign up for the after-work classes", "下班后的课怎么报名"]
)
def test_the_after_work_classes_are_the_night_school(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, BEFORE_SPRING)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, "night_school_signup")


@pytest.mark.parametrize(
    "text",
    [
        "is my room booking confirmed yet?",
        "I put in a studio reservation on Monday, has it been approved?",
        "申请的送餐批下来了伐",
        "上礼拜预约的活动室确认了没",
    ],
)
def test_whether_ones_own_booking_went_through_is_for_a_person(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, BEFORE_SPRING)
    assert verdict.kind in (Kind.NONE, Kind.SUGGEST)
    assert verdict.looks_like_question


@pytest.mark.parametrize("text", ["过年有什么忌讳", "压岁钱给多少合适", "初一早上吃什么有讲究"])
def test_customs_and_family_money_are_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, BEFORE_SPRING).kind in (Kind.NONE, Kind.SUGGEST)


@pytest.mark.parametrize("text", ["剪窗花的活动在哪报名", "猜灯谜是哪天", "包汤圆的活动怎么报名"])
def test_an_event_named_by_its_doing_is_the_events(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, BEFORE_SPRING)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "events")


@pytest.mark.parametrize("text", ["建议健身房多开几个小时", "建议春节食堂能开几天"])
def test_a_suggestion_of_a_few_more_is_feedback(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, BEFORE_SPRING)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "feedback")


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("下次调休上班的礼拜天健身房开吗", date(2026, 9, 22)),  # no make-up Sunday near
        ("下次补班那天食堂开吗", date(2026, 12, 2)),  # 2027's arrangement not published
    ],
)
def test_no_next_make_up_day_known_is_asked(
    matcher: QuestionMatcher, text: str, today: date
) -> None:
    assert matcher.understand(text, today).kind is Kind.CLARIFY_DAY


WEDNESDAY_IN_OCTOBER = date(2026, 10, 7)  # the week's rest: Wed 10-07 .. Sun 10-11


@pytest.mark.parametrize(
    "text",
    [
        "健身房这周安排",
        "照相馆这个礼拜的开放时间",
        "gym hours this week",
        "this week's schedule at the gym",
    ],
)
def test_this_weeks_timetable_is_each_day_left_of_it(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY_IN_OCTOBER)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == tuple(date(2026, 10, d) for d in range(7, 12))


@pytest.mark.parametrize("text", ["opening hours plz", "opening times pls"])
def test_text_speak_please_is_a_courtesy(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, WEDNESDAY_IN_OCTOBER).kind is Kind.OVERVIEW


THURSDAY_EVENING = date(2026, 11, 5)  # next week: Mon 11-09 .. Sun 11-15
NEXT_WEEK = tuple(date(2026, 11, d) for d in range(9, 16))


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("下周工作日健身房几点开", NEXT_WEEK[:5]),
        ("next week weekdays is the gym open", NEXT_WEEK[:5]),
        ("weekdays this week gym hours", (date(2026, 11, 5), date(2026, 11, 6))),
        ("which days next week is the gym open", NEXT_WEEK),
        ("下礼拜卫生站哪几天开", NEXT_WEEK),
    ],
)
def test_the_days_of_a_week_asked_are_its_days(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, THURSDAY_EVENING)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, days)


@pytest.mark.parametrize(
    ("text", "hint"),
    [("any pottery classes at night school?", "pottery"), ("夜校书法还有名额吗", "书法")],
)
def test_a_subject_asked_of_the_night_school_is_a_course(
    matcher: QuestionMatcher, text: str, hint: str
) -> None:
    verdict = matcher.understand(text, THURSDAY_EVENING)
    assert (verdict.kind, verdict.feature, verdict.course_hint) == (Kind.FEATURE, "course", hint)


def test_wages_owed_told_in_english_are_legal_aid(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand(
        "company owes me three months wages, lawyer free?", THURSDAY_EVENING
    )
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, "legal_aid_how")


def test_a_driving_licence_is_not_ours(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("how to get a driving licence in shanghai", THURSDAY_EVENING)
    assert verdict.kind not in (Kind.FAQ, Kind.HOURS, Kind.VENUE)


@pytest.mark.parametrize(
    "text", ["健身卡能开发票吗 公司报销", "can i get an invoice for the gym card"]
)
def test_an_invoice_is_for_a_person(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, THURSDAY_EVENING)
    assert verdict.kind in (Kind.NONE, Kind.SUGGEST)
    assert verdict.looks_like_question


@pytest.mark.parametrize(
    "text",
    ["gym music really loud tonight, couldn't hear my trainer", "琴房隔音不好 隔壁说话都听得见"],
)
def test_a_fault_told_by_its_degree_is_feedback(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, THURSDAY_EVENING)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "feedback")
