"""Night-school staff tools through the application: guided creation, import, roster,
attendance, cancellation and the lottery draw."""

from __future__ import annotations

import io
import re
from datetime import datetime, timedelta

import pytest
from openpyxl import load_workbook

from bot.clock import SHANGHAI
from bot.features.nightschool import lottery
from bot.i18n import Catalog
from bot.services import users
from tests.conftest import Bot
from tests.nightschool_helpers import make_school, published_course


def en(catalog: Catalog, key: str, **args: object) -> str:
    return catalog.text("en", key, **args)


async def _staff(bot: Bot, telegram_id: int = 7001):  # type: ignore[no-untyped-def]
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, telegram_id, "Li", ["staff"], bot.clock.now())
    person = bot.emu.user(telegram_id, first_name="Li", language_code="en")
    async with bot.runtime.db.transaction() as session:
        profile = await users.find(session, telegram_id)
        assert profile is not None
        await users.set_language(session, profile.id, "en")
    return person


ANSWERS = [
    "书法入门",
    "Calligraphy",
    "毛笔字",
    "Brush writing",
    "Ms Chen",
    "canteen",
    "30",
    "abc",  # refused: not a number
    "2",
    "lottery",
    "2026-09-24",
    "19:00-20:30",
    "4",
    "2026-03-03 09:00",
    "2026-03-10 20:00",
]


async def test_guided_creation_validates_previews_and_publishes(bot: Bot, catalog: Catalog) -> None:
    """/ns_new asks every field, refuses a bad answer politely, previews, then publishes."""
    li = await _staff(bot)
    await li.command("/ns_new")
    await li.wait_message()
    for answer in ANSWERS:
        await li.send(answer)
        await bot.settle()
    texts = [m.text or "" for m in li.messages]
    assert any(en(catalog, "ns-err-number", low=1, high=5000) in t for t in texts)
    assert any("2026-10-01" in t for t in texts)  # National Day skipped and reported
    card = li.messages[-1]
    assert "Calligraphy" in (card.text or "")
    assert await bot.sql("SELECT status, capacity, mode, fee_fen FROM courses") == [
        ("draft", 2, "lottery", 3000)
    ]
    assert await bot.sql("SELECT count(*) FROM course_sessions") == [(4,)]
    await li.press(en(catalog, "ns-btn-publish"))
    await bot.settle()
    assert await bot.sql("SELECT status FROM courses") == [("published",)]
    assert await bot.sql("SELECT action FROM audit_log ORDER BY id") == [
        ("nightschool.create",),
        ("nightschool.publish",),
    ]


async def test_cancel_stops_the_conversation_and_residents_are_refused(
    bot: Bot, catalog: Catalog
) -> None:
    """/cancel mid-way saves nothing; a resident's /ns_new is refused."""
    li = await _staff(bot)
    await li.command("/ns_new")
    await li.send("书法")
    await li.command("/cancel")
    await bot.settle()
    assert li.messages[-1].text == en(catalog, "ns-cancelled-conversation")
    assert await bot.sql("SELECT count(*) FROM courses") == [(0,)]
    resident = bot.emu.user(7002, first_name="R", language_code="en")
    await resident.command("/ns_new")
    assert (await resident.wait_message()).text == en(catalog, "refused-staff-only")


CSV_HEADER = (
    "title_zh,title_en,description_zh,description_en,teacher,venue,fee,capacity,mode,"
    "first_date,time,weeks,opens,closes\n"
)
GOOD_ROW = "太极,Tai chi,太极拳,Tai chi basics,Mr Wu,canteen,0,20,fcfs,2026-04-01,08:00-09:00,6,2026-03-03 09:00,2026-03-20 20:00\n"  # noqa: E501
BAD_ROW = "舞蹈,Dance,跳舞,Dancing,Ms Li,moon,x,0,fcfs,2026-04-01,25:00,6,2026-03-03 09:00,2026-03-20 20:00\n"  # noqa: E501


