"""The daily digest: content computed by the database, and exactly one per organiser and day."""

from __future__ import annotations

import asyncio
import struct
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import select, text

from bot.app import build_runtime
from bot.clock import ManualClock
from bot.features.feedback import digest
from bot.features.feedback.models import DigestDelivery
from bot.features.feedback.service import Draft, FeedbackError
from bot.i18n import Catalog
from bot.runtime import Runtime
from bot.services.holiday_calendar import HolidayCalendar
from bot.settings import FeedbackSettings
from bot.storage.db import create_database
from tests.test_feedback_service import give, outbox_texts, person

# 20:30 in Shanghai on Monday 2 March 2026 is 12:30 UTC.
DUE = datetime(2026, 3, 2, 12, 30, tzinfo=UTC)


async def deliveries(runtime: Runtime) -> list[tuple[object, ...]]:
    async with runtime.db.read() as session:
        rows = await session.execute(
            select(
                DigestDelivery.user_id,
                DigestDelivery.day,
                DigestDelivery.report_day,
                DigestDelivery.late,
            ).order_by(DigestDelivery.id)
        )
        return [tuple(row) for row in rows]


async def digest_rows(runtime: Runtime) -> list[tuple[object, ...]]:
    async with runtime.db.read() as session:
        rows = await session.execute(
            text(
                "SELECT m.chat_id, m.dedupe_key, b.photo IS NOT NULL FROM outbox_messages m "
                "JOIN outbox_bodies b ON b.id = m.body_id "
                "WHERE m.source = 'feedback:digest' ORDER BY m.id"
            )
        )
        return [tuple(row) for row in rows]


async def sample_day(runtime: Runtime) -> None:
    """A few residents' feedback on 2 March, and some in the week before."""
    residents = [await person(runtime, 7000 + n, f"R{n}") for n in range(6)]
    day = datetime(2026, 3, 2, 4, 0, tzinfo=UTC)  # 12:00 local
    await give(runtime, residents[0], Draft("lunch", 5, ("taste", "variety"), "great"), day)
    await give(runtime, residents[1], Draft("lunch", 4, ("taste",)), day)
    await give(runtime, residents[2], Draft("lunch", 1, ("hygiene",), "dirty trays"), day)
    await give(
        runtime,
        residents[3],
        Draft("breakfast", 2, ("taste", "price"), "too salty", anonymous=True),
        day,
    )
    await give(runtime, residents[4], Draft("dinner", 3), day)
    for offset in range(1, 8):
        await give(
            runtime, residents[5], Draft("lunch", 3), day - timedelta(days=offset)
        )  # baseline average 3.0


async def test_report_aggregates_the_day(runtime: Runtime) -> None:
    """Count, average, change against the previous week, stars, meals, tags, lowest, open."""
    await sample_day(runtime)
    async with runtime.db.read() as session:
        report = await digest.build_report(
            session, date(2026, 3, 2), date(2026, 3, 2), runtime.settings.feedback
        )
    assert report.count == 5
    assert report.average == pytest.approx(3.0)
    assert report.baseline_count == 7
    assert report.baseline_average == pytest.approx(3.0)
    assert report.stars == {1: 1, 2: 1, 3: 1, 4: 1, 5: 1}
    assert report.meals == [
        ("breakfast", 1, 2.0),
        ("lunch", 3, pytest.approx(10 / 3)),
        ("dinner", 1, 3.0),
    ]
    assert report.tags[0] == ("taste", 3)
    assert [c.comment for c in report.lowest] == ["dirty trays", "too salty", "great"]
    assert report.lowest[1].name is None
    assert report.unresolved_count == 2
    assert len(report.series) == 14
    assert report.series[-1] == digest.DayPoint(date(2026, 3, 2), 5, pytest.approx(3.0))
    assert report.series[0].day == date(2026, 2, 17)


async def test_rendered_digest_shows_the_facts_in_the_readers_language(runtime: Runtime) -> None:
    """English and Chinese digests carry the numbers, the anonymous comment without a name."""
    await sample_day(runtime)
    async with runtime.db.read() as session:
        report = await digest.build_report(
            session, date(2026, 3, 2), date(2026, 3, 2), runtime.settings.feedback
        )
    [en] = digest.render(report, runtime.catalog.translator("en"))
    [zh] = digest.render(report, runtime.catalog.translator("zh"))
    assert "Responses: <b>5</b>" in en
    assert "+0.0 vs the previous 7 days' 3.0" in en
    assert "dirty trays" in en
    assert "R3" not in en  # the anonymous one
    assert "an anonymous resident" in en
    assert "Unresolved low ratings</b>: 2" in en
    assert "评价数：<b>5</b>" in zh
    assert "星期一" in zh


