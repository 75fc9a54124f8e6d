"""The daily retention pass on a large database, while residents keep signing up.

50,000 residents (every tenth blocked the bot 100 days ago: 5,000 to forget), 100,000
feedback rows (two per resident, a third older than the 180-day identity retention, one in
ten answered by staff), 50,000 delivered outbox messages, and what residents leave in the
other tables the pass walks: night-school seats (one in eight), closed tickets with four
messages each (one in sixteen), survey answers (one in four, three answers each), reminder
preferences (one in three) and staff audit entries naming them (one in five). The fill is
plain Core ``executemany`` in 10,000-row transactions (about 10 s on a quiet machine).

The pass runs as the daily job does (``bot.features.privacy.handlers.run_retention``) while
a sign-up loop (night school, 4 at a time, each its own write transaction) keeps going; the
loop runs alone for ``BASELINE_S`` seconds before and after it. Reported: the pass's total
time, the longest time anyone held the write lock meanwhile (SQLite: from ``BEGIN IMMEDIATE``
until the driver's ``COMMIT`` returned; PostgreSQL: the write transaction), the pass's own
longest batch, how long it held the lock in all and waited for it, and the sign-ups' rate,
median and worst without and during the pass, with the rate during it as a share of the
rates before and after it.

Each run is a separate process on its own database: a temporary SQLite file, or with
``--postgres`` a database made on the local server (127.0.0.1:5432) and dropped after.
``--before REV`` also runs the code of git revision REV (``git archive``) with
``--before-blocked N`` blocked residents (default 500: the old single transaction takes
minutes for 5,000).
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
RESIDENTS = 50_000
FEEDBACK = 100_000
SIGNUP_CONCURRENCY = 4
BASELINE_S = 5  # seconds of sign-ups alone before the pass starts, and after it ends
FIRST_DAY = date(2025, 1, 1)
CENTRE_FILE = Path("config/centre.yaml").resolve()  # of the tree the worker runs in (its cwd)


def _argument(name: str, default: str) -> str:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


BATCH = 10_000  # rows per INSERT executemany, each batch its own transaction


async def _insert(db: Any, table: str, rows: list[dict[str, Any]]) -> None:
    """Plain Core executemany (no ORM, no RETURNING) in large batches, one transaction each:
    the fill is the bench's set-up, not the code under test (the ORM's bulk insert of the
    same rows took minutes on a loaded machine)."""
    from sqlalchemy import insert

    from bot.storage.models import Base

    statement = insert(Base.metadata.tables[table])
    for start in range(0, len(rows), BATCH):
        async with db.transaction() as session:
            await session.execute(statement, rows[start : start + BATCH])


async def _ids(db: Any, sql: str) -> list[int]:
    from sqlalchemy import text

    async with db.read() as session:
        return list(await session.scalars(text(sql)))


def _blocked(n: int, blocked: int) -> bool:
    return n % 10 == 0 and n // 10 < blocked


async def _fill(db: Any, school: Any, blocked: int) -> dict[str, int]:
    """What 50,000 residents leave behind in a year, resident n being user id n + 1 (ids are
    given): every table a resident's data reaches that the daily pass has to walk."""
    from sqlalchemy import text

    from bench.bench_nightschool import _course

    long_ago = NOW - timedelta(days=100)
    year_ago = NOW - timedelta(days=400)
    uid = [n + 1 for n in range(RESIDENTS)]
    await _insert(db, "users", [
        {
            "id": uid[n], "telegram_id": 1_000_000 + n, "first_name": f"居民{n}",
            "last_name": None, "username": f"r{n}", "language": "zh", "language_chosen": False,
            "created_at": year_ago, "last_seen_at": long_ago,
            "blocked_at": long_ago if _blocked(n, blocked) else None,
        }
        for n in range(RESIDENTS)
    ])  # fmt: skip
    staff = uid[1:6]  # five staff members (never forgotten: they hold a role)
    await _insert(db, "user_roles", [
        {"user_id": s, "role": "staff", "granted_at": NOW, "granted_by": None} for s in staff
    ])  # fmt: skip
    rows = []
    for n in range(FEEDBACK):
        age = timedelta(days=(n * 7) % 270)  # a third older than 180 days
        answered = n % 10 == 0
        rows.append({
            "user_id": uid[n % RESIDENTS], "day": FIRST_DAY + timedelta(days=n // RESIDENTS),
            "meal": "lunch", "stars": 1 + n % 5, "comment": f"味道不错 {n}", "photos": None,
            "anonymous": False, "needs_attention": False, "created_at": NOW - age,
            "updated_at": NOW - age, "revisions": 1, "reply": "谢谢" if answered else None,
            "replied_at": NOW - age if answered else None,
            "replied_by": staff[n % 5] if answered else None,
            "resolved_at": NOW - age if answered else None,
            "resolved_by": staff[n % 5] if answered else None,
        })  # fmt: skip
    await _insert(db, "feedback", rows)

    # A broadcast delivered to everyone ten days ago.
    sent = NOW - timedelta(days=10)
    await _insert(db, "outbox_bodies", [{"id": 1, "text": "本周六社区活动", "created_at": sent}])
    await _insert(db, "outbox_messages", [
        {
            "body_id": 1, "chat_id": 1_000_000 + n, "user_id": uid[n], "priority": 9,
            "status": "sent", "source": "broadcast:1", "not_before": sent, "attempts": 1,
            "sent_at": sent, "created_at": sent,
        }
        for n in range(RESIDENTS)
    ])  # fmt: skip

    # Night school: one resident in eight holds a seat in one of five courses (a fifth of
    # them blocked: forgetting them withdraws each seat the normal way).
    courses = [await _course(db, school, 2_000) for _ in range(5)]
    seated = [n for n in range(RESIDENTS) if n % 8 == 0]
    seats: dict[int, int] = {}
    enrolments = []
    for k, n in enumerate(seated):
        course = courses[k % 5]
        seats[course] = seats.get(course, 0) + 1
        enrolments.append({
            "course_id": course, "user_id": uid[n], "status": "enrolled", "seq": seats[course],
            "offer_expires_at": None, "withdrawn_from": None, "created_at": long_ago,
            "updated_at": long_ago,
        })  # fmt: skip
    await _insert(db, "enrolments", enrolments)
    async with db.transaction() as session:
        for course, taken in seats.items():
            await session.execute(
                text("UPDATE courses SET taken = :t, last_seq = :s WHERE id = :c"),
                {"t": taken, "s": taken, "c": course},
            )

    # Helpdesk: one resident in sixteen opened a ticket (closed 100 days ago), four messages.
    asked = [n for n in range(RESIDENTS) if n % 16 == 0]
    await _insert(db, "tickets", [
        {
            "id": k + 1, "user_id": uid[n], "chat_id": 1_000_000 + n, "status": "closed",
            "engaged": False, "unreachable": False, "sign_as_centre": False, "group_id": None,
            "topic_id": None, "claimed_by": staff[k % 5], "opened_at": long_ago,
            "last_resident_at": long_ago, "last_staff_at": long_ago, "escalated_at": None,
            "closed_at": long_ago, "satisfaction": None, "rated_at": None,
        }
        for k, n in enumerate(asked)
    ])  # fmt: skip
    await _insert(db, "ticket_messages", [
        {
            "ticket_id": k + 1, "direction": "in" if m % 2 == 0 else "out", "kind": "text",
            "text": f"热水什么时候恢复？{m}" if m % 2 == 0 else "今晚恢复", "file_id": None,
            "chat_id": 1_000_000 + n, "message_id": m + 1,
            "staff_id": None if m % 2 == 0 else staff[k % 5], "relayed": True,
            "created_at": long_ago,
        }
        for k, n in enumerate(asked) for m in range(4)
    ])  # fmt: skip

    # A survey still open: one resident in four sent it (three answers each).
    async with db.transaction() as session:
        await session.execute(
            text(
                "INSERT INTO surveys (id, title_zh, title_en, anonymous, audience, opens_at, "
                "closes_at, status, created_at) VALUES (1, '满意度', 'Satisfaction', :f, "
                "'everyone', :o, :c, 'published', :o)"
            ),
            {"f": False, "o": long_ago, "c": NOW + timedelta(days=30)},
        )
        for q in range(3):
            await session.execute(
                text(
                    "INSERT INTO survey_questions (id, survey_id, position, kind, text_zh, "
                    "text_en, options, allow_other, required) VALUES (:q, 1, :p, 'single', "
                    "'问', 'Q', :o, :f, :t)"
                ),
                {
                    "q": q + 1,
                    "p": q + 1,
                    "o": '[["好", "good"], ["差", "bad"]]',
                    "f": False,
                    "t": True,
                },
            )
    answered = [n for n in range(RESIDENTS) if n % 4 == 0]
    await _insert(db, "survey_responses", [
        {
            "id": k + 1, "survey_id": 1, "user_id": uid[n], "paper": False, "entered_by": None,
            "status": "submitted", "current_question": None, "awaiting": None,
            "created_at": long_ago, "updated_at": long_ago, "submitted_at": long_ago,
        }
        for k, n in enumerate(answered)
    ])  # fmt: skip
    await _insert(db, "survey_answers", [
        {
            "survey_id": 1, "response_id": k + 1, "question_id": q + 1, "choice": (n + q) % 2,
            "rank": None, "text": None, "counted": True,
        }
        for k, n in enumerate(answered) for q in range(3)
    ])  # fmt: skip
    await _insert(db, "survey_participants", [
        {"survey_id": 1, "user_id": uid[n]} for n in answered
    ])  # fmt: skip

    # Reminder preferences (one in three) and the staff's audit log (a ban, a role, an
    # answer… about one resident in five, naming them by Telegram id).
    await _insert(db, "reminder_preferences", [
        {"user_id": uid[n], "leads": "60", "updated_at": long_ago}
        for n in range(RESIDENTS) if n % 3 == 0
    ])  # fmt: skip
    await _insert(db, "audit_log", [
        {
            "actor_id": staff[n % 5], "actor_name": f"职员{n % 5}", "action": "helpdesk.ban",
            "subject": f"{1_000_000 + n}", "details": '{"reason": "spam"}', "at": long_ago,
        }
        for n in range(RESIDENTS) if n % 5 == 0
    ])  # fmt: skip
    return {
        "users": RESIDENTS,
        "feedback": FEEDBACK,
        "outbox": RESIDENTS,
        "enrolments": len(enrolments),
        "tickets": len(asked),
        "ticket_messages": 4 * len(asked),
        "survey_responses": len(answered),
        "survey_answers": 3 * len(answered),
        "reminder_preferences": len(range(0, RESIDENTS, 3)),
        "audit_log": RESIDENTS // 5,
    }


PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


@asynccontextmanager
async def _database(folder: str, postgres: bool) -> AsyncIterator[str]:
    """The URL of a fresh database: a file in ``folder``, or a PostgreSQL database made for
    this run on the local server (``--postgres``) and dropped after it."""
    if not postgres:
        yield f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
        return
    import asyncpg

    name = f"frontdesk_retention_{os.getpid()}"
    admin = await asyncpg.connect(PG_ADMIN, timeout=5)
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}"
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def _advance_sequences(db: Any) -> None:
    """PostgreSQL: the fill gave some ids itself, so their sequences start after them."""
    from sqlalchemy import text

    if db.dialect != "postgresql":
        return
    async with db.transaction() as session:
        for table in ("users", "outbox_bodies", "tickets", "surveys", "survey_questions",
                      "survey_responses"):  # fmt: skip
            await session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
            )


