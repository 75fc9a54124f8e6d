"""Surveys: creating, publishing, answering one question at a time, sending, data rights.

Everything a resident does is written at once (the answer, where they stand), so a restart
loses nothing: ``survey_responses.current_question`` and ``awaiting`` are the state, never
the chat's memory. One response per resident and survey (UNIQUE(survey_id, user_id)); a sent
response can be changed while the survey is open, except an anonymous one, which is cut from
its author when sent (see ``models``). Staff enter paper responses with the same steps; those
have no author and say ``paper``.
"""

from __future__ import annotations

import enum
import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta, tzinfo
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import Select, bindparam, delete, exists, func, literal, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import BindParameter

from bot.features.broadcast.topics import followers
from bot.features.events.audience import attendees
from bot.features.nightschool.common import ENROLLED
from bot.features.nightschool.courses import course_audience
from bot.features.surveys.definition import SurveySpec
from bot.features.surveys.models import (
    Survey,
    SurveyAnswer,
    SurveyParticipant,
    SurveyProfile,
    SurveyQuestion,
    SurveyResponse,
    SurveyTally,
)
from bot.services import audit, privacy
from bot.services.users import Profile
from bot.settings import PrivacySettings
from bot.storage.db import Database
from bot.storage.in_lists import padded
from bot.storage.models import User
from bot.storage.upsert import insert_for, insert_ignore

log = logging.getLogger(__name__)

DRAFT, PUBLISHED, CLOSED = "draft", "published", "closed"
ANSWERING, SUBMITTED = "answering", "submitted"
OTHER = -1  # the choice "other, please say"
TEXT_CHARS = 500
RATINGS = range(1, 6)
TEXT_WINDOW = timedelta(hours=1)
# Text typed this soon after a press, at a question answered with buttons, is taken as a
# try at answering it (the resident is shown the options again); later, it is for others.
PRESS_WINDOW = timedelta(minutes=10)
PROFILE_KEYS = ("committee", "building", "age_band")


# -- reading a survey -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Question:
    id: int
    position: int
    kind: str
    zh: str
    en: str
    options: tuple[tuple[str, str], ...]
    max_choices: int | None
    allow_other: bool
    required: bool
    show_if_position: int | None
    show_if_options: frozenset[int]
    profile: str | None

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def option(self, index: int, lang: str) -> str:
        zh, en = self.options[index]
        return zh if lang == "zh" else en


@dataclass(frozen=True, slots=True)
class SurveyInfo:
    id: int
    title_zh: str
    title_en: str
    intro_zh: str | None
    intro_en: str | None
    anonymous: bool
    audience: str
    audience_param: str | None
    opens_at: datetime
    closes_at: datetime
    status: str
    questions: tuple[Question, ...] = ()

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def intro(self, lang: str) -> str | None:
        return self.intro_zh if lang == "zh" else self.intro_en

    def is_open(self, now: datetime) -> bool:
        return self.status == PUBLISHED and self.opens_at <= now < self.closes_at

    def question(self, question_id: int | None) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


def _question(row: SurveyQuestion) -> Question:
    options = tuple(tuple(pair) for pair in json.loads(row.options)) if row.options else ()
    shown_for = frozenset(json.loads(row.show_if_options)) if row.show_if_options else frozenset()
    return Question(
        row.id,
        row.position,
        row.kind,
        row.text_zh,
        row.text_en,
        options,
        row.max_choices,
        row.allow_other,
        row.required,
        row.show_if_position,
        shown_for,
        row.profile,
    )


async def load(session: AsyncSession, survey_id: int) -> SurveyInfo | None:
    """The survey with its questions in order, or None."""
    row = await session.get(Survey, survey_id)
    if row is None:
        return None
    questions = await session.scalars(
        select(SurveyQuestion)
        .where(SurveyQuestion.survey_id == survey_id)
        .order_by(SurveyQuestion.position)
    )
    return SurveyInfo(
        row.id,
        row.title_zh,
        row.title_en,
        row.intro_zh,
        row.intro_en,
        row.anonymous,
        row.audience,
        row.audience_param,
        row.opens_at,
        row.closes_at,
        row.status,
        tuple(_question(q) for q in questions),
    )


async def listing(session: AsyncSession, limit: int = 12) -> list[SurveyInfo]:
    """The newest surveys (organisers' list), without questions."""
    rows = await session.scalars(select(Survey).order_by(Survey.id.desc()).limit(limit))
    return [
        SurveyInfo(
            r.id,
            r.title_zh,
            r.title_en,
            r.intro_zh,
            r.intro_en,
            r.anonymous,
            r.audience,
            r.audience_param,
            r.opens_at,
            r.closes_at,
            r.status,
        )
        for r in rows
    ]


# -- creating and publishing --------------------------------------------------------------