def test_long_digests_are_split_within_telegrams_limit() -> None:
    """Many long comments make several messages, none longer than the budget."""
    report = digest.Report(start=date(2026, 3, 2), end=date(2026, 3, 2), count=20, average=2.0)
    report.stars = {1: 10, 3: 10}
    report.lowest = [
        digest.Comment(n, date(2026, 3, 2), "lunch", 1, "很" * 1000, None) for n in range(10)
    ]
    from bot.i18n import Catalog

    messages = digest.render(report, Catalog().translator("zh"))
    assert len(messages) > 1
    assert all(len(m) <= digest.MESSAGE_BUDGET for m in messages)
    assert sum(m.count("很" * 1000) for m in messages) == 10


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_chart_is_a_phone_sized_png_labelled_in_the_readers_language(lang: str) -> None:
    """The chart renders to a 1200x800 PNG, labelled in the reader's language, without any
    missing-glyph warning (warnings are errors here): the CJK font comes from a package."""
    series = [
        digest.DayPoint(date(2026, 2, 17) + timedelta(days=n), n % 4, None if n == 3 else 3.5)
        for n in range(14)
    ]
    png = digest.render_chart(series, Catalog().translator(lang))
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (1200, 800)


def test_the_chart_font_has_every_glyph_of_the_chinese_labels() -> None:
    """Noto Sans CJK SC (the mplfonts wheel, never downloaded) covers each character of the
    zh labels, and the two languages give different images."""
    from matplotlib.ft2font import FT2Font

    from bot.fonts import cjk_font_path

    font = FT2Font(str(cjk_font_path()))
    t = Catalog().translator("zh")
    labels = (
        t("digest-chart-responses")
        + t("digest-chart-average")
        + t("digest-chart-title", start="03-01", end="03-02")
    )
    assert all(font.get_char_index(ord(c)) for c in labels if not c.isspace())
    series = [digest.DayPoint(date(2026, 3, 1), 2, 4.0)]
    zh = digest.render_chart(series, t)
    en = digest.render_chart(series, Catalog().translator("en"))
    assert zh != en


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("", (date(2026, 3, 2), date(2026, 3, 2))),
        ("today", (date(2026, 3, 2), date(2026, 3, 2))),
        ("昨天", (date(2026, 3, 1), date(2026, 3, 1))),
        ("2026-02-20", (date(2026, 2, 20), date(2026, 2, 20))),
        ("2026-02-01..2026-02-07", (date(2026, 2, 1), date(2026, 2, 7))),
        ("2026-02-07..2026-02-01", (date(2026, 2, 1), date(2026, 2, 7))),
        # the days in the words /closure takes
        ("2026-02-01 到 2026-02-07", (date(2026, 2, 1), date(2026, 2, 7))),
        ("2026-02-01至2026-02-07", (date(2026, 2, 1), date(2026, 2, 7))),
        ("2026-02-01 ~ 2026-02-07", (date(2026, 2, 1), date(2026, 2, 7))),
        ("2026-02-01 to 2026-02-07", (date(2026, 2, 1), date(2026, 2, 7))),
    ],
)
def test_periods_are_parsed(given: str, expected: tuple[date, date]) -> None:
    """Dates, words and ranges become (start, end)."""
    assert digest.parse_period(given, date(2026, 3, 2), calendar=HolidayCalendar()) == expected


@pytest.mark.parametrize(
    ("given", "today", "expected"),
    [
        # a digest looks back: days without a year are the ones gone by (a second reader's
        # finding: /closure's reader looks ahead, and these were refused as the future)
        ("12月1日到3日", date(2026, 12, 20), (date(2026, 12, 1), date(2026, 12, 3))),
        ("12月1日", date(2026, 12, 20), (date(2026, 12, 1), date(2026, 12, 1))),
        ("12月28日到31日", date(2027, 1, 3), (date(2026, 12, 28), date(2026, 12, 31))),
        ("28 Dec - 31 Dec", date(2027, 1, 3), (date(2026, 12, 28), date(2026, 12, 31))),
        ("周一到周三", date(2026, 12, 5), (date(2026, 11, 30), date(2026, 12, 2))),
        ("上周四", date(2026, 12, 5), (date(2026, 11, 26), date(2026, 11, 26))),
    ],
)
def test_days_without_a_year_are_the_ones_gone_by(
    given: str, today: date, expected: tuple[date, date]
) -> None:
    assert digest.parse_period(given, today, calendar=HolidayCalendar()) == expected


