"""Round twenty-eight (session nineteen), dev108's failures by class: the neighbour a question is
relayed for, named ("my neighbour Mrs Chen"), is no member of staff asked after; one's own first
holiday told beside the festival named ("first holiday here") is the story, not a day asked; "my
night school sign-ups" are one's own classes; a fault of one of ours passed on ("麻烦转告一下",
"please pass it on") is feedback, a symptom it caused included; an entry's question whole by
itself, then a plan told after it ("健身卡怎么办？…想元旦以后去练", "how much is a night class?
we want to sign up in the new year") is the entry. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

DEC_30 = date(2026, 12, 30)  # Wed; 元旦 Fri 2027-01-01
SEP_27 = date(2027, 9, 27)  # Mon; National Day Fri 2027-10-01
MAY_6 = date(2027, 5, 6)  # Thu, an ordinary week


@pytest.mark.parametrize(
    ("text", "venue", "day"),
    [
        ("Hi, relaying for my neighbour Mrs Chen — is the legal aid desk open this afternoon?",
         "legal_aid", DEC_30),
        ("my neighbor Mr Wang who can't read small print: is the canteen open tomorrow?",
         "canteen", date(2026, 12, 31)),
        ("asking on behalf of Mrs Li, is the health station open on friday", "health_station",
         date(2027, 1, 1)),
        ("for my neighbour, Mrs Li: is the health station open on friday", "health_station",
         date(2027, 1, 1)),
        ("the lady next door Mrs Zhou would like to know if the gym is open today", "gym", DEC_30),
    ],
)  # fmt: skip
def test_the_neighbour_relayed_for_is_no_staff_member(
    matcher: QuestionMatcher, text: str, venue: str, day: date
) -> None:
    verdict = matcher.understand(text, DEC_30)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    ("text", "today", "kind", "day"),
    [
        ("New Year's Day — which places are open? New to Shanghai, first holiday here.", DEC_30,
         Kind.OVERVIEW, date(2027, 1, 1)),
        ("canteen on new year's day? my first holiday in china", DEC_30, Kind.HOURS,
         date(2027, 1, 1)),
        ("is the gym open on national day? our first holiday in shanghai", SEP_27, Kind.HOURS,
         date(2027, 10, 1)),
        ("which venues are open on new year's day, it's our first holiday abroad", DEC_30,
         Kind.OVERVIEW, date(2027, 1, 1)),
    ],
)  # fmt: skip
def test_ones_own_first_holiday_beside_the_festival_is_the_story(
    matcher: QuestionMatcher, text: str, today: date, kind: Kind, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is kind
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    "text",
    [
        "can you check my night school sign-ups? not sure the yoga one went through",
        "please look at my evening class sign-ups, I think I did two",
        "what's in my night-school enrolments",
        "my class sign-ups please",
    ],
)
def test_my_night_school_sign_ups_are_my_classes(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, MAY_6)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "myclasses"


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("楼里几个老人反映三楼活动室暖气开得太热了，麻烦转告一下", "activity_rooms"),
        ("楼里几个老人说活动室暖气开得太热了，闷得头晕，麻烦转告一下", "activity_rooms"),
        ("the activity room is way too hot, the old folks got dizzy, please pass it on",
         "activity_rooms"),
        ("the gym is freezing, my knees ache after every session, pass this on to whoever runs it",
         "gym"),
        ("健身房空调太冷 练完腰疼 帮阿拉带个话", "gym"),
    ],
)  # fmt: skip
def test_a_fault_of_ours_passed_on_is_feedback(
    matcher: QuestionMatcher, text: str, venue: str
) -> None:
    verdict = matcher.understand(text, MAY_6)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "feedback"
    assert verdict.venue_ids == (venue,)


@pytest.mark.parametrize(
    ("text", "today", "faq"),
    [
        ("健身卡怎么办？我们公司几个同事想元旦以后一起去练", DEC_30, "gym_card"),
        ("健身卡怎么办？几个邻居打算下礼拜开始练", DEC_30, "gym_card"),
        ("健身卡怎么办？下个月开始练", MAY_6, "gym_card"),
        ("how do I get a gym card? we want to start training after new year's day", DEC_30,
         "gym_card"),
        ("How much is a night class per term? Several of us want to sign up in the new year.",
         DEC_30, "night_school_fees"),
        ("what do the evening classes cost? a few colleagues want to join after the holiday",
         SEP_27, "night_school_fees"),
        ("What courses does the night school offer? Looking for something to do in the new year.",
         DEC_30, "night_school_signup"),
        ("夜校有哪些课？想新年找点事做", DEC_30, "night_school_signup"),
        ("how much are the evening classes? my wife and I want to enrol next month", MAY_6,
         "night_school_fees"),
    ],
)  # fmt: skip
def test_an_entrys_question_then_a_plan_told_is_the_entry(
    matcher: QuestionMatcher, text: str, today: date, faq: str
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == faq