async def create(session: AsyncSession, spec: SurveySpec, author: Profile, now: datetime) -> int:
    """Store a checked spec as a draft survey; returns its id."""
    survey = Survey(
        title_zh=spec.title[0],
        title_en=spec.title[1],
        intro_zh=spec.intro[0] if spec.intro else None,
        intro_en=spec.intro[1] if spec.intro else None,
        anonymous=spec.anonymous,
        audience=spec.audience,
        audience_param=spec.audience_param,
        opens_at=spec.opens_at.astimezone(UTC),
        closes_at=spec.closes_at.astimezone(UTC),
        status=DRAFT,
        created_by=author.id,
        created_at=now,
    )
    session.add(survey)
    await session.flush()
    for position, q in enumerate(spec.questions, start=1):
        session.add(
            SurveyQuestion(
                survey_id=survey.id,
                position=position,
                kind=q.kind,
                text_zh=q.zh,
                text_en=q.en,
                options=json.dumps(q.options, ensure_ascii=False) if q.options else None,
                max_choices=q.max_choices,
                allow_other=q.allow_other,
                required=q.required,
                show_if_position=q.show_if_position,
                show_if_options=json.dumps(list(q.show_if_options)) if q.show_if_position else None,
                profile=q.profile,
            )
        )
    await audit.record(
        session,
        actor_id=author.id,
        actor_name=author.first_name,
        action="survey.create",
        subject=f"survey:{survey.id}",
        now=now,
    )
    return survey.id


class Publish(enum.Enum):
    PUBLISHED = "published"
    NOT_DRAFT = "not-draft"
    ENDED = "ended"  # its closing time has passed


async def publish(session: AsyncSession, survey_id: int, actor: Profile, now: datetime) -> Publish:
    """Draft → published (the invitations go when it opens: ``jobs.tick``)."""
    row = await session.get(Survey, survey_id)
    if row is None or row.status != DRAFT:
        return Publish.NOT_DRAFT
    if row.closes_at <= now:
        return Publish.ENDED
    changed = await session.execute(
        update(Survey)
        .where(Survey.id == survey_id, Survey.status == DRAFT)
        .values(status=PUBLISHED, published_at=now)
    )
    if not getattr(changed, "rowcount", 0):
        return Publish.NOT_DRAFT
    await audit.record(
        session,
        actor_id=actor.id,
        actor_name=actor.first_name,
        action="survey.publish",
        subject=f"survey:{survey_id}",
        now=now,
    )
    return Publish.PUBLISHED


async def close(session: AsyncSession, survey_id: int, now: datetime) -> bool:
    """Published → closed (by its time or an organiser); False when it was not open."""
    row = await session.get(Survey, survey_id)
    if row is None:
        return False
    changed = await session.execute(
        update(Survey)
        .where(Survey.id == survey_id, Survey.status == PUBLISHED)
        .values(status=CLOSED, closed_at=now, closes_at=min(row.closes_at, now))
    )
    return bool(getattr(changed, "rowcount", 0))


# -- audiences ----------------------------------------------------------------------------


def audience(kind: str, param: str | None, language: str | None = None) -> Select[int, int]:
    """``(chat_id, user_id)`` of the people a survey is for; blocked people are left out."""
    if kind == "topic" and param:
        query: Select[int, int] = followers(param)
    elif kind == "course" and param:
        query = course_audience(int(param), (ENROLLED,))
    elif kind == "event" and param:
        query = attendees(int(param))
    else:
        query = select(User.telegram_id.label("chat_id"), User.id.label("user_id"))
    query = query.where(User.blocked_at.is_(None))
    if language is not None:
        query = query.where(User.language == language)
    return query


async def in_audience(session: AsyncSession, survey: SurveyInfo, user_id: int) -> bool:
    query = audience(survey.audience, survey.audience_param).where(User.id == user_id)
    return (await session.execute(query.limit(1))).first() is not None


@dataclass(frozen=True, slots=True)
class OpenSurvey:
    survey: SurveyInfo
    status: str | None  # None: not started; answering; submitted; participated (anonymous)


async def open_for(session: AsyncSession, user_id: int, now: datetime) -> list[OpenSurvey]:
    """The surveys open now for this resident, with how far they got."""
    found: list[OpenSurvey] = []
    for survey in await listing(session, limit=50):
        if not survey.is_open(now) or not await in_audience(session, survey, user_id):
            continue
        status = await session.scalar(
            select(SurveyResponse.status).where(
                SurveyResponse.survey_id == survey.id, SurveyResponse.user_id == user_id
            )
        )
        if status is None and await _participated(session, survey.id, user_id):
            status = "participated"
        found.append(OpenSurvey(survey, status))
    return found


async def _participated(session: AsyncSession, survey_id: int, user_id: int) -> bool:
    found = await session.get(SurveyParticipant, (survey_id, user_id))
    return found is not None


# -- answering ----------------------------------------------------------------------------


@dataclass
class Step:
    """Where a response stands: the question to show (None: all answered, send it)."""

    survey: SurveyInfo
    response_id: int
    question: Question | None
    number: int  # among the questions shown to this respondent
    total: int
    picked: list[int] = field(default_factory=list)  # choices (ranking: in order)
    text: str | None = None
    awaiting: str | None = None
    paper: bool = False
    submitted: bool = False
    can_go_back: bool = False
    profile_to_keep: bool = False  # profile questions answered here, none stored yet


class Refusal(enum.Enum):
    NOT_OPEN = "not-open"
    NOT_FOR_YOU = "not-for-you"
    ANONYMOUS_SENT = "anonymous-sent"  # an anonymous response cannot be found again
    GONE = "gone"  # not your response, or no longer there
    NOT_CURRENT = "not-current"  # a button of a question that is not the current one
    TOO_MANY = "too-many"
    NEED_ANSWER = "need-answer"
    BAD_TEXT = "bad-text"
    TOO_LONG = "too-long"  # typed text over TEXT_CHARS: said so, and given back to shorten


