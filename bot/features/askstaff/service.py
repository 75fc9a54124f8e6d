"""Questions passed from a resident to a person, and the staff's answers.

Everything is in the database (``staff_questions``), so nothing is lost across a restart.
State changes are conditional UPDATEs: a question is sent once however often the button is
pressed, and answered once however many staff answer at the same moment.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.askstaff.models import StaffQuestion, Ticket
from bot.features.askstaff.quoted import QuotedNumber, number_of_reply
from bot.i18n import Catalog
from bot.services import outbox, privacy, users
from bot.settings import PrivacySettings
from bot.storage.models import OutboxMessage, User

MAX_QUESTION = 1000
MAX_ANSWER = 2000
DRAFT_LIFETIME = timedelta(days=1)  # an offer to pass a question on is valid this long
OPEN_LIST_LIMIT = 20
SOURCE_PREFIX = "ask:"  # outbox source of a question's notices and answer


class Status(StrEnum):
    """A question's life (``staff_questions.status``)."""

    DRAFT = "draft"  # offered under an unanswered text, not yet sent
    OPEN = "open"
    ANSWERED = "answered"


class Refusal(StrEnum):
    """Why a question or an answer is refused (each has its text in the handlers)."""

    EMPTY = "empty"
    TOO_LONG = "too_long"
    ANSWER_EMPTY = "answer_empty"
    ANSWER_TOO_LONG = "answer_too_long"
    NOT_FOUND = "not_found"
    ALREADY_ANSWERED = "already_answered"


class AskError(ValueError):
    """Refused input; ``code`` says why."""

    def __init__(self, code: Refusal) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True, slots=True)
class Question:
    """A question as the handlers see it."""

    id: int
    asker_name: str
    asker_telegram_id: int
    asker_language: str
    chat_id: int
    text: str
    status: str
    asked_at: datetime | None
    answer: str | None = None
    answered_by_name: str | None = None


def clean_text(text: str, limit: int, empty_code: Refusal, long_code: Refusal) -> str:
    text = text.strip()
    if not text:
        raise AskError(empty_code)
    if len(text) > limit:
        raise AskError(long_code)
    return text


async def _question(session: AsyncSession, question_id: int) -> Question | None:
    row = (
        await session.execute(
            select(StaffQuestion, User)
            .join(User, User.id == StaffQuestion.user_id)
            .where(StaffQuestion.id == question_id)
        )
    ).first()
    if row is None:
        return None
    question, asker = row
    answerer = None
    if question.answered_by is not None:
        answerer = await session.scalar(
            select(User.first_name).where(User.id == question.answered_by)
        )
    return Question(
        id=question.id,
        asker_name=asker.first_name,
        asker_telegram_id=asker.telegram_id,
        asker_language=asker.language,
        chat_id=question.chat_id if question.chat_id is not None else asker.telegram_id,
        text=question.text,
        status=question.status,
        asked_at=question.asked_at,
        answer=question.answer,
        answered_by_name=answerer,
    )


async def save_draft(
    session: AsyncSession, user_id: int, chat_id: int, text: str, now: datetime
) -> int:
    """Keep a question the bot could not answer, so the resident can pass it on with a press.
    It is kept whole, however long (at most a Telegram message): nothing they wrote is lost.

    Old unsent drafts are deleted on the way: a question never sent is not kept.
    """
    await session.execute(
        delete(StaffQuestion).where(
            StaffQuestion.status == Status.DRAFT, StaffQuestion.created_at < now - DRAFT_LIFETIME
        )
    )
    row = StaffQuestion(
        user_id=user_id,
        chat_id=chat_id,
        text=text.strip(),  # whole: a long one goes to staff in parts
        status=Status.DRAFT,
        created_at=now,
    )
    session.add(row)
    await session.flush()
    return row.id


async def send_draft(
    session: AsyncSession, draft_id: int, user_id: int, now: datetime
) -> Question | None:
    """Turn the resident's own, still valid draft into an open question; ``None`` otherwise."""
    result = await session.execute(
        update(StaffQuestion)
        .where(
            StaffQuestion.id == draft_id,
            StaffQuestion.user_id == user_id,
            StaffQuestion.status == Status.DRAFT,
            StaffQuestion.created_at >= now - DRAFT_LIFETIME,
        )
        .values(status=Status.OPEN, asked_at=now)
        .returning(StaffQuestion.id)
    )
    if result.scalar_one_or_none() is None:
        return None
    return await _question(session, draft_id)


async def take_draft(
    session: AsyncSession, draft_id: int, user_id: int, now: datetime
) -> str | None:
    """The resident's own valid draft, removed (it becomes a ticket's first message)."""
    result = await session.execute(
        delete(StaffQuestion)
        .where(
            StaffQuestion.id == draft_id,
            StaffQuestion.user_id == user_id,
            StaffQuestion.status == "draft",
            StaffQuestion.created_at >= now - DRAFT_LIFETIME,
        )
        .returning(StaffQuestion.text)
    )
    return result.scalar_one_or_none()


