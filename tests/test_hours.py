"""Opening-hours computations: weekly pattern, midnight, holidays, 调休, exceptions, coverage."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.centre import (
    Centre,
    CentreDataError,
    HolidayYear,
    Interval,
    Venue,
    parse_centre,
)
from bot.clock import ManualClock
from bot.features.hours import service as hours_service
from bot.features.hours.text import day_answer_text, day_overview_text, overview_text, week_text
from bot.i18n import Catalog
from bot.services.holiday_calendar import DayKind, HolidayCalendar, Source, cross_check
from bot.services.hours import (
    HoursBook,
    StaffException,
    Status,
    day_schedule,
    open_throughout,
    venue_status,
)
from bot.storage.db import Database

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(y: int, m: int, d: int, hh: int = 12, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=SHANGHAI)


def iv(text: str) -> Interval:
    return Interval.model_validate(text)


def venue(weekly: dict[str, list[str]], rule: str = "closed", venue_id: str = "testvenue") -> Venue:
    return Venue.model_validate(
        {
            "id": venue_id,
            "station": "x",
            "name": {"zh": "测试", "en": "Test"},
            "hours": {"weekly": weekly, "holiday_rule": rule},
        }
    )


WEEKDAYS_ONLY = {d: ["09:00-12:00", "13:00-17:00"] for d in ("mon", "tue", "wed", "thu", "fri")}


@pytest.fixture(scope="module")
def calendar() -> HolidayCalendar:
    return HolidayCalendar()


def book_of(centre: Centre, exceptions: list[StaffException] | None = None) -> HoursBook:
    return HoursBook(centre, HolidayCalendar(centre.holiday_overrides), exceptions or [])


def test_interval_past_midnight_is_parsed_into_the_next_day() -> None:
    """'18:00-00:30' ends 30 minutes after midnight of the next day."""
    interval = iv("18:00-00:30")
    assert (interval.start, interval.end) == (18 * 60, 24 * 60 + 30)
    assert iv("07:00-09:00 breakfast").label == "breakfast"


@pytest.mark.parametrize("bad", ["25:00-26:00", "9-12", "09:00-09:00x", "09:60-10:00"])
def test_malformed_interval_is_refused(bad: str) -> None:
    """A time that is not HH:MM-HH:MM is a data error, not a silent zero."""
    with pytest.raises(ValueError):  # noqa: PT011  # pydantic wraps it; the message is ours
        iv(bad)


def test_centre_data_error_names_the_place(tmp_path: Path) -> None:
    """A bad interval in the data file is reported with its location."""
    with pytest.raises(CentreDataError, match=r"venues\.0\.hours\.weekly\.mon"):
        parse_centre(
            {
                "name": {"zh": "x", "en": "x"},
                "venues": [
                    {
                        "id": "canteen",
                        "station": "s",
                        "name": {"zh": "x", "en": "x"},
                        "hours": {"weekly": {"mon": ["7-9"]}},
                    }
                ],
            },
            tmp_path / "centre.yaml",
        )


def test_every_venue_of_the_issue_has_hours_and_aliases(centre: Centre) -> None:
    """The data file names every venue the issue lists, each with hours, aliases and contact."""
    expected = {
        "canteen",
        "health_station",
        "service_window",
        "photo_studio",
        "legal_aid",
        "activity_rooms",
        "gym",
        "shared_studio",
        "night_school",
        "event_space",
    }
    assert {v.id for v in centre.venues} == expected
    for v in centre.venues:
        assert v.hours is not None, v.id
        assert v.aliases, v.id
        assert v.address, v.id
        assert v.phone, v.id
    canteen = centre.venue("canteen")
    assert canteen is not None
    assert canteen.hours is not None
    assert [i.label for i in canteen.hours.weekly.mon] == ["breakfast", "lunch", "dinner"]
    assert len(centre.faq) >= 15


def test_open_just_before_midnight_and_closed_just_after(calendar: HolidayCalendar) -> None:
    """A venue open until 24:00 is open at 23:59 and closed at 00:00."""
    centre = Centre.model_validate({"name": {"zh": "x", "en": "x"}})
    v = venue({"tue": ["20:00-24:00"], "wed": ["08:00-09:00"]})
    book = HoursBook(centre, calendar)
    assert venue_status(book, v, at(2026, 3, 3, 23, 59)).open_now
    after = venue_status(book, v, at(2026, 3, 4, 0, 0))
    assert not after.open_now
    assert after.next_open == at(2026, 3, 4, 8, 0)


def test_venue_open_past_midnight_is_open_in_the_early_hours(calendar: HolidayCalendar) -> None:
    """Friday's 06:30-00:30 keeps the venue open at 00:15 on Saturday, closing at 00:30."""
    centre = Centre.model_validate({"name": {"zh": "x", "en": "x"}})
    v = venue({"fri": ["06:30-00:30"], "sat": ["09:00-10:00"]}, rule="ignore")
    book = HoursBook(centre, calendar)
    status = venue_status(book, v, at(2026, 3, 7, 0, 15))  # Saturday
    assert status.open_now
    assert status.closes_at == at(2026, 3, 7, 0, 30)
    later = venue_status(book, v, at(2026, 3, 7, 0, 31))
    assert not later.open_now
    assert later.next_open == at(2026, 3, 7, 9, 0)


