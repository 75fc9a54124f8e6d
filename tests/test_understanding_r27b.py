"""Round twenty-seven (session eighteen, spent21's failures by class): questions about things
that are not ours — the identity card lost or replaced (the police's), a fitting of the
resident's own home broken with no place of ours named (the landlord's or a tradesman's) —
are offered a person, while a card left at our place stays lost property and a home told as the
story of a visit keeps the visit's answer. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

DECEMBER_9 = date(2026, 12, 9)  # a Wednesday of early winter
JANUARY_14 = date(2027, 1, 14)  # a Thursday


@pytest.mark.parametrize(
    "text",
    [
        "我爸身份证丢了 要去哪里补",
        "身份证遗失了怎么挂失",
        "身份证掉了补办要多久",
        "how can I replace my husband's ID card",
        "I've lost my identity card, how do I get a new one?",
    ],
)
def test_an_identity_card_lost_or_replaced_is_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, DECEMBER_9).kind is Kind.NONE


@pytest.mark.parametrize(
    ("text", "faq_id"),
    [
        ("身份证落在食堂了", "lost_found"),
        ("我的身份证丢了 有人捡到没有", "lost_found"),
        ("I think I lost my ID card in the gym on Monday", "lost_found"),
        ("老年卡丢了怎么补办", "window_services"),
        ("身份证照片在照相馆能拍吗", "photo_services"),
    ],
)
def test_a_card_left_with_us_or_ours_to_reissue_stays_ours(
    matcher: QuestionMatcher, text: str, faq_id: str
) -> None:
    verdict = matcher.understand(text, DECEMBER_9)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == faq_id


@pytest.mark.parametrize(
    "text",
    [
        "屋里厢暖气片漏水了 打啥电话",
        "我家热水器坏了 有电话可以打吗",
        "The radiator in my apartment is leaking, who should I ring?",
        "my flat's boiler died last night, is there a number to call",
        "no hot water at home since Monday, who fixes that?",
    ],
)
def test_a_fitting_of_ones_home_broken_is_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, JANUARY_14).kind is Kind.NONE


def test_a_home_told_as_the_story_of_a_visit_keeps_the_visit(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("家里暖气坏了 阅览室今天开到几点", JANUARY_14)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (JANUARY_14,)
    verdict = matcher.understand(
        "heating at home is broken, is the reading room open today?", JANUARY_14
    )
    assert verdict.kind is Kind.HOURS


def test_ours_broken_is_still_feedback(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("the heating in the activity room is broken", JANUARY_14)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "feedback"


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("阅览室暖气片一点不暖和", "activity_rooms"),
        ("健身房洗澡没热水 冻煞了", "gym"),
        ("活动室的空调一直不制热", "activity_rooms"),
        ("the canteen's dishwasher has been broken for days, please get it fixed", "canteen"),
        ("The gym lockers have been broken since Monday, can you get them repaired", "gym"),
    ],
)
def test_a_fitting_of_ours_not_doing_its_job_is_feedback(
    matcher: QuestionMatcher, text: str, venue: str
) -> None:
    verdict = matcher.understand(text, DECEMBER_9)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "feedback"
    assert venue in verdict.venue_ids


@pytest.mark.parametrize(
    "text",
    [
        "活动室暖气热不热",  # asked, not told
        "my laptop is broken, where can I get it fixed",  # one's own thing
    ],
)
def test_a_fitting_asked_or_ones_own_thing_is_no_feedback(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, DECEMBER_9)
    assert verdict.feature != "feedback"


@pytest.mark.parametrize(
    ("text", "venue", "day"),
    [
        ("明天健身房开到几点 练好想去外滩", "gym", date(2026, 12, 10)),
        ("后天食堂晚饭几点开始 吃好要去陆家嘴", "canteen", date(2026, 12, 11)),
        ("礼拜五照相馆几点关门 拍完打算去新天地", "photo_studio", date(2026, 12, 11)),
    ],
)
def test_a_landmark_one_means_to_go_to_after_is_the_story(
    matcher: QuestionMatcher, text: str, venue: str, day: date
) -> None:
    verdict = matcher.understand(text, DECEMBER_9)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    "text",
    [
        "想去外滩 跨年有什么活动",  # the city's doings
        "外滩附近有没有健身房",  # another gym
        "想去新天地 怎么走",
    ],
)
def test_a_landmark_asked_about_stays_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, DECEMBER_9).kind is Kind.NONE


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("hours of everything on saturday please", date(2026, 12, 12)),
        ("opening times for all the venues tomorrow", date(2026, 12, 10)),
        ("could you send me everything's opening hours for friday", date(2026, 12, 11)),
    ],
)
def test_every_places_hours_in_one_noun_is_the_overview(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, DECEMBER_9)
    assert verdict.kind is Kind.OVERVIEW
    assert verdict.days == (day,)


def test_one_places_hours_stay_its_own(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("opening hours of the photo studio tomorrow", DECEMBER_9)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == ("photo_studio",)


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("卫生站从哪个门进去", "health_station"),
        ("照相馆走哪个门比较近", "photo_studio"),
        ("阅览室在哪个门进", "activity_rooms"),
    ],
)
def test_the_door_a_place_is_entered_by_is_where_it_is(
    matcher: QuestionMatcher, text: str, venue: str
) -> None:
    verdict = matcher.understand(text, DECEMBER_9)
    assert verdict.kind is Kind.VENUE
    assert verdict.venue_ids == (venue,)


def test_a_door_with_parking_or_a_day_keeps_its_topic(matcher: QuestionMatcher) -> None:
    assert matcher.understand("食堂哪个门口可以停车", DECEMBER_9).faq_id == "parking"
    verdict = matcher.understand("健身房哪个门进去 明天开伐", DECEMBER_9)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (date(2026, 12, 10),)


@pytest.mark.parametrize(
    ("text", "faq_id"),
    [
        ("月底了 想给我爸办老年卡 窗口能办吗", "window_services"),
        ("年底了窗口办社保卡要带啥", "window_services"),
    ],
)
def test_a_part_of_the_year_told_as_now_is_the_story_of_a_task(
    matcher: QuestionMatcher, text: str, faq_id: str
) -> None:
    verdict = matcher.understand(text, DECEMBER_9)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == faq_id


@pytest.mark.parametrize(
    "text",
    [
        "年底了 健身房开到几点",  # the hours asked: which day?
        "年底前窗口能办老年卡吗",  # a deadline, not now
        "can I pop into the legal aid desk one of these days?",
        "could I come by the photo studio in a couple of days",
        "is the gym open in a day or two",
    ],
)
def test_a_day_left_unsaid_is_still_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, DECEMBER_9).kind is Kind.CLARIFY_DAY


def test_a_smiley_between_clauses_is_a_pause(matcher: QuestionMatcher) -> None:
    text = "we ate far too much at the Christmas parties :) is the gym open on Boxing Day?"
    verdict = matcher.understand(text, DECEMBER_9)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (date(2026, 12, 26),)
    verdict = matcher.understand("is the gym open at 10:30 tomorrow :)", DECEMBER_9)
    assert verdict.days == (date(2026, 12, 10),)


def test_a_visit_asked_with_no_day_keeps_its_entry(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("can I drop by the legal aid desk?", DECEMBER_9)
    assert verdict.faq_id == "legal_aid_how"
