"""Round twenty-two (dev73's failures by class): a day to be picked after or before the break
is asked; the break's eve said so is its day; a make-up Saturday said with its date is that
date; "free" before a service's name asks its hours; a short alias with two letters swapped
and a Chinese name with one character in pinyin are the venue; whether a day is worked is the
year's arrangement; "anything at <site> open" is the overview; the sign-up asked with no
subject, a price beside a weak hours word and an English subject with its level; an office
tower's fittings are not ours. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher

WEDNESDAY = date(2026, 4, 29)  # two days before the Labour Day break (05-01..05-05)
TUESDAY = date(2026, 9, 29)  # two days before the National Day break (10-01..10-07)


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


@pytest.mark.parametrize(
    "text",
    [
        "Some day after the holiday, will a lawyer be in?",
        "one day after the break is the canteen open",
        "any day after the holiday, can I see a lawyer?",
        "some day before the holiday, is the gym open?",
    ],
)
def test_a_day_to_be_picked_around_the_break_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, WEDNESDAY).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("the day after the holiday is the gym open", WEDNESDAY, date(2026, 5, 6)),
        ("The day before the holiday, is the service window open?", WEDNESDAY, date(2026, 4, 30)),
        ("放假前一天服务窗口开吗", WEDNESDAY, date(2026, 4, 30)),
        ("节前那天食堂开伐", WEDNESDAY, date(2026, 4, 30)),
        ("the day before the break starts, gym?", TUESDAY, date(2026, 9, 30)),
        (
            "Does night school run on the make-up working Saturday (9 May)?",
            WEDNESDAY,
            date(2026, 5, 9),
        ),
        ("5月9号补班的礼拜六夜校上课吗", WEDNESDAY, date(2026, 5, 9)),
        ("下周三下午还有免费法律咨询吗", WEDNESDAY, date(2026, 5, 6)),
        ("is there free legal advice this saturday?", TUESDAY, date(2026, 10, 3)),
        ("jian身房5.9号开吗", WEDNESDAY, date(2026, 5, 9)),
        ("gmy open now?", WEDNESDAY, date(2026, 4, 29)),
        ("卫sheng站明天开伐", TUESDAY, date(2026, 9, 30)),
    ],
)
def test_the_day_said_is_answered(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    "text",
    [
        "the day before the holiday is the service window open?",  # the break three weeks away
        "Does night school run on the make-up working Saturday (10 May)?",  # not a Saturday
    ],
)
def test_a_day_not_agreed_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, date(2026, 4, 10)).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "faq"),
    [
        ("法律咨询免费吗", "legal_aid_how"),  # its price asked
        ("夜校现在能报名吗 在哪报", "night_school_signup"),
        ("上班族能去食堂吃饭吗 lunch 多少钱", "canteen_prices"),
        ("can I go to the canteen for lunch, how much is it?", "canteen_prices"),
    ],
)
def test_the_entry_asked(matcher: QuestionMatcher, text: str, faq: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, faq)


@pytest.mark.parametrize(
    "text",
    [
        "Is Saturday the 9th a working day this year? What's the May Day schedule?",
        "is may 9 a working day?",
        "5月9号是工作日吗",
    ],
)
def test_whether_a_day_is_worked_is_the_arrangement(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.year) == (Kind.HOLIDAYS, 2026)


def test_a_working_day_beside_a_place_is_its_hours(matcher: QuestionMatcher) -> None:
    assert matcher.understand("is the gym open on a working day?", WEDNESDAY).kind is Kind.HOURS


@pytest.mark.parametrize(
    "text",
    [
        "Anything at 1690 or Changfeng Bay open this Sunday?",
        "is anything at changfeng bay open this sunday?",
    ],
)
def test_anything_at_a_site_open_is_the_overview(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.OVERVIEW
    assert verdict.days == (date(2026, 5, 3),)


@pytest.mark.parametrize(
    ("text", "hint"),
    [("有没有 Python 入门课", "python"), ("有excel进阶班吗", "excel")],
)
def test_an_english_subject_with_its_level(matcher: QuestionMatcher, text: str, hint: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "course")
    assert (verdict.course_hint or "").casefold() == hint


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The aircon on our office floor in the tower is broken, who do I call?", Kind.NONE),
        ("the lift in my office building is stuck, who do I call", Kind.NONE),
        ("我们写字楼空调坏了打谁电话", Kind.NONE),
        ("公司电梯坏了找谁", Kind.NONE),
        ("the aircon in the studio is broken", Kind.FEATURE),  # ours: feedback
        ("my gmy", Kind.NONE),  # no hours word after it: not read
    ],
)
def test_an_office_towers_fittings_are_not_ours(
    matcher: QuestionMatcher, text: str, kind: Kind
) -> None:
    assert matcher.understand(text, WEDNESDAY).kind is kind
