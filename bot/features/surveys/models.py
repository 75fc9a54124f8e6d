"""The tables of surveys: questions, responses, answers, who took part, reusable profiles.

Anonymity is a property of the rows, not a promise in the code: once an anonymous response is
sent, ``survey_responses.user_id`` is NULL and its times are cut to the day, and the only row
that still names the resident is ``survey_participants`` (survey and person, no time, no
response id), which says *that* they answered, never *what*.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base, BigIntPK, UTCDateTime


class Survey(Base):
    """One questionnaire: bilingual texts, audience, opening times and its life cycle."""

    __tablename__ = "surveys"
    __table_args__ = (Index("ix_surveys_status_closes", "status", "closes_at"),)

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    title_zh: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200))
    intro_zh: Mapped[str | None] = mapped_column(Text)
    intro_en: Mapped[str | None] = mapped_column(Text)
    anonymous: Mapped[bool] = mapped_column(default=False)
    # everyone | topic | course | event, with the topic name or the course/event id
    audience: Mapped[str] = mapped_column(String(16), default="everyone")
    audience_param: Mapped[str | None] = mapped_column(String(32))
    opens_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closes_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(12), default="draft")  # draft|published|closed
    created_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    invited_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SurveyQuestion(Base):
    """One question; ``show_if_*``: shown only when an earlier answer picked one of options."""

    __tablename__ = "survey_questions"
    __table_args__ = (UniqueConstraint("survey_id", "position"),)

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column()  # 1, 2, … in the order asked
    kind: Mapped[str] = mapped_column(String(12))  # single|multiple|rating|ranking|text
    text_zh: Mapped[str] = mapped_column(Text)
    text_en: Mapped[str] = mapped_column(Text)
    options: Mapped[str | None] = mapped_column(Text)  # JSON [[zh, en], …]
    max_choices: Mapped[int | None] = mapped_column()
    allow_other: Mapped[bool] = mapped_column(default=False)  # "other, please say"
    required: Mapped[bool] = mapped_column(default=True)
    show_if_position: Mapped[int | None] = mapped_column()
    show_if_options: Mapped[str | None] = mapped_column(String(200))  # JSON [option index, …]
    profile: Mapped[str | None] = mapped_column(String(12))  # committee|building|age_band


class SurveyResponse(Base):
    """One submission (or one being written): by a resident in the chat, or a paper one.

    ``user_id`` is the respondent while they answer; NULL for paper responses and for an
    anonymous response once sent. ``current_question`` and ``awaiting`` are where the
    resident stands, so an answer survives a restart.
    """

    __tablename__ = "survey_responses"
    __table_args__ = (
        UniqueConstraint("survey_id", "user_id"),
        Index("ix_survey_responses_survey_status", "survey_id", "status"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    paper: Mapped[bool] = mapped_column(default=False)
    entered_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(12), default="answering")  # answering|submitted
    current_question: Mapped[int | None] = mapped_column()
    awaiting: Mapped[str | None] = mapped_column(String(8))  # text | other: typed text expected
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SurveyAnswer(Base):
    """One picked option (or rating, rank, text) of one response to one question.

    ``counted`` is true once the response was sent, so results never join the responses;
    ``choice`` is the option's index (-1: "other", with ``text``), or the rating 1-5.
    """

    __tablename__ = "survey_answers"
    __table_args__ = (
        # Both cover the results' queries: counts (and rank sums) by question and choice,
        # and how many respondents answered a multiple-choice or ranking question.
        Index(
            "ix_survey_answers_survey_counted",
            "survey_id",
            "counted",
            "question_id",
            "choice",
            "rank",
        ),
        Index("ix_survey_answers_response_question", "response_id", "question_id"),
        Index("ix_survey_answers_question", "question_id", "counted", "response_id"),
    )

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"))
    response_id: Mapped[int] = mapped_column(ForeignKey("survey_responses.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("survey_questions.id", ondelete="CASCADE"))
    choice: Mapped[int | None] = mapped_column()
    rank: Mapped[int | None] = mapped_column()
    text: Mapped[str | None] = mapped_column(Text)
    counted: Mapped[bool] = mapped_column(default=False)


class SurveyParticipant(Base):
    """That a resident sent a survey (one submission each; the reminder skips them).

    No time and no response id on purpose: for an anonymous survey this row must not lead
    to the answers.
    """

    __tablename__ = "survey_participants"
    __table_args__ = (Index("ix_survey_participants_user", "user_id"),)

    survey_id: Mapped[int] = mapped_column(
        ForeignKey("surveys.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )


class SurveyProfile(Base):
    """A resident's 居委会, building and age band, kept only with their consent for reuse."""

    __tablename__ = "survey_profiles"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    committee: Mapped[str | None] = mapped_column(String(64))
    building: Mapped[str | None] = mapped_column(String(64))
    age_band: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SurveyTally(Base):
    """Running counts of the sent answers: respondents (and rank sums) per question and
    choice, kept in the transaction that changes the answers, so results read a few rows
    instead of counting 500,000 (``choice`` -100: respondents who answered the question)."""

    __tablename__ = "survey_tallies"
    __table_args__ = (Index("ix_survey_tallies_survey", "survey_id"),)

    question_id: Mapped[int] = mapped_column(
        ForeignKey("survey_questions.id", ondelete="CASCADE"), primary_key=True
    )
    choice: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"))
    respondents: Mapped[int] = mapped_column(default=0)
    rank_sum: Mapped[int] = mapped_column(default=0)
