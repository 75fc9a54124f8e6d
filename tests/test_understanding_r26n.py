"""Round twenty-six (session sixteen, dev99's failures by class): parents of young children and
expecting parents at the end of the summer holidays, grandparents who pick the kids up. A
body's condition asked what it may do is the doctor's; a child's care with us is a person's to
answer; "call" as naming rings no one; a day of one's own (a due date) is asked; the food's price
is the meal's; second-hand markets are events; a question whole by itself, then a story told after
it, is the question; a deadline or a day gone by told in a sentence beside the day asked is the
story's; "that day" said back of the one day named is that day. Dates injected, never the real
one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

FRIDAY = date(2026, 8, 28)  # the evening before the last weekend of the summer holidays


@pytest.mark.parametrize(
    "text",
    [
        "怀孕了还能去健身房游泳吗",
        "产后多久能去健身房撸铁",
        "宝宝几个月能吃辅食",
        "is it ok to lift weights in the gym while pregnant?",
        "at what age can babies get the flu vaccine at the health station?",
    ],
)
def test_a_body_asked_what_it_may_do_is_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, FRIDAY).kind is Kind.NONE


@pytest.mark.parametrize(
    ("text", "kind"),
    [("孕妇可以来上瑜伽课吗", Kind.FEATURE), ("能打流感疫苗吗", Kind.FAQ)],
)
def test_our_own_entries_asked_by_a_mother_to_be_stay(
    matcher: QuestionMatcher, text: str, kind: Kind
) -> None:
    assert matcher.understand(text, FRIDAY).kind is kind


@pytest.mark.parametrize(
    "text",
    [
        "中心有没有托管班 放学没人接",
        "我女儿能不能一个人在活动室等我",
        "is there an after-school club at the centre?",
        "can my son wait alone in the reading room after class?",
    ],
)
def test_a_childs_care_with_us_is_for_a_person(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, FRIDAY)
    assert verdict.kind is Kind.NONE
    assert verdict.looks_like_question


@pytest.mark.parametrize(
    "text", ["haha my toddler calls me grandpa now", "my daughter called me her best friend today"]
)
def test_call_as_naming_rings_no_one(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, FRIDAY).kind is Kind.NONE


def test_call_as_ringing_is_still_the_phones(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("how can i call you", FRIDAY)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "phones"


@pytest.mark.parametrize(
    "text",
    ["is the canteen open on my due date", "预产期那天照相馆开吗", "宝宝百天那天食堂开门吗"],
)
def test_a_day_of_ones_own_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, FRIDAY).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "faq"),
    [
        ("食堂伙食什么价钱", "canteen_prices"),
        ("食堂菜价贵吗", "canteen_prices"),
        ("今天食堂有什么菜", "canteen_menu"),
    ],
)
def test_the_foods_price_is_the_meals(matcher: QuestionMatcher, text: str, faq: str) -> None:
    verdict = matcher.understand(text, FRIDAY)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == faq


@pytest.mark.parametrize(
    "text",
    ["中心有没有什么跳蚤市场", "搞不搞旧物交换活动", "any flea market at the centre this autumn?"],
)
def test_second_hand_markets_are_events(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, FRIDAY)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "events"


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("健身房在哪儿 我老婆想去练练", "gym"),
        ("照相馆在哪里 女儿要拍入学照片", "photo_studio"),
        ("where's the canteen? my dad wants lunch there", "canteen"),
    ],
)
def test_where_asked_then_a_story(matcher: QuestionMatcher, text: str, venue: str) -> None:
    verdict = matcher.understand(text, FRIDAY)
    assert verdict.kind is Kind.VENUE
    assert verdict.venue_ids == (venue,)


def test_a_price_asked_then_a_story(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand(
        "how much are passport photos? my daughter needs them for school", FRIDAY
    )
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "photo_services"


def test_next_years_holidays_then_a_story(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("2027 public holidays? planning a trip back to see family", FRIDAY)
    assert verdict.kind is Kind.HOLIDAYS
    assert verdict.year == 2027


def test_a_story_that_asks_for_a_person_is_not_cut(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("社保卡认证能不能上门办？想找个工作人员问问", FRIDAY)
    assert verdict.kind is Kind.NONE


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("照相馆明天开吗 周二之前要交照片", date(2026, 8, 29)),
        ("is the gym open tomorrow? I have to hand in the form by Monday", date(2026, 8, 29)),
        ("食堂今天开吗 群里说昨天中元关门了", FRIDAY),
        ("is the gym open today? a neighbour said it shut yesterday for 中元", FRIDAY),
        ("9月1号开学 那天健身房几点开", date(2026, 9, 1)),
        (
            "Monday is her first day at kindergarten, is the canteen open that day?",
            date(2026, 8, 31),
        ),
    ],
)
def test_the_story_days_beside_the_day_asked(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, FRIDAY)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)
