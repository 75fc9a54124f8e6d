"""Round twenty-six (session sixteen, dev98's failures by class): elderly residents with chronic
illness and their families — a day counted from an appointment at a named hospital, a weekday
named with a festival's break, the one cared for named by a carer, a medicine named as what the
station hands out, a dose to choose, the district's health centre named, a service applied for
that never came or a proxy's errand asked of staff, and a Chinese question passed on by an
English speaker. New wordings of each class, not dev98's own; dates injected."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

SPRING = date(2026, 3, 20)  # Friday, 春分; 清明's break is 04-04..04-06


@pytest.mark.parametrize(
    ("text", "venue", "day"),
    [
        ("下礼拜一要去华山医院看专家，那天早上食堂几点开", "canteen", date(2026, 3, 23)),
        ("周三陪老伴去六院透析，回来卫生站还开吗", "health_station", date(2026, 3, 25)),
        ("礼拜四去瑞金医院开药，前一天窗口几点关门", "service_window", date(2026, 3, 25)),
        ("下礼拜二跑一趟中山医院拿药 那天健身房开吗", "gym", date(2026, 3, 24)),
        (
            "my dad has an appointment at the hospital on Tuesday, is the clinic open that day?",
            "health_station",
            date(2026, 3, 24),
        ),
    ],
)
def test_a_day_of_an_errand_at_a_named_hospital(
    matcher: QuestionMatcher, text: str, venue: str, day: date
) -> None:
    verdict = matcher.understand(text, SPRING)
    assert (verdict.kind, verdict.venue_ids, verdict.days) == (Kind.HOURS, (venue,), (day,))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("清明礼拜一卫生站开吗", date(2026, 4, 6)),
        ("清明放假礼拜六食堂开伐", date(2026, 4, 4)),
        ("Is the gym open on Qingming Saturday?", date(2026, 4, 4)),
        ("Is the canteen open on the Monday of the Qingming holiday?", date(2026, 4, 6)),
        ("is the window open on the qingming holiday monday", date(2026, 4, 6)),
        ("Is the gym open on Labour Day Monday?", date(2026, 5, 4)),
        ("五一放假礼拜天食堂开吗", date(2026, 5, 3)),
    ],
)
def test_a_weekday_of_a_festivals_break(matcher: QuestionMatcher, text: str, day: date) -> None:
    verdict = matcher.understand(text, SPRING)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, (day,))


@pytest.mark.parametrize(
    "text",
    [
        "Is the gym open on Qingming Tuesday?",  # the break has no Tuesday
        "清明节那个礼拜一卫生站开吗",  # the week before, or inside the break?
        "清明下礼拜一食堂开吗",
    ],
)
def test_a_weekday_of_a_break_otherwise_is_still_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, SPRING).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text",
    [
        "I look after Mr Li. Is the canteen open this weekend?",
        "Mrs Zhang asks, is the canteen open this weekend?",
        "is the canteen open this weekend? asking for Mrs Chen",
        "I'm the carer for Mrs Xu - canteen open this weekend?",
    ],
)
def test_the_one_cared_for_named_is_no_staff_asked(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, SPRING)
    assert (verdict.kind, verdict.venue_ids, verdict.days) == (
        Kind.HOURS,
        ("canteen",),
        (date(2026, 3, 21), date(2026, 3, 22)),
    )


def test_a_member_of_staff_named_is_still_not_ours(matcher: QuestionMatcher) -> None:
    assert matcher.understand("is Mrs Wang working tomorrow", SPRING).kind is Kind.NONE


@pytest.mark.parametrize(
    "text",
    ["卫生站能配胰岛素吗", "卫生站有胰岛素笔针头吗 还是只能去大医院", "卫生站可以拿胰岛素针头伐"],
)
def test_a_medicine_handed_out_is_the_stations_services(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, SPRING)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, "health_services")


@pytest.mark.parametrize(
    "text",
    [
        "降糖药饭前吃还是饭后吃",
        "阿司匹林半片还是一片",
        "高血压的药睡前吃还是早上吃",
        "should my dad take one pill or two of his blood pressure medicine",
        "胰岛素一天打几次",
        "宜川社区卫生服务中心礼拜六开吗",
        "长征社区卫生服务中心电话多少",
    ],
)
def test_doses_and_the_district_health_centre_are_not_ours(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, SPRING).kind not in (
        Kind.HOURS,
        Kind.FAQ,
        Kind.OVERVIEW,
        Kind.VENUE,
        Kind.FEATURE,
    )


@pytest.mark.parametrize(
    "text",
    [
        "上个月登记的助浴一直没人来",
        "订的饭到现在还没送到 帮我问问",
        "能不能帮我代领敬老卡 我腿脚不方便",
        "My mum applied for meal delivery last week and it still hasn't arrived",
        "Can someone apply for the senior card on my father's behalf?",
    ],
)
def test_a_case_or_a_proxy_errand_goes_to_a_person(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, SPRING)
    assert verdict.kind in (Kind.NONE, Kind.SUGGEST)
    assert verdict.looks_like_question


@pytest.mark.parametrize(
    ("text", "venue", "day"),
    [
        ("question from my mum: 食堂今天开伐", "canteen", date(2026, 3, 20)),
        ("my dad wants to know - 明天卫生站开吗", "health_station", date(2026, 3, 21)),
        ("my grandma asks, 礼拜六健身房开伐", "gym", date(2026, 3, 21)),
    ],
)
def test_a_question_passed_on_in_english_is_answered_in_english(
    matcher: QuestionMatcher, text: str, venue: str, day: date
) -> None:
    verdict = matcher.understand(text, SPRING)
    assert (verdict.kind, verdict.venue_ids, verdict.days, verdict.lang) == (
        Kind.HOURS,
        (venue,),
        (day,),
        "en",
    )


def test_a_chinese_question_with_english_words_stays_chinese(matcher: QuestionMatcher) -> None:
    assert matcher.understand("明天clinic开吗", SPRING).lang == "zh"
