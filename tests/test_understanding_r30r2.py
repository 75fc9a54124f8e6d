"""Round thirty (session twenty-one), second reader r2: the scope and request rules of the round
read on sentences nobody tuned on. A check-up or a dinner signed up for again is no class, and
another class named after the wish is that class; a doctor's word told ("医生讲可以停药了") is
no medicine asked; late told of a bus is no fault of ours; a consumer body named as a threat
beside our people complained of is still feedback; the station's other names and ours in
English beside a clinic of another name keep our health station; a gym card's registration is
not a class's; an exam prepared for beside a class wished is no exam signed up for. Dates
injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

DEC_3 = date(2026, 12, 3)  # Thursday, a working day


@pytest.mark.parametrize(
    "text",
    [
        "去年报了体检 今年还想再报",  # the health station's, not a class
        "报过一次年夜饭 今年还要报",  # the canteen's dinner
    ],
)  # fmt: skip
def test_something_not_taught_signed_up_again_is_no_class(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, DEC_3)
    assert verdict.feature != "course"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("上学期报了剪纸 这学期还想报国画", "国画"),
        ("上回报过瑜伽 这回还想报书法班", "书法"),
        ("以前报过摄影的 后来搬家停掉了 这次还想再报", "摄影"),
        ("我报过三期合唱 还想接着报", "合唱"),
    ],
)  # fmt: skip
def test_the_class_signed_up_for_is_the_one_named_last(
    matcher: QuestionMatcher, text: str, hint: str
) -> None:
    verdict = matcher.understand(text, DEC_3)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "course")
    assert hint in (verdict.course_hint or "")


@pytest.mark.parametrize(
    ("text", "venue", "day"),
    [
        ("医生讲可以停药了 卫生站礼拜六开伐", "health_station", date(2026, 12, 5)),
        ("降压药医生说可以停掉了 卫生站明天几点开", "health_station", date(2026, 12, 4)),
        ("the 71 bus was late two times, is the gym open tomorrow", "gym", date(2026, 12, 4)),
        ("my grandson was late again, is the library open tomorrow", "activity_rooms",
         date(2026, 12, 4)),
        ("I used to go to Parkway Clinic, is your health station open tomorrow",
         "health_station", date(2026, 12, 4)),
    ],
)  # fmt: skip
def test_a_story_told_beside_our_hours_keeps_them(
    matcher: QuestionMatcher, text: str, venue: str, day: date
) -> None:
    verdict = matcher.understand(text, DEC_3)
    assert verdict.kind is Kind.HOURS
    assert venue in verdict.venue_ids
    assert day in verdict.days


@pytest.mark.parametrize(
    "text",
    [
        "医务室是不是诊所 下午开吗",
        "看病的地方算诊所伐 明天开伐",
        "Afternoon Clinic open tomorrow?",
    ],
)  # fmt: skip
def test_our_station_by_its_other_names_is_ours(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, DEC_3)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == ("health_station",) or list(verdict.venue_ids) == ["health_station"]


@pytest.mark.parametrize(
    "text",
    [
        "食堂阿姨态度太差了 我要打12315告她们",
        "你们老师上课老是迟到 我要去消协投诉",
    ],
)  # fmt: skip
def test_ours_complained_of_beside_a_consumer_body_is_feedback(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, DEC_3)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "feedback")


@pytest.mark.parametrize(
    "text",
    [
        "淘宝上的卖家不肯退钱 12315打不通 怎么办",  # still another body's
        "Does Huashan Clinic open on Sunday?",
        "嘉会诊所下午几点关门",
    ],
)  # fmt: skip
def test_out_of_scope_look_alikes_stay_unanswered(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, DEC_3)
    assert verdict.kind is Kind.NONE


def test_a_gym_cards_registration_is_no_class(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand(
        "could you check whether my gym card registration went through", DEC_3
    )
    assert verdict.feature != "myclasses"


def test_an_exam_prepared_for_beside_a_class_wished_is_a_class(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("想学点英语 为了考试 有没有课", DEC_3)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "course")


def test_a_clinic_near_us_is_still_another(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("Is Huashan Clinic next to your centre open on Sunday", DEC_3)
    assert verdict.kind is Kind.NONE


def test_a_wish_denied_takes_no_subject_from_the_story(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("老伴天天在练书法 我不要学 还有啥别的课可以报", DEC_3)
    assert "书法" not in (verdict.course_hint or "")