class Refused(Exception):
    def __init__(self, reason: Refusal, step: Step | None = None) -> None:
        super().__init__(reason.value)
        self.reason = reason
        self.step = step


_MEMO = "surveys_answers"


async def _answers(session: AsyncSession, response_id: int) -> dict[int, list[SurveyAnswer]]:
    """A response's answers by question, read once per transaction (``_set`` keeps it true:
    a press is one transaction, and SQLite holds its write lock for all of it)."""
    memo: dict[int, dict[int, list[SurveyAnswer]]] = session.info.setdefault(_MEMO, {})
    if response_id in memo:
        return memo[response_id]
    rows = await session.scalars(
        select(SurveyAnswer)
        .where(SurveyAnswer.response_id == response_id)
        .order_by(SurveyAnswer.question_id, SurveyAnswer.rank, SurveyAnswer.id)
    )
    found: dict[int, list[SurveyAnswer]] = {}
    for row in rows:
        found.setdefault(row.question_id, []).append(row)
    memo[response_id] = found
    return found


def visible(survey: SurveyInfo, answers: dict[int, list[SurveyAnswer]]) -> list[Question]:
    """The questions this respondent is asked, given their answers so far (branching)."""
    by_position = {q.position: q for q in survey.questions}
    shown: list[Question] = []
    for question in survey.questions:
        if question.show_if_position is not None:
            target = by_position[question.show_if_position]
            chosen = {a.choice for a in answers.get(target.id, [])}
            if not chosen & question.show_if_options or target not in shown:
                continue
        shown.append(question)
    return shown


def _answered(question: Question, rows: list[SurveyAnswer]) -> bool:
    if question.kind == "ranking":
        return len(rows) == len(question.options)
    if any(r.choice == OTHER and not r.text for r in rows):
        return False
    return bool(rows)


async def _step(session: AsyncSession, survey: SurveyInfo, response: SurveyResponse) -> Step:
    answers = await _answers(session, response.id)
    shown = visible(survey, answers)
    current = survey.question(response.current_question)
    if current is not None and current not in shown:  # a branch closed under it
        later = [q for q in shown if q.position > current.position]
        current = later[0] if later else None
        response.current_question = current.id if current else None
    rows = answers.get(current.id, []) if current else []
    number = shown.index(current) + 1 if current else len(shown)
    keep = False
    if current is None and response.user_id is not None and any(q.profile for q in shown):
        keep = await session.get(SurveyProfile, response.user_id) is None
    return Step(
        survey=survey,
        response_id=response.id,
        question=current,
        number=number,
        total=len(shown),
        picked=[r.choice for r in rows if r.choice is not None],
        text=next((r.text for r in rows if r.text), None),
        awaiting=response.awaiting,
        paper=response.paper,
        submitted=response.status == SUBMITTED,
        can_go_back=bool(shown) and (current is None or shown.index(current) > 0),
        profile_to_keep=keep,
    )


async def _prefill_profile(
    session: AsyncSession, survey: SurveyInfo, response: SurveyResponse
) -> None:
    """Answer the profile questions from the resident's kept profile (where labels match)."""
    if response.user_id is None:
        return
    kept = await session.get(SurveyProfile, response.user_id)
    if kept is None:
        return
    for question in survey.questions:
        value = getattr(kept, question.profile) if question.profile else None
        labels = [zh for zh, _ in question.options]
        if value in labels:
            session.add(
                SurveyAnswer(
                    survey_id=survey.id,
                    response_id=response.id,
                    question_id=question.id,
                    choice=labels.index(value),
                )
            )
    await session.flush()


async def start(session: AsyncSession, survey_id: int, user_id: int, now: datetime) -> Step:
    """Begin, resume or reopen (to change) the resident's response; raises Refused."""
    survey = await load(session, survey_id)
    if survey is None or not survey.is_open(now):
        raise Refused(Refusal.NOT_OPEN)
    if not await in_audience(session, survey, user_id):
        raise Refused(Refusal.NOT_FOR_YOU)
    response = await session.scalar(
        select(SurveyResponse).where(
            SurveyResponse.survey_id == survey_id, SurveyResponse.user_id == user_id
        )
    )
    if response is None:
        if await _participated(session, survey_id, user_id):
            raise Refused(Refusal.ANONYMOUS_SENT)
        added = await insert_ignore(
            session,
            SurveyResponse.__table__,  # type: ignore[arg-type]
            {
                "survey_id": survey_id,
                "user_id": user_id,
                "paper": False,
                "status": ANSWERING,
                "created_at": now,
                "updated_at": now,
            },
            ["survey_id", "user_id"],
        )
        response = await session.scalar(
            select(SurveyResponse).where(
                SurveyResponse.survey_id == survey_id, SurveyResponse.user_id == user_id
            )
        )
        assert response is not None  # inserted just now, or by a double press a moment ago
        if added:
            await _prefill_profile(session, survey, response)
            answers = await _answers(session, response.id)
            unanswered = [
                q for q in visible(survey, answers) if not _answered(q, answers.get(q.id, []))
            ]
            response.current_question = unanswered[0].id if unanswered else None
    elif response.status == SUBMITTED:
        # Changing a sent response: from the first question, answers shown as they are.
        first = visible(survey, await _answers(session, response.id))
        response.current_question = first[0].id if first else None
    response.awaiting = None
    # Its question is shown again now: what is typed next answers it (one set aside by "取消"
    # or by /ask was dated back, and the answer typed after resuming went elsewhere).
    response.updated_at = now
    return await _step(session, survey, response)


