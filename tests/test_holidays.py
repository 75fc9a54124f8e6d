"""Holidays for a year whose notice is not published: exact on statutory days, honest elsewhere;
admins enter the notice from the chat; the yearly alarm; no test reads the real date."""

from __future__ import annotations

import ast
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot import dates
from bot.app import build_hours, build_runtime
from bot.centre import Centre
from bot.cli import check_warnings
from bot.clock import ManualClock
from bot.features.holidays import service as notices
from bot.features.holidays.handlers import send_alarms
from bot.features.holidays.service import NoticeError, Problem
from bot.i18n import Catalog
from bot.services import users
from bot.services.holiday_calendar import (
    DayKind,
    HolidayCalendar,
    Source,
    cross_check,
    festival_days,
    statutory_days,
)
from bot.settings import Settings
from bot.storage.db import Database
from bot.understanding.matcher import MEMO_CHARS, QuestionMatcher
from frontdesk_emulator.client import SimUser
from tests.conftest import Bot, package_known_until

SHANGHAI = ZoneInfo("Asia/Shanghai")
KNOWN_UNTIL_2026 = package_known_until(2026)

# A made-up 2027 notice for the tests (the real one could not be checked from here): the
# Spring Festival block runs 除夕 to 初五, two bridge days paid for by two make-up Saturdays.
SPRING_2027 = "2月5日至10日放假调休，共6天。1月30日（周六）、2月20日（周六）上班。"


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=SHANGHAI)


async def make_staff(bot: Bot, telegram_id: int, roles: list[str], name: str = "Li") -> None:
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, telegram_id, name, roles, bot.clock.now())


# --- What the law fixes ---------------------------------------------------------------------


def test_statutory_days_of_2027_follow_the_2024_regulation() -> None:
    """11 days: 元旦 1, 春节 除夕 to 初三, 清明 1, 劳动节 1–2 May, 端午 1, 中秋 1, 国庆 1–3 Oct."""
    days = statutory_days(2027)
    assert sorted(days) == [
        date(2027, 1, 1),
        date(2027, 2, 5),
        date(2027, 2, 6),
        date(2027, 2, 7),
        date(2027, 2, 8),
        date(2027, 4, 5),
        date(2027, 5, 1),
        date(2027, 5, 2),
        date(2027, 6, 9),
        date(2027, 9, 15),
        date(2027, 10, 1),
        date(2027, 10, 2),
        date(2027, 10, 3),
    ]
    assert days[date(2027, 2, 5)] == "spring_festival"  # 除夕 counts since 2025
    assert festival_days(2027)["spring_festival"] == date(2027, 2, 6)  # the festival is 初一


@pytest.mark.parametrize("year", [2025, 2026])
def test_statutory_layer_agrees_with_chinesecalendar_for_published_years(year: int) -> None:
    """Every statutory day of 2025 and 2026 is a day off for the same festival in the package."""
    assert cross_check(year) == []


@pytest.mark.parametrize("year", [2027, 2028, 2035, 2050])
def test_every_year_has_eleven_statutory_days(year: int) -> None:
    """The law is known for every year, whatever the packages publish (11 days, 13 dates in
    2027 because 除夕 and the three days of the Spring Festival count)."""
    days = statutory_days(year)
    assert len(days) in (12, 13)  # 中秋 falls on a 国庆 day in some years (2028: 3 Oct)
    assert {"new_year", "spring_festival", "national_day", "labour_day"} <= set(days.values())


def test_unpublished_year_is_exact_on_statutory_days_and_flags_the_rest() -> None:
    """1 Jan 2027 is a holiday for sure; 4 Jan may change; every other day says it is unsettled."""
    calendar = HolidayCalendar(package=KNOWN_UNTIL_2026)
    assert calendar.source(2027) is Source.STATUTORY
    new_year = calendar.day(date(2027, 1, 1))
    assert new_year.kind is DayKind.HOLIDAY
    assert new_year.festival == "new_year"
    assert new_year.unsettled_year == 2027
    assert calendar.day(date(2027, 1, 4)).kind is DayKind.UNKNOWN
    tuesday = calendar.day(date(2027, 3, 16))
    assert tuesday.kind is DayKind.NORMAL
    assert tuesday.unsettled_year == 2027
    assert calendar.day(date(2026, 12, 29)).unsettled_year is None  # 2026 is published


