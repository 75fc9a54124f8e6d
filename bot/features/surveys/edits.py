"""Editing a survey (draft or open) without breaking the answers it already holds.

An answer is stored as (question id, option index), so an edit may change words but never
what an index means. Safe: the title and intro, question and option texts, the closing time,
options added at the end of a single- or multiple-choice question, questions added at the
end, a higher choice limit, making a question optional. Refused, with the reason and the
question's number: a question's type changed, a question removed, options removed that have
answers, options added to a ranking that has answers (its answers would be incomplete),
changed branching, profile questions, and (once published) anonymity, audience, or the
opening time of a survey already open. A closed survey is a record and is not edited.

An edit arrives as a whole :class:`SurveySpec` (from a corrected file, or the survey's own
spec with one change made in the chat, or with questions added by the chat builder): every
path is checked by :func:`definition.from_mapping` first, then by :func:`plan` here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.surveys import definition
from bot.features.surveys.definition import CHOICE_KINDS, QuestionSpec, SurveySpec
from bot.features.surveys.models import Survey, SurveyAnswer, SurveyQuestion
from bot.features.surveys.service import CLOSED, OTHER, PUBLISHED, Question, SurveyInfo, load
from bot.services import audit
from bot.services.holiday_calendar import HolidayCalendar
from bot.services.users import Profile
from bot.understanding import staff_input


class Refusal(StrEnum):
    """Why an edit cannot be made (catalog keys in ``texts.EDIT_REFUSAL_TEXTS``)."""

    CLOSED = "closed"
    GONE = "gone"
    KIND_CHANGED = "kind-changed"
    QUESTION_REMOVED = "question-removed"
    OPTION_REMOVED = "option-removed"
    RANKING_GROWN = "ranking-grown"
    LIMIT_LOWERED = "limit-lowered"
    BRANCH_CHANGED = "branch-changed"
    PROFILE_CHANGED = "profile-changed"
    ANONYMITY_CHANGED = "anonymity-changed"
    AUDIENCE_CHANGED = "audience-changed"
    OPENING_CHANGED = "opening-changed"
    CLOSES_PAST = "closes-past"
    NOTHING = "nothing"  # the edit changes nothing
    BAD_WHEN = "bad-when"  # a closing time not understood
    NOT_CHOICE = "not-choice"  # options added to a question that has none


class EditWhat(StrEnum):
    """The edits offered in the chat (``buttons.EditPick``)."""

    TITLE = "title"
    CLOSES = "closes"
    QUESTION_TEXT = "qtext"
    ADD_OPTION = "option"
    ADD_QUESTION = "question"
    FILE = "file"


# The edits that need a question picked first, and the ones that wait for typed text.
PER_QUESTION = frozenset({EditWhat.QUESTION_TEXT, EditWhat.ADD_OPTION})
TYPED = frozenset({EditWhat.TITLE, EditWhat.CLOSES, EditWhat.QUESTION_TEXT, EditWhat.ADD_OPTION})
TEXT_WINDOW = timedelta(hours=1)


@dataclass
class SurveyEdit:
    """An edit waiting for the organiser's text (or corrected file): kept in ``context.drafts``."""

    survey_id: int
    what: EditWhat
    number: int  # the question's number (non-profile questions from 1), or 0
    touched: datetime

    def waiting_for_text(self, now: datetime) -> bool:
        return self.what in TYPED and now - self.touched <= TEXT_WINDOW


@dataclass(frozen=True, slots=True)
class Problem:
    """One reason an edit is refused, and the question it concerns (its number, or 0)."""

    refusal: Refusal
    number: int = 0


