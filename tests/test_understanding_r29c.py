"""Round twenty-nine (tuner c, a hunter of 调休 make-up working days; dev113_makeup_a/b).
Classes fixed: someone else's make-up day (the metro's timetable, the stock market, the traffic
rules, another office, one's employer's pay or forms) was answered with the year's holiday
arrangement, and a school's own lessons on it ("礼拜六补班 小学上课吗") with the night school's
hours: now out of scope; the next make-up day said with 日 ("下一个调休日", "下个补班日", "the
next make-up workday", "the next working saturday") was today's hours or asked: now the next
one, and the one after the next ("下下次补班") is asked, not the next; the last one gone by
("上次补班" on 09-20, "the last time we had a working saturday") was asked beyond two months or
answered with the next one: now the latest within half a year; a make-up day told without the
word 补班 ("那个周六不是要上班嘛", "十一长假后要补一天班", "那个礼拜六调休"), told beside a
break said over ("国庆放完假那个礼拜六要上班") or with the side said first in English ("after
the national day break there's a saturday we have to work", "the saturday after the holiday when
we all work") was asked: now the make-up day; 补斑 (pinyin's neighbour) is 补班; "上次补班 …"
and "国庆补班是哪几天" were a class ("上…班", "…班是哪几天"): now the last make-up day and the
arrangement.
Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

SEP_20 = date(2026, 9, 20)  # Sunday, itself a make-up working day (National Day's)
SEP_22 = date(2026, 9, 22)  # Tuesday, before 中秋's break (09-25..27)
OCT_5 = date(2026, 10, 5)  # Monday, inside 国庆's break (10-01..07); Saturday 10-10 is worked
OCT_10 = date(2026, 10, 10)
MAY_9 = date(2026, 5, 9)


@pytest.mark.parametrize(
    "text",
    [
        "补班那天地铁按工作日时刻开吗",
        "调休上班的礼拜六公交几点有",
        "今天调休上班 股票开盘伐",
        "补班那天车管所上班伐",
        "礼拜六补班 限行吗",
        "单位补班不给加班工资怎么办",
        "调休单哪里领",
        "静安区行政服务中心补班开吗",
        "礼拜六补班 孩子小学上课伐",
        "补班那天幼儿园上学吗",
        "is the metro on a weekday timetable on the make-up saturday",
        "do i get overtime for the working saturday",
    ],
)  # fmt: skip
def test_someone_else_s_make_up_day_is_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, OCT_5).kind is Kind.NONE


@pytest.mark.parametrize(
    ("text", "today", "venue"),
    [
        # near misses: ours asked on that day, and the arrangement itself
        ("礼拜六补班 夜校上课吗", OCT_5, "night_school"),
        ("补班那天坐地铁过来 健身房开伐", OCT_5, "gym"),
    ],
)  # fmt: skip
def test_our_place_on_a_make_up_day_is_still_ours(
    matcher: QuestionMatcher, text: str, today: date, venue: str
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert venue in verdict.venue_ids
    assert tuple(verdict.days) == (OCT_10,)


@pytest.mark.parametrize(
    "text",
    ["今年还有几天补班", "哪天调休上班", "国庆补班是哪几天", "五一后补班是几号", "春节补班在哪天"],
)
def test_the_arrangement_asked_with_a_make_up_word_is_still_the_arrangement(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, SEP_20)
    assert verdict.kind is Kind.HOLIDAYS
    assert verdict.year == 2026


@pytest.mark.parametrize(("text", "hint"), [("书法班是哪天", "书法"), ("我想上太极班", "太极")])
def test_a_class_asked_is_still_a_class(matcher: QuestionMatcher, text: str, hint: str) -> None:
    verdict = matcher.understand(text, SEP_20)
    assert verdict.kind is Kind.FEATURE
    assert verdict.course_hint == hint


@pytest.mark.parametrize(
    ("text", "today", "days"),
    [
        ("下一个调休日照相馆开伐", SEP_20, (OCT_10,)),
        ("下个补班日卫生站开吗", SEP_20, (OCT_10,)),
        ("下次调休上班日 食堂有饭吗", SEP_22, (OCT_10,)),
        ("is the canteen open on the next make-up workday", SEP_20, (OCT_10,)),
        ("next working saturday, is the clinic open?", SEP_20, (OCT_10,)),
        ("上次补班那天窗口开了伐", SEP_20, (MAY_9,)),
        ("上一次调休上班 健身房开了吗", SEP_20, (MAY_9,)),
        ("上回补班 窗口开伐", SEP_20, (MAY_9,)),
        ("the last time we had a working saturday was the canteen open", SEP_20, (MAY_9,)),
        ("last working sunday, was the gym open?", OCT_5, (SEP_20,)),
    ],
)  # fmt: skip
def test_the_next_or_last_make_up_day_by_its_order(
    matcher: QuestionMatcher, text: str, today: date, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days) == days


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("五一后补班的那个礼拜六 照相馆开了吗", MAY_9),
        ("春节后补班那个周六 食堂开过伐", date(2026, 2, 28)),
        ("was the gym open on the make-up saturday after may day", MAY_9),
    ],
)  # fmt: skip
def test_a_festival_s_make_up_day_gone_by_asked_in_the_past_tense(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, SEP_20)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days) == (day,)


def test_a_festival_s_make_up_day_gone_by_asked_now_is_asked(matcher: QuestionMatcher) -> None:
    assert matcher.understand("五一后补班的那个礼拜六 照相馆开吗", SEP_20).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text",
    [
        "下下次补班 健身房开吗",
        "下下个补班日窗口开伐",
    ],
)  # fmt: skip
def test_the_make_up_day_after_the_next_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, SEP_20).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("那个周六不是要上班嘛 卫生站开伐", OCT_5),
        ("那个礼拜六要上班 照相馆开不开", OCT_5),
        ("十一过后要补一天班 那天窗口开吗", OCT_5),
        ("后头还要补个班 那天健身房开伐", OCT_5),
        ("长假回来那个礼拜六调休 活动室开吗", OCT_5),
        ("国庆放完假那个星期六要上班 食堂开伐", OCT_5),
        ("国庆休完假那个周六要补班 夜校有课伐", OCT_5),
        ("after the national day holiday there's a saturday we have to work, gym open?", OCT_5),
        ("the saturday after golden week when everyone works, is the canteen open", OCT_5),
        ("补斑那天窗口开伐", OCT_5),
        ("国庆后补斑的礼拜六 活动室开吗", SEP_22),
    ],
)  # fmt: skip
def test_a_make_up_day_told_in_other_words_is_the_make_up_day(
    matcher: QuestionMatcher, text: str, today: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days) == (OCT_10,)


@pytest.mark.parametrize(
    ("text", "today", "kind"),
    [
        # near misses: no make-up Sunday after the break (asked), a Saturday of one's own work
        # in an ordinary week (that Saturday), the one gone by before the break (asked)
        ("after golden week there's a sunday we have to work, gym open?", OCT_5, Kind.CLARIFY_DAY),
        ("中秋前那个礼拜天要上班 食堂开伐", SEP_22, Kind.CLARIFY_DAY),
        ("礼拜六要上班 食堂开吗", date(2026, 11, 2), Kind.HOURS),
        # its date said before "那个礼拜天": the date read with the word
        ("9月20号那个礼拜天要补班 健身房开伐", date(2026, 9, 14), Kind.HOURS),
    ],
)  # fmt: skip
def test_near_misses_of_a_make_up_day_told_in_other_words(
    matcher: QuestionMatcher, text: str, today: date, kind: Kind
) -> None:
    assert matcher.understand(text, today).kind is kind


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("今天算工作日吧 照相馆开吗", SEP_20),
        ("今天也算工作日 食堂开伐", SEP_20),
        # near miss: the kind of day alone is still the next working day
        ("工作日健身房几点开", date(2026, 9, 21)),
    ],
)  # fmt: skip
def test_a_day_said_to_be_a_working_day_is_that_day(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, SEP_20)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days) == (day,)


@pytest.mark.parametrize(
    "text",
    ["which weekends do we have to work this year", "which saturdays are we working this year"],
)
def test_which_weekends_are_worked_is_the_arrangement(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, SEP_20).kind is Kind.HOLIDAYS


@pytest.mark.parametrize(
    ("text", "today", "days"),
    [
        ("国庆调休上班那两天 窗口开吗", OCT_5, (SEP_20, OCT_10)),
        ("the national day make-up days, is the clinic open?", OCT_5, (SEP_20, OCT_10)),
        # near miss: one asked, the one to come
        ("国庆补班那天健身房开伐", OCT_5, (OCT_10,)),
    ],
)  # fmt: skip
def test_a_festival_s_make_up_days_asked_together_count_the_one_gone_by(
    matcher: QuestionMatcher, text: str, today: date, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days) == days