def test_precedence_is_staff_then_file_then_package_then_law() -> None:
    """A notice entered by staff beats the centre file, which beats the package."""
    staff = notices.build_notice(2026, [notices.statutory_entry(f, 2026) for f in _festivals()])
    file_notice = notices.build_notice(
        2026,
        [
            notices.parse_festival_line("new_year", "1月1日至2日", 2026, "x"),
            *[notices.statutory_entry(f, 2026) for f in _festivals()[1:]],
        ],
    )
    calendar = HolidayCalendar({2026: file_notice}, package=KNOWN_UNTIL_2026)
    assert calendar.source(2026) is Source.FILE
    assert calendar.day(date(2026, 1, 2)).kind is DayKind.HOLIDAY
    calendar.set_staff_notices({2026: staff})
    assert calendar.source(2026) is Source.STAFF
    assert calendar.day(date(2026, 1, 2)).kind is DayKind.NORMAL
    assert HolidayCalendar(package=KNOWN_UNTIL_2026).source(2026) is Source.PACKAGE


def _festivals() -> list[str]:
    from bot.services.holiday_calendar import FESTIVALS

    return list(FESTIVALS)


# --- Answers for 2027 without a notice, through the bot -------------------------------------

CANTEEN_CLOSED = {
    "zh": "{date}是{festival}（法定节假日），社区食堂不开放。\n"
    "2027年的调休安排还没公布，前后几天的安排可能调整。",
    "en": "Community canteen is closed on {date}: {festival} is a statutory public holiday.\n"
    "The 2027 holiday notice (bridge days and make-up working days) is not out yet, "
    "so the days around it may still change.",
}
SCENARIOS = [
    # (the question in Chinese, in English, the day it is about)
    ("元旦食堂开吗", "is the canteen open on new year's day", date(2027, 1, 1)),
    ("2027年2月5日食堂开吗", "is the canteen open on 2027-02-05", date(2027, 2, 5)),
    ("2027年2月6日食堂开吗", "is the canteen open on 2027-02-06", date(2027, 2, 6)),
    ("2027年2月7日食堂开吗", "is the canteen open on 2027-02-07", date(2027, 2, 7)),
    ("2027年2月8日食堂开吗", "is the canteen open on 2027-02-08", date(2027, 2, 8)),
    ("劳动节食堂开吗", "is the canteen open on labour day", date(2027, 5, 1)),
    ("国庆节食堂开吗", "is the canteen open on national day", date(2027, 10, 1)),
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("zh_question", "en_question", "day"), SCENARIOS)
async def test_canteen_is_closed_on_statutory_days_of_an_unpublished_year(
    bot: Bot, catalog: Catalog, lang: str, zh_question: str, en_question: str, day: date
) -> None:
    """元旦, each day 除夕 to 初三, 劳动节, 国庆 2027: closed, with one line on what is unknown."""
    bot.clock.set(at(2026, 12, 2))
    resident = bot.emu.user(4100 + day.toordinal() % 97, language_code=lang)
    await resident.send(zh_question if lang == "zh" else en_question)
    reply = await resident.wait_message()
    t = catalog.translator(lang)
    festival = t(f"hours-festival-{statutory_days(2027)[day]}")
    # One module formats dates (Babel); a day over eight months ahead says its year.
    date_text = dates.day(day, lang, year=(day - date(2026, 12, 2)).days > 240)
    expected = CANTEEN_CLOSED[lang].format(date=date_text, festival=festival)
    assert reply.text.startswith(expected), reply.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("元旦健身房开吗", "长风湾健身房 · 1月1日（周五）：06:30–次日00:30（元旦期间照常开放）"),
        (
            "is the gym open on national day",
            "Changfeng Bay gym · Fri 1 Oct 2027: 06:30–00:30 (next day) (open as usual during "
            "National Day)",
        ),
        (
            "2027年2月6日健身房开吗",
            "长风湾健身房 · 2月6日（周六）：06:30–次日00:30（春节期间照常开放）",
        ),
        ("2027年3月16日健身房开吗", "长风湾健身房 · 3月16日（周二）：06:30–22:00"),
    ],
)
async def test_gym_ignores_holidays_and_carries_no_caveat(
    bot: Bot, question: str, expected: str
) -> None:
    """The gym keeps its weekly hours on holidays: no warning about the unknown notice."""
    bot.clock.set(at(2026, 12, 2))
    resident = bot.emu.user(4201, language_code="en" if question.isascii() else "zh")
    await resident.send(question)
    reply = await resident.wait_message()
    assert reply.text.startswith(expected), reply.text
    assert "2027" not in reply.text.removeprefix(expected)  # no warning about 2027's notice