async def start_paper(session: AsyncSession, survey_id: int, staff_id: int, now: datetime) -> Step:
    """A new paper response, entered by ``staff_id`` on a resident's behalf."""
    survey = await load(session, survey_id)
    if survey is None or survey.status == DRAFT:
        raise Refused(Refusal.NOT_OPEN)
    response = SurveyResponse(
        survey_id=survey_id,
        user_id=None,
        paper=True,
        entered_by=staff_id,
        status=ANSWERING,
        created_at=now,
        updated_at=now,
    )
    session.add(response)
    await session.flush()
    shown = visible(survey, {})
    response.current_question = shown[0].id if shown else None
    return await _step(session, survey, response)


async def _own(
    session: AsyncSession, response_id: int, user_id: int, now: datetime
) -> tuple[SurveyInfo, SurveyResponse]:
    """The response ``user_id`` may write to: their own, or a paper one they are entering."""
    response = await session.get(SurveyResponse, response_id, with_for_update=True)
    if response is None:
        raise Refused(Refusal.GONE)
    mine = response.user_id == user_id if not response.paper else response.entered_by == user_id
    if not mine or (response.paper and response.status == SUBMITTED):
        raise Refused(Refusal.GONE)
    survey = await load(session, response.survey_id)
    if survey is None:
        raise Refused(Refusal.GONE)
    # Paper forms come back after the closing day too: staff may type them in late.
    if not response.paper and not survey.is_open(now):
        raise Refused(Refusal.NOT_OPEN)
    return survey, response


async def resume(session: AsyncSession, response_id: int, user_id: int, now: datetime) -> Step:
    survey, response = await _own(session, response_id, user_id, now)
    return await _step(session, survey, response)


def _advance(survey: SurveyInfo, shown: list[Question], after: Question) -> int | None:
    later = [q for q in shown if q.position > after.position]
    return later[0].id if later else None


async def _move_on(
    session: AsyncSession, survey: SurveyInfo, response: SurveyResponse, question: Question
) -> None:
    shown = visible(survey, await _answers(session, response.id))
    response.current_question = _advance(survey, shown, question)
    response.awaiting = None


ANSWERED = -100  # the tally row of how many respondents answered a question


async def _tally(
    session: AsyncSession, survey_id: int, rows: Sequence[SurveyAnswer], sign: int
) -> None:
    """Add (``sign`` 1) or take away (-1) sent answers from the running counts."""
    changes: dict[tuple[int, int], list[int]] = {}
    for question_id in {row.question_id for row in rows}:
        changes[(question_id, ANSWERED)] = [sign, 0]
    for row in rows:
        if row.choice is not None:
            change = changes.setdefault((row.question_id, row.choice), [0, 0])
            change[0] += sign
            change[1] += sign * (row.rank or 0)
    if not changes:
        return
    values = [
        {"question_id": q, "choice": c, "survey_id": survey_id, "respondents": n, "rank_sum": r}
        for (q, c), (n, r) in sorted(changes.items())
    ]
    statement = insert_for(session, SurveyTally.__table__)  # type: ignore[arg-type]
    statement = statement.values(values)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["question_id", "choice"],
            set_={
                "respondents": SurveyTally.respondents + statement.excluded.respondents,
                "rank_sum": SurveyTally.rank_sum + statement.excluded.rank_sum,
            },
        )
    )


async def rebuild_tallies(session: AsyncSession, survey_id: int) -> None:
    """Count the sent answers again from scratch (bulk imports, repairs, tests)."""
    await session.execute(delete(SurveyTally).where(SurveyTally.survey_id == survey_id))
    sent = (SurveyAnswer.survey_id == survey_id, SurveyAnswer.counted.is_(True))
    by_choice = (
        select(
            SurveyAnswer.question_id,
            SurveyAnswer.choice,
            literal(survey_id),
            func.count(),
            func.coalesce(func.sum(SurveyAnswer.rank), 0),
        )
        .where(*sent, SurveyAnswer.choice.is_not(None))
        .group_by(SurveyAnswer.question_id, SurveyAnswer.choice)
    )
    answered = (
        select(
            SurveyAnswer.question_id,
            literal(ANSWERED),
            literal(survey_id),
            func.count(func.distinct(SurveyAnswer.response_id)),
            literal(0),
        )
        .where(*sent)
        .group_by(SurveyAnswer.question_id)
    )
    columns = ["question_id", "choice", "survey_id", "respondents", "rank_sum"]
    table = SurveyTally.__table__
    await session.execute(table.insert().from_select(columns, by_choice))  # type: ignore[attr-defined]
    await session.execute(table.insert().from_select(columns, answered))  # type: ignore[attr-defined]


