"""Round twenty-nine, newcomer tester g: what a resident reads in the free-text answers.

- One venue over a week's holiday ("国庆放假食堂开吗"): the days closed alike are one line for
  the run, not seven identical lines with "现在关闭" stuck among them.
- "您问的是哪一天？" offers today, the next two days and the weekend: today's and tomorrow's
  buttons say so, since a row "10/13 周二 10/14 周三 10/15 周四 10/17 周六" skips a day.
- A place open past midnight, asked more than an hour before: "开放中，次日00:30 关门", not
  "开放中，00:30 关门" read at 08:15 as closed already.
- "今天放假伐" / "今天是补班吗" answered with a year's holiday list: first what today is, when
  it is a day off or a make-up working day (on 10 October the list shown was 2027's).
- "今晚八点半卫生站还开吗": "已经关门了（今天开到 16:30）", not "那天" of the day it is.
- A place open through a holiday, on its own weekly day off inside it, says so ("不开放（每周
  例行休息）"): a bare "不开放" among "春节期间照常开放" read as closed for the holiday.
- A make-up working day at a place closed on the weekday it follows: "今天不开放（调休上班日，
  按周二的安排，周二这里休息）", not "不开放（…，这里不开放）" said twice.

The bot's clock is injected, never the real date."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.centre import Centre
from bot.features.hours.text import day_answer_text, days_answer_text, overview_text
from bot.i18n import Catalog
from bot.services.holiday_calendar import HolidayCalendar
from bot.services.hours import HoursBook
from tests.conftest import Bot

SHANGHAI = ZoneInfo("Asia/Shanghai")


def book_of(centre: Centre) -> HoursBook:
    return HoursBook(centre, HolidayCalendar(centre.holiday_overrides), [])


def the_days(first: date, count: int) -> tuple[date, ...]:
    return tuple(first + timedelta(days=n) for n in range(count))


def test_a_week_closed_for_the_holiday_is_one_line(centre: Centre, catalog: Catalog) -> None:
    """国庆放假食堂开吗 asked on 4 October at 20:30: one line for 1–7 October, then now and
    the next opening, each once."""
    canteen = centre.venue("canteen")
    assert canteen is not None
    now = datetime(2026, 10, 4, 20, 30, tzinfo=SHANGHAI)
    text = days_answer_text(
        catalog.translator("zh"), book_of(centre), canteen, the_days(date(2026, 10, 1), 7), now
    )
    assert text.split("\n") == [
        "<b>社区食堂</b> · 10月1日（周四）至10月7日（周三）：不开放（国庆节放假）",
        "现在关闭。",
        "下次开放：10月8日（周四） 06:30",
    ]


def test_the_run_in_english_too(centre: Centre, catalog: Catalog) -> None:
    canteen = centre.venue("canteen")
    assert canteen is not None
    now = datetime(2026, 10, 4, 20, 30, tzinfo=SHANGHAI)
    text = days_answer_text(
        catalog.translator("en"), book_of(centre), canteen, the_days(date(2026, 10, 1), 7), now
    )
    assert text.split("\n")[0] == (
        "<b>Community canteen</b> · Thu 1 Oct–Wed 7 Oct: closed (National Day holiday)"
    )
    assert text.lower().count("closed") == 2  # the run's line and "Closed now."


def test_days_that_differ_keep_a_line_each(centre: Centre, catalog: Catalog) -> None:
    """The photo studio over the same week (open, but closed on Monday 5 October): the runs
    of three or more alike are joined, a day that differs keeps its own line."""
    studio = centre.venue("photo_studio")
    assert studio is not None
    now = datetime(2026, 10, 4, 20, 30, tzinfo=SHANGHAI)
    lines = days_answer_text(
        catalog.translator("zh"), book_of(centre), studio, the_days(date(2026, 10, 1), 7), now
    ).split("\n")
    assert lines[0].startswith("<b>公益照相馆</b> · 10月1日（周四）至10月4日（周日）：09:30")
    assert any("10月5日（周一）：不开放" in line for line in lines)
    assert any("10月6日（周二）：09:30" in line for line in lines)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("lang", "asked", "today", "tomorrow", "then"),
    [
        ("zh", "食堂那天开吗", "今天 10/13 周二", "明天 10/14 周三", "10/15 周四"),
        ("en", "is the canteen open that day",
         "Today, Tue 13 Oct", "Tomorrow, Wed 14 Oct", "Thu 15 Oct"),
    ],
)  # fmt: skip
async def test_which_day_buttons_say_today_and_tomorrow(
    bot: Bot, lang: str, asked: str, today: str, tomorrow: str, then: str
) -> None:
    bot.clock.set(datetime(2026, 10, 13, 10, 0, tzinfo=SHANGHAI))
    person = bot.emu.user(29701, first_name="P", language_code=lang)
    await person.send(asked)
    ask = await person.wait_message()
    assert ask.button_texts()[:3] == [today, tomorrow, then]
    await person.press(tomorrow)
    answer = await person.wait_message()
    assert ("10月14日" if lang == "zh" else "Wed 14 Oct") in answer.text


def test_open_past_midnight_says_the_night_after(centre: Centre, catalog: Catalog) -> None:
    """The gym on Saturday 10 October (a make-up working day) at 08:15 and at 22:00."""
    gym = centre.venue("gym")
    assert gym is not None
    book = book_of(centre)
    morning = datetime(2026, 10, 10, 8, 15, tzinfo=SHANGHAI)
    zh = overview_text(catalog.translator("zh"), book, morning)
    assert "<b>长风湾健身房</b> 开放中，次日00:30 关门\n" in zh
    en = overview_text(catalog.translator("en"), book, morning)
    assert "<b>Changfeng Bay gym</b> open now, until 00:30 (next day)\n" in en
    evening = datetime(2026, 10, 10, 22, 0, tzinfo=SHANGHAI)
    answer = day_answer_text(catalog.translator("zh"), book, gym, evening.date(), evening)
    assert answer.endswith("现在开放中，次日00:30 关门。")
    # within the hour the minutes say it, without "次日" as well
    late = datetime(2026, 10, 10, 23, 50, tzinfo=SHANGHAI)
    answer = day_answer_text(catalog.translator("zh"), book, gym, late.date(), late)
    assert answer.endswith("现在开放中，00:30 关门（还有40分钟）。")


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("lang", "at", "asked", "note"),
    [
        ("zh", datetime(2026, 10, 10, 8, 15), "今天是补班吗",
         "📌 今天是10月10日（周六），国庆节调休上班，不放假。"),
        ("en", datetime(2026, 10, 10, 8, 15), "is today a working day",
         "📌 Today, Sat 10 Oct, is a National Day make-up working day, not a day off."),
        ("zh", datetime(2026, 10, 2, 9, 0), "今天放假伐", "📌 今天是10月2日（周五），国庆节放假。"),
        ("en", datetime(2026, 2, 18, 10, 0), "how many days off for chinese new year",
         "📌 Today, Wed 18 Feb, is a day off for Spring Festival."),
    ],
)  # fmt: skip
async def test_a_holiday_list_says_first_what_today_is(
    bot: Bot, lang: str, at: datetime, asked: str, note: str
) -> None:
    bot.clock.set(at.replace(tzinfo=SHANGHAI))
    person = bot.emu.user(29702, first_name="P", language_code=lang)
    await person.send(asked)
    answer = await person.wait_message()
    assert answer.text.split("\n")[0] == note


@pytest.mark.asyncio
async def test_an_ordinary_day_adds_nothing(bot: Bot) -> None:
    bot.clock.set(datetime(2026, 10, 14, 10, 0, tzinfo=SHANGHAI))
    wang = bot.emu.user(29703, first_name="王", language_code="zh-hans")
    await wang.send("过年放几天假")
    answer = await wang.wait_message()
    assert "放假安排" in answer.text
    assert "📌" not in answer.text


@pytest.mark.asyncio
async def test_a_clock_time_asked_of_today_says_today(bot: Bot) -> None:
    bot.clock.set(datetime(2026, 12, 15, 20, 10, tzinfo=SHANGHAI))
    wang = bot.emu.user(29704, first_name="王", language_code="zh-hans")
    await wang.send("今晚八点半卫生站还开吗")
    reply = await wang.wait_message()
    assert reply.text.startswith("20:30 已经关门了（今天开到 16:30）。\n"), reply.text
    await wang.send("礼拜四晚上八点半卫生站还开吗")
    reply = await wang.wait_message()
    assert reply.text.startswith("20:30 已经关门了（那天开到 16:30）。\n"), reply.text
    alice = bot.emu.user(29705, first_name="Alice", language_code="en")
    await alice.send("is the health station open at 8:30 pm tonight")
    reply = await alice.wait_message()
    assert reply.text.startswith("At 20:30: closed (it closes at 16:30 today).\n"), reply.text


def test_a_weekly_day_off_inside_a_holiday_says_so(centre: Centre, catalog: Catalog) -> None:
    studio = centre.venue("photo_studio")
    assert studio is not None
    book = book_of(centre)
    now = datetime(2026, 10, 4, 20, 30, tzinfo=SHANGHAI)
    zh = day_answer_text(catalog.translator("zh"), book, studio, date(2026, 10, 5), now)
    assert zh.startswith("<b>公益照相馆</b> · 10月5日（周一）：不开放（每周例行休息）\n")
    en = day_answer_text(catalog.translator("en"), book, studio, date(2026, 10, 5), now)
    assert en.startswith("<b>Photo studio</b> · Mon 5 Oct: closed (regular day off)\n")
    # an ordinary Monday: as before, no reason
    monday = day_answer_text(catalog.translator("zh"), book, studio, date(2026, 10, 12), now)
    assert monday.startswith("<b>公益照相馆</b> · 10月12日（周一）：不开放\n")


def test_a_make_up_day_closed_does_not_say_closed_twice(centre: Centre, catalog: Catalog) -> None:
    legal = centre.venue("legal_aid")
    assert legal is not None
    now = datetime(2026, 9, 20, 9, 0, tzinfo=SHANGHAI)  # Sunday, 国庆节调休上班 (Tuesday's)
    text = overview_text(catalog.translator("zh"), book_of(centre), now)
    assert "今天不开放（调休上班日，按周二的安排，周二这里休息）" in text
    assert text.count("不开放") == text.count("今天不开放")