@pytest.mark.parametrize(
    ("lang", "question", "expected"),
    [
        (
            "zh",
            "2027年3月16日食堂开吗",
            "社区食堂 · 3月16日（周二）：06:30–08:30 早餐、11:00–13:00 午餐、17:00–18:30 晚餐\n"
            "⚠️ 2027年的调休安排还没公布，节假日前后的安排可能调整。",
        ),
        (
            "en",
            "is the canteen open on 2027-03-16",
            "Community canteen · Tue 16 Mar: 06:30–08:30 breakfast, 11:00–13:00 lunch, "
            "17:00–18:30 dinner\n"
            "⚠️ The 2027 holiday notice is not out yet; days around public holidays may still "
            "change.",
        ),
    ],
)
async def test_regular_tuesday_gives_regular_hours_and_one_short_caveat(
    bot: Bot, lang: str, question: str, expected: str
) -> None:
    """A normal Tuesday of 2027: the canteen's Tuesday hours and one line of caveat."""
    bot.clock.set(at(2026, 12, 2))
    resident = bot.emu.user(4301, language_code=lang)
    await resident.send(question)
    reply = await resident.wait_message()
    assert reply.text.startswith(expected), reply.text


# --- Staff: /holidays and entering the notice ------------------------------------------------


async def test_holidays_shows_statutory_blocks_and_the_alarm(bot: Bot) -> None:
    """/holidays 2027 lists the blocks the law fixes and says the notice is missing."""
    bot.clock.set(at(2026, 12, 2))
    await make_staff(bot, 5001, ["staff"])
    staff = bot.emu.user(5001, language_code="zh")
    await staff.command("/holidays 2027")
    reply = await staff.wait_message()
    assert "⚠️ 2027年的放假调休安排还没录入" in reply.text
    assert "来源：仅法定假日（当年通知还没录入）" in reply.text
    assert "🎉 春节：2月5日（周五）至2月8日（周一），共4天" in reply.text
    assert "🎉 国庆节：10月1日（周五）至10月3日（周日），共3天" in reply.text
    assert reply.button_texts() == []  # only admins may enter a notice


async def test_resident_cannot_see_or_enter_holidays(bot: Bot, catalog: Catalog) -> None:
    """A resident calling /holidays or pressing a forged entry button is refused politely."""
    resident = bot.emu.user(5002, language_code="en")
    await resident.command("/holidays 2027")
    reply = await resident.wait_message()
    assert reply.text == catalog.text("en", "refused-staff-only")
    await resident.press_data("holidays:enter:2027", message_id=reply.message_id)
    await bot.settle()
    assert resident.callback_answers[-1].get("text") == catalog.text("en", "refused-staff-only")
    assert await bot.sql("SELECT count(*) FROM holiday_notices") == [(0,)]


async def _open_entry(bot: Bot, admin_id: int, lang: str = "zh") -> SimUser:
    """An admin opens the 2027 entry form from /holidays and waits for its first step."""
    admin = bot.emu.user(admin_id, language_code=lang)
    await admin.command("/holidays 2027")
    await admin.wait_message(predicate=lambda m: "📅" in m.text)
    await admin.press("✏️ 录入2027年通知" if lang == "zh" else "✏️ Enter the 2027 notice")
    first = "第1项" if lang == "zh" else "Step 1 of 7"
    await admin.wait_message(predicate=lambda m: first in m.text)
    return admin


async def _enter_2027(bot: Bot, admin_id: int, spring: str = SPRING_2027) -> None:
    admin = await _open_entry(bot, admin_id)
    lines = ["1月1日至3日放假，共3天", spring, "法定", "法定", "法定", "法定", "10月1日至7日放假"]
    for line in lines:
        await admin.send(line)
        await bot.settle()
    preview = admin.messages[-1]
    assert "请核对" in preview.text, preview.text
    await admin.press("✅ 保存")
    await admin.wait_message(predicate=lambda m: "已经生效" in m.text)


async def test_admin_enters_the_notice_and_make_up_days_apply_at_once(bot: Bot) -> None:
    """After the notice, Sat 20 Feb 2027 is a working day with the hours of Wed 10 Feb, the bridge
    day it pays for, and 10 Feb is a day off, without a restart; the entry is audited."""
    bot.clock.set(at(2026, 12, 2))
    await make_staff(bot, 5003, ["admin"], name="Zhao")
    resident = bot.emu.user(5004, language_code="zh")
    await resident.send("2027年2月20日食堂开吗")
    before = await resident.wait_message()
    assert "07:00–09:00 早餐" in before.text  # a plain Saturday before the notice

    await _enter_2027(bot, 5003)

    await resident.send("2027年2月20日食堂开吗")
    after = await resident.wait_message(predicate=lambda m: m.message_id != before.message_id)
    assert after.text.startswith(
        "社区食堂 · 2月20日（周六）：06:30–08:30 早餐、11:00–13:00 午餐、17:00–18:30 晚餐"
        "（春节调休上班日，按周三的时间开放）"
    ), after.text
    assert "2027年的调休安排还没公布" not in after.text
    await resident.send("2027年2月10日食堂开吗")
    bridge = await resident.wait_message(predicate=lambda m: "2月10日" in m.text)
    assert "不开放（春节放假）" in bridge.text
    audit = await bot.sql("SELECT action, subject FROM audit_log WHERE action='holidays.notice'")
    assert audit == [("holidays.notice", "year:2027")]
    admin = bot.emu.user(5003, language_code="zh")
    await admin.command("/holidays 2027")
    view = await admin.wait_message(predicate=lambda m: "来源" in m.text and "录入" in m.text)
    assert "来源：管理员在机器人里录入的国务院通知" in view.text
    assert "🔁 春节调休上班：2月20日（周六），按周三的时间开放" in view.text
    assert "🔁 春节调休上班：1月30日（周六），按周二的时间开放" in view.text
    await make_staff(bot, 5006, ["admin"], name="Ann")
    ann = bot.emu.user(5006, language_code="en")
    await ann.command("/holidays 2027")
    english = await ann.wait_message(predicate=lambda m: "make-up" in m.text)
    # the weekday in full: "with Wed hours" read as a code to a newcomer
    assert "make-up working day: Sat 20 Feb, open with Wednesday's hours" in english.text


