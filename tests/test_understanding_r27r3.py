"""Round twenty-seven (session eighteen), a second reader's misfires, part 3: 前日 after an
event (its eve, not the day before yesterday), a break's end said when this year's has just
ended, 没人通知我 before an hours ask, 都正常 of a thing's state, a routine's weekday with its
part of the day asked. New wordings; dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

WEDNESDAY = date(2026, 6, 3)
THURSDAY, SATURDAY = date(2026, 6, 4), date(2026, 6, 6)
MONDAY_BEFORE_LAST = date(2026, 6, 1)


@pytest.mark.parametrize("text", ["搬家前日卫生站开门伐", "复查的前日食堂开不开"])
def test_zen_ri_after_an_event_is_its_eve_asked(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text", ["前日卫生站开门伐", "卫生站前日开门伐", "伊前日去过食堂 食堂前日开伐"]
)
def test_zen_ri_alone_is_still_the_day_before_yesterday(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (MONDAY_BEFORE_LAST,)


def test_first_weekday_after_a_break_just_ended_is_this_years(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("国庆长假休完后的第一个礼拜二夜校上课伐", date(2026, 10, 9))
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (date(2026, 10, 13),)
    # near miss: asked before the break, the same day
    before = matcher.understand("国庆长假休完后的第一个礼拜二夜校上课伐", date(2026, 9, 21))
    assert before.days == (date(2026, 10, 13),)


def test_nobody_told_me_then_hours_asked_is_answered(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("一直没人通知我 食堂礼拜六开伐", WEDNESDAY)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (SATURDAY,)
    # near miss: the thing not come, nothing of ours asked, stays a person's
    kept = matcher.understand("报了名到现在还没人联系我", WEDNESDAY)
    assert kept.kind is not Kind.HOURS


def test_a_things_state_all_normal_is_no_hours_ask(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("卫生站 我的化验单都正常吗", WEDNESDAY)
    assert verdict.kind is not Kind.HOURS
    # near miss: the place as usual, asked
    kept = matcher.understand("明朝卫生站都正常伐", WEDNESDAY)
    assert kept.kind is Kind.HOURS
    assert kept.days == (THURSDAY,)


def test_every_weekday_with_its_morning_asked_is_no_routine(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("每个礼拜六上午食堂开伐 明朝呢", WEDNESDAY)
    assert verdict.kind is Kind.HOURS
    assert set(verdict.days) == {THURSDAY, SATURDAY}
    # near miss: the routine told, the other day asked
    kept = matcher.understand("每个礼拜六都去卫生站量血压 明朝开伐", WEDNESDAY)
    assert kept.days == (THURSDAY,)
