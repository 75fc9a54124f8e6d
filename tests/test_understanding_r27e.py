"""Round twenty-seven (session eighteen, tuner e, dev105: residents who say the day in a tricky
way). A second question of another day right after the first ("周五…开到几点 周六呢", "礼拜一关
门是吧 那礼拜二呢", "open on thursday? and friday too?") asks both days; a day taken back after
its clause ("礼拜六有课吗 哦不对 是礼拜天", "明天 呃说错了 后天"), a change of mind ("下周一 嗯…
还是下周二吧", "…so Friday instead"), a day said not to be the one asked ("不是问礼拜五哈，问的是
礼拜六") or not to be come on ("我不想明天去，后天…") leaves the day that follows. A second day
that is not clearly either is still asked. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

WEDNESDAY = date(2026, 10, 14)  # Thu 10-15, Fri 10-16, Sat 10-17, Sun 10-18, Mon 10-19
WEDNESDAY_2027 = date(2027, 10, 27)  # tomorrow is Thursday 10-28


def _days(*days: int) -> tuple[date, ...]:
    return tuple(date(2026, 10, d) for d in days)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("卫生站明天上午开吗 那后天呢", _days(15, 16)),
        ("图书室礼拜四开伐？礼拜五呢", _days(15, 16)),
        ("is the canteen open on thursday? and friday too?", _days(15, 16)),
        ("照相馆礼拜一关门是吧 那礼拜二呢", _days(19, 20)),
        ("健身房礼拜六几点关门 那礼拜天呢", _days(17, 18)),
        # (was asked back, r26: both days asked, now answered; tests/test_understanding.py)
        ("礼拜六食堂开吗 那礼拜天呢", _days(17, 18)),
    ],
)  # fmt: skip
def test_a_second_question_of_another_day_asks_both(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == days


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("夜校礼拜六有课吗 哦不对 是礼拜天", _days(18)),
        ("健身房明天 呃说错了 后天几点关门", _days(16)),
        ("窗口礼拜四 嗯…还是礼拜五吧 几点关门", _days(16)),
        ("I was going to come on Thursday but I'm busy, so Friday instead - is the gym open?",
         _days(16)),
        ("is the canteen open tomorrow - no wait, I mean saturday", _days(17)),
        ("不是问礼拜五哈，问的是礼拜六卫生站开伐", _days(17)),
        ("我不想明天去，后天食堂开吗", _days(16)),
        ("I can't make it on saturday, is the canteen open sunday?", _days(18)),
    ],
)  # fmt: skip
def test_a_day_taken_back_or_ruled_out_leaves_the_next(
    matcher: QuestionMatcher, text: str, day: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == day


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("食堂明天开吗 后天我要出门", WEDNESDAY),  # a plan told, no second question
        ("明天不对外开放吗 后天卫生站呢", WEDNESDAY),  # 不对外: no correction
        ("is the gym open tomorrow? i mean friday", WEDNESDAY_2027),  # tomorrow, i.e. friday?
        ("Is the gym open on Friday? I can't come Saturday.", WEDNESDAY),
        ("I can come tomorrow, is the gym open friday?", WEDNESDAY),  # not ruled out
    ],
)
def test_a_second_day_neither_asked_nor_taken_back_is_asked(
    matcher: QuestionMatcher, text: str, today: date
) -> None:
    assert matcher.understand(text, today).kind is Kind.CLARIFY_DAY


def test_a_day_told_as_a_fact_before_that_week_s_day_is_the_story(
    matcher: QuestionMatcher,
) -> None:
    verdict = matcher.understand("照相馆礼拜一关门的 那礼拜二呢", WEDNESDAY)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == _days(20)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("礼拜一去卫生站吃了闭门羹 今天总开了吧", _days(14)),
        ("礼拜三去拍过照片 礼拜五照相馆开伐", _days(16)),
        ("国庆窗口都关的 后天开伐", _days(16)),
        ("窗口关了一个礼拜 后天开伐", _days(16)),  # 后天, not a week after
    ],
)
def test_a_day_told_in_the_story_leaves_the_day_asked(
    matcher: QuestionMatcher, text: str, day: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == day


@pytest.mark.parametrize(
    "text",
    [
        "国庆食堂关了吗",  # the break asked (gone by, or next year's?)
        "我周一去照相馆 今天开吗",  # Monday's visit to come
    ],
)
def test_a_break_or_a_day_not_told_as_done_is_still_asked(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, WEDNESDAY).kind is Kind.CLARIFY_DAY


def test_a_count_of_weeks_still_counts(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("一个礼拜后食堂开吗", WEDNESDAY)
    assert verdict.days == _days(21)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("not next monday, the one after. is the canteen open?", _days(26)),
        ("canteen hours saturday compared to today?", _days(14, 17)),
        ("is the gym open on the last day of autumn (nov 6)?", (date(2026, 11, 6),)),
        ("夜校是礼拜四还是礼拜五上课，我忘了，明天有课吗", _days(15)),
    ],
)
def test_the_one_after_a_comparison_a_date_in_brackets_a_day_forgotten_before(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == days


@pytest.mark.parametrize(
    "text",
    [
        "is the gym open saturday? and the one after?",  # asked first: both, asked back
        "is the gym open on the first day of winter?",  # no date given
        "is the canteen open on teachers day (nov 7)?",  # its date is another: which?
    ],
)
def test_a_day_after_or_a_name_unplaced_is_still_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, WEDNESDAY).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text",
    [
        "I applied for the residence certificate last week, is it done yet?",
        "我妈补办的社保卡可以拿了吗",
    ],
)
def test_a_card_applied_for_asked_ready_goes_to_a_person(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.NONE
    assert verdict.looks_like_question


def test_how_to_apply_stays_the_faq(matcher: QuestionMatcher) -> None:
    assert matcher.understand("申请敬老卡要几天能好", WEDNESDAY).kind is Kind.FAQ
