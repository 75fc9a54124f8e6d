"""Round thirty, a second reader (r4) of the last reader's fixes. An emergency is now kept over a
question asked after it, so a sign said not to be the case ("我不是急症，就问问…", "他不是昏迷",
"不用叫救护车", "it's not an emergency") lost the question's answer: a denied sign is no
emergency (a question about one still is: 是不是中风了, 要不要叫救护车). "he isn't breathing" was
no emergency at all. The next holiday's plans are not its date, but its arrangement and its
length are ("下个假期的安排出来了吗", "下个假期计划出来没", "下个假期玩几天"). In a
conversation with staff, a resident telling that 120 was called or the ambulance came is not
told to call 120. Dates injected."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.concerns import Concern, help_called, is_emergency
from bot.understanding.matcher import Kind, QuestionMatcher
from bot.understanding.normalise import normalise

THU = date(2026, 12, 3)
FRI = date(2026, 12, 4)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("我这不是急症，只想问问卫生站明天开不开", FRI),
        ("老头子没有昏迷，就是犯困，卫生站明天几点开门", FRI),
        ("用不着叫救护车，卫生站今天有人吗", THU),
        ("not an emergency, just wondering if the clinic is open tomorrow", FRI),
    ],
)
def test_a_sign_said_not_to_be_the_case_keeps_the_question(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, THU)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    "text",
    [
        "我妈是不是中风了",
        "家里老人有没有中毒啊",
        "需不需要叫救护车，他晕倒了",
        "我爸昏迷了，卫生站今天开吗",
        "爷爷还没有呼吸",
        "grandpa isn't breathing",
        "my mum stopped breathing",
    ],
)
def test_a_question_about_a_sign_is_still_one(text: str) -> None:
    assert is_emergency(normalise(text))


def test_a_denied_sign_before_a_real_one_is_still_one(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("不是开玩笑，我爸晕倒了，卫生站今天开吗", THU)
    assert verdict.concern is Concern.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "下一个假期的放假安排公布了没",
        "下个小长假计划出来了吗",
        "下个长假总共玩几天",
        "下个假期能玩多久",
    ],
)
def test_the_next_breaks_arrangement_and_length_are_its_date(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, THU).kind is Kind.HOLIDAYS


@pytest.mark.parametrize("text", ["下个长假计划去云南转转", "下个假期计划回老家看看"])
def test_the_next_breaks_plans_stay_plans(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, THU).kind is not Kind.HOLIDAYS


@pytest.mark.parametrize(
    ("text", "called"),
    [
        ("120已经打过了，救护车在路上", True),
        ("刚叫了救护车，谢谢你们", True),
        ("the paramedics are here now, thank you", True),
        ("打了120一直占线，我妈晕倒了", False),
        ("we can't get through to 120, he collapsed", False),
        ("要不要叫救护车", False),
        ("should we call an ambulance", False),
    ],
)
def test_help_already_called(text: str, called: bool) -> None:
    assert help_called(normalise(text)) is called


@pytest.mark.parametrize("text", ["中秋活动要报名吗", "那个活动要报名吧", "书法要报名伐"])
def test_a_particle_is_no_courses_name(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, THU)
    assert verdict.course_hint in (None, "", "书法")
