"""Round twenty-seven (session eighteen), spent20's failures by class: a day gone by said with
the festival it was ("昨天元宵节…") is that day, and asked when the festival was another day; the
days of early March by name (学雷锋日 03-05, "tree planting day" 03-12); a takeaway told as
ordered and waited for, and a food asked where to buy with its vegetable filling, are not ours.
Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

MARCH_4 = date(2026, 3, 4)  # Wed; 元宵 was Tue 03-03, 惊蛰 Thu 03-05
MARCH_6 = date(2026, 3, 6)  # 惊蛰 was yesterday, 元宵 three days ago
MAY_6 = date(2026, 5, 6)  # 立夏 was yesterday (05-05)


@pytest.mark.parametrize(
    ("text", "today", "venue", "day"),
    [
        ("昨天是元宵节 健身房开了吗", MARCH_4, "gym", date(2026, 3, 3)),
        ("昨天惊蛰 食堂开门了伐", MARCH_6, "canteen", date(2026, 3, 5)),
        ("昨天立夏卫生站有人吗", MAY_6, "health_station", date(2026, 5, 5)),
        ("was the canteen open yesterday for the lantern festival", MARCH_4, "canteen",
         date(2026, 3, 3)),
        ("was the gym open yesterday on the start of summer day?", MAY_6, "gym",
         date(2026, 5, 5)),
    ],
)  # fmt: skip
def test_a_day_gone_by_said_with_its_festival_is_that_day(
    matcher: QuestionMatcher, text: str, today: date, venue: str, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    "text",
    ["昨天元宵节食堂开了吗", "was the gym open yesterday, on the lantern festival?"],
)
def test_a_day_gone_by_that_was_not_the_festival_is_asked(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, MARCH_6).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("昨天立夏 今天食堂总归开了吧", MAY_6, date(2026, 5, 6)),  # the festival told, today asked
        ("昨天元宵节 明天健身房开吗", MARCH_4, date(2026, 3, 5)),
    ],
)
def test_a_festival_gone_by_beside_another_day_is_the_story(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("雷锋纪念日食堂开吗", date(2026, 3, 5)),
        ("学雷锋日健身房几点关门", date(2026, 3, 5)),
        ("is the canteen open on lei feng day?", date(2026, 3, 5)),
        ("is the gym open on tree-planting day", date(2026, 3, 12)),
        ("what time does the canteen open on tree planting day", date(2026, 3, 12)),
    ],
)
def test_early_march_days_by_name(matcher: QuestionMatcher, text: str, day: date) -> None:
    verdict = matcher.understand(text, MARCH_4)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    "text",
    [
        "我点了外卖 一个钟头了还没来",
        "叫了个外卖 半天不来",
        "my takeaway still hasn't come",
        "荠菜馄饨哪里买得到",
        "汤圆哪里还买得到 要白菜肉的",
    ],
)
def test_a_shop_order_or_a_food_bought_elsewhere_is_not_ours(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, MARCH_4).kind is Kind.NONE


@pytest.mark.parametrize(
    "text", ["可以外卖吗", "食堂可以点外卖吗", "do you do takeaway", "食堂外卖点了两个钟头还没送到"]
)
def test_the_canteens_own_delivery_stays(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, MARCH_4)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "canteen_delivery"


@pytest.mark.parametrize(
    "text",
    [
        "周末有活动吗 我们小区几个老姐妹想去",  # who goes, told after: the story
        "三八节有活动伐 小区里几个阿姨想报名",
        "讲座能带我妈一道去听吗",  # with whom one goes
        "有什么志愿活动可以带孩子参加",
        "社区组织去植树伐",  # a doing of the season, organised
        "你们组织种树活动吗",
        "有没有适合老年人的健康讲座",  # a talk for whom
        "有没有给小朋友看的演出？",
    ],
)
def test_events_asked_in_other_words(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, MARCH_4)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "events"


@pytest.mark.parametrize(
    "text",
    ["社区医院有义诊活动 是哪天", "公园 周末有活动吗", "我们小区三八节有活动吗"],  # another's
)
def test_an_event_of_another_owner_stays_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, MARCH_4).kind is Kind.NONE


def test_the_volunteer_entry_and_an_outing_told_stay(matcher: QuestionMatcher) -> None:
    assert matcher.understand("我想当志愿者", MARCH_4).faq_id == "volunteer"
    verdict = matcher.understand("我们单位组织种树 健身房还开吗", MARCH_4)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == ("gym",)


@pytest.mark.parametrize(
    "text",
    ["今天是腊月廿几", "今朝农历初几", "今天阴历多少", "今天农历是几月几号", "今天二十几号了"],
)
def test_todays_lunar_date_guessed_at_is_today_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, MARCH_4).kind is Kind.TODAY


def test_a_lunar_date_beside_a_venue_is_not_today_asked(matcher: QuestionMatcher) -> None:
    assert matcher.understand("今天腊月十几 健身房开吗", MARCH_4).kind is not Kind.TODAY


@pytest.mark.parametrize(
    "text",
    [
        "will we work extra sundays in october for national day",
        "do people work a weekend in february because of the spring festival",
    ],
)
def test_weekends_worked_in_a_month_for_a_break(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, MARCH_4).kind is Kind.HOLIDAYS


def test_the_centres_own_saturdays_are_not_the_arrangement(matcher: QuestionMatcher) -> None:
    assert matcher.understand("do you work saturdays in may?", MARCH_4).kind is not Kind.HOLIDAYS


@pytest.mark.parametrize("text", ["卫生站测血糖要不要空腹", "去卫生站抽血要空腹吗"])
def test_fasting_for_a_test_of_the_station_is_its_service(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, MARCH_4)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "health_services"


@pytest.mark.parametrize("text", ["卫生站配的药要空腹吃吗", "测血糖要空腹吗"])
def test_a_pills_timing_or_no_station_named_stays_advice(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, MARCH_4).kind is Kind.NONE


SEPTEMBER_29 = date(2026, 9, 29)  # 中秋 break 09-25..09-27 just gone


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("元宵节已经过了 食堂恢复正常了吗", MARCH_4),
        ("the lantern festival is over, is the canteen back to normal?", MARCH_4),
        ("元宵节过了以后食堂开吗", MARCH_4),
        ("中秋过了 食堂恢复正常了吗", SEPTEMBER_29),
        ("中秋过后第一个周六健身房开吗", SEPTEMBER_29),  # counted from the one gone by?
    ],
)
def test_a_festival_told_as_just_over_is_not_its_next_one(
    matcher: QuestionMatcher, text: str, today: date
) -> None:
    assert matcher.understand(text, today).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("元宵节刚过 明天食堂开吗", MARCH_4, date(2026, 3, 5)),
        ("中秋刚过 食堂今天开吗", SEPTEMBER_29, SEPTEMBER_29),
        ("元宵过后第一个周六健身房开吗", date(2026, 2, 20), date(2026, 3, 7)),  # still to come
    ],
)
def test_another_day_asked_after_a_festival_over_stays(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    "text", ["Was the canteen open for the Lantern Festival yesterday?", "元宵节昨天食堂开了吗"]
)
def test_the_festival_said_before_the_day_gone_by_agrees_too(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, MARCH_4)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (date(2026, 3, 3),)
    assert matcher.understand(text, MARCH_6).kind is Kind.CLARIFY_DAY
