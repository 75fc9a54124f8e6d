"""Round thirty (session twenty-one), hunter e: feature requests told the way outsiders tell
them (dev120). A class taken before and signed up for again ("之前报过瑜伽 还想再报") is a
sign-up, not one's own classes; the subject named in a story, then a bare wish to learn and
whether one can sign up ("楼下的人在打太极…也想学 能报吗"); a wish told for someone, then a
reason, then where to sign up ("孙女让我学剪纸，说…，哪里报名"); a subject that is only ever a
class and whether places are left, no class word ("太极拳还有名额没有"); Shanghainese 个 for 的,
one's own class asked ("阿拉报个课程是啥辰光上"); an event's contents asked ("元旦活动具体有哪
些", "i heard there's a talk, what is it about?"); a class's registration asked to be checked,
or what one was signed up for by someone else, in English; "one of your classes" names no
subject, and trying a class is joining it; an exam or a race signed up for is
another body's, never a class of ours; 太机, 活懂, 瑜珈 typed by their sound. Near-misses that
must not become requests stay as they were. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

NOV_18 = date(2026, 11, 18)  # Wednesday, a working day


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("去年报过书法班 今年还想再报", "书法"),
        ("上学期报的那个剪纸班上完了 想接着报名", "剪纸"),
        ("我老伴上回报过太极 这次还要报", "太极"),
        ("邻居天天在小区里练八段锦 我看着也想学 你们这边能报名吗", "八段锦"),
        ("看孙女画国画 我也想学，哪里报名", "国画"),
        ("儿子叫我去学英语，说出国旅游用得着，怎么报", "英语"),
        ("二胡还有名额吗", "二胡"),
        ("瑜伽现在还有空位伐", "瑜伽"),
        ("太机班还收人吗", "太极"),
        ("瑜珈课有伐", "瑜伽"),
    ],
)  # fmt: skip
def test_a_sign_up_told_indirectly_is_the_course(
    matcher: QuestionMatcher, text: str, hint: str
) -> None:
    verdict = matcher.understand(text, NOV_18)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "course")
    assert hint in (verdict.course_hint or "")


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("我们报个太极班是礼拜几上", "myclasses"),
        ("阿拉报个书法班是几点", "myclasses"),
        ("could you check whether my pottery sign-up went through", "myclasses"),
        ("please check if her enrolment was successful", "myclasses"),
        ("重阳节活动具体有什么内容", "events"),
        ("元旦的活动都有哪些", "events"),
        ("最近有啥活懂", "events"),
        ("我的书法课下礼拜还上吗", "myclasses"),
        ("我报的那个班明天还有伐", "myclasses"),
        ("食堂的菜一顿比一顿咸", "feedback"),
        ("the yoga teacher was late again two times this month, not good enough", "feedback"),
        ("saw there will be a party at the centre, can anyone come?", "events"),
        ("I heard there's a workshop on Saturday, who can join?", "events"),
        ("my son registered me for a class but I forget which", "myclasses"),
        ("Grandpa says you signed him up for something, which one was it?", "myclasses"),
    ],
)  # fmt: skip
def test_own_classes_and_events_asked_indirectly(
    matcher: QuestionMatcher, text: str, feature: str
) -> None:
    verdict = matcher.understand(text, NOV_18)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, feature)


@pytest.mark.parametrize(
    "text",
    [
        "sign me up for the city marathon",
        "register me for the IELTS test",
        "我想报名考雅思",
        "医生让我学游泳，说对腰好，哪里报名",
        "小区搞的活动有哪些",
        "超市优惠活动有哪些",
        "I heard there's a problem with the heating at home",
        "heard there's a concert at the stadium, when is it?",
    ],
)  # fmt: skip
def test_another_bodys_sign_up_or_event_is_not_answered(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, NOV_18)
    assert verdict.kind in (Kind.NONE, Kind.SUGGEST)


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("我想报个太极班", Kind.FEATURE, "course"),  # a wish, not one's own class
        ("我报过的瑜伽课几点上", Kind.FEATURE, "myclasses"),  # one's own, no wish again
        ("之前报过夜校 还想再报 怎么报", Kind.FAQ, "night_school_signup"),  # no subject
        ("也想学 哪里报名", Kind.FAQ, "night_school_signup"),  # no subject in a story
        ("体检还有名额吗", Kind.FAQ, "health_services"),  # not a class
        ("停车场还有空位吗", Kind.FAQ, "parking"),
        ("could you check whether my room booking went through", Kind.FAQ, "room_booking"),
        ("my son registered me for a class, how much is it", Kind.FAQ, "night_school_signup"),
        ("can I try the gym for free", Kind.FAQ, "gym_card"),  # a place tried, no class
    ],
)  # fmt: skip
def test_near_misses_keep_their_reading(
    matcher: QuestionMatcher, text: str, kind: Kind, expected: str
) -> None:
    verdict = matcher.understand(text, NOV_18)
    assert verdict.kind is kind
    assert expected in (verdict.feature, verdict.faq_id)


def test_learnt_again_then_a_day_asked_is_no_sign_up(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("学过一期摄影 今年还想再学 礼拜六有课吗", NOV_18)
    assert verdict.feature != "course"


def test_a_hurry_is_no_tai_chi(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("太急了 食堂几点关门", NOV_18)
    assert (verdict.kind, verdict.venue_ids) == (Kind.HOURS, ("canteen",))


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("I want to join one of your classes", None),
        ("I'd love to try one of your watercolour classes", "watercolour"),
        ("could my dad sign up for one of the chess courses", "chess"),
        ("I'd like to try a yoga class before paying", "yoga"),
    ],
)  # fmt: skip
def test_which_of_ours_is_no_subject(matcher: QuestionMatcher, text: str, hint: str | None) -> None:
    verdict = matcher.understand(text, NOV_18)
    assert (verdict.kind, verdict.feature, verdict.course_hint) == (Kind.FEATURE, "course", hint)


def test_food_tried_is_no_class(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("I want to try the soup", NOV_18)
    assert verdict.feature != "course"


@pytest.mark.parametrize(
    "text",
    [
        "食堂饭菜一天比一天便宜吗",  # asked, no fault told
        "the bus was late three times",  # not ours
        "is the gym open late tonight",  # its hours
    ],
)  # fmt: skip
def test_no_fault_of_ours_is_no_feedback(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, NOV_18)
    assert verdict.feature != "feedback"
