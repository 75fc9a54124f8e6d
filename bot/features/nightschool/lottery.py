"""The lottery: a recorded seed, a reproducible shuffle, everything written in bulk.

The draw shuffles the applications, ordered by their id, with ``random.Random(seed)``; the
first ``capacity`` get a place and the rest join the waitlist in drawn order. The seed (drawn
from :mod:`secrets` unless staff give one) and every rank are stored, so anyone can redo the
shuffle and compare (:func:`verify`). The permutation is computed once in Python; the
database then gets set-based statements only: one ``INSERT … SELECT`` of the ranks (the ids
sent as one array parameter), one ``UPDATE enrolments … FROM course_draw_ranks`` that sets
place and status together, and one ``INSERT … SELECT`` per message body into the outbox
(won/waitlisted × language).
"""

from __future__ import annotations

import json
import random
import secrets
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger, bindparam, case, func, insert, literal, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.nightschool.common import (
    APPLIED,
    ENROLLED,
    LOTTERY,
    PUBLISHED,
    SOURCE,
    WAITLISTED,
    School,
)
from bot.features.nightschool.courses import course_audience
from bot.features.nightschool.enrolment import lock_course
from bot.features.nightschool.models import Course, DrawRank, Enrolment
from bot.i18n import LANGUAGES
from bot.services import outbox

# Ranks written per statement on PostgreSQL (one array parameter each).
_RANK_CHUNK = 50_000


class DrawProblem(StrEnum):
    """Why a draw cannot happen."""

    NOT_FOUND = "not-found"
    NOT_LOTTERY = "not-lottery"
    NOT_CLOSED = "not-closed"
    ALREADY_DRAWN = "already-drawn"


NOT_FOUND, NOT_LOTTERY = DrawProblem.NOT_FOUND, DrawProblem.NOT_LOTTERY
NOT_CLOSED, ALREADY_DRAWN = DrawProblem.NOT_CLOSED, DrawProblem.ALREADY_DRAWN


class DrawRefused(Exception):
    """The draw cannot happen; ``code`` says why."""

    def __init__(self, code: DrawProblem) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True, slots=True)
class DrawResult:
    course_id: int
    seed: str
    applications: int
    winners: int


def new_seed() -> str:
    """64 random bits from the operating system, written as a decimal number."""
    return str(secrets.randbits(64))


def ranking(application_ids: list[int], seed: str) -> list[int]:
    """Application ids in drawn order: sorted by id, then shuffled with the seed."""
    drawn = sorted(application_ids)
    random.Random(int(seed)).shuffle(drawn)
    return drawn


# Over 60 lines on purpose: the draw is one locked transaction: ranks, seats, waitlist order and
# the notices together.
async def draw(
    session: AsyncSession,
    school: School,
    course_id: int,
    now: datetime,
    seed: str | None = None,
    *,
    notify: bool = True,
) -> DrawResult:
    """Draw the places of a lottery course whose sign-up window has closed; tell everyone
    (``notify=False`` leaves that to a separate :func:`notify_draw` in the same transaction)."""
    course = await lock_course(session, course_id)
    if course is None or course.status != PUBLISHED:
        raise DrawRefused(NOT_FOUND)
    if course.mode != LOTTERY:
        raise DrawRefused(NOT_LOTTERY)
    if now < course.signup_closes_at:
        raise DrawRefused(NOT_CLOSED)
    seed = seed or new_seed()
    if not seed.isdigit() or len(seed) > 40:
        raise ValueError("a seed is a decimal number of at most 40 digits")
    marked = await session.execute(
        update(Course)
        .where(Course.id == course_id, Course.drawn_at.is_(None))
        .values(drawn_at=now, lottery_seed=seed, updated_at=now)
        .returning(Course.id)
        .execution_options(synchronize_session=False)
    )
    if marked.first() is None:
        raise DrawRefused(ALREADY_DRAWN)
    ids = list(
        await session.scalars(
            select(Enrolment.id).where(
                Enrolment.course_id == course_id, Enrolment.status == APPLIED
            )
        )
    )
    order = ranking(ids, seed)
    await _store_ranks(session, course_id, order)
    winners = min(course.capacity, len(order))
    base = course.last_seq
    # One set-based UPDATE joined to the ranks (UPDATE … FROM on both databases): each
    # application becomes enrolled or waitlisted, with its rank as its place in the line.
    await session.execute(
        update(Enrolment)
        .where(
            Enrolment.id == DrawRank.enrolment_id,
            DrawRank.course_id == course_id,
            Enrolment.course_id == course_id,
            Enrolment.status == APPLIED,
        )
        .values(
            seq=base + DrawRank.rank,
            status=case((DrawRank.rank <= winners, ENROLLED), else_=WAITLISTED),
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    await session.execute(
        update(Course)
        .where(Course.id == course_id)
        .values(taken=winners, last_seq=base + len(order))
        .execution_options(synchronize_session=False)
    )
    if notify:
        await notify_draw(session, school, course, seed, now)
    return DrawResult(course_id, seed, len(order), winners)


async def _store_ranks(session: AsyncSession, course_id: int, order: list[int]) -> None:
    """Write ``order`` (application ids, first place first) as the course's draw ranks, with
    one ``INSERT … SELECT`` per chunk over the ids sent as ONE parameter: an array unnested
    ``WITH ORDINALITY`` on PostgreSQL, a JSON array read by ``json_each`` on SQLite; the
    position in it is the rank. (A 50,000-row executemany took seconds on PostgreSQL.)"""
    postgres = session.get_bind().dialect.name == "postgresql"
    for start in range(0, len(order), _RANK_CHUNK):
        chunk = order[start : start + _RANK_CHUNK]
        if postgres:
            from sqlalchemy.dialects import postgresql  # only on PostgreSQL (bot/storage/upsert.py)

            drawn = (
                func.unnest(bindparam("ids", chunk, type_=postgresql.ARRAY(BigInteger)))
                .table_valued("enrolment_id", with_ordinality="position")
                .render_derived("drawn")
            )
            enrolment_id, rank = drawn.c.enrolment_id, drawn.c.position + start
        else:
            drawn = func.json_each(json.dumps(chunk)).table_valued("key", "value")
            enrolment_id, rank = drawn.c.value, drawn.c.key + (start + 1)
        await session.execute(
            insert(DrawRank).from_select(
                ["enrolment_id", "course_id", "rank"],
                select(enrolment_id, literal(course_id, BigInteger), rank),
            )
        )


async def notify_draw(
    session: AsyncSession, school: School, course: Course, seed: str, now: datetime
) -> None:
    """Tell every winner and every waitlisted applicant the result (INSERT … SELECT)."""
    for status, key in ((ENROLLED, "ns-lottery-won"), (WAITLISTED, "ns-lottery-waitlisted")):
        for lang in LANGUAGES:
            text = school.text(lang, key, title=school.title(course, lang), seed=seed)
            body = await outbox.create_body(session, text, now)
            await outbox.enqueue_audience(
                session,
                body,
                course_audience(course.id, [status], language=lang),
                source=f"{SOURCE}:draw:{course.id}",
                now=now,
                priority=outbox.PRIORITY_NOTICE,
            )


async def verify(session: AsyncSession, course_id: int) -> bool:
    """Redo the shuffle from the stored seed and compare it with the stored ranks."""
    course = await session.get(Course, course_id)
    if course is None or course.lottery_seed is None:
        return False
    stored = list(
        await session.scalars(
            select(DrawRank.enrolment_id)
            .where(DrawRank.course_id == course_id)
            .order_by(DrawRank.rank)
        )
    )
    return ranking(stored, course.lottery_seed) == stored
