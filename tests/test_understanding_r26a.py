"""Round twenty-six (session sixteen, spent14's failures by class): office workers and younger
residents. The gym by its slang, look-alike typos of a venue's characters, the net asked bare, a
call weighed against queueing, today asked with one's own work told after it, the way a sign-up
is made, a service of ours signed up for, stars given, one's own sign-ups, events for whom, a
price asked as 什么价位, training advice, things a place may have, the whole place hired, a room
used for pay. New wordings, not the set's; dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

WEDNESDAY = date(2026, 11, 11)
THURSDAY, FRIDAY, SATURDAY = (date(2026, 11, d) for d in (12, 13, 14))


@pytest.mark.parametrize(
    ("text", "venue", "day"),
    [
        # the gym by its regulars' slang for lifting weights
        ("明天下班去撸铁 几点关门", "gym", THURSDAY),
        ("礼拜五晚上还能举铁伐", "gym", FRIDAY),
        # a look-alike character (形近字) for one of a venue's own
        ("周六律帅来不来", "legal_aid", SATURDAY),
        ("后天法律咨询的律帅在吗", "legal_aid", FRIDAY),
    ],
)
def test_a_venue_by_slang_or_look_alike_typo_with_its_day(
    matcher: QuestionMatcher, text: str, venue: str, day: date
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    ("text", "faq_id"),
    [
        # the net asked bare, with how to get on it
        ("中心的网咋连", "wifi"),
        ("你们这里网连不上 怎么回事", "wifi"),
        # a call weighed against queueing or walking in: how to be seen
        ("律师那边直接去就行 还是要先打个电话", "legal_aid_how"),
        ("咨询律师得排号吗 还是打电话约", "legal_aid_how"),
        # the way a sign-up is made is no course subject
        ("can i register for night school online", "night_school_signup"),
        ("how do i enrol for evening classes by phone", "night_school_signup"),
        # a service of one of our places signed up for
        ("can i sign up for a family doctor at the centre", "health_services"),
        # a price asked as 什么价位 / 什么价钱
        ("食堂什么价钱", "canteen_prices"),
        ("一荤两素什么价位", "canteen_prices"),
    ],
)
def test_entries_in_residents_words(matcher: QuestionMatcher, text: str, faq_id: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == faq_id


@pytest.mark.parametrize(
    "text", ["今天几号啊 加班加得头都昏了", "今天星期几 工作忙晕了", "what day is it today lol"]
)
def test_today_asked_with_ones_own_work_told_after(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, WEDNESDAY).kind is Kind.TODAY


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("giving you guys five stars", "feedback"),
        ("给食堂打五星", "feedback"),
        ("五星好评 驿站真不错", "feedback"),
        ("have i enrolled in any course yet", "myclasses"),
        ("did i sign up for a class already?", "myclasses"),
        ("有没有给上班族的周末活动", "events"),
        ("有没有适合带小孩参加的亲子活动", "events"),
    ],
)
def test_requests_for_a_feature(matcher: QuestionMatcher, text: str, feature: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == feature


def test_a_subject_signed_up_for_online_keeps_its_subject(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("can i sign up for yoga online", WEDNESDAY)
    assert verdict.kind is Kind.FEATURE
    assert verdict.course_hint == "yoga"


@pytest.mark.parametrize(
    "text",
    [
        # a thing the place may have that its entry does not tell (an entry of several rooms)
        "活动室有没有白板",
        "健身房有毛巾吗 还是要自己带",
        "does the canteen have chopsticks or should i bring my own",
        # the whole place hired for a party of one's own
        "食堂能包场吗 部门想聚个餐",
        "can we hire out the whole canteen for a party",
        # a room of ours used to earn money
        "琴房能不能用来收费教学生",
        "can i book the studio for a commercial shoot",
    ],
)
def test_for_a_person_not_an_entry(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind in (Kind.NONE, Kind.SUGGEST)
    assert verdict.looks_like_question


@pytest.mark.parametrize(
    ("text", "faq_id"),
    [("会客厅能不能包场", "room_booking"), ("琴房怎么预约", "room_booking")],
)
def test_our_rooms_booked_whole_are_their_booking(
    matcher: QuestionMatcher, text: str, faq_id: str
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == faq_id


@pytest.mark.parametrize(
    "text",
    ["深蹲重量一直加不上去怎么破", "my bench press is stuck at 60kg, any tips", "增肌吃什么好"],
)
def test_training_advice_is_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, WEDNESDAY).kind is Kind.NONE


@pytest.mark.parametrize("text", ["天津师范大学在哪", "教练帅不帅"])
def test_look_alikes_only_beside_the_alias(matcher: QuestionMatcher, text: str) -> None:
    assert "legal_aid" not in matcher.understand(text, WEDNESDAY).venue_ids