async def test_term_file_reports_every_bad_row_then_imports(bot: Bot, catalog: Catalog) -> None:
    """A CSV with a bad row is refused with one line per problem; a clean one becomes drafts."""
    li = await _staff(bot)
    await li.command("/ns_import")
    await bot.settle()
    await li.send_document((CSV_HEADER + GOOD_ROW + BAD_ROW).encode(), "term.csv")
    await bot.settle()
    report = li.messages[-1].text or ""
    assert report.startswith(en(catalog, "ns-import-problems", count=4))
    assert "Row 3, venue" in report
    assert "Row 3, time" in report
    assert await bot.sql("SELECT count(*) FROM courses") == [(0,)]
    await li.send_document((CSV_HEADER + GOOD_ROW + GOOD_ROW).encode(), "term.csv")
    await bot.settle()
    assert await bot.sql("SELECT status, title_en FROM courses") == [
        ("draft", "Tai chi"),
        ("draft", "Tai chi"),
    ]


async def test_roster_files_and_attendance(bot: Bot, catalog: Catalog) -> None:
    """Staff get the roster as text, Excel and CSV, and mark attendance with buttons."""
    school = make_school(catalog, bot.runtime.centre)
    course_id = await published_course(bot.runtime.db, school, now=bot.clock.now(), capacity=1)
    for n in range(2):
        person = bot.emu.user(7100 + n, first_name=f"P{n}", language_code="en")
        await person.command("/classes")
        await person.wait_message()
        await person.press_data(f"ns:join:{course_id}")
        await bot.settle()
    li = await _staff(bot)
    await li.command("/ns_courses")
    await bot.settle()
    await li.press_data(f"ns:sc:{course_id}")
    await bot.settle()
    await li.press(en(catalog, "ns-btn-roster"))
    await bot.settle()
    assert "P0" in (li.messages[-1].text or "")
    assert "P1" in (li.messages[-1].text or "")
    await li.press(en(catalog, "ns-btn-xlsx"))
    sheet = await li.wait_message(predicate=lambda m: m.document is not None)
    assert sheet.document is not None
    book = load_workbook(io.BytesIO(sheet.document["content"]))
    rows = list(book.active.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ["enrolled", "waitlisted"]
    await li.press(en(catalog, "ns-btn-csv"))
    table = await li.wait_message(predicate=lambda m: m.document is not None)
    assert table.document is not None
    assert "waitlisted" in table.document["content"].decode("utf-8-sig")
    await li.press(en(catalog, "ns-btn-attendance"))
    await bot.settle()
    await li.press(li.messages[-1].button_texts()[0])
    await bot.settle()
    await li.press("⬜ P0")
    await bot.settle()
    assert await bot.sql("SELECT present FROM course_attendance") == [(True,)]
    assert "✅ P0" in li.messages[-1].button_texts()


async def test_cancelling_a_course_from_its_card_tells_everyone(bot: Bot, catalog: Catalog) -> None:
    """Staff cancel a course; enrolled and waitlisted residents get the notice from the outbox."""
    school = make_school(catalog, bot.runtime.centre)
    course_id = await published_course(bot.runtime.db, school, now=bot.clock.now(), capacity=1)
    people = [bot.emu.user(7200 + n, first_name=f"P{n}", language_code="en") for n in range(2)]
    for person in people:
        await person.command("/classes")
        await person.wait_message()
        await person.press_data(f"ns:join:{course_id}")
        await bot.settle()
    li = await _staff(bot)
    await li.command("/ns_courses")
    await bot.settle()
    await li.press_data(f"ns:sc:{course_id}")
    await bot.settle()
    await li.press(en(catalog, "ns-btn-cancel-course"))
    await bot.settle()
    # "No, keep it" first: the question becomes the answer, nobody is told, nothing changes.
    await li.press(en(catalog, "ns-btn-keep"))
    await bot.settle()
    kept = [m for m in li.messages if "goes ahead as planned" in (m.text or "")]
    assert len(kept) == 1
    assert kept[0].button_texts() == []  # the cancel button is gone with the question
    assert await bot.sql(f"SELECT status FROM courses WHERE id = {course_id}") == [("published",)]
    await li.press(en(catalog, "ns-btn-cancel-course"))
    await bot.settle()
    await li.press(en(catalog, "ns-btn-confirm-cancel"))
    await bot.settle()
    await bot.drain()
    for person in people:
        await person.wait_message(predicate=lambda m: "has been cancelled" in (m.text or ""))
    await people[0].press_data(f"ns:join:{course_id}")
    await bot.settle()
    assert people[0].callback_answers[-1]["text"] == en(catalog, "ns-result-course-cancelled")


async def test_the_staff_card_shows_a_lottery_seed_only_for_lottery_courses(
    bot: Bot, catalog: Catalog
) -> None:
    """A first-come course has no draw: its card has no seed line (no "Lottery seed: —"); a
    lottery course not drawn yet says so."""
    school = make_school(catalog, bot.runtime.centre)
    fcfs = await published_course(bot.runtime.db, school, now=bot.clock.now())
    drawn_later = await published_course(
        bot.runtime.db, school, now=bot.clock.now(), mode="lottery", title="Pottery"
    )
    li = await _staff(bot)
    await li.command("/ns_courses")
    await bot.settle()
    await li.press_data(f"ns:sc:{fcfs}")
    card = await li.wait_message(predicate=lambda m: "Calligraphy" in (m.text or ""))
    assert "seed" not in (card.text or "").lower()
    assert "—" not in (card.text or "")
    await li.press_data(f"ns:sc:{drawn_later}")
    card = await li.wait_message(predicate=lambda m: "Pottery" in (m.text or ""))
    assert en(catalog, "ns-staff-card-not-drawn") in (card.text or "")


async def test_staff_draw_the_lottery_and_residents_learn_the_result(
    bot: Bot, catalog: Catalog
) -> None:
    """The draw button runs the seeded draw, shows the seed, and everyone hears the result."""
    school = make_school(catalog, bot.runtime.centre)
    closes = bot.clock.now() + timedelta(hours=1)
    course_id = await published_course(
        bot.runtime.db, school, now=bot.clock.now(), capacity=1, mode="lottery", closes=closes
    )
    people = [bot.emu.user(7300 + n, first_name=f"P{n}", language_code="en") for n in range(3)]
    for person in people:
        await person.command("/classes")
        await person.wait_message()
        await person.press_data(f"ns:join:{course_id}")
        await bot.settle()
    bot.clock.advance(timedelta(hours=2))
    li = await _staff(bot)
    await li.command("/ns_courses")
    await bot.settle()
    await li.press_data(f"ns:sc:{course_id}")
    await bot.settle()
    await li.press(en(catalog, "ns-btn-draw"))
    await bot.settle()
    [(seed,)] = await bot.sql("SELECT lottery_seed FROM courses")
    assert str(seed) in (li.messages[-1].text or "")
    await bot.drain()
    results = []
    for person in people:
        message = await person.wait_message(predicate=lambda m: "Lottery result" in (m.text or ""))
        results.append("you have a place" in (message.text or ""))
    assert sorted(results) == [False, False, True]
    async with bot.runtime.db.read() as session:
        assert await lottery.verify(session, course_id)
    await li.press_data(f"ns:drw:{course_id}")
    await bot.settle()
    assert li.callback_answers[-1]["text"] == en(catalog, "ns-draw-already-drawn")


async def test_staff_create_a_course_entirely_in_natural_chinese(
    bot: Bot, catalog: Catalog
) -> None:
    """No code, no format: "免费", "二十人", the 抽签 button, "下周四晚上7点到8点半" (day and hours
    at once, one step of the 13), "10周", "现在", "3月10日晚上8点"; a preview,
    then published (issue 16)."""
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, 7051, "李", ["staff"], bot.clock.now())
    li = bot.emu.user(7051, first_name="李", language_code="zh")
    await li.command("/ns_new")
    await li.wait_message()
    answers = ["书法入门", "Calligraphy", "毛笔字", "Brush writing", "陈老师"]
    for answer in answers:
        await li.send(answer)
        asked = await li.wait_message()
    venues = [b["text"] for row in (asked.reply_markup or {}).get("keyboard", []) for b in row]
    assert "社区食堂" in venues  # a list to pick from, names not codes
    await li.send("社区食堂")
    await li.wait_message()
    await li.send("免费")
    await li.wait_message()
    await li.send("二十人")
    asked = await li.wait_message()
    modes = [b["text"] for row in (asked.reply_markup or {}).get("keyboard", []) for b in row]
    assert modes == ["先到先得", "抽签"]
    await li.send("抽签")
    await li.wait_message()
    await li.send("下周四晚上7点到8点半")
    asked = await li.wait_message()
    assert catalog.text("zh", "ns-ask-weeks") in (asked.text or "")  # the hours were understood
    for answer in ("10周", "现在", "下周二晚上8点"):
        await li.send(answer)
    await bot.settle()
    texts = [m.text or "" for m in li.messages]
    assert not any("没看懂" in t or "请写" in t for t in texts), texts[-3:]
    # The hours came with the day: their step is left out of the count, not jumped over.
    steps = [tuple(map(int, m)) for t in texts for m in re.findall(r"第 (\d+) 步，共 (\d+) 步", t)]
    assert [n for n, _ in steps] == list(range(1, len(steps) + 1)), steps
    assert {total for _, total in steps} == {13}  # the count never changes on the way
    assert "书法入门" in (li.messages[-1].text or "")
    assert await bot.sql("SELECT status, capacity, mode, fee_fen, venue_id FROM courses") == [
        ("draft", 20, "lottery", 0, "canteen")
    ]
    sessions = await bot.sql("SELECT starts_at FROM course_sessions ORDER BY starts_at")
    assert len(sessions) == 10
    assert str(sessions[0][0]).startswith("2026-03-12 11:00")  # 19:00 in Shanghai
    await li.press(catalog.text("zh", "ns-btn-publish"))
    await bot.settle()
    assert await bot.sql("SELECT status FROM courses") == [("published",)]


