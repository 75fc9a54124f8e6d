"""Surveys: 5,000 residents answering a 10-question survey at once; results of 50,000.

``python -m bench surveys`` (``--quick``: 500 residents and 5,000 responses; ``--pg=URL``
naming an empty PostgreSQL database to run both on it as well; ``--results-only`` skips the
burst). Prints:

* 5,000 residents each answering 10 questions (11 transactions each: start, 10 answers, send;
  the send is an eleventh), all started at once, at most ``max_concurrent_updates`` (64, the
  bot's own limit on handlers running) in flight; then counts what was stored: every
  response sent, every answer there (target: no loss);
* the time to compute the results (every count, the ranking and the latest free texts) of a
  survey with 50,000 sent responses (500,000 answers), median of 10 runs; target < 500 ms;
  and one cross-tab by a profile question.
"""

from __future__ import annotations

import asyncio
import logging
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from bench.common import make_runtime, scratch_sqlite_url
from bot.clock import ManualClock
from bot.features.surveys import results, service
from bot.features.surveys.definition import from_mapping
from bot.features.surveys.models import SurveyAnswer, SurveyResponse
from bot.runtime import Runtime
from bot.services.users import Profile
from bot.storage.migrate import upgrade_to_head
from bot.storage.models import User

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
OPTIONS = ["食堂 / Canteen", "健康驿站 / Health", "照相馆 / Photo studio", "理发 / Haircuts"]


def ten_questions() -> dict[str, object]:
    """1 profile question + 9: single, multiple, rating, ranking, text and more singles."""
    questions: list[dict[str, object]] = [
        {"type": "single", "text": "需要什么 / Need", "options": OPTIONS, "other": True},
        {"type": "multiple", "max": 2, "text": "活动 / Activities", "options": OPTIONS},
        {"type": "rating", "text": "满意度 / Rating"},
        {"type": "ranking", "text": "排序 / Order", "options": OPTIONS[:3]},
        {"type": "text", "text": "建议 / Ideas", "optional": True},
    ]
    questions += [
        {"type": "single", "text": f"问题{n} / Question {n}", "options": OPTIONS[:3]}
        for n in range(6, 10)
    ]
    return {
        "title": "需求调查 / Needs",
        "opens": "2026-03-02 09:00",
        "closes": "2026-03-09 18:00",
        "profile": {"committees": ["长风一村", "长风二村", "长风三村"]},
        "questions": questions,
    }


async def _people(runtime: Runtime, count: int, first: int) -> list[int]:
    rows = [
        {
            "telegram_id": first + i,
            "first_name": f"R{i}",
            "language": "zh",
            "language_chosen": False,
            "created_at": NOW,
            "last_seen_at": NOW,
        }
        for i in range(count)
    ]
    async with runtime.db.transaction() as session:
        for start in range(0, count, 5000):
            await session.execute(insert(User), rows[start : start + 5000])
        found = await session.scalars(
            select(User.id)
            .where(User.telegram_id >= first, User.telegram_id < first + count)
            .order_by(User.id)
        )
        return list(found)


async def _survey(runtime: Runtime, author: int = 1) -> int:
    spec = from_mapping(ten_questions(), runtime.centre.zone)
    (author_id,) = await _people(runtime, 1, author)
    organiser = Profile(id=author_id, telegram_id=author, first_name="Org", language="zh")
    async with runtime.db.transaction() as session:
        survey_id = await service.create(session, spec, organiser, NOW)
        await service.publish(session, survey_id, organiser, NOW)
    return survey_id


async def _answer_one(
    session: AsyncSession, step: service.Step, user_id: int, now: datetime, choice: int
) -> service.Step:
    """The answer to the question ``step`` shows, as a resident's taps would give it."""
    question, response_id = step.question, step.response_id
    assert question is not None
    if question.kind == "text":
        return await service.write_text(session, response_id, user_id, "希望食堂", now)
    if question.kind == "multiple":
        await service.pick(session, response_id, user_id, question.id, 0, now)
        return await service.done(session, response_id, user_id, question.id, now)
    if question.kind == "ranking":
        for item in range(len(question.options)):
            step = await service.pick(session, response_id, user_id, question.id, item, now)
        return step
    return await service.pick(session, response_id, user_id, question.id, choice, now)


async def _answer_all(runtime: Runtime, survey_id: int, user_id: int, rng: random.Random) -> None:
    """One resident: start, answer each question as shown, send (one transaction each, as
    the handlers do: through ``service.retrying``)."""
    now = NOW + timedelta(hours=1)
    db = runtime.db
    step = await service.retrying(db, lambda s: service.start(s, survey_id, user_id, now))
    while step.question is not None:
        choice = rng.randint(1, 5) if step.question.kind == "rating" else rng.randrange(3)
        shown = step
        step = await service.retrying(
            db,
            lambda s: _answer_one(s, shown, user_id, now, choice),  # noqa: B023 - awaited at once
        )
    final = step.response_id
    zone = runtime.centre.zone
    await service.retrying(db, lambda s: service.submit(s, final, user_id, now, zone))


