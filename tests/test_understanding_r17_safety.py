"""Round seventeen, safety (dev45a-d): confident answers for another day around holidays, each
class fixed, asked when the calendar cannot pin the day."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher

SPRING = date(2026, 2, 10)  # break 02-15..23, make-up Saturdays 02-14 and 02-28
MAY_DAY = date(2026, 4, 29)  # break 05-01..05, make-up Saturday 05-09
AUTUMN = date(2026, 9, 22)  # 中秋 09-25..27, 国庆 10-01..07, make-up 09-20 and 10-10
NEW_YEAR = date(2026, 12, 28)  # 2027's notice unpublished: only 01-01 known


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


@pytest.mark.parametrize(
    "text",
    [
        "Is the gym open before the 5th?",
        "is the canteen open in the days leading up to May Day",
        "Is the photo studio open the few days after Labour Day?",
        "is the health centre open the days following the holiday's first day, May 1st",
    ],
)
def test_the_days_on_one_side_of_a_day_are_asked(matcher: QuestionMatcher, text: str) -> None:
    """ "the days after may day", "before the 5th": the day named was answered."""
    assert matcher.understand(text, MAY_DAY).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text",
    [
        "is the gym open saturday after the break",
        "the sunday before the holiday, is the canteen open?",
        "is the canteen open the weekend after the holiday",
    ],
)
def test_a_weekday_beside_the_holiday_is_asked(matcher: QuestionMatcher, text: str) -> None:
    """ "saturday after the break": this Saturday (inside the break) was answered."""
    assert matcher.understand(text, MAY_DAY).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text",
    [
        "我3号走，走之前窗口开吗",
        "我2号一早的飞机回老家，走之前照相馆开伐",
        "I leave on the 3rd, is the gym open before I go?",
        "How about before I leave, is the canteen open? I fly out on the 4th",
    ],
)
def test_the_days_before_ones_leaving_are_asked(matcher: QuestionMatcher, text: str) -> None:
    """The day of the leaving was answered, not the days before it."""
    assert matcher.understand(text, MAY_DAY).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("is the canteen open on the 3rd before 9am?", date(2026, 5, 3)),
        ("is the canteen open on saturday after 5pm", date(2026, 5, 2)),
        ("我3号走，3号上午食堂开吗", date(2026, 5, 3)),
        ("Is the clinic open on the 30th? I need my pills before we travel", date(2026, 4, 30)),
        # (not Labour Day: its break goes on after its day, which day is asked)
        ("Is the gym open the day after Children's Day?", date(2026, 6, 2)),
    ],
)
def test_a_day_asked_beside_before_or_after_stays(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, MAY_DAY)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, (day,)), verdict


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("劳动节后第一个周六要上班，照相馆开吗", MAY_DAY, date(2026, 5, 9)),
        ("五一后第一个礼拜六补班 卫生站开吗", MAY_DAY, date(2026, 5, 9)),
        ("国庆节后第一个星期六要补班，食堂开伐", AUTUMN, date(2026, 10, 10)),
        ("国庆过后第一个礼拜六要上班 窗口开伐", AUTUMN, date(2026, 10, 10)),
    ],
)
def test_the_first_saturday_after_a_festival_said_worked_is_its_make_up_day(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    """Counted from the festival's day it fell inside the break, a day off, against what the
    resident said."""
    verdict = matcher.understand(text, today)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, (day,)), verdict


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("五一补班那天食堂开吗", MAY_DAY, date(2026, 5, 9)),
        ("劳动节调休上班那天窗口开伐", MAY_DAY, date(2026, 5, 9)),
        ("Is the canteen open on the May Day make-up day?", MAY_DAY, date(2026, 5, 9)),
        ("国庆补班那天窗口开吗", AUTUMN, date(2026, 10, 10)),  # 09-20 is gone
        ("十一调休上班那天健身房开伐", AUTUMN, date(2026, 10, 10)),
        ("春节补班那天窗口开吗", SPRING, None),  # 02-14 and 02-28: which?
        ("中秋补班那天食堂开吗", AUTUMN, None),  # none of its own to come
        ("元旦补班健身房开伐", NEW_YEAR, None),  # 2027 unpublished
        ("元旦调休那天窗口开吗", NEW_YEAR, None),  # the day worked or the day off in lieu?
        ("国庆调休的日子照相馆开吗", AUTUMN, None),
    ],
)
def test_a_festivals_make_up_day_is_never_the_festivals_own(
    matcher: QuestionMatcher, text: str, today: date, day: date | None
) -> None:
    verdict = matcher.understand(text, today)
    if day is None:
        assert verdict.kind is Kind.CLARIFY_DAY, verdict
    else:
        assert (verdict.kind, verdict.days) == (Kind.HOURS, (day,)), verdict


@pytest.mark.parametrize(
    "text",
    [
        "国庆中间几天照相馆开伐",
        "十一长假中间那天窗口开吗",
        "is the gym open in the middle of golden week",
    ],
)
def test_the_middle_of_a_break_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, AUTUMN).kind is Kind.CLARIFY_DAY


def test_a_festival_alone_stays_its_day(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("国庆节食堂开吗", AUTUMN)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, (date(2026, 10, 1),)), verdict


@pytest.mark.parametrize(
    ("text", "today", "days"),
    [
        ("is the gym open between monday and wednesday", SPRING, (16, 17, 18)),
        ("is the canteen open between friday and sunday", SPRING, (13, 14, 15)),
        (
            "is the canteen open between valentine's day and chinese new year",
            SPRING,
            (14, 15, 16, 17),
        ),
        ("is the canteen open between christmas and new year", NEW_YEAR, None),
    ],
)
def test_between_two_days_is_every_day_from_one_to_the_other(
    matcher: QuestionMatcher, text: str, today: date, days: tuple[int, ...] | None
) -> None:
    """Only the first day was answered (or the two ends): the space a weekday's span takes
    hid "between … and"."""
    verdict = matcher.understand(text, today)
    if days is None:
        assert verdict.kind is Kind.CLARIFY_DAY, verdict
    else:
        want = tuple(date(2026, 2, d) for d in days)
        assert (verdict.kind, verdict.days) == (Kind.HOURS, want), verdict


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("the day before my flight on the 16th, is the canteen open?", date(2026, 2, 15)),
        ("is the gym open the day after my surgery on the 12th?", date(2026, 2, 13)),
        ("is the gym open the day before my flight tomorrow", date(2026, 2, 10)),
    ],
)
def test_the_day_beside_an_event_on_a_day_is_shifted(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, SPRING)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, (day,)), verdict
