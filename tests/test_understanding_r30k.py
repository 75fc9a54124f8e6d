"""Round thirty (tuner k, spent34: back to work after the Spring Festival, reference Wednesday
2026-02-25). Classes fixed: "at the end of the month" asked in the month's last week was answered
for its last day (the days now coming, as 月底 is: asked), and "month end" was no day at all
(today's hours); "X在哪里开" (where X is held or issued) was read as "which places open" and
answered or asked as ours; make-up work told as done ("补完班") was not the make-up day, and a
weekday told of the day after it ("补班第二天就是礼拜天") was taken as the make-up day's own;
"stn" was not a station; the resident's own 下班 ("想下班学点东西") was an hours question.
Probes in other words and on other days than the set's. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

NOV_24 = date(2026, 11, 24)  # Tuesday, the month's last week
NOV_5 = date(2026, 11, 5)
NOV_27 = date(2026, 11, 27)
DEC_22 = date(2026, 12, 22)
OCT_8 = date(2026, 10, 8)  # Thursday after the National Day break; make-up Saturday 10-10


def _days(*days: str) -> tuple[date, ...]:
    return tuple(date.fromisoformat(d) for d in days)


@pytest.mark.parametrize(
    "text",
    [
        "Will the canteen be open at the end of this month?",
        "month-end, is the health station open?",
        "end of the month is the gym open",
    ],
)
def test_the_end_of_the_month_in_its_last_week_is_asked(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, NOV_24)
    assert verdict.kind is Kind.CLARIFY_DAY, verdict
    assert verdict.candidates == _days("2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30")


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        # said early in the month: its last day (dev89's reading)
        ("Will the canteen be open at the end of this month?", NOV_5, "2026-11-30"),
        ("month end is the gym open", NOV_5, "2026-11-30"),
        # the last day said as such, next month's end, a month named (dev10's reading)
        ("is the gym open on the last day of the month", NOV_24, "2026-11-30"),
        ("gym open at the end of next month?", NOV_24, "2026-12-31"),
        ("十一月底食堂开吗", NOV_27, "2026-11-30"),
    ],
)
def test_the_end_of_the_month_still_a_day(
    matcher: QuestionMatcher, text: str, today: date, day: str
) -> None:
    verdict = matcher.understand(text, today)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, _days(day)), verdict


@pytest.mark.parametrize(
    "text",
    ["元旦后的庙会在哪里开", "下礼拜的招聘会在哪儿开", "明天的人才交流会在哪里开"],
)
def test_where_an_event_is_held_is_not_which_places_open(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, DEC_22).kind is Kind.NONE


@pytest.mark.parametrize(
    ("text", "day"), [("后天哪里开着", "2026-12-24"), ("元旦哪儿还开", "2027-01-01")]
)
def test_which_places_open_still_the_overview(
    matcher: QuestionMatcher, text: str, day: str
) -> None:
    verdict = matcher.understand(text, DEC_22)
    assert (verdict.kind, verdict.days) == (Kind.OVERVIEW, _days(day)), verdict


@pytest.mark.parametrize(
    ("text", "venue", "day"),
    [
        ("补好班那天健身房开吗", "gym", "2026-10-10"),
        ("补完班后一天卫生站开伐", "health_station", "2026-10-11"),
        ("补班第二天正好是礼拜天 健身房开吗", "gym", "2026-10-11"),
        ("补完了班第二天就是礼拜天 食堂开吗", "canteen", "2026-10-11"),
        ("补班的礼拜六食堂开吗", "canteen", "2026-10-10"),  # unchanged
        ("is the health stn open on saturday", "health_station", "2026-10-10"),
    ],
)
def test_the_make_up_day_told_as_done_and_the_day_after(
    matcher: QuestionMatcher, text: str, venue: str, day: str
) -> None:
    verdict = matcher.understand(text, OCT_8)
    assert (verdict.kind, verdict.venue_ids, verdict.days) == (
        Kind.HOURS,
        (venue,),
        _days(day),
    ), verdict


def test_the_day_after_the_make_up_day_told_a_wrong_weekday_is_asked(
    matcher: QuestionMatcher,
) -> None:
    verdict = matcher.understand("补班第二天就是礼拜一 食堂开吗", OCT_8)  # it is a Sunday
    assert verdict.kind is Kind.CLARIFY_DAY, verdict
    assert set(_days("2026-10-11", "2026-10-12")) <= set(verdict.candidates)


@pytest.mark.parametrize("text", ["夜校怎么报名啊 想下班学学东西", "下班想学点手艺 夜校怎么报"])
def test_the_residents_own_after_work_is_no_hours_question(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, OCT_8)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, "night_school_signup"), verdict


@pytest.mark.parametrize(
    ("text", "venue"),
    [("窗口几点下班", "service_window"), ("卫生站礼拜六上班吗", "health_station")],
)
def test_a_place_knocking_off_still_its_hours(
    matcher: QuestionMatcher, text: str, venue: str
) -> None:
    verdict = matcher.understand(text, OCT_8)
    assert (verdict.kind, verdict.venue_ids) == (Kind.HOURS, (venue,)), verdict