def test_open_throughout_an_event_only_when_no_minute_falls_outside(
    calendar: HolidayCalendar,
) -> None:
    """An event fits inside one opening, or openings that meet, or the evening before's
    opening past midnight; an event running over the lunch break, after closing, or on a day
    the venue is closed does not."""
    centre = Centre.model_validate({"name": {"zh": "x", "en": "x"}})
    v = venue(
        {"mon": ["09:00-12:00", "13:00-17:00"], "tue": ["08:00-10:00", "10:00-12:00"],
         "fri": ["18:00-01:30"], "sat": ["07:00-13:00"]},
        rule="ignore",
    )  # fmt: skip
    book = HoursBook(centre, calendar)
    fits = [
        (at(2026, 3, 2, 9, 0), at(2026, 3, 2, 12, 0)),  # Monday morning, exactly
        (at(2026, 3, 3, 9, 0), at(2026, 3, 3, 11, 0)),  # Tuesday: two openings that meet
        (at(2026, 3, 6, 23, 0), at(2026, 3, 7, 1, 0)),  # Friday night past midnight
        (at(2026, 3, 7, 0, 30), at(2026, 3, 7, 1, 30)),  # Saturday in Friday's opening
    ]
    misses = [
        (at(2026, 3, 2, 11, 0), at(2026, 3, 2, 14, 0)),  # over Monday's lunch break
        (at(2026, 3, 7, 19, 0), at(2026, 3, 7, 21, 0)),  # Saturday evening: closed at 13:00
        (at(2026, 3, 8, 10, 0), at(2026, 3, 8, 11, 0)),  # Sunday: closed all day
        (at(2026, 3, 7, 1, 0), at(2026, 3, 7, 8, 0)),  # Friday's night ends at 01:30
    ]
    assert [open_throughout(book, v, start, end) for start, end in fits] == [True] * 4
    assert [open_throughout(book, v, start, end) for start, end in misses] == [False] * 4


def test_next_opening_crosses_the_week_boundary(calendar: HolidayCalendar) -> None:
    """Closed on Saturday evening, a Monday-to-Friday venue next opens on Monday morning."""
    centre = Centre.model_validate({"name": {"zh": "x", "en": "x"}})
    v = venue(WEEKDAYS_ONLY)
    status = venue_status(HoursBook(centre, calendar), v, at(2026, 3, 7, 18, 0))
    assert not status.open_now
    assert status.next_open == at(2026, 3, 9, 9, 0)


def test_between_two_intervals_the_next_opening_is_the_afternoon(
    calendar: HolidayCalendar,
) -> None:
    """At lunchtime a venue with a lunch break is closed and reopens at 13:00 the same day."""
    centre = Centre.model_validate({"name": {"zh": "x", "en": "x"}})
    status = venue_status(HoursBook(centre, calendar), venue(WEEKDAYS_ONLY), at(2026, 3, 2, 12, 30))
    assert not status.open_now
    assert status.next_open == at(2026, 3, 2, 13, 0)


def test_statutory_holiday_closes_a_venue_with_the_closed_rule(calendar: HolidayCalendar) -> None:
    """1 Oct 2026 (a Thursday) is National Day: closed, with the festival as the reason."""
    schedule = day_schedule(venue(WEEKDAYS_ONLY), date(2026, 10, 1), calendar)
    assert schedule.status is Status.HOLIDAY_CLOSED
    assert schedule.festival == "national_day"
    assert not schedule.is_open


