"""Staff answers in words (bot/understanding/staff_input.py): what is read, what is not."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding import staff_input

ZONE = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # Monday 2 March, 10:00 in Shanghai


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("晚上7点到8点半", time(19, 0), time(20, 30)),
        ("下午三点", time(15, 0), None),
        ("19:00-20:30", time(19, 0), time(20, 30)),
        ("１９：００～２０：３０", time(19, 0), time(20, 30)),  # full-width, as typed on a phone
        ("7pm to 8:30pm", time(19, 0), time(20, 30)),
        ("早上9点到11点", time(9, 0), time(11, 0)),
        ("中午12点", time(12, 0), None),
        ("7-8:30pm", time(19, 0), time(20, 30)),  # the half-day written once, at the end
        ("7:00-8:30 pm", time(19, 0), time(20, 30)),
        ("10 to 11pm", time(22, 0), time(23, 0)),
        ("9:00-5pm", time(9, 0), time(17, 0)),  # a working day, not 21:00-17:00
        ("9-5pm", time(9, 0), time(17, 0)),
        ("next Thursday 7-8:30pm", time(19, 0), time(20, 30)),
    ],
)
def test_clock_times_in_words(text: str, start: time, end: time | None) -> None:
    """Times of day in Chinese and English, with a span's end read in the same half-day."""
    found = staff_input.find_clock(text)
    assert found is not None
    assert (found[0].start, found[0].end) == (start, end)


@pytest.mark.parametrize("text", ["晚上8点到7点", "25:00", "随便", "", "12月3日", "9-8am"])
def test_what_is_no_clock_time_is_not_read_as_one(text: str) -> None:
    """A span ending before it starts, an impossible hour, words or a bare date: nothing."""
    assert staff_input.find_clock(text) is None


def test_prices_sizes_choices_and_weekdays() -> None:
    """ "免费" is 0, "12.5元" 1250 fen; "二十人" 20 and "不限" no limit; plain choices."""
    assert [staff_input.parse_price(t) for t in ("免费", "free", "12.5元", "¥30", "abc")] == [
        0, 0, 1250, 3000, None,
    ]  # fmt: skip
    assert [staff_input.parse_size(t) for t in ("二十人", "一百人", "30 people", "不限", "x")] == [
        20, 100, 30, 0, None,
    ]  # fmt: skip
    assert staff_input.parse_choice("先到先得", ("fcfs", "lottery")) == "fcfs"
    assert staff_input.parse_choice("抽签", ("fcfs", "lottery")) == "lottery"
    assert staff_input.parse_choice("whatever", ("fcfs", "lottery")) is None
    assert staff_input.find_weekly("每周二 19:00") == 1
    assert staff_input.find_weekly("every Sunday") == 6


def test_a_moment_in_words_in_the_centres_zone() -> None:
    """ "明天 18:00" is 3 March 18:00 in Shanghai; a day alone is its end for "valid until"."""
    calendar = HolidayCalendar({})
    assert staff_input.parse_moment(
        "明天 18:00", NOW, ZONE, calendar, end_of_day=False
    ) == datetime(2026, 3, 3, 18, 0, tzinfo=ZONE)
    assert staff_input.parse_moment("3月5日", NOW, ZONE, calendar, end_of_day=True) == datetime(
        2026, 3, 5, 23, 59, tzinfo=ZONE
    )
    assert staff_input.find_date("下周四", date(2026, 3, 2), calendar) == date(2026, 3, 12)


@pytest.mark.parametrize(
    "text",
    [
        "明" * 100_000,  # over-long
        "\u200b\u200d\ufeff明天\u202e 18:00",  # zero-width and bidi marks
        "🎉" * 500 + "晚上7点",
        "\x00\x01\x02",
        "９" * 5000 + "点",
    ],
)
def test_hostile_text_is_read_safely(text: str) -> None:
    """Odd Unicode and very long texts never raise: each reader answers or says nothing."""
    calendar = HolidayCalendar({})
    staff_input.find_clock(text)
    staff_input.find_date(text, date(2026, 3, 2), calendar)
    staff_input.parse_moment(text, NOW, ZONE, calendar, end_of_day=True)
    assert staff_input.parse_price(text) in (None, 0)
    staff_input.parse_size(text)
    staff_input.find_weekly(text)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Friday 27 March 7-8:30pm", date(2026, 3, 27)),  # the weekday is the date's own
        ("3月27日（周五）", date(2026, 3, 27)),
        ("下周四", date(2026, 3, 12)),
        ("Friday 26 March", None),  # 26 March 2026 is a Thursday: which did they mean?
        ("明天 3月27日", None),
        ("周四还是周五", None),
    ],
)
def test_a_weekday_beside_a_date_must_agree_with_it(text: str, day: date | None) -> None:
    """Monday 2 March: a weekday and a date that agree name the date; any disagreement names
    no day, so the staff member is asked again instead of a class moved to the wrong day."""
    assert staff_input.find_date(text, date(2026, 3, 2), HolidayCalendar({})) == day


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("4点", time(14), time(16)),  # the prompt's own example: after 14:00, 16:00
        ("4点半", time(14), time(16, 30)),
        ("8点半", time(19), time(20, 30)),
        ("11点", time(9), time(11)),
        ("1点", time(11), time(13)),
        ("20:30", time(19), time(20, 30)),
        ("上午11点", time(14), time(11)),  # said as morning: kept (and refused as before start)
    ],
)
def test_an_end_time_is_the_one_after_the_start(text: str, start: time, end: time) -> None:
    """ "几点结束？例如“4点”" — and "4点" after a 14:00 start was read as 04:00 and refused."""
    assert staff_input.find_end_clock(text, start) == end


def test_an_events_end_in_words_follows_its_start() -> None:
    from bot.features.events.service import parse_end

    zone = ZoneInfo("Asia/Shanghai")
    start = datetime(2026, 3, 14, 14, 0, tzinfo=zone).astimezone(UTC)
    end = parse_end("4点", start, zone, HolidayCalendar())
    assert end == datetime(2026, 3, 14, 16, 0, tzinfo=zone).astimezone(UTC)