async def _set(
    session: AsyncSession,
    survey: SurveyInfo,
    response: SurveyResponse,
    question: Question,
    rows: Sequence[tuple[int | None, int | None, str | None]],
) -> None:
    """Replace the answers to ``question`` by ``rows`` of (choice, rank, text); a sent
    response's change moves the running counts too."""
    if response.status == SUBMITTED:
        previous = (await _answers(session, response.id)).get(question.id, [])
        await _tally(session, survey.id, previous, -1)
    await session.execute(
        delete(SurveyAnswer).where(
            SurveyAnswer.response_id == response.id, SurveyAnswer.question_id == question.id
        )
    )
    added = [
        SurveyAnswer(
            survey_id=survey.id,
            response_id=response.id,
            question_id=question.id,
            choice=choice,
            rank=rank,
            text=text,
            counted=response.status == SUBMITTED,
        )
        for choice, rank, text in rows
    ]
    session.add_all(added)
    await session.flush()
    if response.status == SUBMITTED:
        await _tally(session, survey.id, added, 1)
    answers = await _answers(session, response.id)
    if added:
        answers[question.id] = added
    else:
        answers.pop(question.id, None)


def _current(survey: SurveyInfo, response: SurveyResponse, question_id: int) -> Question:
    question = survey.question(question_id)
    if question is None or response.current_question != question_id:
        raise Refused(Refusal.NOT_CURRENT)
    return question


async def pick(
    session: AsyncSession,
    response_id: int,
    user_id: int,
    question_id: int,
    choice: int,
    now: datetime,
) -> Step:
    """A button of the current question: an option, a rating, the next ranked item, "other"."""
    survey, response = await _own(session, response_id, user_id, now)
    question = _current(survey, response, question_id)
    rows = (await _answers(session, response.id)).get(question.id, [])
    valid = (
        choice in RATINGS
        if question.kind == "rating"
        else 0 <= choice < len(question.options) or (choice == OTHER and question.allow_other)
    )
    if not valid or question.kind == "text":
        raise Refused(Refusal.NOT_CURRENT)
    response.updated_at = now
    if question.kind in ("single", "rating"):
        await _set(session, survey, response, question, [(choice, None, None)])
        if choice == OTHER:
            response.awaiting = "other"
        else:
            await _move_on(session, survey, response, question)
    elif question.kind == "multiple":
        chosen = [r.choice for r in rows]
        texts = {r.choice: r.text for r in rows}
        if choice in chosen:
            chosen.remove(choice)
            response.awaiting = None if choice == OTHER else response.awaiting
        elif len(chosen) >= (question.max_choices or len(question.options)):
            raise Refused(Refusal.TOO_MANY, await _step(session, survey, response))
        else:
            chosen.append(choice)
            response.awaiting = "other" if choice == OTHER else response.awaiting
        kept = [(c, None, texts.get(c)) for c in chosen]
        await _set(session, survey, response, question, kept)
    else:  # ranking: the items in the order pressed; the last one completes it
        order = [r.choice for r in rows]
        if choice not in order:
            order.append(choice)
        ranked = [(c, rank, None) for rank, c in enumerate(order, start=1)]
        await _set(session, survey, response, question, ranked)
        if len(order) == len(question.options):
            await _move_on(session, survey, response, question)
    return await _step(session, survey, response)


async def done(
    session: AsyncSession, response_id: int, user_id: int, question_id: int, now: datetime
) -> Step:
    """ "Done" on a multiple-choice question."""
    survey, response = await _own(session, response_id, user_id, now)
    question = _current(survey, response, question_id)
    rows = (await _answers(session, response.id)).get(question.id, [])
    if question.required and not rows:
        raise Refused(Refusal.NEED_ANSWER, await _step(session, survey, response))
    if any(r.choice == OTHER and not r.text for r in rows):
        response.awaiting = "other"
        raise Refused(Refusal.NEED_ANSWER, await _step(session, survey, response))
    response.updated_at = now
    await _move_on(session, survey, response, question)
    return await _step(session, survey, response)


async def reset(
    session: AsyncSession, response_id: int, user_id: int, question_id: int, now: datetime
) -> Step:
    """Start a question's answer again (a ranking pressed in the wrong order)."""
    survey, response = await _own(session, response_id, user_id, now)
    question = _current(survey, response, question_id)
    await _set(session, survey, response, question, [])
    response.awaiting = None
    return await _step(session, survey, response)


async def skip(
    session: AsyncSession, response_id: int, user_id: int, question_id: int, now: datetime
) -> Step:
    """Leave an optional question unanswered."""
    survey, response = await _own(session, response_id, user_id, now)
    question = _current(survey, response, question_id)
    if question.required:
        raise Refused(Refusal.NEED_ANSWER, await _step(session, survey, response))
    await _set(session, survey, response, question, [])
    await _move_on(session, survey, response, question)
    return await _step(session, survey, response)


async def back(session: AsyncSession, response_id: int, user_id: int, now: datetime) -> Step:
    """ "上一题": the question shown before the current one (answers kept)."""
    survey, response = await _own(session, response_id, user_id, now)
    shown = visible(survey, await _answers(session, response.id))
    current = survey.question(response.current_question)
    earlier = [q for q in shown if current is None or q.position < current.position]
    if earlier:
        response.current_question = earlier[-1].id
    response.awaiting = None
    response.updated_at = now
    return await _step(session, survey, response)


async def set_aside(session: AsyncSession, response_id: int, user_id: int, now: datetime) -> None:
    """The resident typed "取消": the response keeps its answers and its place, and stops
    waiting for text or a press (the next message is not taken as an answer); /surveys or the
    invitation's button resume it. (It is dated back past both windows; nothing else reads
    ``updated_at`` as a time of its own.)"""
    _, response = await _own(session, response_id, user_id, now)
    response.awaiting = None
    response.updated_at = now - max(TEXT_WINDOW, PRESS_WINDOW) - timedelta(seconds=1)


