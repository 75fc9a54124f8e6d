"""Night-school services on both databases: seats, waitlists, offers, lottery, limits."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import IntegrityError

from bot.centre import Centre
from bot.features.nightschool import courses, enrolment, lottery
from bot.features.nightschool.common import School
from bot.features.nightschool.models import Course, Enrolment
from bot.features.nightschool.schedule import WeeklyPattern, offer_deadline, plan_sessions
from bot.i18n import Catalog
from bot.storage.db import Database
from tests.nightschool_helpers import NOW, make_school, published_course, residents

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def school(catalog: Catalog, centre: Centre) -> School:
    return make_school(catalog, centre)


async def _sign_up(db: Database, school: School, course_id: int, user_id: int) -> enrolment.Outcome:
    async with db.transaction() as session:
        return await enrolment.sign_up(session, school, course_id, user_id, NOW)


async def _rows(db: Database, sql: str) -> list[tuple[object, ...]]:
    async with db.read() as session:
        return [tuple(r) for r in (await session.execute(text(sql))).all()]


async def _outbox_texts(db: Database) -> list[tuple[int, str]]:
    rows = await _rows(
        db,
        "SELECT m.chat_id, b.text FROM outbox_messages m JOIN outbox_bodies b "
        "ON b.id = m.body_id ORDER BY m.id",
    )
    return [(int(chat), str(body)) for chat, body in rows]


async def test_concurrent_sign_ups_never_overbook(database: Database, school: School) -> None:
    """120 simultaneous sign-ups for 20 seats: 20 enrolled, 100 waitlisted in seq order."""
    course_id = await published_course(database, school)
    people = await residents(database, 120)
    outcomes = await asyncio.gather(*(_sign_up(database, school, course_id, p) for p in people))
    codes = [o.code for o in outcomes]
    assert codes.count("enrolled") == 20
    assert codes.count("waitlisted") == 100
    waiting = sorted((o for o in outcomes if o.code == "waitlisted"), key=lambda o: o.seq or 0)
    assert [o.position for o in waiting] == list(range(1, 101))
    enrolled_seqs = [o.seq or 0 for o in outcomes if o.code == "enrolled"]
    assert max(enrolled_seqs) < min(o.seq or 0 for o in waiting)
    assert await _rows(database, f"SELECT taken FROM courses WHERE id = {course_id}") == [(20,)]


async def test_one_person_signing_up_five_times_at_once_gets_one_place(
    database: Database, school: School
) -> None:
    """Five concurrent transactions for the same person yield one row and one seat."""
    course_id = await published_course(database, school)
    [person] = await residents(database, 1)
    outcomes = await asyncio.gather(
        *(_sign_up(database, school, course_id, person) for _ in range(5))
    )
    assert sorted(o.code for o in outcomes) == ["already"] * 4 + ["enrolled"]
    assert await _rows(database, "SELECT count(*) FROM enrolments") == [(1,)]
    assert await _rows(database, "SELECT taken FROM courses") == [(1,)]


async def test_database_refuses_overbooking_and_duplicates(
    database: Database, school: School
) -> None:
    """Even code that skips the services cannot exceed capacity or add a second row."""
    course_id = await published_course(database, school, capacity=2)
    [person] = await residents(database, 1)
    with pytest.raises(IntegrityError):
        async with database.transaction() as session:
            await session.execute(update(Course).values(taken=3))
    await _sign_up(database, school, course_id, person)
    with pytest.raises(IntegrityError):
        async with database.transaction() as session:
            session.add(
                Enrolment(
                    course_id=course_id, user_id=person, status="waitlisted", seq=99,
                    created_at=NOW, updated_at=NOW,
                )
            )  # fmt: skip


async def test_leaving_offers_the_seat_to_the_first_in_line_via_the_outbox(
    database: Database, school: School
) -> None:
    """A cancellation turns the first waitlisted into an offer, written to the outbox."""
    course_id = await published_course(database, school, capacity=1)
    first, second, third = await residents(database, 3)
    for person in (first, second, third):
        await _sign_up(database, school, course_id, person)
    async with database.transaction() as session:
        left = await enrolment.withdraw(session, school, course_id, first, NOW)
    assert left.code == "left"
    statuses = await _rows(database, "SELECT user_id, status FROM enrolments ORDER BY seq")
    assert statuses == [(first, "cancelled"), (second, "offered"), (third, "waitlisted")]
    assert await _rows(database, "SELECT taken FROM courses") == [(1,)]
    [(chat, body)] = await _outbox_texts(database)
    assert chat == 10_001
    assert "名额" in body
    buttons = await _rows(database, "SELECT buttons FROM outbox_bodies")
    assert "ns:acc:" in str(buttons[0][0])


async def test_decline_passes_on_and_an_empty_waitlist_frees_the_seat(
    database: Database, school: School
) -> None:
    """Declining offers the seat to the next person; the last decline gives the seat back."""
    course_id = await published_course(database, school, capacity=1)
    a, b, c = await residents(database, 3)
    for person in (a, b, c):
        await _sign_up(database, school, course_id, person)
    async with database.transaction() as session:
        await enrolment.withdraw(session, school, course_id, a, NOW)
    [(b_offer,)] = await _rows(database, f"SELECT id FROM enrolments WHERE user_id = {b}")
    async with database.transaction() as session:
        outcome = await enrolment.decline_offer(session, school, int(b_offer), b, NOW)  # type: ignore[call-overload]
    assert outcome.code == "declined"
    [(c_offer,)] = await _rows(database, f"SELECT id FROM enrolments WHERE user_id = {c}")
    async with database.transaction() as session:
        await enrolment.decline_offer(session, school, int(c_offer), c, NOW)  # type: ignore[call-overload]
    assert await _rows(database, "SELECT taken FROM courses") == [(0,)]
    assert await _rows(database, "SELECT count(*) FROM outbox_messages") == [(2,)]


async def test_someone_elses_offer_cannot_be_accepted(database: Database, school: School) -> None:
    """Accepting an offer id that belongs to another person changes nothing."""
    course_id = await published_course(database, school, capacity=1)
    a, b, intruder = await residents(database, 3)
    for person in (a, b):
        await _sign_up(database, school, course_id, person)
    async with database.transaction() as session:
        await enrolment.withdraw(session, school, course_id, a, NOW)
    [(offer,)] = await _rows(database, f"SELECT id FROM enrolments WHERE user_id = {b}")
    async with database.transaction() as session:
        outcome = await enrolment.accept_offer(session, int(offer), intruder, NOW)  # type: ignore[call-overload]
    assert outcome.code == "not-yours"
    assert await _rows(database, f"SELECT status FROM enrolments WHERE id = {offer}") == [
        ("offered",)
    ]
    async with database.transaction() as session:
        accepted = await enrolment.accept_offer(session, int(offer), b, NOW)  # type: ignore[call-overload]
    assert accepted.code == "accepted"


async def test_offers_expire_on_a_manual_clock_and_move_on(
    database: Database, school: School
) -> None:
    """An offer past its deadline is expired by the job function and goes to the next."""
    course_id = await published_course(database, school, capacity=1)
    a, b, c = await residents(database, 3)
    for person in (a, b, c):
        await _sign_up(database, school, course_id, person)
    async with database.transaction() as session:
        await enrolment.withdraw(session, school, course_id, a, NOW)
    [(deadline,)] = await _rows(
        database, "SELECT offer_expires_at FROM enrolments WHERE status = 'offered'"
    )
    async with database.transaction() as session:
        assert await enrolment.expire_offers(session, school, NOW + timedelta(hours=23)) == 0
    async with database.transaction() as session:
        assert await enrolment.expire_offers(session, school, NOW + timedelta(hours=24)) == 1
    statuses = await _rows(database, "SELECT user_id, status FROM enrolments ORDER BY seq")
    assert statuses == [(a, "cancelled"), (b, "expired"), (c, "offered")]
    texts = await _outbox_texts(database)
    assert [chat for chat, _ in texts] == [10_001, 10_001, 10_002]
    assert "过期" in texts[1][1]
    assert deadline is not None


@pytest.mark.parametrize(
    ("local_now", "expected"),
    [
        (datetime(2026, 3, 2, 10, 0), datetime(2026, 3, 3, 10, 0)),  # 10:00 next day: fine
        (datetime(2026, 3, 2, 23, 0), datetime(2026, 3, 4, 10, 0)),  # 23:00 → morning after
        (datetime(2026, 3, 2, 3, 0), datetime(2026, 3, 3, 10, 0)),  # 03:00 → 10:00 same day
        (datetime(2026, 3, 2, 21, 59), datetime(2026, 3, 3, 21, 59)),  # just before the quiet
    ],
)
def test_offer_deadline_never_falls_in_the_night(local_now: datetime, expected: datetime) -> None:
    """A 24-hour deadline inside 22:00–08:00 moves to 10:00 the next morning."""
    now = local_now.replace(tzinfo=SHANGHAI).astimezone(UTC)
    got = offer_deadline(now, 24, SHANGHAI, time(22), time(8), time(10))
    assert got.astimezone(SHANGHAI).replace(tzinfo=None) == expected


async def test_window_limit_and_cutoff_rules(
    database: Database, catalog: Catalog, centre: Centre
) -> None:
    """No sign-up before or after the window, at most N courses, no cancelling after the cut-off."""
    school = make_school(catalog, centre, max_active_courses=2, cancel_cutoff_hours=48)
    later = await published_course(database, school, opens=NOW + timedelta(days=1))
    over = await published_course(
        database, school, opens=NOW - timedelta(days=2), closes=NOW - timedelta(days=1)
    )
    one = await published_course(database, school)
    two = await published_course(database, school)
    three = await published_course(database, school)
    soon = await published_course(
        database, school, first_date=date(2026, 3, 3), closes=NOW + timedelta(hours=1)
    )
    [person, other] = await residents(database, 2)
    assert (await _sign_up(database, school, later, person)).code == "not-open"
    assert (await _sign_up(database, school, over, person)).code == "closed"
    assert (await _sign_up(database, school, one, person)).code == "enrolled"
    assert (await _sign_up(database, school, two, person)).code == "enrolled"
    assert (await _sign_up(database, school, three, person)).code == "limit"
    assert (await _sign_up(database, school, soon, other)).code == "enrolled"
    async with database.transaction() as session:
        refused = await enrolment.withdraw(session, school, soon, other, NOW)
    assert refused.code == "cutoff"
    assert refused.status == "enrolled"


async def test_lottery_draw_is_reproducible_and_tells_everyone(
    database: Database, school: School
) -> None:
    """A seeded draw picks `capacity` winners, queues the rest in drawn order, notifies all."""
    closes = NOW + timedelta(hours=1)
    course_id = await published_course(database, school, capacity=3, mode="lottery", closes=closes)
    people = await residents(database, 10)
    for person in people:
        assert (await _sign_up(database, school, course_id, person)).code == "applied"
    async with database.transaction() as session:
        with pytest.raises(lottery.DrawRefused):
            await lottery.draw(session, school, course_id, NOW, seed="42")
    after = closes + timedelta(minutes=1)
    async with database.transaction() as session:
        result = await lottery.draw(session, school, course_id, after, seed="42")
    assert (result.applications, result.winners, result.seed) == (10, 3, "42")
    app_ids = [r[0] for r in await _rows(database, "SELECT id FROM enrolments ORDER BY id")]
    expected = lottery.ranking([int(i) for i in app_ids], "42")  # type: ignore[call-overload]
    drawn = [r[0] for r in await _rows(database, "SELECT id FROM enrolments ORDER BY seq")]
    assert drawn == expected
    statuses = [r[0] for r in await _rows(database, "SELECT status FROM enrolments ORDER BY seq")]
    assert statuses == ["enrolled"] * 3 + ["waitlisted"] * 7
    assert await _rows(database, "SELECT taken FROM courses") == [(3,)]
    assert await _rows(database, "SELECT count(*) FROM outbox_messages") == [(10,)]
    async with database.read() as session:
        assert await lottery.verify(session, course_id)
    async with database.transaction() as session:
        with pytest.raises(lottery.DrawRefused):
            await lottery.draw(session, school, course_id, after, seed="43")


async def test_draw_ranks_written_in_chunks_touch_only_the_drawn_course(
    database: Database, school: School, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ranks written in several chunks are 1..n in the seeded order, and the set-based update
    leaves the applications of another lottery course alone."""
    monkeypatch.setattr(lottery, "_RANK_CHUNK", 4)
    closes = NOW + timedelta(hours=1)
    drawn_course = await published_course(
        database, school, capacity=2, mode="lottery", closes=closes
    )
    other_course = await published_course(
        database, school, capacity=2, mode="lottery", closes=closes, title="Tai chi"
    )
    for person in await residents(database, 11):
        assert (await _sign_up(database, school, drawn_course, person)).code == "applied"
        assert (await _sign_up(database, school, other_course, person)).code == "applied"
    async with database.transaction() as session:
        result = await lottery.draw(session, school, drawn_course, closes, seed="7", notify=False)
    assert (result.applications, result.winners) == (11, 2)
    ids = [
        int(r[0])  # type: ignore[call-overload]
        for r in await _rows(
            database, f"SELECT id FROM enrolments WHERE course_id = {drawn_course}"
        )
    ]
    ranked = await _rows(
        database,
        f"SELECT enrolment_id, rank FROM course_draw_ranks WHERE course_id = {drawn_course} "
        "ORDER BY rank",
    )
    assert [r for _, r in ranked] == list(range(1, 12))
    assert [e for e, _ in ranked] == lottery.ranking(ids, "7")
    assert await _rows(
        database,
        f"SELECT status, COUNT(*) FROM enrolments WHERE course_id = {other_course} GROUP BY status",
    ) == [("applied", 11)]
    async with database.read() as session:
        assert await lottery.verify(session, drawn_course)