def test_course_answers_in_words_become_the_strict_forms() -> None:
    """Each field's words map to what the strict parser reads; unknown words pass unchanged."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from bot.features.nightschool.inputs import from_words
    from bot.services.holiday_calendar import HolidayCalendar

    now, zone, cal = datetime(2026, 3, 2, 2, 0, tzinfo=UTC), ZoneInfo("Asia/Shanghai"), None
    calendar = cal or HolidayCalendar({})
    cases = [
        ("fee", "免费", "0.00", None),
        ("fee", "12.5元", "12.50", None),
        ("fee", "¥30", "30.00", None),
        ("capacity", "20人", "20", None),
        ("capacity", "up to 30 people", "30", None),
        ("mode", "先到先得", "fcfs", None),
        ("mode", "Lottery", "lottery", None),
        ("weeks", "十周", "10", None),
        ("time", "晚上7点到8点半", "19:00-20:30", None),
        ("time", "7pm to 8:30pm", "19:00-20:30", None),
        ("first_date", "每周二 19:00-20:30", "2026-03-03", "19:00-20:30"),
        # on a Monday "every Monday" is next Monday, not today (its hours may be gone)
        ("first_date", "每周一 19:00-20:30", "2026-03-09", "19:00-20:30"),
        ("first_date", "every Monday", "2026-03-09", None),
        ("first_date", "下周四晚上7点到8点半", "2026-03-12", "19:00-20:30"),
        ("first_date", "3月19日", "2026-03-19", None),
        ("opens", "明天上午9点", "2026-03-03 09:00", None),
        ("closes", "3月10日", "2026-03-10 23:59", None),
        ("capacity", "很多", "很多", None),
    ]
    for field, words, text, hours in cases:
        understood = from_words(field, words, now, zone, calendar)
        assert (understood.text, understood.time_range) == (text, hours), (field, words)


FIRST_STEPS = ["剪纸", "Paper cutting", "学剪纸", "Learn", "Wang", "canteen", "0", "10", "fcfs"]


@pytest.mark.parametrize(
    ("lang", "weekly"), [("zh", "每周三 19:00-20:30"), ("en", "every Wednesday 19:00-20:30")]
)
async def test_every_wednesday_sent_on_a_wednesday_evening_starts_next_wednesday(
    bot: Bot, catalog: Catalog, lang: str, weekly: str
) -> None:
    """A newcomer's finding: "每周三 19:00-20:30", sent on a Wednesday at 21:04, was refused as
    already past; every Wednesday means the first one still to come, a week later. A day
    alone then gets its hours asked under the same step number (13 steps throughout)."""
    bot.clock.set(datetime(2026, 12, 2, 21, 4, tzinfo=SHANGHAI))  # a Wednesday evening
    li = await _staff(bot)
    async with bot.runtime.db.transaction() as session:
        profile = await users.find(session, 7001)
        assert profile is not None
        await users.set_language(session, profile.id, lang)
    await li.command("/ns_new")
    await li.wait_message()
    for answer in [
        "剪纸",
        "Paper cutting",
        "学剪纸",
        "Learn",
        "Wang",
        "canteen",
        "0",
        "10",
        "fcfs",
    ]:
        await li.send(answer)
        await bot.settle()
    await li.send(weekly)
    await bot.settle()
    asked = li.messages[-1].text or ""
    assert catalog.text(lang, "ns-ask-weeks") in asked, asked
    for answer in ("8", "now", "2026-12-08 20:00"):  # into 2027: no holiday calendar yet
        await li.send(answer)
        await bot.settle()
    texts = [m.text or "" for m in li.messages]
    assert not any(catalog.text(lang, "ns-err-first-class-past") in t for t in texts)
    step_text = r"第 (\d+) 步，共 (\d+) 步" if lang == "zh" else r"Step (\d+) of (\d+)"
    totals = {int(m[1]) for t in texts for m in re.findall(step_text, t)}
    assert totals == {13}
    sessions = await bot.sql("SELECT starts_at FROM course_sessions ORDER BY starts_at")
    assert str(sessions[0][0]).startswith("2026-12-09 11:00")  # Wednesday 9 Dec, 19:00
    no_holidays = "没有遇到节假日。" if lang == "zh" else "No holidays in the way."
    holidays = next(t for t in texts if "2027-01-06" in t)  # the dates to check
    assert holidays.startswith(no_holidays), holidays
    assert "—" not in holidays


async def test_a_first_class_in_the_past_is_refused_at_its_step(bot: Bot, catalog: Catalog) -> None:
    """A newcomer's finding: "2月23日" (gone) was taken as the first class, and at the last
    step every closing time was refused with no way back but /cancel. The day is refused at
    once; a day given today with hours already gone asks for the day again."""
    li = await _staff(bot)  # the clock: Monday 2 March 2026, 10:00
    await li.command("/ns_new")
    await li.wait_message()
    for answer in ANSWERS[:7] + ANSWERS[8:10]:
        await li.send(answer)
        await bot.settle()
    await li.send("23 Feb")
    await bot.settle()
    refused = li.messages[-1]
    assert refused.text.startswith(en(catalog, "ns-err-first-class-past"))
    await li.send("today 8am to 9am")  # today, but over by now: the day is asked again
    await bot.settle()
    again = li.messages[-1]
    assert again.message_id != refused.message_id
    assert again.text.startswith(en(catalog, "ns-err-first-class-past"))
    assert en(catalog, "ns-ask-first-date") in again.text
    for answer in ("2026-09-24", "19:00-20:30", "4", "now", "2026-09-20 20:00"):
        await li.send(answer)
        await bot.settle()
    assert await bot.sql("SELECT status, capacity FROM courses") == [("draft", 2)]