def test_ignore_rule_keeps_the_weekly_pattern_on_holidays(calendar: HolidayCalendar) -> None:
    """A venue that ignores holidays opens on National Day with its Thursday hours."""
    schedule = day_schedule(venue(WEEKDAYS_ONLY, "ignore"), date(2026, 10, 1), calendar)
    assert schedule.status is Status.HOLIDAY_OPEN
    assert schedule.intervals == (iv("09:00-12:00"), iv("13:00-17:00"))


@pytest.mark.parametrize(
    ("day", "works_as"),
    [
        (date(2026, 2, 14), 4),  # Saturday, pays for Friday 20 Feb
        (date(2026, 2, 28), 0),  # Saturday, pays for Monday 23 Feb
        (date(2026, 10, 10), 2),  # Saturday, pays for Wednesday 7 Oct
        (date(2026, 9, 20), 1),  # Sunday, pays for Tuesday 6 Oct
    ],
)
def test_makeup_working_day_opens_with_the_replaced_weekday_hours(
    calendar: HolidayCalendar, day: date, works_as: int
) -> None:
    """A 调休 weekend working day opens with the hours of the weekday it stands for."""
    weekly = {"mon": ["08:00-09:00"], "tue": ["09:00-10:00"], "wed": ["10:00-11:00"]}
    weekly |= {"fri": ["11:00-12:00"]}
    for rule in ("closed", "makeup_workday_hours"):
        schedule = day_schedule(venue(weekly, rule), day, calendar)
        assert schedule.status is Status.MAKEUP
        assert schedule.works_as == works_as
        expected = venue(weekly).hours.weekly.on(works_as)  # type: ignore[union-attr]
        assert schedule.intervals == expected


def test_makeup_day_is_an_ordinary_weekend_for_an_ignoring_venue(
    calendar: HolidayCalendar,
) -> None:
    """With holiday_rule ignore, Saturday 14 Feb 2026 keeps the Saturday pattern (closed)."""
    schedule = day_schedule(venue(WEEKDAYS_ONLY, "ignore"), date(2026, 2, 14), calendar)
    assert schedule.status is Status.WEEKLY_CLOSED


def test_staff_exception_overrides_the_weekly_pattern_and_the_newest_wins(
    calendar: HolidayCalendar,
) -> None:
    """Overlapping exceptions: the newest entry decides; outside it, the older one still holds."""
    v = venue(WEEKDAYS_ONLY)
    closed = StaffException(1, v.id, date(2026, 12, 1), date(2026, 12, 5), True, (), "repairs")
    special = StaffException(2, v.id, date(2026, 12, 3), date(2026, 12, 3), False,
                             (iv("10:00-11:00"),), None)  # fmt: skip
    exceptions = [special, closed]
    assert day_schedule(v, date(2026, 12, 2), calendar, exceptions).status is (
        Status.EXCEPTION_CLOSED
    )
    third = day_schedule(v, date(2026, 12, 3), calendar, exceptions)
    assert third.status is Status.EXCEPTION_HOURS
    assert third.intervals == (iv("10:00-11:00"),)
    assert day_schedule(v, date(2026, 12, 7), calendar, exceptions).status is Status.REGULAR
    other = venue(WEEKDAYS_ONLY, venue_id="othervenue")
    assert day_schedule(other, date(2026, 12, 2), calendar, exceptions).status is Status.REGULAR


def test_staff_exception_beats_a_holiday(calendar: HolidayCalendar) -> None:
    """Special hours entered for National Day open a venue that would be closed that day."""
    v = venue(WEEKDAYS_ONLY)
    special = StaffException(5, v.id, date(2026, 10, 1), date(2026, 10, 1), False,
                             (iv("09:00-11:00"),), "volunteers")  # fmt: skip
    schedule = day_schedule(v, date(2026, 10, 1), calendar, [special])
    assert schedule.intervals == (iv("09:00-11:00"),)
    assert schedule.reason == "volunteers"


def test_configured_exception_applies_to_its_dates(centre: Centre) -> None:
    """The canteen's New Year's Eve entry in the data file drops dinner on 31 Dec only."""
    book = book_of(centre)
    canteen = centre.venue("canteen")
    assert canteen is not None
    eve = book.day(canteen, date(2026, 12, 31))
    assert eve.status is Status.EXCEPTION_HOURS
    assert [i.label for i in eve.intervals] == ["breakfast", "lunch"]
    assert book.day(canteen, date(2026, 12, 30)).status is Status.REGULAR


