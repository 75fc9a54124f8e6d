"""Round twenty-six (session sixteen, dev91's failures by class): the New Year break and the
run-up to the Spring Festival. A day inside a break named with the break; a kind of day's hours
followed ("按工作日的时间") as no day; "回来第一天" after a break; the Spring Festival's days as a
span or a list; a make-up day's "那个礼拜六"; English month ends; whether a weekend day is
worked; the clock asked from abroad; the reason told after a question; a class asked by its
name after a doing wished; the law's answer and exercise with one's condition, not ours.
Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

NEW_YEAR_BREAK = date(2026, 1, 2)  # Friday, inside the 元旦 break 01-01..01-03
MAKEUP_SUNDAY = date(2026, 1, 4)  # the 调休 make-up working Sunday


def _days(*pairs: tuple[int, int]) -> tuple[date, ...]:
    return tuple(date(2026, m, d) for m, d in pairs)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # a day inside the break named with the break: the day
        ("元旦期间食堂明天开伐", _days((1, 3))),
        ("假期里照相馆今天开门吗", _days((1, 2))),
        ("during the holiday is the canteen open tomorrow?", _days((1, 3))),
        # a kind of day's hours followed is no day of its own
        ("礼拜天补班，食堂照平常工作日开伐", _days((1, 4))),
        ("周日卫生站是不是按工作日时间上班", _days((1, 4))),
        ("这周日健身房跟工作日一样开吗", _days((1, 4))),
        # back from the break, its first day
        ("放完假回来第一天 食堂开吗", _days((1, 4))),
        ("元旦回来第一天，照相馆开不开", _days((1, 4))),
        # the Spring Festival's days as a span or listed, in 冬月
        ("初二到初五食堂开伐", _days((2, 18), (2, 19), (2, 20), (2, 21))),
        ("初一、初二卫生站开门吗", _days((2, 17), (2, 18))),
        ("大年初一初二卫生站开门吗", _days((2, 17), (2, 18))),
        # a make-up day's "那个礼拜六": the date's own weekday
        ("春节后补班的那个礼拜六 食堂开吗", _days((2, 28))),
        ("5月9号补班的那个礼拜六 健身房开吗", _days((5, 9))),
        # English month ends and starts
        ("end of January gym hours", _days((1, 31))),
        ("is the canteen open on the last day of feb?", _days((2, 28))),
        ("first day of March, photo studio open?", _days((3, 1))),
    ],
)
def test_days_read(matcher: QuestionMatcher, text: str, days: tuple[date, ...]) -> None:
    verdict = matcher.understand(text, NEW_YEAR_BREAK)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == days


@pytest.mark.parametrize(
    "text",
    [
        "春节期间健身房明天开吗",  # the day is not inside the break named: which one?
        "春节前补班的那个礼拜天 卫生站开吗",  # no make-up Sunday before it
        "初一健身房开吗",  # in 冬月: 腊月初一 or the Spring Festival's?
        "活动室是按工作日的时间开吗",  # no day named beside the kind of day
    ],
)
def test_still_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, NEW_YEAR_BREAK).kind is Kind.CLARIFY_DAY


def test_first_days_as_a_span_far_from_the_festival_are_asked(matcher: QuestionMatcher) -> None:
    assert matcher.understand("初一到初三健身房开吗", date(2026, 5, 2)).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text",
    ["周六要上班伐", "礼拜天上不上班", "下礼拜天是不是要上班", "do we have to work this sunday?"],
)
def test_whether_a_weekend_day_is_worked(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, NEW_YEAR_BREAK)
    assert verdict.kind is Kind.HOLIDAYS
    assert verdict.year == 2026


def test_the_centre_asked_is_not_the_arrangement(matcher: QuestionMatcher) -> None:
    assert matcher.understand("你们礼拜天要上班吗", NEW_YEAR_BREAK).kind is not Kind.HOLIDAYS


def test_a_weekend_worked_told_before_the_hours(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("我礼拜天要上班，健身房晚上开到几点", NEW_YEAR_BREAK)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (MAKEUP_SUNDAY,)


@pytest.mark.parametrize(
    "text",
    [
        "I'm abroad, what time is it there?",
        "what time is it in shanghai right now?",
        "国内现在几点了",
        "你们那边现在几点",
    ],
)
def test_the_clock_asked_from_abroad(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, NEW_YEAR_BREAK).kind is Kind.TIME


@pytest.mark.parametrize(
    ("text", "faq"),
    [
        ("Do you have wifi? my son needs it for his online class", "wifi"),
        ("where is the 1690 centre? I need it for the delivery guy", "address_1690"),
    ],
)
def test_the_reason_told_after_the_question(matcher: QuestionMatcher, text: str, faq: str) -> None:
    verdict = matcher.understand(text, NEW_YEAR_BREAK)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == faq


def test_a_day_in_the_reason_is_kept(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand(
        "is the activity room open? we need it for saturday", NEW_YEAR_BREAK
    )
    assert verdict.days == _days((1, 3))


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("想学弹琴 有没有钢琴班", "钢琴"),  # a doing wished, then the class by its name
        ("我想学跳舞 你们有拉丁舞班吗", "拉丁舞"),
        ("俺们想学唱歌 有合唱班木有", "合唱"),
        ("想学上海话，有没有沪语班", "上海话"),  # a subject's name said first stays
        ("想学书法 写春联用 有课吗", "书法"),  # the purpose told is no subject
        ("想学拍照 出去旅游用 有班吗", "摄影"),
    ],
)
def test_the_class_wished(matcher: QuestionMatcher, text: str, hint: str) -> None:
    verdict = matcher.understand(text, NEW_YEAR_BREAK)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "course"
    assert verdict.course_hint == hint


@pytest.mark.parametrize(
    "text",
    [
        "房东合同没到期能涨房租吗",
        "can my employer cut my pay without notice?",
        "心脏不好 去健身房跑步机上跑有没有危险",
        "is it safe to use the treadmill with high blood pressure?",
    ],
)
def test_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, NEW_YEAR_BREAK).kind is Kind.NONE


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("房东不退押金 你们律师能帮忙吗", Kind.FAQ),  # our lawyers asked: legal aid's entry
        ("我有高血压 健身房几点开", Kind.HOURS),  # the condition told, the hours asked
    ],
)
def test_ours_beside_the_border(matcher: QuestionMatcher, text: str, kind: Kind) -> None:
    assert matcher.understand(text, NEW_YEAR_BREAK).kind is kind