class _Retries(logging.Handler):
    """Counts the writes ``service.retrying`` tried again (SQLite's busy timeout)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += "trying again" in record.getMessage()


async def burst(runtime: Runtime, residents: int) -> None:
    retries = _Retries()
    logging.getLogger("bot.features.surveys.service").addHandler(retries)
    survey_id = await _survey(runtime)
    people = await _people(runtime, residents, 100_000)
    limit = asyncio.Semaphore(runtime.settings.max_concurrent_updates)
    rng = random.Random(17)
    failures: list[BaseException] = []

    async def one(user_id: int) -> None:
        async with limit:
            try:
                await _answer_all(runtime, survey_id, user_id, rng)
            except Exception as exc:  # counted and reported: a lost answer is the failure here
                failures.append(exc)

    started = time.perf_counter()
    await asyncio.gather(*(one(user_id) for user_id in people))
    elapsed = time.perf_counter() - started
    async with runtime.db.read() as session:
        sent = await session.scalar(
            select(func.count())
            .select_from(SurveyResponse)
            .where(SurveyResponse.survey_id == survey_id, SurveyResponse.status == "submitted")
        )
        answered = await session.scalar(
            select(
                func.count(
                    func.distinct(
                        SurveyAnswer.question_id * 1_000_000_000 + SurveyAnswer.response_id
                    )
                )
            ).where(SurveyAnswer.survey_id == survey_id, SurveyAnswer.counted.is_(True))
        )
    print(
        f"  {residents} residents x 10 questions at once: {elapsed:.1f} s, "
        f"{residents * 12 / elapsed:.0f} transactions/s; sent {sent}/{residents}, "
        f"answered questions {answered}/{residents * 10}, errors {len(failures)}, "
        f"writes tried again {retries.count}" + (f" (first: {failures[0]!r})" if failures else "")
    )
    logging.getLogger("bot.features.surveys.service").removeHandler(retries)


async def _bulk_responses(runtime: Runtime, survey_id: int, count: int) -> None:
    """``count`` sent responses written straight to the tables (the results' input)."""
    async with runtime.db.read() as session:
        survey = await service.load(session, survey_id)
    assert survey is not None
    rng = random.Random(50)
    words = ["食堂晚上开门", "多开书法课", "健康驿站量血压", "楼道灯坏了", "希望有理发"]
    for start in range(0, count, 2000):
        size = min(2000, count - start)
        async with runtime.db.transaction() as session:
            responses = [
                {"survey_id": survey_id, "paper": i % 10 == 0, "status": "submitted",
                 "created_at": NOW, "updated_at": NOW, "submitted_at": NOW}
                for i in range(size)
            ]  # fmt: skip
            await session.execute(insert(SurveyResponse), responses)
            ids = list(
                await session.scalars(
                    select(SurveyResponse.id)
                    .where(SurveyResponse.survey_id == survey_id)
                    .order_by(SurveyResponse.id.desc())
                    .limit(size)
                )
            )
            answers: list[dict[str, object]] = []
            for response_id in ids:
                for q in survey.questions:
                    base = {"survey_id": survey_id, "response_id": response_id,
                            "question_id": q.id, "counted": True}  # fmt: skip
                    if q.kind == "text":
                        answers.append({**base, "text": rng.choice(words)})
                    elif q.kind == "rating":
                        answers.append({**base, "choice": rng.randint(1, 5)})
                    elif q.kind == "ranking":
                        order = rng.sample(range(len(q.options)), len(q.options))
                        answers += [{**base, "choice": c, "rank": r + 1} for r, c in
                                    enumerate(order)]  # fmt: skip
                    else:
                        answers.append({**base, "choice": rng.randrange(len(q.options))})
            await session.execute(insert(SurveyAnswer), answers)


async def compute_time(runtime: Runtime, responses: int) -> None:
    survey_id = await _survey(runtime, 2)
    started = time.perf_counter()
    await _bulk_responses(runtime, survey_id, responses)
    async with runtime.db.transaction() as session:  # written straight to the tables: recount
        await service.rebuild_tallies(session, survey_id)
    print(f"  stored {responses} responses in {time.perf_counter() - started:.1f} s")
    async with runtime.db.read() as session:
        survey = await service.load(session, survey_id)
        answers = await session.scalar(
            select(func.count()).where(SurveyAnswer.survey_id == survey_id)
        )
    assert survey is not None
    timings = []
    for _ in range(10):
        started = time.perf_counter()
        async with runtime.db.read() as session:
            computed = await results.compute(session, survey)
        timings.append(time.perf_counter() - started)
    assert computed.responses == responses
    by = survey.questions[0]
    started = time.perf_counter()
    async with runtime.db.read() as session:
        await results.crosstab(session, survey, by, survey.questions[1])
    cross = time.perf_counter() - started
    words_started = time.perf_counter()
    for result in computed.questions:
        if result.others:
            results.recurring_words(result.others)
    words = time.perf_counter() - words_started
    print(
        f"  results of {responses} responses ({answers} answers): median "
        f"{statistics.median(timings) * 1000:.0f} ms, max {max(timings) * 1000:.0f} ms "
        f"(target < 500 ms); one cross-tab {cross * 1000:.0f} ms; recurring words "
        f"{words * 1000:.0f} ms (first use loads rjieba)"
    )


async def run(url: str, residents: int, responses: int) -> None:
    runtime = make_runtime(url, clock=ManualClock(NOW))
    await upgrade_to_head(runtime.db)
    try:
        if "--results-only" not in sys.argv:
            await burst(runtime, residents)
        await compute_time(runtime, responses)
    finally:
        await runtime.db.dispose()


def main() -> None:
    quick = "--quick" in sys.argv
    residents, responses = (500, 5_000) if quick else (5_000, 50_000)
    print(f"SQLite (residents={residents}, responses={responses}):")
    asyncio.run(run(scratch_sqlite_url(), residents, responses))
    for arg in sys.argv:
        if arg.startswith("--pg="):
            print("PostgreSQL:")
            asyncio.run(run(arg.removeprefix("--pg="), residents, responses))


if __name__ == "__main__":
    main()
