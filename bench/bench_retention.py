"""The daily retention pass on a large database, while residents keep signing up.

50,000 residents (every tenth blocked the bot 100 days ago: 5,000 to forget), 100,000
feedback rows (two per resident, a third older than the 180-day identity retention, one in
ten answered by staff), 50,000 delivered outbox messages, on SQLite. The pass runs as the
daily job does (``bot.features.privacy.handlers.run_retention``) while a sign-up loop (night school,
4 at a time, each its own write transaction) keeps going. Reported: the pass's total time,
the longest time anyone held SQLite's write lock meanwhile (from ``BEGIN IMMEDIATE`` to the
commit), and the sign-up rate and worst sign-up before and during the pass.

Each run is a separate process on its own database. ``--before REV`` also runs the code of
git revision REV (``git archive``) with ``--before-blocked N`` blocked residents (default
500: the old single transaction takes minutes for 5,000).
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
FIRST_DAY = date(2025, 1, 1)
CENTRE_FILE = Path("config/centre.yaml").resolve()  # of the tree the worker runs in (its cwd)


def _argument(name: str, default: str) -> str:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


async def _fill(db: Any, blocked: int) -> None:
    from sqlalchemy import insert, select

    from bot.features.feedback.models import Feedback
    from bot.storage.models import OutboxBody, OutboxMessage, User, UserRole

    long_ago = NOW - timedelta(days=100)
    async with db.transaction() as session:
        await session.execute(
            insert(User),
            [
                {
                    "telegram_id": 1_000_000 + n,
                    "first_name": f"居民{n}",
                    "username": f"r{n}",
                    "language": "zh",
                    "language_chosen": False,
                    "created_at": NOW - timedelta(days=400),
                    "last_seen_at": NOW - timedelta(days=100),
                    "blocked_at": long_ago if n % 10 == 0 and n // 10 < blocked else None,
                }
                for n in range(RESIDENTS)
            ],
        )  # fmt: skip
        ids = list(await session.scalars(select(User.id).order_by(User.id)))
        staff = ids[1:6]  # five staff members (never forgotten: they hold a role)
        await session.execute(
            insert(UserRole),
            [{"user_id": s, "role": "staff", "granted_at": NOW} for s in staff],
        )
        rows = []
        for n in range(FEEDBACK):
            age = timedelta(days=(n * 7) % 270)  # a third older than 180 days
            answered = n % 10 == 0
            rows.append({
                "user_id": ids[n % RESIDENTS], "day": FIRST_DAY + timedelta(days=n // RESIDENTS),
                "meal": "lunch", "stars": 1 + n % 5, "comment": f"味道不错 {n}", "anonymous": False,
                "needs_attention": False, "created_at": NOW - age, "updated_at": NOW - age,
                "revisions": 1, "reply": "谢谢" if answered else None,
                "replied_at": NOW - age if answered else None,
                "replied_by": staff[n % 5] if answered else None,
                "resolved_at": NOW - age if answered else None,
                "resolved_by": staff[n % 5] if answered else None,
            })  # fmt: skip
        await session.execute(insert(Feedback), rows)
        body = await session.scalar(
            insert(OutboxBody)
            .values(text="本周六社区活动", created_at=NOW - timedelta(days=10))
            .returning(OutboxBody.id)
        )
        await session.execute(
            insert(OutboxMessage),
            [
                {
                    "body_id": body, "chat_id": 1_000_000 + n, "user_id": ids[n],
                    "priority": 9, "status": "sent", "source": "broadcast:1",
                    "not_before": NOW - timedelta(days=10), "attempts": 1,
                    "sent_at": NOW - timedelta(days=10), "created_at": NOW - timedelta(days=10),
                }
                for n in range(RESIDENTS)
            ],
        )  # fmt: skip


async def worker(blocked: int) -> dict[str, Any]:
    """One run on a fresh database with the code found on ``sys.path``."""
    from sqlalchemy import event

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
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            token=None,
            database_url=f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}",
            centre_file=CENTRE_FILE,
        )
        runtime = build_runtime(settings, load_centre(settings.centre_file), clock=ManualClock(NOW))
        db = runtime.db
        await upgrade_to_head(db)
        started = time.perf_counter()
        await _fill(db, blocked)
        filled = time.perf_counter() - started
        school = School(runtime.catalog, runtime.centre, settings.nightschool)
        # Each resident may hold 3 courses: three courses give 3 × 40,000 sign-ups to make.
        courses = [await _course(db, school, 100_000) for _ in range(3)]

        # The write lock is held from BEGIN IMMEDIATE (our "begin" listener runs after the
        # one in bot/storage/db.py that emits it) to the commit, whoever holds it.
        held: list[float] = []
        measuring = False

        @event.listens_for(db.engine.sync_engine, "begin")
        def _locked(connection: Any) -> None:
            if not connection.get_execution_options().get("frontdesk_read_only", False):
                connection.info["locked_at"] = time.perf_counter()

        @event.listens_for(db.engine.sync_engine, "commit")
        @event.listens_for(db.engine.sync_engine, "rollback")
        def _released(connection: Any) -> None:
            locked_at = connection.info.pop("locked_at", None)
            if locked_at is not None and measuring:
                held.append(time.perf_counter() - locked_at)

        in_retention: contextvars.ContextVar[bool] = contextvars.ContextVar("r", default=False)
        transactions = 0
        opened = db.transaction

        @asynccontextmanager
        async def counted() -> AsyncIterator[Any]:
            nonlocal transactions
            transactions += in_retention.get()
            async with opened() as session:
                yield session

        db.transaction = counted  # type: ignore[method-assign]
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
        await asyncio.sleep(3)
        baseline_end = time.perf_counter()
        total, done = await asyncio.create_task(retention())
        retention_end = time.perf_counter()
        stop.set()
        await asyncio.gather(*loops)
        await db.dispose()

    before = [s for s in signups if s[0] <= baseline_end]
    during = [s for s in signups if baseline_end < s[0] <= retention_end]
    return {
        "blocked": blocked,
        "fill_s": filled,
        "total_s": total,
        "done": done,
        "transactions": transactions,
        "longest_lock_ms": max(held) * 1000,
        "rate_before": len(before) / 3,
        "rate_during": sum(1 for s in during if s[2]) / total,
        "failed_during": sum(1 for s in during if not s[2]),
        "worst_signup_ms": max((s[1] for s in during), default=0.0) * 1000,
        "median_signup_ms": statistics.median(s[1] for s in during) * 1000 if during else 0.0,
    }


def _run(root: Path, blocked: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--worker", str(blocked)],
        cwd=root, capture_output=True, text=True, timeout=1800, check=False,
        env={**os.environ, "PYTHONPATH": str(root), "PTB_TIMEDELTA": "true"},
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _show(label: str, r: dict[str, Any]) -> None:
    print(
        f"  {label:24} {r['blocked']} blocked: pass {r['total_s']:.1f} s (target < 10) in "
        f"{r['transactions']} transactions, write lock held at most {r['longest_lock_ms']:.0f} ms "
        "(target <= 150); "
        f"sign-ups {r['rate_before']:.0f}/s before, {r['rate_during']:.0f}/s during "
        f"({r['failed_during']} failed, median {r['median_signup_ms']:.0f} ms, "
        f"worst {r['worst_signup_ms']:.0f} ms); {r['done']}"
    )


def main() -> None:
    print(f"retention pass, {RESIDENTS:,} residents, {FEEDBACK:,} feedback rows, SQLite:")
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
