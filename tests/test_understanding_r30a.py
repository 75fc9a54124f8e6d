"""Round thirty (tuner a, spent31: people writing in the evening with a problem or a wish,
reference Wednesday 2026-03-18). Classes fixed: a complaint asked about a purchase made
elsewhere ("网上买的…坏了 商家不理我 去哪投诉") was our feedback form: not ours; a greeting said
as "just wanted to say hi" was feedback: small talk; a clinic called by its own name in English
("Does Jiahui clinic take walk-ins") was our health station: not ours; a fine day to be picked
("哪天天气好想去…") was today's hours: now asked; today's doing told in a sentence that asks
nothing, beside a later day asked ("今天在食堂吃的晚饭…。明天早上几点有早饭") was asked back
between today and that day: now the later day. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

MAR_18 = date(2026, 3, 18)  # Wednesday, 正月三十
MAR_19 = date(2026, 3, 19)
MAR_20 = date(2026, 3, 20)


@pytest.mark.parametrize(
    "text",
    [
        "在拼多多上买的鞋子穿了两天就开胶了，卖家不给退，我要投诉",
        "网购的电热毯不热，店家一直拖着，哪里可以投诉",
        "bought a kettle online, it broke in a week, the seller ignores me, where can I complain",
        "I ordered a heater online and the merchant won't refund, I want to complain",
    ],
)
def test_a_purchase_made_elsewhere_complained_of_is_not_ours(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, MAR_18).kind is Kind.NONE


@pytest.mark.parametrize(
    "text",
    [
        "食堂今天的鱼太腥了 去哪里投诉",
        "where can I complain about the canteen food",
        "我要投诉 找你们领导",
    ],
)
def test_a_complaint_about_us_is_still_feedback(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, MAR_18)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "feedback"


@pytest.mark.parametrize(
    "text",
    [
        "rough week lol, just wanted to say hello",
        "just wanted to say good night to everyone",
        "hey, just wanted to say happy spring",
    ],
)
def test_a_greeting_passed_on_is_small_talk(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, MAR_18).kind is Kind.NONE


@pytest.mark.parametrize(
    "text",
    [
        "just wanted to say thanks to the cooks at the canteen",
        "just wanted to say the gym showers were freezing tonight",
    ],
)
def test_thanks_or_a_fault_passed_on_is_still_feedback(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, MAR_18)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "feedback"


@pytest.mark.parametrize(
    "text",
    [
        "Is Parkway Clinic open on Saturday?",
        "does United Family Hospital see patients on Sunday",
        "Can I walk in at Raffles clinic tomorrow?",
        "is the Dental clinic open on Friday",
    ],
)
def test_a_clinic_by_its_own_name_is_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, MAR_18).kind is Kind.NONE


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Is the clinic open on Friday?", MAR_20),
        ("Does the Community Clinic take walk-ins tomorrow?", MAR_19),
        ("Clinic open tomorrow?", MAR_19),
        ("Is the Changfeng Bay clinic open on Friday", MAR_20),
    ],
)
def test_our_clinic_keeps_its_hours(matcher: QuestionMatcher, text: str, day: date) -> None:
    verdict = matcher.understand(text, MAR_18)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == ("health_station",)
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    "text",
    [
        "哪天不落雨带孙子去健身房练练，开伐",
        "等哪天天晴了想去活动空间看看，开着吗",
        "thinking of dropping by the event space when the weather is nice, is it open?",
    ],
)
def test_a_fine_day_to_be_picked_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, MAR_18).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text",
    ["今天天气好，活动空间开着吗", "天气好的话今天健身房开吗"],
)
def test_a_fine_today_is_today(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, MAR_18)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (MAR_18,)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("今天去了健身房，人多得来。后天几点开门", MAR_20),
        ("今天上午本来要去配药的，结果没去成。明天卫生站几点开", MAR_19),
        ("Went to the gym today, it was packed. Is it open tomorrow morning?", MAR_19),
        ("I had lunch at the canteen today. What time is breakfast tomorrow?", MAR_19),
    ],
)
def test_today_s_doing_told_beside_a_later_day_asked(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, MAR_18)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("今天去了健身房。今天和明天都开吗", (MAR_18, MAR_19)),
        ("今天食堂开吗。明天呢", (MAR_18, MAR_19)),
    ],
)
def test_today_asked_again_is_kept(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, MAR_18)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == days


# Round thirty, second step: every place at once said with 全 ("全关门了") was no overview; an
# age told with 几 ("八十几岁了") was read as someone's age asked; charging an e-bike was the
# parking entry; "what floor" was not a place's floor asked.
QINGMING_BREAK = (date(2026, 4, 4), date(2026, 4, 5), date(2026, 4, 6))


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("清明放假那几天，你们是不是全都休息", QINGMING_BREAK),
        ("明天你们全关了吗", (MAR_19,)),
    ],
)
def test_every_place_said_with_quan_is_the_overview(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, MAR_18)
    assert verdict.kind is Kind.OVERVIEW
    assert verdict.days == days


def test_the_whole_day_is_still_one_place_s(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("健身房明天全天开吗", MAR_18)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == ("gym",)


@pytest.mark.parametrize(
    ("text", "faq"),
    [
        ("我老头子七十几岁了，食堂一顿饭几钿", "canteen_prices"),
        ("阿拉姆妈九十几岁了，吃饭有优惠伐，食堂", "canteen_prices"),
    ],
)
def test_an_age_told_with_ji_is_not_asked(matcher: QuestionMatcher, text: str, faq: str) -> None:
    verdict = matcher.understand(text, MAR_18)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == faq


def test_an_age_asked_is_still_not_ours(matcher: QuestionMatcher) -> None:
    assert matcher.understand("健身房那个教练几岁了", MAR_18).kind is Kind.NONE


@pytest.mark.parametrize(
    "text",
    [
        "你们那边有没有电动车充电的地方",
        "停车场有充电桩伐",
        "can I charge my electric scooter while I'm at the gym?",
        "any EV charging points in your car park?",
    ],
)
def test_a_vehicle_charged_is_for_a_person(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, MAR_18)
    assert verdict.kind in (Kind.NONE, Kind.SUGGEST)
    assert verdict.looks_like_question


@pytest.mark.parametrize("text", ["电动车停在哪里", "where do I leave my e-bike"])
def test_where_to_park_is_still_parking(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, MAR_18)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "parking"


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("the gym, what floor are they on again?", "gym"),
        ("photo studio - what level is it on?", "photo_studio"),
    ],
)
def test_what_floor_asks_where_the_place_is(
    matcher: QuestionMatcher, text: str, venue: str
) -> None:
    verdict = matcher.understand(text, MAR_18)
    assert verdict.kind is Kind.VENUE
    assert verdict.venue_ids == (venue,)


# Round thirty, third step: a whole week asked again in a second question ("open next week?
# every evening?") was asked back; the plan told again wider ("…想周末带孩子去转转") beside a
# weekday asked was asked back; one's own class named by its weekday ("my Monday class") and a
# day told among a festival's break asked ("…falls on April 6") were asked back.
NEXT_WEEK = tuple(date(2026, 3, d) for d in range(23, 30))


@pytest.mark.parametrize(
    "text",
    [
        "is the gym open next week? every morning?",
        "will the reading room be open every evening next week",
        "下礼拜食堂开伐？每天都开伐",
    ],
)
def test_a_whole_week_asked_again_is_each_day(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, MAR_18)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == NEXT_WEEK


@pytest.mark.parametrize(
    "text",
    ["Is the photo studio open next week?", "下礼拜健身房开伐"],
)
def test_a_week_asked_alone_is_still_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, MAR_18).kind is Kind.CLARIFY_DAY


def test_a_busy_week_with_every_day_told_is_no_week_asked(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("这礼拜忙煞了，天天加班，明天夜里食堂几点关门", MAR_18)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (MAR_19,)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("礼拜六健身房开伐？想周末带老公去练练", date(2026, 3, 21)),
        (
            "is the canteen open on sunday? we're thinking of coming over at the weekend",
            date(2026, 3, 22),
        ),
    ],
)
def test_the_plan_told_wider_keeps_the_day_asked(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, MAR_18)
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Is the night school open over the Qingming break? My Monday lesson would be April 6",
            date(2026, 4, 6),
        ),
        ("清明放假夜校上课伐？阿拉礼拜一个课刚好是4月6号", date(2026, 4, 6)),
        ("五一放假健身房开吗？我5月2号想去", date(2026, 5, 2)),
    ],
)
def test_a_day_told_among_the_break_asked_is_the_day_meant(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, MAR_18)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


def test_a_day_outside_the_break_is_not_taken(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("清明放假健身房开吗？我4月8号也想去", MAR_18)
    assert verdict.days != (date(2026, 4, 8),)


@pytest.mark.parametrize("text", ["和睦家诊所礼拜天看门诊伐", "瑞东诊所周六上午能看病吗"])
def test_a_clinic_by_its_own_name_in_chinese_is_not_ours(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, MAR_18).kind is Kind.NONE


def test_our_station_called_a_clinic_keeps_its_hours(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("卫生站算不算诊所 礼拜六开伐", MAR_18)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == ("health_station",)
