"""Round twenty-six, session sixteen: a second reader's misfires. Ordinary questions that hold a
new rule's trigger words and mean something else, beside the rules' own intended questions (kept
working). Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

WEDNESDAY = date(2026, 12, 2)  # an ordinary week
LA_YUE = date(2026, 12, 20)  # 冬月; 春节 2027-02-06, 腊月初一 2027-01-08
NEW_YEAR_NEAR = date(2026, 12, 28)
SPRING_NEAR = date(2027, 1, 25)
MID_AUTUMN_EVE = date(2026, 9, 24)  # 中秋 break 25-27 Sep, 国庆 break 1-7 Oct


def _days(*days: str) -> tuple[date, ...]:
    return tuple(date.fromisoformat(d) for d in days)


# An allowance beside our canteen is the canteen's price; another office's amount stays not ours.
@pytest.mark.parametrize(
    "text",
    [
        "食堂补贴多少",
        "食堂老人补贴后一顿多少钱",
        "低保户在食堂吃饭多少钱",
        "七十岁以上吃饭补助多少",
    ],
)
def test_allowance_at_the_canteen_is_its_price(matcher: QuestionMatcher, text: str) -> None:
    found = matcher.understand(text, WEDNESDAY)
    assert (found.kind, found.faq_id) == (Kind.FAQ, "canteen_prices")


@pytest.mark.parametrize(
    "text",
    [
        "残疾人补贴每个月多少钱",
        "低保标准是多少",
        "低保一个月多少钱",
        "how much is the carer subsidy each month",
        # another site's password
        "上海志愿者网的密码忘了怎么找回",
        "随申办的密码忘了怎么办",
        "I forgot my password for the volunteer website",
        # the law's answer: what a landlord or an employer may do
        "房东合同没到期能涨房租吗",
        "老板可以不给加班费吗",
        "can my employer cut my pay without notice?",
        "can my landlord keep my deposit?",
        "can my boss fire me for being pregnant",
        # a school's holidays
        "what days are the kids' school holidays",
        # the phone's own trouble
        "我的手机连不上蓝牙",
    ],
)
def test_still_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, WEDNESDAY).kind is Kind.NONE


# Our own Wi-Fi's password, at one of our places ("网" after 的 or a venue is no website)
@pytest.mark.parametrize(
    "text", ["驿站的网的密码忘了", "食堂的网密码忘了", "驿站的网怎么连 手机连不上", "wifi密码忘了"]
)
def test_our_wifi_password(matcher: QuestionMatcher, text: str) -> None:
    found = matcher.understand(text, WEDNESDAY)
    assert (found.kind, found.faq_id) == (Kind.FAQ, "wifi")


# An errand of ours for a boss, an agent or a landlord is ours, not the law's
@pytest.mark.parametrize(
    ("text", "faq"),
    [
        ("can my boss come with me to the gym?", "gym_card"),
        ("can my employer pay for my night school course?", "night_school_fees"),
        ("could my agent pick up my residence permit at the window?", "window_services"),
        ("房东可以代我办居住证吗", "window_services"),
    ],
)
def test_errand_for_another_is_ours(matcher: QuestionMatcher, text: str, faq: str) -> None:
    found = matcher.understand(text, WEDNESDAY)
    assert (found.kind, found.faq_id) == (Kind.FAQ, faq)


# 学生证 / 学费 are no subject wished; 学习 is the verb
@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("孩子要学生证吗 怎么报名", None),
        ("要学费吗 怎么报名", None),
        ("想学习书法 怎么报名", "书法"),
        ("想学太极拳 哪里可以报", "太极"),
        ("想学书法 怎么报名", "书法"),
        ("想让我妈学太极 在哪报名", "太极"),
    ],
)
def test_subject_wished_then_sign_up(matcher: QuestionMatcher, text: str, hint: str | None) -> None:
    found = matcher.understand(text, WEDNESDAY)
    if hint is None:
        assert (found.kind, found.faq_id) == (Kind.FAQ, "night_school_signup")
    else:
        assert (found.kind, found.feature, found.course_hint) == (Kind.FEATURE, "course", hint)


# An idea for one's own plans is no feedback; an idea for one of ours is
@pytest.mark.parametrize(
    ("text", "feedback"),
    [
        (
            "I have an idea for my daughter's birthday, can we book the activity room saturday?",
            False,
        ),
        ("I have an idea for the reading room", True),
        ("I have a suggestion about the canteen menu", True),
        ("有意见箱吗", True),
    ],
)
def test_idea_for_whom(matcher: QuestionMatcher, text: str, feedback: bool) -> None:
    found = matcher.understand(text, WEDNESDAY)
    assert (found.feature == "feedback") is feedback


# 丢在 bare, with no place of ours: nothing lost with us
@pytest.mark.parametrize(
    ("text", "lost"),
    [
        ("垃圾丢在这里了可以吗", False),
        ("我把他丢在那边了", False),
        ("钱包好像丢在食堂了", True),
        ("伞丢在照相馆了", True),
        ("昨天伞丢在那边了 有人捡到吗", True),
    ],
)
def test_left_with_diu(matcher: QuestionMatcher, text: str, lost: bool) -> None:
    assert (matcher.understand(text, WEDNESDAY).faq_id == "lost_found") is lost


# Events: for whom said; a place's own schedule or activity on a day is that place's
@pytest.mark.parametrize(
    ("text", "kind", "feature"),
    [
        ("礼拜六健身房有没有团体活动", Kind.HOURS, None),
        ("健身房的活动时间表", Kind.FAQ, None),
        ("有没有适合单身青年的联谊活动", Kind.FEATURE, "events"),
        ("有没有给上班族的周末活动", Kind.FEATURE, "events"),
        ("活动日历", Kind.FEATURE, "events"),
        ("这个月的活动表", Kind.FEATURE, "events"),
    ],
)
def test_events_asked(matcher: QuestionMatcher, text: str, kind: Kind, feature: str | None) -> None:
    found = matcher.understand(text, WEDNESDAY)
    assert (found.kind, found.feature) == (kind, feature)


# A trade told is the resident's; a room used for trade is not ours to allow
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("做生意的人能来食堂吃饭吗", Kind.SUGGEST),
        ("活动室能不能用来做生意", Kind.NONE),
        ("can I teach paid lessons in the studio", Kind.NONE),
    ],
)
def test_trade(matcher: QuestionMatcher, text: str, kind: Kind) -> None:
    assert matcher.understand(text, WEDNESDAY).kind is kind


# A month named before its first days: that month's, asked — never the Spring Festival's days
@pytest.mark.parametrize(
    "text",
    [
        "腊月初一到初三食堂开吗",
        "冬月初五初六阅览室开吗",
        "下个月初一到初三食堂开吗",
        "腊月初八初九健身房开伐",
    ],
)
def test_month_named_first_days_are_not_spring_festival(
    matcher: QuestionMatcher, text: str
) -> None:
    found = matcher.understand(text, LA_YUE)
    assert found.kind is Kind.CLARIFY_DAY
    assert not set(found.days) & set(_days("2027-02-06", "2027-02-07", "2027-02-08"))


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("初一到初三健身房开吗", ("2027-02-06", "2027-02-07", "2027-02-08")),
        ("正月初一到初三食堂开吗", ("2027-02-06", "2027-02-07", "2027-02-08")),
        ("初一、初二食堂开伐", ("2027-02-06", "2027-02-07")),
    ],
)
def test_spring_festival_first_days_kept(
    matcher: QuestionMatcher, text: str, days: tuple[str, ...]
) -> None:
    found = matcher.understand(text, LA_YUE)
    assert (found.kind, found.days) == (Kind.HOURS, _days(*days))


# The festival's own coming is its day; one's own coming in its break is asked
@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("元旦到的那天健身房开吗", NEW_YEAR_NEAR, "2027-01-01"),
        ("元旦来的时候食堂开伐", NEW_YEAR_NEAR, "2027-01-01"),
        ("春节到来的那天食堂开吗", SPRING_NEAR, "2027-02-06"),
        ("南方小年到的那天健身房开伐", SPRING_NEAR, "2027-01-31"),
        ("国庆节到的那天食堂开吗", MID_AUTUMN_EVE, "2026-10-01"),
    ],
)
def test_festival_arriving_is_its_day(
    matcher: QuestionMatcher, text: str, today: date, day: str
) -> None:
    found = matcher.understand(text, today)
    assert (found.kind, found.days) == (Kind.HOURS, _days(day))


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("元旦我儿子来的那天健身房开吗", NEW_YEAR_NEAR),
        ("中秋我儿子来的那天活动室开吗", MID_AUTUMN_EVE),
        ("国庆放假回来那天食堂开吗", MID_AUTUMN_EVE),
        ("国庆回老家的时候健身房开伐", MID_AUTUMN_EVE),
    ],
)
def test_own_coming_in_a_break_is_asked(matcher: QuestionMatcher, text: str, today: date) -> None:
    assert matcher.understand(text, today).kind is Kind.CLARIFY_DAY


# A day asked, then "the one after that": both asked (never only the second)
@pytest.mark.parametrize(
    "text",
    ["is the gym open saturday? and the one after that?", "礼拜六健身房开伐，那之后的周末呢"],
)
def test_asked_then_after_that_not_only_the_second(matcher: QuestionMatcher, text: str) -> None:
    found = matcher.understand(text, WEDNESDAY)
    assert found.kind is Kind.CLARIFY_DAY or date(2026, 12, 5) in found.days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("28号回来，那之后的周末食堂开伐", ("2027-01-02", "2027-01-03")),
        ("下礼拜三去医院，那之后的礼拜六健身房开吗", ("2026-12-12",)),
        (
            "back on the 28th. The weekend after that, is the canteen open?",
            ("2027-01-02", "2027-01-03"),
        ),
    ],
)
def test_after_that_from_a_told_day(
    matcher: QuestionMatcher, text: str, days: tuple[str, ...]
) -> None:
    found = matcher.understand(text, WEDNESDAY)
    assert (found.kind, found.days) == (Kind.HOURS, _days(*days))


# A break asked by its name is the year's arrangement
@pytest.mark.parametrize(
    "text", ["when is the May Day holiday this year", "what dates are the national day holidays"]
)
def test_break_by_name(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, WEDNESDAY).kind is Kind.HOLIDAYS


# Someone else's first day back is asked; the break's own first working day is read
@pytest.mark.parametrize(
    ("text", "kind", "days"),
    [
        ("我儿子国庆回来第一天 健身房开吗", Kind.CLARIFY_DAY, ()),
        ("女儿元旦回来第一天食堂开伐", Kind.CLARIFY_DAY, ()),
        ("国庆回来第一天上班 食堂开伐", Kind.HOURS, ("2026-10-08",)),
    ],
)
def test_first_day_back(
    matcher: QuestionMatcher, text: str, kind: Kind, days: tuple[str, ...]
) -> None:
    found = matcher.understand(text, MID_AUTUMN_EVE)
    assert (found.kind, found.days) == (kind, _days(*days))


# Where to buy a meal is our canteen's; a wheelchair's, a shop's
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("where can I buy lunch on sunday", Kind.FAQ),
        ("where can I buy a cheap wheelchair", Kind.NONE),
        ("哪里能买到便宜的电动轮椅", Kind.NONE),
        ("在哪里可以买到拐杖", Kind.NONE),
    ],
)
def test_where_to_buy(matcher: QuestionMatcher, text: str, kind: Kind) -> None:
    assert matcher.understand(text, WEDNESDAY).kind is kind


# Stars given to one of ours are feedback; to one's own child, no review
@pytest.mark.parametrize(
    ("text", "feedback"),
    [
        ("给孩子打五星", False),
        ("give the kids 5 stars for effort", False),
        ("give the centre 5 stars", True),
        ("五星好评", True),
        ("给食堂打五星", True),
    ],
)
def test_stars_for_whom(matcher: QuestionMatcher, text: str, feedback: bool) -> None:
    assert (matcher.understand(text, WEDNESDAY).feature == "feedback") is feedback