async def test_a_second_instance_sees_the_notice_without_restart(
    bot: Bot, settings: Settings, centre: Centre, database: Database, catalog: Catalog
) -> None:
    """Another instance on the same database answers with the new make-up day at once."""
    bot.clock.set(at(2026, 12, 2))
    other_hours = build_hours(centre, database, recheck_seconds=0, package=KNOWN_UNTIL_2026)
    other = build_runtime(
        settings, centre, database=database, clock=bot.clock, catalog=catalog, hours=other_hours
    )
    before = (await other.hours.book(date(2026, 12, 2))).calendar.day(date(2027, 2, 20))
    assert before.kind is not DayKind.MAKEUP
    await make_staff(bot, 5005, ["admin"])
    await _enter_2027(bot, 5005)
    after = (await other.hours.book(date(2026, 12, 2))).calendar.day(date(2027, 2, 20))
    assert after.kind is DayKind.MAKEUP
    assert after.works_as == 2


async def test_a_wrong_line_is_named_and_can_be_typed_again(bot: Bot) -> None:
    """A make-up day on a weekday is refused with the festival named; the step is asked again."""
    bot.clock.set(at(2026, 12, 2))
    await make_staff(bot, 5006, ["admin"])
    admin = await _open_entry(bot, 5006)
    await admin.send("1月1日放假，1月4日上班")  # 4 Jan 2027 is a Monday
    error = await admin.wait_message(predicate=lambda m: "不是周末" in m.text)
    assert error.text == "元旦：调休上班日1月4日（周一）不是周末，请检查。"
    await admin.send("2026年12月31日、2027年1月1日放假")
    other_year = await admin.wait_message(predicate=lambda m: "不在" in m.text)
    assert other_year.text == "元旦：12月31日（周四）不在2027年里。"
    await admin.send("/cancel")
    await admin.wait_message(predicate=lambda m: "已取消" in m.text)
    assert await bot.sql("SELECT count(*) FROM holiday_notices") == [(0,)]


async def test_admin_uploads_a_csv_notice_and_a_bad_line_is_named(bot: Bot) -> None:
    """A CSV with a make-up day on a Tuesday names its line; a good file is previewed and saved."""
    bot.clock.set(at(2026, 12, 2))
    await make_staff(bot, 5007, ["admin"])
    admin = await _open_entry(bot, 5007, "en")
    statutory = statutory_days(2027)
    good = "date,kind,festival\n" + "".join(f"{d},holiday,{f}\n" for d, f in statutory.items())
    bad = good + "2027-02-16,workday,spring_festival\n"  # a Tuesday
    await admin.send_document(bad.encode(), "notice.csv")
    error = await admin.wait_message(predicate=lambda m: "not a weekend" in m.text)
    assert error.text.startswith(f"line {len(statutory) + 2}: ")
    await admin.send_document((good + "2027-02-20,workday,spring_festival\n").encode(), "n.csv")
    await admin.wait_message(predicate=lambda m: "Please check" in m.text)
    await admin.press("✅ Save")
    await admin.wait_message(predicate=lambda m: "saved" in m.text)
    assert await bot.sql("SELECT year FROM holiday_notices") == [(2027,)]


