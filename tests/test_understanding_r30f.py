"""Round thirty (tuner f, the day classes round twenty-nine left alone; dev121_left a–c).
Classes fixed: which days a place open on few weekdays keeps ("法律援助哪几天有", "which days is
legal aid open") got today's hours or the place's FAQ: now its hours on the seven days from
today; the day back after the break asked which ("节后什么时候上班", "when does the canteen reopen
after the holiday") was asked even with one break at hand and its notice known: now the first
working day after it (two breaks near stay asked); "is the gym open on double ninth?" the day
after 重阳 was next year's while the Chinese asks: now asked too; "中秋国庆期间" dropped the second
break: now both breaks' days; "食堂还有饭吗" (still food now) got the FAQs: now today's hours;
"廿三小年" / "廿四小年" / "小年廿四" were asked (or the 24th for 廿三): now their day; 下半年 was
today's: now asked; "is the gym open next double ninth?" left "next" as a day word (asked): now
the next one. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

D = date
SEP_22 = D(2026, 9, 22)  # Tuesday: 中秋's break 09-25..27, 国庆's 10-01..07 after it
OCT_3 = D(2026, 10, 3)  # Saturday, inside the 国庆 break (back on 10-08)
OCT_19 = D(2026, 10, 19)  # Monday, the day after 重阳 (10-18)
MAY_2 = D(2026, 5, 2)  # Saturday, inside the 五一 break (05-01..05)
BOTH_BREAKS = (*(D(2026, 9, n) for n in (25, 26, 27)), *(D(2026, 10, n) for n in range(1, 8)))


def _week(today: date) -> tuple[date, ...]:
    return tuple(today + timedelta(days=n) for n in range(7))


@pytest.mark.parametrize(
    ("text", "today", "venue", "days"),
    [
        # which days, of a place open on few weekdays: the seven days from today
        ("律师一般礼拜几来", SEP_22, "legal_aid", _week(SEP_22)),
        ("法律援助是哪几天的", D(2026, 11, 8), "legal_aid", _week(D(2026, 11, 8))),
        ("找律师咨询哪些天可以", SEP_22, "legal_aid", _week(SEP_22)),
        ("what days is the lawyer in?", SEP_22, "legal_aid", _week(SEP_22)),
        # near misses: a week named (the house's), a place open most days (today's)
        ("下礼拜律师哪几天有", SEP_22, "legal_aid", _week(D(2026, 9, 28))),
        ("照相馆哪几天开", SEP_22, "photo_studio", (SEP_22,)),
        ("which days is the gym open", SEP_22, "gym", (SEP_22,)),
        ("律师明天在吗", SEP_22, "legal_aid", (D(2026, 9, 23),)),
        # the day back after the break, one break at hand, its notice known
        ("节后照相馆哪天开门", OCT_3, "photo_studio", (D(2026, 10, 8),)),
        ("国庆放完假活动室几号开", OCT_3, "activity_rooms", (D(2026, 10, 8),)),
        ("when is the gym back open after the holiday?", OCT_3, "gym", (D(2026, 10, 8),)),
        ("收假以后卫生站什么时候开", MAY_2, "health_station", (D(2026, 5, 6),)),
        # two breaks said with the break word once: both breaks
        ("中秋国庆放假期间卫生站开吗", SEP_22, "health_station", BOTH_BREAKS),
        ("中秋跟国庆两个长假活动室开伐", SEP_22, "activity_rooms", BOTH_BREAKS),
        ("during mid-autumn and national day is the gym open", SEP_22, "gym", BOTH_BREAKS),
        # near misses: one break; the two festivals bare (their own days, as it was)
        ("国庆放假期间卫生站开吗", SEP_22, "health_station", BOTH_BREAKS[3:]),
        ("中秋国庆卫生站开吗", SEP_22, "health_station", (D(2026, 9, 25), D(2026, 10, 1))),
        # still food / still serving now: today's hours
        ("食堂现在还有吃的伐", SEP_22, "canteen", (SEP_22,)),
        ("is the canteen still doing dinner", SEP_22, "canteen", (SEP_22,)),
        # 下半天 is the afternoon: today, like 下午 (or the day said)
        ("下半天活动室开伐", SEP_22, "activity_rooms", (SEP_22,)),
        ("后天下半天卫生站有人伐", SEP_22, "health_station", (D(2026, 9, 24),)),
        # 廿三 / 廿四 said with 小年: that day of the coming 春节
        ("廿三小年卫生站开伐", SEP_22, "health_station", (D(2027, 1, 30),)),
        ("二十四小年活动室开吗", SEP_22, "activity_rooms", (D(2027, 1, 31),)),
        ("小年廿三照相馆开不开", SEP_22, "photo_studio", (D(2027, 1, 30),)),
        ("腊月廿三小年照相馆开不开", SEP_22, "photo_studio", (D(2027, 1, 30),)),
        # the English past tense and "next" after 重阳 keep their day
        ("was the canteen open on double ninth?", OCT_19, "canteen", (D(2026, 10, 18),)),
        ("is the canteen open next double ninth", OCT_19, "canteen", (D(2027, 10, 8),)),
        ("is the canteen open on the next double ninth?", OCT_19, "canteen", (D(2027, 10, 8),)),
        ("will the gym be open on double ninth next year?", OCT_19, "gym", (D(2027, 10, 8),)),
        ("is the gym open next christmas", OCT_19, "gym", (D(2026, 12, 25),)),
    ],
)  # fmt: skip
def test_days_read(
    matcher: QuestionMatcher, text: str, today: date, venue: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert tuple(verdict.days or (today,)) == days


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("节后你们哪天上班", OCT_3, D(2026, 10, 8)),
        ("放完假中心几号开门", OCT_3, D(2026, 10, 8)),
        ("假期过完了什么时候上班", MAY_2, D(2026, 5, 6)),
    ],
)  # fmt: skip
def test_the_day_back_with_no_place_is_that_days_overview(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.OVERVIEW
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    ("text", "today"),
    [
        # two breaks near: which one's end? Asked
        ("节后照相馆哪天开门", SEP_22),
        ("when is the gym back open after the holiday?", SEP_22),
        # no break at hand, or a year whose notice is not out
        ("节后照相馆哪天开门", D(2026, 11, 20)),
        ("节后照相馆哪天开门", D(2026, 12, 29)),
        # a yes/no over the days after: a stretch
        ("节后照相馆开伐", OCT_3),
        # the English bare present just after a festival, like "重阳健身房开伐"
        ("is the health station open on double ninth", OCT_19),
        ("are the activity rooms open for chongyang?", OCT_19),
        ("double ninth, is the canteen open", OCT_19),
        ("重阳节照相馆开吗", OCT_19),
        # "next year" beside a festival whose next one is this year's: which? Asked
        ("is the gym open on christmas next year", OCT_19),
        # plain 小年: north or south? Asked (as it was)
        ("小年活动室开吗", SEP_22),
        # half a year is no day
        ("下半年活动室开伐", SEP_22),
        ("上半年卫生站开吗", SEP_22),
    ],
)  # fmt: skip
def test_asked(matcher: QuestionMatcher, text: str, today: date) -> None:
    assert matcher.understand(text, today).kind is Kind.CLARIFY_DAY


def test_english_festival_just_gone_offers_both_days(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("is the photo studio open on double ninth?", OCT_19)
    assert verdict.kind is Kind.CLARIFY_DAY
    assert tuple(verdict.candidates) == (D(2026, 10, 18), D(2027, 10, 8))


@pytest.mark.parametrize(
    ("text", "today"),
    [
        # long after it: next year's (the house's, r29e)
        ("is the gym open on national day", D(2026, 12, 3)),
        # weeks after 重阳 (past two weeks): next year's
        ("is the gym open on double ninth?", D(2026, 11, 20)),
    ],
)  # fmt: skip
def test_english_festival_long_gone_is_next_years(
    matcher: QuestionMatcher, text: str, today: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days
    assert verdict.days[0].year == today.year + 1


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("家里还有饭吗", SEP_22),  # not ours
        ("食堂还有饭卡卖吗", SEP_22),  # a card, not food now
    ],
)  # fmt: skip
def test_still_food_look_alikes_are_not_hours(
    matcher: QuestionMatcher, text: str, today: date
) -> None:
    assert matcher.understand(text, today).kind is not Kind.HOURS
