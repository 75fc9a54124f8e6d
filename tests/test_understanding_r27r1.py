"""Round twenty-seven (session eighteen), a second reader's misfires, part 1 (issue 12): a
break's end counted from next year's festival when this year's has just ended, a festival told
as past in English with "was", and our own questions taken for another's by the new
out-of-scope rules (a lead time, an office sending the resident to our window, a time after
"menu at", a school told as where a grandchild goes, the canteen's allowance for the retired,
a lost identity card as the story of a window task, a contract's copy handed in, the piano
room's piano). New wordings; dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

AFTER_NATIONAL_DAY = date(2026, 10, 8)  # the 2026 break ran 1-7 October
LATE_OCTOBER = date(2026, 10, 21)
AFTER_LANTERN = date(2026, 3, 4)  # the lantern festival fell on 3 March 2026
THURSDAY = date(2026, 5, 28)


@pytest.mark.parametrize(
    ("text", "venue", "day"),
    [
        # this year's break just over: its first weekday after, not next year's
        ("国庆长假放完以后第一个礼拜六 食堂开伐", "canteen", date(2026, 10, 10)),
        ("国庆假期结束后的第一个周一 照相馆开门吗", "photo_studio", date(2026, 10, 12)),
    ],
)
def test_break_just_over_counts_from_this_year(
    matcher: QuestionMatcher, text: str, venue: str, day: date
) -> None:
    understood = matcher.understand(text, AFTER_NATIONAL_DAY)
    assert understood.kind == Kind.HOURS
    assert understood.venue_ids == (venue,)
    assert understood.days == (day,)


def test_break_long_over_is_asked_not_next_years(matcher: QuestionMatcher) -> None:
    # near miss: that weekday gone by weeks ago, asked back (not 2027's)
    understood = matcher.understand("国庆假期结束后的第一个周一 照相馆开门吗", LATE_OCTOBER)
    assert understood.kind == Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text",
    [
        "yesterday was the lantern festival, was the photo studio open",
        "the lantern festival was yesterday, did the gym open",
    ],
)
def test_festival_told_with_was_is_that_day(matcher: QuestionMatcher, text: str) -> None:
    understood = matcher.understand(text, AFTER_LANTERN)
    assert understood.days == (date(2026, 3, 3),)


def test_festival_said_for_today_is_still_today(matcher: QuestionMatcher) -> None:
    # near miss: today asked, the festival only told
    understood = matcher.understand(
        "yesterday was the lantern festival, is the photo studio open today", AFTER_LANTERN
    )
    assert understood.days == (AFTER_LANTERN,)


@pytest.mark.parametrize(
    "text",
    [
        # a lead time, not an amount of exercise
        "夜校的课要多久以前报名最好",
        # another office sending the resident to ours
        "街道派出所的民警叫我到窗口开居住证明 窗口几点开",
        "the tax office said to come to the service window, what time does it open",
        # a time after "menu at", no restaurant
        "what's on the menu at national day",
        # a school told as where the grandchild goes
        "my granddaughter attends a public school, can she join the calligraphy night class",
        # the canteen's allowance for the retired
        "退休了在食堂吃中饭能领多少补贴",
        # the lost identity card the story of a window task
        "身份证补好了 来窗口办老年卡要带啥",
        # a contract's copy handed in at the window
        "办居住证 租赁合同复印件有效伐",
        # the piano room's piano usable
        "琴房里的钢琴好用伐",
        # a session of ours, its length asked
        "律师咨询一趟大概多少分钟比较合适",
        # the card our window issues
        "医保卡到窗口来办 值得办伐",
        # a takeaway ordered from the canteen
        "前天跟食堂订了两份外卖 明天几点送到",
    ],
)
def test_our_questions_stay_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, THURSDAY).kind != Kind.NONE


@pytest.mark.parametrize(
    "text",
    [
        "跑步一个礼拜跑几次比较好",  # near miss: how often is good, advice
        "中国联通营业厅窗口几点下班",
        "what's on the menu at wagas this weekend",
        "which bilingual schools in putuo are still enrolling",
        "交满十五年社保 退休以后能拿多少",
        "身份证掉了到啥地方去补办",
        "借条有效伐",
        "钢琴好用吗",
        "散步一天走几公里最合适",
        "医保交哪个档次划算",
        "订了外卖 等了一个钟头还没来",
    ],
)
def test_others_stay_others(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, THURSDAY).kind == Kind.NONE
