"""Round twenty-six, session sixteen (dev100's failures by class): a Taiwan or home-return permit
lost and the hourly rate of the park's car park are not ours; Cantonese 嗰 (that), 边 (which)
and 放几日; 女神节 is Women's Day; a festival's weekday told in English ("falls on a Sunday this
year"); someone's leaving "after that" and a visit's length are the story's; a dish asked for a
festival on an ordinary weekday is the menu; relatives coming from a place or helped are no
gossip; homework done at our rooms is no homework asked about. Dates injected, never the real
one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

TODAY = date(2026, 2, 24)  # a Tuesday, the first working day after the Spring Festival break


NOT_OURS = [
    "回鄉證喺度唔見咗 點樣補辦",
    "签证丢了怎么办",
    "my daughter lost her home return permit, how to replace it",
    "I lost my Taiwan compatriot permit, how do I replace it",
    "what's the hourly rate at the Changfeng Park car park",
    "长风公园停车场几块钱一小时",
    "长风公园停车场收费标准",
]


@pytest.mark.parametrize("text", NOT_OURS)
def test_not_ours(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TODAY)
    assert verdict.kind not in (Kind.FAQ, Kind.HOURS, Kind.OVERVIEW), verdict


FAQS = [
    # whether the park's car park is paid, or what it costs said plainly: our parking entry
    ("长风公园停车场收费吗", "parking"),
    ("长风公园停车多少钱", "parking"),
    ("居住证丢了怎么补办", "window_services"),
    # relatives coming from a place, or helped, are no gossip
    ("家里亲戚从四川过来 居住证在你们这里能办吗", "window_services"),
    ("亲戚们从苏州过来打工 居住证你们能办吗", "window_services"),
    # a dish asked for a festival on an ordinary weekday: the menu
    ("冬至食堂有汤圆卖吗", "canteen_menu"),
    ("元宵食堂有没有汤圆卖", "canteen_menu"),
    # a visit's length is no day
    ("my in-laws are staying for three weeks — can they use the gym? do they need a card?",
     "gym_card"),
    ("my mum is here for a few days, does she need a gym card", "gym_card"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "faq"), FAQS)
def test_faq(matcher: QuestionMatcher, text: str, faq: str) -> None:
    verdict = matcher.understand(text, TODAY)
    assert verdict.kind is Kind.FAQ, verdict
    assert verdict.faq_id == faq, verdict


DAYS = [
    # 女神节, Women's Day
    ("女神节那天照相馆开吗", "photo_studio", ["2026-03-08"]),
    # a festival's own weekday told in English
    ("Lantern Festival is a Tuesday this year, is the health station open?", "health_station",
     ["2026-03-03"]),
    ("Women's Day lands on a Sunday — is the photo studio open then?", "photo_studio",
     ["2026-03-08"]),
    ("Women's Day is Sunday this year, is the gym open?", "gym", ["2026-03-08"]),
    # someone's leaving after the day asked: the story's
    ("is the canteen open on the 28th? my son flies home right after that", "canteen",
     ["2026-02-28"]),
    ("Gym on Lantern Festival? my aunt goes back to Melbourne after that", "gym", ["2026-03-03"]),
    # a festival on a holiday, a dish asked: still its hours (dev37)
    ("端午食堂有没有粽子卖的", "canteen", ["2026-06-19"]),
    # relatives told, a helper's errand told after the question
    ("亲戚们从苏州过来 食堂周六开吗", "canteen", ["2026-02-28"]),
    ("周六补班那天窗口上午开吗 要陪亲戚办居住证", "service_window", ["2026-02-28"]),
    # homework done at our rooms
    ("活动室明天开吗 孙子要来做暑假作业", "activity_rooms", ["2026-02-25"]),
    ("明后两天阅览室开吗 女儿想去写寒假作业", "activity_rooms", ["2026-02-25", "2026-02-26"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "venue", "days"), DAYS)
def test_days(matcher: QuestionMatcher, text: str, venue: str, days: list[str]) -> None:
    verdict = matcher.understand(text, TODAY)
    assert verdict.kind is Kind.HOURS, verdict
    assert list(verdict.venue_ids) == [venue]
    assert [str(d) for d in verdict.days] == days


ASKED = [
    "畢業嗰日健身房開唔開",  # 嗰日: that day, which the resident must name
    "嗰日阅览室开不开",
    "那日阅览室开不开",
    "Lantern Festival is on a Wednesday, is the canteen open?",  # not its weekday
    "is the gym open saturday? and the one after that?",
]


@pytest.mark.parametrize("text", ASKED)
def test_asked(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TODAY)
    assert verdict.kind is Kind.CLARIFY_DAY, verdict


@pytest.mark.parametrize("text", ["我報咗邊幾個班", "我报了哪几节课", "我報咗邊幾堂課"])
def test_my_classes(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TODAY)
    assert verdict.kind is Kind.FEATURE, verdict
    assert verdict.feature == "myclasses", verdict


@pytest.mark.parametrize("text", ["五一放幾日", "今年中秋放几日"])
def test_days_off(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TODAY)
    assert verdict.kind is Kind.HOLIDAYS, verdict


@pytest.mark.parametrize("text", ["寒假作业怎么写", "夜校Python课的作业怎么写"])
def test_homework_not_ours(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TODAY)
    assert verdict.kind not in (Kind.FAQ, Kind.HOURS, Kind.OVERVIEW), verdict


@pytest.mark.parametrize(
    ("text", "standard"),
    [
        ("路边几家店", "路边几家店"),
        ("河边几点开", "河边几点开"),
        ("嗰度有冇廁所", "那里有没有厕所"),
    ],
)
def test_cantonese_words(text: str, standard: str) -> None:
    from bot.understanding.normalise import normalise

    assert normalise(text) == standard