async def worker(blocked: int) -> dict[str, Any]:
    """One run on a fresh database with the code found on ``sys.path``."""
    from sqlalchemy import Engine, Pool, event

    from bench.bench_nightschool import _course
    from bot.app import build_runtime
    from bot.centre import load_centre
    from bot.clock import ManualClock
    from bot.features.nightschool import enrolment
    from bot.features.nightschool.common import School
    from bot.features.privacy.handlers import run_retention
    from bot.settings import Settings
    from bot.storage.migrate import upgrade_to_head

    with tempfile.TemporaryDirectory(prefix="frontdesk-retention-") as folder:
        async with _database(folder, "--postgres" in sys.argv) as url:
            settings = Settings(
                _env_file=None,  # type: ignore[call-arg]
                token=None,
                database_url=url,
                centre_file=CENTRE_FILE,
            )
            runtime = build_runtime(
                settings, load_centre(settings.centre_file), clock=ManualClock(NOW)
            )
            db = runtime.db
            await upgrade_to_head(db)
            school = School(runtime.catalog, runtime.centre, settings.nightschool)
            started = time.perf_counter()
            rows = await _fill(db, school, blocked)
            await _advance_sequences(db)
            filled = time.perf_counter() - started
            print(f"filled in {filled:.1f} s: {rows}", file=sys.stderr, flush=True)
            # Each resident may hold 3 courses: three courses give 3 × 40,000 sign-ups to make.
            courses = [await _course(db, school, 100_000) for _ in range(3)]

            # The write lock is held from when BEGIN IMMEDIATE returned (PostgreSQL: the
            # transaction's begin) until the driver's COMMIT (or ROLLBACK)
            # has returned, whoever holds it. SQLAlchemy's "commit" event fires before the
            # COMMIT runs, and a COMMIT writes the transaction's pages to the WAL (and may
            # checkpoint): timing to that event left it out, so the driver's connection class
            # is wrapped instead.
            held: list[float] = []
            held_by_pass: list[float] = []
            measuring = False
            infos: dict[int, dict[Any, Any]] = {}  # id(driver connection) -> Connection.info
            wrapped: set[type] = set()

            def _released(info: dict[Any, Any]) -> None:
                locked_at = info.pop("locked_at", None)
                if locked_at is not None and measuring:
                    held.append(time.perf_counter() - locked_at)
                if locked_at is not None and info.pop("retention", False):
                    held_by_pass.append(time.perf_counter() - locked_at)

            def _timed(end: Any) -> Any:
                def ended(self: Any) -> None:
                    try:
                        end(self)
                    finally:
                        if id(self) in infos:
                            _released(infos[id(self)])

                return ended

            # Every engine of the process (class-level listeners): from issue 18's third
            # round the pass's batches run on their own thread, in a database of their own on
            # the same file (Database.batches).
            @event.listens_for(Pool, "checkout")
            def _checked_out(driver_connection: Any, record: Any, _proxy: Any) -> None:
                infos[id(driver_connection)] = record.info  # what Connection.info is
                kind = type(driver_connection)
                if kind not in wrapped:
                    wrapped.add(kind)
                    kind.commit = _timed(kind.commit)
                    kind.rollback = _timed(kind.rollback)

            # SQLite: the lock is held once BEGIN IMMEDIATE has returned (timed after the
            # statement, whatever the order of the "begin" listeners).
            @event.listens_for(Engine, "after_cursor_execute")
            def _immediate(connection: Any, _c: Any, statement: str, *_: Any) -> None:
                if statement == "BEGIN IMMEDIATE":
                    connection.info["locked_at"] = time.perf_counter()

            if db.dialect != "sqlite":  # PostgreSQL: the write transaction

                @event.listens_for(db.engine.sync_engine, "begin")
                def _locked(connection: Any) -> None:
                    if not connection.get_execution_options().get("frontdesk_read_only", False):
                        connection.info["locked_at"] = time.perf_counter()

            in_retention: contextvars.ContextVar[bool] = contextvars.ContextVar("r", default=False)
            transactions = 0
            spans: list[
                float
            ] = []  # each of the pass's transactions, waiting for the lock included

            def counting(opened: Any) -> Any:
                @asynccontextmanager
                async def counted(*on: Any) -> AsyncIterator[Any]:
                    nonlocal transactions
                    mine = in_retention.get()
                    transactions += mine
                    began = time.perf_counter()
                    async with opened(*on) as session:
                        if mine:  # take the lock now, and mark it as the pass's
                            connection = await session.connection()
                            connection.sync_connection.info["retention"] = True  # type: ignore[union-attr]
                        yield session
                    if mine:
                        spans.append(time.perf_counter() - began)

                return counted

            database_class = type(db)
            if hasattr(db, "eager_transaction"):  # the pass's batches (older code: transaction)
                # On the class: every database's, the batches' own thread's included.
                database_class.eager_transaction = counting(database_class.eager_transaction)
            else:
                db.transaction = counting(db.transaction)  # type: ignore[method-assign]
            signups: list[tuple[float, float, bool]] = []  # (finished at, latency, succeeded)
            stop = asyncio.Event()
            next_person = iter(
                (course, n) for course in courses for n in range(10_000, RESIDENTS) if n % 10
            )

            async def sign_up_loop() -> None:
                for course, n in next_person:  # user id n + 1; none of them blocked
                    if stop.is_set():
                        return
                    person = n + 1
                    began = time.perf_counter()
                    try:
                        async with db.transaction() as session:
                            await enrolment.sign_up(session, school, course, person, NOW)
                        ok = True
                    except Exception:  # "database is locked" is what we count
                        ok = False
                    signups.append((time.perf_counter(), time.perf_counter() - began, ok))

            async def retention() -> tuple[float, dict[str, int]]:
                nonlocal measuring
                in_retention.set(True)
                measuring = True
                began = time.perf_counter()
                done = await run_retention(runtime)
                measuring = False
                return time.perf_counter() - began, done

            loops = [asyncio.create_task(sign_up_loop()) for _ in range(SIGNUP_CONCURRENCY)]
            await asyncio.sleep(BASELINE_S)
            baseline_end = time.perf_counter()
            total, done = await asyncio.create_task(retention())
            retention_end = time.perf_counter()
            await asyncio.sleep(BASELINE_S)  # and alone again after it
            stop.set()
            await asyncio.gather(*loops)
            await db.dispose()

    before = [s for s in signups if s[0] <= baseline_end]
    during = [s for s in signups if baseline_end < s[0] <= retention_end]
    after = [s for s in signups if retention_end < s[0] <= retention_end + BASELINE_S]
    return {
        "blocked": blocked,
        "fill_s": filled,
        "rows": rows,
        "total_s": total,
        "done": done,
        "transactions": transactions,
        "longest_lock_ms": max(held) * 1000,
        "longest_pass_lock_ms": max(held_by_pass, default=0.0) * 1000,
        "pass_locks_over_150ms": sum(1 for h in held_by_pass if h > 0.15),
        "pass_in_transactions_s": sum(spans),
        "pass_holding_lock_s": sum(held_by_pass),
        "pass_locks_ms": [round(h * 1000, 1) for h in held_by_pass],
        "rate_before": len(before) / BASELINE_S,
        "rate_during": sum(1 for s in during if s[2]) / total,
        "rate_after": sum(1 for s in after if s[2]) / BASELINE_S,
        "failed_during": sum(1 for s in during if not s[2]),
        "worst_signup_ms": max((s[1] for s in during), default=0.0) * 1000,
        "median_signup_ms": statistics.median(s[1] for s in during) * 1000 if during else 0.0,
        "worst_signup_before_ms": max((s[1] for s in before), default=0.0) * 1000,
        "median_signup_before_ms": statistics.median(s[1] for s in before) * 1000
        if before
        else 0.0,
    }