async def set_aside_waiting(session: AsyncSession, user_id: int, now: datetime) -> bool:
    """Another form, or a conversation with staff, was started: the response waiting for
    ``user_id``'s text or press (if any) is set aside as by "取消" (:func:`set_aside`: answers
    and place kept). Whether one was waiting."""
    response_id = await awaiting_text(session, user_id, now)
    if response_id is None:
        response_id = await awaiting_press(session, user_id, now)
    if response_id is None:
        return False
    await set_aside(session, response_id, user_id, now)
    return True


async def awaiting_text(session: AsyncSession, user_id: int, now: datetime) -> int | None:
    """The response (own, or paper being entered) waiting for typed text from ``user_id``.

    Only one touched in the last hour: text typed much later is more likely meant for
    something else (the free-text questions, another conversation) than for a survey left
    open on a text question.
    """
    mine = (SurveyResponse.user_id == user_id) & SurveyResponse.paper.is_(False)
    entering = (SurveyResponse.entered_by == user_id) & SurveyResponse.paper.is_(True)
    found = await session.scalar(
        select(SurveyResponse.id)
        .where(mine | entering, SurveyResponse.current_question.is_not(None))
        .where(SurveyResponse.awaiting.is_not(None) | _text_question())
        .where(SurveyResponse.status == ANSWERING, SurveyResponse.updated_at >= now - TEXT_WINDOW)
        .order_by(SurveyResponse.updated_at.desc())
        .limit(1)
    )
    return int(found) if found is not None else None


async def awaiting_press(session: AsyncSession, user_id: int, now: datetime) -> int | None:
    """The response (own, or paper being entered) whose current question waits for a button
    (a choice, a rating, a ranking) and was touched in the last :data:`PRESS_WINDOW`."""
    mine = (SurveyResponse.user_id == user_id) & SurveyResponse.paper.is_(False)
    entering = (SurveyResponse.entered_by == user_id) & SurveyResponse.paper.is_(True)
    found = await session.scalar(
        select(SurveyResponse.id)
        .where(mine | entering, SurveyResponse.current_question.is_not(None))
        .where(SurveyResponse.awaiting.is_(None), ~_text_question())
        .where(SurveyResponse.status == ANSWERING, SurveyResponse.updated_at >= now - PRESS_WINDOW)
        .order_by(SurveyResponse.updated_at.desc())
        .limit(1)
    )
    return int(found) if found is not None else None


async def awaiting_text_of(
    session: AsyncSession, user_ids: Sequence[int], now: datetime
) -> set[int]:
    """Of ``user_ids``, those for whom :func:`awaiting_text` or :func:`awaiting_press` may
    find a response (one query for a batch of updates: everyone else's text goes past the
    surveys unread)."""
    if not user_ids:
        return set()
    rows = await session.execute(
        _waiting_statement(), {"ids": padded(sorted(set(user_ids))), "since": now - TEXT_WINDOW}
    )
    found = (entered_by if paper else user_id for user_id, entered_by, paper in rows)
    return {int(user_id) for user_id in found if user_id is not None}


@cache
def _waiting_statement() -> Select[int | None, int | None, bool]:
    """Built once (building it cost more than running it): the ids and the time are bound."""
    ids: BindParameter[int] = bindparam("ids", expanding=True)
    mine = SurveyResponse.user_id.in_(ids) & SurveyResponse.paper.is_(False)
    entering = SurveyResponse.entered_by.in_(ids) & SurveyResponse.paper.is_(True)
    return (
        select(SurveyResponse.user_id, SurveyResponse.entered_by, SurveyResponse.paper)
        .where(mine | entering, SurveyResponse.current_question.is_not(None))
        .where(SurveyResponse.status == ANSWERING)
        .where(SurveyResponse.updated_at >= bindparam("since"))
    )  # any current question: PRESS_WINDOW is within TEXT_WINDOW


def _text_question() -> Any:
    return exists().where(
        SurveyQuestion.id == SurveyResponse.current_question, SurveyQuestion.kind == "text"
    )


def printable_text(text: str) -> str:
    """Typed text trimmed, control characters out (what would be stored, at any length)."""
    return "".join(ch for ch in text if ch.isprintable() or ch == "\n").strip()


def clean_text(text: str) -> str | None:
    """Typed text as stored: trimmed, control characters out; None when empty or too long."""
    cleaned = printable_text(text)
    if not cleaned or len(cleaned) > TEXT_CHARS:
        return None
    return cleaned


async def write_text(
    session: AsyncSession, response_id: int, user_id: int, text: str, now: datetime
) -> Step:
    """Typed text: the answer to a text question, or what "other" means."""
    survey, response = await _own(session, response_id, user_id, now)
    question = survey.question(response.current_question)
    cleaned = clean_text(text)
    if question is None or (question.kind != "text" and response.awaiting != "other"):
        raise Refused(Refusal.NOT_CURRENT)
    if cleaned is None:
        too_long = len(printable_text(text)) > TEXT_CHARS
        reason = Refusal.TOO_LONG if too_long else Refusal.BAD_TEXT
        raise Refused(reason, await _step(session, survey, response))
    response.updated_at = now
    if question.kind == "text":
        await _set(session, survey, response, question, [(None, None, cleaned)])
        await _move_on(session, survey, response, question)
        return await _step(session, survey, response)
    rows = (await _answers(session, response.id)).get(question.id, [])
    kept = [(r.choice, r.rank, cleaned if r.choice == OTHER else r.text) for r in rows]
    await _set(session, survey, response, question, kept)
    response.awaiting = None
    if question.kind == "single":
        await _move_on(session, survey, response, question)
    return await _step(session, survey, response)