async def ask(
    session: AsyncSession, user_id: int, chat_id: int, text: str, now: datetime
) -> Question:
    """A question typed with /ask: stored open at once."""
    text = clean_text(text, MAX_QUESTION, Refusal.EMPTY, Refusal.TOO_LONG)
    row = StaffQuestion(
        user_id=user_id,
        chat_id=chat_id,
        text=text,
        status=Status.OPEN,
        created_at=now,
        asked_at=now,
    )
    session.add(row)
    await session.flush()
    question = await _question(session, row.id)
    assert question is not None
    return question


async def answer(
    session: AsyncSession, question_id: int, staff_user_id: int, text: str, now: datetime
) -> Question:
    """Record the answer if the question is still open (only the first answer counts)."""
    text = clean_text(text, MAX_ANSWER, Refusal.ANSWER_EMPTY, Refusal.ANSWER_TOO_LONG)
    result = await session.execute(
        update(StaffQuestion)
        .where(StaffQuestion.id == question_id, StaffQuestion.status == Status.OPEN)
        .values(status=Status.ANSWERED, answer=text, answered_by=staff_user_id, answered_at=now)
        .returning(StaffQuestion.id)
    )
    if result.scalar_one_or_none() is None:
        existing = await _question(session, question_id)
        if existing is None or existing.status == Status.DRAFT:
            raise AskError(Refusal.NOT_FOUND)
        raise AskError(Refusal.ALREADY_ANSWERED)
    question = await _question(session, question_id)
    assert question is not None
    return question


async def open_questions(session: AsyncSession, limit: int = OPEN_LIST_LIMIT) -> list[Question]:
    """The oldest open questions first."""
    ids = await session.scalars(
        select(StaffQuestion.id)
        .where(StaffQuestion.status == Status.OPEN)
        .order_by(StaffQuestion.asked_at, StaffQuestion.id)
        .limit(limit)
    )
    found = [await _question(session, question_id) for question_id in list(ids)]
    return [q for q in found if q is not None]


def _question_of_source(source: str) -> int | None:
    number = source.removeprefix(SOURCE_PREFIX)
    return int(number) if source.startswith(SOURCE_PREFIX) and number.isdigit() else None


@functools.cache
def _notices(catalog: Catalog) -> QuotedNumber:
    return QuotedNumber(
        catalog,
        ["ask-staff-notice", "ask-staff-notice-part"],
        others=["name", "text", "part", "parts"],
    )


async def question_of_notice(
    session: AsyncSession, chat_id: int, message_id: int, quoted: str | None, catalog: Catalog
) -> int | None:
    """The question a staff notification message is about: from the outbox's record of what
    it sent, or (no record yet) the "❓ #<id>" the notice's text ``quoted`` names."""
    return await number_of_reply(
        session, chat_id, message_id, quoted,
        of_source=_question_of_source, reader=_notices(catalog),
    )  # fmt: skip


# Where a long question is best cut, best first: a line's or a sentence's end, a clause's, a word's.
_BREAKS = ("\n", "。", "！", "？", ". ", "! ", "? ", "；", "; ", "，", ", ", "、", " ")