def _run(root: Path, blocked: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", str(blocked)]
        + (["--postgres"] if "--postgres" in sys.argv else []),
        cwd=root, capture_output=True, text=True, timeout=1800, check=False,
        env={**os.environ, "PYTHONPATH": str(root), "PTB_TIMEDELTA": "true"},
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _show(label: str, r: dict[str, Any]) -> None:
    print(
        f"  {label:24} {r['blocked']} blocked (filled in {r['fill_s']:.0f} s): pass "
        f"{r['total_s']:.1f} s (target < 10) in {r['transactions']} transactions; "
        f"write lock held at most {r['longest_lock_ms']:.0f} ms by anyone, "
        f"{r.get('longest_pass_lock_ms', 0):.0f} ms by the pass (target <= 150; "
        f"{r.get('pass_locks_over_150ms', '?')} of its batches over 150 ms); the pass held "
        f"the lock {r.get('pass_holding_lock_s', 0):.1f} s in all and waited for it "
        f"{r.get('pass_in_transactions_s', 0) - r.get('pass_holding_lock_s', 0):.1f} s"
    )
    print(
        f"  {'':24} sign-ups {r['rate_before']:.0f}/s before the pass and "
        f"{r.get('rate_after', 0):.0f}/s after it "
        f"(before: median {r.get('median_signup_before_ms', 0):.0f} ms, worst "
        f"{r.get('worst_signup_before_ms', 0):.0f} ms), {r['rate_during']:.0f}/s during it "
        f"({r['failed_during']} failed, median {r['median_signup_ms']:.0f} ms, "
        f"worst {r['worst_signup_ms']:.0f} ms); {r['done']}"
    )
    if r["rate_before"] and r.get("rate_after"):
        print(
            f"  {'':24} sign-up rate during the pass: {r['rate_during'] / r['rate_before']:.2f}"
            f" of the rate before it, {r['rate_during'] / r['rate_after']:.2f} of the rate after"
        )


def main() -> None:
    """``--postgres``: on a database made on the local PostgreSQL server instead of SQLite."""
    kind = "PostgreSQL" if "--postgres" in sys.argv else "SQLite"
    print(f"retention pass, {RESIDENTS:,} residents, {FEEDBACK:,} feedback rows, {kind}:")
    before = _argument("--before", "")
    if before:
        from bench.bench_foundation import _checkout

        _show(
            f"frontdesk@{before}",
            _run(_checkout(before), int(_argument("--before-blocked", "500"))),
        )
    _show("frontdesk", _run(ROOT, 5000))


if __name__ == "__main__":
    if "--worker" in sys.argv:
        print(json.dumps(asyncio.run(worker(int(_argument("--worker", "5000"))))))
    else:
        main()