def test_overrides_publish_a_year_before_the_package_does() -> None:
    """A year typed into holiday_overrides is covered, with its holidays and make-up days."""
    notice = HolidayYear.model_validate(
        {"holidays": {date(2031, 1, 1): "new_year"}, "workdays": {date(2031, 1, 4): "fri"}}
    )
    calendar = HolidayCalendar({2031: notice})
    assert calendar.covers(2031)
    assert calendar.source(2031) is Source.FILE
    assert calendar.day(date(2031, 1, 1)).kind is DayKind.HOLIDAY
    makeup = calendar.day(date(2031, 1, 4))
    assert makeup.kind is DayKind.MAKEUP
    assert makeup.works_as == 4
    assert calendar.day(date(2031, 1, 2)).kind is DayKind.NORMAL


def test_override_with_a_date_of_another_year_is_refused(tmp_path: Path) -> None:
    """A typo in the year of an override is caught when the file is loaded."""
    with pytest.raises(CentreDataError, match="another year"):
        parse_centre(
            {
                "name": {"zh": "x", "en": "x"},
                "holiday_overrides": {2027: {"holidays": {"2026-10-01": "national_day"}}},
            },
            tmp_path / "centre.yaml",
        )


def test_holiday_packages_agree_for_the_published_years() -> None:
    """chinesecalendar and holidays agree on every weekday holiday of 2025 and 2026."""
    assert cross_check(2025) == []
    assert cross_check(2026) == []


def test_overview_text_lists_every_venue_with_its_state(centre: Centre, catalog: Catalog) -> None:
    """On National Day at noon: holiday-closed venues say so, the gym is open."""
    text = overview_text(catalog.translator("en"), book_of(centre), at(2026, 10, 1, 12, 50))
    for v in centre.venues:
        assert v.name.en in text
    assert "Community canteen</b> closed · opens Thu 8 Oct 06:30" in text
    assert "closed today (National Day holiday)" in text
    assert "Changfeng Bay gym</b> open now, until 22:00" in text


def test_week_text_marks_holidays_makeup_days_and_exception_reasons(
    centre: Centre, catalog: Catalog
) -> None:
    """The week view shows the festival, the 调休 rule and a staff reason, escaped."""
    canteen = centre.venue("canteen")
    assert canteen is not None
    closure = StaffException(9, "canteen", date(2026, 10, 8), date(2026, 10, 8), True, (),
                             "<厨房>维修")  # fmt: skip
    text = week_text(catalog.translator("zh"), book_of(centre, [closure]), canteen,
                     date(2026, 10, 5))  # fmt: skip
    assert "国庆节放假" in text
    assert "国庆节调休上班日，按周三的时间开放" in text
    assert "&lt;厨房&gt;维修" in text


@pytest.mark.parametrize(
    ("stored", "zh", "en"),
    [
        ("设备检修 | maintenance", "设备检修", "maintenance"),
        ("maintenance / 设备检修", "设备检修", "maintenance"),
        ("设备检修", "设备检修", "special closure"),
        ("maintenance", "临时关闭", "maintenance"),
    ],
)
def test_a_closure_reason_reads_in_each_readers_language(
    centre: Centre, catalog: Catalog, stored: str, zh: str, en: str
) -> None:
    """A staff reason shows in the reader's language; one written in the other language
    only gives the generic words, never Chinese to an English reader (issue 16)."""
    from bot.features.hours.reasons import localized_reason

    canteen = centre.venue("canteen")
    assert canteen is not None
    closure = StaffException(9, "canteen", date(2026, 12, 8), date(2026, 12, 8), True, (),
                             localized_reason(stored))  # fmt: skip
    book = book_of(centre, [closure])
    zh_text = week_text(catalog.translator("zh"), book, canteen, date(2026, 12, 7))
    en_text = week_text(catalog.translator("en"), book, canteen, date(2026, 12, 7))
    assert f"（{zh}）" in zh_text
    assert f"({en})" in en_text
    assert not re.search(r"[\u4e00-\u9fff]", en_text.split("Canteen")[-1].split("📍")[0])


def test_parse_intervals_for_staff_input() -> None:
    """Staff hours like '09:00-12:00,14:00-17:00' parse; overlaps and junk are refused."""
    assert hours_service.parse_intervals("09:00-12:00，14:00-17:00") == (
        iv("09:00-12:00"),
        iv("14:00-17:00"),
    )
    for bad in ("09:00-12:00,11:00-13:00", "9am-5pm", ""):
        with pytest.raises(ValueError):  # noqa: PT011
            hours_service.parse_intervals(bad)


