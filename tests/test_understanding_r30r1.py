"""Round thirty, a second reader (r1) of the day rules: misfires found on sentences nobody
tuned on, fixed by class. Said on a Sunday, "next saturday and sunday" is the coming weekend
(the new "next <weekday>" question dropped the Sunday from its buttons); 这个周末 / "this
weekend" beside the next weekend named is today (asked for nothing); a make-up day asked after
the break's words (节后哪天补班) is the year's arrangement again, not the day back; "festival" or
"day" after an English festival name just gone is the name's (its near days were offered too);
小年 said to be 廿三 or 廿四 keeps both. Dates injected, never the real ones."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

SUN_NOV_29 = date(2026, 11, 29)  # Sunday
IN_NATIONAL_DAY = date(2026, 10, 5)  # inside the National Day break (10-01..10-07)
DAY_AFTER_CHONGYANG = date(2026, 10, 20)  # 重阳 was 10-18
BEFORE_XIAONIAN = date(2027, 1, 25)  # 小年 2027: 廿三 01-30, 廿四 01-31


@pytest.mark.parametrize(
    "text",
    [
        "canteen next saturday and sunday, open?",
        "is the photo studio open next sat and sun",
        "will the activity rooms be open next saturday or next sunday",
    ],
)
def test_next_saturday_with_sunday_on_a_sunday_is_the_coming_weekend(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, SUN_NOV_29)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (date(2026, 12, 5), date(2026, 12, 6))


def test_next_saturday_alone_on_a_sunday_is_still_asked(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("is the canteen open next saturday", SUN_NOV_29)
    assert verdict.kind is Kind.CLARIFY_DAY
    assert set(verdict.candidates) == {date(2026, 12, 5), date(2026, 12, 12)}


@pytest.mark.parametrize(
    "text",
    [
        "本周末跟下周末照相馆开不开",
        "这个礼拜末和下个礼拜末卫生站都开伐",
        "canteen open this weekend and next weekend too?",
    ],
)
def test_this_weekend_beside_the_next_on_a_sunday_is_today(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, SUN_NOV_29)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (SUN_NOV_29, date(2026, 12, 5), date(2026, 12, 6))


def test_this_weekend_alone_on_a_sunday_is_still_asked(matcher: QuestionMatcher) -> None:
    assert matcher.understand("本周末照相馆开不开", SUN_NOV_29).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text", ["过完节哪天要补班", "放假结束以后哪天调休上班", "节后什么时候补班啊"]
)
def test_make_up_day_asked_after_the_break_is_the_arrangement(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, IN_NATIONAL_DAY).kind is Kind.HOLIDAYS


def test_day_back_after_the_break_is_still_answered(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("过完节照相馆哪天开", IN_NATIONAL_DAY)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (date(2026, 10, 8),)


@pytest.mark.parametrize(
    "text",
    [
        "is the photo studio open on chongyang festival?",
        "double ninth day, is the canteen open",
        "are the activity rooms open for the double ninth festival",
    ],
)
def test_festival_word_after_an_english_name_just_gone_is_the_name(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, DAY_AFTER_CHONGYANG)
    assert verdict.kind is Kind.CLARIFY_DAY
    assert set(verdict.candidates) == {date(2026, 10, 18), date(2027, 10, 8)}


def test_xiaonian_said_as_one_of_two_keeps_both(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("小年到底是廿三或者廿四 照相馆开伐", BEFORE_XIAONIAN)
    assert verdict.kind is Kind.CLARIFY_DAY
    assert {date(2027, 1, 30), date(2027, 1, 31)} <= set(verdict.candidates)


def test_xiaonian_with_its_day_after_is_still_that_day(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("小年就是廿三 照相馆开伐", BEFORE_XIAONIAN)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (date(2027, 1, 30),)


BETWEEN_THE_BREAKS = date(2026, 9, 29)  # 中秋's break was 09-25..27, 国庆's starts 10-01
BOTH_BREAKS = (
    date(2026, 9, 25), date(2026, 9, 26), date(2026, 9, 27),
    *(date(2026, 10, d) for d in range(1, 8)),
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("中秋国庆放假期间照相馆开伐", BETWEEN_THE_BREAKS),
        ("中秋跟国庆两个长假活动室开不开", BETWEEN_THE_BREAKS),
        ("国庆中秋假期卫生站开吗", IN_NATIONAL_DAY),
    ],
)
def test_pair_of_breaks_with_the_first_just_gone_is_both(
    matcher: QuestionMatcher, text: str, today: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == BOTH_BREAKS


def test_festival_just_gone_alone_is_still_asked(matcher: QuestionMatcher) -> None:
    assert matcher.understand("中秋照相馆开伐", BETWEEN_THE_BREAKS).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize("text", ["律师一般哪几天来？要不要预约", "法律援助礼拜几有，收费吗"])
def test_which_days_with_how_the_service_is_had_keeps_its_entry(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, date(2026, 11, 18))
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "legal_aid_how"


def test_which_days_of_the_free_lawyer_is_still_the_week(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("免费律师一般礼拜几来", date(2026, 11, 18))
    assert verdict.kind is Kind.HOURS
    assert len(verdict.days) == 7


@pytest.mark.parametrize(
    "text", ["开工第一天就累坏了，照相馆几点开", "复工第一天已经忙完了 活动室开到几点"]
)
def test_first_day_at_work_told_as_done_is_not_the_day_back(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, IN_NATIONAL_DAY)
    assert date(2026, 10, 8) not in verdict.days


def test_first_day_at_work_asked_is_still_the_day_back(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("开工第一天照相馆开了伐", IN_NATIONAL_DAY)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (date(2026, 10, 8),)


@pytest.mark.parametrize(
    "text",
    [
        "which day are you open again after the holiday",
        "what day do you open again after the break?",
    ],
)
def test_day_back_asked_in_english_with_no_place_is_the_overview(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, IN_NATIONAL_DAY)
    assert verdict.kind is Kind.OVERVIEW
    assert verdict.days == (date(2026, 10, 8),)