class EditRefused(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(", ".join(p.refusal for p in problems))
        self.problems = problems


def spec_of(survey: SurveyInfo) -> SurveySpec:
    """A stored survey as the spec it was made from (what an edit in the chat starts from)."""
    intro = None
    if survey.intro_zh is not None and survey.intro_en is not None:
        intro = (survey.intro_zh, survey.intro_en)
    return SurveySpec(
        (survey.title_zh, survey.title_en),
        intro,
        survey.anonymous,
        survey.opens_at,
        survey.closes_at,
        survey.audience,
        survey.audience_param,
        [_question_spec(q) for q in survey.questions],
    )


def _question_spec(question: Question) -> QuestionSpec:
    return QuestionSpec(
        question.kind,
        question.zh,
        question.en,
        question.options,
        question.max_choices,
        question.allow_other,
        question.required,
        question.show_if_position,
        tuple(sorted(question.show_if_options)),
        question.profile,
    )


def recheck(spec: SurveySpec, zone: tzinfo) -> SurveySpec:
    """A spec changed in the chat, checked by the file's rules (raises SurveyFileError)."""
    return definition.from_mapping(definition.to_mapping(spec, zone), zone)


async def _answered(session: AsyncSession, survey_id: int) -> dict[int, set[int | None]]:
    """The choices that hold an answer (sent or not), by question id."""
    rows = await session.execute(
        select(SurveyAnswer.question_id, SurveyAnswer.choice)
        .where(SurveyAnswer.survey_id == survey_id)
        .distinct()
    )
    found: dict[int, set[int | None]] = {}
    for question_id, choice in rows:
        found.setdefault(question_id, set()).add(choice)
    return found


def _question_problems(
    number: int, old: Question, new: QuestionSpec, answered: set[int | None]
) -> list[Problem]:
    found: list[Refusal] = []
    if new.kind != old.kind:
        found.append(Refusal.KIND_CHANGED)
    if new.profile != old.profile:
        found.append(Refusal.PROFILE_CHANGED)
    shown_for = tuple(sorted(old.show_if_options))
    if (new.show_if_position, new.show_if_options) != (old.show_if_position, shown_for):
        found.append(Refusal.BRANCH_CHANGED)
    gone = {i for i in answered if i is not None and i >= len(new.options) and i != OTHER}
    if old.kind not in ("rating", "text") and (
        gone or (old.allow_other and not new.allow_other and OTHER in answered)
    ):
        found.append(Refusal.OPTION_REMOVED)
    if old.kind == "ranking" and answered and len(new.options) != len(old.options):
        found.append(Refusal.RANKING_GROWN)
    if old.kind == "multiple" and answered and (new.max_choices or 0) < (old.max_choices or 0):
        found.append(Refusal.LIMIT_LOWERED)
    return [Problem(refusal, number) for refusal in found]


def plan(
    survey: SurveyInfo, new: SurveySpec, answered: dict[int, set[int | None]], now: datetime
) -> list[Problem]:
    """Every reason the edit would break an answer or a promise ([]: it is safe)."""
    if survey.status == CLOSED:
        return [Problem(Refusal.CLOSED)]
    found: list[Problem] = []
    if survey.status == PUBLISHED:  # a draft has told no one anything yet
        if new.anonymous != survey.anonymous:
            found.append(Problem(Refusal.ANONYMITY_CHANGED))
        if (new.audience, new.audience_param) != (survey.audience, survey.audience_param):
            found.append(Problem(Refusal.AUDIENCE_CHANGED))
        if new.opens_at != survey.opens_at and (survey.opens_at <= now or new.opens_at <= now):
            found.append(Problem(Refusal.OPENING_CHANGED))
    if new.closes_at <= now:
        found.append(Problem(Refusal.CLOSES_PAST))
    if len(new.questions) < len(survey.questions):
        found.append(Problem(Refusal.QUESTION_REMOVED))
    asked = sum(1 for q in survey.questions if q.profile)
    for position, (old, spec) in enumerate(zip(survey.questions, new.questions, strict=False), 1):
        number = position - asked if not old.profile else 0
        found += _question_problems(number, old, spec, answered.get(old.id, set()))
    if not found and new == spec_of(survey):
        found.append(Problem(Refusal.NOTHING))
    return found


def _options(question: QuestionSpec) -> str | None:
    return json.dumps(question.options, ensure_ascii=False) if question.options else None


async def apply(
    session: AsyncSession,
    survey_id: int,
    new: SurveySpec,
    actor: Profile,
    now: datetime,
    what: str,
) -> SurveyInfo:
    """Make a checked edit (raises :class:`EditRefused`), audited with ``what`` was edited.

    The survey row is locked first, so two organisers editing at once apply one after the
    other and the second is checked against the first's result.
    """
    row = await session.get(Survey, survey_id, with_for_update=True)
    survey = await load(session, survey_id) if row is not None else None
    if row is None or survey is None:
        raise EditRefused([Problem(Refusal.GONE)])
    problems = plan(survey, new, await _answered(session, survey_id), now)
    if problems:
        raise EditRefused(problems)
    row.title_zh, row.title_en = new.title
    row.intro_zh, row.intro_en = new.intro if new.intro else (None, None)
    row.opens_at = new.opens_at.astimezone(UTC)
    row.closes_at = new.closes_at.astimezone(UTC)  # the one reminder is not sent again
    for old, spec in zip(survey.questions, new.questions, strict=False):
        await session.execute(
            update(SurveyQuestion)
            .where(SurveyQuestion.id == old.id)
            .values(
                text_zh=spec.zh,
                text_en=spec.en,
                options=_options(spec),
                max_choices=spec.max_choices,
                allow_other=spec.allow_other,
                required=spec.required,
            )
        )
    for position, spec in enumerate(
        new.questions[len(survey.questions) :], len(survey.questions) + 1
    ):
        session.add(
            SurveyQuestion(
                survey_id=survey_id,
                position=position,
                kind=spec.kind,
                text_zh=spec.zh,
                text_en=spec.en,
                options=_options(spec),
                max_choices=spec.max_choices,
                allow_other=spec.allow_other,
                required=spec.required,
                show_if_position=spec.show_if_position,
                show_if_options=json.dumps(list(spec.show_if_options))
                if spec.show_if_position
                else None,
                profile=spec.profile,
            )
        )
    added = len(new.questions) - len(survey.questions)
    await audit.record(
        session,
        actor_id=actor.id,
        actor_name=actor.first_name,
        action="survey.edit",
        subject=f"survey:{survey_id}",
        now=now,
        details={"what": what, "questions_added": added},
    )
    await session.flush()
    edited = await load(session, survey_id)
    assert edited is not None
    return edited


# -- the few edits made in the chat, each a change of the survey's own spec ---------------


def _halves(text: str) -> tuple[str, str]:
    """ "中文 / English" as both languages; one text serves both (as in a survey file)."""
    return definition.split_pair(text) or (text.strip(), text.strip())


def with_title(spec: SurveySpec, text: str) -> SurveySpec:
    return replace(spec, title=_halves(text))


def with_closing(spec: SurveySpec, closes: datetime) -> SurveySpec:
    return replace(spec, closes_at=closes)


def with_question_text(spec: SurveySpec, index: int, text: str) -> SurveySpec:
    zh, en = _halves(text)
    questions = list(spec.questions)
    questions[index] = replace(questions[index], zh=zh, en=en)
    return replace(spec, questions=questions)


def with_options_added(spec: SurveySpec, index: int, lines: list[str]) -> SurveySpec:
    added = [_halves(line) for line in lines]
    questions = list(spec.questions)
    question = questions[index]
    questions[index] = replace(question, options=(*question.options, *added))
    return replace(spec, questions=questions)


def with_questions_added(spec: SurveySpec, raw: list[dict[str, Any]], zone: tzinfo) -> SurveySpec:
    """The chat builder's new questions after the survey's own (checked again as a whole)."""
    mapping = definition.to_mapping(spec, zone)
    mapping["questions"] = [*mapping["questions"], *raw]
    return definition.from_mapping(mapping, zone)


def raw_questions(spec: SurveySpec, zone: tzinfo) -> list[dict[str, Any]]:
    """The survey's own questions in the file's shape (the builder's branch targets)."""
    questions: list[dict[str, Any]] = definition.to_mapping(spec, zone)["questions"]
    return questions


def question_index(survey: SurveyInfo, number: int) -> int | None:
    """The index in ``survey.questions`` of the question numbered ``number`` (profile
    questions are not numbered: they are the centre's, not the survey's)."""
    asked = sum(1 for q in survey.questions if q.profile)
    index = asked + number - 1
    return index if number >= 1 and index < len(survey.questions) else None


def changed_spec(
    survey: SurveyInfo,
    edit: SurveyEdit,
    text: str,
    now: datetime,
    zone: tzinfo,
    calendar: HolidayCalendar,
) -> SurveySpec:
    """The survey with the organiser's typed change, checked by the file's rules (raises
    ``SurveyFileError``, or :class:`EditRefused` for a time or a question it cannot use)."""
    spec = spec_of(survey)
    text = text.strip()
    if edit.what is EditWhat.TITLE:
        return recheck(with_title(spec, text), zone)
    if edit.what is EditWhat.CLOSES:
        closes = staff_input.parse_moment(text[:200], now, zone, calendar, end_of_day=True)
        if closes is None:
            raise EditRefused([Problem(Refusal.BAD_WHEN)])
        return recheck(with_closing(spec, closes), zone)
    index = question_index(survey, edit.number)
    if index is None:
        raise EditRefused([Problem(Refusal.GONE)])
    if edit.what is EditWhat.QUESTION_TEXT:
        return recheck(with_question_text(spec, index, text), zone)
    if survey.questions[index].kind not in (*CHOICE_KINDS, "ranking"):
        raise EditRefused([Problem(Refusal.NOT_CHOICE, edit.number)])
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return recheck(with_options_added(spec, index, lines), zone)


async def _locked(session: AsyncSession, survey_id: int) -> SurveyInfo:
    """The survey, its row locked first (two organisers' edits apply one after the other)."""
    row = await session.get(Survey, survey_id, with_for_update=True)
    survey = await load(session, survey_id) if row is not None else None
    if survey is None:
        raise EditRefused([Problem(Refusal.GONE)])
    return survey


async def edit_by_text(
    session: AsyncSession,
    edit: SurveyEdit,
    text: str,
    actor: Profile,
    now: datetime,
    zone: tzinfo,
    calendar: HolidayCalendar,
) -> SurveyInfo:
    """The organiser's typed edit (a title, a closing time, a question's text, options)."""
    survey = await _locked(session, edit.survey_id)
    new = changed_spec(survey, edit, text, now, zone, calendar)
    return await apply(session, edit.survey_id, new, actor, now, edit.what.value)


async def add_questions(
    session: AsyncSession,
    survey_id: int,
    raw: list[dict[str, Any]],
    actor: Profile,
    now: datetime,
    zone: tzinfo,
) -> SurveyInfo:
    """Questions built in the chat, added at the end of the survey."""
    survey = await _locked(session, survey_id)
    new = with_questions_added(spec_of(survey), raw, zone)
    return await apply(session, survey_id, new, actor, now, EditWhat.ADD_QUESTION.value)


async def edit_from_file(
    session: AsyncSession, survey_id: int, new: SurveySpec, actor: Profile, now: datetime
) -> SurveyInfo:
    """A corrected file for an existing survey: whatever it changes, by the same rules."""
    await _locked(session, survey_id)
    return await apply(session, survey_id, new, actor, now, EditWhat.FILE.value)
