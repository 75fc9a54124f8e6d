"""Round seventeen, FAQ entries asked in other words (dev39, dev38): each class fixed, in words
other than the sets'."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher

WEDNESDAY = date(2026, 4, 29)  # dev39's reference


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


@pytest.mark.parametrize(
    ("text", "faq_id"),
    [
        # money handed over in other words (掏钱, 付钞票, 交多少)
        ("我七十二了 去你们那拍张证件照要掏钱伐", "photo_services"),
        ("你们那边打印要付钞票伐", "printing"),
        ("夜校的课一学期交多少", "night_school_fees"),
        # the e-bike and the car put down (摆车子, 小电驴)
        ("我骑电驴过来 停在什么地方好", "parking"),
        ("车子摆在你们门口可以伐", "parking"),
        # one copy of a paper (复个印, 印一份)
        ("户口本要复个印 哪里能弄", "printing"),
        ("合同想印一份带走 你们那能印吗", "printing"),
        # a class by another name (学习班)
        ("你们那个学习班一学期学费多少", "night_school_fees"),
        # keeping fit in other words (练身体)
        ("想去你们那练练身体 要办什么卡", "gym_card"),
        # forgotten somewhere (忘记在, 忘那)
        ("我的伞忘那了 你们有人捡到吗", "lost_found"),
        ("钥匙好像忘记在你们服务台了", "lost_found"),
        # what a neighbour said is hearsay, no business next door
        ("隔壁阿姨讲你们那里可以免费量血压 是真的伐", "health_services"),
        ("听隔壁说你们那能打印 几毛一张", "printing"),
    ],
)
def test_an_faq_entry_asked_in_other_words(
    matcher: QuestionMatcher, text: str, faq_id: str
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, faq_id), verdict


@pytest.mark.parametrize(
    "text",
    [
        "食堂隔壁那家面馆要付钞票伐",  # a business next door stays not ours
        "隔壁讲银行几点开门",
        "驾校培训班多少钱",  # another school's class and fees
        "驾校学习班一期交多少",
    ],
)
def test_not_ours_whatever_the_new_words(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, WEDNESDAY).kind is Kind.NONE


@pytest.mark.parametrize(
    "text", ["下班后想学些东西 去哪里报名", "夜校的学习班怎么报名", "晚上的学习班在哪里报名"]
)
def test_learning_something_unnamed_is_the_sign_up(matcher: QuestionMatcher, text: str) -> None:
    """ "学点东西", "学习班" name no course: they were read as courses "点东西", "习班"."""
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, "night_school_signup"), verdict


@pytest.mark.parametrize(
    "text",
    [
        "My uncle has always wanted to learn to paint, is there anything for beginners at the "
        "night school?",
        "Grandpa would like to learn to draw, anything for complete beginners at the night school?",
    ],
)
def test_learn_to_names_the_course(matcher: QuestionMatcher, text: str) -> None:
    """ "learn to paint" gave the course "to paint", no course's name."""
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.feature == "course", verdict
    assert not (verdict.course_hint or "").startswith("to "), verdict


@pytest.mark.parametrize(
    ("text", "venue_id"),
    [
        ("Where is the health station in the building? My father got lost there last time.",
         "health_station"),
        ("which floor is the photo studio on? grandma always gets lost", "photo_studio"),
    ],
)  # fmt: skip
def test_a_person_who_gets_lost_is_no_lost_property(
    matcher: QuestionMatcher, text: str, venue_id: str
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.venue_ids) == (Kind.VENUE, (venue_id,)), verdict


def test_a_thing_lost_is_still_lost_property(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("I lost my scarf at the canteen, is it kept somewhere?", WEDNESDAY)
    assert verdict.faq_id == "lost_found", verdict


@pytest.mark.parametrize(
    ("text", "faq_id"),
    [
        ("is there a charge for the fitness room at changfeng bay?", "gym_card"),
        ("what do I need to start using your exercise room, is there a membership fee?",
         "gym_card"),
        ("党群大楼坐几号线过去", "address_1690"),
        ("云岭东路那个驿站 地铁哪个口出来近", "address_changfeng"),
        ("what's the nearest metro to the party-masses station by the park?",
         "address_changfeng"),
        ("which metro line goes to your community hub on guangfu road?", "address_1690"),
    ],
)  # fmt: skip
def test_a_site_or_the_gym_by_other_names(matcher: QuestionMatcher, text: str, faq_id: str) -> None:
    """The longest phrase is read first: "party-masses station" is Changfeng Bay, not the
    1690 centre's "party masses"; "workout room" is the gym, not a room to book."""
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, faq_id), verdict


@pytest.mark.parametrize(
    "text", ["我想找个固定的医生给我看看 你们那能签吗", "老人能不能在你们那签个医生"]
)
def test_a_family_doctor_in_other_words(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, "health_services"), verdict
