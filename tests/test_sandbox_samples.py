"""The sandbox's sample timetable: residents can sign up at once, it is laid out once, and only
the sandbox lays it out (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.centre import Centre
from bot.features.events.models import Event
from bot.features.nightschool.models import Course, CourseSession
from bot.i18n import Catalog
from bot.runtime import Runtime
from bot.sandbox import STAFF_PERSONA, SandboxDatabaseRefused, run_sandbox, sandbox_database
from bot.sandbox_samples import (
    SAMPLE_COURSES,
    SAMPLE_EVENTS,
    TITLES,
    Laid,
    Sample,
    lay_samples,
)
from bot.services import users
from bot.settings import Settings
from bot.storage.models.audit import AuditEntry
from tests.conftest import Bot

ROOT = Path(__file__).resolve().parents[1]


async def _lay(runtime: Runtime) -> Laid:
    """Lay out the samples as the sandbox does: its staff persona exists first."""
    async with runtime.db.transaction() as session:
        await users.ensure_staff(
            session,
            STAFF_PERSONA.telegram_id,
            STAFF_PERSONA.first_name,
            list(STAFF_PERSONA.roles),
            runtime.clock.now(),
        )
    return await lay_samples(runtime, STAFF_PERSONA.telegram_id)


async def _counts(runtime: Runtime) -> tuple[int, int, int]:
    async with runtime.db.read() as session:
        courses = await session.scalar(select(func.count()).select_from(Course))
        events = await session.scalar(select(func.count()).select_from(Event))
        sessions = await session.scalar(select(func.count()).select_from(CourseSession))
    return int(courses or 0), int(events or 0), int(sessions or 0)


async def test_a_resident_signs_up_for_a_sample_course_and_sees_it_in_myclasses(
    bot: Bot, catalog: Catalog
) -> None:
    """With the samples laid out, a resident lists the classes, signs up for tai chi and finds
    it in /myclasses with its next class, on a Tuesday or Thursday morning after today."""
    await _lay(bot.runtime)
    taichi = catalog.text("zh", TITLES[Sample.TAICHI])
    wang = bot.emu.user(4101, first_name="王阿姨", language_code="zh")
    await wang.command("/classes")
    listing = await wang.wait_message(predicate=lambda m: bool(m.buttons))
    assert taichi in listing.button_texts()
    assert len(listing.button_texts()) == len(SAMPLE_COURSES)
    await wang.press(taichi)
    await bot.settle()
    await wang.press(catalog.text("zh", "ns-btn-join"))
    await bot.settle()
    await wang.command("/myclasses")
    mine = await wang.wait_message(predicate=lambda m: "我的课程" in (m.text or ""))
    text = mine.text or ""
    assert taichi in text
    assert catalog.text("zh", "ns-mine-enrolled") in text
    async with bot.runtime.db.read() as session:
        first = await session.scalar(
            select(func.min(CourseSession.starts_at))
            .join(Course, Course.id == CourseSession.course_id)
            .where(Course.title_zh == taichi)
        )
    assert first is not None
    local = first.astimezone(bot.runtime.centre.zone)
    today = bot.clock.now().astimezone(bot.runtime.centre.zone).date()
    assert local.weekday() in (1, 3)
    assert (local.hour, local.minute) == (8, 30)
    assert today + timedelta(days=2) <= local.date() <= today + timedelta(days=8)
    assert f"{local.month}月{local.day}日" in text  # the next class, shown in Shanghai time


async def test_samples_are_dated_from_the_clock_and_stored_in_utc(bot: Bot) -> None:
    """Each sample starts on its next weekday at least two days ahead of the injected clock,
    at its local hours, stored as UTC; an event begins after the clock's now."""
    await _lay(bot.runtime)
    zone = bot.runtime.centre.zone
    now = bot.clock.now()
    today = now.astimezone(zone).date()
    async with bot.runtime.db.read() as session:
        rows = (
            await session.execute(
                select(Course.title_en, func.min(CourseSession.starts_at), func.count())
                .join(CourseSession, CourseSession.course_id == Course.id)
                .group_by(Course.title_en)
            )
        ).all()
        events = list(await session.scalars(select(Event).order_by(Event.starts_at)))
    starts = {title: (first, count) for title, first, count in rows}
    for sample in SAMPLE_COURSES:
        first, count = starts[catalog_en(bot, sample.sample)]
        assert first.tzinfo is not None
        assert first.utcoffset() == timedelta(0)
        local = first.astimezone(zone)
        assert local.weekday() in sample.weekdays
        assert today + timedelta(days=2) <= local.date() < today + timedelta(days=9)
        assert local.strftime("%H:%M") == sample.hours[:5]
        assert count == sample.weeks * len(sample.weekdays)
    by_title = {event.title_en: event for event in events}
    assert sorted(by_title) == sorted(catalog_en(bot, e.sample) for e in SAMPLE_EVENTS)
    for sample_event in SAMPLE_EVENTS:
        event = by_title[catalog_en(bot, sample_event.sample)]
        local = event.starts_at.astimezone(zone)
        assert event.starts_at.utcoffset() == timedelta(0)
        assert event.starts_at > now
        assert local.weekday() == sample_event.weekday
        assert local.strftime("%H:%M") == sample_event.hours[:5]
        assert event.capacity == sample_event.capacity