async def test_staff_exceptions_are_stored_listed_and_removed_once(
    database: Database, centre: Centre
) -> None:
    """An exception is stored with its author, listed, and removed by exactly one remover."""
    from bot.services import users

    clock = ManualClock(datetime(2026, 11, 27, 2, 0, tzinfo=UTC))
    async with database.transaction() as session:
        staff = await users.register(session, users.Person(7001, "Li"), clock.now())
        saved = await hours_service.add_exception(
            session,
            centre,
            venue_id="canteen",
            start=date(2026, 12, 3),
            end=date(2026, 12, 3),
            intervals=(),
            reason="maintenance",
            by_user=staff.id,
            now=clock.now(),
            today=date(2026, 11, 27),
        )
    async with database.read() as session:
        listed = await hours_service.load_exceptions(session, date(2026, 11, 27))
    assert [(e.id, e.venue_id, e.closed, e.reason, e.created_by) for e in listed] == [
        (saved.id, "canteen", True, "maintenance", "Li")
    ]
    async with database.transaction() as session:
        first = await hours_service.remove_exception(session, saved.id, staff.id, clock.now())
    async with database.transaction() as session:
        second = await hours_service.remove_exception(session, saved.id, staff.id, clock.now())
    assert first is not None
    assert second is None
    async with database.read() as session:
        assert await hours_service.load_exceptions(session, date(2026, 11, 27)) == []


@pytest.mark.parametrize(
    ("start", "end", "code"),
    [
        (date(2026, 12, 5), date(2026, 12, 3), "dates_reversed"),
        (date(2026, 11, 1), date(2026, 11, 2), "in_the_past"),
        (date(2026, 12, 1), date(2028, 12, 1), "too_long"),
    ],
)
async def test_bad_staff_exceptions_are_refused(
    database: Database, centre: Centre, start: date, end: date, code: str
) -> None:
    """Reversed, past and over-long ranges are refused with a reason code."""
    async with database.transaction() as session:
        with pytest.raises(hours_service.ExceptionError) as caught:
            await hours_service.add_exception(
                session,
                centre,
                venue_id="canteen",
                start=start,
                end=end,
                intervals=(),
                reason=None,
                by_user=1,
                now=datetime(2026, 11, 27, tzinfo=UTC),
                today=date(2026, 11, 27),
            )
    assert caught.value.code == code


def test_localized_reason_from_data_is_shown_in_the_readers_language(
    centre: Centre, catalog: Catalog
) -> None:
    """A data-file reason appears in Chinese for Chinese readers and English for English ones."""
    canteen = centre.venue("canteen")
    assert canteen is not None
    book = book_of(centre)
    zh = day_answer_text(catalog.translator("zh"), book, canteen, date(2026, 12, 31),
                         at(2026, 12, 1))  # fmt: skip
    en = day_answer_text(catalog.translator("en"), book, canteen, date(2026, 12, 31),
                         at(2026, 12, 1))  # fmt: skip
    assert "跨年夜" in zh
    assert "New Year's Eve" in en


def test_a_day_of_another_year_says_its_year(centre: Centre, catalog: Catalog) -> None:
    """Asked in February 2027 about New Year's Day, the answer is about 1 January 2028 and
    says so (a newcomer read a bare "Sat 1 Jan" as the day just gone); this year's days stay
    short."""
    canteen = centre.venue("canteen")
    assert canteen is not None
    book = book_of(centre)
    asked = at(2027, 2, 5)
    zh = day_answer_text(catalog.translator("zh"), book, canteen, date(2028, 1, 1), asked)
    en = day_answer_text(catalog.translator("en"), book, canteen, date(2028, 1, 1), asked)
    assert "2028年1月1日" in zh
    assert "1 Jan 2028" in en
    same_year = day_answer_text(catalog.translator("en"), book, canteen, date(2027, 3, 1), asked)
    assert "2027" not in same_year.split("\n")[0]


def test_every_venues_day_of_another_year_says_its_year(centre: Centre, catalog: Catalog) -> None:
    """ "元旦开吗" with no venue, asked in March 2027: the overview's title says 2028 too."""
    book = book_of(centre)
    asked = at(2027, 3, 2).date()
    zh = day_overview_text(catalog.translator("zh"), book, date(2028, 1, 1), asked)
    en = day_overview_text(catalog.translator("en"), book, date(2028, 1, 1), asked)
    assert "2028年1月1日" in zh.split("\n")[0]
    assert "1 Jan 2028" in en.split("\n")[0]
    near = day_overview_text(catalog.translator("en"), book, date(2027, 3, 6), asked)
    assert "2027" not in near.split("\n")[0]