def test_yaml_notice_with_lines_and_lists_is_read() -> None:
    """YAML: one festival as the notice's words, another as lists of dates and ranges."""
    text = (
        "year: 2027\n"
        "元旦: 1月1日至3日放假\n"
        "spring_festival: {holidays: ['2027-02-05..2027-02-11'], workdays: [2027-02-20]}\n"
    ).encode()
    year, entries = notices.parse_file(text, "n.yaml", None)
    assert year == 2027
    by_festival = {e.festival: e for e in entries}
    assert len(by_festival["new_year"].holidays) == 3
    assert len(by_festival["spring_festival"].holidays) == 7
    assert by_festival["spring_festival"].workdays == {date(2027, 2, 20)}


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("随便写写", Problem.UNREADABLE),
        ("2月30日放假", Problem.BAD_DATE),
        ("2月6日至8日放假", Problem.MISSING_STATUTORY),  # 除夕 (5 Feb) left out
        ("2月5日至8日放假，2月9日上班", Problem.WORKDAY_NOT_WEEKEND),
        ("2月5日至8日放假，2月7日（周日）上班", Problem.BOTH),
        ("2月5日至2月3日放假", Problem.RANGE_REVERSED),
        ("2月5日至11日放假，2月20日（星期日）上班", Problem.WRONG_WEEKDAY),  # a Saturday
        ("2月5日至11日放假，12月25日（周六）上班", Problem.WORKDAY_FAR),
        ("2月1日至2月20日放假", Problem.TOO_LONG),
        ("2月5日至8日放假，4月5日放假", Problem.OVERLAP),  # 清明's statutory day
    ],
)
def test_bad_lines_are_refused_with_the_reason(line: str, problem: Problem) -> None:
    """Each kind of mistake in a festival's line has its own clear reason."""

    def parse_and_check() -> None:
        entry = notices.parse_festival_line("spring_festival", line, 2027, "spring_festival")
        notices.check_entry(2027, entry)

    with pytest.raises(NoticeError) as caught:
        parse_and_check()
    assert caught.value.problem is problem


@pytest.mark.parametrize(
    "line",
    [
        "2月5日（农历除夕）至11日放假调休，共7天。2月20日（周六）上班。",
        "二月五日至十一日放假，二月二十日上班",
        "Feb 5 to Feb 11 off, Sat 20 Feb work",
        "Fri 5 Feb - Thu 11 Feb off and 20 Feb (Sat) work",
        "2027-02-05..2027-02-11, workday 2027-02-20",
    ],
)
def test_a_notice_line_is_read_however_it_is_written(line: str) -> None:
    """The notice's own words, Chinese numerals, English month names and ISO dates all work."""
    entry = notices.parse_festival_line("spring_festival", line, 2027, "spring_festival")
    notices.check_entry(2027, entry)
    assert min(entry.holidays) == date(2027, 2, 5)
    assert max(entry.holidays) == date(2027, 2, 11)
    assert entry.workdays == {date(2027, 2, 20)}


@pytest.mark.parametrize(
    "line",
    [
        "2月5日至11日放假 2月20日（周六）上班",
        "2月5日至11日放假2月20日（周六）上班",
        "2月5日至11日放假。2月20日（周六）上班",
        "2月5日至11日放假；2月20日（周六）上班",
        "2月5日至11日放假\n2月20日（周六）上班",
        "放假2月5日至11日 上班2月20日",
        "Feb 5 to Feb 11 off Sat 20 Feb work",
        "holiday Feb 5 to Feb 11 make-up workday Feb 20",
    ],
)
def test_the_days_off_and_the_make_up_day_part_however_they_are_separated(line: str) -> None:
    """A space, 。, ；, a new line or nothing at all between the break and the make-up day reads
    like a comma: the break stays days off and only the make-up day is a working day."""
    entry = notices.parse_festival_line("spring_festival", line, 2027, "spring_festival")
    notices.check_entry(2027, entry)
    assert entry.holidays == {date(2027, 2, day) for day in range(5, 12)}
    assert entry.workdays == {date(2027, 2, 20)}


def test_the_step_example_is_itself_a_valid_line(catalog: Catalog) -> None:
    """Each step's example, copied as it is, passes the checks (its weekdays are right)."""
    from bot.features.holidays.text import step_example, step_prompt
    from bot.services.holiday_calendar import FESTIVALS

    for lang in ("zh", "en"):
        t = catalog.translator(lang)
        for index, festival in enumerate(FESTIVALS):
            example = step_example(t, 2027, festival)
            assert example in step_prompt(t, 2027, festival, index)
            entry = notices.parse_festival_line(festival, example, 2027, festival)
            notices.check_entry(2027, entry)
            assert entry.workdays, example
            assert all(d.weekday() == 5 for d in entry.workdays), example


def test_national_day_and_mid_autumn_share_a_block() -> None:
    """2025 (package) and 2028 (statutory) name both festivals; 国庆 2028 is 1–3 October."""
    calendar = HolidayCalendar(package=KNOWN_UNTIL_2026)
    assert calendar.year_view(2025).blocks[-1].festivals == ("national_day", "mid_autumn")
    last = calendar.year_view(2028).blocks[-1]
    assert (last.start, last.end) == (date(2028, 10, 1), date(2028, 10, 3))
    assert set(last.festivals) == {"national_day", "mid_autumn"}
    entry = notices.statutory_entry("national_day", 2028)
    assert entry.holidays == {date(2028, 10, 1), date(2028, 10, 2), date(2028, 10, 3)}


