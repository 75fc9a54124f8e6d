"""Round twenty-six, session sixteen (dev97's failures by class: people who write after
something went wrong, the day after the National Day break): a break just ended told as the
story's; waiting until a clock time is no visit to come; a weekday's rule told ("mondays are
off") is no day asked; a fault reproached with a question that wants no answer is feedback;
praise in a set phrase; a promise not kept (a call back, a cancelled lesson made up) is for a
person; a class's sign-up as a title ("yoga class sign up"); today's day with whether it is
worked; the breaks left in the year. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

TODAY = date(2026, 10, 8)  # a Thursday, the first working day after the National Day break
TOMORROW = date(2026, 10, 9)
SATURDAY = date(2026, 10, 10)  # the make-up working Saturday


DAYS = [
    # a break just ended, told in a clause of its own: the story's
    ("国庆我天天来排队 礼拜六健身房开伐", "gym", SATURDAY),
    ("礼拜六健身房开伐 国庆我天天来排队", "gym", SATURDAY),
    ("明朝卫生站开吗？国庆七天一直关着 药都吃完了", "health_station", TOMORROW),
    ("is the canteen open on saturday? national day was a disaster", "canteen", SATURDAY),
    # waited until a clock time: how long one waited, not a later visit
    ("我等到十点照相馆还关着 明天几点开", "photo_studio", TOMORROW),
    ("等到九点半门还没开 卫生站今天到底几点开", "health_station", TODAY),
    # a weekday's rule told, not asked
    ("is the gym open on friday? nobody told me sundays are closed", "gym", TOMORROW),
    ("can I use the reading room tomorrow? I heard mondays are always off", "activity_rooms",
     TOMORROW),
    ("明天食堂开吗 原来礼拜一休息的", "canteen", TOMORROW),
]  # fmt: skip


@pytest.mark.parametrize(("text", "venue", "day"), DAYS)
def test_day_asked(matcher: QuestionMatcher, text: str, venue: str, day: date) -> None:
    verdict = matcher.understand(text, TODAY)
    assert verdict.kind is Kind.HOURS, verdict
    assert verdict.venue_ids == (venue,), verdict
    assert verdict.days == (day,), verdict


STILL_ASKED = [
    "国庆食堂开吗",  # gone by, or next year's?
    "明天食堂开吗 国庆",  # the break listed beside the day, asked too
    "星期天食堂开门吗 国庆开吗",
    "明天照相馆开吗 礼拜一休息吗",  # the rule asked, a second day
    "等天凉快点去健身房 几点开门",  # a visit to come, not a clock time
]


@pytest.mark.parametrize("text", STILL_ASKED)
def test_still_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, TODAY).kind is Kind.CLARIFY_DAY


def test_rule_asked_is_a_day(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("are mondays off at the gym", TODAY)
    assert verdict.kind is Kind.HOURS, verdict
    assert verdict.days == (date(2026, 10, 12),), verdict


FEEDBACK = [
    "食堂的面条太咸了 你们能不能上点心",
    "卫生站配药等了两个多钟头 你们不晓得老人站不动伐",
    "健身房的器材坏了一个月 就这样？",
    "well done to the canteen team, lunch today was lovely",
    "great work on the new activity room, the best thing the centre has done",
]


@pytest.mark.parametrize("text", FEEDBACK)
def test_feedback(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TODAY)
    assert verdict.kind is Kind.FEATURE, verdict
    assert verdict.feature == "feedback", verdict


NOT_FEEDBACK = [
    ("能不能上点心 食堂几点开", Kind.HOURS),  # a reproach, no fault told: the hours asked
    ("食堂能不能认真点 几点开门", Kind.HOURS),
]


@pytest.mark.parametrize(("text", "kind"), NOT_FEEDBACK)
def test_not_feedback(matcher: QuestionMatcher, text: str, kind: Kind) -> None:
    assert matcher.understand(text, TODAY).kind is kind


FOR_A_PERSON = [
    "上礼拜答应回我电话 到现在还没打来",
    "停掉的那堂书法课什么时候补",
    "they promised to call me back last week and nobody has",
    "will the cancelled pottery class be made up?",
]


@pytest.mark.parametrize("text", FOR_A_PERSON)
def test_for_a_person(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TODAY)
    assert verdict.kind is Kind.NONE, verdict
    assert verdict.looks_like_question, verdict


def test_refund_of_a_cancelled_class_stays_the_fees(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("夜校课被取消了学费能退吗", TODAY)
    assert verdict.kind is Kind.FAQ, verdict
    assert verdict.faq_id == "night_school_fees", verdict


COURSES = [
    ("tai chi class registration", "tai chi"),
    ("calligraphy course enrolment", "calligraphy"),
    ("pottery class signup?", "pottery"),
    ("太极班报名", "太极"),
    ("书法课 报名?", "书法"),
]


@pytest.mark.parametrize(("text", "hint"), COURSES)
def test_class_sign_up_as_a_title(matcher: QuestionMatcher, text: str, hint: str) -> None:
    verdict = matcher.understand(text, TODAY)
    assert verdict.kind is Kind.FEATURE, verdict
    assert verdict.feature == "course", verdict
    assert verdict.course_hint == hint, verdict


@pytest.mark.parametrize("text", ["night school sign up", "class sign up", "夜校报名"])
def test_sign_up_without_a_class_stays_the_faq(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TODAY)
    assert verdict.kind is Kind.FAQ, verdict
    assert verdict.faq_id == "night_school_signup", verdict


@pytest.mark.parametrize(
    "text",
    [
        "今朝礼拜几 上不上班",
        "今天几号 是工作日吗",
        "what day is it today? working day or holiday?",
    ],
)
def test_today_and_whether_worked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, TODAY).kind is Kind.TODAY


def test_today_then_hours_is_the_hours(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("今天星期几 食堂开吗", TODAY)
    assert verdict.kind is Kind.HOURS, verdict
    assert verdict.days == (TODAY,), verdict


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("今年还剩哪些长假", 2026),
        ("any public holidays left this year?", 2026),
        ("明年还有哪些假", 2027),
    ],
)
def test_breaks_left(matcher: QuestionMatcher, text: str, year: int) -> None:
    verdict = matcher.understand(text, TODAY)
    assert verdict.kind is Kind.HOLIDAYS, verdict
    assert verdict.year == year, verdict
