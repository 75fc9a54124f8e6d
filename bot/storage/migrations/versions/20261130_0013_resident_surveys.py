"""resident surveys: questions, responses, answers, participants, reusable profiles

Issue 17. An anonymous response keeps no user id once sent; ``survey_participants`` (survey,
person; no time) says who answered, for one submission each and the reminder.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30 03:30:00
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

import bot.storage.base

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _at(name: str, nullable: bool = False) -> sa.Column[Any]:
    return sa.Column(name, bot.storage.base.UTCDateTime(timezone=True), nullable=nullable)


def _pk() -> sa.Column[Any]:
    return sa.Column("id", ID, autoincrement=True, nullable=False)


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete=ondelete,
    )


def upgrade() -> None:
    op.create_table(
        "surveys",
        _pk(),
        sa.Column("title_zh", sa.String(length=200), nullable=False),
        sa.Column("title_en", sa.String(length=200), nullable=False),
        sa.Column("intro_zh", sa.Text(), nullable=True),
        sa.Column("intro_en", sa.Text(), nullable=True),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("audience", sa.String(length=16), nullable=False),
        sa.Column("audience_param", sa.String(length=32), nullable=True),
        _at("opens_at"),
        _at("closes_at"),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_by", ID, nullable=True),
        _at("created_at"),
        _at("published_at", True),
        _at("invited_at", True),
        _at("reminded_at", True),
        _at("closed_at", True),
        _fk("surveys", "created_by", "users", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_surveys")),
    )
    with op.batch_alter_table("surveys", schema=None) as batch_op:
        batch_op.create_index("ix_surveys_status_closes", ["status", "closes_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_surveys_created_by"), ["created_by"], unique=False)

    op.create_table(
        "survey_questions",
        _pk(),
        sa.Column("survey_id", ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("text_zh", sa.Text(), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.Column("options", sa.Text(), nullable=True),
        sa.Column("max_choices", sa.Integer(), nullable=True),
        sa.Column("allow_other", sa.Boolean(), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("show_if_position", sa.Integer(), nullable=True),
        sa.Column("show_if_options", sa.String(length=200), nullable=True),
        sa.Column("profile", sa.String(length=12), nullable=True),
        _fk("survey_questions", "survey_id", "surveys", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_questions")),
        sa.UniqueConstraint("survey_id", "position", name=op.f("uq_survey_questions_survey_id")),
    )

    op.create_table(
        "survey_responses",
        _pk(),
        sa.Column("survey_id", ID, nullable=False),
        sa.Column("user_id", ID, nullable=True),
        sa.Column("paper", sa.Boolean(), nullable=False),
        sa.Column("entered_by", ID, nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("current_question", sa.Integer(), nullable=True),
        sa.Column("awaiting", sa.String(length=8), nullable=True),
        _at("created_at"),
        _at("updated_at"),
        _at("submitted_at", True),
        _fk("survey_responses", "survey_id", "surveys", "CASCADE"),
        _fk("survey_responses", "user_id", "users", "CASCADE"),
        _fk("survey_responses", "entered_by", "users", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_responses")),
        sa.UniqueConstraint("survey_id", "user_id", name=op.f("uq_survey_responses_survey_id")),
    )
    with op.batch_alter_table("survey_responses", schema=None) as batch_op:
        batch_op.create_index(
            "ix_survey_responses_survey_status", ["survey_id", "status"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_survey_responses_user_id"), ["user_id"])
        batch_op.create_index(batch_op.f("ix_survey_responses_entered_by"), ["entered_by"])

    op.create_table(
        "survey_answers",
        _pk(),
        sa.Column("survey_id", ID, nullable=False),
        sa.Column("response_id", ID, nullable=False),
        sa.Column("question_id", ID, nullable=False),
        sa.Column("choice", sa.Integer(), nullable=True),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("counted", sa.Boolean(), nullable=False),
        _fk("survey_answers", "survey_id", "surveys", "CASCADE"),
        _fk("survey_answers", "response_id", "survey_responses", "CASCADE"),
        _fk("survey_answers", "question_id", "survey_questions", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_answers")),
    )
    with op.batch_alter_table("survey_answers", schema=None) as batch_op:
        batch_op.create_index(
            "ix_survey_answers_survey_counted",
            ["survey_id", "counted", "question_id", "choice", "rank"],
        )
        batch_op.create_index("ix_survey_answers_response_question", ["response_id", "question_id"])
        batch_op.create_index(
            "ix_survey_answers_question", ["question_id", "counted", "response_id"]
        )

    op.create_table(
        "survey_tallies",
        sa.Column("question_id", ID, nullable=False),
        sa.Column("choice", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("survey_id", ID, nullable=False),
        sa.Column("respondents", sa.Integer(), nullable=False),
        sa.Column("rank_sum", sa.Integer(), nullable=False),
        _fk("survey_tallies", "question_id", "survey_questions", "CASCADE"),
        _fk("survey_tallies", "survey_id", "surveys", "CASCADE"),
        sa.PrimaryKeyConstraint("question_id", "choice", name=op.f("pk_survey_tallies")),
    )
    with op.batch_alter_table("survey_tallies", schema=None) as batch_op:
        batch_op.create_index("ix_survey_tallies_survey", ["survey_id"])

    op.create_table(
        "survey_participants",
        sa.Column("survey_id", ID, nullable=False),
        sa.Column("user_id", ID, nullable=False),
        _fk("survey_participants", "survey_id", "surveys", "CASCADE"),
        _fk("survey_participants", "user_id", "users", "CASCADE"),
        sa.PrimaryKeyConstraint("survey_id", "user_id", name=op.f("pk_survey_participants")),
    )
    with op.batch_alter_table("survey_participants", schema=None) as batch_op:
        batch_op.create_index("ix_survey_participants_user", ["user_id"])

    op.create_table(
        "survey_profiles",
        sa.Column("user_id", ID, nullable=False),
        sa.Column("committee", sa.String(length=64), nullable=True),
        sa.Column("building", sa.String(length=64), nullable=True),
        sa.Column("age_band", sa.String(length=64), nullable=True),
        _at("updated_at"),
        _fk("survey_profiles", "user_id", "users", "CASCADE"),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_survey_profiles")),
    )


def downgrade() -> None:
    for table in (
        "survey_profiles",
        "survey_participants",
        "survey_tallies",
        "survey_answers",
        "survey_responses",
        "survey_questions",
        "surveys",
    ):
        op.drop_table(table)
