"""Round twenty-eight (session nineteen), tuner g: spent27's failures by class.

- Shopping days named by their name, not their date ("光棍节", "singles' day", "double
  eleven", "black friday" / "黑五"): their own day (11-11; the day after Thanksgiving), never
  today's hours nor the coming Friday (a confident answer for another day).
- A change of one's own dose ("要不要自己加一粒药", "能不能少吃半片") or the upper/lower
  figure said ("高压一百六"): a doctor's advice, no entry of the health station's.
- The way to one place named, not ours ("去长风公园怎么走", "how do I get to changfeng
  park"): not our address entry, though the place shares our site's name.
- Where a place is, the resident not having found it last time ("我上次没找到"): its card.
- A fault by degree with a plea to mend it ("the queue is way too long, please do something"):
  feedback, not the canteen's prices.
- Today's date asked with the clock's place or moment ("what's the date in Shanghai right
  now", "上海现在几号"): today, told from the clock.
- A competition, show or talk signed up for ("我要报名象棋比赛", "书法比赛 哪里报名"): events,
  not a course.
- The subject said before a kind of class ("越剧有兴趣班吗", "书法有培训班伐"): the subject is
  the course's hint, not "兴趣" or "书法有".
- Before an evening's festival, its own date said beside it ("12月31号健身房开到几点 想跨年前去
  练一练"): earlier that day, the date asked (not the days before it, asked).
- From where a class is signed up for ("an evening class from abroad"): no part of the
  subject; the night school's sign-up entry.
- A child brought along or let in ("我孙子十二岁 能跟我一起进健身房伐"): when the entry found
  says nothing of children, a person answers (ask), not the gym card's entry.

Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

NOVEMBER_5 = date(2026, 11, 5)  # a Thursday, no break at hand
AUGUST_3 = date(2027, 8, 3)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("Is the canteen open on Singles' Day?", NOVEMBER_5, date(2026, 11, 11)),
        ("光棍节食堂开吗", NOVEMBER_5, date(2026, 11, 11)),
        ("gym open on double eleven?", NOVEMBER_5, date(2026, 11, 11)),
        ("is the service window open on singles day", AUGUST_3, date(2027, 11, 11)),
        ("is the canteen open on Black Friday", NOVEMBER_5, date(2026, 11, 27)),
        ("黑五健身房开吗", NOVEMBER_5, date(2026, 11, 27)),
        ("黑色星期五食堂开门吗", AUGUST_3, date(2027, 11, 26)),
    ],
)  # fmt: skip
def test_shopping_days_named_by_their_name_are_their_own_day(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    "text",
    [
        "血压药今天要不要自己减半片",
        "我血压高压一百六 要不要自己加一粒药",
    ],
)
def test_a_change_of_ones_own_dose_is_not_answered(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, NOVEMBER_5)
    assert verdict.kind not in (Kind.FAQ, Kind.HOURS, Kind.VENUE)


@pytest.mark.parametrize(
    "text",
    ["去长风公园怎么走", "去长风公园坐几路车", "长风公园怎么过去 坐什么车"],
)
def test_the_way_to_a_place_not_ours_is_not_our_address(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, NOVEMBER_5).kind is Kind.NONE


@pytest.mark.parametrize(
    "text",
    [
        "怎么去长风湾驿站",
        "去长风公园站坐几路车 我要去驿站",
        "how do I get to changfeng bay station",
    ],
)
def test_the_way_to_ours_stays_our_address(  # a guard: passes before and after
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, NOVEMBER_5).faq_id == "address_changfeng"


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("照相馆在哪个房间啊 我上次没找到", "photo_studio"),
        ("阅览室在哪 昨天没找到", "activity_rooms"),
    ],
)
def test_where_a_place_is_not_found_last_time_is_its_card(
    matcher: QuestionMatcher, text: str, venue: str
) -> None:
    verdict = matcher.understand(text, NOVEMBER_5)
    assert verdict.kind is Kind.VENUE
    assert verdict.venue_ids == (venue,)


@pytest.mark.parametrize(
    "text",
    [
        "The canteen queue at lunch is way too long, please do something",
        "the gym is far too crowded in the evenings, can you do something",
        "the wait at the health station is much too long, could you please do something",
    ],
)
def test_a_fault_by_degree_with_a_plea_is_feedback(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, NOVEMBER_5)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "feedback")


@pytest.mark.parametrize(
    "text",
    [
        "What's the date in Shanghai right now?",
        "what's the date now",
        "what day is it in shanghai at the moment",
        "现在几号",
        "上海现在几号",
        "你们那边今天礼拜几",
    ],
)
def test_todays_date_asked_with_the_clocks_place_or_moment(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, NOVEMBER_5).kind is Kind.TODAY


@pytest.mark.parametrize(
    "text", ["我要报名象棋比赛", "书法比赛 哪里报名", "我想报名参加合唱比赛 哪里报"]
)
def test_a_competition_signed_up_for_is_an_event(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, NOVEMBER_5)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "events")


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("越剧有兴趣班吗", "越剧"),
        ("越剧有兴趣班吗 年轻时候就喜欢唱", "越剧"),
        ("国画有兴趣班伐 退休了想学", "国画"),
        ("书法有培训班伐", "书法"),
    ],
)
def test_the_subject_said_before_a_kind_of_class_is_the_hint(
    matcher: QuestionMatcher, text: str, hint: str
) -> None:
    verdict = matcher.understand(text, NOVEMBER_5)
    assert (verdict.feature, verdict.course_hint) == ("course", hint)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("12月31号健身房开到几点 想跨年前去练一练", date(2026, 12, 31)),
        ("健身房12月31号开吗 跨年前想去", date(2026, 12, 31)),
        ("12月24号食堂开吗 平安夜前想去吃", date(2026, 12, 24)),
    ],
)
def test_before_an_evenings_festival_with_its_date_is_that_date(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, NOVEMBER_5)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize("text", ["跨年前健身房开吗", "12月30号健身房开吗 跨年前想去"])
def test_before_an_evenings_festival_alone_is_still_asked(  # a guard: passes before and after
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, NOVEMBER_5).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text",
    [
        "How do I enrol my mother in an evening class from abroad?",
    ],
)
def test_an_evening_class_signed_up_for_from_abroad_is_the_sign_up_entry(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, NOVEMBER_5).faq_id == "night_school_signup"


def test_from_abroad_is_no_part_of_the_course_hint(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("how do I register my mum for yoga class from abroad", NOVEMBER_5)
    assert verdict.course_hint is not None
    assert "abroad" not in verdict.course_hint


@pytest.mark.parametrize(
    "text",
    [
        "我孙子十二岁 能跟我一起进健身房伐",
        "能带孙子一起去健身房吗",
        "小孩子可以进健身房伐",
        "can my 10-year-old grandson come to the gym with me",
    ],
)
def test_a_child_brought_along_is_a_persons_answer(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, NOVEMBER_5)
    assert verdict.kind in (Kind.NONE, Kind.SUGGEST)
    assert verdict.looks_like_question
    assert verdict.faq_id is None