@pytest.mark.parametrize("given", ["下周四", "12月25日"])
def test_days_just_ahead_are_still_the_future(given: str) -> None:
    with pytest.raises(FeedbackError) as refused:
        digest.parse_period(given, date(2026, 12, 20), calendar=HolidayCalendar())
    assert refused.value.key == "digest-future"


@pytest.mark.parametrize(
    ("given", "key"),
    [
        ("2026-02-30", "digest-bad-period"),
        ("next week", "digest-bad-period"),
        ("下周四", "digest-future"),  # read as /closure reads days, then refused as ahead
        ("2026-01-01..2026-02-15", "digest-range-too-long"),
        ("2026-03-03", "digest-future"),
    ],
)
def test_bad_periods_are_refused_with_a_reason(given: str, key: str) -> None:
    """Invalid dates, over-long ranges and future days get their own explanation."""
    with pytest.raises(FeedbackError) as refused:
        digest.parse_period(given, date(2026, 3, 2), calendar=HolidayCalendar())
    assert refused.value.key == key


async def test_digest_fires_at_the_local_time_and_not_before(runtime: Runtime) -> None:
    """20:29 Shanghai (12:29 UTC): nothing; 20:30: one digest with text and chart."""
    organiser = await person(runtime, 8001, "Org", "organiser")
    await sample_day(runtime)
    assert await digest.run_due_digests(runtime, DUE - timedelta(minutes=1)) == 0
    assert await digest.run_due_digests(runtime, DUE) == 1
    assert await deliveries(runtime) == [(organiser.id, date(2026, 3, 2), date(2026, 3, 2), False)]
    rows = await digest_rows(runtime)
    assert rows == [
        (8001, f"digest:{organiser.id}:2026-03-02:0", False),
        (8001, f"digest:{organiser.id}:2026-03-02:chart", True),
    ]
    [body, caption] = await outbox_texts(runtime, 8001)
    assert "Monday 2026-03-02" in body
    assert "Sent late" not in body
    assert "bars = responses" in caption


async def test_morning_digest_fires_on_the_previous_utc_day_and_reports_yesterday(
    runtime: Runtime,
) -> None:
    """07:00 Shanghai is 23:00 UTC the day before; it is due then and reports the past day."""
    organiser = await person(runtime, 8002, "Org", "organiser")
    async with runtime.db.transaction() as session:
        await digest.set_subscription(session, organiser.id, runtime.clock.now(), at=time(7, 0))
    at_seven = datetime(2026, 3, 1, 23, 0, tzinfo=UTC)
    assert await digest.run_due_digests(runtime, at_seven - timedelta(minutes=1)) == 0
    assert await digest.run_due_digests(runtime, at_seven) == 1
    assert await deliveries(runtime) == [(organiser.id, date(2026, 3, 2), date(2026, 3, 1), False)]
    # Later the same local day (after the UTC date changed) it is not due again.
    assert await digest.run_due_digests(runtime, datetime(2026, 3, 2, 12, 0, tzinfo=UTC)) == 0


async def test_restart_after_the_digest_was_sent_does_not_send_it_again(
    runtime: Runtime, database_url: str
) -> None:
    """A fresh runtime on the same database finds today's claim; tomorrow's is sent."""
    await person(runtime, 8003, "Org", "organiser")
    assert await digest.run_due_digests(runtime, DUE) == 1
    database = create_database(database_url)
    try:
        restarted = build_runtime(
            runtime.settings,
            runtime.centre,
            database=database,
            clock=ManualClock(DUE),
            catalog=runtime.catalog,
        )
        assert await digest.run_due_digests(restarted, DUE + timedelta(minutes=1)) == 0
        assert await digest.run_due_digests(restarted, DUE + timedelta(hours=3)) == 0
        assert await digest.run_due_digests(restarted, DUE + timedelta(days=1)) == 1
    finally:
        await database.dispose()
    assert len(await deliveries(runtime)) == 2


