"""Round nineteen, requests told as a situation without their words (dev64): each class fixed,
in words other than the set's and the probes' (eval/handwritten_dev67_probes.yaml)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher, Understanding

WEDNESDAY = date(2026, 11, 4)  # the probes' reference, an ordinary working week


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


def _verdict(matcher: QuestionMatcher, text: str) -> Understanding:
    return matcher.understand(text, WEDNESDAY)


def _feature(matcher: QuestionMatcher, text: str) -> str | None:
    verdict = _verdict(matcher, text)
    return verdict.feature if verdict.kind is Kind.FEATURE else None


@pytest.mark.parametrize(
    "text",
    [
        "年纪大了脑子要动动 想学点剪纸 窗花那种",
        "儿子叫我去学学太极 你们这里有伐",
        "I'd like to take up something artistic at the weekends",
    ],
)
def test_a_wish_to_learn_told_as_a_situation_opens_the_classes(
    matcher: QuestionMatcher, text: str
) -> None:
    """A wish to learn, with or without its subject, is the classes, not the sign-up entry."""
    assert _feature(matcher, text) == "course"


def test_a_wish_to_learn_with_how_to_enrol_stays_the_sign_up_entry(
    matcher: QuestionMatcher,
) -> None:
    """ "想学点东西 去哪里报名" asks how to enrol: the night school's sign-up entry answers."""
    verdict = _verdict(matcher, "周末想学点东西 去哪里报名")
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "night_school_signup"


@pytest.mark.parametrize(
    "text",
    [
        "排骨一次比一次咸 麻烦跟大厨讲讲少放点盐",
        "我觉得健身房可以晚点关 下班过去只能练半个钟头",
        "上个月的敬老活动办得蛮成功的 谢谢侬",
        "Just wanted to let you know the lift at the centre has been beeping all week",
        "The canteen is too noisy at lunch, maybe you could put some music on instead?",
    ],
)
def test_an_opinion_or_suggestion_told_as_a_story_is_feedback(
    matcher: QuestionMatcher, text: str
) -> None:
    """Praise, a complaint or a suggestion without its words is the feedback form."""
    assert _feature(matcher, text) == "feedback"


@pytest.mark.parametrize(
    "text",
    [
        "我外婆的课是礼拜几上的 她老是记不牢",
        "报了两门课 实在吃不消 想退掉一门",
        "报的那个班下个月上不了了 帮我撤掉吧",
        "The Friday class clashes with my new job, how can I quit it?",
        "could you show me what I'm enrolled in, I lost track",
    ],
)
def test_ones_own_or_a_relatives_classes_in_other_words(
    matcher: QuestionMatcher, text: str
) -> None:
    """A relative's class day, one class of several dropped, a sign-up withdrawn: /myclasses."""
    assert _feature(matcher, text) == "myclasses"


@pytest.mark.parametrize(
    "text",
    [
        "有没有什么能让我外公周末出门转转的 他天天在家看电视",
        "Does the centre host anything like that? My dad misses his bridge club",
        "Is anything planned for the winter solstice?",
    ],
)
def test_something_for_someone_to_do_is_the_events(matcher: QuestionMatcher, text: str) -> None:
    """Something for a relative to get out to, or a day's doings asked: the events."""
    assert _feature(matcher, text) == "events"


@pytest.mark.parametrize(
    "text",
    [
        "上个月交了四百块学费 付款成功了 老师讲没收到",
        "预约的拍照 今天一看预约不见了",
        "给你们发过邮件问场地 一直没人回",
        "饭卡充错了 能退吗",
        "I was billed 150 yuan twice for the knitting course",
        "my reservation for the studio vanished overnight",
    ],
)
def test_a_problem_only_staff_can_settle_gets_no_answer(
    matcher: QuestionMatcher, text: str
) -> None:
    """Money not received, a booking gone, a message unanswered: no answer, a person offered."""
    verdict = _verdict(matcher, text)
    assert verdict.kind in (Kind.NONE, Kind.SUGGEST)
    assert verdict.looks_like_question


@pytest.mark.parametrize(
    "text",
    ["银行卡被扣了两次钱 银行说查不到", "小区物业的保安态度很差 希望以后注意点"],
)
def test_look_alikes_of_other_institutions_stay_unanswered(
    matcher: QuestionMatcher, text: str
) -> None:
    """A bank's double charge or the property company's guard is not ours."""
    assert _verdict(matcher, text).kind is Kind.NONE