def in_parts(text: str, size: int = MAX_QUESTION) -> list[str]:
    """``text`` in pieces of at most ``size`` characters, each cut near its end after a line
    break, a sentence's end, a clause's or a word's where there is one; joined, they are
    ``text``."""
    parts: list[str] = []
    while len(text) > size:
        window = text[size * 4 // 5 : size]
        cut = size  # one endless word: cut where it must be
        for mark in _BREAKS:
            found = window.rfind(mark)
            if found >= 0:
                cut = size * 4 // 5 + found + len(mark)
                break
        parts.append(text[:cut])
        text = text[cut:]
    parts.append(text)
    return parts


def shortened(text: str, size: int = MAX_QUESTION) -> str:
    """``text`` as a reminder of at most ``size`` characters, with "…" when shortened."""
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


async def enqueue_staff_notices(
    session: AsyncSession, question: Question, catalog: Catalog, now: datetime
) -> int:
    """Owe every staff member a notice of ``question``, in the question's transaction; a
    question longer than one notice takes (a long complaint passed on with a press) comes in
    numbered parts, each answerable (a catalog placeable is cut past 2,500 characters, and a
    message past 4,096)."""
    recipients = await staff_recipients(session)
    parts = in_parts(question.text)
    for telegram_id, language in recipients:
        for number, part in enumerate(parts, start=1):
            if len(parts) == 1:
                text = catalog.text(
                    language, "ask-staff-notice",
                    id=str(question.id), name=question.asker_name, text=part,
                )  # fmt: skip
            else:
                text = catalog.text(
                    language, "ask-staff-notice-part",
                    id=str(question.id), name=question.asker_name, text=part,
                    part=str(number), parts=str(len(parts)),
                )  # fmt: skip
            key = f"{SOURCE_PREFIX}{question.id}:staff:{telegram_id}"
            await outbox.enqueue(
                session,
                chat_id=telegram_id,
                text=text,
                source=f"{SOURCE_PREFIX}{question.id}",
                now=now,
                dedupe_key=key if number == 1 else f"{key}:{number}",
            )
    return len(recipients)


async def enqueue_answer(
    session: AsyncSession, question: Question, catalog: Catalog, now: datetime
) -> None:
    """Owe the resident the answer, in the answer's transaction (their question shortened
    to a reminder when long: it is in their chat, and the answer must fit a message)."""
    await outbox.enqueue(
        session,
        chat_id=question.chat_id,
        text=catalog.text(
            question.asker_language,
            "ask-answer-to-resident",
            id=str(question.id),
            question=shortened(question.text),
            answer=question.answer or "",
            name=question.answered_by_name or "",
        ),
        source=f"{SOURCE_PREFIX}{question.id}",
        now=now,
        dedupe_key=f"{SOURCE_PREFIX}{question.id}:answer",
    )


async def staff_recipients(session: AsyncSession) -> list[tuple[int, str]]:
    """``(telegram_id, language)`` of everyone who holds the staff role (admins included)."""
    return [
        (telegram_id, language)
        for telegram_id, language, roles in await users.staff_chats(session)
        if "staff" in roles or "admin" in roles
    ]


# -- data rights (see bot/services/privacy.py) -----------------------------------------------


class QuestionData:
    """The questions a resident passed to a person, and the answers they got."""

    name = "questions"

    async def export(self, session: AsyncSession, user_id: int) -> dict[str, Any]:
        rows = await session.scalars(
            select(StaffQuestion)
            .where(StaffQuestion.user_id == user_id)
            .order_by(StaffQuestion.created_at, StaffQuestion.id)
        )
        return {
            "questions": [
                {
                    "question": q.text,
                    "status": q.status,
                    "written": privacy.iso(q.created_at),
                    "asked": privacy.iso(q.asked_at),
                    "answer": q.answer,
                    "answered": privacy.iso(q.answered_at),
                }
                for q in rows
            ]
        }

    async def forget(self, session: AsyncSession, user_id: int, now: datetime) -> None:
        await self.forget_many(session, [user_id], now)

    async def forget_many(
        self, session: AsyncSession, user_ids: Sequence[int], now: datetime
    ) -> None:
        """Delete their questions, and the staff notices that named them and quoted them."""
        people = list(user_ids)
        ids = list(
            await session.scalars(select(StaffQuestion.id).where(StaffQuestion.user_id.in_(people)))
        )
        for start in range(0, len(ids), 500):
            sources = [f"{SOURCE_PREFIX}{n}" for n in ids[start : start + 500]]
            await privacy.delete_messages(session, OutboxMessage.source.in_(sources))
        await session.execute(delete(StaffQuestion).where(StaffQuestion.user_id.in_(people)))

    def held(self, user_ids: Any, telegram_ids: Any) -> list[Any]:
        """Their questions (the staff notices about them are found from them): privacy's
        probe."""
        return [select(StaffQuestion.id).where(StaffQuestion.user_id.in_(user_ids)).exists()]

    async def retain(
        self, session: AsyncSession, now: datetime, settings: PrivacySettings, limit: int
    ) -> int:
        """Answered questions older than the retention lose the asker (the question and the
        answer stay, with the asker's names scrubbed from both); stale drafts are deleted.
        At most ``limit`` of each per call."""
        cutoff = now - timedelta(days=settings.identity_retention_days)
        stale = (
            select(StaffQuestion.id)
            .where(
                StaffQuestion.status == Status.DRAFT,
                StaffQuestion.created_at < now - DRAFT_LIFETIME,
            )
            .limit(limit)
        )
        drafts = await session.execute(
            delete(StaffQuestion)
            .where(StaffQuestion.id.in_(list(await session.scalars(stale))))
            .returning(StaffQuestion.id)
        )
        touched = len(drafts.all())
        old = list(
            await session.scalars(
                select(StaffQuestion)
                .where(
                    StaffQuestion.status == Status.ANSWERED,
                    StaffQuestion.answered_at < cutoff,
                    StaffQuestion.user_id.is_not(None),
                )
                .order_by(StaffQuestion.id)
                .limit(limit)
            )
        )
        for question in old:
            assert question.user_id is not None
            who = await privacy.identity(session, question.user_id)
            if who is not None:
                question.text = privacy.scrub_text(question.text, who)
                question.answer = privacy.scrub_text(question.answer or "", who) or None
            question.user_id = None
            question.chat_id = None
        await session.flush()
        return touched + len(old)


DATA_SECTION = QuestionData()


async def oldest_waiting(session: AsyncSession) -> datetime | None:
    """When the oldest question still waiting for staff was asked, for ``/metrics``: open
    questions, and tickets whose resident wrote last (open or claimed)."""
    question = await session.scalar(
        select(func.min(StaffQuestion.asked_at)).where(StaffQuestion.status == Status.OPEN)
    )
    ticket = await session.scalar(
        select(func.min(Ticket.last_resident_at)).where(Ticket.status.in_(("open", "claimed")))
    )
    return min((t for t in (question, ticket) if t is not None), default=None)