async def test_bot_down_at_the_scheduled_time_sends_it_late_marked_late(
    runtime: Runtime,
) -> None:
    """First run at 22:05 local: today's digest goes, and says it is late."""
    organiser = await person(runtime, 8004, "Org", "organiser")
    await sample_day(runtime)
    assert await digest.run_due_digests(runtime, DUE + timedelta(minutes=95)) == 1
    assert await deliveries(runtime) == [(organiser.id, date(2026, 3, 2), date(2026, 3, 2), True)]
    body = (await outbox_texts(runtime, 8004))[0]
    assert "Sent late: it was due at 20:30" in body


async def test_a_few_minutes_behind_is_not_late(runtime: Runtime) -> None:
    """A tick a few minutes after the time (a busy minute) is not marked late."""
    await person(runtime, 8005, "Org", "organiser")
    assert await digest.run_due_digests(runtime, DUE + timedelta(minutes=5)) == 1
    assert "Sent late" not in (await outbox_texts(runtime, 8005))[0]


async def test_a_day_missed_entirely_is_not_sent_afterwards(runtime: Runtime) -> None:
    """Sent on 28 February, down all of 1 March: on 2 March only 2 March's digest goes."""
    await person(runtime, 8006, "Org", "organiser")
    assert await digest.run_due_digests(runtime, DUE - timedelta(days=2)) == 1
    assert await digest.run_due_digests(runtime, DUE) == 1
    assert await digest.run_due_digests(runtime, DUE + timedelta(minutes=1)) == 0
    assert [row[1] for row in await deliveries(runtime)] == [date(2026, 2, 28), date(2026, 3, 2)]


async def test_two_instances_racing_send_exactly_one_each(
    runtime: Runtime, database_url: str
) -> None:
    """Two runtimes on one database, ticking at once: one digest per organiser in total."""
    for n in range(3):
        await person(runtime, 8100 + n, f"Org{n}", "organiser")
    await sample_day(runtime)
    second_db = create_database(database_url)
    try:
        other = build_runtime(
            runtime.settings,
            runtime.centre,
            database=second_db,
            clock=ManualClock(DUE),
            catalog=runtime.catalog,
        )
        results = await asyncio.gather(
            digest.run_due_digests(runtime, DUE),
            digest.run_due_digests(other, DUE),
            digest.run_due_digests(runtime, DUE),
        )
    finally:
        await second_db.dispose()
    assert sum(results) == 3
    assert len(await deliveries(runtime)) == 3
    rows = await digest_rows(runtime)
    assert len(rows) == 6  # text and chart for each organiser, once
    assert len({row[1] for row in rows}) == 6


async def test_switched_off_or_later_time_is_respected(runtime: Runtime) -> None:
    """An organiser who switched off gets nothing; one who chose 21:00 gets it at 21:00."""
    off = await person(runtime, 8007, "Off", "organiser")
    later = await person(runtime, 8008, "Later", "admin")
    await person(runtime, 8009, "Staff only", "staff")
    async with runtime.db.transaction() as session:
        await digest.set_subscription(session, off.id, runtime.clock.now(), enabled=False)
        await digest.set_subscription(session, later.id, runtime.clock.now(), at=time(21, 0))
    assert await digest.run_due_digests(runtime, DUE) == 0
    assert await digest.run_due_digests(runtime, DUE + timedelta(minutes=30)) == 1
    assert [row[0] for row in await deliveries(runtime)] == [later.id]
    async with runtime.db.read() as session:
        sub = await digest.get_subscription(session, later.id, runtime.settings.feedback)
    assert sub == digest.Subscription(True, time(21, 0))


async def test_empty_day_sends_a_short_note_unless_disabled(runtime: Runtime) -> None:
    """No feedback: a short note without chart; with the note disabled, nothing (still claimed)."""
    await person(runtime, 8010, "Org", "organiser")
    assert await digest.run_due_digests(runtime, DUE) == 1
    [note] = await outbox_texts(runtime, 8010)
    assert "No feedback today." in note
    assert len(await digest_rows(runtime)) == 1
    runtime.settings.feedback = FeedbackSettings(digest_empty_note=False)
    await person(runtime, 8011, "Org2", "organiser")
    assert await digest.run_due_digests(runtime, DUE) == 1
    assert await outbox_texts(runtime, 8011) == []
    assert len(await deliveries(runtime)) == 2