async def test_cancelling_a_course_tells_everyone_holding_or_waiting(
    database: Database, school: School
) -> None:
    """Cancel: every enrolled and waitlisted person gets a message in the same transaction."""
    course_id = await published_course(database, school, capacity=2)
    people = await residents(database, 5)
    for person in people:
        await _sign_up(database, school, course_id, person)
    async with database.transaction() as session:
        assert await courses.cancel_course(session, school, course_id, NOW) == 5
    chats = sorted(chat for chat, _ in await _outbox_texts(database))
    assert chats == list(range(10_000, 10_005))
    assert (await _sign_up(database, school, course_id, people[0])).code == "course-cancelled"


def test_holidays_are_skipped_and_the_series_keeps_its_length() -> None:
    """A Thursday series through National Day skips 1 October and still has 4 meetings."""
    plan = plan_sessions(WeeklyPattern(date(2026, 9, 24), time(19), time(20), 4), SHANGHAI)
    days = [s.starts_at.astimezone(SHANGHAI).date() for s in plan.sessions]
    assert date(2026, 10, 1) not in days
    assert plan.skipped == [date(2026, 10, 1)]
    assert days == [date(2026, 9, 24), date(2026, 10, 8), date(2026, 10, 15), date(2026, 10, 22)]


async def test_reminder_targets_are_the_enrolled_only(database: Database, school: School) -> None:
    """upcoming_sessions_for_reminders lists enrolled people for sessions in the window."""
    course_id = await published_course(database, school, capacity=1)
    a, b = await residents(database, 2)
    await _sign_up(database, school, course_id, a)
    await _sign_up(database, school, course_id, b)
    start = datetime(2026, 3, 18, 0, 0, tzinfo=UTC)
    async with database.read() as session:
        targets = await courses.upcoming_sessions_for_reminders(
            session, start, start + timedelta(days=1)
        )
        audience = (await session.execute(courses.course_audience(course_id, ["waitlisted"]))).all()
    assert [(t.user_id, t.chat_id) for t in targets] == [(a, 10_000)]
    assert targets[0].starts_at == datetime(2026, 3, 18, 11, 0, tzinfo=UTC)
    assert [tuple(row) for row in audience] == [(10_001, b)]


async def test_rejoining_after_leaving_goes_to_the_end_of_the_line(
    database: Database, school: School
) -> None:
    """Leaving the waitlist and coming back gives a new, later place in the queue."""
    course_id = await published_course(database, school, capacity=1)
    a, b, c = await residents(database, 3)
    for person in (a, b, c):
        await _sign_up(database, school, course_id, person)
    async with database.transaction() as session:
        await enrolment.withdraw(session, school, course_id, b, NOW)
    again = await _sign_up(database, school, course_id, b)
    assert (again.code, again.position) == ("waitlisted", 2)
    async with database.read() as session:
        order = list(
            await session.scalars(
                select(Enrolment.user_id)
                .where(Enrolment.status == "waitlisted")
                .order_by(Enrolment.seq)
            )
        )
    assert order == [c, b]
