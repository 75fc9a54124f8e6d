"""Round twenty-six, session sixteen (dev95's failures by class): questions asked for others
(relayed, two in one message, 帮我女儿问的), a year told as the story's, a lunar 月半, a landmark
one goes to afterwards, 哪里还开着, 在啥地方, an estate's shares and a family's festival meal
(not ours). Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

MONDAY = date(2026, 12, 21)  # the day before 冬至 (12-22); lunar 十一月十三


@pytest.mark.parametrize(
    ("question", "venue", "day"),
    [
        # a year told with what happens in it is the story's, not the day asked
        ("明年就退休了，食堂后天开伐", "canteen", "2026-12-23"),
        ("明年要搬场了，阅览室明朝开伐", "activity_rooms", "2026-12-22"),
        ("next year i need a new id card, is the photo studio open tomorrow", "photo_studio",
         "2026-12-22"),
        # 月半: the lunar month's 15th
        ("农历十一月半健身房开门伐", "gym", "2026-12-23"),
        ("阴历十一月半食堂开吗", "canteen", "2026-12-23"),
        # a landmark one goes to afterwards is the story's
        ("健身房明天开到几点 锻炼完然后去外滩兜兜", "gym", "2026-12-22"),
        ("跨年夜食堂开到几点 吃好再去人民广场", "canteen", "2026-12-31"),
    ],
)  # fmt: skip
def test_day_read(matcher: QuestionMatcher, question: str, venue: str, day: str) -> None:
    verdict = matcher.understand(question, MONDAY)
    assert verdict.kind is Kind.HOURS
    assert venue in verdict.venue_ids
    assert verdict.days == (date.fromisoformat(day),)


@pytest.mark.parametrize(
    "question", ["跨年夜哪里还开着", "元旦前一天哪些还开着", "跨年夜哪儿还开 帮群里问一声"]
)
def test_overview_with_still(matcher: QuestionMatcher, question: str) -> None:
    verdict = matcher.understand(question, MONDAY)
    assert verdict.kind is Kind.OVERVIEW
    assert verdict.days == (date(2026, 12, 31),)


@pytest.mark.parametrize(
    "question",
    [
        "我外婆问今朝几号",
        "隔壁阿姨问今天礼拜几，伊记不得了",
        "my grandma is asking what day it is today",
    ],
)
def test_today_relayed(matcher: QuestionMatcher, question: str) -> None:
    assert matcher.understand(question, MONDAY).kind is Kind.TODAY


@pytest.mark.parametrize(
    ("question", "faq"),
    [
        ("夜校哪能报名，帮我儿子问的", "night_school_signup"),
        ("帮我妈问一下，夜校怎么报名", "night_school_signup"),
        ("1690在啥地方", "address_1690"),
        ("长风湾驿站在什么地方？", "address_changfeng"),
        # two questions, the first not ours: the second answered
        ("医保报销比例多少？另外，夜校怎么报名", "night_school_signup"),
        ("how much will the pension go up? also, where do I park", "parking"),
        # the lawyer asked for stays legal aid's
        ("遗产怎么分的事想咨询律师 要钱伐", "legal_aid_how"),
    ],
)
def test_faq(matcher: QuestionMatcher, question: str, faq: str) -> None:
    verdict = matcher.understand(question, MONDAY)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == faq


@pytest.mark.parametrize(
    "question",
    [
        "遗产怎么分才合理，兄弟两个",
        "爸妈的老房子继承，姐弟三个怎样分",
        "how should our parents' flat be split between the three of us",
        "冬至屋里做羹饭摆几个菜",
        "清明祭祖要准备几道菜",
    ],
)
def test_not_ours(matcher: QuestionMatcher, question: str) -> None:
    assert matcher.understand(question, MONDAY).kind is Kind.NONE