def _day_start(moment: datetime, zone: tzinfo) -> datetime:
    """The start of ``moment``'s local day: all an anonymous response keeps of its times."""
    local = moment.astimezone(zone)
    return datetime.combine(local.date(), time(0), zone).astimezone(UTC)


async def _keep_profile(
    session: AsyncSession, survey: SurveyInfo, response_id: int, user_id: int, now: datetime
) -> None:
    answers = await _answers(session, response_id)
    values: dict[str, str | None] = {}
    for question in survey.questions:
        rows = answers.get(question.id, [])
        if question.profile and rows and rows[0].choice is not None and rows[0].choice >= 0:
            values[question.profile] = question.options[rows[0].choice][0]
    if values:
        await session.merge(SurveyProfile(user_id=user_id, updated_at=now, **values))


class Sent(enum.Enum):
    SENT = "sent"
    CHANGED = "changed"
    PAPER = "paper"


async def submit(
    session: AsyncSession,
    response_id: int,
    user_id: int,
    now: datetime,
    zone: tzinfo,
    keep_profile: bool = False,
) -> tuple[Sent, SurveyInfo]:
    """Send the response: answers of skipped branches dropped, counted from now on.

    An anonymous response loses its author here (``user_id`` NULL, times cut to the day);
    ``survey_participants`` records only that the resident took part.
    """
    survey, response = await _own(session, response_id, user_id, now)
    answers = await _answers(session, response.id)
    shown = visible(survey, answers)
    missing = [q for q in shown if q.required and not _answered(q, answers.get(q.id, []))]
    if missing:
        response.current_question = missing[0].id
        raise Refused(Refusal.NEED_ANSWER, await _step(session, survey, response))
    hidden = [q.id for q in survey.questions if q not in shown]
    if response.status == SUBMITTED:  # counted already: only the dropped branch comes off
        dropped = [row for q in hidden for row in answers.get(q, [])]
        await _tally(session, survey.id, dropped, -1)
    else:
        kept = [row for q in shown for row in answers.get(q.id, [])]
        await _tally(session, survey.id, kept, 1)
    if hidden:
        await session.execute(
            delete(SurveyAnswer).where(
                SurveyAnswer.response_id == response.id, SurveyAnswer.question_id.in_(hidden)
            )
        )
    await session.execute(
        update(SurveyAnswer).where(SurveyAnswer.response_id == response.id).values(counted=True)
    )
    session.info.get(_MEMO, {}).pop(response.id, None)
    outcome = Sent.CHANGED if response.status == SUBMITTED else Sent.SENT
    if response.paper:
        outcome = Sent.PAPER
    response.status, response.current_question, response.awaiting = SUBMITTED, None, None
    response.submitted_at = response.updated_at = now
    if not response.paper:
        if keep_profile:
            await _keep_profile(session, survey, response.id, user_id, now)
        await insert_ignore(
            session,
            SurveyParticipant.__table__,  # type: ignore[arg-type]
            {"survey_id": survey.id, "user_id": user_id},
            ["survey_id", "user_id"],
        )
    if survey.anonymous and not response.paper:
        day = _day_start(now, zone)
        response.user_id = None
        response.created_at = response.updated_at = response.submitted_at = day
    await session.flush()
    return outcome, survey


async def answers_of(session: AsyncSession, response_id: int) -> dict[int, list[SurveyAnswer]]:
    """The answers of one response by question id (the summary before sending)."""
    return await _answers(session, response_id)


# -- data rights (see bot/services/privacy.py) --------------------------------------------


def _answer_text(question: Question | None, rows: list[SurveyAnswer], lang: str) -> str:
    if question is None:
        return ""
    parts = []
    for row in rows:
        if row.text and row.choice in (None, OTHER):
            parts.append(row.text)
        elif question.kind == "rating" and row.choice is not None:
            parts.append(str(row.choice))
        elif row.choice is not None and 0 <= row.choice < len(question.options):
            parts.append(question.option(row.choice, lang))
    return (" > " if question.kind == "ranking" else "; ").join(parts)


