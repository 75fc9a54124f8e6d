"""Round twenty-two (dev74's failures by class): the festival at hand named only as 过节 is its
break (asked when another is near); "every day" after the place reads the whole week; today's
own date, a year or a few days gone by, a relative's visit and a neighbour's hearsay told beside
the day asked are the story's; "血压一直" is no reading; "the day before the <festival>"; the
date and weekday asked twice; a class someone signed me up for, given up; a swindler's call and
gossip are not ours. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher

TUESDAY = date(2026, 6, 16)  # 端午 Fri 06-19, break 06-19..21; lunar 五月初二
SEPT_29 = date(2026, 9, 29)  # National Day break 10-01..07; lunar 八月十九
SEPT_22 = date(2026, 9, 22)  # 中秋 09-25 and National Day 10-01 both near


def _days(first: date, count: int) -> tuple[date, ...]:
    return tuple(first + timedelta(days=n) for n in range(count))


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


@pytest.mark.parametrize(
    ("text", "today", "days"),
    [
        ("过节那几天活动室开伐", TUESDAY, _days(date(2026, 6, 19), 3)),
        ("过节三天食堂开伐", TUESDAY, _days(date(2026, 6, 19), 3)),
        ("过节期间照相馆开不开", SEPT_29, _days(date(2026, 10, 1), 7)),
    ],
)
def test_the_festival_at_hand_named_as_guojie_is_its_break(
    matcher: QuestionMatcher, text: str, today: date, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, today)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, days)


@pytest.mark.parametrize("text", ["过节那几天卫生站开吗", "过节三天健身房开伐"])
def test_guojie_with_two_festivals_near_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, SEPT_22).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text",
    ["下礼拜食堂每天都开伐", "下周健身房是不是天天开", "next week is the canteen open every day?"],
)
def test_every_day_after_the_place_is_the_whole_week(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TUESDAY)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == _days(date(2026, 6, 22), 7)


def test_a_week_with_no_day_is_still_asked(matcher: QuestionMatcher) -> None:
    assert matcher.understand("下礼拜食堂开伐 我每天都去", TUESDAY).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("农历十五卫生站开伐 今朝初二去人老多的", TUESDAY, date(2026, 6, 29)),
        ("今朝八月十九 后天活动室开伐", SEPT_29, date(2026, 10, 1)),
        ("老伴前年走脱了，端午节那天食堂开伐？", TUESDAY, date(2026, 6, 19)),
        (
            "my husband passed away last year, is the canteen open tomorrow?",
            TUESDAY,
            date(2026, 6, 17),
        ),
        ("前几天伊讲的，端午节那天食堂开伐？", TUESDAY, date(2026, 6, 19)),
        ("女儿礼拜天来看看我。端午节那天食堂开伐？", TUESDAY, date(2026, 6, 19)),
        ("my son visits me on saturdays. is the gym open tomorrow?", SEPT_29, date(2026, 9, 30)),
        ("隔壁王家姆妈讲端午节食堂关门 是真的伐", TUESDAY, date(2026, 6, 19)),
        ("血压一直不稳定 请问下礼拜一卫生站几点开门", TUESDAY, date(2026, 6, 22)),
        (
            "Is the one-stop window open the day before the Dragon Boat Festival?",
            TUESDAY,
            date(2026, 6, 18),
        ),
        ("canteen open the day before the national day?", SEPT_29, date(2026, 9, 30)),
    ],
)
def test_the_storys_days_leave_the_day_asked(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, (day,))


@pytest.mark.parametrize(
    "text",
    ["端午前两天食堂开伐", "女儿礼拜天来看我 那天食堂开伐", "前年食堂开伐"],
)
def test_days_pointed_at_are_still_read(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TUESDAY)
    assert verdict.kind in (Kind.HOURS, Kind.CLARIFY_DAY)
    if verdict.kind is Kind.HOURS:  # "那天" points back to Sunday
        assert verdict.days == (date(2026, 6, 21),)


def test_the_day_after_a_break_of_a_year_unpublished_is_asked(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand(
        "is the canteen open the day after the Qingming break ends?", date(2027, 3, 30)
    )
    assert verdict.kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize("text", ["今朝几号啊 礼拜几", "今天几号呀，星期几", "今天几号了 礼拜几啊"])
def test_the_date_and_weekday_asked_twice(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, TUESDAY).kind is Kind.TODAY


@pytest.mark.parametrize(
    "text", ["孙女帮我报了书法班 我不想去了 哪能退脱", "儿子给我报了个太极班 怎么退"]
)
def test_a_class_signed_up_for_me_given_up_is_myclasses(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, TUESDAY)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "myclasses")


@pytest.mark.parametrize(
    "text",
    [
        "刚刚有人打电话讲我医保卡被冻结了 要我转钞票到安全账户 是真的伐",
        "someone says my bank account is frozen and I must move my savings to a safe account",
        "短信里叫我把验证码发给他们 说是医保局的 要紧伐",
        "隔壁王家姆妈讲食堂烧菜的阿姨跟保安谈朋友了 真的假的",
        "is the gym trainer dating the receptionist?",
    ],
)
def test_a_swindle_or_gossip_is_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, TUESDAY).kind is Kind.NONE


@pytest.mark.parametrize(
    ("text", "feature"),
    [("有没有防诈骗讲座 我妈老接到骗子电话", "events"), ("有没有交友活动 想谈朋友", "events")],
)
def test_near_misses_keep_their_feature(matcher: QuestionMatcher, text: str, feature: str) -> None:
    verdict = matcher.understand(text, TUESDAY)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, feature)