def test_package_make_up_days_keep_the_package_festival() -> None:
    """20 Sep 2026 is a National Day make-up day (the package says so), not Mid-Autumn's."""
    calendar = HolidayCalendar(package=KNOWN_UNTIL_2026)
    assert calendar.day(date(2026, 9, 20)).festival == "national_day"


async def test_a_make_up_day_at_a_venue_closed_that_weekday_says_so_plainly(bot: Bot) -> None:
    """Legal aid has no Tuesday hours: its make-up Saturday reads as closed, not as 'open'."""
    bot.clock.set(at(2026, 12, 2))
    await make_staff(bot, 5301, ["admin"])
    await _enter_2027(bot, 5301)
    resident = bot.emu.user(5302, language_code="zh")
    await resident.send("2027年1月30日法律援助有人吗")
    reply = await resident.wait_message()
    assert "调休上班日，按周二的安排，周二这里休息" in reply.text, reply.text


async def test_the_preview_asks_for_a_button_when_text_is_typed(bot: Bot) -> None:
    """Text typed while the preview waits gets 'press Save or Cancel', not 'type text', with
    the two buttons again under it."""
    bot.clock.set(at(2026, 12, 2))
    await make_staff(bot, 5303, ["admin"])
    admin = await _open_entry(bot, 5303)
    for line in ["1月1日至3日放假", SPRING_2027, "法定", "法定", "法定", "法定", "法定"]:
        await admin.send(line)
        await bot.settle()
    assert "请核对" in admin.messages[-1].text
    await admin.send("好的")
    reply = await admin.wait_message(predicate=lambda m: "保存" in m.text and "请点" in m.text)
    assert reply.text == "请点下面的“保存”或“取消”。"
    assert reply.button_texts() == ["✅ 保存", "❌ 取消"]


def test_odd_unicode_and_over_long_lines_are_refused_politely() -> None:
    """Full-width digits are read; a 10,000-character line is refused, not parsed."""
    entry = notices.parse_festival_line("new_year", "１月１日至３日放假", 2027, "new_year")
    assert len(entry.holidays) == 3
    with pytest.raises(NoticeError):
        notices.parse_festival_line("new_year", "1月1日" * 2000, 2027, "new_year")


# --- The yearly alarm, on an injected clock ----------------------------------------------------


async def test_admins_hear_once_a_day_from_december_until_the_notice_is_entered(
    bot: Bot,
) -> None:
    """From 1 December each admin gets one message a day; none in November, none after entry."""
    await make_staff(bot, 5101, ["admin"])
    await make_staff(bot, 5102, ["staff"])
    admin = bot.emu.user(5101, language_code="zh")
    await admin.command("/start")  # a bot can only write to people who started it
    await admin.wait_message()
    bot.clock.set(at(2026, 11, 30, 10))
    assert await send_alarms(bot.runtime) == 0
    bot.clock.set(at(2026, 12, 1, 8))
    assert await send_alarms(bot.runtime) == 0  # before the alarm hour
    bot.clock.set(at(2026, 12, 1, 9, 10))
    assert await send_alarms(bot.runtime) == 1
    assert await send_alarms(bot.runtime) == 0  # once a day
    await bot.drain()
    alarm = await admin.wait_message()
    assert "2027年的放假调休安排还没录入" in alarm.text
    assert "/holidays 2027" in alarm.text
    bot.clock.set(at(2026, 12, 2, 9, 10))
    assert await send_alarms(bot.runtime) == 1
    await _enter_2027(bot, 5101)
    bot.clock.set(at(2026, 12, 3, 9, 10))
    assert await send_alarms(bot.runtime) == 0


@pytest.mark.parametrize(
    ("today", "warned"),
    [(at(2026, 11, 30), False), (at(2026, 12, 15), True), (at(2027, 6, 15), False)],
)
async def test_check_warns_from_december_while_next_year_is_unknown(
    settings: Settings, centre: Centre, today: datetime, warned: bool
) -> None:
    """`python -m bot check` warns in December 2026 (2027 unknown), not in November or June."""
    found = await check_warnings(
        settings, centre, ManualClock(today), package=package_known_until(2026)
    )
    assert bool(found) is warned
    if warned:
        assert "2027" in found[0]