def test_at_ten_past_midnight_the_gym_is_open_on_last_nights_late_opening(
    centre: Centre, catalog: Catalog
) -> None:
    """00:10 on Saturday: the day's hours read 06:30–00:30 (next day), and "open now" says it
    is Friday night's late opening that runs until 00:30, not Saturday's, which starts 06:30."""
    gym = centre.venue("gym")
    assert gym is not None
    book = book_of(centre)
    now = at(2026, 12, 5, 0, 10)  # Saturday
    zh = day_answer_text(catalog.translator("zh"), book, gym, date(2026, 12, 5), now)
    en = day_answer_text(catalog.translator("en"), book, gym, date(2026, 12, 5), now)
    # within the hour, how soon too: "today 06:30–next day 00:30" is not read as all night
    assert "现在开放中（周五晚间延长开放），00:30 关门（还有20分钟）。" in zh
    assert "Open now (Friday's late opening), until 00:30 (closes in 20 min)." in en
    later = day_answer_text(catalog.translator("en"), book, gym, date(2026, 12, 5),
                            at(2026, 12, 5, 7, 0))  # fmt: skip
    assert "Open now, until 00:30 (next day)." in later


def test_a_place_closing_within_the_hour_says_how_soon_in_the_overview_and_the_answer(
    centre: Centre, catalog: Catalog
) -> None:
    """At 00:20 the overview's gym line says it closes in 10 minutes; at 22:00 only the time."""
    gym = centre.venue("gym")
    assert gym is not None
    book = book_of(centre)
    late = at(2026, 12, 5, 0, 20)
    assert "<b>长风湾健身房</b> 开放中，00:30 关门（还有10分钟）" in overview_text(
        catalog.translator("zh"), book, late
    )
    assert "open now, until 00:30 (closes in 10 min)" in overview_text(
        catalog.translator("en"), book, late
    )
    evening = at(2026, 12, 5, 22, 0)
    zh = day_answer_text(catalog.translator("zh"), book, gym, date(2026, 12, 5), evening)
    assert "现在开放中，次日00:30 关门。" in zh
    assert "还有" not in overview_text(catalog.translator("zh"), book, evening)


def test_a_closed_day_gone_by_gives_the_next_opening_from_now(
    centre: Centre, catalog: Catalog
) -> None:
    """ "昨天食堂开了吗" on Monday 7 December at 09:00 (Sunday closed): the next opening is
    today's lunch at 11:00, not breakfast at 06:30, already past (a newcomer's finding); at
    12:00 the canteen is open now and says so."""
    canteen = centre.venue("canteen")
    assert canteen is not None
    book = book_of(centre)
    zh = catalog.translator("zh")
    morning = day_answer_text(zh, book, canteen, date(2026, 12, 6), at(2026, 12, 7, 9))
    assert "下次开放：今天 11:00" in morning, morning
    noon = day_answer_text(zh, book, canteen, date(2026, 12, 6), at(2026, 12, 7, 12))
    assert "下次开放" not in noon, noon
    assert "现在开放中" in noon, noon


def test_a_day_of_a_longer_holiday_closure_names_the_whole_run(
    centre: Centre, catalog: Catalog
) -> None:
    """ "春节食堂开吗" names 初一; 除夕 to 初三 are all closed, and the answer says so (a newcomer
    read 除夕 as open). A one-day closure adds nothing."""
    canteen = centre.venue("canteen")
    assert canteen is not None
    book = book_of(centre)
    zh = day_answer_text(catalog.translator("zh"), book, canteen, date(2027, 2, 6), at(2026, 12, 7))
    assert "春节的法定假日里，<b>社区食堂</b>从2月5日（周五）到2月8日（周一）都不开放" in zh, zh
    en = day_answer_text(catalog.translator("en"), book, canteen, date(2027, 2, 6), at(2026, 12, 7))
    assert "closed from Fri 5 Feb to Mon 8 Feb; the actual break may be longer" in en, en
    regular = day_answer_text(
        catalog.translator("zh"), book, canteen, date(2026, 12, 13), at(2026, 12, 7)
    )
    assert "都不开放" not in regular, regular