class SurveyData:
    """A resident's own survey answers, their kept profile, and the surveys they took part in.

    Anonymous answers are not theirs any more (nothing links them): the export lists only the
    survey's title, and forgetting removes that participation row; the answers stay, without
    identity, so the results stay true.
    """

    name = "surveys"

    async def export(self, session: AsyncSession, user_id: int) -> dict[str, Any]:
        responses = await session.scalars(
            select(SurveyResponse).where(SurveyResponse.user_id == user_id)
        )
        exported = []
        for response in responses:
            survey = await load(session, response.survey_id)
            if survey is None:
                continue
            answers = await _answers(session, response.id)
            exported.append(
                {
                    "survey": survey.title_zh,
                    "status": response.status,
                    "sent": privacy.iso(response.submitted_at),
                    "answers": {
                        q.zh: _answer_text(q, answers[q.id], "zh")
                        for q in survey.questions
                        if q.id in answers
                    },
                }
            )
        anonymous = await session.scalars(
            select(Survey.title_zh)
            .join(SurveyParticipant, SurveyParticipant.survey_id == Survey.id)
            .where(SurveyParticipant.user_id == user_id, Survey.anonymous.is_(True))
        )
        profile = await session.get(SurveyProfile, user_id)
        return {
            "responses": exported,
            "anonymous_surveys_taken": list(anonymous),
            "profile": None
            if profile is None
            else {k: getattr(profile, k) for k in PROFILE_KEYS if getattr(profile, k)},
        }

    async def forget(self, session: AsyncSession, user_id: int, now: datetime) -> None:
        await self.forget_many(session, [user_id], now)

    async def forget_many(
        self, session: AsyncSession, user_ids: Sequence[int], now: datetime
    ) -> None:
        """One statement per kind of row for the whole batch (retention forgets thousands)."""
        people = list(user_ids)
        # Unsent answers go; sent ones stay for the results, without their author.
        await session.execute(
            delete(SurveyResponse).where(
                SurveyResponse.user_id.in_(people), SurveyResponse.status != SUBMITTED
            )
        )
        await session.execute(
            update(SurveyResponse)
            .where(SurveyResponse.user_id.in_(people))
            .values(user_id=None, created_at=now, updated_at=now)
        )
        await session.execute(
            update(SurveyResponse)
            .where(SurveyResponse.entered_by.in_(people))
            .values(entered_by=None)
        )
        await session.execute(
            delete(SurveyParticipant).where(SurveyParticipant.user_id.in_(people))
        )
        await session.execute(delete(SurveyProfile).where(SurveyProfile.user_id.in_(people)))

    def held(self, user_ids: Any, telegram_ids: Any) -> list[Any]:
        """What :meth:`forget_many` changes: privacy's probe."""
        return [
            exists().where(SurveyResponse.user_id.in_(user_ids)),
            exists().where(SurveyResponse.entered_by.in_(user_ids)),
            exists().where(SurveyParticipant.user_id.in_(user_ids)),
            exists().where(SurveyProfile.user_id.in_(user_ids)),
        ]

    async def retain(
        self, session: AsyncSession, now: datetime, settings: PrivacySettings, limit: int
    ) -> int:
        """Surveys closed more than ``identity_retention_days`` ago keep their results and
        nothing else about people: unsent responses are deleted, sent ones lose their author
        (and the staff member who typed a paper one) and their times become the closing
        time, and the rows of who took part go. At most ``limit`` of each kind per call
        (``privacy.apply_retention`` calls again while a kind is full)."""
        cutoff = now - timedelta(days=settings.identity_retention_days)
        old = select(Survey.id).where(Survey.status == CLOSED, Survey.closes_at < cutoff)
        unsent = list(
            await session.scalars(
                select(SurveyResponse.id)
                .where(SurveyResponse.survey_id.in_(old), SurveyResponse.status != SUBMITTED)
                .limit(limit)
            )
        )
        if unsent:
            await session.execute(delete(SurveyAnswer).where(SurveyAnswer.response_id.in_(unsent)))
            await session.execute(delete(SurveyResponse).where(SurveyResponse.id.in_(unsent)))
        named = list(
            await session.scalars(
                select(SurveyResponse.id)
                .where(
                    SurveyResponse.survey_id.in_(old),
                    SurveyResponse.user_id.is_not(None) | SurveyResponse.entered_by.is_not(None),
                )
                .limit(limit)
            )
        )
        if named:
            closing = (
                select(Survey.closes_at).where(Survey.id == SurveyResponse.survey_id)
            ).scalar_subquery()
            await session.execute(
                update(SurveyResponse)
                .where(SurveyResponse.id.in_(named))
                .values(
                    user_id=None,
                    entered_by=None,
                    created_at=closing,
                    updated_at=closing,
                    submitted_at=closing,
                )
            )
        took_part = (
            await session.execute(
                select(SurveyParticipant.survey_id, SurveyParticipant.user_id)
                .where(SurveyParticipant.survey_id.in_(old))
                .limit(limit)
            )
        ).all()
        by_survey: dict[int, list[int]] = {}
        for survey_id, user_id in took_part:
            by_survey.setdefault(survey_id, []).append(user_id)
        for survey_id, people in by_survey.items():
            await session.execute(
                delete(SurveyParticipant).where(
                    SurveyParticipant.survey_id == survey_id, SurveyParticipant.user_id.in_(people)
                )
            )
        return max(len(unsent), len(named), len(took_part))


DATA_SECTION = SurveyData()


# -- writing under load -------------------------------------------------------------------

T = TypeVar("T")
BUSY_RETRIES = 3


async def retrying(db: Database, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """``work`` in a write transaction, tried again when SQLite gave up waiting for its lock.

    SQLite's busy handler is not fair: with many residents answering at once, a writer can
    wait past the busy timeout (30 s) while others keep taking the lock (bench/bench_surveys.py
    lost 3 of 5,000 responses that way on a loaded machine). Nothing was written by the failed
    attempt (the transaction rolled back), so trying again is safe; any other error, and a
    refusal, goes to the caller at once.
    """
    for attempt in range(BUSY_RETRIES):
        try:
            async with db.transaction() as session:
                return await work(session)
        except OperationalError as error:
            if "locked" not in str(error.orig) or attempt == BUSY_RETRIES - 1:
                raise
            log.warning("survey write waited past SQLite's busy timeout; trying again")
    raise AssertionError("unreachable: the last attempt returns or raises")
