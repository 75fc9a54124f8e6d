"""Round twenty-six, session sixteen (spent16's failures by class): thanks for a deed of ours
and a suggestion's box are feedback; one's own next class or any sign-up of one's own is
/myclasses; a subject wished to learn with where to sign up is the course; an events calendar
is /events; a case of one's own whose state is asked is for a person; a house number on a road
is the address; a thing left "丢在" a place of ours is lost property; the opening "情况" of a
day is that day's overview. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

TODAY = date(2026, 11, 18)  # a Wednesday


FEATURES = [
    # thanks for a deed of ours, nothing asked (the family helped is no other owner's)
    ("感谢卫生站的护士 昨天陪我妈等了一个钟头", "feedback"),
    ("多谢你们的工作人员 帮我爸把表格填好了", "feedback"),
    ("thanks to your volunteers who helped my dad carry his shopping home", "feedback"),
    ("a big thank you to the staff who looked after my daughter", "feedback"),
    # where a suggestion goes, or an idea told for one of ours
    ("有意见箱吗", "feedback"),
    ("意见簿放在哪里", "feedback"),
    ("where is the suggestion box", "feedback"),
    ("I have a suggestion for the canteen", "feedback"),
    # one's own next class, or any sign-up of one's own
    ("when's my next lesson", "myclasses"),
    ("remind me what time my class is", "myclasses"),
    ("am I registered for any classes", "myclasses"),
    ("我这学期报过什么没有", "myclasses"),
    # an events calendar asked by name
    ("这个月的活动表", "events"),
    ("events calendar for december", "events"),
    ("is there a calendar of events", "events"),
]


@pytest.mark.parametrize(("text", "feature"), FEATURES)
def test_the_request_is_the_features(matcher: QuestionMatcher, text: str, feature: str) -> None:
    verdict = matcher.understand(text, TODAY)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, feature)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("想学书法 怎么报名", "书法"),
        ("我想学国画 去哪里报", "国画"),
        ("想让我妈学太极 在哪报名", "太极"),
        ("I'd love to take a yoga class after work", "yoga"),
        ("i would love to take a pottery course on weekends", "pottery"),
    ],
)
def test_a_subject_wished_with_its_sign_up_is_the_course(
    matcher: QuestionMatcher, text: str, hint: str
) -> None:
    verdict = matcher.understand(text, TODAY)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "course")
    assert hint in (verdict.course_hint or "")


@pytest.mark.parametrize(
    ("text", "faq"),
    [
        ("想学点东西 去哪里报名", "night_school_signup"),  # no subject: the sign-up entry
        ("活动室日历", "room_booking"),  # the room's, not the events'
    ],
)
def test_the_border_stays(matcher: QuestionMatcher, text: str, faq: str) -> None:
    verdict = matcher.understand(text, TODAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, faq)


@pytest.mark.parametrize(
    "text",
    [
        "体检结果出来了吗 能帮我查一下吗",
        "can you confirm whether my son's registration has been processed",
        "could someone check on my mum's application",
        "帮我问问我妈的老年卡办好了没",
    ],
)
def test_a_case_of_ones_own_is_for_a_person(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TODAY)
    assert verdict.kind in (Kind.NONE, Kind.SUGGEST)
    assert verdict.looks_like_question


@pytest.mark.parametrize(
    ("text", "faq"),
    [
        ("光复西路几号", "address_1690"),
        ("长风那个驿站是大渡河路几号", "address_changfeng"),
        ("伞丢在照相馆了", "lost_found"),
        ("钥匙可能丢在健身房了", "lost_found"),
        ("钱包好像丢在你们中心了", "lost_found"),
    ],
)
def test_faq_entries_asked_in_other_words(matcher: QuestionMatcher, text: str, faq: str) -> None:
    verdict = matcher.understand(text, TODAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, faq)


@pytest.mark.parametrize("text", ["垃圾丢在哪里", "食堂的垃圾丢在哪"])
def test_rubbish_thrown_is_no_lost_property(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, TODAY).faq_id != "lost_found"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("明天开门情况怎么样", date(2026, 11, 19)),
        ("礼拜六营业情况", date(2026, 11, 21)),
        ("opening status for saturday", date(2026, 11, 21)),
    ],
)
def test_the_opening_state_of_a_day_is_its_overview(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, TODAY)
    assert (verdict.kind, verdict.days) == (Kind.OVERVIEW, (day,))


def test_a_place_named_keeps_its_hours(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("健身房后天开放情况", TODAY)
    assert (verdict.kind, verdict.venue_ids, verdict.days) == (
        Kind.HOURS,
        ("gym",),
        (date(2026, 11, 20),),
    )