def test_alarm_day_is_a_setting() -> None:
    """FRONTDESK_HOURS__ALARM_FROM moves the alarm; a malformed day is refused."""
    calendar = HolidayCalendar(package=KNOWN_UNTIL_2026)
    assert calendar.upcoming_unknown_year(date(2026, 11, 20), (11, 15)) == 2027
    assert calendar.upcoming_unknown_year(date(2026, 11, 10), (11, 15)) is None
    with pytest.raises(ValueError, match="alarm_from"):
        Settings(_env_file=None, hours={"alarm_from": "13-01"})  # type: ignore[call-arg]


# --- The week view ----------------------------------------------------------------------------


async def test_week_view_opens_on_the_asked_date(bot: Bot) -> None:
    """'国庆节食堂开吗' asked in December: the 📅 button shows the week from 1 October."""
    bot.clock.set(at(2026, 12, 2))
    resident = bot.emu.user(5201, language_code="zh")
    await resident.send("2027年10月1日食堂开吗")
    answer = await resident.wait_message()
    await resident.press("📅 社区食堂一周安排")
    week = await resident.wait_edit(answer)
    assert week.text.startswith("社区食堂 · 10月1日（周五）起一周")
    assert "10/7 周四" in week.text


async def test_forged_week_button_dates_are_refused(bot: Bot, catalog: Catalog) -> None:
    """A week button with an impossible or far-future date gets the invalid-button answer."""
    bot.clock.set(at(2026, 12, 2))
    resident = bot.emu.user(5202, language_code="en")
    await resident.command("/hours")
    overview = await resident.wait_message()
    for data in ("hours:week:canteen:20271345", "hours:week:canteen:29991231"):
        await resident.press_data(data, message_id=overview.message_id)
        await bot.settle()
        assert resident.callback_answers[-1].get("text") == catalog.text("en", "button-invalid")


_WALL_CLOCK_CALLS = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("time", "time"),
    ("time", "time_ns"),
}


