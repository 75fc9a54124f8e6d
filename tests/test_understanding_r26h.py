"""Round twenty-six, session sixteen (dev96's failures by class): an allowance's amount with an
age in it and another place's parking are not ours; a figure day said bare at the head ("618食堂
开吗") is that date; a place's name alone in pinyin is answered in the asker's English; "week
end" in two words, "saturday of this week"; one's own name with a title told is no member of
staff asked for; a day told as worked "because of" a break; a break's length told beside it;
two guesses at today's weekday; the time asked with one's own clock told after; the papers one
holds told after the question; a question passed on to one of our people. Dates injected, never
the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

TODAY = date(2026, 5, 6)  # a Wednesday, the first working day after the May Day break


NOT_OURS = [
    "高龄津贴90岁以上一个月发多少",
    "老年津贴80岁每个月多少钱",
    "我在中山医院停车要钱吗",
    "百联商场地下车库几点关门",
    "how much is parking at the IKEA mall",
]


@pytest.mark.parametrize("text", NOT_OURS)
def test_not_ours(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TODAY)
    assert verdict.kind not in (Kind.FAQ, Kind.HOURS, Kind.OVERVIEW), verdict


OURS_STILL = [
    ("停车收费吗", "parking"),
    ("how much is parking", "parking"),
    ("长风公园停车多少钱", "parking"),  # the park our own answer sends drivers to
    ("how do I get a gym card? I've got a passport", "gym_card"),
    ("健身卡怎么办 我有居住证", "gym_card"),
    ("can I sign up for night school? I only have a passport", "night_school_signup"),
]


@pytest.mark.parametrize(("text", "faq"), OURS_STILL)
def test_faq_kept(matcher: QuestionMatcher, text: str, faq: str) -> None:
    verdict = matcher.understand(text, TODAY)
    assert verdict.kind is Kind.FAQ, verdict
    assert verdict.faq_id == faq, verdict


DAYS = [
    # a figure day said bare at the head of the question
    ("618食堂开吗", "canteen", ["2026-06-18"]),
    ("520 健身房几点关", "gym", ["2026-05-20"]),
    # "week end" in two words, "saturday of this week"
    ("is the gym open this week end", "gym", ["2026-05-09", "2026-05-10"]),
    ("canteen hours this week-end please", "canteen", ["2026-05-09", "2026-05-10"]),
    ("please, the gym, it is open on sunday of this week?", "gym", ["2026-05-10"]),
    # one's own name told with a title
    ("My name is Mrs. Zhang. Is the canteen open on Friday?", "canteen", ["2026-05-08"]),
    ("This is Mr. Li, is the gym open tomorrow?", "gym", ["2026-05-07"]),
    # a day told as worked because of a break: the break is the reason
    ("is the canteen open this saturday? its a working day because of may day", "canteen",
     ["2026-05-09"]),
    ("gym open saturday?? someone said it's a work day due to the labour day holiday", "gym",
     ["2026-05-09"]),
    # a break's length told beside it
    ("mid-autumn holiday, three days off, is the canteen open", "canteen",
     ["2026-09-25", "2026-09-26", "2026-09-27"]),
    ("端午放三天对吧 健身房那几天开吗", "gym", ["2026-06-19", "2026-06-20", "2026-06-21"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "venue", "days"), DAYS)
def test_days(matcher: QuestionMatcher, text: str, venue: str, days: list[str]) -> None:
    verdict = matcher.understand(text, TODAY)
    assert verdict.kind is Kind.HOURS, verdict
    assert list(verdict.venue_ids) == [venue]
    assert [str(d) for d in verdict.days] == days


def test_figure_day_overview(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("618哪些地方开门", TODAY)
    assert verdict.kind is Kind.OVERVIEW
    assert [str(d) for d in verdict.days] == ["2026-06-18"]


@pytest.mark.parametrize("text", ["520元的课贵吗", "520路公交到中心吗", "1212室在哪"])
def test_figure_with_unit_no_day(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TODAY)
    assert date(2026, 5, 20) not in verdict.days
    assert date(2026, 12, 12) not in verdict.days


STILL_ASKED = [
    "is the gym open 3 days after dragon boat festival",
    "is dr wang in on friday",
]


@pytest.mark.parametrize("text", STILL_ASKED)
def test_not_answered(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TODAY)
    assert verdict.kind is not Kind.HOURS, verdict


@pytest.mark.parametrize(
    ("text", "lang"),
    [("jianshenfang?", "en"), ("shitang", "en"), ("shitang mingtian kai ma", "zh")],
)
def test_pinyin_language(matcher: QuestionMatcher, text: str, lang: str) -> None:
    verdict = matcher.understand(text, TODAY)
    assert verdict.kind in (Kind.VENUE, Kind.HOURS), verdict
    assert verdict.lang == lang, verdict


CLOCK = [
    ("what day is it? tuesday or wednesday?", Kind.TODAY),
    ("今天礼拜几 礼拜三还是礼拜四 玩得昏头了", Kind.TODAY),
    ("what time is it in shanghai right now? my watch is on london time", Kind.TIME),
    ("what time is it now, i am still jet lagged", Kind.TIME),
    ("现在几点 我手机还是泰国时间", Kind.TIME),
]


@pytest.mark.parametrize(("text", "kind"), CLOCK)
def test_clock(matcher: QuestionMatcher, text: str, kind: Kind) -> None:
    assert matcher.understand(text, TODAY).kind is kind


def test_clock_aside_with_a_question(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand(
        "what time is it now in shanghai, my phone wont charge where can i charge it", TODAY
    )
    assert verdict.kind is not Kind.TIME


PASSED_ON = [
    "替我问问卫生站医生 明天能不能量血压",
    "帮我问一下健身房教练 礼拜六可以带朋友来吗",
    "could you ask the yoga teacher whether I can bring a friend on friday",
    "can you ask the lawyer if I need to bring my contract",
]


@pytest.mark.parametrize("text", PASSED_ON)
def test_passed_on_to_a_person(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TODAY)
    assert verdict.kind in (Kind.NONE, Kind.SUGGEST), verdict
    assert verdict.looks_like_question, verdict


def test_asked_of_us_without_a_person(matcher: QuestionMatcher) -> None:
    assert matcher.understand("帮我问下 食堂明天几点开", TODAY).kind is Kind.HOURS