def catalog_en(bot: Bot, sample: Sample) -> str:
    return bot.runtime.catalog.text("en", TITLES[sample])


async def test_laying_out_twice_adds_nothing(bot: Bot) -> None:
    """A second laying-out on the same database (the sandbox restarted with --db) keeps the
    open samples and adds no course, session, event or audit entry."""
    first = await _lay(bot.runtime)
    assert first == Laid(courses=len(SAMPLE_COURSES), events=len(SAMPLE_EVENTS), kept=0)
    counts = await _counts(bot.runtime)
    async with bot.runtime.db.read() as session:
        audited = await session.scalar(select(func.count()).select_from(AuditEntry))
    bot.clock.advance(timedelta(hours=3))
    again = await _lay(bot.runtime)
    assert again == Laid(courses=0, events=0, kept=len(SAMPLE_COURSES) + len(SAMPLE_EVENTS))
    assert await _counts(bot.runtime) == counts
    async with bot.runtime.db.read() as session:
        assert await session.scalar(select(func.count()).select_from(AuditEntry)) == audited


async def test_samples_that_are_over_are_laid_out_anew(bot: Bot) -> None:
    """A month later the old samples' sign-ups have closed and their events are past: each is
    laid out again on its next weekday, one open copy of each, never two."""
    await _lay(bot.runtime)
    bot.clock.advance(timedelta(days=30))
    later = await _lay(bot.runtime)
    assert later == Laid(courses=len(SAMPLE_COURSES), events=len(SAMPLE_EVENTS), kept=0)
    now = bot.clock.now()
    async with bot.runtime.db.read() as session:
        open_courses = (
            await session.execute(
                select(Course.title_zh, func.count())
                .where(Course.signup_closes_at > now, Course.status == "published")
                .group_by(Course.title_zh)
            )
        ).all()
        coming = (
            await session.execute(
                select(Event.title_zh, func.count())
                .where(Event.starts_at > now)
                .group_by(Event.title_zh)
            )
        ).all()
    assert len(open_courses) == len(SAMPLE_COURSES)
    assert all(count == 1 for _, count in open_courses)
    assert len(coming) == len(SAMPLE_EVENTS)
    assert all(count == 1 for _, count in coming)


async def test_the_real_bot_starts_without_samples(bot: Bot, catalog: Catalog) -> None:
    """The application as production builds it (no sandbox) lays out nothing: a resident's
    /classes and /events are empty until staff create something."""
    person = bot.emu.user(4102, first_name="Li", language_code="zh")
    await person.command("/classes")
    await person.wait_message()
    await person.command("/events")
    await person.wait_message()
    await bot.settle()
    assert await _counts(bot.runtime) == (0, 0, 0)
    texts = [m.text or "" for m in person.messages]
    assert catalog.text("zh", "events-none") in texts


async def test_the_sandbox_script_signs_up_in_both_languages(
    settings: Settings, centre: Centre, catalog: Catalog, tmp_path: Path
) -> None:
    """docs/samples.txt, played by the sandbox: 王阿姨 gets tai chi and the paper-cutting event,
    Alice the photography class and the legal aid day, and each is reminded on the evening
    before (``:jobs``); a second run on the same database
    says the samples are already there, and ``:samples off`` starts empty."""
    lines: list[str] = []
    code = await run_sandbox(
        settings, centre, script=ROOT / "docs" / "samples.txt", write=lines.append, files=tmp_path
    )
    out = "\n".join(lines)
    assert code == 0
    assert catalog.text("zh", "sandbox-samples-laid", courses=4, events=2) in out
    assert catalog.text("en", "sandbox-samples-laid", courses=4, events=2) in out
    assert "✅ 报名成功，您已获得名额！" in out
    assert "🤖 📚 我的课程\n\n太极拳（活动室）\n✅ 您已报上这门课。" in out
    assert "👥 名额：已报 1 / 共 20\n✅ 您已报名。" in out  # the paper-cutting event
    assert "🤖 📚 My classes\n\nPhotography for beginners (Night school)" in out
    assert "👥 Seats: 1 of 30 taken\n✅ You are signed up." in out
    # :jobs on the evenings before: the reminders of what each signed up for
    assert "🤖 ⏰ Reminder (tomorrow): Legal aid open day\n🕘 Wed 9 Dec 14:00" in out
    assert "[→ 王阿姨 (resident)] 🤖 ⏰ 提醒（明天）：太极拳\n🕘 12月10日（周四）08:30" in out
    assert "出了点问题" not in out
    assert "went wrong" not in out

    again: list[str] = []
    script = tmp_path / "again.txt"
    script.write_text(":clock 2026-12-07 10:00\n/classes\n:samples off\n", encoding="utf-8")
    await run_sandbox(settings, centre, script=script, write=again.append, files=tmp_path)
    text = "\n".join(again)
    assert catalog.text("zh", "sandbox-samples-kept") in text
    assert catalog.text("zh", "sandbox-samples-too-late") in text
    assert text.count("• 太极拳 — ") == 1  # listed once: nothing was laid out twice


