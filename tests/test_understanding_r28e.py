"""Round twenty-eight (session nineteen, tuner e, a hunter of confident answers for the wrong
day; dev111 a–d). Classes fixed, each once answered confidently for a day not asked:
a statutory festival named inside its own break ("国庆第六天", "春节前一天", "五一头两天" said
while the break is under way) was read as today and counted from today: now counted from the
festival's own day; a festival that went by lately asked in the past tense ("圣诞节那天活动室开了
吗" on 12-31, "国庆那天健身房开了伐" inside the break, "was the activity room open on qixi") was
next year's or today: now this year's day; a lunar date or a Spring Festival day gone by lately
asked in the past tense ("正月初八照相馆开了伐" on 正月十二, "破五那天窗口开了吗", "初一照相馆
开了伐" on 七月初二) was next year's or next month's: now this year's (this month's); the
district's insurance offices ("社保中心", "医保局", "the social security office") were answered
with our service window's hours: not ours; the last make-up working day pointed back to ("上次
补班那天", "前面补班的", "上礼拜补班", "the last make-up day") was today's (on a make-up day) or
the next one's: now the one gone by (上礼拜's only if last week had one, else asked); "this
coming <weekday>" / "the upcoming weekend" said on that very day (a Sunday evening) was today:
now the next one; the days left of a break ("国庆剩下几天", "春节假期还剩的这几天") were today
alone: now today to the break's end (asked when the count said differs); 七夕 named as "中国
情人节" was Valentine's Day (02-14), and after a week word ("下个礼拜七夕") its 七 was read as
礼拜七 (Sunday): now 七夕. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

OCT_4 = date(2026, 10, 4)  # Sunday, inside the 国庆 break (10-01..10-07)
FEB_19 = date(2026, 2, 19)  # Thursday, 正月初三, inside the 春节 break
MAY_3 = date(2026, 5, 3)  # Sunday, inside the 五一 break
FEB_28 = date(2026, 2, 28)  # Saturday, 正月十二, a make-up working day
DEC_31 = date(2026, 12, 31)  # Thursday
AUG_14 = date(2026, 8, 14)  # Friday, 七月初二
AUG_22 = date(2026, 8, 22)  # Saturday, three days after 七夕 (08-19)


@pytest.mark.parametrize(
    ("text", "today", "days"),
    [
        ("国庆第六天健身房开吗", OCT_4, (date(2026, 10, 6),)),
        ("十一第二天卫生站开伐", OCT_4, (date(2026, 10, 2),)),
        ("国庆节第三天法律援助有人吗", OCT_4, (date(2026, 10, 3),)),
        ("国庆的第二天食堂开吗", OCT_4, (date(2026, 10, 2),)),
        ("国庆前一天食堂开吗", OCT_4, (date(2026, 9, 30),)),
        ("国庆头两天食堂开吗", OCT_4, (date(2026, 10, 1), date(2026, 10, 2))),
        ("春节第五天食堂开吗", FEB_19, (date(2026, 2, 21),)),
        ("过年第五天照相馆开伐", FEB_19, (date(2026, 2, 21),)),
        ("春节前一天食堂开吗", FEB_19, (date(2026, 2, 16),)),
        ("春节头三天窗口开伐", FEB_19, (date(2026, 2, 17), date(2026, 2, 18), date(2026, 2, 19))),
        ("五一第四天食堂开吗", MAY_3, (date(2026, 5, 4),)),
        ("劳动节第五天窗口开伐", MAY_3, (date(2026, 5, 5),)),
        # near misses: the break's own count, and the festival alone (today, inside the break)
        ("国庆假期第六天照相馆开吗", OCT_4, (date(2026, 10, 6),)),
        ("国庆节食堂开吗", OCT_4, (OCT_4,)),
    ],
)  # fmt: skip
def test_a_festival_counted_inside_its_break_counts_from_its_own_day(
    matcher: QuestionMatcher, text: str, today: date, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days or (today,)) == days


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("圣诞节那天活动室开了吗", DEC_31, date(2026, 12, 25)),
        ("平安夜食堂开了吗", DEC_31, date(2026, 12, 24)),
        ("冬至那天食堂开了伐", DEC_31, date(2026, 12, 22)),
        ("Was the canteen open on Christmas?", DEC_31, date(2026, 12, 25)),
        ("圣诞节那天健身房开过伐", date(2027, 1, 5), date(2026, 12, 25)),
        ("国庆那天健身房开了伐", OCT_4, date(2026, 10, 1)),
        ("was the gym open on national day?", OCT_4, date(2026, 10, 1)),
        ("七夕那天活动室开了吗", AUG_22, date(2026, 8, 19)),
        ("was the activity room open on qixi", AUG_22, date(2026, 8, 19)),
        ("立秋那天夜校上课了吗", AUG_14, date(2026, 8, 7)),
    ],
)  # fmt: skip
def test_a_festival_gone_by_asked_in_the_past_tense_is_this_year_s(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("正月初八照相馆开了伐", FEB_28, date(2026, 2, 24)),
        ("破五那天窗口开了吗", FEB_28, date(2026, 2, 21)),
        ("年初二健身房开过伐", FEB_28, date(2026, 2, 18)),
        ("正月初十窗口开的伐", FEB_28, date(2026, 2, 26)),
        ("was the canteen open on the fifth day of chinese new year", FEB_28, date(2026, 2, 21)),
        ("the 8th day of the 1st lunar month was the gym open?", FEB_28, date(2026, 2, 24)),
        ("初一照相馆开了伐", AUG_14, date(2026, 8, 13)),
        ("七月初一窗口开了吗", AUG_14, date(2026, 8, 13)),
        # near misses: the future tense keeps the next one
        ("正月十八食堂开伐", FEB_28, date(2026, 3, 6)),
        ("初八窗口上班了吗", date(2026, 2, 10), date(2026, 2, 24)),
    ],
)  # fmt: skip
def test_a_lunar_day_gone_by_asked_in_the_past_tense_is_this_year_s(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    "text",
    [
        "下礼拜一社保中心开门吗",
        "区社保中心周一开吗",
        "医保中心明天开吗",
        "医保局礼拜三上班伐",
        "is the social security office open tomorrow",
        "is the medical insurance bureau open on monday",
    ],
)
def test_the_district_insurance_offices_are_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, OCT_4).kind is Kind.NONE


@pytest.mark.parametrize("text", ["社保窗口明天开吗", "社保卡明天能办吗", "明天办社保去哪个窗口"])
def test_our_window_for_insurance_cards_stays(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, OCT_4)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == ("service_window",)


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("上次补班窗口开了伐", FEB_28, date(2026, 2, 14)),
        ("前面补班那天食堂开了吗", FEB_28, date(2026, 2, 14)),
        ("上个补班日窗口开了吗", FEB_28, date(2026, 2, 14)),
        ("上回调休上班那天健身房开了吗", FEB_28, date(2026, 2, 14)),
        ("was the window open on the last make-up day?", FEB_28, date(2026, 2, 14)),
        ("上次补班那天窗口开了伐", OCT_4, date(2026, 9, 20)),
        ("上周调休上班那天食堂开了吗", FEB_19, date(2026, 2, 14)),
    ],
)  # fmt: skip
def test_the_last_make_up_day_pointed_back_to_is_the_one_gone_by(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


def test_last_week_s_make_up_day_when_last_week_had_none_is_asked(
    matcher: QuestionMatcher,
) -> None:
    # 02-28 is itself a make-up day; the one before (02-14) was two weeks ago
    assert matcher.understand("上礼拜补班窗口开的伐", FEB_28).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        # near misses: the festival's side, and the make-up day today
        ("中秋前头那个调休要上班的礼拜天 食堂开伐", date(2026, 9, 10), date(2026, 9, 20)),
        ("补班那天食堂开伐", FEB_28, FEB_28),
    ],
)  # fmt: skip
def test_other_make_up_days_stay(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days or (today,)) == (day,)


SUNDAY_OCT_4 = OCT_4


@pytest.mark.parametrize(
    ("text", "today", "days"),
    [
        ("is the canteen open this coming sunday?", SUNDAY_OCT_4, (date(2026, 10, 11),)),
        ("the upcoming sunday canteen?", SUNDAY_OCT_4, (date(2026, 10, 11),)),
        ("is the window open this coming friday?", AUG_14, (date(2026, 8, 21),)),
        ("coming weekend gym?", SUNDAY_OCT_4, (date(2026, 10, 10), date(2026, 10, 11))),
        ("upcoming weekend photo studio?", SUNDAY_OCT_4, (date(2026, 10, 10), date(2026, 10, 11))),
        # near misses: "this <today's weekday>" is today; another weekday is the next one
        ("this sunday canteen?", SUNDAY_OCT_4, (SUNDAY_OCT_4,)),
        ("upcoming monday canteen?", SUNDAY_OCT_4, (date(2026, 10, 5),)),
        ("coming weekend gym?", date(2026, 10, 3), (date(2026, 10, 3), date(2026, 10, 4))),
    ],
)  # fmt: skip
def test_the_coming_weekday_said_on_that_weekday_is_next_week_s(
    matcher: QuestionMatcher, text: str, today: date, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days or (today,)) == days


@pytest.mark.parametrize(
    ("text", "today", "days"),
    [
        ("国庆剩下几天食堂开伐", OCT_4, tuple(date(2026, 10, d) for d in range(4, 8))),
        ("国庆假期还剩的这几天健身房开伐", OCT_4, tuple(date(2026, 10, d) for d in range(4, 8))),
        ("国庆余下的日子窗口开伐", OCT_4, tuple(date(2026, 10, d) for d in range(4, 8))),
        ("春节剩下几天食堂开伐", FEB_19, tuple(date(2026, 2, d) for d in range(19, 24))),
        ("五一剩下的三天照相馆开伐", MAY_3, (date(2026, 5, 3), date(2026, 5, 4), date(2026, 5, 5))),
    ],
)  # fmt: skip
def test_the_break_s_days_left_are_from_today_to_its_end(
    matcher: QuestionMatcher, text: str, today: date, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days) == days


def test_the_break_s_days_left_counted_wrong_are_asked(matcher: QuestionMatcher) -> None:
    # four days are left of 国庆 on 10-04, the resident says two
    assert matcher.understand("十一剩下的两天照相馆开伐", OCT_4).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("中国情人节活动室开伐", AUG_14, date(2026, 8, 19)),
        ("咱们中国的情人节活动室开伐", AUG_14, date(2026, 8, 19)),
        ("中式情人节食堂开伐", AUG_14, date(2026, 8, 19)),
        ("下个礼拜七夕活动室开伐", AUG_14, date(2026, 8, 19)),
        ("下周七夕食堂开伐", AUG_14, date(2026, 8, 19)),
        # near misses: Valentine's stays 14 February, 礼拜七 stays Sunday
        ("情人节活动室开伐", AUG_14, date(2027, 2, 14)),
        ("valentine's day gym?", AUG_14, date(2027, 2, 14)),
        ("礼拜七食堂开伐", AUG_14, date(2026, 8, 16)),
    ],
)  # fmt: skip
def test_qixi_named_as_the_chinese_valentine_s_or_after_a_week_word(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)