def _wall_clock_calls(source: str) -> list[str]:
    """Calls in ``source`` that read the machine's clock (``<datetime|date|time>.<now…>()``)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = node.func.value
        name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", None)
        if (name, node.func.attr) in _WALL_CLOCK_CALLS:
            found.append(f"line {node.lineno}: {name}.{node.func.attr}()")
    return found


def test_no_test_module_reads_the_real_date() -> None:
    """No test asks the machine what day it is: every test takes the injected clock."""
    here = Path(__file__).parent
    offenders = [
        f"{path.relative_to(here)} {call}"
        for path in sorted(here.rglob("*.py"))
        for call in _wall_clock_calls(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_wall_clock_check_finds_what_it_looks_for() -> None:
    """The check above is real: it flags each way of reading the clock, not an injected one."""
    # The calls are assembled from parts so that this file holds none of them literally.
    now, today = "now", "today"
    sample = (
        f"import datetime as dt\nx = dt.datetime.{now}()\ny = date.{today}()\nz = clock.now()\n"
    )
    assert _wall_clock_calls(sample) == [f"line 2: datetime.{now}()", f"line 3: date.{today}()"]


def test_a_remembered_verdict_is_understood_afresh_once_staff_notices_change(
    centre: Centre,
) -> None:
    """The matcher remembers short questions for the day, but not across a change of the
    staff's notices (which can change what a named day is), nor long texts."""
    staff = notices.build_notice(2026, [notices.statutory_entry(f, 2026) for f in _festivals()])
    calendar = HolidayCalendar(package=KNOWN_UNTIL_2026)
    matcher = QuestionMatcher(centre, calendar)
    asked = date(2025, 12, 20)
    first = matcher.understand("元旦食堂开吗", asked)
    assert matcher.understand("元旦食堂开吗", asked) is first
    assert matcher.understand("元旦食堂开吗", date(2025, 12, 21)) is not first
    calendar.set_staff_notices({2026: staff})
    again = matcher.understand("元旦食堂开吗", asked)
    assert again is not first
    assert again.days == (date(2026, 1, 1),)
    long = "元旦食堂开吗" * (MEMO_CHARS // 6 + 1)
    assert matcher.understand(long, asked) is not matcher.understand(long, asked)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_several_closed_days_share_one_caveat_and_one_next_opening(
    bot: Bot, catalog: Catalog, lang: str
) -> None:
    """ "春节期间食堂开吗" on 5 February 2027 (from a Chinese and an English client): a line for
    each closed day, then the caveat about
    2027's unpublished notice and the next opening once each (a newcomer saw both four
    times)."""
    bot.clock.set(at(2027, 2, 5))
    resident = bot.emu.user(4301, language_code=lang)
    await resident.send("春节期间食堂开吗")
    text = (await resident.wait_message()).text or ""
    t = catalog.translator("zh")  # a Chinese question is answered in Chinese, any client
    assert text.count(t("hours-unsettled-holiday", year="2027")) == 1, text
    assert text.count("下次开放") == 1, text
    festival = t("hours-festival-spring_festival")
    assert text.count(festival) >= 3, text  # one line a day of the break
    # the next opening, last: not a date, which would be a guess before the notice
    assert text.rstrip().endswith(t("hours-next-open-unsettled", year="2027")), text


@pytest.mark.parametrize(
    ("lang", "question"),
    [
        ("zh", "国庆节食堂开吗"),
        ("en", "canteen hours during national day"),
        ("en", "is the canteen open on national day"),
    ],
)
async def test_national_day_of_an_unpublished_year_names_only_the_statutory_days(
    bot: Bot, catalog: Catalog, lang: str, question: str
) -> None:
    """National Day 2027 asked in December 2026 (no notice yet; the break is usually a week):
    the answer names 1–3 October as the statutory days, says the break may be longer beside
    them, and gives no reopening date (a newcomer read "Next opens: Mon 4 Oct" as fact)."""
    bot.clock.set(at(2026, 12, 2))
    resident = bot.emu.user(4401, language_code=lang)
    await resident.send(question)
    text = (await resident.wait_message()).text or ""
    t = catalog.translator(lang)
    first = dates.day(date(2027, 10, 1), lang, year=True)
    last = dates.day(date(2027, 10, 3), lang, year=True)
    statutory = (
        t(
            "hours-closed-run-statutory",
            festival=t("hours-festival-national_day"),
            venue="社区食堂" if lang == "zh" else "Community canteen",
            first=first,
            last=last,
        )
        .replace("<b>", "")
        .replace("</b>", "")
    )  # the message's text, its markup gone
    lines = text.split("\n")
    assert lines[-2:] == [statutory, t("hours-next-open-unsettled", year="2027")], text
    assert t("hours-unsettled-holiday", year="2027") in lines, text
    assert "4 Oct" not in text, text
    assert "10月4日" not in text, text


@pytest.mark.parametrize(
    ("lang", "question", "asked_at"),
    [
        ("zh", "中秋节食堂开吗", at(2026, 12, 2)),
        ("en", "is the canteen open on mid-autumn festival", at(2026, 12, 2)),
        ("zh", "元旦食堂开吗", at(2026, 12, 31)),
        ("en", "is the canteen open on new year's day", at(2026, 12, 31)),
    ],
)
async def test_a_one_day_festival_of_an_unpublished_year_gives_no_reopening_date(
    bot: Bot, catalog: Catalog, lang: str, question: str, asked_at: datetime
) -> None:
    """中秋 and 元旦 2027 before the notice: closed on the statutory day, the caveat next to
    it, and the next opening said to wait for the notice (the days after may be bridge days)."""
    bot.clock.set(asked_at)
    resident = bot.emu.user(4402, language_code=lang)
    await resident.send(question)
    text = (await resident.wait_message()).text or ""
    t = catalog.translator(lang)
    lines = text.split("\n")
    assert lines[1:] == [
        t("hours-unsettled-holiday", year="2027"),
        t("hours-next-open-unsettled", year="2027"),
    ], text


async def test_the_overview_gives_no_reopening_date_before_an_unsettled_holiday(
    bot: Bot, catalog: Catalog
) -> None:
    """/hours on the evening of 30 September 2027 with no 2027 notice: the canteen (closed for
    National Day) says its reopening waits for the notice; the gym, which ignores holidays,
    still gives its time."""
    bot.clock.set(at(2027, 9, 30, 20, 0))
    resident = bot.emu.user(4403, language_code="en")
    await resident.command("/hours")
    text = (await resident.wait_message()).text or ""
    t = catalog.translator("en")
    canteen = t("hours-closed-until-unsettled", venue="Community canteen", year="2027")
    assert canteen.replace("<b>", "").replace("</b>", "") in text, text
    assert "Changfeng Bay gym open now" in text, text


async def test_an_ordinary_evening_near_an_unsettled_holiday_still_gives_the_reopening(
    bot: Bot, catalog: Catalog
) -> None:
    """A second reader's finding: /hours at 21:00 on Tuesday 1 June 2027 (端午 is weeks away
    but its notice is not out) said six venues' reopening waited for the notice; only a
    reopening after a statutory holiday is a guess, so the canteen opens tomorrow as usual."""
    bot.clock.set(at(2027, 6, 1, 21, 0))
    resident = bot.emu.user(4405, language_code="en")
    await resident.command("/hours")
    text = (await resident.wait_message()).text or ""
    t = catalog.translator("en")
    unsettled = t("hours-closed-until-unsettled", venue="Community canteen", year="2027")
    assert unsettled.replace("<b>", "").replace("</b>", "") not in text, text
    assert "Community canteen closed · opens tomorrow 06:30" in text, text
