"""Round twenty-seven (session eighteen), second reader 2: misfires of the voice-input, correction
and terse-input rules (u27-d, u27-e, u27-f) on sentences nobody wrote down, each beside its near
miss. A day asked then a fallback ("…tomorrow? if not I'll go saturday instead") keeps the day
asked; an A-not-A choice ("要不要明天去") rules no day out; 虾 / 夏 ending a word ("小龙虾周末")
is no 下; a second weekday asked that falls before the first is not sure; 报 with a card or a
paper is the window's, not a class. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

WEDNESDAY = date(2026, 9, 23)  # Thu 09-24, Fri 09-25, Sat 09-26, Sun 09-27
SATURDAY = date(2026, 9, 26)  # next Friday 10-02


@pytest.mark.parametrize(
    "text",
    [
        "is the gym open tomorrow? if not I'll go saturday instead",  # tomorrow asked
        "is the gym open tomorrow, otherwise saturday instead?",
        "要不要明天去健身房 周六人多",  # a choice weighed, not tomorrow ruled out
    ],
)
def test_a_day_asked_then_another_weighed_is_not_the_other_alone(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.days != (date(2026, 9, 26),)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # near misses: the first day really taken back
        ("tomorrow I have work, so is the gym open saturday morning instead", (date(2026, 9, 26),)),
        ("我不要明天去 人多 后天健身房开吗", (date(2026, 9, 25),)),
    ],
)
def test_a_day_ruled_out_still_leaves_the_other(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("食堂的小龙虾周末有吗", (date(2026, 9, 26), date(2026, 9, 27))),  # this weekend
        ("大虾礼拜五有伐 食堂", (date(2026, 9, 25),)),
        # near misses: 夏 for 下 where a phrase starts
        ("食堂夏礼拜三开吗", (date(2026, 9, 30),)),
        ("请问夏礼拜三食堂开吗", (date(2026, 9, 30),)),
    ],
)
def test_a_word_ending_in_a_sound_of_xia_is_no_next_week(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == days


def test_a_second_weekday_before_the_first_is_not_sure(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("健身房周五开到几点 周六呢", SATURDAY)  # next Fri, then today?
    assert date(2026, 9, 26) not in verdict.days or date(2026, 10, 2) not in verdict.days
    near = matcher.understand("健身房周五开到几点 周六呢", WEDNESDAY)
    assert near.days == (date(2026, 9, 25), date(2026, 9, 26))


@pytest.mark.parametrize("text", ["报 居住证", "报 敬老卡?"])
def test_a_card_or_paper_after_bao_is_no_class(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.feature != "course"


def test_a_class_after_bao_is_still_signed_up_for(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("报 书法?", WEDNESDAY)
    assert verdict.feature == "course"


def test_a_crowd_asked_about_is_no_complaint(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("明天去健身房会不会太挤", WEDNESDAY)
    assert verdict.feature != "feedback"
    assert verdict.days == (date(2026, 9, 24),)
    near = matcher.understand("健身房 太热", WEDNESDAY)  # told short: a complaint
    assert near.feature == "feedback"


def test_weeks_later_then_the_weather_is_no_day_after_tomorrow(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("三个礼拜后天气冷了 健身房开吗", WEDNESDAY)
    assert verdict.days == (date(2026, 10, 14),)  # three weeks on, not 后天
    near = matcher.understand("窗口关了一个礼拜后天开伐", WEDNESDAY)
    assert near.days == (date(2026, 9, 25),)