async def test_samples_off_starts_empty(
    settings: Settings, centre: Centre, catalog: Catalog, tmp_path: Path
) -> None:
    """``:samples off`` before the first message: no course or event is laid out."""
    lines: list[str] = []
    script = tmp_path / "empty.txt"
    script.write_text(":clock 2026-12-07 09:00\n:samples off\n/events\n", encoding="utf-8")
    await run_sandbox(settings, centre, script=script, write=lines.append, files=tmp_path)
    out = "\n".join(lines)
    assert catalog.text("en", "sandbox-samples-off") in out
    assert catalog.text("zh", "events-none") in out
    assert catalog.text("zh", "sandbox-samples-laid", courses=4, events=2) not in out


async def test_samples_off_is_remembered_by_a_database_kept_between_runs(
    settings: Settings, centre: Centre, catalog: Catalog, tmp_path: Path
) -> None:
    """A database started with ``:samples off`` (kept with --db) gets no samples on the next
    run either: the start says so and /classes lists nothing; ``:samples off`` again is no
    error. A database given the samples keeps getting them (see the script test above)."""
    first = tmp_path / "so1.txt"
    first.write_text(":samples off\n:clock 2026-03-02 09:00\n/start\n", encoding="utf-8")
    await run_sandbox(settings, centre, script=first, write=[].append, files=tmp_path)
    lines: list[str] = []
    second = tmp_path / "so2.txt"
    second.write_text(":clock 2026-03-02 09:05\n/classes\n:samples off\n", encoding="utf-8")
    await run_sandbox(settings, centre, script=second, write=lines.append, files=tmp_path)
    out = "\n".join(lines)
    assert catalog.text("zh", "sandbox-samples-stay-off") in out
    assert catalog.text("en", "sandbox-samples-stay-off") in out
    assert catalog.text("zh", "sandbox-samples-coming") not in out
    assert catalog.text("zh", "sandbox-samples-laid", courses=4, events=2) not in out
    assert catalog.text("zh", "sandbox-samples-too-late") not in out
    assert "太极拳" not in out


@pytest.mark.parametrize(
    ("db", "production"),
    [
        ("data/frontdesk.db", "sqlite+aiosqlite:///data/frontdesk.db"),
        ("./data/../data/frontdesk.db", "sqlite+aiosqlite:///data/frontdesk.db"),
        (
            "postgresql+asyncpg://bot:pw@db.local/frontdesk",
            "postgresql+asyncpg://bot:x@db.local:5432/frontdesk",
        ),
        ("postgresql://bot@db.local/frontdesk", "postgresql+asyncpg://bot:pw@db.local/frontdesk"),
    ],
)
def test_the_sandbox_never_opens_the_production_database_by_db(
    db: str, production: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--db`` naming the production database (FRONTDESK_DATABASE_URL), by another path or
    driver, is refused: the sample timetable never reaches it."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SandboxDatabaseRefused), sandbox_database(db, production=production):
        pass


def test_the_sandbox_keeps_a_database_of_its_own_by_db(tmp_path: Path) -> None:
    """Another file or database than the production one is the sandbox's to keep."""
    production = f"sqlite+aiosqlite:///{tmp_path / 'prod.db'}"
    with sandbox_database(str(tmp_path / "mine.db"), production=production) as url:
        assert url.endswith("mine.db")
    other = "postgresql+asyncpg://bot@db.local/sandbox"
    with sandbox_database(other, production="postgresql+asyncpg://bot@db.local/frontdesk") as url:
        assert url == other


async def test_a_partial_laying_out_is_worded_in_good_english(bot: Bot, catalog: Catalog) -> None:
    """Two days on, with --db, only the photography class is over and laid anew: the note
    says "1 class", not "1 classes", and "no events"."""
    await _lay(bot.runtime)
    bot.clock.advance(timedelta(days=2, hours=1))
    later = await _lay(bot.runtime)
    assert (later.courses, later.events) == (1, 0)
    note = catalog.text("en", "sandbox-samples-laid", courses=later.courses, events=later.events)
    assert "1 class and no events over" in note
    zh = catalog.text("zh", "sandbox-samples-laid", courses=1, events=0)
    assert "：1 门课程，日期" in zh  # not "1 门课程、0 场活动"
